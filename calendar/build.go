package calendar

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// mondayEpoch is the Unix second of Monday 1970-01-05 00:00 (as a wall
// clock reading), which anchors weeks of the wall-clock model.
const mondayEpoch = 4 * secPerDay

// buildWeek turns the weekly hours into merged intervals of the week,
// counted from Monday 00:00, with prefix sums.
func (c *Calendar) buildWeek() {
	var raw []wallSpan
	for d := time.Sunday; d <= time.Saturday; d++ {
		base := int64((int(d)+6)%7) * secPerDay
		for _, s := range c.weekly[d] {
			a, b := s.bounds()
			a, b = base+a, base+b
			if b > secPerWeek {
				raw = append(raw, wallSpan{start: 0, end: b - secPerWeek})
				b = secPerWeek
			}
			raw = append(raw, wallSpan{start: a, end: b})
		}
	}
	slices.SortFunc(raw, func(x, y wallSpan) int { return cmp.Compare(x.start, y.start) })
	c.wk = c.wk[:0]
	for _, s := range raw {
		if n := len(c.wk); n > 0 && s.start <= c.wk[n-1].end {
			c.wk[n-1].end = max(c.wk[n-1].end, s.end)
			continue
		}
		c.wk = append(c.wk, s)
	}
	var cum int64
	for i := range c.wk {
		c.wk[i].cum = cum
		cum += c.wk[i].end - c.wk[i].start
		c.wk[i].cend = cum
	}
	c.wkTotal = cum
	c.wk = slices.Clip(c.wk)
	c.wkRecip = math.MaxUint64 / uint64(c.wkTotal)
	i := 0
	for h := range c.wkByHour {
		for i < len(c.wk) && c.wk[i].start <= int64(h)*3600 {
			i++
		}
		c.wkByHour[h] = uint16(i)
	}
	i = 0
	for h := range c.wkByOpenHour {
		for i < len(c.wk)-1 && c.wk[i].cend < int64(h)*3600+1 {
			i++
		}
		c.wkByOpenHour[h] = uint16(i)
	}

	for d := time.Sunday; d <= time.Saturday; d++ {
		c.openWeekly[d] = len(c.weekly[d]) > 0
		if c.openWeekly[d] {
			c.weekOpen++
		}
		for _, s := range c.weekly[d] {
			if _, b := s.bounds(); b > secPerDay {
				c.spill[d] = true
			}
		}
	}
	for d := range 7 {
		for n := 1; n <= 7; n++ {
			if c.openWeekly[(d+n)%7] {
				c.nextOpen[d] = int8(n)
				break
			}
		}
		for n := 1; n <= 7; n++ {
			if c.openWeekly[(d-n+7)%7] {
				c.prevOpen[d] = int8(n)
				break
			}
		}
	}
}

// chunkStart returns the instant chunk ci starts at: the local midnight
// that starts its first day, or for the first chunk and the end of the
// last, the bounds of the chunks.
func (c *Calendar) chunkStart(ci int) int64 {
	switch ci {
	case 0:
		return c.lo
	case c.n:
		return c.hi
	}
	d0, _ := chunkDayBounds(ci)
	return c.instantOf(d0 * secPerDay)
}

