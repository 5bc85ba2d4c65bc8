// Package ticket computes the response and resolution clocks of
// service-desk tickets: how much of a goal a ticket has used, in business
// time and in wall time, when it is due, whether and when it breached,
// and which warning levels it crossed. It is a pure function of a
// ticket's events and "now", and imports the standard library only.
//
// # Tickets
//
// A [Policy] holds goals per priority: respond within a [Limit] and
// resolve within another, each in business or wall time ([Basis]), with
// warning levels in percent of the goal ([DefaultWarnings]: 50, 75 and
// 100). A ticket is a list of [Event]s in the service desk's words —
// [Open], [Respond], [Pause], [Resume], [Resolve], [Reopen] — and
// [Policy.Status] gives its [Status] at an instant in one call, with no
// contract and no period: the current cycle of the response clock and of
// the resolution clock, earlier resolution cycles of a reopened ticket,
// and whether any breached. [Validate] holds the rules for what may
// follow what, written once and named in its documentation; an event
// that breaks one is an [*EventError] with its index.
//
// # Clocks
//
// Underneath, each goal is a [Clock] driven by [ClockEvent]s: start,
// pause, resume, stop and restart. [Clock.Status] reports every [Cycle]:
// business time elapsed (inside the schedule, outside pauses), actual
// time (around the clock, minus pauses), business time paused, the
// original due time and the current one (moved by business time spent
// paused; a pause on a holiday adds nothing), the breach — elapsed
// strictly greater than the target, compared exactly — and the instant
// it happened and was detected (a clock attached late detects an old
// breach when attached, never back-dated), and each [Warning] crossed.
// [Cycle.Percent] and [Cycle.Float64] show the share used; they do not
// decide anything.
//
// # Schedules
//
// Business time comes from a [Schedule]: Between and Add. A
// *calendar.Calendar of this module satisfies it; [WallTime] counts
// every instant. The interface is why this package imports no other
// package of the module.
//
// # Errors and limits
//
// Texts (a limit such as "4h business", a basis, an event kind) fail
// with a [*ParseError] of the shape every package of the module uses:
// What, Input, Err. A policy fails validation with a [*FieldError] whose
// Path names the field, as a contract embedding the policy reports it.
// Sentinels for errors.Is: [ErrPolicy], [ErrPriority], [ErrClock],
// [ErrSyntax], [ErrRange], [ErrEventKind], [ErrEventOrder],
// [ErrEventState], [ErrEventFuture].
//
// Sums of durations that would pass the range of time.Duration (a clock
// running for centuries) saturate: they are kept as time.Time arithmetic
// and read back with time.Time.Sub, the standard library's own rule.
// Warning levels are compared exactly without 128-bit products.
//
// # Names
//
// The low-level clock keeps the names Clock, ClockEvent and ClockState
// beside the ticket's own Event, because both levels have a pause and a
// resume: ClockPause and Pause are different events of different
// vocabularies. DESIGN's "policy" is [Policy]; its goals are [Limit]s
// ("within", as contracts word them) rather than targets, since a
// Target in package sla is an availability fraction.
//
// All values are immutable and safe for concurrent use. Nothing here
// reads the clock, and no event list or text makes the package panic or
// hang.
package ticket
