package main

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const office = "testdata/office.json" // New York, Mon–Fri 08:00–17:00, 4 July observed on the nearest weekday

// TestDeadline pins the whole output of the deadline calculator. Every
// figure is derived by hand in the case's comment.
func TestDeadline(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			// FACTS.md, ticket conventions: opened Friday 21:00, checked
			// Monday 09:30, schedule 08:00–17:00 weekdays, 8-hour target:
			// business elapsed 1h30m (18.75%), actual 60h30m. (The week of
			// 13 March 2026 is wholly in EDT.) Due: nothing counts until
			// Monday 08:00, and 8h later is 16:00, before the 17:00 close.
			name: "FACTS ticket, Friday 21:00 to Monday 09:30",
			args: []string{"-calendar", office, "-start", "2026-03-13T21:00:00-04:00", "-within", "8h", "-now", "2026-03-16T09:30:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-03-13T21:00:00-04:00 (Friday)
within:    8h0m0s of business time
due:       2026-03-16T16:00:00-04:00 (Monday)
now:       2026-03-16T09:30:00-04:00 (Monday)
elapsed:   1h30m0s of business time (18.75% of the target), 60h30m0s of wall time
remaining: 6h30m0s of business time
status:    within the target
`,
		},
		{
			// The same ticket a week earlier: New York springs forward on
			// Sunday 8 March 2026, so the weekend loses an hour of wall
			// time (59h30m) but business time is unchanged (1h30m), and
			// the due instant is Monday 16:00 EDT.
			name: "same ticket across the spring DST change",
			args: []string{"-calendar", office, "-start", "2026-03-06T21:00:00-05:00", "-within", "8h", "-now", "2026-03-09T09:30:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-03-06T21:00:00-05:00 (Friday)
within:    8h0m0s of business time
due:       2026-03-09T16:00:00-04:00 (Monday)
now:       2026-03-09T09:30:00-04:00 (Monday)
elapsed:   1h30m0s of business time (18.75% of the target), 59h30m0s of wall time
remaining: 6h30m0s of business time
status:    within the target
`,
		},
		{
			// Monday 16:00 with a 2h target: 1h on Monday (to 17:00), then
			// 1h from Tuesday 08:00, so due Tuesday 09:00. At Tuesday 10:00
			// 1h + 2h = 3h have elapsed: 150% of the target, 1h over.
			name: "breached the next morning",
			args: []string{"-calendar", office, "-start", "2026-03-16T16:00:00-04:00", "-within", "2h", "-now", "2026-03-17T10:00:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-03-16T16:00:00-04:00 (Monday)
within:    2h0m0s of business time
due:       2026-03-17T09:00:00-04:00 (Tuesday)
now:       2026-03-17T10:00:00-04:00 (Tuesday)
elapsed:   3h0m0s of business time (150.00% of the target), 18h0m0s of wall time
remaining: -1h0m0s of business time
status:    breached: more business time than the target has elapsed
`,
		},
		{
			// 4 July 2026 is a Saturday, observed (nearest weekday) on
			// Friday 3 July. Thursday 16:00 + 4h: 1h on Thursday, Friday
			// is off, the weekend is closed, 3h from Monday 08:00 gives
			// 11:00. At Monday 08:00 1h of 4h (25%) has elapsed; wall
			// time Thursday 16:00 to Monday 08:00 is 3 days 16 hours = 88h.
			name: "observed holiday on the Friday",
			args: []string{"-calendar", office, "-start", "2026-07-02T16:00:00-04:00", "-within", "4h", "-now", "2026-07-06T08:00:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-07-02T16:00:00-04:00 (Thursday)
within:    4h0m0s of business time
due:       2026-07-06T11:00:00-04:00 (Monday)
now:       2026-07-06T08:00:00-04:00 (Monday)
elapsed:   1h0m0s of business time (25.00% of the target), 88h0m0s of wall time
remaining: 3h0m0s of business time
status:    within the target
`,
		},
		{
			// Exactly at the due instant the target is used up but not
			// breached: breach needs strictly more than the target.
			name: "exactly at the due instant",
			args: []string{"-calendar", office, "-start", "2026-03-16T16:00:00-04:00", "-within", "2h", "-now", "2026-03-17T09:00:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-03-16T16:00:00-04:00 (Monday)
within:    2h0m0s of business time
due:       2026-03-17T09:00:00-04:00 (Tuesday)
now:       2026-03-17T09:00:00-04:00 (Tuesday)
elapsed:   2h0m0s of business time (100.00% of the target), 17h0m0s of wall time
remaining: 0s of business time
status:    within the target
`,
		},
		{
			name: "now before the start",
			args: []string{"-calendar", office, "-start", "2026-03-16T16:00:00-04:00", "-within", "2h", "-now", "2026-03-16T15:00:00-04:00"},
			want: `calendar:  America/New_York Mon-Fri 08:00-17:00, 1 holiday rule, 0 overrides
start:     2026-03-16T16:00:00-04:00 (Monday)
within:    2h0m0s of business time
due:       2026-03-17T09:00:00-04:00 (Tuesday)
now:       2026-03-16T15:00:00-04:00 (Monday)
elapsed:   none, now is before the start
status:    not started
`,
		},
		{
			// Fixed periods: the 99.95% row of FACTS.md (1, 7, 30, 90 and
			// 365 days: 43.2, 302.4, 1296, 3888, 15768 s).
			// Calendar periods in New York containing 15 March 2026: the day
			// and the week (Mon 9 – Mon 16 March) are after the 8 March
			// change, 24h and 168h; March is 743h (FACTS.md), so
			// 743 × 3600 s × 0.0005 = 1337.4 s; Q1 is 31+28+31 = 90 days less
			// the lost hour, 2159h × 1.8 s = 3886.2 s; 2026 loses and
			// regains an hour, 8760h, 15768 s.
			name: "downtime table at 99.95% in New York",
			args: []string{"-target", "99.95%", "-zone", "America/New_York", "-now", "2026-03-15T12:00:00Z"},
			want: `allowed downtime at 99.95%, fixed periods:
  day      24 hours              43.2s        = 43.2 s
  week     7 days of 24 hours    5m2.4s       = 302.4 s
  month    30 days of 24 hours   21m36s       = 1296 s
  quarter  90 days of 24 hours   1h4m48s      = 3888 s
  year     365 days of 24 hours  4h22m48s     = 15768 s
allowed downtime at 99.95%, calendar periods containing 2026-03-15T08:00:00-04:00 in America/New_York:
  day      2026-03-15 to 2026-03-16 24h        43.2s        = 43.2 s
  week     2026-03-09 to 2026-03-16 168h       5m2.4s       = 302.4 s
  month    2026-03-01 to 2026-04-01 743h       22m17.4s     = 1337.4 s
  quarter  2026-01-01 to 2026-04-01 2159h      1h4m46.2s    = 3886.2 s
  year     2026-01-01 to 2027-01-01 8760h      4h22m48s     = 15768 s
`,
		},
		{
			// Fixed periods: the 99.999% row of FACTS.md (0.864, 6.048,
			// 25.92, 77.76, 315.36 s), with 0.864 s and not the 0.87 s some
			// tables print. Calendar periods in Berlin containing 25 October
			// 2026, the 25-hour day of FACTS.md: 90000 s × 0.00001 = 0.9 s;
			// the week of 19–26 October is 169h, 6.084 s; October 745h,
			// 26.82 s; Q4 is 92 days + 1h = 2209h, 79.524 s; the year 8760h.
			name: "downtime table at 99.999% in Berlin",
			args: []string{"-target", "99.999%", "-zone", "Europe/Berlin", "-now", "2026-10-25T12:00:00Z"},
			want: `allowed downtime at 99.999%, fixed periods:
  day      24 hours              864ms        = 0.864 s
  week     7 days of 24 hours    6.048s       = 6.048 s
  month    30 days of 24 hours   25.92s       = 25.92 s
  quarter  90 days of 24 hours   1m17.76s     = 77.76 s
  year     365 days of 24 hours  5m15.36s     = 315.36 s
allowed downtime at 99.999%, calendar periods containing 2026-10-25T13:00:00+01:00 in Europe/Berlin:
  day      2026-10-25 to 2026-10-26 25h        900ms        = 0.9 s
  week     2026-10-19 to 2026-10-26 169h       6.084s       = 6.084 s
  month    2026-10-01 to 2026-11-01 745h       26.82s       = 26.82 s
  quarter  2026-10-01 to 2027-01-01 2209h      1m19.524s    = 79.524 s
  year     2026-01-01 to 2027-01-01 8760h      5m15.36s     = 315.36 s
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			require.Equal(t, 0, code, "stderr: %s", stderr.String())
			assert.Empty(t, stderr.String())
			if diff := cmp.Diff(tc.want, stdout.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDowntimeFacts checks the fixed-period column against every row of
// the allowed-downtime table in FACTS.md (1, 7, 30, 90 and 365 days).
func TestDowntimeFacts(t *testing.T) {
	tests := []struct {
		target string
		want   [5]string
	}{
		{"99%", [5]string{"864 s", "6048 s", "25920 s", "77760 s", "315360 s"}},
		{"99.5%", [5]string{"432 s", "3024 s", "12960 s", "38880 s", "157680 s"}},
		{"99.9%", [5]string{"86.4 s", "604.8 s", "2592 s", "7776 s", "31536 s"}},
		{"99.95%", [5]string{"43.2 s", "302.4 s", "1296 s", "3888 s", "15768 s"}},
		{"99.99%", [5]string{"8.64 s", "60.48 s", "259.2 s", "777.6 s", "3153.6 s"}},
		{"99.999%", [5]string{"0.864 s", "6.048 s", "25.92 s", "77.76 s", "315.36 s"}},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"-target", tc.target, "-now", "2026-01-15T00:00:00Z"}, &stdout, &stderr)
			require.Equal(t, 0, code, "stderr: %s", stderr.String())
			lines := strings.Split(stdout.String(), "\n")
			require.Greater(t, len(lines), 6)
			var got [5]string
			for i := range got {
				_, got[i], _ = strings.Cut(lines[1+i], "= ")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("fixed-period allowances (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultNow checks that without -now the command measures at the
// current time, here an injected one.
func TestDefaultNow(t *testing.T) {
	now := time.Date(2026, 3, 16, 13, 30, 0, 0, time.UTC) // Monday 09:30 EDT
	var stdout, stderr bytes.Buffer
	code := execute([]string{"-calendar", office, "-start", "2026-03-13T21:00:00-04:00", "-within", "8h"},
		&stdout, &stderr, func() time.Time { return now })
	require.Equal(t, 0, code, "stderr: %s", stderr.String())
	assert.Contains(t, stdout.String(), "now:       2026-03-16T09:30:00-04:00 (Monday)\n")
	assert.Contains(t, stdout.String(), "elapsed:   1h30m0s of business time (18.75% of the target)")
}

// TestErrors checks that bad input exits with status 2 and a message
// that names the flag or the file.
func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // substrings of the standard error
	}{
		{"no question asked", nil, []string{"nothing to do"}},
		{"missing calendar file", []string{"-calendar", "testdata/missing.json", "-start", "2026-03-13T21:00:00Z", "-within", "8h"},
			[]string{"-calendar", "testdata/missing.json"}},
		{"invalid calendar", []string{"-calendar", "testdata/overlap.json", "-start", "2026-03-13T21:00:00Z", "-within", "8h"},
			[]string{"-calendar testdata/overlap.json", "hours[0].spans[1]", "overlap"}},
		{"not JSON", []string{"-calendar", "doc.go", "-start", "2026-03-13T21:00:00Z", "-within", "8h"},
			[]string{"-calendar doc.go"}},
		{"start missing", []string{"-calendar", office, "-within", "8h"},
			[]string{"deadline: -start is needed with -calendar and -within: a deadline takes -calendar, -start and -within\n"}},
		{"within missing", []string{"-calendar", office, "-start", "2026-03-13T21:00:00Z"},
			[]string{"deadline: -within is needed with -calendar and -start:"}},
		{"calendar and start missing", []string{"-within", "8h"},
			[]string{"deadline: -calendar and -start are needed with -within:"}},
		{"start in year 0", []string{"-calendar", office, "-start", "0000-06-01T00:00:00Z", "-within", "8h"},
			[]string{"deadline: -start: 0000-06-01T00:00:00Z is in year 0 (UTC), outside years 1-9999\n"}},
		{"now in year 0", []string{"-target", "99.9%", "-now", "0000-12-31T23:00:00Z"},
			[]string{"deadline: -now: 0000-12-31T23:00:00Z is in year 0 (UTC), outside years 1-9999\n"}},
		{"start not RFC 3339", []string{"-calendar", office, "-start", "13/03/2026", "-within", "8h"}, []string{"-start", "13/03/2026"}},
		{"within not positive", []string{"-calendar", office, "-start", "2026-03-13T21:00:00Z", "-within", "-1h"}, []string{"-within -1h0m0s"}},
		{"within not a duration", []string{"-calendar", office, "-start", "2026-03-13T21:00:00Z", "-within", "8"}, []string{"-within"}},
		{"target without percent sign", []string{"-target", "99.95"}, []string{"-target", `"99.95"`}},
		{"target above 100%", []string{"-target", "100.1%"}, []string{"-target", "100.1%"}},
		{"unknown zone", []string{"-target", "99.9%", "-zone", "Mars/Olympus_Mons"}, []string{"-zone", "Mars/Olympus_Mons"}},
		{"bad now", []string{"-target", "99.9%", "-now", "now"}, []string{"-now"}},
		{"stray argument", []string{"-target", "99.9%", "extra"}, []string{`unexpected argument "extra"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, 2, code)
			assert.Empty(t, stdout.String())
			for _, w := range tc.want {
				assert.Contains(t, stderr.String(), w)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "usage: deadline")
}

// TestEndlessCalendarFile pins that a calendar path that never ends —
// /dev/zero, or a pipe someone keeps writing to — is refused after the
// size limit, with exit status 2, instead of being read into memory.
func TestEndlessCalendarFile(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var stdout, stderr bytes.Buffer
	code := run([]string{"-calendar", "/dev/zero", "-start", "2026-03-13T21:00:00Z", "-within", "8h"}, &stdout, &stderr)
	runtime.ReadMemStats(&after)
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "/dev/zero: larger than 1048576 bytes")
	// Reading stops at the limit: io.ReadAll grows its buffer to hold
	// limit+1 bytes, a few MiB allocated in all, never the gigabytes an
	// unbounded read of /dev/zero would take.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20))
}
