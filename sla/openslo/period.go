package openslo

import (
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/window"
)

// startTimeLayout is the form of calendar.startTime: "date with time in
// 24h format, format without time zone" (the specification's SLO
// section), as in 2020-01-21 12:30:00.
const startTimeLayout = "2006-01-02 15:04:05"

// parseStartTime reads a calendar start time in loc. A wall time the zone
// skips is an error; one it repeats is its first occurrence.
func parseStartTime(s string, loc *time.Location) (time.Time, error) {
	w, err := time.Parse(startTimeLayout, s)
	if err != nil || len(s) != len(startTimeLayout) || w.Year() < 1 {
		return time.Time{}, reason(ErrSyntax, "%s: want a date and time such as 2020-01-21 12:30:00", quote.Text(s))
	}
	t, exists := wallInstant(w, loc)
	if !exists {
		return time.Time{}, reason(ErrInvalid, "%s does not occur in %s (the clocks skip it)", s, loc)
	}
	return t, nil
}

// loadZone loads an IANA time zone by name. "Local" and "" are refused:
// they name no zone in the IANA database.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, reason(ErrInvalid, "%s is not an IANA time zone name such as America/New_York", quote.Text(name))
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, reasonFrom(ErrInvalid, err, "%s is not an IANA time zone name such as America/New_York", quote.Text(name))
	}
	return loc, nil
}

// wallInstant returns the instant at which the wall clock of loc reads w
// (whose fields are read as given, in UTC), and whether the reading
// occurs at all. A reading in a gap (the clocks jump over it) maps to the
// end of the gap; a reading that occurs twice maps to its first
// occurrence. These are the rules window uses for local midnights.
func wallInstant(w time.Time, loc *time.Location) (time.Time, bool) {
	y, m, d := w.Date()
	hh, mm, ss := w.Clock()
	t := time.Date(y, m, d, hh, mm, ss, w.Nanosecond(), loc)
	_, off := t.Zone()
	got := t.Add(time.Duration(off) * time.Second)
	switch {
	case got.Equal(w):
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return t, true
		}
		_, prev := start.Add(-time.Nanosecond).Zone()
		if c := w.Add(-time.Duration(prev) * time.Second); c.Before(start) {
			return c.In(loc), true
		}
		return t, true
	case got.After(w):
		start, _ := t.ZoneBounds()
		return start, false
	default:
		_, end := t.ZoneBounds()
		return end, false
	}
}

// Period returns the span of the window that holds t.
//
// For a rolling window it is [t − length, t), with the length of the
// duration in elapsed time (a day of 24 hours); a rolling window of
// months, quarters or years has no fixed length and is ErrUnsupported.
//
// For a calendar-aligned window it is the period of the calendar's grid
// that holds t: the grid's boundaries are the start time plus whole
// multiples of the duration, counted on the wall clock of the time zone —
// local days, weeks, months (3 for a quarter, 12 for a year) — so that a
// month from 2026-03-01 00:00:00 in America/New_York lasts 743 hours.
// Where the start's day of the month does not exist in a month (the 31st
// in April), that month's boundary is its last day. Minutes and hours
// step in elapsed time from the start. Periods before the start follow
// the same grid. Boundaries that fall in a daylight-saving gap move to
// the end of the gap; ones that occur twice take the first occurrence.
// Where the grid is a calendar unit starting at local midnight (a day, a
// week, a month from the 1st, a quarter from January, April, July or
// October, a year from 1 January), the period is window's
// Unit.Containing.
//
// Instants outside years 1 to 9999 are ErrRange.
func (w TimeWindow) Period(t time.Time) (window.Interval, error) {
	if w.Duration.Count < 1 || w.Duration.check() != nil {
		return window.Interval{}, &Error{Doc: -1, Item: -1, Path: "duration", Err: reason(ErrInvalid, "%s is not a positive duration", quote.Text(w.Duration.String()))}
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return window.Interval{}, &Error{Doc: -1, Item: -1, Err: reason(ErrRange, "%v is outside years 1 to 9999", t)}
	}
	if w.Rolling {
		d, ok := w.Duration.Fixed()
		if !ok {
			return window.Interval{}, &Error{Doc: -1, Item: -1, Path: "duration", Err: reason(ErrUnsupported, "a rolling window of %s has no fixed length; write it in days (30d) or make it calendar-aligned", w.Duration)}
		}
		return window.Last(d, t), nil
	}
	if w.Calendar == nil || w.Calendar.Start.IsZero() {
		return window.Interval{}, &Error{Doc: -1, Item: -1, Path: "calendar", Err: reason(ErrMissingField, "a calendar-aligned window needs a calendar start time and time zone")}
	}
	g := newGrid(w.Calendar.Start, w.Duration)
	if u, ok := g.windowUnit(); ok {
		p := u.In(g.loc)
		if u == window.Week {
			p = p.WeekStartingOn(g.wall.Weekday())
		}
		return p.Containing(t), nil
	}
	return g.containing(t), nil
}

