package ticket

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// rcAt returns a UTC instant in March 2026, in which the 1st is a Sunday:
// so the 2nd, 9th, 16th... are Mondays and the 6th, 13th... Fridays.
func rcAt(day, hour, minute int) time.Time {
	return time.Date(2026, time.March, day, hour, minute, 0, 0, time.UTC)
}

func rcEv(k ClockEventKind, at time.Time) ClockEvent { return ClockEvent{Kind: k, At: at} }

// rcCycleSummary is the part of a cycle that the known-answer tests pin.
type rcCycleSummary struct {
	State                   ClockState
	Elapsed, Actual, Paused time.Duration
	Remaining               time.Duration
	OriginalDue, Due        time.Time
	Breached                bool
	BreachedAt, Detected    time.Time
}

func rcSummary(c Cycle) rcCycleSummary {
	return rcCycleSummary{
		State: c.State, Elapsed: c.Elapsed, Actual: c.Actual, Paused: c.Paused,
		Remaining: c.Remaining(), OriginalDue: c.OriginalDue, Due: c.Due,
		Breached: c.Breached, BreachedAt: c.BreachedAt, Detected: c.BreachDetected,
	}
}

func TestClockKnownAnswers(t *testing.T) {
	h8to17 := rcReference{open: 8 * time.Hour, close: 17 * time.Hour}
	h9to17 := rcReference{open: 9 * time.Hour, close: 17 * time.Hour}
	h9to17Wed := rcReference{open: 9 * time.Hour, close: 17 * time.Hour,
		holidays: map[string]bool{"2026-03-11": true}}
	tests := []struct {
		name    string
		clock   Clock
		events  []ClockEvent
		now     time.Time
		want    rcCycleSummary
		percent string // Percent(2)
	}{
		{
			// FACTS.md: opened Friday 21:00, checked Monday 09:30, schedule
			// 08:00–17:00 weekdays, 8-hour target. Friday after 17:00 and the
			// weekend are closed, so business time is Monday 08:00–09:30 =
			// 1h30m = 18.75% of 8h. Actual: Friday 21:00 to Monday 21:00 is
			// 72h, less the 11h30m from 09:30 to 21:00 = 60h30m. Original
			// due: 1h30m used, 6h30m left from Monday 09:30 → 16:00.
			name:   "FACTS Friday 21:00 to Monday 09:30",
			clock:  Clock{Target: 8 * time.Hour, Schedule: h8to17},
			events: []ClockEvent{rcEv(ClockStart, rcAt(6, 21, 0))},
			now:    rcAt(9, 9, 30),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 90 * time.Minute, Actual: 60*time.Hour + 30*time.Minute,
				Remaining: 6*time.Hour + 30*time.Minute, OriginalDue: rcAt(9, 16, 0), Due: rcAt(9, 16, 0),
			},
			percent: "18.75%",
		},
		{
			// 09:00–17:00; started Tuesday 14:00, checked Wednesday 09:00:
			// business 14:00–17:00 = 3h; actual 14:00 to 09:00 = 19h. Due:
			// 5h left from Wednesday 09:00 → 14:00.
			name:   "afternoon to next morning",
			clock:  Clock{Target: 8 * time.Hour, Schedule: h9to17},
			events: []ClockEvent{rcEv(ClockStart, rcAt(10, 14, 0))},
			now:    rcAt(11, 9, 0),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 3 * time.Hour, Actual: 19 * time.Hour,
				Remaining: 5 * time.Hour, OriginalDue: rcAt(11, 14, 0), Due: rcAt(11, 14, 0),
			},
			percent: "37.50%",
		},
		{
			// 09:00–17:00, Wednesday 11 March a holiday. 8h from Tuesday
			// 09:00: original due Tuesday 17:00. Paused Tuesday 13:00 to
			// Thursday 11:00: business time paused is Tuesday 13–17 (4h) +
			// Thursday 09–11 (2h) = 6h; the holiday adds nothing. Due =
			// Tuesday 17:00 + 6h business = Thursday 09:00 + 6h = 15:00.
			// Checked at Thursday 12:00: elapsed 4h + 1h = 5h; actual the same.
			name:  "pause over a holiday",
			clock: Clock{Target: 8 * time.Hour, Schedule: h9to17Wed},
			events: []ClockEvent{
				rcEv(ClockStart, rcAt(10, 9, 0)),
				rcEv(ClockPause, rcAt(10, 13, 0)),
				rcEv(ClockResume, rcAt(12, 11, 0)),
			},
			now: rcAt(12, 12, 0),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 5 * time.Hour, Actual: 5 * time.Hour, Paused: 6 * time.Hour,
				Remaining: 3 * time.Hour, OriginalDue: rcAt(10, 17, 0), Due: rcAt(12, 15, 0),
			},
			percent: "62.50%",
		},
		{
			// The same ticket checked while still paused, Wednesday noon (the
			// holiday): paused so far Tuesday 13–17 = 4h, so due = Tuesday
			// 17:00 + 4h = Thursday 13:00 if it resumed now.
			name:  "paused on the holiday",
			clock: Clock{Target: 8 * time.Hour, Schedule: h9to17Wed},
			events: []ClockEvent{
				rcEv(ClockStart, rcAt(10, 9, 0)),
				rcEv(ClockPause, rcAt(10, 13, 0)),
			},
			now: rcAt(11, 12, 0),
			want: rcCycleSummary{
				State: ClockPaused, Elapsed: 4 * time.Hour, Actual: 4 * time.Hour, Paused: 4 * time.Hour,
				Remaining: 4 * time.Hour, OriginalDue: rcAt(10, 17, 0), Due: rcAt(12, 13, 0),
			},
			percent: "50.00%",
		},
		{
			// The same ticket at Thursday 16:00: elapsed 4h + 5h = 9h > 8h,
			// breached. Elapsed reached 8h at 15:00 and business time runs on
			// there, so the last instant not breached is 15:00.
			name:  "pause over a holiday, breached",
			clock: Clock{Target: 8 * time.Hour, Schedule: h9to17Wed},
			events: []ClockEvent{
				rcEv(ClockStart, rcAt(10, 9, 0)),
				rcEv(ClockPause, rcAt(10, 13, 0)),
				rcEv(ClockResume, rcAt(12, 11, 0)),
			},
			now: rcAt(12, 16, 0),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 9 * time.Hour, Actual: 9 * time.Hour, Paused: 6 * time.Hour,
				Remaining: -time.Hour, OriginalDue: rcAt(10, 17, 0), Due: rcAt(12, 15, 0),
				Breached: true, BreachedAt: rcAt(12, 15, 0), Detected: rcAt(12, 15, 0),
			},
			percent: "112.50%",
		},
		{
			// 8h from Monday 09:00 on 09:00–17:00, checked Tuesday 09:00:
			// elapsed is exactly 8h (Monday 09–17, nothing since), so not
			// breached although the due time, Monday 17:00, has passed.
			name:   "due at close, not yet breached overnight",
			clock:  Clock{Target: 8 * time.Hour, Schedule: h9to17},
			events: []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0))},
			now:    rcAt(3, 9, 0),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 8 * time.Hour, Actual: 24 * time.Hour,
				OriginalDue: rcAt(2, 17, 0), Due: rcAt(2, 17, 0),
			},
			percent: "100.00%",
		},
		{
			// One nanosecond later business time runs again: elapsed 8h+1ns
			// > 8h. The last instant not breached is Tuesday 09:00, the
			// opening after the due time, not Monday 17:00.
			name:   "due at close, breached at the next opening",
			clock:  Clock{Target: 8 * time.Hour, Schedule: h9to17},
			events: []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0))},
			now:    rcAt(3, 9, 0).Add(1),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 8*time.Hour + 1, Actual: 24*time.Hour + 1, Remaining: -1,
				OriginalDue: rcAt(2, 17, 0), Due: rcAt(2, 17, 0),
				Breached: true, BreachedAt: rcAt(3, 9, 0), Detected: rcAt(3, 9, 0),
			},
			percent: "100.00%",
		},
		{
			// Retroactive start: a 1h wall-time target applied at 12:00 to a
			// ticket opened at 10:00. It breached after 11:00, but that is
			// only known at 12:00; detection is not back-dated.
			name:   "retroactive start, already breached",
			clock:  Clock{Target: time.Hour, Attached: rcAt(2, 12, 0)},
			events: []ClockEvent{rcEv(ClockStart, rcAt(2, 10, 0))},
			now:    rcAt(2, 12, 30),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 150 * time.Minute, Actual: 150 * time.Minute, Remaining: -90 * time.Minute,
				OriginalDue: rcAt(2, 11, 0), Due: rcAt(2, 11, 0),
				Breached: true, BreachedAt: rcAt(2, 11, 0), Detected: rcAt(2, 12, 0),
			},
			percent: "250.00%",
		},
		{
			// Attached before the breach: detected when it happens.
			name:   "retroactive start, breached later",
			clock:  Clock{Target: time.Hour, Attached: rcAt(2, 10, 30)},
			events: []ClockEvent{rcEv(ClockStart, rcAt(2, 10, 0))},
			now:    rcAt(2, 12, 0),
			want: rcCycleSummary{
				State: ClockRunning, Elapsed: 2 * time.Hour, Actual: 2 * time.Hour, Remaining: -time.Hour,
				OriginalDue: rcAt(2, 11, 0), Due: rcAt(2, 11, 0),
				Breached: true, BreachedAt: rcAt(2, 11, 0), Detected: rcAt(2, 11, 0),
			},
			percent: "200.00%",
		},
		{
			// Stopped while paused: wall 1h target, ran 10:00–10:20, paused
			// until the stop at 11:00. Elapsed 20m; 40m left from the stop
			// gives a due time of 11:40 had it gone on.
			name:  "stopped while paused",
			clock: Clock{Target: time.Hour},
			events: []ClockEvent{
				rcEv(ClockStart, rcAt(2, 10, 0)),
				rcEv(ClockPause, rcAt(2, 10, 20)),
				rcEv(ClockStop, rcAt(2, 11, 0)),
			},
			now: rcAt(2, 15, 0),
			want: rcCycleSummary{
				State: ClockStopped, Elapsed: 20 * time.Minute, Actual: 20 * time.Minute, Paused: 40 * time.Minute,
				Remaining: 40 * time.Minute, OriginalDue: rcAt(2, 11, 0), Due: rcAt(2, 11, 40),
			},
			percent: "33.33%",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := tt.clock.Status(tt.events, tt.now)
			require.NoError(t, err)
			require.Len(t, st.Cycles, 1)
			c := st.Current()
			if diff := cmp.Diff(tt.want, rcSummary(c)); diff != "" {
				t.Errorf("cycle mismatch (-want +got):\n%s", diff)
			}
			if got := c.Percent(2); got != tt.percent {
				t.Errorf("Percent(2) = %q, want %q", got, tt.percent)
			}
			if st.State != tt.want.State {
				t.Errorf("status state = %v, want %v", st.State, tt.want.State)
			}
		})
	}
}

