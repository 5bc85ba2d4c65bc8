package sla_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla"
)

type ruleView struct {
	Severity    string
	Long, Short time.Duration
	Burn        string
}

func viewRules(p sla.AlertPolicy) []ruleView {
	var out []ruleView
	for _, r := range p.Rules {
		out = append(out, ruleView{r.Severity.String(), r.Long, r.Short, r.Burn.String()})
	}
	return out
}

func TestDefaultAlertPolicy(t *testing.T) {
	tests := []struct {
		name   string
		period time.Duration
		want   []ruleView
	}{
		{
			// SRE Workbook table 5-8 plus the 24h/2h ticket pair:
			// 2% × 720h / 1h = 14.4; 5% × 720 / 6 = 6; 10% × 720 / 24 = 3;
			// 10% × 720 / 72 = 1. Short windows are long / 12.
			name: "30 days", period: 30 * day,
			want: []ruleView{
				{"page", time.Hour, 5 * time.Minute, "14.4"},
				{"page", 6 * time.Hour, 30 * time.Minute, "6"},
				{"ticket", 24 * time.Hour, 2 * time.Hour, "3"},
				{"ticket", 72 * time.Hour, 6 * time.Hour, "1"},
			},
		},
		{
			// 672 h: 0.02 × 672 = 13.44; 0.05 × 672 / 6 = 5.6;
			// 0.1 × 672 / 24 = 2.8; 0.1 × 672 / 72 = 67.2/72 = 14/15 = 0.9333….
			name: "28 days", period: 28 * day,
			want: []ruleView{
				{"page", time.Hour, 5 * time.Minute, "13.44"},
				{"page", 6 * time.Hour, 30 * time.Minute, "5.6"},
				{"ticket", 24 * time.Hour, 2 * time.Hour, "2.8"},
				{"ticket", 72 * time.Hour, 6 * time.Hour, "14/15"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, viewRules(sla.DefaultAlertPolicy(tc.period))); diff != "" {
				t.Errorf("DefaultAlertPolicy (-want +got):\n%s", diff)
			}
		})
	}
	if got := sla.DefaultAlertPolicy(28 * day).Rules[3].Burn; !got.Equal(sla.RationalOf(14, 15)) || got.Decimal(4) != "0.9333" {
		t.Errorf("28-day slow ticket burn = %v (%s), want 14/15", got, got.Decimal(4))
	}
}

func TestAlertFiresStrictly(t *testing.T) {
	// 99.9%: error ratio 0.0144 burns at exactly 14.4 (= the fast page
	// threshold) and must not fire; 0.0145 burns at 14.5 and fires.
	target := sla.MustTarget("99.9%")
	policy := sla.DefaultAlertPolicy(30 * day)
	tests := []struct {
		name        string
		long, short sla.Ratio
		want        []bool // per rule
	}{
		{"exactly at 14.4", mustRatio(t, 9856, 10000), mustRatio(t, 9856, 10000), []bool{false, true, true, true}},
		{"just above 14.4", mustRatio(t, 9855, 10000), mustRatio(t, 9855, 10000), []bool{true, true, true, true}},
		// Long window burning, short window recovered (burn 1/2): nothing fires.
		{"short window recovered", mustRatio(t, 9855, 10000), mustRatio(t, 19999, 20000), []bool{false, false, false, false}},
		{"all good", mustRatio(t, 10, 10), mustRatio(t, 10, 10), []bool{false, false, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []bool
			for _, a := range policy.Evaluate(target, func(w time.Duration) sla.Ratio {
				for _, r := range policy.Rules {
					if w == r.Short {
						return tc.short
					}
				}
				return tc.long
			}) {
				got = append(got, a.Firing)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("firing per rule (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAlertPolicyFiring(t *testing.T) {
	// Burn 4 everywhere (0.4% errors against 99.9%): above the ticket
	// thresholds 3 and 1, below the pages 14.4 and 6.
	policy := sla.DefaultAlertPolicy(30 * day)
	alerts, page := policy.Firing(sla.MustTarget("99.9%"), func(time.Duration) sla.Ratio { return mustRatio(t, 996, 1000) })
	if page || len(alerts) != 2 || alerts[0].Rule.Long != 24*time.Hour || alerts[1].Rule.Long != 72*time.Hour {
		t.Errorf("Firing = %v alerts, page %v", len(alerts), page)
	}
	if !alerts[0].LongBurn.Equal(sla.RationalOf(4, 1)) {
		t.Errorf("LongBurn = %v, want 4", alerts[0].LongBurn)
	}
	// Budget spent in the long windows: 4 × 24/720 = 2/15 and 4 × 72/720 = 0.4.
	if !alerts[0].Consumed.Equal(sla.RationalOf(2, 15)) || !alerts[1].Consumed.Equal(sla.RationalOf(2, 5)) {
		t.Errorf("Consumed = %v and %v, want 2/15 and 2/5", alerts[0].Consumed, alerts[1].Consumed)
	}
}

func TestAlertRuleDegenerate(t *testing.T) {
	// A zero long window gives an infinite threshold, which nothing exceeds.
	r := sla.NewAlertRule(sla.SeverityPage, sla.MustTarget("2%"), 0, 30*day)
	if !r.Burn.IsInf() || r.Fires(sla.RationalOf(1, 0), sla.RationalOf(1, 0)) {
		t.Errorf("rule with zero window: burn %v", r.Burn)
	}
	if got := sla.Severity(9).String(); got != "Severity(9)" {
		t.Errorf("String = %q", got)
	}
}

func BenchmarkAlertPolicyEvaluate(b *testing.B) {
	policy := sla.DefaultAlertPolicy(28 * day)
	target := sla.MustTarget("99.9%")
	r := mustRatio(b, 99_950, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		_ = policy.Evaluate(target, func(time.Duration) sla.Ratio { return r })
	}
}
