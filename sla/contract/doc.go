// Package contract reads, checks and evaluates service level agreements:
// contracts whose terms hold availability targets per schedule and
// ticket response goals, with credits and breach obligations.
//
// # Contracts
//
// A [Contract] groups [Term]s, a credit schedule ([sla.CreditSchedule]),
// a [CreditPolicy] and [Obligations]. An [AvailabilityTerm] has one or
// more [Segment]s, each a [Schedule] — [During] a calendar's hours,
// [Outside] them, or [Always] — with its own target: "99.5% in business
// hours, 99% at other times". A term measures by one [Method]: outage
// intervals under its [sla.OutageRules] (a minimum outage length, whole
// or partial minutes, the order of the two, clock buckets), or requests
// as events, time slices or an average of slices. A [ResponseTerm] is a
// ticket policy ([ticket.Policy]) whose business time is a calendar's.
//
// # Credits
//
// A segment's credit is the tier of its credit schedule that admits its
// measured ratio, or, with Proportional, its down time weighed by the
// share of customers affected over its measured time. The
// [CreditPolicy] owes the largest credit of any segment or a capped sum,
// and states it in money from a fee ([Money], exact in minor units,
// rounded to the nearest minor unit, halves up). A schedule with a gap
// below a segment's target is a warning of [Contract.Validate], not an
// error, and a missed segment in the gap is reported as such
// (SegmentResult.NoTier).
//
// # The JSON form
//
// [Parse] reads a contract from JSON and [Contract.MarshalJSON] writes
// it back; the two round-trip. Calendars are named once, under
// "calendars", and referred to by name. A contract built in Go is checked
// with [Contract.Validate], by the same rules. Limits (MaxContractBytes,
// MaxTerms, ...) keep any document from making the library allocate or
// compute without bound.
//
// # Errors
//
// Every problem with a contract, found by the JSON decoder, by a target,
// a credit schedule, a ticket policy, a calendar or the contract's own
// rules, is one [*FieldError]: the Path of the field with indexes
// ("terms[0].priorities[1].resolve", "credits[2].below"), the Line in the
// document where known, and an Err that wraps [ErrContract], the
// sentinel of the kind of problem ([ErrType], [ErrUnknownName],
// [ErrRange], ..., or sla.ErrTierOverlap, ticket.ErrPolicy,
// calendar.ErrInvalid) and the error of the package that found it. The
// decoder reads arrays element by element, so that a value of the wrong
// type keeps its index and says which form was expected: an exclusion
// written as an object reads "terms[0].exclusions[1]: got an object, want
// "start/end" text, such as ...". Unknown fields and keys given twice are
// errors. Keys are exact, as in a calendar and a ticket policy read
// alone: "Target", which encoding/json would read into the field
// "target", is an unknown field, and its error says `keys are exact: want
// "target"`; calendar names, the keys of a map, are the contract's own,
// case and all.
//
// # Evaluation
//
// [Contract.Evaluate] measures a period's [Observations] — outages and
// [Incident]s with their ids and titles, request counts
// ([sla.Sample]s), the period's maintenance, tickets, the instant of
// evaluation — and returns a [Report] per term and segment: measured
// time, down time, ratio, allowance, remaining budget, verdict, the
// instant the budget ran out, and the credit owed; per ticket its
// [ticket.Status], carried in from an earlier period while still open;
// per incident the down time it counted; one overall availability; the
// credit of the period as a share and in money; and what the
// observations hold outside the period ([LeftOut]), so that a wrong
// period does not read as a perfect one. Down time is counted by
// [sla.CountedDown], requests by [sla.MeasureEvents],
// [sla.MeasureTimeSlices] and [sla.AverageTimeSlices]: each rule lives
// once, in package sla. Ticket events are checked by [ticket.Validate].
// Reports marshal to JSON with durations as exact seconds beside ISO 8601
// text ([DurationOf]) and credit tiers as their bounds.
//
// [Contract.WithHolidays] adds holidays to a contract's calendars for a
// period, such as a country's bank holidays from an official file;
// Observations.Maintenance adds the period's maintenance to each term's
// exclusions.
//
// # Obligations
//
// [Obligations] say how soon a breach must be reported and resolved,
// in business or wall time. Package breach, which keeps breach records,
// uses this same type: it lives here because a contract states it and
// imports only point down — window, calendar, sla, sla/ticket, then this
// package, then breach.
//
// # Names
//
// The package is named for what it holds, so its main type is
// contract.Contract, as calendar.Calendar is; [ErrContract] keeps the
// name the design gives it, and Parse is Parse rather than ParseContract.
// The design's "response term is a ticket policy" is [ResponseTerm],
// which holds a [ticket.Policy] and adds the calendar of its business
// time; it holds the policy as a field rather than embedding it, so that
// the policy's own JSON method is not promoted to the term.
//
// A Contract and its parts are plain data, safe for concurrent use as
// long as no goroutine modifies them. Nothing here reads the clock, and
// no document makes the package panic or hang. Only programmer errors
// panic: During and Outside on a nil calendar, and the Open of a Schedule
// over a zero calendar.Calendar, which Validate and Evaluate report as an
// error wrapping calendar.ErrZeroCalendar before anything opens it.
package contract
