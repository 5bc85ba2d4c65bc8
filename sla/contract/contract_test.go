package contract_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

func loadSeedContract(t testing.TB) contract.Contract {
	t.Helper()
	data, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	c, err := contract.Parse(data)
	require.NoError(t, err)
	return c
}

func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return loc
}

// TestSeedContractMarch2026 is the term the library was created for:
// "99.5% availability between 8 a.m. and 6 p.m. (Monday to Friday, New
// York time), 99% at other times", evaluated over March 2026.
//
// The period is the local month: 743 hours, since clocks skip 02:00-03:00
// on Sunday 8 March (FACTS.md). Business hours are 22 weekdays × 10 h =
// 220 h = 792,000 s (FACTS.md); other times are 743 − 220 = 523 h =
// 1,882,800 s.
//
// Outages (New York time):
//
//	a. Tue 3 Mar 09:00-09:30 EST           business 30m
//	b. Wed 4 Mar 17:30-18:20 EST, and
//	c. Wed 4 Mar 17:50-18:40 EST (overlaps b): together 17:30-18:40,
//	                                        business 30m, other 40m
//	d. Sat 7 Mar 10:00-14:00 EST (weekend)  other 4h
//	e. Sun 8 Mar 01:30 EST - 03:30 EDT, across the DST change: 01:30 to
//	   02:00 EST is 30 min, then the clock jumps to 03:00 EDT, and 03:00
//	   to 03:30 is 30 min more: 1 h of real time   other 1h
//	f. Thu 12 Mar 22:00-23:00 EDT           other 1h
//	g. Mon 16 Mar 08:00-08:10 EDT           business 10m
//
// Business hours: down 30+30+10 = 70 min = 4,200 s; the allowance is
// 0.5% of 792,000 s = 3,960 s = 66 min, so the segment is missed by 4 min;
// availability 787,800/792,000 = 99.4696969…%, in the contract's tier
// "below 99.5% and at least 99%": 10%. The budget runs out 6 minutes into
// outage g (30 + 30 + 6 = 66): at 08:06 EDT = 12:06 UTC on 16 March.
//
// Other times: down 40 min + 4 h + 1 h + 1 h = 6 h 40 min = 24,000 s; the
// allowance is 1% of 1,882,800 s = 18,828 s = 5 h 13 min 48 s, so it is
// missed; availability 1,858,800/1,882,800 = 98.7253…%, in the segment's
// own tier "below 99% and at least 98%": 5%. Its budget runs out
// 5h13m48s − (40m + 4h) = 33m48s into outage e, which begins at 06:30 UTC:
// at 07:03:48 UTC.
//
// The credit owed is the larger of the two: 10%.
func TestSeedContractMarch2026(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	at := func(d, hh, mm int) time.Time { return time.Date(2026, 3, d, hh, mm, 0, 0, ny) }
	down := window.NewSet(
		window.Between(at(3, 9, 0), at(3, 9, 30)),
		window.Between(at(4, 17, 30), at(4, 18, 20)),
		window.Between(at(4, 17, 50), at(4, 18, 40)),
		window.Between(at(7, 10, 0), at(7, 14, 0)),
		window.Between(time.Date(2026, 3, 8, 6, 30, 0, 0, time.UTC), time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC)),
		window.Between(at(12, 22, 0), at(12, 23, 0)),
		window.Between(at(16, 8, 0), at(16, 8, 10)),
	)
	period := window.Month.Containing(at(15, 12, 0), ny)
	require.Equal(t, 743*time.Hour, period.Duration())

	rep, err := c.Evaluate(period, contract.Observations{Outages: map[string]window.Set{"availability": down}})
	require.NoError(t, err)
	require.Len(t, rep.Terms, 2)
	avail := rep.Terms[0]
	require.Len(t, avail.Segments, 2)

	business, other := avail.Segments[0], avail.Segments[1]
	assert.Equal(t, "business hours", business.Name)
	assert.Equal(t, 792000*time.Second, business.Measured)
	assert.Equal(t, 70*time.Minute, business.Down)
	assert.Equal(t, 66*time.Minute, business.Allowance)
	assert.Equal(t, -4*time.Minute, business.Remaining)
	assert.False(t, business.Met)
	assert.Equal(t, uint64(787800*time.Second), business.Ratio.Good())
	assert.Equal(t, "99.4696%", business.Ratio.Percent(4))
	assert.Equal(t, sla.MustShare("10%"), business.Credit)
	assert.True(t, business.BreachedAt.Equal(time.Date(2026, 3, 16, 12, 6, 0, 0, time.UTC)), "business breached at %v", business.BreachedAt)

	assert.Equal(t, "other times", other.Name)
	assert.Equal(t, 1882800*time.Second, other.Measured)
	assert.Equal(t, 24000*time.Second, other.Down)
	assert.Equal(t, 18828*time.Second, other.Allowance)
	assert.False(t, other.Met)
	assert.Equal(t, "98.7253%", other.Ratio.Percent(4))
	assert.Equal(t, sla.MustShare("5%"), other.Credit)
	assert.True(t, other.BreachedAt.Equal(time.Date(2026, 3, 8, 7, 3, 48, 0, time.UTC)), "other breached at %v", other.BreachedAt)

	assert.False(t, avail.Met)
	assert.Equal(t, sla.MustShare("10%"), avail.Credit)
	assert.Equal(t, sla.MustShare("10%"), rep.Credit)
	assert.False(t, rep.Met)
}

