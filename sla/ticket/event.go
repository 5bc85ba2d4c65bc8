package ticket

import (
	"fmt"
	"time"
)

// EventKind is something that happens to a ticket, in the service desk's
// words. Its text form is the lower-case name: "open", "respond",
// "pause", "resume", "resolve" or "reopen". The zero value is not a valid
// kind. A kind is a plain value, safe for concurrent use.
type EventKind uint8

// The events of a ticket. Underneath, each drives the ticket's two
// clocks — the response clock and the resolution clock — with clock
// events:
//
//	Open     starts both clocks
//	Respond  stops the response clock
//	Pause    pauses each clock still running ("waiting for customer")
//	Resume   resumes each paused clock
//	Resolve  stops both clocks (a resolution answers the ticket too)
//	Reopen   restarts the resolution clock for a new cycle
const (
	Open EventKind = iota + 1
	Respond
	Pause
	Resume
	Resolve
	Reopen
)

var eventNames = [...]string{
	Open: "open", Respond: "respond", Pause: "pause",
	Resume: "resume", Resolve: "resolve", Reopen: "reopen",
}

func (k EventKind) valid() bool { return k >= Open && k <= Reopen }

// String returns the kind's text form, or "EventKind(n)" for a value that
// is not a kind.
func (k EventKind) String() string {
	if !k.valid() {
		return fmt.Sprintf("EventKind(%d)", uint8(k))
	}
	return eventNames[k]
}

// ParseEventKind reads the text form of an EventKind. Any other text is a
// *ParseError wrapping ErrEventKind.
func ParseEventKind(s string) (EventKind, error) {
	for k := Open; k <= Reopen; k++ {
		if eventNames[k] == s {
			return k, nil
		}
	}
	return 0, &ParseError{What: "event kind", Input: s,
		Err: fmt.Errorf("%w: want open, respond, pause, resume, resolve or reopen", ErrEventKind)}
}

