package ticket

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rcFuzzEvents decodes 5 bytes per event: a kind (any byte, so invalid
// kinds too) and a signed step from the previous instant, in minutes when
// wide is set (about ±4000 years, to reach saturation) or else in seconds
// (about ±25 days).
func rcFuzzEvents(data []byte, wide bool) []ClockEvent {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var events []ClockEvent
	for len(data) >= 5 && len(events) < 64 {
		step := time.Duration(int32(binary.LittleEndian.Uint32(data[1:5])))
		if wide {
			step *= time.Minute
		} else {
			step = step % (25 * 24 * 3600) * time.Second
		}
		at = at.Add(step)
		events = append(events, ClockEvent{Kind: ClockEventKind(data[0] % 8), At: at})
		data = data[5:]
	}
	return events
}

// FuzzClockEvents feeds random event kinds and instants to clocks in wall
// time and in a weekday schedule: Status must never panic, must refuse a
// bad sequence with an error naming an event in the list, and must return
// self-consistent cycles otherwise.
func FuzzClockEvents(f *testing.F) {
	ev := func(k ClockEventKind, step int32) []byte {
		b := []byte{byte(k), 0, 0, 0, 0}
		binary.LittleEndian.PutUint32(b[1:], uint32(step))
		return b
	}
	seq := func(parts ...[]byte) []byte {
		var out []byte
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	f.Add(seq(ev(ClockStart, 0), ev(ClockPause, 3600), ev(ClockResume, 7200)), int64(8*time.Hour), int64(9*time.Hour), false, false)
	f.Add(seq(ev(ClockStart, 0), ev(ClockStop, 180), ev(ClockRestart, 3600), ev(ClockStop, 2100)), int64(30*time.Minute), int64(2*time.Hour), false, true)
	f.Add(seq(ev(ClockStart, 0), ev(ClockPause, 60), ev(ClockPause, 60)), int64(time.Hour), int64(time.Hour), true, false)
	f.Add(seq(ev(ClockStart, -1<<31), ev(ClockResume, 1<<31-1)), int64(1<<62), int64(-1<<62), true, true)
	f.Fuzz(func(t *testing.T, data []byte, target, nowOff int64, wide, business bool) {
		events := rcFuzzEvents(data, wide)
		c := Clock{Target: time.Duration(target)}
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(nowOff))
		if business && !wide {
			c.Schedule = rcWeekdayHours{open: 9 * time.Hour, close: 17 * time.Hour}
			c.Attached = now.Add(-time.Duration(uint64(nowOff) % uint64(30*rcDay)))
		}
		st, err := c.Status(events, now)
		if err != nil {
			var ce *ClockEventError
			switch {
			case errors.As(err, &ce):
				if ce.Index < 0 || ce.Index >= len(events) || ce.Event.Kind != events[ce.Index].Kind {
					t.Fatalf("error %v names an event not in the list", err)
				}
			case !errors.Is(err, ErrPolicy):
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if (len(events) == 0) != (len(st.Cycles) == 0) {
			t.Fatalf("%d events gave %d cycles", len(events), len(st.Cycles))
		}
		for i, cy := range st.Cycles {
			rcCheckCycle(t, i, cy, c, business && !wide)
		}
	})
}

func rcCheckCycle(t *testing.T, i int, cy Cycle, c Clock, business bool) {
	t.Helper()
	if cy.Breached != (cy.Elapsed > cy.Target) {
		t.Fatalf("cycle %d: Breached %v with elapsed %v of %v", i, cy.Breached, cy.Elapsed, cy.Target)
	}
	if cy.Breached && (cy.BreachedAt.IsZero() || cy.BreachDetected.Before(cy.BreachedAt) || cy.BreachDetected.Before(c.Attached)) {
		t.Fatalf("cycle %d: breached at %v, detected %v, attached %v", i, cy.BreachedAt, cy.BreachDetected, c.Attached)
	}
	if !business && cy.Elapsed != cy.Actual {
		t.Fatalf("cycle %d: wall time elapsed %v but actual %v", i, cy.Elapsed, cy.Actual)
	}
	if business && cy.Elapsed > cy.Actual {
		t.Fatalf("cycle %d: business elapsed %v exceeds actual %v", i, cy.Elapsed, cy.Actual)
	}
	prev := 0
	for _, w := range cy.Warnings {
		if w.Level <= prev || !cy.Crossed(w.Level) {
			t.Fatalf("cycle %d: warnings %v with elapsed %v of %v", i, cy.Warnings, cy.Elapsed, cy.Target)
		}
		prev = w.Level
	}
}

// FuzzClockLimit: any text either fails with ErrPolicy or
// reads as a limit whose text form reads back as the same limit.
func FuzzClockLimit(f *testing.F) {
	for _, s := range []string{"4h", "15m wall", "1h30m business", "", "0s", "-1h", "4h  wall", "1.5h wall"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var l Limit
		if err := l.UnmarshalText([]byte(s)); err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange) {
				t.Fatalf("%q: error %v is not a *ParseError wrapping ErrSyntax or ErrRange", s, err)
			}
			return
		}
		b, err := l.MarshalText()
		if err != nil {
			t.Fatalf("%q read as %+v, which does not marshal: %v", s, l, err)
		}
		var back Limit
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, l, b, back, err)
		}
	})
}

