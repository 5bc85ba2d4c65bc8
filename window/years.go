package window

import (
	"errors"
	"fmt"
	"time"
)

// ErrYearRange is wrapped by errors for an instant outside the years
// that "Years" in the package doc allows.
var ErrYearRange = errors.New("outside years 1-9999")

// The bounds of the package doc's "Years" rule, in seconds since the Unix
// epoch: 0001-01-01T00:00:00Z, the first instant of year 1;
// 10000-01-01T00:00:00Z, the first after year 9999 in UTC; and
// 10000-01-01T00:00:00−12:00, the instant year 9999 ends in the
// westernmost zone, the latest End. TestYearBounds checks them against
// time.Date.
const (
	firstYearSec  = -62135596800
	afterYearsSec = 253402300800
	lastEndSec    = afterYearsSec + 12*3600
)

// CheckYears returns an error wrapping ErrYearRange when i's Start or End
// lies outside the years that "Years" in the package doc allows, and nil
// otherwise; it allocates only for the error. The zero Interval, whose
// Start and End are in year 1, passes. It is the check [Interval.MarshalText]
// makes, for a caller that stores an interval in another form.
func (i Interval) CheckYears() error { return checkYears(i.Start, i.End) }

// checkYears reports, wrapping ErrYearRange, whether start or end breaks
// the "Years" rule.
func checkYears(start, end time.Time) error {
	if err := checkStart(start); err != nil {
		return err
	}
	return checkEnd(end)
}

// checkStart reports whether start breaks the "Years" rule for a Start.
func checkStart(start time.Time) error {
	if s := toInstant(start); s.sec < firstYearSec || s.sec >= afterYearsSec {
		return fmt.Errorf("start %s: %w", start.UTC().Format(time.RFC3339Nano), ErrYearRange)
	}
	return nil
}

// checkEnd reports whether end breaks the "Years" rule for an End.
func checkEnd(end time.Time) error {
	e := toInstant(end)
	if e.sec < firstYearSec {
		return fmt.Errorf("end %s: %w", end.UTC().Format(time.RFC3339Nano), ErrYearRange)
	}
	if e.sec > lastEndSec || (e.sec == lastEndSec && e.nsec > 0) {
		return fmt.Errorf("end %s: %w: an end may be at most 10000-01-01T00:00:00-12:00, where year 9999 ends last", end.UTC().Format(time.RFC3339Nano), ErrYearRange)
	}
	return nil
}
