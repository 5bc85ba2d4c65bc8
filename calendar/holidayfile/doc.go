// Package holidayfile reads a holiday file in any of the formats the
// calendar adapters read — the UK government's bank-holidays JSON
// (package ukbank), Nager.Date's public-holiday JSON (package nager) or
// iCalendar (package ical) — telling them apart by their first
// characters, into holiday rules of package calendar.
//
// It is the one call a program needs to take a holiday file from its
// user, for instance behind a --holidays flag:
//
//	rules, format, err := holidayfile.ReadFile(path, holidayfile.Options{Division: "england-and-wales"})
//	if err != nil {
//		return err // "holidayfile: holidays.json (UK bank holidays): ukbank: line 7: ..."
//	}
//	cal, err := calendar.New(loc, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
//		calendar.Holidays(rules...))
//
// [Options] chooses what a file holds for several places (a division, a
// subdivision) and the days to take (needed for an iCalendar file with a
// recurrence that never ends). Errors wrap those of the format's package,
// so errors.Is and errors.As reach their sentinels and error types, and
// [ErrFormat] when the file is none of the three.
//
// This package imports the three adapters, and with package ical its
// iCalendar parser and recurrence expander; a program that reads only one
// format can import that adapter alone.
package holidayfile
