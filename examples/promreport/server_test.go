package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
	"github.com/slamath/slamath/window"
)

func utc(month time.Month, day, h, m int) time.Time {
	return time.Date(2026, month, day, h, m, 0, 0, time.UTC)
}

// The generated month's outages, on whole minutes, against the sample
// contract (99.5% Monday–Friday 08:00–18:00 New York time, 99% at other
// times, 06:00–08:00 UTC on 14 March excluded). March 2026 in New York
// runs from 1 March 05:00 UTC to 1 April 04:00 UTC (743 hours).
var outages = window.NewSet(
	// From the month before: 10 minutes inside, Sunday night, other times.
	window.Between(utc(2, 28, 23, 0), utc(3, 1, 5, 10)),
	// Tuesday 3 March 09:00–10:37 EST: 97 minutes of business hours.
	window.Between(utc(3, 3, 14, 0), utc(3, 3, 15, 37)),
	// Sunday 8 March 01:30 EST to 03:30 EDT, across the change to summer
	// time: one hour, other times.
	window.Between(utc(3, 8, 6, 30), utc(3, 8, 7, 30)),
	// Saturday 14 March, inside the excluded maintenance: not counted.
	window.Between(utc(3, 14, 6, 30), utc(3, 14, 7, 0)),
	// Friday 20 March 17:50–18:20 EDT: 10 minutes of business hours and
	// 20 of other times.
	window.Between(utc(3, 20, 21, 50), utc(3, 20, 22, 20)),
	// Tuesday 31 March 23:58 EDT into April: 2 minutes inside.
	window.Between(utc(4, 1, 3, 58), utc(4, 1, 4, 5)),
)

// Requests: 1000 a minute, 3 of them failing, and 600 during an outage.
func errorsIn(step window.Interval) uint64 {
	if outages.Contains(step.Start) {
		return 600
	}
	return 3
}

func requestsIn(window.Interval) uint64 { return 1000 }

// TestAgainstPrometheus builds a TSDB of the generated month with
// promtool, starts a real Prometheus on 127.0.0.1 over it, runs the
// program against it, and checks that its report is the contract's
// report for the generated outages fed to it directly. Without promtool
// and prometheus the test skips, saying how to install them; with
// SLAMATH_REQUIRE_TOOLS=1 (continuous integration) it fails instead.
func TestAgainstPrometheus(t *testing.T) {
	// Samples every minute from a day before the month to a day after,
	// on the minutes the queries ask for.
	data := prom.Grid{Start: utc(2, 28, 0, 0), End: utc(4, 2, 0, 0), Step: time.Minute}
	job := func(name string) map[string]string { return map[string]string{"__name__": name, "job": "checkout"} }
	restart := []time.Time{utc(3, 16, 12, 0)} // the counters count from zero again
	dir := promtest.BuildTSDB(t,
		promtest.UpSeries(job("up"), data, outages, window.Set{}),
		promtest.CounterSeries(job("errors_total"), data, errorsIn, restart),
		promtest.CounterSeries(job("requests_total"), data, requestsIn, restart),
	)
	srv := promtest.StartServer(t, dir)

	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"--url", srv.URL,
		"--errors", `sum(errors_total{job="checkout"})`, "--total", `sum(requests_total{job="checkout"})`}, &out, &errOut)
	if code != exitOK {
		t.Fatalf("exit %d: %s\nserver log:\n%s", code, errOut.String(), srv.Log())
	}
	t.Logf("the report from Prometheus:\n%s", out.String())

	// The report from the outages directly, without Prometheus.
	cfg, err := parseFlags([]string{"--url", srv.URL}, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := cfg.contract.Evaluate(cfg.period, contract.Observations{Outages: map[string]window.Set{"availability": outages}})
	if err != nil {
		t.Fatal(err)
	}
	// 743 hours of minutes, 44,580, of 1000 requests; failures 3 a
	// minute and 600 in the 229 outage minutes inside the month
	// (10 + 97 + 60 + 30 + 30 + 2, the excluded ones too: a counter knows
	// no exclusions): 3 × 44,351 + 600 × 229 = 133,053 + 137,400.
	requests, err := sla.NewRatio(44_580_000-270_453, 44_580_000)
	if err != nil {
		t.Fatal(err)
	}
	want := text(result{
		source: srv.URL, step: time.Minute, zone: cfg.zone, report: direct,
		terms:    []termData{{name: "availability", expr: `min(up{job="checkout"})`}},
		requests: &requests,
	})
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("report from Prometheus (-direct +prometheus):\n%s", diff)
	}

	// And a few figures from first principles. Business hours in March
	// 2026 in New York: 22 weekdays of 10 hours (FACTS.md); other times:
	// the rest of 743 hours, less the 2 excluded. Down: 97 + 10 minutes
	// in business hours; 10 + 60 + 20 + 2 at other times. 99.5% of 220 h
	// allows 66 minutes, spent 66 minutes into the outage of 3 March, at
	// 10:06 EST; 107 minutes of 13,200 leave 99.189…%, below 99.5% and
	// not below 99%: a credit of 10%.
	for _, line := range []string{
		"business hours  target 99.5%  measured 220h0m0s, down 1h47m0s: 99.1893% available; allowance 1h6m0s, remaining -41m0s; MISSED at 2026-03-03 10:06 EST; credit 10%",
		"other times     target 99%    measured 521h0m0s, down 1h32m0s",
		"(no data: none)",
		"requests 44580000, of which 270453 failed",
		"credit owed: 10%",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("the report lacks %q:\n%s", line, out.String())
		}
	}
}
