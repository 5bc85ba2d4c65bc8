package window

import (
	"errors"
	"fmt"
	"time"
)

// isoDuration is an ISO 8601 duration split into its calendar part, which
// depends on where it is applied, and its exact part.
type isoDuration struct {
	years, months, days int
	exact               time.Duration
}

// Limits that keep every sum below inside int and time.Duration; any
// duration past them would end after year 9999 anyway.
const (
	maxISOYears  = 10000
	maxISOMonths = 12 * maxISOYears
	maxISOWeeks  = 53 * maxISOYears
	maxISODays   = 367 * maxISOYears
)

// parseISODuration parses PnYnMnWnDTnHnMn.nS. At least one component must
// be present, components appear in that order, each at most once, and a
// fraction is allowed on seconds only.
func parseISODuration(s string) (isoDuration, error) {
	var d isoDuration
	if len(s) < 2 || s[0] != 'P' {
		return d, errors.New("an ISO 8601 duration starts with P")
	}
	rest := s[1:]
	inTime := false
	order := "YMWD"
	seen := 0
	var exact [3]int64 // hours, minutes, seconds
	var nanos int64
	for len(rest) > 0 {
		if rest[0] == 'T' {
			if inTime {
				return d, errors.New("the designator T appears twice")
			}
			inTime, order, rest = true, "HMS", rest[1:]
			if len(rest) == 0 {
				return d, errors.New("the designator T must be followed by a time component")
			}
			continue
		}
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 {
			return d, fmt.Errorf("expected a number at %q", rest)
		}
		if i > 9 {
			return d, fmt.Errorf("number %q is too large", rest[:i])
		}
		n := atoi(rest[:i])
		frac, fracDigits := int64(0), 0
		if i < len(rest) && (rest[i] == '.' || rest[i] == ',') {
			j := i + 1
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				if fracDigits == 9 {
					return d, errors.New("more than 9 fractional digits")
				}
				frac = frac*10 + int64(rest[j]-'0')
				fracDigits++
				j++
			}
			if fracDigits == 0 {
				return d, errors.New("a decimal point must be followed by digits")
			}
			i = j
		}
		if i == len(rest) {
			return d, fmt.Errorf("number %q has no designator", rest)
		}
		unit := rest[i]
		rest = rest[i+1:]
		k := indexByte(order, unit)
		if k < 0 || k < seen {
			return d, fmt.Errorf("designator %q is out of place or repeated", unit)
		}
		seen = k + 1
		if fracDigits > 0 && !(inTime && unit == 'S') {
			return d, errors.New("a fraction is allowed on seconds only")
		}
		if !inTime {
			switch unit {
			case 'Y':
				if n > maxISOYears {
					return d, errors.New("too many years")
				}
				d.years = int(n)
			case 'M':
				if n > maxISOMonths {
					return d, errors.New("too many months")
				}
				d.months = int(n)
			case 'W':
				if n > maxISOWeeks {
					return d, errors.New("too many weeks")
				}
				d.days += 7 * int(n)
			case 'D':
				if n > maxISODays {
					return d, errors.New("too many days")
				}
				d.days += int(n)
			}
			continue
		}
		exact[k] = n
		if unit == 'S' {
			for range 9 - fracDigits {
				frac *= 10
			}
			nanos = frac
		}
	}
	if seen == 0 {
		return d, errors.New("no components")
	}
	// Each of hours, minutes and seconds is below 10^9, so the total in
	// seconds fits an int64; whether it fits a Duration is checked here.
	secs := exact[0]*3600 + exact[1]*60 + exact[2]
	if secs > int64(maxDuration/time.Second)-1 {
		return d, errors.New("time part exceeds the largest duration")
	}
	d.exact = time.Duration(secs)*time.Second + time.Duration(nanos)
	return d, nil
}

const maxDuration = time.Duration(1<<63 - 1)

// addTo applies the duration to t: first the calendar part in t's own
// location, then the exact part.
func (d isoDuration) addTo(t time.Time) (time.Time, error) {
	end := t.AddDate(d.years, d.months, d.days)
	if end.Year() > 9999 {
		return time.Time{}, errors.New("ends after year 9999")
	}
	end = end.Add(d.exact)
	if end.Before(t) {
		return time.Time{}, errors.New("out of range")
	}
	return end, nil
}

func atoi(s string) int64 {
	var n int64
	for _, c := range []byte(s) {
		n = n*10 + int64(c-'0')
	}
	return n
}

func indexByte(s string, c byte) int {
	for i := range len(s) {
		if s[i] == c {
			return i
		}
	}
	return -1
}
