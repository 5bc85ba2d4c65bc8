package prom_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
)

func TestObjectiveValidate(t *testing.T) {
	mod := func(f func(o *prom.Objective)) prom.Objective {
		o := availability999()
		f(&o)
		return o
	}
	tests := []struct {
		name, field string
		o           prom.Objective
	}{
		{"no service", "Service", mod(func(o *prom.Objective) { o.Service = "" })},
		{"no name", "Name", mod(func(o *prom.Objective) { o.Name = "" })},
		{"bad UTF-8 name", "Name", mod(func(o *prom.Objective) { o.Name = "\xff" })},
		{"sub-second step", "Step", mod(func(o *prom.Objective) { o.Step = 1500 * time.Millisecond })},
		{"no period", "Period", mod(func(o *prom.Objective) { o.Period = 0 })},
		{"period not whole milliseconds", "Period", mod(func(o *prom.Objective) { o.Period = 30*day + time.Microsecond })},
		{"period not whole steps", "Period", mod(func(o *prom.Objective) { o.Period, o.Schedule = 30*day+30*time.Second, "new-york" })},
		{"no SLI", "SLI", mod(func(o *prom.Objective) { o.SLI = prom.SLI{} })},
		{"both SLIs", "SLI", mod(func(o *prom.Objective) { o.SLI.Availability = prom.Selector{Metric: "up"} })},
		{"bad metric", "SLI.Errors.Metric", mod(func(o *prom.Objective) { o.SLI.Errors.Metric = "http-requests" })},
		{"bad label", "SLI.Total.Matchers[0].Label", mod(func(o *prom.Objective) { o.SLI.Total.Matchers[0].Label = "1job" })},
		{"bad op", "SLI.Errors.Matchers[1].Op", mod(func(o *prom.Objective) {
			o.SLI.Errors.Matchers = []prom.Matcher{{Label: "job", Op: prom.Equal, Value: "api"}, {Label: "code", Op: "==", Value: "5"}}
		})},
		{"bad regexp", "SLI.Errors.Matchers[0].Value", mod(func(o *prom.Objective) {
			o.SLI.Errors = prom.Selector{Metric: "x", Matchers: []prom.Matcher{{Label: "code", Op: prom.Regexp, Value: "5(("}}}
		})},
		{"matches everything", "SLI.Availability", mod(func(o *prom.Objective) {
			o.SLI = prom.SLI{Availability: prom.Selector{Matchers: []prom.Matcher{{Label: "job", Op: prom.Regexp, Value: ".*"}}}}
		})},
		{"window not whole steps", "Policy.Rules[0].Short", mod(func(o *prom.Objective) {
			o.Step, o.Schedule = 2*time.Minute, "new-york"
		})},
		{"window of a microsecond", "Policy.Rules[0].Short", mod(func(o *prom.Objective) {
			o.Policy = sla.DefaultAlertPolicy(30 * day)
			o.Policy.Rules[0].Short = time.Microsecond
		})},
		{"bad severity", "Policy.Rules[0].Severity", mod(func(o *prom.Objective) {
			o.Policy = sla.DefaultAlertPolicy(30 * day)
			o.Policy.Rules[0].Severity = 9
		})},
		{"rule without a threshold", "Policy.Rules[1]", mod(func(o *prom.Objective) {
			o.Policy = sla.DefaultAlertPolicy(30 * day)
			o.Policy.Rules[1] = sla.AlertRule{Severity: sla.SeverityPage, Long: time.Hour, Short: 5 * time.Minute}
		})},
		{"reserved label", "Labels", mod(func(o *prom.Objective) { o.Labels = map[string]string{"sloth_id": "x"} })},
		{"double underscore", "Labels", mod(func(o *prom.Objective) { o.Labels = map[string]string{"__name__": "x"} })},
		{"bad alert name", "Alerts.Name", mod(func(o *prom.Objective) { o.Alerts.Name = "budget burn" })},
		{"bad alert label", "Alerts.PageLabels", mod(func(o *prom.Objective) { o.Alerts.PageLabels = map[string]string{"a-b": "x"} })},
		{"bad annotation", "Alerts.TicketAnnotations", mod(func(o *prom.Objective) { o.Alerts.TicketAnnotations = map[string]string{"x": "\xfe"} })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.Validate()
			require.Error(t, err)
			require.True(t, errors.Is(err, prom.ErrObjective), "%v", err)
			require.Contains(t, err.Error(), tc.field+":")
			require.Error(t, prom.WriteRules(&bytes.Buffer{}, tc.o))
		})
	}
	require.NoError(t, availability999().Validate())
	// Without a schedule the windows need not be whole steps.
	o := availability999()
	o.Step = 2 * time.Minute
	require.NoError(t, o.Validate())
}

func TestWriteRulesDuplicate(t *testing.T) {
	var buf bytes.Buffer
	err := prom.WriteRules(&buf, availability999(), availability999())
	require.ErrorIs(t, err, prom.ErrObjective)
	require.Zero(t, buf.Len(), "nothing is written on error")
}

