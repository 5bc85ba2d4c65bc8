package sla

import (
	"time"

	"github.com/slamath/slamath/internal/saturate"
	"github.com/slamath/slamath/window"
)

// ExclusionPolicy says how exclusions (maintenance windows) count.
type ExclusionPolicy int8

const (
	// ExcludeFromMeasured removes exclusions from the measured time: they
	// count neither as available nor as down. It is the zero value and
	// the default.
	ExcludeFromMeasured ExclusionPolicy = iota
	// CountAsAvailable keeps exclusions in the measured time and counts
	// them as available, whatever happened in them.
	CountAsAvailable
)

// Scope is the time an objective is measured over: the period, within
// the schedule, minus exclusions. A plain value, safe for concurrent use.
type Scope struct {
	// Period is the span measured, such as a month.
	Period window.Interval
	// Schedule is when the objective applies (business hours, say). Nil
	// means all of Period. A non-nil empty Schedule measures nothing.
	Schedule *window.Set
	// Exclusions are spans, such as announced maintenance, treated as
	// Exclusion says.
	Exclusions window.Set
	// Exclusion says how Exclusions count; the zero value removes them
	// from the measured time.
	Exclusion ExclusionPolicy
}

// Measured returns the measured time: Period ∩ Schedule, minus the
// exclusions when they are removed from measured time.
func (s Scope) Measured() window.Set {
	m := window.NewSet(s.Period)
	if s.Schedule != nil {
		m = s.Schedule.Clip(s.Period)
	}
	if s.Exclusion == ExcludeFromMeasured {
		m = m.Subtract(s.Exclusions)
	}
	return m
}

// OutageRules say which down time counts against the objective. The zero
// value counts every nanosecond of every outage.
type OutageRules struct {
	// MinOutage ignores runs of down time shorter than this. A run is a
	// maximal interval of the down set (touching outages form one run),
	// measured as recorded, before clipping to the measured time.
	MinOutage time.Duration
	// WholeMinutes counts only minutes that are down throughout. Minutes
	// are those of the UTC clock: [k×60 s, (k+1)×60 s) of Unix time. Each
	// run keeps the whole minutes inside it, so a run of 4 min 30 s counts
	// 4 minutes when it starts on a minute boundary, and a 40 s blip counts
	// none. It applies after MinOutage.
	WholeMinutes bool
}

// keep returns the part of a run of down time that counts under the
// rules, before clipping to the measured time, and whether any does.
func (r OutageRules) keep(run window.Interval) (window.Interval, bool) {
	if run.Duration() < r.MinOutage {
		return window.Interval{}, false
	}
	if r.WholeMinutes {
		run = window.Between(ceilMinute(run.Start), run.End.Truncate(time.Minute))
	}
	return run, !run.Empty()
}

// ceilMinute rounds t up to a minute of the UTC clock. time.Time.Truncate
// counts from the zero time, which lies on a UTC minute boundary, so the
// grid does not depend on t's Location.
func ceilMinute(t time.Time) time.Time {
	u := t.Truncate(time.Minute)
	if u.Before(t) {
		u = u.Add(time.Minute)
	}
	return u
}

// TimeMeasurement is the result of measuring outages: the measured time
// and the down time within it, each saturating at the largest Duration
// (a span of about 292 years). A plain value, safe for concurrent use.
type TimeMeasurement struct {
	Measured time.Duration
	Down     time.Duration
}

// MeasureOutages measures the outages in down against the scope: the
// rules select the down time that counts, which is then clipped to the
// measured time. Down time in exclusions never counts: they are either
// outside the measured time or counted as available. Down is the
// duration of [CountedDown]. It costs O(outages + schedule intervals +
// exclusions), allocates only for the measured time, and never loops per
// minute.
func MeasureOutages(scope Scope, down window.Set, rules OutageRules) TimeMeasurement {
	measured := scope.Measured()
	var lost time.Duration
	countDown(scope, measured, down, rules, func(iv window.Interval) {
		lost = saturate.Add(lost, iv.Duration())
	})
	return TimeMeasurement{Measured: measured.Duration(), Down: lost}
}

// CountedDown returns the down time that counts against the scope under
// the rules: the part of each run of down that the rules keep, inside
// the measured time, outside exclusions counted as available. Its
// duration is the Down of [MeasureOutages], counted by the same walk; a
// contract uses the set itself to find the instant a budget ran out.
func CountedDown(scope Scope, down window.Set, rules OutageRules) window.Set {
	// A run gives one piece per counting interval it meets: about one.
	pieces := make([]window.Interval, 0, down.Len())
	countDown(scope, scope.Measured(), down, rules, func(iv window.Interval) {
		pieces = append(pieces, iv)
	})
	return window.NewSet(pieces...)
}

// countDown is the one count of down time: it calls yield with each
// piece of down time that counts, in order and disjoint. measured is
// scope.Measured().
func countDown(scope Scope, measured, down window.Set, rules OutageRules, yield func(window.Interval)) {
	counting := measured
	if scope.Exclusion == CountAsAvailable {
		counting = measured.Subtract(scope.Exclusions)
	}
	// Runs are disjoint and sorted, and stay so once shrunk to whole
	// minutes, so one merge walk over runs and counting intervals yields
	// their common parts without overlap.
	spans := counting.Intervals()
	i := 0
	for run := range down.All() {
		run, ok := rules.keep(run)
		if !ok {
			continue
		}
		for i < len(spans) && !spans[i].End.After(run.Start) {
			i++
		}
		for k := i; k < len(spans) && spans[k].Start.Before(run.End); k++ {
			yield(run.Intersect(spans[k]))
		}
	}
}

// Ratio returns the availability: (Measured − Down) / Measured.
func (m TimeMeasurement) Ratio() Ratio { return TimeRatio(m.Measured, m.Down) }

// Met reports whether the measured availability meets t.
func (m TimeMeasurement) Met(t Target) bool { return m.Ratio().Met(t) }

// Budget returns the error budget of t over the measured time, with the
// down time as consumed.
func (m TimeMeasurement) Budget(t Target) Budget { return NewBudget(t, m.Measured, m.Down) }
