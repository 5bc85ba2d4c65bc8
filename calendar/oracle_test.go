package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

// refInstant converts the wall-clock reading secs seconds after midnight
// starting date d (secs may pass into the next day) to an instant in loc,
// following the rules of the design directly: a reading that occurs twice
// maps to its first occurrence, a reading in a gap to the end of the gap.
// It is written independently of the package's own conversion: it asks
// time.Date for some instant, then tries the offsets of that instant's zone
// period and of its two neighbours.
func refInstant(loc *time.Location, d Date, secs int64) time.Time {
	w := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Add(time.Duration(secs) * time.Second)
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
	start, end := t.ZoneBounds()
	probes := []time.Time{t}
	if !start.IsZero() {
		probes = append(probes, start.Add(-time.Second))
	}
	if !end.IsZero() {
		probes = append(probes, end)
	}
	var best time.Time
	for _, p := range probes {
		_, off := p.Zone()
		c := w.Add(-time.Duration(off) * time.Second)
		lc := c.In(loc)
		if lc.Year() == w.Year() && lc.YearDay() == w.YearDay() && lc.Hour() == w.Hour() && lc.Minute() == w.Minute() && lc.Second() == w.Second() {
			if best.IsZero() || c.Before(best) {
				best = c
			}
		}
	}
	if !best.IsZero() {
		return best
	}
	// A gap: the clocks jump over w at one edge of t's zone period.
	tw := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	if tw.After(w) {
		return start
	}
	return end
}

// oracle is the open time of a calendar over a range of dates, built day by
// day from the public per-date hours as a list of instant intervals.
type oracle struct {
	ivs      []window.Interval
	from, to time.Time // instants where the list is complete
}

func newOracle(c *Calendar, first, last Date) oracle {
	var raw []window.Interval
	for d := first.AddDays(-1); !d.After(last); d = d.AddDays(1) {
		for _, s := range c.HoursOn(d) {
			a, b := int64(s.Start), int64(s.End)
			if b <= a {
				b += secPerDay
			}
			raw = append(raw, window.Interval{Start: refInstant(c.loc, d, a), End: refInstant(c.loc, d, b)})
		}
	}
	set := window.NewSet(raw...)
	return oracle{
		ivs:  set.Intervals(),
		from: refInstant(c.loc, first, 0),
		to:   refInstant(c.loc, last, 0),
	}
}

func (o oracle) in(t time.Time) bool { return !t.Before(o.from) && t.Before(o.to) }

func (o oracle) between(a, b time.Time) time.Duration {
	if b.Before(a) {
		return -o.between(b, a)
	}
	var sum time.Duration
	for _, iv := range o.ivs {
		sum += iv.Intersect(window.Interval{Start: a, End: b}).Duration()
	}
	return sum
}

func (o oracle) isOpen(t time.Time) bool {
	for _, iv := range o.ivs {
		if iv.Contains(t) {
			return true
		}
	}
	return false
}

// add walks span by span; ok is false when it leaves the covered range.
func (o oracle) add(t time.Time, d time.Duration) (time.Time, bool) {
	if d == 0 {
		return t, true
	}
	if d > 0 {
		for _, iv := range o.ivs {
			if !iv.End.After(t) {
				continue
			}
			s := iv.Start
			if s.Before(t) {
				s = t
			}
			if avail := iv.End.Sub(s); d <= avail {
				return s.Add(d), o.in(s.Add(d))
			} else {
				d -= avail
			}
		}
		return time.Time{}, false
	}
	d = -d
	for i := len(o.ivs) - 1; i >= 0; i-- {
		iv := o.ivs[i]
		if !iv.Start.Before(t) {
			continue
		}
		e := iv.End
		if e.After(t) {
			e = t
		}
		if avail := e.Sub(iv.Start); d <= avail {
			return e.Add(-d), o.in(e.Add(-d))
		} else {
			d -= avail
		}
	}
	return time.Time{}, false
}

func (o oracle) nextOpen(t time.Time) (time.Time, bool) {
	for _, iv := range o.ivs {
		if iv.End.After(t) {
			if iv.Start.After(t) {
				return iv.Start, o.in(iv.Start)
			}
			return t, true
		}
	}
	return time.Time{}, false
}

func (o oracle) nextClose(t time.Time) (time.Time, bool) {
	for _, iv := range o.ivs {
		if iv.Contains(t) {
			return iv.End, o.in(iv.End)
		}
	}
	return t, true
}

func (o oracle) open(span window.Interval) window.Set {
	return window.NewSet(o.ivs...).Clip(span)
}

var oracleZones = []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"}

func loadZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// randomSpans returns up to n non-overlapping spans for one day: overnight
// spans, spans ending at 24:00 and whole days among them.
func randomSpans(r *rand.Rand, n int) []Span {
	var out []Span
	for range n {
		var s Span
		switch r.IntN(8) {
		case 0:
			s = Span{Midnight, EndOfDay}
		case 1:
			s = Span{Clock(r.IntN(96) * 900), EndOfDay}
		case 2: // overnight
			s = Span{Clock((72 + r.IntN(24)) * 900), Clock(r.IntN(40) * 900)}
		case 3: // odd seconds
			a := r.IntN(secPerDay - 2)
			s = Span{Clock(a), Clock(a + 1 + r.IntN(secPerDay-a-1))}
		default:
			a := r.IntN(92) * 900
			s = Span{Clock(a), Clock(a + (1+r.IntN(min(40, 96-a/900)))*900)}
		}
		if s.Start == s.End && s.Start != Midnight {
			continue
		}
		if slices.ContainsFunc(out, func(o Span) bool { return spansOverlap(o, s) }) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func randomRule(r *rand.Rand, first, last int) Rule {
	var rule Rule
	name := fmt.Sprintf("h%d", r.IntN(1000))
	switch r.IntN(8) {
	case 0:
		m := time.Month(1 + r.IntN(12))
		rule = Fixed(name, m, 1+r.IntN(daysIn(2000, m)))
	case 1:
		n := 1 + r.IntN(5)
		if r.IntN(4) == 0 {
			n = -1
		}
		rule = NthWeekday(name, n, time.Weekday(r.IntN(7)), time.Month(1+r.IntN(12)))
	case 2:
		rule = EasterOffset(name, r.IntN(70)-5)
	case 3:
		rule = OrthodoxEasterOffset(name, r.IntN(70)-5)
	case 4:
		m := time.Month(1 + r.IntN(12))
		if r.IntN(2) == 0 {
			rule = WeekdayOnOrAfter(name, time.Weekday(r.IntN(7)), m, 1+r.IntN(daysIn(2000, m)))
		} else {
			rule = WeekdayOnOrBefore(name, time.Weekday(r.IntN(7)), m, 1+r.IntN(daysIn(2000, m)))
		}
	case 5:
		// A holiday set kept elsewhere: a date in the year, observed on it
		// or a few days away.
		day, shift := 1+r.IntN(365), r.IntN(7)-3
		rule = Computed(name, func(y int) (Date, Date, bool) {
			a := Date{y, 1, 1}.AddDays(day - 1)
			return a, a.AddDays(shift), a.Year == y
		})
	default:
		y := first + r.IntN(last-first+1)
		m := time.Month(1 + r.IntN(12))
		rule = OnDate(name, Date{y, m, 1 + r.IntN(daysIn(y, m))})
	}
	if rule.kind != kindComputed && r.IntN(5) == 0 {
		rule = rule.AddDays(r.IntN(21) - 10)
	}
	from := first
	if r.IntN(4) == 0 {
		from = first + r.IntN(last-first+1)
		rule = rule.From(from)
	}
	if r.IntN(4) == 0 {
		rule = rule.Until(from + r.IntN(3))
	}
	if rule.kind == kindComputed {
		return rule
	}
	if r.IntN(4) == 0 {
		rule = rule.Weekend(Weekdays(1 + r.IntN(int(EveryDay)-1)))
	}
	return rule.Observed(Substitute(r.IntN(4)))
}

// randomCalendar builds a random calendar whose overrides fall in the
// years first to last.
func randomCalendar(t testing.TB, r *rand.Rand, loc *time.Location, first, last int) *Calendar {
	t.Helper()
	var opts []Option
	for {
		opts = opts[:0]
		for d := time.Sunday; d <= time.Saturday; d++ {
			if r.IntN(5) == 0 {
				continue
			}
			if spans := randomSpans(r, 1+r.IntN(3)); len(spans) > 0 {
				opts = append(opts, Weekly(WeekdaysOf(d), spans...))
			}
		}
		if len(opts) > 0 {
			break
		}
	}
	var rules []Rule
	for range r.IntN(8) {
		rules = append(rules, randomRule(r, first, last))
	}
	opts = append(opts, Holidays(rules...))
	seen := map[Date]bool{}
	for range r.IntN(6) {
		y := first + r.IntN(last-first+1)
		m := time.Month(1 + r.IntN(12))
		d := Date{y, m, 1 + r.IntN(daysIn(y, m))}
		if seen[d] {
			continue
		}
		seen[d] = true
		opts = append(opts, Override(d, randomSpans(r, r.IntN(3))...))
	}
	c, err := New(loc, opts...)
	require.NoError(t, err)
	return c
}

// randomInstant picks an instant in [o.from, o.to), often on or next to
// an edge of an open interval.
func randomInstant(r *rand.Rand, o oracle) time.Time {
	if len(o.ivs) > 0 && r.IntN(3) == 0 {
		iv := o.ivs[r.IntN(len(o.ivs))]
		t := iv.Start
		if r.IntN(2) == 0 {
			t = iv.End
		}
		t = t.Add([]time.Duration{0, 0, time.Nanosecond, -time.Nanosecond, time.Second, -time.Second}[r.IntN(6)])
		if o.in(t) {
			return t
		}
	}
	span := o.to.Sub(o.from)
	return o.from.Add(time.Duration(r.Int64N(int64(span))))
}

func randomDuration(r *rand.Rand) time.Duration {
	var d time.Duration
	switch r.IntN(4) {
	case 0:
		d = time.Duration(r.IntN(600)) * time.Minute
	case 1:
		d = time.Duration(r.Int64N(int64(300 * 24 * time.Hour)))
	case 2:
		d = time.Duration(r.IntN(5000)) * time.Second
	default:
		d = time.Duration(r.Int64N(int64(time.Hour)))
	}
	if r.IntN(2) == 0 {
		d = -d
	}
	return d
}

// TestAgainstOracle cross-checks every query against the span-by-span
// reference on random calendars, zones and spans.
func TestAgainstOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(20260327, 1))
	cases := 0
	for ci := 0; ci < oracleCalendars; ci++ {
		zone := oracleZones[ci%len(oracleZones)]
		firstYear := 2018 + r.IntN(14)
		if zone == "Asia/Kolkata" && r.IntN(2) == 0 {
			firstYear = 1940 // war-time offsets
		}
		cases += crossCheck(t, r, loadZone(t, zone), firstYear, 1+r.IntN(4), oracleQueries)
	}
	t.Logf("%d cases", cases)
}

