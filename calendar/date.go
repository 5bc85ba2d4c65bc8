package calendar

import (
	"cmp"
	"errors"
	"fmt"
	"time"
)

// Date is a civil date: a day of the proleptic Gregorian calendar with no
// time of day and no location.
//
// The zero value is not a valid date (see [Date.IsValid]). Date is a plain
// comparable value, safe for concurrent use. Its text form is ISO 8601
// "2006-01-02".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// IsValid reports whether d is a real date in the years 1 to 9999.
func (d Date) IsValid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return weekdayOf(d.days()) }

// AddDays returns the date n days after d (before d for negative n).
func (d Date) AddDays(n int) Date { return dateFromDays(d.days() + int64(n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(int(d.Month), int(e.Month))
	default:
		return cmp.Compare(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns the ISO 8601 form "2006-01-02".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText implements [encoding.TextMarshaler]. It fails for a date that
// is not valid.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("calendar: cannot marshal invalid date %s", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate].
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses a date in the form "2006-01-02". The date must exist:
// "2026-02-29" and "2026-04-31" are errors wrapping [ErrNoSuchDate], and
// a year outside 1–9999 ("0000-01-01") is an error wrapping
// [ErrOutOfRange]. Errors are [*ParseError]s.
func ParseDate(s string) (Date, error) {
	fail := func(msg string) (Date, error) {
		return Date{}, &ParseError{What: "date", Input: s, Err: errors.New(msg)}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return fail("want YYYY-MM-DD")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return fail("want YYYY-MM-DD")
	}
	d := Date{y, time.Month(m), day}
	switch {
	case y < FirstYear || y > LastYear:
		return Date{}, &ParseError{What: "date", Input: s, Err: fmt.Errorf("%w: year %d is not in %d–%d", ErrOutOfRange, y, FirstYear, LastYear)}
	case m < 1 || m > 12:
		return Date{}, &ParseError{What: "date", Input: s, Err: kindError{"month out of range", ErrNoSuchDate}}
	case !d.IsValid():
		return Date{}, &ParseError{What: "date", Input: s, Err: kindError{"no such day in that month", ErrNoSuchDate}}
	}
	return d, nil
}

// kindError is a message that wraps a sentinel without repeating its
// text.
type kindError struct {
	msg  string
	kind error
}

func (e kindError) Error() string { return e.msg }
func (e kindError) Unwrap() error { return e.kind }

// digits parses a string of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// days returns the number of days from 1970-01-01 to d. Out-of-range
// fields are normalized as by time.Date.
// Years beyond ±2^40 are taken as that far, so that no arithmetic
// overflows.
func (d Date) days() int64 {
	y := min(max(int64(d.Year), -1<<40), 1<<40)
	if d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > 28 && d.Day > daysIn(int(y), d.Month) {
		return floorDiv(time.Date(int(y), d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), secPerDay)
	}
	return daysFromCivil(y, int64(d.Month), int64(d.Day))
}

func dateFromDays(n int64) Date {
	y, m, d := civilFromDays(n)
	return Date{int(y), time.Month(m), int(d)}
}

// daysFromCivil returns the number of days from 1970-01-01 to the
// proleptic Gregorian date y-m-d, with m in 1–12 and d in 1–31. It counts
// in eras of 400 years (146,097 days), after the method of H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms".
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                     // 0–399
	doy := (153*((m+9)%12)+2)/5 + d - 1    // day of the year from 1 March, 0–365
	doe := yoe*365 + yoe/4 - yoe/100 + doy // 0–146096
	return era*146097 + doe - 719468       // 719468: days from 0000-03-01 to 1970-01-01
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(n int64) (y, m, d int64) {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekdayOf returns the day of the week of day number n (days from
// 1970-01-01, a Thursday).
func weekdayOf(n int64) time.Weekday { return time.Weekday(floorMod(n+4, 7)) }

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// floorDiv returns a/b rounded down; b must be positive.
func floorDiv(a, b int64) int64 {
	if a < 0 {
		a -= b - 1
	}
	return a / b
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

const (
	secPerDay  = 86400
	secPerWeek = 7 * secPerDay
)
