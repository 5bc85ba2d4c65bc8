package breach_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// A ledger file damaged in the middle — here by a line someone typed into
// it — is refused by default, with every damaged line named. Recover
// reads every complete record without touching the file, and
// FileOptions.Recover repairs it: the damage goes to a side file, every
// record stays, and appends resume.
func ExampleOpenFile_recover() {
	dir, err := os.MkdirTemp("", "ledger")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "breaches.jsonl")

	lf, err := breach.OpenFile(path, breach.FileOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	detected := time.Date(2026, 11, 10, 17, 5, 0, 0, time.UTC)
	open := func(lf *breach.File, id string) {
		if _, err := lf.Open(breach.Facts{
			ID: id, Kind: breach.Response, Term: "p1 response",
			TargetDuration: 8 * time.Hour, Elapsed: 9 * time.Hour,
			OccurredAt: detected, DetectedAt: detected, Credit: sla.MustShare("0%"),
		}, contract.Obligations{ReportWithin: time.Hour, ResolveWithin: 24 * time.Hour}); err != nil {
			fmt.Println(err)
		}
	}
	open(lf, "ticket-1")
	open(lf, "ticket-2")
	lf.Close()
	// Someone edits the file by hand and adds a line after the first.
	data, _ := os.ReadFile(path)
	first, rest, _ := strings.Cut(string(data), "\n")
	os.WriteFile(path, []byte(first+"\nticket-2 was escalated by phone\n"+rest), 0o644)

	_, err = breach.OpenFile(path, breach.FileOptions{})
	var dmg *breach.DamageError
	if errors.As(err, &dmg) {
		le := dmg.Lines[0]
		fmt.Printf("refused: %d damaged line: line %d, %d bytes, starting where line 1 ends: %v, corrupt: %v\n",
			len(dmg.Lines), le.Line, le.Len, le.Offset == int64(len(first)+1), errors.Is(le, breach.ErrCorrupt))
	}

	f, _ := os.Open(path)
	recs, err := breach.Recover(f)
	f.Close()
	if errors.As(err, &dmg) {
		fmt.Printf("Recover reads %d records, setting aside line %d\n", len(recs), dmg.Lines[0].Line)
	}

	side := filepath.Join(dir, "breaches.damaged")
	lf, err = breach.OpenFile(path, breach.FileOptions{Recover: true, SetAside: side})
	if errors.As(err, &dmg) {
		fmt.Printf("recovered %d records, set aside %d line\n", lf.Len(), len(dmg.Lines))
	}
	open(lf, "ticket-3")
	lf.Close()
	aside, _ := os.ReadFile(side)
	_, text, _ := strings.Cut(string(aside), "\n") // after the header line
	fmt.Printf("side file: %q\n", text)

	lf, err = breach.OpenFile(path, breach.FileOptions{})
	fmt.Println("reopened:", lf.Len(), "records,", err)
	lf.Close()
	// Output:
	// refused: 1 damaged line: line 2, 32 bytes, starting where line 1 ends: true, corrupt: true
	// Recover reads 2 records, setting aside line 2
	// recovered 2 records, set aside 1 line
	// side file: "ticket-2 was escalated by phone\n"
	// reopened: 3 records, <nil>
}
