package breach

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzReplay feeds arbitrary bytes to the ledger decoder. It must never
// panic; it returns either records and nil, a *TornError, or an error;
// and whatever it accepts, written back through a Ledger and replayed,
// gives the same records.
func FuzzReplay(f *testing.F) {
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	if err != nil {
		f.Fatal(err)
	}
	writeSample(f, l, 4)
	valid := buf.Bytes()
	f.Add(valid)
	f.Add(valid[:len(valid)-7])
	f.Add([]byte{})
	f.Add([]byte("\n"))
	f.Add([]byte(`{"event":"resolved","id":"x","at":"2026-12-01T00:00:00Z"}` + "\n"))
	f.Add([]byte(`{"event":"opened","id":"x","at":"2026-12-01T00:00:00+02:00","record":{}}` + "\n"))
	f.Add(bytes.ReplaceAll(valid, []byte(`"99.9%"`), []byte(`"1e400%"`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := Replay(bytes.NewReader(data))
		var torn *TornError
		var le *LineError
		switch {
		case err == nil:
		case errors.As(err, &torn):
			if torn.Offset < 0 || torn.Offset+torn.Len != int64(len(data)) {
				t.Fatalf("TornError{Offset %d, Len %d} for %d bytes", torn.Offset, torn.Len, len(data))
			}
		case errors.As(err, &le):
			if le.Line < 1 || le.Offset < 0 || le.Offset > int64(len(data)) {
				t.Fatalf("LineError{Line %d, Offset %d} for %d bytes", le.Line, le.Offset, len(data))
			}
			return
		default:
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		// Whatever was accepted re-encodes to a ledger that replays to
		// the same records.
		var out bytes.Buffer
		l, err := NewLedger(&out, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if err := l.write(openedEvent(r)); err != nil {
				t.Fatalf("re-encode %s: %v", r.ID(), err)
			}
			if r.IsReported() {
				if err := l.write(eventJSON{Event: evReported, ID: r.ID(), At: r.ReportedAt(), Reason: r.Reason()}); err != nil {
					t.Fatal(err)
				}
			}
			if r.IsResolved() {
				if err := l.write(eventJSON{Event: evResolved, ID: r.ID(), At: r.ResolvedAt()}); err != nil {
					t.Fatal(err)
				}
			}
		}
		again, err := Replay(&out)
		if err != nil {
			t.Fatalf("replay of the re-encoded ledger: %v", err)
		}
		if diff := cmp.Diff(recs, again); diff != "" {
			t.Fatalf("re-encoded ledger (-first +second):\n%s", diff)
		}
	})
}

// FuzzKindText: UnmarshalText accepts exactly the two names, and what it
// accepts marshals back to the same text.
func FuzzKindText(f *testing.F) {
	for _, s := range []string{"availability", "response", "", "Response", "kind"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k Kind
		err := k.UnmarshalText([]byte(s))
		if (err == nil) != (s == "availability" || s == "response") {
			t.Fatalf("UnmarshalText(%q) error = %v", s, err)
		}
		if err != nil {
			return
		}
		b, err := k.MarshalText()
		if err != nil || string(b) != s {
			t.Fatalf("MarshalText after UnmarshalText(%q) = %q, %v", s, b, err)
		}
	})
}
