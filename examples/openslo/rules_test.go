package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
)

const rulesGolden = "testdata/rules.golden.yml"

// The sample's rules, whole, and accepted by promtool.
func TestSampleRules(t *testing.T) {
	code, out, errOut := runArgs(t, "--rules", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if *update {
		if err := os.WriteFile(rulesGolden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(rulesGolden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("rules differ from %s; run go test -update and read the diff\n%s", rulesGolden, out)
	}
	// Skips without promtool, and fails with SLAMATH_REQUIRE_TOOLS=1.
	promtest.CheckRules(t, rulesGolden)
}

// Every threshold of the sample's rules is the exact error ratio at which
// a rule's windows burn at its threshold, burn × (1 − target), with the
// burns of data/slos.yaml (14.4 and 6 for the pages, 3 and 1 for the
// tickets, written as thresholds, whatever the period):
//
//	99.9%  (budget 0.001):  0.0144, 0.006, 0.003, 0.001
//	99.95% (budget 0.0005): 0.0072, 0.003, 0.0015, 0.0005
func TestSampleRuleThresholds(t *testing.T) {
	data, err := os.ReadFile(rulesGolden)
	if err != nil {
		t.Fatal(err)
	}
	alert := regexp.MustCompile(`- alert: "ErrorBudgetBurn"\n\s+expr: "(.*)"\n`)
	threshold := regexp.MustCompile(`> ([0-9.]+)`)
	var got [][]string
	for _, expr := range alert.FindAllStringSubmatch(string(data), -1) {
		var ths []string
		for _, m := range threshold.FindAllStringSubmatch(expr[1], -1) {
			if !slices.Contains(ths, m[1]) {
				ths = append(ths, m[1])
			}
		}
		got = append(got, ths)
	}
	want := [][]string{
		{"0.0144", "0.006"}, {"0.003", "0.001"}, // 99.9%: page, ticket
		{"0.0072", "0.003"}, {"0.0015", "0.0005"}, // 99.95%: page, ticket
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("thresholds per alert (-want +got):\n%s", diff)
	}
	// The calendar month of the sample, March 2026 in New York, is 743
	// hours: 30 days and 23 hours.
	if !strings.Contains(string(data), `record: "`+prom.ErrorRatioRecord(743*60*60*1e9)+`"`) || prom.ErrorRatioRecord(743*60*60*1e9) != "slo:sli_error:ratio_rate30d23h" {
		t.Errorf("no error ratio over the 743-hour month in the rules")
	}
}

// --rules with a file writes the rules there and the report to stdout.
func TestRulesToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yml")
	code, out, errOut := runArgs(t, "--rules", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "SLOs from the embedded sample") {
		t.Errorf("stdout does not hold the report:\n%s", out)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(rulesGolden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from %s", path, rulesGolden)
	}
	code, _, errOut = runArgs(t, "--rules", filepath.Join(t.TempDir(), "no", "such", "dir", "rules.yml"))
	if code != exitUsage || !strings.Contains(errOut, "openslo: rules:") {
		t.Errorf("unwritable file: exit %d, %q", code, errOut)
	}
}

// What has no rule form is said in the file's header, with the reason.
func TestRulesSkipped(t *testing.T) {
	head := `apiVersion: openslo/v1
kind: SLO
metadata: {name: x}
spec:
  service: s
  timeWindow: [{duration: 28d, isRolling: true}]
  budgetingMethod: Occurrences
  indicator:
    metadata: {name: i}
    spec:
`
	tests := []struct{ name, sli, why string }{
		{"threshold metric", "      thresholdMetric: {metricSource: {type: Prometheus, spec: {query: latency}}}\n  objectives: [{target: 0.999, op: lte, value: 0.3}]\n",
			"x: no rules: its SLI is not a ratio metric"},
		{"good over total", "      ratioMetric: {counter: true, good: {metricSource: {type: Prometheus, spec: {query: ok_total}}}, total: {metricSource: {type: Prometheus, spec: {query: all_total}}}}\n  objectives: [{target: 0.999}]\n",
			"its ratio metric is not bad/total"},
		{"gauges", "      ratioMetric: {counter: false, bad: {metricSource: {type: Prometheus, spec: {query: bad}}}, total: {metricSource: {type: Prometheus, spec: {query: all}}}}\n  objectives: [{target: 0.999}]\n",
			"not of counters"},
		{"another data source", "      ratioMetric: {counter: true, bad: {metricSource: {type: Datadog, spec: {query: bad}}}, total: {metricSource: {type: Datadog, spec: {query: all}}}}\n  objectives: [{target: 0.999}]\n",
			`of type "Datadog", not Prometheus`},
		{"a query with a function", "      ratioMetric: {counter: true, bad: {metricSource: {type: Prometheus, spec: {query: 'sum(errors_total)'}}}, total: {metricSource: {type: Prometheus, spec: {query: all_total}}}}\n  objectives: [{target: 0.999}]\n",
			`query "sum(errors_total)" is not a plain selector`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "slo.yaml")
			if err := os.WriteFile(path, []byte(head+tc.sli), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runArgs(t, "--slo", path, "--at", "2026-03-20T12:00:00Z", "--rules", "-")
			if code != exitOK || !strings.Contains(out, tc.why) || !strings.Contains(out, "groups: []") {
				t.Errorf("exit %d, stderr %q, rules:\n%s\nwant %q", code, errOut, out, tc.why)
			}
		})
	}
}

func TestParseSelector(t *testing.T) {
	tests := []struct {
		in   string
		want prom.Selector
		err  string
	}{
		{in: `up`, want: prom.Selector{Metric: "up"}},
		{in: ` http_requests_total{job="checkout", code=~"5.."} `, want: prom.Selector{Metric: "http_requests_total", Matchers: []prom.Matcher{
			{Label: "job", Op: prom.Equal, Value: "checkout"}, {Label: "code", Op: prom.Regexp, Value: "5.."}}}},
		{in: `job:errors:rate5m{a!="x",b!~"y",}`, want: prom.Selector{Metric: "job:errors:rate5m", Matchers: []prom.Matcher{
			{Label: "a", Op: prom.NotEqual, Value: "x"}, {Label: "b", Op: prom.NotRegexp, Value: "y"}}}},
		{in: `{__name__="up", path="a\"b\\c"}`, want: prom.Selector{Matchers: []prom.Matcher{
			{Label: "__name__", Op: prom.Equal, Value: "up"}, {Label: "path", Op: prom.Equal, Value: `a"b\c`}}}},
		{in: "x{re=`\\d+`}", want: prom.Selector{Metric: "x", Matchers: []prom.Matcher{{Label: "re", Op: prom.Equal, Value: `\d+`}}}},
		{in: `x{}`, want: prom.Selector{Metric: "x"}},
		{in: ``, err: "no metric name and no matchers"},
		{in: `sum(x)`, err: `unexpected "("`},
		{in: `rate(x[5m])`, err: `unexpected "("`},
		{in: `x[5m]`, err: `unexpected "["`},
		{in: `x{job='a'}`, err: "want a double-quoted value"},
		{in: `x{job="a"`, err: "want , or }"},
		{in: `x{job="a}`, err: "unterminated value"},
		{in: `x{1job="a"}`, err: "want a label name"},
		{in: `x{job=="a"}`, err: "want a double-quoted value"},
		{in: `x{job<"a"}`, err: "want =, !=, =~ or !~"},
		{in: `x y`, err: `unexpected "y"`},
		{in: `9x`, err: `unexpected "9"`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseSelector(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseSelector: no input makes parseSelector panic, and whatever it
// reads, written back by prom.Selector.String, reads back the same.
func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{`up`, `http_requests_total{job="checkout",code=~"5.."}`, `{__name__="x"}`, "x{a=`b`}", `x{a="\u00e9\n"}`, `sum(x)`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		sel, err := parseSelector(q)
		if err != nil {
			return
		}
		back, err := parseSelector(sel.String())
		if err != nil {
			t.Fatalf("%q read as %v, whose text %q does not read: %v", q, sel, sel.String(), err)
		}
		if diff := cmp.Diff(sel, back); diff != "" {
			t.Fatalf("%q: read, written, read again (-first +second):\n%s", q, diff)
		}
	})
}
