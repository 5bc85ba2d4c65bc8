package ticket_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
)

// at returns an instant on Monday 2 March 2026, UTC, hours after 09:00.
func at(h float64) time.Time {
	return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(h * float64(time.Hour)))
}

func ev(k ticket.EventKind, h float64) ticket.Event { return ticket.Event{Kind: k, At: at(h)} }

// TestValidateAccepts: sequences a service desk produces.
func TestValidateAccepts(t *testing.T) {
	tests := []struct {
		name   string
		events []ticket.Event
	}{
		{"no events", nil},
		{"just opened", []ticket.Event{ev(ticket.Open, 0)}},
		{"respond then resolve", []ticket.Event{ev(ticket.Open, 0), ev(ticket.Respond, 1), ev(ticket.Resolve, 2)}},
		{"resolved without a respond", []ticket.Event{ev(ticket.Open, 0), ev(ticket.Resolve, 2)}},
		{"respond while paused", []ticket.Event{ev(ticket.Open, 0), ev(ticket.Pause, 1), ev(ticket.Respond, 2), ev(ticket.Resume, 3)}},
		{"resolve while paused, reopen, pause again", []ticket.Event{
			ev(ticket.Open, 0), ev(ticket.Pause, 1), ev(ticket.Resolve, 2), ev(ticket.Reopen, 3),
			ev(ticket.Pause, 4), ev(ticket.Resume, 5), ev(ticket.Resolve, 6)}},
		{"several reopenings", []ticket.Event{
			ev(ticket.Open, 0), ev(ticket.Respond, 0), ev(ticket.Resolve, 1), ev(ticket.Reopen, 2),
			ev(ticket.Resolve, 3), ev(ticket.Reopen, 4), ev(ticket.Resolve, 5)}},
		{"events at one instant", []ticket.Event{ev(ticket.Open, 1), ev(ticket.Respond, 1), ev(ticket.Resolve, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NoError(t, ticket.Validate(tt.events))
		})
	}
}

// TestValidateRefuses: each rule of Validate, broken once. The index is
// the event that breaks it.
func TestValidateRefuses(t *testing.T) {
	open := ev(ticket.Open, 0)
	tests := []struct {
		name   string
		events []ticket.Event
		index  int
		err    error
	}{
		{"zero kind", []ticket.Event{{At: at(0)}}, 0, ticket.ErrEventKind},
		{"unknown kind later", []ticket.Event{open, ev(ticket.Respond, 1), {Kind: 9, At: at(2)}}, 2, ticket.ErrEventKind},
		{"first event not an open", []ticket.Event{ev(ticket.Respond, 0)}, 0, ticket.ErrEventState},
		{"reopen before any open", []ticket.Event{ev(ticket.Reopen, 0)}, 0, ticket.ErrEventState},
		{"second open", []ticket.Event{open, ev(ticket.Open, 1)}, 1, ticket.ErrEventState},
		{"second open after a resolve", []ticket.Event{open, ev(ticket.Resolve, 1), ev(ticket.Open, 2)}, 2, ticket.ErrEventState},
		{"events out of order", []ticket.Event{open, ev(ticket.Respond, 2), ev(ticket.Resolve, 1)}, 2, ticket.ErrEventOrder},
		{"second respond", []ticket.Event{open, ev(ticket.Respond, 1), ev(ticket.Respond, 2)}, 2, ticket.ErrEventState},
		{"respond after resolve", []ticket.Event{open, ev(ticket.Resolve, 1), ev(ticket.Respond, 2)}, 2, ticket.ErrEventState},
		{"respond after resolve and reopen", []ticket.Event{open, ev(ticket.Resolve, 1), ev(ticket.Reopen, 2), ev(ticket.Respond, 3)}, 3, ticket.ErrEventState},
		{"pause after resolve", []ticket.Event{open, ev(ticket.Resolve, 1), ev(ticket.Pause, 2)}, 2, ticket.ErrEventState},
		{"pause while paused", []ticket.Event{open, ev(ticket.Pause, 1), ev(ticket.Pause, 2)}, 2, ticket.ErrEventState},
		{"resume while running", []ticket.Event{open, ev(ticket.Resume, 1)}, 1, ticket.ErrEventState},
		{"resume after resolve ended the pause", []ticket.Event{open, ev(ticket.Pause, 1), ev(ticket.Resolve, 2), ev(ticket.Resume, 3)}, 3, ticket.ErrEventState},
		{"resolve twice", []ticket.Event{open, ev(ticket.Resolve, 1), ev(ticket.Resolve, 2)}, 2, ticket.ErrEventState},
		{"reopen an open ticket", []ticket.Event{open, ev(ticket.Reopen, 1)}, 1, ticket.ErrEventState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ticket.Validate(tt.events)
			var ee *ticket.EventError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, tt.index, ee.Index, "%v", err)
			assert.Equal(t, tt.events[tt.index].Kind, ee.Event.Kind)
			assert.ErrorIs(t, err, tt.err)
		})
	}
}

