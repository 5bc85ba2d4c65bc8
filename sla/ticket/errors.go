package ticket

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors, for errors.Is. Every error of the package wraps at
// least one of them.
var (
	// ErrPolicy is wrapped by every error about a Policy that is not
	// valid, and by the errors of its JSON form.
	ErrPolicy = errors.New("invalid ticket policy")
	// ErrPriority is wrapped by the error for a priority that a policy
	// does not define, or defines without the goal asked for.
	ErrPriority = errors.New("no such priority")
	// ErrClock is wrapped by the error for a Clock that cannot run: a
	// target that is not positive, warning levels out of range or out of
	// order, or an attach instant after "now".
	ErrClock = errors.New("invalid clock")

	// ErrSyntax: a text (a limit, a basis, an event kind) is not of the
	// accepted form.
	ErrSyntax = errors.New("invalid syntax")
	// ErrRange: a value is outside what is allowed: a duration that is
	// not positive, a warning level outside 1..1000 or not above the one
	// before it.
	ErrRange = errors.New("out of range")

	// ErrEventKind: an event's kind is not one of the constants.
	ErrEventKind = errors.New("unknown event kind")
	// ErrEventOrder: an event is earlier than the event before it.
	ErrEventOrder = errors.New("event out of order")
	// ErrEventState: an event is not allowed in the state the ticket or
	// clock is in; see [Validate] and [Clock.Status] for the rules.
	ErrEventState = errors.New("event not allowed in this state")
	// ErrEventFuture: a clock event is after "now".
	ErrEventFuture = errors.New("event after now")
)

// ParseError is the error for a text that is not a valid limit, basis,
// event kind or clock state. The same shape serves every package of the
// module: What was being read, the Input as given, and Err, which says
// what was wrong and wraps ErrSyntax, ErrRange, or ErrEventKind for an
// event kind. The message quotes the input, or a short prefix of a long
// one (64 bytes in all, then its length).
//
// A ParseError built by hand may leave fields empty: without What it
// names a "value", without Err the message ends after the input, and
// without Err or Input after What, so the zero ParseError reads
// "ticket: invalid value".
type ParseError struct {
	What  string // "limit", "basis", "event kind", "clock event kind" or "clock state"
	Input string // the text as given
	Err   error  // why it was rejected; wraps ErrSyntax, ErrRange or ErrEventKind
}

func (e *ParseError) Error() string {
	what := e.What
	if what == "" {
		what = "value"
	}
	switch {
	case e.Err != nil:
		return fmt.Sprintf("ticket: invalid %s %s: %v", what, quote(e.Input), e.Err)
	case e.Input != "":
		return fmt.Sprintf("ticket: invalid %s %s", what, quote(e.Input))
	}
	return "ticket: invalid " + what
}

func (e *ParseError) Unwrap() error { return e.Err }

// FieldError is the error for a field of a Policy, in the shape of the
// module's other document errors (calendar.FieldError,
// contract.FieldError): Path names the field as a JSON path into the
// policy's document ("priorities[1].resolve", "warnings[0]"; empty for
// the document as a whole); Line is the 1-based line on which the field
// stands, counted from the line where the policy's JSON value begins (its
// opening brace), or 0 when the policy was not read from JSON (an error
// of [Policy.Validate]); Err says what is wrong. Err wraps ErrPolicy and,
// where one applies, ErrRange or a *ParseError. A document that embeds a
// policy, such as a contract, puts its own path in front and gives its
// own line.
type FieldError struct {
	Path string
	Line int
	Err  error
}

// Error returns "ticket: line 3: priorities[1].resolve: ...", without the
// line when it is 0 and without the path when it is empty. Without an Err
// (the zero FieldError, say) it reads "invalid value" where the reason
// would stand.
func (e *FieldError) Error() string {
	msg := "invalid value"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "ticket: ")
	}
	var where string
	if e.Line > 0 {
		where = "line " + strconv.Itoa(e.Line) + ": "
	}
	if e.Path == "" {
		return "ticket: " + where + msg
	}
	return "ticket: " + where + e.Path + ": " + msg
}

func (e *FieldError) Unwrap() error { return e.Err }

// policyError returns a *FieldError at path whose Err wraps ErrPolicy,
// and also cause when it is not nil.
func policyError(path string, cause error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if cause != nil {
		return &FieldError{Path: path, Err: fmt.Errorf("%w: %s: %w", ErrPolicy, msg, cause)}
	}
	return &FieldError{Path: path, Err: fmt.Errorf("%w: %s", ErrPolicy, msg)}
}

// EventError reports the first event of a ticket that breaks a rule of
// [Validate]: its index in the event list, the event, and the reason,
// whose text says which rule and which wraps ErrEventKind, ErrEventOrder
// or ErrEventState. It is not
// modified after it is returned, so it is safe for concurrent use.
type EventError struct {
	Index int
	Event Event
	Err   error
}

func (e *EventError) Error() string {
	return fmt.Sprintf("ticket: events[%d] (%v): %v", e.Index, e.Event, e.Err)
}

func (e *EventError) Unwrap() error { return e.Err }

// ClockEventError reports an event that a clock cannot accept: its index
// in the event list, the event itself, the state the clock was in, and
// the reason, which wraps ErrEventKind, ErrEventOrder, ErrEventState or
// ErrEventFuture. It is not modified after it is returned, so it is safe
// for concurrent use.
type ClockEventError struct {
	Index int
	Event ClockEvent
	State ClockState
	Err   error
}

func (e *ClockEventError) Error() string {
	return fmt.Sprintf("ticket: clock event %d (%v, clock %v): %v", e.Index, e.Event, e.State, e.Err)
}

func (e *ClockEventError) Unwrap() error { return e.Err }
