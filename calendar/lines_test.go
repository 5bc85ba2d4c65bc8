package calendar

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParseCalendarGivesLines: the package doc promised errors such as
// "line 7: holidays[2].day", but only ParseSpec's own errors (syntax,
// types, unknown keys) had a line; the errors Spec.Calendar finds — a
// date that does not exist, overlapping spans, an unknown zone — had
// Line 0. ParseCalendar reads a document and builds its calendar, and
// every error names the line of its field in the document. The expected
// line is that of the marked text in the document.
func TestParseCalendarGivesLines(t *testing.T) {
	base := `{
  "zone": "Europe/Berlin",
  "hours": [
    {"days": "Mon-Fri", "spans": ["09:00-12:00", "13:00-17:00"]}
  ],
  "holidays": [
    {"name": "New Year", "month": 1, "day": 1},
    {"name": "Labour Day", "month": 5, "day": 1},
    {"name": "Christmas", "month": 12, "day": 25}
  ],
  "overrides": [
    {"date": "2026-12-24", "hours": ["09:00-12:00"]}
  ]
}`
	tests := []struct {
		name     string
		old, new string // the edit to the document
		path     string
		kind     error
	}{
		{"31 April", `"month": 12, "day": 25`, `"month": 4, "day": 31`, "holidays[2].day", ErrNoSuchDate},
		{"overlapping spans", `"13:00-17:00"`, `"11:00-17:00"`, "hours[0].spans[1]", ErrOverlap},
		{"unknown zone", `"Europe/Berlin"`, `"Europe/Atlantis"`, "zone", ErrUnknownZone},
		{"override date that does not exist", `"2026-12-24"`, `"2026-02-30"`, "overrides[0].date", ErrNoSuchDate},
		{"type error, found by ParseSpec", `"day": 25`, `"day": "25"`, "holidays[2].day", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(base, tt.old, tt.new, 1)
			require.NotEqual(t, base, doc)
			wantLine := strings.Count(doc[:strings.Index(doc, tt.new)], "\n") + 1
			_, err := ParseCalendar([]byte(doc))
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			if fe.Path != tt.path || fe.Line != wantLine {
				t.Errorf("FieldError{Path: %q, Line: %d}, want {%q, %d}: %v", fe.Path, fe.Line, tt.path, wantLine, err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v does not wrap %v", err, tt.kind)
			}
		})
	}
	c, err := ParseCalendar([]byte(base))
	require.NoError(t, err)
	require.Equal(t, "Europe/Berlin", c.Location().String())
}
