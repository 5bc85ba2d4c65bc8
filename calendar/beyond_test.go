package calendar

import (
	"testing"
	"time"
)

// TestOffsetBeyondLastYear: after 31 December 9999 a calendar reads wall
// clocks at the offset in effect at the end of that day, with no
// daylight-saving changes, as FirstYear's doc says. The stretches of
// tables reach a few years past 9999 and followed the zone's rule there,
// and above them the offset of whatever day they ended on was used: a
// New York calendar open 09:00–17:00 every day opened at 14:00 UTC (EST)
// in January of 9999–10001 and at 13:00 UTC (EDT) all year from 10002.
//
// Expected values: 31 December 9999 is winter in both zones, so New York
// is on EST (UTC−5) and Berlin on CET (UTC+1) then (their rules: DST from
// the second Sunday in March to the first Sunday in November, and from
// the last Sunday in March to the last Sunday in October). So 09:00 is
// 14:00 UTC and 08:00 UTC on every day after 9999, in January and in
// July alike; in July 9999 daylight saving still applies (13:00 and
// 07:00 UTC).
func TestOffsetBeyondLastYear(t *testing.T) {
	for _, tc := range []struct {
		zone       string
		summer9999 int // UTC hour of 09:00 in July 9999
		beyond     int // UTC hour of 09:00 after 9999
	}{
		{"America/New_York", 13, 14},
		{"Europe/Berlin", 7, 8},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			c := mustNew(t, loadZone(t, tc.zone), Weekly(EveryDay, MustSpan("09:00-17:00")))
			check := func(y int, m time.Month, want int) {
				t.Helper()
				got := c.NextOpen(time.Date(y, m, 15, 0, 0, 0, 0, time.UTC)).UTC()
				if got.Hour() != want || got.Day() != 15 {
					t.Errorf("NextOpen on %d-%02d-15 = %v, want %02d:00 UTC that day", y, m, got, want)
				}
			}
			check(9999, time.July, tc.summer9999)
			for _, y := range []int{10000, 10001, 10002, 10003, 12000} {
				check(y, time.January, tc.beyond)
				check(y, time.July, tc.beyond)
			}
			// Every day beyond 9999 has its 8 hours: none is 7 or 9 hours
			// long, as a daylight-saving change would make one.
			for _, y := range []int{10000, 10002, 10003} {
				a := time.Date(y, 1, 1, 12, 0, 0, 0, time.UTC)
				b := time.Date(y+1, 1, 1, 12, 0, 0, 0, time.UTC)
				days := int(b.Sub(a) / (24 * time.Hour))
				if got, want := c.Between(a, b), time.Duration(days)*8*time.Hour; got != want {
					t.Errorf("Between over %d = %v, want %v", y, got, want)
				}
			}
		})
	}
}
