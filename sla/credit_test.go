package sla_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// schedule is a common three-tier credit schedule:
//
//	below 99.99% and at least 99%  → 10%
//	below 99% and at least 95%     → 25%
//	below 95%                      → 100%
func schedule() sla.CreditSchedule {
	p := sla.MustTarget
	return sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.AtLeast(p("99%")), Upper: sla.Below(p("99.99%")), Credit: p("10%")},
		{Lower: sla.AtLeast(p("95%")), Upper: sla.Below(p("99%")), Credit: p("25%")},
		{Upper: sla.Below(p("95%")), Credit: p("100%")},
	}}
}

func TestCreditSchedule(t *testing.T) {
	s := schedule()
	require.NoError(t, s.Validate())
	tests := []struct {
		name        string
		good, total uint64
		credit      string
		tier        int
	}{
		// Exactly 99.99% is not "below 99.99%": no credit.
		{"on the exclusive upper bound", 9999, 10000, "0%", -1},
		{"just below 99.99%", 99989999, 100000000, "10%", 0},
		// Exactly 99% is "at least 99%": the 10% tier, not the 25% one.
		{"on the inclusive lower bound", 99, 100, "10%", 0},
		{"just below 99%", 989999, 1000000, "25%", 1},
		{"exactly 95%", 95, 100, "25%", 1},
		{"just below 95%", 949999, 1000000, "100%", 2},
		{"nothing up", 0, 100, "100%", 2},
		{"fully up", 100, 100, "0%", -1},
		{"nothing measured", 0, 0, "0%", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			credit, tier := s.Credit(mustRatio(t, tc.good, tc.total))
			if credit != sla.MustTarget(tc.credit) || tier != tc.tier {
				t.Errorf("Credit = %v, tier %d; want %s, tier %d", credit, tier, tc.credit, tc.tier)
			}
		})
	}
}

func TestCreditInclusivity(t *testing.T) {
	p := sla.MustTarget
	// The other way round: "above 99% and at most 99.9% → 5%"; exactly
	// 99% is outside, exactly 99.9% inside.
	s := sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.Above(p("99%")), Upper: sla.AtMost(p("99.9%")), Credit: p("5%")},
	}}
	if _, tier := s.Credit(mustRatio(t, 99, 100)); tier != -1 {
		t.Errorf("99%% matched tier %d, want none (exclusive)", tier)
	}
	if _, tier := s.Credit(mustRatio(t, 999, 1000)); tier != 0 {
		t.Errorf("99.9%% matched tier %d, want 0 (inclusive)", tier)
	}
	// A Rational such as a slice average: 5/6 = 83.33…% is below 95%.
	credit, tier := schedule().CreditFor(sla.RationalOf(5, 6))
	if credit != p("100%") || tier != 2 {
		t.Errorf("CreditFor(5/6) = %v, %d", credit, tier)
	}
}

func TestCreditValidate(t *testing.T) {
	p := sla.MustTarget
	tests := []struct {
		name  string
		tiers []sla.CreditTier
		want  error
		text  string
	}{
		{"touching with one side open", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Credit: p("0%")},
			{Upper: sla.Below(p("99%")), Credit: p("10%")},
		}, nil, ""},
		{"sharing an inclusive bound", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Credit: p("0%")},
			{Upper: sla.AtMost(p("99%")), Credit: p("10%")},
		}, sla.ErrTierOverlap, "sla: credit tiers[0] [99%, 100%] → 0% and tiers[1] [0%, 99%] → 10%: tiers overlap"},
		{"empty tier", []sla.CreditTier{
			{Lower: sla.Above(p("99%")), Upper: sla.Below(p("99%")), Credit: p("10%")},
		}, sla.ErrEmptyTier, "sla: credit tiers[0] (99%, 99%) → 10%: tier admits no ratio"},
		{"inverted tier", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99.9%")), Upper: sla.Below(p("99%")), Credit: p("10%")},
		}, sla.ErrEmptyTier, "tier admits no ratio"},
		{"single point is fine", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Upper: sla.AtMost(p("99%")), Credit: p("10%")},
		}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := sla.CreditSchedule{Tiers: tc.tiers}.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Validate = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("Validate = %q, want %q", err, tc.text)
			}
		})
	}
}

func TestBoundAccessors(t *testing.T) {
	b := sla.Below(sla.MustTarget("99%"))
	if at, ok := b.At(); !ok || at != sla.MustTarget("99%") || !b.Exclusive() {
		t.Errorf("Below(99%%) = %v %v %v", at, ok, b.Exclusive())
	}
	if _, ok := (sla.Bound{}).At(); ok {
		t.Error("zero Bound is set")
	}
}
