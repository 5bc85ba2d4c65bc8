package sla

import (
	"fmt"
	"math"
	"time"

	"github.com/slamath/slamath/internal/saturate"
	"github.com/slamath/slamath/internal/wide"
)

// ResponseClock is the configuration of one ticket clock: a target
// duration counted in a schedule, warning levels, and the instant the clock
// was attached to the ticket. Its zero value is not usable (the target must
// be positive). It is a plain value, safe for concurrent use as long as
// Warnings is not modified.
type ResponseClock struct {
	// Target is the time allowed, in business time of Schedule. It must be
	// positive.
	Target time.Duration
	// Schedule is the business time the clock counts in; nil means
	// wall time ([ClockWallTime]).
	Schedule ClockSchedule
	// Warnings are the warning levels in percent of Target, ascending,
	// each in 1..1000. Nil means the defaults 50, 75 and 100; an empty
	// non-nil slice means no warnings.
	Warnings []int
	// Attached is when the clock was attached to the ticket, if that was
	// after its start event (a target applied to a ticket that was already
	// open). A breach that happened before it is detected at Attached,
	// never earlier. The zero value means the clock was attached at its
	// first event.
	Attached time.Time
}

// ResponseDefaultWarnings returns the default warning levels, 50, 75 and
// 100 percent, as a new slice.
func ResponseDefaultWarnings() []int { return []int{50, 75, 100} }

// ClockStatus is the state of a ticket's clock at an instant: every cycle,
// oldest first (a restart begins a new cycle), the last one being the
// current cycle. It is a plain value, safe for concurrent use as long as it
// is not modified.
type ClockStatus struct {
	// Now is the instant the status was computed for, in UTC.
	Now time.Time
	// State is the state of the current cycle, or ClockNotStarted when there
	// are no events.
	State ClockState
	// Cycles holds the completed cycles followed by the current one.
	Cycles []ClockCycle
}

// Current returns the last cycle: the ongoing one, or the last completed
// one if the clock was stopped. It returns the zero ClockCycle when the
// clock has not started.
func (s ClockStatus) Current() ClockCycle {
	if len(s.Cycles) == 0 {
		return ClockCycle{}
	}
	return s.Cycles[len(s.Cycles)-1]
}

// ClockCycle is one cycle of a ticket clock, from a start or restart to a
// stop, a restart, or "now". All instants are in UTC. It is a plain value,
// safe for concurrent use as long as it is not modified.
//
// The share of the target used is exactly Elapsed/Target; [ClockCycle.Percent]
// and [ClockCycle.PercentText] are for display only.
type ClockCycle struct {
	// Start is the instant the cycle began; End the instant it ended, zero
	// while it is open.
	Start, End time.Time
	// State is running or paused for an open cycle, stopped or restarted
	// for an ended one.
	State ClockState
	// Target is the time allowed, in business time.
	Target time.Duration
	// Elapsed is the business time counted: inside the schedule and outside
	// pauses, from Start to End (or to now).
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
	Warnings []ClockWarning
}

// ClockWarning is a warning level crossed by a cycle: Elapsed×100 ≥
// Level×Target, compared exactly. At is the earliest instant at which that
// held. It is a plain value, safe for concurrent use.
type ClockWarning struct {
	Level int
	At    time.Time
}

// Remaining returns Target − Elapsed: negative once the cycle is breached,
// zero when exactly the target has elapsed. It saturates at the limits of
// [time.Duration].
func (c ClockCycle) Remaining() time.Duration { return saturate.Sub(c.Target, c.Elapsed) }

// Met reports whether the cycle has not breached its target (so far, for an
// open cycle).
func (c ClockCycle) Met() bool { return !c.Breached }

// Crossed reports whether Elapsed×100 ≥ level×Target, compared exactly.
func (c ClockCycle) Crossed(level int) bool { return rcReached(c.Elapsed, c.Target, level) }

// Percent returns Elapsed/Target in percent, as a float64 for display and
// plotting only; decide with Breached, Crossed or Remaining instead. It is
// 0 for a zero Target.
func (c ClockCycle) Percent() float64 {
	if c.Target == 0 {
		return 0
	}
	return float64(c.Elapsed) / float64(c.Target) * 100
}

