package promtest

import (
	"slices"
	"strconv"
	"time"

	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

// UpSeries returns an up-like series with a point at every point of g:
// "0" at the instants in down, "1" elsewhere, and no point at the
// instants in gaps (failed scrapes). It is what a scrape every g.Step
// would store for a service down exactly during down.
func UpSeries(metric map[string]string, g prom.Grid, down, gaps window.Set) prom.Series {
	s := prom.Series{Metric: metric}
	for k := range g.Len() {
		t := g.At(k)
		if gaps.Contains(t) {
			continue
		}
		v := "1"
		if down.Contains(t) {
			v = "0"
		}
		s.Points = append(s.Points, prom.Point{T: t, Value: v})
	}
	return s
}

// CounterSeries returns a counter with a point at every point of g: 0 at
// Start, and at each later point the previous value plus events(step),
// the events of the step that ends there. At the instants in restarts the
// process restarted during the step before: the counter holds only that
// step's events.
func CounterSeries(metric map[string]string, g prom.Grid, events func(step window.Interval) uint64, restarts []time.Time) prom.Series {
	s := prom.Series{Metric: metric}
	var v uint64
	for k := range g.Len() {
		t := g.At(k)
		if k > 0 {
			n := events(window.Between(g.At(k-1), t))
			if slices.ContainsFunc(restarts, t.Equal) {
				v = 0
			}
			v += n
		}
		s.Points = append(s.Points, prom.Point{T: t, Value: strconv.FormatUint(v, 10)})
	}
	return s
}
