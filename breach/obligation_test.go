package breach

import (
	"errors"
	"testing"
	"time"
)

func TestObligationDue(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	newYork := mustLoad(t, "America/New_York")
	// Weekdays 09:00–17:00 in Berlin; Christmas Day 2026 (a Friday) is a
	// holiday.
	berlinHours := refCalendar{loc: berlin, open: 9, close: 17, holidays: map[string]bool{"2026-12-25": true}}
	// Weekdays 08:00–18:00 in New York.
	newYorkHours := refCalendar{loc: newYork, open: 8, close: 18}

	tests := []struct {
		name                string
		ob                  Obligation
		detected            time.Time
		wantReport, wantRes time.Time
	}{
		{
			// Wall time is elapsed time: 4h and 24h later.
			name:       "wall time",
			ob:         wallDay,
			detected:   time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 27, 19, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC),
		},
		{
			// Saturday 24 October 2026 12:00 CEST is 10:00 UTC. Berlin
			// leaves summer time on Sunday 25 October (03:00 CEST →
			// 02:00 CET), so 24 hours later is 10:00 UTC on Sunday,
			// which the wall clock shows as 11:00 CET: a day is not 24
			// wall-clock hours.
			name:       "wall time across the autumn DST change",
			ob:         Obligation{ReportWithin: 24 * time.Hour, ResolveWithin: 48 * time.Hour},
			detected:   time.Date(2026, 10, 24, 12, 0, 0, 0, berlin),
			wantReport: time.Date(2026, 10, 25, 11, 0, 0, 0, berlin),
			wantRes:    time.Date(2026, 10, 26, 11, 0, 0, 0, berlin),
		},
		{
			// Friday 27 November 2026 15:00 CET (14:00 UTC). Report
			// within 4 business hours: Friday 15–17 is 2h, Saturday and
			// Sunday are closed, Monday 30 November 09–11 is 2h → Monday
			// 11:00 CET = 10:00 UTC. Resolve within 16h: Friday 2h +
			// Monday 8h = 10h, Tuesday 1 December 09–15 is 6h → Tuesday
			// 15:00 CET = 14:00 UTC.
			name:       "business time across a weekend",
			ob:         Obligation{ReportWithin: 4 * time.Hour, ResolveWithin: 16 * time.Hour, Calendar: berlinHours},
			detected:   time.Date(2026, 11, 27, 14, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC),
		},
		{
			// Thursday 24 December 2026 16:00 CET (15:00 UTC). Report
			// within 2 business hours: Thursday 16–17 is 1h; Friday 25
			// is Christmas Day, then the weekend; Monday 28 December
			// 09–10 is the second hour → 10:00 CET = 09:00 UTC. Resolve
			// within 10h: Thursday 1h, Monday 8h, Tuesday 29 09–10 1h →
			// 10:00 CET = 09:00 UTC.
			name:       "business time across a holiday and a weekend",
			ob:         Obligation{ReportWithin: 2 * time.Hour, ResolveWithin: 10 * time.Hour, Calendar: berlinHours},
			detected:   time.Date(2026, 12, 24, 15, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 12, 28, 9, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 12, 29, 9, 0, 0, 0, time.UTC),
		},
		{
			// Friday 23 October 2026 16:00 CEST (UTC+2) is 14:00 UTC.
			// Report within 2 business hours: Friday 16–17 is 1h; over
			// the weekend Berlin falls back to CET (UTC+1); Monday 26
			// 09–10 CET is the second hour → 10:00 CET = 09:00 UTC (not
			// 08:00 UTC, which keeping Friday's offset would give).
			name:       "business time across the autumn DST change (Berlin)",
			ob:         Obligation{ReportWithin: 2 * time.Hour, ResolveWithin: 2 * time.Hour, Calendar: berlinHours},
			detected:   time.Date(2026, 10, 23, 14, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 10, 26, 9, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 10, 26, 9, 0, 0, 0, time.UTC),
		},
		{
			// Friday 6 March 2026 17:00 EST (UTC−5) is 22:00 UTC. Report
			// within 3 business hours: Friday 17–18 is 1h; New York
			// springs forward on Sunday 8 March; Monday 9 March 08–10
			// EDT (UTC−4) is 2h → 10:00 EDT = 14:00 UTC (not 15:00).
			name:       "business time across the spring DST change (New York)",
			ob:         Obligation{ReportWithin: 3 * time.Hour, ResolveWithin: 3 * time.Hour, Calendar: newYorkHours},
			detected:   time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC),
		},
		{
			// A breach detected on Saturday: business time starts on
			// Monday 30 November 09:00 CET; 1h later is 10:00 CET =
			// 09:00 UTC.
			name:       "detected while closed",
			ob:         Obligation{ReportWithin: time.Hour, ResolveWithin: time.Hour, Calendar: berlinHours},
			detected:   time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
		},
		{
			// Within zero means due at detection, whatever the calendar.
			name:       "zero durations",
			ob:         Obligation{Calendar: berlinHours},
			detected:   time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report, resolve, err := tt.ob.Due(tt.detected)
			if err != nil {
				t.Fatalf("Due: %v", err)
			}
			if !report.Equal(tt.wantReport) || report.Location() != time.UTC {
				t.Errorf("report due = %v, want %v in UTC", report, tt.wantReport.UTC())
			}
			if !resolve.Equal(tt.wantRes) || resolve.Location() != time.UTC {
				t.Errorf("resolve due = %v, want %v in UTC", resolve, tt.wantRes.UTC())
			}
			// Open computes the same deadlines for a record detected then.
			f := responseFacts("r")
			f.OccurredAt, f.DetectedAt = tt.detected, tt.detected
			r := mustOpen(t, f, tt.ob)
			if !r.ReportDue().Equal(tt.wantReport) || !r.ResolveDue().Equal(tt.wantRes) {
				t.Errorf("record dues = %v, %v; want %v, %v", r.ReportDue(), r.ResolveDue(), tt.wantReport, tt.wantRes)
			}
		})
	}
}

// backwardsClock is a broken calendar that answers before it was asked.
type backwardsClock struct{}

func (backwardsClock) Add(t time.Time, d time.Duration) time.Time { return t.Add(-time.Hour) }

// farClock answers far beyond the year 9999.
type farClock struct{}

func (farClock) Add(t time.Time, d time.Duration) time.Time {
	return time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func TestObligationDueErrors(t *testing.T) {
	at := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ob   Obligation
	}{
		{"negative ReportWithin", Obligation{ReportWithin: -1, ResolveWithin: time.Hour}},
		{"negative ResolveWithin", Obligation{ReportWithin: time.Hour, ResolveWithin: -time.Hour}},
		{"calendar answers before detection", Obligation{ReportWithin: time.Hour, Calendar: backwardsClock{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.ob.Due(at)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Due error = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestObligationDueSaturates(t *testing.T) {
	// Year 9999 plus a week would leave RFC 3339; the due instant stops at
	// the last instant of 9999.
	last := time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	at := time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC)
	for _, ob := range []Obligation{
		{ReportWithin: 7 * 24 * time.Hour, ResolveWithin: 1<<63 - 1},
		{ReportWithin: time.Hour, ResolveWithin: time.Hour, Calendar: farClock{}},
	} {
		report, resolve, err := ob.Due(at)
		if err != nil {
			t.Fatalf("Due: %v", err)
		}
		if !report.Equal(last) || !resolve.Equal(last) {
			t.Errorf("Due = %v, %v; want both %v", report, resolve, last)
		}
	}
}
