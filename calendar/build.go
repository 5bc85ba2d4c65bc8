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
	}
	c.wkTotal = cum
}

// buildSegments splits time into regular segments, where the weekly model
// at one UTC offset is exact, and exceptional ones around holidays,
// overrides and offset changes, whose open intervals are listed.
func (c *Calendar) buildSegments() {
	d0 := Date{FirstYear, time.January, 1}.days()
	d1 := Date{LastYear, time.December, 31}.days()
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
	t := time.Unix((d0-3)*secPerDay, 0).In(c.loc)
	for limit := (d1 + 3) * secPerDay; ; {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() > limit || !end.After(t) {
			break
		}
		x := end.Unix()
		trans = append(trans, x)
		for _, y := range []int64{x - 1, x} {
			d := DateOf(time.Unix(y, 0), c.loc).days()
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
	c.segs = make([]segment, 0, 2*runs+1)
	c.ivs = make([]instSpan, 0, days+runs)
	c.segs = append(c.segs, segment{start: math.MinInt64, cum: math.MinInt64, regular: true})
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
		seg := segment{start: x, cum: running, lo: lo, hi: int32(len(c.ivs))}
		for k := lo; k < seg.hi; k++ {
			c.ivs[k].cum = running
			running += c.ivs[k].end - c.ivs[k].start
		}
		c.segs = append(c.segs, seg)
		roff := c.offsetAt(y)
		c.segs = append(c.segs, segment{start: y, cum: running, off: roff, k: running - c.g(y+roff), regular: true})
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