// TestCycles: a 30-minute wall-time goal, answered in 3 minutes, then
// reopened and answered in 35 minutes: met, then breached (35m > 30m, at
// 11:30, the restart at 11:00 plus 30m).
func TestCycles(t *testing.T) {
	c := Clock{Target: 30 * time.Minute}
	events := []ClockEvent{
		rcEv(ClockStart, rcAt(2, 10, 0)),
		rcEv(ClockStop, rcAt(2, 10, 3)),
		rcEv(ClockRestart, rcAt(2, 11, 0)),
		rcEv(ClockStop, rcAt(2, 11, 35)),
	}
	st, err := c.Status(events, rcAt(2, 12, 0))
	require.NoError(t, err)
	type outcome struct {
		Start, End time.Time
		Elapsed    time.Duration
		Met        bool
		BreachedAt time.Time
	}
	var got []outcome
	for _, cy := range st.Cycles {
		got = append(got, outcome{cy.Start, cy.End, cy.Elapsed, cy.Met(), cy.BreachedAt})
	}
	want := []outcome{
		{rcAt(2, 10, 0), rcAt(2, 10, 3), 3 * time.Minute, true, time.Time{}},
		{rcAt(2, 11, 0), rcAt(2, 11, 35), 35 * time.Minute, false, rcAt(2, 11, 30)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cycles (-want +got):\n%s", diff)
	}
	if st.State != ClockStopped {
		t.Errorf("state = %v, want stopped", st.State)
	}
}

// TestClockRestartWhileRunning: a restart ends the open cycle and starts a
// new one from zero at the same instant.
func TestClockRestartWhileRunning(t *testing.T) {
	c := Clock{Target: time.Hour}
	events := []ClockEvent{
		rcEv(ClockStart, rcAt(2, 10, 0)),
		rcEv(ClockPause, rcAt(2, 10, 10)),
		rcEv(ClockRestart, rcAt(2, 10, 40)),
	}
	st, err := c.Status(events, rcAt(2, 11, 0))
	require.NoError(t, err)
	require.Len(t, st.Cycles, 2)
	// First: ran 10:00–10:10, paused 30m, ended by the restart.
	// Second: running since 10:40, 20m elapsed at 11:00, due 11:40.
	want := []rcCycleSummary{
		{State: ClockRestarted, Elapsed: 10 * time.Minute, Actual: 10 * time.Minute, Paused: 30 * time.Minute,
			Remaining: 50 * time.Minute, OriginalDue: rcAt(2, 11, 0), Due: rcAt(2, 11, 30)},
		{State: ClockRunning, Elapsed: 20 * time.Minute, Actual: 20 * time.Minute,
			Remaining: 40 * time.Minute, OriginalDue: rcAt(2, 11, 40), Due: rcAt(2, 11, 40)},
	}
	got := []rcCycleSummary{rcSummary(st.Cycles[0]), rcSummary(st.Cycles[1])}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cycles (-want +got):\n%s", diff)
	}
}

