package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
)

// sampleReport evaluates the embedded sample, as a run without arguments
// does.
func sampleReport(t *testing.T) *report {
	t.Helper()
	r, err := inputs{period: "2026-03"}.evaluate()
	require.NoError(t, err)
	return r
}

func utc(month time.Month, day, hour, min, sec int) time.Time {
	return time.Date(2026, month, day, hour, min, sec, 0, time.UTC)
}

// TestSampleAvailability checks the availability term of the embedded
// month against figures derived by hand from data/outages.csv and
// data/maintenance.csv.
//
// The period is March 2026 in New York, local midnight to local midnight:
// 743 hours, since the clocks skip 02:00-03:00 on Sunday 8 March
// (FACTS.md). Business hours, Monday to Friday 08:00-18:00, are 22
// weekdays × 10 h = 220 h = 792,000 s (FACTS.md); other times are
// 743 − 220 = 523 h, less the hour of announced maintenance on Saturday
// 7 March 10:00-11:00 EST, which is excluded: 522 h = 1,879,200 s.
//
// The contract counts whole UTC minutes. The outages (New York time):
//
//	a. Mon 2 Mar 09:00-09:40 EST                       business 40m
//	b. Wed 4 Mar 17:30-18:20 EST and
//	c. Wed 4 Mar 17:50-18:45 EST, overlapping: together 17:30-18:45,
//	   across the 18:00 close                          business 30m, other 45m
//	d. Sat 7 Mar 10:00-12:00 EST, a weekend; its first hour is the
//	   maintenance window, so only 11:00-12:00 counts  other 1h
//	e. Sun 8 Mar 01:30 EST - 03:30 EDT: 01:30-02:00 EST is 30 min, the
//	   clock jumps to 03:00 EDT, 03:00-03:30 is 30 min more: 1 h of real
//	   time                                            other 1h
//	f. Thu 12 Mar 22:00-22:40 EDT                      other 40m
//	g. Tue 17 Mar 07:30-08:15 EDT, across the 08:00 opening
//	                                                   other 30m, business 15m
//	h. Wed 25 Mar 14:00:10-14:00:55 EDT: 45 s inside one minute, so no
//	   whole minute is down                            nothing
//
// Business hours: down 40 + 30 + 15 = 85 min = 5,100 s. The allowance is
// 0.5% of 792,000 s = 3,960 s = 66 min, so 19 min are overspent and the
// segment is missed; availability 786,900 / 792,000 = 0.993560606…,
// 99.3560% truncated, which is in the contract's first tier "below 99.5%
// and at least 99%": a 10% credit. The budget runs out 66 − 40 = 26 min
// into outage b: at 17:56 EST on 4 March, 22:56 UTC.
//
// Other times: down 45 min + 1 h + 1 h + 40 min + 30 min = 3 h 55 min =
// 14,100 s. The allowance is 1% of 1,879,200 s = 18,792 s = 5 h 13 min
// 12 s, so the segment is met with 4,692 s = 1 h 18 min 12 s to spare;
// availability 1,865,100 / 1,879,200 = 0.992496807…, 99.2496% truncated;
// no credit tier.
//
// The credit owed is the larger of the two, 10%, of the fee of 12,000.00
// USD: 1,200.00 USD. Overall, 786,900 + 1,865,100 = 2,652,000 s of
// 792,000 + 1,879,200 = 2,671,200 s were available: 99.2812…%.
func TestSampleAvailability(t *testing.T) {
	r := sampleReport(t)
	res := r.Result
	assert.Equal(t, 743*time.Hour, res.Period.Duration())
	assert.True(t, res.Period.Start.Equal(utc(time.March, 1, 5, 0, 0)), "period starts at %v", res.Period.Start)
	require.Len(t, res.Terms, 2)
	avail := res.Terms[0]
	require.Equal(t, "availability", avail.Kind)
	require.Len(t, avail.Segments, 2)

	business, other := avail.Segments[0], avail.Segments[1]
	tests := []struct {
		name                        string
		got                         contract.SegmentResult
		measured, down, allow, left time.Duration
		percent                     string
		met                         bool
		credit                      string
		tier                        int
		breachedAt                  time.Time
	}{
		{"business hours", business, 792000 * time.Second, 85 * time.Minute, 66 * time.Minute, -19 * time.Minute,
			"99.3560%", false, "10%", 0, utc(time.March, 4, 22, 56, 0)},
		{"other times", other, 1879200 * time.Second, 14100 * time.Second, 18792 * time.Second, 4692 * time.Second,
			"99.2496%", true, "0%", -1, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.got
			assert.Equal(t, tt.name, s.Name)
			assert.Equal(t, tt.measured, s.Measured, "measured time")
			assert.Equal(t, tt.down, s.Down, "downtime")
			assert.Equal(t, tt.allow, s.Allowance, "allowance")
			assert.Equal(t, tt.left, s.Remaining, "remaining budget")
			assert.Equal(t, tt.percent, s.Ratio.Percent(4), "availability")
			assert.Equal(t, uint64(tt.measured-tt.down), s.Ratio.Good(), "available nanoseconds")
			assert.Equal(t, tt.met, s.Met, "verdict")
			assert.Equal(t, tt.credit, s.Credit.String(), "credit")
			assert.Equal(t, tt.tier, s.CreditTier, "credit tier")
			assert.True(t, s.BreachedAt.Equal(tt.breachedAt), "budget ran out at %v, want %v", s.BreachedAt, tt.breachedAt)
		})
	}
	assert.False(t, avail.Met)
	assert.False(t, res.Met)
	assert.Equal(t, sla.MustShare("10%"), res.Credit)
	assert.Equal(t, "1200.00 USD", res.CreditAmount.String())
	assert.Equal(t, uint64(2652000e9), res.Availability.Good())
	assert.Equal(t, uint64(2671200e9), res.Availability.Total())
	assert.Equal(t, "99.2812%", res.Availability.Percent(4))
}

