package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
)

// Running the program without arguments evaluates the embedded sample
// month, March 2026; here only the verdicts and the credit are printed.
func Example() {
	var out bytes.Buffer
	code := run(nil, &out, os.Stderr)
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  verdict") || strings.HasPrefix(line, "Response term") || strings.HasPrefix(line, "Credit owed") {
			fmt.Println(line)
		}
	}
	fmt.Println("exit status", code)
	// Output:
	// Credit owed:   10% of the fee of 12000.00 USD: 1200.00 USD (the largest credit of any segment; rounded to the nearest cent, halves up)
	//   verdict         MISSED                    met
	// Response term "tickets": 7 tickets (1 carried in), 3 breached (T-102, T-104, T-105)
	// Credit owed: 10% of the fee of 12000.00 USD: 1200.00 USD (the largest credit of any segment; rounded to the nearest cent, halves up)
	// exit status 0
}

// A file that cannot be read is named on stderr, and nothing is written
// to stdout.
func Example_missingFile() {
	var out bytes.Buffer
	code := run([]string{"--contract", "/no/such/file"}, &out, os.Stdout)
	fmt.Printf("exit status %d, %d bytes on stdout\n", code, out.Len())
	// Output:
	// quickstart: /no/such/file: cannot read: no such file or directory
	// exit status 2, 0 bytes on stdout
}
