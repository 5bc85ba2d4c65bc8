package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary values to the flags that take text: whatever
// they hold, the command answers or exits with status 2 and a message on
// standard error, and never panics.
func FuzzRun(f *testing.F) {
	f.Add("99.95%", "2026-03-13T21:00:00-04:00", "8h", "America/New_York")
	f.Add("0.9995", "2026-03-08T02:30:00-05:00", "1ns", "Europe/Berlin")
	f.Add("100%", "0001-01-01T00:00:00Z", "2562047h", "UTC")
	f.Add("99.95", "9999-12-31T23:59:59Z", "-1h", "Mars/Olympus_Mons")
	f.Fuzz(func(t *testing.T, target, start, within, zone string) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-calendar", office, "-start", start, "-within", within,
			"-target", target, "-zone", zone, "-now", "2026-03-16T09:30:00-04:00"}, &stdout, &stderr)
		switch code {
		case 0:
			if !strings.HasPrefix(stdout.String(), "calendar:") || stderr.Len() != 0 {
				t.Fatalf("status 0 with stdout %q, stderr %q", stdout.String(), stderr.String())
			}
		case 2:
			if stderr.Len() == 0 {
				t.Fatal("status 2 without a message")
			}
		default:
			t.Fatalf("status %d, stderr %q", code, stderr.String())
		}
	})
}
