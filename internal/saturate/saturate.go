// Package saturate adds and subtracts time.Durations without overflow:
// a result beyond the range of time.Duration is clamped to the nearest
// bound, as time.Time.Sub does. It is the one place in the module where
// that rule is written.
package saturate

import (
	"math"
	"time"
)

// Add returns a + b, clamped to [math.MinInt64, math.MaxInt64]
// nanoseconds.
func Add(a, b time.Duration) time.Duration {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return math.MaxInt64
	case a < 0 && b < 0 && s >= 0:
		return math.MinInt64
	}
	return s
}

// Sub returns a − b, clamped like Add. Subtracting the most negative
// Duration, whose negation does not exist, is handled exactly.
func Sub(a, b time.Duration) time.Duration {
	if b == math.MinInt64 {
		if a >= 0 {
			return math.MaxInt64
		}
		// a − MinInt64 = a + 2^63, which lies in [0, MaxInt64] for a < 0.
		return a - b
	}
	return Add(a, -b)
}
