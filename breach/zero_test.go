package breach

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestZeroLedger calls every method of the zero Ledger, of a nil *Ledger
// and of the zero File on each: changes fail with ErrInvalid and a
// message naming the constructors, reads answer as for an empty ledger,
// and nothing panics.
func TestZeroLedger(t *testing.T) {
	receivers := []struct {
		name string
		l    func() *Ledger
	}{
		{"new(Ledger)", func() *Ledger { return new(Ledger) }},
		{"&Ledger{}", func() *Ledger { return &Ledger{} }},
		{"nil *Ledger", func() *Ledger { return nil }},
		{"File{}.Ledger", func() *Ledger { return File{}.Ledger }},
		{"new(File).Ledger", func() *Ledger { return new(File).Ledger }},
	}
	at := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	changes := []struct {
		name string
		call func(*Ledger) (Record, error)
	}{
		{"Open valid facts", func(l *Ledger) (Record, error) { return l.Open(availabilityFacts("b-1"), wallDay) }},
		{"Open zero facts", func(l *Ledger) (Record, error) { return l.Open(Facts{}, wallDay) }},
		{"Report", func(l *Ledger) (Record, error) { return l.Report("b-1", "outage", at) }},
		{"Resolve", func(l *Ledger) (Record, error) { return l.Resolve("b-1", at) }},
	}
	for _, rc := range receivers {
		for _, c := range changes {
			t.Run(rc.name+"/"+c.name, func(t *testing.T) {
				l := rc.l()
				r, err := c.call(l)
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("err = %v, want ErrInvalid", err)
				}
				if msg := err.Error(); !strings.Contains(msg, "zero Ledger") || !strings.Contains(msg, "NewLedger") {
					t.Errorf("err = %q, want it to name the zero Ledger and NewLedger", msg)
				}
				if diff := cmp.Diff(Record{}, r, cmp.AllowUnexported(Record{}), cmpOpts); diff != "" {
					t.Errorf("record (-want +got):\n%s", diff)
				}
				if n := l.Len(); n != 0 {
					t.Errorf("Len after the failed change = %d, want 0", n)
				}
			})
		}
		t.Run(rc.name+"/reads", func(t *testing.T) {
			l := rc.l()
			if n := l.Len(); n != 0 {
				t.Errorf("Len = %d, want 0", n)
			}
			if rs := l.Records(); len(rs) != 0 {
				t.Errorf("Records = %d records, want none", len(rs))
			}
			if r, ok := l.Record("b-1"); ok || r.ID() != "" {
				t.Errorf("Record(b-1) = %q, %t, want not found", r.ID(), ok)
			}
			if s := l.Summarize(at); len(s) != 0 {
				t.Errorf("Summarize = %d summaries, want none", len(s))
			}
		})
	}
}

// TestZeroFile calls the File methods of the zero File: each fails with
// ErrInvalid and a message naming OpenFile, and nothing panics.
func TestZeroFile(t *testing.T) {
	receivers := []struct {
		name string
		f    func() *File
	}{
		{"new(File)", func() *File { return new(File) }},
		{"&File{}", func() *File { return &File{} }},
	}
	calls := []struct {
		name string
		call func(*File) error
	}{
		{"TruncateTorn(0)", func(f *File) error { return f.TruncateTorn(0) }},
		{"TruncateTorn(1)", func(f *File) error { return f.TruncateTorn(1) }},
		{"Flush", func(f *File) error { return f.Flush() }},
		{"Close", func(f *File) error { return f.Close() }},
		{"Open", func(f *File) error { _, err := f.Open(availabilityFacts("b-1"), wallDay); return err }},
		{"Report", func(f *File) error { _, err := f.Report("b-1", "outage", time.Now()); return err }},
		{"Resolve", func(f *File) error { _, err := f.Resolve("b-1", time.Now()); return err }},
	}
	for _, rc := range receivers {
		for _, c := range calls {
			t.Run(rc.name+"/"+c.name, func(t *testing.T) {
				err := c.call(rc.f())
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("err = %v, want ErrInvalid", err)
				}
				if msg := err.Error(); !strings.Contains(msg, "OpenFile") {
					t.Errorf("err = %q, want it to say to build one with OpenFile", msg)
				}
			})
		}
		t.Run(rc.name+"/reads", func(t *testing.T) {
			f := rc.f()
			if n := f.Len(); n != 0 {
				t.Errorf("Len = %d, want 0", n)
			}
			if rs := f.Records(); len(rs) != 0 {
				t.Errorf("Records = %d records, want none", len(rs))
			}
			if _, ok := f.Record("b-1"); ok {
				t.Error("Record(b-1) found, want not found")
			}
			if s := f.Summarize(time.Now()); len(s) != 0 {
				t.Errorf("Summarize = %d summaries, want none", len(s))
			}
		})
	}
}

// TestLineErrorWithoutCause checks that a LineError whose Err is nil
// tells the line without a cause instead of panicking.
func TestLineErrorWithoutCause(t *testing.T) {
	tests := []struct {
		name string
		err  *LineError
		want string
	}{
		{"zero", new(LineError), "breach: ledger line 0 (byte offset 0, 0 bytes)"},
		{"line, no cause", &LineError{Line: 3, Offset: 120, Len: 35}, "breach: ledger line 3 (byte offset 120, 35 bytes)"},
		{"with cause", &LineError{Line: 3, Offset: 120, Len: 35, Err: ErrCorrupt},
			"breach: ledger line 3 (byte offset 120, 35 bytes): corrupt ledger line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
	if got := new(LineError).Unwrap(); got != nil {
		t.Errorf("Unwrap of the zero LineError = %v, want nil", got)
	}
}

// TestNewLedgerNilWriter: a ledger made with a nil writer dereferenced
// nil at its first change; NewLedger refuses it.
func TestNewLedgerNilWriter(t *testing.T) {
	l, err := NewLedger(nil, nil)
	if l != nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "io.Discard") {
		t.Errorf("NewLedger(nil, nil) = %v, %v; want nil and an error wrapping ErrInvalid that names io.Discard", l, err)
	}
}
