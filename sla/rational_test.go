package sla_test

import (
	"math"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
)

func TestRationalText(t *testing.T) {
	tests := []struct {
		name            string
		x               sla.Rational
		str, dec4, pct2 string
	}{
		{"terminating decimal", sla.RationalOf(144, 10), "14.4", "14.4000", "1440.00%"},
		{"integer", sla.RationalOf(6, 1), "6", "6.0000", "600.00%"},
		// 14/15 = 0.93333…: no finite decimal, truncated at four places.
		{"repeating", sla.RationalOf(14, 15), "14/15", "0.9333", "93.33%"},
		// 2/3 = 0.6666…: truncation, not rounding, gives 0.6666.
		{"truncates", sla.RationalOf(2, 3), "2/3", "0.6666", "66.66%"},
		{"small", sla.RationalOf(1, 100000), "0.00001", "0.0000", "0.00%"},
		{"zero value", sla.Rational{}, "0", "0.0000", "0.00%"},
		{"infinity", sla.RationalOf(1, 0), "+Inf", "+Inf", "+Inf%"},
		{"zero over zero", sla.RationalOf(0, 0), "0", "0.0000", "0.00%"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.x.String(); got != tc.str {
				t.Errorf("String = %q, want %q", got, tc.str)
			}
			if got := tc.x.Decimal(4); got != tc.dec4 {
				t.Errorf("Decimal(4) = %q, want %q", got, tc.dec4)
			}
			if got := tc.x.Percent(2); got != tc.pct2 {
				t.Errorf("Percent(2) = %q, want %q", got, tc.pct2)
			}
		})
	}
}

func TestRationalArithmetic(t *testing.T) {
	inf, zero := sla.RationalOf(1, 0), sla.Rational{}
	half, third := sla.RationalOf(1, 2), sla.RationalOf(1, 3)
	tests := []struct {
		name      string
		got, want sla.Rational
	}{
		{"mul", half.Mul(third), sla.RationalOf(1, 6)},
		{"quo", half.Quo(third), sla.RationalOf(3, 2)},
		{"add", half.Add(third), sla.RationalOf(5, 6)},
		{"0 + ½ is ½", zero.Add(half), half},
		{"½ + 0 is ½", half.Add(zero), half},
		{"inf + ½ is inf", inf.Add(half), inf},
		{"½ + inf is inf", half.Add(inf), inf},
		{"inf × 0 is 0", inf.Mul(zero), zero},
		{"inf × ½ is inf", inf.Mul(half), inf},
		{"½ / 0 is inf", half.Quo(zero), inf},
		{"0 / 0 is 0", zero.Quo(zero), zero},
		{"½ / inf is 0", half.Quo(inf), zero},
		{"inf / inf is inf", inf.Quo(inf), inf},
		{"inf / ½ is inf", inf.Quo(half), inf},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.got.Equal(tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	if inf.Cmp(sla.RationalOf(math.MaxUint64, 1)) != 1 || half.Cmp(inf) != -1 || inf.Cmp(inf) != 0 {
		t.Error("+Inf ordering wrong")
	}
	if !inf.IsInf() || half.IsInf() || !zero.IsZero() || inf.IsZero() {
		t.Error("IsInf/IsZero wrong")
	}
	if n, d := sla.RationalOf(6, 4).Num(), sla.RationalOf(6, 4).Den(); n.Int64() != 3 || d.Int64() != 2 {
		t.Errorf("6/4 reduces to %v/%v", n, d)
	}
	if n, d := inf.Num(), inf.Den(); n.Int64() != 1 || d.Sign() != 0 {
		t.Errorf("+Inf as %v/%v", n, d)
	}
	if half.Float64() != 0.5 || !math.IsInf(inf.Float64(), 1) {
		t.Error("Float64 wrong")
	}
}

// FuzzMetIsWithinAllowance checks a law that ties the two exact paths
// together: down time over measured time meets a target exactly when the
// down time is within the target's allowance (which is rounded down to
// the nanosecond), and the budget is overspent exactly when it is not.
func FuzzMetIsWithinAllowance(f *testing.F) {
	f.Add(uint64(999_000_000_000_000_000), int64(30*day), int64(2592e9))
	f.Add(uint64(999_000_000_000_000_000), int64(30*day), int64(2592e9+1))
	f.Add(uint64(1e18), int64(1), int64(0))
	f.Fuzz(func(t *testing.T, ppe uint64, measured, down int64) {
		ppe %= 1e18 + 1
		target := targetFromPPE(t, ppe)
		m := sla.TimeMeasurement{Measured: time.Duration(measured), Down: time.Duration(down)}
		if measured <= 0 || down < 0 || down > measured {
			return
		}
		within := m.Down <= target.Allowance(m.Measured)
		if m.Met(target) != within {
			t.Fatalf("%v over %d with %d down: Met %v, within allowance %v", target, measured, down, m.Met(target), within)
		}
		if m.Budget(target).Overspent() == within {
			t.Fatalf("Overspent disagrees with the allowance")
		}
	})
}

// TestRationalConcurrentUse shares Rationals between goroutines; under
// -race it shows that reading one never writes to it.
func TestRationalConcurrentUse(t *testing.T) {
	burn := sla.DefaultAlertPolicy(28 * day).Rules[3].Burn()
	avg := sla.Serial(sla.MustTarget("99.9%"), sla.MustTarget("99.95%"))
	done := make(chan string, 4)
	for range 4 {
		go func() {
			s := ""
			for range 100 {
				s = burn.String() + burn.Decimal(3) + avg.Percent(4) + burn.Mul(avg).Quo(burn).String()
				_ = burn.Cmp(avg)
				_, _ = sla.TimeToExhaustion(burn, 28*day)
			}
			done <- s
		}()
	}
	for range 4 {
		// 14/15, 0.933, 0.999 × 0.9995 = 0.9985005, and back.
		if s := <-done; s != "14/150.93399.8500%0.9985005" {
			t.Errorf("got %q", s)
		}
	}
}
