package window

import (
	"fmt"
	"iter"
	"time"
)

// Unit is a length of calendar period: a local day, week, month, quarter
// or year. Periods are measured in a location, from local midnight to
// local midnight, so they are not of fixed length: a local day may last
// 23 or 25 hours and a local March in New York lasts 743 hours.
//
// The zero value is not a valid Unit.
type Unit int8

// The units of calendar periods.
const (
	Day Unit = iota + 1
	Week
	Month
	Quarter
	Year
)

var unitNames = [...]string{Day: "day", Week: "week", Month: "month", Quarter: "quarter", Year: "year"}

func (u Unit) valid() bool { return u >= Day && u <= Year }

// String returns the unit's text form: day, week, month, quarter or year.
// A value outside those gives "Unit(n)".
func (u Unit) String() string {
	if !u.valid() {
		return fmt.Sprintf("Unit(%d)", int8(u))
	}
	return unitNames[u]
}

// ParseUnit parses the text form of a Unit: day, week, month, quarter or
// year.
func ParseUnit(s string) (Unit, error) {
	for u := Day; u <= Year; u++ {
		if unitNames[u] == s {
			return u, nil
		}
	}
	return 0, &ParseError{What: "unit", Input: s, Err: fmt.Errorf("want one of day, week, month, quarter, year")}
}

