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
// spans per weekday, holiday rules and date overrides for half days,
// closed dates and extra open dates. Build one in Go with [New]:
//
//	cal, err := calendar.New(berlin,
//		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
//		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)),
//		calendar.Override(calendar.Date{Year: 2026, Month: 12, Day: 24}, calendar.MustSpan("09:00-12:00")))
//
// or from a JSON document with [ParseCalendar] ([ParseSpec] and
// [Spec.Calendar] in one step); its errors name the offending field with
// its array indexes and the line of the document
// ("line 7: holidays[2].day: ..."), whether the document is malformed or
// says something impossible (31 April, overlapping spans, an unknown
// zone), and a key given twice is an error. [Spec.Calendar] alone has
// no document, and names the field only. A *Calendar inside another
// JSON document is written by [Calendar.MarshalJSON] and read back, as
// strictly, by [Calendar.UnmarshalJSON]. [Always] is open 24×7. The zero
// Calendar is not one: its queries panic (see [Calendar]).
//
// # Holidays
//
// A holiday [Rule] is a fixed date ([Fixed]), the nth or last weekday of a
// month ([NthWeekday], [LastWeekday]), the first weekday on or after or on
// or before a date ([WeekdayOnOrAfter]: Swedish Midsummer Day, the Saturday
// from 20 June; [WeekdayOnOrBefore]: Victoria Day, the Monday on or before
// 24 May), an offset from Western or Orthodox Easter ([EasterOffset],
// [OrthodoxEasterOffset]), a one-off date ([OnDate]), or a Go function of
// the year ([Computed]), through which holiday sets kept elsewhere plug in.
// Any rule but a computed one takes a day offset ([Rule.AddDays]: US
// Election Day is the first Monday of November plus one day) and a range
// of years. A holiday that falls on a closed day moves by its [Substitute]
// policy, decided by the calendar's hours or by a weekend set given with
// the rule ([Rule.Weekend]), so that a desk open on Saturday mornings
// still observes a bank holiday that falls on a Saturday on the Monday.
// [Calendar.HolidaysIn], [Calendar.HolidayOn], [Calendar.HolidaysOn] and
// [Calendar.Holiday] look holidays up with their actual and observed
// dates. Holidays and overrides apply in every year from [FirstYear] to
// [LastYear] (1 to 9999) by the same rules.
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
// them, so a day is not 24 hours. [Calendar.OpenDays] counts business
// days (days with hours of their own) between two dates, and
// [Calendar.AddOpenDays] adds them to a date.
//
// The arithmetic never walks the span day by day. [New] only checks the
// definition and keeps the weekly model, in microseconds and a few
// kilobytes, since a service may hold a calendar per customer. The
// holidays, overrides and zone changes of a stretch of 1,024 days are put
// into a table the first time a query reaches them; after that, Between
// and Add cost a few look-ups and no allocation, however long the span,
// plus a step per stretch crossed. A calendar keeps the tables of at
// most 16 stretches, and 8 bytes of each other stretch a query passed,
// so that however far its queries reach it stays small. Before year 1 and after year 9999 the
// calendar keeps its weekly hours without holidays (see [FirstYear]).
//
// # Guarantees
//
// Values are immutable and safe for concurrent use: tables are built once,
// under a lock, and read without one. No result depends on the Location
// or monotonic clock reading of an argument. Nothing in a definition or a
// text can make the package panic or hang: bad input is an error that
// names the field, wrapping a sentinel such as [ErrOverlap].
package calendar
