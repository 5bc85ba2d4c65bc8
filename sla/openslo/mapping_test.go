package openslo_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// roundTrip writes the rules of want as OpenSLO alert policies of a
// rolling SLO of want's period, reads the file back, and returns the
// SLO's policy.
func roundTrip(t *testing.T, want sla.AlertPolicy) sla.AlertPolicy {
	t.Helper()
	policies, err := openslo.NewAlertPolicies("checkout", want)
	require.NoError(t, err)
	days := int64(want.Period / (24 * time.Hour))
	slo := &openslo.SLO{
		Metadata:        openslo.Metadata{Name: "checkout"},
		Service:         "shop",
		Indicator:       openslo.Inline(&openslo.SLI{Metadata: openslo.Metadata{Name: "ok"}, RatioMetric: &openslo.RatioMetric{Good: &openslo.MetricSource{Type: "P", Spec: openslo.StringValue("g")}, Total: &openslo.MetricSource{Type: "P", Spec: openslo.StringValue("t")}}}),
		TimeWindow:      &openslo.TimeWindow{Duration: openslo.Duration{Count: days, Unit: openslo.Day}, Rolling: true},
		BudgetingMethod: openslo.Occurrences,
		Objectives:      []openslo.Objective{{Target: sla.MustTarget("99.9%")}},
	}
	f := &openslo.File{AlertPolicies: policies, SLOs: []*openslo.SLO{slo}}
	for _, p := range policies {
		slo.AlertPolicies = append(slo.AlertPolicies, openslo.ByName[openslo.AlertPolicy](p.Name))
	}
	out, err := openslo.Marshal(f)
	require.NoError(t, err)
	back, err := openslo.Read(out)
	require.NoError(t, err)
	got, err := back.SLO("checkout").AlertPolicy(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return got
}

// The library's default policy goes to OpenSLO and back unchanged: the
// burn thresholds exactly (14.4/6/3/1 for 30 days; 13.44/5.6/2.8/14/15 for
// 28, FACTS.md), the short windows and the severities.
func TestAlertPolicyRoundTrip(t *testing.T) {
	for _, days := range []int{30, 28, 7} {
		period := time.Duration(days) * 24 * time.Hour
		want := sla.DefaultAlertPolicy(period)
		got := roundTrip(t, want)
		if got.Period != want.Period || len(got.Rules) != len(want.Rules) {
			t.Fatalf("%dd: policy %v with %d rules, want %v with %d", days, got.Period, len(got.Rules), want.Period, len(want.Rules))
		}
		for i, w := range want.Rules {
			if g := got.Rules[i]; g != w {
				t.Errorf("%dd rule %d: burn %v over %v/%v, want burn %v over %v/%v", days, i, g.Burn(), g.Long, g.Short, w.Burn(), w.Long, w.Short)
			}
		}
	}
}

// Burn thresholds written directly go to OpenSLO and back exactly, with
// no share of the budget truncated or capped on the way: the share is
// Burn × long / period, a method of the period.
func TestBurnThresholdsRoundTrip(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		name   string
		burn   string
		long   time.Duration
		period time.Duration
		share  string // burn × long / period, derived by hand
	}{
		// 14.4 × 1h / 672h = 14.4/672 = 3/140: no decimal holds it.
		{"Workbook fast page over 28 days", "14.4", time.Hour, 28 * day, "3/140"},
		// 1000 × 72h / 672h = 72000/672 = 750/7, more than the whole budget.
		{"share above 100%", "1000", 72 * time.Hour, 28 * day, "750/7"},
		// 10^-18 × 5m / 7d = 10^-18 × 5/10080 = 1/(2016 × 10^18).
		{"smallest decimal threshold", "0.000000000000000001", 5 * time.Minute, 7 * day, "1/2016000000000000000000"},
		// 7/3 has no decimal form: it travels in the burn-rate annotation.
		// 7/3 × 6h / 30d = 7/3 × 6/720 = 7/360.
		{"threshold without a decimal form", "7/3", 6 * time.Hour, 30 * day, "7/360"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			burn, err := sla.ParseRational(tc.burn)
			require.NoError(t, err)
			r, err := sla.NewBurnRule(sla.SeverityPage, burn, tc.long, tc.long/12)
			require.NoError(t, err)
			require.Equal(t, tc.share, r.BudgetShare(tc.period).String())
			got := roundTrip(t, sla.AlertPolicy{Period: tc.period, Rules: []sla.AlertRule{r}})
			require.Len(t, got.Rules, 1)
			if got.Rules[0] != r {
				t.Errorf("rule back: burn %v over %v/%v, want burn %v over %v/%v", got.Rules[0].Burn(), got.Rules[0].Long, got.Rules[0].Short, r.Burn(), r.Long, r.Short)
			}
			require.Equal(t, tc.share, got.Rules[0].BudgetShare(got.Period).String())
		})
	}
}