// grid is the sequence of periods of a calendar-aligned window.
type grid struct {
	loc   *time.Location
	start time.Time // the first boundary, an instant in loc
	wall  time.Time // its wall-clock reading, in UTC
	unit  Unit
	step  int64 // units per period: minutes, hours, days or months
}

func newGrid(start time.Time, d Duration) grid {
	loc := start.Location()
	y, m, day := start.Date()
	hh, mm, ss := start.Clock()
	g := grid{loc: loc, start: start, wall: time.Date(y, m, day, hh, mm, ss, 0, time.UTC), unit: d.Unit, step: d.Count}
	switch d.Unit {
	case Week:
		g.unit, g.step = Day, 7*d.Count
	case Quarter:
		g.unit, g.step = Month, 3*d.Count
	case Year:
		g.unit, g.step = Month, 12*d.Count
	}
	return g
}

// windowUnit returns the window.Unit whose periods are exactly the
// grid's, if there is one.
func (g grid) windowUnit() (window.Unit, bool) {
	h, m, s := g.wall.Clock()
	if h != 0 || m != 0 || s != 0 {
		return 0, false
	}
	switch {
	case g.unit == Day && g.step == 1:
		return window.Day, true
	case g.unit == Day && g.step == 7:
		return window.Week, true
	case g.unit != Month || g.wall.Day() != 1:
		return 0, false
	case g.step == 1:
		return window.Month, true
	case g.step == 3 && (g.wall.Month()-1)%3 == 0:
		return window.Quarter, true
	case g.step == 12 && g.wall.Month() == time.January:
		return window.Year, true
	}
	return 0, false
}

// boundary returns the k-th boundary of the grid: k = 0 is the start.
func (g grid) boundary(k int64) time.Time {
	switch g.unit {
	case Minute, Hour:
		secs := int64(fixedUnit(g.unit) / time.Second)
		return time.Unix(g.start.Unix()+k*g.step*secs, 0).In(g.loc)
	case Day:
		w := g.wall.AddDate(0, 0, int(k*g.step))
		t, _ := wallInstant(w, g.loc)
		return t
	}
	y, m, d := g.wall.Date()
	months := int64(y)*12 + int64(m-1) + k*g.step
	ny, nm := int(floorDiv(months, 12)), time.Month(months-floorDiv(months, 12)*12+1)
	d = min(d, daysIn(ny, nm))
	hh, mm, ss := g.wall.Clock()
	t, _ := wallInstant(time.Date(ny, nm, d, hh, mm, ss, 0, time.UTC), g.loc)
	return t
}

// containing returns the period of the grid that holds t. The estimate
// from the civil difference is off by at most one period near a
// boundary that a zone change moved; the loops correct it.
func (g grid) containing(t time.Time) window.Interval {
	var k int64
	switch g.unit {
	case Minute, Hour:
		secs := int64(fixedUnit(g.unit)/time.Second) * g.step
		k = floorDiv(t.Unix()-g.start.Unix(), secs)
	case Day:
		k = floorDiv(civilDays(t.In(g.loc))-civilDays(g.wall), g.step)
	default:
		tl := t.In(g.loc)
		months := int64(tl.Year()-g.wall.Year())*12 + int64(tl.Month()-g.wall.Month())
		k = floorDiv(months, g.step)
	}
	for i := 0; i < 4 && t.Before(g.boundary(k)); i++ {
		k--
	}
	for i := 0; i < 4 && !t.Before(g.boundary(k+1)); i++ {
		k++
	}
	return window.Between(g.boundary(k), g.boundary(k+1))
}

// civilDays returns the day number of t's date (as read in t's own
// location) counted from 1970-01-01.
func civilDays(t time.Time) int64 {
	y, m, d := t.Date()
	return floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
