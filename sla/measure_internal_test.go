package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
)

// countedDownRef is a reference for CountedDown in set algebra: each run
// fitted to minutes as a set, judged by the minimum outage before or
// after, intersected with the measured time less the exclusions counted
// as available, and then, with clock buckets, every bucket with more than
// MoreThan of that set counted whole (its part in the counting time).
func countedDownRef(scope Scope, down window.Set, rules OutageRules) window.Set {
	var fitted []window.Interval
	for run := range down.All() {
		if rules.Order == MinOutageFirst && run.Duration() < rules.MinOutage {
			continue
		}
		switch rules.Minutes {
		case WholeMinutes:
			run = window.Between(ceilGrid(run.Start, time.Minute), run.End.Truncate(time.Minute))
		case PartialMinutes:
			run = window.Between(run.Start.Truncate(time.Minute), ceilGrid(run.End, time.Minute))
		}
		fitted = append(fitted, run)
	}
	kept := window.NewSet(fitted...)
	if rules.Order == MinutesFirst {
		var long []window.Interval
		for iv := range kept.All() {
			if iv.Duration() >= rules.MinOutage {
				long = append(long, iv)
			}
		}
		kept = window.NewSet(long...)
	}
	counting := scope.Measured()
	if scope.Exclusion == CountAsAvailable {
		counting = counting.Subtract(scope.Exclusions)
	}
	d := kept.Intersect(counting)
	if l := rules.Buckets.Length; l > 0 && !d.IsEmpty() {
		var buckets []window.Interval
		bounds := d.Bounds()
		for b := bounds.Start.Truncate(l); b.Before(bounds.End); b = b.Add(l) {
			bucket := window.Between(b, b.Add(l))
			if d.DurationIn(bucket) > rules.Buckets.MoreThan {
				buckets = append(buckets, bucket)
			}
		}
		d = window.NewSet(buckets...).Intersect(counting)
	}
	return d
}

// TestCountedDownAgreesWithReference: the set a contract evaluation walks
// to find when a budget ran out is the set algebra says, and its duration
// is what MeasureOutages counts, under every rule and exclusion policy.
func TestCountedDownAgreesWithReference(t *testing.T) {
	base := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(5, 5))
	randomSet := func(n int) window.Set {
		ivs := make([]window.Interval, n)
		for i := range ivs {
			start := base.Add(time.Duration(r.Int64N(int64(48 * time.Hour))))
			ivs[i] = window.Between(start, start.Add(time.Duration(r.Int64N(int64(3*time.Hour)))))
		}
		return window.NewSet(ivs...)
	}
	for trial := range 500 {
		schedule := randomSet(r.IntN(6))
		scope := Scope{
			Period:     window.Between(base.Add(time.Duration(r.Int64N(int64(6*time.Hour)))), base.Add(40*time.Hour)),
			Schedule:   &schedule,
			Exclusions: randomSet(r.IntN(3)),
			Exclusion:  ExclusionPolicy(r.IntN(2)),
		}
		if r.IntN(4) == 0 {
			scope.Schedule = nil
		}
		rules := OutageRules{
			MinOutage: time.Duration(r.IntN(3)) * 5 * time.Minute,
			Minutes:   MinuteRule(r.IntN(3)),
			Order:     RuleOrder(r.IntN(2)),
		}
		if r.IntN(2) == 0 {
			rules.Buckets = ClockBuckets{Length: []time.Duration{time.Minute, time.Hour}[r.IntN(2)], MoreThan: time.Duration(r.Int64N(int64(70 * time.Minute)))}
		}
		down := randomSet(r.IntN(12))
		got := CountedDown(scope, down, rules)
		if want := countedDownRef(scope, down, rules); !got.Equal(want) {
			t.Fatalf("trial %d: CountedDown = %v, reference %v", trial, got, want)
		}
		if m := MeasureOutages(scope, down, rules); got.Duration() != m.Down {
			t.Fatalf("trial %d: CountedDown lasts %v, MeasureOutages.Down = %v", trial, got.Duration(), m.Down)
		}
	}
}