// TestHundredPercent: a 100% target has no budget; every threshold is 0,
// so any error pages, as sla.BurnRate gives an infinite burn. The rules
// of each kind of SLI load in promtool; TestPromtoolHundredPercent runs
// them.
func TestHundredPercent(t *testing.T) {
	t.Parallel()
	for _, obj := range []func() prom.Objective{availability999, probe9995, businessHours} {
		o := obj()
		o.Target = sla.MustTarget("100%")
		t.Run(o.ID(), func(t *testing.T) {
			rules, err := os.ReadFile(writeRules(t, o))
			require.NoError(t, err)
			require.Contains(t, string(rules), `> 0 and ignoring (sloth_window)`)
			require.Contains(t, string(rules), `"vector(0)"`) // the budget
			// The period's burn: +Inf above 0, 0 at 0.
			period := `max without (sloth_window) (` + prom.ErrorRatioRecord(o.Period) + `{sloth_id=\"` + o.ID() + `\"})`
			require.Contains(t, string(rules), `"(`+period+` > 0) / 0 or `+period+` * 0"`)
		})
	}
}

// TestAwkwardStrings writes label values and annotations that need every
// kind of escape, checks the file with promtool and runs it: the alert
// must come back with exactly those strings.
func TestAwkwardStrings(t *testing.T) {
	t.Parallel()
	awkward := "quote \" backslash \\ newline \n tab \t NEL \u0085 C1 \u0090 LS \u2028 BOM \ufeff nonchar \ufffe emoji 🙂 template {{ not one"
	o := pageOnly("awkward")
	o.Labels = map[string]string{"note": awkward}
	o.Alerts.Annotations = map[string]string{"description": strings.ReplaceAll(awkward, "{{", "{ {")}
	o.SLI.Errors.Matchers = append(o.SLI.Errors.Matchers, prom.Matcher{Label: "path", Op: prom.NotEqual, Value: awkward})
	es, ts := selectors("awkward")
	s := scenario{minutes: 10, start: epoch, errSel: es, tSel: ts,
		errs: func(int) int64 { return 100 }, total: func(int) int64 { return 1000 }}
	_, ev, tv := s.samples()
	labels := alertLabels(o, sla.SeverityPage)
	labels["note"] = awkward
	promtest.RuleTest{
		RuleFile: writeRules(t, o),
		Series:   []promtest.InputSeries{{Series: es, Values: promtest.Notation(ev)}, {Series: ts, Values: promtest.Notation(tv)}},
		Alerts: []promtest.AlertCheck{{At: 5 * time.Minute, Alert: "ErrorBudgetBurn", Firing: []promtest.Alert{{
			Labels: labels, Annotations: o.Alerts.Annotations,
		}}}},
	}.Run(t)
}

func TestErrorRatioRecord(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{5 * time.Minute, "slo:sli_error:ratio_rate5m"},
		{24 * time.Hour, "slo:sli_error:ratio_rate1d"},
		{90 * time.Minute, "slo:sli_error:ratio_rate1h30m"},
		{1500 * time.Millisecond, "slo:sli_error:ratio_rate1s500ms"},
		{0, ""},
		{time.Microsecond, ""},
	} {
		require.Equal(t, tc.want, prom.ErrorRatioRecord(tc.d), "%v", tc.d)
	}
}

func ExampleWriteRules() {
	o := prom.Objective{
		Service: "checkout", Name: "availability",
		Target: sla.MustTarget("99.95%"), Period: 28 * 24 * time.Hour,
		SLI: prom.SLI{
			Errors: prom.Selector{Metric: "http_requests_total", Matchers: []prom.Matcher{
				{Label: "job", Op: prom.Equal, Value: "api"}, {Label: "code", Op: prom.Regexp, Value: "5.."}}},
			Total: prom.Selector{Metric: "http_requests_total", Matchers: []prom.Matcher{
				{Label: "job", Op: prom.Equal, Value: "api"}}},
		},
	}
	var buf bytes.Buffer
	if err := prom.WriteRules(&buf, o); err != nil {
		panic(err)
	}
	// Print the alerts' conditions: one per severity, every threshold the
	// exact burn × budget (5.6 × 0.0005 = 0.0028), or the float64 nearest
	// to it where it has no decimal (14/15 × 0.0005 = 7/15000).
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "expr:") && strings.Contains(line, " or max") {
			expr := strings.TrimPrefix(strings.TrimSpace(line), "expr: ")
			expr = strings.ReplaceAll(expr, `{sloth_id=\"checkout-availability\"}`, "")
			fmt.Println(expr)
		}
	}
	// Output:
	// "max without (sloth_window) (slo:sli_error:ratio_rate1h > 0.00672 and ignoring (sloth_window) slo:sli_error:ratio_rate5m > 0.00672) or max without (sloth_window) (slo:sli_error:ratio_rate6h > 0.0028 and ignoring (sloth_window) slo:sli_error:ratio_rate30m > 0.0028)"
	// "max without (sloth_window) (slo:sli_error:ratio_rate1d > 0.0014 and ignoring (sloth_window) slo:sli_error:ratio_rate2h > 0.0014) or max without (sloth_window) (slo:sli_error:ratio_rate3d > 0.00046666666666666666 and ignoring (sloth_window) slo:sli_error:ratio_rate6h > 0.00046666666666666666)"
}