// buildChunk computes the tables of chunk ci.
func (c *Calendar) buildChunk(ci int) *chunk {
	d0, d1 := chunkDayBounds(ci)
	ch := &chunk{first: d0, start: c.chunkStart(ci), end: c.chunkStart(ci + 1)}

	// Holidays, and the days in and around the chunk on which one is
	// observed.
	var obs []int64
	if len(c.rules) > 0 {
		hs := c.holidaysBetween(d0-c.margin, d1-1+c.margin)
		for _, h := range hs {
			if h.observed >= d0-4 && h.observed < d1+4 {
				obs = append(obs, h.observed)
			}
			if (h.date >= d0 && h.date < d1) || (h.observed >= d0 && h.observed < d1) {
				ch.hols = append(ch.hols, holRec{h.rule, int32(h.date), int32(h.observed)})
			}
		}
		slices.Sort(obs)
		obs = slices.Compact(obs)
		ch.byObs = make([]uint16, len(ch.hols))
		for i := range ch.byObs {
			ch.byObs[i] = uint16(i)
		}
		slices.SortStableFunc(ch.byObs, func(a, b uint16) int { return cmp.Compare(ch.hols[a].observed, ch.hols[b].observed) })
		ch.hols, ch.byObs = slices.Clip(ch.hols), slices.Clip(ch.byObs)
	}
	observed := func(d int64) bool { _, ok := slices.BinarySearch(obs, d); return ok }
	plan := func(d int64) []Span {
		if i, ok := c.overrideIndex(d); ok {
			return c.over[i].spans
		}
		if observed(d) {
			return nil
		}
		return c.weekly[weekdayOf(d)]
	}

	// Days that differ from their weekday in openness.
	var xs int32
	mark := func(d int64) {
		if d < d0 || d >= d1 || (len(ch.xd) > 0 && int64(ch.xd[len(ch.xd)-1]) == d) {
			return
		}
		delta := int32(0)
		if len(plan(d)) > 0 {
			delta++
		}
		if c.openWeekly[weekdayOf(d)] {
			delta--
		}
		if delta != 0 {
			ch.xs = append(ch.xs, xs)
			ch.xd = append(ch.xd, int32(d))
			xs += delta
		}
	}
	oi, _ := slices.BinarySearchFunc(c.over, d0, func(o override, d int64) int { return cmp.Compare(o.day, d) })
	oj := oi
	for _, d := range obs {
		for ; oj < len(c.over) && c.over[oj].day < d; oj++ {
			mark(c.over[oj].day)
		}
		mark(d)
	}
	for ; oj < len(c.over) && c.over[oj].day < d1; oj++ {
		mark(c.over[oj].day)
	}
	if len(ch.xd) > 0 {
		ch.xs = append(ch.xs, xs)
	}

	c.buildSegments(ch, obs, oi, plan)
	return ch
}

