package calendar

import "time"

// offsetAt returns the UTC offset of the calendar at Unix second x: the
// zone's, up to the end of LastYear, and after it the offset in effect at
// that end (see FirstYear). Before FirstYear the zone's own offset is
// constant already (its first, local mean time).
func (c *Calendar) offsetAt(x int64) int64 {
	if x >= c.endSec {
		return c.endOff
	}
	return zoneOffset(c.loc, x)
}

// zoneOffset returns the UTC offset of loc at Unix second x.
func zoneOffset(loc *time.Location, x int64) int64 {
	_, off := time.Unix(x, 0).In(loc).Zone()
	return int64(off)
}

// setEnd sets the instant at which LastYear ends on the zone's wall clock
// (the local midnight that starts 1 January 10000) and the offset in
// effect before it, which the calendar keeps from then on.
func (c *Calendar) setEnd() {
	w := int64(maxDay+1) * secPerDay // wall clock, 10000-01-01 00:00
	off := zoneOffset(c.loc, w-zoneOffset(c.loc, w-secPerDay)-1)
	c.endSec, c.endOff = w-off, off
}

// instantOf returns the Unix second at which the calendar's wall clock
// reads w (seconds since 1970-01-01 00:00 of the wall clock). A reading in
// a spring gap maps to the end of the gap, a reading that occurs twice to
// its first occurrence. It assumes at most one offset change within a day
// of w.
func (c *Calendar) instantOf(w int64) int64 {
	o1, o2 := c.offsetAt(w-secPerDay), c.offsetAt(w+secPerDay)
	c1, c2 := w-o1, w-o2
	v1, v2 := c.offsetAt(c1) == o1, c.offsetAt(c2) == o2
	switch {
	case v1 && v2:
		return min(c1, c2)
	case v1:
		return c1
	case v2:
		return c2
	}
	// In a gap: c1 lies past the change, in the zone period that starts
	// where the gap ends.
	start, _ := time.Unix(c1, 0).In(c.loc).ZoneBounds()
	if start.IsZero() {
		return c1
	}
	return start.Unix()
}
