package calendar

import (
	"math"
	"math/bits"
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
	s, _ := c.gOpen(w)
	return s
}

// gOpen returns the open time of the weekly wall-clock model before wall
// second w, and whether the second [w, w+1) is open.
func (c *Calendar) gOpen(w int64) (int64, bool) {
	q := w - mondayEpoch
	k := floorDiv(q, secPerWeek)
	s, open := c.prefix(q - k*secPerWeek)
	return k*c.wkTotal + s, open
}

// prefix returns the open time of the week before second p of the week,
// and whether second p is open. A table by hour of the week points at the
// intervals that start before the hour, so the look-up takes a step or
// two.
func (c *Calendar) prefix(p int64) (int64, bool) {
	wk := c.wk
	lo := int(c.wkByHour[uint64(p)/3600]) // then the last interval with start <= p
	for lo < len(wk) && wk[lo].start <= p {
		lo++
	}
	if lo == 0 {
		return 0, false
	}
	s := &wk[lo-1]
	if p < s.end {
		return s.cum + p - s.start, true
	}
	return s.cend, false
}

// gEarliest returns the earliest wall second w with g(w) = v.
func (c *Calendar) gEarliest(v int64) int64 {
	k := c.weeksOf(v)
	r := v - k*c.wkTotal
	if r == 0 {
		return mondayEpoch + (k-1)*secPerWeek + c.wk[len(c.wk)-1].end
	}
	wk := c.wk
	lo := int(c.wkByOpenHour[uint64(r-1)/3600]) // then the first interval with cend >= r
	for wk[lo].cend < r {
		lo++
	}
	return mondayEpoch + k*secPerWeek + wk[lo].start + r - wk[lo].cum
}

// weeksOf returns floor(v / wkTotal), the whole weeks of the weekly model
// in v seconds of open time, by a multiplication with the reciprocal of
// wkTotal rather than a division.
func (c *Calendar) weeksOf(v int64) int64 {
	d := uint64(c.wkTotal)
	u := uint64(v)
	if v < 0 {
		u = uint64(-v) // |v| < 2^62
	}
	q, _ := bits.Mul64(u, c.wkRecip) // q is floor(u/d) or one less
	for u-q*d >= d {
		q++
	}
	if v < 0 {
		if q*d != u {
			q++
		}
		return -int64(q)
	}
	return int64(q)
}

// Business time is counted in regions: the chunks 0 to c.n-1, the region
// below them (-1) and the one above (c.n). A position is a region and the
// business seconds from the region's origin: the start of a chunk, lo for
// the region below (so its values are not positive) and hi for the one
// above.

// at returns the region of Unix second x, the business seconds from the
// region's origin to x, whether the second [x, x+1) is open, and, in a
// chunk, the chunk and the index of x's segment.
func (c *Calendar) at(x int64) (r int, v int64, open bool, ch *chunk, seg int) {
	if uint64(x-c.lo) >= uint64(c.hi-c.lo) { // outside the chunks (all of time when there are none)
		return c.atOutside(x)
	}
	// Chunks last chunkDays days give or take a change of offset, so this
	// is the chunk of x or one next to it.
	ci := min(int(uint64(x-c.lo)/(chunkDays*secPerDay)), c.n-1)
	if ch = c.loaded(ci); ch == nil {
		ch = c.build(ci)
	}
	if x < ch.start {
		ci--
		ch = c.chunk(ci)
	} else if x >= ch.end {
		ci++
		ch = c.chunk(ci)
	}
	// ch.at(c, x), written out: this is the hot path of every query.
	seg = ch.seg(x)
	if sg := &ch.segs[seg]; sg.regular() {
		q := x + int64(sg.off) - mondayEpoch
		k := floorDiv(q, secPerWeek)
		s, open := c.prefix(q - k*secPerWeek)
		return ci, sg.k + k*c.wkTotal + s, open, ch, seg
	}
	v, open, seg = ch.at(c, x)
	return ci, v, open, ch, seg
}

