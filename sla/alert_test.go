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
		out = append(out, ruleView{r.Severity.String(), r.Long, r.Short, r.Burn().String()})
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
	if got := sla.DefaultAlertPolicy(28 * day).Rules[3].Burn(); !got.Equal(sla.RationalOf(14, 15)) || got.Decimal(4) != "0.9333" {
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

// TestNewAlertRule: the SRE Workbook's rules derived from a share are
// those of DefaultAlertPolicy; a rule with a zero share would fire on any
// error, one without a period has no threshold, and one whose short
// window is empty cannot be observed, so NewAlertRule refuses them.
func TestNewAlertRule(t *testing.T) {
	for i, share := range []string{"2%", "5%", "10%", "10%"} {
		want := sla.DefaultAlertPolicy(28 * day).Rules[i]
		got, err := sla.NewAlertRule(want.Severity, sla.MustShare(share), want.Long, 28*day)
		require.NoError(t, err)
		assert.Equal(t, want, got, "rule %d", i)
	}
	// 2.5% of 30 days in 2 hours: 0.025 × 720 / 2 = 9.
	r, err := sla.NewAlertRule(sla.SeverityPage, sla.MustShare("2.5%"), 2*time.Hour, 30*day)
	require.NoError(t, err)
	assert.Equal(t, "9", r.Burn().String())
	assert.Equal(t, 10*time.Minute, r.Short)
	assert.True(t, r.BudgetShare(30*day).Equal(sla.RationalOf(1, 40)), "share %v", r.BudgetShare(30*day))
	for _, tc := range []struct {
		name   string
		sev    sla.Severity
		share  sla.Share
		long   time.Duration
		period time.Duration
	}{
		{"zero share", sla.SeverityPage, sla.Share{}, time.Hour, 30 * day},
		{"zero period", sla.SeverityPage, sla.MustShare("2%"), time.Hour, 0},
		{"negative period", sla.SeverityPage, sla.MustShare("2%"), time.Hour, -day},
		{"zero window", sla.SeverityPage, sla.MustShare("2%"), 0, 30 * day},
		{"negative window", sla.SeverityPage, sla.MustShare("2%"), -time.Hour, 30 * day},
		{"window too short for a short window", sla.SeverityPage, sla.MustShare("2%"), 11, 30 * day},
		{"no severity", 0, sla.MustShare("2%"), time.Hour, 30 * day},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sla.NewAlertRule(tc.sev, tc.share, tc.long, tc.period)
			assert.ErrorIs(t, err, sla.ErrAlertRule)
		})
	}
}

// TestNewAlertRuleKeepsTheWorkbooksThreshold: for any share, window and
// period, the threshold a rule holds is share × period / long computed
// with math/big, as the rule's Burn(period) computed it when rules held
// their share; shares of up to 18 digits and windows and periods up to
// 2^63 ns give parts beyond 64 bits, which the rule holds all the same.
func TestNewAlertRuleKeepsTheWorkbooksThreshold(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 672))
	wide := 0
	for range 5000 {
		share := sla.MustShare(big.NewRat(1+rng.Int64N(1e18), 1e18).FloatString(18))
		long := time.Duration(12 + rng.Int64N(1<<63-12))
		period := time.Duration(1 + rng.Int64N(1<<63-1))
		if rng.IntN(2) == 0 {
			long = time.Duration(1+rng.Int64N(100)) * time.Hour
			period = time.Duration(1+rng.Int64N(400)) * day
		}
		r, err := sla.NewAlertRule(sla.SeverityTicket, share, long, period)
		require.NoError(t, err)
		want := new(big.Rat).Mul(new(big.Rat).SetFrac(share.Rational().Num(), share.Rational().Den()),
			new(big.Rat).SetFrac(big.NewInt(int64(period)), big.NewInt(int64(long))))
		got := new(big.Rat).SetFrac(r.Burn().Num(), r.Burn().Den())
		if got.Cmp(want) != 0 {
			t.Fatalf("%v of %v in %v: burn %v, want %v", share, period, long, got, want)
		}
		if got.Num().BitLen() > 64 || got.Denom().BitLen() > 64 {
			wide++
		}
	}
	assert.Greater(t, wide, 1000, "thresholds with a part beyond 64 bits")
}

