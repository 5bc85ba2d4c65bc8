// Package ukbank reads the UK government's bank-holidays JSON — the file
// that GOV.UK publishes at https://www.gov.uk/bank-holidays.json — into
// holiday rules of package calendar, with the standard library only.
//
// # The file
//
// The document is an object with one member per division of the UK,
// "england-and-wales", "scotland" and "northern-ireland", each an object
// with the division's name and its events:
//
//	{"england-and-wales": {"division": "england-and-wales", "events": [
//	    {"title": "Boxing Day", "date": "2021-12-28", "notes": "Substitute day", "bunting": true}]}}
//
// Each event is a day off: a date ("2006-01-02"), a title, notes (GOV.UK
// writes "Substitute day" for a holiday moved off a weekend, and nothing
// otherwise) and whether flags fly (bunting). The file lists the days that
// are bank holidays, substitute days and one-off days such as the State
// Funeral of Queen Elizabeth II (19 September 2022) included, for the
// years GOV.UK publishes — a few years back and one or two ahead; it
// carries no rules. GOV.UK publishes its content under the Open Government
// Licence v3.0, except where otherwise stated.
//
// # Reading
//
// [Parse] and [Read] return a [File]: the events of each division in the
// order of the document. [File.Rules] turns the events of one [Division]
// into holiday rules named by the title, with the notes in brackets when
// there are any ("Boxing Day (Substitute day)"), that give exactly the
// file's dates and are not moved again: the dates are already the days
// off. There is a rule per name, computed from the file's dates
// ([calendar.Computed]), not a rule per day, so that a calendar built from
// ten years of the file stays well within [calendar.MaxHolidays].
//
//	f, err := ukbank.Read(file)
//	rules, err := f.Rules(ukbank.EnglandAndWales)
//	cal, err := calendar.New(london, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:30")),
//		calendar.Holidays(rules...))
//
// Members and fields the package does not know are skipped, so that a
// field GOV.UK adds later does not break reading; a known field of the
// wrong type, a date that does not exist, a missing title or date, and a
// key given twice in one object are errors, each a [FieldError] that
// names the field with its indexes and the line, wrapping [ErrInvalid].
// Input longer than [MaxSize] is refused with [ErrTooLarge].
//
// # Guarantees
//
// Values are plain data, safe for concurrent use once built. Nothing in
// the input can make the package panic or hang: reading costs time and
// memory in proportion to the input, which is bounded.
package ukbank
