package contract

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/calendar"
)

// Obligations are what a contract asks once a breach is detected: report
// it within ReportWithin and resolve it within ResolveWithin, both
// counted from the instant of detection.
//
// With a nil Calendar the durations are wall time (elapsed real time,
// around the clock). With a Calendar they are business time: the report
// is due at Calendar.Add(detected, ReportWithin), so a breach detected
// on a Friday evening with four business hours to report is due on
// Monday.
//
// The same type serves the contract, which states the obligations, and
// package breach, whose records carry the due instants: it lives here,
// below breach, because imports only point down. The zero value asks for
// both at the instant of detection, in wall time. Obligations is a plain
// value, safe for concurrent use.
type Obligations struct {
	ReportWithin  time.Duration
	ResolveWithin time.Duration
	Calendar      *calendar.Calendar
	// CalendarName is the name of Calendar in the contract's calendars;
	// Parse sets it. Writing JSON finds the name from Calendar itself.
	CalendarName string
}

// Due returns the report and resolution due instants for a breach
// detected at detected, in UTC. Wall-time instants are time.Time.Add of
// the duration, business-time instants Calendar.Add. It fails, wrapping
// ErrContract and ErrRange, for a negative duration, and wrapping
// ErrContract and calendar.ErrZeroCalendar when Calendar is the zero
// calendar.Calendar.
func (o Obligations) Due(detected time.Time) (report, resolve time.Time, err error) {
	if err := o.validate(); err != nil {
		return time.Time{}, time.Time{}, err
	}
	detected = detected.UTC()
	return o.add(detected, o.ReportWithin), o.add(detected, o.ResolveWithin), nil
}

func (o Obligations) add(t time.Time, d time.Duration) time.Time {
	if o.Calendar == nil {
		return t.Add(d)
	}
	return o.Calendar.Add(t, d).UTC()
}

// validate reports a negative duration, or a zero calendar.Calendar,
// whose Add would panic, as a *FieldError with the path of the JSON form.
func (o Obligations) validate() error {
	if isZero(o.Calendar) {
		return zeroCalendar("obligations.calendar")
	}
	if o.ReportWithin < 0 {
		return fieldError("obligations.report_within", ErrRange, fmt.Sprintf("%v is negative", o.ReportWithin))
	}
	if o.ResolveWithin < 0 {
		return fieldError("obligations.resolve_within", ErrRange, fmt.Sprintf("%v is negative", o.ResolveWithin))
	}
	return nil
}