// TestNewBurnRule: a threshold given directly, as OpenSLO and Prometheus
// users write it, is held exactly whatever its share of the budget.
func TestNewBurnRule(t *testing.T) {
	rat := func(s string) sla.Rational {
		var r sla.Rational
		require.NoError(t, r.UnmarshalText([]byte(s)))
		return r
	}
	// Burn 14.4 over 1 hour in a 28-day (672-hour) SLO spends 14.4 × 1 /
	// 672 = 144/6720 = 3/140 of the budget, which no decimal holds.
	r, err := sla.NewBurnRule(sla.SeverityPage, rat("14.4"), time.Hour, 5*time.Minute)
	require.NoError(t, err)
	assert.Equal(t, "14.4", r.Burn().String())
	assert.Equal(t, "3/140", r.BudgetShare(28*day).String())
	// The same rule over 30 days is the Workbook's 2%.
	assert.Equal(t, "0.02", r.BudgetShare(30*day).String())
	assert.Equal(t, "+Inf", r.BudgetShare(0).String())

	// Any fraction of two uint64s is held as it is, in lowest terms.
	for _, burn := range []string{
		"18446744073709551615/18446744073709551614", // (2^64−1)/(2^64−2)
		"1/18446744073709551615",
		"18446744073709551615",
		"0.000000000000000000000000000001", // 10^-30: a denominator of 100 bits
		// (2^128−1)/(2^128−3), in lowest terms (both odd, 2 apart): two
		// parts of 128 bits, the most a rule holds.
		"340282366920938463463374607431768211455/340282366920938463463374607431768211453",
	} {
		r, err := sla.NewBurnRule(sla.SeverityTicket, rat(burn), 3*time.Hour, 15*time.Minute)
		require.NoError(t, err, burn)
		assert.Equal(t, burn, r.Burn().String())
	}
	assert.Equal(t, "5", mustBurnRule(t, "10/2").Burn().String(), "reduced")

	for _, tc := range []struct {
		name        string
		sev         sla.Severity
		burn        sla.Rational
		long, short time.Duration
	}{
		{"zero burn", sla.SeverityPage, sla.Rational{}, time.Hour, 5 * time.Minute},
		{"infinite burn", sla.SeverityPage, sla.RationalOf(1, 0), time.Hour, 5 * time.Minute},
		// 2^128 needs 129 bits.
		{"numerator over 128 bits", sla.SeverityPage, rat("340282366920938463463374607431768211456"), time.Hour, 5 * time.Minute},
		{"denominator over 128 bits", sla.SeverityPage, rat("1/340282366920938463463374607431768211457"), time.Hour, 5 * time.Minute},
		{"no short window", sla.SeverityPage, rat("14.4"), time.Hour, 0},
		{"short window longer than long", sla.SeverityPage, rat("14.4"), time.Hour, 2 * time.Hour},
		{"no severity", 0, rat("14.4"), time.Hour, 5 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sla.NewBurnRule(tc.sev, tc.burn, tc.long, tc.short)
			assert.ErrorIs(t, err, sla.ErrAlertRule)
		})
	}
}

func mustBurnRule(t testing.TB, burn string) sla.AlertRule {
	t.Helper()
	var b sla.Rational
	require.NoError(t, b.UnmarshalText([]byte(burn)))
	r, err := sla.NewBurnRule(sla.SeverityPage, b, time.Hour, 5*time.Minute)
	require.NoError(t, err)
	return r
}

// TestAlertPolicyDegenerate: what Evaluate does with a policy that fails
// Validate, as its doc says.
func TestAlertPolicyDegenerate(t *testing.T) {
	target := sla.MustTarget("99.9%")
	someErrors := func(time.Duration) sla.Ratio { return mustRatio(t, 999_999, 1_000_000) } // burn 1/1000
	noErrors := func(time.Duration) sla.Ratio { return mustRatio(t, 10, 10) }
	literal := sla.AlertRule{Severity: sla.SeverityPage, Long: time.Hour, Short: 5 * time.Minute}
	tests := []struct {
		name     string
		policy   sla.AlertPolicy
		observed func(time.Duration) sla.Ratio
		firing   bool
	}{
		// A rule written as a literal has a threshold of 0: any error fires.
		{"literal rule, some errors", sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{literal}}, someErrors, true},
		{"literal rule, no errors", sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{literal}}, noErrors, false},
		{"zero value rule, some errors", sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{{}}}, someErrors, true},
		// The period does not decide: the rule's threshold 14.4 does.
		{"zero period", sla.AlertPolicy{Rules: sla.DefaultAlertPolicy(30 * day).Rules[:1]}, someErrors, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, tc.policy.Validate(), sla.ErrAlertRule)
			got := tc.policy.Evaluate(target, tc.observed, nil)
			require.Len(t, got, 1)
			assert.Equal(t, tc.firing, got[0].Firing)
			assert.True(t, got[0].Threshold().Equal(tc.policy.Rules[0].Burn()))
		})
	}
	require.NoError(t, sla.DefaultAlertPolicy(28*day).Validate())
	assert.ErrorIs(t, sla.DefaultAlertPolicy(0).Validate(), sla.ErrAlertRule)
	for _, r := range sla.DefaultAlertPolicy(-day).Rules {
		assert.True(t, r.Burn().IsZero(), "threshold of a negative period: %v", r.Burn())
	}
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
		threshold := r.Burn()
		long := sla.BurnRate(observed(r.Long), t)
		short := sla.BurnRate(observed(r.Short), t)
		out[i] = long.Cmp(threshold) > 0 && short.Cmp(threshold) > 0
	}
	return out
}

