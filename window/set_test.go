package window_test

import (
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

// base is the origin of the small integer time lines used in these tests:
// s(n) is n seconds after it.
var base = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func s(n int) time.Time { return base.Add(time.Duration(n) * time.Second) }

func iv(a, b int) window.Interval { return window.Between(s(a), s(b)) }

// pairs returns the members of a set as [start, end) second offsets.
func pairs(set window.Set) [][2]int {
	out := [][2]int{}
	for m := range set.All() {
		out = append(out, [2]int{int(m.Start.Sub(base) / time.Second), int(m.End.Sub(base) / time.Second)})
	}
	return out
}

func TestNewSetNormalizes(t *testing.T) {
	tests := []struct {
		name string
		in   []window.Interval
		want [][2]int
	}{
		{"empty input", nil, [][2]int{}},
		{"overlapping merge", []window.Interval{iv(0, 10), iv(5, 15)}, [][2]int{{0, 15}}},
		{"touching merge: [0,10) and [10,20) leave no gap", []window.Interval{iv(0, 10), iv(10, 20)}, [][2]int{{0, 20}}},
		{"contained is absorbed", []window.Interval{iv(0, 100), iv(10, 20)}, [][2]int{{0, 100}}},
		{"duplicates collapse", []window.Interval{iv(3, 7), iv(3, 7), iv(3, 7)}, [][2]int{{3, 7}}},
		{"zero-length dropped", []window.Interval{iv(5, 5), iv(1, 2)}, [][2]int{{1, 2}}},
		{"backwards dropped", []window.Interval{iv(9, 4)}, [][2]int{}},
		{"out of order sorted", []window.Interval{iv(20, 30), iv(0, 5), iv(10, 15)}, [][2]int{{0, 5}, {10, 15}, {20, 30}}},
		{"gap of one second kept", []window.Interval{iv(0, 10), iv(11, 20)}, [][2]int{{0, 10}, {11, 20}}},
		{"chain merge through a later long member", []window.Interval{iv(0, 2), iv(4, 6), iv(1, 5)}, [][2]int{{0, 6}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pairs(window.NewSet(tt.in...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("NewSet (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSetOperationsKnownAnswers(t *testing.T) {
	a := window.NewSet(iv(0, 10), iv(20, 30))
	b := window.NewSet(iv(5, 25))
	tests := []struct {
		name string
		got  window.Set
		want [][2]int
	}{
		{"union", a.Union(b), [][2]int{{0, 30}}},
		{"intersect", a.Intersect(b), [][2]int{{5, 10}, {20, 25}}},
		{"a minus b", a.Subtract(b), [][2]int{{0, 5}, {25, 30}}},
		{"b minus a", b.Subtract(a), [][2]int{{10, 20}}},
		{"complement within [-5, 35)", a.Complement(iv(-5, 35)), [][2]int{{-5, 0}, {10, 20}, {30, 35}}},
		{"clip to [8, 22)", a.Clip(iv(8, 22)), [][2]int{{8, 10}, {20, 22}}},
		{"clip to empty", a.Clip(iv(8, 8)), [][2]int{}},
		{"union with empty", a.Union(window.Set{}), [][2]int{{0, 10}, {20, 30}}},
		{"intersect with empty", a.Intersect(window.Set{}), [][2]int{}},
		{"union of touching sets merges", window.NewSet(iv(0, 5)).Union(window.NewSet(iv(5, 9))), [][2]int{{0, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, pairs(tt.got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	assert.Equal(t, 20*time.Second, a.Duration())
	assert.Equal(t, 7*time.Second, a.DurationIn(iv(8, 25)), "[8,10) + [20,25)")
	assert.True(t, a.Contains(s(0)))
	assert.False(t, a.Contains(s(10)))
	assert.True(t, a.Contains(s(29)))
	assert.False(t, a.Contains(s(30)))
	assert.False(t, a.Contains(s(-1)))
	assert.Equal(t, 2, a.Len())
	assert.True(t, a.Bounds().Equal(iv(0, 30)))
}

func TestSetZeroValueAndImmutability(t *testing.T) {
	var z window.Set
	assert.True(t, z.IsEmpty())
	assert.Equal(t, time.Duration(0), z.Duration())
	assert.False(t, z.Contains(base))
	assert.Equal(t, "{}", z.String())
	assert.Empty(t, z.Intervals())

	a := window.NewSet(iv(0, 10))
	b := window.NewSet(iv(5, 15))
	_ = a.Union(b)
	_ = a.Subtract(b)
	_ = a.Clip(iv(2, 3))
	assert.Equal(t, [][2]int{{0, 10}}, pairs(a), "operands are not changed")
	ivs := a.Intervals()
	ivs[0].End = s(99)
	assert.Equal(t, [][2]int{{0, 10}}, pairs(a), "Intervals returns a copy")
}

// bitmap is the naive reference: one bool per second of [0, n).
type bitmap []bool

func toBitmap(set window.Set, n int) bitmap {
	b := make(bitmap, n)
	for i := range b {
		b[i] = set.Contains(s(i))
	}
	return b
}

func fromIntervals(ivs []window.Interval, n int) bitmap {
	b := make(bitmap, n)
	for _, m := range ivs {
		for i := range n {
			if m.Contains(s(i)) {
				b[i] = true
			}
		}
	}
	return b
}

func (b bitmap) count() int {
	c := 0
	for _, v := range b {
		if v {
			c++
		}
	}
	return c
}

func zip(a, b bitmap, f func(x, y bool) bool) bitmap {
	out := make(bitmap, len(a))
	for i := range a {
		out[i] = f(a[i], b[i])
	}
	return out
}

func randomIntervals(r *rand.Rand, n, span int) []window.Interval {
	out := make([]window.Interval, r.IntN(n+1))
	for i := range out {
		a := r.IntN(span)
		out[i] = iv(a, a+r.IntN(span/4+1)-2) // some empty or backwards
	}
	return out
}

// assertNormalized checks the invariant every Set result must keep:
// members sorted, non-empty, and separated by a gap.
func assertNormalized(t *testing.T, set window.Set) {
	t.Helper()
	ivs := set.Intervals()
	for i, m := range ivs {
		require.True(t, m.Start.Before(m.End), "member %d is empty: %v", i, m)
		if i > 0 {
			require.True(t, ivs[i-1].End.Before(m.Start), "members %d and %d touch or overlap: %v", i-1, i, set)
		}
	}
	require.Equal(t, len(ivs), set.Len())
}

func TestSetPropertiesAgainstBitmap(t *testing.T) {
	const span = 120          // seconds; intervals may reach a little past it
	const n = 2*span + span/4 // covers every interval drawn below
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		ia, ib := randomIntervals(r, 6, span), randomIntervals(r, 6, span)
		a, b := window.NewSet(ia...), window.NewSet(ib...)
		ra, rb := fromIntervals(ia, n), fromIntervals(ib, n)
		w0 := r.IntN(span)
		within := iv(w0, w0+r.IntN(span))
		rw := fromIntervals([]window.Interval{within}, n)

		cases := []struct {
			name string
			got  window.Set
			want bitmap
		}{
			{"NewSet a", a, ra},
			{"union", a.Union(b), zip(ra, rb, func(x, y bool) bool { return x || y })},
			{"intersect", a.Intersect(b), zip(ra, rb, func(x, y bool) bool { return x && y })},
			{"subtract", a.Subtract(b), zip(ra, rb, func(x, y bool) bool { return x && !y })},
			{"complement", a.Complement(within), zip(ra, rw, func(x, w bool) bool { return w && !x })},
			{"clip", a.Clip(within), zip(ra, rw, func(x, w bool) bool { return x && w })},
		}
		for _, c := range cases {
			assertNormalized(t, c.got)
			require.Equal(t, c.want, toBitmap(c.got, n), "trial %d: %s of %v and %v", trial, c.name, a, b)
			require.Equal(t, time.Duration(c.want.count())*time.Second, c.got.Duration(), "trial %d: %s duration", trial, c.name)
		}
		require.Equal(t, a.Clip(within).Duration(), a.DurationIn(within))
		// |A∪B| + |A∩B| = |A| + |B|
		require.Equal(t, a.Duration()+b.Duration(), a.Union(b).Duration()+a.Intersect(b).Duration())
	}
}

func TestSetIgnoresLocationAndMonotonic(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	now := time.Now()
	a := window.NewSet(window.Between(now, now.Add(time.Hour)))
	b := window.NewSet(window.Between(now.Round(0).In(ny), now.Add(time.Hour).Round(0).In(ny)))
	assert.True(t, a.Equal(b))
	for m := range a.All() {
		assert.Equal(t, time.UTC, m.Start.Location())
	}
}

// TestNewSetLargeMatchesSortAndMerge covers the radix-sort path that
// NewSet takes for large inputs, against the plain comparison sort.
func TestNewSetLargeMatchesSortAndMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, tc := range []struct {
		name     string
		spread   time.Duration
		outliers bool
	}{
		{"within a day, nanosecond starts", 24 * time.Hour, false},
		{"within ten years", 10 * 365 * 24 * time.Hour, false},
		{"over two and a half centuries", 250 * 365 * 24 * time.Hour, false},
		{"outliers 1,700 years apart (comparison sort)", 24 * time.Hour, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ivs := make([]window.Interval, 20_000)
			for i := range ivs {
				start := base.Add(time.Duration(r.Int64N(int64(tc.spread))))
				ivs[i] = window.Between(start, start.Add(time.Duration(r.Int64N(int64(tc.spread/5000)))))
			}
			if tc.outliers {
				ivs[10] = window.Between(time.Date(1200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1200, 1, 2, 0, 0, 0, 0, time.UTC))
				ivs[20] = window.Between(time.Date(2900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2900, 1, 2, 0, 0, 0, 0, time.UTC))
			}
			ref := append([]window.Interval(nil), ivs...)
			sort.Slice(ref, func(i, j int) bool { return ref[i].Start.Before(ref[j].Start) })
			var want []window.Interval
			for _, m := range ref {
				if m.Empty() {
					continue
				}
				if n := len(want); n > 0 && !want[n-1].End.Before(m.Start) {
					if want[n-1].End.Before(m.End) {
						want[n-1].End = m.End
					}
					continue
				}
				want = append(want, m)
			}
			got := window.NewSet(ivs...).Intervals()
			require.Equal(t, len(want), len(got))
			for i := range want {
				require.True(t, want[i].Equal(got[i]), "member %d: want %v, got %v", i, want[i], got[i])
			}
		})
	}
}
