// Command openslo reads SLOs written in OpenSLO and reports, exactly, what
// they mean this month: each objective's budget given the counts so far,
// and which burn-rate alerts fire.
//
// Run with no arguments, it reads the sample in data/ (embedded in the
// binary): two SLOs of a web shop over calendar months in New York — a
// checkout SLO counted in requests (Occurrences) with the SRE Workbook's
// four burn-rate alerts, and a search-latency SLO counted in five-minute
// slices (Timeslices) — and counts as of 20 March 2026.
//
//	go run ./examples/openslo
//	go run ./examples/openslo --slo my-slos.yaml --counts counts.json --at 2026-04-30T12:00:00Z
//
// # Report
//
// For each SLO: the period of its time window that holds --at (March
// 2026 in New York is 743 hours, not 30 days), and for each objective
// its target, the measured ratio truncated to four places (a missed
// target never reads as met), met or missed, the downtime its target
// allows over the period, and its error budget: bad events (or bad
// slices) allowed, spent and remaining. Occurrence budgets count the
// events seen so far; slice budgets count every slice of the period,
// since the number of slices is known in advance.
//
// Then each alert rule of the SLO (its policies that alert when
// breaching), evaluated against each objective's target: the burn rates
// over the long and short windows, exact, and whether both exceed the
// threshold, which is when the rule fires.
//
// # Files
//
// --slo is an OpenSLO stream, read by [openslo.Read]: every number
// exactly, references resolved, errors naming the document, object and
// field.
//
// --counts is JSON:
//
//	{
//	  "at": "2026-03-20T12:00:00-04:00",
//	  "slos": {
//	    "checkout": {
//	      "events":  {"good": 46670000, "total": 46700000},
//	      "windows": {"5m": {"good": 7850, "total": 8000}, "1h": {...}, ...}
//	    },
//	    "search-latency": {"slices": {"good": 5573, "total": 5604}}
//	  }
//	}
//
// "at" is the instant of the counts (--at overrides it). For each SLO by
// name: "events", the good and total events of the period so far
// (Occurrences); "slices", the good and total slices so far (Timeslices
// and RatioTimeslices; for RatioTimeslices good/total stands for the
// average of the slice ratios); and "windows", the good and total events
// in the last window of each length an alert rule needs, keyed by a
// duration shorthand (5m, 1h, 1d) or a Go duration (90s). Counts are
// integers and are read exactly. An SLO without counts is reported
// without its measurement.
//
// # Prometheus rules
//
// The next step is exact Prometheus rules from the same file: recording
// rules per window and the multiwindow alerts, with thresholds written as
// exact decimals. It belongs to the sla/prom package; once that exists, a
// --rules flag renders [openslo.SLO.AlertPolicy] through it, next to the
// report (see report.go, where the policy is built).
package main
