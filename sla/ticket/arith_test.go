package ticket

import (
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const rcMax = time.Duration(math.MaxInt64)

func TestNeed(t *testing.T) {
	tests := []struct {
		name   string
		target time.Duration
		level  int
		want   time.Duration
		ok     bool
	}{
		{"half of 8h", 8 * time.Hour, 50, 4 * time.Hour, true},
		{"33% of 10ns is 3.3ns, rounded up", 10, 33, 4, true},
		{"1% of 1ns rounds up to 1ns", 1, 1, 1, true},
		{"100% of the longest duration", rcMax, 100, rcMax, true},
		// 1000% of MaxInt64 is ten times more than a Duration holds.
		{"1000% of the longest duration", rcMax, 1000, 0, false},
		// 101% of MaxInt64 = MaxInt64 + ⌈MaxInt64/100⌉ does not fit.
		{"just past the longest duration", rcMax, 101, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := need(tt.target, tt.level)
			if got != tt.want || ok != tt.ok {
				t.Errorf("need(%d, %d) = %d, %v; want %d, %v", tt.target, tt.level, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestCrossed: Crossed(level) is elapsed×100 ≥ level×target, exactly,
// at the edges of the range of a Duration.
func TestCrossed(t *testing.T) {
	tenth := rcMax / 10 // 922337203685477580
	tests := []struct {
		name            string
		elapsed, target time.Duration
		level           int
		want            bool
	}{
		{"equal at 100%", rcMax, rcMax, 100, true},
		{"one short at 100%", rcMax - 1, rcMax, 100, false},
		// 1000 × 922337203685477580 = 922337203685477580000 = 100 × 9223372036854775800.
		{"exactly 1000% of a tenth", 10 * tenth, tenth, 1000, true},
		{"one short of 1000% of a tenth", 10*tenth - 1, tenth, 1000, false},
		{"negative elapsed", -1, time.Hour, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Cycle{Elapsed: tt.elapsed, Target: tt.target}).Crossed(tt.level); got != tt.want {
				t.Errorf("Crossed(%d) with elapsed %d of %d = %v, want %v", tt.level, tt.elapsed, tt.target, got, tt.want)
			}
		})
	}
}

func TestCyclePercent(t *testing.T) {
	tests := []struct {
		name            string
		elapsed, target time.Duration
		places          int
		want            string
	}{
		{"a third, nine places", 1, 3, 9, "33.333333333%"},
		{"two thirds truncated, not rounded", 2, 3, 2, "66.66%"},
		{"negative places clamp to 0", 2, 3, -1, "66%"},
		{"more than nine places clamp to 9", 2, 3, 20, "66.666666666%"},
		{"zero target", time.Hour, 0, 2, "0%"},
		{"negative elapsed", -1, 3, 2, "-33.33%"},
		{"tiny negative share truncates to zero without a sign", -1, time.Second, 2, "0.00%"},
		// MaxInt64 × 100 × 10^9 / 1 needs all 128 bits' worth of care.
		{"huge share", rcMax, 1, 0, "922337203685477580700%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Cycle{Elapsed: tt.elapsed, Target: tt.target}
			if got := c.Percent(tt.places); got != tt.want {
				t.Errorf("Percent(%d) = %q, want %q", tt.places, got, tt.want)
			}
		})
	}
	if got := (Cycle{Elapsed: 1, Target: 3}).Float64(); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("Float64 = %v, want about 0.3333", got)
	}
	if got := (Cycle{Elapsed: 1}).Float64(); got != 0 {
		t.Errorf("Float64 of a zero target = %v, want 0", got)
	}
}

// TestClockSaturates: a clock running from year 1 to 2026 has more
// elapsed time than a Duration holds; the counts saturate and the breach
// is still placed at start + target.
func TestClockSaturates(t *testing.T) {
	start := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	st, err := Clock{Target: time.Hour}.Status([]ClockEvent{rcEv(ClockStart, start)}, rcAt(2, 9, 0))
	require.NoError(t, err)
	c := st.Current()
	if c.Elapsed != rcMax || c.Actual != rcMax || !c.Breached || !c.BreachedAt.Equal(start.Add(time.Hour)) {
		t.Errorf("cycle = %+v, want saturated counts and a breach at %v", c, start.Add(time.Hour))
	}
	if c.Remaining() != time.Hour-rcMax {
		t.Errorf("Remaining = %v, want %v", c.Remaining(), time.Hour-rcMax)
	}
	if got := DefaultWarnings(); len(got) != 3 || got[0] != 50 || got[1] != 75 || got[2] != 100 {
		t.Errorf("DefaultWarnings = %v", got)
	}
}

// TestNeedDecomposition: need splits level and target into hundreds and
// remainders so that no product passes 64 bits; these cases reach each
// part. ⌈l×t/100⌉ is worked out by hand in each comment.
func TestNeedDecomposition(t *testing.T) {
	tests := []struct {
		name   string
		target time.Duration
		level  int
		want   time.Duration
		ok     bool
	}{
		// 150 × 3 / 100 = 4.5, rounded up to 5.
		{"level above 100, target below 100", 3, 150, 5, true},
		// 10^12 × 1 / 100 = 10^10.
		{"a level far beyond 1000", 1, 1_000_000_000_000, 10_000_000_000, true},
		// (2^63 − 1) / 100 = 92233720368547758.07, rounded up.
		{"largest level of 1ns", 1, math.MaxInt, 92233720368547759, true},
		// 99 × 101 / 100 = 99.99 → 100: the remainders alone carry.
		{"remainders only", 101, 99, 100, true},
		// 200 × (2^62) / 100 = 2^63, one past the largest Duration.
		{"exactly one past the range", 1 << 62, 200, 0, false},
		// 199 × 4611686018427387904 = 917725517667050192896; / 100 =
		// 9177255176670501928.96, rounded up; below 2^63 − 1.
		{"just inside the range", 1 << 62, 199, 9177255176670501929, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := need(tt.target, tt.level)
			if got != tt.want || ok != tt.ok {
				t.Errorf("need(%d, %d) = %d, %v; want %d, %v", tt.target, tt.level, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// FuzzNeed compares need with ⌈level×target/100⌉ in math/big.
func FuzzNeed(f *testing.F) {
	f.Add(int64(8*time.Hour), 50)
	f.Add(int64(math.MaxInt64), 101)
	f.Add(int64(1<<62), 199)
	f.Fuzz(func(t *testing.T, target int64, level int) {
		got, ok := need(time.Duration(target), level)
		if target <= 0 || level <= 0 {
			if got != 0 || !ok {
				t.Fatalf("need(%d, %d) = %d, %v; want 0, true", target, level, got, ok)
			}
			return
		}
		p := new(big.Int).Mul(big.NewInt(target), big.NewInt(int64(level)))
		p.Add(p, big.NewInt(99))
		p.Quo(p, big.NewInt(100))
		if fits := p.IsInt64(); ok != fits || ok && int64(got) != p.Int64() {
			t.Fatalf("need(%d, %d) = %d, %v; math/big says %v", target, level, got, ok, p)
		}
	})
}

// TestSumsSaturate: sums and differences of durations saturate at the
// limits of a Duration, through time.Time arithmetic.
func TestSumsSaturate(t *testing.T) {
	tests := []struct {
		name string
		got  time.Duration
		want time.Duration
	}{
		{"add past max", add(rcMax, 1), rcMax},
		{"add past min", add(math.MinInt64, -1), math.MinInt64},
		{"add mixed", add(rcMax, -1), rcMax - 1},
		{"sub min from zero", sub(0, math.MinInt64), rcMax},
		{"sub min from negative", sub(-1, math.MinInt64), rcMax},
		{"sub past min", sub(math.MinInt64, 1), math.MinInt64},
		{"sub", sub(time.Hour, 3*time.Hour), -2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d, want %d", tt.got, tt.want)
			}
		})
	}
}

// double is a broken schedule whose business time runs twice as fast as
// wall time.
type double struct{}

func (double) Between(a, b time.Time) time.Duration { return 2 * b.Sub(a) }

func (double) Add(t time.Time, d time.Duration) time.Time { return t.Add(d / 2) }

// TestClockHoldsBusinessToWallTime: a clock counts no more business time
// than wall time, whatever its Schedule says, so that its sums stay
// within the span of its events.
func TestClockHoldsBusinessToWallTime(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	events := []ClockEvent{{ClockStart, start}, {ClockPause, start.Add(time.Hour)}, {ClockResume, start.Add(2 * time.Hour)}}
	st, err := Clock{Target: 8 * time.Hour, Schedule: double{}}.Status(events, start.Add(3*time.Hour))
	require.NoError(t, err)
	c := st.Current()
	if c.Elapsed != 2*time.Hour || c.Actual != 2*time.Hour || c.Paused != time.Hour {
		t.Errorf("elapsed %v, actual %v, paused %v; want 2h, 2h, 1h", c.Elapsed, c.Actual, c.Paused)
	}
}
