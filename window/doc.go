// Package window models spans of instants: half-open intervals, normalized
// sets of intervals, and calendar-aligned and rolling periods.
//
// # Intervals
//
// An [Interval] is the half-open span [Start, End). Its text form is ISO
// 8601 start/end with RFC 3339 instants; [ParseInterval] also accepts
// start/duration, with a Go duration ("4h30m") or an ISO 8601 duration
// ("PT4H30M", "P1DT2H", "P1M"), added to the start as XML Schema 1.1
// defines: months first, clamped to the end of the month (31 January plus
// P1M is 28 February), then the exact time.
//
// # Years
//
// Instants lie in the years 1 to 9999, the years an RFC 3339 instant can
// hold, counted in UTC: from 0001-01-01T00:00:00Z up to, not including,
// 10000-01-01T00:00:00Z. The End of an interval, not itself an instant
// of the interval, may lie further, up to the instant year 9999 ends in
// the westernmost zone, 10000-01-01T00:00:00−12:00, so that the last
// day, month or year of the calendar can be written in any zone from
// −12:00 to +14:00. [ParseInterval] and [Interval.MarshalText] refuse
// anything else, year 0 included, with an error wrapping [ErrYearRange];
// an End that RFC 3339 cannot write in UTC, one in year 10000, is
// written as an exact duration from the start (the year 9999 in UTC is
// 9999-01-01T00:00:00Z/P365D). Other packages of slamath keep to the
// same rule: a period may end where year 9999 ends in any zone, while an
// instant they write on its own — a report's evaluation instant, a
// breach record's times — lies before 10000-01-01T00:00:00Z. (A report
// on December 9999 west of UTC, evaluated at the month's end, has such
// an instant: give it an evaluation instant within the month.) The last
// week of 9999, Monday 27 December to Monday 3 January of year 10000,
// ends past every zone's end of the year: Week.Containing gives it, and
// MarshalText refuses it with ErrYearRange.
//
// # Sets
//
// A [Set] is a normalized set of intervals: sorted, disjoint, with touching
// members merged and empty ones dropped. [NewSet] builds one from intervals
// in any order with one sort and one pass; [Set.Union], [Set.Intersect],
// [Set.Subtract], [Set.Complement] and [Set.Clip] are linear merges that
// allocate once for their result, and [Set.Contains] is a binary search.
// Sets are how the rest of slamath speaks of "the time a service was down"
// or "the business hours of a month":
//
//	down := window.NewSet(outages...)
//	measured := businessHours.Subtract(maintenance)
//	lost := down.Intersect(measured).Duration()
//
// # Periods
//
// A [Unit] (Day, Week, Month, Quarter, Year) names calendar periods that are
// measured in a location from local midnight to local midnight, so that
// window.Month.Containing(t, newYork) is the New York month that holds t —
// 743 hours for March 2026. [Unit.In] gives the [Periods] of a unit in a
// location, whose weeks start on Monday unless [Periods.WeekStartingOn]
// says otherwise, and [Periods.Overlapping] iterates over the periods that
// overlap a span. [Last] gives a rolling window: the span of a given length
// that ends at an instant.
//
// All values in this package are immutable and safe for concurrent use.
// No result depends on the Location of an argument or on its monotonic
// clock reading, only on the instants and, for periods, on the location
// the periods are measured in.
package window
