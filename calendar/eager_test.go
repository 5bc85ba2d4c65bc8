package calendar

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// This file keeps the calendar's former eager build as a reference for
// the benchmarks: it evaluated every holiday rule for every year of
// eagerFirstYear to eagerLastYear, placed substitute days by searching day
// by day against a map of taken days, and built one table of segments for
// the three centuries when the calendar was made. The benchmarks time it
// beside the lazy build in the same run, and TestEagerReferenceAgrees
// checks that the two answer alike where their rules coincide.

const (
	eagerFirstYear = 1900
	eagerLastYear  = 2200
	eagerMaxChain  = 400
)

// eagerCalendar holds the tables of the eager build; base supplies the
// validated definition and the weekly model.
type eagerCalendar struct {
	base       *Calendar
	overrides  map[Date][]Span
	holidays   []Holiday
	byObserved []int32
	segs       []eagerSegment
	ivs        []instSpan
	weekBase   int64
	weekIdx    []int32
}

type eagerSegment struct {
	start   int64
	cum     int64
	off     int64
	k       int64
	lo, hi  int32
	regular bool
}

// newEager builds a calendar the former way.
func newEager(loc *time.Location, opts ...Option) (*eagerCalendar, error) {
	base, err := New(loc, opts...)
	if err != nil {
		return nil, err
	}
	c := &eagerCalendar{base: base, overrides: map[Date][]Span{}}
	for _, o := range base.over {
		c.overrides[dateFromDays(o.day)] = o.spans
	}
	c.resolveHolidays()
	c.buildSegments()
	return c, nil
}

func (c *eagerCalendar) g(w int64) int64              { return c.base.g(w) }
func (c *eagerCalendar) offsetAt(x int64) int64       { return c.base.offsetAt(x) }
func (c *eagerCalendar) instantOf(w int64) int64      { return c.base.instantOf(w) }
func (c *eagerCalendar) gEarliest(v int64) int64      { return c.base.gEarliest(v) }
func (c *eagerCalendar) prefix(p int64) (int64, bool) { return c.base.prefix(p) }

func (c *eagerCalendar) dayPlan(d Date) []Span {
	if d.Year < eagerFirstYear || d.Year > eagerLastYear {
		return c.base.weekly[d.Weekday()]
	}
	if sp, ok := c.overrides[d]; ok {
		return sp
	}
	if _, ok := c.observedIndex(d); ok {
		return nil
	}
	return c.base.weekly[d.Weekday()]
}

func (c *eagerCalendar) observedIndex(d Date) (int, bool) {
	i, ok := slices.BinarySearchFunc(c.byObserved, d, func(j int32, d Date) int { return c.holidays[j].Observed.Compare(d) })
	if !ok {
		return 0, false
	}
	return int(c.byObserved[i]), true
}

// resolveHolidays evaluates the rules for the years around the supported
// range and places each holiday on its observed day.
func (c *eagerCalendar) resolveHolidays() {
	type item struct {
		h    Holiday
		rule int
		pol  Substitute
	}
	var items []item
	for ri, r := range c.base.rules {
		for y := eagerFirstYear - 1; y <= eagerLastYear+1; y++ {
			if r.kind == kindOnce && y != r.date.Year {
				continue
			}
			if a, _, ok := r.occurrence(y); ok && dateFromDays(a).Year == y {
				d := dateFromDays(a)
				items = append(items, item{Holiday{r.name, d, d}, ri, r.observed})
			}
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if c := a.h.Date.Compare(b.h.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.rule, b.rule)
	})
	taken := map[Date]bool{}
	free := func(d Date) bool {
		_, over := c.overrides[d]
		return !over && !taken[d] && len(c.base.weekly[d.Weekday()]) > 0
	}
	openBase := func(d Date) bool {
		if sp, over := c.overrides[d]; over {
			return len(sp) > 0
		}
		return len(c.base.weekly[d.Weekday()]) > 0
	}
	for _, it := range items {
		if openBase(it.h.Date) {
			if _, over := c.overrides[it.h.Date]; !over {
				taken[it.h.Date] = true
			}
		}
	}
	search := func(d Date, step int) (Date, bool) {
		for i := 0; i < eagerMaxChain; i++ {
			if free(d) {
				return d, true
			}
			d = d.AddDays(step)
		}
		return Date{}, false
	}
	for i := range items {
		it := &items[i]
		if openBase(it.h.Date) {
			continue
		}
		var d Date
		ok := false
		switch it.pol {
		case NextOpenDay:
			d, ok = search(it.h.Date.AddDays(1), 1)
		case PreviousOpenDay:
			d, ok = search(it.h.Date.AddDays(-1), -1)
		case NearestWeekday:
			switch it.h.Date.Weekday() {
			case time.Saturday:
				d, ok = search(it.h.Date.AddDays(-1), -1)
			case time.Sunday:
				d, ok = search(it.h.Date.AddDays(1), 1)
			}
		}
		if ok {
			it.h.Observed = d
			taken[d] = true
		}
	}
	c.holidays = make([]Holiday, 0, len(items))
	for _, it := range items {
		if it.h.Date.Year >= eagerFirstYear && it.h.Date.Year <= eagerLastYear ||
			it.h.Observed.Year >= eagerFirstYear && it.h.Observed.Year <= eagerLastYear {
			c.holidays = append(c.holidays, it.h)
		}
	}
	c.byObserved = make([]int32, len(c.holidays))
	for i := range c.byObserved {
		c.byObserved[i] = int32(i)
	}
	slices.SortStableFunc(c.byObserved, func(a, b int32) int {
		return c.holidays[a].Observed.Compare(c.holidays[b].Observed)
	})
}

