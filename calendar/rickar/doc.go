// Package rickar turns the holiday sets of github.com/rickar/cal/v2 into
// holiday rules of package calendar, so that a calendar keeps the
// country and regional holidays that library maintains, with their own
// rules for substitute days.
//
// # Holidays
//
// rickar/cal keeps, in a package per country or institution (gb, us, de,
// …, ecb: 36 packages in v2.1.13, the version this module pins, besides
// aa, the holidays they share), each holiday as a *cal.Holiday:
// a name, a function of the year that gives its date, a list of
// substitute days by weekday ("a Saturday moves to the Monday"), a range
// of years and years without it. [Rule] wraps one as a [calendar.Computed]
// rule: each year, the calendar asks the holiday for its actual and
// observed dates. [Rules] does it for a list:
//
//	rules := rickar.Rules(gb.Holidays...)
//	cal, err := calendar.New(london, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:30")),
//		calendar.Holidays(rules...))
//
// The calendar does not move these holidays again: rickar/cal decides the
// observed day, by weekday alone, without looking at the calendar's hours
// or at other holidays (its gb set observes Boxing Day on a Monday on the
// Tuesday, which is how it makes room for a Christmas Day observed on that
// Monday).
//
// # The data
//
// rickar/cal is published under a BSD licence. Its sets hold the rules
// their contributors wrote; they may lack one-off days. Its gb set of
// v2.1.13, for one, has the 2020 VE Day move, the 2022 Platinum Jubilee
// and the 2023 Coronation but not the State Funeral of Queen Elizabeth II
// of 19 September 2022, which the UK government's bank-holiday file lists
// (see the tests). Add such a day with [calendar.OnDate].
//
// # Guarantees
//
// [Rule] copies the holiday, so changing the *cal.Holiday afterwards does
// not change the rule. A rule calls the holiday's function when a calendar
// first needs its year, possibly from several goroutines at once: the
// functions of rickar/cal's sets only read their holiday, and dates do not
// depend on cal.DefaultLoc, but a custom function must be safe for
// concurrent use. A date that is not valid, or an observed date more than a
// year from the actual one, counts as no holiday that year (see
// [calendar.HolidayFunc]).
package rickar
