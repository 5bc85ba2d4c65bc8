package contract

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Observations are what happened in a period: outages and tickets.
type Observations struct {
	// Outages holds the down time of each availability term, by term name.
	// The entry with the empty name applies to every availability term
	// without an entry of its own.
	Outages map[string]window.Set
	// Tickets are the tickets of the response terms.
	Tickets []Ticket
	// Now is the instant of evaluation: ticket events after it are not yet
	// known, and breaches are detected at it. The zero value means the end
	// of the period. It must not be before the start of the period.
	Now time.Time
}

// Ticket is one service-desk ticket: its response term, its priority and
// its events.
type Ticket struct {
	ID       string
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
		return fmt.Sprintf("contract: tickets[%d] %q: events[%d] (%v): %v", e.Index, e.ID, e.Event, ee.Event, ee.Err)
	}
	msg := strings.TrimPrefix(e.Err.Error(), "contract: ")
	return fmt.Sprintf("contract: tickets[%d] %q: %s", e.Index, e.ID, msg)
}

// Unwrap returns Err.
func (e *TicketError) Unwrap() error { return e.Err }

// Report is the result of evaluating a contract over a period. It is
// plain data and marshals to JSON.
type Report struct {
	Contract string          `json:"contract"`
	Period   window.Interval `json:"period"`
	// Now is the instant of evaluation.
	Now   time.Time    `json:"now"`
	Terms []TermResult `json:"terms"`
	// Met reports whether every segment and every ticket met its level.
	Met bool `json:"met"`
	// Credit is the credit owed for the period: the largest credit of any
	// segment. Credits of different segments do not add up.
	Credit sla.Share `json:"credit"`
}

// TermResult is the result of one term: its segments for an availability
// term, its tickets for a response term.
type TermResult struct {
	Name     string          `json:"name"`
	Kind     string          `json:"kind"` // "availability" or "response"
	Segments []SegmentResult `json:"segments,omitempty"`
	Tickets  []TicketResult  `json:"tickets,omitempty"`
	Met      bool            `json:"met"`
	Credit   sla.Share       `json:"credit"`
}

// SegmentResult is the measurement of one segment over the period. Its
// JSON form writes durations as Go duration text ("1h30m0s") and the
// ratio as good, total and a truncated percentage.
type SegmentResult struct {
	Name     string
	Schedule string
	Target   sla.Target
	Measured time.Duration
	Down     time.Duration
	Ratio    sla.Ratio
	// Allowance is the down time the target allows in the measured time.
	Allowance time.Duration
	// Remaining is Allowance − Down: negative once overspent.
	Remaining time.Duration
	Met       bool
	// BreachedAt, for a missed segment, is the last instant at which the
	// counted down time still equalled the allowance: from the next
	// instant on the segment was in breach.
	BreachedAt time.Time
	Credit     sla.Share
	// CreditTier is the index of the matched credit tier, or -1.
	CreditTier int
}

// TicketResult is the state of one ticket's clocks at the evaluation
// instant: its ID and priority, and the ticket's [ticket.Status]. Its JSON
// form writes each clock's current cycle with durations as Go duration
// text.
type TicketResult struct {
	ID       string
	Priority string
	ticket.Status
}

