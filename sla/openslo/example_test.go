package openslo_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

const exampleSLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
spec:
  service: shop
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 1M
      calendar:
        startTime: 2026-01-01 00:00:00
        timeZone: America/New_York
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.95
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-requests
spec:
  ratioMetric:
    good: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(requests{code!~"5.."}[1m]))'}}}
    total: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(requests[1m]))'}}}
`

// Read an SLO, and get its exact target, the month it is measured over
// (743 hours in New York in March 2026, not 30 days), and its budget.
func ExampleRead() {
	f, err := openslo.Options{Name: "checkout.yaml"}.Read([]byte(exampleSLO))
	if err != nil {
		fmt.Println(err)
		return
	}
	slo := f.SLO("checkout")
	target := slo.Objectives[0].Target
	month, _ := slo.Period(time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC))
	fmt.Println(slo.Indicator.Name, target, month.Duration())
	fmt.Println("allowed downtime:", target.Allowance(month.Duration()))
	good, _ := sla.NewRatio(9_999_000, 10_000_000)
	budget := sla.NewEventBudget(target, good)
	fmt.Println("bad requests allowed:", budget.Allowed(), "seen:", budget.Consumed(), "remaining:", budget.Remaining())
	// Output:
	// checkout-requests 99.95% 743h0m0s
	// allowed downtime: 22m17.4s
	// bad requests allowed: 5000 seen: 1000 remaining: 4000
}

// An error names the file, line, document, object and field.
func ExampleRead_error() {
	in := []byte(`apiVersion: openslo/v1
kind: SLO
metadata: {name: checkout}
spec:
  service: shop
  indicatorRef: requests
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.9999999999999999999
`)
	_, err := openslo.Options{Name: "slo.yaml"}.Read(in)
	fmt.Println(errors.Is(err, openslo.ErrPrecision))
	var e *openslo.Error
	if errors.As(err, &e) {
		fmt.Printf("%s:%d document %d %s %q %s\n", e.File, e.Line, e.Doc, e.Kind, e.Name, e.Path)
	}
	// Output:
	// true
	// slo.yaml:9 document 0 SLO "checkout" spec.objectives[0].targetPercent
}

// The SRE Workbook's policy for a 28-day SLO, written as OpenSLO and read
// back exactly: the ticket threshold 14/15 has no decimal form, so it
// travels in an annotation beside its truncated threshold.
func ExampleNewAlertPolicies() {
	period := 28 * 24 * time.Hour
	policies, err := openslo.NewAlertPolicies("checkout", sla.DefaultAlertPolicy(period))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Burn = share × period / long window (SRE Workbook): 2% × 672h / 1h
	// = 13.44, 5% × 672h / 6h = 5.6, 10% × 672h / 24h = 2.8 and
	// 10% × 672h / 72h = 14/15.
	for _, p := range policies {
		c := p.Conditions[0].Object
		r, _ := c.Rule()
		line := fmt.Sprintf("%s: threshold %v lookback %v", p.Name, c.Threshold, c.LookbackWindow)
		if exact, ok := c.Annotations[openslo.AnnotationBurnRate]; ok {
			line += " (exactly " + exact + ")"
		}
		fmt.Printf("%s → rule burn %v over %v and %v\n", line, r.Burn(), r.Long, r.Short)
	}
	// Output:
	// checkout-page-1h: threshold 13.44 lookback 1h → rule burn 13.44 over 1h0m0s and 5m0s
	// checkout-page-6h: threshold 5.6 lookback 6h → rule burn 5.6 over 6h0m0s and 30m0s
	// checkout-ticket-1d: threshold 2.8 lookback 1d → rule burn 2.8 over 24h0m0s and 2h0m0s
	// checkout-ticket-3d: threshold 0.933333333333333333 lookback 3d (exactly 14/15) → rule burn 14/15 over 72h0m0s and 6h0m0s
}

// Write an SLO built in Go as OpenSLO v1.
func ExampleWrite() {
	ny, _ := time.LoadLocation("America/New_York")
	slo := &openslo.SLO{
		Metadata:  openslo.Metadata{Name: "checkout", Labels: map[string][]string{"team": {"payments"}}},
		Service:   "shop",
		Indicator: openslo.ByName[openslo.SLI]("checkout-requests"),
		TimeWindow: &openslo.TimeWindow{
			Duration: openslo.MustDuration("1M"),
			Calendar: &openslo.Calendar{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, ny)},
		},
		BudgetingMethod: openslo.Occurrences,
		Objectives:      []openslo.Objective{{Target: sla.MustTarget("99.95%"), Percent: true}},
	}
	sli := &openslo.SLI{
		Metadata: openslo.Metadata{Name: "checkout-requests"},
		RatioMetric: &openslo.RatioMetric{
			Good:  &openslo.MetricSource{Type: "Prometheus", Spec: openslo.MapValue(openslo.Field{Key: "query", Value: openslo.StringValue("good")})},
			Total: &openslo.MetricSource{Type: "Prometheus", Spec: openslo.MapValue(openslo.Field{Key: "query", Value: openslo.StringValue("total")})},
		},
	}
	err := openslo.Write(os.Stdout, &openslo.File{SLIs: []*openslo.SLI{sli}, SLOs: []*openslo.SLO{slo}})
	fmt.Println(err)
	// Output:
	// apiVersion: openslo/v1
	// kind: SLI
	// metadata:
	//   name: checkout-requests
	// spec:
	//   ratioMetric:
	//     good:
	//       metricSource:
	//         type: Prometheus
	//         spec:
	//           query: good
	//     total:
	//       metricSource:
	//         type: Prometheus
	//         spec:
	//           query: total
	// ---
	// apiVersion: openslo/v1
	// kind: SLO
	// metadata:
	//   name: checkout
	//   labels:
	//     team: payments
	// spec:
	//   service: shop
	//   indicatorRef: checkout-requests
	//   timeWindow:
	//     - duration: 1M
	//       isRolling: false
	//       calendar:
	//         startTime: "2026-01-01 00:00:00"
	//         timeZone: America/New_York
	//   budgetingMethod: Occurrences
	//   objectives:
	//     - targetPercent: 99.95
	// <nil>
}

// Time slices: a slice is bad when less than its slice target of events
// are good.
func ExampleSLO_Measure() {
	in := []byte(`apiVersion: openslo/v1
