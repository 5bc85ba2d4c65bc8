package main

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// twoOfEach is a contract with two availability and two response terms,
// for the term column of the CSV files.
const twoOfEach = `{"name": "Two of each", "terms": [
  {"name": "api", "kind": "availability", "segments": [{"name": "all", "target": "99.9%"}]},
  {"name": "web", "kind": "availability", "segments": [{"name": "all", "target": "99%"}]},
  {"name": "support", "kind": "response", "priorities": [{"name": "P1", "respond": "1h"}]},
  {"name": "security", "kind": "response", "priorities": [{"name": "S1", "resolve": "4h"}]}]}`

func parseContract(t testing.TB, doc string) contract.Contract {
	t.Helper()
	c, err := contract.Parse([]byte(doc))
	require.NoError(t, err)
	return c
}

func sample(t testing.TB) contract.Contract {
	t.Helper()
	return parseContract(t, string(sampleContract))
}

func TestLoadOutages(t *testing.T) {
	c := parseContract(t, twoOfEach)
	iv := func(s string) window.Interval {
		v, err := window.ParseInterval(s)
		require.NoError(t, err)
		return v
	}
	tests := []struct {
		name, data string
		want       []contract.Incident
	}{
		{"positional, with a header in any case, comments, blank lines and spaces", `# outages
Start, End, Term

2026-03-02T09:00:00Z, 2026-03-02T10:00:00Z
2026-03-02T09:30:00Z,2026-03-02T11:00:00Z,api
2026-03-03T00:00:00+01:00,2026-03-03T01:00:00+01:00,web
2026-03-04T00:00:00Z,2026-03-04T00:00:01Z,
`, []contract.Incident{
			{Span: iv("2026-03-02T09:00:00Z/PT1H")},
			{Term: "api", Span: iv("2026-03-02T09:30:00Z/PT1H30M")},
			{Term: "web", Span: iv("2026-03-02T23:00:00Z/PT1H")},
			{Span: iv("2026-03-04T00:00:00Z/PT1S")},
		}},
		// A spreadsheet's export: a byte-order mark, columns in its own
		// order, a description instead of a title, a share affected.
		{"named columns, a byte-order mark and a description", "\ufeffid,description,start,end,affected\n" +
			"INC-1,\"Gateway errors, EU\",2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,50%\n" +
			"INC-2,,2026-03-02T11:00:00Z,2026-03-02T11:30:00Z,\n",
			[]contract.Incident{
				{ID: "INC-1", Title: "Gateway errors, EU", Span: iv("2026-03-02T09:00:00Z/PT1H"), Affected: sla.MustShare("50%")},
				{ID: "INC-2", Span: iv("2026-03-02T11:00:00Z/PT30M")},
			}},
		{"a title wins over a description", "start,end,term,id,title,description\n" +
			"2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,api,INC-3,Short,Long text\n",
			[]contract.Incident{{ID: "INC-3", Title: "Short", Term: "api", Span: iv("2026-03-02T09:00:00Z/PT1H")}}},
		{"trailing fields left out", "start,end,term,id\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n",
			[]contract.Incident{{Span: iv("2026-03-02T09:00:00Z/PT1H")}}},
		{"an empty file", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loadOutages([]byte(tt.data), "o.csv", c)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b sla.Share) bool { return a == b })); diff != "" {
				t.Errorf("outages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadOutagesErrors(t *testing.T) {
	c := parseContract(t, twoOfEach)
	long := strings.Repeat("x", 2000)
	tests := []struct {
		name, data, want string
	}{
		{"bad end", "start,end\n2026-03-02T09:00:00Z,2026-03-32T10:00:00Z\n",
			`o.csv:2: end: "2026-03-32T10:00:00Z" is not an RFC 3339 instant`},
		{"bad start", "2026-03-02 09:00,2026-03-02T10:00:00Z\n",
			`o.csv:1: start: "2026-03-02 09:00" is not an RFC 3339 instant`},
		{"missing end", "2026-03-02T09:00:00Z,\n",
			`o.csv:1: end: missing: want an RFC 3339 instant such as 2026-03-02T09:00:00-05:00`},
		{"end before start", "2026-03-02T10:00:00Z,2026-03-02T09:00:00Z\n",
			`o.csv:1: end: "2026-03-02T09:00:00Z" is not after start "2026-03-02T10:00:00Z"`},
		{"empty outage", "2026-03-02T10:00:00Z,2026-03-02T05:00:00-05:00\n",
			`o.csv:1: end: "2026-03-02T05:00:00-05:00" is not after start "2026-03-02T10:00:00Z"`},
		{"one field", "# comment\n2026-03-02T10:00:00Z\n",
			`o.csv:2: want 2 or 3 fields (start,end[,term]), got 1`},
		{"four fields without a header", "2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,api,x\n",
			`o.csv:1: want 2 or 3 fields (start,end[,term]), got 4`},
		{"more fields than the header", "start,end\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,api\n",
			`o.csv:2: want 2 fields, as the header names (trailing ones may be left out), got 3`},
		{"unknown column", "start,end,colour\n",
			`o.csv:1: unknown column "colour" in the header; the columns are start, end, term, id, title, description, affected`},
		{"column twice", "start,end,END\n", `o.csv:1: column "END" named twice in the header`},
		{"header without end", "start,id\n", `o.csv:1: the header has no column "end"`},
		{"unknown term", "2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,db\n",
			`o.csv:1: term: "db" is not an availability term of the contract measured by outages ("api", "web")`},
		{"response term", "2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,support\n",
			`o.csv:1: term: "support" is not an availability term of the contract measured by outages ("api", "web")`},
		{"affected not a share", "start,end,affected\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,half\n",
			`o.csv:2: affected: "half" is not a share of customers such as 50%`},
		{"header later is data", "2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\nstart,end\n",
			`o.csv:2: start: "start" is not an RFC 3339 instant`},
		{"bad quoting", "\"2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n",
			`o.csv:1: not valid CSV: extraneous or missing " in quoted-field`},
		{"a field that swallowed the file", "2026-03-02T09:00:00Z," + long + "\n",
			`o.csv:1: field 2 is longer than 1024 bytes: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"…`},
		{"a long bad value is quoted short", "2026-03-02T09:00:00Z," + long[:1000] + "\n",
			`o.csv:1: end: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"… is not an RFC 3339 instant`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadOutages([]byte(tt.data), "o.csv", c)
			require.Error(t, err)
			var ie *inputError
			require.True(t, errors.As(err, &ie), "want an *inputError, got %T", err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestLoadRequests: request counts by term, checked on their line.
func TestLoadRequests(t *testing.T) {
	c := parseContract(t, `{"name": "r", "terms": [
	  {"name": "api", "kind": "availability", "measure": "events", "segments": [{"name": "all", "target": "99.9%"}]},
	  {"name": "up", "kind": "availability", "segments": [{"name": "all", "target": "99%"}]}]}`)
	got, err := loadRequests([]byte("at,good,total,term\n2026-03-02T09:00:00Z,990,1000,api\n2026-03-02T09:01:00Z,5,5\n"), "r.csv", c)
	require.NoError(t, err)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	assert.Equal(t, map[string][]sla.Sample{
		"api": {{At: at, Good: 990, Total: 1000}},
		"":    {{At: at.Add(time.Minute), Good: 5, Total: 5}},
	}, got)
	for _, tc := range []struct{ data, want string }{
		{"2026-03-02T09:00:00Z,10,5\n", `r.csv:1: good: 10 good of 5 requests`},
		{"2026-03-02T09:00:00Z,-1,5\n", `r.csv:1: good: "-1" is not a count of requests`},
		{"2026-03-02T09:00:00Z,1,5,up\n", `r.csv:1: term: "up" is not an availability term of the contract measured by requests ("api")`},
	} {
		_, err := loadRequests([]byte(tc.data), "r.csv", c)
		assert.EqualError(t, err, tc.want)
	}
}

func TestLoadTickets(t *testing.T) {
	c := sample(t)
	data := `id,priority,event,at,term
T-1,P2,open,2026-03-02T09:00:00Z
T-2,P1,open,2026-03-02T09:30:00Z,tickets
T-1,P2,pause,2026-03-02T10:00:00Z
T-1,P2,respond,2026-03-02T10:00:00Z
T-1,P2,resume,2026-03-02T11:00:00Z
T-1,P2,resolve,2026-03-02T12:00:00Z
T-1,P2,reopen,2026-03-03T12:00:00Z
T-1,P2,pause,2026-03-03T13:00:00Z
T-1,P2,resolve,2026-03-03T14:00:00Z
`
	got, err := loadTickets([]byte(data), "t.csv", c)
	require.NoError(t, err)
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return v
	}
	ev := func(k ticket.EventKind, s string) ticket.Event { return ticket.Event{Kind: k, At: at(s)} }
	want := []contract.Ticket{
		{ID: "T-1", Term: "tickets", Priority: "P2", Events: []ticket.Event{
			ev(ticket.Open, "2026-03-02T09:00:00Z"), ev(ticket.Pause, "2026-03-02T10:00:00Z"),
			ev(ticket.Respond, "2026-03-02T10:00:00Z"), ev(ticket.Resume, "2026-03-02T11:00:00Z"),
			ev(ticket.Resolve, "2026-03-02T12:00:00Z"), ev(ticket.Reopen, "2026-03-03T12:00:00Z"),
			ev(ticket.Pause, "2026-03-03T13:00:00Z"), ev(ticket.Resolve, "2026-03-03T14:00:00Z"),
		}},
		{ID: "T-2", Term: "tickets", Priority: "P1", Events: []ticket.Event{ev(ticket.Open, "2026-03-02T09:30:00Z")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tickets (-want +got):\n%s", diff)
	}
	// What the loader accepts, the contract's clocks accept.
	period := window.Between(at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"))
	_, err = c.Evaluate(period, contract.Observations{Tickets: got})
	require.NoError(t, err)
}

func TestLoadTicketsErrors(t *testing.T) {
	const open = "T-1,P1,open,2026-03-02T09:00:00Z\n"
	tests := []struct {
		name, contract, data, want string
	}{
		{"unknown event", "", open + "T-1,P1,close,2026-03-02T10:00:00Z\n",
			`t.csv:2: event: "close": want open, respond, pause, resume, resolve or reopen`},
		{"bad instant", "", "T-1,P1,open,yesterday\n",
			`t.csv:1: at: "yesterday" is not an RFC 3339 instant`},
		{"missing id", "", ",P1,open,2026-03-02T09:00:00Z\n", `t.csv:1: id: missing`},
		{"a ticket's own header", "", "id,priority,event,at,title\nT-1,P1,open,2026-03-02T09:00:00Z,A title\nT-1,P1,colour,2026-03-02T09:00:00Z\n",
			`t.csv:3: event: "colour": want open, respond, pause, resume, resolve or reopen`},
		{"unknown priority", "", "T-1,P7,open,2026-03-02T09:00:00Z\n",
			`t.csv:1: priority: "P7" is not a priority of term "tickets" ("P1", "P2", "P3")`},
		{"priority changes", "", open + "T-1,P2,respond,2026-03-02T10:00:00Z\n",
			`t.csv:2: priority: "P2", but ticket T-1 has priority "P1"`},
		{"three fields", "", "T-1,P1,open\n",
			`t.csv:1: want 4 or 5 fields (id,priority,event,at[,term]), got 3`},
		{"a long id", "", strings.Repeat("T", 1025) + ",P1,open,2026-03-02T09:00:00Z\n",
			`t.csv:1: field 1 is longer than 1024 bytes: "TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT"…`},
		{"out of order", "", open + "T-1,P1,respond,2026-03-02T08:59:59Z\n",
			`t.csv:2: event: respond: at 2026-03-02T08:59:59Z, before the ticket's previous event at 2026-03-02T09:00:00Z (line 1)`},
		{"not opened", "", "T-1,P1,respond,2026-03-02T10:00:00Z\n",
			`t.csv:1: event: respond: the ticket's first event must be open`},
		{"opened twice", "", open + "T-1,P1,open,2026-03-02T10:00:00Z\n",
			`t.csv:2: event: open: the ticket is already open; open must be its first event`},
		{"responded twice", "", open + "T-1,P1,respond,2026-03-02T10:00:00Z\nT-1,P1,respond,2026-03-02T11:00:00Z\n",
			`t.csv:3: event: respond: the ticket was already responded to`},
		{"paused twice", "", open + "T-1,P1,pause,2026-03-02T10:00:00Z\nT-1,P1,pause,2026-03-02T11:00:00Z\n",
			`t.csv:3: event: pause: only a running ticket can be paused`},
		{"pause when resolved", "", open + "T-1,P1,resolve,2026-03-02T10:00:00Z\nT-1,P1,pause,2026-03-02T11:00:00Z\n",
			`t.csv:3: event: pause: only a running ticket can be paused`},
		{"resume when running", "", open + "T-1,P1,resume,2026-03-02T10:00:00Z\n",
			`t.csv:2: event: resume: the ticket is not paused`},
		{"resolved twice", "", open + "T-1,P1,resolve,2026-03-02T10:00:00Z\nT-1,P1,resolve,2026-03-02T11:00:00Z\n",
			`t.csv:3: event: resolve: the ticket is already resolved`},
		{"reopen when open", "", open + "T-1,P1,reopen,2026-03-02T10:00:00Z\n",
			`t.csv:2: event: reopen: only a resolved ticket can be reopened`},
		{"a broken rule before a malformed line is reported first", "", open + "T-1,P1,resume,2026-03-02T10:00:00Z\nT-2,P1,close,2026-03-02T11:00:00Z\n",
			`t.csv:2: event: resume: the ticket is not paused`},
		{"a malformed line before a broken rule is reported first", "", open + "T-2,P1,close,2026-03-02T11:00:00Z\nT-1,P1,resume,2026-03-02T10:00:00Z\n",
			`t.csv:2: event: "close": want open, respond, pause, resume, resolve or reopen`},
		{"of two tickets, the first broken line", "", "T-2,P1,open,2026-03-02T09:00:00Z\n" + open + "T-1,P1,resume,2026-03-02T10:00:00Z\nT-2,P1,resume,2026-03-02T10:00:00Z\n",
			`t.csv:3: event: resume: the ticket is not paused`},
		{"unknown term", "", "T-1,P1,open,2026-03-02T09:00:00Z,helpdesk\n",
			`t.csv:1: term: "helpdesk" is not a response term of the contract ("tickets")`},
		{"term changes", twoOfEach, "T-1,P1,open,2026-03-02T09:00:00Z,support\nT-1,P1,respond,2026-03-02T10:00:00Z,security\n",
			`t.csv:2: term: "security", but ticket T-1 belongs to term "support"`},
		{"term needed", twoOfEach, "T-1,P1,open,2026-03-02T09:00:00Z\n",
			`t.csv:1: term: missing: the contract has 2 response terms ("support", "security"); name one`},
		{"no response term", `{"name": "x", "terms": [{"name": "up", "kind": "availability", "segments": [{"name": "all", "target": "99%"}]}]}`,
			"T-1,P1,open,2026-03-02T09:00:00Z\n", `t.csv:1: term: the contract has no response term`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.contract
			if doc == "" {
				doc = string(sampleContract)
			}
			_, err := loadTickets([]byte(tt.data), "t.csv", parseContract(t, doc))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"zero", 0, "0s"},
		{"whole hours", 220 * time.Hour, "220h"},
		{"hours and minutes", time.Hour + 25*time.Minute, "1h25m"},
		{"all three", 5*time.Hour + 13*time.Minute + 48*time.Second, "5h13m48s"},
		{"hours and seconds", time.Hour + time.Second, "1h1s"},
		{"negative", -19 * time.Minute, "-19m"},
		{"a fraction of a second", 44*time.Minute + 38400*time.Millisecond, "44m38.4s"},
		{"the most negative", time.Duration(-1 << 63), "-2562047h47m16.854775808s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, span(tt.d))
		})
	}
}

func TestCell(t *testing.T) {
	assert.Equal(t, `a\|b c`, cell("a|b\nc"))
}

// FuzzLoadOutages: no file makes the loader panic; an error names the
// file and quotes no more than a short prefix of a value; accepted
// outages are non-empty and name a term of the contract or none.
func FuzzLoadOutages(f *testing.F) {
	f.Add(sampleOutages)
	f.Add([]byte("start,end\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,availability\n"))
	f.Add([]byte("\"a\nb\",c\n"))
	f.Add([]byte("\ufeffid,start,end,description,affected\nX,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,d,50%\n"))
	c := sample(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := loadOutages(data, "o.csv", c)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "o.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("error of %d bytes", len(err.Error()))
			}
			return
		}
		for _, inc := range got {
			if inc.Span.Empty() || inc.Term != "" && inc.Term != "availability" {
				t.Fatalf("incident %+v", inc)
			}
		}
	})
}

// FuzzLoadTickets: no file makes the loader panic; an error names the
// file; and whatever the loader accepts the contract evaluates, so a bad
// event is always reported with its line.
func FuzzLoadTickets(f *testing.F) {
	f.Add(sampleTickets)
	f.Add([]byte("T-1,P1,open,2026-03-02T09:00:00Z\nT-1,P1,resolve,2026-03-02T10:00:00Z\nT-1,P1,reopen,2026-03-02T10:00:00Z\nT-1,P1,pause,2026-03-02T11:00:00Z\nT-1,P1,resolve,2026-03-02T12:00:00Z\n"))
	f.Add([]byte("T-1,P1,open,2026-03-02T09:00:00Z\nT-1,P1,pause,2026-03-02T10:00:00Z\nT-1,P1,respond,2026-03-02T11:00:00Z\nT-1,P1,resume,2026-03-02T12:00:00Z\n"))
	c := sample(f)
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(f, err)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, loc), loc)
	f.Fuzz(func(t *testing.T, data []byte) {
		tickets, err := loadTickets(data, "t.csv", c)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "t.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if _, err := c.Evaluate(period, contract.Observations{Tickets: tickets}); err != nil {
			t.Fatalf("accepted tickets fail to evaluate: %v", err)
		}
	})
}

