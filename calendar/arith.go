package calendar

import (
	"math"
	"time"

	"github.com/slamath/slamath/window"
)

// maxAbsSec bounds the Unix seconds the arithmetic works with: instants
// further than 2^50 seconds (about 35 million years) from 1970 are taken as
// that far, which keeps every intermediate value inside int64. Answers for
// such instants are those of the bound.
const maxAbsSec = 1 << 50

func clampSec(x int64) int64 { return min(max(x, -maxAbsSec), maxAbsSec) }

// g returns the open time of the weekly wall-clock model before wall
// second w.
func (c *Calendar) g(w int64) int64 {
	q := w - mondayEpoch
	k := floorDiv(q, secPerWeek)
	p := q - k*secPerWeek
	s, _ := c.prefix(p)
	return k*c.wkTotal + s
}

// prefix returns the open time of the week before second p of the week,
// and whether second p is open.
func (c *Calendar) prefix(p int64) (int64, bool) {
	wk := c.wk
	lo, hi := 0, len(wk) // find the last interval with start <= p
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if wk[m].start <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0, false
	}
	s := &wk[lo-1]
	if p < s.end {
		return s.cum + p - s.start, true
	}
	return s.cum + s.end - s.start, false
}

// gEarliest returns the earliest wall second w with g(w) = v.
func (c *Calendar) gEarliest(v int64) int64 {
	k := floorDiv(v, c.wkTotal)
	r := v - k*c.wkTotal
	if r == 0 {
		return mondayEpoch + (k-1)*secPerWeek + c.wk[len(c.wk)-1].end
	}
	wk := c.wk
	lo, hi := 0, len(wk) // first interval with cum+len >= r
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if wk[m].cum+wk[m].end-wk[m].start >= r {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return mondayEpoch + k*secPerWeek + wk[lo].start + r - wk[lo].cum
}

// segFor returns the index of the segment holding Unix second x.
func (c *Calendar) segFor(x int64) int {
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
func (c *Calendar) at(x int64) (int64, bool) {
	sg := &c.segs[c.segFor(x)]
	if sg.regular {
		w := x + sg.off
		q := w - mondayEpoch
		k := floorDiv(q, secPerWeek)
		s, open := c.prefix(q - k*secPerWeek)
		return sg.k + k*c.wkTotal + s, open
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
func (c *Calendar) earliest(v int64) int64 {
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
func (c *Calendar) IsOpen(t time.Time) bool {
	_, open := c.at(clampSec(t.Unix()))
	return open
}

// Between returns the business time in [a, b): the real elapsed time
// during which the calendar is open. It is negative when b is before a
// (Between(a, b) = −Between(b, a)) and, like [time.Time.Sub], saturates at
// the largest or smallest Duration. It costs two table look-ups and does not
// allocate, however long the span.
func (c *Calendar) Between(a, b time.Time) time.Duration {
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
func (c *Calendar) business(t time.Time) (int64, int64) {
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
func (c *Calendar) Add(t time.Time, d time.Duration) time.Time {
	if d == 0 {
		return t.In(c.loc)
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
		return time.Unix(c.earliest(ts), 0).In(c.loc)
	}
	// The target lies strictly inside an open second, or (going back) at
	// the latest instant with that business time, just before the clock
	// starts counting again.
	return time.Unix(c.earliest(ts+1)-1, tn).In(c.loc)
}

// NextOpen returns the earliest instant at or after t at which the
// calendar is open: t itself when it is open at t. The result is in the
// calendar's zone. There always is one, since weekly hours are never empty
// and apply beyond the supported years too.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	return c.Add(t, time.Nanosecond).Add(-time.Nanosecond)
}

// NextClose returns the earliest instant at or after t at which the
// calendar is closed: t itself when it is closed at t, else the end of the
// open stretch holding t (stretches of adjacent days that meet are one). It
// returns the zero Time when the calendar never closes after t, as for
// [Always]. The result is in the calendar's zone.
func (c *Calendar) NextClose(t time.Time) time.Time {
	x := clampSec(t.Unix())
	if _, open := c.at(x); !open {
		return t.In(c.loc)
	}
	i := c.segFor(x)
	for {
		sg := &c.segs[i]
		var end int64
		if sg.regular {
			end = c.runEnd(x + sg.off)
			if end != math.MaxInt64 {
				end -= sg.off
			}
		} else {
			end = c.ivEnd(sg, x)
		}
		if i+1 == len(c.segs) || end < c.segs[i+1].start {
			if end == math.MaxInt64 {
				return time.Time{}
			}
			return time.Unix(end, 0).In(c.loc)
		}
		x = c.segs[i+1].start
		if _, open := c.at(x); !open {
			return time.Unix(x, 0).In(c.loc)
		}
		i = c.segFor(x)
	}
}

// runEnd returns the wall second at which the weekly model's open stretch
// holding wall second w ends, or MaxInt64 when it is open all week.
func (c *Calendar) runEnd(w int64) int64 {
	if c.wkTotal == secPerWeek {
		return math.MaxInt64
	}
	q := w - mondayEpoch
	k := floorDiv(q, secPerWeek)
	p := q - k*secPerWeek
	base := mondayEpoch + k*secPerWeek
	for j := range c.wk {
		s := c.wk[j]
		if s.start <= p && p < s.end {
			if s.end == secPerWeek && c.wk[0].start == 0 {
				return base + secPerWeek + c.wk[0].end
			}
			return base + s.end
		}
	}
	return w // not open; not reached for callers that checked
}

// ivEnd returns the end of the open interval of an exceptional segment
// holding Unix second x.
func (c *Calendar) ivEnd(sg *segment, x int64) int64 {
	for _, iv := range c.ivs[sg.lo:sg.hi] {
		if iv.start <= x && x < iv.end {
			return iv.end
		}
	}
	return x
}

// Open returns the instants of span at which the calendar is open. It
// allocates the result and costs time in proportion to the number of open
// stretches in span.
func (c *Calendar) Open(span window.Interval) window.Set {
	var out []window.Interval
	for t := span.Start; t.Before(span.End); {
		s := c.NextOpen(t)
		if !s.Before(span.End) || s.Before(t) {
			break // s.Before(t) only beyond the clamped range
		}
		e := c.NextClose(s)
		if e.IsZero() || e.After(span.End) {
			e = span.End
		}
		if !e.After(s) {
			break
		}
		out = append(out, window.Interval{Start: s, End: e})
		t = e
	}
	return window.NewSet(out...)
}
