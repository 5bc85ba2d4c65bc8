// Package slamath is the root of a module for the exact arithmetic of
// service level agreements: availability targets up to 99.999% and beyond,
// error budgets, business calendars, response-time clocks, service credits
// and breach records. It holds no code; the work is done in its packages.
//
// # Packages
//
//   - [github.com/slamath/slamath/window]: instants — half-open intervals,
//     normalized interval sets, calendar-aligned and rolling periods.
//   - [github.com/slamath/slamath/calendar]: civil time — dates, clocks,
//     business calendars with holidays, and business-time arithmetic that is
//     correct across daylight-saving changes. Packages under it bring
//     holidays in from where they are kept: calendar/ukbank (GOV.UK's
//     bank holidays), calendar/nager (Nager.Date), calendar/rickar (the
//     country sets of rickar/cal), calendar/ical (iCalendar holidays and
//     maintenance windows), and calendar/holidayfile, which reads any of
//     the three file formats.
//   - [github.com/slamath/slamath/sla]: the arithmetic of objectives —
//     exact targets, measured ratios and shares, measurement methods,
//     error budgets, burn-rate alerts, credit schedules, composite
//     availability.
//   - [github.com/slamath/slamath/sla/ticket]: service-desk response and
//     resolution clocks; one call gives a ticket's status at an instant.
//   - [github.com/slamath/slamath/sla/contract]: contracts with
//     per-segment targets, terms measured by outages or by requests, and
//     ticket terms; credits as shares or money; their JSON form,
//     evaluation and report, and breach obligations.
//   - [github.com/slamath/slamath/sla/contract/contracttest]: table-driven
//     tests of contract terms, one line a case.
//   - [github.com/slamath/slamath/sla/prom]: the Prometheus side — rule
//     files with exact thresholds, business schedules served as a series,
//     range-query results read back exactly, alert policies replayed as
//     the engine evaluates them.
//   - [github.com/slamath/slamath/sla/openslo]: OpenSLO documents read and
//     written exactly, turned into targets, periods, budgets and alert
//     policies.
//   - [github.com/slamath/slamath/breach]: breach records, reporting and
//     resolution deadlines, and an append-only ledger.
//
// The list starts at the ground floor, and each package imports only
// packages above it: window imports none; calendar imports window; sla
// imports window; sla/ticket imports none (a business schedule is an
// interface that a calendar satisfies); sla/contract imports sla,
// sla/ticket, calendar and window; sla/prom imports sla, calendar and
// window, and sla/openslo sla and window, never each other; breach
// imports sla/contract and what it imports; the calendar adapters import
// calendar, and calendar/holidayfile the other adapters. Below them all,
// internal packages hold what several packages need — saturating
// durations, exact products of integers, strict JSON reading (a key
// given twice, errors that name the path and line), the short quoting of
// a bad input in an error — written once; sla/ticket, which imports
// nothing of the module, does without them, keeping a private copy of the
// quoting.
//
// # Principles
//
// No float64 decides whether a target was met, a credit, a deadline or a
// budget: targets and ratios are exact. Business hours are wall-clock hours
// in the calendar's own IANA zone. Every span is half-open. Library code
// never reads the clock: "now" is always a parameter. Values are immutable
// and safe for concurrent use. An error quotes at most a short prefix of
// a bad input. Non-test code imports the standard library only, except
// the adapters for formats kept elsewhere — sla/openslo (YAML),
// calendar/ical and calendar/holidayfile (iCalendar), calendar/rickar —
// which import only the pinned libraries their formats need (for
// iCalendar, a parser and a recurrence expander), and which no core
// package compiles.
package slamath
