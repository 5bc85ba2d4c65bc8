// Command quickstart evaluates a service level contract over a month and
// prints the report a provider sends its customer. It is slamath's main
// job, end to end: a contract read from JSON, outages, request counts and
// ticket events read from CSV, the contract evaluated over a local month
// with [contract.Contract.Evaluate], and a breach record opened for every
// missed level with [breach.Open], whose report and resolution deadlines
// are counted in the business calendar of the contract's obligations.
//
// Run with no arguments, it evaluates the sample in data/ (embedded in the
// binary): a contract with 99.5% availability Monday to Friday 08:00-18:00
// New York time and 99% at other times, a response term for priorities P1
// to P3, a credit schedule and a fee, and report and resolve obligations,
// over March 2026 — outages in and out of hours, overlapping ones, one
// across the daylight-saving change, one that overran announced
// maintenance; tickets that meet and breach their goals, one paused, one
// reopened, one carried in from February — with January and February
// beside it.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart --format markdown
//	go run ./examples/quickstart --format svg > budget.svg
//	go run ./examples/quickstart --now 2026-03-15T14:00:00-04:00
//	go run ./examples/quickstart --contract my.json --outages down.csv --tickets tickets.csv --period 2026-04
//
// # Report
//
// The period as people write it ("1–31 March 2026"), one availability
// figure over every term measured by outages, the verdict, and the credit
// owed, as money when the contract states a fee. For each availability
// term and segment: the measured time, the availability as a percentage
// truncated to four places (so a missed target never reads as met), the
// allowance, the downtime, the remaining budget, met or missed, when the
// budget ran out, the credit tier as its bounds ("below target, no tier"
// for a missed segment in a gap of the credit schedule), and the
// maintenance excluded. For each ticket, including those carried in from
// an earlier period: each goal's elapsed time against its target, the
// share used, the business time paused, the due instant, and met or
// breached. The month before and the year to date beside this period,
// when the files reach back to them. The incidents with their ids and
// titles and the down time each counted; a day-by-day timeline; each
// breach with the instants it occurred and was detected and its report
// and resolve due instants, and a summary per term. What the files hold
// outside the period is counted and said, and a period that holds none of
// their records is a warning, on stderr too.
//
// --format selects text (the default), markdown, json (durations as exact
// seconds with ISO 8601 text, credit tiers as their bounds) or svg: a
// chart of the error budget left in each segment over the period, the
// contract's business hours shaded and the instant each budget ran out
// marked, written with the standard library and the same to the byte for
// the same input.
//
// # Files
//
// --contract is a contract document as [contract.Parse] reads it. The
// sample outages, tickets and maintenance belong to the sample contract,
// so with --contract a file not given means none.
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
// term measured by outages. Overlapping outages count once. A header may
// name further columns, in any order: id and title (or description, shown
// when there is no title), kept from the file to the report, and affected,
// the share of customers an outage affected, for proportional credits.
//
// --requests is CSV with counts of requests: at,good,total[,term], for
// the terms measured by requests.
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
// with its line. priority must be one of the term's priorities, the same
// on every line of a ticket. The optional term names the response term,
// and may be left out when the contract has only one. A header may add a
// title (or description) column. A ticket counts in the period it was
// opened in, and in later ones while it is still open at their start.
//
// In every file a byte-order mark is skipped, lines starting with # are
// comments, blank lines are skipped, and a first line whose first field
// names a column is a header; a line may then leave out trailing fields.
//
// # Period
//
// --period YYYY-MM is a local month, from midnight to midnight, in the
// time zone of the calendar of the contract's obligations, else of the
// contract's first calendar by name, else UTC; without it the month of
// --now, or else of the files' last record. The month is evaluated at its
// end, or at --now, and the report shows instants in the same zone. With
// --now inside the month the report covers the month to date. Months and
// instants lie in the years 1 to 9999, as in package window ("Years"):
// December 9999 can be reported on, year 0 is refused. West of UTC,
// December 9999 ends in year 10000 of UTC, where no instant can be
// written: its JSON report and its breach records need --now within the
// month.
//
// # Bounds and errors
//
// Every file is read up to 64 MiB and a field up to 1 KiB; past that the
// program stops with an error rather than filling memory. Memory stays
// near the size of the input: tickets are evaluated a few thousand at a
// time, and a report lists at most 60 tickets a term in full (past that,
// those that breached or are still open, up to 120) and the first 50
// breaches, with counts of them all; 200,000 tickets, a 24 MB file, take
// about 150 MB at most (BENCHMARKS.md). A missing or malformed file is
// reported on
// stderr as FILE:LINE: FIELD: PROBLEM, for instance
//
//	quickstart: outages.csv:7: end: "2026-03-32T10:00:00Z" is not an RFC 3339 instant
//
// quoting at most 40 bytes of an offending value, and the exit status is
// 2, with nothing written to stdout: the report is built in full before
// any of it is written. For a contract the field is its JSON path, such as
// terms[0].segments[1].target. Bad flags also exit with status 2.
//
// Holidays and maintenance come from the files people already have.
// --holidays FILE adds a holiday file to every calendar of the contract
// ([contract.Contract.WithHolidays]): the GOV.UK bank-holidays JSON, a
// Nager.Date public-holiday JSON or an iCalendar file of all-day events,
// told apart by their contents (package calendar/holidayfile), with
// --region choosing a GOV.UK division or a Nager.Date subdivision; a
// GOV.UK file of several divisions needs it, and it is an error without
// --holidays. An iCalendar file without all-day events gives no holidays
// and a warning on stderr.
// --maintenance FILE reads an iCalendar file whose timed events,
// recurring ones included, are the period's maintenance windows
// (package calendar/ical; contract.Observations.Maintenance): excluded
// from the measured time and listed in the report with their SUMMARY:
//
//	go run ./examples/quickstart --holidays bank-holidays.json --region england-and-wales --maintenance maintenance.ics
//
// Both files are read for the years the report covers: the period's, the
// one before it and the one after.
package main