// TestAgainstOracleFarYears runs the cross-check over the years 1600–1899
// and 2201–2400, with holidays: every year follows the same rules.
func TestAgainstOracleFarYears(t *testing.T) {
	r := rand.New(rand.NewPCG(16002400, 1))
	cases := 0
	for ci := 0; ci < oracleCalendars/2; ci++ {
		zone := oracleZones[ci%len(oracleZones)]
		firstYear := 1600 + r.IntN(297)
		if ci%2 == 1 {
			firstYear = 2201 + r.IntN(197)
		}
		cases += crossCheck(t, r, loadZone(t, zone), firstYear, 1+r.IntN(3), oracleQueries)
	}
	t.Logf("%d cases", cases)
}

// TestUnusualZones runs the cross-check in zones with changes at
// midnight, negative daylight saving, a skipped day (Samoa, 30 December
// 2011) and changes of the standard offset.
func TestUnusualZones(t *testing.T) {
	zones := []string{"America/Santiago", "Pacific/Apia", "Europe/Dublin", "America/Havana", "Asia/Tehran",
		"Antarctica/Troll", "America/Sao_Paulo", "Europe/Moscow", "Africa/Casablanca"}
	r := rand.New(rand.NewPCG(99, 1))
	for ci := range 2 * len(zones) {
		zone := zones[ci%len(zones)]
		firstYear := 1990 + r.IntN(35)
		if zone == "Pacific/Apia" {
			firstYear = 2010 + r.IntN(2)
		}
		crossCheck(t, r, loadZone(t, zone), firstYear, 2, oracleQueries/2)
	}
}

// crossCheck builds a random calendar for the given years and compares
// queries at random instants with the oracle. It returns the number of
// cases checked.
func crossCheck(t *testing.T, r *rand.Rand, loc *time.Location, firstYear, years, queries int) int {
	t.Helper()
	c := randomCalendar(t, r, loc, firstYear, firstYear+years)
	o := newOracle(c, Date{firstYear, 1, 1}, Date{firstYear + years, 12, 31})
	for q := range queries {
		a, b := randomInstant(r, o), randomInstant(r, o)
		desc := func() string { return fmt.Sprintf("calendar in %s %v, a=%v b=%v", loc, c.Spec(), a, b) }
		if got, want := c.Between(a, b), o.between(a, b); got != want {
			t.Fatalf("Between: got %v want %v; %s", got, want, desc())
		}
		if got, want := c.IsOpen(a), o.isOpen(a); got != want {
			t.Fatalf("IsOpen(a): got %v want %v; %s", got, want, desc())
		}
		d := randomDuration(r)
		if want, ok := o.add(a, d); ok {
			if got := c.Add(a, d); !got.Equal(want) {
				t.Fatalf("Add(a, %v): got %v want %v; %s", d, got, want, desc())
			}
		}
		if want, ok := o.nextOpen(a); ok {
			if got := c.NextOpen(a); !got.Equal(want) {
				t.Fatalf("NextOpen(a): got %v want %v; %s", got, want, desc())
			}
		}
		if want, ok := o.nextClose(a); ok {
			if got := c.NextClose(a); !got.Equal(want) {
				t.Fatalf("NextClose(a): got %v want %v; %s", got, want, desc())
			}
		}
		if q%8 == 0 {
			lo, hi := a, b
			if hi.Before(lo) {
				lo, hi = hi, lo
			}
			if hi.Sub(lo) > 60*24*time.Hour {
				hi = lo.Add(60 * 24 * time.Hour)
			}
			span := window.Interval{Start: lo, End: hi}
			if got, want := c.Open(span), o.open(span); !got.Equal(want) {
				t.Fatalf("Open(%v):\n got %v\nwant %v; %s", span, got, want, desc())
			}
		}
	}
	return queries
}
