// Package calendar models civil time for service level agreements: dates,
// times of day, business calendars with holidays, and exact, fast
// business-time arithmetic.
//
// # Civil time
//
// A [Date] is a civil date and a [Clock] a wall-clock time of day from
// 00:00 to 24:00. A [Span] such as "09:00-17:00" is a stretch of wall time
// that starts on one day; one whose end is not after its start, such as
// the overnight shift "22:00-06:00", runs into the next day and belongs to
// the day it starts on. [Weekdays] is a set of days of the week, written
// "Mon-Fri" or "Sat,Sun". All of them have text forms for configuration.
//
// # Calendars
//
// A [Calendar] has its own IANA zone, weekly hours with any number of
// spans per weekday, holiday rules ([Fixed], [NthWeekday], [LastWeekday],
// [EasterOffset], [OnDate]) with a [Substitute] policy for holidays that
// fall on closed days, and date overrides for half days, closed dates and
// extra open dates. Build one in Go with [New]:
//
//	cal, err := calendar.New(berlin,
//		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
//		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)),
//		calendar.Override(calendar.Date{Year: 2026, Month: 12, Day: 24}, calendar.MustSpan("09:00-12:00")))
//
// or from a JSON [Spec] with [ParseSpec] and [Spec.Calendar]; errors name
// the offending field ("holidays[2].day"). [Always] is open 24×7.
//
// # Arithmetic
//
// [Calendar.Between] is the business time between two instants and
// [Calendar.Add] the instant a given business time later (or earlier);
// [Calendar.IsOpen], [Calendar.NextOpen], [Calendar.NextClose] and
// [Calendar.Open] answer the other questions a deadline needs. Spans are
// wall-clock times turned into instants in the calendar's zone — a time
// in the spring gap maps to the end of the gap, a time that occurs twice
// to its first occurrence — and business time is real elapsed time inside
// them, so a day is not 24 hours.
//
// The arithmetic never walks the span day by day. Holidays, overrides and
// the zone's offset changes of the years [FirstYear] to [LastYear] are
// precomputed into a table when the calendar is built, and Between and Add
// cost a few look-ups and no allocation, however long the span. Outside
// those years the calendar keeps its weekly hours without holidays (see
// [FirstYear]).
//
// # Guarantees
//
// Values are immutable and safe for concurrent use. No result depends on
// the Location or monotonic clock reading of an argument. Nothing in a
// definition or a text can make the package panic or hang: bad input is an
// error that names the field, wrapping a sentinel such as [ErrOverlap].
package calendar
