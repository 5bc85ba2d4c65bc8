// Package prom is the Prometheus side of slamath: it writes rule files
// whose thresholds are exact, serves business schedules as a series that
// PromQL cannot compute itself, reads range-query results back into what
// the sla package measures, and replays an alert policy over counter
// samples as Prometheus would evaluate it.
//
// Teams whose request streams outgrow one process keep their SLIs in
// Prometheus (or Thanos, Mimir, Cortex, which read the same rule files and
// serve the same query API). The engine does the streaming; this package
// makes what it decides the exact decision of the objective.
//
// # Rule files
//
// WriteRules writes one rule group per Objective: the error ratio over
// every window its alert policy uses and over its period
// (slo:sli_error:ratio_rate5m, …_rate1h, …_rate30d), the series
// slo:objective:ratio, slo:error_budget:ratio, slo:time_period:days,
// slo:current_burn_rate:ratio, slo:period_burn_rate:ratio and
// slo:period_error_budget_remaining:ratio, and one alert per severity of
// the policy that fires when both windows of any of its rules are strictly
// above the rule's threshold (Prometheus's ">"). The names, and the labels
// sloth_id, sloth_service, sloth_slo, sloth_window and sloth_severity,
// follow the convention of the Sloth rule generator, so the Grafana
// dashboards published for Sloth read these series as they are.
//
// The burn rates are the error ratio over the shortest window and over
// the period divided by the budget, 1 − target, and the budget remaining
// is 1 − the period's burn. A 100% target has no budget: its burn rates
// are 0 while the window holds no error and +Inf once it holds one, and
// the budget remaining 1 and then −Inf, as sla.Budget.FractionConsumed
// has it (a plain ratio / 0 would give NaN for 0/0). Every threshold of
// its alerts is burn × 0 = 0, so each rule fires at the first evaluation
// at which both its windows hold an error. A window with no events has
// the ratio 0/0, NaN, and so do its burn and budget remaining, whatever
// the target.
//
// Records come before the alerts in the same group: Prometheus evaluates
// a group's rules in order at one timestamp and a rule sees the series
// recorded before it at that timestamp, so an alert reads the ratios of
// its own evaluation, never those of the one before. The group's interval
// is the objective's Step.
//
// The rules are written for Prometheus 2 and load in Prometheus 3 too.
// There a range excludes its left edge, so rate() over a window reads one
// sample fewer and extrapolates, and the ratios differ slightly from
// Prometheus 2's and from the Replay; the business-hours ranges are
// written to hold the same steps under both conventions.
//
// The file is YAML of one fixed shape, every string a double-quoted scalar
// that JSON reads alike, written with the standard library. Alert labels
// and annotations are Prometheus templates; the objective's own labels are
// copied onto its alerts with "{{" escaped, while Alerting's labels and
// annotations are written as given, so {{ $value }} works in them. Those
// must parse as Prometheus parses them, or WriteRules refuses the
// objective rather than write a file promtool check rules rejects (see
// Alerting for what is checked).
//
// # Thresholds
//
// A rule's threshold is burn × (1 − target), computed exactly from the
// rule's burn-rate threshold (sla.AlertRule.Burn: share × period / long
// window for the SRE Workbook's rules, or a burn given directly) and the
// target: 14.4 × 0.001 = 0.0144 for the fast page of 99.9% over 30 days,
// 5.6 × 0.001 = 0.0056 for the 6h page over 28 days. It is written as one
// decimal literal: the exact decimal when the value has one, otherwise —
// 14/15 × 0.0005 = 7/15000, the 3-day ticket of 99.95% over 28 days — the
// shortest decimal that Go's strconv.ParseFloat, which Prometheus uses,
// reads as the float64 nearest the exact value (0.00046666666666666666).
// Never the product of two rounded floats.
//
// Why the rounding cannot flip a decision more than PromQL's own
// arithmetic can: the engine compares float64s, so every threshold,
// 0.0144 included, becomes the float64 nearest its literal; writing the
// literal that reads as the float64 nearest the exact value is the best a
// float64 can do, within half a unit in the last place (a relative
// 2^-53). The ratio it is compared with is itself a quotient of two
// rounded rates, rounded again, off by up to about three such units. So
// a decision can differ from the exact one only for a ratio within about
// 4·2^-53 (relative 4.4e-16) of the threshold, where the engine's
// arithmetic alone already leaves it undetermined — at exact equality
// PromQL may fire (81 errors of 5625 requests is exactly 0.0144 and
// Prometheus computes 0.014400000000000001). The Replay decides exactly.
//
// Exact equality is not rare: a steady error rate equal to a threshold —
// 144 errors in every 10,000 requests against 0.0144, a round rate a
// synthetic check or a fixed fraction of failing clients produces —
// sits on the tie at every evaluation, and Prometheus 2.42 was seen to
// page at 18 of 199 evaluations of such a series (81 in 5,625: 154 of
// 199), where the workbook's rule, burn strictly above the factor, and
// Replay never page. A team for whom such a page matters decides it from
// the data with Replay, or with the exact arithmetic of package sla.
//
// # Business hours
//
// PromQL's time functions know UTC only, so a local schedule with
// daylight saving and holidays cannot be written in PromQL. A
// promhttp.ScheduleHandler (package sla/prom/promhttp) serves
// calendar.Calendar.IsOpen of named calendars as the gauge
// slamath_schedule_open{schedule="…"}, for any service to mount on its
// ServeMux; an Objective with a Schedule counts errors and events only
// while that series is 1.
//
// The rules record, at every evaluation, the increase of the error and
// total counters over the step that just ended, times the schedule series
// one step earlier — the schedule when the step began — and sum these
// over each window (a range of the window less half a step, which holds
// exactly window/step of them whatever convention the engine has for a
// range's left edge). The product is exact: the increase times 1 or 0.
// Gating a window's rate by the schedule at the evaluation
// (rate(errors[1h]) * schedule, or "and on() schedule == 1") would not
// do: a window that ends open would count its closed minutes too, and one
// that ends closed would drop its open ones. The gate has to apply step
// by step, which is why the rules record steps.
//
// A window's error ratio is then that of its open steps, and its burn a
// rate per open hour. For "2% of the budget in an hour" to keep its
// meaning, derive the policy from the open time of the period rather than
// from its wall-clock length: four weeks of Monday–Friday 08:00–18:00 are
// 200 open hours, so sla.DefaultAlertPolicy(200 * time.Hour), whose fast
// page burns at 4 rather than 13.44.
//
// The gate is exact in time too when the counters are scraped at the evaluation
// instants and the schedule changes only at step boundaries, which is how
// the promtool tests run. In a live server neither holds: a rule group
// evaluates at an offset of its own within its interval and scrapes come
// at others, so a step that straddles an opening or a closing is counted
// whole by the schedule at its start, as last scraped — up to a scrape
// interval before it — and increase() extrapolates within the step as it
// always does. Each opening and closing can thus put up to about a step
// of events on the wrong side. Windows of whole hours spread that over
// dozens of steps; the monthly verdict belongs to the evaluation of the
// raw counters, not to the alert.
//
// # Reading Prometheus data
//
// ParseMatrix reads the JSON of /api/v1/query_range (promhttp's
// Client.QueryRange asks a server for it, in parts of at most 11,000
// points). This package imports no net/http: the HTTP side is package
// sla/prom/promhttp, so that a program that only writes rules or reads
// saved results carries no HTTP stack. Timestamps
// are read from their literal exactly and values are kept as the strings
// the API writes, so that a decision reads "1" or "0", never a float64.
// A Grid is the query's start, end and step; DownTime reads an up-like
// series into a window.Set of down steps, Increase and Events read
// counters with resets counted as Prometheus counts them, Slices reads
// per-step slices from two counters and RatioSlices from a per-step
// ratio.
//
// A point stands for the step that starts at it: Prometheus answers an
// instant with the latest sample at most its lookback delta (five
// minutes) old. No point at a step — no sample, or a series marked stale,
// which the API shows as no point — and a point "NaN" are missing, and
// the readers say which steps were; they never guess them up or down.
// Input is bounded (MaxResponseBytes, MaxGridPoints) and every error names
// the point and wraps a sentinel.
//
// # Replaying a policy
//
// Replay decides at every evaluation which rules fire, over counter
// samples, with exact arithmetic: integers and rationals, no float64. It
// follows Prometheus 2.42, the version the package is tested against
// (Debian 12's prometheus package): a range [t − w, t] includes a sample
// at its left edge, and rate() extrapolates towards the range's ends when
// its samples stop short of them, never below a counter's zero. With
// samples at every step both ends of a window hold samples and the ratio
// is exactly Δerrors/Δtotal. Prometheus 3 excludes the left edge, so its
// windows start one sample later and always extrapolate; the replay does
// not model it. Where the engine rounds and the replay does not, they can
// differ only at exact ties, as under "Thresholds".
//
// # Testing against the real engine
//
// The tests run promtool check rules and promtool test rules on the files
// this package writes, and a real server over a TSDB built with promtool;
// package promtest holds the helpers for other packages' tests.
//
// All values are immutable and safe for concurrent use. Nothing here calls
// time.Now.
// Nothing in a response body, a series or an objective makes the package
// panic or hang.
package prom
