package saturate

import (
	"math"
	"math/big"
	"testing"
	"time"
)

const (
	maxD = time.Duration(math.MaxInt64)
	minD = time.Duration(math.MinInt64)
)

func TestAddSub(t *testing.T) {
	tests := []struct {
		name string
		got  time.Duration
		want time.Duration
	}{
		{"add", Add(time.Hour, 30*time.Minute), 90 * time.Minute},
		{"add past max", Add(maxD, 1), maxD},
		{"add past min", Add(minD, -1), minD},
		{"add mixed signs never clamps", Add(maxD, minD), -1},
		{"add mixed", Add(maxD, -1), maxD - 1},
		{"sub", Sub(time.Hour, 3*time.Hour), -2 * time.Hour},
		// 0 − (−2^63) = 2^63, one more than MaxInt64.
		{"sub min from zero", Sub(0, minD), maxD},
		{"sub min from negative", Sub(-1, minD), maxD},
		{"sub min from min", Sub(minD, minD), 0},
		{"sub past min", Sub(minD, 1), minD},
		{"sub past max", Sub(maxD, -1), maxD},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d, want %d", tt.got, tt.want)
			}
		})
	}
}

// clamp is the reference: the exact result in math/big, clamped.
func clamp(x *big.Int) time.Duration {
	if x.Cmp(big.NewInt(math.MaxInt64)) > 0 {
		return maxD
	}
	if x.Cmp(big.NewInt(math.MinInt64)) < 0 {
		return minD
	}
	return time.Duration(x.Int64())
}

func FuzzAgainstBig(f *testing.F) {
	f.Add(int64(math.MaxInt64), int64(1))
	f.Add(int64(math.MinInt64), int64(math.MinInt64))
	f.Add(int64(-1), int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, a, b int64) {
		x, y := big.NewInt(a), big.NewInt(b)
		if got, want := Add(time.Duration(a), time.Duration(b)), clamp(new(big.Int).Add(x, y)); got != want {
			t.Errorf("Add(%d, %d) = %d, want %d", a, b, got, want)
		}
		if got, want := Sub(time.Duration(a), time.Duration(b)), clamp(new(big.Int).Sub(x, y)); got != want {
			t.Errorf("Sub(%d, %d) = %d, want %d", a, b, got, want)
		}
	})
}
