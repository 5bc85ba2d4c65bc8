package contract

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/internal/quote"
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
	// CreditPolicy says how the credits of segments add up to the credit
	// of the period, and the fee that turns a credit into money.
	CreditPolicy CreditPolicy
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
// other times"), measured by one method under common rules and
// exclusions. Plain data, safe for concurrent use as long as it is not
// modified.
type AvailabilityTerm struct {
	Segments []Segment
	// Method is what the term measures: outage intervals (the zero value),
	// or requests as events, time slices or an average of slices.
	Method Method
	// Rules select the down time that counts, for a term measured by
	// outages: a minimum outage length, a minute rule, the order of the
	// two, clock buckets.
	Rules sla.OutageRules
	// Slice is the length of a time slice, for the slice methods: one of
	// the slices of the UTC clock, a whole number of seconds that divides
	// 24 hours.
	Slice time.Duration
	// SliceRules say when a slice is bad (TimeSlices) and how a slice
	// without requests counts (TimeSlices and SliceAverage).
	SliceRules sla.SliceRules
	// Exclusions are spans such as announced maintenance, treated as
	// Exclusion says. The maintenance of a period, given with its
	// observations, is added to them.
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
	// Proportional makes the segment's credit proportional to its down
	// time instead of a tier: down time × share of customers affected ÷
	// measured time, as a share of the fee (see [Incident.Affected]). A
	// missed target is not needed: every counted minute earns credit. Only
	// a term measured by outages has it, and not together with Credits.
	Proportional bool
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
//
// A valid contract may still say something its authors likely did not
// mean; Validate returns that as warnings, which are not errors: a credit
// schedule with a gap below a segment's target (a published table that
// owes nothing at exactly one boundary, or below its last tier), where a
// worse month would cost less than a better one ([ErrCreditGap]). A
// contract read by Parse has been validated; call Validate to read its
// warnings.
func (c Contract) Validate() (Warnings, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c.warnings(), nil
}

func (c Contract) validate() error {
	if err := c.checkCalendars(); err != nil {
		return err
	}
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
			return fieldError(path+".name", ErrDuplicateName, fmt.Sprintf("%s is also the name of terms[%d]", quote.Text(t.Name), j))
		}
		seen[t.Name] = i
		if err := t.validate(path); err != nil {
			return err
		}
	}
	if err := validateCredits("credits", c.Credits); err != nil {
		return err
	}
	if err := c.CreditPolicy.validate(); err != nil {
		return err
	}
	return c.Obligations.validate()
}

// checkCalendars returns a *FieldError wrapping calendar.ErrZeroCalendar
// for the first zero calendar.Calendar the contract holds (in the order
// of its JSON form), whose queries would panic. It allocates only for the
// error, so Evaluate can afford it.
func (c Contract) checkCalendars() error {
	for _, cal := range c.Calendars {
		if isZero(cal) {
			for _, n := range slices.Sorted(maps.Keys(c.Calendars)) {
				if isZero(c.Calendars[n]) {
					return zeroCalendar("calendars." + n)
				}
			}
		}
	}
	for i, t := range c.Terms {
		switch {
		case t.Availability != nil:
			for j, s := range t.Availability.Segments {
				if isZero(s.Schedule.cal) {
					return zeroCalendar(fmt.Sprintf("terms[%d].segments[%d].schedule", i, j))
				}
			}
		case t.Response != nil:
			if isZero(t.Response.Calendar) {
				return zeroCalendar(fmt.Sprintf("terms[%d].calendar", i))
			}
		}
	}
	if isZero(c.Obligations.Calendar) {
		return zeroCalendar("obligations.calendar")
	}
	return nil
}

// isZero reports whether cal is the zero calendar.Calendar; a nil cal is
// not (the caller checks it where it matters).
func isZero(cal *calendar.Calendar) bool { return cal != nil && cal.IsZero() }

