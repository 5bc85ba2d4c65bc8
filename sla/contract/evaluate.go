package contract

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Observations are what happened in a period: outages and incidents,
// request counts, the period's maintenance, and tickets. Plain data; the
// evaluation does not modify it.
type Observations struct {
	// Outages holds the down time of each availability term measured by
	// outages, by term name. The entry with the empty name applies to
	// every such term without an entry of its own. An interval here is an
	// incident without an ID, affecting every customer.
	Outages map[string]window.Set
	// Incidents are outages with an ID and a title, which the report
	// keeps. Each counts against its term, or every term measured by
	// outages, besides Outages.
	Incidents []Incident
	// Requests holds the request counts of each availability term
	// measured by requests, by term name; the entry with the empty name
	// applies to every such term without an entry of its own.
	Requests map[string][]sla.Sample
	// Maintenance is the period's maintenance: exclusions of every
	// availability term besides the term's own, treated as the term's
	// Exclusion says. The report lists them.
	Maintenance window.Set
	// Tickets are the tickets of the response terms.
	Tickets []Ticket
	// Now is the instant of evaluation: ticket events after it are not yet
	// known, and breaches are detected at it. The zero value means the end
	// of the period. It must not be before the start of the period.
	Now time.Time
}

// Incident is an outage as people record it: an ID and a title, the
// span it lasted, the term it counts against (empty for every term
// measured by outages), and the share of customers it affected, for
// proportional credits. A plain value, safe for concurrent use.
type Incident struct {
	ID, Title string
	Term      string
	Span      window.Interval
	// Affected is the share of customers affected. The zero value means
	// all of them: an incident that affects no one is not an outage. Only
	// a proportional credit weighs it; down time counts whole in ratios.
	Affected sla.Share
}

// affected returns the share of customers the incident affected.
func (inc Incident) affected() sla.Share {
	if inc.Affected.IsZero() {
		return sla.MustShare("100%")
	}
	return inc.Affected
}

// Ticket is one service-desk ticket: its response term, its priority and
// its events.
type Ticket struct {
	ID       string
	Title    string
	Term     string // the name of a response term; empty when the contract has only one
	Priority string
	Events   []ticket.Event
}

// TicketError is the error for a ticket that cannot be evaluated. Index
// is the ticket's position in Observations.Tickets; Event, when not -1,
// is the position of the offending event in the ticket's Events, as the
// [*ticket.EventError] in Err names it. Err wraps ErrContract, or the
// ticket package's sentinels for a ticket whose events break its rules.
type TicketError struct {
	Index int
	ID    string
	Event int
	Err   error
}

func (e *TicketError) Error() string {
	var ee *ticket.EventError
	if e.Event >= 0 && errors.As(e.Err, &ee) {
		return fmt.Sprintf("contract: tickets[%d] %s: events[%d] (%v): %v", e.Index, quote.Text(e.ID), e.Event, ee.Event, ee.Err)
	}
	return fmt.Sprintf("contract: tickets[%d] %s: %s", e.Index, quote.Text(e.ID), cause(e.Err))
}

// Unwrap returns Err.
func (e *TicketError) Unwrap() error { return e.Err }

// IncidentError is the error for an incident that cannot be evaluated:
// Index is its position in Observations.Incidents, and Err wraps
// ErrContract.
type IncidentError struct {
	Index int
	ID    string
	Err   error
}

func (e *IncidentError) Error() string {
	return fmt.Sprintf("contract: incidents[%d] %s: %s", e.Index, quote.Text(e.ID), cause(e.Err))
}

// Unwrap returns Err.
func (e *IncidentError) Unwrap() error { return e.Err }