// PercentText returns Elapsed/Target in percent with the given number of
// decimal places (0 to 9) and a "%" sign, like [Ratio.Percent], truncated
// toward zero, so that a share just under the target never reads as
// 100%: 7h59m59.9s of 8h is "99.99%" with two places. A share just over
// it may still read as 100.00% (8h+1ns of 8h), so decide with Breached.
// It is "0%" for a zero Target.
func (c ClockCycle) PercentText(places int) string {
	places = min(max(places, 0), 9)
	if c.Target <= 0 {
		return "0%"
	}
	scale := uint64(100)
	for range places {
		scale *= 10
	}
	neg := c.Elapsed < 0
	e := uint64(c.Elapsed)
	if neg {
		e = -e
	}
	q := rcMulDiv(e, scale, uint64(c.Target))
	s := q.decimal(places)
	if neg && s != rcZeroText(places) {
		s = "-" + s
	}
	return s + "%"
}

func (c ResponseClock) validate() error {
	if c.Target <= 0 {
		return fmt.Errorf("sla: %w: clock target %v is not positive", ErrResponseTerm, c.Target)
	}
	return rcCheckLevels(c.Warnings, "clock warnings")
}

// Status returns the state of the clock at now, given the ticket's events
// in the order they happened. Events may share an instant; an event earlier
// than the one before it, an event after now, or an event that is not
// allowed in the clock's state is refused with a [*ClockEventError] naming
// its index. A nil or empty event list gives a status with no cycles.
//
// Restart is the only event allowed after a stop. A stop while paused ends
// the cycle with the pause counted as paused time. Business time comes
// from the clock's Schedule: Status makes a few schedule calls per event
// and per warning level crossed, and allocates only the returned cycles
// and their warnings.
func (c ResponseClock) Status(events []ClockEvent, now time.Time) (ClockStatus, error) {
	if err := c.validate(); err != nil {
		return ClockStatus{}, err
	}
	now = now.UTC()
	attached := c.Attached.UTC()
	if !c.Attached.IsZero() && attached.After(now) {
		return ClockStatus{}, fmt.Errorf("sla: %w: clock attached at %s, after now (%s)",
			ErrResponseTerm, attached.Format(time.RFC3339Nano), now.Format(time.RFC3339Nano))
	}
	st := ClockStatus{Now: now}
	cycles, state, err := rcCheckEvents(events, now)
	if err != nil || cycles == 0 {
		return st, err
	}
	ev := rcEval{
		sched:    c.Schedule,
		target:   c.Target,
		levels:   c.Warnings,
		attached: attached,
		now:      now,
	}
	if ev.sched == nil {
		ev.sched = ClockWallTime{}
	}
	if ev.levels == nil {
		ev.levels = rcDefaultLevels[:]
	}
	st.State = state
	st.Cycles = make([]ClockCycle, 0, cycles)
	var seg time.Time // start of the current running or paused stretch
	for _, e := range events {
		at := e.At.UTC()
		switch e.Kind {
		case ClockStart:
			ev.begin(at)
		case ClockPause:
			ev.run(seg, at)
			ev.cur.State = ClockPaused
		case ClockResume:
			ev.pause(seg, at)
			ev.cur.State = ClockRunning
		case ClockStop:
			ev.close(seg, at)
			st.Cycles = append(st.Cycles, ev.finish(at, ClockStopped))
		case ClockRestart:
			if !ev.cur.State.Ended() {
				ev.close(seg, at)
				st.Cycles = append(st.Cycles, ev.finish(at, ClockRestarted))
			}
			ev.begin(at)
		}
		seg = at
	}
	if !ev.cur.State.Ended() {
		ev.close(seg, now)
		st.Cycles = append(st.Cycles, ev.finish(now, ev.cur.State))
	}
	return st, nil
}

var rcDefaultLevels = [...]int{50, 75, 100}

// rcCheckEvents checks the whole event list before anything is computed,
// and returns the number of cycles and the final state.
func rcCheckEvents(events []ClockEvent, now time.Time) (int, ClockState, error) {
	state := ClockNotStarted
	cycles := 0
	var prev time.Time
	for i, e := range events {
		at := e.At.UTC()
		fail := func(err error) (int, ClockState, error) {
			return 0, ClockNotStarted, &ClockEventError{Index: i, Event: ClockEvent{Kind: e.Kind, At: at}, State: state, Err: err}
		}
		switch {
		case !e.Kind.valid():
			return fail(ErrClockEventKind)
		case i > 0 && at.Before(prev):
			return fail(ErrClockEventOrder)
		case at.After(now):
			return fail(ErrClockEventFuture)
		}
		var ok bool
		switch e.Kind {
		case ClockStart:
			ok = state == ClockNotStarted
			state = ClockRunning
			cycles++
		case ClockPause:
			ok = state == ClockRunning
			state = ClockPaused
		case ClockResume:
			ok = state == ClockPaused
			state = ClockRunning
		case ClockStop:
			ok = state == ClockRunning || state == ClockPaused
			state = ClockStopped
		case ClockRestart:
			ok = state != ClockNotStarted
			state = ClockRunning
			cycles++
		}
		if !ok {
			state = rcStateBefore(events, i, now)
			return fail(ErrClockEventState)
		}
		prev = at
	}
	return cycles, state, nil
}

