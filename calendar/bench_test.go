package calendar

import (
	"fmt"
	"runtime"
	"strings"
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

var (
	sinkD time.Duration
	sinkT time.Time
	sinkB bool
	sinkI int
	sinkC *Calendar
)

// The query benchmarks start at Monday 5 January 2026, 10:30 UTC (11:30 in
// Berlin). Each warms its calendar up with one query first, so that they
// time queries into years already built; BenchmarkBuildStretch times the
// first query into a new stretch.
var benchStart = time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)

func BenchmarkBetween1Year(b *testing.B) {
	c := benchCalendar(b)
	a, e := benchStart, benchStart.AddDate(1, 0, 0)
	sinkD = c.Between(a, e)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkBetween10Years(b *testing.B) {
	c := benchCalendar(b)
	a, e := benchStart, benchStart.AddDate(10, 0, 0)
	sinkD = c.Between(a, e)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

func BenchmarkAdd8Hours(b *testing.B) {
	c := benchCalendar(b)
	sinkT = c.Add(benchStart, 8*time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = c.Add(benchStart, 8*time.Hour)
	}
}

func BenchmarkAdd2000Hours(b *testing.B) {
	c := benchCalendar(b)
	sinkT = c.Add(benchStart, 2000*time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = c.Add(benchStart, 2000*time.Hour)
	}
}

func BenchmarkIsOpen(b *testing.B) {
	c := benchCalendar(b)
	sinkB = c.IsOpen(benchStart)
	b.ReportAllocs()
	for b.Loop() {
		sinkB = c.IsOpen(benchStart)
	}
}

// BenchmarkOpenDaysYear counts the business days of 2026.
func BenchmarkOpenDaysYear(b *testing.B) {
	c := benchCalendar(b)
	from, to := Date{2026, 1, 1}, Date{2027, 1, 1}
	sinkI = c.OpenDays(from, to)
	b.ReportAllocs()
	for b.Loop() {
		sinkI = c.OpenDays(from, to)
	}
}

// BenchmarkAddOpenDays adds 250 business days (about a year).
func BenchmarkAddOpenDays(b *testing.B) {
	c := benchCalendar(b)
	d := Date{2026, 1, 5}
	sinkI = c.AddOpenDays(d, 250).Day
	b.ReportAllocs()
	for b.Loop() {
		sinkI = c.AddOpenDays(d, 250).Day
	}
}

// BenchmarkEagerReference times the former calendar, which built the
// holidays and zone changes of 1900–2200 in New, on the same queries.
func BenchmarkEagerReference(b *testing.B) {
	c, err := newEager(loadZone(b, "Europe/Berlin"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	require.NoError(b, err)
	a := benchStart
	b.Run("Between1Year", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkD = c.Between(a, a.AddDate(1, 0, 0))
		}
	})
	b.Run("Between10Years", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkD = c.Between(a, a.AddDate(10, 0, 0))
		}
	})
	b.Run("Add8Hours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkT = c.Add(a, 8*time.Hour)
		}
	})
	b.Run("Add2000Hours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkT = c.Add(a, 2000*time.Hour)
		}
	})
	b.Run("IsOpen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkB = c.IsOpen(a)
		}
	})
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
	a := benchStart
	for _, years := range []int{1, 10} {
		require.Equal(t, c.Between(a, a.AddDate(years, 0, 0)), refBetween(c, a, a.AddDate(years, 0, 0)))
	}
	require.True(t, c.Add(a, 2000*time.Hour).Equal(refAdd(c, a, 2000*time.Hour)))
}

func BenchmarkReferenceBetween1Year(b *testing.B) {
	c := benchCalendar(b)
	a := benchStart
	e := a.AddDate(1, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = refBetween(c, a, e)
	}
}

func BenchmarkReferenceBetween10Years(b *testing.B) {
	c := benchCalendar(b)
	a := benchStart
	e := a.AddDate(10, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = refBetween(c, a, e)
	}
}

func BenchmarkReferenceAdd2000Hours(b *testing.B) {
	c := benchCalendar(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkT = refAdd(c, benchStart, 2000*time.Hour)
	}
}

func BenchmarkReferenceIsOpen(b *testing.B) {
	c := benchCalendar(b)
	a := benchStart
	b.ReportAllocs()
	for b.Loop() {
		sinkB = refBetween(c, a, a.Add(time.Nanosecond)) > 0
	}
}

// BenchmarkNew builds the calendar of the other benchmarks: Monday–Friday
// 09:00–17:00 in Europe/Berlin with 12 holiday rules (targets: under 50 µs
// and 16 KB).
func BenchmarkNew(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	b.ReportAllocs()
	for b.Loop() {
		c, err := New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
		if err != nil {
			b.Fatal(err)
		}
		sinkC = c
	}
}

