package calendar

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHolidayWithoutDate: a holiday whose only date field was null
// ("easter": null) or that had no date field at all was read as a fixed
// date on month 0 and reported as "holidays[0].month: no such date:
// month 0", which says nothing of what was wrong. A null value is the key
// left out, as for every field of a Spec; a holiday with no date is
// reported as such, and a fixed date missing its month or day names the
// missing field.
func TestHolidayWithoutDate(t *testing.T) {
	const pre = `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[`
	tests := []struct {
		name, holiday string
		path          string
		kind          error
		says          string
	}{
		{"easter null", `{"name":"x","easter":null}`, "holidays[0]", ErrInvalid, "no date"},
		{"orthodox easter null", `{"name":"x","orthodox_easter":null}`, "holidays[0]", ErrInvalid, "no date"},
		{"nothing", `{"name":"x"}`, "holidays[0]", ErrInvalid, "give month and day, date, easter"},
		{"day without month", `{"name":"x","month":null,"day":1}`, "holidays[0].month", ErrNoSuchDate, "missing"},
		{"month without day", `{"name":"x","month":5}`, "holidays[0].day", ErrNoSuchDate, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCalendar([]byte(pre + tt.holiday + `]}`))
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			if fe.Path != tt.path || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %v (path %q), want one at %s wrapping %v that says %q", err, fe.Path, tt.path, tt.kind, tt.says)
			}
			if strings.Contains(err.Error(), "month 0") {
				t.Errorf("error %q speaks of month 0", err)
			}
		})
	}
	// A null beside a date is the key left out.
	c, err := ParseCalendar([]byte(pre + `{"name":"May Day","easter":null,"month":5,"day":1}]}`))
	require.NoError(t, err)
	require.Len(t, c.HolidaysIn(2026), 1)
}
