package ticket

import (
	"testing"
	"time"
)

// rcMonthOfEvents returns 20 events over March 2026: a start on Monday the
// 2nd at 09:00, nine pauses and resumes every three days, and a stop
// on the 30th.
func rcMonthOfEvents() []ClockEvent {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	events := []ClockEvent{{ClockStart, at}}
	for range 9 {
		at = at.Add(60 * time.Hour)
		events = append(events, ClockEvent{ClockPause, at})
		at = at.Add(12 * time.Hour)
		events = append(events, ClockEvent{ClockResume, at})
	}
	return append(events, ClockEvent{ClockStop, time.Date(2026, 3, 30, 12, 0, 0, 0, time.UTC)})
}

func BenchmarkClockStatus(b *testing.B) {
	events := rcMonthOfEvents()
	now := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, bc := range []struct {
		name  string
		sched Schedule
	}{
		{"wall", WallTime{}},
		{"weekdays", rcWeekdayHours{open: 9 * time.Hour, close: 17 * time.Hour}},
	} {
		c := Clock{Target: 40 * time.Hour, Schedule: bc.sched}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Status(events, now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestClockStatusAllocs pins what Status documents: it allocates the
// cycles and, per cycle that crossed a level, its warnings, nothing else.
func TestClockStatusAllocs(t *testing.T) {
	events := rcMonthOfEvents()
	now := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	c := Clock{Target: 40 * time.Hour, Schedule: rcWeekdayHours{open: 9 * time.Hour, close: 17 * time.Hour}}
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := c.Status(events, now); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 2 { // one cycle, one warnings slice
		t.Errorf("Status allocates %v times, want 2", allocs)
	}
}
