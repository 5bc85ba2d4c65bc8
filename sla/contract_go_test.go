package sla_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// A contract built in Go, without JSON: the same rules apply through
// Validate, and it writes to JSON once its calendars are named.
func TestContractBuiltInGo(t *testing.T) {
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")))
	require.NoError(t, err)
	c := sla.Contract{
		Name: "built in Go",
		Terms: []sla.Term{{Name: "api", Availability: &sla.AvailabilityTerm{Segments: []sla.Segment{
			{Name: "hours", Schedule: sla.During("business", cal), Target: sla.MustTarget("99.9%")},
			{Name: "rest", Schedule: sla.Outside("business", cal), Target: sla.MustTarget("99%")},
			{Name: "all", Schedule: sla.Always(), Target: sla.MustTarget("98%")},
		}}}},
	}
	require.NoError(t, c.Validate())
	assert.Equal(t, "during business", c.Terms[0].Availability.Segments[0].Schedule.String())
	assert.Equal(t, "outside business", c.Terms[0].Availability.Segments[1].Schedule.String())
	assert.Equal(t, "always", sla.Always().String())
	name, got := c.Terms[0].Availability.Segments[0].Schedule.Calendar()
	assert.Equal(t, "business", name)
	assert.Same(t, cal, got)

	_, err = json.Marshal(c)
	assert.ErrorIs(t, err, sla.ErrContract, "the calendar is not in Calendars, so it has no name to write")
	c.Calendars = map[string]*calendar.Calendar{"business": cal}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := sla.ParseContract(data)
	require.NoError(t, err)
	assert.Equal(t, "business", back.Terms[0].Availability.Segments[1].Schedule.String()[len("outside "):])

	// One week, Monday 2 March 2026: 40 business hours, 128 other hours.
	// A 2-hour outage on Monday 10:00-12:00 UTC is all in business hours.
	week := window.Week.Containing(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), time.UTC)
	down := window.NewSet(window.Between(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)))
	rep, err := c.Evaluate(week, sla.Observations{Outages: map[string]window.Set{"api": down}})
	require.NoError(t, err)
	segs := rep.Terms[0].Segments
	assert.Equal(t, 40*time.Hour, segs[0].Measured)
	assert.Equal(t, 128*time.Hour, segs[1].Measured)
	assert.Equal(t, time.Duration(0), segs[1].Down)
	assert.Equal(t, 168*time.Hour, segs[2].Measured)
	assert.Equal(t, 2*time.Hour, segs[2].Down)
	// 2 h of 168 h is 98.8%: meets 98%.
	assert.True(t, segs[2].Met)
	assert.False(t, segs[0].Met)
}

func TestContractValidate(t *testing.T) {
	seg := sla.Segment{Name: "s", Target: sla.MustTarget("99%")}
	avail := func(segs ...sla.Segment) *sla.AvailabilityTerm { return &sla.AvailabilityTerm{Segments: segs} }
	tests := []struct {
		name string
		c    sla.Contract
		path string
	}{
		{"no terms", sla.Contract{}, "terms"},
		{"unnamed term", sla.Contract{Terms: []sla.Term{{Availability: avail(seg)}}}, "terms[0].name"},
		{"term of no kind", sla.Contract{Terms: []sla.Term{{Name: "a"}}}, "terms[0]"},
		{"term of both kinds", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail(seg), Response: &sla.TicketTerm{}}}}, "terms[0]"},
		{"no segments", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail()}}}, "terms[0].segments"},
		{"unnamed segment", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail(sla.Segment{Target: sla.MustTarget("1%")})}}}, "terms[0].segments[0].name"},
		{"duplicate segment", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail(seg, seg)}}}, "terms[0].segments[1].name"},
		{"negative minimum outage", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: &sla.AvailabilityTerm{Segments: []sla.Segment{seg}, Rules: sla.OutageRules{MinOutage: -1}}}}}, "terms[0].min_outage"},
		{"unknown exclusion policy", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: &sla.AvailabilityTerm{Segments: []sla.Segment{seg}, Exclusion: 9}}}}, "terms[0].exclusion"},
		{"response term without priorities", sla.Contract{Terms: []sla.Term{{Name: "a", Response: &sla.TicketTerm{}}}}, "terms[0].priorities"},
		{"negative resolve", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail(seg)}}, Obligations: sla.Obligations{ResolveWithin: -time.Hour}}, "obligations.resolve_within"},
		{"empty credit tier", sla.Contract{Terms: []sla.Term{{Name: "a", Availability: avail(seg)}}, Credits: sla.CreditSchedule{Tiers: []sla.CreditTier{{Lower: sla.Above(sla.MustTarget("50%")), Upper: sla.Below(sla.MustTarget("50%"))}}}}, "credits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			var fe *sla.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path, "%v", err)
		})
	}
}

func TestEvaluateTicketTerms(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	open := []ticket.Event{{Kind: ticket.Open, At: time.Date(2026, 3, 2, 9, 0, 0, 0, ny)}}

	_, err := c.Evaluate(period, sla.Observations{Tickets: []sla.Ticket{{ID: "T", Term: "availability", Priority: "P1", Events: open}}})
	assert.ErrorContains(t, err, `"availability" is not a response term`)

	rep, err := c.Evaluate(period, sla.Observations{Tickets: []sla.Ticket{{ID: "T", Term: "tickets", Priority: "P1", Events: open}}})
	require.NoError(t, err)
	require.Len(t, rep.Terms[1].Tickets, 1)
	// Still open at the end of March: its 8 business hours ran out long ago.
	tk := rep.Terms[1].Tickets[0]
	assert.True(t, tk.Breached)
	data, err := json.Marshal(tk)
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(data, &generic))
	resolve := generic["resolve"].(map[string]any)
	assert.Equal(t, "8h0m0s", resolve["target"])
	assert.Equal(t, true, resolve["breached"])
	assert.Equal(t, "running", resolve["state"])
	assert.Equal(t, []any{50.0, 75.0, 100.0}, resolve["warnings_crossed"])
}
