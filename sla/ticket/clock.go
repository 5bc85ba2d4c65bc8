package ticket

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// ClockEventKind is what happened to a clock. Its text form is the
// lower-case name ("start", "pause", "resume", "stop", "restart");
// "reset" is read as [ClockRestart]. The zero value is not a valid kind.
// A kind is a plain value, safe for concurrent use.
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

var clockKindNames = [...]string{
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
		return clockKindNames[k]
	}
	return fmt.Sprintf("ClockEventKind(%d)", uint8(k))
}

func (k ClockEventKind) valid() bool { return k >= ClockStart && k <= ClockRestart }

// MarshalText returns the kind's name; it fails, wrapping ErrEventKind,
// for a value that is not a kind.
func (k ClockEventKind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("ticket: clock event kind %d: %w", uint8(k), ErrEventKind)
	}
	return []byte(clockKindNames[k]), nil
}

// UnmarshalText reads a kind's name; "reset" is read as [ClockRestart].
// Any other text is a *ParseError wrapping ErrEventKind.
func (k *ClockEventKind) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "reset" {
		*k = ClockRestart
		return nil
	}
	for i, name := range clockKindNames {
		if i > 0 && name == s {
			*k = ClockEventKind(i)
			return nil
		}
	}
	return &ParseError{What: "clock event kind", Input: s,
		Err: fmt.Errorf("%w: want start, pause, resume, stop, restart or reset", ErrEventKind)}
}

// ClockEvent is one thing that happened to a clock, at an instant. It is
// a plain value, safe for concurrent use. Its JSON form is
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

var clockStateNames = [...]string{
	ClockNotStarted: "not started",
	ClockRunning:    "running",
	ClockPaused:     "paused",
	ClockStopped:    "stopped",
	ClockRestarted:  "restarted",
}

// String returns the state's name, e.g. "paused", or "ClockState(n)"
// for a value that is not a state.
func (s ClockState) String() string {
	if int(s) < len(clockStateNames) {
		return clockStateNames[s]
	}
	return fmt.Sprintf("ClockState(%d)", uint8(s))
}

// MarshalText returns the state's name, as reports write it; it fails,
// wrapping ErrRange, for a value that is not a state.
func (s ClockState) MarshalText() ([]byte, error) {
	if int(s) >= len(clockStateNames) {
		return nil, fmt.Errorf("ticket: clock state %d: %w", uint8(s), ErrRange)
	}
	return []byte(clockStateNames[s]), nil
}

// UnmarshalText reads a state's name ("not started", "running",
// "paused", "stopped" or "restarted"); any other text is a *ParseError
// wrapping ErrSyntax.
func (s *ClockState) UnmarshalText(text []byte) error {
	for i, name := range clockStateNames {
		if name == string(text) {
			*s = ClockState(i)
			return nil
		}
	}
	return &ParseError{What: "clock state", Input: string(text),
		Err: fmt.Errorf("%w: want not started, running, paused, stopped or restarted", ErrSyntax)}
}

// Ended reports whether the cycle is over (stopped or restarted).
func (s ClockState) Ended() bool { return s == ClockStopped || s == ClockRestarted }

// Clock is the configuration of one ticket clock: a target duration
// counted in a schedule, warning levels, and the instant the clock was
// attached to the ticket. Its zero value is not usable (the target must
// be positive). It is a plain value, safe for concurrent use as long as
// Warnings is not modified.
type Clock struct {
	// Target is the time allowed, in business time of Schedule. It must be
	// positive.
	Target time.Duration
	// Schedule is the business time the clock counts in; nil means wall
	// time ([WallTime]).
	Schedule Schedule
	// Warnings are the warning levels in percent of Target, ascending,
	// each in 1..1000. Nil means [DefaultWarnings]; an empty non-nil slice
	// means no warnings.
	Warnings []int
	// Attached is when the clock was attached to the ticket, if that was
	// after its start event (a target applied to a ticket that was already
	// open). A breach that happened before it is detected at Attached,
	// never earlier. The zero value means the clock was attached at its
	// first event.
	Attached time.Time
}

// DefaultWarnings returns the warning levels used when none are given:
// 50, 75 and 100 percent of the target, common defaults of service-desk
// products. It returns a new slice on each call.
func DefaultWarnings() []int { return []int{50, 75, 100} }

var defaultLevels = [...]int{50, 75, 100}

// ClockStatus is the state of a clock at an instant: every cycle, oldest
// first (a restart begins a new cycle), the last one being the current
// cycle. It is a plain value, safe for concurrent use as long as it is
// not modified.
type ClockStatus struct {
	// Now is the instant the status was computed for, in UTC.
	Now time.Time
	// State is the state of the current cycle, or ClockNotStarted when
	// there are no events.
	State ClockState
	// Cycles holds the completed cycles followed by the current one.
	Cycles []Cycle
}

// Current returns the last cycle: the ongoing one, or the last completed
// one if the clock was stopped. It returns the zero Cycle when the clock
// has not started.
func (s ClockStatus) Current() Cycle {
	if len(s.Cycles) == 0 {
		return Cycle{}
	}
	return s.Cycles[len(s.Cycles)-1]
}