// buildSegments fills the segments of ch. Days whose hours are not the
// weekly ones (overrides, observed holidays) and days near a change of
// the zone's offset are marked; each run of marked days becomes an
// exceptional segment listing its open intervals, and the weekly model
// holds at one offset between them.
func (c *Calendar) buildSegments(ch *chunk, obs []int64, oi int, plan func(int64) []Span) {
	d0, d1 := ch.first, ch.first+chunkDays
	lo := d0 - 3 // marked days: [lo, lo+len(marked))
	marked := make([]bool, d1+3-lo)
	mark := func(d int64) {
		if d >= lo && d-lo < int64(len(marked)) {
			marked[d-lo] = true
		}
	}
	spills := func(spans []Span) bool {
		for _, s := range spans {
			if _, b := s.bounds(); b > secPerDay {
				return true
			}
		}
		return false
	}
	for _, d := range obs {
		wd := weekdayOf(d)
		if _, over := c.overrideIndex(d); over || !c.openWeekly[wd] {
			continue // an override marks it; a closed day is unchanged
		}
		mark(d)
		if c.spill[wd] {
			mark(d + 1)
		}
	}
	for i := oi; i < len(c.over) && c.over[i].day < d1+3; i++ {
		d := c.over[i].day
		mark(d)
		if c.spill[weekdayOf(d)] || spills(c.over[i].spans) {
			mark(d + 1)
		}
	}
	for i := oi - 1; i >= 0 && c.over[i].day >= lo; i-- {
		d := c.over[i].day
		mark(d)
		if c.spill[weekdayOf(d)] || spills(c.over[i].spans) {
			mark(d + 1)
		}
	}
	// Offset changes: the day of the change and the days either side,
	// whose overnight spans may reach into it or be reached.
	trans := c.transitions(ch.start-4*secPerDay, ch.end+4*secPerDay)
	for _, x := range trans {
		for _, y := range [2]int64{x - 1, x} {
			d := floorDiv(y+c.offsetAt(y), secPerDay)
			mark(d - 1)
			mark(d)
			mark(d + 1)
		}
	}
	nearChange := func(a, b int64) bool {
		i, _ := slices.BinarySearch(trans, a)
		return i < len(trans) && trans[i] < b
	}

	// The segment at the chunk's start, then a pair per run of marked days.
	var running int64
	var cur segment
	regularAt := func(x int64) segment {
		off := c.offsetAt(x)
		return segment{start: x, cum: running, off: int32(off), k: running - c.g(x+off), lo: -1}
	}
	valueAt := func(s *segment, x int64) int64 {
		if s.regular() {
			return s.k + c.g(x+int64(s.off))
		}
		return running
	}
	first := true
	for i := 0; i < len(marked); {
		if !marked[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(marked) && marked[j+1] {
			j++
		}
		da, db := lo+int64(i), lo+int64(j)
		i = j + 1
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
		if y <= ch.start {
			continue
		}
		if x >= ch.end {
			break
		}
		if first {
			if x > ch.start {
				cur = regularAt(ch.start)
				ch.segs = append(ch.segs, cur)
			}
			first = false
		}
		if x > ch.start {
			running = valueAt(&cur, x)
		}
		x, y = max(x, ch.start), min(y, ch.end)
		seg := segment{start: x, cum: running, lo: int32(len(ch.ivs))}
		for d := da - 1; d <= db; d++ {
			for _, s := range plan(d) {
				a, b := s.bounds()
				sa, sb := max(inst(d*secPerDay+a), x), min(inst(d*secPerDay+b), y)
				if sa < sb {
					ch.ivs = append(ch.ivs, instSpan{start: sa, end: sb})
				}
			}
		}
		part := ch.ivs[seg.lo:]
		slices.SortFunc(part, func(p, q instSpan) int { return cmp.Compare(p.start, q.start) })
		merged := part[:0]
		for _, s := range part {
			if m := len(merged); m > 0 && s.start <= merged[m-1].end {
				merged[m-1].end = max(merged[m-1].end, s.end)
				continue
			}
			merged = append(merged, s)
		}
		ch.ivs = ch.ivs[:int(seg.lo)+len(merged)]
		seg.hi = int32(len(ch.ivs))
		for k := seg.lo; k < seg.hi; k++ {
			ch.ivs[k].cum = running
			running += ch.ivs[k].end - ch.ivs[k].start
		}
		ch.segs = append(ch.segs, seg)
		cur = seg
		if y < ch.end {
			cur = regularAt(y)
			ch.segs = append(ch.segs, cur)
		}
	}
	if first {
		cur = regularAt(ch.start)
		ch.segs = append(ch.segs, cur)
	}
	ch.total = valueAt(&cur, ch.end)

	// Index the segments by week for a constant-time look-up.
	{
		ch.wkIdx = make([]uint16, (ch.end-ch.start)/secPerWeek+1)
		si := 0
		for k := range ch.wkIdx {
			x := ch.start + int64(k)*secPerWeek
			for si+1 < len(ch.segs) && ch.segs[si+1].start <= x {
				si++
			}
			ch.wkIdx[k] = uint16(si)
		}
	}
	ch.segs, ch.ivs = slices.Clip(ch.segs), slices.Clip(ch.ivs)
}

// transitions returns the instants in (from, to] at which the zone's UTC
// offset changes. Beyond the last change in its table, a zone's periods
// come from its rule, and time.Time.ZoneBounds then also reports bounds
// where nothing changes (at the turn of a year) and, through the last day
// of a leap year, an end that has already passed; such days are stepped
// through an hour at a time, so that no later change is missed.
func (c *Calendar) transitions(from, to int64) []int64 {
	var out []int64
	to = min(to, c.endSec) // the offset is fixed from then on
	for x := from; x < to; {
		_, end := time.Unix(x, 0).In(c.loc).ZoneBounds()
		if end.IsZero() {
			break
		}
		e := end.Unix()
		if e <= x {
			e = x + 3600
			if o := c.offsetAt(x); c.offsetAt(e) != o {
				lo, hi := x, e // the first second with another offset is in (lo, hi]
				for hi-lo > 1 {
					if m := lo + (hi-lo)/2; c.offsetAt(m) == o {
						lo = m
					} else {
						hi = m
					}
				}
				e = hi
			}
		}
		if e > to {
			break
		}
		if c.offsetAt(e-1) != c.offsetAt(e) {
			out = append(out, e)
		}
		x = e
	}
	return out
}