func TestEventErrorMessage(t *testing.T) {
	err := ticket.Validate([]ticket.Event{ev(ticket.Open, 0), ev(ticket.Respond, 1), ev(ticket.Respond, 2)})
	want := "ticket: events[2] (respond@2026-03-02T11:00:00Z): the ticket was already responded to"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestEventKindText(t *testing.T) {
	for k := ticket.Open; k <= ticket.Reopen; k++ {
		text, err := k.MarshalText()
		require.NoError(t, err)
		var back ticket.EventKind
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, k, back)
		parsed, err := ticket.ParseEventKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, parsed)
	}
	assert.Equal(t, "resolve", ticket.Resolve.String())
	assert.Equal(t, "EventKind(0)", ticket.EventKind(0).String())
	_, err := ticket.EventKind(0).MarshalText()
	assert.ErrorIs(t, err, ticket.ErrEventKind)
	var k ticket.EventKind
	err = k.UnmarshalText([]byte("escalate"))
	var pe *ticket.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, ticket.ParseError{What: "event kind", Input: "escalate", Err: pe.Err}, *pe)
	assert.ErrorIs(t, err, ticket.ErrEventKind)
	assert.ErrorContains(t, err, `"escalate"`)
}

func TestBasisText(t *testing.T) {
	for _, b := range []ticket.Basis{ticket.Business, ticket.Wall} {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back ticket.Basis
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, b, back)
	}
	assert.Equal(t, "Basis(7)", ticket.Basis(7).String())
	_, err := ticket.Basis(7).MarshalText()
	assert.ErrorIs(t, err, ticket.ErrRange)
	var b ticket.Basis
	assert.ErrorIs(t, b.UnmarshalText([]byte("calendar")), ticket.ErrSyntax)
}

// A policy with goals in wall time, so that the expected values follow
// from the events alone.
var wallPolicy = ticket.Policy{Priorities: []ticket.Priority{
	{Name: "P1", Respond: ticket.Limit{Within: time.Hour, Basis: ticket.Wall}, Resolve: ticket.Limit{Within: 4 * time.Hour, Basis: ticket.Wall}},
	{Name: "P4", Resolve: ticket.Limit{Within: 8 * time.Hour, Basis: ticket.Wall}},
}}