// TestClockBreachBoundary: breached means elapsed strictly greater than the
// target, compared exactly (an 8h wall-time target, checked at start + d).
func TestClockBreachBoundary(t *testing.T) {
	start := rcAt(2, 9, 0)
	tests := []struct {
		name     string
		elapsed  time.Duration
		breached bool
		percent  string // Percent(9), truncated
	}{
		// 28799.9s / 28800s = 0.99999652777…, so 99.999652777%.
		{"7h59m59.9s", 7*time.Hour + 59*time.Minute + 59*time.Second + 900*time.Millisecond, false, "99.999652777%"},
		{"exactly 8h", 8 * time.Hour, false, "100.000000000%"},
		// 1ns of 8h is 100/28.8e12 % = 3.47e-12 %: truncated away at 9 places.
		{"8h+1ns", 8*time.Hour + 1, true, "100.000000000%"},
		{"8h+1s", 8*time.Hour + time.Second, true, "100.003472222%"},
	}
	c := Clock{Target: 8 * time.Hour}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := c.Status([]ClockEvent{rcEv(ClockStart, start)}, start.Add(tt.elapsed))
			require.NoError(t, err)
			cy := st.Current()
			if cy.Breached != tt.breached || cy.Met() == tt.breached {
				t.Errorf("Breached = %v, Met = %v; want breached %v", cy.Breached, cy.Met(), tt.breached)
			}
			if got := cy.Remaining(); got != 8*time.Hour-tt.elapsed {
				t.Errorf("Remaining = %v, want %v", got, 8*time.Hour-tt.elapsed)
			}
			if got := cy.Percent(9); got != tt.percent {
				t.Errorf("Percent(9) = %q, want %q", got, tt.percent)
			}
			if tt.breached && !cy.BreachedAt.Equal(start.Add(8*time.Hour)) {
				t.Errorf("BreachedAt = %v, want %v", cy.BreachedAt, start.Add(8*time.Hour))
			}
		})
	}
}