// FuzzClockPolicy: any JSON either fails with a *FieldError wrapping
// ErrPolicy (or a syntax error) or reads as a valid term that
// round-trips; what it reads, encoding/json reads the same (its keys
// being exact and single, the two cannot differ).
func FuzzClockPolicy(f *testing.F) {
	f.Add([]byte(rcTermJSON))
	f.Add([]byte(`{"priorities": [{"name": "P1", "respond": "1h"}], "warnings": []}`))
	f.Add([]byte(`{"priorities": [{"name": "P1"}]}`))
	f.Add([]byte(`{"priorities": [{"name": "P1", "respond": "15m wall", "respond": "1h"}]}`))
	f.Add([]byte(`{"priorities": [{"name": "P1", "Respond": "1h"}], "warnings": null}`))
	f.Add([]byte(`{"priorities": [{"name": "P3", "resolve": "8 hours"}], "warnings": [50.5]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var term Policy
		if err := json.Unmarshal(data, &term); err != nil {
			var se *json.SyntaxError
			var fe *FieldError
			if !errors.As(err, &se) && (!errors.As(err, &fe) || !errors.Is(err, ErrPolicy)) {
				t.Fatalf("%s: error %v is neither a syntax error nor a *FieldError wrapping ErrPolicy", data, err)
			}
			return
		}
		type plain Policy
		var ref plain
		if err := json.Unmarshal(data, &ref); err != nil {
			t.Fatalf("read %s, which encoding/json refuses: %v", data, err)
		}
		if diff := cmp.Diff(term, Policy(ref)); diff != "" {
			t.Fatalf("read %s unlike encoding/json (-got +encoding/json):\n%s", data, diff)
		}
		if err := term.Validate(); err != nil {
			t.Fatalf("read %s as an invalid term: %v", data, err)
		}
		b, err := json.Marshal(term)
		if err != nil {
			t.Fatalf("term %+v does not marshal: %v", term, err)
		}
		var back Policy
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s does not read back: %v", b, err)
		}
		if diff := cmp.Diff(term, back); diff != "" {
			t.Fatalf("round trip through %s (-want +got):\n%s", b, diff)
		}
	})
}

// FuzzClockEventKindText: a kind name reads back to the same name, except
// "reset", which reads as restart.
func FuzzClockEventKindText(f *testing.F) {
	for _, s := range []string{"start", "pause", "resume", "stop", "restart", "reset", "", "START"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k ClockEventKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ErrEventKind) {
				t.Fatalf("%q: error %v does not wrap ErrEventKind", s, err)
			}
			return
		}
		b, err := k.MarshalText()
		if err != nil || (string(b) != s && s != "reset") {
			t.Fatalf("%q → %v → %q, %v", s, k, b, err)
		}
	})
}