// TestPolicyStatus: the service desk's events drive the two clocks as the
// doc of the EventKind constants says.
func TestPolicyStatus(t *testing.T) {
	type clock struct {
		State           ticket.ClockState
		Elapsed, Paused time.Duration
		Breached        bool
		EarlierResolves int
		None            bool // no cycle
	}
	tests := []struct {
		name             string
		priority         string
		events           []ticket.Event
		now              float64
		respond, resolve clock
		breached         bool
	}{
		{
			// Open 09:00, paused 10:00–11:00 before the response: both
			// clocks pause. Respond 11:30: running 09–10 and 11–11:30 is
			// 1h30m > 1h, breached. Resolution at 12:00: running 09–10
			// and 11–12 is 2h ≤ 4h, met.
			name:     "pause before the response pauses both",
			priority: "P1",
			events:   []ticket.Event{ev(ticket.Open, 0), ev(ticket.Pause, 1), ev(ticket.Resume, 2), ev(ticket.Respond, 2.5), ev(ticket.Resolve, 3)},
			now:      5,
			respond:  clock{State: ticket.ClockStopped, Elapsed: 90 * time.Minute, Paused: time.Hour, Breached: true},
			resolve:  clock{State: ticket.ClockStopped, Elapsed: 2 * time.Hour, Paused: time.Hour},
			breached: true,
		},
		{
			// Responded at 09:30 (met); paused 10:00–12:00, which only the
			// resolution clock sees; checked at 13:00: running 09–10 and
			// 12–13 is 2h.
			name:     "pause after the response pauses the resolution only",
			priority: "P1",
			events:   []ticket.Event{ev(ticket.Open, 0), ev(ticket.Respond, 0.5), ev(ticket.Pause, 1), ev(ticket.Resume, 3)},
			now:      4,
			respond:  clock{State: ticket.ClockStopped, Elapsed: 30 * time.Minute},
			resolve:  clock{State: ticket.ClockRunning, Elapsed: 2 * time.Hour, Paused: 2 * time.Hour},
		},
		{
			// Resolved at 10:00 without a respond: that answers it in 1h,
			// not more than 1h, so met. Reopened at 11:00 and still open at
			// 16:00: 5h > 4h in the second cycle.
			name:     "resolve answers, reopen starts a new cycle",
			priority: "P1",
			events:   []ticket.Event{ev(ticket.Open, 0), ev(ticket.Resolve, 1), ev(ticket.Reopen, 2)},
			now:      7,
			respond:  clock{State: ticket.ClockStopped, Elapsed: time.Hour},
			resolve:  clock{State: ticket.ClockRunning, Elapsed: 5 * time.Hour, Breached: true, EarlierResolves: 1},
			breached: true,
		},
		{
			// Events after now are not yet known: at 10:00 the ticket is
			// open and unanswered.
			name:     "events after now are left out",
			priority: "P1",
			events:   []ticket.Event{ev(ticket.Open, 0), ev(ticket.Respond, 3)},
			now:      1,
			respond:  clock{State: ticket.ClockRunning, Elapsed: time.Hour},
			resolve:  clock{State: ticket.ClockRunning, Elapsed: time.Hour},
		},
		{
			name:     "a priority without a respond goal",
			priority: "P4",
			events:   []ticket.Event{ev(ticket.Open, 0)},
			now:      2,
			respond:  clock{None: true},
			resolve:  clock{State: ticket.ClockRunning, Elapsed: 2 * time.Hour},
		},
		{
			name:     "no events",
			priority: "P1",
			now:      2,
			respond:  clock{None: true},
			resolve:  clock{None: true},
		},
	}
	view := func(c *ticket.Cycle, earlier int) clock {
		if c == nil {
			return clock{None: true}
		}
		return clock{State: c.State, Elapsed: c.Elapsed, Paused: c.Paused, Breached: c.Breached, EarlierResolves: earlier}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := wallPolicy.Status(tt.priority, tt.events, nil, at(tt.now))
			require.NoError(t, err)
			assert.Equal(t, tt.respond, view(st.Respond, 0), "respond")
			assert.Equal(t, tt.resolve, view(st.Resolve, len(st.EarlierResolves)), "resolve")
			assert.Equal(t, tt.breached, st.Breached)
			assert.True(t, st.Now.Equal(at(tt.now)))
		})
	}
}

func TestPolicyStatusErrors(t *testing.T) {
	_, err := wallPolicy.Status("P9", []ticket.Event{ev(ticket.Open, 0)}, nil, at(1))
	assert.ErrorIs(t, err, ticket.ErrPriority)

	_, err = wallPolicy.Status("P1", []ticket.Event{ev(ticket.Open, 0), ev(ticket.Resume, 1)}, nil, at(2))
	var ee *ticket.EventError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, 1, ee.Index)
	assert.ErrorIs(t, err, ticket.ErrEventState)

	_, err = ticket.Policy{}.Status("P1", nil, nil, at(0))
	assert.ErrorIs(t, err, ticket.ErrPolicy)
}

