package window_test

import (
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/slamath/slamath/window"
)

const million = 1_000_000

// randomUnsorted returns n intervals of up to a minute at random starts
// over about a year, in random order.
func randomUnsorted(n int, seed uint64) []window.Interval {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]window.Interval, n)
	for i := range out {
		start := base.Add(time.Duration(r.Int64N(int64(365 * 24 * time.Hour))))
		out[i] = window.Between(start, start.Add(time.Duration(r.Int64N(int64(time.Minute)))))
	}
	return out
}

// regularSet returns a normalized set of n members of length on, one every
// period, starting at offset.
func regularSet(n int, offset, on, period time.Duration) window.Set {
	ivs := make([]window.Interval, n)
	for i := range ivs {
		start := base.Add(offset + time.Duration(i)*period)
		ivs[i] = window.Between(start, start.Add(on))
	}
	return window.NewSet(ivs...)
}

func BenchmarkNewSet1M(b *testing.B) {
	ivs := randomUnsorted(million, 1)
	b.ReportAllocs()
	for b.Loop() {
		window.NewSet(ivs...)
	}
}

// BenchmarkNewSet1MReference is the simple way: sort time.Time intervals
// with sort.Slice and merge, for the ratio against NewSet.
func BenchmarkNewSet1MReference(b *testing.B) {
	ivs := randomUnsorted(million, 1)
	b.ReportAllocs()
	for b.Loop() {
		cp := append([]window.Interval(nil), ivs...)
		sort.Slice(cp, func(i, j int) bool { return cp[i].Start.Before(cp[j].Start) })
		out := cp[:0]
		for _, iv := range cp {
			if iv.Empty() {
				continue
			}
			if n := len(out); n > 0 && !out[n-1].End.Before(iv.Start) {
				if out[n-1].End.Before(iv.End) {
					out[n-1].End = iv.End
				}
				continue
			}
			out = append(out, iv)
		}
	}
}

func twoMillionSets() (window.Set, window.Set) {
	// Members of 40 s every minute, the second set shifted by 30 s: they
	// overlap each other member by member.
	a := regularSet(million, 0, 40*time.Second, time.Minute)
	c := regularSet(million, 30*time.Second, 40*time.Second, time.Minute)
	return a, c
}

func BenchmarkUnion1M(b *testing.B) {
	x, y := twoMillionSets()
	b.ReportAllocs()
	for b.Loop() {
		x.Union(y)
	}
}

func BenchmarkIntersect1M(b *testing.B) {
	x, y := twoMillionSets()
	b.ReportAllocs()
	for b.Loop() {
		x.Intersect(y)
	}
}

func BenchmarkSubtract1M(b *testing.B) {
	x, y := twoMillionSets()
	b.ReportAllocs()
	for b.Loop() {
		x.Subtract(y)
	}
}

func benchmarkContains(b *testing.B, n int) {
	set := regularSet(n, 0, 40*time.Second, time.Minute)
	probes := make([]time.Time, 1024)
	r := rand.New(rand.NewPCG(3, 3))
	for i := range probes {
		probes[i] = base.Add(time.Duration(r.Int64N(int64(n) * int64(time.Minute))))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		set.Contains(probes[i&1023])
		i++
	}
}

// Contains is a binary search: going from a thousand members to a million
// should add about ten steps, not multiply the time by a thousand.
func BenchmarkContains1K(b *testing.B) { benchmarkContains(b, 1_000) }
func BenchmarkContains1M(b *testing.B) { benchmarkContains(b, million) }

func BenchmarkMonthContaining(b *testing.B) {
	ny := load(b, "America/New_York")
	t := time.Date(2026, 3, 15, 12, 0, 0, 0, ny)
	b.ReportAllocs()
	for b.Loop() {
		window.Month.Containing(t, ny)
	}
}
