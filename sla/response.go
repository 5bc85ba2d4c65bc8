package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrResponseTerm is wrapped by every error about a response term or a
// response clock's configuration.
var ErrResponseTerm = errors.New("invalid response term")

// ErrResponsePriority is wrapped by the error for a priority that a
// response term does not define, or defines without the goal asked for.
var ErrResponsePriority = errors.New("no such response priority")

// ResponseBasis says what time a response goal is counted in. It is a
// plain value, safe for concurrent use; its text form is part of
// [ResponseLimit]'s.
type ResponseBasis uint8

const (
	// ResponseBusiness counts business time of the schedule given to the
	// clock. It is the zero value.
	ResponseBusiness ResponseBasis = iota
	// ResponseWall counts wall time: every instant.
	ResponseWall
)

// String returns "business" or "wall".
func (b ResponseBasis) String() string {
	switch b {
	case ResponseBusiness:
		return "business"
	case ResponseWall:
		return "wall"
	}
	return fmt.Sprintf("ResponseBasis(%d)", uint8(b))
}

// ResponseLimit is a target duration and the time it is counted in, such as
// "respond within 15 minutes of wall time" or "resolve within 4 business
// hours". The zero value means no goal. It is a plain value, safe for
// concurrent use.
//
// Its text form is a Go duration followed by an optional basis: "4h",
// "4h business" or "15m wall"; without a basis the time is business time.
// In JSON it is a string.
type ResponseLimit struct {
	Within time.Duration
	Basis  ResponseBasis
}

// String returns the text form, e.g. "4h business" or "1h30m wall", or ""
// for the zero value.
func (l ResponseLimit) String() string {
	if l == (ResponseLimit{}) {
		return ""
	}
	return rcFormatDuration(l.Within) + " " + l.Basis.String()
}