// Cycle is one cycle of a clock, from a start or restart to a stop, a
// restart, or "now". All instants are in UTC. It is a plain value, safe
// for concurrent use as long as it is not modified.
//
// The share of the target used is exactly Elapsed/Target: decide with
// Breached, Crossed or Remaining, and show it with [Cycle.Percent] or
// [Cycle.Float64].
type Cycle struct {
	// Start is the instant the cycle began; End the instant it ended, zero
	// while it is open.
	Start, End time.Time
	// State is running or paused for an open cycle, stopped or restarted
	// for an ended one.
	State ClockState
	// Target is the time allowed, in business time.
	Target time.Duration
	// Elapsed is the business time counted: inside the schedule and
	// outside pauses, from Start to End (or to now).
	Elapsed time.Duration
	// Actual is the wall time counted: around the clock, minus pauses.
	Actual time.Duration
	// Paused is the business time spent paused. Time paused outside the
	// schedule (at night, on a holiday) adds nothing.
	Paused time.Duration
	// OriginalDue is when the target would be reached without pauses:
	// Schedule.Add(Start, Target).
	OriginalDue time.Time
	// Due is the current due time: OriginalDue plus the business time
	// spent paused before the target was reached. Once Elapsed reaches the
	// target it is the instant that happened, and pauses after it move it
	// no more. While the cycle is paused, it assumes the clock resumes now;
	// for a cycle that ended before reaching the target, it is when the
	// target would have been reached had the cycle gone on from its end.
	Due time.Time
	// Breached reports whether Elapsed is strictly greater than Target.
	Breached bool
	// BreachedAt is the last instant at which the cycle was not yet
	// breached: Elapsed equals Target at BreachedAt and exceeds it at every
	// later instant. It equals Due when business time runs on past Due; if
	// Due falls at the close of business, BreachedAt is the next opening.
	// Zero unless Breached.
	BreachedAt time.Time
	// BreachDetected is when the breach became known: the later of
	// BreachedAt and the instant the clock was attached. A clock attached
	// to a ticket that was already breached detects it when attached;
	// detection is never back-dated. Zero unless Breached.
	BreachDetected time.Time
	// Warnings are the warning levels crossed, in ascending order.
	Warnings []Warning
}

// Warning is a warning level crossed by a cycle: Elapsed×100 ≥
// Level×Target, compared exactly. At is the earliest instant at which
// that held. It is a plain value, safe for concurrent use.
type Warning struct {
	Level int
	At    time.Time
}

// Remaining returns Target − Elapsed: negative once the cycle is
// breached, zero when exactly the target has elapsed. It saturates at
// the limits of [time.Duration].
func (c Cycle) Remaining() time.Duration { return sub(c.Target, c.Elapsed) }

// Met reports whether the cycle has not breached its target (so far, for
// an open cycle).
func (c Cycle) Met() bool { return !c.Breached }

// Crossed reports whether Elapsed×100 ≥ level×Target, compared exactly. A
// level or Target that is not positive is crossed by any Elapsed ≥ 0.
func (c Cycle) Crossed(level int) bool {
	n, ok := need(c.Target, level)
	return ok && c.Elapsed >= n
}

// Float64 returns the share of the target used, Elapsed/Target (0.1875
// for 1h30m of 8h), as a float64 for display and plotting only; decide
// with Breached, Crossed or Remaining instead. It is 0 for a Target that
// is not positive.
func (c Cycle) Float64() float64 {
	if c.Target <= 0 {
		return 0
	}
	return float64(c.Elapsed) / float64(c.Target)
}

// Percent returns Elapsed/Target in percent with the given number of
// decimal places (clamped to 0..9: a Duration has nanoseconds, no finer)
// and a "%" sign, truncated toward zero like the Percent of a ratio, so
// that a share just under the target never reads as 100%: 7h59m59.9s of
// 8h is "99.99%" with two places. A share just over it may still read as
// 100.00% (8h+1ns of 8h), so decide with Breached. It is "0%" for a
// Target that is not positive.
func (c Cycle) Percent(places int) string {
	places = min(max(places, 0), 9)
	if c.Target <= 0 {
		return "0%"
	}
	// A display method: math/big keeps it short, and exact for any
	// Elapsed, including the most negative Duration.
	q := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places+2)), nil)
	e := big.NewInt(int64(c.Elapsed))
	neg := e.Sign() < 0
	q.Mul(q, e.Abs(e))
	q.Quo(q, big.NewInt(int64(c.Target)))
	s := q.String()
	if len(s) <= places {
		s = strings.Repeat("0", places-len(s)+1) + s
	}
	if places > 0 {
		s = s[:len(s)-places] + "." + s[len(s)-places:]
	}
	if neg && q.Sign() != 0 {
		s = "-" + s
	}
	return s + "%"
}

// need returns the least elapsed time e with e×100 ≥ level×target, that
// is ⌈level×target/100⌉, and whether it fits a Duration. With level =
// 100·lq + lr and target = 100·q + r it is lq×target + lr×q + ⌈lr×r/100⌉,
// whose terms are checked one by one, so that no product needs more than
// 64 bits.
func need(target time.Duration, level int) (time.Duration, bool) {
	if target <= 0 || level <= 0 {
		return 0, true
	}
	const maxD = 1<<63 - 1
	t, l := uint64(target), uint64(level)
	q, r := t/100, t%100
	lq, lr := l/100, l%100
	if lq != 0 && t > maxD/lq {
		return 0, false
	}
	n := lq * t
	for _, part := range [...]uint64{lr * q, (lr*r + 99) / 100} { // lr, r < 100; lr×q < t ≤ maxD
		if n > maxD-part {
			return 0, false
		}
		n += part
	}
	return time.Duration(n), true
}

// origin is the instant sums of durations are counted from.
var origin time.Time

// add returns a + b and sub returns a − b, each saturating at the limits
// of time.Duration. Both are time.Time arithmetic, whose range is
// billions of years, read back with time.Time.Sub, which saturates:
// the standard library's rule, so that this package, which imports
// nothing else, keeps no overflow arithmetic of its own.
func add(a, b time.Duration) time.Duration { return origin.Add(a).Add(b).Sub(origin) }

func sub(a, b time.Duration) time.Duration { return origin.Add(a).Sub(origin.Add(b)) }
