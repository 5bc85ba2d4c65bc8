package sla_test

import (
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		out = append(out, ruleView{r.Severity.String(), r.Long, r.Short, r.Burn(p.Period).String()})
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
	if got := sla.DefaultAlertPolicy(28 * day).Rules[3].Burn(28 * day); !got.Equal(sla.RationalOf(14, 15)) || got.Decimal(4) != "0.9333" {
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
			}, nil) {
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
	if !alerts[0].LongBurn().Equal(sla.RationalOf(4, 1)) || !alerts[0].ShortBurn().Equal(sla.RationalOf(4, 1)) {
		t.Errorf("LongBurn = %v, ShortBurn = %v, want 4", alerts[0].LongBurn(), alerts[0].ShortBurn())
	}
	if !alerts[0].Threshold().Equal(sla.RationalOf(3, 1)) {
		t.Errorf("Threshold = %v, want 3", alerts[0].Threshold())
	}
	// Budget spent in the long windows: 4 × 24/720 = 2/15 and 4 × 72/720 = 0.4.
	if !alerts[0].Consumed().Equal(sla.RationalOf(2, 15)) || !alerts[1].Consumed().Equal(sla.RationalOf(2, 5)) {
		t.Errorf("Consumed = %v and %v, want 2/15 and 2/5", alerts[0].Consumed(), alerts[1].Consumed())
	}
}

// TestNewAlertRule: a rule with a zero share would fire on any error and
// one whose short window is empty cannot be observed, so NewAlertRule
// refuses both; DefaultAlertPolicy's rules are what it builds.
func TestNewAlertRule(t *testing.T) {
	r, err := sla.NewAlertRule(sla.SeverityPage, sla.MustShare("2%"), time.Hour)
	require.NoError(t, err)
	if diff := cmp.Diff(sla.DefaultAlertPolicy(30 * day).Rules[0], r, cmp.Comparer(func(a, b sla.Share) bool { return a == b })); diff != "" {
		t.Errorf("NewAlertRule (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		name  string
		sev   sla.Severity
		share sla.Share
		long  time.Duration
	}{
		{"zero share", sla.SeverityPage, sla.Share{}, time.Hour},
		{"zero window", sla.SeverityPage, sla.MustShare("2%"), 0},
		{"negative window", sla.SeverityPage, sla.MustShare("2%"), -time.Hour},
		{"window too short for a short window", sla.SeverityPage, sla.MustShare("2%"), 11},
		{"no severity", 0, sla.MustShare("2%"), time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sla.NewAlertRule(tc.sev, tc.share, tc.long)
			assert.ErrorIs(t, err, sla.ErrAlertRule)
		})
	}
}

// TestAlertPolicyDegenerate: what Evaluate does with a policy that fails
// Validate, as its doc says.
func TestAlertPolicyDegenerate(t *testing.T) {
	target := sla.MustTarget("99.9%")
	someErrors := func(time.Duration) sla.Ratio { return mustRatio(t, 999_999, 1_000_000) } // burn 1/1000
	noErrors := func(time.Duration) sla.Ratio { return mustRatio(t, 10, 10) }
	rule := sla.AlertRule{Severity: sla.SeverityPage, BudgetShare: sla.MustShare("2%"), Long: time.Hour, Short: 5 * time.Minute}
	tests := []struct {
		name     string
		policy   sla.AlertPolicy
		observed func(time.Duration) sla.Ratio
		firing   bool
	}{
		// A zero period or share makes the threshold 0: any error fires.
		{"zero period, some errors", sla.AlertPolicy{Rules: []sla.AlertRule{rule}}, someErrors, true},
		{"zero period, no errors", sla.AlertPolicy{Rules: []sla.AlertRule{rule}}, noErrors, false},
		{"zero share, some errors", sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{{Severity: sla.SeverityPage, Long: time.Hour, Short: 5 * time.Minute}}}, someErrors, true},
		// A zero long window makes it infinite: nothing fires.
		{"zero long window", sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{{Severity: sla.SeverityPage, BudgetShare: sla.MustShare("2%")}}},
			func(time.Duration) sla.Ratio { return mustRatio(t, 0, 10) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, tc.policy.Validate(), sla.ErrAlertRule)
			got := tc.policy.Evaluate(target, tc.observed, nil)
			require.Len(t, got, 1)
			assert.Equal(t, tc.firing, got[0].Firing)
		})
	}
	require.NoError(t, sla.DefaultAlertPolicy(28*day).Validate())
	assert.ErrorIs(t, sla.DefaultAlertPolicy(0).Validate(), sla.ErrAlertRule)
}

// A 100% target has no budget: any error burns at +Inf and fires every
// rule; a window without requests burns at 0 and fires none.
func TestAlertPolicyFullTarget(t *testing.T) {
	policy := sla.DefaultAlertPolicy(30 * day)
	for _, tc := range []struct {
		name  string
		ratio sla.Ratio
		want  bool
	}{
		{"one error", mustRatio(t, 999_999, 1_000_000), true},
		{"no errors", mustRatio(t, 5, 5), false},
		{"no requests", sla.Ratio{}, false},
	} {
		for _, a := range policy.Evaluate(sla.MustTarget("100%"), func(time.Duration) sla.Ratio { return tc.ratio }, nil) {
			if a.Firing != tc.want {
				t.Errorf("%s: rule %v/%v firing %v, want %v (burn %v)", tc.name, a.Rule.Long, a.Rule.Short, a.Firing, tc.want, a.LongBurn())
			}
		}
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []sla.Severity{sla.SeverityPage, sla.SeverityTicket} {
		text, err := s.MarshalText()
		require.NoError(t, err)
		var back sla.Severity
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "Severity(9)", sla.Severity(9).String())
	assert.Equal(t, "Severity(0)", sla.Severity(0).String())
	_, err := sla.Severity(0).MarshalText()
	assert.ErrorIs(t, err, sla.ErrRange)
	var s sla.Severity
	err = s.UnmarshalText([]byte("email"))
	var pe *sla.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "severity", pe.What)
	assert.ErrorIs(t, err, sla.ErrSyntax)
}

