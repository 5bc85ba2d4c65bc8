package contract_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// TestErrorsQuoteAPrefix: a value, key or name of about 1 MiB, in a
// contract document (as long as MaxContractBytes allows) or in a contract
// built in Go, gives an error that quotes a short prefix of it: a cut
// text is at most 95 bytes (64 quoted, then its length, as
// internal/quote cuts), and a cut path at most 79 (64, then its length).
// An error's own words, the line and the path of the field take at most
// about 100 bytes more, so an error that cuts one text stays under 200
// bytes, and one that cuts two (a path and the key that ends it, or a
// name and the field it is in) under 300, three under 400. Where the
// package that found the problem says what form it wants (a target, a
// share, a ticket limit, money: "want digits, an optional fraction and
// an optional %, as in ..."), its words take up to 100 bytes more.
func TestErrorsQuoteAPrefix(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	// The seed with one edit, the longest text a document may hold
	// beside it.
	long := strings.Repeat("x", contract.MaxContractBytes-len(seed)-200)
	edit := func(oldNew ...string) func(*testing.T) error {
		return func(t *testing.T) error {
			doc := string(seed)
			for i := 0; i < len(oldNew); i += 2 {
				doc = strings.Replace(doc, oldNew[i], oldNew[i+1], 1)
			}
			require.NotEqual(t, string(seed), doc, "the edit must change the document")
			require.LessOrEqual(t, len(doc), contract.MaxContractBytes)
			_, err := contract.Parse([]byte(doc))
			return err
		}
	}
	half := long[:len(long)/2]
	huge := strings.Repeat("x", 1<<20)
	built := func(c contract.Contract) func(*testing.T) error {
		return func(*testing.T) error { _, err := c.Validate(); return err }
	}
	always := func(name string) contract.Segment {
		return contract.Segment{Name: name, Schedule: contract.Always(), Target: sla.MustTarget("99%")}
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	period := window.Interval{Start: at, End: at.AddDate(0, 1, 0)}
	evaluate := func(c contract.Contract, obs contract.Observations) func(*testing.T) error {
		return func(*testing.T) error { _, err := c.Evaluate(period, obs); return err }
	}
	oneTerm := contract.Contract{Terms: []contract.Term{{Name: "api", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{always("all")}}}}}
	for _, tc := range []struct {
		name string
		most int
		err  func(*testing.T) error
	}{
		{"kind", 200, edit(`"kind": "response"`, `"kind": "`+long+`"`)},
		{"target", 300, edit(`"target": "99%"`, `"target": "`+long+`"`)},
		{"credit", 300, edit(`"credit": "5%"`, `"credit": "`+long+`"`)},
		{"min_outage", 200, edit(`"kind": "availability",`, `"kind": "availability", "min_outage": "`+long+`",`)},
		{"measure", 200, edit(`"kind": "availability",`, `"kind": "availability", "measure": "`+long+`",`)},
		{"exclusion", 200, edit(`"kind": "availability",`, `"kind": "availability", "exclusions": ["`+long+`"],`)},
		{"during, no such calendar", 200, edit(`"during": "business"`, `"during": "`+long+`"`)},
		{"obligations", 200, edit(`"report_within": "4h"`, `"report_within": "`+long+`"`)},
		{"respond", 300, edit(`"respond": "1h business"`, `"respond": "`+long+`"`)},
		{"fee", 300, edit(`"obligations":`, `"credit_policy": {"fee": "`+long+`"}, "obligations":`)},
		{"term name used twice", 200, edit(`"name": "availability"`, `"name": "`+half+`"`, `"name": "tickets"`, `"name": "`+half+`"`)},
		{"unknown field", 300, edit(`"kind": "availability",`, `"kind": "availability", "`+long+`": 1,`)},
		{"key given twice", 300, edit(`"kind": "availability",`, `"kind": "availability", "`+half+`": 1, "`+half+`": 2,`)},
		{"calendar name in the path", 300, edit(`"business": {`, `"`+long+`": {"zone": "Mars/Olympus_Mons"}, "business": {`)},
		{"zone", 200, edit(`America/New_York`, long)},
		{"a long number of the wrong type", 200, edit(`"name": "Example API"`, `"name": 1`+strings.Repeat("0", len(long)))},

		{"Validate, term name used twice", 200, built(contract.Contract{Terms: []contract.Term{
			{Name: huge, Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{always("a")}}},
			{Name: huge, Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{always("a")}}},
		}})},
		{"Validate, segment name used twice", 200, built(contract.Contract{Terms: []contract.Term{
			{Name: "t", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{always(huge), always(huge)}}},
		}})},
		{"Validate, fee", 200, built(contract.Contract{Terms: oneTerm.Terms, CreditPolicy: contract.CreditPolicy{Fee: contract.Money{Minor: 1, Currency: huge}}})},
		{"ParseMoney", 200, func(*testing.T) error { _, err := contract.ParseMoney(huge); return err }},
		{"Method.UnmarshalText", 200, func(*testing.T) error { var m contract.Method; return m.UnmarshalText([]byte(huge)) }},
		{"Evaluate, an incident", 200, evaluate(oneTerm, contract.Observations{Incidents: []contract.Incident{
			{ID: huge, Term: "api", Span: window.Interval{Start: at, End: at}},
		}})},
		{"Evaluate, an incident of no term", 300, evaluate(oneTerm, contract.Observations{Incidents: []contract.Incident{
			{ID: huge, Term: huge, Span: window.Interval{Start: at, End: at.Add(time.Hour)}},
		}})},
		{"Evaluate, a ticket of no term", 300, evaluate(oneTerm, contract.Observations{Tickets: []contract.Ticket{
			{ID: huge, Term: huge, Priority: "P1"},
		}})},
		{"Evaluate, a ticket of no priority", 400, evaluate(contract.Contract{Terms: []contract.Term{{Name: huge, Response: &contract.ResponseTerm{
			Policy: ticket.Policy{Priorities: []ticket.Priority{{Name: "P1", Respond: ticket.Limit{Within: time.Hour, Basis: ticket.Wall}}}},
		}}}}, contract.Observations{Tickets: []contract.Ticket{{ID: huge, Term: huge, Priority: huge}}})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err(t)
			require.Error(t, err)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.400s…", n, tc.most, err)
			}
		})
	}
}