// TestAlertEvaluateAgainstBig compares Evaluate with the math/big
// reference on random targets and ratios (including huge counts) and on
// random rules of both kinds: derived from a share, a period and a long
// window (with windows up to 2^62 ns, whose thresholds have denominators
// beyond 64 bits), and given as a burn of two random uint64s. Some rules
// are built to burn exactly at the observed long window's rate, which
// must not fire.
func TestAlertEvaluateAgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	targets := []string{"0%", "50%", "99%", "99.9%", "99.95%", "99.999%", "99.9999999999999999%", "100%", "0.123456789012345678"}
	ratio := func() sla.Ratio {
		total := rng.Uint64N(1_000_000) + 1
		if rng.IntN(5) == 0 {
			total = rng.Uint64()
		}
		bad := rng.Uint64N(total/50 + 2)
		return mustRatio(t, total-min(bad, total), total)
	}
	// uint64s of every magnitude, from 1 bit to 64.
	anyUint := func() uint64 { return max(rng.Uint64()>>rng.IntN(64), 1) }
	fired, ties, wide := 0, 0, 0
	const n = 30000
	for i := range n {
		target := sla.MustTarget(targets[rng.IntN(len(targets))])
		lr, sr := ratio(), ratio()
		long := time.Duration(1+rng.Int64N(int64(100*time.Hour))) / time.Minute * time.Minute
		if i%7 == 0 {
			long = time.Duration(1 + rng.Int64N(1<<62))
		}
		long = max(long, 12)
		var rule sla.AlertRule
		var err error
		switch i % 3 {
		case 0:
			share := sla.MustShare(big.NewRat(int64(1+rng.IntN(1000)), 1000).FloatString(3))
			period := time.Duration(1 + rng.Int64N(int64(400*day)))
			rule, err = sla.NewAlertRule(sla.SeverityPage, share, long, period)
		case 1:
			rule, err = sla.NewBurnRule(sla.SeverityPage, sla.RationalOf(anyUint(), anyUint()), long, long/12)
		default:
			// Exactly the long window's burn, and the short window burns
			// the same: a tie that must not fire.
			burn := sla.BurnRate(lr, target)
			if burn.IsZero() || burn.IsInf() {
				continue
			}
			sr = lr
			rule, err = sla.NewBurnRule(sla.SeverityPage, burn, long, long/12)
			if err != nil {
				continue // a burn whose parts need more than 128 bits
			}
			ties++
		}
		require.NoError(t, err)
		if rule.Burn().Den().BitLen() > 64 || rule.Burn().Num().BitLen() > 64 {
			wide++
		}
		policy := sla.AlertPolicy{Period: 30 * day, Rules: []sla.AlertRule{rule}}
		observed := func(w time.Duration) sla.Ratio {
			if w == rule.Long {
				return lr
			}
			return sr
		}
		got := policy.Evaluate(target, observed, nil)
		want := evaluateBig(policy, target, observed)
		if got[0].Firing != want[0] {
			t.Fatalf("case %d: target %v, burn %v, long %v, short %v: firing %v, math/big says %v",
				i, target, rule.Burn(), lr, sr, got[0].Firing, want[0])
		}
		if got[0].Firing {
			fired++
		}
	}
	// Both outcomes, ties and thresholds beyond 64 bits must be exercised.
	t.Logf("%d of %d fired; %d ties; %d thresholds with a part beyond 64 bits", fired, n, ties, wide)
	assert.Greater(t, fired, 1000)
	assert.Less(t, fired, n-1000)
	assert.Greater(t, ties, 1000)
	assert.Greater(t, wide, 500)
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

// BenchmarkAlertPolicyEvaluateWide: four rules whose thresholds, given
// as burns, have numerators and denominators of 64 to 128 bits. The
// cost does not depend on the size of the parts.
func BenchmarkAlertPolicyEvaluateWide(b *testing.B) {
	var rules []sla.AlertRule
	for _, burn := range []string{
		"18446744073709551615/1281023894007607751",                                       // about 14.4, 64-bit parts
		"340282366920938463463374607431768211455/56713727820156410577229101238628035242", // 6 + a hair
		"3/1", "14/15",
	} {
		var r sla.Rational
		require.NoError(b, r.UnmarshalText([]byte(burn)))
		rule, err := sla.NewBurnRule(sla.SeverityPage, r, time.Hour, 5*time.Minute)
		require.NoError(b, err)
		rules = append(rules, rule)
	}
	policy := sla.AlertPolicy{Period: 28 * day, Rules: rules}
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
