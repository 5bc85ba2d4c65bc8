package prom_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
	"github.com/slamath/slamath/window"
)

// march is March 2026 in UTC at one-minute steps: 44,641 points from
// 1 March 00:00 to 1 April 00:00.
var march = prom.Grid{
	Start: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
	End:   time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
	Step:  time.Minute,
}

func utcMinute(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, time.UTC) }

// The generated month's outages, on whole minutes, and a scrape gap.
var (
	marchOutages = window.NewSet(
		window.Between(utcMinute(3, 14, 0), utcMinute(3, 14, 37)),   // 37 minutes
		window.Between(utcMinute(10, 2, 15), utcMinute(10, 2, 16)),  // one minute
		window.Between(utcMinute(17, 23, 50), utcMinute(18, 0, 20)), // across midnight
		window.Between(utcMinute(31, 23, 58), utcMinute(32, 0, 0)),  // to the end of the month
	)
	marchGap = window.NewSet(window.Between(utcMinute(20, 10, 0), utcMinute(20, 10, 30)))
)

// marchEvents: 1000 requests a minute, 3 of them errors, and 600 errors
// a minute during the outages.
func marchErrors(step window.Interval) uint64 {
	if marchOutages.Contains(step.Start) {
		return 600
	}
	return 3
}

func marchRequests(window.Interval) uint64 { return 1000 }

// TestServerMonth builds a TSDB of a generated month with promtool,
// starts a real Prometheus on it, queries it over HTTP with query_range,
// and reads back exactly the outages and events it was built from.
func TestServerMonth(t *testing.T) {
	t.Parallel()
	restart := []time.Time{utcMinute(15, 12, 0)}
	job := func(name string) map[string]string { return map[string]string{"__name__": name, "job": "checkout"} }
	dir := promtest.BuildTSDB(t,
		promtest.UpSeries(job("up"), march, marchOutages, marchGap),
		promtest.CounterSeries(job("errors_total"), march, marchErrors, restart),
		promtest.CounterSeries(job("requests_total"), march, marchRequests, restart),
	)
	srv := promtest.StartServer(t, dir)
	c := srv.Client()
	ctx := context.Background()
	query := func(expr string) prom.Series {
		m, err := c.QueryRange(ctx, expr, march)
		require.NoError(t, err)
		require.Len(t, m, 1, expr)
		return m[0]
	}

	// Down time: the outages, inside the month.
	cov, err := prom.DownTime(query(`up{job="checkout"}`), march)
	require.NoError(t, err)
	month := march.Span()
	wantDown := marchOutages.Clip(month)
	require.True(t, wantDown.Equal(cov.Down), "down %s, want %s", cov.Down, wantDown)
	// The scrape gap 10:00–10:30: Prometheus answers a step with the latest
	// sample at most five minutes old (its default lookback, both ends
	// included), so 10:00…10:04 still read the 09:59 sample and only
	// 10:05–10:30 are missing.
	wantMissing := window.NewSet(window.Between(utcMinute(20, 10, 5), utcMinute(20, 10, 30)))
	require.True(t, wantMissing.Equal(cov.Missing), "missing %s, want %s", cov.Missing, wantMissing)

	// Measuring what was read equals measuring what was generated.
	scope := sla.Scope{Period: month}
	got := sla.MeasureOutages(scope, cov.Down, sla.OutageRules{})
	want := sla.MeasureOutages(scope, marchOutages, sla.OutageRules{})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("measurement (-want +got):\n%s", diff)
	}
	// 37 + 1 + 30 + 2 = 70 minutes down of 44,640.
	require.Equal(t, 70*time.Minute, got.Down)
	require.Equal(t, 44640*time.Minute, got.Measured)

	// Events: the counters' increases over the month, across the restart
	// on the 15th. 44,640 minutes of 1000 requests; errors 3 a minute and
	// 600 in the 70 outage minutes: 3·44,570 + 600·70 = 175,710.
	errs, total := query(`errors_total{job="checkout"}`), query(`requests_total{job="checkout"}`)
	r, err := prom.Events(errs, total, march)
	require.NoError(t, err)
	require.Equal(t, uint64(44_640_000), r.Total())
	require.Equal(t, uint64(44_640_000-175_710), r.Good())

	// Slices: one per minute, each the generated minute.
	sl, missing, err := prom.Slices(errs, total, march)
	require.NoError(t, err)
	require.True(t, missing.IsEmpty(), "missing %s", missing)
	require.Len(t, sl, 44640)
	for k, s := range sl {
		step := window.Between(march.At(k), march.At(k+1))
		want := sla.Slice{Good: 1000 - marchErrors(step), Total: 1000}
		require.Equal(t, want, s, "minute %s", step)
	}
}
