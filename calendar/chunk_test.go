package calendar

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// builtChunks returns the number of chunks c holds.
func builtChunks(c *Calendar) int {
	n := 0
	for i := range c.dir {
		if g := c.dir[i].Load(); g != nil {
			for j := range g {
				if g[j].Load() != nil {
					n++
				}
			}
		}
	}
	return n
}

// TestConcurrentBuilds has 16 goroutines query one calendar across many
// decades at once, each in its own order, and checks that every stretch of
// years was built exactly once and that every answer is the one a
// calendar queried by one goroutine gives. The queries need fewer
// stretches than a calendar keeps (maxCachedChunks), so none is dropped;
// TestConcurrentEviction queries more.
func TestConcurrentBuilds(t *testing.T) {
	loc := loadZone(t, "America/New_York")
	opts := []Option{Weekly(MondayToFriday, MustSpan("08:00-18:00")), Holidays(usFederal()...),
		Holidays(englandAndWales()...), Override(Date{2026, 12, 24}, MustSpan("08:00-12:00"))}
	shared := mustNew(t, loc, opts...)
	serial := mustNew(t, loc, opts...)

	const goroutines = 16
	years := []int{1700, 1850, 1950, 2026, 2100, 2300, 3000, 9990}
	type query struct{ a, b time.Time }
	var queries []query
	for _, y := range years {
		a := time.Date(y, 3, 1, 12, 0, 0, 0, loc)
		queries = append(queries, query{a, a.AddDate(0, 7, 3)})
	}
	answer := func(c *Calendar, q query) string {
		return fmt.Sprint(c.Between(q.a, q.b), c.Add(q.a, 300*time.Hour), c.IsOpen(q.b), c.HolidaysIn(q.a.Year()),
			c.OpenDays(DateOf(q.a, loc), DateOf(q.b, loc)))
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = answer(serial, q)
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan string, goroutines*len(queries))
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r := rand.New(rand.NewPCG(uint64(g), 7))
			for _, i := range r.Perm(len(queries)) {
				if got := answer(shared, queries[i]); got != want[i] {
					errs <- fmt.Sprintf("query %d: got %s, want %s", i, got, want[i])
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	built := builtChunks(shared)
	require.Positive(t, built)
	require.LessOrEqual(t, built, maxCachedChunks)
	require.Equal(t, int64(built), shared.builds.Load(), "stretches built more than once")
	require.Equal(t, builtChunks(serial), built, "the same stretches are built whoever asks")
}

// TestRetainedHeapPerCalendar measures the heap a calendar keeps: 1,000
// calendars (Monday–Friday 09:00–17:00 in Berlin with 12 holiday rules)
// each asked one Between over a year keep less than 24 KB each.
func TestRetainedHeapPerCalendar(t *testing.T) {
	loc := loadZone(t, "Europe/Berlin")
	perCalendar := retainedPerCalendar(t, 1000, func() any {
		c := mustNew(t, loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
		sinkD = c.Between(benchStart, benchStart.AddDate(1, 0, 0))
		return c
	})
	t.Logf("%.0f bytes kept per calendar", perCalendar)
	require.Less(t, perCalendar, 24.0*1024)
}

// TestNewAllocatesLittle checks that New only checks the definition and
// keeps what every query needs: under 16 KB allocated for the Berlin
// calendar, and no stretch of years built.
func TestNewAllocatesLittle(t *testing.T) {
	loc := loadZone(t, "Europe/Berlin")
	const n = 200
	var before, after runtime.MemStats
	var c *Calendar
	runtime.ReadMemStats(&before)
	for range n {
		c, _ = New(loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...))
	}
	runtime.ReadMemStats(&after)
	perNew := float64(after.TotalAlloc-before.TotalAlloc) / n
	t.Logf("New allocates %.0f bytes", perNew)
	require.Less(t, perNew, 16.0*1024)
	require.Zero(t, builtChunks(c))
}

// TestNoTablesWithoutChanges: a calendar in a zone that never changes its
// offset, with no holidays and no overrides, builds no tables at all.
func TestNoTablesWithoutChanges(t *testing.T) {
	for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC+5:30", 5*3600+1800)} {
		c := mustNew(t, loc, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
		a := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
		require.Positive(t, c.Between(a, a.AddDate(9000, 0, 0)))
		require.Positive(t, c.OpenDays(Date{1, 1, 1}, Date{9999, 1, 1}))
		require.Zero(t, builtChunks(c), "%v", loc)
	}
}

// TestResolutionIsLocal checks that a holiday's observed day does not
// depend on the window of days it is computed in, as long as it lies the
// calendar's margin inside it: every stretch of years computes the
// holidays it shares with its neighbours alike.
func TestResolutionIsLocal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	moved := 0
	for range 60 {
		first := 1800 + r.IntN(400)
		// Sparse hours and many moving rules make long chains.
		var days []time.Weekday
		for d := time.Sunday; d <= time.Saturday; d++ {
			if r.IntN(3) == 0 {
				days = append(days, d)
			}
		}
		if len(days) == 0 {
			days = append(days, time.Weekday(r.IntN(7)))
		}
		var rules []Rule
		for range 10 + r.IntN(60) {
			rule := randomRule(r, first, first+2)
			if rule.kind != kindComputed {
				rule = rule.Observed(Substitute(1 + r.IntN(3)))
			}
			rules = append(rules, rule)
		}
		c := mustNew(t, loadZone(t, oracleZones[r.IntN(len(oracleZones))]), Weekly(WeekdaysOf(days...), MustSpan("09:00-17:00")), Holidays(rules...))
		mid := Date{first + 1, 1, 1}.days()
		inner := func(hs []occ) []occ {
			var out []occ
			for _, h := range hs {
				if h.date >= mid-400 && h.date < mid+400 {
					out = append(out, h)
				}
			}
			return out
		}
		a := inner(c.holidaysBetween(mid-400-c.margin, mid+400+c.margin))
		b := inner(c.holidaysBetween(mid-400-c.margin-r.Int64N(900), mid+400+c.margin+r.Int64N(900)))
		if diff := cmp.Diff(a, b, cmp.AllowUnexported(occ{})); diff != "" {
			t.Fatalf("holidays depend on the window (-narrow +wide):\n%s\ncalendar %v", diff, c.Spec())
		}
		for _, h := range a {
			if h.observed != h.date && c.rules[h.rule].kind != kindComputed {
				moved++
			}
		}
	}
	require.Greater(t, moved, 1000, "too few moved holidays to test anything")
}

// TestEagerReferenceAgrees checks the lazy calendar against the former
// eager one, which the benchmarks time, on calendars whose substitute days
// both place alike, over 1901–2040: the eager build stopped following a
// zone's offset changes at the end of 2040 (see TestZoneChangesBeyondTable),
// so later years differ by design.
func TestEagerReferenceAgrees(t *testing.T) {
	lon := loadZone(t, "Europe/London")
	ber := loadZone(t, "Europe/Berlin")
	cases := []struct {
		name string
		loc  *time.Location
		opts []Option
	}{
		{"Berlin", ber, []Option{Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(germanHolidays()...)}},
		{"London overnight", lon, []Option{Weekly(MondayToFriday, MustSpan("22:00-06:00"), MustSpan("09:00-12:00")),
			Holidays(Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay), Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay)),
			Override(Date{2026, 12, 24}, MustSpan("09:00-12:00"))}},
	}
	r := rand.New(rand.NewPCG(3, 3))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lazy := mustNew(t, tc.loc, tc.opts...)
			eager, err := newEager(tc.loc, tc.opts...)
			require.NoError(t, err)
			base := time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC)
			for range 300 {
				a := base.Add(time.Duration(r.Int64N(136*365*24*3600)) * time.Second)
				b := a.Add(time.Duration(r.Int64N(int64(3*365*24*time.Hour))) - 365*24*time.Hour)
				require.Equal(t, eager.Between(a, b), lazy.Between(a, b), "Between(%v, %v)", a, b)
				require.Equal(t, eager.IsOpen(a), lazy.IsOpen(a), "IsOpen(%v)", a)
				dd := time.Duration(r.Int64N(int64(500 * time.Hour)))
				require.True(t, eager.Add(a, dd).Equal(lazy.Add(a, dd)), "Add(%v, %v)", a, dd)
			}
		})
	}
}

