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

// FuzzRecover: Recover never panics; when Replay accepts the input,
// Recover agrees; otherwise the spans it sets aside lie in order inside
// the input, only a torn one ends it, and the bytes outside them — what a
// repaired ledger file keeps — replay cleanly to exactly the records
// Recover returned.
func FuzzRecover(f *testing.F) {
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	if err != nil {
		f.Fatal(err)
	}
	writeSample(f, l, 4)
	valid := buf.Bytes()
	lines := bytes.SplitAfter(valid, []byte("\n"))
	f.Add(valid)
	f.Add(append(append([]byte(nil), valid...), make([]byte, 100)...))
	f.Add(bytes.Join([][]byte{lines[0], []byte("{}\n\n"), lines[0], lines[1]}, nil))
	f.Add(bytes.Join([][]byte{lines[1], lines[0], []byte(`{"id":"x","id":"y"}` + "\n"), lines[2]}, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		strict, strictErr := Replay(bytes.NewReader(data))
		recs, err := Recover(bytes.NewReader(data))
		if strictErr == nil {
			if err != nil {
				t.Fatalf("Replay accepts what Recover does not: %v", err)
			}
			if diff := cmp.Diff(strict, recs); diff != "" {
				t.Fatalf("Recover and Replay differ (-replay +recover):\n%s", diff)
			}
			return
		}
		var dmg *DamageError
		if !errors.As(err, &dmg) {
			t.Fatalf("Replay fails (%v) but Recover returns %v", strictErr, err)
		}
		var kept []byte
		at := int64(0)
		for _, s := range dmg.spans() {
			if s[0] < at || s[1] <= 0 || s[0]+s[1] > int64(len(data)) {
				t.Fatalf("span %v after %d in %d bytes", s, at, len(data))
			}
			kept = append(kept, data[at:s[0]]...)
			at = s[0] + s[1]
		}
		if dmg.Torn != nil && at != int64(len(data)) {
			t.Fatalf("torn line %+v does not end the input of %d bytes", dmg.Torn, len(data))
		}
		kept = append(kept, data[at:]...)
		again, err := Replay(bytes.NewReader(kept))
		if err != nil {
			t.Fatalf("the kept bytes do not replay: %v", err)
		}
		if diff := cmp.Diff(recs, again); diff != "" {
			t.Fatalf("the kept bytes replay to other records (-recover +kept):\n%s", diff)
		}
	})
}
