package contract

import (
	"errors"
	"fmt"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Contract is a service level agreement: who it binds, the terms it sets,
// the credits owed when an availability level is missed, and what must
// happen after a breach. Load one from JSON with [Parse], or build
// it in Go; [Contract.Validate] checks a Go-built one.
//
// A Contract is plain data; it is safe for concurrent use as long as no
// goroutine modifies it.
type Contract struct {
	Name    string
	Parties []string
	Terms   []Term
	// Credits is the credit schedule for availability segments that do not
	// carry their own.
	Credits sla.CreditSchedule
	// Obligations say how soon a breach must be reported and resolved.
	Obligations Obligations
	// Calendars are the named calendars the terms refer to, kept so that
	// the contract writes back to JSON as it was read. Go code may leave
	// it nil and set calendars on the terms directly.
	Calendars map[string]*calendar.Calendar
}

// Term is one term of a contract: either an availability term or a
// response term, never both. Plain data, safe for concurrent use as long
// as it is not modified.
type Term struct {
	// Name identifies the term in reports and breach records; it is unique
	// within a contract.
	Name string
	// Availability is set for an availability term.
	Availability *AvailabilityTerm
	// Response is set for a response (ticket) term.
	Response *ResponseTerm
}

// AvailabilityTerm is an availability objective with one or more segments,
// each a schedule with its own target ("99.5% in business hours, 99% at
// other times"), measured by outage intervals under common rules and
// exclusions. Plain data, safe for concurrent use as long as it is not
// modified.
type AvailabilityTerm struct {
	Segments []Segment
	// Rules select the down time that counts (a minimum outage length,
	// whole-minute counting).
	Rules sla.OutageRules
	// Exclusions are spans such as announced maintenance, treated as
	// Exclusion says.
	Exclusions window.Set
	Exclusion  sla.ExclusionPolicy
}

// Segment is the part of an availability term that applies in one
// schedule, with its own target. Segments of a term are measured
// independently; they are meant not to overlap. A plain value, safe for
// concurrent use as long as Credits is not modified.
type Segment struct {
	Name     string
	Schedule Schedule
	Target   sla.Target
	// Credits, when non-nil, replaces the contract's credit schedule for
	// this segment.
	Credits *sla.CreditSchedule
}

// ResponseTerm is a response term: a ticket policy (how soon tickets of
// each priority must be responded to and resolved) whose goals in
// business time count the business time of Calendar.
type ResponseTerm struct {
	Policy ticket.Policy
	// Calendar is the business time of goals counted in business time.
	// Nil means that business time is wall time (every instant counts).
	Calendar *calendar.Calendar
	// CalendarName is the name of Calendar in the contract's calendars;
	// Parse sets it. Writing JSON finds the name from Calendar itself.
	CalendarName string
}

// Limits on what a contract may hold, so that no document can make the
// library allocate or compute without bound. A document or list past one
// is an error wrapping ErrTooLarge.
const (
	MaxContractBytes = 1 << 20
	MaxTerms         = 100
	MaxSegments      = 20
	MaxCalendars     = 8
	MaxCreditTiers   = 50
	MaxParties       = 20
)

// Validate checks a contract built in Go with the rules Parse applies to
// JSON, and reports the first problem as a *FieldError whose Path names
// the field as the JSON form would ("terms[0].segments[1].name",
// "credits[2]", "terms[1].priorities[0].resolve"). Every error wraps
// ErrContract.
func (c Contract) Validate() error {
	if len(c.Parties) > MaxParties {
		return fieldError("parties", ErrTooLarge, fmt.Sprintf("%d parties, at most %d", len(c.Parties), MaxParties))
	}
	if len(c.Terms) == 0 {
		return fieldError("terms", ErrMissing, "a contract needs at least one term")
	}
	if len(c.Terms) > MaxTerms {
		return fieldError("terms", ErrTooLarge, fmt.Sprintf("%d terms, at most %d", len(c.Terms), MaxTerms))
	}
	seen := make(map[string]int, len(c.Terms))
	for i, t := range c.Terms {
		path := fmt.Sprintf("terms[%d]", i)
		if t.Name == "" {
			return fieldError(path+".name", ErrMissing, "a term needs a name")
		}
		if j, dup := seen[t.Name]; dup {
			return fieldError(path+".name", ErrDuplicateName, fmt.Sprintf("%q is also the name of terms[%d]", t.Name, j))
		}
		seen[t.Name] = i
		if err := t.validate(path); err != nil {
			return err
		}
	}
	if err := validateCredits("credits", c.Credits); err != nil {
		return err
	}
	return c.Obligations.validate()
}

// validateCredits checks a credit schedule at path ("credits" or a
// segment's), naming the tier at fault by its index in the document.
func validateCredits(path string, cs sla.CreditSchedule) error {
	if len(cs.Tiers) > MaxCreditTiers {
		return fieldError(path, ErrTooLarge, fmt.Sprintf("%d tiers, at most %d", len(cs.Tiers), MaxCreditTiers))
	}
	err := cs.Validate()
	var te *sla.TierError
	if errors.As(err, &te) {
		msg := fmt.Sprintf("%v: %v", cs.Tiers[te.Tier], te.Err)
		if te.Other >= 0 {
			msg = fmt.Sprintf("%v and %s[%d] %v: %v", cs.Tiers[te.Tier], path, te.Other, cs.Tiers[te.Other], te.Err)
		}
		return fieldError(fmt.Sprintf("%s[%d]", path, te.Tier), nil, msg, err)
	}
	if err != nil {
		return wrapped(path, nil, err)
	}
	return nil
}

func (t Term) validate(path string) error {
	switch {
	case t.Availability != nil && t.Response != nil:
		return fieldError(path, ErrConflict, "a term is either an availability or a response term, not both")
	case t.Availability != nil:
		return t.Availability.validate(path)
	case t.Response != nil:
		return policyError(path, t.Response.Policy.Validate())
	}
	return fieldError(path, ErrMissing, "a term needs availability segments or response priorities")
}

// policyError puts the path of a ticket policy's *ticket.FieldError under
// the term's, so that the path is said once.
func policyError(path string, err error) error {
	if err == nil {
		return nil
	}
	var fe *ticket.FieldError
	if errors.As(err, &fe) {
		return fieldError(path+"."+fe.Path, nil, fe.Err.Error(), err)
	}
	return wrapped(path, nil, err)
}

func (a AvailabilityTerm) validate(path string) error {
	if len(a.Segments) == 0 {
		return fieldError(path+".segments", ErrMissing, "an availability term needs at least one segment")
	}
	if len(a.Segments) > MaxSegments {
		return fieldError(path+".segments", ErrTooLarge, fmt.Sprintf("%d segments, at most %d", len(a.Segments), MaxSegments))
	}
	seen := make(map[string]int, len(a.Segments))
	for i, s := range a.Segments {
		sp := fmt.Sprintf("%s.segments[%d]", path, i)
		if s.Name == "" {
			return fieldError(sp+".name", ErrMissing, "a segment needs a name")
		}
		if j, dup := seen[s.Name]; dup {
			return fieldError(sp+".name", ErrDuplicateName, fmt.Sprintf("%q is also the name of segments[%d]", s.Name, j))
		}
		seen[s.Name] = i
		if s.Schedule.kind != scheduleAlways && s.Schedule.cal == nil {
			return fieldError(sp+".schedule", ErrMissing, fmt.Sprintf("schedule %v has no calendar", s.Schedule))
		}
		if s.Credits != nil {
			if err := validateCredits(sp+".credits", *s.Credits); err != nil {
				return err
			}
		}
	}
	if a.Rules.MinOutage < 0 {
		return fieldError(path+".min_outage", ErrRange, fmt.Sprintf("%v is negative", a.Rules.MinOutage))
	}
	if a.Exclusion != sla.ExcludeFromMeasured && a.Exclusion != sla.CountAsAvailable {
		return fieldError(path+".exclusion", ErrRange, fmt.Sprintf("unknown policy %v", a.Exclusion))
	}
	return nil
}
