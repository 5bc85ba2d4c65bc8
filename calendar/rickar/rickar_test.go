package rickar_test

import (
	"slices"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/rickar"
)

func build(t *testing.T, rules ...calendar.Rule) *calendar.Calendar {
	t.Helper()
	c, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
	require.NoError(t, err)
	return c
}

// rickar/cal's own observance rules decide the observed day: US
// Independence Day 2026 falls on a Saturday and is observed on Friday 3
// July (5 U.S.C. 6103(b): a holiday on a Saturday is observed the Friday
// before).
func TestObservedDayIsRickars(t *testing.T) {
	c := build(t, rickar.Rules(us.Holidays...)...)
	h, ok := c.Holiday(us.IndependenceDay.Name, 2026)
	require.True(t, ok)
	require.Equal(t, calendar.Date{Year: 2026, Month: 7, Day: 4}, h.Date)
	require.Equal(t, calendar.Date{Year: 2026, Month: 7, Day: 3}, h.Observed)
}

// The rule holds a copy: changing the holiday afterwards changes nothing.
func TestRuleCopiesTheHoliday(t *testing.T) {
	h := gb.ChristmasDay.Clone(nil)
	h.Observed = slices.Clone(h.Observed) // Clone shares it with gb's set
	r := rickar.Rule(h)
	h.Month, h.Day, h.Observed[0].Offset = time.July, 4, 5
	c := build(t, r)
	got, ok := c.Holiday("Christmas Day", 2027)
	require.True(t, ok)
	require.Equal(t, calendar.Holiday{Name: "Christmas Day", Date: calendar.Date{Year: 2027, Month: 12, Day: 25}, Observed: calendar.Date{Year: 2027, Month: 12, Day: 27}}, got)
}

// Years without the holiday (before StartYear, after EndYear, in Except)
// have none; a nil holiday is a rule calendar.New rejects.
func TestYearsWithoutTheHoliday(t *testing.T) {
	c := build(t, rickar.Rules(gb.EarlyMay, gb.VEDay)...)
	_, ok := c.Holiday("Early May", 2020)
	require.False(t, ok, "2020 is an Except year: VE Day took its place")
	ve, ok := c.Holiday("VE Day", 2020)
	require.True(t, ok)
	require.Equal(t, calendar.Date{Year: 2020, Month: 5, Day: 8}, ve.Observed)
	_, ok = c.Holiday("VE Day", 2021)
	require.False(t, ok)
	_, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rickar.Rule(nil)))
	require.Error(t, err)
	// A function that gives a date far from its year is no holiday.
	odd := &cal.Holiday{Name: "Odd", Func: func(*cal.Holiday, int) time.Time { return time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC) }}
	require.Empty(t, build(t, rickar.Rule(odd)).HolidaysIn(2026))
}
