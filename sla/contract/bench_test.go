package contract_test

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// BenchmarkContractEvaluateMonth evaluates a contract of three terms —
// the seed contract's two (business hours and other times; tickets) and a
// second availability term that applies always — over March 2026, with
// 1,000 outages and 20 tickets.
func BenchmarkContractEvaluateMonth(b *testing.B) {
	data, err := os.ReadFile("testdata/seed-contract.json")
	if err != nil {
		b.Fatal(err)
	}
	c, err := contract.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	c.Terms = append(c.Terms, contract.Term{Name: "web", Availability: &contract.AvailabilityTerm{
		Segments: []contract.Segment{{Name: "always", Schedule: contract.Always(), Target: sla.MustTarget("99.9%")}},
		Rules:    sla.OutageRules{Minutes: sla.WholeMinutes},
	}})
	ny, _ := time.LoadLocation("America/New_York")
	period := window.Month.Containing(time.Date(2026, 3, 15, 0, 0, 0, 0, ny), ny)
	r := rand.New(rand.NewPCG(1, 1))
	outages := make([]window.Interval, 1000)
	for i := range outages {
		start := period.Start.Add(time.Duration(r.Int64N(int64(period.Duration()))))
		outages[i] = window.Between(start, start.Add(time.Duration(r.Int64N(int64(10*time.Minute)))))
	}
	down := window.NewSet(outages...)
	var tickets []contract.Ticket
	for i := range 20 {
		open := period.Start.Add(time.Duration(i) * 36 * time.Hour)
		tickets = append(tickets, contract.Ticket{ID: "T", Priority: "P1", Events: []ticket.Event{
			{Kind: ticket.Open, At: open},
			{Kind: ticket.Respond, At: open.Add(30 * time.Minute)},
			{Kind: ticket.Resolve, At: open.Add(20 * time.Hour)},
		}})
	}
	obs := contract.Observations{Outages: map[string]window.Set{"": down}, Tickets: tickets}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Evaluate(period, obs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse reads the seed contract (testdata/seed-contract.json,
// 1.3 KB: a calendar, two terms, five credit tiers, obligations), and the
// same document with a credit tier of the last term made to overlap the
// one before it, an error found after decoding, which is then given the
// line of its path in the document.
func BenchmarkParse(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	if err != nil {
		b.Fatal(err)
	}
	overlap := strings.Replace(string(seed), `{"below": "99%", "at_least": "95%", "credit": "25%"}`, `{"below": "99.2%", "at_least": "95%", "credit": "25%"}`, 1)
	for _, bc := range []struct {
		name  string
		doc   []byte
		valid bool
	}{
		{"valid", seed, true},
		{"overlapping tiers", []byte(overlap), false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := contract.Parse(bc.doc); (err == nil) != bc.valid {
					b.Fatal(err)
				}
			}
		})
	}
}
