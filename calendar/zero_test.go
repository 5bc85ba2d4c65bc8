package calendar

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

const zeroMessage = "calendar: the zero Calendar is not usable: build one with New, Always or Spec.Calendar"

// TestZeroCalendarPanics: every query of the zero Calendar panics at
// once with one message, wrapping ErrZeroCalendar. Before, Add and
// NextOpen looped forever (a week with no open time), NextClose and
// AddOpenDays panicked with messages about something else.
func TestZeroCalendarPanics(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	d := Date{2026, 3, 9}
	calls := map[string]func(c *Calendar){
		"Add":         func(c *Calendar) { c.Add(at, time.Hour) },
		"AddOpenDays": func(c *Calendar) { c.AddOpenDays(d, 3) },
		"Between":     func(c *Calendar) { c.Between(at, at.Add(time.Hour)) },
		"Holiday":     func(c *Calendar) { c.Holiday("New Year's Day", 2026) },
		"HolidayOn":   func(c *Calendar) { c.HolidayOn(d) },
		"HolidaysIn":  func(c *Calendar) { c.HolidaysIn(2026) },
		"HolidaysOn":  func(c *Calendar) { c.HolidaysOn(d) },
		"HoursOn":     func(c *Calendar) { c.HoursOn(d) },
		"IsOpen":      func(c *Calendar) { c.IsOpen(at) },
		"IsOpenOn":    func(c *Calendar) { c.IsOpenOn(d) },
		"Location":    func(c *Calendar) { c.Location() },
		"NextClose":   func(c *Calendar) { c.NextClose(at) },
		"NextOpen":    func(c *Calendar) { c.NextOpen(at) },
		"Open":        func(c *Calendar) { c.Open(window.Interval{Start: at, End: at.Add(time.Hour)}) },
		"OpenDays":    func(c *Calendar) { c.OpenDays(d, d.AddDays(7)) },
		"Spec":        func(c *Calendar) { c.Spec() },
		"String":      func(c *Calendar) { _ = c.String() },
	}
	// The methods that answer a zero Calendar: IsZero, and those with an
	// error result (TestZeroCalendarErrors) or that fill it.
	answers := map[string]bool{"IsZero": true, "MarshalJSON": true, "With": true, "UnmarshalJSON": true}
	typ := reflect.TypeFor[*Calendar]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		if _, ok := calls[name]; !ok && !answers[name] {
			t.Errorf("method %s is in neither table of this test", name)
		}
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			got := func() (v any) {
				defer func() { v = recover() }()
				call(&Calendar{})
				return nil
			}()
			err, ok := got.(error)
			require.True(t, ok, "panic value %#v, want an error", got)
			require.ErrorIs(t, err, ErrZeroCalendar)
			require.Equal(t, zeroMessage, err.Error())
			// A built calendar answers the same call.
			call(Always(time.UTC))
		})
	}
}

// TestZeroCalendarErrors: the methods of the zero Calendar with an error
// result return the error instead of panicking.
func TestZeroCalendarErrors(t *testing.T) {
	var c Calendar
	require.True(t, c.IsZero())
	require.False(t, Always(time.UTC).IsZero())

	_, err := c.With(Weekly(EveryDay, MustSpan("09:00-17:00")))
	require.ErrorIs(t, err, ErrZeroCalendar)
	require.EqualError(t, err, zeroMessage)

	_, err = c.MarshalJSON()
	require.ErrorIs(t, err, ErrZeroCalendar)
	_, err = json.Marshal(struct{ Hours *Calendar }{&c})
	require.ErrorIs(t, err, ErrZeroCalendar)
}

