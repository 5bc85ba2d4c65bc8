package calendar

import (
	"math/rand/v2"
	"testing"
)

// TestWeeksOf checks the division by multiplication against floorDiv for
// weekly totals from one second to a whole week and values across the
// range the arithmetic uses.
func TestWeeksOf(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		c := &Calendar{wkTotal: 1 + r.Int64N(secPerWeek)}
		if r.IntN(10) == 0 {
			c.wkTotal = secPerWeek
		}
		c.wkRecip = ^uint64(0) / uint64(c.wkTotal)
		for _, v := range []int64{0, 1, -1, c.wkTotal, -c.wkTotal, c.wkTotal - 1, 1 - c.wkTotal, 1 << 52, -(1 << 52),
			r.Int64N(1<<53) - 1<<52, r.Int64N(4*c.wkTotal) - 2*c.wkTotal} {
			if got, want := c.weeksOf(v), floorDiv(v, c.wkTotal); got != want {
				t.Fatalf("weeksOf(%d) with wkTotal %d = %d, want %d", v, c.wkTotal, got, want)
			}
		}
	}
}
