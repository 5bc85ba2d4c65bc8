package prom

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
)

// Label names the rules write, those of the Sloth rule generator, which
// its published Grafana dashboards read.
const (
	labelID       = "sloth_id"
	labelService  = "sloth_service"
	labelSLO      = "sloth_slo"
	labelWindow   = "sloth_window"
	labelSeverity = "sloth_severity"
)

// Names of the series the rules record, in Sloth's naming convention where
// one exists.
const (
	recObjective       = "slo:objective:ratio"
	recBudget          = "slo:error_budget:ratio"
	recPeriodDays      = "slo:time_period:days"
	recCurrentBurn     = "slo:current_burn_rate:ratio"
	recPeriodBurn      = "slo:period_burn_rate:ratio"
	recBudgetRemaining = "slo:period_error_budget_remaining:ratio"
	recOpenErrors      = "slamath:sli_errors:open_increase"
	recOpenEvents      = "slamath:sli_events:open_increase"
)

// defaultAlertName is the name of the alerts of an objective whose
// Alerting has no Name.
const defaultAlertName = "ErrorBudgetBurn"

// ErrorRatioRecord returns the name of the series the rules record for the
// error ratio over a window, as Sloth names it: slo:sli_error:ratio_rate5m
// for five minutes, slo:sli_error:ratio_rate30d for 30 days. The window
// must be a positive whole number of milliseconds; others give "".
func ErrorRatioRecord(window time.Duration) string {
	w, err := promDuration(window)
	if err != nil {
		return ""
	}
	return "slo:sli_error:ratio_rate" + w
}

// WriteRules writes a Prometheus rule file for the objectives, one rule
// group per objective, in a fixed YAML shape. Each group records the error
// ratio over every window its policy uses and over the period, the meta
// series slo:objective:ratio, slo:error_budget:ratio, slo:time_period:days,
// slo:current_burn_rate:ratio, slo:period_burn_rate:ratio and
// slo:period_error_budget_remaining:ratio, and one alert per severity of
// the policy. Every error-ratio threshold is the literal described under
// "Thresholds" in the package documentation.
//
// It fails, writing nothing, when an objective does not validate or two
// objectives have the same ID.
func WriteRules(w io.Writer, objectives ...Objective) error {
	var f ruleFile
	seen := map[string]bool{}
	for _, o := range objectives {
		if seen[o.ID()] {
			return objErr(o, "Service, Name", "another objective has the same id")
		}
		seen[o.ID()] = true
		g, err := o.group()
		if err != nil {
			return err
		}
		f.groups = append(f.groups, g)
	}
	_, err := f.writeTo(w)
	return err
}

// group builds the rule group of a valid objective.
func (o Objective) group() (ruleGroup, error) {
	if err := o.Validate(); err != nil {
		return ruleGroup{}, err
	}
	b := builder{o: o, step: o.step()}
	b.stepText, _ = promDuration(b.step)
	b.base = map[string]string{labelID: o.ID(), labelService: o.Service, labelSLO: o.Name}
	maps.Copy(b.base, o.Labels)
	b.sel = "{" + labelID + "=" + promString(o.ID()) + "}"
	b.budget = new(big.Rat).Sub(big.NewRat(1, 1), targetRat(o.Target))

	p := o.policy()
	windows := []time.Duration{o.Period}
	for _, r := range p.Rules {
		windows = append(windows, r.Long, r.Short)
	}
	slices.Sort(windows)
	windows = slices.Compact(windows)

	if o.Schedule != "" {
		b.openSteps()
	}
	for _, w := range windows {
		b.ratio(w)
	}
	b.meta(windows[0])
	if err := b.alerts(p); err != nil {
		return ruleGroup{}, err
	}
	return ruleGroup{name: "slamath-" + o.ID(), interval: b.stepText, rules: b.rules}, nil
}

type builder struct {
	o        Objective
	step     time.Duration
	stepText string
	base     map[string]string
	sel      string   // {sloth_id="…"}
	budget   *big.Rat // 1 − target
	rules    []rule
}

func sortedKV(m ...map[string]string) []kv {
	all := map[string]string{}
	for _, x := range m {
		maps.Copy(all, x)
	}
	out := make([]kv, 0, len(all))
	for _, k := range slices.Sorted(maps.Keys(all)) {
		out = append(out, kv{k, all[k]})
	}
	return out
}

func (b *builder) record(name, expr string, extra map[string]string) {
	b.rules = append(b.rules, rule{record: name, expr: expr, labels: sortedKV(b.base, extra)})
}

func dur(d time.Duration) string {
	s, err := promDuration(d)
	if err != nil {
		panic(err) // windows are validated
	}
	return s
}

// schedule returns the schedule gate of the step that ended at the
// evaluation: the schedule series one step earlier.
func (b *builder) schedule() string {
	return fmt.Sprintf("max(%s{%s=%s} offset %s)", ScheduleMetric, ScheduleLabel, promString(b.o.Schedule), b.stepText)
}