// rcStateBefore replays events[:i], already known to be valid, for the
// error message.
func rcStateBefore(events []ClockEvent, i int, now time.Time) ClockState {
	_, s, _ := rcCheckEvents(events[:i], now)
	return s
}

// rcEval accumulates one cycle at a time.
type rcEval struct {
	sched    ClockSchedule
	target   time.Duration
	levels   []int
	attached time.Time
	now      time.Time

	cur      ClockCycle
	next     int  // index of the next warning level not yet crossed
	reached  bool // Due is known: Elapsed reached Target
	breached bool // BreachedAt is known
}

func (ev *rcEval) begin(at time.Time) {
	ev.cur = ClockCycle{
		Start:       at,
		State:       ClockRunning,
		Target:      ev.target,
		OriginalDue: ev.sched.Add(at, ev.target).UTC(),
	}
	ev.next, ev.reached, ev.breached = 0, false, false
}

// close ends the current stretch, running or paused, at the instant b.
func (ev *rcEval) close(a, b time.Time) {
	if ev.cur.State == ClockPaused {
		ev.pause(a, b)
	} else {
		ev.run(a, b)
	}
}

func (ev *rcEval) pause(a, b time.Time) {
	ev.cur.Paused = saturate.Add(ev.cur.Paused, ev.sched.Between(a, b))
}

// run counts the running stretch [a, b) and finds, inside it, the instants
// at which the warning levels, the target and the breach were reached.
func (ev *rcEval) run(a, b time.Time) {
	c := &ev.cur
	c.Actual = saturate.Add(c.Actual, b.Sub(a))
	s := ev.sched.Between(a, b)
	if s <= 0 {
		return
	}
	before := c.Elapsed
	c.Elapsed = saturate.Add(before, s)
	for ev.next < len(ev.levels) {
		need, ok := rcNeed(ev.target, ev.levels[ev.next])
		if !ok || need > c.Elapsed {
			break
		}
		if c.Warnings == nil {
			c.Warnings = make([]ClockWarning, 0, len(ev.levels)-ev.next)
		}
		c.Warnings = append(c.Warnings, ClockWarning{Level: ev.levels[ev.next], At: ev.instant(a, before, need)})
		ev.next++
	}
	if !ev.reached && c.Elapsed >= ev.target {
		c.Due = ev.instant(a, before, ev.target)
		ev.reached = true
	}
	if !ev.breached && c.Elapsed > ev.target {
		// The first business nanosecond past the target begins at
		// BreachedAt: Add gives the instant just after it.
		c.BreachedAt = ev.instant(a, before, ev.target+1).Add(-time.Nanosecond)
		ev.breached = true
	}
}

// instant returns the instant in a running stretch starting at a, with
// before already elapsed, at which need has elapsed.
func (ev *rcEval) instant(a time.Time, before, need time.Duration) time.Time {
	return ev.sched.Add(a, need-before).UTC()
}

func (ev *rcEval) finish(end time.Time, state ClockState) ClockCycle {
	ev.cur.State = state
	c := ev.cur
	if state.Ended() {
		c.End = end
	}
	if !ev.reached {
		c.Due = ev.sched.Add(end, c.Remaining()).UTC()
	}
	c.Breached = c.Elapsed > c.Target
	if c.Breached {
		c.BreachDetected = c.BreachedAt
		if c.BreachDetected.Before(ev.attached) {
			c.BreachDetected = ev.attached
		}
	} else {
		c.BreachedAt = time.Time{}
	}
	return c
}

// rcNeed returns the least elapsed time e with e×100 ≥ level×target, that
// is ⌈level×target/100⌉, computed in 128 bits; ok is false when it does not
// fit a Duration.
func rcNeed(target time.Duration, level int) (time.Duration, bool) {
	if target <= 0 || level <= 0 {
		return 0, true
	}
	// ⌈p/100⌉ = ⌊(p+99)/100⌋
	q := rcMulDiv(uint64(level), uint64(target), 1).addSmall(99).divSmall(100)
	if q.hi != 0 || q.lo > math.MaxInt64 {
		return 0, false
	}
	return time.Duration(q.lo), true
}

// rcReached reports whether elapsed×100 ≥ level×target, exactly.
func rcReached(elapsed, target time.Duration, level int) bool {
	if level <= 0 || target <= 0 {
		return elapsed >= 0
	}
	if elapsed < 0 {
		return false
	}
	return wide.Cmp(uint64(elapsed), 100, uint64(level), uint64(target)) >= 0
}
