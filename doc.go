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
//     correct across daylight-saving changes.
//   - [github.com/slamath/slamath/sla]: exact targets and measured ratios,
//     measurement methods, error budgets, burn-rate alerts, credits, and
//     contracts with per-segment targets and response-time clocks.
//   - [github.com/slamath/slamath/breach]: breach records, reporting and
//     resolution obligations, and an append-only ledger.
//
// Imports only point down that list: window imports nothing of slamath's,
// calendar imports window, sla imports both, breach imports all three.
//
// # Principles
//
// No float64 decides whether a target was met, a credit, a deadline or a
// budget: targets and ratios are exact. Business hours are wall-clock hours
// in the calendar's own IANA zone. Every span is half-open. Library code
// never reads the clock: "now" is always a parameter. Values are immutable
// and safe for concurrent use. Non-test code imports the standard library
// only.
package slamath
