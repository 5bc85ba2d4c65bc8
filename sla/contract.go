package sla

import (
	"errors"
	"fmt"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Contract is a service level agreement: who it binds, the terms it sets,
// the credits owed when an availability level is missed, and what must
// happen after a breach. Load one from JSON with [ParseContract], or build
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
	Credits CreditSchedule
	// Obligations say how soon a breach must be reported and resolved.
	Obligations Obligations
	// Calendars are the named calendars the terms refer to, kept so that
	// the contract writes back to JSON as it was read. Go code may leave
	// it nil and set calendars on the terms directly.
	Calendars map[string]*calendar.Calendar
}

// Term is one term of a contract: either an availability term or a
// response term, never both.
type Term struct {
	// Name identifies the term in reports and breach records; it is unique
	// within a contract.
	Name string
	// Availability is set for an availability term.
	Availability *AvailabilityTerm
	// Response is set for a response (ticket) term.
	Response *TicketTerm
}

// AvailabilityTerm is an availability objective with one or more segments,
// each a schedule with its own target ("99.5% in business hours, 99% at
// other times"), measured by outage intervals under common rules and
// exclusions.
type AvailabilityTerm struct {
	Segments []Segment
	// Rules select the down time that counts (a minimum outage length,
	// whole-minute counting).
	Rules OutageRules
	// Exclusions are spans such as announced maintenance, treated as
	// Exclusion says.
	Exclusions window.Set
	Exclusion  ExclusionPolicy
}

// Segment is the part of an availability term that applies in one
// schedule, with its own target. Segments of a term are measured
// independently; they are meant not to overlap.
type Segment struct {
	Name     string
	Schedule Schedule
	Target   Target
	// Credits, when non-nil, replaces the contract's credit schedule for
	// this segment.
	Credits *CreditSchedule
}

// TicketTerm is a response term: how soon tickets of each priority must be
// responded to and resolved, counted in the business time of Calendar.
type TicketTerm struct {
	ticket.Policy
	// Calendar is the business time of limits counted in business time.
	// Nil means that business time is wall time (every instant counts).
	Calendar *calendar.Calendar
	// CalendarName is the name of Calendar in the contract's calendars,
	// for JSON.
	CalendarName string
}

// Obligations are what a contract asks once a breach is detected: report
// it within ReportWithin and resolve it within ResolveWithin, counted from
// detection in the business time of Calendar, or in wall time when
// Calendar is nil.
type Obligations struct {
	ReportWithin  time.Duration
	ResolveWithin time.Duration
	Calendar      *calendar.Calendar
	// CalendarName is the name of Calendar in the contract's calendars,
	// for JSON.
	CalendarName string
}

// scheduleKind says how a Schedule relates to its calendar.
type scheduleKind uint8

const (
	scheduleAlways scheduleKind = iota
	scheduleDuring
	scheduleOutside
)

// Schedule is when a segment's target applies: always, during the open
// hours of a calendar, or outside them ("other times"). The zero value is
// Always. A Schedule is a plain value, safe for concurrent use.
type Schedule struct {
	kind scheduleKind
	cal  *calendar.Calendar
	name string
}

// Always returns the schedule that covers every instant.
func Always() Schedule { return Schedule{} }

// During returns the schedule of the open hours of cal. The name is how
// the contract's JSON refers to cal; it may be empty for a contract built
// in Go. It panics if cal is nil.
func During(name string, cal *calendar.Calendar) Schedule {
	if cal == nil {
		panic("sla: During with a nil calendar")
	}
	return Schedule{kind: scheduleDuring, cal: cal, name: name}
}

// Outside returns the schedule of the instants when cal is closed: the
// "other times" of a term whose first segment is During the same calendar.
// It panics if cal is nil.
func Outside(name string, cal *calendar.Calendar) Schedule {
	if cal == nil {
		panic("sla: Outside with a nil calendar")
	}
	return Schedule{kind: scheduleOutside, cal: cal, name: name}
}

// Calendar returns the schedule's calendar and its name, or nil for Always.
func (s Schedule) Calendar() (string, *calendar.Calendar) { return s.name, s.cal }

// Open returns the instants of period that the schedule covers.
func (s Schedule) Open(period window.Interval) window.Set {
	switch s.kind {
	case scheduleDuring:
		return s.cal.Open(period)
	case scheduleOutside:
		return s.cal.Open(period).Complement(period)
	}
	return window.NewSet(period)
}

// String describes the schedule: "always", "during NAME" or "outside NAME".
func (s Schedule) String() string {
	switch s.kind {
	case scheduleDuring:
		return "during " + s.name
	case scheduleOutside:
		return "outside " + s.name
	}
	return "always"
}