// MarshalText returns the text form.
func (l ResponseLimit) MarshalText() ([]byte, error) {
	if l.Basis > ResponseWall {
		return nil, fmt.Errorf("sla: %w: basis %v", ErrResponseTerm, l.Basis)
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads the text form; an empty text is the zero value. The
// duration must be positive.
func (l *ResponseLimit) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "" {
		*l = ResponseLimit{}
		return nil
	}
	dur, basis, _ := strings.Cut(s, " ")
	var v ResponseLimit
	switch strings.TrimSpace(basis) {
	case "", "business":
		v.Basis = ResponseBusiness
	case "wall":
		v.Basis = ResponseWall
	default:
		return fmt.Errorf("sla: %w: limit %q: basis %q is neither business nor wall", ErrResponseTerm, s, basis)
	}
	d, err := time.ParseDuration(dur)
	if err != nil {
		return fmt.Errorf("sla: %w: limit %q: %w", ErrResponseTerm, s, err)
	}
	if d <= 0 {
		return fmt.Errorf("sla: %w: limit %q: duration is not positive", ErrResponseTerm, s)
	}
	v.Within = d
	*l = v
	return nil
}

// Clock returns the clock for this limit: counted in business, or in wall
// time if the basis is wall (or business is nil), with the given warning
// levels (nil for the defaults).
func (l ResponseLimit) Clock(business ClockSchedule, warnings []int) ResponseClock {
	c := ResponseClock{Target: l.Within, Schedule: business, Warnings: warnings}
	if l.Basis == ResponseWall {
		c.Schedule = ClockWallTime{}
	}
	return c
}

// ResponsePriority holds the goals for one ticket priority. A zero limit
// means the priority has no such goal. It is a plain value, safe for
// concurrent use.
type ResponsePriority struct {
	Name    string        `json:"name"`
	Respond ResponseLimit `json:"respond,omitzero"`
	Resolve ResponseLimit `json:"resolve,omitzero"`
}

// ResponseTerm is a response-time term: goals per ticket priority, and the
// warning levels in percent of a goal. It is plain configuration, written
// as a struct literal or read from JSON:
//
//	{"priorities": [
//	   {"name": "P1", "respond": "15m wall", "resolve": "4h business"},
//	   {"name": "P2", "respond": "1h", "resolve": "16h"}],
//	 "warnings": [50, 75, 100]}
//
// Reading JSON validates the term and rejects unknown fields. A term is
// safe for concurrent use as long as it is not modified.
type ResponseTerm struct {
	Priorities []ResponsePriority `json:"priorities"`
	// Warnings are the warning levels in percent, ascending, each in
	// 1..1000. Nil (the field left out of JSON) means the defaults 50, 75
	// and 100; an empty list means no warnings.
	Warnings []int `json:"warnings,omitzero"`
}

// Validate reports the first problem with the term, naming its field path:
// a priority without a name, a name used twice, a priority without any
// goal, a goal that is not positive or whose basis is unknown, or warning
// levels out of range or not ascending. The error wraps [ErrResponseTerm].
func (t ResponseTerm) Validate() error {
	if len(t.Priorities) == 0 {
		return fmt.Errorf("sla: %w: priorities: none given", ErrResponseTerm)
	}
	seen := make(map[string]bool, len(t.Priorities))
	for i, p := range t.Priorities {
		path := fmt.Sprintf("priorities[%d]", i)
		switch {
		case p.Name == "":
			return fmt.Errorf("sla: %w: %s.name: empty", ErrResponseTerm, path)
		case seen[p.Name]:
			return fmt.Errorf("sla: %w: %s.name: %q given twice", ErrResponseTerm, path, p.Name)
		case p.Respond == ResponseLimit{} && p.Resolve == ResponseLimit{}:
			return fmt.Errorf("sla: %w: %s: priority %q has neither respond nor resolve", ErrResponseTerm, path, p.Name)
		}
		seen[p.Name] = true
		for _, g := range [...]struct {
			field string
			l     ResponseLimit
		}{{"respond", p.Respond}, {"resolve", p.Resolve}} {
			if g.l == (ResponseLimit{}) {
				continue
			}
			if g.l.Within <= 0 {
				return fmt.Errorf("sla: %w: %s.%s: duration %v is not positive", ErrResponseTerm, path, g.field, g.l.Within)
			}
			if g.l.Basis > ResponseWall {
				return fmt.Errorf("sla: %w: %s.%s: unknown basis %v", ErrResponseTerm, path, g.field, g.l.Basis)
			}
		}
	}
	return rcCheckLevels(t.Warnings, "warnings")
}

// Priority returns the goals for the named priority, and whether the term
// has it.
func (t ResponseTerm) Priority(name string) (ResponsePriority, bool) {
	for _, p := range t.Priorities {
		if p.Name == name {
			return p, true
		}
	}
	return ResponsePriority{}, false
}

// Respond returns the clock of the respond goal of the named priority,
// counted in business unless the goal is in wall time.
func (t ResponseTerm) Respond(priority string, business ClockSchedule) (ResponseClock, error) {
	return t.clock(priority, "respond", business)
}

// Resolve returns the clock of the resolve goal of the named priority,
// counted in business unless the goal is in wall time.
func (t ResponseTerm) Resolve(priority string, business ClockSchedule) (ResponseClock, error) {
	return t.clock(priority, "resolve", business)
}

func (t ResponseTerm) clock(priority, goal string, business ClockSchedule) (ResponseClock, error) {
	p, ok := t.Priority(priority)
	if !ok {
		return ResponseClock{}, fmt.Errorf("sla: %w: %q", ErrResponsePriority, priority)
	}
	l := p.Respond
	if goal == "resolve" {
		l = p.Resolve
	}
	if l == (ResponseLimit{}) {
		return ResponseClock{}, fmt.Errorf("sla: %w: %q has no %s goal", ErrResponsePriority, priority, goal)
	}
	return l.Clock(business, t.Warnings), nil
}

// UnmarshalJSON reads a term, rejecting unknown fields, and validates it.
func (t *ResponseTerm) UnmarshalJSON(b []byte) error {
	type plain ResponseTerm
	var v plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("sla: %w: %w", ErrResponseTerm, err)
	}
	if err := ResponseTerm(v).Validate(); err != nil {
		return err
	}
	*t = ResponseTerm(v)
	return nil
}

// rcCheckLevels checks warning levels: each in 1..1000, ascending.
func rcCheckLevels(levels []int, path string) error {
	for i, l := range levels {
		if l < 1 || l > 1000 {
			return fmt.Errorf("sla: %w: %s[%d]: %d is not in 1..1000", ErrResponseTerm, path, i, l)
		}
		if i > 0 && l <= levels[i-1] {
			return fmt.Errorf("sla: %w: %s[%d]: %d does not come after %d", ErrResponseTerm, path, i, l, levels[i-1])
		}
	}
	return nil
}

// rcFormatDuration is time.Duration.String without trailing zero units:
// "4h", "1h30m", "90s".
func rcFormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