// TestSeedContractTickets checks the response term of the seed contract.
//
// P1 ticket opened Fri 6 Mar 16:00 EST, responded 17:30, resolved Mon 9
// Mar 12:00 EDT. Response: 1 h 30 min of business time > 1 h: breached, at
// 17:00 EST (= 22:00 UTC), the instant the hour was used up. Resolution:
// Fri 16:00-18:00 (2 h) + Mon 08:00-12:00 (4 h) = 6 h ≤ 8 h: met.
//
// P2 ticket opened Tue 10 Mar 10:00 EDT, paused 11:00-15:00, responded
// 15:30 (1 h 30 min of business time ≤ 4 h: met), resolved Wed 11 Mar
// 12:00: Tue 10:00-11:00 (1 h) + 15:00-18:00 (3 h) + Wed 08:00-12:00 (4 h)
// = 8 h ≤ 40 h: met.
//
// T-0, opened Fri 27 Feb 09:00 EST and never answered, is still open when
// March begins: it is carried into March's report. Its goals ran out in
// February (1 business hour at 10:00, 8 at 17:00 on 27 February), so
// those breaches belong to February and do not miss March's term. T-3,
// opened and resolved in February, and T-4, opened on 1 April, are left
// out and listed as such.
func TestSeedContractTickets(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	at := func(d, hh, mm int) time.Time { return time.Date(2026, 3, d, hh, mm, 0, 0, ny) }
	tickets := []contract.Ticket{
		{ID: "T-1", Priority: "P1", Events: []ticket.Event{
			{Kind: ticket.Open, At: at(6, 16, 0)},
			{Kind: ticket.Respond, At: at(6, 17, 30)},
			{Kind: ticket.Resolve, At: at(9, 12, 0)},
		}},
		{ID: "T-2", Priority: "P2", Events: []ticket.Event{
			{Kind: ticket.Open, At: at(10, 10, 0)},
			{Kind: ticket.Pause, At: at(10, 11, 0)},
			{Kind: ticket.Resume, At: at(10, 15, 0)},
			{Kind: ticket.Respond, At: at(10, 15, 30)},
			{Kind: ticket.Resolve, At: at(11, 12, 0)},
		}},
		{ID: "T-0", Priority: "P1", Events: []ticket.Event{
			{Kind: ticket.Open, At: time.Date(2026, 2, 27, 9, 0, 0, 0, ny)},
		}},
		{ID: "T-3", Priority: "P2", Events: []ticket.Event{
			{Kind: ticket.Open, At: time.Date(2026, 2, 2, 9, 0, 0, 0, ny)},
			{Kind: ticket.Resolve, At: time.Date(2026, 2, 3, 9, 0, 0, 0, ny)},
		}},
		{ID: "T-4", Priority: "P2", Events: []ticket.Event{
			{Kind: ticket.Open, At: time.Date(2026, 4, 1, 9, 0, 0, 0, ny)},
		}},
	}
	period := window.Month.Containing(at(15, 12, 0), ny)
	rep, err := c.Evaluate(period, contract.Observations{Tickets: tickets})
	require.NoError(t, err)
	tr := rep.Terms[1]
	require.Equal(t, "response", tr.Kind)
	require.Len(t, tr.Tickets, 3, "T-0 is carried in from February")
	t0 := tr.Tickets[2]
	assert.Equal(t, "T-0", t0.ID)
	assert.True(t, t0.CarriedIn)
	assert.True(t, t0.Breached, "its goals ran out in February")
	assert.Equal(t, []string{"T-3"}, rep.LeftOut.TicketsBefore)
	assert.Equal(t, []string{"T-4"}, rep.LeftOut.TicketsAfter)

	t1 := tr.Tickets[0]
	assert.Equal(t, "T-1", t1.ID)
	require.NotNil(t, t1.Respond)
	assert.Equal(t, 90*time.Minute, t1.Respond.Elapsed)
	assert.True(t, t1.Respond.Breached)
	assert.True(t, t1.Respond.BreachedAt.Equal(time.Date(2026, 3, 6, 22, 0, 0, 0, time.UTC)), "%v", t1.Respond.BreachedAt)
	require.NotNil(t, t1.Resolve)
	assert.Equal(t, 6*time.Hour, t1.Resolve.Elapsed)
	assert.False(t, t1.Resolve.Breached)
	assert.True(t, t1.Breached)

	t2 := tr.Tickets[1]
	assert.Equal(t, 90*time.Minute, t2.Respond.Elapsed)
	assert.False(t, t2.Respond.Breached)
	assert.Equal(t, 8*time.Hour, t2.Resolve.Elapsed)
	assert.Equal(t, 4*time.Hour, t2.Resolve.Paused)
	assert.False(t, t2.Resolve.Breached)
	assert.Equal(t, ticket.ClockStopped, t2.Resolve.State)
	assert.False(t, t2.Breached)
	assert.False(t, tr.Met)

	// Alone, T-0 does not miss March: its breaches were in February.
	rep, err = c.Evaluate(period, contract.Observations{Tickets: tickets[2:3]})
	require.NoError(t, err)
	assert.True(t, rep.Terms[1].Met)
	// T-5, opened Fri 27 Feb 17:00 EST with 4 business hours to answer,
	// has 1 hour on Friday and runs out at 11:00 EST on Monday 2 March:
	// a breach in March, which misses March's term.
	t5 := contract.Ticket{ID: "T-5", Priority: "P2", Events: []ticket.Event{{Kind: ticket.Open, At: time.Date(2026, 2, 27, 17, 0, 0, 0, ny)}}}
	rep, err = c.Evaluate(period, contract.Observations{Tickets: []contract.Ticket{t5}})
	require.NoError(t, err)
	require.Len(t, rep.Terms[1].Tickets, 1)
	assert.True(t, rep.Terms[1].Tickets[0].Respond.BreachedAt.Equal(at(2, 11, 0)))
	assert.False(t, rep.Terms[1].Met)
}

