package openslo

import (
	"fmt"
	"strconv"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// Unit is the unit of a duration shorthand: one of the case-sensitive
// postfixes m, h, d, w, M, Q and Y of the OpenSLO specification
// ("Custom Data Types: duration-shorthand").
type Unit byte

// The units of duration shorthands.
const (
	Minute  Unit = 'm'
	Hour    Unit = 'h'
	Day     Unit = 'd'
	Week    Unit = 'w'
	Month   Unit = 'M'
	Quarter Unit = 'Q'
	Year    Unit = 'Y'
)

// String returns the postfix: "m", "h", "d", "w", "M", "Q" or "Y"; an
// undefined Unit gives "Unit(n)".
func (u Unit) String() string {
	if u.valid() {
		return string(rune(u))
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

func (u Unit) valid() bool {
	switch u {
	case Minute, Hour, Day, Week, Month, Quarter, Year:
		return true
	}
	return false
}

// Calendar reports whether u is a calendar unit (M, Q, Y), whose length
// depends on where it is applied.
func (u Unit) Calendar() bool { return u == Month || u == Quarter || u == Year }

// fixedUnit returns the elapsed length of one m, h, d or w.
func fixedUnit(u Unit) time.Duration {
	switch u {
	case Minute:
		return time.Minute
	case Hour:
		return time.Hour
	case Day:
		return 24 * time.Hour
	case Week:
		return 7 * 24 * time.Hour
	}
	return 0
}

// maxCount returns the largest count of a unit: every fixed duration fits
// a time.Duration (about 292 years) and every calendar one spans at most
// 10,000 years.
func maxCount(u Unit) int64 {
	switch u {
	case Month:
		return 12 * 10000
	case Quarter:
		return 4 * 10000
	case Year:
		return 10000
	}
	if n := fixedUnit(u); n > 0 {
		return int64((1<<63 - 1) / n)
	}
	return 0
}

// Duration is an OpenSLO duration shorthand: a non-negative integer count
// followed by a unit, as in "28d", "1w", "30m", "1M". The specification
// gives the grammar (a single word: a positive integer followed by one
// case-sensitive character of m, h, d, w, M, Q, Y) and leaves the meaning
// of each unit to implementations; this package's meaning is:
//
//   - m, h: 60 and 3600 seconds of elapsed time.
//   - d, w: in a rolling window and wherever a fixed length is needed
//     (lookback windows, time slices), 24 and 168 hours of elapsed time;
//     in a calendar-aligned window, local calendar days and weeks in the
//     window's time zone, which last 23 or 25 hours across a
//     daylight-saving change.
//   - M, Q, Y: local calendar months, quarters (3 months) and years, in
//     calendar-aligned windows only. They have no fixed length, and are
//     never taken as 30, 90 or 365 days.
//
// A count of 0 is accepted by ParseDuration because alertAfter defaults
// to "0m"; fields that need a positive length say so. The zero value,
// with no unit, means "not given". Duration is a plain value, safe for
// concurrent use, comparable with ==.
type Duration struct {
	Count int64
	Unit  Unit
}

// ParseDuration parses a duration shorthand: decimal digits and a unit
// postfix, with no sign, space or fraction ("28d", "1M"). The count must
// keep the duration within about 292 years for m, h, d and w (a
// time.Duration) and within 10,000 years for M, Q and Y. Errors wrap
// ErrSyntax or ErrTooLarge.
func ParseDuration(s string) (Duration, error) {
	d, err := parseDuration(s)
	if err != nil {
		return Duration{}, fmt.Errorf("openslo: duration %s: %w", quote.Text(s), err)
	}
	return d, nil
}

func parseDuration(s string) (Duration, error) {
	if len(s) < 2 || !allDigits(s[:len(s)-1]) {
		return Duration{}, reason(ErrSyntax, "%s is not a duration shorthand such as 28d, 1w, 12h or 1M (digits, then one of m h d w M Q Y)", quote.Text(s))
	}
	u := Unit(s[len(s)-1])
	if !u.valid() {
		return Duration{}, reason(ErrSyntax, "%s has unit %q; want one of m h d w M Q Y", quote.Text(s), s[len(s)-1:])
	}
	digits := s[:len(s)-1]
	if len(digits) > 12 {
		return Duration{}, reason(ErrTooLarge, "%s is too long a duration", quote.Text(s))
	}
	n, _ := strconv.ParseInt(digits, 10, 64)
	if n > maxCount(u) {
		return Duration{}, reason(ErrTooLarge, "%s is too long a duration (at most %d%s)", quote.Text(s), maxCount(u), u)
	}
	return Duration{Count: n, Unit: u}, nil
}

// MustDuration is like ParseDuration but panics on error, for constants.
func MustDuration(s string) Duration {
	d, err := ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero value, "not given".
func (d Duration) IsZero() bool { return d == Duration{} }

// String returns the shorthand, "28d"; the zero value gives "".
func (d Duration) String() string {
	if d.IsZero() {
		return ""
	}
	return strconv.FormatInt(d.Count, 10) + d.Unit.String()
}

// MarshalText implements encoding.TextMarshaler. It fails for a Duration
// that ParseDuration would not return.
func (d Duration) MarshalText() ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("openslo: duration %v: %w", d, err)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDuration.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// check reports whether d is a Duration that ParseDuration could return.
func (d Duration) check() error {
	if !d.Unit.valid() {
		return reason(ErrInvalid, "unit %v is not one of m h d w M Q Y", d.Unit)
	}
	if d.Count < 0 || d.Count > maxCount(d.Unit) {
		return reason(ErrRange, "count %d is negative or too large", d.Count)
	}
	return nil
}

// Fixed returns the elapsed length of d when its unit is m, h, d or w
// (a day being 24 hours), and false for M, Q, Y and the zero value, which
// have no fixed length.
func (d Duration) Fixed() (time.Duration, bool) {
	u := fixedUnit(d.Unit)
	if u == 0 || d.Count < 0 || d.Count > maxCount(d.Unit) {
		return 0, false
	}
	return time.Duration(d.Count) * u, true
}

// ShorthandOf returns the shorthand of an elapsed length in the largest
// of w, d, h and m that divides it: 168h gives "1w", 72h "3d", 90m "90m".
// It reports false for a length that is not a positive whole number of
// minutes, which no shorthand can write.
func ShorthandOf(d time.Duration) (Duration, bool) {
	if d <= 0 || d%time.Minute != 0 {
		return Duration{}, false
	}
	for _, u := range []Unit{Week, Day, Hour, Minute} {
		if n := fixedUnit(u); d%n == 0 {
			return Duration{Count: int64(d / n), Unit: u}, true
		}
	}
	return Duration{}, false
}
