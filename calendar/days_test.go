package calendar

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// usFederal returns the US federal holidays of 5 U.S.C. § 6103, with the
// rule of Executive Order 11582 for a holiday on a Saturday (the Friday
// before) or a Sunday (the Monday after).
func usFederal() []Rule {
	return []Rule{
		Fixed("New Year's Day", time.January, 1).Observed(NearestWeekday),
		NthWeekday("Birthday of Martin Luther King, Jr.", 3, time.Monday, time.January),
		NthWeekday("Washington's Birthday", 3, time.Monday, time.February),
		LastWeekday("Memorial Day", time.Monday, time.May),
		Fixed("Juneteenth National Independence Day", time.June, 19).Observed(NearestWeekday).From(2021),
		Fixed("Independence Day", time.July, 4).Observed(NearestWeekday),
		NthWeekday("Labor Day", 1, time.Monday, time.September),
		NthWeekday("Columbus Day", 2, time.Monday, time.October),
		Fixed("Veterans Day", time.November, 11).Observed(NearestWeekday),
		NthWeekday("Thanksgiving Day", 4, time.Thursday, time.November),
		Fixed("Christmas Day", time.December, 25).Observed(NearestWeekday),
	}
}

// TestOpenDaysKnownAnswers pins business-day counts and sums on a Monday
// to Friday calendar with the US federal holidays.
func TestOpenDaysKnownAnswers(t *testing.T) {
	c := mustNew(t, loadZone(t, "America/New_York"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(usFederal()...))

	// November 2021 began on Monday 1 and ended on Tuesday 30: four full
	// weeks of five weekdays (1–26) and Monday 29 and Tuesday 30, 22
	// weekdays. Veterans Day fell on Thursday 11 and Thanksgiving on
	// Thursday 25, both weekdays: 22 − 2 = 20 business days.
	require.Equal(t, 20, c.OpenDays(d(2021, 11, 1), d(2021, 12, 1)))
	require.Equal(t, -20, c.OpenDays(d(2021, 12, 1), d(2021, 11, 1)))

	// Saturday 4 January 2020 plus three business days: Sunday 5 is
	// closed, and Monday 6, Tuesday 7 and Wednesday 8 January are open (New
	// Year's Day was Wednesday 1, Martin Luther King Day Monday 20), so the
	// third is Wednesday 8 January 2020.
	require.Equal(t, d(2020, 1, 8), c.AddOpenDays(d(2020, 1, 4), 3))
	// Back from Wednesday 8: Tuesday 7, Monday 6, then Friday 3 January.
	require.Equal(t, d(2020, 1, 3), c.AddOpenDays(d(2020, 1, 8), -3))

	// Across a holiday observed on another day: Independence Day 2026
	// falls on Saturday 4 July and is observed on Friday 3 July, so
	// Thursday 2 July plus one business day is Monday 6 July.
	require.Equal(t, d(2026, 7, 6), c.AddOpenDays(d(2026, 7, 2), 1))
	require.False(t, c.IsOpenOn(d(2026, 7, 3)))
	require.Equal(t, d(2026, 7, 2), c.AddOpenDays(d(2026, 7, 2), 0))
}

// TestOpenDaysAgainstWalk cross-checks OpenDays and AddOpenDays with a walk
// over the days, on random calendars with holidays and overrides, over
// years near the middle and the ends of the supported range and across
// the boundaries of the stretches the calendar builds.
func TestOpenDaysAgainstWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(2021, 11))
	for ci := range 30 {
		loc := loadZone(t, oracleZones[ci%len(oracleZones)])
		first := []int{2, 1600, 2018, 2300, 9995}[ci%5]
		c := randomCalendar(t, r, loc, first, first+3)
		lo := Date{first - 1, 1, 1}.days()
		span := int64(6 * 366)
		open := func(n int64) bool { return c.IsOpenOn(dateFromDays(n)) }
		for range 40 {
			a := lo + r.Int64N(span)
			b := a + r.Int64N(400) - 50
			want := 0
			for x := min(a, b); x < max(a, b); x++ {
				if open(x) {
					want++
				}
			}
			if b < a {
				want = -want
			}
			require.Equal(t, want, c.OpenDays(dateFromDays(a), dateFromDays(b)), "OpenDays(%v, %v) on %v", dateFromDays(a), dateFromDays(b), c)

			n := r.IntN(120) - 60
			e := a
			for k := n; k != 0; {
				if k > 0 {
					e++
					if open(e) {
						k--
					}
				} else {
					e--
					if open(e) {
						k++
					}
				}
			}
			require.Equal(t, dateFromDays(e), c.AddOpenDays(dateFromDays(a), n), "AddOpenDays(%v, %d) on %v", dateFromDays(a), n, c)
		}
	}
}

// TestOpenDaysFarAway checks dates beyond the supported years, where only
// the weekly hours count, and that extreme arguments saturate rather than
// overflow or loop.
func TestOpenDaysFarAway(t *testing.T) {
	c := mustNew(t, loadZone(t, "Europe/Berlin"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	// A thousand weeks after year 10000 hold 5,000 weekdays.
	mon := Date{10001, 1, 1}
	for mon.Weekday() != time.Monday {
		mon = mon.AddDays(1)
	}
	require.Equal(t, 5000, c.OpenDays(mon, mon.AddDays(7000)))
	require.Equal(t, mon.AddDays(7000+4), c.AddOpenDays(mon.AddDays(-1), 5005))
	// From the year 1 across into the years before it and back.
	start := Date{1, 1, 10}
	back := c.AddOpenDays(start, -300)
	require.Equal(t, 300, c.OpenDays(back, start))
	// back is itself open, so the 299th open day after it is the last
	// before start, and the 300th is start or later.
	require.True(t, c.IsOpenOn(back))
	require.True(t, c.AddOpenDays(back, 299).Before(start))
	require.False(t, c.AddOpenDays(back, 300).Before(start))

	far := c.AddOpenDays(d(2026, 1, 1), math.MaxInt)
	require.True(t, far.Year > 1_000_000, "got %v", far)
	near := c.AddOpenDays(d(2026, 1, 1), math.MinInt)
	require.True(t, near.Year < -1_000_000, "got %v", near)
	require.Positive(t, c.OpenDays(Date{math.MinInt, 1, 1}, Date{math.MaxInt, 1, 1}))
}
