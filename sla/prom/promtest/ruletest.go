package promtest

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/prom/internal/promtext"
)

// RuleTest is one promtool rule unit test: input series sampled every
// Interval from time 0 (the Unix epoch, promtool's origin), the rules of
// RuleFile evaluated every Interval, and checks of alerts and
// expressions at given offsets from time 0.
type RuleTest struct {
	// RuleFile is the path of the rule file under test.
	RuleFile string
	// Interval is both the input series' sampling interval and the
	// evaluation interval; zero means one minute.
	Interval time.Duration
	Series   []InputSeries
	Alerts   []AlertCheck
	Exprs    []ExprCheck
}

// InputSeries is a series of a RuleTest: a series in PromQL notation,
// such as `errors_total{job="api"}`, and its values in promtool's
// expanding notation (see Notation).
type InputSeries struct {
	Series, Values string
}

// AlertCheck expects the alerts named Alert that fire at At to be exactly
// Firing; an empty Firing expects none.
type AlertCheck struct {
	At     time.Duration
	Alert  string
	Firing []Alert
}

// Alert is an expected firing alert: all its labels except alertname, and
// all its annotations.
type Alert struct {
	Labels, Annotations map[string]string
}

// ExprCheck expects Expr evaluated at At to give exactly Samples.
type ExprCheck struct {
	At      time.Duration
	Expr    string
	Samples []Sample
}

// Sample is an expected sample: a label set in PromQL notation ("{}" for
// none, `up{job="api"}`) and a value as a Go float literal, "+Inf" and
// "-Inf" included. (An expected "NaN" is written too, but promtool 2.42
// finds no sample equal to it.)
type Sample struct {
	Labels string
	Value  string
}

func dur(d time.Duration) string {
	s, err := promtext.Duration(d)
	if err != nil {
		if d == 0 {
			return "0s"
		}
		panic(err)
	}
	return s
}

// YAML returns the promtool test file.
func (t RuleTest) YAML() []byte {
	q := promtext.Quote
	interval := t.Interval
	if interval == 0 {
		interval = time.Minute
	}
	var b strings.Builder
	b.WriteString("rule_files:\n  - " + q(t.RuleFile) + "\n")
	b.WriteString("evaluation_interval: " + q(dur(interval)) + "\n")
	b.WriteString("tests:\n  - interval: " + q(dur(interval)) + "\n")
	b.WriteString("    input_series:\n")
	for _, s := range t.Series {
		b.WriteString("      - series: " + q(s.Series) + "\n        values: " + q(s.Values) + "\n")
	}
	if len(t.Alerts) > 0 {
		b.WriteString("    alert_rule_test:\n")
	}
	for _, a := range t.Alerts {
		b.WriteString("      - eval_time: " + q(dur(a.At)) + "\n        alertname: " + q(a.Alert) + "\n")
		if len(a.Firing) == 0 {
			b.WriteString("        exp_alerts: []\n")
			continue
		}
		b.WriteString("        exp_alerts:\n")
		for _, f := range a.Firing {
			b.WriteString("          - exp_labels: " + flowMap(f.Labels) + "\n")
			b.WriteString("            exp_annotations: " + flowMap(f.Annotations) + "\n")
		}
	}
	if len(t.Exprs) > 0 {
		b.WriteString("    promql_expr_test:\n")
	}
	for _, e := range t.Exprs {
		b.WriteString("      - expr: " + q(e.Expr) + "\n        eval_time: " + q(dur(e.At)) + "\n")
		if len(e.Samples) == 0 {
			b.WriteString("        exp_samples: []\n")
			continue
		}
		b.WriteString("        exp_samples:\n")
		for _, s := range e.Samples {
			b.WriteString("          - labels: " + q(s.Labels) + "\n            value: " + yamlFloat(s.Value) + "\n")
		}
	}
	return []byte(b.String())
}