// atOutside is at for an instant below or above the chunks.
func (c *Calendar) atOutside(x int64) (r int, v int64, open bool, ch *chunk, seg int) {
	if c.n == 0 || x >= c.hi {
		v, open = c.gOpen(x + c.offHi)
		return c.n, v - c.gHi, open, nil, 0
	}
	v, open = c.gOpen(x + c.offLo)
	return -1, v - c.gLo, open, nil, 0
}

// total returns the business seconds of region r: a chunk's, or 0 for the
// region below, whose values run up to 0. It needs the chunk's summary
// only, not the chunk.
func (c *Calendar) total(r int) int64 {
	if r < 0 {
		return 0
	}
	if ch := c.kept(r); ch != nil {
		return ch.total
	}
	if d := c.sumDir.Load(); d != nil {
		if g := d[r>>groupShift].Load(); g != nil {
			if v := g[r&groupMask].Load(); v != 0 {
				t, _ := unpack(v)
				return t
			}
		}
	}
	t, _ := c.summary(r)
	return t
}

// span returns the business seconds from position (ra, va) to (rb, vb).
// It costs a step for each chunk between, and builds (without keeping
// them) those whose summary is not known yet.
func (c *Calendar) span(ra int, va int64, rb int, vb int64) int64 {
	switch {
	case ra == rb:
		return vb - va
	case ra > rb:
		return -c.span(rb, vb, ra, va)
	}
	s := c.total(ra) - va
	for r := ra + 1; r < rb; r++ {
		s += c.total(r)
	}
	return s + vb
}

// earliest returns the earliest Unix second whose business seconds from
// region r's origin are v; ch is r's chunk or nil, and hint a segment of
// it near the answer. It passes the chunks between by their totals and
// builds only the chunk of the answer.
func (c *Calendar) earliest(r int, v int64, ch *chunk, hint int) int64 {
	if ch != nil && v > 0 && v <= ch.total {
		return ch.earliest(c, v, hint)
	}
	const last = math.MaxInt // a hint for the last segment of a chunk
	for {
		switch {
		case r < 0:
			if v > 0 {
				r, hint = 0, 0
				continue
			}
			return c.gEarliest(v+c.gLo) - c.offLo
		case r >= c.n:
			if v <= 0 && c.n > 0 {
				r = c.n - 1
				v += c.total(r)
				hint = last
				continue
			}
			return c.gEarliest(v+c.gHi) - c.offHi
		}
		switch t := c.total(r); {
		case v <= 0:
			r--
			if r >= 0 {
				v += c.total(r)
				hint = last
			}
		case v > t:
			v -= t
			r++
			hint = 0
		default:
			return c.chunk(r).earliest(c, v, hint)
		}
	}
}

// IsOpen reports whether the calendar is open at t.
func (c *Calendar) IsOpen(t time.Time) bool {
	c.mustBeBuilt()
	_, _, open, _, _ := c.at(clampSec(t.Unix()))
	return open
}

// Between returns the business time in [a, b): the real elapsed time
// during which the calendar is open. It is negative when b is before a
// (Between(a, b) = −Between(b, a)) and, like [time.Time.Sub], saturates at
// the largest or smallest Duration. It costs two table look-ups and a step
// per stretch of 1,024 days between a and b, and does not allocate once
// the stretches of a and b are kept and those between have been passed
// before (see [Calendar] for what a calendar keeps).
func (c *Calendar) Between(a, b time.Time) time.Duration {
	c.mustBeBuilt()
	ra, va, na, _, _ := c.position(a)
	rb, vb, nb, _, _ := c.position(b)
	ds, dn := c.span(ra, va, rb, vb), nb-na
	const lim = math.MaxInt64/int64(time.Second) - 1
	switch {
	case ds > lim:
		return math.MaxInt64
	case ds < -lim:
		return math.MinInt64
	}
	return time.Duration(ds*int64(time.Second) + dn)
}

