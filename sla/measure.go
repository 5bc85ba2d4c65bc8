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
//
// The zero Scope has an empty Period and measures nothing: every outage
// lies outside it, and a measurement over it has no measured time, whose
// [Ratio] meets every target. A caller whose period may be missing checks
// Measured, or uses sla/contract, whose Evaluate refuses an empty period
// and lists the outages outside a period in its report.
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

// MinuteRule says how a run of down time is fitted to the minutes of
// the UTC clock: [k×60 s, (k+1)×60 s) of Unix time, whatever the Location
// of the instants.
type MinuteRule int8

const (
	// ExactTime counts down time to the nanosecond. It is the zero value.
	ExactTime MinuteRule = iota
	// WholeMinutes counts only minutes that are down throughout: each run
	// keeps the whole minutes inside it (it is rounded inward), so a run
	// of 4 min 30 s counts 4 minutes when it starts on a minute boundary,
	// and a 40 s blip counts none.
	WholeMinutes
	// PartialMinutes counts a minute with any down time in it as a whole
	// down minute: each run is rounded outward to minute boundaries, and
	// runs that then meet or overlap count once, as one run. A 40 s blip
	// counts a minute, two if it crosses a minute boundary.
	PartialMinutes
)

// RuleOrder says when the minimum outage length applies: to a run as
// recorded, before the minute rule, or to the run the minute rule leaves.
type RuleOrder int8

const (
	// MinOutageFirst judges each run by its recorded length, then fits
	// the runs that pass to minutes. It is the zero value.
	MinOutageFirst RuleOrder = iota
	// MinutesFirst fits each run to minutes first and judges what is left:
	// "a downtime period is N consecutive whole minutes of downtime", as
	// several providers define it. A run of 5 min 10 s that starts at
	// hh:mm:30 holds 4 whole minutes, so with WholeMinutes and a minimum
	// of 5 minutes it counts nothing, while MinOutageFirst counts its 4.
	MinutesFirst
)

// ClockBuckets count down time by buckets of the clock: a bucket (an
// hour, say) counts as wholly down when more than MoreThan of it is down,
// and counts nothing otherwise — "an hour is unavailable when more than
// 6 minutes of it are down". Buckets are [k×Length, (k+1)×Length) counted
// from 0001-01-01 00:00 UTC, which is the grid of the UTC clock when
// Length divides 24 hours. The zero value, with no Length, counts no
// buckets: down time counts as it is. A plain value.
type ClockBuckets struct {
	// Length is the length of a bucket; zero or less means no buckets.
	Length time.Duration
	// MoreThan is how much of a bucket may be down while the bucket still
	// counts as available: a bucket with exactly MoreThan down counts
	// nothing, one with any more counts whole. With MoreThan at Length or
	// above no bucket counts.
	MoreThan time.Duration
}

// OutageRules say which down time counts against the objective. The zero
// value counts every nanosecond of every outage. Rules apply in this
// order: MinOutage and Minutes to each run of down time as recorded (in
// the order Order says), then the result is clipped to the counting time
// (the measured time, less exclusions counted as available), then
// Buckets.
type OutageRules struct {
	// MinOutage ignores runs of down time shorter than this. A run is a
	// maximal interval of the down set (touching outages form one run),
	// measured as recorded, before clipping to the measured time.
	MinOutage time.Duration
	// Minutes fits runs to minutes of the UTC clock.
	Minutes MinuteRule
	// Order says whether MinOutage judges a run before or after Minutes
	// fits it.
	Order RuleOrder
	// Buckets, when its Length is set, counts down time by clock buckets.
	// The down time of a bucket is what the other rules count in it, in
	// counting time; a bucket that counts, counts its counting time.
	Buckets ClockBuckets
}

// runs calls yield with each run of down, in order, as the rules keep it
// before clipping: judged by MinOutage and fitted to minutes in the
// order of r.Order. The runs it yields are disjoint and in order: runs
// that meet or overlap once rounded outward are joined.
func (r OutageRules) runs(down window.Set, yield func(window.Interval)) {
	var pending window.Interval
	has := false
	flush := func() {
		if has && (r.Order != MinutesFirst || pending.Duration() >= r.MinOutage) {
			yield(pending)
		}
		has = false
	}
	for run := range down.All() {
		if r.Order != MinutesFirst && run.Duration() < r.MinOutage {
			continue
		}
		switch r.Minutes {
		case WholeMinutes:
			run = window.Between(ceilMinute(run.Start), run.End.Truncate(time.Minute))
		case PartialMinutes:
			run = window.Between(run.Start.Truncate(time.Minute), ceilMinute(run.End))
		}
		if run.Empty() {
			continue
		}
		if has && !run.Start.After(pending.End) {
			if run.End.After(pending.End) {
				pending.End = run.End
			}
			continue
		}
		flush()
		pending, has = run, true
	}
	flush()
}