// zeroCalendar returns the error for a zero calendar.Calendar at path.
func zeroCalendar(path string) error {
	return wrapped(path, nil, fmt.Errorf("calendar: %w", calendar.ErrZeroCalendar))
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
			return fieldError(sp+".name", ErrDuplicateName, fmt.Sprintf("%s is also the name of segments[%d]", quote.Text(s.Name), j))
		}
		seen[s.Name] = i
		if s.Schedule.kind != scheduleAlways && s.Schedule.cal == nil {
			return fieldError(sp+".schedule", ErrMissing, fmt.Sprintf("schedule %v has no calendar", s.Schedule))
		}
		if s.Credits != nil {
			if s.Proportional {
				return fieldError(sp+".proportional_credit", ErrConflict, "a segment's credit is proportional or by its own tiers, not both")
			}
			if err := validateCredits(sp+".credits", *s.Credits); err != nil {
				return err
			}
		}
		if s.Proportional && a.Method != Outages {
			return fieldError(sp+".proportional_credit", ErrConflict, fmt.Sprintf("a proportional credit counts down time, which a term measured by %v does not have", a.Method))
		}
	}
	if a.Exclusion != sla.ExcludeFromMeasured && a.Exclusion != sla.CountAsAvailable {
		return fieldError(path+".exclusion", ErrRange, fmt.Sprintf("unknown policy %v", a.Exclusion))
	}
	switch a.Method {
	case Outages:
		if a.Slice != 0 || a.SliceRules != (sla.SliceRules{}) {
			return fieldError(path+".slice", ErrConflict, "a term measured by outages has no slices")
		}
		return validateOutageRules(path, a.Rules)
	case Events, TimeSlices, SliceAverage:
		if a.Rules != (sla.OutageRules{}) {
			return fieldError(path+".measure", ErrConflict, fmt.Sprintf("a term measured by %v takes no outage rules", a.Method))
		}
		if a.Method == Events {
			if a.Slice != 0 || a.SliceRules != (sla.SliceRules{}) {
				return fieldError(path+".slice", ErrConflict, "a term measured by events has no slices")
			}
			return nil
		}
		if a.Method == SliceAverage && (a.SliceRules.MaxErrors != (sla.Target{}) || a.SliceRules.MinEvents != 0) {
			return fieldError(path+".max_errors", ErrConflict, "an average of slices has no threshold for a bad slice")
		}
		if err := validateClockLength(path+".slice", "a slice", a.Slice, time.Second); err != nil {
			return err
		}
		if e := a.SliceRules.Empty; e != sla.EmptyGood && e != sla.EmptyBad && e != sla.EmptyExcluded {
			return fieldError(path+".empty_slices", ErrRange, fmt.Sprintf("unknown policy %v", e))
		}
		return nil
	}
	return fieldError(path+".measure", ErrRange, fmt.Sprintf("unknown method %v", a.Method))
}

// validateOutageRules checks the outage rules of the term at path.
func validateOutageRules(path string, r sla.OutageRules) error {
	if r.MinOutage < 0 {
		return fieldError(path+".min_outage", ErrRange, fmt.Sprintf("%v is negative", r.MinOutage))
	}
	if r.Minutes != sla.ExactTime && r.Minutes != sla.WholeMinutes && r.Minutes != sla.PartialMinutes {
		return fieldError(path+".whole_minutes", ErrRange, fmt.Sprintf("unknown minute rule %v", r.Minutes))
	}
	if r.Order != sla.MinOutageFirst && r.Order != sla.MinutesFirst {
		return fieldError(path+".rule_order", ErrRange, fmt.Sprintf("unknown rule order %v", r.Order))
	}
	b := r.Buckets
	if b == (sla.ClockBuckets{}) {
		return nil
	}
	if err := validateClockLength(path+".clock_buckets.length", "a bucket", b.Length, time.Minute); err != nil {
		return err
	}
	if b.MoreThan < 0 || b.MoreThan >= b.Length {
		return fieldError(path+".clock_buckets.more_than", ErrRange, fmt.Sprintf("%v is not between 0 and the bucket length %v", b.MoreThan, b.Length))
	}
	return nil
}

// validateClockLength checks the length of a slice or bucket of the UTC
// clock: a whole number of units (seconds or minutes) that divides 24
// hours, so that every day is cut alike.
func validateClockLength(path, what string, d, unit time.Duration) error {
	if d <= 0 || d%unit != 0 || (24*time.Hour)%d != 0 {
		return fieldError(path, ErrRange, fmt.Sprintf("%v: %s is a whole number of %v that divides 24h, such as 1m or 1h", d, what, unit))
	}
	return nil
}
