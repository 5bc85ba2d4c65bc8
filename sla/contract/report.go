package contract

import (
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Report is the result of evaluating a contract over a period. It is
// plain data and marshals to JSON, with durations as seconds and ISO 8601
// text and credit tiers as their bounds.
type Report struct {
	Contract string
	Period   window.Interval
	// Now is the instant of evaluation.
	Now   time.Time
	Terms []TermResult
	// Met reports whether every segment met its target and no ticket
	// breached in the period.
	Met bool
	// Availability is one figure for the period: the available time of
	// every segment of the terms measured by outages, over their measured
	// time together. Without such terms it measured nothing (and prints
	// as 100%).
	Availability sla.Ratio
	// Credit is the credit owed for the period, a share of the fee: the
	// credits of the segments combined as the contract's CreditPolicy
	// says (by default the largest; credits of different segments do not
	// add up), then capped. CreditExact is that credit exactly; Credit is
	// the largest Share not above it, the same unless a proportional
	// credit has more digits than a Share holds.
	Credit      sla.Share
	CreditExact sla.Rational
	// CreditAmount is the credit in money, Fee × CreditExact rounded to
	// the nearest minor unit, halves up; zero when the contract states no
	// fee.
	CreditAmount Money
	// Incidents are the incidents of the observations, in their order,
	// with the down time each counted.
	Incidents []IncidentResult
	// Maintenance is the maintenance of the period given with the
	// observations, within the period.
	Maintenance []window.Interval
	// LeftOut is what the observations hold outside the period: it is
	// reported, not dropped without a word.
	LeftOut LeftOut
}

// TermResult is the result of one term: its segments for an availability
// term, its tickets for a response term.
type TermResult struct {
	Name string
	Kind string // "availability" or "response"
	// Method is what an availability term measured.
	Method   Method
	Segments []SegmentResult
	Tickets  []TicketResult
	Met      bool
	// Credit and CreditExact are the credit of the term's segments,
	// combined and capped as for the whole report.
	Credit      sla.Share
	CreditExact sla.Rational
	// Exclusions are the exclusions of an availability term within the
	// period: its own and the period's maintenance.
	Exclusions []window.Interval
}

// SegmentResult is the measurement of one segment over the period.
//
// For a term measured by outages, Measured, Down, Allowance and Remaining
// are time, and Ratio is available over measured time in nanoseconds.
// For a term measured by requests, Ratio counts requests (Events) or
// slices (TimeSlices), and Events is its budget in those units. For an
// average of slices, Average is the exact mean and Ratio that mean
// truncated to 18 decimal places (good of 10^18): exact for every
// decision, since a Target holds 18 places.
type SegmentResult struct {
	Name     string
	Schedule string
	// Method is what the segment's term measured.
	Method Method
	Target sla.Target
	// Measured is the measured time: period ∩ schedule − exclusions
	// removed from it.
	Measured time.Duration
	Down     time.Duration
	Ratio    sla.Ratio
	// Average is the exact mean of the slice ratios, for a term measured
	// by SliceAverage; zero for the other methods, whose exact value is
	// Ratio's.
	Average sla.Rational
	// Allowance is the down time the target allows in the measured time.
	Allowance time.Duration
	// Remaining is Allowance − Down: negative once overspent.
	Remaining time.Duration
	// Events is the budget in requests or slices, for Events and
	// TimeSlices terms.
	Events sla.EventBudget
	Met    bool
	// BreachedAt, for a missed segment, is the instant the budget ran
	// out: for outages the last instant at which the counted down time
	// still equalled the allowance (from the next instant on the segment
	// was in breach); for requests the instant of the sample, or the
	// start of the slice, that passed the allowance; for an average of
	// slices, which is known only as a whole, the end of the measured
	// time.
	BreachedAt time.Time
	// Credit is the credit the segment earns, CreditExact exactly; see
	// Report.Credit.
	Credit      sla.Share
	CreditExact sla.Rational
	// CreditTier is the index of the matched credit tier, or -1; Tier is
	// that tier.
	CreditTier int
	Tier       sla.CreditTier
	// Proportional reports whether the credit is proportional to the
	// down time rather than a tier.
	Proportional bool
	// NoTier reports a missed segment that no tier of its credit schedule
	// admits: the schedule has a gap below the target here, and the
	// segment earns no credit ("below target, no tier").
	NoTier bool
	// MeasuredTime and CountedDown are the sets behind Measured and Down,
	// for a term measured by outages: a timeline or a chart draws them.
	MeasuredTime window.Set
	CountedDown  window.Set
}

// TicketResult is the state of one ticket's clocks at the evaluation
// instant: its ID, title and priority, and the ticket's [ticket.Status].
type TicketResult struct {
	ID       string
	Title    string
	Priority string
	// CarriedIn reports a ticket opened before the period and still open
	// at its start. Its breaches before the period belong to an earlier
	// one; only a breach in this period misses the term.
	CarriedIn bool
	ticket.Status
}

// IncidentResult is an incident of the observations and the down time
// it counted. An instant of down time counts in each incident whose span
// (rounded out to the minute or the clock bucket the rules count by)
// holds it.
type IncidentResult struct {
	Incident
	// Counted is the down time the incident counted, over every segment
	// it applies to.
	Counted time.Duration
	// Segments are the segments it counted in, with the down time in each.
	Segments []IncidentSegment
	// Outside reports an incident wholly outside the period; it counted
	// nothing.
	Outside bool
}

// IncidentSegment is the down time an incident counted in one segment.
type IncidentSegment struct {
	Term, Segment string
	Down          time.Duration
}

// LeftOut is what the observations of an evaluation hold outside its
// period: counted nowhere, and reported so that a wrong period does not
// read as a perfect one.
type LeftOut struct {
	// Outages counts the intervals of Observations.Outages and the
	// incidents wholly outside the period; OutageTime is their length.
	Outages    int
	OutageTime time.Duration
	// Samples counts the request samples outside the period.
	Samples int
	// TicketsBefore are the IDs of tickets resolved before the period
	// began; TicketsAfter those opened at or after its end, or after Now.
	TicketsBefore, TicketsAfter []string
}

// IsZero reports whether nothing was left out.
func (l LeftOut) IsZero() bool {
	return l.Outages == 0 && l.Samples == 0 && len(l.TicketsBefore) == 0 && len(l.TicketsAfter) == 0
}