// buildSegments splits time into regular segments, where the weekly model
// at one UTC offset is exact, and exceptional ones around holidays,
// overrides and offset changes, whose open intervals are listed.
func (c *eagerCalendar) buildSegments() {
	d0 := Date{eagerFirstYear, time.January, 1}.days()
	d1 := Date{eagerLastYear, time.December, 31}.days()
	n := d1 - d0 + 1
	marked := make([]bool, n+1)
	mark := func(d int64) {
		if d >= d0 && d <= d1 {
			marked[d-d0] = true
		}
	}
	for d := range c.overrides {
		mark(d.days())
	}
	for _, h := range c.holidays {
		mark(h.Observed.days())
	}
	// Offset changes: the day of the change and the day before, whose
	// overnight spans may reach into it.
	var trans []int64
	t := time.Unix((d0-3)*secPerDay, 0).In(c.base.loc)
	for limit := (d1 + 3) * secPerDay; ; {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() > limit || !end.After(t) {
			break
		}
		x := end.Unix()
		trans = append(trans, x)
		for _, y := range []int64{x - 1, x} {
			d := DateOf(time.Unix(y, 0), c.base.loc).days()
			mark(d - 1)
			mark(d)
		}
		t = end
	}
	// A day after a marked one is marked too, so every run ends with a day
	// whose hours are the weekly ones; its spill past midnight is then the
	// regular model's.
	for i := n - 1; i >= 0; i-- {
		if marked[i] {
			marked[i+1] = true
		}
	}
	nearChange := func(lo, hi int64) bool {
		i, _ := slices.BinarySearch(trans, lo)
		return i < len(trans) && trans[i] < hi
	}

	runs, days := 0, 0
	for i := int64(0); i <= n; i++ {
		if marked[i] {
			days++
			if i == 0 || !marked[i-1] {
				runs++
			}
		}
	}
	c.segs = make([]eagerSegment, 0, 2*runs+1)
	c.ivs = make([]instSpan, 0, days+runs)
	c.segs = append(c.segs, eagerSegment{start: math.MinInt64, cum: math.MinInt64, regular: true})
	var running int64
	first := true
	for i := int64(0); i <= n; {
		if !marked[i] {
			i++
			continue
		}
		j := i
		for j+1 <= n && marked[j+1] {
			j++
		}
		da, db := d0+i, d0+j // run of marked days
		wa, wb := da*secPerDay, (db+1)*secPerDay
		exact := nearChange(wa-3*secPerDay, wb+3*secPerDay)
		off := c.offsetAt(wa)
		inst := func(w int64) int64 {
			if exact {
				return c.instantOf(w)
			}
			return w - off
		}
		x, y := inst(wa), inst(wb)
		if first {
			prev := &c.segs[0]
			prev.off = c.offsetAt(x - 1)
			prev.k = -c.g(x + prev.off)
			first = false
		} else {
			prev := &c.segs[len(c.segs)-1]
			running = prev.k + c.g(x+prev.off)
		}
		lo := int32(len(c.ivs))
		for d := da - 1; d <= db; d++ {
			date := dateFromDays(d)
			for _, s := range c.dayPlan(date) {
				a, b := s.bounds()
				sa, sb := max(inst(d*secPerDay+a), x), min(inst(d*secPerDay+b), y)
				if sa < sb {
					c.ivs = append(c.ivs, instSpan{start: sa, end: sb})
				}
			}
		}
		part := c.ivs[lo:]
		slices.SortFunc(part, func(p, q instSpan) int { return cmp.Compare(p.start, q.start) })
		merged := part[:0]
		for _, s := range part {
			if m := len(merged); m > 0 && s.start <= merged[m-1].end {
				merged[m-1].end = max(merged[m-1].end, s.end)
				continue
			}
			merged = append(merged, s)
		}
		c.ivs = c.ivs[:int(lo)+len(merged)]
		seg := eagerSegment{start: x, cum: running, lo: lo, hi: int32(len(c.ivs))}
		for k := lo; k < seg.hi; k++ {
			c.ivs[k].cum = running
			running += c.ivs[k].end - c.ivs[k].start
		}
		c.segs = append(c.segs, seg)
		roff := c.offsetAt(y)
		c.segs = append(c.segs, eagerSegment{start: y, cum: running, off: roff, k: running - c.g(y+roff), regular: true})
		i = j + 1
	}
	if first {
		c.segs[0].off = c.offsetAt(d0 * secPerDay)
	}
	// Index the segments by week for a constant-time look-up.
	c.weekBase = (d0 - 7) * secPerDay
	weeks := (d1+14-d0+7)/7 + 1
	c.weekIdx = make([]int32, weeks)
	si := 0
	for k := range c.weekIdx {
		x := c.weekBase + int64(k)*secPerWeek
		for si+1 < len(c.segs) && c.segs[si+1].start <= x {
			si++
		}
		c.weekIdx[k] = int32(si)
	}
	c.segs = slices.Clip(c.segs)
	c.ivs = slices.Clip(c.ivs)
}