// TestSampleTickets checks the response term of the embedded month
// against figures derived by hand from data/tickets.csv. Business time is
// Monday to Friday 08:00-18:00 New York time; P1 must be answered within
// 30 min of wall time and resolved within 8 business hours, P2 within 4
// and 16 business hours, P3 within 8 and 40.
//
//	T-101 P1: answered after 15 min (met); resolved Mon 2 Mar
//	      09:05-13:05, 4 h (met).
//	T-102 P1: opened Fri 6 Mar 16:00 EST, answered 16:45: 45 min of wall
//	      time > 30 min, breached at 16:30 EST = 21:30 UTC. Resolved Mon 9
//	      Mar 12:00 EDT: Fri 16:00-18:00 + Mon 08:00-12:00 = 6 h (met).
//	T-103 P2: answered after 1 h (met). Resolution: Tue 10 Mar
//	      10:00-11:30 (1 h 30 min), paused until Thu 12 Mar 10:00 — 6 h 30
//	      min on Tuesday, 10 h on Wednesday and 2 h on Thursday of business
//	      time, 18 h 30 min — then Thu 10:00-17:00 (7 h): 8 h 30 min (met).
//	      Without the pause 16 h would be used up on Wed 11 Mar at 16:00.
//	T-104 P2: answered after 1 h (met); resolved Mon 16 Mar 09:00-15:00,
//	      6 h (met); reopened Tue 17 Mar 09:00 and resolved Wed 18 Mar
//	      16:00: Tue 09:00-18:00 (9 h) + Wed 08:00-16:00 (8 h) = 17 h >
//	      16 h, breached at Wed 08:00 + 7 h = 15:00 EDT = 19:00 UTC.
//	T-105 P3: answered after 5 h (met); never resolved: from Mon 23 Mar
//	      10:00 to the end of the month, 8 h + 4 × 10 h + 10 h + 10 h =
//	      68 h > 40 h, breached when 40 h were used: 8 + 3 × 10 = 38 h by
//	      Thu 26 Mar 18:00, then 2 h more, Fri 27 Mar 10:00 EDT = 14:00 UTC.
//	T-106 P3: opened Sat 28 Mar 11:00, when business time is closed;
//	      answered Mon 30 Mar 08:30, 30 min (met); resolved 12:00, 4 h (met).
//	T-099 P3: opened Thu 26 Feb 10:00 EST and still open when March began:
//	      carried in. Answered at 14:00, 4 h (met); resolved Tue 3 Mar
//	      12:00: Thu 8 h + Fri 10 h + Mon 10 h + Tue 4 h = 32 h (met).
//	T-090, opened and resolved in January, is left out and counted so.
func TestSampleTickets(t *testing.T) {
	r := sampleReport(t)
	tr := r.Result.Terms[1]
	require.Equal(t, "response", tr.Kind)
	require.Len(t, tr.Tickets, 7)
	byID := make(map[string]contract.TicketResult)
	for _, tk := range tr.Tickets {
		byID[tk.ID] = tk
	}
	type cycle struct {
		elapsed, paused time.Duration
		breachedAt      time.Time // zero when met
	}
	tests := []struct {
		id       string
		respond  cycle
		resolves []cycle // earlier cycles first
	}{
		{"T-101", cycle{elapsed: 15 * time.Minute}, []cycle{{elapsed: 4 * time.Hour}}},
		{"T-102", cycle{elapsed: 45 * time.Minute, breachedAt: utc(time.March, 6, 21, 30, 0)}, []cycle{{elapsed: 6 * time.Hour}}},
		{"T-103", cycle{elapsed: time.Hour}, []cycle{{elapsed: 8*time.Hour + 30*time.Minute, paused: 18*time.Hour + 30*time.Minute}}},
		{"T-104", cycle{elapsed: time.Hour}, []cycle{{elapsed: 6 * time.Hour}, {elapsed: 17 * time.Hour, breachedAt: utc(time.March, 18, 19, 0, 0)}}},
		{"T-105", cycle{elapsed: 5 * time.Hour}, []cycle{{elapsed: 68 * time.Hour, breachedAt: utc(time.March, 27, 14, 0, 0)}}},
		{"T-106", cycle{elapsed: 30 * time.Minute}, []cycle{{elapsed: 4 * time.Hour}}},
		{"T-099", cycle{elapsed: 4 * time.Hour}, []cycle{{elapsed: 32 * time.Hour}}},
	}
	check := func(t *testing.T, what string, want cycle, got ticket.Cycle) {
		t.Helper()
		assert.Equal(t, want.elapsed, got.Elapsed, "%s elapsed", what)
		assert.Equal(t, want.paused, got.Paused, "%s paused", what)
		assert.Equal(t, !want.breachedAt.IsZero(), got.Breached, "%s breached", what)
		assert.True(t, got.BreachedAt.Equal(want.breachedAt), "%s breached at %v, want %v", what, got.BreachedAt, want.breachedAt)
	}
	breached := 0
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			tk, ok := byID[tt.id]
			require.True(t, ok, "ticket %s is in the report", tt.id)
			require.NotNil(t, tk.Respond)
			require.NotNil(t, tk.Resolve)
			check(t, "respond", tt.respond, *tk.Respond)
			cycles := append(append([]ticket.Cycle{}, tk.EarlierResolves...), *tk.Resolve)
			require.Len(t, cycles, len(tt.resolves))
			for i, want := range tt.resolves {
				check(t, "resolve", want, cycles[i])
			}
		})
		if byID[tt.id].Breached {
			breached++
		}
	}
	assert.Equal(t, 3, breached, "T-102, T-104 and T-105 breached")
	assert.Equal(t, ticket.ClockRunning, byID["T-105"].Resolve.State, "T-105 is still open")
	assert.True(t, byID["T-099"].CarriedIn)
	assert.Equal(t, []string{"T-090"}, r.Result.LeftOut.TicketsBefore)
}

