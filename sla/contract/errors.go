package contract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// ErrContract is wrapped by every error about a contract that is not
// valid, whatever found it: the JSON decoder, a target, a credit
// schedule, a ticket policy, a calendar or the contract's own rules. It
// is also wrapped by the errors of Evaluate about its inputs.
var ErrContract = errors.New("invalid contract")

// Sentinels for the kind of problem, for errors.Is. Every *FieldError
// wraps ErrContract and one of these, or the sentinel of the package that
// found the problem: sla.ErrSyntax, sla.ErrRange or sla.ErrPrecision for
// a target, sla.ErrTierOverlap or sla.ErrEmptyTier for credit tiers,
// ticket.ErrPolicy for a response term, calendar.ErrInvalid and the
// calendar's other sentinels for a calendar, a window.ParseError for an
// exclusion.
var (
	// ErrSyntax: the document is not JSON, has data after it, or a text
	// (a duration) is not of the accepted form.
	ErrSyntax = errors.New("invalid syntax")
	// ErrType: a JSON value of the wrong type, such as an object where
	// "start/end" text is expected.
	ErrType = errors.New("wrong JSON type")
	// ErrUnknownField: a field the contract form does not have.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateKey: a key given twice in one JSON object.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrMissing: a required field is absent or empty.
	ErrMissing = errors.New("missing")
	// ErrDuplicateName: a term or segment name used twice.
	ErrDuplicateName = errors.New("name used twice")
	// ErrUnknownName: a name that refers to nothing, such as a calendar
	// the contract does not define, or a term kind that does not exist.
	ErrUnknownName = errors.New("unknown name")
	// ErrConflict: fields that exclude each other, such as "during" and
	// "outside" in one segment.
	ErrConflict = errors.New("conflicting fields")
	// ErrRange: a value out of range, such as a negative duration.
	ErrRange = errors.New("out of range")
	// ErrTooLarge: a document or a list past the limits (MaxContractBytes,
	// MaxTerms, ...).
	ErrTooLarge = errors.New("over a limit")
)

// FieldError is the one error for a contract that is not valid, whether
// read from JSON or built in Go. Path names the field as a JSON path into
// the document, with indexes: "terms[0].priorities[1].resolve",
// "credits[2].below", "calendars.business.zone"; it is empty for the
// document as a whole. Line, when known, is the 1-based line of the
// document where the field is (or where decoding stopped); it is 0 for a
// contract built in Go. Err says what is wrong; it always wraps
// ErrContract and the sentinel of the kind of problem (see ErrSyntax and
// the others), and the error of the package that found it, so that
// errors.Is and errors.As work at every level.
type FieldError struct {
	Path string
	Line int
	Err  error
}

// Error returns "contract: [line N: ]PATH: what is wrong". A path longer
// than 64 bytes (a long key or calendar name) is cut there, with its
// length.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("contract: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(quote.Cut(e.Path, quote.Limit))
		b.WriteString(": ")
	}
	b.WriteString(cause(e.Err))
	return b.String()
}

// cause is the text of err, the Err of an error of this package, without
// the package's prefix; a nil Err, as in a zero error value, reads as the
// package's sentinel.
func cause(err error) string {
	if err == nil {
		return ErrContract.Error()
	}
	return strings.TrimPrefix(err.Error(), "contract: ")
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }

// problem is the Err of a FieldError: a message for people, and the
// errors it wraps for errors.Is and errors.As — ErrContract first.
type problem struct {
	msg  string
	errs []error
}

func (p *problem) Error() string   { return p.msg }
func (p *problem) Unwrap() []error { return p.errs }

// fieldError returns a *FieldError at path whose Err reads msg and wraps
// ErrContract, kind, and each of inner that is not nil.
func fieldError(path string, kind error, msg string, inner ...error) *FieldError {
	errs := []error{ErrContract}
	for _, e := range append([]error{kind}, inner...) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	return &FieldError{Path: path, Err: &problem{msg: msg, errs: errs}}
}

// wrapped returns a *FieldError at path for an error found by another
// package (a target's *sla.ParseError, a credit schedule's error, a
// calendar's): its text is that error's, and it wraps ErrContract, kind
// when not nil, and err.
func wrapped(path string, kind, err error) *FieldError {
	return fieldError(path, kind, err.Error(), err)
}
