package sla_test

import (
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// benchCalendar is Monday-Friday 09:00-17:00 in New York with the US
// federal holidays that fall on weekdays in a typical year.
func benchCalendar(b *testing.B) *calendar.Calendar {
	b.Helper()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		b.Fatal(err)
	}
	cal, err := calendar.New(ny,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(
			calendar.Fixed("New Year's Day", time.January, 1).Observed(calendar.NearestWeekday),
			calendar.NthWeekday("Martin Luther King Jr. Day", 3, time.Monday, time.January),
			calendar.NthWeekday("Washington's Birthday", 3, time.Monday, time.February),
			calendar.LastWeekday("Memorial Day", time.Monday, time.May),
			calendar.Fixed("Independence Day", time.July, 4).Observed(calendar.NearestWeekday),
			calendar.NthWeekday("Labor Day", 1, time.Monday, time.September),
			calendar.NthWeekday("Thanksgiving", 4, time.Thursday, time.November),
			calendar.Fixed("Christmas Day", time.December, 25).Observed(calendar.NearestWeekday),
		))
	if err != nil {
		b.Fatal(err)
	}
	return cal
}

// BenchmarkClockStatusCalendar is a ticket clock with 20 events over a
// month (a start, nine pauses and resumes, a stop) in the business time
// of a real calendar.
func BenchmarkClockStatusCalendar(b *testing.B) {
	cal := benchCalendar(b)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	events := []sla.ClockEvent{{Kind: sla.ClockStart, At: at}}
	for range 9 {
		at = at.Add(60 * time.Hour)
		events = append(events, sla.ClockEvent{Kind: sla.ClockPause, At: at})
		at = at.Add(12 * time.Hour)
		events = append(events, sla.ClockEvent{Kind: sla.ClockResume, At: at})
	}
	events = append(events, sla.ClockEvent{Kind: sla.ClockStop, At: time.Date(2026, 3, 30, 12, 0, 0, 0, time.UTC)})
	now := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	c := sla.ResponseClock{Target: 40 * time.Hour, Schedule: cal}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Status(events, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContractEvaluateMonth evaluates a contract of three terms —
// the seed contract's two (business hours and other times; tickets) and a
// second availability term that applies always — over March 2026, with
// 1,000 outages and 20 tickets.
func BenchmarkContractEvaluateMonth(b *testing.B) {
	data, err := os.ReadFile("testdata/seed-contract.json")
	if err != nil {
		b.Fatal(err)
	}
	c, err := sla.ParseContract(data)
	if err != nil {
		b.Fatal(err)
	}
	c.Terms = append(c.Terms, sla.Term{Name: "web", Availability: &sla.AvailabilityTerm{
		Segments: []sla.Segment{{Name: "always", Schedule: sla.Always(), Target: sla.MustTarget("99.9%")}},
		Rules:    sla.OutageRules{WholeMinutes: true},
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
	var tickets []sla.Ticket
	for i := range 20 {
		open := period.Start.Add(time.Duration(i) * 36 * time.Hour)
		tickets = append(tickets, sla.Ticket{ID: "T", Priority: "P1", Events: []sla.TicketEvent{
			{Kind: sla.TicketOpen, At: open},
			{Kind: sla.TicketRespond, At: open.Add(30 * time.Minute)},
			{Kind: sla.TicketResolve, At: open.Add(20 * time.Hour)},
		}})
	}
	obs := sla.Observations{Outages: map[string]window.Set{"": down}, Tickets: tickets}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Evaluate(period, obs); err != nil {
			b.Fatal(err)
		}
	}
}
