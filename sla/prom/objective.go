package prom

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"time"
	"unicode/utf8"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
)

// ErrObjective is wrapped by every error about an Objective that cannot be
// written as rules.
var ErrObjective = errors.New("invalid objective")

// MatchOp is the operator of a label matcher.
type MatchOp string

// The four label matchers of PromQL.
const (
	Equal     MatchOp = "="
	NotEqual  MatchOp = "!="
	Regexp    MatchOp = "=~"
	NotRegexp MatchOp = "!~"
)

// Matcher is one label matcher of a selector: Label Op "Value". A regular
// expression is RE2 syntax, anchored at both ends as PromQL anchors it.
type Matcher struct {
	Label string
	Op    MatchOp
	Value string
}

// Selector selects series by metric name and label matchers, as
// http_requests_total{job="api",code=~"5.."}. A plain value, safe for
// concurrent use as long as Matchers is not modified.
type Selector struct {
	Metric   string
	Matchers []Matcher
}

// IsZero reports whether the selector selects nothing: no metric name and
// no matchers.
func (s Selector) IsZero() bool { return s.Metric == "" && len(s.Matchers) == 0 }

// String returns the selector in PromQL, matchers in the order given,
// values quoted as PromQL strings. It does not validate the selector.
func (s Selector) String() string {
	var b strings.Builder
	b.WriteString(s.Metric)
	if len(s.Matchers) > 0 || s.Metric == "" {
		b.WriteByte('{')
		for i, m := range s.Matchers {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(m.Label)
			b.WriteString(string(m.Op))
			b.WriteString(promString(m.Value))
		}
		b.WriteByte('}')
	}
	return b.String()
}

// promString quotes s as a PromQL string literal. PromQL reads a
// double-quoted string with the escapes of Go's string literals, so Go's
// quoting reads back as s.
func promString(s string) string { return strconv.Quote(s) }

// SLI says how the error ratio of an objective is measured. Set Errors and
// Total, or Availability.
//
//   - Errors and Total select counters of bad events and of all events; the
//     error ratio over a window is sum(rate(Errors)) / sum(rate(Total)),
//     with no errors counted while the error counter does not exist yet.
//   - Availability selects a gauge that is 1 while the service is up and 0
//     while it is down (up, probe_success); the error ratio over a window is
//     1 − avg(avg_over_time(Availability)): for one series, the share of its
//     samples in the window that are 0.
//
// With a Schedule the windows count steps instead; see "Business hours" in
// the package documentation.
type SLI struct {
	Errors, Total Selector
	Availability  Selector
}

func (s SLI) events() bool { return !s.Errors.IsZero() || !s.Total.IsZero() }

// Alerting says how the alerts of an objective are named and labelled.
// An objective has one alert per severity of its policy, all named Name
// and told apart by the sloth_severity label ("page", "ticket"). Labels
// and Annotations go on every alert; the Page and Ticket maps on the alert
// of that severity, over the common ones.
//
// Every value of these maps is a Prometheus template, written as given:
// it must parse as Go's text/template does with the variables $labels,
// $externalLabels, $externalURL and $value defined, as Prometheus 2
// defines them, so "{{ $value | humanizePercentage }}" is valid and
// "{{ .Foo" is not. Validate checks that syntax; it does not check
// function names, which depend on the Prometheus version. A literal "{{"
// is written {{"{{"}}. Label names follow the rule of Objective.Labels:
// no sloth_ names the rules set, no alertname, no alertstate.
type Alerting struct {
	// Name is the alert name; empty means "ErrorBudgetBurn".
	Name                            string
	Labels, Annotations             map[string]string
	PageLabels, PageAnnotations     map[string]string
	TicketLabels, TicketAnnotations map[string]string
}

// Objective is a service level objective to write Prometheus rules for: a
// target over a rolling period, how its error ratio is measured, and the
// alert policy. A plain value, safe for concurrent use as long as its maps
// and slices are not modified.
type Objective struct {
	// Service and Name identify the objective. They become the labels
	// sloth_service and sloth_slo of every series and alert written, and
	// sloth_id is Service-Name. Both must be non-empty.
	Service, Name string
	// Target is the objective: 99.9% leaves an error budget of 0.1% of the
	// events (or of the samples of an availability gauge).
	Target sla.Target
	// Period is the rolling SLO period, such as 30 days: the window of the
	// period error ratio and of the budget remaining.
	Period time.Duration
	SLI    SLI
	// Policy is the alert policy. A policy without rules means
	// sla.DefaultAlertPolicy(Period). Its thresholds are burn rates, and
	// each rule's error-ratio threshold is Burn × (1 − Target), exactly.
	Policy sla.AlertPolicy
	// Schedule, when set, names a schedule served by a
	// promhttp.ScheduleHandler:
	// errors and events count only in steps that begin while it is open
	// (see "Business hours" in the package documentation).
	Schedule string
	// Step is the evaluation interval of the rule group and, with a
	// Schedule, the length of the steps events are counted in, which
	// every window must then be a whole number of. Zero means one minute.
	// A Replay of the objective needs whole steps in any case.
	Step time.Duration
	// Labels go on every series and alert the rules write, as literal
	// text (a "{{" in a value is escaped on the alerts). They may not use
	// the sloth_ names the rules set themselves, nor alertname and
	// alertstate, which Prometheus sets on alerts over any given value.
	Labels map[string]string
	Alerts Alerting
}

