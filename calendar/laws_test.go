package calendar

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

// checkLaws checks the algebraic laws of the arithmetic at a, b, c and d.
func checkLaws(t testing.TB, cal *Calendar, a, b, c time.Time, d time.Duration) {
	t.Helper()
	if got, want := cal.Between(a, b)+cal.Between(b, c), cal.Between(a, c); got != want {
		t.Fatalf("Between(a,b)+Between(b,c) = %v, Between(a,c) = %v; a=%v b=%v c=%v", got, want, a, b, c)
	}
	if got, want := cal.Between(a, b), -cal.Between(b, a); got != want {
		t.Fatalf("Between(a,b) = %v, -Between(b,a) = %v; a=%v b=%v", got, want, a, b)
	}
	if d < 0 {
		d = -d
	}
	u := cal.Add(a, d)
	if got := cal.Between(a, u); got != d {
		t.Fatalf("Between(a, Add(a, %v)) = %v; a=%v u=%v", d, got, a, u)
	}
	if d > 0 {
		if got := cal.Between(a, u.Add(-time.Nanosecond)); got >= d {
			t.Fatalf("Add(a, %v) = %v is not the earliest: 1ns before it already holds %v; a=%v", d, u, got, a)
		}
	}
	v := cal.Add(a, -d)
	if got := cal.Between(v, a); got != d {
		t.Fatalf("Between(Add(a, -%v), a) = %v; a=%v v=%v", d, got, a, v)
	}
	if d > 0 {
		if got := cal.Between(v.Add(time.Nanosecond), a); got >= d {
			t.Fatalf("Add(a, -%v) = %v is not the latest; a=%v", d, v, a)
		}
	}
	// Monotonic in the instant and in the duration.
	lo, hi := a, b
	if hi.Before(lo) {
		lo, hi = hi, lo
	}
	if x, y := cal.Add(lo, d), cal.Add(hi, d); y.Before(x) {
		t.Fatalf("Add not monotonic in t: Add(%v,%v)=%v > Add(%v,%v)=%v", lo, d, x, hi, d, y)
	}
	if x, y := cal.Add(a, d/2), cal.Add(a, d); y.Before(x) {
		t.Fatalf("Add not monotonic in d: Add(a,%v)=%v > Add(a,%v)=%v", d/2, x, d, y)
	}
	open := !cal.Open(window.Interval{Start: a, End: a.Add(time.Nanosecond)}).IsEmpty()
	if got := cal.IsOpen(a); got != open {
		t.Fatalf("IsOpen(a) = %v but Open([a, a+1ns)) empty = %v; a=%v", got, !open, a)
	}
	if n := cal.NextOpen(a); !cal.IsOpen(n) || cal.Between(a, n) != 0 {
		t.Fatalf("NextOpen(a) = %v is closed or not the first open instant; a=%v", n, a)
	}
	if n := cal.NextClose(a); !n.IsZero() && (cal.IsOpen(n) || cal.Between(a, n) != n.Sub(a)) {
		t.Fatalf("NextClose(a) = %v is open or the calendar closes before it; a=%v", n, a)
	}
}

// checkDayLaws checks the laws of the business-day arithmetic at dates a,
// b and c and n open days.
func checkDayLaws(t testing.TB, cal *Calendar, a, b, c Date, n int) {
	t.Helper()
	if got, want := cal.OpenDays(a, b)+cal.OpenDays(b, c), cal.OpenDays(a, c); got != want {
		t.Fatalf("OpenDays(a,b)+OpenDays(b,c) = %d, OpenDays(a,c) = %d; a=%v b=%v c=%v", got, want, a, b, c)
	}
	if got, want := cal.OpenDays(a, b), -cal.OpenDays(b, a); got != want {
		t.Fatalf("OpenDays(a,b) = %d, -OpenDays(b,a) = %d; a=%v b=%v", got, want, a, b)
	}
	if got := cal.AddOpenDays(a, 0); got != a {
		t.Fatalf("AddOpenDays(a, 0) = %v; a=%v", got, a)
	}
	if n == 0 {
		return
	}
	e := cal.AddOpenDays(a, n)
	if !cal.IsOpenOn(e) {
		t.Fatalf("AddOpenDays(%v, %d) = %v is not open", a, n, e)
	}
	if n > 0 {
		if got := cal.OpenDays(a.AddDays(1), e.AddDays(1)); got != n || !e.After(a) {
			t.Fatalf("AddOpenDays(%v, %d) = %v holds %d open days after a", a, n, e, got)
		}
	} else if got := cal.OpenDays(e, a); got != -n || !e.Before(a) {
		t.Fatalf("AddOpenDays(%v, %d) = %v holds %d open days before a", a, n, e, got)
	}
}

func TestLaws(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for ci := range 40 {
		loc := loadZone(t, oracleZones[ci%len(oracleZones)])
		first := 1990 + r.IntN(60)
		cal := randomCalendar(t, r, loc, first, first+3)
		base := time.Date(first, 1, 1, 0, 0, 0, 0, loc)
		inst := func() time.Time { return base.Add(time.Duration(r.Int64N(int64(5 * 365 * 24 * time.Hour)))) }
		for range 50 {
			checkLaws(t, cal, inst(), inst(), inst(), randomDuration(r))
			checkDayLaws(t, cal, DateOf(inst(), loc), DateOf(inst(), loc), DateOf(inst(), loc), r.IntN(801)-400)
		}
	}
}

