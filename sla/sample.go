package sla

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/slamath/slamath/window"
)

// Errors of the measurements of samples.
var (
	// ErrTooManyEvents: counts of events add up past 2^64 − 1.
	ErrTooManyEvents = errors.New("event counts add up past 2^64-1")
	// ErrSliceLength: a time slice of zero or negative length.
	ErrSliceLength = errors.New("slice length not positive")
)

// Sample is a count of events seen at an instant: Good of Total requests
// in the minute that starts at At, say, as a metrics system records them.
// A plain value, safe for concurrent use.
type Sample struct {
	At          time.Time
	Good, Total uint64
}

// CountMeasurement is the result of measuring events or time slices over
// a scope: a ratio of good to counted events or slices, and when the bad
// ones came, so that it can say when a budget ran out. It is immutable
// and safe for concurrent use; the zero value measured nothing.
type CountMeasurement struct {
	ratio Ratio
	bad   []badStep // in time order
}

// badStep is bad events or slices at an instant: n at at, or, with every
// set, a run of n bad slices, one every every from at.
type badStep struct {
	at    time.Time
	n     uint64
	every time.Duration
}

// Ratio returns the good events or slices over those counted.
func (m CountMeasurement) Ratio() Ratio { return m.ratio }

// Met reports whether the ratio meets t.
func (m CountMeasurement) Met(t Target) bool { return m.ratio.Met(t) }

// Budget returns the error budget of t in events or slices.
func (m CountMeasurement) Budget(t Target) EventBudget { return NewEventBudget(t, m.ratio) }

// ExhaustedAt returns the instant at which the bad events or slices
// passed what t allows over the whole measurement (its
// [Target.EventAllowance] of the total), and true: the instant of the
// sample, or the start of the slice, whose bad events or which, as a bad
// slice, took the count past the allowance. It returns false when the
// budget is not overspent.
func (m CountMeasurement) ExhaustedAt(t Target) (time.Time, bool) {
	allowed := t.EventAllowance(m.ratio.total)
	var seen uint64 // at most allowed, so allowed − seen cannot wrap
	for _, s := range m.bad {
		if s.n > allowed-seen {
			if s.every > 0 {
				// The (allowed − seen + 1)th slice of the run.
				return s.at.Add(time.Duration(allowed-seen) * s.every), true
			}
			return s.at, true
		}
		seen += s.n
	}
	return time.Time{}, false
}

// addCount returns a + b, or an error wrapping ErrTooManyEvents.
func addCount(a, b uint64, what string, i int) (uint64, error) {
	if a+b < a {
		return 0, fmt.Errorf("sla: samples[%d]: %s: %w", i, what, ErrTooManyEvents)
	}
	return a + b, nil
}

// checkSample fails, wrapping ErrGoodAboveTotal, for a sample with more
// good events than events.
func checkSample(i int, s Sample) error {
	if s.Good > s.Total {
		return fmt.Errorf("sla: samples[%d]: good %d of total %d: %w", i, s.Good, s.Total, ErrGoodAboveTotal)
	}
	return nil
}

// availableTime returns the exclusions of scope that count as available,
// within its measured time, and the measured time less them.
func (s Scope) availableTime(measured window.Set) (available, counting window.Set) {
	if s.Exclusion != CountAsAvailable || s.Exclusions.IsEmpty() {
		return window.Set{}, measured
	}
	return measured.Intersect(s.Exclusions), measured.Subtract(s.Exclusions)
}

// MeasureEvents is the events method over a scope: the ratio of good to
// all events of the samples whose instant lies in the measured time. A
// sample in an exclusion counted as available counts all its events as
// good. Samples may come in any order. It fails, naming the sample, when
// a sample has more good events than events (ErrGoodAboveTotal) or the
// counts add up past 2^64 − 1 (ErrTooManyEvents). It costs O(n log n)
// for n samples and allocates for the measured time and the samples with
// bad events.
func MeasureEvents(scope Scope, samples []Sample) (CountMeasurement, error) {
	measured := scope.Measured()
	available, _ := scope.availableTime(measured)
	var good, total uint64
	var bad []badStep
	var err error
	for i, s := range samples {
		if err := checkSample(i, s); err != nil {
			return CountMeasurement{}, err
		}
		if !measured.Contains(s.At) {
			continue
		}
		g := s.Good
		if available.Contains(s.At) {
			g = s.Total
		}
		if total, err = addCount(total, s.Total, "total", i); err != nil {
			return CountMeasurement{}, err
		}
		good += g // good ≤ total, which did not overflow
		if b := s.Total - g; b > 0 {
			bad = append(bad, badStep{at: s.At, n: b})
		}
	}
	slices.SortStableFunc(bad, func(a, b badStep) int { return a.at.Compare(b.at) })
	return CountMeasurement{ratio: Ratio{good: good, total: total}, bad: bad}, nil
}

// timeSlices holds the slices of a scope: those observed in the
// counting time, in order with their starts, the number of other slices
// that start in the counting time (which had no events), and the number
// of slices that start in exclusions counted as available.
type timeSlices struct {
	starts     []time.Time
	observed   []Slice
	unobserved uint64
	available  uint64
	counting   window.Set
	length     time.Duration
}

