package breach_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

const adaptContract = `{
  "name": "Example API",
  "calendars": {"business": {"zone": "America/New_York",
    "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
  "terms": [
    {"name": "availability", "kind": "availability", "segments": [
      {"name": "business hours", "during": "business", "target": "99.5%"},
      {"name": "other times", "outside": "business", "target": "99%"}]},
    {"name": "tickets", "kind": "response", "calendar": "business",
     "priorities": [{"name": "P1", "respond": "1h business", "resolve": "8h business"}]}
  ],
  "credits": [{"below": "99.5%", "at_least": "99%", "credit": "10%"}, {"below": "99%", "credit": "25%"}],
  "obligations": {"report_within": "4h", "resolve_within": "20h", "calendar": "business"}
}`

// TestFromReportWithRealCalendar opens breaches from a live evaluation of
// March 2026 made on Friday 6 March at 17:30 EST (22:30 UTC), and checks
// their deadlines in the contract's New York business hours (Mon-Fri
// 08:00-18:00), across a weekend and the DST change of Sunday 8 March.
//
// Availability: an outage Fri 16:00-18:00 EST is 2 h of business time
// against an allowance of 0.5% × 220 h = 66 min, so the business-hours
// segment is missed; its budget ran out at 17:06 EST (22:06 UTC). It is
// detected at the evaluation, 17:30 EST, not earlier. 99.5%-of-the-month
// availability: (792,000 − 7,200)/792,000 = 99.09%: tier "below 99.5%, at
// least 99%": 10%.
//
//	report due: 4 h of business time from Fri 17:30 EST: 30 min on Friday,
//	then Monday 9 March, now on EDT: 08:00 + 3 h 30 min = 11:30 EDT = 15:30 UTC.
//	resolve due: 20 h: 30 min Friday, 10 h Monday, then Tuesday 08:00 +
//	9 h 30 min = 17:30 EDT = 21:30 UTC.
//
// Ticket: a P1 opened Fri 16:00 EST and not answered by 17:30 has used
// 1 h 30 min of its 1 h response time; it breached at 17:00 EST (22:00 UTC)
// and its clock detected it then. Report due: 1 h on Friday (17:00-18:00),
// Monday 08:00 + 3 h = 11:00 EDT = 15:00 UTC.
func TestFromReportWithRealCalendar(t *testing.T) {
	c, err := contract.Parse([]byte(adaptContract))
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	est := func(hh, mm int) time.Time { return time.Date(2026, 3, 6, hh, mm, 0, 0, ny) }
	period := window.Month.Containing(est(12, 0), ny)
	rep, err := c.Evaluate(period, contract.Observations{
		Outages: map[string]window.Set{"": window.NewSet(window.Between(est(16, 0), est(18, 0)))},
		Tickets: []contract.Ticket{{ID: "T-1", Priority: "P1", Events: []ticket.Event{{Kind: ticket.Open, At: est(16, 0)}}}},
		Now:     est(17, 30),
	})
	require.NoError(t, err)

	facts := breach.FromReport(rep)
	require.Len(t, facts, 2)
	ob := c.Obligations
	utc := func(d, hh, mm int) time.Time { return time.Date(2026, 3, d, hh, mm, 0, 0, time.UTC) }

	avail, err := breach.Open(facts[0], ob)
	require.NoError(t, err)
	assert.Equal(t, "availability/business hours/2026-03-01T05:00:00Z", avail.ID())
	f := avail.Facts()
	assert.Equal(t, breach.Availability, f.Kind)
	assert.Equal(t, "business hours", f.Segment)
	assert.Equal(t, sla.MustTarget("99.5%"), f.Target)
	assert.Equal(t, 54*time.Minute, f.Shortfall, "2 h down − 66 min allowed")
	assert.True(t, f.OccurredAt.Equal(utc(6, 22, 6)), "occurred %v", f.OccurredAt)
	assert.True(t, f.DetectedAt.Equal(utc(6, 22, 30)), "detected %v", f.DetectedAt)
	assert.Equal(t, sla.MustShare("10%"), f.Credit)
	assert.True(t, avail.ReportDue().Equal(utc(9, 15, 30)), "report due %v", avail.ReportDue())
	assert.True(t, avail.ResolveDue().Equal(utc(10, 21, 30)), "resolve due %v", avail.ResolveDue())

	ticket, err := breach.Open(facts[1], ob)
	require.NoError(t, err)
	assert.Equal(t, "tickets/T-1/respond/1", ticket.ID())
	tf := ticket.Facts()
	assert.Equal(t, breach.Response, tf.Kind)
	assert.Equal(t, time.Hour, tf.TargetDuration)
	assert.Equal(t, 90*time.Minute, tf.Elapsed)
	assert.Equal(t, 30*time.Minute, tf.Shortfall)
	assert.True(t, tf.OccurredAt.Equal(utc(6, 22, 0)), "occurred %v", tf.OccurredAt)
	assert.True(t, ticket.ReportDue().Equal(utc(9, 15, 0)), "report due %v", ticket.ReportDue())

	// The records go through a ledger and come back the same.
	var buf bytes.Buffer
	l, err := breach.NewLedger(&buf, nil)
	require.NoError(t, err)
	for _, f := range facts {
		_, err := l.Open(f, ob)
		require.NoError(t, err)
	}
	back, err := breach.Replay(&buf)
	require.NoError(t, err)
	require.Len(t, back, 2)
	assert.True(t, back[0].Equal(avail))
	assert.True(t, back[1].Equal(ticket))
}

// TestFromReportReopenedTicket: a ticket whose first resolution breached
// and which was reopened gives a record for that first cycle.
//
// P1 opened Mon 2 Mar 08:00 EST, resolved Mon 17:00 (9 h > 8 h:
// breached at 16:00 EST = 21:00 UTC), reopened Tue 3 Mar 09:00, and
// resolved again at 10:00 (1 h: met).
func TestFromReportReopenedTicket(t *testing.T) {
	c, err := contract.Parse([]byte(adaptContract))
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	at := func(d, hh int) time.Time { return time.Date(2026, 3, d, hh, 0, 0, 0, ny) }
	rep, err := c.Evaluate(window.Month.Containing(at(2, 12), ny), contract.Observations{
		Tickets: []contract.Ticket{{ID: "T-2", Priority: "P1", Events: []ticket.Event{
			{Kind: ticket.Open, At: at(2, 8)},
			{Kind: ticket.Respond, At: at(2, 8)},
			{Kind: ticket.Resolve, At: at(2, 17)},
			{Kind: ticket.Reopen, At: at(3, 9)},
			{Kind: ticket.Resolve, At: at(3, 10)},
		}}},
	})
	require.NoError(t, err)
	facts := breach.FromReport(rep)
	require.Len(t, facts, 1)
	assert.Equal(t, "tickets/T-2/resolve/1", facts[0].ID)
	assert.Equal(t, 9*time.Hour, facts[0].Elapsed)
	assert.True(t, facts[0].OccurredAt.Equal(time.Date(2026, 3, 2, 21, 0, 0, 0, time.UTC)), "%v", facts[0].OccurredAt)
	_, err = breach.Open(facts[0], c.Obligations)
	require.NoError(t, err)
}
