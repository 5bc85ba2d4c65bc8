package main

import (
	"sync"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// counter counts good and bad requests in fixed-width time buckets held in
// a ring, so that its memory is fixed when it is made. Bucket i holds the
// requests of [i×width, (i+1)×width) of Unix time; the ring keeps the
// latest len(buckets) of them. A counter is safe for concurrent use.
type counter struct {
	width time.Duration

	mu      sync.Mutex
	buckets []bucket
}

type bucket struct {
	index       int64 // which bucket of Unix time the counts belong to
	good, total uint64
}

// newCounter returns a counter of buckets of the given width that keeps
// span of history. span must be a positive multiple of width.
func newCounter(width, span time.Duration) *counter {
	return &counter{width: width, buckets: make([]bucket, span/width)}
}

// index returns the bucket that holds t. It floors, so instants before
// 1970 fall in the right bucket too.
func (c *counter) index(t time.Time) int64 {
	n, w := t.UnixNano(), int64(c.width)
	q := n / w
	if n%w < 0 {
		q--
	}
	return q
}

func (c *counter) slot(i int64) *bucket {
	n := int64(len(c.buckets))
	return &c.buckets[((i%n)+n)%n]
}

// record counts one request that ended at t.
func (c *counter) record(t time.Time, good bool) {
	i := c.index(t)
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.slot(i)
	switch {
	case b.index > i && b.total > 0:
		// The slot already holds a later bucket: t is older than the
		// history the ring keeps, and is forgotten.
		return
	case b.index != i:
		*b = bucket{index: i}
	}
	b.total++
	if good {
		b.good++
	}
}

// end returns the end of the bucket that holds now: every window the
// service reports ends there, so windows are whole buckets.
func (c *counter) end(now time.Time) time.Time {
	return time.Unix(0, (c.index(now)+1)*int64(c.width)).UTC()
}

// read calls f with a function that gives the requests in a window (a
// whole number of buckets, within the ring's history), under one lock, so
// that every figure f computes is of the same moment.
func (c *counter) read(f func(ratio func(window.Interval) sla.Ratio)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(c.ratioLocked)
}

func (c *counter) ratioLocked(iv window.Interval) sla.Ratio {
	var good, total uint64
	first, last := c.index(iv.Start), c.index(iv.End) // buckets [first, last)
	first = max(first, last-int64(len(c.buckets)))
	for i := first; i < last; i++ {
		if b := c.slot(i); b.index == i {
			good += b.good
			total += b.total
		}
	}
	// good ≤ total holds bucket by bucket, so this cannot fail.
	r, _ := sla.NewRatio(good, total)
	return r
}