func TestContractJSONRoundTrip(t *testing.T) {
	c := loadSeedContract(t)
	first, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := contract.Parse(first)
	require.NoError(t, err)
	second, err := json.Marshal(back)
	require.NoError(t, err)
	if diff := cmp.Diff(string(first), string(second)); diff != "" {
		t.Errorf("contract JSON changed on a round trip (-want +got):\n%s", diff)
	}
	var viaUnmarshal contract.Contract
	require.NoError(t, json.Unmarshal(first, &viaUnmarshal))
	assert.Equal(t, "Example API", viaUnmarshal.Name)
}

func TestParseRejectsMalformedDocuments(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"syntax error names its line", "{\n\"name\": \"x\",\n\"terms\": [,]\n}", "line 3"},
		{"unknown field", `{"name": "x", "terms": [], "colour": "blue"}`, `unknown field "colour"`},
		{"trailing data", `{"name": "x", "terms": [{"name": "a", "kind": "availability", "segments": [{"name": "s", "target": "99%"}]}]} {}`, "data after"},
		{"no terms", `{"name": "x", "terms": []}`, "at least one term"},
		{"empty document", ``, "EOF"},
		{"too large", `{"name": "` + strings.Repeat("x", contract.MaxContractBytes) + `"}`, "at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := contract.Parse([]byte(tt.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, contract.ErrContract)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)

	_, err := c.Evaluate(window.Interval{}, contract.Observations{})
	assert.ErrorIs(t, err, contract.ErrContract, "an empty period")

	_, err = c.Evaluate(period, contract.Observations{Now: period.Start.Add(-time.Hour)})
	assert.ErrorIs(t, err, contract.ErrContract, "now before the period")

	bad := []contract.Ticket{{ID: "T-9", Priority: "P7", Events: []ticket.Event{{Kind: ticket.Open, At: period.Start}}}}
	_, err = c.Evaluate(period, contract.Observations{Tickets: bad})
	assert.ErrorContains(t, err, `"P7"`)

	paused := []contract.Ticket{{ID: "T-8", Priority: "P1", Events: []ticket.Event{
		{Kind: ticket.Open, At: period.Start.Add(time.Hour)},
		{Kind: ticket.Resume, At: period.Start.Add(2 * time.Hour)},
	}}}
	_, err = c.Evaluate(period, contract.Observations{Tickets: paused})
	var ee *ticket.EventError
	assert.ErrorAs(t, err, &ee, "resume while running")
	assert.ErrorIs(t, err, ticket.ErrEventState)
	var te *contract.TicketError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 0, te.Index)
	assert.Equal(t, "T-8", te.ID)
	assert.Equal(t, 1, te.Event, "the resume is the ticket's second event")
	assert.Contains(t, err.Error(), `contract: tickets[0] "T-8": events[1] (resume@2026-03-01T07:00:00Z): the ticket is not paused`)

	// The error names the ticket's own event: open, respond, pause, pause.
	twice := []contract.Ticket{{ID: "T-7", Priority: "P1", Events: []ticket.Event{
		{Kind: ticket.Open, At: period.Start.Add(time.Hour)},
		{Kind: ticket.Respond, At: period.Start.Add(2 * time.Hour)},
		{Kind: ticket.Pause, At: period.Start.Add(3 * time.Hour)},
		{Kind: ticket.Pause, At: period.Start.Add(4 * time.Hour)},
	}}}
	_, err = c.Evaluate(period, contract.Observations{Tickets: twice})
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 3, te.Event, "pause while paused: %v", err)
}