// bigAlert is the reference evaluation of a rule with math/big: burns
// as exact Rationals, compared with the rule's threshold. It is the
// implementation AlertPolicy.Evaluate had before it compared integers,
// kept to check it and to time it beside it.
func evaluateBig(p sla.AlertPolicy, t sla.Target, observed func(time.Duration) sla.Ratio) []bool {
	out := make([]bool, len(p.Rules))
	for i, r := range p.Rules {
		threshold := r.Burn(p.Period)
		long := sla.BurnRate(observed(r.Long), t)
		short := sla.BurnRate(observed(r.Short), t)
		out[i] = long.Cmp(threshold) > 0 && short.Cmp(threshold) > 0
	}
	return out
}

// TestAlertEvaluateAgainstBig compares Evaluate with the math/big
// reference on random targets, shares, periods, windows and ratios,
// including ratios of huge counts and ones built to burn exactly at a
// threshold.
func TestAlertEvaluateAgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	targets := []string{"0%", "50%", "99%", "99.9%", "99.95%", "99.999%", "99.9999999999999999%", "100%", "0.123456789012345678"}
	fired := 0
	for n := range 20000 {
		target := sla.MustTarget(targets[rng.IntN(len(targets))])
		share := sla.MustShare(big.NewRat(int64(1+rng.IntN(1000)), 1000).FloatString(3))
		long := time.Duration(1+rng.Int64N(int64(100*time.Hour))) / time.Minute * time.Minute
		if n%7 == 0 {
			long = time.Duration(1 + rng.Int64N(1<<62))
		}
		policy := sla.AlertPolicy{
			Period: time.Duration(1 + rng.Int64N(int64(400*day))),
			Rules:  []sla.AlertRule{{Severity: sla.SeverityPage, BudgetShare: share, Long: long, Short: max(long/12, 1)}},
		}
		ratio := func() sla.Ratio {
			total := rng.Uint64N(1_000_000) + 1
			if rng.IntN(5) == 0 {
				total = rng.Uint64()
			}
			bad := rng.Uint64N(total/50 + 2)
			return mustRatio(t, total-min(bad, total), total)
		}
		lr, sr := ratio(), ratio()
		observed := func(w time.Duration) sla.Ratio {
			if w == long {
				return lr
			}
			return sr
		}
		got := policy.Evaluate(target, observed, nil)
		want := evaluateBig(policy, target, observed)
		if got[0].Firing != want[0] {
			t.Fatalf("case %d: target %v, rule %+v, period %v, long %v, short %v: firing %v, math/big says %v",
				n, target, policy.Rules[0], policy.Period, lr, sr, got[0].Firing, want[0])
		}
		if got[0].Firing {
			fired++
		}
	}
	// Both outcomes must be exercised.
	t.Logf("%d of 20000 fired", fired)
	assert.Greater(t, fired, 1000)
	assert.Less(t, fired, 19000)
}

// TestAlertEvaluateAllocs: with room in dst, Evaluate does not allocate.
func TestAlertEvaluateAllocs(t *testing.T) {
	policy := sla.DefaultAlertPolicy(28 * day)
	target := sla.MustTarget("99.9%")
	r := mustRatio(t, 99_950, 100_000)
	observed := func(time.Duration) sla.Ratio { return r }
	dst := make([]sla.Alert, 0, len(policy.Rules))
	if n := testing.AllocsPerRun(100, func() { dst = policy.Evaluate(target, observed, dst[:0]) }); n != 0 {
		t.Errorf("Evaluate allocates %v times, want 0", n)
	}
}

// BenchmarkAlertPolicyEvaluate: four rules, exact integer comparison,
// into a reused slice.
func BenchmarkAlertPolicyEvaluate(b *testing.B) {
	policy := sla.DefaultAlertPolicy(28 * day)
	target := sla.MustTarget("99.9%")
	r := mustRatio(b, 99_950, 100_000)
	observed := func(time.Duration) sla.Ratio { return r }
	dst := make([]sla.Alert, 0, len(policy.Rules))
	b.ReportAllocs()
	for b.Loop() {
		dst = policy.Evaluate(target, observed, dst[:0])
	}
}

// BenchmarkAlertPolicyEvaluateBig is the reference: the same four rules
// with burns and thresholds as math/big rationals.
func BenchmarkAlertPolicyEvaluateBig(b *testing.B) {
	policy := sla.DefaultAlertPolicy(28 * day)
	target := sla.MustTarget("99.9%")
	r := mustRatio(b, 99_950, 100_000)
	observed := func(time.Duration) sla.Ratio { return r }
	b.ReportAllocs()
	for b.Loop() {
		_ = evaluateBig(policy, target, observed)
	}
}