// TestPromtoolHundredPercent runs the rules of a 100% target through
// promtool. With no budget, sla.Budget.FractionConsumed is 0 while no
// error is counted and +Inf after any, so the burn rates must read 0 and
// then +Inf, and the budget remaining, 1 − the period's burn, 1 and then
// −Inf — never NaN (0/0). Every threshold is 0 × burn = 0, so both
// severities fire at the first evaluation whose windows hold an error.
//
// Counters sampled every minute from time 0: 100 requests a minute, and
// one error in the minute that ends at minute 11. At minute 10 every
// window has 0 errors: burns 0, remaining 1, no alert. At minute 11 the
// 5m window and the period hold the error: both burns +Inf, remaining
// −Inf, and every rule, its long and short windows alike holding the
// error, fires. At minute 20 the 5m window, (15m, 20m], holds no error
// again: the current burn is back to 0, the period's stays +Inf, and the
// page still fires through its 6h/30m rule.
func TestPromtoolHundredPercent(t *testing.T) {
	t.Parallel()
	o := objective999("hundred")
	o.Target = sla.MustTarget("100%")
	es, ts := selectors("hundred")
	s := scenario{minutes: 30, start: epoch, errSel: es, tSel: ts,
		errs: func(k int) int64 {
			if k == 11 {
				return 1
			}
			return 0
		},
		total: func(int) int64 { return 100 }}
	f := checkEveryMinute(t, o, s, nil)
	for _, sev := range []sla.Severity{sla.SeverityPage, sla.SeverityTicket} {
		first, ok := f.First(sev)
		require.True(t, ok, "%v never fired", sev)
		require.Equal(t, 11*time.Minute, first.Sub(epoch), "%v", sev)
	}

	_, ev, tv := s.samples()
	labels := func(name string) string {
		return name + `{sloth_id="checkout-hundred", sloth_service="checkout", sloth_slo="hundred"}`
	}
	sel := `{sloth_id="checkout-hundred"}`
	test := promtest.RuleTest{
		RuleFile: writeRules(t, o),
		Series:   []promtest.InputSeries{{Series: es, Values: promtest.Notation(ev)}, {Series: ts, Values: promtest.Notation(tv)}},
	}
	for _, c := range []struct {
		at                       time.Duration
		current, period, remains string
	}{
		{5 * time.Minute, "0", "0", "1"},
		{10 * time.Minute, "0", "0", "1"},
		{11 * time.Minute, "+Inf", "+Inf", "-Inf"},
		{20 * time.Minute, "0", "+Inf", "-Inf"},
	} {
		for _, e := range []struct{ name, value string }{
			{"slo:current_burn_rate:ratio", c.current},
			{"slo:period_burn_rate:ratio", c.period},
			{"slo:period_error_budget_remaining:ratio", c.remains},
		} {
			test.Exprs = append(test.Exprs, promtest.ExprCheck{At: c.at, Expr: e.name + sel,
				Samples: []promtest.Sample{{Labels: labels(e.name), Value: e.value}}})
		}
	}
	test.Run(t)
}

// TestPromtoolHundredPercentNoEvents: with no events in a window the
// error ratio is 0/0, NaN, for every target; the burn rates of a 100%
// target keep that NaN as those of any other target do (NaN / budget),
// rather than read it as 0 errors.
func TestPromtoolHundredPercentNoEvents(t *testing.T) {
	t.Parallel()
	for _, target := range []string{"100%", "99.9%"} {
		t.Run(target, func(t *testing.T) {
			t.Parallel()
			o := objective999("idle")
			o.Target = sla.MustTarget(target)
			es, ts := selectors("idle")
			test := promtest.RuleTest{
				RuleFile: writeRules(t, o),
				Series:   []promtest.InputSeries{{Series: es, Values: "0x10"}, {Series: ts, Values: "7x10"}},
			}
			for _, name := range []string{"slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio"} {
				// promtool 2.42 finds no NaN equal to an expected NaN;
				// NaN is the only value not equal to itself.
				x := name + `{sloth_id="checkout-idle"}`
				test.Exprs = append(test.Exprs, promtest.ExprCheck{At: 5 * time.Minute, Expr: "count(" + x + " != " + x + ")",
					Samples: []promtest.Sample{{Labels: "{}", Value: "1"}}})
			}
			test.Run(t)
		})
	}
}
