// Command openslo reads SLOs written in OpenSLO and reports, exactly, what
// they mean this month: each objective's budget given the counts so far,
// and which burn-rate alerts fire; and it writes the Prometheus rules that
// let a Prometheus server decide the same alerts.
//
// Run with no arguments, it reads the sample in data/ (embedded in the
// binary): two SLOs of a web shop over calendar months in New York — a
// checkout SLO counted in requests (Occurrences) with the SRE Workbook's
// four burn-rate alerts, and a search-latency SLO counted in five-minute
// slices (Timeslices) — and counts as of 20 March 2026.
//
//	go run ./examples/openslo
//	go run ./examples/openslo --slo my-slos.yaml --counts counts.json --at 2026-04-30T12:00:00Z
//	go run ./examples/openslo --rules slo.rules.yml
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
// without its measurement. The file is read strictly, as sla/contract
// reads a contract: unknown fields are errors, and so is a key given
// twice in one object, which encoding/json would otherwise take silently,
// the last copy winning — in a field's object, keys that differ only in
// case ("good" and "Good") count as the same key; SLO names and window
// keys keep their case.
//
// # Prometheus rules
//
// --rules FILE also writes a Prometheus rule file (- writes it to stdout
// instead of the report), through package sla/prom: for each objective,
// the error ratio over every window of the SLO's alert rules and over its
// period, the budget series, and the multiwindow alerts, each threshold
// the exact burn × (1 − target) of the OpenSLO condition — 14.4 ×
// 0.001 = 0.0144 for the sample's fast page at 99.9%. An SLO has rules
// when it counts Occurrences with a ratio metric of Prometheus counters,
// bad and total, each queried by a plain selector such as
// http_requests_total{job="checkout",code=~"5.."}; the file's header
// says which SLOs have none, and why. Prometheus has no calendar, so a
// calendar-aligned window is written as a rolling window as long as the
// period that holds --at (743 hours for March 2026 in New York); burn-rate
// thresholds do not depend on it. An SLO without alert policies gets the
// SRE Workbook's default policy, as sla/prom writes it.
package main
