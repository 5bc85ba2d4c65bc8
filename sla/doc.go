// Package sla holds the exact arithmetic of service level objectives:
// targets, measured ratios, measurement methods, error budgets,
// burn-rate alerts, service credits and composite availability.
//
// Nothing on a path that decides met or missed, a budget, an alert or a
// credit tier uses floating point. Float64 methods exist for display and
// plotting only. Ticket clocks are in package [github.com/slamath/slamath/sla/ticket];
// contracts, their JSON form and their evaluation in
// [github.com/slamath/slamath/sla/contract]. This package imports neither.
//
// # Targets and ratios
//
// A [Target] is an exact fraction in [0, 1] held as parts per 10^18, so
// "99.95%" and "0.9995" parse to the same value, == compares targets, and
// [Target.String] is canonical. [Target.Allowance] is the downtime a
// target allows in a span of measured time, exact and rounded down to the
// nanosecond: 99.999% of 30 days is 25.92 s, not 25.919999999 s.
// [Target.EventAllowance] does the same for event counts. A 100% target
// is valid and allows nothing.
//
// A [Ratio] is a measured fraction good/total held as two integers. It
// compares with a Target exactly ([Ratio.Met]: a ratio equal to the
// target meets it) and prints truncated ([Ratio.Percent]), so a missed
// target never reads as met. A Ratio that measured nothing meets every
// target.
//
// A [Share] is an amount, not a level: the credit a tier owes (a share of
// the bill) or the share of a budget from which an alert rule's threshold
// is derived ([NewAlertRule]). It reads and
// prints like a Target but is a type of its own, so that one cannot
// stand for the other.
//
// Values whose exact form needs more than a fixed number of decimal
// places — burn rates (a 28-day ticket threshold is 14/15), slice
// averages, composite availabilities — are [Rational]s.
//
// # Measurement
//
// The measured time of a [Scope] is its period ∩ schedule − exclusions;
// exclusions are removed from measured time or, with [CountAsAvailable],
// counted as available. [MeasureOutages] counts a set of outages against
// it with [OutageRules]: a minimum outage length; a [MinuteRule] on the
// UTC minute grid — only wholly-down minutes count, or a partial minute
// counts whole; a [RuleOrder] that says whether the minimum judges a run
// as recorded or the minutes it keeps ("5 consecutive whole minutes");
// and [ClockBuckets] ("an hour is unavailable when more than 6 minutes of
// it are down"). [CountedDown] is the same count as a set, which a
// contract walks to find when a budget ran out; both come from one walk.
// It is set algebra on [window.Set], linear in the number of outages,
// never a step per minute or per bucket.
//
// Requests are counted from [Sample]s, counts of good and all events at
// instants: [MeasureEvents] is the events method (good/total over the
// scope), [MeasureTimeSlices] sums samples into slices of the clock and
// counts bad slices by [SliceRules] — a slice is bad when its error ratio
// is strictly above a threshold with at least a minimum of events, and
// slices without events are good, bad or left out by an [EmptyPolicy] —
// and [AverageTimeSlices] averages the per-slice ratios. The rules of a
// slice are those of [MeasureSlices] and [AverageSlices], which take the
// slices themselves; empty slices are counted, never stepped through. A
// [CountMeasurement] says when the bad events or slices passed a
// target's allowance.
//
// # Budgets and alerts
//
// A [Budget] (in time) or [EventBudget] reports what a target allows,
// what was consumed, and what remains (negative when overspent).
// [BurnRate] is error ratio / (1 − target), exactly. An [AlertRule] is a
// multiwindow burn-rate alert of the SRE Workbook: it fires when both its
// long and its short window burn strictly faster than its burn-rate
// threshold. [DefaultAlertPolicy] and [NewAlertRule] derive thresholds
// from a share of the budget and the SLO period, as the Workbook does
// (share × period / long window: 14.4/6/3/1 for 30 days, 13.44/5.6/2.8/
// 14/15 for 28); [NewBurnRule] takes a threshold as OpenSLO and
// Prometheus users write it (burn 14.4 over an hour, whatever the
// period). [AlertPolicy.Evaluate] compares by integer
// cross-multiplication, as Ratio.Met does, without math/big and without
// allocating: its products need up to 252 bits, more than the 128 bits
// of Ratio.Met, so they are formed in 256 bits and no input overflows.
//
// # Credits and composition
//
// A [CreditSchedule] maps a measured ratio to a credit through tiers with
// explicit inclusive or exclusive bounds: a tier's lower end is a
// [LowerBound] ([AtLeast], [Above]) and its upper end an [UpperBound]
// ([Below], [AtMost]), distinct types, so that "below 99%" cannot be
// given as a lower end by mistake. [CreditSchedule.Validate] names a bad
// tier as credits[i], as a contract document does. [Serial] and
// [Redundant] compose availabilities exactly.
//
// # Errors
//
// Texts — targets, shares, rationals, the names of the enumerations —
// fail with a [*ParseError] of the shape every package of the module
// uses: What was being read, the Input, and Err, which wraps [ErrSyntax],
// [ErrRange] or [ErrPrecision]. Every enumeration that appears in a
// document ([ExclusionPolicy], [EmptyPolicy], [Severity]) has String,
// MarshalText and UnmarshalText.
//
// # Example
//
// A month of outages against business hours:
//
//	m := sla.MeasureOutages(sla.Scope{Period: month, Schedule: &hours}, down, sla.OutageRules{})
//	budget := m.Budget(sla.MustTarget("99.5%"))
//	fmt.Println(m.Ratio().Percent(3), budget.Remaining())
//
// # Names
//
// The design asks that credits and budget shares not reuse Target; both
// are a [Share], one type, since both are an exact part of a whole
// written as a percentage, and neither is a level to meet.
//
// An alert rule holds its burn-rate threshold ([AlertRule.Burn]), and
// its share of the budget is a method of the period
// ([AlertRule.BudgetShare]), not the other way round. A threshold is what
// a rule compares with, and what OpenSLO and Prometheus users write; held
// as an exact fraction of two integers of up to 128 bits, it takes every
// threshold of two uint64s and every one the Workbook's derivation gives
// (share × period / long has parts below 2^123). A share held as a
// decimal could not hold the share of burn 14.4 over an hour in a 28-day
// period, 3/140; and a share held as a fraction would need parts wider
// than the threshold's (share = burn × long / period), and would make a
// rule's threshold change with the policy's period. The names are the
// Workbook's: burn rate, long and short window, budget consumed at the
// threshold as the rule's budget share.
//
// All values are immutable and safe for concurrent use. Nothing here
// calls time.Now, and no text, count or duration makes the package panic
// or hang. Only programmer errors panic: MustTarget and MustShare on a
// bad constant.
package sla