// TestLoadTicketsFollowsValidate is a property test of the loader: it
// keeps no ticket rules of its own. For random event sequences it accepts
// exactly what ticket.Validate accepts, reports a refused event on the
// line that event came from, and what it accepts the contract evaluates.
func TestLoadTicketsFollowsValidate(t *testing.T) {
	c := sample(t)
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	period := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, loc), loc)
	kinds := []ticket.EventKind{ticket.Open, ticket.Respond, ticket.Pause, ticket.Resume, ticket.Resolve, ticket.Reopen}
	rng := newRand(t)
	accepted, refused := 0, 0
	for range 20000 {
		var b strings.Builder
		var events []ticket.Event
		at := period.Start.Add(time.Duration(rng.IntN(40*24)) * time.Hour)
		for i := range 1 + rng.IntN(8) {
			kind := kinds[rng.IntN(len(kinds))]
			if i == 0 && rng.IntN(4) > 0 {
				kind = ticket.Open
			}
			at = at.Add(time.Duration(rng.IntN(30*60)-60) * time.Minute) // now and then backwards
			events = append(events, ticket.Event{Kind: kind, At: at})
			b.WriteString("T-1,P2," + kind.String() + "," + at.Format(time.RFC3339) + "\n")
		}
		tickets, err := loadTickets([]byte(b.String()), "t.csv", c)
		verr := ticket.Validate(events)
		if verr != nil {
			refused++
			var ee *ticket.EventError
			require.ErrorAs(t, verr, &ee)
			var ie *inputError
			require.ErrorAs(t, err, &ie, "Validate refuses %v:\n%s", verr, b.String())
			// One event a line, no header: event k is on line k+1.
			require.Equal(t, ee.Index+1, ie.Line, "%v\n%s", err, b.String())
			require.Equal(t, "event", ie.Field)
			continue
		}
		require.NoError(t, err, "Validate accepts:\n%s", b.String())
		accepted++
		_, err = c.Evaluate(period, contract.Observations{Tickets: tickets})
		require.NoError(t, err, "events accepted by the loader:\n%s", b.String())
	}
	t.Logf("%d accepted, %d refused", accepted, refused)
	assert.Greater(t, accepted, 2000, "accepted sequences")
	assert.Greater(t, refused, 2000, "refused sequences")
}