// ID returns the value of the sloth_id label: Service-Name.
func (o Objective) ID() string { return o.Service + "-" + o.Name }

func (o Objective) step() time.Duration {
	if o.Step == 0 {
		return time.Minute
	}
	return o.Step
}

func (o Objective) policy() sla.AlertPolicy {
	if len(o.Policy.Rules) == 0 {
		return sla.DefaultAlertPolicy(o.Period)
	}
	return o.Policy
}

var (
	metricName = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*$`)
	labelName  = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
)

// reserved are the labels the rules set themselves, and those Prometheus
// sets on an alert over any the rule gives: alertname on the alert, and
// alertstate on its ALERTS series.
var reserved = map[string]string{
	labelID: "set by the rules themselves", labelService: "set by the rules themselves",
	labelSLO: "set by the rules themselves", labelWindow: "set by the rules themselves",
	labelSeverity: "set by the rules themselves",
	"alertname":   "Prometheus sets it to the alert's name over any value given",
	"alertstate":  "Prometheus sets it on the ALERTS series over any value given",
}

// templateDefs are the variable definitions Prometheus 2 prepends to an
// alert's label and annotation values before it parses and expands them
// as Go templates (rules/alerting.go and, for promtool check rules,
// model/rulefmt/rulefmt.go).
const templateDefs = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"

// checkTemplate reports why Prometheus would refuse text as the value of
// an alert label or annotation: a syntax error of text/template once the
// variable definitions are prepended. Function names are not checked;
// which exist depends on the Prometheus version.
func checkTemplate(text string) error {
	t := parse.New("template")
	t.Mode = parse.SkipFuncCheck
	_, err := t.Parse(templateDefs+text, "", "", map[string]*parse.Tree{})
	return err
}

func objErr(o Objective, field string, format string, args ...any) error {
	return fmt.Errorf("prom: objective %s: %s: %s: %w", quote.Text(o.ID()), field, fmt.Sprintf(format, args...), ErrObjective)
}

// Validate reports the first reason the objective cannot be written as
// rules, as an error naming the field (and, for a map, the key, the keys
// taken in sorted order) that wraps ErrObjective.
func (o Objective) Validate() error {
	if o.Service == "" || !utf8.ValidString(o.Service) {
		return objErr(o, "Service", "want a non-empty UTF-8 name")
	}
	if o.Name == "" || !utf8.ValidString(o.Name) {
		return objErr(o, "Name", "want a non-empty UTF-8 name")
	}
	step := o.step()
	if step < time.Second || step%time.Second != 0 {
		return objErr(o, "Step", "%v: want a whole number of seconds", o.Step)
	}
	if err := o.checkWindow("Period", o.Period, step); err != nil {
		return err
	}
	if err := o.checkSLI(); err != nil {
		return err
	}
	p := o.policy()
	if p.Period <= 0 {
		return objErr(o, "Policy.Period", "%v: want a positive period", p.Period)
	}
	for i, r := range p.Rules {
		f := fmt.Sprintf("Policy.Rules[%d]", i)
		if r.Severity != sla.SeverityPage && r.Severity != sla.SeverityTicket {
			return objErr(o, f+".Severity", "%v: want page or ticket", r.Severity)
		}
		if err := o.checkWindow(f+".Long", r.Long, step); err != nil {
			return err
		}
		if err := o.checkWindow(f+".Short", r.Short, step); err != nil {
			return err
		}
		if r.Burn().IsZero() {
			return objErr(o, f, "burn rate 0 would fire on any error: build rules with sla.NewAlertRule or sla.NewBurnRule")
		}
	}
	if o.Schedule != "" && !utf8.ValidString(o.Schedule) {
		return objErr(o, "Schedule", "want UTF-8")
	}
	if err := checkLabels(o, "Labels", o.Labels); err != nil {
		return err
	}
	a := o.Alerts
	if a.Name != "" && !metricName.MatchString(a.Name) {
		return objErr(o, "Alerts.Name", "%s: want a name of letters, digits, _ and :", quote.Text(a.Name))
	}
	alert := quote.Text(cmp.Or(a.Name, defaultAlertName))
	for _, m := range []struct {
		field string
		m     map[string]string
		label bool
		which string
	}{
		{"Alerts.Labels", a.Labels, true, "every alert"}, {"Alerts.PageLabels", a.PageLabels, true, "the page alert"},
		{"Alerts.TicketLabels", a.TicketLabels, true, "the ticket alert"}, {"Alerts.Annotations", a.Annotations, false, "every alert"},
		{"Alerts.PageAnnotations", a.PageAnnotations, false, "the page alert"}, {"Alerts.TicketAnnotations", a.TicketAnnotations, false, "the ticket alert"},
	} {
		if m.label {
			if err := checkLabels(o, m.field, m.m); err != nil {
				return err
			}
		}
		for _, k := range slices.Sorted(maps.Keys(m.m)) {
			v := m.m[k]
			if !m.label && (!labelName.MatchString(k) || !utf8.ValidString(v)) {
				return objErr(o, m.field, "%s: want a label-like name and a UTF-8 text", quote.Text(k))
			}
			if err := checkTemplate(v); err != nil {
				return objErr(o, m.field, "%s: value %s, on %s %s, is not a Prometheus template: %s",
					quote.Text(k), quote.Text(v), m.which, alert, templateMessage(err))
			}
		}
	}
	return nil
}

// templateMessage returns the message of a template parse error without
// the template's name and position ("template: template:1: unclosed
// action" gives "unclosed action"): the position counts the prepended
// definitions, not the value.
func templateMessage(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "template: template:"); ok {
		if _, m, ok := strings.Cut(rest, ": "); ok {
			msg = m
		}
	}
	return quote.Message(msg)
}

// checkWindow checks that a window can be written as a range: a positive
// whole number of milliseconds, and with a Schedule, whose ranges count
// steps, a whole number of steps.
func (o Objective) checkWindow(field string, d, step time.Duration) error {
	if o.Schedule != "" && (d <= 0 || d%step != 0) {
		return objErr(o, field, "%v: want a positive whole number of steps of %v", d, step)
	}
	if d <= 0 || d%time.Millisecond != 0 {
		return objErr(o, field, "%v: want a positive whole number of milliseconds", d)
	}
	return nil
}

func (o Objective) checkSLI() error {
	s := o.SLI
	if s.events() == !s.Availability.IsZero() {
		return objErr(o, "SLI", "set Errors and Total, or Availability")
	}
	if s.events() {
		if err := checkSelector(o, "SLI.Errors", s.Errors); err != nil {
			return err
		}
		return checkSelector(o, "SLI.Total", s.Total)
	}
	return checkSelector(o, "SLI.Availability", s.Availability)
}

func checkSelector(o Objective, field string, s Selector) error {
	if s.Metric != "" && !metricName.MatchString(s.Metric) {
		return objErr(o, field+".Metric", "%s: want letters, digits, _ and :", quote.Text(s.Metric))
	}
	nonEmpty := s.Metric != ""
	for i, m := range s.Matchers {
		f := fmt.Sprintf("%s.Matchers[%d]", field, i)
		if !labelName.MatchString(m.Label) {
			return objErr(o, f+".Label", "%s: want letters, digits and _", quote.Text(m.Label))
		}
		if !utf8.ValidString(m.Value) {
			return objErr(o, f+".Value", "want UTF-8")
		}
		switch m.Op {
		case Equal, NotEqual:
		case Regexp, NotRegexp:
			if _, err := regexp.Compile("^(?:" + m.Value + ")$"); err != nil {
				return objErr(o, f+".Value", "%s: %s", quote.Text(m.Value), quote.Message(err.Error()))
			}
		default:
			return objErr(o, f+".Op", "%s: want =, !=, =~ or !~", quote.Text(string(m.Op)))
		}
		// PromQL refuses a selector whose matchers all match the empty string.
		if (m.Op == Equal && m.Value != "") || (m.Op == NotEqual && m.Value == "") ||
			(m.Op == Regexp && !regexp.MustCompile("^(?:"+m.Value+")$").MatchString("")) {
			nonEmpty = true
		}
	}
	if !nonEmpty {
		return objErr(o, field, "%s: want a metric name or a matcher that does not match the empty string", quote.Cut(s.String(), quote.Limit))
	}
	return nil
}

func checkLabels(o Objective, field string, m map[string]string) error {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		if !labelName.MatchString(k) || strings.HasPrefix(k, "__") {
			return objErr(o, field, "%s: want a label name of letters, digits and _, not starting with __", quote.Text(k))
		}
		if why, ok := reserved[k]; ok {
			return objErr(o, field, "%s: %s", quote.Text(k), why)
		}
		if !utf8.ValidString(v) {
			return objErr(o, field, "%s: want a UTF-8 value", quote.Text(k))
		}
	}
	return nil
}
