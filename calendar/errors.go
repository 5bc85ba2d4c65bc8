package calendar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Sentinel errors a caller may branch on with [errors.Is].
var (
	// ErrOverlap reports two spans of one day (weekly hours or an override)
	// that share time.
	ErrOverlap = errors.New("spans overlap")
	// ErrNeverOpen reports weekly hours that are empty: a calendar must be
	// open at some time in every week.
	ErrNeverOpen = errors.New("calendar is never open")
	// ErrUnknownZone reports a zone name that is not in the IANA database.
	ErrUnknownZone = errors.New("unknown time zone")
	// ErrNoSuchDate reports a holiday or override date that does not exist,
	// such as 31 April, or an nth weekday with n outside 1–5.
	ErrNoSuchDate = errors.New("no such date")
	// ErrOutOfRange reports a year or date outside [FirstYear, LastYear].
	ErrOutOfRange = errors.New("out of the supported years")
	// ErrComputedRule reports a holiday rule computed by a Go function
	// (see [Computed]) where a JSON document is wanted: it has no JSON form.
	ErrComputedRule = errors.New("rule computed by a Go function")
	// ErrInvalid reports any other invalid field value.
	ErrInvalid = errors.New("invalid value")
	// ErrZeroCalendar reports the zero Calendar (see [Calendar.IsZero]),
	// which has no zone and no hours. The methods of a zero Calendar that
	// return an error wrap it, the others panic with an error that wraps
	// it, and the packages of this module that take a calendar and return
	// an error wrap it for a zero Calendar.
	ErrZeroCalendar = errors.New("the zero Calendar is not usable: build one with New, Always or Spec.Calendar")
)

// FieldError is the error for a calendar definition that is not valid. Path
// names the field as in a [Spec] document, for instance
// "holidays[2].day" or "hours[0].spans[1]"; the same paths are used for
// calendars built with [New], counting each kind of [Option] in order.
// Path is empty for an error of the document as a whole, such as
// malformed JSON. Line is the 1-based line of the JSON document where
// [ParseSpec] found the error, and 0 where there is no document (an error
// of [New] or [Spec.Calendar]).
type FieldError struct {
	Path string // the field, as a JSON path into a Spec
	Line int    // the line of the JSON document, or 0
	Err  error  // why it was rejected; wraps a sentinel where one applies
}

// Error returns "calendar: line 3: holidays[2].day: ...", without the
// line when it is 0 and without the path when it is empty; a path longer
// than 64 bytes (a long unknown key) is cut. Without an Err (the zero
// FieldError, say) it reads "invalid value" where the reason would stand.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("calendar: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(quote.Cut(e.Path, quote.Limit))
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("invalid value")
		return b.String()
	}
	// An inner error from this package already carries the prefix.
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "calendar: "))
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path string, format string, args ...any) error {
	return &FieldError{Path: path, Err: fmt.Errorf(format, args...)}
}

// ParseError describes a text that is not a valid date, clock, span,
// weekday set or observance policy. Its message quotes the input, or a
// short prefix of a long one (64 bytes in all, then the input's length).
//
// A ParseError built by hand may leave fields empty: without What it
// names a "value", without Err the message ends after the input, and
// without Err or Input after What, so the zero ParseError reads
// "calendar: invalid value".
type ParseError struct {
	What  string // what was being parsed: "date", "clock", "span", "weekdays", "observed"
	Input string // the text as given
	Err   error  // why it was rejected
}

func (e *ParseError) Error() string {
	what := e.What
	if what == "" {
		what = "value"
	}
	switch {
	case e.Err != nil:
		return fmt.Sprintf("calendar: invalid %s %s: %v", what, quote.Text(e.Input), e.Err)
	case e.Input != "":
		return fmt.Sprintf("calendar: invalid %s %s", what, quote.Text(e.Input))
	}
	return "calendar: invalid " + what
}

func (e *ParseError) Unwrap() error { return e.Err }
