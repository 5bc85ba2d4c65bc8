// Package ical reads iCalendar files (RFC 5545): all-day events as
// holidays ([Holidays]) and timed events as maintenance windows
// ([Maintenance]), recurring ones included.
//
// # Libraries
//
// Lines, components, properties and parameters are parsed by
// github.com/emersion/go-ical, and recurrence rules are expanded by
// github.com/teambition/rrule-go v1.8.2, both under the MIT licence and
// pinned in go.mod (go-ical has no release tags; the pin is a
// pseudo-version, and go.sum fixes its content). go-ical was chosen over
// github.com/arran4/golang-ical because it stops at the component tree
// and leaves the reading of values to its caller, which this package must
// do anyway: floating times are read in a location the caller gives
// (golang-ical reads them in time.Local, the machine's zone), and
// RFC 5545's rules for times that do not occur or occur twice must be
// applied (see below); it also brings no more than rrule-go into the
// build, where golang-ical's package also fetches calendars over HTTP.
// This package reads DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE,
// RECURRENCE-ID, STATUS, SUMMARY and UID itself, and uses neither
// library's time conversion: go-ical's recurrence set of the pinned
// version also adds each EXDATE as an RDATE and reads one value per
// EXDATE line.
//
// # Times
//
// A DATE-TIME with the Z suffix is UTC, one with a TZID parameter is read
// in that IANA zone (zones defined only by a VTIMEZONE component, such as
// the Windows names some programs write, are an error wrapping
// [ErrUnsupported]), and a floating one, with neither, is read in the
// location the caller gives. Per RFC 5545, section 3.3.5, a wall time
// that occurs twice, when clocks go back, is its first occurrence, and one
// that does not occur, when they go forward, is read with the offset
// before the change: 02:30 on 25 October 2026 in Berlin is 00:30 UTC,
// and 02:30 on 8 March 2026 in New York is 07:30 UTC. rrule-go builds
// each occurrence with time.Date, which picks the other reading in both
// cases (see the tests); so rules are expanded on wall clocks and each
// occurrence is then resolved by the RFC.
//
// An event lasts from DTSTART to DTEND, which gives every occurrence the
// same exact length, or for DURATION, whose days and weeks are wall-clock
// days (23 or 25 hours across a change of offset) and whose hours,
// minutes and seconds are exact (RFC 5545, 3.3.6 and 3.8.5.3).
//
// # Recurrence
//
// An RRULE may have FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, INTERVAL,
// COUNT or UNTIL, BYDAY (with ordinals such as 1TU or -1FR for MONTHLY and
// YEARLY), BYMONTHDAY, BYMONTH, BYSETPOS and WKST; other parts (BYHOUR,
// BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO) and the other frequencies are
// errors wrapping [ErrUnsupported]. DTSTART is always the first occurrence
// and counts for COUNT; RDATE adds occurrences (DATE and DATE-TIME values,
// not PERIOD); EXDATE removes them, and so does an event with the same UID
// and a RECURRENCE-ID, which replaces one occurrence with itself.
//
// Expansion is bounded. A rule with neither COUNT nor UNTIL ends with the
// span asked for; for [Holidays] without days it is an error wrapping
// [ErrUnbounded]. The rules of one file may produce at most
// [MaxOccurrences] occurrences, counting those before the span, and are
// charged for the scan rrule-go does before they are expanded (see
// [MaxScan]): a rule that matches no date at all, such as
// FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, would otherwise have rrule-go scan
// day by day to the year 9999. Beyond a bound, the error wraps
// [ErrLimit]. Input is read up to [MaxSize] bytes, and a parameter value
// up to [MaxParamValue] bytes, which keeps the parser's time in
// proportion to the input; beyond either the error wraps [ErrTooLarge].
//
// # Example
//
// A patch window on the first Tuesday of each month, 01:30 to 02:30 in
// Berlin, as a calendar program writes it:
//
//	BEGIN:VEVENT
//	UID:patch-window@example.com
//	DTSTART;TZID=Europe/Berlin:20260106T013000
//	DTEND;TZID=Europe/Berlin:20260106T023000
//	RRULE:FREQ=MONTHLY;BYDAY=1TU
//	EXDATE;TZID=Europe/Berlin:20261006T013000
//	END:VEVENT
//
// gives eleven windows in 2026: [Maintenance] with the year as span.
//
// # Guarantees
//
// The functions are safe for concurrent use and keep no state between
// calls. Nothing in a file can make them panic or hang: input, occurrences
// and work are bounded as above. Errors are [*Error] values that name the
// event by its position and UID, and the property.
package ical