// Evaluate measures every term of the contract over period with the
// observations, and returns the report. Observations must not contain
// events that break the rules of a ticket (see [ticket.Validate]);
// such a ticket is an error naming it.
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
	rep := Report{Contract: c.Name, Period: period, Now: now.UTC(), Met: true}
	responseTerms := map[string]bool{}
	for _, t := range c.Terms {
		if t.Response != nil {
			responseTerms[t.Name] = true
		}
	}
	for i, tk := range obs.Tickets {
		switch {
		case tk.Term == "" && len(responseTerms) != 1:
			return Report{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: no term given, and the contract has %d response terms", ErrContract, len(responseTerms))}
		case tk.Term != "" && !responseTerms[tk.Term]:
			return Report{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %w: %q is not a response term of the contract", ErrContract, ErrUnknownName, tk.Term)}
		}
	}
	for _, t := range c.Terms {
		var tr TermResult
		var err error
		switch {
		case t.Availability != nil:
			down, ok := obs.Outages[t.Name]
			if !ok {
				down = obs.Outages[""]
			}
			tr = c.evaluateAvailability(t, period, down)
		case t.Response != nil:
			tr, err = evaluateTickets(t, len(responseTerms) == 1, period, now, obs.Tickets)
			if err != nil {
				return Report{}, err
			}
		default:
			return Report{}, fmt.Errorf("contract: %w: term %q has no kind", ErrContract, t.Name)
		}
		rep.Terms = append(rep.Terms, tr)
		rep.Met = rep.Met && tr.Met
		if tr.Credit.Cmp(rep.Credit) > 0 {
			rep.Credit = tr.Credit
		}
	}
	return rep, nil
}

func (c Contract) evaluateAvailability(t Term, period window.Interval, down window.Set) TermResult {
	a := t.Availability
	tr := TermResult{Name: t.Name, Kind: "availability", Met: true}
	for _, seg := range a.Segments {
		hours := seg.Schedule.Open(period)
		scope := sla.Scope{Period: period, Schedule: &hours, Exclusions: a.Exclusions, Exclusion: a.Exclusion}
		counted := sla.CountedDown(scope, down, a.Rules)
		m := sla.TimeMeasurement{Measured: scope.Measured().Duration(), Down: counted.Duration()}
		b := m.Budget(seg.Target)
		sr := SegmentResult{
			Name:      seg.Name,
			Schedule:  seg.Schedule.String(),
			Target:    seg.Target,
			Measured:  m.Measured,
			Down:      m.Down,
			Ratio:     m.Ratio(),
			Allowance: b.Allowed(),
			Remaining: b.Remaining(),
			Met:       m.Met(seg.Target),
		}
		if !sr.Met {
			sr.BreachedAt = instantPast(counted, b.Allowed())
		}
		credits := c.Credits
		if seg.Credits != nil {
			credits = *seg.Credits
		}
		sr.Credit, sr.CreditTier = credits.Credit(sr.Ratio)
		tr.Segments = append(tr.Segments, sr)
		tr.Met = tr.Met && sr.Met
		if sr.Credit.Cmp(tr.Credit) > 0 {
			tr.Credit = sr.Credit
		}
	}
	return tr
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

func evaluateTickets(t Term, only bool, period window.Interval, now time.Time, tickets []Ticket) (TermResult, error) {
	tt := t.Response
	tr := TermResult{Name: t.Name, Kind: "response", Met: true}
	var business ticket.Schedule
	if tt.Calendar != nil {
		business = tt.Calendar
	}
	for i, tk := range tickets {
		if tk.Term != t.Name && !(only && tk.Term == "") {
			continue
		}
		if len(tk.Events) == 0 || !period.Contains(tk.Events[0].At) {
			continue // a ticket belongs to the period it was opened in
		}
		if _, ok := tt.Policy.Priority(tk.Priority); !ok {
			return TermResult{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %w: %q is not a priority of term %q", ErrContract, ticket.ErrPriority, tk.Priority, t.Name)}
		}
		st, err := tt.Policy.Status(tk.Priority, tk.Events, business, now)
		if err != nil {
			te := &TicketError{Index: i, ID: tk.ID, Event: -1, Err: err}
			var ee *ticket.EventError
			if errors.As(err, &ee) {
				te.Event = ee.Index
			}
			return TermResult{}, te
		}
		tr.Tickets = append(tr.Tickets, TicketResult{ID: tk.ID, Priority: tk.Priority, Status: st})
		tr.Met = tr.Met && !st.Breached
	}
	return tr, nil
}