// openSteps records, at every evaluation, the errors and events of the
// step that just ended, times 1 if the schedule was open when it began and
// 0 if not.
func (b *builder) openSteps() {
	s := b.o.SLI
	var errs, events string
	if s.events() {
		errs = fmt.Sprintf("(sum(increase(%s[%s])) or vector(0)) * %s", s.Errors, b.stepText, b.schedule())
		events = fmt.Sprintf("sum(increase(%s[%s])) * %s", s.Total, b.stepText, b.schedule())
	} else {
		errs = fmt.Sprintf("(1 - avg(%s offset %s)) * %s", s.Availability, b.stepText, b.schedule())
		events = fmt.Sprintf("%s and avg(%s offset %s)", b.schedule(), s.Availability, b.stepText)
	}
	b.record(recOpenErrors+b.stepText, errs, nil)
	b.record(recOpenEvents+b.stepText, events, nil)
}

// ratio records the error ratio over window w.
func (b *builder) ratio(w time.Duration) {
	s := b.o.SLI
	wt := dur(w)
	var expr string
	switch {
	case b.o.Schedule != "":
		// The steps that ended in (t − w, t]: a range of w less half a
		// step holds exactly w/step of them, whether or not the range
		// includes its left edge (Prometheus 2 does, 3 does not).
		r := dur(w - b.step/2)
		expr = fmt.Sprintf("sum_over_time(%s%s%s[%s]) / sum_over_time(%s%s%s[%s])",
			recOpenErrors, b.stepText, b.sel, r, recOpenEvents, b.stepText, b.sel, r)
	case s.events():
		expr = fmt.Sprintf("(sum(rate(%s[%s])) or vector(0)) / sum(rate(%s[%s]))", s.Errors, wt, s.Total, wt)
	default:
		expr = fmt.Sprintf("1 - avg(avg_over_time(%s[%s]))", s.Availability, wt)
	}
	b.record(ErrorRatioRecord(w), expr, map[string]string{labelWindow: wt})
}

// meta records the objective, the budget, the period and the burn rates.
func (b *builder) meta(shortest time.Duration) {
	target, _ := literal(targetRat(b.o.Target))
	budget, _ := literal(b.budget)
	days, _ := literal(big.NewRat(int64(b.o.Period/time.Millisecond), int64(24*time.Hour/time.Millisecond)))
	b.record(recObjective, "vector("+target+")", nil)
	b.record(recBudget, "vector("+budget+")", nil)
	b.record(recPeriodDays, "vector("+days+")", nil)
	burn := func(w time.Duration) string {
		ratio := fmt.Sprintf("max without (%s) (%s%s)", labelWindow, ErrorRatioRecord(w), b.sel)
		if b.budget.Sign() == 0 {
			// No budget (a 100% target): ratio / 0 would be NaN for a
			// ratio of 0. The burn is +Inf once any error is counted
			// and 0 before, as sla.Budget.FractionConsumed has it; a
			// ratio that is NaN (no events) stays NaN.
			return fmt.Sprintf("(%s > 0) / 0 or %s * 0", ratio, ratio)
		}
		return ratio + " / " + budget
	}
	b.record(recCurrentBurn, burn(shortest), nil)
	b.record(recPeriodBurn, burn(b.o.Period), nil)
	b.record(recBudgetRemaining, "1 - "+recPeriodBurn+b.sel, nil)
}

// alerts writes one alert per severity: any of its rules fires when both
// of the rule's windows are strictly above its threshold.
func (b *builder) alerts(p sla.AlertPolicy) error {
	a := b.o.Alerts
	name := cmp.Or(a.Name, defaultAlertName)
	var order []sla.Severity
	conds := map[sla.Severity][]string{}
	for _, r := range p.Rules {
		th, err := b.threshold(r)
		if err != nil {
			return err
		}
		long, short := ErrorRatioRecord(r.Long)+b.sel, ErrorRatioRecord(r.Short)+b.sel
		c := fmt.Sprintf("max without (%s) (%s > %s and ignoring (%s) %s > %s)", labelWindow, long, th, labelWindow, short, th)
		if _, ok := conds[r.Severity]; !ok {
			order = append(order, r.Severity)
		}
		conds[r.Severity] = append(conds[r.Severity], c)
	}
	for _, sev := range order {
		labels, annotations := a.PageLabels, a.PageAnnotations
		if sev == sla.SeverityTicket {
			labels, annotations = a.TicketLabels, a.TicketAnnotations
		}
		b.rules = append(b.rules, rule{
			alert:       name,
			expr:        strings.Join(conds[sev], " or "),
			labels:      sortedKV(literalTemplates(b.base), a.Labels, labels, map[string]string{labelSeverity: sev.String()}),
			annotations: sortedKV(a.Annotations, annotations),
		})
	}
	return nil
}

// literalTemplates returns labels whose values Prometheus's template
// expansion of alert labels gives back unchanged: every "{{" is written
// as the action {{`{{`}}, which prints it. The objective's own labels are
// repeated on its alerts (the series already carry them) so that alerts
// of different objectives never look like duplicates to promtool.
func literalTemplates(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = strings.ReplaceAll(v, "{{", "{{`{{`}}")
	}
	return out
}

// threshold returns the literal of a rule's error-ratio threshold,
// Burn × (1 − target).
func (b *builder) threshold(r sla.AlertRule) (string, error) {
	burn, _, err := ratOf(r.Burn()) // a rule's threshold is finite
	if err != nil {
		return "", err
	}
	s, _ := literal(new(big.Rat).Mul(burn, b.budget))
	return s, nil
}
