package breach_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// periodContract holds tickets to a 1-hour response and a 48-hour
// resolution, both in wall time (every instant counts).
const periodContract = `{
  "name": "Desk",
  "terms": [
    {"name": "tickets", "kind": "response",
     "priorities": [{"name": "P1", "respond": "1h wall", "resolve": "48h wall"}]}
  ],
  "obligations": {"report_within": "4h", "resolve_within": "24h"}
}`

// TestFromReportOnlyThePeriodsBreaches: a report carries in tickets
// opened in an earlier period and still open, and FromReport returned
// their breaches of the earlier period again; the IDs of a ticket's
// breaches do not name the period, so appending March's records and then
// April's to one ledger failed with ErrDuplicateID. A report now gives
// the breaches whose instant lies in its period, [Start, End).
//
// Each ticket is opened and answered at once (no response breach) and
// never resolved; its resolution clock breaches 48 h of wall time after
// it opened, at the last instant at which the elapsed time equals the
// target (ticket.Cycle.BreachedAt):
//
//	A: opened 28 March 10:00 UTC, breaches 30 March 10:00: March's only,
//	   though it is still open, and carried in, in April.
//	B: opened 31 March 12:00, breaches 2 April 12:00: April's only, though
//	   March's report, made on 3 April, sees it breached.
//	C: opened 30 March 00:00, breaches 1 April 00:00, the first instant of
//	   April: April's only.
func TestFromReportOnlyThePeriodsBreaches(t *testing.T) {
	c, err := contract.Parse([]byte(periodContract))
	require.NoError(t, err)
	at := func(month time.Month, d, hh int) time.Time { return time.Date(2026, month, d, hh, 0, 0, 0, time.UTC) }
	open := func(id string, opened time.Time) contract.Ticket {
		return contract.Ticket{ID: id, Priority: "P1", Events: []ticket.Event{
			{Kind: ticket.Open, At: opened}, {Kind: ticket.Respond, At: opened}}}
	}
	tickets := []contract.Ticket{
		open("A", at(time.March, 28, 10)),
		open("B", at(time.March, 31, 12)),
		open("C", at(time.March, 30, 0)),
	}
	march := window.Month.Containing(at(time.March, 15, 0), time.UTC)
	april := window.Month.Containing(at(time.April, 15, 0), time.UTC)

	type breachAt struct {
		ID string
		At time.Time
	}
	got := func(period window.Interval, now time.Time) []breachAt {
		rep, err := c.Evaluate(period, contract.Observations{Tickets: tickets, Now: now})
		require.NoError(t, err)
		var out []breachAt
		for _, f := range breach.FromReport(rep) {
			require.True(t, f.Period == period, "%s: period %v", f.ID, f.Period)
			out = append(out, breachAt{f.ID, f.OccurredAt})
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		period window.Interval
		now    time.Time
		want   []breachAt
	}{
		{"March, at its end", march, march.End, []breachAt{{"tickets/A/resolve/1", at(time.March, 30, 10)}}},
		{"March, made on 3 April", march, at(time.April, 3, 0), []breachAt{{"tickets/A/resolve/1", at(time.March, 30, 10)}}},
		{"April", april, april.End, []breachAt{
			{"tickets/B/resolve/1", at(time.April, 2, 12)},
			{"tickets/C/resolve/1", at(time.April, 1, 0)},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, got(tc.period, tc.now)); diff != "" {
				t.Errorf("FromReport (-want +got):\n%s", diff)
			}
		})
	}

	// One ledger takes March's records and then April's: no breach twice.
	var buf bytes.Buffer
	l, err := breach.NewLedger(&buf, nil)
	require.NoError(t, err)
	for _, rp := range []struct {
		period window.Interval
		now    time.Time
	}{{march, at(time.April, 3, 0)}, {april, april.End}} {
		rep, err := c.Evaluate(rp.period, contract.Observations{Tickets: tickets, Now: rp.now})
		require.NoError(t, err)
		for _, f := range breach.FromReport(rep) {
			_, err := l.Open(f, c.Obligations)
			require.NoError(t, err)
		}
	}
	records, err := breach.Replay(&buf)
	require.NoError(t, err)
	require.Len(t, records, 3)
}
