package window

import (
	"errors"
	"fmt"
	"math/bits"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// isoDuration is an ISO 8601 duration in the two parts that XML Schema
// adds to a dateTime in turn: months, whose length depends on where they
// are added, and an exact number of seconds (days and weeks are 86,400
// and 604,800 of them) with nanoseconds.
type isoDuration struct {
	months int64 // years × 12 + months
	secs   int64 // weeks, days, hours, minutes and seconds, in seconds
	nanos  int64 // 0 to 999,999,999
}

// Bounds past which a duration ends after year 9999 from any start in
// year 1 or later, whatever else it holds; they keep every sum below
// inside int64.
const (
	maxISOMonths = 12 * 10000
	maxISOSecs   = 10000 * 366 * 86400
)

// isoUnit is one designator of the grammar, in the order it must appear.
type isoUnit struct {
	designator byte
	timePart   bool  // after T
	months     int64 // months per unit, for Y and M
	nanos      int64 // nanoseconds per unit, for W, D, H, M, S
	name       string
}

var isoUnits = [...]isoUnit{
	{'Y', false, 12, 0, "years"},
	{'M', false, 1, 0, "months"},
	{'W', false, 0, 7 * 86400e9, "weeks"},
	{'D', false, 0, 86400e9, "days"},
	{'H', true, 0, 3600e9, "hours"},
	{'M', true, 0, 60e9, "minutes"},
	{'S', true, 0, 1e9, "seconds"},
}

// maxFracDigits is the most significant fractional digits a component
// can carry and still come to a whole number of nanoseconds: a week is
// 6.048 × 10^14 ns, so a fraction needs at most 15 digits, and 18 keeps
// the arithmetic inside 64 bits.
const maxFracDigits = 18

// parseISODuration parses an ISO 8601 duration, PnYnMnWnDTnHnMnS:
// components in that order, each at most once, at least one, a T before
// the first of hours, minutes or seconds and never without one of them.
// The last component written may carry a decimal fraction (with a point
// or a comma), as ISO 8601 allows the lowest-order component to, except
// on years and months, which have no fixed length; the fraction must
// come to a whole number of nanoseconds. Weeks may appear with the other
// components, as ISO 8601-2 and java.time allow. Numbers have no sign;
// a value that would end after year 9999 from any start is refused with
// an error wrapping [ErrYearRange].
func parseISODuration(s string) (isoDuration, error) {
	var d isoDuration
	if len(s) == 0 || s[0] != 'P' {
		return d, errors.New("an ISO 8601 duration starts with P")
	}
	if len(s) == 1 {
		return d, errors.New(`"P" alone has no component: write at least one, such as P1D or PT0S`)
	}
	rest := s[1:]
	next := 0 // index in isoUnits of the first designator still allowed
	inTime, some, fraction := false, false, false
	for len(rest) > 0 {
		if rest[0] == 'T' {
			if inTime {
				return d, errors.New("the designator T appears twice")
			}
			inTime, next, rest = true, 4, rest[1:]
			if len(rest) == 0 {
				return d, errors.New("the designator T must be followed by hours, minutes or seconds")
			}
			continue
		}
		if fraction {
			return d, errors.New("only the last component may have a fraction")
		}
		n, frac, digits, decimal, tail, err := isoNumber(rest)
		if err != nil {
			return d, err
		}
		if len(tail) == 0 {
			return d, fmt.Errorf("number %s has no designator", quote.Text(rest))
		}
		k := next
		for k < len(isoUnits) && (isoUnits[k].designator != tail[0] || isoUnits[k].timePart != inTime) {
			k++
		}
		if k == len(isoUnits) {
			return d, fmt.Errorf("designator %q is unknown, out of place or repeated here", tail[0])
		}
		u := isoUnits[k]
		next, rest, some = k+1, tail[1:], true
		if decimal {
			fraction = true
			if u.months > 0 {
				return d, fmt.Errorf("a fraction of %s has no fixed length", u.name)
			}
		}
		if err := d.add(u, n, frac, digits); err != nil {
			return d, err
		}
	}
	if !some {
		return d, errors.New("no components")
	}
	return d, nil
}

// isoNumber reads digits, and a fraction after a point or comma, from
// the start of s: n is the whole part, frac the fraction's significant
// digits as an integer and digits how many there are (trailing zeros
// dropped); decimal reports whether a decimal sign was written. tail is
// what follows.
func isoNumber(s string) (n, frac uint64, digits int, decimal bool, tail string, err error) {
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		hi, lo := bits.Mul64(n, 10)
		if hi != 0 || lo+uint64(s[i]-'0') < lo {
			return 0, 0, 0, false, "", fmt.Errorf("number %s is too large", quote.Text(s[:i+1]+"…"))
		}
		n = lo + uint64(s[i]-'0')
	}
	if i == 0 {
		return 0, 0, 0, false, "", fmt.Errorf("expected a number at %s", quote.Text(s))
	}
	if i == len(s) || (s[i] != '.' && s[i] != ',') {
		return n, 0, 0, false, s[i:], nil
	}
	i++
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return 0, 0, 0, false, "", errors.New("a decimal sign must be followed by digits")
	}
	fd := s[start:i]
	for len(fd) > 0 && fd[len(fd)-1] == '0' {
		fd = fd[:len(fd)-1]
	}
	if len(fd) > maxFracDigits {
		return 0, 0, 0, false, "", fmt.Errorf("fraction %s is not a whole number of nanoseconds", quote.Text(s[start-1:i]))
	}
	for _, c := range []byte(fd) {
		frac = frac*10 + uint64(c-'0')
	}
	return n, frac, len(fd), true, s[i:], nil
}