// Evaluate measures every term of the contract over period with the
// observations, and returns the report. Observations must name only
// terms of the contract, of the kind that uses them, and must not contain
// events that break the rules of a ticket (see [ticket.Validate]); such
// an observation is an error that names it, wrapping ErrContract.
//
// A ticket counts in the period it was opened in, and in a later one it
// is still open at the start of (carried in); a breach misses the term of
// the period it happens in, [Start, End), whenever the report is made.
// Outages, samples and tickets outside the period count nowhere and are
// reported in Report.LeftOut.
//
// A contract with no terms is an error, as Validate says, rather than a
// report that every period was met. A contract built in Go that holds a
// zero calendar.Calendar (in
// Calendars, a segment's schedule, a response term or the obligations)
// is an error: a *FieldError wrapping ErrContract and
// calendar.ErrZeroCalendar, as Validate and MarshalJSON return.
func (c Contract) Evaluate(period window.Interval, obs Observations) (Report, error) {
	if period.Empty() {
		return Report{}, fmt.Errorf("contract: %w: the period %v is empty", ErrContract, period)
	}
	now := obs.Now
	if now.IsZero() {
		now = period.End
	}
	if now.Before(period.Start) {
		return Report{}, fmt.Errorf("contract: %w: now %v is before the period %v", ErrContract, now, period)
	}
	if len(c.Terms) == 0 {
		// Nothing to measure would report every period met.
		return Report{}, fieldError("terms", ErrMissing, "a contract needs at least one term")
	}
	if err := c.checkCalendars(); err != nil {
		return Report{}, err
	}
	kinds := termKinds(c)
	if err := checkObservations(kinds, obs); err != nil {
		return Report{}, err
	}
	e := &evaluation{c: c, period: period, now: now, obs: obs}
	e.rep = Report{
		Contract: c.Name, Period: period, Now: now.UTC(), Met: true,
		Maintenance: obs.Maintenance.Clip(period).Intervals(),
	}
	e.rep.Incidents = make([]IncidentResult, len(obs.Incidents))
	for i, inc := range obs.Incidents {
		e.rep.Incidents[i] = IncidentResult{Incident: inc, Outside: !inc.Span.Overlaps(period)}
	}
	responses := 0
	for _, k := range kinds {
		if k == kindResponse {
			responses++
		}
	}
	total := sla.Rational{}
	for _, t := range c.Terms {
		var tr TermResult
		var err error
		switch {
		case t.Availability != nil && t.Availability.Method == Outages:
			tr = e.outageTerm(t)
		case t.Availability != nil:
			tr, err = e.requestTerm(t)
		case t.Response != nil:
			tr, err = e.ticketTerm(t, responses == 1)
		default:
			err = fmt.Errorf("contract: %w: term %s has no kind", ErrContract, quote.Text(t.Name))
		}
		if err != nil {
			return Report{}, err
		}
		for _, s := range tr.Segments {
			total = c.CreditPolicy.combine(total, s.CreditExact)
		}
		e.rep.Terms = append(e.rep.Terms, tr)
		e.rep.Met = e.rep.Met && tr.Met
	}
	e.rep.CreditExact = c.CreditPolicy.capped(total)
	e.rep.Credit, _ = sla.ShareOf(e.rep.CreditExact)
	e.rep.CreditAmount = c.CreditPolicy.Fee.Times(e.rep.CreditExact)
	e.rep.Availability = e.availability()
	e.leftOut()
	return e.rep, nil
}

// The kinds of terms, for checking what observations name.
const (
	kindOutages = iota + 1
	kindRequests
	kindResponse
)

func termKinds(c Contract) map[string]int {
	kinds := make(map[string]int, len(c.Terms))
	for _, t := range c.Terms {
		switch {
		case t.Availability != nil && t.Availability.Method == Outages:
			kinds[t.Name] = kindOutages
		case t.Availability != nil:
			kinds[t.Name] = kindRequests
		case t.Response != nil:
			kinds[t.Name] = kindResponse
		}
	}
	return kinds
}

