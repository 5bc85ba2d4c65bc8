package contract_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// A contract built in Go, without JSON: the same rules apply through
// Validate, and it writes to JSON once its calendars are named.
func TestContractBuiltInGo(t *testing.T) {
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")))
	require.NoError(t, err)
	c := contract.Contract{
		Name: "built in Go",
		Terms: []contract.Term{{Name: "api", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{
			{Name: "hours", Schedule: contract.During("business", cal), Target: sla.MustTarget("99.9%")},
			{Name: "rest", Schedule: contract.Outside("business", cal), Target: sla.MustTarget("99%")},
			{Name: "all", Schedule: contract.Always(), Target: sla.MustTarget("98%")},
		}}}},
	}
	warnings, err := c.Validate()
	require.NoError(t, err)
	assert.Empty(t, warnings)
	assert.Equal(t, "during business", c.Terms[0].Availability.Segments[0].Schedule.String())
	assert.Equal(t, "outside business", c.Terms[0].Availability.Segments[1].Schedule.String())
	assert.Equal(t, "always", contract.Always().String())
	name, got := c.Terms[0].Availability.Segments[0].Schedule.Calendar()
	assert.Equal(t, "business", name)
	assert.Same(t, cal, got)

	_, err = json.Marshal(c)
	assert.ErrorIs(t, err, contract.ErrContract, "the calendar is not in Calendars, so it has no name to write")
	c.Calendars = map[string]*calendar.Calendar{"business": cal}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := contract.Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "business", back.Terms[0].Availability.Segments[1].Schedule.String()[len("outside "):])

	// One week, Monday 2 March 2026: 40 business hours, 128 other hours.
	// A 2-hour outage on Monday 10:00-12:00 UTC is all in business hours.
	week := window.Week.Containing(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), time.UTC)
	down := window.NewSet(window.Between(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)))
	rep, err := c.Evaluate(week, contract.Observations{Outages: map[string]window.Set{"api": down}})
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

// TestContractValidate: a contract built in Go meets the rules of the
// JSON form, and every error wraps ErrContract and the sentinel of its
// kind, with the path the JSON form would have.
func TestContractValidate(t *testing.T) {
	seg := contract.Segment{Name: "s", Target: sla.MustTarget("99%")}
	avail := func(segs ...contract.Segment) *contract.AvailabilityTerm {
		return &contract.AvailabilityTerm{Segments: segs}
	}
	terms := []contract.Term{{Name: "a", Availability: avail(seg)}}
	p := sla.MustTarget
	overlapping := &sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.AtLeast(p("99%")), Credit: sla.MustShare("5%")},
		{Upper: sla.AtMost(p("99%")), Credit: sla.MustShare("10%")},
	}}
	policy := func(p ticket.Policy) []contract.Term {
		return []contract.Term{{Name: "a", Response: &contract.ResponseTerm{Policy: p}}}
	}
	tests := []struct {
		name     string
		c        contract.Contract
		path     string
		sentinel error
	}{
		{"no terms", contract.Contract{}, "terms", contract.ErrMissing},
		{"unnamed term", contract.Contract{Terms: []contract.Term{{Availability: avail(seg)}}}, "terms[0].name", contract.ErrMissing},
		{"term of no kind", contract.Contract{Terms: []contract.Term{{Name: "a"}}}, "terms[0]", contract.ErrMissing},
		{"term of both kinds", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: avail(seg), Response: &contract.ResponseTerm{}}}}, "terms[0]", contract.ErrConflict},
		{"no segments", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: avail()}}}, "terms[0].segments", contract.ErrMissing},
		{"unnamed segment", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: avail(contract.Segment{Target: sla.MustTarget("1%")})}}}, "terms[0].segments[0].name", contract.ErrMissing},
		{"duplicate segment", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: avail(seg, seg)}}}, "terms[0].segments[1].name", contract.ErrDuplicateName},
		{"overlapping tiers of a segment", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: avail(contract.Segment{Name: "s", Credits: overlapping})}}}, "terms[0].segments[0].credits[1]", sla.ErrTierOverlap},
		{"negative minimum outage", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{seg}, Rules: sla.OutageRules{MinOutage: -1}}}}}, "terms[0].min_outage", contract.ErrRange},
		{"unknown exclusion policy", contract.Contract{Terms: []contract.Term{{Name: "a", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{seg}, Exclusion: 9}}}}, "terms[0].exclusion", contract.ErrRange},
		{"response term without priorities", contract.Contract{Terms: policy(ticket.Policy{})}, "terms[0].priorities", ticket.ErrPolicy},
		{"response goal that is not positive", contract.Contract{Terms: policy(ticket.Policy{Priorities: []ticket.Priority{
			{Name: "P1", Respond: ticket.Limit{Within: time.Hour}}, {Name: "P2", Resolve: ticket.Limit{Within: -time.Hour}}}})},
			"terms[0].priorities[1].resolve", ticket.ErrRange},
		{"negative resolve", contract.Contract{Terms: terms, Obligations: contract.Obligations{ResolveWithin: -time.Hour}}, "obligations.resolve_within", contract.ErrRange},
		{"empty credit tier", contract.Contract{Terms: terms, Credits: sla.CreditSchedule{Tiers: []sla.CreditTier{{Lower: sla.Above(p("50%")), Upper: sla.Below(p("50%"))}}}}, "credits[0]", sla.ErrEmptyTier},
		{"overlapping credit tiers", contract.Contract{Terms: terms, Credits: *overlapping}, "credits[1]", sla.ErrTierOverlap},
		{"too many terms", contract.Contract{Terms: make([]contract.Term, contract.MaxTerms+1)}, "terms", contract.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.Validate()
			var fe *contract.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path, "%v", err)
			assert.Zero(t, fe.Line, "a contract built in Go has no lines")
			assert.ErrorIs(t, err, contract.ErrContract)
			assert.ErrorIs(t, err, tt.sentinel)
		})
	}
}

func TestEvaluateTicketTerms(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	open := []ticket.Event{{Kind: ticket.Open, At: time.Date(2026, 3, 2, 9, 0, 0, 0, ny)}}

	_, err := c.Evaluate(period, contract.Observations{Tickets: []contract.Ticket{{ID: "T", Term: "availability", Priority: "P1", Events: open}}})
	assert.ErrorContains(t, err, `"availability" is not a response term`)

	rep, err := c.Evaluate(period, contract.Observations{Tickets: []contract.Ticket{{ID: "T", Term: "tickets", Priority: "P1", Events: open}}})
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
	assert.Equal(t, map[string]any{"seconds": 28800.0, "iso8601": "PT8H"}, resolve["target"])
	assert.Equal(t, true, resolve["breached"])
	assert.Equal(t, "running", resolve["state"])
	assert.Equal(t, []any{50.0, 75.0, 100.0}, resolve["warnings_crossed"])
}
