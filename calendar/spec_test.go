package calendar

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

const sampleSpec = `{
  "zone": "Europe/Berlin",
  "hours": [
    {"days": "Mon-Fri", "spans": ["09:00-12:30", "13:30-17:00"]},
    {"days": "Sat", "spans": ["22:00-06:00"]}
  ],
  "holidays": [
    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "next-open-day"},
    {"name": "Good Friday", "easter": -2},
    {"name": "Easter Sunday", "easter": 0},
    {"name": "Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11, "first_year": 1942},
    {"name": "Last Friday", "nth": -1, "weekday": "Fri", "month": 6, "last_year": 2030},
    {"name": "Royal wedding", "date": "2011-04-29"}
  ],
  "overrides": [
    {"date": "2026-12-24", "hours": ["09:00-12:00"]},
    {"date": "2026-12-31", "closed": true}
  ]
}`

func TestSpecRoundTrip(t *testing.T) {
	s, err := ParseSpec([]byte(sampleSpec))
	require.NoError(t, err)
	c, err := s.Calendar()
	require.NoError(t, err)
	if diff := cmp.Diff(s, c.Spec()); diff != "" {
		t.Errorf("Calendar().Spec() (-want +got):\n%s", diff)
	}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	s2, err := ParseSpec(data)
	require.NoError(t, err)
	if diff := cmp.Diff(s, s2); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	// The rebuilt calendar answers the same: one year of business time.
	c2, err := s2.Calendar()
	require.NoError(t, err)
	a := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := a.AddDate(1, 0, 0)
	require.Equal(t, c.Between(a, b), c2.Between(a, b))
	// Christmas Eve closes at 12:00.
	eve := time.Date(2026, 12, 24, 12, 30, 0, 0, c.Location())
	require.False(t, c2.IsOpen(eve))
}

// TestBadInput checks that each kind of bad definition is an error that
// names the field, wraps the right sentinel, and never panics.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		path     string // the field the error must name
		sentinel error
	}{
		{"overlapping spans", `{"zone":"UTC","hours":[{"days":"Mon-Fri","spans":["09:00-17:00","16:00-18:00"]}]}`, "hours[0].spans[1]", ErrOverlap},
		{"overlapping entries", `{"zone":"UTC","hours":[{"days":"Mon-Fri","spans":["09:00-17:00"]},{"days":"Fri","spans":["16:30-18:00"]}]}`, "hours[1].spans[0]", ErrOverlap},
		{"never open", `{"zone":"UTC","hours":[]}`, "hours", ErrNeverOpen},
		{"unknown zone", `{"zone":"Mars/Olympus_Mons","hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`, "zone", ErrUnknownZone},
		{"missing zone", `{"hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`, "zone", ErrUnknownZone},
		{"31 April", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":4,"day":31}]}`, "holidays[0].day", ErrNoSuchDate},
		{"30 February", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"ok","month":2,"day":29},{"name":"x","month":2,"day":30}]}`, "holidays[1].day", ErrNoSuchDate},
		{"month 13", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":13,"day":1}]}`, "holidays[0].month", ErrNoSuchDate},
		{"nth 6", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","nth":6,"weekday":"Mon","month":5}]}`, "holidays[0].nth", ErrNoSuchDate},
		{"25:00", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-25:00"]}]}`, "hours[0].spans[0]", nil},
		{"start at 24:00", `{"zone":"UTC","hours":[{"days":"Mon","spans":["24:00-06:00"]}]}`, "hours[0].spans[0]", ErrInvalid},
		{"bad weekday set", `{"zone":"UTC","hours":[{"days":"Mon-Funday","spans":["09:00-17:00"]}]}`, "hours[0].days", nil},
		{"no name", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"month":1,"day":1}]}`, "holidays[0].name", ErrInvalid},
		{"two kinds", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","easter":1,"date":"2026-01-01"}]}`, "holidays[0]", ErrInvalid},
		{"bad policy", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","easter":1,"observed":"someday"}]}`, "holidays[0].observed", nil},
		{"bad override date", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-04-31","closed":true}]}`, "overrides[0].date", nil},
		{"override out of range", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"0000-01-01","closed":true}]}`, "overrides[0].date", ErrOutOfRange},
		{"override twice", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","closed":true},{"date":"2026-01-01","closed":true}]}`, "overrides[1].date", ErrInvalid},
		{"override without hours", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01"}]}`, "overrides[0]", ErrInvalid},
		{"override overlap", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","hours":["10:00-12:00","11:00-13:00"]}]}`, "overrides[0].hours[1]", ErrOverlap},
		{"wrong JSON type", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":"May","day":1}]}`, "holidays[0].month", ErrInvalid},
		{"unknown field", `{"zone":"UTC","hourz":[]}`, "", nil},
		{"malformed JSON", `{"zone":"UTC",`, "", nil},
		{"not an object", `[1,2,3]`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSpec([]byte(tt.spec))
			if err == nil {
				_, err = s.Calendar()
			}
			require.Error(t, err)
			require.True(t, strings.HasPrefix(err.Error(), "calendar: "), "error %q lacks the package prefix", err)
			if tt.path != "" {
				var fe *FieldError
				require.True(t, errors.As(err, &fe), "error %q is not a *FieldError", err)
				require.Equal(t, tt.path, fe.Path, "error %q", err)
			}
			if tt.sentinel != nil {
				require.ErrorIs(t, err, tt.sentinel)
			}
		})
	}
}

// TestNewErrors covers errors only the Go API can produce.
func TestNewErrors(t *testing.T) {
	_, err := New(nil, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
	require.ErrorIs(t, err, ErrUnknownZone)
	_, err = New(time.UTC)
	require.ErrorIs(t, err, ErrNeverOpen)
	_, err = New(time.UTC, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(Rule{name: "zero"}))
	require.ErrorIs(t, err, ErrInvalid)
	_, err = New(time.UTC, Weekly(MondayToFriday, Span{Clock(9 * 3600), Clock(90000)}))
	require.ErrorIs(t, err, ErrInvalid)
	_, err = New(time.UTC, Weekly(0, MustSpan("09:00-17:00")))
	require.ErrorIs(t, err, ErrInvalid)
}
