package breach

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestErrorsQuoteAPrefix: an id, kind, reason or time of about 1 MiB,
// given in Go or in a ledger line, gives an error that quotes a short
// prefix of it (64 bytes, then its length) or cuts encoding/json's
// message to 200 bytes: under 200 bytes for one cut text, 300 for two,
// 400 where a message cut to 200 bytes follows the place in the ledger.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("x", MaxLine-300)
	bad := strings.Repeat("\xff", 1<<20)
	line := func(s string) string { return s + "\n" }
	for _, tc := range []struct {
		name string
		most int
		err  func() error
	}{
		{"Kind.UnmarshalText", 200, func() error { var k Kind; return k.UnmarshalText([]byte(bad)) }},
		{"Open, an ID that is not UTF-8", 300, func() error { _, err := Open(availabilityFacts(bad), wallDay); return err }},
		{"Report, a reason that is not UTF-8", 300, func() error {
			r, err := Open(availabilityFacts(long), wallDay)
			require.NoError(t, err)
			_, err = r.Report(bad, r.Facts().DetectedAt)
			return err
		}},
		{"Replay, an unknown event", 300, func() error {
			_, err := Replay(strings.NewReader(line(`{"event":"` + long + `","id":"a","at":"2026-12-01T00:00:00Z"}`)))
			return err
		}},
		{"Replay, a report of an unknown id", 300, func() error {
			_, err := Replay(strings.NewReader(line(`{"event":"reported","id":"` + long + `","at":"2026-12-01T00:00:00Z","reason":"r"}`)))
			return err
		}},
		{"Replay, a time", 400, func() error {
			_, err := Replay(strings.NewReader(line(`{"event":"reported","id":"a","at":"` + long + `"}`)))
			return err
		}},
		{"Replay, an unknown key", 400, func() error {
			_, err := Replay(strings.NewReader(line(`{"event":"reported","id":"a","at":"2026-12-01T00:00:00Z","` + long + `":1}`)))
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.400s…", n, tc.most, err)
			}
		})
	}
}
