package breach

import (
	"errors"
	"strings"
	"testing"
)

// TestReplayDuplicateKeys: a ledger line with a key twice is corrupt,
// whichever copy would win, and the error names the key's path.
func TestReplayDuplicateKeys(t *testing.T) {
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	opened := line(t, openedEvent(r))
	tests := []struct{ name, old, new, path string }{
		{"two ids", `"id":"b-1",`, `"id":"b-1","id":"b-2",`, `"id"`},
		{"two equal ids", `"id":"b-1",`, `"id":"b-1","id":"b-1",`, `"id"`},
		{"two events", `"event":"opened"`, `"event":"opened","event":"opened"`, `"event"`},
		{"two record ids", `"record":{"id":"b-1"`, `"record":{"id":"b-1","id":"b-1"`, `"record.id"`},
		{"two goods in measured", `"good":2588400000000000`, `"good":1,"good":2588400000000000`, `"record.measured.good"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(opened, tt.old) {
				t.Fatalf("%q not in %s", tt.old, opened)
			}
			text := strings.Replace(opened, tt.old, tt.new, 1) + "\n"
			recs, err := Replay(strings.NewReader(text))
			var le *LineError
			if !errors.As(err, &le) || le.Line != 1 || !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Replay = %v, want a *LineError for line 1 wrapping ErrCorrupt", err)
			}
			if want := "duplicate key " + tt.path; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if len(recs) != 0 {
				t.Errorf("Replay kept %d records from a line with a duplicate key", len(recs))
			}
		})
	}
}
