package calendar

import (
	"errors"
	"fmt"
	"strings"
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
	// ErrInvalid reports any other invalid field value.
	ErrInvalid = errors.New("invalid value")
)

// FieldError is the error for a calendar definition that is not valid. Path
// names the field as in a [Spec] document, for instance
// "holidays[2].day" or "hours[0].spans[1]"; the same paths are used for
// calendars built with [New], counting each kind of [Option] in order.
type FieldError struct {
	Path string // the field, as a JSON path into a Spec
	Err  error  // why it was rejected; wraps a sentinel where one applies
}

func (e *FieldError) Error() string {
	// An inner error from this package already carries the prefix.
	return "calendar: " + e.Path + ": " + strings.TrimPrefix(e.Err.Error(), "calendar: ")
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path string, format string, args ...any) error {
	return &FieldError{Path: path, Err: fmt.Errorf(format, args...)}
}

// ParseError describes a text that is not a valid date, clock, span,
// weekday set or observance policy. It quotes the input.
type ParseError struct {
	What  string // what was being parsed: "date", "clock", "span", "weekdays", "observed"
	Input string // the text as given
	Err   error  // why it was rejected
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("calendar: invalid %s %q: %v", e.What, e.Input, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