// TestOutsideSupportedYears checks that queries far outside the years of
// precomputed holidays answer by the documented rule, quickly.
func TestOutsideSupportedYears(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	cal := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	// Outside the supported years there are no holidays: any week from a
	// Monday at midnight holds five days of 8h.
	mon := time.Date(2301, 1, 1, 0, 0, 0, 0, ber)
	for mon.Weekday() != time.Monday {
		mon = mon.AddDate(0, 0, 1)
	}
	require.Equal(t, 40*time.Hour, cal.Between(mon, mon.AddDate(0, 0, 7)), "a week in 2301")
	old := time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)
	for old.Weekday() != time.Monday {
		old = old.AddDate(0, 0, 1)
	}
	require.Equal(t, 40*time.Hour, cal.Between(old, old.AddDate(0, 0, 7)), "a week in 1850")

	// Saturation and extreme instants never panic or hang.
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	require.Equal(t, time.Duration(math.MaxInt64), cal.Between(time.Time{}, far))
	require.Equal(t, time.Duration(math.MinInt64), cal.Between(far, time.Time{}))
	require.True(t, cal.Add(far, math.MaxInt64).After(far))
	require.True(t, cal.Add(time.Time{}, math.MinInt64).Before(time.Time{}))
	checkLaws(t, cal, time.Date(2200, 12, 29, 0, 0, 0, 0, ber), time.Date(2201, 1, 5, 0, 0, 0, 0, ber), time.Date(1899, 12, 1, 0, 0, 0, 0, ber), 1000*time.Hour)
}

// TestZeroAllocs pins the zero-allocation promise of the hot paths, once
// the stretches of years they touch are built.
func TestZeroAllocs(t *testing.T) {
	cal := mustNew(t, loadZone(t, "Europe/Berlin"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	a := time.Date(2026, 1, 5, 10, 30, 0, 0, time.UTC)
	b := a.AddDate(10, 0, 0)
	sinkD = cal.Between(a.AddDate(-1, 0, 0), b.AddDate(1, 0, 0)) // builds 2025–2037
	tests := []struct {
		name string
		f    func()
	}{
		{"Between", func() { sinkD = cal.Between(a, b) }},
		{"Add", func() { sinkT = cal.Add(a, 2000*time.Hour) }},
		{"Add backwards", func() { sinkT = cal.Add(b, -2000*time.Hour) }},
		{"IsOpen", func() { sinkB = cal.IsOpen(a) }},
		{"NextOpen", func() { sinkT = cal.NextOpen(b) }},
		{"NextClose", func() { sinkT = cal.NextClose(a) }},
		{"OpenDays", func() { sinkI = cal.OpenDays(Date{2026, 1, 1}, Date{2036, 1, 1}) }},
		{"AddOpenDays", func() { sinkI = cal.AddOpenDays(Date{2026, 1, 1}, 2000).Day }},
		{"IsOpenOn", func() { sinkB = cal.IsOpenOn(Date{2026, 1, 6}) }},
		{"HolidayOn", func() { _, sinkB = cal.HolidayOn(Date{2026, 1, 6}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(100, tt.f); n != 0 {
				t.Errorf("%s allocates %v times", tt.name, n)
			}
		})
	}
}

// TestArgumentLocation checks that the Location of an argument does not
// change any answer.
func TestArgumentLocation(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	cal := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
	a := time.Date(2026, 3, 27, 16, 0, 0, 0, ber)
	b := time.Date(2026, 3, 30, 10, 0, 0, 0, ber)
	tokyo := loadZone(t, "Asia/Tokyo")
	require.Equal(t, cal.Between(a, b), cal.Between(a.In(tokyo), b.UTC()))
	require.True(t, cal.Add(a, time.Hour).Equal(cal.Add(a.In(tokyo), time.Hour)))
	require.Equal(t, cal.IsOpen(a), cal.IsOpen(a.In(tokyo)))
}

// TestConcurrentUse runs queries from several goroutines on one calendar;
// under -race it checks that a *Calendar is safe for concurrent use.
func TestConcurrentUse(t *testing.T) {
	cal := mustNew(t, loadZone(t, "America/New_York"), Weekly(MondayToFriday, MustSpan("08:00-18:00")), Holidays(germanHolidays()...))
	a := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	want := cal.Between(a, a.AddDate(1, 0, 0))
	done := make(chan time.Duration)
	for range 4 {
		go func() {
			var got time.Duration
			for range 100 {
				got = cal.Between(a, a.AddDate(1, 0, 0))
				_ = cal.Add(a, got)
				_ = cal.Open(window.Interval{Start: a, End: a.AddDate(0, 0, 10)})
				_ = cal.HolidaysIn(2026)
			}
			done <- got
		}()
	}
	for range 4 {
		require.Equal(t, want, <-done)
	}
}
