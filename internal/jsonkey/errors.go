package jsonkey

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Sentinel errors for a package that reads a document with a [Reader] and
// has no error model of its own (the calendar adapters re-export them).
var (
	// ErrInvalid reports a document that is not of the expected shape: bad
	// JSON, a value of the wrong type or form, a key given twice.
	ErrInvalid = errors.New("invalid document")
	// ErrTooLarge reports an input longer than the reader accepts.
	ErrTooLarge = errors.New("input too large")
)

// FieldError is an error at a place in a JSON document, for a package
// with no error type of its own. Path names the value as a JSON path
// with array indexes ("scotland.events[3].title"), empty for the
// document as a whole; Line is the 1-based line where the reader found
// the error, or 0 where there is no document.
type FieldError struct {
	Pkg  string // the package that reports it, for the message prefix
	Path string // the value, or "" for the whole document
	Line int    // the line of the document, or 0
	Err  error  // why; wraps ErrInvalid or ErrTooLarge
}

// Error returns "pkg: line 3: path: ...", without the prefix when Pkg is
// empty, the line when it is 0 and the path when it is empty; a path
// longer than 64 bytes (long keys, deep nesting) is cut. Without an Err
// (the zero FieldError, say) it reads "invalid value" where the reason
// would stand.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Pkg != "" {
		b.WriteString(e.Pkg)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(quote.Cut(e.Path, quote.Limit))
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("invalid value")
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

// FieldErrors returns the report function of [NewReader] that makes a
// [*FieldError] with the prefix pkg.
func FieldErrors(pkg string) func(path string, line int, err error) error {
	return func(path string, line int, err error) error {
		return &FieldError{Pkg: pkg, Path: path, Line: line, Err: err}
	}
}

// ReadAll reads r up to limit bytes; a longer input is a [*FieldError]
// wrapping [ErrTooLarge], so that an endless input costs limit bytes.
func ReadAll(pkg string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &FieldError{Pkg: pkg, Err: fmt.Errorf("reading: %w", err)}
	}
	if int64(len(data)) > limit {
		return nil, TooLarge(pkg, limit)
	}
	return data, nil
}

// TooLarge returns the error for an input longer than limit bytes.
func TooLarge(pkg string, limit int64) error {
	return &FieldError{Pkg: pkg, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
}
