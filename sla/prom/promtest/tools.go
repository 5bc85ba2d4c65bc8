package promtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv is the environment variable that turns a missing tool from
// a skipped test into a failed one when set to 1.
const RequireEnv = "SLAMATH_REQUIRE_TOOLS"

// lookTool returns the path of a binary of the prometheus package, or
// skips (fails, with RequireEnv=1) the test.
func lookTool(tb testing.TB, name string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " not found on PATH; install it with `apt-get install prometheus` (Debian, Ubuntu) to run this test"
	if os.Getenv(RequireEnv) == "1" {
		tb.Fatalf("%s (%s=1 requires it)", msg, RequireEnv)
		return ""
	}
	tb.Skip(msg)
	return ""
}

// Promtool returns the path of promtool, or skips the test (fails it with
// SLAMATH_REQUIRE_TOOLS=1) with a message that says how to install it.
func Promtool(tb testing.TB) string {
	tb.Helper()
	return lookTool(tb, "promtool")
}

// PrometheusBinary returns the path of prometheus, like Promtool.
func PrometheusBinary(tb testing.TB) string {
	tb.Helper()
	return lookTool(tb, "prometheus")
}

// run runs promtool with args and returns its combined output and
// whether it exited with status 0.
func run(tb testing.TB, dir string, args ...string) (string, bool) {
	tb.Helper()
	out, ok, err := runTool(Promtool(tb), dir, args...)
	if err != nil {
		tb.Fatalf("promtool %v: %v", args, err)
	}
	return out, ok
}

// runTool runs a binary and returns its combined output, whether it
// exited with status 0, and an error if it could not be run at all. It is
// safe to call from any goroutine.
func runTool(bin, dir string, args ...string) (string, bool, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		return "", false, err
	}
	return out.String(), err == nil, nil
}

// CheckRules runs `promtool check rules` on the rule file and fails the
// test unless promtool reports success. It returns promtool's output.
func CheckRules(tb testing.TB, file string) string {
	tb.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		tb.Fatal(err)
	}
	out, ok := run(tb, "", "check", "rules", abs)
	if !ok || !bytes.Contains([]byte(out), []byte("SUCCESS")) {
		tb.Fatalf("promtool check rules %s failed:\n%s", file, out)
	}
	return out
}

// WriteFile writes data to a file named name in a new temporary directory
// of the test and returns its path.
func WriteFile(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