// Alert decisions are exact: with a 99.9% target an error ratio of 1.44%
// burns at exactly 14.4 and does not page (the rule fires only when both
// windows burn strictly faster); 1.441% does.
func TestAlertDecisionsAreExact(t *testing.T) {
	f := readFixture(t, "checkout.yaml")
	slo := f.SLO("checkout")
	pol, err := slo.AlertPolicy(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	target := slo.Objectives[0].Target
	cases := []struct {
		bad  uint64 // of 100,000 requests in each window
		page bool
	}{{1440, false}, {1441, true}, {0, false}}
	for _, tc := range cases {
		observed := func(time.Duration) sla.Ratio {
			r, _ := sla.NewRatio(100000-tc.bad, 100000)
			return r
		}
		if _, page := pol.Firing(target, observed); page != tc.page {
			t.Errorf("%d bad in 100000: page %v, want %v", tc.bad, page, tc.page)
		}
	}
}

func TestAlertPolicyConversions(t *testing.T) {
	f := readFixture(t, "checkout.yaml")
	slo := f.SLO("checkout")
	at := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

	// A policy that does not alert when breaching gives no rule.
	f.AlertPolicies[0].AlertWhenBreaching = false
	p, err := slo.AlertPolicy(at)
	require.NoError(t, err)
	if len(p.Rules) != 0 {
		t.Errorf("rules of a policy that does not alert when breaching: %v", p.Rules)
	}
	f.AlertPolicies[0].AlertWhenBreaching = true

	c := f.AlertConditions[0]
	for _, tc := range []struct {
		name string
		edit func(*openslo.AlertCondition)
		want error
		path string
	}{
		{"severity", func(c *openslo.AlertCondition) { c.Severity = "sev1" }, openslo.ErrUnsupported, "spec.severity"},
		{"op gte", func(c *openslo.AlertCondition) { c.Op = openslo.GTE }, openslo.ErrUnsupported, "spec.condition.op"},
		{"op absent", func(c *openslo.AlertCondition) { c.Op = "" }, nil, ""},
		{"bad annotation", func(c *openslo.AlertCondition) {
			c.Annotations = map[string]string{openslo.AnnotationShortWindow: "soon"}
		}, openslo.ErrSyntax, "short-window"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := *c
			defer func() { *c = saved }()
			tc.edit(c)
			_, err := slo.AlertPolicy(at)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), `AlertCondition "checkout-fast-burn" `) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %v, want %v at %s", err, tc.want, tc.path)
			}
		})
	}
}

func TestNewAlertConditionErrors(t *testing.T) {
	rule, err := sla.NewAlertRule(sla.SeverityPage, sla.MustShare("2%"), time.Hour, 30*24*time.Hour)
	require.NoError(t, err)
	huge, err := sla.NewBurnRule(sla.SeverityPage, sla.RationalOf(math.MaxUint64, 1), time.Hour, 5*time.Minute)
	require.NoError(t, err)
	cases := []struct {
		name string
		edit func(*sla.AlertRule)
		want error
	}{
		{"long window of 90 s", func(r *sla.AlertRule) { r.Long = 90 * time.Second }, openslo.ErrUnsupported},
		{"short window longer than long", func(r *sla.AlertRule) { r.Short = 2 * time.Hour }, openslo.ErrRange},
		{"no short window", func(r *sla.AlertRule) { r.Short = 0 }, openslo.ErrRange},
		{"no threshold", func(r *sla.AlertRule) { *r = sla.AlertRule{Severity: r.Severity, Long: r.Long, Short: r.Short} }, openslo.ErrRange},
		{"burn too large for a decimal", func(r *sla.AlertRule) { *r = huge }, openslo.ErrTooLarge},
		{"no severity", func(r *sla.AlertRule) { r.Severity = 0 }, openslo.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := rule
			tc.edit(&r)
			if _, err := openslo.NewAlertCondition("burn", r); !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
	// A short window that is not a whole number of minutes travels as a
	// Go duration: 1 minute / 12 = 5 s.
	r, err := sla.NewAlertRule(sla.SeverityTicket, sla.MustShare("1%"), time.Minute, 24*time.Hour)
	require.NoError(t, err)
	c, err := openslo.NewAlertCondition("fast", r)
	require.NoError(t, err)
	back, err := c.Rule()
	require.NoError(t, err)
	if c.Annotations[openslo.AnnotationShortWindow] != "5s" || back.Short != 5*time.Second || back != r {
		t.Errorf("annotation %q, rule %+v", c.Annotations[openslo.AnnotationShortWindow], back)
	}
}

func TestMeasure(t *testing.T) {
	f := readFixture(t, "checkout.yaml")
	slo := f.SLO("checkout")
	// Occurrences sum the slices: 1,998 good of 2,000 is 0.999, which
	// meets 99.9% and misses 99.95%.
	got, err := slo.Measure(0, []sla.Slice{{Good: 999, Total: 1000}, {Good: 999, Total: 1000}})
	require.NoError(t, err)
	if got.String() != "0.999" || !got.Met(slo.Objectives[0].Target) || got.Met(slo.Objectives[1].Target) {
		t.Errorf("measured %v", got)
	}
	if _, err := slo.Measure(2, nil); !errors.Is(err, openslo.ErrRange) {
		t.Errorf("objective 2 of 2: %v, want ErrRange", err)
	}
	if _, err := slo.Measure(0, []sla.Slice{{Good: 2, Total: 1}}); !errors.Is(err, openslo.ErrInvalid) || !errors.Is(err, sla.ErrGoodAboveTotal) {
		t.Errorf("good above total: %v", err)
	}
	if _, err := slo.Measure(0, []sla.Slice{{Good: math.MaxUint64, Total: math.MaxUint64}, {Good: 1, Total: 1}}); !errors.Is(err, openslo.ErrTooLarge) {
		t.Errorf("sum beyond 2^64: %v, want ErrTooLarge", err)
	}
}
