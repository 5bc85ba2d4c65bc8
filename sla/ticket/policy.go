package ticket

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Basis says what time a goal is counted in. It is a plain value, safe
// for concurrent use; its text form is "business" or "wall".
type Basis uint8

const (
	// Business counts the business time of the schedule given to the
	// clock. It is the zero value.
	Business Basis = iota
	// Wall counts wall time: every instant.
	Wall
)

// String returns "business" or "wall", or "Basis(n)" for any other value.
func (b Basis) String() string {
	switch b {
	case Business:
		return "business"
	case Wall:
		return "wall"
	}
	return fmt.Sprintf("Basis(%d)", uint8(b))
}

// MarshalText implements encoding.TextMarshaler; it fails, wrapping
// ErrRange, for a value other than Business and Wall.
func (b Basis) MarshalText() ([]byte, error) {
	if b > Wall {
		return nil, fmt.Errorf("ticket: basis %d: %w", uint8(b), ErrRange)
	}
	return []byte(b.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads "business"
// or "wall"; any other text is a *ParseError wrapping ErrSyntax.
func (b *Basis) UnmarshalText(text []byte) error {
	switch string(text) {
	case "business":
		*b = Business
	case "wall":
		*b = Wall
	default:
		return &ParseError{What: "basis", Input: string(text), Err: fmt.Errorf("%w: want business or wall", ErrSyntax)}
	}
	return nil
}

// Limit is a goal: a duration and the time it is counted in, such as
// "respond within 15 minutes of wall time" or "resolve within 4 business
// hours". The zero value means no goal. It is a plain value, safe for
// concurrent use.
//
// Its text form is a Go duration followed by an optional basis: "4h",
// "4h business" or "15m wall"; without a basis the time is business time.
// In JSON it is a string.
type Limit struct {
	Within time.Duration
	Basis  Basis
}

// String returns the text form, e.g. "4h business" or "1h30m wall", or ""
// for the zero value.
func (l Limit) String() string {
	if l == (Limit{}) {
		return ""
	}
	return formatDuration(l.Within) + " " + l.Basis.String()
}

// MarshalText returns the text form; it fails, wrapping ErrRange, for a
// basis that is neither Business nor Wall.
func (l Limit) MarshalText() ([]byte, error) {
	if l.Basis > Wall {
		return nil, fmt.Errorf("ticket: limit basis %d: %w", uint8(l.Basis), ErrRange)
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads the text form; an empty text is the zero value.
// The duration must be positive. Errors are *ParseError wrapping
// ErrSyntax, or ErrRange for a duration that is not positive.
func (l *Limit) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "" {
		*l = Limit{}
		return nil
	}
	fail := func(err error, format string, args ...any) error {
		return &ParseError{What: "limit", Input: s, Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)}
	}
	dur, basis, _ := strings.Cut(s, " ")
	var v Limit
	switch strings.TrimSpace(basis) {
	case "", "business":
		v.Basis = Business
	case "wall":
		v.Basis = Wall
	default:
		return fail(ErrSyntax, "basis %s is neither business nor wall; want %s", quote(basis), limitForm)
	}
	d, err := time.ParseDuration(dur)
	if err != nil {
		return fail(ErrSyntax, "want %s", limitForm)
	}
	if d <= 0 {
		return fail(ErrRange, "the duration is not positive")
	}
	v.Within = d
	*l = v
	return nil
}

// Clock returns the clock for this limit: counted in business, or in wall
// time if the basis is Wall (or business is nil), with the given warning
// levels (nil for the defaults).
func (l Limit) Clock(business Schedule, warnings []int) Clock {
	c := Clock{Target: l.Within, Schedule: business, Warnings: warnings}
	if l.Basis == Wall {
		c.Schedule = WallTime{}
	}
	return c
}

// Priority holds the goals for one ticket priority. A zero limit means
// the priority has no such goal. It is a plain value, safe for concurrent
// use.
type Priority struct {
	Name    string `json:"name"`
	Respond Limit  `json:"respond,omitzero"`
	Resolve Limit  `json:"resolve,omitzero"`
}

// Policy is a service desk's response-time policy: respond and resolve
// goals per ticket priority, and the warning levels in percent of a goal.
// It is plain configuration, written as a struct literal or read from
// JSON:
//
//	{"priorities": [
//	   {"name": "P1", "respond": "15m wall", "resolve": "4h business"},
//	   {"name": "P2", "respond": "1h", "resolve": "16h"}],
//	 "warnings": [50, 75, 100]}
//
// Reading JSON validates the policy and rejects unknown fields, keys
// given twice and keys in another case (see [Policy.UnmarshalJSON]). A
// policy is safe for concurrent use as long as it is not modified.
type Policy struct {
	Priorities []Priority `json:"priorities"`
	// Warnings are the warning levels in percent, ascending, each in
	// 1..1000. Nil (the field left out of JSON) means [DefaultWarnings];
	// an empty list means no warnings.
	Warnings []int `json:"warnings,omitzero"`
}

// Validate reports the first problem with the policy as a [*FieldError]
// whose Path names the field ("priorities[1].name", "priorities[0].resolve",
// "warnings[2]") and whose Err wraps ErrPolicy: no priorities, a priority
// without a name, a name used twice, a priority without any goal, a goal
// that is not positive or whose basis is unknown (also ErrRange), or
// warning levels out of 1..1000 or not ascending (also ErrRange).
func (p Policy) Validate() error {
	if len(p.Priorities) == 0 {
		return policyError("priorities", nil, "none given")
	}
	for i, pr := range p.Priorities {
		path := fmt.Sprintf("priorities[%d]", i)
		switch {
		case pr.Name == "":
			return policyError(path+".name", nil, "empty")
		case slices.ContainsFunc(p.Priorities[:i], func(q Priority) bool { return q.Name == pr.Name }):
			return policyError(path+".name", nil, "%s given twice", quote(pr.Name))
		case pr.Respond == Limit{} && pr.Resolve == Limit{}:
			return policyError(path, nil, "priority %s has neither respond nor resolve", quote(pr.Name))
		}
		for _, g := range [...]struct {
			field string
			l     Limit
		}{{"respond", pr.Respond}, {"resolve", pr.Resolve}} {
			switch {
			case g.l == Limit{}:
			case g.l.Within <= 0:
				return policyError(path+"."+g.field, ErrRange, "duration %v is not positive", g.l.Within)
			case g.l.Basis > Wall:
				return policyError(path+"."+g.field, ErrRange, "unknown basis %v", g.l.Basis)
			}
		}
	}
	if i, why := checkLevels(p.Warnings); i >= 0 {
		return policyError(fmt.Sprintf("warnings[%d]", i), ErrRange, "%s", why)
	}
	return nil
}

// Priority returns the goals for the named priority, and whether the
// policy has it.
func (p Policy) Priority(name string) (Priority, bool) {
	for _, pr := range p.Priorities {
		if pr.Name == name {
			return pr, true
		}
	}
	return Priority{}, false
}

// RespondClock returns the clock of the respond goal of the named
// priority, counted in business unless the goal is in wall time. It fails,
// wrapping ErrPriority, when the policy has no such priority or the
// priority no respond goal.
func (p Policy) RespondClock(priority string, business Schedule) (Clock, error) {
	return p.clock(priority, "respond", business)
}

// ResolveClock is RespondClock for the resolve goal.
func (p Policy) ResolveClock(priority string, business Schedule) (Clock, error) {
	return p.clock(priority, "resolve", business)
}

func (p Policy) clock(priority, goal string, business Schedule) (Clock, error) {
	pr, ok := p.Priority(priority)
	if !ok {
		return Clock{}, fmt.Errorf("ticket: %w: %s", ErrPriority, quote(priority))
	}
	l := pr.Respond
	if goal == "resolve" {
		l = pr.Resolve
	}
	if l == (Limit{}) {
		return Clock{}, fmt.Errorf("ticket: %w: %s has no %s goal", ErrPriority, quote(priority), goal)
	}
	return l.Clock(business, p.Warnings), nil
}

// UnmarshalJSON reads a policy and validates it. Keys are exact (the
// field names of the example on [Policy], in lower case) and given once:
// a key in another case ("Respond"), an unknown key and a key given
// twice are errors, as is a value of the wrong type. A null value is
// the value left out: no goal, or the default warnings. Every error is a
// [*FieldError] whose Path names the field ("priorities[2].resolve",
// "warnings[1]"; empty for the document itself), whose Line is the line
// of that field counted from the policy's opening brace, and which wraps
// ErrPolicy; a limit that does not parse also wraps its *ParseError.
func (p *Policy) UnmarshalJSON(b []byte) error {
	r := newPolicyReader(b)
	v, err := r.policy()
	if err == nil {
		err = v.Validate()
	}
	if err != nil {
		return r.placed(err)
	}
	*p = v
	return nil
}

// Status is the state of one ticket at an instant: the current cycle of
// its response clock and of its resolution clock, the resolution cycles
// before a reopening, and whether any of them breached. Each cycle holds
// its elapsed business and wall time, its due times, its breach and the
// warnings it crossed. It is plain data, safe for concurrent use as long
// as it is not modified.
type Status struct {
	// Now is the instant of the status, in UTC.
	Now time.Time
	// Respond and Resolve are the current cycles of the two clocks; a
	// goal the priority does not set is nil.
	Respond *Cycle
	Resolve *Cycle
	// EarlierResolves are the resolution cycles before the current one,
	// oldest first: a reopened ticket has one per earlier resolution.
	EarlierResolves []Cycle
	// Breached reports whether any cycle of either clock was breached.
	Breached bool
}

// Status returns the state at now of a ticket of the named priority with
// the given events, counted in the business time of business (nil means
// wall time) for goals in business time.
//
// It is one call: no contract and no period. The events must pass
// [Validate]; an event that does not is an [*EventError] naming it.
// Events after now are not yet known and are left out. A priority the
// policy does not have is an error wrapping ErrPriority, and a policy
// that does not pass [Policy.Validate] an error wrapping ErrPolicy. A
// ticket with no events has nil cycles.
func (p Policy) Status(priority string, events []Event, business Schedule, now time.Time) (Status, error) {
	if err := p.Validate(); err != nil {
		return Status{}, err
	}
	pr, ok := p.Priority(priority)
	if !ok {
		return Status{}, fmt.Errorf("ticket: %w: %s", ErrPriority, quote(priority))
	}
	if err := Validate(events); err != nil {
		return Status{}, err
	}
	if business != nil {
		if err := checkSchedule(business); err != nil {
			return Status{}, err
		}
	}
	st := Status{Now: now.UTC()}
	respond, resolve := clockEvents(events, now)
	for _, goal := range [...]struct {
		limit  Limit
		events []ClockEvent
		out    **Cycle
	}{
		{pr.Respond, respond, &st.Respond},
		{pr.Resolve, resolve, &st.Resolve},
	} {
		if goal.limit == (Limit{}) || len(goal.events) == 0 {
			continue
		}
		cs, err := goal.limit.Clock(business, p.Warnings).Status(goal.events, now)
		if err != nil {
			// Validate passed and events after now are left out, so the
			// clock accepts its events; this is a safeguard.
			return Status{}, err
		}
		cur := cs.Current()
		*goal.out = &cur
		if goal.out == &st.Resolve && len(cs.Cycles) > 1 {
			st.EarlierResolves = cs.Cycles[:len(cs.Cycles)-1]
		}
		if slices.ContainsFunc(cs.Cycles, func(c Cycle) bool { return c.Breached }) {
			st.Breached = true
		}
	}
	return st, nil
}

// formatDuration is time.Duration.String without trailing zero units:
// "4h", "1h30m", "90s".
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