// sliceScope groups the samples into slices of the given length: a
// sample belongs to the slice [k×length, (k+1)×length) that holds its
// instant, counted from 0001-01-01 00:00 UTC (for a length that divides
// 24 hours, the slices of the UTC clock), and a slice belongs to the
// scope when its start lies in the measured time.
func sliceScope(scope Scope, length time.Duration, samples []Sample) (timeSlices, error) {
	if length <= 0 {
		return timeSlices{}, fmt.Errorf("sla: slice length %v: %w", length, ErrSliceLength)
	}
	measured := scope.Measured()
	available, counting := scope.availableTime(measured)
	type part struct {
		start       time.Time
		good, total uint64
		i           int
	}
	var parts []part
	for i, s := range samples {
		if err := checkSample(i, s); err != nil {
			return timeSlices{}, err
		}
		start := s.At.Truncate(length)
		if counting.Contains(start) {
			parts = append(parts, part{start, s.Good, s.Total, i})
		}
	}
	slices.SortStableFunc(parts, func(a, b part) int { return a.start.Compare(b.start) })
	ts := timeSlices{counting: counting, length: length}
	for _, p := range parts {
		n := len(ts.observed)
		if n > 0 && ts.starts[n-1].Equal(p.start) {
			last := &ts.observed[n-1]
			total, err := addCount(last.Total, p.total, "total of its slice", p.i)
			if err != nil {
				return timeSlices{}, err
			}
			last.Good, last.Total = last.Good+p.good, total
			continue
		}
		ts.starts = append(ts.starts, p.start)
		ts.observed = append(ts.observed, Slice{Good: p.good, Total: p.total})
	}
	ts.unobserved = gridPoints(counting, length) - uint64(len(ts.observed))
	ts.available = gridPoints(available, length)
	return ts, nil
}

// gridPoints returns the number of slice starts (multiples of length
// from the zero time) in set. It costs O(intervals of set).
func gridPoints(set window.Set, length time.Duration) uint64 {
	var n uint64
	for iv := range set.All() {
		n += gridCount(iv.Start, iv.End, length)
	}
	return n
}

// gridCount returns the number of multiples of length from the zero time
// in [a, b).
func gridCount(a, b time.Time, length time.Duration) uint64 {
	a, b = ceilGrid(a, length), ceilGrid(b, length)
	if !b.After(a) {
		return 0
	}
	return uint64(b.Sub(a) / length)
}

// MeasureTimeSlices is the time-slices method over a scope: the samples
// are summed into slices of the given length, and the result is the
// ratio of good slices to counted slices, with a slice bad or good by
// the rules of [MeasureSlices]. A slice belongs to the scope when its
// start lies in the measured time; slices are [k×length, (k+1)×length)
// counted from 0001-01-01 00:00 UTC, the slices of the UTC clock for a
// length that divides 24 hours. Slices of the measured time without a
// sample have no events and count as rules.Empty says; a slice that
// starts in an exclusion counted as available is good. Samples may come
// in any order, several to a slice.
//
// It fails for a length that is not positive (ErrSliceLength), and like
// MeasureEvents. It costs O(n log n + intervals of the measured time) for
// n samples, never a step per empty slice.
func MeasureTimeSlices(scope Scope, length time.Duration, samples []Sample, rules SliceRules) (CountMeasurement, error) {
	ts, err := sliceScope(scope, length, samples)
	if err != nil {
		return CountMeasurement{}, err
	}
	r := tallySlices(ts.observed, ts.unobserved, rules)
	r.good += ts.available
	r.total += ts.available
	return CountMeasurement{ratio: r, bad: ts.badSlices(rules)}, nil
}

// badSlices returns the bad slices in time order: the observed ones that
// are bad and, when empty slices are bad, the runs of slices without a
// sample between them.
func (ts timeSlices) badSlices(rules SliceRules) []badStep {
	var out []badStep
	emptyBad := rules.Empty == EmptyBad
	j := 0
	run := func(from, to time.Time) { // empty slices starting in [from, to)
		if !emptyBad {
			return
		}
		if n := gridCount(from, to, ts.length); n > 0 {
			out = append(out, badStep{at: ceilGrid(from, ts.length), n: n, every: ts.length})
		}
	}
	for iv := range ts.counting.All() {
		from := iv.Start
		for ; j < len(ts.starts) && ts.starts[j].Before(iv.End); j++ {
			run(from, ts.starts[j])
			s := ts.observed[j]
			if s.Total == 0 && emptyBad || s.Total > 0 && rules.bad(s) {
				out = append(out, badStep{at: ts.starts[j], n: 1})
			}
			from = ts.starts[j].Add(ts.length)
		}
		if from.Before(iv.End) {
			run(from, iv.End)
		}
	}
	return out
}

// AverageTimeSlices is the ratio-of-slices method over a scope: the
// samples are summed into slices as by [MeasureTimeSlices], and the
// result is the mean of the per-slice ratios, exactly, as by
// [AverageSlices]. A slice that starts in an exclusion counted as
// available has ratio 1. It fails like MeasureTimeSlices.
func AverageTimeSlices(scope Scope, length time.Duration, samples []Sample, empty EmptyPolicy) (Rational, error) {
	ts, err := sliceScope(scope, length, samples)
	if err != nil {
		return Rational{}, err
	}
	return averageSlices(ts.observed, ts.unobserved, ts.available, empty), nil
}

// byTotal orders slices by their total, for summing ratios with equal
// denominators together.
func byTotal(a, b Slice) int { return cmp.Compare(a.Total, b.Total) }
