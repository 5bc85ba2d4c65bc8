package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
)

// TestCountedDownAgreesWithMeasureOutages: the set a contract evaluation
// walks to find when a budget ran out has exactly the duration that
// MeasureOutages counts, under every rule and exclusion policy.
func TestCountedDownAgreesWithMeasureOutages(t *testing.T) {
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
		want := MeasureOutages(scope, down, rules).Down
		got := countedDown(scope, scope.Measured(), down, rules).Duration()
		if got != want {
			t.Fatalf("trial %d: countedDown = %v, MeasureOutages.Down = %v", trial, got, want)
		}
	}
}
