package breach

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/contract"
)

// TestOpenDue: a record's due instants are those of its obligations
// (contract.Obligations.Due, whose known answers sla/contract pins), in
// wall time and in business time.
func TestOpenDue(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	hours, err := calendar.New(berlin, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name                string
		ob                  contract.Obligations
		detected            time.Time
		wantReport, wantRes time.Time
	}{
		// Wall time: 4h and 24h after Friday 27 November 2026 15:00 UTC.
		{"wall time", wallDay, time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 27, 19, 0, 0, 0, time.UTC), time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)},
		// Friday 27 November 2026 15:00 CET: Friday 15–17 is 2h, Monday
		// 30 November 09–11 the other 2h → 11:00 CET = 10:00 UTC; 16h
		// runs on to Tuesday 1 December 15:00 CET = 14:00 UTC.
		{"business time across a weekend", contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 16 * time.Hour, Calendar: hours},
			time.Date(2026, 11, 27, 14, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := responseFacts("r")
			f.OccurredAt, f.DetectedAt = tt.detected, tt.detected
			r := mustOpen(t, f, tt.ob)
			if !r.ReportDue().Equal(tt.wantReport) || !r.ResolveDue().Equal(tt.wantRes) {
				t.Errorf("record dues = %v, %v; want %v, %v", r.ReportDue(), r.ResolveDue(), tt.wantReport, tt.wantRes)
			}
			report, resolve, err := tt.ob.Due(tt.detected)
			if err != nil || !report.Equal(r.ReportDue()) || !resolve.Equal(r.ResolveDue()) {
				t.Errorf("Due = %v, %v, %v; the record has %v, %v", report, resolve, err, r.ReportDue(), r.ResolveDue())
			}
		})
	}
}

func TestOpenDueErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		ob   contract.Obligations
	}{
		{"negative ReportWithin", contract.Obligations{ReportWithin: -1, ResolveWithin: time.Hour}},
		{"negative ResolveWithin", contract.Obligations{ReportWithin: time.Hour, ResolveWithin: -time.Hour}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(availabilityFacts("b-1"), tt.ob)
			if !errors.Is(err, ErrInvalid) || !errors.Is(err, contract.ErrContract) {
				t.Fatalf("Open error = %v, want ErrInvalid and contract.ErrContract", err)
			}
		})
	}
}

// TestOpenDueSaturates: year 9999 plus a week would leave RFC 3339; the
// due instants stop at the last instant of 9999, in wall time and in
// business time.
func TestOpenDueSaturates(t *testing.T) {
	last := time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	at := time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC)
	always := calendar.Always(time.UTC)
	for _, ob := range []contract.Obligations{
		{ReportWithin: 7 * 24 * time.Hour, ResolveWithin: 1<<63 - 1},
		{ReportWithin: 7 * 24 * time.Hour, ResolveWithin: 7 * 24 * time.Hour, Calendar: always},
	} {
		f := responseFacts("r")
		f.OccurredAt, f.DetectedAt = at, at
		r := mustOpen(t, f, ob)
		if !r.ReportDue().Equal(last) || !r.ResolveDue().Equal(last) {
			t.Errorf("dues = %v, %v; want both %v", r.ReportDue(), r.ResolveDue(), last)
		}
	}
}

// TestOpenZeroCalendar: obligations in the business time of a zero
// calendar.Calendar are an error (they used to make Open loop forever).
func TestOpenZeroCalendar(t *testing.T) {
	ob := contract.Obligations{ReportWithin: time.Hour, ResolveWithin: 4 * time.Hour, Calendar: &calendar.Calendar{}}
	_, err := Open(availabilityFacts("b-1"), ob)
	for _, want := range []error{ErrInvalid, contract.ErrContract, calendar.ErrZeroCalendar} {
		if !errors.Is(err, want) {
			t.Errorf("Open error = %v, want it to wrap %v", err, want)
		}
	}
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Open(availabilityFacts("b-1"), ob)
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, calendar.ErrZeroCalendar) {
		t.Errorf("Ledger.Open error = %v, want ErrInvalid and calendar.ErrZeroCalendar", err)
	}
	if n := len(l.Records()); n != 0 || buf.Len() != 0 {
		t.Errorf("the ledger holds %d records and wrote %d bytes after a refused Open, want none", n, buf.Len())
	}
}
