package calendar

import (
	"testing"
	"time"

	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

// benchCalendar is Monday–Friday 09:00–17:00 in Europe/Berlin with twelve
// holiday rules: the German federal holidays plus those of Bavaria.
func benchCalendar(b *testing.B) *Calendar {
	b.Helper()
	c, err := New(loadZone(b, "Europe/Berlin"),
		Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Holidays(germanHolidays()...))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func germanHolidays() []Rule {
	return []Rule{
		Fixed("Neujahr", time.January, 1),
		Fixed("Heilige Drei Könige", time.January, 6),
		EasterOffset("Karfreitag", -2),
		EasterOffset("Ostermontag", 1),
		Fixed("Tag der Arbeit", time.May, 1),
		EasterOffset("Christi Himmelfahrt", 39),
		EasterOffset("Pfingstmontag", 50),
		EasterOffset("Fronleichnam", 60),
		Fixed("Mariä Himmelfahrt", time.August, 15),
		Fixed("Tag der Deutschen Einheit", time.October, 3),
		Fixed("Allerheiligen", time.November, 1),
		Fixed("1. Weihnachtstag", time.December, 25),
		Fixed("2. Weihnachtstag", time.December, 26),
	}[:12]
}

var sinkD time.Duration
var sinkT time.Time
var sinkB bool

func BenchmarkBetween1Year(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(1, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkBetween10Years(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(10, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkAdd2000Hours(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = c.Add(a, 2000*time.Hour)
	}
}

func BenchmarkIsOpen(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkB = c.IsOpen(a)
	}
}

// refBetween is the reference implementation timed beside the fast path:
// it walks the span one day at a time, turning each day's hours into
// instants with refInstant and summing the overlaps.
func refBetween(c *Calendar, a, b time.Time) time.Duration {
	if b.Before(a) {
		return -refBetween(c, b, a)
	}
	var sum time.Duration
	last := DateOf(b, c.loc)
	for d := DateOf(a, c.loc).AddDays(-1); !d.After(last); d = d.AddDays(1) {
		for _, s := range c.dayPlan(d.days()) {
			lo, hi := s.bounds()
			iv := window.Interval{Start: refInstant(c.loc, d, lo), End: refInstant(c.loc, d, hi)}
			sum += iv.Intersect(window.Interval{Start: a, End: b}).Duration()
		}
	}
	return sum
}

// refAdd walks forward one day at a time for d > 0. Spans of one day are
// disjoint and sorted, and for the calendars it is used on spans of
// different days do not overlap.
func refAdd(c *Calendar, t time.Time, d time.Duration) time.Time {
	for day := DateOf(t, c.loc).AddDays(-1); ; day = day.AddDays(1) {
		for _, s := range c.dayPlan(day.days()) {
			lo, hi := s.bounds()
			start, end := refInstant(c.loc, day, lo), refInstant(c.loc, day, hi)
			if !end.After(t) {
				continue
			}
			if start.Before(t) {
				start = t
			}
			if avail := end.Sub(start); d <= avail {
				return start.Add(d)
			} else {
				d -= avail
			}
		}
	}
}

func TestReferenceAgrees(t *testing.T) {
	c := mustNew(t, loadZone(t, "Europe/Berlin"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	for _, years := range []int{1, 10} {
		require.Equal(t, c.Between(a, a.AddDate(years, 0, 0)), refBetween(c, a, a.AddDate(years, 0, 0)))
	}
	require.True(t, c.Add(a, 2000*time.Hour).Equal(refAdd(c, a, 2000*time.Hour)))
}

func BenchmarkReferenceBetween1Year(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(1, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = refBetween(c, a, e)
	}
}

func BenchmarkReferenceBetween10Years(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	e := a.AddDate(10, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = refBetween(c, a, e)
	}
}

func BenchmarkReferenceAdd2000Hours(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = refAdd(c, a, 2000*time.Hour)
	}
}

func BenchmarkReferenceIsOpen(b *testing.B) {
	c := benchCalendar(b)
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkB = refBetween(c, a, a.Add(time.Nanosecond)) > 0
	}
}

func BenchmarkNew(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...)); err != nil {
			b.Fatal(err)
		}
	}
}