// MarshalText implements [encoding.TextMarshaler]. It fails for a value
// that is not a defined Unit.
func (u Unit) MarshalText() ([]byte, error) {
	if !u.valid() {
		return nil, fmt.Errorf("window: cannot marshal invalid %v", u)
	}
	return []byte(u.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseUnit].
func (u *Unit) UnmarshalText(text []byte) error {
	v, err := ParseUnit(string(text))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// In returns the periods of unit u in loc, with weeks starting on Monday.
// A nil loc means UTC.
func (u Unit) In(loc *time.Location) Periods {
	if loc == nil {
		loc = time.UTC
	}
	return Periods{unit: u, loc: loc, weekStart: time.Monday}
}

// Containing returns the period of unit u that contains t, measured in
// loc (nil means UTC), with weeks starting on Monday. It panics if u is
// not a defined Unit.
func (u Unit) Containing(t time.Time, loc *time.Location) Interval {
	u.mustBeDefined("Unit.Containing")
	return u.In(loc).Containing(t)
}

// Overlapping returns an iterator over the consecutive periods of unit u
// in loc that overlap span, with weeks starting on Monday. It panics,
// when called, if u is not a defined Unit.
func (u Unit) Overlapping(span Interval, loc *time.Location) iter.Seq[Interval] {
	u.mustBeDefined("Unit.Overlapping")
	return u.In(loc).Overlapping(span)
}

// mustBeDefined panics, naming method, if u is not a defined Unit.
func (u Unit) mustBeDefined(method string) {
	if !u.valid() {
		panic(fmt.Sprintf("window: %s on %v, which is not a defined Unit: use Day, Week, Month, Quarter or Year", method, u))
	}
}

// Periods is the sequence of consecutive calendar periods of one unit in
// one location. Build it with [Unit.In]. Periods is a plain value, safe
// for concurrent use.
//
// The zero Periods is not usable, nor are the Periods of a Unit that is
// not defined: [Periods.Containing] and [Periods.Overlapping] panic on
// them with a message that names the method and says how to build one.
// [Periods.Unit] and [Periods.Location] answer them (the Unit as it was
// given, a nil Location for the zero Periods).
type Periods struct {
	unit      Unit
	loc       *time.Location
	weekStart time.Weekday
}

// WeekStartingOn returns a copy of p whose weeks start on d. It has no
// effect on units other than Week.
func (p Periods) WeekStartingOn(d time.Weekday) Periods {
	p.weekStart = d % 7
	return p
}

// Unit returns the unit of the periods.
func (p Periods) Unit() Unit { return p.unit }

// Location returns the location the periods are measured in.
func (p Periods) Location() *time.Location { return p.loc }

// Containing returns the period that contains t. It panics if p was not
// built with [Unit.In] from a defined Unit.
func (p Periods) Containing(t time.Time) Interval {
	p.mustBeUsable("Periods.Containing")
	y, m, d := t.In(p.loc).Date()
	iv := p.startingOn(y, m, d, t)
	// Where a zone turns its clock back across midnight, the local date of
	// t can belong to a period that has already ended (or not yet begun);
	// step to the neighbour that holds t.
	for !wall(t).Before(wall(iv.End)) {
		iv = p.after(iv)
	}
	for wall(t).Before(wall(iv.Start)) {
		ly, lm, ld := iv.Start.Add(-time.Nanosecond).In(p.loc).Date()
		iv = p.startingOn(ly, lm, ld, iv.Start.Add(-time.Nanosecond))
	}
	return iv
}

// startingOn returns the period that holds the local date y-m-d.
func (p Periods) startingOn(y int, m time.Month, d int, t time.Time) Interval {
	switch p.unit {
	case Day:
		return p.span(y, m, d, 0, 0, 1)
	case Week:
		back := (int(t.In(p.loc).Weekday()) - int(p.weekStart) + 7) % 7
		return p.span(y, m, d-back, 0, 0, 7)
	case Month:
		return p.span(y, m, 1, 0, 1, 0)
	case Quarter:
		return p.span(y, (m-1)/3*3+1, 1, 0, 3, 0)
	default: // Year
		return p.span(y, 1, 1, 1, 0, 0)
	}
}

// span returns [midnight of y-m-d, midnight of y-m-d + dy years, dm
// months, dd days).
func (p Periods) span(y int, m time.Month, d, dy, dm, dd int) Interval {
	start := localMidnight(y, m, d, p.loc)
	end := localMidnight(y+dy, m+time.Month(dm), d+dd, p.loc)
	return Interval{Start: start, End: end}
}

// after returns the period that follows iv.
func (p Periods) after(iv Interval) Interval {
	y, m, d := iv.End.In(p.loc).Date()
	next := p.startingOn(y, m, d, iv.End)
	if !wall(next.Start).After(wall(iv.Start)) {
		// The end of iv is on a local date that still maps back to iv
		// (a repeated midnight); the next period starts where iv ends.
		next.Start = iv.End
	}
	return next
}

// mustBeUsable panics, naming method, unless p was built with [Unit.In]
// from a defined Unit.
func (p Periods) mustBeUsable(method string) {
	if !p.unit.valid() || p.loc == nil {
		panic("window: " + method + ": the zero Periods (or an undefined Unit) has no periods: " +
			"build one with Unit.In from Day, Week, Month, Quarter or Year")
	}
}

// Overlapping returns an iterator over the consecutive periods that
// overlap span, in order. An empty span overlaps no period. It panics,
// when called, if p was not built with [Unit.In] from a defined Unit.
func (p Periods) Overlapping(span Interval) iter.Seq[Interval] {
	p.mustBeUsable("Periods.Overlapping")
	return func(yield func(Interval) bool) {
		if span.Empty() {
			return
		}
		for iv := p.Containing(span.Start); wall(iv.Start).Before(wall(span.End)); iv = p.Containing(iv.End) {
			if !yield(iv) {
				return
			}
		}
	}
}

// localMidnight returns the instant at which the local date y-m-d begins
// in loc (the date is normalized as by time.Date). Where midnight does not
// exist (a daylight-saving gap) the day begins when the clock passes it,
// at the end of the gap; where midnight occurs twice, at its first
// occurrence.
func localMidnight(y int, m time.Month, d int, loc *time.Location) time.Time {
	return wallInstant(time.Date(y, m, d, 0, 0, 0, 0, time.UTC), loc)
}

// wallInstant maps the wall-clock reading w (given in UTC as a carrier of
// its fields) to an instant in loc: a reading in a gap maps to the end of
// the gap, a reading that occurs twice to its first occurrence.
func wallInstant(w time.Time, loc *time.Location) time.Time {
	y, m, d := w.Date()
	hh, mm, ss := w.Clock()
	t := time.Date(y, m, d, hh, mm, ss, w.Nanosecond(), loc)
	_, off := t.Zone()
	got := t.Add(time.Duration(off) * time.Second)
	switch {
	case got.Equal(w):
		// A valid reading; look for an earlier occurrence in the previous
		// zone period.
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return t
		}
		_, prevOff := start.Add(-time.Nanosecond).Zone()
		c := w.Add(-time.Duration(prevOff) * time.Second)
		if c.Before(start) {
			return c.In(loc)
		}
		return t
	case got.After(w):
		// t lies after the gap: the gap ends where t's zone period starts.
		start, _ := t.ZoneBounds()
		return start
	default:
		// t lies before the gap: the gap ends where t's zone period ends.
		_, end := t.ZoneBounds()
		return end
	}
}