// checkObservations fails for an observation that names no term of the
// contract of its kind, or that cannot be measured.
func checkObservations(kinds map[string]int, obs Observations) error {
	want := func(name string, kind int, what string) error {
		if name == "" || kinds[name] == kind {
			return nil
		}
		return fmt.Errorf("%w: %w: %s is not a term measured by %s", ErrContract, ErrUnknownName, quote.Text(name), what)
	}
	for name := range obs.Outages {
		if err := want(name, kindOutages, "outages"); err != nil {
			return fmt.Errorf("contract: outages: %w", err)
		}
	}
	for name := range obs.Requests {
		if err := want(name, kindRequests, "requests"); err != nil {
			return fmt.Errorf("contract: requests: %w", err)
		}
	}
	for i, inc := range obs.Incidents {
		if err := want(inc.Term, kindOutages, "outages"); err != nil {
			return &IncidentError{Index: i, ID: inc.ID, Err: err}
		}
		if inc.Span.Empty() {
			return &IncidentError{Index: i, ID: inc.ID, Err: fmt.Errorf("%w: the span %v is empty", ErrContract, inc.Span)}
		}
	}
	responses := 0
	for _, k := range kinds {
		if k == kindResponse {
			responses++
		}
	}
	for i, tk := range obs.Tickets {
		switch {
		case tk.Term == "" && responses != 1:
			return &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: no term given, and the contract has %d response terms", ErrContract, responses)}
		case tk.Term != "" && kinds[tk.Term] != kindResponse:
			return &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %w: %s is not a response term of the contract", ErrContract, ErrUnknownName, quote.Text(tk.Term))}
		}
	}
	return nil
}

// evaluation is one run of Evaluate.
type evaluation struct {
	c      Contract
	period window.Interval
	now    time.Time
	obs    Observations
	rep    Report
	// open holds the open time of each schedule over the period, built
	// once: segments share a few schedules (during or outside each
	// calendar), and building one walks the calendar over the period.
	open map[Schedule]*window.Set
}

// scope returns the measured scope of a segment of an availability term.
func (e *evaluation) scope(a *AvailabilityTerm, seg Segment) sla.Scope {
	return sla.Scope{Period: e.period, Schedule: e.openOf(seg.Schedule), Exclusions: e.exclusions(a), Exclusion: a.Exclusion}
}

// openOf returns the open time of s over the period, from the cache; a
// window.Set is immutable, so segments share it.
func (e *evaluation) openOf(s Schedule) *window.Set {
	if hours, ok := e.open[s]; ok {
		return hours
	}
	if e.open == nil {
		e.open = map[Schedule]*window.Set{}
	}
	hours := s.Open(e.period)
	e.open[s] = &hours
	return &hours
}

func (e *evaluation) exclusions(a *AvailabilityTerm) window.Set {
	if e.obs.Maintenance.IsEmpty() {
		return a.Exclusions
	}
	return a.Exclusions.Union(e.obs.Maintenance)
}

// weighted is a span of down time and the share of customers it
// affected, with the incident it comes from (-1 for an interval of
// Observations.Outages).
type weighted struct {
	span     window.Interval
	affected sla.Share
	incident int
}

