package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/contract"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not available: %v", name, err)
	}
	return loc
}

func TestObligationsDue(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	newYork := mustLoad(t, "America/New_York")
	// Weekdays 09:00–17:00 in Berlin; Christmas Day 2026 (a Friday) is a
	// holiday.
	berlinHours, err := calendar.New(berlin,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)))
	require.NoError(t, err)
	// Weekdays 08:00–18:00 in New York.
	newYorkHours, err := calendar.New(newYork, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
	require.NoError(t, err)

	tests := []struct {
		name                string
		ob                  contract.Obligations
		detected            time.Time
		wantReport, wantRes time.Time
	}{
		{
			// Wall time is elapsed time: 4h and 24h later.
			name:       "wall time",
			ob:         contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 24 * time.Hour},
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
			ob:         contract.Obligations{ReportWithin: 24 * time.Hour, ResolveWithin: 48 * time.Hour},
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
			ob:         contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 16 * time.Hour, Calendar: berlinHours},
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
			ob:         contract.Obligations{ReportWithin: 2 * time.Hour, ResolveWithin: 10 * time.Hour, Calendar: berlinHours},
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
			ob:         contract.Obligations{ReportWithin: 2 * time.Hour, ResolveWithin: 2 * time.Hour, Calendar: berlinHours},
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
			ob:         contract.Obligations{ReportWithin: 3 * time.Hour, ResolveWithin: 3 * time.Hour, Calendar: newYorkHours},
			detected:   time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC),
		},
		{
			// A breach detected on Saturday: business time starts on
			// Monday 30 November 09:00 CET; 1h later is 10:00 CET =
			// 09:00 UTC.
			name:       "detected while closed",
			ob:         contract.Obligations{ReportWithin: time.Hour, ResolveWithin: time.Hour, Calendar: berlinHours},
			detected:   time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
		},
		{
			// Within zero means due at detection, whatever the calendar.
			name:       "zero durations",
			ob:         contract.Obligations{Calendar: berlinHours},
			detected:   time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantReport: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
			wantRes:    time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report, resolve, err := tt.ob.Due(tt.detected)
			require.NoError(t, err)
			if !report.Equal(tt.wantReport) || report.Location() != time.UTC {
				t.Errorf("report due = %v, want %v in UTC", report, tt.wantReport.UTC())
			}
			if !resolve.Equal(tt.wantRes) || resolve.Location() != time.UTC {
				t.Errorf("resolve due = %v, want %v in UTC", resolve, tt.wantRes.UTC())
			}
		})
	}
}

func TestObligationsDueErrors(t *testing.T) {
	at := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ob   contract.Obligations
		path string
	}{
		{"negative ReportWithin", contract.Obligations{ReportWithin: -1, ResolveWithin: time.Hour}, "obligations.report_within"},
		{"negative ResolveWithin", contract.Obligations{ReportWithin: time.Hour, ResolveWithin: -time.Hour}, "obligations.resolve_within"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.ob.Due(at)
			var fe *contract.FieldError
			require.ErrorAs(t, err, &fe)
			if fe.Path != tt.path || !errors.Is(err, contract.ErrContract) || !errors.Is(err, contract.ErrRange) {
				t.Fatalf("Due error = %v (path %q), want ErrContract and ErrRange at %s", err, fe.Path, tt.path)
			}
		})
	}
}
