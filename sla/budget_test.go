package sla_test

import (
	"math"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
)

func TestBudget(t *testing.T) {
	// 99.9% of 30 days allows 2592 s (FACTS.md).
	target, month := sla.MustTarget("99.9%"), 30*day
	tests := []struct {
		name                 string
		target               sla.Target
		down                 time.Duration
		remaining            time.Duration
		fraction             sla.Rational
		exhausted, overspent bool
		met                  bool
	}{
		{"half spent", target, 1296 * time.Second, 1296 * time.Second, sla.RationalOf(1, 2), false, false, true},
		{"spent exactly", target, 2592 * time.Second, 0, sla.RationalOf(1, 1), true, false, true},
		{"one nanosecond over", target, 2592*time.Second + 1, -1, sla.RationalOf(2592e9+1, 2592e9), true, true, false},
		{"nothing spent", target, 0, 2592 * time.Second, sla.RationalOf(0, 1), false, false, true},
		// 100% allows nothing: no division by zero, fraction 0 then +Inf.
		{"100% untouched", sla.MustTarget("100%"), 0, 0, sla.RationalOf(0, 1), true, false, true},
		{"100% with a second down", sla.MustTarget("100%"), time.Second, -time.Second, sla.RationalOf(1, 0), true, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := sla.TimeMeasurement{Measured: month, Down: tc.down}
			b := m.Budget(tc.target)
			if b.Allowed() != tc.target.Allowance(month) || b.Consumed() != tc.down {
				t.Errorf("Allowed %v Consumed %v", b.Allowed(), b.Consumed())
			}
			if b.Remaining() != tc.remaining {
				t.Errorf("Remaining = %v, want %v", b.Remaining(), tc.remaining)
			}
			if !b.FractionConsumed().Equal(tc.fraction) {
				t.Errorf("FractionConsumed = %v, want %v", b.FractionConsumed(), tc.fraction)
			}
			if b.Exhausted() != tc.exhausted || b.Overspent() != tc.overspent {
				t.Errorf("Exhausted %v Overspent %v, want %v %v", b.Exhausted(), b.Overspent(), tc.exhausted, tc.overspent)
			}
			// Overspent is exactly the missed target.
			if m.Met(tc.target) != tc.met || b.Overspent() == m.Met(tc.target) {
				t.Errorf("Met = %v, want %v (Overspent %v)", m.Met(tc.target), tc.met, b.Overspent())
			}
		})
	}
}

func TestEventBudget(t *testing.T) {
	// 99.9% of 1,000,000 events allows 1000 bad ones.
	tests := []struct {
		name      string
		good      uint64
		total     uint64
		remaining int64
		fraction  sla.Rational
		exhausted bool
	}{
		{"under", 999_750, 1_000_000, 750, sla.RationalOf(1, 4), false},
		{"exactly", 999_000, 1_000_000, 0, sla.RationalOf(1, 1), true},
		{"over by half", 998_500, 1_000_000, -500, sla.RationalOf(3, 2), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := sla.NewEventBudget(sla.MustTarget("99.9%"), mustRatio(t, tc.good, tc.total))
			if b.Allowed() != 1000 || b.Consumed() != tc.total-tc.good {
				t.Errorf("Allowed %d Consumed %d", b.Allowed(), b.Consumed())
			}
			if b.Remaining() != tc.remaining || b.Exhausted() != tc.exhausted || b.Overspent() != (tc.remaining < 0) {
				t.Errorf("Remaining %d Exhausted %v Overspent %v", b.Remaining(), b.Exhausted(), b.Overspent())
			}
			if !b.FractionConsumed().Equal(tc.fraction) {
				t.Errorf("FractionConsumed = %v, want %v", b.FractionConsumed(), tc.fraction)
			}
		})
	}
	// Remaining saturates: 0 allowed of 2^64−1 bad.
	b := sla.NewEventBudget(sla.MustTarget("100%"), mustRatio(t, 0, math.MaxUint64))
	if b.Remaining() != math.MinInt64 {
		t.Errorf("Remaining = %d, want MinInt64", b.Remaining())
	}
}
