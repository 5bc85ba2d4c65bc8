package sla

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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
	Events   []TicketEvent
}

// TicketEventKind is something that happens to a ticket.
type TicketEventKind uint8

// The events of a ticket. Open starts both the response and the
// resolution clock; Respond stops the response clock; Pause and Resume
// ("waiting for customer") stop and restart both running clocks; Resolve
// stops both; Reopen starts a new cycle of the resolution clock.
const (
	TicketOpen TicketEventKind = iota + 1
	TicketRespond
	TicketPause
	TicketResume
	TicketResolve
	TicketReopen
)

var ticketEventNames = [...]string{
	TicketOpen: "open", TicketRespond: "respond", TicketPause: "pause",
	TicketResume: "resume", TicketResolve: "resolve", TicketReopen: "reopen",
}

// String returns the event's text form: open, respond, pause, resume,
// resolve or reopen.
func (k TicketEventKind) String() string {
	if k < TicketOpen || k > TicketReopen {
		return fmt.Sprintf("TicketEventKind(%d)", uint8(k))
	}
	return ticketEventNames[k]
}

// ParseTicketEventKind parses the text form of a TicketEventKind.
func ParseTicketEventKind(s string) (TicketEventKind, error) {
	for k := TicketOpen; k <= TicketReopen; k++ {
		if ticketEventNames[k] == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("sla: unknown ticket event %q: want open, respond, pause, resume, resolve or reopen", s)
}

// MarshalText implements encoding.TextMarshaler.
func (k TicketEventKind) MarshalText() ([]byte, error) {
	if k < TicketOpen || k > TicketReopen {
		return nil, fmt.Errorf("sla: cannot marshal %v", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *TicketEventKind) UnmarshalText(b []byte) error {
	v, err := ParseTicketEventKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// TicketEvent is one event of a ticket.
type TicketEvent struct {
	Kind TicketEventKind `json:"kind"`
	At   time.Time       `json:"at"`
}

// clockEvents turns a ticket's events into the events of its response and
// resolution clocks, up to now. Events after now are not yet known and
// are dropped.
//
// It also returns, for each clock event, the index of the ticket event it
// came from, so that a clock's error can name the ticket's own event.
func (t Ticket) clockEvents(now time.Time) (respond, resolve []ClockEvent, respondFrom, resolveFrom []int) {
	responding, resolving := false, false
	for i, e := range t.Events {
		nr, ns := len(respond), len(resolve)
		if e.At.After(now) {
			break
		}
		switch e.Kind {
		case TicketOpen:
			respond = append(respond, ClockEvent{Kind: ClockStart, At: e.At})
			resolve = append(resolve, ClockEvent{Kind: ClockStart, At: e.At})
			responding, resolving = true, true
		case TicketRespond:
			if responding {
				respond = append(respond, ClockEvent{Kind: ClockStop, At: e.At})
				responding = false
			}
		case TicketPause, TicketResume:
			kind := ClockPause
			if e.Kind == TicketResume {
				kind = ClockResume
			}
			if responding {
				respond = append(respond, ClockEvent{Kind: kind, At: e.At})
			}
			if resolving {
				resolve = append(resolve, ClockEvent{Kind: kind, At: e.At})
			}
		case TicketResolve:
			if responding {
				respond = append(respond, ClockEvent{Kind: ClockStop, At: e.At})
				responding = false
			}
			resolve = append(resolve, ClockEvent{Kind: ClockStop, At: e.At})
			resolving = false
		case TicketReopen:
			resolve = append(resolve, ClockEvent{Kind: ClockRestart, At: e.At})
			resolving = true
		default:
			// An unknown kind goes to the resolution clock, which rejects
			// it with an error that names it.
			resolve = append(resolve, ClockEvent{Kind: ClockEventKind(0), At: e.At})
		}
		for range len(respond) - nr {
			respondFrom = append(respondFrom, i)
		}
		for range len(resolve) - ns {
			resolveFrom = append(resolveFrom, i)
		}
	}
	return respond, resolve, respondFrom, resolveFrom
}

// TicketError is the error for a ticket that cannot be evaluated. Index
// is the ticket's position in Observations.Tickets; Event, when not -1,
// is the position of the offending event in the ticket's Events.
type TicketError struct {
	Index int
	ID    string
	Event int
	Err   error
}

func (e *TicketError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "sla: ")
	if e.Event >= 0 {
		return fmt.Sprintf("sla: tickets[%d] %q: events[%d]: %s", e.Index, e.ID, e.Event, msg)
	}
	return fmt.Sprintf("sla: tickets[%d] %q: %s", e.Index, e.ID, msg)
}

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
	Credit Target `json:"credit"`
}

// TermResult is the result of one term: its segments for an availability
// term, its tickets for a response term.
type TermResult struct {
	Name     string          `json:"name"`
	Kind     string          `json:"kind"` // "availability" or "response"
	Segments []SegmentResult `json:"segments,omitempty"`
	Tickets  []TicketResult  `json:"tickets,omitempty"`
	Met      bool            `json:"met"`
	Credit   Target          `json:"credit"`
}

// SegmentResult is the measurement of one segment over the period. Its
// JSON form writes durations as Go duration text ("1h30m0s") and the
// ratio as good, total and a truncated percentage.
type SegmentResult struct {
	Name     string
	Schedule string
	Target   Target
	Measured time.Duration
	Down     time.Duration
	Ratio    Ratio
	// Allowance is the down time the target allows in the measured time.
	Allowance time.Duration
	// Remaining is Allowance − Down: negative once overspent.
	Remaining time.Duration
	Met       bool
	// BreachedAt, for a missed segment, is the last instant at which the
	// counted down time still equalled the allowance: from the next
	// instant on the segment was in breach.
	BreachedAt time.Time
	Credit     Target
	// CreditTier is the index of the matched credit tier, or -1.
	CreditTier int
}

// TicketResult is the state of one ticket's clocks at the evaluation
// instant. Its JSON form writes each clock's current cycle with durations
// as Go duration text.
type TicketResult struct {
	ID       string
	Priority string
	// Respond and Resolve are the current cycles of the two clocks; a
	// goal the priority does not set is nil.
	Respond *ClockCycle
	Resolve *ClockCycle
	// EarlierResolves are the resolution cycles before the current one,
	// oldest first: a reopened ticket has one per earlier resolution.
	EarlierResolves []ClockCycle
	// Breached reports whether any cycle of either clock was breached.
	Breached bool
}

// Evaluate measures every term of the contract over period with the
// observations, and returns the report. Observations must not contain
// events that make a ticket clock invalid (see [ResponseClock.Status]);
// such a ticket is an error naming it.
func (c Contract) Evaluate(period window.Interval, obs Observations) (Report, error) {
	if period.Empty() {
		return Report{}, fmt.Errorf("sla: %w: the period %v is empty", ErrContract, period)
	}
	now := obs.Now
	if now.IsZero() {
		now = period.End
	}
	if now.Before(period.Start) {
		return Report{}, fmt.Errorf("sla: %w: now %v is before the period %v", ErrContract, now, period)
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
			return Report{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %q is not a response term of the contract", ErrContract, tk.Term)}
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
			return Report{}, fmt.Errorf("sla: %w: term %q has no kind", ErrContract, t.Name)
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
		scope := Scope{Period: period, Schedule: &hours, Exclusions: a.Exclusions, Exclusion: a.Exclusion}
		measured := scope.Measured()
		counted := countedDown(scope, measured, down, a.Rules)
		m := TimeMeasurement{Measured: measured.Duration(), Down: counted.Duration()}
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

// countedDown returns the down time that counts against the scope under
// the rules: the kept part of each run, inside the measured time (which
// is scope.Measured()), outside exclusions counted as available. Its
// duration is what MeasureOutages reports as Down.
func countedDown(scope Scope, measured, down window.Set, rules OutageRules) window.Set {
	kept := make([]window.Interval, 0, down.Len())
	for run := range down.All() {
		if iv, ok := rules.keep(run); ok {
			kept = append(kept, iv)
		}
	}
	counting := measured
	if scope.Exclusion == CountAsAvailable {
		counting = counting.Subtract(scope.Exclusions)
	}
	return window.NewSet(kept...).Intersect(counting)
}

// instantPast returns the last instant at which the time in set before it
// is exactly d: the instant after which more than d has passed. set must
// hold more than d.
func instantPast(set window.Set, d time.Duration) time.Time {
	var sum time.Duration
	for iv := range set.All() {
		l := iv.Duration()
		if sum+l > d {
			return iv.Start.Add(d - sum)
		}
		sum += l
	}
	return time.Time{}
}

func evaluateTickets(t Term, only bool, period window.Interval, now time.Time, tickets []Ticket) (TermResult, error) {
	tt := t.Response
	tr := TermResult{Name: t.Name, Kind: "response", Met: true}
	var business ClockSchedule
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
		p, ok := tt.Priority(tk.Priority)
		if !ok {
			return TermResult{}, &TicketError{Index: i, ID: tk.ID, Event: -1, Err: fmt.Errorf("%w: %q is not a priority of term %q", ErrContract, tk.Priority, t.Name)}
		}
		res := TicketResult{ID: tk.ID, Priority: tk.Priority}
		respondEvents, resolveEvents, respondFrom, resolveFrom := tk.clockEvents(now)
		for _, goal := range []struct {
			limit  ResponseLimit
			events []ClockEvent
			from   []int
			out    **ClockCycle
		}{
			{p.Respond, respondEvents, respondFrom, &res.Respond},
			{p.Resolve, resolveEvents, resolveFrom, &res.Resolve},
		} {
			if goal.limit.Within <= 0 {
				continue
			}
			st, err := goal.limit.Clock(business, tt.Warnings).Status(goal.events, now)
			if err != nil {
				te := &TicketError{Index: i, ID: tk.ID, Event: -1, Err: err}
				var ce *ClockEventError
				if errors.As(err, &ce) && ce.Index >= 0 && ce.Index < len(goal.from) {
					te.Event = goal.from[ce.Index]
				}
				return TermResult{}, te
			}
			cur := st.Current()
			*goal.out = &cur
			if goal.out == &res.Resolve && len(st.Cycles) > 1 {
				res.EarlierResolves = st.Cycles[:len(st.Cycles)-1]
			}
			if slices.ContainsFunc(st.Cycles, func(c ClockCycle) bool { return c.Breached }) {
				res.Breached = true
			}
		}
		tr.Tickets = append(tr.Tickets, res)
		tr.Met = tr.Met && !res.Breached
	}
	return tr, nil
}
