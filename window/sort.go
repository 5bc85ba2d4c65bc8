package window

import "slices"

// sortSpans sorts spans by start. Large inputs whose starts lie within a
// few centuries of each other are radix sorted on a 64-bit key (seconds
// from the earliest start, then nanoseconds), which is several times
// faster than a comparison sort on a million members; anything else uses
// the comparison sort.
func sortSpans(spans []span) {
	const minRadix = 4096
	if len(spans) < minRadix || slices.IsSortedFunc(spans, cmpStart) {
		slices.SortFunc(spans, cmpStart)
		return
	}
	lo, hi := spans[0].start.sec, spans[0].start.sec
	for _, sp := range spans {
		lo = min(lo, sp.start.sec)
		hi = max(hi, sp.start.sec)
	}
	// 34 bits of seconds (about 544 years) beside 30 bits of nanoseconds.
	if uint64(hi)-uint64(lo) >= 1<<34 {
		slices.SortFunc(spans, cmpStart)
		return
	}
	key := func(sp span) uint64 {
		return uint64(sp.start.sec-lo)<<30 | uint64(sp.start.nsec)
	}
	maxKey := uint64(hi-lo)<<30 | (1<<30 - 1)
	tmp := make([]span, len(spans))
	src, dst := spans, tmp
	const bits = 11
	const buckets = 1 << bits
	var count [buckets]int
	for shift := uint(0); shift < 64 && maxKey>>shift != 0; shift += bits {
		clear(count[:])
		for _, sp := range src {
			count[(key(sp)>>shift)&(buckets-1)]++
		}
		pos := 0
		for i, c := range count {
			count[i] = pos
			pos += c
		}
		for _, sp := range src {
			d := (key(sp) >> shift) & (buckets - 1)
			dst[count[d]] = sp
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &spans[0] {
		copy(spans, src)
	}
}

func cmpStart(a, b span) int { return a.start.cmp(b.start) }
