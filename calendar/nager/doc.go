// Package nager reads the public-holiday JSON of Nager.Date — the answer
// of its endpoint /api/v3/PublicHolidays/{year}/{countryCode}, a country's
// holidays of one year — into holiday rules of package calendar, with the
// standard library only.
//
// # The file
//
// The document is an array of holidays:
//
//	[{"date": "2026-01-06", "localName": "Heilige Drei Könige", "name": "Epiphany",
//	  "countryCode": "DE", "fixed": true, "global": false,
//	  "counties": ["DE-BW", "DE-BY", "DE-ST"], "launchYear": null, "types": ["Public"]}]
//
// Each holiday has its date, its name in the country's language
// (localName) and in English (name), the ISO 3166-1 country code, whether
// it falls on the same date every year (fixed), whether it holds in the
// whole country (global) or only in the subdivisions listed by their ISO
// 3166-2 codes (counties), the year it was first held (launchYear, or
// null) and its kinds (types: "Public", "Bank", "School", "Authorities",
// "Optional" or "Observance"). Nager.Date is an open-source project whose
// source is published under the MIT licence; its holiday data is compiled
// by its contributors from public sources, with no warranty of accuracy.
//
// # Reading
//
// [Parse] and [Read] return the holidays in the order of the document.
// [Rules] turns those of one subdivision into holiday rules, named in
// English or in the local language, that give exactly the file's dates and
// are not moved again: Nager.Date gives the date the holiday is held on.
//
//	hs, err := nager.Read(file)
//	rules := nager.Rules(hs, nager.Select{County: "DE-BY", Types: []string{"Public"}})
//
// Fields the package does not know are skipped, so that a field added
// later does not break reading; a known field of the wrong type, a date
// that does not exist, a holiday without a date or a name, and a key given
// twice in one object are errors, each a [FieldError] that names the
// field with its index and the line, wrapping [ErrInvalid]. Input longer
// than [MaxSize] is refused with [ErrTooLarge].
//
// # Guarantees
//
// Values are plain data, safe for concurrent use once built. Nothing in
// the input can make the package panic or hang: reading costs time and
// memory in proportion to the input, which is bounded.
package nager
