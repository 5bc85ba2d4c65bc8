package contracttest

import (
	_ "embed"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/contract/contracttest"
)

//go:embed contract.json
var contractJSON []byte

// suite returns the contract under test, with its cases written in New
// York time, the zone of its business hours.
func suite(t *testing.T) *contracttest.Suite {
	c, err := contract.Parse(contractJSON)
	if err != nil {
		t.Fatal(err)
	}
	return contracttest.For(t, c, "America/New_York")
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
//     4h24m.
//   - Other times are 743 h − 220 h = 523 h = 1 882 800 s. 99% of that
//     allows 18 828 s = 5h13m48s; the segment's own tiers give 10% below
//     99% down to 95% (94 140 s = 26h09m of outage) and 25% below that.
//   - Only whole minutes of outage count (whole_minutes).
//   - The contract's credit for the month is the largest of its segments';
//     credits of different segments do not add up.
func TestAvailabilityTerms(t *testing.T) {
	s := suite(t)
	s.Run(
		// Tuesday 10 March, 10:00–14:00: 14 400 s of business time, more
		// than 3960 s and less than 15 840 s: (792 000 − 14 400) / 792 000
		// = 98.18%.
		s.Case("a 4-hour outage on a weekday in March costs a 10% credit",
			s.Outage("2026-03-10 10:00", 4*time.Hour), s.Credit("10%"), s.Segment("business hours").Down(4*time.Hour).Missed()),
		// Sunday 15 March is closed all day: 1800 s of the 18 828 s allowed
		// at other times, 99.90%.
		s.Case("a 30-minute outage at 03:00 on a Sunday costs nothing",
			s.Outage("2026-03-15 03:00", 30*time.Minute), s.Credit("0%"), s.Segment("other times").Down(30*time.Minute).Met()),
		// 1h06m is exactly the 3960 s allowed: 99.5% exactly meets a 99.5%
		// target, and the 10% tier is "below 99.5%".
		s.Case("an outage of exactly the allowance meets the target",
			s.Outage("2026-03-11 09:00", 66*time.Minute), s.Credit("0%"), s.Met()),
		// 1h07m = 4020 s > 3960 s: 99.49%, the 10% tier.
		s.Case("one minute more misses the target and costs 10%",
			s.Outage("2026-03-11 09:00", 67*time.Minute), s.Credit("10%"), s.Missed()),
		// 09:00:10–09:00:50 holds no whole minute.
		s.Case("a 40-second blip costs nothing",
			s.Outage("2026-03-11 09:00:10", 40*time.Second), s.Segment("business hours").Down(0)),
		// 10:00:30–11:07:30 keeps the 66 whole minutes 10:01–11:07,
		// exactly the allowance: the partial minutes at each end do not
		// tip it over.
		s.Case("partial minutes at the ends of an outage do not count",
			s.Outage("2026-03-11 10:00:30", 67*time.Minute), s.Segment("business hours").Down(66*time.Minute).Met()),
		// 4h24m = 15 840 s leaves exactly 98%, and the 10% tier is "at
		// least 98%"; 4h25m = 15 900 s is 97.99%, the 25% tier.
		s.Case("4h24m on a weekday is the most that costs only 10%",
			s.Outage("2026-03-12 08:00", 4*time.Hour+24*time.Minute), s.Credit("10%")),
		s.Case("4h25m on a weekday costs 25%",
			s.Outage("2026-03-12 08:00", 4*time.Hour+25*time.Minute), s.Credit("25%")),
		// Friday 13 March 17:00–19:00: 17:00–18:00 is business time,
		// 18:00–19:00 is not; each hour is within its segment's allowance.
		s.Case("an outage across the close of business is split between the segments",
			s.Outage("2026-03-13 17:00", 2*time.Hour), s.Segment("business hours").Down(time.Hour), s.Segment("other times").Down(time.Hour), s.Met()),
		// Sunday 8 March lasts 23 hours: the clocks skip 02:00–03:00.
		// 82 800 s of 1 882 800 s leaves 95.60% at other times: the
		// segment's 10% tier.
		s.Case("a whole Sunday down on the day DST starts is 23 hours",
			s.Outage("2026-03-08 00:00", 23*time.Hour), s.Segment("other times").Down(23*time.Hour).Credit("10%")),
		// 4h30m on Monday 16 March (97.95%, 25%) and all of Saturday 21
		// March, 86 400 s (95.41%, 10%): the month's credit is 25%, not 35%.
		s.Case("credits of the segments do not add up",
			s.Outage("2026-03-16 09:00", 4*time.Hour+30*time.Minute), s.Outage("2026-03-21 00:00", 24*time.Hour),
			s.Segment("other times").Credit("10%"), s.Credit("25%")),
		// Outages are clipped to the period: 28 February 23:00 to 1 March
		// 01:00 counts the hour after midnight on Sunday 1 March only.
		s.Case("an outage that starts in the previous month counts only its part in March",
			s.Month(2026, time.March), s.Outage("2026-02-28 23:00", 2*time.Hour), s.Segment("other times").Down(time.Hour)),
	)
}

// TestSupportTerms pins what the response goals mean. P1: respond within
// 15 minutes of wall time, resolve within 2 business hours; P2: respond
// within 1 business hour, resolve within 8. Business hours are Mon–Fri
// 08:00–18:00 New York time; 4 July 2026 is a Saturday and is observed on
// Friday 3 July. A goal is breached only when strictly more than its time
// has elapsed.
func TestSupportTerms(t *testing.T) {
	s := suite(t)
	s.Run(
		// Friday 6 March 17:30 to the 18:00 close is 30 minutes; the other
		// 1h30m starts at 08:00 on Monday 9 March, the day after DST
		// starts: due 09:30 EDT, and at 09:00 1h30m has elapsed.
		s.Case("a P1 ticket opened Friday 17:30 is due Monday 09:30",
			s.Ticket("T-1", "P1", "open 2026-03-06 17:30", "respond 2026-03-06 17:40"), s.Now("2026-03-09 09:00"),
			s.Clock("T-1", "respond").Elapsed(10*time.Minute).OnTime(), s.Clock("T-1", "resolve").Elapsed(90*time.Minute).Due("2026-03-09 09:30")),
		// Resolved at the due instant: exactly 2h elapsed, not more.
		s.Case("a P1 resolved at 09:30 on Monday is on time",
			s.Ticket("T-1", "P1", "open 2026-03-06 17:30", "respond 2026-03-06 17:40", "resolve 2026-03-09 09:30"),
			s.Clock("T-1", "resolve").Elapsed(2*time.Hour).OnTime()),
		// One minute later, 2h01m have elapsed: breached.
		s.Case("a P1 resolved at 09:31 on Monday is late",
			s.Ticket("T-1", "P1", "open 2026-03-06 17:30", "respond 2026-03-06 17:40", "resolve 2026-03-09 09:31"),
			s.Clock("T-1", "resolve").Elapsed(2*time.Hour+time.Minute).Breached(), s.Missed()),
		// Nobody answered: the 15 wall minutes ran out at 17:45 on Friday.
		// Wall time from Friday 17:30 EST to Monday 09:00 EDT is 63h30m on
		// the clock face less the hour skipped on Sunday: 62h30m.
		s.Case("a P1 left unanswered over the weekend misses the response goal",
			s.Ticket("T-1", "P1", "open 2026-03-06 17:30"), s.Now("2026-03-09 09:00"),
			s.Clock("T-1", "respond").Elapsed(62*time.Hour+30*time.Minute).Due("2026-03-06 17:45").Breached(),
			s.Clock("T-1", "resolve").Elapsed(90*time.Minute).OnTime()),
		// The response goal counts wall time, nights included; the
		// resolution clock waits for Monday 9 March 08:00 EDT, due 10:00.
		s.Case("a P1 answered after 20 minutes on a Saturday night misses the response goal",
			s.Ticket("T-1", "P1", "open 2026-03-07 02:00", "respond 2026-03-07 02:20"), s.Now("2026-03-07 03:00"),
			s.Clock("T-1", "respond").Breached(), s.Clock("T-1", "resolve").Elapsed(0).Due("2026-03-09 10:00")),
		// Opened Monday 16 March 09:00, waiting for the customer from 10:00
		// to 09:00 on Tuesday: 1h on Monday and 3h on Tuesday to 12:00 is
		// 4h of the 8h. The business time paused (10:00–18:00 Monday,
		// 08:00–09:00 Tuesday, 9h) moves the due time from Monday 17:00 by
		// 9 business hours: 1h to Monday's close and 8h from Tuesday
		// 08:00, 16:00 Tuesday.
		s.Case("waiting for the customer stops a P2's clock",
			s.Ticket("T-1", "P2", "open 2026-03-16 09:00", "respond 2026-03-16 09:30", "pause 2026-03-16 10:00", "resume 2026-03-17 09:00"),
			s.Now("2026-03-17 12:00"), s.Clock("T-1", "resolve").Elapsed(4*time.Hour).Due("2026-03-17 16:00").OnTime()),
		// Thursday 2 July 17:00: 1h to the close; Friday 3 July is the
		// observed Independence Day and the weekend is closed, so the
		// second hour ends Monday 6 July at 09:00.
		s.Case("the observed holiday does not count for a P1",
			s.Ticket("T-1", "P1", "open 2026-07-02 17:00", "respond 2026-07-02 17:05"), s.Now("2026-07-06 08:30"),
			s.Clock("T-1", "resolve").Elapsed(90*time.Minute).Due("2026-07-06 09:00")),
	)
}