// add adds n and the fraction frac/10^digits of unit u to d.
func (d *isoDuration) add(u isoUnit, n, frac uint64, digits int) error {
	tooLarge := fmt.Errorf("%d %s from any start: %w", n, u.name, ErrYearRange)
	if u.months > 0 {
		if n > maxISOMonths {
			return tooLarge
		}
		d.months += int64(n) * u.months
		if d.months > maxISOMonths {
			return tooLarge
		}
		return nil
	}
	perSec := uint64(u.nanos / 1e9)
	if n > maxISOSecs/perSec {
		return tooLarge
	}
	d.secs += int64(n * perSec)
	if digits > 0 {
		// frac/10^digits of a unit, in nanoseconds, exactly: the product
		// is below 10^digits × u.nanos, so the quotient fits 64 bits.
		hi, lo := bits.Mul64(frac, uint64(u.nanos))
		q, r := bits.Div64(hi, lo, pow10(digits))
		if r != 0 {
			return fmt.Errorf("the fraction of %s is not a whole number of nanoseconds", u.name)
		}
		d.secs += int64(q / 1e9)
		d.nanos += int64(q % 1e9)
		d.secs += d.nanos / 1e9
		d.nanos %= 1e9
	}
	if d.secs > maxISOSecs {
		return tooLarge
	}
	return nil
}

func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

// addTo returns t + d as XML Schema 1.1 Part 2, Appendix E ("Adding
// durations to dateTimes"), defines it: the months are added to t's
// civil year and month in t's location, the day of the month clamped to
// the last day of the month reached (31 January plus a month is 28 or 29
// February), the time of day kept; then the exact seconds are added. The
// bounds of parseISODuration keep the result within about 20,000 years;
// the caller checks it against the package's years.
func (d isoDuration) addTo(t time.Time) time.Time {
	y, m, day := t.Date()
	months := int64(y)*12 + int64(m-1) + d.months
	ny, nm := int(months/12), time.Month(months%12+1)
	day = min(day, daysIn(ny, nm))
	hh, mm, ss := t.Clock()
	end := time.Date(ny, nm, day, hh, mm, ss, t.Nanosecond(), t.Location())
	// Seconds since the epoch, not a Duration: d.secs may exceed the
	// 292 years a Duration holds and still end before year 10000.
	return time.Unix(end.Unix()+d.secs, int64(end.Nanosecond())+d.nanos).In(t.Location())
}

// daysIn returns the number of days in month m of year y (proleptic
// Gregorian).
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

const maxDuration = time.Duration(1<<63 - 1)
