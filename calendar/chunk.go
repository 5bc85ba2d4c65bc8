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

type chunkGroup [1 << groupShift]atomic.Pointer[chunk]

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

// chunk returns chunk ci (0 ≤ ci < c.n), building it if no query has yet.
func (c *Calendar) chunk(ci int) *chunk {
	if ch := c.loaded(ci); ch != nil {
		return ch
	}
	return c.build(ci)
}

// loaded returns chunk ci if it is built, else nil.
func (c *Calendar) loaded(ci int) *chunk {
	g := c.dir[ci>>groupShift].Load()
	if g == nil {
		return nil
	}
	return g[ci&groupMask].Load()
}

// build builds chunk ci once: concurrent callers wait for the one that
// builds it.
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
	g[ci&groupMask].Store(ch)
	c.builds.Add(1)
	return ch
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
