package sla

import (
	"errors"
	"fmt"
	"time"
)

// ClockSchedule is the business time a response clock counts in. A
// business calendar satisfies it; [ClockWallTime] is the schedule in which
// every instant counts.
//
// Implementations must be safe for concurrent use and must not depend on
// the Location or monotonic reading of their arguments. A clock calls Add
// only with d > 0, and gives both methods instants in UTC.
type ClockSchedule interface {
	// Between returns the business time in [a, b); it is negative when b
	// is before a.
	Between(a, b time.Time) time.Duration
	// Add returns the earliest u ≥ t with Between(t, u) == d, for d ≥ 0.
	Add(t time.Time, d time.Duration) time.Time
}

// ClockWallTime is the [ClockSchedule] in which every instant is business
// time: Between is b − a, saturating like [time.Time.Sub], and Add is t + d.
// The zero value is ready to use and safe for concurrent use.
type ClockWallTime struct{}

// Between returns b − a, saturating at the limits of [time.Duration].
func (ClockWallTime) Between(a, b time.Time) time.Duration { return b.Sub(a) }

// Add returns t + d.
func (ClockWallTime) Add(t time.Time, d time.Duration) time.Time { return t.Add(d) }

// ClockEventKind is what happened to a ticket's clock. Its text form is the
// lower-case name ("start", "pause", "resume", "stop", "restart"); "reset"
// is read as [ClockRestart]. The zero value is not a valid kind. A kind is a
// plain value, safe for concurrent use.
type ClockEventKind uint8

// The kinds of clock events.
const (
	// ClockStart starts the clock; it must be the first event.
	ClockStart ClockEventKind = iota + 1
	// ClockPause stops counting until the next resume ("waiting for
	// customer").
	ClockPause
	// ClockResume counts again after a pause.
	ClockResume
	// ClockStop ends the current cycle (the ticket was answered or
	// resolved). Only a restart may follow it.
	ClockStop
	// ClockRestart ends the current cycle, if it is still open, and starts
	// a new one at the same instant with nothing elapsed (a reopened
	// ticket, or a reset).
	ClockRestart
)

var rcKindNames = [...]string{
	ClockStart:   "start",
	ClockPause:   "pause",
	ClockResume:  "resume",
	ClockStop:    "stop",
	ClockRestart: "restart",
}

// String returns the kind's name, or "ClockEventKind(n)" for a value that
// is not a kind.
func (k ClockEventKind) String() string {
	if k.valid() {
		return rcKindNames[k]
	}
	return fmt.Sprintf("ClockEventKind(%d)", uint8(k))
}

func (k ClockEventKind) valid() bool { return k >= ClockStart && k <= ClockRestart }

// MarshalText returns the kind's name; it fails for a value that is not a
// kind.
func (k ClockEventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("sla: %w: %d", ErrClockEventKind, uint8(k))
	}
	return []byte(rcKindNames[k]), nil
}

// UnmarshalText reads a kind's name; "reset" is read as [ClockRestart].
func (k *ClockEventKind) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "reset" {
		*k = ClockRestart
		return nil
	}
	for i, name := range rcKindNames {
		if i > 0 && name == s {
			*k = ClockEventKind(i)
			return nil
		}
	}
	return fmt.Errorf("sla: %w: %q (want start, pause, resume, stop, restart or reset)", ErrClockEventKind, s)
}

// ClockEvent is one thing that happened to a ticket's clock, at an instant.
// It is a plain value, safe for concurrent use. Its JSON form is
// {"kind": "pause", "at": "2026-03-02T13:00:00Z"}.
type ClockEvent struct {
	Kind ClockEventKind `json:"kind"`
	At   time.Time      `json:"at"`
}

// String returns the kind and the instant in RFC 3339, e.g.
// "pause@2026-03-02T13:00:00Z".
func (e ClockEvent) String() string {
	return e.Kind.String() + "@" + e.At.UTC().Format(time.RFC3339Nano)
}

// Sentinel errors wrapped by a [*ClockEventError], for errors.Is.
var (
	// ErrClockEventKind: the event's kind is not one of the ClockEventKind
	// constants.
	ErrClockEventKind = errors.New("unknown clock event kind")
	// ErrClockEventOrder: the event is earlier than the event before it.
	ErrClockEventOrder = errors.New("clock event out of order")
	// ErrClockEventState: the event is not allowed in the state the clock
	// is in (a pause while paused, a resume while running, anything but a
	// restart after a stop, a start that is not the first event, or a first
	// event that is not a start).
	ErrClockEventState = errors.New("clock event not allowed in this state")
	// ErrClockEventFuture: the event is after "now".
	ErrClockEventFuture = errors.New("clock event after now")
)

// ClockEventError reports an event that a clock cannot accept: its index in
// the event list, the event itself, the state the clock was in, and the
// reason (one of the ErrClockEvent sentinels, reachable with errors.Is).
// It is not modified after it is returned, so it is safe for concurrent use.
type ClockEventError struct {
	Index int
	Event ClockEvent
	State ClockState
	Err   error
}

// Error describes the event and why it was refused.
func (e *ClockEventError) Error() string {
	return fmt.Sprintf("sla: clock event %d (%v, clock %v): %v", e.Index, e.Event, e.State, e.Err)
}

// Unwrap returns the reason, one of the ErrClockEvent sentinels.
func (e *ClockEventError) Unwrap() error { return e.Err }

// ClockState is the state of a clock cycle, a plain value safe for
// concurrent use.
type ClockState uint8

// The states of a clock cycle.
const (
	// ClockNotStarted: there are no events yet.
	ClockNotStarted ClockState = iota
	// ClockRunning: the cycle is counting.
	ClockRunning
	// ClockPaused: the cycle is paused.
	ClockPaused
	// ClockStopped: the cycle ended with a stop.
	ClockStopped
	// ClockRestarted: the cycle ended with a restart, which began the next
	// cycle.
	ClockRestarted
)

var rcStateNames = [...]string{
	ClockNotStarted: "not started",
	ClockRunning:    "running",
	ClockPaused:     "paused",
	ClockStopped:    "stopped",
	ClockRestarted:  "restarted",
}

// String returns the state's name, e.g. "paused".
func (s ClockState) String() string {
	if int(s) < len(rcStateNames) {
		return rcStateNames[s]
	}
	return fmt.Sprintf("ClockState(%d)", uint8(s))
}

// Ended reports whether the cycle is over (stopped or restarted).
func (s ClockState) Ended() bool { return s == ClockStopped || s == ClockRestarted }