func (e *evaluation) outageTerm(t Term) TermResult {
	a := t.Availability
	tr := TermResult{Name: t.Name, Kind: "availability", Method: Outages, Met: true}
	tr.Exclusions = e.exclusions(a).Clip(e.period).Intervals()
	base, ok := e.obs.Outages[t.Name]
	if !ok {
		base = e.obs.Outages[""]
	}
	var own []window.Interval
	var named []weighted // the term's incidents
	for i, inc := range e.obs.Incidents {
		if inc.Term == "" || inc.Term == t.Name {
			named = append(named, weighted{span: inc.Span, affected: inc.affected(), incident: i})
			own = append(own, inc.Span)
		}
	}
	down := base
	if len(own) > 0 {
		down = base.Union(window.NewSet(own...))
	}
	// Every span of down time with the share it affected, for a
	// proportional credit: the intervals of Outages affect everyone.
	var spans []weighted
	if slices.ContainsFunc(a.Segments, func(s Segment) bool { return s.Proportional }) {
		spans = make([]weighted, 0, base.Len()+len(named))
		for iv := range base.All() {
			spans = append(spans, weighted{span: iv, affected: sla.MustShare("100%"), incident: -1})
		}
		spans = append(spans, named...)
	}
	credit := sla.Rational{}
	for _, seg := range a.Segments {
		scope := e.scope(a, seg)
		measured := scope.Measured()
		counted := sla.CountedDown(scope, down, a.Rules)
		m := sla.TimeMeasurement{Measured: measured.Duration(), Down: counted.Duration()}
		b := m.Budget(seg.Target)
		sr := SegmentResult{
			Name: seg.Name, Schedule: seg.Schedule.String(), Method: Outages, Target: seg.Target,
			Measured: m.Measured, Down: m.Down, Ratio: m.Ratio(),
			Allowance: b.Allowed(), Remaining: b.Remaining(), Met: m.Met(seg.Target),
			MeasuredTime: measured, CountedDown: counted,
		}
		if !sr.Met {
			sr.BreachedAt = instantPast(counted, b.Allowed())
		}
		if seg.Proportional {
			e.proportional(&sr, a.Rules, spans)
		} else {
			e.tierCredit(&sr, seg)
		}
		for _, w := range named {
			if d := counted.DurationIn(a.Rules.Reach(w.span)); d > 0 {
				ir := &e.rep.Incidents[w.incident]
				ir.Counted += d
				ir.Segments = append(ir.Segments, IncidentSegment{Term: t.Name, Segment: seg.Name, Down: d})
			}
		}
		tr.Segments = append(tr.Segments, sr)
		tr.Met = tr.Met && sr.Met
		credit = e.c.CreditPolicy.combine(credit, sr.CreditExact)
	}
	tr.CreditExact = e.c.CreditPolicy.capped(credit)
	tr.Credit, _ = sla.ShareOf(tr.CreditExact)
	return tr
}

// tierCredit sets the credit of a segment from its credit tiers: by its
// ratio, compared in integers, or by the exact mean of an average of
// slices.
func (e *evaluation) tierCredit(sr *SegmentResult, seg Segment) {
	credits := e.c.Credits
	if seg.Credits != nil {
		credits = *seg.Credits
	}
	if sr.Method == SliceAverage {
		sr.Credit, sr.CreditTier = credits.CreditFor(sr.Average)
	} else {
		sr.Credit, sr.CreditTier = credits.Credit(sr.Ratio)
	}
	sr.CreditExact = sr.Credit.Rational()
	if sr.CreditTier >= 0 {
		sr.Tier = credits.Tiers[sr.CreditTier]
	}
	sr.NoTier = !sr.Met && sr.CreditTier < 0 && len(credits.Tiers) > 0
}

// proportional sets the proportional credit of a segment: the counted
// down time, each instant weighed by the share of customers affected
// then (the sum over the outages covering it, at most all of them), over
// the measured time: "90 minutes × 1/2 ÷ 43,080 scheduled minutes".
func (e *evaluation) proportional(sr *SegmentResult, rules sla.OutageRules, spans []weighted) {
	sr.Proportional, sr.CreditTier = true, -1
	if sr.Measured <= 0 || sr.CountedDown.IsEmpty() {
		sr.CreditExact = sla.Rational{}
		return
	}
	type edge struct {
		at    time.Time
		share *big.Int // parts per 10^18, negative where a span ends
	}
	edges := make([]edge, 0, 2*len(spans))
	for _, w := range spans {
		iv := rules.Reach(w.span)
		ppe := sharePPE(w.affected)
		edges = append(edges, edge{iv.Start, ppe}, edge{iv.End, new(big.Int).Neg(ppe)})
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return a.at.Compare(b.at) })
	whole := big.NewInt(1e18)
	active := new(big.Int)
	credit := sla.Rational{}
	for k, ed := range edges {
		active.Add(active, ed.share)
		if k+1 == len(edges) || active.Sign() <= 0 {
			continue
		}
		d := sr.CountedDown.DurationIn(window.Between(ed.at, edges[k+1].at))
		if d <= 0 {
			continue
		}
		w := active
		if w.Cmp(whole) > 0 {
			w = whole
		}
		credit = credit.Add(sla.RationalOf(uint64(d), uint64(sr.Measured)).Mul(sla.RationalOf(w.Uint64(), 1e18)))
	}
	if one := sla.RationalOf(1, 1); credit.Cmp(one) > 0 {
		credit = one
	}
	sr.CreditExact = credit
	sr.Credit, _ = sla.ShareOf(credit)
}

