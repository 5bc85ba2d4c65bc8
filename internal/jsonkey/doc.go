// Package jsonkey is the module's strict JSON reading, written once.
//
// [Find] and [FindTop] find a key given twice in one object, which
// encoding/json accepts silently, the last value winning. They read the
// document with a small scanner, without allocating for the usual few
// plain keys of an object, and are meant for JSON that encoding/json has
// accepted or will check: on text that is not JSON they stop without
// reporting, and they never panic. Nesting deeper than encoding/json's
// own limit, 10,000 levels, also stops them. The breach ledger, contract
// documents and the examples' JSON inputs call them beside
// encoding/json.
//
// A [Reader] reads a document token by token against the shape its
// caller expects, so that every error names the value's path with array
// indexes and the line: calendar documents and the holiday files of the
// calendar adapters are read with it. It takes its verdict on keys given
// twice from the same scanner. [FieldError], [ErrInvalid] and
// [ErrTooLarge] are the error model of a reader with none of its own.
//
// [Line] gives the line of a path in a document, for an error found after
// the document was read (a date that does not exist, credit tiers that
// overlap): calendar.ParseCalendar and contract.Parse call it, so that
// the module looks a path up in one way.
package jsonkey
