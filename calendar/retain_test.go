package calendar

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// ukCalendar is Monday–Friday 09:00–17:30 in London with the 12 holiday
// rules of England and Wales.
func ukCalendar(t testing.TB) *Calendar {
	return mustNew(t, loadZone(t, "Europe/London"), Weekly(MondayToFriday, MustSpan("09:00-17:30")), Holidays(englandAndWales()...))
}

// TestFarQueryRetainsBoundedMemory: one Between from 0001-01-01 to
// 9999-12-31 built every stretch of 1,024 days between and kept them
// all, 15.7 MB for one UK calendar, for as long as the calendar lived.
// A calendar now keeps at most maxCachedChunks stretches and, for the
// others a query passed, 8 bytes each (their business time and open
// days). Asked that and then a month in each of 104 years spread over
// the range, such a calendar keeps well under 256 KB.
func TestFarQueryRetainsBoundedMemory(t *testing.T) {
	a := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	kept := retainedPerCalendar(t, 2, func() any {
		c := ukCalendar(t)
		sinkD = c.Between(a, b)
		sinkI = c.OpenDays(Date{1, 1, 1}, Date{9999, 12, 31})
		sinkT = c.Add(a, time.Duration(math.MaxInt64))
		for y := 1; y < 10000; y += 97 { // more stretches than are kept
			s := time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC)
			sinkD = c.Between(s, s.AddDate(0, 1, 0))
		}
		return c
	})
	t.Logf("%.0f bytes kept per calendar", kept)
	require.Less(t, kept, 256.0*1024)
}

// TestEvictionKeepsAnswers: a calendar that has kept and dropped many
// stretches answers as one that was asked only once: the far query, and
// queries in years all over the range, before and after it.
func TestEvictionKeepsAnswers(t *testing.T) {
	a := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	loc := loadZone(t, "Europe/London")
	r := rand.New(rand.NewPCG(3, 4))
	var starts []time.Time
	for range 3 * maxCachedChunks {
		starts = append(starts, time.Date(1+r.IntN(9998), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 0, 0, 0, loc))
	}
	answer := func(c *Calendar, s time.Time) string {
		e := s.AddDate(0, 2, 0)
		return fmt.Sprint(c.Between(s, e), c.Add(s, 200*time.Hour), c.Add(e, -90*time.Hour), c.IsOpen(s), c.NextClose(s),
			c.OpenDays(DateOf(s, loc), DateOf(e, loc)), c.AddOpenDays(DateOf(s, loc), 30), c.HolidaysIn(s.Year()))
	}
	want := make([]string, len(starts))
	for i, s := range starts {
		want[i] = answer(ukCalendar(t), s)
	}
	fresh := ukCalendar(t)
	far := fmt.Sprint(fresh.Between(a, b), fresh.OpenDays(Date{1, 1, 1}, Date{9999, 12, 31}),
		fresh.Add(a, time.Duration(math.MaxInt64)), fresh.Add(b, time.Duration(math.MinInt64)), fresh.AddOpenDays(Date{1, 1, 1}, 2_000_000))

	c := ukCalendar(t)
	for round := range 2 {
		for i, s := range starts {
			if got := answer(c, s); got != want[i] {
				t.Errorf("round %d, %v: got %s, want %s", round, s, got, want[i])
			}
		}
		got := fmt.Sprint(c.Between(a, b), c.OpenDays(Date{1, 1, 1}, Date{9999, 12, 31}),
			c.Add(a, time.Duration(math.MaxInt64)), c.Add(b, time.Duration(math.MinInt64)), c.AddOpenDays(Date{1, 1, 1}, 2_000_000))
		if got != far {
			t.Errorf("round %d: far queries %s, want %s", round, got, far)
		}
		require.LessOrEqual(t, builtChunks(c), maxCachedChunks)
	}
}

// TestConcurrentEviction has goroutines query one calendar in more
// stretches than it keeps, so that stretches are dropped and built again
// while others read them; every answer is the serial one.
func TestConcurrentEviction(t *testing.T) {
	loc := loadZone(t, "America/New_York")
	opts := []Option{Weekly(MondayToFriday, MustSpan("08:00-18:00")), Holidays(usFederal()...)}
	shared := mustNew(t, loc, opts...)
	var starts []time.Time
	for y := 1600; len(starts) < 4*maxCachedChunks; y += 7 {
		starts = append(starts, time.Date(y, 5, 1, 12, 0, 0, 0, loc))
	}
	want := make([]string, len(starts))
	for i, s := range starts {
		c := mustNew(t, loc, opts...)
		want[i] = fmt.Sprint(c.Between(s, s.AddDate(0, 7, 3)), c.Add(s, 300*time.Hour), c.HolidaysIn(s.Year()))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(starts))
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 9))
			for _, i := range r.Perm(len(starts)) {
				s := starts[i]
				if got := fmt.Sprint(shared.Between(s, s.AddDate(0, 7, 3)), shared.Add(s, 300*time.Hour), shared.HolidaysIn(s.Year())); got != want[i] {
					errs <- fmt.Sprintf("%v: got %s, want %s", s, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	require.LessOrEqual(t, builtChunks(shared), maxCachedChunks)
}
