package window

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/saturate"
)

// Set is a set of instants held as normalized intervals: sorted, disjoint,
// with touching members merged and empty ones dropped. Intervals read back
// from a Set are in UTC.
//
// The zero value is the empty set. A Set is immutable: every operation
// returns a new Set and never changes its operands, so Sets are safe for
// concurrent use. Binary operations are linear merges that make one
// allocation for their result.
type Set struct {
	spans []span
}

// NewSet returns the set of instants covered by any of the intervals. It
// sorts once and merges in one pass; the intervals may come in any order,
// overlap, touch, repeat or be empty.
func NewSet(intervals ...Interval) Set {
	spans := make([]span, 0, len(intervals))
	for _, iv := range intervals {
		s, e := toInstant(iv.Start), toInstant(iv.End)
		if s.before(e) {
			spans = append(spans, span{s, e})
		}
	}
	if len(spans) == 0 {
		return Set{}
	}
	sortSpans(spans)
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.start.before(last.end) || sp.start == last.end {
			if last.end.before(sp.end) {
				last.end = sp.end
			}
			continue
		}
		out = append(out, sp)
	}
	return Set{spans: out}
}

// Len returns the number of disjoint intervals in the set.
func (s Set) Len() int { return len(s.spans) }

// IsEmpty reports whether the set contains no instant.
func (s Set) IsEmpty() bool { return len(s.spans) == 0 }

// Intervals returns the members of the set in order, as a new slice.
func (s Set) Intervals() []Interval {
	out := make([]Interval, len(s.spans))
	for i, sp := range s.spans {
		out[i] = sp.interval()
	}
	return out
}

// All returns an iterator over the members of the set in order.
func (s Set) All() iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		for _, sp := range s.spans {
			if !yield(sp.interval()) {
				return
			}
		}
	}
}

// Bounds returns the smallest interval that holds the whole set, or the
// zero Interval for the empty set.
func (s Set) Bounds() Interval {
	if len(s.spans) == 0 {
		return Interval{}
	}
	return span{s.spans[0].start, s.spans[len(s.spans)-1].end}.interval()
}

// Duration returns the total length of the set, saturating at the largest
// time.Duration.
func (s Set) Duration() time.Duration {
	var total time.Duration
	for _, sp := range s.spans {
		total = saturate.Add(total, sp.end.sub(sp.start))
	}
	return total
}

// DurationIn returns the length of the part of the set inside iv, without
// building that part: s.DurationIn(iv) == s.Clip(iv).Duration().
func (s Set) DurationIn(iv Interval) time.Duration {
	lo, hi := toInstant(iv.Start), toInstant(iv.End)
	if !lo.before(hi) {
		return 0
	}
	var total time.Duration
	for i := s.firstEndingAfter(lo); i < len(s.spans) && s.spans[i].start.before(hi); i++ {
		sp := s.spans[i]
		total = saturate.Add(total, minInstant(sp.end, hi).sub(maxInstant(sp.start, lo)))
	}
	return total
}

// Contains reports whether t is in the set. It is a binary search:
// O(log n).
func (s Set) Contains(t time.Time) bool {
	a := toInstant(t)
	i := s.firstEndingAfter(a)
	return i < len(s.spans) && !a.before(s.spans[i].start)
}

// firstEndingAfter returns the index of the first member whose end is
// after a, or Len() if there is none.
func (s Set) firstEndingAfter(a instant) int {
	return sort.Search(len(s.spans), func(i int) bool { return a.before(s.spans[i].end) })
}

// Equal reports whether the two sets contain the same instants.
func (s Set) Equal(o Set) bool {
	return slices.Equal(s.spans, o.spans)
}

// String returns the members in ISO 8601 form, separated by commas and
// enclosed in braces: {2026-03-02T09:00:00Z/2026-03-02T17:00:00Z}.
func (s Set) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, sp := range s.spans {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(sp.interval().String())
	}
	b.WriteByte('}')
	return b.String()
}

// appendMerged appends sp to out, merging it into the last member when
// they overlap or touch. sp must not start before the last member does.
func appendMerged(out []span, sp span) []span {
	if n := len(out); n > 0 && !out[n-1].end.before(sp.start) {
		if out[n-1].end.before(sp.end) {
			out[n-1].end = sp.end
		}
		return out
	}
	return append(out, sp)
}

// Union returns the instants in s or o.
func (s Set) Union(o Set) Set {
	if len(s.spans) == 0 {
		return o
	}
	if len(o.spans) == 0 {
		return s
	}
	a, b := s.spans, o.spans
	out := make([]span, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i].start.before(b[j].start) {
			out = appendMerged(out, a[i])
			i++
		} else {
			out = appendMerged(out, b[j])
			j++
		}
	}
	for ; i < len(a); i++ {
		out = appendMerged(out, a[i])
	}
	for ; j < len(b); j++ {
		out = appendMerged(out, b[j])
	}
	return Set{spans: out}
}

// Intersect returns the instants in both s and o.
func (s Set) Intersect(o Set) Set {
	a, b := s.spans, o.spans
	if len(a) == 0 || len(b) == 0 {
		return Set{}
	}
	out := make([]span, 0, len(a)+len(b)-1)
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo := maxInstant(a[i].start, b[j].start)
		hi := minInstant(a[i].end, b[j].end)
		if lo.before(hi) {
			out = append(out, span{lo, hi})
		}
		if a[i].end.before(b[j].end) {
			i++
		} else {
			j++
		}
	}
	return fromSpans(out)
}

// Subtract returns the instants in s that are not in o.
func (s Set) Subtract(o Set) Set {
	a, b := s.spans, o.spans
	if len(a) == 0 || len(b) == 0 {
		return s
	}
	out := make([]span, 0, len(a)+len(b))
	j := 0
	for _, sp := range a {
		cur := sp.start
		// Skip the members of o that end before this member starts.
		for j < len(b) && !cur.before(b[j].end) {
			j++
		}
		for k := j; k < len(b) && b[k].start.before(sp.end); k++ {
			if cur.before(b[k].start) {
				out = append(out, span{cur, b[k].start})
			}
			cur = maxInstant(cur, b[k].end)
		}
		if cur.before(sp.end) {
			out = append(out, span{cur, sp.end})
		}
	}
	return fromSpans(out)
}

// Complement returns the instants of within that are not in s.
func (s Set) Complement(within Interval) Set {
	return NewSet(within).Subtract(s)
}

// Clip returns the part of s inside iv.
func (s Set) Clip(iv Interval) Set {
	lo, hi := toInstant(iv.Start), toInstant(iv.End)
	if !lo.before(hi) {
		return Set{}
	}
	first := s.firstEndingAfter(lo)
	last := first
	for last < len(s.spans) && s.spans[last].start.before(hi) {
		last++
	}
	if first == last {
		return Set{}
	}
	if !s.spans[first].start.before(lo) && !hi.before(s.spans[last-1].end) {
		// Nothing to trim: a Set is immutable, so the clip shares the
		// members it keeps (capacity cut, so nothing appends into them).
		return Set{spans: s.spans[first:last:last]}
	}
	out := make([]span, last-first)
	copy(out, s.spans[first:last])
	out[0].start = maxInstant(out[0].start, lo)
	out[len(out)-1].end = minInstant(out[len(out)-1].end, hi)
	return Set{spans: out}
}

func fromSpans(spans []span) Set {
	if len(spans) == 0 {
		return Set{}
	}
	return Set{spans: spans}
}
