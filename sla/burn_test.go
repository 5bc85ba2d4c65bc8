package sla_test

import (
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
)

func TestBurnRate(t *testing.T) {
	tests := []struct {
		name        string
		good, total uint64
		target      string
		want        sla.Rational
	}{
		// 144 errors in 10,000 is 0.0144; over the 0.001 budget of 99.9%
		// that is 14.4 exactly (float64 gives 14.399999999999999).
		{"14.4 exactly", 9856, 10000, "99.9%", sla.RationalOf(144, 10)},
		// 1 error in 1000 against 99.9%: exactly the budget rate, 1.
		{"burn 1", 999, 1000, "99.9%", sla.RationalOf(1, 1)},
		{"no errors", 10, 10, "99.9%", sla.RationalOf(0, 1)},
		{"nothing observed", 0, 0, "99.9%", sla.RationalOf(0, 1)},
		// A 100% target has no budget: any error burns at +Inf, none at 0.
		{"100% with an error", 9, 10, "100%", sla.RationalOf(1, 0)},
		{"100% without errors", 10, 10, "100%", sla.RationalOf(0, 1)},
		// 0% target: budget 1, burn = error ratio = 1/4.
		{"0% target", 3, 4, "0%", sla.RationalOf(1, 4)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sla.BurnRate(mustRatio(t, tc.good, tc.total), sla.MustTarget(tc.target))
			if !got.Equal(tc.want) {
				t.Errorf("BurnRate = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTimeToExhaustion(t *testing.T) {
	// SRE Workbook table 5-4 (99.9%, 30 days): burn 1 → 30 days, 2 → 15
	// days, 10 → 3 days, 1000 → 43.2 minutes.
	tests := []struct {
		burn sla.Rational
		want time.Duration
	}{
		{sla.RationalOf(1, 1), 30 * day},
		{sla.RationalOf(2, 1), 15 * day},
		{sla.RationalOf(10, 1), 3 * day},
		{sla.RationalOf(1000, 1), 43*time.Minute + 12*time.Second},
		{sla.RationalOf(1, 0), 0},
		// 30 days / 7 = 370285714285714.28… ns, rounded down.
		{sla.RationalOf(7, 1), 370285714285714},
		// A tiny burn saturates.
		{sla.RationalOf(1, 1e18), time.Duration(1<<63 - 1)},
	}
	for _, tc := range tests {
		t.Run(tc.burn.String(), func(t *testing.T) {
			got, ok := sla.TimeToExhaustion(tc.burn, 30*day)
			if !ok || got != tc.want {
				t.Errorf("TimeToExhaustion = %v, %v; want %v, true", got, ok, tc.want)
			}
		})
	}
	if _, ok := sla.TimeToExhaustion(sla.Rational{}, 30*day); ok {
		t.Error("a zero burn exhausts the budget")
	}
}

func TestBudgetConsumed(t *testing.T) {
	// Burn 14.4 for 1 hour of a 720-hour period: 14.4/720 = 0.02 = 2%.
	got := sla.BudgetConsumed(sla.RationalOf(144, 10), time.Hour, 30*day)
	if !got.Equal(sla.RationalOf(2, 100)) {
		t.Errorf("BudgetConsumed = %v, want 0.02", got)
	}
	// Burn 1 for 3 days of 30: 10%.
	got = sla.BudgetConsumed(sla.RationalOf(1, 1), 3*day, 30*day)
	if !got.Equal(sla.RationalOf(1, 10)) {
		t.Errorf("BudgetConsumed = %v, want 0.1", got)
	}
}

func TestBudgetTimeLeft(t *testing.T) {
	target := sla.MustTarget("99.9%")
	// 99.9% of 30 days allows 2592 s; with 1296 s down, 1296 s remain.
	half := sla.TimeMeasurement{Measured: 30 * day, Down: 1296 * time.Second}.Budget(target)
	tests := []struct {
		name   string
		budget sla.Budget
		burn   sla.Rational
		want   time.Duration
		ok     bool
	}{
		// Burn 2 spends 2 × 0.001 of each second: 1296 s / 0.002 = 648,000 s = 7.5 days.
		{"burn 2", half, sla.RationalOf(2, 1), 648000 * time.Second, true},
		// Burn 1: 1296 s / 0.001 = 1,296,000 s = 15 days, half of the 30.
		{"burn 1", half, sla.RationalOf(1, 1), 15 * day, true},
		{"infinite burn", half, sla.RationalOf(1, 0), 0, true},
		{"zero burn never exhausts", half, sla.Rational{}, 0, false},
		{"already exhausted", sla.NewBudget(target, 30*day, time.Hour), sla.RationalOf(1, 1), 0, true},
		// 1296 s at a burn of 10^-15 saturates.
		{"saturates", half, sla.RationalOf(1, 1e15), time.Duration(1<<63 - 1), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.budget.TimeLeft(tc.burn, target)
			if got != tc.want || ok != tc.ok {
				t.Errorf("TimeLeft = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
