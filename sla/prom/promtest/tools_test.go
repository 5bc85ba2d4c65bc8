package promtest

import (
	"fmt"
	"strings"
	"testing"
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