// TestWarnings: the default levels 50, 75 and 100% of an 8h wall-time
// target are 4h, 6h and 8h; a level is crossed once elapsed×100 ≥
// level×target, so exactly at those instants.
func TestWarnings(t *testing.T) {
	start := rcAt(2, 9, 0)
	w := func(level, hours int) Warning {
		return Warning{Level: level, At: start.Add(time.Duration(hours) * time.Hour)}
	}
	tests := []struct {
		name    string
		levels  []int
		elapsed time.Duration
		want    []Warning
	}{
		{"just under 50%", nil, 4*time.Hour - 1, nil},
		{"50%", nil, 4 * time.Hour, []Warning{w(50, 4)}},
		{"75%", nil, 6 * time.Hour, []Warning{w(50, 4), w(75, 6)}},
		{"100% not breached", nil, 8 * time.Hour, []Warning{w(50, 4), w(75, 6), w(100, 8)}},
		{"past 100%", nil, 9 * time.Hour, []Warning{w(50, 4), w(75, 6), w(100, 8)}},
		// 150% of 8h = 12h; 25% = 2h.
		{"custom levels", []int{25, 150}, 12 * time.Hour, []Warning{w(25, 2), w(150, 12)}},
		{"no warnings", []int{}, 12 * time.Hour, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Clock{Target: 8 * time.Hour, Warnings: tt.levels}
			st, err := c.Status([]ClockEvent{rcEv(ClockStart, start)}, start.Add(tt.elapsed))
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, st.Current().Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWarningsBusinessTime: on 09:00–17:00, an 8h target from Monday
// 13:00 reaches 50% (4h) at 17:00 Monday and 75% (6h) at Tuesday 11:00, and
// 1/3 of a nanosecond-odd target is rounded up: 33% of 10ns needs 4ns
// (3.3ns → elapsed×100 ≥ 330 needs elapsed ≥ 4).
func TestWarningsBusinessTime(t *testing.T) {
	c := Clock{Target: 8 * time.Hour, Schedule: rcReference{open: 9 * time.Hour, close: 17 * time.Hour}}
	st, err := c.Status([]ClockEvent{rcEv(ClockStart, rcAt(2, 13, 0))}, rcAt(3, 12, 0))
	require.NoError(t, err)
	want := []Warning{{50, rcAt(2, 17, 0)}, {75, rcAt(3, 11, 0)}}
	if diff := cmp.Diff(want, st.Current().Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}

	tiny := Clock{Target: 10, Warnings: []int{33}}
	start := rcAt(2, 9, 0)
	for _, tc := range []struct {
		elapsed time.Duration
		crossed bool
	}{{3, false}, {4, true}} {
		st, err := tiny.Status([]ClockEvent{rcEv(ClockStart, start)}, start.Add(tc.elapsed))
		require.NoError(t, err)
		if got := len(st.Current().Warnings) == 1; got != tc.crossed {
			t.Errorf("33%% of 10ns at %v: crossed = %v, want %v", tc.elapsed, got, tc.crossed)
		}
		if got := st.Current().Crossed(33); got != tc.crossed {
			t.Errorf("Crossed(33) at %v = %v, want %v", tc.elapsed, got, tc.crossed)
		}
	}
}

func TestClockEventErrors(t *testing.T) {
	s := rcEv(ClockStart, rcAt(2, 9, 0))
	tests := []struct {
		name   string
		events []ClockEvent
		index  int
		kind   ClockEventKind
		err    error
	}{
		{"first event not a start", []ClockEvent{rcEv(ClockPause, rcAt(2, 9, 0))}, 0, ClockPause, ErrEventState},
		{"restart before start", []ClockEvent{rcEv(ClockRestart, rcAt(2, 9, 0))}, 0, ClockRestart, ErrEventState},
		{"second start", []ClockEvent{s, rcEv(ClockStart, rcAt(2, 10, 0))}, 1, ClockStart, ErrEventState},
		{"pause while paused", []ClockEvent{s, rcEv(ClockPause, rcAt(2, 10, 0)), rcEv(ClockPause, rcAt(2, 11, 0))}, 2, ClockPause, ErrEventState},
		{"resume while running", []ClockEvent{s, rcEv(ClockResume, rcAt(2, 10, 0))}, 1, ClockResume, ErrEventState},
		{"pause after stop", []ClockEvent{s, rcEv(ClockStop, rcAt(2, 10, 0)), rcEv(ClockPause, rcAt(2, 11, 0))}, 2, ClockPause, ErrEventState},
		{"stop after stop", []ClockEvent{s, rcEv(ClockStop, rcAt(2, 10, 0)), rcEv(ClockStop, rcAt(2, 11, 0))}, 2, ClockStop, ErrEventState},
		{"out of order", []ClockEvent{s, rcEv(ClockPause, rcAt(2, 8, 0))}, 1, ClockPause, ErrEventOrder},
		{"after now", []ClockEvent{s, rcEv(ClockPause, rcAt(2, 13, 0))}, 1, ClockPause, ErrEventFuture},
		{"unknown kind", []ClockEvent{s, {Kind: 9, At: rcAt(2, 10, 0)}}, 1, 9, ErrEventKind},
		{"zero kind", []ClockEvent{{At: rcAt(2, 10, 0)}}, 0, 0, ErrEventKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clock{Target: time.Hour}.Status(tt.events, rcAt(2, 12, 0))
			require.Error(t, err)
			if !errors.Is(err, tt.err) {
				t.Errorf("error %v does not wrap %v", err, tt.err)
			}
			var ce *ClockEventError
			require.ErrorAs(t, err, &ce)
			if ce.Index != tt.index || ce.Event.Kind != tt.kind {
				t.Errorf("error names event %d (%v), want %d (%v)", ce.Index, ce.Event.Kind, tt.index, tt.kind)
			}
		})
	}
}

func TestClockEventErrorMessage(t *testing.T) {
	events := []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0)), rcEv(ClockPause, rcAt(2, 10, 0)), rcEv(ClockPause, rcAt(2, 11, 0))}
	_, err := Clock{Target: time.Hour}.Status(events, rcAt(2, 12, 0))
	want := "ticket: clock event 2 (pause@2026-03-02T11:00:00Z, clock paused): event not allowed in this state"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestClockConfigErrors(t *testing.T) {
	start := []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0))}
	tests := []struct {
		name  string
		clock Clock
		rng   bool // the error wraps ErrRange too
	}{
		{"zero target", Clock{}, true},
		{"negative target", Clock{Target: -time.Hour}, true},
		{"warning level 0", Clock{Target: time.Hour, Warnings: []int{0}}, true},
		{"warning levels not ascending", Clock{Target: time.Hour, Warnings: []int{75, 50}}, true},
		{"attached after now", Clock{Target: time.Hour, Attached: rcAt(2, 13, 0)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.clock.Status(start, rcAt(2, 12, 0))
			if !errors.Is(err, ErrClock) {
				t.Errorf("error = %v, want one wrapping ErrClock", err)
			}
			if errors.Is(err, ErrRange) != tt.rng {
				t.Errorf("error = %v wraps ErrRange: %v, want %v", err, !tt.rng, tt.rng)
			}
		})
	}
}

