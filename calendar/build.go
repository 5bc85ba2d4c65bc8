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