// yamlFloat writes a Go float literal as YAML reads it into a float64:
// as it is, or, for the infinities and NaN, which YAML spells apart,
// .inf, -.inf or .nan. It panics on a value that is not a number.
func yamlFloat(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil:
		panic(fmt.Sprintf("promtest: sample value %q is not a number", v))
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case math.IsNaN(f):
		return ".nan"
	}
	return v
}

// flowMap writes a map as a YAML flow mapping with quoted keys and values,
// in key order.
func flowMap(m map[string]string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, promtext.Quote(k)+": "+promtext.Quote(m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// Run writes the test file and runs `promtool test rules` on it, failing
// the test with promtool's output unless every check passes.
//
// A RuleTest that checks nothing — no Alerts and no Exprs, as the zero
// RuleTest — or that names no RuleFile fails the test at once (Fatalf),
// before promtool is looked for: promtool passes a file without checks,
// so such a test would pass having tested nothing.
func (t RuleTest) Run(tb testing.TB) {
	tb.Helper()
	if len(t.Alerts) == 0 && len(t.Exprs) == 0 {
		tb.Fatalf("promtest: the RuleTest of rule file %q checks nothing: give it Alerts or Exprs", t.RuleFile)
		return
	}
	if t.RuleFile == "" {
		tb.Fatalf("promtest: the RuleTest names no RuleFile: give the path of the rule file under test")
		return
	}
	file := WriteFile(tb, "rules_test.yml", t.YAML())
	out, ok := run(tb, "", "test", "rules", file)
	if !ok || !strings.Contains(out, "SUCCESS") {
		tb.Fatalf("promtool test rules failed:\n%s", clip(out, 8000))
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "\n… (" + strconv.Itoa(len(s)-n) + " more bytes)"
}

// Value is one value of an input series, or a missing sample.
type Value struct {
	V       int64
	Missing bool
}

// Values returns vs as present Values.
func Values(vs ...int64) []Value {
	out := make([]Value, len(vs))
	for i, v := range vs {
		out[i] = Value{V: v}
	}
	return out
}

// Notation writes values in promtool's expanding notation, one run per
// arithmetic progression: "0+5x99" for the 100 values 0, 5, …, 495,
// "1x9" for ten ones, "_x3" for three missing samples. promtool reads the
// values as float64, exact for integers up to 2^53.
func Notation(vals []Value) string {
	var parts []string
	for i := 0; i < len(vals); {
		if vals[i].Missing {
			j := i
			for j < len(vals) && vals[j].Missing {
				j++
			}
			if j-i == 1 {
				parts = append(parts, "_")
			} else {
				parts = append(parts, "_x"+strconv.Itoa(j-i))
			}
			i = j
			continue
		}
		// The longest progression from i.
		j := i + 1
		var d int64
		if j < len(vals) && !vals[j].Missing {
			d = vals[j].V - vals[i].V
			for j < len(vals) && !vals[j].Missing && vals[j].V-vals[j-1].V == d {
				j++
			}
		}
		n := j - i - 1 // values after the first
		switch {
		case n == 0:
			parts = append(parts, strconv.FormatInt(vals[i].V, 10))
		case d == 0:
			parts = append(parts, fmt.Sprintf("%dx%d", vals[i].V, n))
		case d > 0:
			parts = append(parts, fmt.Sprintf("%d+%dx%d", vals[i].V, d, n))
		default:
			parts = append(parts, fmt.Sprintf("%d-%dx%d", vals[i].V, -d, n))
		}
		i = j
	}
	return strings.Join(parts, " ")
}

// ScheduleValues returns the n values of the schedule gauge of cal
// (1 open, 0 closed) at start, start+step, …, in Notation: the input
// series that stands for what a promhttp.ScheduleHandler serves, sampled at those
// instants. Because promtool's series start at the Unix epoch, a test
// lays real instants at offsets from start; rules that read the schedule
// as a series never see the difference.
func ScheduleValues(cal *calendar.Calendar, start time.Time, step time.Duration, n int) string {
	vals := make([]Value, n)
	for k := range vals {
		if cal.IsOpen(start.Add(time.Duration(k) * step)) {
			vals[k].V = 1
		}
	}
	return Notation(vals)
}
