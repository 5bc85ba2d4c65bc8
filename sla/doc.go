// Package sla holds the exact arithmetic of service level objectives:
// targets, measured ratios, measurement methods, error budgets, burn-rate
// alerts, service credits and composite availability, response-time
// clocks for tickets, and contracts whose terms hold different targets in
// different schedules.
//
// Nothing on a path that decides met or missed, a budget, an alert or a
// credit tier uses floating point. Float64 methods exist for display and
// plotting only.
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
// Values whose exact form needs more than a fixed number of decimal
// places — burn rates (a 28-day ticket threshold is 14/15), slice
// averages, composite availabilities — are [Rational]s.
//
// # Measurement
//
// The measured time of a [Scope] is its period ∩ schedule − exclusions;
// exclusions are removed from measured time or, with [CountAsAvailable],
// counted as available. [MeasureOutages] counts a set of outages against
// it with [OutageRules]: a minimum outage length and whole-minute counting
// on the UTC minute grid. It is set algebra on [window.Set], linear in
// the number of outages. Events are a [Ratio] ([NewRatio]); time slices
// are counted by [MeasureSlices] and averaged by [AverageSlices], with an
// [EmptyPolicy] for slices without events.
//
// # Budgets and alerts
//
// A [Budget] (in time) or [EventBudget] reports what a target allows,
// what was consumed, and what remains (negative when overspent).
// [BurnRate] is error ratio / (1 − target), exactly; [DefaultAlertPolicy]
// derives the SRE Workbook's multiwindow, multi-burn-rate policy from an
// SLO period (14.4/6/3/1 for 30 days), and [AlertPolicy.Evaluate] fires a
// rule when both of its windows burn strictly faster than its threshold.
//
// # Credits and composition
//
// A [CreditSchedule] maps a measured ratio to a credit through tiers with
// explicit inclusive or exclusive bounds. [Serial] and [Redundant] compose
// availabilities exactly.
//
// # Response-time clocks
//
// A [ResponseClock] is a pure function of a ticket's events (start, pause,
// resume, stop, restart) and "now": [ResponseClock.Status] reports, per
// cycle, business and actual elapsed time, remaining time, warnings
// crossed, the original and the current due time (moved by business time
// spent paused), and whether and when the target was breached — elapsed
// strictly greater than the target, compared exactly. Business time comes
// from a [ClockSchedule], which a *calendar.Calendar satisfies;
// [ClockWallTime] counts every instant. A [ResponseTerm] sets response and
// resolution limits per priority.
//
// # Contracts
//
// A [Contract] groups terms, a credit schedule and breach [Obligations].
// An availability term has segments, each a [Schedule] — [During] a
// calendar's hours, [Outside] them, or [Always] — with its own target:
// "99.5% in business hours, 99% at other times". A response term
// ([TicketTerm]) applies a ResponseTerm to tickets in a calendar's business
// time. [ParseContract] reads the JSON form, rejecting unknown fields and
// every invalid value with a [*FieldError] that names the field path;
// [Contract.Evaluate] measures a period's [Observations] (outages and
// [Ticket]s) and returns a [Report] per term and segment: measured time,
// downtime, ratio, allowance, remaining budget, verdict, the instant the
// budget ran out, and the credit owed.
//
// # Example
//
// A month of outages against business hours:
//
//	m := sla.MeasureOutages(sla.Scope{Period: month, Schedule: &hours}, down, sla.OutageRules{})
//	budget := m.Budget(sla.MustTarget("99.5%"))
//	fmt.Println(m.Ratio().Percent(3), budget.Remaining())
//
// All values are immutable and safe for concurrent use. Nothing here
// calls time.Now, and no text, count or duration makes the package panic
// or hang. Only programmer errors panic: MustTarget on a bad constant,
// During and Outside on a nil calendar.
package sla
