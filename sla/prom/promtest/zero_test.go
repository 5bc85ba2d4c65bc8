package promtest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/prom"
)

// failures is a testing.TB that records every failure and skip instead of
// stopping the test; whatever else is asked of it goes to the real test.
type failures struct {
	testing.TB
	failed, skipped []string
}

func (f *failures) Helper()           {}
func (f *failures) Error(args ...any) { f.failed = append(f.failed, fmt.Sprint(args...)) }
func (f *failures) Errorf(s string, args ...any) {
	f.failed = append(f.failed, fmt.Sprintf(s, args...))
}
func (f *failures) Fatal(args ...any) { f.failed = append(f.failed, fmt.Sprint(args...)) }
func (f *failures) Fatalf(s string, args ...any) {
	f.failed = append(f.failed, fmt.Sprintf(s, args...))
}
func (f *failures) Skip(args ...any) { f.skipped = append(f.skipped, fmt.Sprint(args...)) }
func (f *failures) Skipf(s string, args ...any) {
	f.skipped = append(f.skipped, fmt.Sprintf(s, args...))
}

// TestRuleTestChecksNothing: a RuleTest without checks, or without a
// rule file, fails the test once, with a message saying what to give,
// and before promtool is looked for. PATH is empty and the tools are not
// required, so a Run that went on to look for promtool would skip.
func TestRuleTestChecksNothing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(RequireEnv, "")
	series := []InputSeries{{Series: `x{a="1"}`, Values: "1+1x10"}}
	alerts := []AlertCheck{{At: time.Minute, Alert: "A"}}
	exprs := []ExprCheck{{At: time.Minute, Expr: "x"}}
	tests := []struct {
		name string
		test RuleTest
		want string
	}{
		{"zero", RuleTest{}, "checks nothing: give it Alerts or Exprs"},
		{"rule file only", RuleTest{RuleFile: "rules.yml"}, "checks nothing: give it Alerts or Exprs"},
		{"series, no checks", RuleTest{RuleFile: "rules.yml", Interval: time.Minute, Series: series}, "checks nothing: give it Alerts or Exprs"},
		{"alerts, no rule file", RuleTest{Series: series, Alerts: alerts}, "names no RuleFile"},
		{"exprs, no rule file", RuleTest{Series: series, Exprs: exprs}, "names no RuleFile"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &failures{TB: t}
			tc.test.Run(f)
			if len(f.failed) != 1 || !strings.HasPrefix(f.failed[0], "promtest: ") || !strings.Contains(f.failed[0], tc.want) {
				t.Errorf("failures = %q, want one starting \"promtest: \" and saying %q", f.failed, tc.want)
			}
			if len(f.skipped) != 0 {
				t.Errorf("skipped %q: Run looked for promtool", f.skipped)
			}
		})
	}
}

// TestZeroServer: the zero Server has logged nothing, and its Client
// queries fail with an error.
func TestZeroServer(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *Server
	}{{"new(Server)", new(Server)}, {"&Server{}", &Server{}}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.s.Log(); got != "" {
				t.Errorf("Log() = %q, want \"\"", got)
			}
			c := tc.s.Client()
			if c.URL != "" {
				t.Errorf("Client().URL = %q, want \"\"", c.URL)
			}
			g := prom.Grid{Start: time.Unix(0, 0), End: time.Unix(60, 0), Step: time.Minute}
			if _, err := c.QueryRange(context.Background(), "up", g); err == nil {
				t.Error("QueryRange of the zero Server's Client: nil error, want one")
			}
		})
	}
}