// TestCalendarJSONRoundTrip: a *Calendar inside another document is
// read back as the calendar that was written (the JSON round trip used
// to give an empty zero Calendar without an error). The calendars are
// compared by their answers (a year of business time, open days, and
// IsOpen at instants chosen on a holiday, an override and an ordinary
// day) and by the bytes they write again.
func TestCalendarJSONRoundTrip(t *testing.T) {
	ny := loadZone(t, "America/New_York")
	ber := loadZone(t, "Europe/Berlin")
	sample, err := ParseCalendar([]byte(sampleSpec))
	require.NoError(t, err)
	tests := []struct {
		name string
		cal  *Calendar
		at   []time.Time // instants where IsOpen is compared
	}{
		{
			name: "New York weekdays, no holidays",
			cal:  mustNew(t, ny, Weekly(MondayToFriday, MustSpan("09:00-17:00"))),
			at:   []time.Time{time.Date(2026, 3, 9, 10, 0, 0, 0, ny), time.Date(2026, 3, 8, 10, 0, 0, 0, ny)},
		},
		{
			name: "Berlin with every kind of rule and two overrides",
			cal:  sample,
			at: []time.Time{
				time.Date(2026, 4, 3, 10, 0, 0, 0, ber),   // Good Friday
				time.Date(2026, 12, 24, 11, 0, 0, 0, ber), // override 09:00-12:00: open
				time.Date(2026, 12, 24, 13, 0, 0, 0, ber), // override: closed
				time.Date(2026, 12, 31, 10, 0, 0, 0, ber), // override closed
				time.Date(2026, 3, 10, 10, 0, 0, 0, ber),  // an ordinary Tuesday
				time.Date(2026, 3, 15, 1, 0, 0, 0, ber),   // the Saturday night shift
			},
		},
		{
			name: "UTC around the clock with a closed day and a substitute rule",
			cal: mustNew(t, time.UTC, Weekly(EveryDay, Span{Midnight, EndOfDay}),
				Holidays(Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay).Weekend(Weekend)),
				Closed(Date{2026, 7, 1})),
			at: []time.Time{time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC), time.Date(2027, 12, 27, 12, 0, 0, 0, time.UTC)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type doc struct {
				Hours *Calendar `json:"hours"`
			}
			data, err := json.Marshal(doc{tt.cal})
			require.NoError(t, err)
			var got doc
			require.NoError(t, json.Unmarshal(data, &got))
			require.NotNil(t, got.Hours)
			require.False(t, got.Hours.IsZero())

			again, err := json.Marshal(got)
			require.NoError(t, err)
			require.Equal(t, string(data), string(again))

			require.Equal(t, tt.cal.Location().String(), got.Hours.Location().String())
			a := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			b := a.AddDate(2, 0, 0)
			require.Equal(t, tt.cal.Between(a, b), got.Hours.Between(a, b))
			require.Equal(t, tt.cal.OpenDays(Date{2026, 1, 1}, Date{2028, 1, 1}), got.Hours.OpenDays(Date{2026, 1, 1}, Date{2028, 1, 1}))
			for _, x := range tt.at {
				require.Equal(t, tt.cal.IsOpen(x), got.Hours.IsOpen(x), "IsOpen(%v)", x)
				require.True(t, tt.cal.Add(x, 90*time.Minute).Equal(got.Hours.Add(x, 90*time.Minute)), "Add(%v, 90m)", x)
			}
		})
	}
}

// TestCalendarUnmarshalErrors: UnmarshalJSON is as strict as
// ParseCalendar, leaves the calendar zero on an error, and does not
// change a calendar already built.
func TestCalendarUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		wantPath string
		wantLine int
		wantErr  error
	}{
		{
			name:     "unknown key",
			data:     "{\"zone\": \"UTC\",\n \"hour\": []}",
			wantPath: "hour", wantLine: 2, wantErr: ErrInvalid,
		},
		{
			name:     "key given twice",
			data:     "{\"zone\": \"UTC\",\n \"zone\": \"Europe/Paris\",\n \"hours\": [{\"days\": \"Mon\", \"spans\": [\"09:00-17:00\"]}]}",
			wantPath: "zone", wantLine: 2, wantErr: ErrInvalid,
		},
		{
			name:     "found while building: a date that does not exist",
			data:     "{\"zone\": \"UTC\",\n \"hours\": [{\"days\": \"Mon\", \"spans\": [\"09:00-17:00\"]}],\n \"overrides\": [\n  {\"date\": \"2026-04-31\", \"closed\": true}]}",
			wantPath: "overrides[0].date", wantLine: 4, wantErr: ErrNoSuchDate,
		},
		{
			name:     "never open",
			data:     `{"zone": "UTC", "hours": []}`,
			wantPath: "hours", wantLine: 1, wantErr: ErrNeverOpen,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Calendar
			err := c.UnmarshalJSON([]byte(tt.data))
			require.ErrorIs(t, err, tt.wantErr)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			require.Equal(t, tt.wantPath, fe.Path)
			require.Equal(t, tt.wantLine, fe.Line)
			require.True(t, c.IsZero(), "calendar changed by a failed UnmarshalJSON")
			_, perr := ParseCalendar([]byte(tt.data))
			require.Equal(t, perr.Error(), err.Error())
		})
	}

	t.Run("null leaves the calendar as it is", func(t *testing.T) {
		var c Calendar
		require.NoError(t, c.UnmarshalJSON([]byte("null")))
		require.True(t, c.IsZero())
	})

	t.Run("a calendar already built is not changed", func(t *testing.T) {
		c := mustNew(t, time.UTC, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
		before, err := json.Marshal(c)
		require.NoError(t, err)
		err = c.UnmarshalJSON([]byte(`{"zone": "Europe/Paris", "hours": [{"days": "Sat", "spans": ["10:00-12:00"]}]}`))
		require.ErrorIs(t, err, ErrInvalid)
		require.ErrorContains(t, err, "already built")
		after, err := json.Marshal(c)
		require.NoError(t, err)
		require.Equal(t, string(before), string(after))
		require.False(t, errors.Is(err, ErrZeroCalendar))
	})
}
