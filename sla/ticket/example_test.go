package ticket_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
)

// A ticket with a 4-hour resolution target in wall time, paused for 90
// minutes while waiting for the customer.
func ExampleClock_Status() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	clock := ticket.Clock{Target: 4 * time.Hour} // warnings at 50, 75, 100%
	events := []ticket.ClockEvent{
		{Kind: ticket.ClockStart, At: at(9, 0)},
		{Kind: ticket.ClockPause, At: at(10, 0)},
		{Kind: ticket.ClockResume, At: at(11, 30)},
	}
	st, err := clock.Status(events, at(13, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := st.Current()
	fmt.Println("state:", c.State)
	fmt.Println("elapsed:", c.Elapsed, "paused:", c.Paused, "remaining:", c.Remaining())
	fmt.Println("used:", c.Percent(1))
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
func ExamplePolicy() {
	var term ticket.Policy
	err := json.Unmarshal([]byte(`{"priorities": [
		{"name": "P1", "respond": "15m wall", "resolve": "4h business"}]}`), &term)
	if err != nil {
		fmt.Println(err)
		return
	}
	respond, err := term.RespondClock("P1", ticket.WallTime{})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	events := []ticket.ClockEvent{
		{Kind: ticket.ClockStart, At: at(9, 0)},
		{Kind: ticket.ClockStop, At: at(9, 20)},
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
func ExampleClock_Status_retroactive() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	clock := ticket.Clock{Target: time.Hour, Attached: at(12, 0)}
	st, err := clock.Status([]ticket.ClockEvent{{Kind: ticket.ClockStart, At: at(10, 0)}}, at(12, 5))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := st.Current()
	fmt.Println("breached after", c.BreachedAt.Format("15:04"), "detected", c.BreachDetected.Format("15:04"))
	// Output:
	// breached after 11:00 detected 12:00
}

// One call gives a ticket's status at an instant, with no contract and no
// period. The case of FACTS.md: opened Friday 21:00, checked Monday 09:30,
// business hours 08:00–17:00 on weekdays, an 8-hour resolution goal. The
// business clock counts only Monday 08:00–09:30; the wall clock counts
// Friday 21:00 to Monday 09:30.
func ExamplePolicy_Status() {
	hours, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-17:00")))
	if err != nil {
		fmt.Println(err)
		return
	}
	policy := ticket.Policy{Priorities: []ticket.Priority{
		{Name: "P2", Respond: ticket.Limit{Within: 2 * time.Hour}, Resolve: ticket.Limit{Within: 8 * time.Hour}},
	}}
	events := []ticket.Event{{Kind: ticket.Open, At: time.Date(2026, 3, 6, 21, 0, 0, 0, time.UTC)}}
	st, err := policy.Status("P2", events, hours, time.Date(2026, 3, 9, 9, 30, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := st.Resolve
	fmt.Println("business:", r.Elapsed, "of", r.Target, "=", r.Percent(2))
	fmt.Println("actual:", r.Actual)
	fmt.Println("resolve due:", r.Due.Format("Mon 15:04"))
	fmt.Println("respond due:", st.Respond.Due.Format("Mon 15:04"))
	for _, w := range st.Respond.Warnings {
		fmt.Printf("respond warning %d%% at %s\n", w.Level, w.At.Format("Mon 15:04"))
	}
	fmt.Println("breached:", st.Breached)
	// Output:
	// business: 1h30m0s of 8h0m0s = 18.75%
	// actual: 60h30m0s
	// resolve due: Mon 16:00
	// respond due: Mon 10:00
	// respond warning 50% at Mon 09:00
	// respond warning 75% at Mon 09:30
	// breached: false
}

// A ticket paused while waiting for the customer, across a holiday. The
// business time paused moves the due time; the holiday inside the pause
// adds nothing. Hours 09:00–17:00 on weekdays, Wednesday 4 March 2026 a
// holiday; an 8-hour goal from Tuesday 09:00 is due Tuesday 17:00. Paused
// Tuesday 13:00 to Thursday 11:00 holds 4h (Tuesday) + 0 (Wednesday) +
// 2h (Thursday) of business time, so it is due 6 business hours after
// Tuesday 17:00: Thursday 15:00.
func ExamplePolicy_Status_pause() {
	closure, err := calendar.ParseDate("2026-03-04")
	if err != nil {
		fmt.Println(err)
		return
	}
	hours, err := calendar.New(time.UTC,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.OnDate("Closure", closure)))
	if err != nil {
		fmt.Println(err)
		return
	}
	policy := ticket.Policy{Priorities: []ticket.Priority{{Name: "P2", Resolve: ticket.Limit{Within: 8 * time.Hour}}}}
	at := func(day, h int) time.Time { return time.Date(2026, 3, day, h, 0, 0, 0, time.UTC) }
	events := []ticket.Event{
		{Kind: ticket.Open, At: at(3, 9)},
		{Kind: ticket.Pause, At: at(3, 13)},
		{Kind: ticket.Resume, At: at(5, 11)},
	}
	st, err := policy.Status("P2", events, hours, at(5, 12))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := st.Resolve
	fmt.Println("originally due:", r.OriginalDue.Format("Mon 15:04"))
	fmt.Println("paused:", r.Paused, "elapsed:", r.Elapsed)
	fmt.Println("due:", r.Due.Format("Mon 15:04"))
	// Output:
	// originally due: Tue 17:00
	// paused: 6h0m0s elapsed: 5h0m0s
	// due: Thu 15:00
}

// Validate names the first event that breaks a rule, by its index, so
// that a caller can point at the line it came from.
func ExampleValidate() {
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	err := ticket.Validate([]ticket.Event{
		{Kind: ticket.Open, At: at(9)},
		{Kind: ticket.Resolve, At: at(10)},
		{Kind: ticket.Pause, At: at(11)},
	})
	var ee *ticket.EventError
	if errors.As(err, &ee) {
		fmt.Println("event", ee.Index, ee.Event.Kind, errors.Is(err, ticket.ErrEventState))
	}
	fmt.Println(err)
	// Output:
	// event 2 pause true
	// ticket: events[2] (pause@2026-03-02T11:00:00Z): only a running ticket can be paused
}