// Reach returns the time within which the rules may count down time for
// an outage over span: span rounded out to minutes of the UTC clock with
// PartialMinutes, then to whole buckets with Buckets; span itself under
// the other rules. The down time [CountedDown] counts for an outage lies
// within its reach, so a report can put counted down time against the
// outage that caused it. An empty span reaches nothing more than itself
// rounded. A plain function of its arguments.
func (r OutageRules) Reach(span window.Interval) window.Interval {
	out := func(iv window.Interval, d time.Duration) window.Interval {
		return window.Between(iv.Start.Truncate(d), ceilGrid(iv.End, d))
	}
	if r.Minutes == PartialMinutes {
		span = out(span, time.Minute)
	}
	if r.Buckets.Length > 0 {
		span = out(span, r.Buckets.Length)
	}
	return span
}

// ceilMinute rounds t up to a minute of the UTC clock. time.Time.Truncate
// counts from the zero time, which lies on a UTC minute boundary, so the
// grid does not depend on t's Location.
func ceilMinute(t time.Time) time.Time { return ceilGrid(t, time.Minute) }

// ceilGrid rounds t up to a multiple of d counted from the zero time.
func ceilGrid(t time.Time, d time.Duration) time.Time {
	u := t.Truncate(d)
	if u.Before(t) {
		u = u.Add(d)
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
// exclusions), allocates only for the measured time (and, with clock
// buckets, for each bucket that counts at the end of an outage), and never
// loops per minute or per bucket.
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
	emit := yield
	if rules.Buckets.Length > 0 {
		if rules.Buckets.MoreThan >= rules.Buckets.Length {
			return // no bucket can have more than its length down
		}
		b := &bucketer{counting: counting, rules: rules.Buckets, yield: yield}
		emit = b.add
		defer b.flush()
	}
	// Runs are disjoint and sorted, and stay so once fitted to minutes, so
	// one merge walk over runs and counting intervals yields their common
	// parts without overlap.
	spans := counting.Intervals()
	i := 0
	rules.runs(down, func(run window.Interval) {
		for i < len(spans) && !spans[i].End.After(run.Start) {
			i++
		}
		for k := i; k < len(spans) && spans[k].Start.Before(run.End); k++ {
			emit(run.Intersect(spans[k]))
		}
	})
}

// bucketer turns the pieces of down time that count, given in order,
// into the clock buckets that count. A bucket wholly inside a piece is
// down throughout, more than any MoreThan below Length: such buckets pass
// through as they are, and only the buckets at the ends of pieces are
// summed. It costs O(pieces), never a step per bucket.
type bucketer struct {
	counting window.Set
	rules    ClockBuckets
	yield    func(window.Interval)
	cur      time.Time     // the bucket being summed
	down     time.Duration // its down time so far
	has      bool
}

func (b *bucketer) add(piece window.Interval) {
	length := b.rules.Length
	first := piece.Start.Truncate(length)
	last := piece.End.Add(-1).Truncate(length) // the bucket of the last instant
	b.sum(first, window.Between(piece.Start, first.Add(length)).Intersect(piece).Duration())
	if first.Equal(last) {
		return
	}
	b.flush()
	if inner := window.Between(first.Add(length), last); !inner.Empty() {
		b.yield(inner)
	}
	b.sum(last, piece.End.Sub(last))
}

// sum adds d of down time to the bucket that starts at start, flushing
// the bucket before it.
func (b *bucketer) sum(start time.Time, d time.Duration) {
	if b.has && !b.cur.Equal(start) {
		b.flush()
	}
	if !b.has {
		b.cur, b.down, b.has = start, 0, true
	}
	b.down += d // at most Length in all: no overflow
}

// flush yields the counting time of the bucket being summed when more
// than MoreThan of it is down.
func (b *bucketer) flush() {
	if !b.has {
		return
	}
	b.has = false
	if b.down <= b.rules.MoreThan {
		return
	}
	for iv := range b.counting.Clip(window.Between(b.cur, b.cur.Add(b.rules.Length))).All() {
		b.yield(iv)
	}
}

// Ratio returns the availability: (Measured − Down) / Measured; with no
// measured time, the empty Ratio, which meets every target.
func (m TimeMeasurement) Ratio() Ratio { return TimeRatio(m.Measured, m.Down) }

// Met reports whether the measured availability meets t.
func (m TimeMeasurement) Met(t Target) bool { return m.Ratio().Met(t) }

// Budget returns the error budget of t over the measured time, with the
// down time as consumed.
func (m TimeMeasurement) Budget(t Target) Budget { return NewBudget(t, m.Measured, m.Down) }