// segFor returns the index of the segment holding Unix second x.
func (c *eagerCalendar) segFor(x int64) int {
	i := 0
	if x >= c.weekBase {
		k := (x - c.weekBase) / secPerWeek
		if k >= int64(len(c.weekIdx)) {
			k = int64(len(c.weekIdx)) - 1
		}
		i = int(c.weekIdx[k])
	}
	for i+1 < len(c.segs) && c.segs[i+1].start <= x {
		i++
	}
	return i
}

// at returns the business seconds before Unix second x (from the
// calendar's origin) and whether the second [x, x+1) is open.
func (c *eagerCalendar) at(x int64) (int64, bool) {
	sg := &c.segs[c.segFor(x)]
	if sg.regular {
		w := x + sg.off
		q := w - mondayEpoch
		k := floorDiv(q, secPerWeek)
		s, open := c.prefix(q - k*secPerWeek)
		return sg.k + k*c.base.wkTotal + s, open
	}
	ivs := c.ivs[sg.lo:sg.hi]
	lo, hi := 0, len(ivs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ivs[m].start <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return sg.cum, false
	}
	iv := &ivs[lo-1]
	if x < iv.end {
		return iv.cum + x - iv.start, true
	}
	return iv.cum + iv.end - iv.start, false
}

// earliest returns the earliest Unix second x with business seconds v
// before it.
func (c *eagerCalendar) earliest(v int64) int64 {
	segs := c.segs
	lo, hi := 1, len(segs) // last segment with cum < v (segs[0].cum is -inf)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if segs[m].cum < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	sg := &segs[lo-1]
	if sg.regular {
		return c.gEarliest(v-sg.k) - sg.off
	}
	ivs := c.ivs[sg.lo:sg.hi]
	l, h := 0, len(ivs) // first interval with cum+len >= v
	for l < h {
		m := int(uint(l+h) >> 1)
		if ivs[m].cum+ivs[m].end-ivs[m].start >= v {
			h = m
		} else {
			l = m + 1
		}
	}
	return ivs[l].start + v - ivs[l].cum
}

// IsOpen reports whether the calendar is open at t.
func (c *eagerCalendar) IsOpen(t time.Time) bool {
	_, open := c.at(clampSec(t.Unix()))
	return open
}

// Between returns the business time in [a, b): the real elapsed time
// during which the calendar is open. It is negative when b is before a
// (Between(a, b) = −Between(b, a)) and, like [time.Time.Sub], saturates at
// the largest or smallest Duration. It costs two table look-ups and does not
// allocate, however long the span.
func (c *eagerCalendar) Between(a, b time.Time) time.Duration {
	sa, na := c.business(a)
	sb, nb := c.business(b)
	ds, dn := sb-sa, nb-na
	const lim = math.MaxInt64/int64(time.Second) - 1
	switch {
	case ds > lim:
		return math.MaxInt64
	case ds < -lim:
		return math.MinInt64
	}
	return time.Duration(ds*int64(time.Second) + dn)
}

// business returns the business time before t as seconds and nanoseconds.
func (c *eagerCalendar) business(t time.Time) (int64, int64) {
	s, open := c.at(clampSec(t.Unix()))
	if open {
		return s, int64(t.Nanosecond())
	}
	return s, 0
}

// Add returns the instant d of business time after t. For d > 0 it is the
// earliest u after t with Between(t, u) = d, so 09:00 + 8h on a 09:00–17:00
// day is 17:00 that day, not 09:00 on the next open day. For d < 0 it is
// the latest u before t with Between(u, t) = −d, so 10:00 − 1h on such a day
// is 09:00 that day. Add(t, 0) is t.
//
// The result is in the calendar's zone. Since the weekly hours are never
// empty the calendar always opens again, and every d, even the largest
// Duration, gives a representable instant (see [FirstYear] for the rules
// beyond the supported years). Add costs two table look-ups and does not
// allocate.
func (c *eagerCalendar) Add(t time.Time, d time.Duration) time.Time {
	if d == 0 {
		return t.In(c.base.loc)
	}
	s, n := c.business(t)
	ts := s + int64(d/time.Second)
	tn := n + int64(d%time.Second)
	switch {
	case tn < 0:
		tn += int64(time.Second)
		ts--
	case tn >= int64(time.Second):
		tn -= int64(time.Second)
		ts++
	}
	if d > 0 && tn == 0 {
		return time.Unix(c.earliest(ts), 0).In(c.base.loc)
	}
	// The target lies strictly inside an open second, or (going back) at
	// the latest instant with that business time, just before the clock
	// starts counting again.
	return time.Unix(c.earliest(ts+1)-1, tn).In(c.base.loc)
}
