package ticket_test

import (
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
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
	events := []ticket.ClockEvent{{Kind: ticket.ClockStart, At: at}}
	for range 9 {
		at = at.Add(60 * time.Hour)
		events = append(events, ticket.ClockEvent{Kind: ticket.ClockPause, At: at})
		at = at.Add(12 * time.Hour)
		events = append(events, ticket.ClockEvent{Kind: ticket.ClockResume, At: at})
	}
	events = append(events, ticket.ClockEvent{Kind: ticket.ClockStop, At: time.Date(2026, 3, 30, 12, 0, 0, 0, time.UTC)})
	now := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	c := ticket.Clock{Target: 40 * time.Hour, Schedule: cal}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Status(events, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPolicyStatusCalendar is one call for one ticket's status: a P2
// ticket opened, paused twice, responded to and resolved over a week, in
// the business time of a real calendar.
func BenchmarkPolicyStatusCalendar(b *testing.B) {
	cal := benchCalendar(b)
	policy := ticket.Policy{Priorities: []ticket.Priority{
		{Name: "P2", Respond: ticket.Limit{Within: 4 * time.Hour}, Resolve: ticket.Limit{Within: 16 * time.Hour}},
	}}
	at := func(day, h int) time.Time { return time.Date(2026, 3, day, h, 0, 0, 0, time.UTC) }
	events := []ticket.Event{
		{Kind: ticket.Open, At: at(2, 14)},
		{Kind: ticket.Pause, At: at(2, 16)},
		{Kind: ticket.Resume, At: at(3, 15)},
		{Kind: ticket.Respond, At: at(3, 16)},
		{Kind: ticket.Pause, At: at(4, 15)},
		{Kind: ticket.Resume, At: at(5, 15)},
		{Kind: ticket.Resolve, At: at(6, 18)},
	}
	now := at(9, 12)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.Status("P2", events, cal, now); err != nil {
			b.Fatal(err)
		}
	}
}
