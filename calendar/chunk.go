package calendar

import (
	"cmp"
	"math"
	"slices"
	"sync/atomic"
	"time"
)

// The tables of a calendar are built a chunk at a time: a chunk is a
// stretch of chunkDays local days, from day dayOrigin + k·chunkDays, that
// covers the instants from its first local midnight to the next chunk's.
// The chunks span the years FirstYear to LastYear with a few days to spare.
const (
	chunkShift = 10
	chunkDays  = 1 << chunkShift
	groupShift = 5 // chunks per directory entry: 32
	groupMask  = 1<<groupShift - 1

	// minDay and maxDay are the day numbers (days from 1970-01-01) of
	// 0001-01-01 and 9999-12-31, the first and last days on which a
	// holiday or override can fall.
	minDay = -719162
	maxDay = 2932896

	dayOrigin = minDay - 4
	numChunks = (maxDay+4-dayOrigin)/chunkDays + 1
	dirGroups = (numChunks + groupMask) >> groupShift
)

// maxCachedChunks bounds the chunks a calendar keeps: about 45 years of
// tables, a few kilobytes each. A query further out builds what it needs
// and drops it again; a query across many chunks needs only each
// chunk's summary, which is kept in 8 bytes.
const maxCachedChunks = 16

type chunkGroup [1 << groupShift]atomic.Pointer[chunk]

// sumGroup holds the summaries of the chunks of one directory entry: 0
// for a chunk not yet summed, else its packed summary (see
// chunk.summary).
type sumGroup [1 << groupShift]atomic.Uint64

// chunk holds the tables of one stretch of days.
type chunk struct {
	first      int64 // day number of the first day
	start, end int64 // Unix seconds of the first day's and the next chunk's midnight
	total      int64 // business seconds in [start, end)

	// Segments cover [start, end): a regular one's business time up to x
	// is k + g(x+off), an exceptional one's comes from ivs[lo:hi]. The
	// business time is counted from start.
	segs  []segment
	ivs   []instSpan
	wkIdx []uint16 // the segment holding start + w weeks

	// Holidays that fall on or are observed on a day of the chunk, by
	// date and rule; byObs orders them by observed day and rule.
	hols  []holRec
	byObs []uint16

	// Days whose openness (any hours) differs from their weekday's, and
	// the running sum of the differences: xs[i] is the sum over xd[:i].
	xd []int32
	xs []int32

	// used is set when a query reads the chunk and cleared by the
	// eviction sweep: a chunk read since the last sweep stays.
	used atomic.Bool
}

// A chunk's summary: its business seconds (under 2^27: 1,024 days of
// 86,400 seconds and an hour of offset change) and its open days beyond
// the weekly ones (within ±1,024), packed with a flag into a uint64.
const (
	sumKnown      = 1 << 63
	sumDaysShift  = 32
	sumDaysOffset = 1 << 12
)

func (ch *chunk) summary() uint64 {
	days := ch.openDays(ch.first, ch.first+chunkDays)
	return sumKnown | uint64(days+sumDaysOffset)<<sumDaysShift | uint64(ch.total)
}

func unpack(s uint64) (total, days int64) {
	return int64(uint32(s)), int64(s>>sumDaysShift&(1<<16-1)) - sumDaysOffset
}

// segment is a stretch of instants from start up to the next segment's
// start (or the chunk's end).
type segment struct {
	start  int64 // Unix second
	cum    int64 // business seconds from the chunk's start to start
	k      int64 // regular: business seconds are k + g(x+off)
	off    int32 // regular: UTC offset in seconds
	lo, hi int32 // exceptional: ivs[lo:hi]; regular: lo = -1
}

func (s *segment) regular() bool { return s.lo < 0 }

// instSpan is an open interval [start, end) of Unix seconds with cum the
// business seconds from the chunk's start to start.
type instSpan struct{ start, end, cum int64 }

// holRec is a holiday of a chunk: its rule and the day numbers of its
// date and observed date.
type holRec struct {
	rule           int32
	date, observed int32
}

// chunk returns chunk ci (0 ≤ ci < c.n), building it if it is not kept.
func (c *Calendar) chunk(ci int) *chunk {
	if ch := c.loaded(ci); ch != nil {
		return ch
	}
	return c.build(ci)
}

