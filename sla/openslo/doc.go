// Package openslo reads and writes OpenSLO documents exactly, and turns
// them into the library's objects: targets, periods, budgets and
// multiwindow burn-rate alert policies.
//
// OpenSLO is the vendor-neutral YAML format in which teams write their
// SLOs (the specification: https://github.com/OpenSLO/OpenSLO, README.md,
// version openslo/v1; the draft of version 2 in
// enhancements/v2alpha1.md). Tools that read it commonly take targets
// into float64 and a calendar month as 30 days; this package does
// neither. It is an adapter: the only package of the module that imports
// a YAML library (go.yaml.in/yaml/v3); the packages it serves never
// compile it.
//
// # Reading
//
// [Read] (or [Options.Read]) takes a stream of YAML documents, each one
// object (apiVersion, kind, metadata, spec) or a list of objects, of the
// kinds DataSource, Service, SLI, SLO, AlertPolicy, AlertCondition and
// AlertNotificationTarget. It returns a [File]: the objects by kind, with
// every reference resolved by name across the documents (indicatorRef,
// alertPolicyRef, conditionRef, targetRef, metricSourceRef). An object
// may instead be given inline; a [Ref] records which.
//
// Reading is strict. A field the specification does not define is
// [ErrUnknownField]; a key given twice in a mapping is [ErrDuplicateKey]
// (checked on the node tree, at every level, including the spec of a
// metric source); two objects of one kind with one name are
// [ErrDuplicateName]; a reference to a name the stream does not define is
// [ErrMissingRef] — except spec.service, which the specification says
// "may refer" to a Service and which is linked only when one exists.
// Every error is an [*Error] naming the input, the document (its index in
// the stream, from 0), the line, the object's kind and name, and the
// field path:
//
//	openslo: slo.yaml:31:22: document 6: SLO "checkout" spec.objectives[1].targetPercent: ...
//
// and wraps a sentinel for errors.Is.
//
// YAML aliases are expanded by this package, which counts every node it
// visits: a stream may expand to at most twice its parsed nodes (plus
// 1,000) and at most [Options.MaxNodes], so a document of nested aliases
// is refused with [ErrTooLarge] after work and memory proportional to
// its size. Input above [Options.MaxBytes] (4 MiB by default) is refused
// before it is parsed, and a stream of more than [Options.MaxDocuments]
// documents (10,000 by default, empty ones included) at the first
// document past them. Merge keys (<<) and custom tags are
// [ErrUnsupported]. Nothing in the input makes Read panic.
//
// # Numbers
//
// Every number is read from its literal text, never through float64, and
// a number that its exact type cannot hold is an error, never rounded.
// Numbers must be YAML numbers (a quoted "0.999" is a string and is
// refused) written in decimal with an optional exponent; hexadecimal,
// octal, underscores, .inf and .nan are refused.
//
//   - target and targetPercent become an [sla.Target]: "target: 0.9995"
//     and "targetPercent: 99.95" are the same value. The library's
//     ParseTarget decides what it can hold (18 fractional digits of
//     ratio, 16 of percent), so "targetPercent: 99.9999999999999999999"
//     is [ErrPrecision] naming the field. The specification's ranges
//     apply: a target lies in [0, 1) and a percentage in [0, 100); giving
//     both fields is [ErrConflict], neither [ErrMissingField].
//     [Objective].Percent records which was written, so that writing
//     keeps it.
//   - timeSliceTarget is an sla.Target in (0, 1].
//   - value (the threshold of a threshold SLI), compositeWeight and the
//     threshold of a burn-rate condition are [Decimal]s: a signed 64-bit
//     coefficient and up to 18 fractional digits, exact, compared without
//     allocating. A value of -12.5 or 1e15 is held exactly; 1e19 is
//     ErrTooLarge and 0.1234567890123456789 ErrPrecision. compositeWeight
//     must be positive, a burn-rate threshold not negative.
//
// # Durations and time windows
//
// A duration shorthand ([Duration]) is a count of decimal digits and one
// case-sensitive unit: m, h, d, w, M, Q, Y (specification, "Custom Data
// Types: duration-shorthand", which leaves their meaning to
// implementations). Here m and h are elapsed minutes and hours; d and w
// are 24 and 168 elapsed hours wherever a fixed length is needed
// (rolling windows, time slices, lookback windows) and local calendar
// days and weeks in a calendar-aligned window; M, Q and Y are local
// calendar months, quarters and years, and exist in calendar-aligned
// windows only. A month is never 30 days.
//
// A time window (exactly one item of timeWindow) is rolling — the span of
// its length that ends at an instant, [t − d, t) — or calendar-aligned:
// consecutive periods from calendar.startTime (a wall-clock time, "date
// with time in 24h format, format without time zone", 2006-01-02
// 15:04:05) in calendar.timeZone (an IANA name). [TimeWindow.Period]
// returns the period that holds an instant, counted on the zone's wall
// clock, so that the month from 2026-03-01 00:00:00 in America/New_York
// lasts 743 hours. Where the grid is a window.Unit starting at local
// midnight (a day, a week, a month from the 1st, a quarter, a year from
// 1 January) the period is window's Unit.Containing; otherwise the same
// rules apply to other start times and counts (2M, 3d, a month from the
// 21st at 12:30), with a start day missing from a month (the 31st) taken
// as that month's last day. A start time the zone skips is an error; a
// boundary in a daylight-saving gap moves to the end of the gap. A
// rolling window of months, quarters or years has no fixed length:
// reading it succeeds, Period reports [ErrUnsupported].
//
// # Budgeting methods
//
// Occurrences counts good events out of all events; Timeslices counts
// good slices out of all slices, a slice being good unless its ratio of
// good events is below timeSliceTarget ("When the ratio is below given
// timeSliceTarget we count it as bad", examples/budgeting-method); and
// RatioTimeslices averages the slices' ratios. timeSliceTarget belongs to
// Timeslices and timeSliceWindow to both slice methods (a bare number is
// minutes: "Default interpretation of unit if specified as a number in
// minutes"); elsewhere they are errors. [Objective.SliceRules] gives the
// library's rules (error ratio strictly above 1 − timeSliceTarget; no
// minimum of events); a slice without events has no ratio, so it is good
// under Timeslices and left out of the RatioTimeslices average.
// [SLO.Measure] measures an objective from per-slice counts, exactly.
//
// Objectives of a threshold SLI need op and value ([Operator.Holds]
// compares exactly); objectives of a ratio SLI may carry them, as the
// specification's own examples do, and they are kept. Objectives with
// their own indicator and a compositeWeight form a composite SLO; the
// weights are kept exactly, and not evaluated here.
//
// # Alerts
//
// An OpenSLO burn-rate condition has one window, lookbackWindow; the
// library's rules have two (the SRE Workbook's multiwindow,
// multi-burn-rate alerts). [AlertCondition.Rule] maps lookbackWindow to
// the long window and takes the short window from the annotation
// slamath.github.io/short-window, or as lookbackWindow / 12, the
// workbook's ratio. The rule fires when both windows burn strictly
// faster than the threshold: op gt, or no op (the earlier v1 text says
// the alert fires when the burn rate "exceeds" it); gte, lt and lte are
// ErrUnsupported, as are severities other than page and ticket. The
// rule holds the threshold exactly as written, whatever the SLO's period:
// burn 14.4 over 1h in a 28-day SLO spends 3/140 of the budget, which
// sla.AlertRule.BudgetShare gives exactly and no decimal could hold.
// alertAfter, alertWhenNoData, alertWhenResolved and notification targets
// do not decide whether a rule fires; they are kept but are not part of
// the library's rule. [SLO.AlertPolicy] collects the rules of the
// policies that alert when breaching, over the period that holds an
// instant.
//
// [NewAlertCondition] and [NewAlertPolicies] go the other way, from the
// library's rules: the short window goes into its annotation, and a burn
// rate without an exact decimal form (14/15 for a 28-day ticket rule) is
// written truncated to 18 fractional digits in threshold with the exact
// value in the annotation slamath.github.io/burn-rate, which Read checks
// against threshold. So the rules come back exactly.
//
// # Writing
//
// [Write] writes a File as OpenSLO v1 — also one read from v2alpha — one
// document per object, with numbers as exact decimals, references by
// name, inline objects inline, and labels and annotations as they are.
// It reads its own output back before returning it, so read → write →
// read gives the same File.
//
// # Version 2 (draft)
//
// apiVersion openslo.com/v2alpha (the OpenSLO Go SDK's) and
// openslo/v2alpha1 (the draft's) are read where they differ from v1:
// serviceRef for service, sli and sliRef for indicator and indicatorRef,
// metrics as dataSourceRef with spec, and a DataSource whose spec names
// its type by a key. A data source inlined into a metric has no v1 form
// and is ErrUnsupported.
//
// # Concurrency
//
// Read and Write keep no state between calls and may be called
// concurrently. A File is plain data that this package does not modify
// once returned.
package openslo