// newRand returns a seeded random source and logs its seed, so that a
// failure can be replayed.
func newRand(t *testing.T) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	return rand.New(rand.NewPCG(seed, 0))
}

// TestHolidaysAndMaintenanceFiles: --holidays and --maintenance, files
// read with the calendar adapters. An iCalendar all-day event makes
// Tuesday 10 March a holiday, which takes 10 hours from March's 220
// business hours; a timed event of two hours on Sunday 15 March, 01:00 to
// 03:00 New York time, takes 2 from the other times, which already lose
// the hour of the sample's own maintenance: 523 + 10 − 1 − 2 = 530 h.
func TestHolidaysAndMaintenanceFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(strings.ReplaceAll(content, "\n", "\r\n")), 0o644))
		return p
	}
	holidays := write("holidays.ics", `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//holidays//EN
BEGIN:VEVENT
UID:company-day@example.com
SUMMARY:Company day
DTSTART;VALUE=DATE:20260310
END:VEVENT
END:VCALENDAR
`)
	maint := write("maintenance.ics", `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//maintenance//EN
BEGIN:VEVENT
UID:network@example.com
SUMMARY:Network upgrade
DTSTART;TZID=America/New_York:20260315T010000
DTEND;TZID=America/New_York:20260315T030000
END:VEVENT
END:VCALENDAR
`)
	in := inputs{period: "2026-03", holidaysFile: holidays, maintenanceFile: maint}
	r, err := in.evaluate()
	require.NoError(t, err)
	segs := r.Result.Terms[0].Segments
	assert.Equal(t, 210*time.Hour, segs[0].Measured)
	assert.Equal(t, 530*time.Hour, segs[1].Measured)
	require.Len(t, r.Maintenance, 2)
	assert.Equal(t, "Network upgrade", r.Maintenance[1].Title)

	// The same holiday from a GOV.UK bank-holidays file, whose division
	// --region chooses.
	uk := write("bank-holidays.json", `{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Company day","date":"2026-03-10","notes":"","bunting":false}]},`+
		`"scotland":{"division":"scotland","events":[]}}`)
	in = inputs{period: "2026-03", holidaysFile: uk, region: "england-and-wales"}
	r, err = in.evaluate()
	require.NoError(t, err)
	assert.Equal(t, 210*time.Hour, r.Result.Terms[0].Segments[0].Measured)

	// Through the command line, with the errors a user sees.
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"both files", []string{"--period", "2026-03", "--holidays", holidays, "--maintenance", maint}, 0, "Network upgrade"},
		{"a file of several divisions without --region", []string{"--period", "2026-03", "--holidays", uk}, 2,
			uk + `: --holidays: the file has 2 divisions ("england-and-wales", "scotland"); choose one with --region`},
		{"--region without --holidays", []string{"--period", "2026-03", "--region", "scotland"}, 2,
			"quickstart: --region needs --holidays"},
		{"an iCalendar file without all-day events", []string{"--period", "2026-03", "--holidays", maint}, 0,
			"quickstart: warning: no all-day events in " + maint + ": no holidays read\n"},
		{"no such holiday file", []string{"--holidays", filepath.Join(dir, "none.ics")}, 2, "none.ics: cannot read"},
		{"not a holiday file", []string{"--holidays", write("outages.csv", "start,end\n")}, 2, "outages.csv: --holidays: holidayfile: not a holiday file"},
		{"maintenance file not iCalendar", []string{"--period", "2026-03", "--maintenance", uk}, 2, "--maintenance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, tc.code, code, stderr.String())
			assert.Contains(t, stdout.String()+stderr.String(), tc.want)
		})
	}
}