func TestClockNotStarted(t *testing.T) {
	st, err := Clock{Target: time.Hour}.Status(nil, rcAt(2, 12, 0))
	require.NoError(t, err)
	if st.State != ClockNotStarted || len(st.Cycles) != 0 || !st.Current().Start.IsZero() {
		t.Errorf("status = %+v, want not started with no cycles", st)
	}
}

// TestClockIgnoresLocationAndMonotonic: the same instants given in another
// zone and with a monotonic reading give the same status.
func TestClockIgnoresLocationAndMonotonic(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	c := Clock{Target: 8 * time.Hour, Schedule: rcReference{open: 9 * time.Hour, close: 17 * time.Hour}}
	utc := []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0)), rcEv(ClockPause, rcAt(2, 12, 0))}
	mono := time.Now()
	shifted := mono.Add(rcAt(2, 12, 0).Sub(mono.Round(0))) // carries a monotonic reading
	other := []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0).In(tokyo)), rcEv(ClockPause, shifted)}
	want, err := c.Status(utc, rcAt(3, 10, 0))
	require.NoError(t, err)
	got, err := c.Status(other, rcAt(3, 10, 0).In(tokyo))
	require.NoError(t, err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
}

func TestClockEventKindText(t *testing.T) {
	for _, k := range []ClockEventKind{ClockStart, ClockPause, ClockResume, ClockStop, ClockRestart} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back ClockEventKind
		require.NoError(t, back.UnmarshalText(b))
		if back != k {
			t.Errorf("%v round-trips to %v", k, back)
		}
	}
	var k ClockEventKind
	require.NoError(t, k.UnmarshalText([]byte("reset")))
	if k != ClockRestart {
		t.Errorf("reset reads as %v, want restart", k)
	}
	if err := k.UnmarshalText([]byte("Pause")); !errors.Is(err, ErrEventKind) {
		t.Errorf("Pause: error = %v, want ErrEventKind", err)
	}
	if _, err := ClockEventKind(0).MarshalText(); !errors.Is(err, ErrEventKind) {
		t.Errorf("zero kind: error = %v, want ErrEventKind", err)
	}
	if got := ClockEventKind(42).String(); got != "ClockEventKind(42)" {
		t.Errorf("String = %q", got)
	}
}

func TestClockEventJSON(t *testing.T) {
	in := `[{"kind":"start","at":"2026-03-02T09:00:00Z"},{"kind":"reset","at":"2026-03-02T10:00:00+01:00"}]`
	var events []ClockEvent
	require.NoError(t, json.Unmarshal([]byte(in), &events))
	// 10:00+01:00 is 09:00Z: a restart at the start instant.
	want := []ClockEvent{rcEv(ClockStart, rcAt(2, 9, 0)), rcEv(ClockRestart, rcAt(2, 9, 0))}
	if !cmp.Equal(want, events, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })) {
		t.Fatalf("events = %v, want %v", events, want)
	}
	b, err := json.Marshal(events[1])
	require.NoError(t, err)
	if got := string(b); got != `{"kind":"restart","at":"2026-03-02T10:00:00+01:00"}` {
		t.Errorf("Marshal = %s", got)
	}
	if err := json.Unmarshal([]byte(`[{"kind":"hold","at":"2026-03-02T09:00:00Z"}]`), &events); !errors.Is(err, ErrEventKind) {
		t.Errorf("unknown kind: error = %v, want ErrEventKind", err)
	}
}
