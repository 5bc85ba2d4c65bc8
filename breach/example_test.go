package breach_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// A contract's 99.9% monthly availability term was missed in November
// 2026 by an hour of downtime, found when the month was evaluated. The
// contract asks for a report within 4 hours and a resolution within 5
// days of detection.
func Example() {
	november := window.Between(
		time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	target := sla.MustTarget("99.9%")
	downtime := time.Hour
	measured := sla.TimeRatio(november.Duration(), downtime)
	detected := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

	r, err := breach.Open(breach.Facts{
		ID:         "api-2026-11",
		Kind:       breach.Availability,
		Term:       "api availability",
		Period:     november,
		Target:     target,
		Measured:   measured,
		Shortfall:  downtime - target.Allowance(november.Duration()),
		OccurredAt: time.Date(2026, 11, 20, 14, 0, 0, 0, time.UTC),
		DetectedAt: detected,
		Credit:     sla.MustShare("10%"),
	}, contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 5 * 24 * time.Hour})
	if err != nil {
		panic(err)
	}
	fmt.Println("measured:", measured.Percent(3), "target:", target, "shortfall:", r.Facts().Shortfall)
	fmt.Println("report due:", r.ReportDue().Format(time.RFC3339))
	fmt.Println("at 12:00:", r.Status(detected.Add(3*time.Hour)))
	fmt.Println("at 14:00:", r.Status(detected.Add(5*time.Hour)))

	if _, err := r.Report("", detected.Add(5*time.Hour)); err != nil {
		fmt.Println(err)
	}
	r, err = r.Report("storage controller failover did not complete", detected.Add(5*time.Hour))
	if err != nil {
		panic(err)
	}
	fmt.Println("at 14:00:", r.Status(detected.Add(5*time.Hour)), "late:", r.ReportedLate())
	// Output:
	// measured: 99.861% target: 99.9% shortfall: 16m48s
	// report due: 2026-12-01T13:00:00Z
	// at 12:00: open
	// at 14:00: report overdue
	// breach: record "api-2026-11": report: reason "": no reason given
	// at 14:00: reported late: true
}

// A ledger written to a buffer and replayed: the log holds one JSON line
// per event, and the replay rebuilds the records.
func ExampleLedger() {
	var log bytes.Buffer
	l, err := breach.NewLedger(&log, nil)
	if err != nil {
		panic(err)
	}
	detected := time.Date(2026, 11, 10, 17, 5, 0, 0, time.UTC)
	_, err = l.Open(breach.Facts{
		ID:             "ticket-4711",
		Kind:           breach.Response,
		Term:           "p1 response",
		TargetDuration: 8 * time.Hour,
		Elapsed:        9*time.Hour + 30*time.Minute,
		OccurredAt:     time.Date(2026, 11, 10, 17, 0, 0, 0, time.UTC),
		DetectedAt:     detected,
		Credit:         sla.MustShare("0.5%"),
	}, contract.Obligations{ReportWithin: time.Hour, ResolveWithin: 24 * time.Hour})
	if err != nil {
		panic(err)
	}
	if _, err := l.Report("ticket-4711", "on-call engineer unreachable", detected.Add(30*time.Minute)); err != nil {
		panic(err)
	}
	fmt.Print(log.String())

	records, err := breach.Replay(&log)
	if err != nil {
		panic(err)
	}
	for _, r := range records {
		fmt.Println(r.ID(), r.Facts().Shortfall, r.Status(detected.Add(time.Hour)))
	}
	// Output:
	// {"event":"opened","id":"ticket-4711","at":"2026-11-10T17:05:00Z","record":{"id":"ticket-4711","kind":"response","term":"p1 response","target_duration":"8h0m0s","elapsed":"9h30m0s","shortfall":"1h30m0s","occurred_at":"2026-11-10T17:00:00Z","detected_at":"2026-11-10T17:05:00Z","credit":"0.5%","report_due":"2026-11-10T18:05:00Z","resolve_due":"2026-11-11T17:05:00Z"}}
	// {"event":"reported","id":"ticket-4711","at":"2026-11-10T17:35:00Z","reason":"on-call engineer unreachable"}
	// ticket-4711 1h30m0s reported
}

// Summaries count breaches, open and overdue obligations and the credit
// owed per term and period: the largest credit of the period's breaches.
func ExampleSummarize() {
	month := window.Between(
		time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	detected := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var records []breach.Record
	for i, credit := range []string{"10%", "25%"} {
		r, err := breach.Open(breach.Facts{
			ID:         fmt.Sprint("b", i),
			Kind:       breach.Availability,
			Term:       "api availability",
			Segment:    []string{"business hours", "other hours"}[i],
			Period:     month,
			Target:     sla.MustTarget("99.5%"),
			Measured:   sla.TimeRatio(month.Duration(), 5*time.Hour),
			OccurredAt: detected,
			DetectedAt: detected,
			Credit:     sla.MustShare(credit),
		}, contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 48 * time.Hour})
		if err != nil {
			panic(err)
		}
		records = append(records, r)
	}
	for _, s := range breach.Summarize(records, detected.Add(6*time.Hour)) {
		fmt.Printf("%s %s: %d breaches, %d unreported, %d report overdue, credit %s\n",
			s.Term, s.Period.Start.Format("2006-01"), s.Breaches, s.Unreported, s.ReportOverdue, s.Credit)
	}
	// Output:
	// api availability 2026-11: 2 breaches, 2 unreported, 2 report overdue, credit 25%
}
