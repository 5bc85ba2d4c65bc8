package sla

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const rcMax = time.Duration(math.MaxInt64)

func TestRCNeed(t *testing.T) {
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
			got, ok := rcNeed(tt.target, tt.level)
			if got != tt.want || ok != tt.ok {
				t.Errorf("rcNeed(%d, %d) = %d, %v; want %d, %v", tt.target, tt.level, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRCReached(t *testing.T) {
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
			if got := rcReached(tt.elapsed, tt.target, tt.level); got != tt.want {
				t.Errorf("rcReached(%d, %d, %d) = %v, want %v", tt.elapsed, tt.target, tt.level, got, tt.want)
			}
		})
	}
}

func TestClockCyclePercentText(t *testing.T) {
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
			c := ClockCycle{Elapsed: tt.elapsed, Target: tt.target}
			if got := c.PercentText(tt.places); got != tt.want {
				t.Errorf("PercentText(%d) = %q, want %q", tt.places, got, tt.want)
			}
		})
	}
	if got := (ClockCycle{Elapsed: 1, Target: 3}).Percent(); math.Abs(got-100.0/3) > 1e-9 {
		t.Errorf("Percent = %v, want about 33.33", got)
	}
	if got := (ClockCycle{Elapsed: 1}).Percent(); got != 0 {
		t.Errorf("Percent of a zero target = %v, want 0", got)
	}
}

// TestClockSaturates: a clock running from year 1 to 2026 has more
// elapsed time than a Duration holds; the counts saturate and the breach
// is still placed at start + target.
func TestClockSaturates(t *testing.T) {
	start := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	st, err := ResponseClock{Target: time.Hour}.Status([]ClockEvent{rcEv(ClockStart, start)}, rcAt(2, 9, 0))
	require.NoError(t, err)
	c := st.Current()
	if c.Elapsed != rcMax || c.Actual != rcMax || !c.Breached || !c.BreachedAt.Equal(start.Add(time.Hour)) {
		t.Errorf("cycle = %+v, want saturated counts and a breach at %v", c, start.Add(time.Hour))
	}
	if c.Remaining() != time.Hour-rcMax {
		t.Errorf("Remaining = %v, want %v", c.Remaining(), time.Hour-rcMax)
	}
	if got := ResponseDefaultWarnings(); len(got) != 3 || got[0] != 50 || got[1] != 75 || got[2] != 100 {
		t.Errorf("ResponseDefaultWarnings = %v", got)
	}
}
