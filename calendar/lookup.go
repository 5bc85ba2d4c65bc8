package calendar

import (
	"cmp"
	"slices"
)

// holiday returns the Holiday of record h.
func (c *Calendar) holiday(h holRec) Holiday {
	return Holiday{Name: c.rules[h.rule].name, Date: dateFromDays(int64(h.date)), Observed: dateFromDays(int64(h.observed))}
}

// HolidaysIn returns the holidays whose actual date lies in year, in order
// of date (then of rule). A holiday observed in another year (New Year's
// Day on a Saturday observed on the Friday before) is listed under the year
// it falls in. Years outside [FirstYear, LastYear] have none.
func (c *Calendar) HolidaysIn(year int) []Holiday {
	c.mustBeBuilt()
	if year < FirstYear || year > LastYear || len(c.rules) == 0 {
		return nil
	}
	first := daysFromCivil(int64(year), 1, 1)
	last := daysFromCivil(int64(year), 12, 31)
	var out []Holiday
	for d := first; d <= last; {
		ch := c.chunkOfDay(d)
		end := min(last+1, ch.first+chunkDays)
		for _, h := range ch.hols {
			if int64(h.date) >= d && int64(h.date) < end {
				out = append(out, c.holiday(h))
			}
		}
		d = end
	}
	return out
}

// HolidayOn returns the holiday observed on d, or else the holiday that
// falls on d (and is observed on another day), and reports whether there
// is one. When several qualify, the first rule wins; [Calendar.HolidaysOn]
// returns them all.
func (c *Calendar) HolidayOn(d Date) (Holiday, bool) {
	c.mustBeBuilt()
	n := d.days()
	ch := c.chunkOfDay(n)
	if ch == nil || len(ch.hols) == 0 {
		return Holiday{}, false
	}
	if i, ok := slices.BinarySearchFunc(ch.byObs, n, func(i uint16, d int64) int { return cmp.Compare(int64(ch.hols[i].observed), d) }); ok {
		best := ch.byObs[i]
		for ; i < len(ch.byObs) && int64(ch.hols[ch.byObs[i]].observed) == n; i++ {
			if ch.hols[ch.byObs[i]].rule < ch.hols[best].rule {
				best = ch.byObs[i]
			}
		}
		return c.holiday(ch.hols[best]), true
	}
	if i, ok := slices.BinarySearchFunc(ch.hols, n, func(h holRec, d int64) int { return cmp.Compare(int64(h.date), d) }); ok {
		return c.holiday(ch.hols[i]), true
	}
	return Holiday{}, false
}

// HolidaysOn returns every holiday that falls on d or is observed on d,
// in the order of their rules: a date can be the actual date of one
// holiday and the observed date of another (UK 2022: Boxing Day fell on
// Monday 26 December, and Christmas Day, a Sunday, was observed on Tuesday
// 27, so 26 December is only Boxing Day but 25 December and 27 December
// both belong to Christmas Day). It returns nil when there is none.
func (c *Calendar) HolidaysOn(d Date) []Holiday {
	c.mustBeBuilt()
	n := d.days()
	ch := c.chunkOfDay(n)
	if ch == nil {
		return nil
	}
	var recs []holRec
	for _, h := range ch.hols {
		if int64(h.date) == n || int64(h.observed) == n {
			recs = append(recs, h)
		}
	}
	slices.SortStableFunc(recs, func(a, b holRec) int { return cmp.Compare(a.rule, b.rule) })
	var out []Holiday
	for _, h := range recs {
		out = append(out, c.holiday(h))
	}
	return out
}

// Holiday returns the holiday named name whose actual date lies in year,
// with the date it is observed on, and reports whether there is one. When
// several rules share the name (a holiday moved by law in one year, written
// as the usual rule until the year before, a one-off date, and the usual
// rule again from the year after), it is the first of the year.
func (c *Calendar) Holiday(name string, year int) (Holiday, bool) {
	c.mustBeBuilt()
	for _, h := range c.HolidaysIn(year) {
		if h.Name == name {
			return h, true
		}
	}
	return Holiday{}, false
}
