package breach

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the error text, or "" for none
	}{
		{"no object", `[1,"a",null]`, ""},
		{"distinct keys", `{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}`, ""},
		{"same key in sibling objects", `[{"id":1},{"id":1}]`, ""},
		{"same key at two depths", `{"id":{"id":1}}`, ""},
		{"top level", `{"id":"x","at":1,"id":"y"}`, `duplicate key "id"`},
		{"nested", `{"record":{"id":"x","kind":"k","id":"x"}}`, `duplicate key "record.id"`},
		{"after a nested object closes", `{"a":{"b":1},"c":[1,{"d":2}],"a":3}`, `duplicate key "a"`},
		{"in an array element", `{"list":[{"k":1},{"k":1,"k":2}]}`, `duplicate key "list[1].k"`},
		{"escaped spelling of the same key", `{"id":1,"\u0069d":2}`, `duplicate key "id"`},
		{"empty key twice", `{"":1,"":2}`, `duplicate key ""`},
		{"a duplicate before a syntax error", `{"a":1,"a"`, `duplicate key "a"`},
		{"syntax error before any duplicate", `{"a":1,}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDuplicateKeys([]byte(tt.in))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("checkDuplicateKeys(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

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
