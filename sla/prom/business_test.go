package prom_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
	"github.com/slamath/slamath/window"
)

// newYorkBusiness is Monday to Friday, 08:00 to 18:00 in New York.
func newYorkBusiness(t *testing.T) *calendar.Calendar {
	t.Helper()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	cal, err := calendar.New(ny, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
	require.NoError(t, err)
	return cal
}

// TestPromtoolBusinessHoursDST runs a business-hours objective (New York,
// Monday to Friday 08:00–18:00) over Friday 6 and Monday 9 March 2026, on
// both sides of the change to daylight time on Sunday 8 March at 02:00.
//
// The rules see time only through the schedule series, so the test lays
// two stretches of real time end to end on promtool's clock, which
// starts at time 0: Friday 10:00 UTC to Saturday 06:00 UTC, then Monday
// 05:00 UTC to Tuesday 00:00 UTC. The schedule series is the calendar
// evaluated at the real instants of promtool's minutes; both stretches
// hold at least seven closed hours on the side of the seam, more than the
// longest window of the page rules (6h), so every window sees what it
// would see over the whole weekend: closed steps, which count nothing.
// That saves promtool evaluating the 3,400 closed minutes in between.
//
// Four incidents of 30 minutes at 50% errors, at the same UTC hours on
// both sides of the change:
//
//   - Fri 12:15–12:45 UTC is 07:15 EST, before opening: ignored.
//   - Fri 22:15–22:45 UTC is 17:15 EST, open: pages. Open steps have
//     1000 requests; the 1h window reaches 500·n errors of 60,000 events
//     after n error steps, above the page threshold 0.02 when n = 3, at
//     22:18 UTC (the 6h/30m pair needs 500·n > 360,000/120, n = 7).
//   - Mon 12:15–12:45 UTC is 08:15 EDT, open since 12:00 UTC: pages at
//     12:16, when the 1h window holds 500 errors of the 16 open steps'
//     16,000 events (0.031 > 0.02) and the 5m window 500 of 5000.
//   - Mon 22:15–22:45 UTC is 18:15 EDT, after closing: ignored.
//
// A rule written with PromQL's hour(), which knows UTC only, would have
// to pick one offset and get one of the two days wrong. Every minute is
// checked against the replay.
func TestPromtoolBusinessHoursDST(t *testing.T) {
	t.Parallel()
	cal := newYorkBusiness(t)
	utc := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	stretches := []window.Interval{
		window.Between(utc(6, 10), utc(7, 6)),
		window.Between(utc(9, 5), utc(10, 0)),
	}
	var real []time.Time // the real instant of each promtool minute
	for _, s := range stretches {
		for at := s.Start; at.Before(s.End); at = at.Add(time.Minute) {
			real = append(real, at)
		}
	}
	minutes := len(real) - 1
	incidents := []window.Interval{
		window.Between(utc(6, 12).Add(15*time.Minute), utc(6, 12).Add(45*time.Minute)),
		window.Between(utc(6, 22).Add(15*time.Minute), utc(6, 22).Add(45*time.Minute)),
		window.Between(utc(9, 12).Add(15*time.Minute), utc(9, 12).Add(45*time.Minute)),
		window.Between(utc(9, 22).Add(15*time.Minute), utc(9, 22).Add(45*time.Minute)),
	}
	// The golden business-hours objective with its page rules only, and a
	// one-day period, so that promtool has less to sum at each evaluation.
	o := businessHours()
	o.Policy.Rules = o.Policy.Rules[:2]
	o.Period = day
	s := scenario{minutes: minutes, start: epoch,
		errSel: `http_requests_total{job="api",code="500"}`, goodSel: `http_requests_total{job="api",code="200"}`,
		errs: func(k int) int64 {
			// the errors of the minute that ends at sample k
			for _, in := range incidents {
				if in.Contains(real[k-1]) {
					return 500
				}
			}
			return 0
		},
		total: func(int) int64 { return 1000 },
	}
	// The replay's schedule: the promtool minutes whose real instant is open.
	var open spans
	for k, at := range real {
		if cal.IsOpen(at) {
			open = append(open, window.Between(epoch.Add(time.Duration(k)*time.Minute), epoch.Add(time.Duration(k+1)*time.Minute)))
		}
	}
	openSet := window.NewSet(open...)
	var values []string
	for _, st := range stretches {
		values = append(values, promtest.ScheduleValues(cal, st.Start, time.Minute, int(st.Duration()/time.Minute)))
	}
	schedule := promtest.InputSeries{
		Series: fmt.Sprintf(`%s{%s=%q}`, prom.ScheduleMetric, prom.ScheduleLabel, o.Schedule),
		Values: strings.Join(values, " "),
	}
	f := checkEveryMinute(t, o, s, &openSet, schedule)

	var firsts []time.Time
	for iv := range f.Severity(sla.SeverityPage).All() {
		firsts = append(firsts, real[int(iv.Start.Sub(epoch)/time.Minute)])
	}
	want := []time.Time{utc(6, 22).Add(18 * time.Minute), utc(9, 12).Add(16 * time.Minute)}
	require.Equal(t, want, firsts, "pages start")
}

type spans []window.Interval

// TestPromtoolGauge checks the error ratio recorded for an availability
// gauge (probe_success), without and with a schedule, against values
// derived by hand. The probe fails at minutes 10, 11 and 12.
//
// Without a schedule the 5m ratio is the share of zeros among the samples
// of [t − 5m, t], six of them in Prometheus 2: at 12, samples 7…12 hold
// three zeros, 0.5; at 15, samples 10…15 hold the same three, 0.5; at 30
// none, 0.
//
// With a schedule open for minutes 0…19 only, each step counts the probe
// sample at its start if the schedule was open then: the 5m ratio at 12
// counts the steps that began at 7…11, two of them failing, 0.4; at 22
// the steps that began at 17…21, of which 17, 18 and 19 were open and
// none failing, 0.
func TestPromtoolGauge(t *testing.T) {
	t.Parallel()
	plain := probe9995()
	gated := probe9995()
	gated.Name, gated.Schedule = "probe-open", "first-twenty"
	vals := make([]promtest.Value, 41)
	open := make([]promtest.Value, 41)
	for k := range vals {
		vals[k].V = 1
		if k >= 10 && k <= 12 {
			vals[k].V = 0
		}
		if k < 20 {
			open[k].V = 1
		}
	}
	ratio := func(o prom.Objective) string {
		return fmt.Sprintf(`slo:sli_error:ratio_rate5m{sloth_id=%q,sloth_service=%q,sloth_slo=%q,sloth_window="5m"}`, o.ID(), o.Service, o.Name)
	}
	check := func(o prom.Objective, minute int, value string) promtest.ExprCheck {
		return promtest.ExprCheck{At: time.Duration(minute) * time.Minute, Expr: fmt.Sprintf("slo:sli_error:ratio_rate5m{sloth_id=%q}", o.ID()),
			Samples: []promtest.Sample{{Labels: ratio(o), Value: value}}}
	}
	promtest.RuleTest{
		RuleFile: writeRules(t, plain, gated),
		Series: []promtest.InputSeries{
			{Series: `probe_success{job="blackbox"}`, Values: promtest.Notation(vals)},
			{Series: `slamath_schedule_open{schedule="first-twenty"}`, Values: promtest.Notation(open)},
		},
		Exprs: []promtest.ExprCheck{
			check(plain, 12, "0.5"), check(plain, 15, "0.5"), check(plain, 30, "0"),
			check(gated, 12, "0.4"), check(gated, 22, "0"),
		},
	}.Run(t)
}