// FuzzStatus: any event list either fails Validate, with an index in the
// list, or gives a status without error; the clocks never refuse events
// that passed Validate.
func FuzzStatus(f *testing.F) {
	f.Add([]byte{1, 0, 2, 10, 3, 5, 4, 7, 5, 1, 6, 0, 5, 9}, int16(40))
	f.Add([]byte{1, 0, 5, 0, 2, 3}, int16(10))
	f.Add([]byte{1, 0, 3, 1, 5, 1, 4, 1}, int16(-3))
	f.Fuzz(func(t *testing.T, data []byte, now int16) {
		var events []ticket.Event
		h := 0.0
		for i := 0; i+1 < len(data) && len(events) < 40; i += 2 {
			h += float64(int8(data[i+1])) / 4 // steps back now and then
			events = append(events, ticket.Event{Kind: ticket.EventKind(data[i] % 8), At: at(h)})
		}
		st, err := wallPolicy.Status("P1", events, nil, at(float64(now)/4))
		if verr := ticket.Validate(events); verr != nil {
			var ee *ticket.EventError
			if !errors.As(err, &ee) || ee.Index < 0 || ee.Index >= len(events) || err.Error() != verr.Error() {
				t.Fatalf("Validate: %v; Status: %v", verr, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("valid events %v: Status failed: %v", events, err)
		}
		for _, c := range []*ticket.Cycle{st.Respond, st.Resolve} {
			if c != nil && c.Breached != (c.Elapsed > c.Target) {
				t.Fatalf("cycle %+v: Breached disagrees with Elapsed and Target", c)
			}
		}
	})
}

// TestValidateAgreesWithClocks is a property test of the rules: for
// random event sequences, every sequence Validate accepts drives both
// clocks without an error, in business time as in wall time, so that an
// event is always refused by Validate, with its index, and never later
// by a clock.
func TestValidateAgreesWithClocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 20))
	weekdays, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")))
	require.NoError(t, err)
	policy := ticket.Policy{Priorities: []ticket.Priority{{Name: "P2",
		Respond: ticket.Limit{Within: 4 * time.Hour}, Resolve: ticket.Limit{Within: 16 * time.Hour}}}}
	kinds := []ticket.EventKind{ticket.Open, ticket.Respond, ticket.Pause, ticket.Resume, ticket.Resolve, ticket.Reopen}
	accepted, long := 0, 0
	for range 20000 {
		h := float64(rng.IntN(40 * 24))
		var events []ticket.Event
		for i := range 1 + rng.IntN(8) {
			kind := kinds[rng.IntN(len(kinds))]
			if i == 0 && rng.IntN(4) > 0 {
				kind = ticket.Open
			}
			h += float64(rng.IntN(30*60)) / 60
			events = append(events, ev(kind, h))
		}
		if ticket.Validate(events) != nil {
			continue
		}
		accepted++
		if len(events) >= 4 {
			long++
		}
		now := at(h + float64(rng.IntN(48)))
		for _, business := range []ticket.Schedule{nil, weekdays} {
			_, err := policy.Status("P2", events, business, now)
			require.NoError(t, err, "events accepted by Validate: %v", events)
		}
	}
	// The test must exercise the rules, not only reject everything.
	t.Logf("%d accepted, %d of four events or more", accepted, long)
	assert.Greater(t, accepted, 2000, "accepted sequences")
	assert.Greater(t, long, 100, "accepted sequences of four events or more")
}

func TestClockStateText(t *testing.T) {
	for s := ticket.ClockNotStarted; s <= ticket.ClockRestarted; s++ {
		text, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s.String(), string(text))
		var back ticket.ClockState
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "paused", ticket.ClockPaused.String())
	_, err := ticket.ClockState(9).MarshalText()
	assert.ErrorIs(t, err, ticket.ErrRange)
	var s ticket.ClockState
	assert.ErrorIs(t, s.UnmarshalText([]byte("Paused")), ticket.ErrSyntax)
}