// sharePPE returns s in parts per 10^18.
func sharePPE(s sla.Share) *big.Int {
	r := s.Rational().Mul(sla.RationalOf(1e18, 1))
	return r.Num() // the denominator is 1: a Share is a whole number of parts
}

// instantPast returns the last instant at which the time in set before it
// is exactly d: the instant after which more than d has passed. set must
// hold more than d.
func instantPast(set window.Set, d time.Duration) time.Time {
	var sum time.Duration // at most d, so d − sum cannot overflow
	for iv := range set.All() {
		l := iv.Duration()
		if l > d-sum {
			return iv.Start.Add(d - sum)
		}
		sum += l
	}
	return time.Time{}
}

var scale18 = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

func (e *evaluation) requestTerm(t Term) (TermResult, error) {
	a := t.Availability
	tr := TermResult{Name: t.Name, Kind: "availability", Method: a.Method, Met: true}
	tr.Exclusions = e.exclusions(a).Clip(e.period).Intervals()
	samples, ok := e.obs.Requests[t.Name]
	if !ok {
		samples = e.obs.Requests[""]
	}
	credit := sla.Rational{}
	for _, seg := range a.Segments {
		scope := e.scope(a, seg)
		measured := scope.Measured()
		sr := SegmentResult{Name: seg.Name, Schedule: seg.Schedule.String(), Method: a.Method, Target: seg.Target, Measured: measured.Duration()}
		var err error
		switch a.Method {
		case Events, TimeSlices:
			var m sla.CountMeasurement
			if a.Method == Events {
				m, err = sla.MeasureEvents(scope, samples)
			} else {
				m, err = sla.MeasureTimeSlices(scope, a.Slice, samples, a.SliceRules)
			}
			sr.Ratio, sr.Events, sr.Met = m.Ratio(), m.Budget(seg.Target), m.Met(seg.Target)
			sr.BreachedAt, _ = m.ExhaustedAt(seg.Target)
		case SliceAverage:
			sr.Average, err = sla.AverageTimeSlices(scope, a.Slice, samples, a.SliceRules.Empty)
			if err == nil {
				q := new(big.Int).Mul(sr.Average.Num(), scale18)
				q.Quo(q, sr.Average.Den())
				sr.Ratio, _ = sla.NewRatio(q.Uint64(), 1e18) // q ≤ 10^18: the mean is at most 1
				sr.Met = sr.Average.Met(seg.Target)
				if !sr.Met {
					sr.BreachedAt = measured.Bounds().End
				}
			}
		}
		if err != nil {
			return TermResult{}, fmt.Errorf("contract: %w: requests of term %s: %w", ErrContract, quote.Text(t.Name), err)
		}
		e.tierCredit(&sr, seg)
		tr.Segments = append(tr.Segments, sr)
		tr.Met = tr.Met && sr.Met
		credit = e.c.CreditPolicy.combine(credit, sr.CreditExact)
	}
	tr.CreditExact = e.c.CreditPolicy.capped(credit)
	tr.Credit, _ = sla.ShareOf(tr.CreditExact)
	return tr, nil
}

// availability returns the overall availability: the available over the
// measured time of every segment of the terms measured by outages. The
// sums are exact unless they pass 2^64 ns (about 584 years); then both
// are halved until they fit, which a report can afford.
func (e *evaluation) availability() sla.Ratio {
	good, total := new(big.Int), new(big.Int)
	for _, tr := range e.rep.Terms {
		if tr.Kind != "availability" || tr.Method != Outages {
			continue
		}
		for _, s := range tr.Segments {
			good.Add(good, new(big.Int).SetUint64(s.Ratio.Good()))
			total.Add(total, new(big.Int).SetUint64(s.Ratio.Total()))
		}
	}
	for total.BitLen() > 64 {
		good.Rsh(good, 1)
		total.Rsh(total, 1)
	}
	r, _ := sla.NewRatio(good.Uint64(), total.Uint64())
	return r
}