kind: SLO
metadata: {name: api}
spec:
  service: api
  indicator:
    metadata: {name: api-requests}
    spec:
      ratioMetric:
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}}
  timeWindow:
    - {duration: 1d, isRolling: true}
  budgetingMethod: Timeslices
  objectives:
    - target: 0.75
      timeSliceTarget: 0.9
      timeSliceWindow: 5
`)
	f, err := openslo.Read(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	slo := f.SLOs[0]
	// Four five-minute slices: 95% good, 90% good (at the slice target:
	// good), 89% good (bad) and one without events (good).
	measured, _ := slo.Measure(0, []sla.Slice{{Good: 95, Total: 100}, {Good: 90, Total: 100}, {Good: 89, Total: 100}, {}})
	o := slo.Objectives[0]
	fmt.Println(o.TimeSliceWindow, measured, measured.Met(o.Target), o.Slices(24*time.Hour))
	// Output:
	// 5m 0.75 true 288
}

func ExampleDecimal() {
	threshold := openslo.MustDecimal("0.25")
	for _, s := range []string{"0.2499", "0.25", "2.5e-1", "0.2500000000000001"} {
		x := openslo.MustDecimal(s)
		fmt.Println(x, openslo.LTE.Holds(x, threshold))
	}
	_, err := openslo.ParseDecimal("0.1234567890123456789")
	fmt.Println(errors.Is(err, openslo.ErrPrecision))
	// Output:
	// 0.2499 true
	// 0.25 true
	// 0.25 true
	// 0.2500000000000001 false
	// true
}

func ExampleTimeWindow_Period() {
	ny, _ := time.LoadLocation("America/New_York")
	// A week from Saturday noon, New York time: the one that holds the
	// change to daylight saving time lasts 167 hours.
	w := openslo.TimeWindow{
		Duration: openslo.MustDuration("1w"),
		Calendar: &openslo.Calendar{Start: time.Date(2022, 1, 1, 12, 0, 0, 0, ny)},
	}
	p, _ := w.Period(time.Date(2026, 3, 10, 9, 0, 0, 0, ny))
	fmt.Println(p.Start.In(ny).Format(time.DateTime), p.End.In(ny).Format(time.DateTime), p.Duration())
	// Output:
	// 2026-03-07 12:00:00 2026-03-14 12:00:00 167h0m0s
}