// loaded returns chunk ci if it is kept, else nil, and marks it used.
func (c *Calendar) loaded(ci int) *chunk {
	g := c.dir[ci>>groupShift].Load()
	if g == nil {
		return nil
	}
	ch := g[ci&groupMask].Load()
	if ch != nil && !ch.used.Load() {
		ch.used.Store(true)
	}
	return ch
}

// build builds chunk ci and keeps it: concurrent callers wait for the one
// that builds it, so a chunk is built once while it is kept. When
// maxCachedChunks are kept already, one is dropped first: the sweep
// (the "clock" approximation of least recently used) passes over the
// kept chunks in turn, sparing once each chunk read since it last
// passed, and drops the first that was not. A dropped chunk leaves its
// summary behind.
func (c *Calendar) build(ci int) *chunk {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.dir[ci>>groupShift].Load()
	if g == nil {
		g = new(chunkGroup)
		c.dir[ci>>groupShift].Store(g)
	}
	if ch := g[ci&groupMask].Load(); ch != nil {
		return ch
	}
	ch := c.buildChunk(ci)
	ch.used.Store(true)
	if len(c.held) < maxCachedChunks {
		c.held = append(c.held, ci)
	} else {
		for {
			old := c.held[c.hand]
			slot := &c.dir[old>>groupShift].Load()[old&groupMask]
			och := slot.Load()
			c.hand = (c.hand + 1) % maxCachedChunks
			if och.used.Load() {
				och.used.Store(false)
				continue
			}
			c.sums(old).Store(och.summary())
			slot.Store(nil)
			c.held[(c.hand+maxCachedChunks-1)%maxCachedChunks] = ci
			break
		}
	}
	g[ci&groupMask].Store(ch)
	c.builds.Add(1)
	return ch
}

// kept returns chunk ci if it is kept, else nil, without marking it
// used: for the walks over the chunks between the ends of a query.
func (c *Calendar) kept(ci int) *chunk {
	if g := c.dir[ci>>groupShift].Load(); g != nil {
		return g[ci&groupMask].Load()
	}
	return nil
}

// sums returns the summary of chunk ci's slot, allocating its group the
// first time.
func (c *Calendar) sums(ci int) *atomic.Uint64 {
	dir := c.sumDir.Load()
	if dir == nil {
		dir = new([dirGroups]atomic.Pointer[sumGroup])
		if !c.sumDir.CompareAndSwap(nil, dir) {
			dir = c.sumDir.Load()
		}
	}
	p := &dir[ci>>groupShift]
	g := p.Load()
	if g == nil {
		g = new(sumGroup)
		if !p.CompareAndSwap(nil, g) {
			g = p.Load()
		}
	}
	return &g[ci&groupMask]
}

// summary returns the business seconds of chunk ci and its open days
// beyond the weekly ones, from the chunk if it is kept, else from its
// summary, else by building the chunk without keeping it (and keeping
// the summary).
func (c *Calendar) summary(ci int) (total, days int64) {
	if ch := c.kept(ci); ch != nil {
		return unpack(ch.summary())
	}
	s := c.sums(ci)
	v := s.Load()
	if v == 0 {
		v = c.buildChunk(ci).summary()
		s.Store(v)
	}
	return unpack(v)
}

// chunkOfDay returns the chunk holding day number d, or nil outside the
// chunks.
func (c *Calendar) chunkOfDay(d int64) *chunk {
	if c.n == 0 || d < dayOrigin {
		return nil
	}
	ci := (d - dayOrigin) >> chunkShift
	if ci >= int64(c.n) {
		return nil
	}
	return c.chunk(int(ci))
}

// chunkDayBounds returns the first day of chunk ci and the first day of
// the next.
func chunkDayBounds(ci int) (int64, int64) {
	d0 := dayOrigin + int64(ci)<<chunkShift
	return d0, d0 + chunkDays
}

// setBounds sets the instants the chunks cover and the weekly model below
// and above them. A calendar with no holidays, no overrides and a zone
// that never changes its offset needs no chunks at all.
func (c *Calendar) setBounds() {
	c.setEnd()
	start, end := time.Unix(0, 0).In(c.loc).ZoneBounds()
	if len(c.rules) == 0 && len(c.over) == 0 && start.IsZero() && end.IsZero() {
		c.offLo = c.offsetAt(0)
		c.offHi = c.offLo
		c.gLo = c.g(c.offLo)
		c.gHi = c.gLo
		return
	}
	c.n = numChunks
	d0, _ := chunkDayBounds(0)
	_, d1 := chunkDayBounds(c.n - 1)
	// The outer bounds are UTC midnights, days before year 1 and after year
	// 9999, so that New need not convert wall times that far out.
	c.lo, c.hi = d0*secPerDay, d1*secPerDay
	c.offLo, c.offHi = c.offsetAt(c.lo), c.offsetAt(c.hi)
	c.gLo, c.gHi = c.g(c.lo+c.offLo), c.g(c.hi+c.offHi)
}

