package sla_test

import (
	"fmt"

	"github.com/slamath/slamath/sla"
)

// A ratio prints truncated, so a missed target never reads as met, and
// compares with a target exactly.
func ExampleRatio_Percent() {
	target := sla.MustTarget("99.95%")
	// 1,999,999 good of 2,001,000 is 99.949975…%: just short of the
	// target, though rounding to two places would show 99.95%.
	missed, _ := sla.NewRatio(1_999_999, 2_001_000)
	// 1,999,000 good of 2,000,000 is exactly 99.95%, which meets it.
	exact, _ := sla.NewRatio(1_999_000, 2_000_000)
	for _, r := range []sla.Ratio{missed, exact} {
		fmt.Printf("%s (rounded: %.2f%%) meets %v: %v\n", r.Percent(4), r.Float64()*100, target, r.Met(target))
	}
	// Output:
	// 99.9499% (rounded: 99.95%) meets 99.95%: false
	// 99.9500% (rounded: 99.95%) meets 99.95%: true
}
