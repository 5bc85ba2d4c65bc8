//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestManyTicketsStayNearTheirSize runs the quickstart, as a process of
// its own, on 200,000 tickets of three events each (a CSV file of about
// 24 MB) and checks that its peak resident memory, as the kernel counts
// it (VmHWM of /proc/self/status, read by the process itself: the
// rusage of a child started from this process would count this
// process's memory too), stays under 200 MB. The time it takes is
// logged, not asserted: BENCHMARKS.md records it.
func TestManyTicketsStayNearTheirSize(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("measures memory; not under the race detector or -short")
	}
	if os.Getenv("QUICKSTART_HELPER") != "" {
		t.Skip("the helper process does not run it again")
	}
	path := filepath.Join(t.TempDir(), "tickets.csv")
	data := manyTickets(200_000)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	hwm := filepath.Join(t.TempDir(), "hwm")
	cmd := exec.Command(os.Args[0], "-test.run=^TestQuickstartHelper$", "--", "--tickets", path, "--period", "2026-03")
	cmd.Env = append(os.Environ(), "QUICKSTART_HELPER="+hwm)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	require.NoError(t, cmd.Run(), "stderr: %s", stderr.String())
	elapsed := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	text, err := os.ReadFile(hwm)
	require.NoError(t, err)
	kb, err := strconv.ParseInt(strings.TrimSpace(string(text)), 10, 64)
	require.NoError(t, err)
	peak := kb * 1024
	t.Logf("200,000 tickets (%d bytes): peak RSS %.1f MB, %v wall, %v user", len(data), float64(peak)/1e6, elapsed.Round(time.Millisecond),
		time.Duration(ru.Utime.Nano()).Round(time.Millisecond))
	require.Contains(t, stdout.String(), `Response term "tickets": 200000 tickets`)
	require.Less(t, peak, int64(200e6), "peak resident memory")
}

// TestQuickstartHelper is the quickstart itself, run by
// TestManyTicketsStayNearTheirSize as a process of its own with the
// arguments after "--".
func TestQuickstartHelper(t *testing.T) {
	if os.Getenv("QUICKSTART_HELPER") == "" {
		t.Skip("run by TestManyTicketsStayNearTheirSize")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	code := run(args, os.Stdout, os.Stderr)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			if err := os.WriteFile(os.Getenv("QUICKSTART_HELPER"), []byte(strings.TrimSuffix(strings.TrimSpace(v), " kB")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	os.Exit(code)
}
