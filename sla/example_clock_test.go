package sla_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/slamath/slamath/sla"
)

// A ticket with a 4-hour resolution target in wall time, paused for 90
// minutes while waiting for the customer.
func ExampleResponseClock_Status() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	clock := sla.ResponseClock{Target: 4 * time.Hour} // warnings at 50, 75, 100%
	events := []sla.ClockEvent{
		{Kind: sla.ClockStart, At: at(9, 0)},
		{Kind: sla.ClockPause, At: at(10, 0)},
		{Kind: sla.ClockResume, At: at(11, 30)},
	}
	st, err := clock.Status(events, at(13, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := st.Current()
	fmt.Println("state:", c.State)
	fmt.Println("elapsed:", c.Elapsed, "paused:", c.Paused, "remaining:", c.Remaining())
	fmt.Println("used:", c.PercentText(1))
	fmt.Println("due:", c.OriginalDue.Format("15:04"), "→", c.Due.Format("15:04"))
	for _, w := range c.Warnings {
		fmt.Printf("warning %d%% at %s\n", w.Level, w.At.Format("15:04"))
	}
	fmt.Println("breached:", c.Breached)
	// Output:
	// state: running
	// elapsed: 2h30m0s paused: 1h30m0s remaining: 1h30m0s
	// used: 62.5%
	// due: 13:00 → 14:30
	// warning 50% at 12:30
	// breached: false
}

// A response term read from JSON; its P1 respond goal counts wall time
// whatever business schedule is given (in real use, a business calendar).
func ExampleResponseTerm() {
	var term sla.ResponseTerm
	err := json.Unmarshal([]byte(`{"priorities": [
		{"name": "P1", "respond": "15m wall", "resolve": "4h business"}]}`), &term)
	if err != nil {
		fmt.Println(err)
		return
	}
	respond, err := term.Respond("P1", sla.ClockWallTime{})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	events := []sla.ClockEvent{
		{Kind: sla.ClockStart, At: at(9, 0)},
		{Kind: sla.ClockStop, At: at(9, 20)},
	}
	st, err := respond.Status(events, at(10, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := st.Current()
	fmt.Println(c.State, c.Elapsed, "breached:", c.Breached, "after", c.BreachedAt.Format("15:04"))
	// Output:
	// stopped 20m0s breached: true after 09:15
}

// A resolution target applied at 12:00 to a ticket opened at 10:00 with a
// one-hour goal: it breached after 11:00, and that is detected at 12:00.
func ExampleResponseClock_Status_retroactive() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	clock := sla.ResponseClock{Target: time.Hour, Attached: at(12, 0)}
	st, err := clock.Status([]sla.ClockEvent{{Kind: sla.ClockStart, At: at(10, 0)}}, at(12, 5))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := st.Current()
	fmt.Println("breached after", c.BreachedAt.Format("15:04"), "detected", c.BreachDetected.Format("15:04"))
	// Output:
	// breached after 11:00 detected 12:00
}
