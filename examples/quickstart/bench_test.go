package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRun measures a whole default run: parsing the embedded
// contract and CSV files, evaluating the month, opening the breaches and
// rendering the report.
func BenchmarkRun(b *testing.B) {
	for _, format := range []string{"text", "json", "markdown"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"--format", format}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit status %d", code)
				}
			}
		})
	}
}

// BenchmarkEvaluate measures the evaluation alone, inputs already loaded.
func BenchmarkEvaluate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (inputs{period: "2026-03"}).evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}

// manyTickets returns a tickets file of n tickets of the sample contract
// in March 2026, three events each: opened at a random instant of the
// month, answered within two hours and resolved within 60 more.
func manyTickets(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("id,priority,event,at\n")
	start := time.Date(2026, 3, 1, 5, 0, 0, 0, time.UTC)
	for i := range n {
		open := start.Add(time.Duration(r.Int64N(30*24*3600)) * time.Second)
		respond := open.Add(time.Duration(1+r.IntN(119)) * time.Minute)
		resolve := respond.Add(time.Duration(1+r.IntN(59)) * time.Hour)
		p := []string{"P1", "P2", "P3"}[r.IntN(3)]
		for _, ev := range []struct {
			kind string
			at   time.Time
		}{{"open", open}, {"respond", respond}, {"resolve", resolve}} {
			fmt.Fprintf(&b, "T-%d,%s,%s,%s\n", i, p, ev.kind, ev.at.Format(time.RFC3339))
		}
	}
	return b.Bytes()
}

// BenchmarkManyTickets is the quickstart on 200,000 tickets, text report.
func BenchmarkManyTickets(b *testing.B) {
	path := filepath.Join(b.TempDir(), "tickets.csv")
	if err := os.WriteFile(path, manyTickets(200_000), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := run([]string{"--tickets", path, "--period", "2026-03"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
