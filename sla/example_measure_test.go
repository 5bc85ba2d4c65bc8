package sla_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// The outage rules of real SLAs, each on the same day of outages. Every
// nanosecond: 6m + 5m10s + 6m01s. Partial minutes: 10:00–10:05 (6),
// 14:00–14:05 (6) and 16:00–16:06 (7). Five consecutive whole minutes:
// 6, none of the 4 whole minutes from 14:00:30, and 6. An hour down above
// 6 minutes: only the hour 16:00.
func ExampleOutageRules() {
	at := func(h, m, s int) time.Time { return time.Date(2026, 3, 2, h, m, s, 0, time.UTC) }
	day := sla.Scope{Period: window.Between(at(0, 0, 0), at(24, 0, 0))}
	down := window.NewSet(
		window.Between(at(10, 0, 0), at(10, 6, 0)),   // 6 minutes of the hour 10:00
		window.Between(at(14, 0, 30), at(14, 5, 40)), // 5m10s from 14:00:30
		window.Between(at(16, 0, 0), at(16, 6, 1)),   // 6m01s of the hour 16:00
	)
	for _, rc := range []struct {
		name  string
		rules sla.OutageRules
	}{
		{"every nanosecond", sla.OutageRules{}},
		{"partial minutes count whole", sla.OutageRules{Minutes: sla.PartialMinutes}},
		{"5 consecutive whole minutes", sla.OutageRules{MinOutage: 5 * time.Minute, Minutes: sla.WholeMinutes, Order: sla.MinutesFirst}},
		{"an hour is down above 6 minutes", sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}}},
	} {
		fmt.Printf("%-32s %v\n", rc.name, sla.MeasureOutages(day, down, rc.rules).Down)
	}
	// Output:
	// every nanosecond                 17m11s
	// partial minutes count whole      19m0s
	// 5 consecutive whole minutes      12m0s
	// an hour is down above 6 minutes  1h0m0s
}

// Requests in minutes: a minute is bad when more than 5% of its requests
// fail, with at least 10 of them; minutes without requests are good.
func ExampleMeasureTimeSlices() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	hour := sla.Scope{Period: window.Between(at(9, 0), at(10, 0))}
	samples := []sla.Sample{
		{At: at(9, 5), Good: 19, Total: 20}, // 5%: not above
		{At: at(9, 6), Good: 18, Total: 19}, // 5.3%: bad
		{At: at(9, 7), Good: 0, Total: 9},   // fewer than 10 requests
	}
	m, err := sla.MeasureTimeSlices(hour, time.Minute, samples, sla.SliceRules{MaxErrors: sla.MustTarget("5%"), MinEvents: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	target := sla.MustTarget("99%")
	when, _ := m.ExhaustedAt(target)
	fmt.Println(m.Ratio(), m.Ratio().Percent(2), "bad slices allowed:", m.Budget(target).Allowed(), "exhausted at", when.Format("15:04"))
	// Output:
	// 59/60 98.33% bad slices allowed: 0 exhausted at 09:06
}
