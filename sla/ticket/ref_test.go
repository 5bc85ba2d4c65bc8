package ticket

import (
	"math/rand/v2"
	"testing"
	"time"
)

// rcReference is an obviously correct business schedule for tests: Monday
// to Friday from open to close (offsets from midnight, whole minutes) in
// UTC, closed on the holiday dates. It steps minute by minute.
type rcReference struct {
	open, close time.Duration
	holidays    map[string]bool // "2006-01-02"
}

func (r rcReference) isOpen(t time.Time) bool {
	t = t.UTC()
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if len(r.holidays) > 0 && r.holidays[t.Format(time.DateOnly)] {
		return false
	}
	midnight := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	tod := t.Sub(midnight)
	return tod >= r.open && tod < r.close
}

// rcNextMinute returns the next whole minute after t.
func rcNextMinute(t time.Time) time.Time {
	return t.UTC().Truncate(time.Minute).Add(time.Minute)
}

// Between adds up the open part of each minute in [a, b); every minute is
// wholly open or wholly closed.
func (r rcReference) Between(a, b time.Time) time.Duration {
	if b.Before(a) {
		return -r.Between(b, a)
	}
	var sum time.Duration
	for t := a; t.Before(b); {
		end := rcNextMinute(t)
		if end.After(b) {
			end = b
		}
		if r.isOpen(t) {
			sum += end.Sub(t)
		}
		t = end
	}
	return sum
}

// Add walks forward minute by minute until d of open time has passed.
func (r rcReference) Add(t time.Time, d time.Duration) time.Time {
	for d > 0 {
		end := rcNextMinute(t)
		if r.isOpen(t) {
			if avail := end.Sub(t); d <= avail {
				return t.Add(d)
			}
			d -= end.Sub(t)
		}
		t = end
	}
	return t
}

// rcWeekdayHours is a fast business schedule for benchmarks and fuzzing:
// Monday to Friday from open to close in UTC, no holidays, computed in O(1)
// from the business time elapsed since a Monday epoch.
type rcWeekdayHours struct{ open, close time.Duration }

var rcEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) // a Monday

const (
	rcDay  = 24 * time.Hour
	rcWeek = 7 * rcDay
)

func rcFloorDiv(a, b time.Duration) time.Duration {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// cum returns the business time from the epoch to t.
func (w rcWeekdayHours) cum(t time.Time) time.Duration {
	daily := w.close - w.open
	d := t.Sub(rcEpoch)
	weeks := rcFloorDiv(d, rcWeek)
	r := d - weeks*rcWeek
	day := r / rcDay
	f := weeks * 5 * daily
	if day >= 5 {
		return f + 5*daily
	}
	tod := r - day*rcDay
	return f + day*daily + min(max(tod-w.open, 0), daily)
}

func (w rcWeekdayHours) Between(a, b time.Time) time.Duration { return w.cum(b) - w.cum(a) }

// Add finds the instant at which cum reaches cum(t)+d: the last business
// nanosecond before it lies inside an open span, so place that one and step
// past it.
func (w rcWeekdayHours) Add(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	daily := w.close - w.open
	x := w.cum(t) + d - 1
	weeks := rcFloorDiv(x, 5*daily)
	r := x - weeks*5*daily
	day, off := r/daily, r%daily
	return rcEpoch.Add(weeks*rcWeek + day*rcDay + w.open + off + 1)
}

// TestRCWeekdayHoursMatchesReference checks the fast schedule against the
// minute-stepping one on random spans, so that benchmarks and fuzzing drive
// the clock with a correct schedule.
func TestRCWeekdayHoursMatchesReference(t *testing.T) {
	fast := rcWeekdayHours{open: 9 * time.Hour, close: 17 * time.Hour}
	ref := rcReference{open: 9 * time.Hour, close: 17 * time.Hour}
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		a := base.Add(time.Duration(rng.Int64N(int64(30 * rcDay))))
		b := a.Add(time.Duration(rng.Int64N(int64(5 * rcDay))))
		if i%3 == 0 { // whole minutes hit the span edges
			a, b = a.Truncate(time.Minute), b.Truncate(time.Minute)
		}
		if got, want := fast.Between(a, b), ref.Between(a, b); got != want {
			t.Fatalf("Between(%v, %v) = %v, want %v", a, b, got, want)
		}
		if got, want := fast.Between(b, a), ref.Between(b, a); got != want {
			t.Fatalf("Between(%v, %v) = %v, want %v", b, a, got, want)
		}
		d := time.Duration(rng.Int64N(int64(20 * time.Hour)))
		if i%3 == 1 {
			d = d.Truncate(time.Hour)
		}
		if got, want := fast.Add(a, d), ref.Add(a, d); !got.Equal(want) {
			t.Fatalf("Add(%v, %v) = %v, want %v", a, d, got, want)
		}
	}
}
