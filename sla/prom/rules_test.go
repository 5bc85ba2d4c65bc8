package prom_test

import (
	"bytes"
	"errors"
	"fmt"
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
// so any error pages, as sla.BurnRate gives an infinite burn.
func TestHundredPercent(t *testing.T) {
	o := availability999()
	o.Target = sla.MustTarget("100%")
	var buf bytes.Buffer
	require.NoError(t, prom.WriteRules(&buf, o))
	require.Contains(t, buf.String(), `> 0 and ignoring (sloth_window)`)
	require.Contains(t, buf.String(), `"vector(0)"`) // the budget
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
