package ticket

import (
	"fmt"
	"math"
	"time"
)

func (c Clock) validate() error {
	if c.Target <= 0 {
		return fmt.Errorf("ticket: %w: target %v is not positive: %w", ErrClock, c.Target, ErrRange)
	}
	if i, why := checkLevels(c.Warnings); i >= 0 {
		return fmt.Errorf("ticket: %w: warnings[%d]: %s: %w", ErrClock, i, why, ErrRange)
	}
	if c.Schedule != nil {
		return checkSchedule(c.Schedule)
	}
	return nil
}

// Status returns the state of the clock at now, given the clock's events
// in the order they happened. Events may share an instant; an event
// earlier than the one before it, an event after now, or an event that is
// not allowed in the clock's state is refused with a [*ClockEventError]
// naming its index. A nil or empty event list gives a status with no
// cycles. A Clock that cannot run is an error wrapping ErrClock.
//
// The rules: the first event is a start, and there is only one; pause
// only while running, resume only while paused; stop while running or
// paused (a pause then counts as paused time); after a stop only a
// restart; restart at any time after the start.
//
// Business time comes from the clock's Schedule: Status makes a few
// schedule calls per event and per warning level crossed, and allocates
// only the returned cycles and their warnings. Counts that would exceed
// the range of a Duration (a clock running for centuries) saturate.
func (c Clock) Status(events []ClockEvent, now time.Time) (ClockStatus, error) {
	if err := c.validate(); err != nil {
		return ClockStatus{}, err
	}
	now = now.UTC()
	attached := c.Attached.UTC()
	if !c.Attached.IsZero() && attached.After(now) {
		return ClockStatus{}, fmt.Errorf("ticket: %w: attached at %s, after now (%s)",
			ErrClock, attached.Format(time.RFC3339Nano), now.Format(time.RFC3339Nano))
	}
	st := ClockStatus{Now: now}
	cycles, state, err := checkClockEvents(events, now)
	if err != nil || cycles == 0 {
		return st, err
	}
	ev := evaluator{
		sched:    c.Schedule,
		target:   c.Target,
		levels:   c.Warnings,
		attached: attached,
		// Every count is a sum of parts of [first event, now], no more
		// than now − first: when that fits a Duration, so does every sum.
		wide: now.Sub(events[0].At) == math.MaxInt64,
	}
	if ev.sched == nil {
		ev.sched = WallTime{}
	}
	if ev.levels == nil {
		ev.levels = defaultLevels[:]
	}
	st.State = state
	st.Cycles = make([]Cycle, 0, cycles)
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

// checkClockEvents checks the whole event list before anything is
// computed, and returns the number of cycles and the final state.
func checkClockEvents(events []ClockEvent, now time.Time) (int, ClockState, error) {
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
			return fail(ErrEventKind)
		case i > 0 && at.Before(prev):
			return fail(ErrEventOrder)
		case at.After(now):
			return fail(ErrEventFuture)
		}
		var ok bool
		next := state
		switch e.Kind {
		case ClockStart:
			ok, next = state == ClockNotStarted, ClockRunning
		case ClockPause:
			ok, next = state == ClockRunning, ClockPaused
		case ClockResume:
			ok, next = state == ClockPaused, ClockRunning
		case ClockStop:
			ok, next = state == ClockRunning || state == ClockPaused, ClockStopped
		case ClockRestart:
			ok, next = state != ClockNotStarted, ClockRunning
		}
		if !ok {
			return fail(ErrEventState)
		}
		if next == ClockRunning && (e.Kind == ClockStart || e.Kind == ClockRestart) {
			cycles++
		}
		state, prev = next, at
	}
	return cycles, state, nil
}

// evaluator accumulates one cycle at a time.
type evaluator struct {
	sched    Schedule
	target   time.Duration
	levels   []int
	attached time.Time
	wide     bool // the clock spans more than a Duration holds: sums saturate

	cur      Cycle
	next     int  // index of the next warning level not yet crossed
	reached  bool // Due is known: Elapsed reached Target
	breached bool // BreachedAt is known
}

func (ev *evaluator) begin(at time.Time) {
	ev.cur = Cycle{
		Start:       at,
		State:       ClockRunning,
		Target:      ev.target,
		OriginalDue: ev.sched.Add(at, ev.target).UTC(),
	}
	ev.next, ev.reached, ev.breached = 0, false, false
}

// close ends the current stretch, running or paused, at the instant b.
func (ev *evaluator) close(a, b time.Time) {
	if ev.cur.State == ClockPaused {
		ev.pause(a, b)
	} else {
		ev.run(a, b)
	}
}

func (ev *evaluator) pause(a, b time.Time) {
	ev.cur.Paused = ev.add(ev.cur.Paused, ev.business(a, b, b.Sub(a)))
}

// business returns the business time in [a, b), held to the wall time
// of the stretch: a Schedule never counts more, and the sums rely on it.
func (ev *evaluator) business(a, b time.Time, wall time.Duration) time.Duration {
	return min(ev.sched.Between(a, b), wall)
}

// add returns x + y for the counts of a cycle: plainly when the clock's
// span fits a Duration, saturating when it does not.
func (ev *evaluator) add(x, y time.Duration) time.Duration {
	if ev.wide {
		return add(x, y)
	}
	return x + y
}

// run counts the running stretch [a, b) and finds, inside it, the
// instants at which the warning levels, the target and the breach were
// reached.
func (ev *evaluator) run(a, b time.Time) {
	c := &ev.cur
	wall := b.Sub(a)
	c.Actual = ev.add(c.Actual, wall)
	s := ev.business(a, b, wall)
	if s <= 0 {
		return
	}
	before := c.Elapsed
	c.Elapsed = ev.add(before, s)
	for ev.next < len(ev.levels) {
		n, ok := need(ev.target, ev.levels[ev.next])
		if !ok || n > c.Elapsed {
			break
		}
		if c.Warnings == nil {
			c.Warnings = make([]Warning, 0, len(ev.levels)-ev.next)
		}
		c.Warnings = append(c.Warnings, Warning{Level: ev.levels[ev.next], At: ev.instant(a, before, n)})
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
// before already elapsed, at which n has elapsed.
func (ev *evaluator) instant(a time.Time, before, n time.Duration) time.Time {
	return ev.sched.Add(a, n-before).UTC()
}

func (ev *evaluator) finish(end time.Time, state ClockState) Cycle {
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

// checkLevels checks warning levels, each in 1..1000 and ascending. It
// returns the index of the first level that is not, and why, or -1.
func checkLevels(levels []int) (int, string) {
	for i, l := range levels {
		if l < 1 || l > 1000 {
			return i, fmt.Sprintf("%d is not in 1..1000", l)
		}
		if i > 0 && l <= levels[i-1] {
			return i, fmt.Sprintf("%d does not come after %d", l, levels[i-1])
		}
	}
	return -1, ""
}
