package breach

import (
	"fmt"
	"time"
)

// BusinessClock adds business time to an instant. Add returns the
// earliest u ≥ t such that [t, u) holds d of business time. A
// *calendar.Calendar satisfies it.
type BusinessClock interface {
	Add(t time.Time, d time.Duration) time.Time
}

// Obligation is what a contract asks once a breach is detected: report
// it within ReportWithin and resolve it within ResolveWithin, both
// counted from the instant of detection.
//
// With a nil Calendar the durations are wall time (elapsed real time,
// around the clock). With a Calendar they are business time: the report
// is due at Calendar.Add(detected, ReportWithin), so a breach detected
// on a Friday evening with four business hours to report is due on
// Monday.
//
// The zero value asks for both at the instant of detection, in wall
// time. Obligation is a plain value, safe for concurrent use if its
// Calendar is.
type Obligation struct {
	ReportWithin  time.Duration
	ResolveWithin time.Duration
	Calendar      BusinessClock
}

// Due returns the report and resolution due instants for a breach
// detected at detected, in UTC. Wall-time deadlines saturate at the
// largest instant a ledger can hold (the end of year 9999) rather than
// overflow. It fails, wrapping [ErrInvalid], for a negative duration, or
// when the Calendar returns an instant before detected.
func (ob Obligation) Due(detected time.Time) (report, resolve time.Time, err error) {
	if ob.ReportWithin < 0 {
		return time.Time{}, time.Time{}, fmt.Errorf("breach: obligation: ReportWithin %v: want zero or more: %w", ob.ReportWithin, ErrInvalid)
	}
	if ob.ResolveWithin < 0 {
		return time.Time{}, time.Time{}, fmt.Errorf("breach: obligation: ResolveWithin %v: want zero or more: %w", ob.ResolveWithin, ErrInvalid)
	}
	detected = detected.UTC()
	if report, err = ob.add(detected, ob.ReportWithin, "ReportWithin"); err != nil {
		return time.Time{}, time.Time{}, err
	}
	if resolve, err = ob.add(detected, ob.ResolveWithin, "ResolveWithin"); err != nil {
		return time.Time{}, time.Time{}, err
	}
	return report, resolve, nil
}

// lastInstant returns the latest instant RFC 3339, and so the ledger,
// can write.
func lastInstant() time.Time { return time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC) }

func (ob Obligation) add(t time.Time, d time.Duration, field string) (time.Time, error) {
	var u time.Time
	if ob.Calendar == nil {
		// time.Time.Add cannot overflow for any Duration from a year in
		// 0001–9999; only the ledger's range needs a cap.
		u = t.Add(d)
	} else {
		u = ob.Calendar.Add(t, d).UTC()
		if u.Before(t) {
			return time.Time{}, fmt.Errorf("breach: obligation: %s %v: calendar returned %v, before detection at %v: %w",
				field, d, u.Format(time.RFC3339Nano), t.Format(time.RFC3339Nano), ErrInvalid)
		}
	}
	if last := lastInstant(); u.After(last) {
		u = last
	}
	return u, nil
}