// leftOut fills Report.LeftOut with the outages and samples outside the
// period; ticketTerm fills in the tickets.
func (e *evaluation) leftOut() {
	lo := &e.rep.LeftOut
	var outside []window.Interval
	for _, set := range e.obs.Outages {
		for iv := range set.All() {
			if !iv.Overlaps(e.period) {
				outside = append(outside, iv)
			}
		}
	}
	merged := window.NewSet(outside...)
	lo.Outages, lo.OutageTime = merged.Len(), merged.Duration()
	for _, ir := range e.rep.Incidents {
		if ir.Outside {
			lo.Outages++
			lo.OutageTime += ir.Span.Duration()
		}
	}
	for _, samples := range e.obs.Requests {
		for _, s := range samples {
			if !e.period.Contains(s.At) {
				lo.Samples++
			}
		}
	}
}

func (e *evaluation) ticketTerm(t Term, only bool) (TermResult, error) {
	tt := t.Response
	tr := TermResult{Name: t.Name, Kind: "response", Met: true}
	var business ticket.Schedule
	if tt.Calendar != nil {
		business = tt.Calendar
	}
	lo := &e.rep.LeftOut
	for i, tk := range e.obs.Tickets {
		if tk.Term != t.Name && !(only && tk.Term == "") {
			continue
		}
		if len(tk.Events) == 0 {
			return TermResult{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: a ticket without events", ErrContract)}
		}
		opened := tk.Events[0].At
		carried := false
		switch {
		case !opened.Before(e.period.End) || opened.After(e.now):
			lo.TicketsAfter = append(lo.TicketsAfter, tk.ID)
			continue
		case opened.Before(e.period.Start):
			if resolvedBefore(tk.Events, e.period.Start) {
				lo.TicketsBefore = append(lo.TicketsBefore, tk.ID)
				continue
			}
			carried = true
		}
		if _, ok := tt.Policy.Priority(tk.Priority); !ok {
			return TermResult{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %w: %s is not a priority of term %s", ErrContract, ticket.ErrPriority, quote.Text(tk.Priority), quote.Text(t.Name))}
		}
		st, err := tt.Policy.Status(tk.Priority, tk.Events, business, e.now)
		if err != nil {
			te := &TicketError{Index: i, ID: tk.ID, Event: -1, Err: err}
			var ee *ticket.EventError
			if errors.As(err, &ee) {
				te.Event = ee.Index
			}
			return TermResult{}, te
		}
		tr.Tickets = append(tr.Tickets, TicketResult{ID: tk.ID, Title: tk.Title, Priority: tk.Priority, CarriedIn: carried, Status: st})
		tr.Met = tr.Met && !breachedIn(st, e.period)
	}
	return tr, nil
}

// resolvedBefore reports whether the ticket was resolved, and not
// reopened, before t.
func resolvedBefore(events []ticket.Event, t time.Time) bool {
	resolved := false
	for _, ev := range events {
		if !ev.At.Before(t) {
			break
		}
		switch ev.Kind {
		case ticket.Resolve:
			resolved = true
		case ticket.Reopen:
			resolved = false
		}
	}
	return resolved
}

// breachedIn reports whether a cycle of the ticket breached within
// period, [Start, End): a breach before it belongs to an earlier period,
// and one after it, seen by a report made after the period ended, to a
// later one. breach.FromReport files breaches by the same rule.
func breachedIn(st ticket.Status, period window.Interval) bool {
	in := func(c *ticket.Cycle) bool { return c != nil && c.Breached && period.Contains(c.BreachedAt) }
	if in(st.Respond) || in(st.Resolve) {
		return true
	}
	for i := range st.EarlierResolves {
		if in(&st.EarlierResolves[i]) {
			return true
		}
	}
	return false
}