// MarshalText implements encoding.TextMarshaler; it fails, wrapping
// ErrEventKind, for a value that is not a kind.
func (k EventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("ticket: event kind %d: %w", uint8(k), ErrEventKind)
	}
	return []byte(eventNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseEventKind.
func (k *EventKind) UnmarshalText(b []byte) error {
	v, err := ParseEventKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Event is one event of a ticket. It is a plain value, safe for
// concurrent use. Its JSON form is
// {"kind": "respond", "at": "2026-03-02T09:20:00-05:00"}.
type Event struct {
	Kind EventKind `json:"kind"`
	At   time.Time `json:"at"`
}

// String returns the kind and the instant in RFC 3339, e.g.
// "respond@2026-03-02T14:20:00Z".
func (e Event) String() string {
	return e.Kind.String() + "@" + e.At.UTC().Format(time.RFC3339Nano)
}

// ticketState is where a ticket stands after some of its events.
type ticketState struct {
	opened, responded, paused, resolved bool
	answered                            bool // responded to, or resolved once
}

// Validate checks a ticket's events, in the order given, against the
// rules below, and reports the first event that breaks one as an
// [*EventError] naming its index. A nil or empty list is valid: the
// ticket has not been opened.
//
// These are the rules of this package, written here once:
//
//   - Every event has one of the EventKind constants (else ErrEventKind).
//   - Events are in time order: an event may share the instant of the one
//     before it, but not precede it (else ErrEventOrder).
//   - Open is the first event, and comes only once; a ticket that comes
//     back after its resolution is reopened, not opened again.
//   - Respond is the first response and comes at most once, before the
//     ticket is resolved. A Resolve before any Respond answers the ticket,
//     so a Respond after a Resolve, even after a Reopen, is refused.
//   - Pause only while the ticket is running: opened, not paused and not
//     resolved. Resume only while it is paused.
//   - Resolve only while the ticket is not resolved; a paused ticket may be
//     resolved, which ends the pause.
//   - Reopen only after a Resolve; it starts a new resolution cycle.
//
// Breaking any of the last five rules wraps ErrEventState. Validate does
// not know "now": events in the future are checked like the others, and
// [Policy.Status] leaves them out of a status.
func Validate(events []Event) error {
	var s ticketState
	for i, e := range events {
		if err := s.step(e, i, events); err != nil {
			return &EventError{Index: i, Event: Event{Kind: e.Kind, At: e.At}, Err: err}
		}
	}
	return nil
}

// step applies event i to s, or says which rule it breaks.
func (s *ticketState) step(e Event, i int, events []Event) error {
	if !e.Kind.valid() {
		return &broken{ErrEventKind, fmt.Sprintf("unknown event kind %d", uint8(e.Kind))}
	}
	if i > 0 && e.At.Before(events[i-1].At) {
		return &broken{ErrEventOrder, fmt.Sprintf("at %s, before the ticket's previous event at %s",
			e.At.UTC().Format(time.RFC3339Nano), events[i-1].At.UTC().Format(time.RFC3339Nano))}
	}
	refuse := func(why string) error { return &broken{ErrEventState, why} }
	if e.Kind != Open && !s.opened {
		return refuse("the ticket's first event must be open")
	}
	switch e.Kind {
	case Open:
		if s.opened {
			return refuse("the ticket is already open; open must be its first event")
		}
		s.opened = true
	case Respond:
		switch {
		case s.responded:
			return refuse("the ticket was already responded to")
		case s.answered:
			return refuse("the ticket was resolved, which answered it")
		}
		s.responded, s.answered = true, true
	case Pause:
		if s.resolved || s.paused {
			return refuse("only a running ticket can be paused")
		}
		s.paused = true
	case Resume:
		if !s.paused {
			return refuse("the ticket is not paused")
		}
		s.paused = false
	case Resolve:
		if s.resolved {
			return refuse("the ticket is already resolved")
		}
		s.resolved, s.answered, s.paused = true, true, false
	case Reopen:
		if !s.resolved {
			return refuse("only a resolved ticket can be reopened")
		}
		s.resolved = false
	}
	return nil
}

// broken is the reason an event breaks a rule: it reads as why, for
// people, and unwraps to the sentinel of the rule, for errors.Is.
type broken struct {
	rule error
	why  string
}

func (b *broken) Error() string { return b.why }
func (b *broken) Unwrap() error { return b.rule }

// clockEvents turns a ticket's valid events into the events of its
// response and resolution clocks, up to now: events after now are not
// yet known and are left out.
func clockEvents(events []Event, now time.Time) (respond, resolve []ClockEvent) {
	respond = make([]ClockEvent, 0, len(events))
	resolve = make([]ClockEvent, 0, len(events))
	responding, resolving := false, false
	for _, e := range events {
		if e.At.After(now) {
			break
		}
		switch e.Kind {
		case Open:
			respond = append(respond, ClockEvent{Kind: ClockStart, At: e.At})
			resolve = append(resolve, ClockEvent{Kind: ClockStart, At: e.At})
			responding, resolving = true, true
		case Respond:
			respond = append(respond, ClockEvent{Kind: ClockStop, At: e.At})
			responding = false
		case Pause, Resume:
			kind := ClockPause
			if e.Kind == Resume {
				kind = ClockResume
			}
			if responding {
				respond = append(respond, ClockEvent{Kind: kind, At: e.At})
			}
			if resolving {
				resolve = append(resolve, ClockEvent{Kind: kind, At: e.At})
			}
		case Resolve:
			if responding {
				respond = append(respond, ClockEvent{Kind: ClockStop, At: e.At})
				responding = false
			}
			resolve = append(resolve, ClockEvent{Kind: ClockStop, At: e.At})
			resolving = false
		case Reopen:
			resolve = append(resolve, ClockEvent{Kind: ClockRestart, At: e.At})
			resolving = true
		}
	}
	return respond, resolve
}
