package contracttest

import (
	_ "embed"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

//go:embed contract.json
var contractJSON []byte

// underTest loads the contract under test.
func underTest(t *testing.T) contract.Contract {
	t.Helper()
	c, err := contract.Parse(contractJSON)
	require.NoError(t, err)
	return c
}

// newYork returns a function that reads a wall-clock time in New York,
// the zone of the contract's business hours.
func newYork(t *testing.T) func(year int, month time.Month, day, hour, min, sec int) time.Time {
	t.Helper()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return func(year int, month time.Month, day, hour, min, sec int) time.Time {
		return time.Date(year, month, day, hour, min, sec, 0, ny)
	}
}

// segmentOutcome is what a case pins of one availability segment.
type segmentOutcome struct {
	Down   time.Duration
	Met    bool
	Credit string
}

// TestAvailabilityTerms pins what outages in March 2026 cost under the
// contract. The figures every case starts from:
//
//   - March 2026 in New York runs from local midnight on 1 March to local
//     midnight on 1 April: 743 hours, one lost when DST starts on Sunday
//     8 March (FACTS.md).
//   - Business hours, Mon–Fri 08:00–18:00, cover 22 weekdays: 792 000 s =
//     220 h (FACTS.md). 99.5% of that allows 0.5% × 792 000 s = 3960 s =
//     1h06m of outage; 98%, the floor of the 10% tier, allows 15 840 s =
//     4h24m; 95%, the floor of the 25% tier, 39 600 s = 11h.
//   - Other times are 743 h − 220 h = 523 h = 1 882 800 s. 99% of that
//     allows 18 828 s = 5h13m48s; the segment's own tiers give 10% below
//     99% down to 95% (94 140 s = 26h09m of outage) and 25% below that.
//   - Only whole minutes of outage count (whole_minutes).
//   - The contract's credit for the month is the largest of its segments';
//     credits of different segments do not add up.
func TestAvailabilityTerms(t *testing.T) {
	c := underTest(t)
	ny := newYork(t)
	march := window.Month.Containing(ny(2026, 3, 15, 12, 0, 0), ny(2026, 3, 1, 0, 0, 0).Location())
	require.Equal(t, 743*time.Hour, march.Duration())
	none := segmentOutcome{Met: true, Credit: "0%"}

	tests := []struct {
		name     string
		outages  []window.Interval
		business segmentOutcome
		other    segmentOutcome
		credit   string // for the month
	}{
		{
			// Tuesday 10 March, 10:00–14:00: 14 400 s of business time
			// down, more than the 3960 s allowed and less than the 15 840 s
			// that would leave the 10% tier: (792 000 − 14 400) / 792 000
			// = 98.18%.
			name:     "a 4-hour outage on a weekday in March costs a 10% credit",
			outages:  []window.Interval{window.Between(ny(2026, 3, 10, 10, 0, 0), ny(2026, 3, 10, 14, 0, 0))},
			business: segmentOutcome{Down: 4 * time.Hour, Met: false, Credit: "10%"},
			other:    none,
			credit:   "10%",
		},
		{
			// Sunday 15 March is closed all day: 1800 s of the 18 828 s
			// allowed at other times, 99.90%, and business hours lose
			// nothing.
			name:     "a 30-minute outage at 03:00 on a Sunday costs nothing",
			outages:  []window.Interval{window.Between(ny(2026, 3, 15, 3, 0, 0), ny(2026, 3, 15, 3, 30, 0))},
			business: none,
			other:    segmentOutcome{Down: 30 * time.Minute, Met: true, Credit: "0%"},
			credit:   "0%",
		},
		{
			// 1h06m is exactly the 3960 s allowed: 99.5% exactly meets a
			// 99.5% target, and the 10% tier is "below 99.5%".
			name:     "an outage of exactly the allowance meets the target",
			outages:  []window.Interval{window.Between(ny(2026, 3, 11, 9, 0, 0), ny(2026, 3, 11, 10, 6, 0))},
			business: segmentOutcome{Down: 66 * time.Minute, Met: true, Credit: "0%"},
			other:    none,
			credit:   "0%",
		},
		{
			// 1h07m = 4020 s > 3960 s: 99.49%, the 10% tier.
			name:     "one minute more misses the target and costs 10%",
			outages:  []window.Interval{window.Between(ny(2026, 3, 11, 9, 0, 0), ny(2026, 3, 11, 10, 7, 0))},
			business: segmentOutcome{Down: 67 * time.Minute, Met: false, Credit: "10%"},
			other:    none,
			credit:   "10%",
		},
		{
			// 09:00:10–09:00:50 holds no whole minute.
			name:     "a 40-second blip costs nothing",
			outages:  []window.Interval{window.Between(ny(2026, 3, 11, 9, 0, 10), ny(2026, 3, 11, 9, 0, 50))},
			business: none,
			other:    none,
			credit:   "0%",
		},
		{
			// 10:00:30–11:07:30 keeps the 66 whole minutes 10:01–11:07,
			// exactly the allowance: the partial minutes at each end do not
			// tip it over.
			name:     "partial minutes at the ends of an outage do not count",
			outages:  []window.Interval{window.Between(ny(2026, 3, 11, 10, 0, 30), ny(2026, 3, 11, 11, 7, 30))},
			business: segmentOutcome{Down: 66 * time.Minute, Met: true, Credit: "0%"},
			other:    none,
			credit:   "0%",
		},
		{
			// 4h24m = 15 840 s leaves exactly 98%, and the 10% tier is "at
			// least 98%".
			name:     "4h24m on a weekday is the most that costs only 10%",
			outages:  []window.Interval{window.Between(ny(2026, 3, 12, 8, 0, 0), ny(2026, 3, 12, 12, 24, 0))},
			business: segmentOutcome{Down: 4*time.Hour + 24*time.Minute, Met: false, Credit: "10%"},
			other:    none,
			credit:   "10%",
		},
		{
			// 4h25m = 15 900 s: 97.99%, the 25% tier.
			name:     "4h25m on a weekday costs 25%",
			outages:  []window.Interval{window.Between(ny(2026, 3, 12, 8, 0, 0), ny(2026, 3, 12, 12, 25, 0))},
			business: segmentOutcome{Down: 4*time.Hour + 25*time.Minute, Met: false, Credit: "25%"},
			other:    none,
			credit:   "25%",
		},
		{
			// Friday 13 March 17:00–19:00: 17:00–18:00 is business time,
			// 18:00–19:00 is not. Each hour is within its own segment's
			// allowance (3960 s and 18 828 s).
			name:     "an outage across the close of business is split between the segments",
			outages:  []window.Interval{window.Between(ny(2026, 3, 13, 17, 0, 0), ny(2026, 3, 13, 19, 0, 0))},
			business: segmentOutcome{Down: time.Hour, Met: true, Credit: "0%"},
			other:    segmentOutcome{Down: time.Hour, Met: true, Credit: "0%"},
			credit:   "0%",
		},
		{
			// Sunday 8 March, midnight to midnight, lasts 23 hours: the
			// clocks skip 02:00–03:00. 82 800 s of 1 882 800 s leaves
			// 95.60% at other times: the segment's 10% tier.
			name:     "a whole Sunday down on the day DST starts is 23 hours",
			outages:  []window.Interval{window.Between(ny(2026, 3, 8, 0, 0, 0), ny(2026, 3, 9, 0, 0, 0))},
			business: none,
			other:    segmentOutcome{Down: 23 * time.Hour, Met: false, Credit: "10%"},
			credit:   "10%",
		},
		{
			// 4h30m on Monday 16 March (97.95%, 25%) and all of Saturday
			// 21 March, 86 400 s (95.41%, 10%): the month's credit is 25%,
			// not 35%.
			name: "credits of the segments do not add up",
			outages: []window.Interval{
				window.Between(ny(2026, 3, 16, 9, 0, 0), ny(2026, 3, 16, 13, 30, 0)),
				window.Between(ny(2026, 3, 21, 0, 0, 0), ny(2026, 3, 22, 0, 0, 0)),
			},
			business: segmentOutcome{Down: 4*time.Hour + 30*time.Minute, Met: false, Credit: "25%"},
			other:    segmentOutcome{Down: 24 * time.Hour, Met: false, Credit: "10%"},
			credit:   "25%",
		},
		{
			// Outages are clipped to the period: 28 February 23:00 to
			// 1 March 01:00 counts the hour after midnight on Sunday
			// 1 March only.
			name:     "an outage that starts in the previous month counts only its part in March",
			outages:  []window.Interval{window.Between(ny(2026, 2, 28, 23, 0, 0), ny(2026, 3, 1, 1, 0, 0))},
			business: none,
			other:    segmentOutcome{Down: time.Hour, Met: true, Credit: "0%"},
			credit:   "0%",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := c.Evaluate(march, contract.Observations{
				Outages: map[string]window.Set{"availability": window.NewSet(tc.outages...)},
			})
			require.NoError(t, err)
			term := termNamed(t, rep, "availability")
			require.Len(t, term.Segments, 2)
			b, o := term.Segments[0], term.Segments[1]
			require.Equal(t, "business hours", b.Name)
			require.Equal(t, "other times", o.Name)
			assert.Equal(t, 220*time.Hour, b.Measured)
			assert.Equal(t, 523*time.Hour, o.Measured)

			got := struct{ Business, Other segmentOutcome }{
				segmentOutcome{b.Down, b.Met, b.Credit.String()},
				segmentOutcome{o.Down, o.Met, o.Credit.String()},
			}
			want := struct{ Business, Other segmentOutcome }{tc.business, tc.other}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
			assert.Equal(t, tc.credit, rep.Credit.String(), "credit for the month")
			assert.Equal(t, tc.business.Met && tc.other.Met, term.Met)
		})
	}
}