// TestSampleBreaches checks the breach records and their deadlines,
// derived by hand. Breaches must be reported within 4 h and resolved
// within 40 h of business time (Monday to Friday 08:00-18:00 New York),
// counted from detection; a deadline is the earliest instant by which that
// much business time has passed.
//
//	availability/business hours: detected when the report is made, at the
//	    end of the month, Wed 1 Apr 00:00 EDT (closed). Report due Wed 1 Apr
//	    08:00 + 4 h = 12:00 EDT = 16:00 UTC; resolve due after Wed, Thu, Fri
//	    and Mon 6 Apr, 10 h each: Mon 6 Apr 18:00 EDT = 22:00 UTC.
//	T-102 respond: detected Fri 6 Mar 16:30 EST. Report: 1 h 30 min on
//	    Friday, 2 h 30 min on Monday: Mon 9 Mar 10:30 EDT = 14:30 UTC.
//	    Resolve: 1 h 30 min + 10 h (Mon) + 10 h (Tue) + 10 h (Wed) + 8 h
//	    30 min: Thu 12 Mar 16:30 EDT = 20:30 UTC.
//	T-104 resolve, cycle 2: detected Wed 18 Mar 15:00 EDT. Report: 3 h on
//	    Wednesday, 1 h on Thursday: Thu 19 Mar 09:00 EDT = 13:00 UTC.
//	    Resolve: 3 + 10 + 10 + 10 + 7 h: Tue 24 Mar 15:00 EDT = 19:00 UTC.
//	T-105 resolve: detected Fri 27 Mar 10:00 EDT. Report: 14:00 EDT =
//	    18:00 UTC. Resolve: 8 + 10 + 10 + 10 + 2 h: Thu 2 Apr 10:00 EDT =
//	    14:00 UTC.
//
// At the end of the month nothing was reported: the availability breach
// is open, T-102 and T-104 are past their resolution deadlines, and T-105
// past its report deadline only.
func TestSampleBreaches(t *testing.T) {
	r := sampleReport(t)
	now := utc(time.April, 1, 4, 0, 0)
	require.True(t, r.Result.Now.Equal(now), "evaluated at %v", r.Result.Now)
	tests := []struct {
		id                    string
		occurred, detected    time.Time
		reportDue, resolveDue time.Time
		status                breach.Status
	}{
		{"availability/business hours/2026-03-01T05:00:00Z", utc(time.March, 4, 22, 56, 0), now,
			utc(time.April, 1, 16, 0, 0), utc(time.April, 6, 22, 0, 0), breach.StatusOpen},
		{"tickets/T-102/respond/1", utc(time.March, 6, 21, 30, 0), utc(time.March, 6, 21, 30, 0),
			utc(time.March, 9, 14, 30, 0), utc(time.March, 12, 20, 30, 0), breach.StatusResolutionOverdue},
		{"tickets/T-104/resolve/2", utc(time.March, 18, 19, 0, 0), utc(time.March, 18, 19, 0, 0),
			utc(time.March, 19, 13, 0, 0), utc(time.March, 24, 19, 0, 0), breach.StatusResolutionOverdue},
		{"tickets/T-105/resolve/1", utc(time.March, 27, 14, 0, 0), utc(time.March, 27, 14, 0, 0),
			utc(time.March, 27, 18, 0, 0), utc(time.April, 2, 14, 0, 0), breach.StatusReportOverdue},
	}
	require.Len(t, r.Breaches, len(tests))
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			rec := r.Breaches[i]
			f := rec.Facts()
			assert.Equal(t, tt.id, rec.ID())
			assert.True(t, f.OccurredAt.Equal(tt.occurred), "occurred %v, want %v", f.OccurredAt, tt.occurred)
			assert.True(t, f.DetectedAt.Equal(tt.detected), "detected %v, want %v", f.DetectedAt, tt.detected)
			assert.True(t, rec.ReportDue().Equal(tt.reportDue), "report due %v, want %v", rec.ReportDue(), tt.reportDue)
			assert.True(t, rec.ResolveDue().Equal(tt.resolveDue), "resolve due %v, want %v", rec.ResolveDue(), tt.resolveDue)
			assert.Equal(t, tt.status, rec.Status(now))
		})
	}
}