// position returns the position of t (its region and business seconds),
// the business nanoseconds of t within its second, and t's chunk and
// segment.
func (c *Calendar) position(t time.Time) (r int, v, ns int64, ch *chunk, seg int) {
	r, v, open, ch, seg := c.at(clampSec(t.Unix()))
	if open {
		ns = int64(t.Nanosecond())
	}
	return r, v, ns, ch, seg
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
// beyond the supported years). Add costs two table look-ups and a step
// per stretch of 1,024 days it passes, and does not allocate once the
// stretches of t and of the result are kept and those between have been
// passed before.
func (c *Calendar) Add(t time.Time, d time.Duration) time.Time {
	c.mustBeBuilt()
	if d == 0 {
		return t.In(c.loc)
	}
	r, s, open, ch, seg := c.at(clampSec(t.Unix()))
	var n int64
	if open {
		n = int64(t.Nanosecond())
	}
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
		if ch != nil && ts > 0 && ts <= ch.total {
			// The usual case: in t's stretch, and often in t's segment.
			if sg := &ch.segs[seg]; sg.regular() && sg.cum < ts && (seg+1 == len(ch.segs) || ch.segs[seg+1].cum >= ts) {
				return time.Unix(c.gEarliest(ts-sg.k)-int64(sg.off), 0).In(c.loc)
			}
			return time.Unix(ch.earliest(c, ts, seg), 0).In(c.loc)
		}
		return time.Unix(c.earliest(r, ts, ch, seg), 0).In(c.loc)
	}
	// The target lies strictly inside an open second, or (going back) at
	// the latest instant with that business time, just before the clock
	// starts counting again.
	return time.Unix(c.earliest(r, ts+1, ch, seg)-1, tn).In(c.loc)
}

// NextOpen returns the earliest instant at or after t at which the
// calendar is open: t itself when it is open at t. The result is in the
// calendar's zone. There always is one, since weekly hours are never empty
// and apply beyond the supported years too.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	c.mustBeBuilt()
	return c.Add(t, time.Nanosecond).Add(-time.Nanosecond)
}

// NextClose returns the earliest instant at or after t at which the
// calendar is closed: t itself when it is closed at t, else the end of the
// open stretch holding t (stretches of adjacent days that meet are one). It
// returns the zero Time when the calendar never closes after t, as for
// [Always]. The result is in the calendar's zone.
func (c *Calendar) NextClose(t time.Time) time.Time {
	c.mustBeBuilt()
	x := clampSec(t.Unix())
	if _, _, open, _, _ := c.at(x); !open {
		return t.In(c.loc)
	}
	if c.wkTotal == secPerWeek && len(c.rules) == 0 && len(c.over) == 0 {
		return time.Time{} // open all week, with nothing to close a day
	}
	for {
		end, bound := c.openEnd(x)
		if end < bound {
			return time.Unix(end, 0).In(c.loc)
		}
		if bound == math.MaxInt64 {
			return time.Time{}
		}
		x = bound
		if _, _, open, _, _ := c.at(x); !open {
			return time.Unix(x, 0).In(c.loc)
		}
	}
}

// openEnd returns, for an open Unix second x, the end of its open
// interval as the model of x's region and segment sees it, and where that
// model ends (MaxInt64 above the chunks).
func (c *Calendar) openEnd(x int64) (end, bound int64) {
	model := func(off int64) int64 {
		e := c.runEnd(x + off)
		if e != math.MaxInt64 {
			e -= off
		}
		return e
	}
	switch r, _, _, ch, _ := c.at(x); {
	case r < 0:
		return model(c.offLo), c.lo
	case r >= c.n:
		return model(c.offHi), math.MaxInt64
	default:
		return ch.openEnd(c, x)
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

// Open returns the instants of span at which the calendar is open. It
// allocates the result and costs time in proportion to the number of open
// stretches in span.
func (c *Calendar) Open(span window.Interval) window.Set {
	c.mustBeBuilt()
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
