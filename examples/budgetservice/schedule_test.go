package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// TestSchedulesScrape: a scrape of /metrics/schedules, as Prometheus sends
// it, gets the sample schedule in the text exposition format (version
// 0.0.4): 1 on Tuesday 10 March 2026 at 10:00 in New York (EDT since the
// 8th, so 14:00 UTC), 0 at 18:00 the same day (the schedule closes at
// 18:00) and on Saturday 14 March at noon. The scrapes are not counted as
// requests.
func TestSchedulesScrape(t *testing.T) {
	clock := &fakeClock{}
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, clock.Now)
	schedules, err := loadSchedules(nil)
	require.NoError(t, err)
	require.NoError(t, s.serveSchedules(schedules...))
	h := s.handler(http.HandlerFunc(demo))
	scrape := func(at time.Time) (*http.Response, string) {
		clock.Set(at)
		req := httptest.NewRequest(http.MethodGet, "/metrics/schedules", nil)
		req.Header.Set("Accept", "text/plain;version=0.0.4;q=0.3,*/*;q=0.1")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		resp := rec.Result()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	const head = "# HELP slamath_schedule_open Whether the business schedule is open (1) or closed (0).\n" +
		"# TYPE slamath_schedule_open gauge\n"
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"Tuesday 10:00 EDT", time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC), head + `slamath_schedule_open{schedule="business"} 1` + "\n"},
		{"Tuesday 18:00 EDT", time.Date(2026, 3, 10, 22, 0, 0, 0, time.UTC), head + `slamath_schedule_open{schedule="business"} 0` + "\n"},
		{"Saturday noon", time.Date(2026, 3, 14, 16, 0, 0, 0, time.UTC), head + `slamath_schedule_open{schedule="business"} 0` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := scrape(tc.at)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "text/plain; version=0.0.4; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Equal(t, tc.want, body)
		})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/metrics/schedules", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)

	rep := getSLO(t, h, clock, clock.Now())
	assert.Equal(t, requests{}, rep.Requests, "scrapes are not counted")
}

// TestScheduleFiles: --schedule NAME=FILE serves a calendar file under its
// name, and bad files and names are errors.
func TestScheduleFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	london := write("london.json", `{"zone": "Europe/London", "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}]}`)
	bad := write("bad.json", `{"zone": "Mars/Olympus_Mons", "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}]}`)

	var stderr bytes.Buffer
	cfg, err := parseFlags([]string{"-schedule", "london=" + london, "-schedule", "other=" + london}, &stderr)
	require.NoError(t, err, stderr.String())
	schedules, err := loadSchedules(cfg.schedules)
	require.NoError(t, err)
	clock := &fakeClock{t: time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)} // 10:00 GMT, a Tuesday
	s := newServer(cfg.target, cfg.period, clock.Now)
	require.NoError(t, s.serveSchedules(schedules...))
	rec := httptest.NewRecorder()
	s.handler(http.HandlerFunc(demo)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics/schedules", nil))
	assert.Contains(t, rec.Body.String(), `slamath_schedule_open{schedule="london"} 1`+"\n"+`slamath_schedule_open{schedule="other"} 1`+"\n")

	for _, tc := range []struct {
		name string
		args []string
		want string // in the standard error, or the error of loadSchedules
	}{
		{"no file", []string{"-schedule", "london"}, "want NAME=FILE"},
		{"name twice", []string{"-schedule", "a=" + london, "-schedule", "a=" + london}, `schedule "a" is given twice`},
		{"missing file", []string{"-schedule", "x=" + filepath.Join(dir, "none.json")}, "-schedule x: open"},
		{"bad calendar", []string{"-schedule", "mars=" + bad}, "-schedule mars: " + bad},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			cfg, err := parseFlags(tc.args, &stderr)
			if err != nil {
				assert.Contains(t, stderr.String(), tc.want)
				return
			}
			_, err = loadSchedules(cfg.schedules)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestEndlessScheduleFile: a schedule path that never ends — /dev/zero,
// or a pipe someone keeps writing to — is refused after the size limit
// instead of being read into memory, as the deadline tool's calendar is.
func TestEndlessScheduleFile(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := loadSchedules([]scheduleFile{{name: "zero", path: "/dev/zero"}})
	runtime.ReadMemStats(&after)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-schedule zero: /dev/zero is larger than 1048576 bytes")
	// io.ReadAll grows its buffer to hold limit+1 bytes: a few MiB
	// allocated in all, never the gigabytes /dev/zero would fill.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20))

	// A file of exactly the limit is read (and then refused as a calendar).
	p := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte(" "), maxCalendarFile), 0o644))
	_, err = loadSchedules([]scheduleFile{{name: "big", path: p}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "larger than")
}
