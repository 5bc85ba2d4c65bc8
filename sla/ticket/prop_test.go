package ticket

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rcModel computes the cycles of a clock the slow way: it walks minute by
// minute from the first event to now (all instants are whole minutes),
// applies the events due at each minute, and counts the minute as running
// or paused, open or closed. Instants inside a minute (a target or warning
// level that is not a whole number of minutes) are placed by the offset
// into that open minute.
func rcModel(c Clock, sched rcReference, events []ClockEvent, now time.Time) []Cycle {
	levels := c.Warnings
	if levels == nil {
		levels = defaultLevels[:]
	}
	var cycles []Cycle
	var cur *Cycle
	open := func(at time.Time) {
		cycles = append(cycles, Cycle{Start: at, State: ClockRunning, Target: c.Target,
			OriginalDue: sched.Add(at, c.Target)})
		cur = &cycles[len(cycles)-1]
	}
	i := 0
	for m := events[0].At; m.Before(now) || i < len(events); m = m.Add(time.Minute) {
		for ; i < len(events) && !events[i].At.After(m); i++ {
			switch e := events[i]; e.Kind {
			case ClockStart:
				open(e.At)
			case ClockPause:
				cur.State = ClockPaused
			case ClockResume:
				cur.State = ClockRunning
			case ClockStop:
				cur.State, cur.End = ClockStopped, e.At
			case ClockRestart:
				if !cur.State.Ended() {
					cur.State, cur.End = ClockRestarted, e.At
				}
				open(e.At)
			}
		}
		if !m.Before(now) {
			break
		}
		switch {
		case cur.State == ClockPaused && sched.isOpen(m):
			cur.Paused += time.Minute
		case cur.State == ClockRunning:
			cur.Actual += time.Minute
			if !sched.isOpen(m) {
				continue
			}
			before := cur.Elapsed
			cur.Elapsed += time.Minute
			for _, l := range levels {
				need := (time.Duration(l)*c.Target + 99) / 100 // small values: no overflow
				if before < need && need <= cur.Elapsed {
					cur.Warnings = append(cur.Warnings, Warning{Level: l, At: m.Add(need - before)})
				}
			}
			if before < c.Target && c.Target <= cur.Elapsed {
				cur.Due = m.Add(c.Target - before)
			}
			if before <= c.Target && c.Target < cur.Elapsed {
				cur.BreachedAt = m.Add(c.Target - before)
			}
		}
	}
	for k := range cycles {
		cy := &cycles[k]
		if cy.Due.IsZero() {
			end := cy.End
			if end.IsZero() {
				end = now
			}
			cy.Due = sched.Add(end, cy.Target-cy.Elapsed)
		}
		cy.Breached = cy.Elapsed > cy.Target
		cy.BreachDetected = cy.BreachedAt
		if cy.Breached && cy.BreachDetected.Before(c.Attached) {
			cy.BreachDetected = c.Attached
		}
	}
	return cycles
}

// rcRandomEvents returns a valid event sequence and now, all on whole
// minutes or all on whole hours, and that unit.
func rcRandomEvents(rng *rand.Rand, base time.Time) ([]ClockEvent, time.Time, time.Duration) {
	// Whole hours half of the time, so that targets are often reached
	// exactly at a close of business or at a pause.
	unit, span := time.Minute, 2*24*60
	if rng.IntN(2) == 0 {
		unit, span = time.Hour, 2*24
	}
	gap := func() time.Duration {
		if rng.IntN(3) == 0 {
			return time.Duration(rng.IntN(3)) * unit // same or adjacent instants
		}
		return time.Duration(rng.IntN(span)) * unit
	}
	at := base.Add(time.Duration(rng.IntN(7*24)) * time.Hour)
	events := []ClockEvent{{ClockStart, at}}
	state := ClockRunning
	for range rng.IntN(9) {
		var choices []ClockEventKind
		switch state {
		case ClockRunning:
			choices = []ClockEventKind{ClockPause, ClockStop, ClockRestart}
		case ClockPaused:
			choices = []ClockEventKind{ClockResume, ClockStop, ClockRestart}
		default:
			choices = []ClockEventKind{ClockRestart}
		}
		k := choices[rng.IntN(len(choices))]
		at = at.Add(gap())
		events = append(events, ClockEvent{k, at})
		switch k {
		case ClockPause:
			state = ClockPaused
		case ClockStop:
			state = ClockStopped
		default:
			state = ClockRunning
		}
	}
	return events, at.Add(gap()), unit
}

// TestClockMatchesModel checks every field of every cycle against rcModel
// on random event sequences, targets, warning levels and attach instants,
// on a weekday schedule with a holiday.
func TestClockMatchesModel(t *testing.T) {
	sched := rcReference{open: 9 * time.Hour, close: 17 * time.Hour,
		holidays: map[string]bool{"2026-03-11": true, "2026-03-20": true}}
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	levelSets := [][]int{nil, {}, {10, 33, 50, 66, 90, 100, 150}, {1, 1000}}
	rng := rand.New(rand.NewPCG(5, 8))
	for n := range 200 {
		events, now, unit := rcRandomEvents(rng, base)
		c := Clock{
			Target:   time.Duration(1+rng.IntN(20*60)) * time.Minute,
			Schedule: sched,
			Warnings: levelSets[rng.IntN(len(levelSets))],
		}
		if unit == time.Hour {
			c.Target = time.Duration(1+rng.IntN(20)) * time.Hour
		}
		if n%4 == 1 { // a target that is not whole minutes
			c.Target += time.Duration(rng.Int64N(int64(time.Minute)))
		}
		if n%5 == 0 {
			c.Attached = events[0].At.Add(time.Duration(rng.Int64N(int64(now.Sub(events[0].At) + 1))))
		}
		st, err := c.Status(events, now)
		if err != nil {
			t.Fatalf("case %d: %v\nevents %v", n, err, events)
		}
		want := rcModel(c, sched, events, now)
		if diff := cmp.Diff(want, st.Cycles); diff != "" {
			t.Fatalf("case %d: target %v, now %v, events %v\ncycles (-want +got):\n%s", n, c.Target, now, events, diff)
		}
		if st.State != want[len(want)-1].State {
			t.Errorf("case %d: state %v, want %v", n, st.State, want[len(want)-1].State)
		}
	}
}
