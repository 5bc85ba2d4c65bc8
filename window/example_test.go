package window_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/window"
)

// at returns 2026-03-02 (a Monday) at hh:mm UTC.
func at(hh, mm int) time.Time {
	return time.Date(2026, 3, 2, hh, mm, 0, 0, time.UTC)
}

func ExampleUnit_Containing() {
	ny, _ := time.LoadLocation("America/New_York")
	march := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	fmt.Println(march)
	fmt.Println(march.Duration())
	// Output:
	// 2026-03-01T00:00:00-05:00/2026-04-01T00:00:00-04:00
	// 743h0m0s
}

func ExampleSet_Intersect() {
	down := window.NewSet(
		window.Between(at(9, 30), at(10, 0)),
		window.Between(at(9, 45), at(10, 15)), // overlaps the first
		window.Between(at(18, 0), at(18, 5)),  // after hours
	)
	hours := window.NewSet(window.Between(at(9, 0), at(17, 0)))
	fmt.Println(down)
	fmt.Println(down.Intersect(hours).Duration())
	// Output:
	// {2026-03-02T09:30:00Z/2026-03-02T10:15:00Z, 2026-03-02T18:00:00Z/2026-03-02T18:05:00Z}
	// 45m0s
}