// BenchmarkNewEagerReference builds the same calendar the former way,
// with the tables of 1900–2200.
func BenchmarkNewEagerReference(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newEager(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewAndFirstBetween builds the calendar and asks one Between
// over a year, which builds the stretch of years it needs.
func BenchmarkNewAndFirstBetween(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	b.ReportAllocs()
	for b.Loop() {
		c, err := New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
		if err != nil {
			b.Fatal(err)
		}
		sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
	}
}

// BenchmarkBuildStretch builds the tables of one stretch of 1,024 days
// (2025–2027), which is what the first query into a new stretch costs.
func BenchmarkBuildStretch(b *testing.B) {
	c := benchCalendar(b)
	ci := int((DateOf(benchStart, c.loc).days() - dayOrigin) >> chunkShift)
	b.ReportAllocs()
	for b.Loop() {
		sinkI = len(c.buildChunk(ci).segs)
	}
}

// BenchmarkRetained reports the heap kept per calendar (B/calendar) after
// building calendars and asking each one Between over a year (target:
// under 24 KB), and the same for the former eager calendar.
func BenchmarkRetained(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	b.Run("lazy", func(b *testing.B) {
		for b.Loop() {
			b.ReportMetric(retainedPerCalendar(b, 1000, func() any {
				c, err := New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
				require.NoError(b, err)
				sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
				return c
			}), "B/calendar")
		}
	})
	b.Run("EagerReference", func(b *testing.B) {
		for b.Loop() {
			b.ReportMetric(retainedPerCalendar(b, 20, func() any {
				c, err := newEager(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
				require.NoError(b, err)
				sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
				return c
			}), "B/calendar")
		}
	})
}

// retainedPerCalendar returns the heap kept alive per value that make
// returns, over n values, measured between two garbage collections.
func retainedPerCalendar(t testing.TB, n int, make func() any) float64 {
	t.Helper()
	keep := make_(n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range keep {
		keep[i] = make()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(keep)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
}

func make_(n int) []any { return make([]any, n) }

// hostileSpec is a calendar document of about 6 KB that made the former
// eager build search for substitute days for most of a second: open only
// on Mondays from 09:00 to 10:00, with 100 holidays on the 100 days after
// Easter Sunday, each moved to the next open day.
func hostileSpec() []byte {
	var sb strings.Builder
	sb.WriteString(`{"zone": "Europe/Berlin", "hours": [{"days": "Mon", "spans": ["09:00-10:00"]}], "holidays": [` + "\n")
	for i := 1; i <= 100; i++ {
		if i > 1 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, `  {"name": "Holiday %03d", "easter": %d, "observed": "next-open-day"}`, i, i)
	}
	sb.WriteString("\n]}\n")
	return []byte(sb.String())
}

// BenchmarkHostile parses and builds the hostile calendar and asks
// Between over a year (target: under 5 ms).
func BenchmarkHostile(b *testing.B) {
	doc := hostileSpec()
	b.ReportMetric(float64(len(doc)), "doc-bytes")
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseSpec(doc)
		require.NoError(b, err)
		c, err := s.Calendar()
		require.NoError(b, err)
		sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
	}
}

// BenchmarkHostileEagerReference builds the hostile calendar the former
// way.
func BenchmarkHostileEagerReference(b *testing.B) {
	s, err := ParseSpec(hostileSpec())
	require.NoError(b, err)
	loc := loadZone(b, s.Zone)
	var rules []Rule
	for i, h := range s.Holidays {
		r, err := h.rule(fmt.Sprintf("holidays[%d]", i))
		require.NoError(b, err)
		rules = append(rules, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := newEager(loc, Weekly(WeekdaysOf(time.Monday), MustSpan("09:00-10:00")), Holidays(rules...))
		require.NoError(b, err)
		sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
	}
}

// BenchmarkParseSpec reads the sample calendar document of the Spec tests
// (11 holiday rules, 2 overrides, about 1.4 KB) with ParseSpec: the strict
// reader, its duplicate-key check and the line count an error would need.
func BenchmarkParseSpec(b *testing.B) {
	doc := []byte(sampleSpec)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseSpec(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBetweenWholeRange asks Between from 0001-01-01 to 9999-12-31
// of a calendar that has been asked it once: it passes about 3,600
// stretches by their kept summaries, building none.
func BenchmarkBetweenWholeRange(b *testing.B) {
	c := benchCalendar(b)
	a, e := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	sinkD = c.Between(a, e)
	b.ReportAllocs()
	for b.Loop() {
		sinkD = c.Between(a, e)
	}
}

// BenchmarkWholeRangeFirst builds the calendar and asks Between from
// 0001-01-01 to 9999-12-31 once: the cost of the first query that
// passes every stretch.
func BenchmarkWholeRangeFirst(b *testing.B) {
	loc := loadZone(b, "Europe/Berlin")
	a, e := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		c, err := New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
		require.NoError(b, err)
		sinkD = c.Between(a, e)
	}
}
