package breach_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
)

// A ledger file survives a crash in mid-write: the torn line is reported
// with its offset, every record before it is kept, and appends resume only
// once the caller has cut the torn bytes off explicitly.
func ExampleOpenFile() {
	dir, err := os.MkdirTemp("", "ledger")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "breaches.jsonl")

	lf, err := breach.OpenFile(path, breach.FileOptions{}) // sync on every append
	if err != nil {
		fmt.Println(err)
		return
	}
	detected := time.Date(2026, 11, 10, 17, 5, 0, 0, time.UTC)
	for _, id := range []string{"ticket-1", "ticket-2"} {
		if _, err := lf.Open(breach.Facts{
			ID: id, Kind: breach.Response, Term: "p1 response",
			TargetDuration: 8 * time.Hour, Elapsed: 9 * time.Hour,
			OccurredAt: detected, DetectedAt: detected, Credit: sla.MustShare("0%"),
		}, contract.Obligations{ReportWithin: time.Hour, ResolveWithin: 24 * time.Hour}); err != nil {
			fmt.Println(err)
			return
		}
	}
	lf.Close()

	// A crash while writing a third record leaves half a line.
	st, _ := os.Stat(path)
	intact := st.Size()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"event":"opened","id":"ticket-3","at":"2026-11`)
	f.Close()

	lf, err = breach.OpenFile(path, breach.FileOptions{})
	var torn *breach.TornError
	if errors.As(err, &torn) {
		fmt.Printf("torn line %d, %d bytes, starting where the intact ledger ends: %v; records kept: %d\n",
			torn.Line, torn.Len, torn.Offset == intact, lf.Len())
		_, err := lf.Report("ticket-1", "paging misrouted", detected.Add(time.Hour))
		fmt.Println("append before truncating:", errors.Is(err, breach.ErrTorn))
		if err := lf.TruncateTorn(torn.Offset); err != nil {
			fmt.Println(err)
			return
		}
	}
	_, err = lf.Report("ticket-1", "paging misrouted", detected.Add(time.Hour))
	fmt.Println("append after truncating:", err)
	lf.Close()
	// Output:
	// torn line 3, 47 bytes, starting where the intact ledger ends: true; records kept: 2
	// append before truncating: true
	// append after truncating: <nil>
}
