// Command quickstart evaluates a service level contract over a month and
// prints a report. It is slamath's main job, end to end: a contract read
// from JSON, outages and ticket events read from CSV, the contract
// evaluated over a local month with [contract.Contract.Evaluate], and a breach
// record opened for every missed level with [breach.Open], whose report
// and resolution deadlines are counted in the business calendar of the
// contract's obligations.
//
// Run with no arguments, it evaluates the sample in data/ (embedded in the
// binary): a contract with 99.5% availability Monday to Friday 08:00-18:00
// New York time and 99% at other times, a response term for priorities P1
// to P3, a credit schedule, and report and resolve obligations, over March
// 2026 — outages in and out of hours, overlapping ones, one across the
// daylight-saving change and one on a weekend; tickets that meet and
// breach their goals, one paused and one reopened.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart --format markdown
//	go run ./examples/quickstart --contract my.json --outages down.csv --tickets tickets.csv --period 2026-04
//
// # Report
//
// For each availability term and segment: the measured time, the
// availability as a percentage truncated to four places (so a missed
// target never reads as met), the allowance, the downtime, the remaining
// budget, met or missed, when the budget ran out, and the credit tier.
// For each ticket: each goal's elapsed time against its target, the share
// used, the business time paused, the due instant, and met or breached.
// Then each breach with the instants it occurred and was detected and its
// report and resolve due instants, a summary per term, and the credit
// owed. --format selects text (the default), json or markdown.
//
// # Files
//
// --contract is a contract document as [contract.Parse] reads it. The
// sample outages and tickets belong to the sample contract, so with
// --contract a file not given means no outages or no tickets.
//
// --outages is CSV with one outage a line:
//
//	start,end[,term]
//	2026-03-02T09:00:00-05:00,2026-03-02T09:40:00-05:00
//	2026-03-08T01:30:00-05:00,2026-03-08T03:30:00-04:00,availability
//
// start and end are RFC 3339 instants, end after start; the outage is the
// half-open span [start, end). The optional term names the availability
// term it counts against; without it the outage counts against every
// availability term. Overlapping outages count once.
//
// --tickets is CSV with one ticket event a line:
//
//	id,priority,event,at[,term]
//	T-101,P1,open,2026-03-02T09:05:00-05:00
//	T-101,P1,respond,2026-03-02T09:20:00-05:00
//
// event is open, respond, pause, resume, resolve or reopen; a ticket's
// events follow the rules of [ticket.Validate] (open first, then in time
// order; one respond, before the resolution; pause only while running;
// reopen only after a resolve), and an event that breaks one is reported
// with its line. priority must be
// one of the term's priorities, the same on every line of a ticket. The
// optional term names the response term, and may be left out when the
// contract has only one. A ticket belongs to the period it was opened in.
//
// In both files, lines starting with # are comments, blank lines are
// skipped, and a first line whose first field is "start" (outages) or "id"
// (tickets) is a header.
//
// # Period
//
// --period YYYY-MM (default 2026-03) is a local month, from midnight to
// midnight, in the time zone of the calendar of the contract's
// obligations, else of the contract's first calendar by name, else UTC.
// The month is evaluated at its end, and the report shows instants in the
// same zone.
//
// # Errors
//
// A missing or malformed file is reported on stderr as FILE:LINE: FIELD:
// PROBLEM, for instance
//
//	quickstart: outages.csv:7: end: "2026-03-32T10:00:00Z" is not an RFC 3339 instant
//
// and the exit status is 2, with nothing written to stdout: the report is
// built in full before any of it is written. For a contract the field is
// its JSON path, such as terms[0].segments[1].target. Bad flags also exit
// with status 2.
package main