// seg returns the index of the segment of ch holding Unix second x, which
// lies in [ch.start, ch.end).
func (ch *chunk) seg(x int64) int {
	i := int(ch.wkIdx[uint64(x-ch.start)/secPerWeek])
	for i+1 < len(ch.segs) && ch.segs[i+1].start <= x {
		i++
	}
	return i
}

// at returns the business seconds from ch.start to x, which lies in
// [ch.start, ch.end), whether the second [x, x+1) is open, and the index
// of x's segment.
func (ch *chunk) at(c *Calendar, x int64) (int64, bool, int) {
	i := ch.seg(x)
	sg := &ch.segs[i]
	if sg.regular() {
		// c.gOpen(x + off), written out: this is the hot path.
		q := x + int64(sg.off) - mondayEpoch
		k := floorDiv(q, secPerWeek)
		s, open := c.prefix(q - k*secPerWeek)
		return sg.k + k*c.wkTotal + s, open, i
	}
	ivs := ch.ivs[sg.lo:sg.hi]
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
		return sg.cum, false, i
	}
	iv := &ivs[lo-1]
	if x < iv.end {
		return iv.cum + x - iv.start, true, i
	}
	return iv.cum + iv.end - iv.start, false, i
}

// earliest returns the earliest Unix second of ch with v business seconds
// from ch.start before it, for 0 < v ≤ ch.total. The search starts from
// segment hint, which a caller sets to a segment near the answer.
func (ch *chunk) earliest(c *Calendar, v int64, hint int) int64 {
	segs := ch.segs
	i := min(max(hint, 0), len(segs)-1) // the last segment with cum < v
	switch {
	case segs[i].cum >= v:
		for i > 0 && segs[i].cum >= v {
			i--
		}
	default:
		for n := 0; i+1 < len(segs) && segs[i+1].cum < v; n++ {
			if n == 4 {
				lo, hi := i+1, len(segs)
				for lo < hi {
					m := int(uint(lo+hi) >> 1)
					if segs[m].cum < v {
						lo = m + 1
					} else {
						hi = m
					}
				}
				i = lo - 1
				break
			}
			i++
		}
	}
	sg := &segs[i]
	if sg.regular() {
		return c.gEarliest(v-sg.k) - int64(sg.off)
	}
	ivs := ch.ivs[sg.lo:sg.hi]
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

// openEnd returns, for an open Unix second x of ch, the end of its open
// interval as x's segment sees it, and the end of that segment.
func (ch *chunk) openEnd(c *Calendar, x int64) (end, bound int64) {
	i := ch.seg(x)
	sg := &ch.segs[i]
	bound = ch.end
	if i+1 < len(ch.segs) {
		bound = ch.segs[i+1].start
	}
	if sg.regular() {
		end = c.runEnd(x + int64(sg.off))
		if end != math.MaxInt64 {
			end -= int64(sg.off)
		}
		return end, bound
	}
	for _, iv := range ch.ivs[sg.lo:sg.hi] {
		if iv.start <= x && x < iv.end {
			return iv.end, bound
		}
	}
	return x, bound
}

// observedOn reports whether a holiday is observed on day d of ch.
func (ch *chunk) observedOn(d int64) bool {
	_, ok := slices.BinarySearchFunc(ch.byObs, d, func(i uint16, d int64) int { return cmp.Compare(int64(ch.hols[i].observed), d) })
	return ok
}

// openDays returns the open days in [a, b), a subrange of ch's days,
// beyond those of the weekly hours: negative when holidays close more
// days than overrides open.
func (ch *chunk) openDays(a, b int64) int64 {
	if len(ch.xd) == 0 {
		return 0
	}
	i, _ := slices.BinarySearch(ch.xd, int32(a))
	j, _ := slices.BinarySearch(ch.xd, int32(b))
	return int64(ch.xs[j] - ch.xs[i])
}
