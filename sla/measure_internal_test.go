package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
)

// countedDownRef is a reference for CountedDown in set algebra: the kept
// part of each run, as a set, intersected with the measured time less the
// exclusions counted as available.
func countedDownRef(scope Scope, down window.Set, rules OutageRules) window.Set {
	var kept []window.Interval
	for run := range down.All() {
		if iv, ok := rules.keep(run); ok {
			kept = append(kept, iv)
		}
	}
	counting := scope.Measured()
	if scope.Exclusion == CountAsAvailable {
		counting = counting.Subtract(scope.Exclusions)
	}
	return window.NewSet(kept...).Intersect(counting)
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
		rules := OutageRules{MinOutage: time.Duration(r.IntN(3)) * 5 * time.Minute, WholeMinutes: r.IntN(2) == 0}
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