// TestZoneChangesBeyondTable pins the offset changes of Europe/London in
// years that the zone's table does not list and its rule gives: by the
// EU rule the clocks change at 01:00 UTC on the last Sunday of March and
// of October, so the day of the spring change lasts 23 hours and that of
// the autumn change 25. Beyond its table, time.Time.ZoneBounds reports a
// bound at the start of the last day of a leap year for the whole of that
// day; the former eager build stopped there (at the end of 2040) and read
// every later year at GMT.
func TestZoneChangesBeyondTable(t *testing.T) {
	lon := loadZone(t, "Europe/London")
	c := Always(lon)
	lastSunday := func(y int, m time.Month) Date {
		day := Date{y, m, daysIn(y, m)}
		for day.Weekday() != time.Sunday {
			day = day.AddDays(-1)
		}
		return day
	}
	length := func(day Date) time.Duration {
		a := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, lon)
		return c.Between(a, time.Date(day.Year, day.Month, day.Day+1, 0, 0, 0, 0, lon))
	}
	for y := 2030; y <= 2420; y++ {
		require.Equal(t, 23*time.Hour, length(lastSunday(y, time.March)), "spring %d", y)
		require.Equal(t, 25*time.Hour, length(lastSunday(y, time.October)), "autumn %d", y)
		require.Equal(t, 24*time.Hour, length(Date{y, time.December, 31}), "31 December %d", y)
	}
}