// TestEvaluateNoOutagesMeetsEverything: a month without outages meets
// every segment, owes nothing, and keeps the whole allowance.
func TestEvaluateNoOutagesMeetsEverything(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	rep, err := c.Evaluate(period, contract.Observations{})
	require.NoError(t, err)
	assert.True(t, rep.Met)
	assert.Equal(t, sla.Share{}, rep.Credit)
	for _, s := range rep.Terms[0].Segments {
		assert.True(t, s.Met)
		assert.Equal(t, s.Allowance, s.Remaining)
		assert.Equal(t, -1, s.CreditTier)
		assert.True(t, s.BreachedAt.IsZero())
	}
}

func TestReportJSON(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	down := window.NewSet(window.Between(time.Date(2026, 3, 3, 9, 0, 0, 0, ny), time.Date(2026, 3, 3, 10, 30, 0, 0, ny)))
	rep, err := c.Evaluate(period, contract.Observations{Outages: map[string]window.Set{"": down}})
	require.NoError(t, err)
	data, err := json.Marshal(rep)
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(data, &generic))
	seg := generic["terms"].([]any)[0].(map[string]any)["segments"].([]any)[0].(map[string]any)
	// 90 minutes down against a 66-minute allowance: 24 minutes over.
	// Durations are exact seconds with ISO 8601 text beside them, and the
	// credit tier is its bounds.
	assert.Equal(t, map[string]any{"seconds": 5400.0, "iso8601": "PT1H30M"}, seg["down"])
	assert.Equal(t, map[string]any{"seconds": -1440.0, "iso8601": "-PT24M"}, seg["remaining"])
	assert.Equal(t, map[string]any{"seconds": 792000.0, "iso8601": "PT220H"}, seg["measured"])
	assert.Equal(t, "99.5%", seg["target"])
	assert.Equal(t, map[string]any{"share": "10%"}, seg["credit"])
	assert.Equal(t, map[string]any{"below": "99.5%", "at_least": "99%", "credit": "10%"}, seg["credit_tier"])
	assert.Equal(t, false, seg["met"])
}

