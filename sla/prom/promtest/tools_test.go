package promtest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/prom"
)

// recorder is a testing.TB that records Skip and Fatal instead of
// stopping the test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Skip(args ...any)             { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Fatalf(f string, args ...any) { r.failed = fmt.Sprintf(f, args...) }

// TestMissingTool: without the tool a test skips and says how to install
// it; with SLAMATH_REQUIRE_TOOLS=1 it fails instead.
func TestMissingTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, tc := range []struct {
		env           string
		skip, failure bool
	}{{"", true, false}, {"0", true, false}, {"1", false, true}} {
		t.Setenv(RequireEnv, tc.env)
		r := &recorder{TB: t}
		if got := Promtool(r); got != "" {
			t.Fatalf("found %q on an empty PATH", got)
		}
		if (r.skipped != "") != tc.skip || (r.failed != "") != tc.failure {
			t.Fatalf("%s=%q: skipped %q, failed %q", RequireEnv, tc.env, r.skipped, r.failed)
		}
		msg := r.skipped + r.failed
		if !strings.Contains(msg, "apt-get install prometheus") {
			t.Fatalf("message %q does not say how to install it", msg)
		}
	}
}

func TestNotation(t *testing.T) {
	for _, tc := range []struct {
		vals []Value
		want string
	}{
		{Values(0, 5, 10, 15), "0+5x3"},
		{Values(1, 1, 1), "1x2"},
		{Values(3, 1, -1), "3-2x2"},
		{Values(7), "7"},
		{append(Values(0, 1), Value{Missing: true}, Value{Missing: true}, Value{V: 9}), "0+1x1 _x2 9"},
		{[]Value{{Missing: true}, {V: 4}, {V: 4}}, "_ 4x1"},
		{Values(0, 10, 5, 15), "0+10x1 5+10x1"},
	} {
		if got := Notation(tc.vals); got != tc.want {
			t.Errorf("Notation(%v) = %q, want %q", tc.vals, got, tc.want)
		}
	}
}

func TestOpenMetrics(t *testing.T) {
	s := prom.Series{
		Metric: map[string]string{"__name__": "up", "job": "a\"b\\c\nd", "env": "é"},
		Points: []prom.Point{{T: time.UnixMilli(1772323200500), Value: "1"}, {T: time.UnixMilli(1772323260000), Value: "0"}},
	}
	want := "up{env=\"é\",job=\"a\\\"b\\\\c\\nd\"} 1 1772323200.500\n" +
		"up{env=\"é\",job=\"a\\\"b\\\\c\\nd\"} 0 1772323260.000\n" +
		"# EOF\n"
	if got := string(OpenMetrics(s)); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestScheduleValues(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.New(ny, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
	if err != nil {
		t.Fatal(err)
	}
	// Four minutes from each start. Friday 6 March 2026 is EST (UTC−5):
	// the desk opens at 13:00 UTC, so 12:58 and 12:59 are closed and 13:00
	// and 13:01 open. Monday 9 March is EDT (UTC−4): it opens at 12:00 UTC.
	for _, tc := range []struct {
		start time.Time
		want  string
	}{
		{time.Date(2026, 3, 6, 12, 58, 0, 0, time.UTC), "0x1 1x1"},
		{time.Date(2026, 3, 9, 11, 58, 0, 0, time.UTC), "0x1 1x1"},
		{time.Date(2026, 3, 9, 12, 58, 0, 0, time.UTC), "1x3"},
	} {
		if got := ScheduleValues(cal, tc.start, time.Minute, 4); got != tc.want {
			t.Errorf("ScheduleValues(%s) = %q, want %q", tc.start, got, tc.want)
		}
	}
}

// TestRuleTestExprs runs a RuleTest with expression checks through
// promtool: a recording rule over an input series.
func TestRuleTestExprs(t *testing.T) {
	rules := WriteFile(t, "rules.yml", []byte("groups:\n  - name: \"g\"\n    rules:\n      - record: \"job:x:sum\"\n        expr: \"sum(x)\"\n"))
	RuleTest{
		RuleFile: rules,
		Series:   []InputSeries{{Series: `x{a="1"}`, Values: "1+1x10"}, {Series: `x{a="2"}`, Values: Notation(Values(5, 5, 5))}},
		Exprs: []ExprCheck{
			{At: 2 * time.Minute, Expr: "job:x:sum", Samples: []Sample{{Labels: `job:x:sum`, Value: "8"}}},
			{At: 2 * time.Minute, Expr: `x{a="3"}`},
			// 1/0 and −1/0 in PromQL are the float64 infinities.
			{At: 2 * time.Minute, Expr: `x{a="2"} / 0`, Samples: []Sample{{Labels: `{a="2"}`, Value: "+Inf"}}},
			{At: 2 * time.Minute, Expr: `-x{a="2"} / 0`, Samples: []Sample{{Labels: `{a="2"}`, Value: "-Inf"}}},
		},
	}.Run(t)
}

func TestYAMLFloat(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"8", "8"}, {"0.5", "0.5"}, {"-1e-3", "-1e-3"},
		{"+Inf", ".inf"}, {"Inf", ".inf"}, {"-Inf", "-.inf"}, {"NaN", ".nan"},
	} {
		if got := yamlFloat(tc.in); got != tc.want {
			t.Errorf("yamlFloat(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
