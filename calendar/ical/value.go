package ical

import (
	"strings"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/slamath/slamath/internal/quote"
)

// value is a DATE or DATE-TIME value: its wall clock as a time in UTC
// (midnight for a DATE) and the zone it is read in: time.UTC for a
// DATE-TIME with the Z suffix and for a DATE, the TZID zone, or the
// caller's location for a floating time.
type value struct {
	wall time.Time
	loc  *time.Location
	date bool
}

// instant returns the instant of v.
func (v value) instant() time.Time { return instantOf(v.wall, v.loc) }

// zones loads and keeps the zones of one file.
type zones struct {
	floating *time.Location
	cache    map[string]*time.Location
}

// load returns the zone named by a TZID parameter: an IANA name.
func (z *zones) load(name string) (*time.Location, error) {
	if loc, ok := z.cache[name]; ok {
		return loc, nil
	}
	// "Local" would be the zone of the machine that reads the file.
	if name == "" || name == "Local" {
		return nil, errf(ErrUnsupported, "TZID %s is not an IANA zone name", quote.Text(name))
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, errf(ErrUnsupported, "TZID %s is not an IANA zone name (zones defined only by a VTIMEZONE are not read)", quote.Text(name))
	}
	if z.cache == nil {
		z.cache = map[string]*time.Location{}
	}
	z.cache[name] = loc
	return loc, nil
}

// parseValue parses one DATE or DATE-TIME text, with the VALUE and TZID
// parameters of its property.
func (z *zones) parseValue(text string, params goical.Params) (value, error) {
	kind := strings.ToUpper(params.Get(goical.ParamValue))
	switch {
	case kind == "DATE" || (kind == "" && len(text) == 8):
		d, ok := parseDate(text)
		if !ok {
			return value{}, errf(ErrInvalid, "%s is not a DATE (YYYYMMDD)", quote.Text(text))
		}
		return value{wall: d, loc: time.UTC, date: true}, nil
	case kind != "" && kind != "DATE-TIME":
		return value{}, errf(ErrUnsupported, "VALUE=%s", quote.Text(kind))
	}
	utc := strings.HasSuffix(text, "Z")
	body := strings.TrimSuffix(text, "Z")
	if len(body) != 15 || body[8] != 'T' {
		return value{}, errf(ErrInvalid, "%s is not a DATE-TIME (YYYYMMDDTHHMMSS, Z for UTC)", quote.Text(text))
	}
	d, ok1 := parseDate(body[:8])
	h, ok2 := number(body[9:11])
	m, ok3 := number(body[11:13])
	s, ok4 := number(body[13:15])
	if !ok1 || !ok2 || !ok3 || !ok4 || h > 23 || m > 59 || s > 60 {
		return value{}, errf(ErrInvalid, "%s is not a DATE-TIME (YYYYMMDDTHHMMSS, Z for UTC)", quote.Text(text))
	}
	v := value{wall: d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second), loc: z.floating}
	tzid := params.Get(goical.ParamTimezoneID)
	switch {
	case utc:
		v.loc = time.UTC
	case tzid != "":
		loc, err := z.load(tzid)
		if err != nil {
			return value{}, err
		}
		v.loc = loc
	}
	return v, nil
}

// parseDate parses YYYYMMDD, years 1 to 9999, as midnight UTC.
func parseDate(s string) (time.Time, bool) {
	if len(s) != 8 {
		return time.Time{}, false
	}
	y, ok1 := number(s[:4])
	m, ok2 := number(s[4:6])
	d, ok3 := number(s[6:8])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// number parses a string of ASCII digits.
func number(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// instantOf returns the instant at which the wall clock of loc reads wall
// (given as a time in UTC), by RFC 5545, section 3.3.5: a wall time that
// does not occur (the gap when clocks go forward) is read with the UTC
// offset before the change, so 02:30 in the gap of 29 March 2026 in Berlin
// is 01:30 UTC (03:30 CEST); a wall time that occurs twice (when clocks go
// back) is its first occurrence, so 02:30 on 25 October 2026 in Berlin is
// 00:30 UTC (02:30 CEST). time.Date leaves both choices open and, as
// implemented, picks the second occurrence in zones east of UTC and the
// offset after the change in zones west of it; this function does not
// depend on that choice.
func instantOf(wall time.Time, loc *time.Location) time.Time {
	if loc == time.UTC {
		return wall
	}
	naive := wall.Unix()
	y, mo, d := wall.Date()
	h, mi, s := wall.Clock()
	t := time.Date(y, mo, d, h, mi, s, 0, loc)
	_, off := t.Zone()
	read := t.Unix() + int64(off) // the wall clock at t, as seconds
	switch {
	case read == naive:
		// The wall time occurs; an earlier occurrence exists when the
		// clocks went back at the start of t's zone period, less than the
		// change ago.
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return t
		}
		_, prev := start.Add(-time.Second).Zone()
		if e := naive - int64(prev); prev > off && e < start.Unix() {
			return time.Unix(e, 0).In(loc)
		}
		return t
	case read < naive:
		// In a gap, and t lies before the change: off is the offset before.
		return time.Unix(naive-int64(off), 0).In(loc)
	default:
		// In a gap, and t lies after the change: the offset before is that
		// of the zone period before t's.
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return t
		}
		_, prev := start.Add(-time.Second).Zone()
		return time.Unix(naive-int64(prev), 0).In(loc)
	}
}

// wallOf returns the wall clock of t in loc as a time in UTC.
func wallOf(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.In(loc).Date()
	h, mi, s := t.In(loc).Clock()
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

// duration is an RFC 5545 DURATION: weeks and days are nominal (wall-clock
// days, 23 or 25 hours across a change of offset), hours, minutes and
// seconds exact.
type duration struct {
	days  int
	exact time.Duration
}

// maxDurationDays and maxExact bound the parts of a DURATION, so that
// end instants stay in range: ten thousand years of days, a hundred years
// of hours, minutes and seconds.
const (
	maxDurationDays = 3660000
	maxExact        = 100 * 366 * 24 * time.Hour
)

// parseDuration parses a DURATION value: [+]P[nW] or [+]P[nD][T[nH][nM][nS]].
// A negative duration is invalid for an event.
func parseDuration(s string) (duration, error) {
	bad := func() (duration, error) {
		return duration{}, errf(ErrInvalid, "%s is not a positive DURATION such as PT1H or P1D", quote.Text(s))
	}
	rest := strings.TrimPrefix(s, "+")
	if !strings.HasPrefix(rest, "P") || len(rest) < 3 {
		return bad()
	}
	rest = rest[1:]
	var d duration
	inTime, seen := false, false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return bad()
			}
			inTime, rest = true, rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i > 6 || i == len(rest) {
			return bad()
		}
		n, _ := number(rest[:i]) // at most 6 digits: no term overflows
		unit := rest[i]
		rest = rest[i+1:]
		seen = true
		switch {
		case !inTime && unit == 'W':
			d.days += 7 * n
		case !inTime && unit == 'D':
			d.days += n
		case inTime && unit == 'H':
			d.exact += time.Duration(n) * time.Hour
		case inTime && unit == 'M':
			d.exact += time.Duration(n) * time.Minute
		case inTime && unit == 'S':
			d.exact += time.Duration(n) * time.Second
		default:
			return bad()
		}
		if d.days > maxDurationDays || d.exact > maxExact {
			return bad()
		}
	}
	if !seen {
		return bad()
	}
	return d, nil
}