// TestParseLimits: documents past the limits are refused before
// the work that grows with them (each calendar precomputes centuries of
// holidays).
func TestParseLimits(t *testing.T) {
	cal := `{"zone": "UTC", "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}]}`
	var cals []string
	for i := range contract.MaxCalendars + 1 {
		cals = append(cals, fmt.Sprintf("%q: %s", fmt.Sprintf("c%d", i), cal))
	}
	term := `"terms": [{"name": "a", "kind": "availability", "segments": [{"name": "s", "target": "99%"}]}]`
	_, err := contract.Parse([]byte(`{"name": "x", "calendars": {` + strings.Join(cals, ",") + `}, ` + term + `}`))
	var fe *contract.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "calendars", fe.Path)

	var rules []string
	for i := range calendar.MaxHolidays + 1 {
		rules = append(rules, fmt.Sprintf(`{"name": "h%d", "month": %d, "day": %d}`, i, i%12+1, i%28+1))
	}
	big := `{"zone": "UTC", "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}], "holidays": [` + strings.Join(rules, ",") + `]}`
	_, err = contract.Parse([]byte(`{"name": "x", "calendars": {"c": ` + big + `}, ` + term + `}`))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "calendars.c.holidays", fe.Path)
	assert.ErrorIs(t, err, calendar.ErrInvalid)
}

// TestParseDocExample parses the document shown in Parse's
// doc comment, so that the documentation cannot show a contract the
// parser refuses.
func TestParseDocExample(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "parse.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var doc string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "Parse" {
			doc = fn.Doc.Text()
		}
	}
	require.NotEmpty(t, doc)
	var lines []string
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, "\t") {
			lines = append(lines, l)
		}
	}
	require.NotEmpty(t, lines, "the doc comment shows a document")
	c, err := contract.Parse([]byte(strings.Join(lines, "\n")))
	require.NoError(t, err)
	assert.Equal(t, "Example API", c.Name)
	assert.Equal(t, 40*time.Hour, c.Obligations.ResolveWithin)
}

// TestTicketBreachAfterThePeriod: a ticket's breach counts against the
// period it happens in, [Start, End), as Report.Met's doc says ("no
// ticket breached in the period") and as breach.FromReport files it. A
// report made after its period has ended used to count a later breach
// too, so March and April both missed their term for one breach.
//
// T-5 (P1: respond 1 h, resolve 8 h of business time, New York Mon–Fri
// 08:00–18:00) opens Tue 31 March 16:00 EDT and is answered at 16:30
// (30 min: met). Resolution: Tue 16:00–18:00 (2 h) + Wed 1 April
// 08:00–14:00 (6 h) = 8 h at Wed 1 April 14:00 EDT, when it breaches,
// never resolved. Both reports are made on Fri 3 April.
func TestTicketBreachAfterThePeriod(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	tickets := []contract.Ticket{{ID: "T-5", Priority: "P1", Events: []ticket.Event{
		{Kind: ticket.Open, At: time.Date(2026, 3, 31, 16, 0, 0, 0, ny)},
		{Kind: ticket.Respond, At: time.Date(2026, 3, 31, 16, 30, 0, 0, ny)},
	}}}
	now := time.Date(2026, 4, 3, 12, 0, 0, 0, ny)
	due := time.Date(2026, 4, 1, 14, 0, 0, 0, ny)
	for _, tc := range []struct {
		month   time.Month
		met     bool
		carried bool
	}{
		{time.March, true, false},
		{time.April, false, true},
	} {
		t.Run(tc.month.String(), func(t *testing.T) {
			period := window.Month.Containing(time.Date(2026, tc.month, 15, 12, 0, 0, 0, ny), ny)
			rep, err := c.Evaluate(period, contract.Observations{Now: now, Tickets: tickets})
			require.NoError(t, err)
			tr := rep.Terms[1]
			require.Equal(t, "response", tr.Kind)
			require.Len(t, tr.Tickets, 1)
			tk := tr.Tickets[0]
			assert.Equal(t, tc.carried, tk.CarriedIn)
			require.NotNil(t, tk.Resolve)
			assert.True(t, tk.Resolve.Breached, "the status is the ticket's at the report's instant")
			assert.True(t, tk.Resolve.BreachedAt.Equal(due), "%v", tk.Resolve.BreachedAt)
			assert.Equal(t, tc.met, tr.Met, "term met")
			assert.Equal(t, tc.met, rep.Met, "report met")
		})
	}
}
