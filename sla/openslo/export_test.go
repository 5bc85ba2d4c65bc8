package openslo

import (
	"time"

	"github.com/slamath/slamath/window"
)

// GridPeriod is TimeWindow.Period without the window fast path, so that
// tests can compare the general grid with window's periods.
func GridPeriod(start time.Time, d Duration, t time.Time) window.Interval {
	return newGrid(start, d).containing(t)
}

// WallInstant exposes wallInstant to tests.
var WallInstant = wallInstant