// clockOutcome is what a case pins of one ticket clock.
type clockOutcome struct {
	Elapsed  time.Duration
	Due      time.Time
	Breached bool
}

// TestSupportTerms pins what the response goals mean. P1: respond within
// 15 minutes of wall time, resolve within 2 business hours; P2: respond
// within 1 business hour, resolve within 8. Business hours are Mon–Fri
// 08:00–18:00 New York time; 4 July 2026 is a Saturday and is observed on
// Friday 3 July. A goal is breached only when strictly more than its time
// has elapsed.
func TestSupportTerms(t *testing.T) {
	c := underTest(t)
	ny := newYork(t)
	loc := ny(2026, 1, 1, 0, 0, 0).Location()
	open := func(at time.Time) ticket.Event { return ticket.Event{Kind: ticket.Open, At: at} }
	event := func(k ticket.EventKind, at time.Time) ticket.Event { return ticket.Event{Kind: k, At: at} }

	tests := []struct {
		name     string
		priority string
		events   []ticket.Event
		now      time.Time
		respond  *clockOutcome // nil: not checked
		resolve  clockOutcome
	}{
		{
			// Friday 6 March 17:30 to the 18:00 close is 30 minutes; the
			// other 1h30m starts at 08:00 on Monday 9 March, the day after
			// DST starts: due 09:30 EDT. At 09:00 Monday 1h30m has
			// elapsed. Answered after 10 minutes of the 15 allowed.
			name:     "a P1 ticket opened Friday 17:30 is due Monday 09:30",
			priority: "P1",
			events:   []ticket.Event{open(ny(2026, 3, 6, 17, 30, 0)), event(ticket.Respond, ny(2026, 3, 6, 17, 40, 0))},
			now:      ny(2026, 3, 9, 9, 0, 0),
			respond:  &clockOutcome{Elapsed: 10 * time.Minute, Due: ny(2026, 3, 6, 17, 45, 0)},
			resolve:  clockOutcome{Elapsed: 90 * time.Minute, Due: ny(2026, 3, 9, 9, 30, 0)},
		},
		{
			// Resolved at the due instant: exactly 2h elapsed, not more.
			name:     "a P1 resolved at 09:30 on Monday is on time",
			priority: "P1",
			events: []ticket.Event{
				open(ny(2026, 3, 6, 17, 30, 0)),
				event(ticket.Respond, ny(2026, 3, 6, 17, 40, 0)),
				event(ticket.Resolve, ny(2026, 3, 9, 9, 30, 0)),
			},
			now:     ny(2026, 3, 9, 12, 0, 0),
			resolve: clockOutcome{Elapsed: 2 * time.Hour, Due: ny(2026, 3, 9, 9, 30, 0)},
		},
		{
			// One minute later, 2h01m have elapsed: breached.
			name:     "a P1 resolved at 09:31 on Monday is late",
			priority: "P1",
			events: []ticket.Event{
				open(ny(2026, 3, 6, 17, 30, 0)),
				event(ticket.Respond, ny(2026, 3, 6, 17, 40, 0)),
				event(ticket.Resolve, ny(2026, 3, 9, 9, 31, 0)),
			},
			now:     ny(2026, 3, 9, 12, 0, 0),
			resolve: clockOutcome{Elapsed: 2*time.Hour + time.Minute, Due: ny(2026, 3, 9, 9, 30, 0), Breached: true},
		},
		{
			// Nobody answered: the 15 wall minutes ran out at 17:45 on
			// Friday, while the resolution goal is still on time. Wall
			// time from Friday 17:30 EST to Monday 09:00 EDT is 63h30m on
			// the clock face less the hour skipped on Sunday: 62h30m.
			name:     "a P1 left unanswered over the weekend misses the response goal",
			priority: "P1",
			events:   []ticket.Event{open(ny(2026, 3, 6, 17, 30, 0))},
			now:      ny(2026, 3, 9, 9, 0, 0),
			respond:  &clockOutcome{Elapsed: 62*time.Hour + 30*time.Minute, Due: ny(2026, 3, 6, 17, 45, 0), Breached: true},
			resolve:  clockOutcome{Elapsed: 90 * time.Minute, Due: ny(2026, 3, 9, 9, 30, 0)},
		},
		{
			// The response goal counts wall time, nights included:
			// answered 20 minutes after a 02:00 Saturday opening is 5
			// minutes late. The resolution clock has not started counting:
			// business time resumes on Monday 9 March at 08:00 (EDT), due
			// 10:00.
			name:     "a P1 answered after 20 minutes on a Saturday night misses the response goal",
			priority: "P1",
			events:   []ticket.Event{open(ny(2026, 3, 7, 2, 0, 0)), event(ticket.Respond, ny(2026, 3, 7, 2, 20, 0))},
			now:      ny(2026, 3, 7, 3, 0, 0),
			respond:  &clockOutcome{Elapsed: 20 * time.Minute, Due: ny(2026, 3, 7, 2, 15, 0), Breached: true},
			resolve:  clockOutcome{Due: ny(2026, 3, 9, 10, 0, 0)},
		},
		{
			// Opened Monday 16 March 09:00, waiting for the customer from
			// 10:00 to 09:00 on Tuesday: 1h on Monday and 3h on Tuesday
			// to 12:00 is 4h of the 8h. The business time paused (10:00–
			// 18:00 Monday, 08:00–09:00 Tuesday, 9h) moves the due time from
			// Monday 17:00 by 9 business hours: 1h to Monday's close and
			// 8h from Tuesday 08:00, 16:00 Tuesday.
			name:     "waiting for the customer stops a P2's clock",
			priority: "P2",
			events: []ticket.Event{
				open(ny(2026, 3, 16, 9, 0, 0)),
				event(ticket.Respond, ny(2026, 3, 16, 9, 30, 0)),
				event(ticket.Pause, ny(2026, 3, 16, 10, 0, 0)),
				event(ticket.Resume, ny(2026, 3, 17, 9, 0, 0)),
			},
			now:     ny(2026, 3, 17, 12, 0, 0),
			respond: &clockOutcome{Elapsed: 30 * time.Minute, Due: ny(2026, 3, 16, 10, 0, 0)},
			resolve: clockOutcome{Elapsed: 4 * time.Hour, Due: ny(2026, 3, 17, 16, 0, 0)},
		},
		{
			// Thursday 2 July 17:00: 1h to the close; Friday 3 July is the
			// observed Independence Day and the weekend is closed, so the
			// second hour ends Monday 6 July at 09:00.
			name:     "the observed holiday does not count for a P1",
			priority: "P1",
			events:   []ticket.Event{open(ny(2026, 7, 2, 17, 0, 0)), event(ticket.Respond, ny(2026, 7, 2, 17, 5, 0))},
			now:      ny(2026, 7, 6, 8, 30, 0),
			resolve:  clockOutcome{Elapsed: 90 * time.Minute, Due: ny(2026, 7, 6, 9, 0, 0)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			month := window.Month.Containing(tc.events[0].At, loc)
			rep, err := c.Evaluate(month, contract.Observations{
				Tickets: []contract.Ticket{{ID: "T-1", Priority: tc.priority, Events: tc.events}},
				Now:     tc.now,
			})
			require.NoError(t, err)
			term := termNamed(t, rep, "support")
			require.Len(t, term.Tickets, 1)
			tk := term.Tickets[0]
			require.NotNil(t, tk.Resolve)
			if diff := cmp.Diff(tc.resolve, outcome(*tk.Resolve)); diff != "" {
				t.Errorf("resolution clock (-want +got):\n%s", diff)
			}
			if tc.respond != nil {
				require.NotNil(t, tk.Respond)
				if diff := cmp.Diff(*tc.respond, outcome(*tk.Respond)); diff != "" {
					t.Errorf("response clock (-want +got):\n%s", diff)
				}
			}
			wantBreached := tc.resolve.Breached || (tc.respond != nil && tc.respond.Breached)
			assert.Equal(t, wantBreached, tk.Breached)
			assert.Equal(t, !wantBreached, term.Met)
		})
	}
}

// outcome reads what the cases pin from a clock cycle. Instants compare
// with ==, so they are put in UTC; the instant itself is unchanged.
func outcome(c ticket.Cycle) clockOutcome {
	return clockOutcome{Elapsed: c.Elapsed, Due: c.Due, Breached: c.Breached}
}

func termNamed(t *testing.T, rep contract.Report, name string) contract.TermResult {
	t.Helper()
	for _, tr := range rep.Terms {
		if tr.Name == name {
			return tr
		}
	}
	require.Failf(t, "no term", "the report has no term %q", name)
	return contract.TermResult{}
}
