package ical

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Sentinel errors a caller may branch on with [errors.Is].
var (
	// ErrInvalid reports a file or value that does not follow RFC 5545.
	ErrInvalid = errors.New("invalid iCalendar")
	// ErrUnsupported reports a valid construct the package does not read,
	// such as a recurrence rule with BYHOUR or FREQ=HOURLY, or a TZID
	// that is not an IANA zone name.
	ErrUnsupported = errors.New("not supported")
	// ErrTooLarge reports an input longer than MaxSize, or a parameter
	// value longer than MaxParamValue.
	ErrTooLarge = errors.New("input too large")
	// ErrLimit reports a file whose recurrences would expand past the
	// package's bounds (see MaxOccurrences and MaxScan).
	ErrLimit = errors.New("expansion limit reached")
	// ErrUnbounded reports a recurrence with neither COUNT nor UNTIL where
	// no span bounds it.
	ErrUnbounded = errors.New("recurrence without end")
)

// Error is the error for a file that cannot be read. Event is the 1-based
// position of the VEVENT among the file's events (0 for the file as a
// whole), UID its UID where it has one, and Property the property at
// fault ("RRULE", "DTSTART"), or "". Its message reads
// `ical: event 3 (UID "abc@example.com"): RRULE: ...`, quoting at most a
// short prefix of a long UID or value. Without an Err (the zero Error,
// say) it reads "invalid value" where the reason would stand.
type Error struct {
	Event    int
	UID      string
	Property string
	Err      error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ical: ")
	if e.Event > 0 {
		fmt.Fprintf(&b, "event %d", e.Event)
		if e.UID != "" {
			fmt.Fprintf(&b, " (UID %s)", quote.Text(e.UID))
		}
		b.WriteString(": ")
	}
	if e.Property != "" {
		b.WriteString(e.Property)
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

// errf returns an error wrapping sentinel with a message.
func errf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}
