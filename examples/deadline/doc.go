// Command deadline is a deadline and uptime calculator built on slamath.
//
// Given a business calendar (a JSON calendar.Spec), a start instant and a
// target duration in business time, it prints the due instant
// (calendar.Calendar.Add) and the business time elapsed by now
// (calendar.Calendar.Between):
//
//	go run ./examples/deadline -calendar examples/deadline/testdata/office.json \
//		-start 2026-03-06T21:00:00-05:00 -within 8h -now 2026-03-09T09:30:00-04:00
//
// Given an availability target, it prints the downtime the target allows,
// exactly, per fixed-length period (a 24-hour day, a 7-day week, a 30-day
// month, a 90-day quarter and a 365-day year) and per calendar period that
// contains now in a zone (the calendar's zone, or -zone):
//
//	go run ./examples/deadline -target 99.95% -zone Europe/Berlin
//
// Both can be asked for at once. -now defaults to the current time;
// -start and -now lie in the years 1 to 9999, as in package window
// ("Years"). Bad input is reported on standard error, naming the flag or
// file (a deadline missing -calendar, -start or -within names those
// missing), with exit status 2.
package main
