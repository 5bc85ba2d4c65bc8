package openslo

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Sentinel errors, for errors.Is. Every error that Read, Write and the
// conversions return is an *Error (or wraps one) that wraps one of these.
var (
	// ErrSyntax: the input is not YAML, or a value does not have the
	// shape or the text form the specification gives it (a list where a
	// mapping belongs, "5 m" for a duration, "0x1F" for a number).
	ErrSyntax = errors.New("syntax")
	// ErrVersion: apiVersion is not one this package reads.
	ErrVersion = errors.New("unsupported apiVersion")
	// ErrUnknownKind: kind is not one of the OpenSLO kinds.
	ErrUnknownKind = errors.New("unknown kind")
	// ErrUnknownField: a mapping holds a field the specification does not
	// define there (a misspelt "timeSliceWIndow", say).
	ErrUnknownField = errors.New("unknown field")
	// ErrMissingField: a required field is absent or empty.
	ErrMissingField = errors.New("missing field")
	// ErrDuplicateKey: a mapping holds the same key twice.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrDuplicateName: two objects of one kind have the same name, so a
	// reference to it would be ambiguous.
	ErrDuplicateName = errors.New("duplicate name")
	// ErrMissingRef: a reference names an object that no document of the
	// stream defines.
	ErrMissingRef = errors.New("missing reference")
	// ErrConflict: fields that exclude each other are both given (target
	// and targetPercent, indicator and indicatorRef).
	ErrConflict = errors.New("conflicting fields")
	// ErrRange: a value lies outside the range the specification allows.
	ErrRange = errors.New("out of range")
	// ErrPrecision: a number has more digits than its exact type holds; it
	// would have to be rounded, which this package never does.
	ErrPrecision = errors.New("more digits than can be held exactly")
	// ErrTooLarge: the input exceeds a limit of the Options (bytes, nodes
	// after alias expansion, nesting depth), or a number or duration is
	// too large for its exact type.
	ErrTooLarge = errors.New("too large")
	// ErrInvalid: a value has the right form but is not valid where it
	// stands (an unknown time zone, a label key with a space).
	ErrInvalid = errors.New("invalid value")
	// ErrUnsupported: valid OpenSLO that has no exact counterpart in this
	// package or in the library's objects (a rolling month, a burn-rate
	// condition with op lte, YAML merge keys).
	ErrUnsupported = errors.New("unsupported")
)

// Error is an error in an OpenSLO stream, or in converting its objects.
// It says where: the file, the document, the object and the field path,
// as in
//
//	openslo: slo.yaml:14:7: document 0: SLO "checkout" spec.objectives[1].targetPercent: ...
//
// (with "line 14, column 7" when the input has no name).
// Err holds the reason and wraps one of the sentinel errors of this
// package (and, where the library decided, the library's error too);
// without one (the zero Error, say) the message reads "invalid value"
// where the reason would stand.
type Error struct {
	File   string // the name given in Options.Name; "" when none
	Doc    int    // index of the YAML document in the stream, from 0; -1 when unknown
	Item   int    // index of the object in a document that is a list of objects; -1 otherwise
	Line   int    // line in the input, from 1; 0 when unknown
	Column int    // column in the input, from 1; 0 when unknown
	Kind   string // the object's kind ("SLO"); "" when not known
	Name   string // the object's metadata.name; "" when not known
	Path   string // the field path inside the object: "spec.objectives[1].targetPercent"
	Err    error  // the reason
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("openslo: ")
	where := e.File
	switch {
	case e.Line > 0 && where != "":
		where += ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
	case e.Line > 0:
		where = "line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column)
	}
	if where != "" {
		b.WriteString(where)
		b.WriteString(": ")
	}
	if e.Doc >= 0 {
		b.WriteString("document ")
		b.WriteString(strconv.Itoa(e.Doc))
		if e.Item >= 0 {
			b.WriteString(" item ")
			b.WriteString(strconv.Itoa(e.Item))
		}
		b.WriteString(": ")
	}
	subject := quote.Cut(e.Kind, quote.Limit) // as the document wrote it
	if e.Name != "" {
		if subject != "" {
			subject += " "
		}
		subject += quote.Text(e.Name)
	}
	if e.Path != "" {
		if subject != "" {
			subject += " "
		}
		subject += quote.Cut(e.Path, quote.Limit)
	}
	if subject != "" {
		b.WriteString(subject)
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("invalid value")
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// reason returns an error that reads "detail: sentinel" and wraps sentinel.
func reason(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), sentinel)
}

// reasonFrom is reason that also wraps cause, an error of the library.
func reasonFrom(sentinel, cause error, format string, args ...any) error {
	return fmt.Errorf("%s: %w (%w)", fmt.Sprintf(format, args...), sentinel, cause)
}