// Limits on what a contract may hold, so that no document can make the
// library allocate or compute without bound.
const (
	MaxContractBytes = 1 << 20
	MaxTerms         = 100
	MaxSegments      = 20
	MaxCalendars     = 8
	MaxCreditTiers   = 50
	MaxParties       = 20
)

// Validate checks a contract built in Go with the rules ParseContract
// applies to JSON, and reports the first problem as a *FieldError naming
// the field path.
func (c Contract) Validate() error {
	if len(c.Parties) > MaxParties {
		return fieldErrorf("parties", ErrContract, "%d parties, at most %d", len(c.Parties), MaxParties)
	}
	if len(c.Terms) == 0 {
		return fieldErrorf("terms", ErrContract, "a contract needs at least one term")
	}
	if len(c.Terms) > MaxTerms {
		return fieldErrorf("terms", ErrContract, "%d terms, at most %d", len(c.Terms), MaxTerms)
	}
	seen := make(map[string]int, len(c.Terms))
	for i, t := range c.Terms {
		path := fmt.Sprintf("terms[%d]", i)
		if t.Name == "" {
			return fieldErrorf(path+".name", ErrContract, "a term needs a name")
		}
		if j, dup := seen[t.Name]; dup {
			return fieldErrorf(path+".name", ErrContract, "%q is also the name of terms[%d]", t.Name, j)
		}
		seen[t.Name] = i
		if err := t.validate(path); err != nil {
			return err
		}
	}
	if len(c.Credits.Tiers) > MaxCreditTiers {
		return fieldErrorf("credits", ErrContract, "%d tiers, at most %d", len(c.Credits.Tiers), MaxCreditTiers)
	}
	if err := c.Credits.Validate(); err != nil {
		return &FieldError{Path: "credits", Err: err}
	}
	if c.Obligations.ReportWithin < 0 {
		return fieldErrorf("obligations.report_within", ErrContract, "%v is negative", c.Obligations.ReportWithin)
	}
	if c.Obligations.ResolveWithin < 0 {
		return fieldErrorf("obligations.resolve_within", ErrContract, "%v is negative", c.Obligations.ResolveWithin)
	}
	return nil
}

func (t Term) validate(path string) error {
	switch {
	case t.Availability != nil && t.Response != nil:
		return fieldErrorf(path, ErrContract, "a term is either an availability or a response term, not both")
	case t.Availability != nil:
		return t.Availability.validate(path)
	case t.Response != nil:
		if err := t.Response.Policy.Validate(); err != nil {
			var fe *ticket.FieldError
			if errors.As(err, &fe) {
				return &FieldError{Path: path + "." + fe.Path, Err: &nestedError{shown: fe.Err, inner: err}}
			}
			return &FieldError{Path: path, Err: err}
		}
		return nil
	}
	return fieldErrorf(path, ErrContract, "a term needs availability segments or response priorities")
}

func (a AvailabilityTerm) validate(path string) error {
	if len(a.Segments) == 0 {
		return fieldErrorf(path+".segments", ErrContract, "an availability term needs at least one segment")
	}
	if len(a.Segments) > MaxSegments {
		return fieldErrorf(path+".segments", ErrContract, "%d segments, at most %d", len(a.Segments), MaxSegments)
	}
	seen := make(map[string]int, len(a.Segments))
	for i, s := range a.Segments {
		sp := fmt.Sprintf("%s.segments[%d]", path, i)
		if s.Name == "" {
			return fieldErrorf(sp+".name", ErrContract, "a segment needs a name")
		}
		if j, dup := seen[s.Name]; dup {
			return fieldErrorf(sp+".name", ErrContract, "%q is also the name of segments[%d]", s.Name, j)
		}
		seen[s.Name] = i
		if s.Schedule.kind != scheduleAlways && s.Schedule.cal == nil {
			return fieldErrorf(sp+".schedule", ErrContract, "schedule %v has no calendar", s.Schedule)
		}
		if s.Credits != nil {
			if len(s.Credits.Tiers) > MaxCreditTiers {
				return fieldErrorf(sp+".credits", ErrContract, "%d tiers, at most %d", len(s.Credits.Tiers), MaxCreditTiers)
			}
			if err := s.Credits.Validate(); err != nil {
				return &FieldError{Path: sp + ".credits", Err: err}
			}
		}
	}
	if a.Rules.MinOutage < 0 {
		return fieldErrorf(path+".min_outage", ErrContract, "%v is negative", a.Rules.MinOutage)
	}
	if a.Exclusion != ExcludeFromMeasured && a.Exclusion != CountAsAvailable {
		return fieldErrorf(path+".exclusion", ErrContract, "unknown policy %v", a.Exclusion)
	}
	return nil
}
