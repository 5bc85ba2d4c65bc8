package ticket_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
)

// A *calendar.Calendar is a Schedule. The assertion lives in a test so
// that the package itself imports nothing of the module.
var _ ticket.Schedule = (*calendar.Calendar)(nil)

// The ticket conventions of FACTS.md, with the business time of a real
// calendar rather than a test schedule.
func TestClockWithCalendar(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, time.UTC) }

	t.Run("opened Friday 21:00, checked Monday 09:30", func(t *testing.T) {
		// 08:00-17:00 weekdays, UTC, 8 h target. Friday 21:00 is after
		// hours; the weekend is closed; Monday 08:00-09:30 is 1 h 30 min of
		// business time = 18.75% of 8 h. Actual time: Fri 21:00 to Mon 09:30
		// is 3 + 24 + 24 + 9.5 = 60.5 h.
		cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-17:00")))
		require.NoError(t, err)
		c := ticket.Clock{Target: 8 * time.Hour, Schedule: cal}
		st, err := c.Status([]ticket.ClockEvent{{Kind: ticket.ClockStart, At: utc(2026, 3, 6, 21, 0)}}, utc(2026, 3, 9, 9, 30))
		require.NoError(t, err)
		cur := st.Current()
		assert.Equal(t, 90*time.Minute, cur.Elapsed)
		assert.Equal(t, 60*time.Hour+30*time.Minute, cur.Actual)
		assert.Equal(t, "18.75%", cur.Percent(2))
		assert.False(t, cur.Breached)
	})

	t.Run("paused across a holiday", func(t *testing.T) {
		// 09:00-17:00 weekdays, UTC, Wednesday 4 March 2026 a holiday. An 8 h
		// target from Tue 09:00 is originally due Tue 17:00. Paused Tue 13:00
		// to Thu 11:00: the business time inside the pause is Tue 13:00-17:00
		// (4 h) + Wednesday (holiday, 0) + Thu 09:00-11:00 (2 h) = 6 h, so the
		// due time moves 6 business hours past Tue 17:00: Wed is closed, Thu
		// 09:00 + 6 h = Thu 15:00.
		holiday, err := calendar.ParseDate("2026-03-04")
		require.NoError(t, err)
		cal, err := calendar.New(time.UTC,
			calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
			calendar.Holidays(calendar.OnDate("Closure", holiday)))
		require.NoError(t, err)
		c := ticket.Clock{Target: 8 * time.Hour, Schedule: cal}
		st, err := c.Status([]ticket.ClockEvent{
			{Kind: ticket.ClockStart, At: utc(2026, 3, 3, 9, 0)},
			{Kind: ticket.ClockPause, At: utc(2026, 3, 3, 13, 0)},
			{Kind: ticket.ClockResume, At: utc(2026, 3, 5, 11, 0)},
		}, utc(2026, 3, 5, 12, 0))
		require.NoError(t, err)
		cur := st.Current()
		assert.True(t, cur.OriginalDue.Equal(utc(2026, 3, 3, 17, 0)), "original due %v", cur.OriginalDue)
		assert.True(t, cur.Due.Equal(utc(2026, 3, 5, 15, 0)), "due %v", cur.Due)
		assert.Equal(t, 5*time.Hour, cur.Elapsed, "Tue 09:00-13:00 and Thu 11:00-12:00")
	})
}

// TestZeroCalendarSchedule: a zero or nil *calendar.Calendar as the
// business schedule panicked inside the calendar at the first count; the
// clocks refuse it first with an error wrapping ErrClock.
func TestZeroCalendarSchedule(t *testing.T) {
	open := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	business := ticket.Limit{Within: time.Hour, Basis: ticket.Business}
	policy := ticket.Policy{Priorities: []ticket.Priority{{Name: "P1", Respond: business}}}
	var nilCal *calendar.Calendar
	for _, tc := range []struct {
		name string
		s    ticket.Schedule
	}{
		{"zero", new(calendar.Calendar)},
		{"nil pointer", nilCal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := policy.Status("P1", []ticket.Event{{Kind: ticket.Open, At: open}}, tc.s, open.Add(time.Hour))
			require.ErrorIs(t, err, ticket.ErrClock)
			assert.Contains(t, err.Error(), "zero value")
			_, err = ticket.Clock{Target: time.Hour, Schedule: tc.s}.Status([]ticket.ClockEvent{{Kind: ticket.ClockStart, At: open}}, open.Add(time.Hour))
			require.ErrorIs(t, err, ticket.ErrClock)
		})
	}
}
