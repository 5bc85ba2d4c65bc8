package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// ErrContract is wrapped by every error about a contract that is not
// valid.
var ErrContract = errors.New("invalid contract")

// FieldError is the error for a contract document or value that is not
// valid. Path names the field as a JSON path into the document, such as
// "terms[1].segments[0].target"; Line, when known, is the 1-based line of
// the document where decoding stopped.
type FieldError struct {
	Path string
	Line int
	Err  error
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("sla: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "sla: "))
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

// contractError is the error for a field whose value breaks a rule of
// the contract itself (rather than of a target or calendar it holds).
type contractError struct{ msg string }

func (e *contractError) Error() string { return e.msg }
func (e *contractError) Unwrap() error { return ErrContract }

func fieldErrorf(path string, _ error, format string, args ...any) error {
	return &FieldError{Path: path, Err: &contractError{msg: fmt.Sprintf(format, args...)}}
}

// The JSON form of a contract. Targets, durations and schedules are text
// so that every error can name its field.
type contractJSON struct {
	Name        string                   `json:"name"`
	Parties     []string                 `json:"parties,omitempty"`
	Calendars   map[string]calendar.Spec `json:"calendars,omitempty"`
	Terms       []termJSON               `json:"terms"`
	Credits     []tierJSON               `json:"credits,omitempty"`
	Obligations *obligationsJSON         `json:"obligations,omitempty"`
}

type termJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`

	Segments     []segmentJSON     `json:"segments,omitempty"`
	MinOutage    string            `json:"min_outage,omitempty"`
	WholeMinutes bool              `json:"whole_minutes,omitempty"`
	Exclusions   []window.Interval `json:"exclusions,omitempty"`
	Exclusion    string            `json:"exclusion,omitempty"`

	Calendar   string            `json:"calendar,omitempty"`
	Priorities []ticket.Priority `json:"priorities,omitempty"`
	Warnings   []int             `json:"warnings,omitzero"`
}

type segmentJSON struct {
	Name    string     `json:"name"`
	During  string     `json:"during,omitempty"`
	Outside string     `json:"outside,omitempty"`
	Target  string     `json:"target"`
	Credits []tierJSON `json:"credits,omitempty"`
}

type tierJSON struct {
	AtLeast string `json:"at_least,omitempty"`
	Above   string `json:"above,omitempty"`
	Below   string `json:"below,omitempty"`
	AtMost  string `json:"at_most,omitempty"`
	Credit  string `json:"credit"`
}

type obligationsJSON struct {
	ReportWithin  string `json:"report_within,omitempty"`
	ResolveWithin string `json:"resolve_within,omitempty"`
	Calendar      string `json:"calendar,omitempty"`
}

// ParseContract decodes and validates a contract from its JSON form:
//
//	{
//	  "name": "Example API",
//	  "parties": ["Provider Ltd", "Customer plc"],
//	  "calendars": {"business": {"zone": "America/New_York",
//	    "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
//	  "terms": [
//	    {"name": "availability", "kind": "availability", "whole_minutes": true,
//	     "segments": [
//	       {"name": "business hours", "during": "business", "target": "99.5%"},
//	       {"name": "other times", "outside": "business", "target": "99%"}]},
//	    {"name": "tickets", "kind": "response", "calendar": "business",
//	     "priorities": [{"name": "P1", "respond": "15m wall", "resolve": "4h business"}]}
//	  ],
//	  "credits": [
//	    {"below": "99.5%", "at_least": "99%", "credit": "10%"},
//	    {"below": "99%", "credit": "25%"}],
//	  "obligations": {"report_within": "4h", "resolve_within": "40h", "calendar": "business"}
//	}
//
// Durations are Go durations ("4h", "90m"; there is no day unit, since a
// day of business time is not 24 hours). A segment without "during" or
// "outside" applies always. Unknown fields,
// trailing data and documents over MaxContractBytes are rejected; every
// error is a *FieldError that names the field path and wraps ErrContract
// or the error of the value (a target's *ParseError, a calendar's
// *calendar.FieldError).
func ParseContract(data []byte) (Contract, error) {
	if len(data) > MaxContractBytes {
		return Contract{}, &FieldError{Err: &contractError{msg: fmt.Sprintf("document of %d bytes, at most %d", len(data), MaxContractBytes)}}
	}
	var doc contractJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return Contract{}, decodeError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Contract{}, &FieldError{Line: lineAt(data, dec.InputOffset()), Err: &contractError{msg: "data after the contract document"}}
	}
	return doc.contract()
}

// decodeError turns an encoding/json error into a FieldError with the line
// where decoding stopped and, where json knows it, the field.
func decodeError(data []byte, dec *json.Decoder, err error) error {
	fe := &FieldError{Line: lineAt(data, dec.InputOffset()), Err: fmt.Errorf("%w: %w", ErrContract, err)}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		fe.Line = lineAt(data, se.Offset)
	case errors.As(err, &te):
		fe.Line = lineAt(data, te.Offset)
		fe.Path = te.Field
	}
	return fe
}

// lineAt returns the 1-based line of data that holds byte offset off.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

func (doc contractJSON) contract() (Contract, error) {
	c := Contract{Name: doc.Name, Parties: doc.Parties}
	if len(doc.Calendars) > MaxCalendars {
		return Contract{}, fieldErrorf("calendars", ErrContract, "%d calendars, at most %d", len(doc.Calendars), MaxCalendars)
	}
	if len(doc.Terms) > MaxTerms {
		return Contract{}, fieldErrorf("terms", ErrContract, "%d terms, at most %d", len(doc.Terms), MaxTerms)
	}
	names := make([]string, 0, len(doc.Calendars))
	for name := range doc.Calendars {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		cal, err := doc.Calendars[name].Calendar()
		if err != nil {
			return Contract{}, calendarError("calendars."+name, err)
		}
		if c.Calendars == nil {
			c.Calendars = make(map[string]*calendar.Calendar, len(names))
		}
		c.Calendars[name] = cal
	}
	lookup := func(path, name string) (*calendar.Calendar, error) {
		cal, ok := c.Calendars[name]
		if !ok {
			return nil, fieldErrorf(path, ErrContract, "no calendar named %q in calendars", name)
		}
		return cal, nil
	}
	for i, tj := range doc.Terms {
		t, err := tj.term(fmt.Sprintf("terms[%d]", i), lookup)
		if err != nil {
			return Contract{}, err
		}
		c.Terms = append(c.Terms, t)
	}
	credits, err := parseTiers("credits", doc.Credits)
	if err != nil {
		return Contract{}, err
	}
	c.Credits = credits
	if ob := doc.Obligations; ob != nil {
		if c.Obligations.ReportWithin, err = parseDuration("obligations.report_within", ob.ReportWithin); err != nil {
			return Contract{}, err
		}
		if c.Obligations.ResolveWithin, err = parseDuration("obligations.resolve_within", ob.ResolveWithin); err != nil {
			return Contract{}, err
		}
		if ob.Calendar != "" {
			if c.Obligations.Calendar, err = lookup("obligations.calendar", ob.Calendar); err != nil {
				return Contract{}, err
			}
			c.Obligations.CalendarName = ob.Calendar
		}
	}
	if err := c.Validate(); err != nil {
		return Contract{}, err
	}
	return c, nil
}

// calendarError puts a calendar's own field path under the contract's,
// so that the path is said once, and keeps the *calendar.FieldError for
// errors.As.
func calendarError(path string, err error) error {
	var fe *calendar.FieldError
	if errors.As(err, &fe) && fe.Path != "" {
		return &FieldError{Path: path + "." + fe.Path, Err: &nestedError{shown: fe.Err, inner: err}}
	}
	return &FieldError{Path: path, Err: err}
}

// nestedError shows one error and unwraps to another that holds it.
type nestedError struct{ shown, inner error }

func (e *nestedError) Error() string { return e.shown.Error() }
func (e *nestedError) Unwrap() error { return e.inner }

func (tj termJSON) term(path string, lookup func(path, name string) (*calendar.Calendar, error)) (Term, error) {
	t := Term{Name: tj.Name}
	availabilityOnly := len(tj.Segments) > 0 || tj.MinOutage != "" || tj.WholeMinutes || len(tj.Exclusions) > 0 || tj.Exclusion != ""
	responseOnly := tj.Calendar != "" || len(tj.Priorities) > 0 || tj.Warnings != nil
	switch tj.Kind {
	case "availability":
		if responseOnly {
			return Term{}, fieldErrorf(path, ErrContract, "an availability term takes no calendar, priorities or warnings")
		}
		a, err := tj.availability(path, lookup)
		if err != nil {
			return Term{}, err
		}
		t.Availability = a
	case "response":
		if availabilityOnly {
			return Term{}, fieldErrorf(path, ErrContract, "a response term takes no segments, outage rules or exclusions")
		}
		r := &TicketTerm{Policy: ticket.Policy{Priorities: tj.Priorities, Warnings: tj.Warnings}}
		if tj.Calendar != "" {
			cal, err := lookup(path+".calendar", tj.Calendar)
			if err != nil {
				return Term{}, err
			}
			r.Calendar, r.CalendarName = cal, tj.Calendar
		}
		t.Response = r
	case "":
		return Term{}, fieldErrorf(path+".kind", ErrContract, `missing: want "availability" or "response"`)
	default:
		return Term{}, fieldErrorf(path+".kind", ErrContract, `%q: want "availability" or "response"`, tj.Kind)
	}
	return t, nil
}

func (tj termJSON) availability(path string, lookup func(path, name string) (*calendar.Calendar, error)) (*AvailabilityTerm, error) {
	minOutage, err := parseDuration(path+".min_outage", tj.MinOutage)
	if err != nil {
		return nil, err
	}
	a := &AvailabilityTerm{
		Rules:      OutageRules{MinOutage: minOutage, WholeMinutes: tj.WholeMinutes},
		Exclusions: window.NewSet(tj.Exclusions...),
	}
	switch tj.Exclusion {
	case "", "exclude":
	case "available":
		a.Exclusion = CountAsAvailable
	default:
		return nil, fieldErrorf(path+".exclusion", ErrContract, `%q: want "exclude" or "available"`, tj.Exclusion)
	}
	if len(tj.Segments) > MaxSegments {
		return nil, fieldErrorf(path+".segments", ErrContract, "%d segments, at most %d", len(tj.Segments), MaxSegments)
	}
	for i, sj := range tj.Segments {
		sp := fmt.Sprintf("%s.segments[%d]", path, i)
		seg := Segment{Name: sj.Name}
		if seg.Target, err = ParseTarget(sj.Target); err != nil {
			return nil, &FieldError{Path: sp + ".target", Err: err}
		}
		switch {
		case sj.During != "" && sj.Outside != "":
			return nil, fieldErrorf(sp, ErrContract, `give "during" or "outside", not both`)
		case sj.During != "":
			cal, err := lookup(sp+".during", sj.During)
			if err != nil {
				return nil, err
			}
			seg.Schedule = During(sj.During, cal)
		case sj.Outside != "":
			cal, err := lookup(sp+".outside", sj.Outside)
			if err != nil {
				return nil, err
			}
			seg.Schedule = Outside(sj.Outside, cal)
		}
		if sj.Credits != nil {
			cs, err := parseTiers(sp+".credits", sj.Credits)
			if err != nil {
				return nil, err
			}
			seg.Credits = &cs
		}
		a.Segments = append(a.Segments, seg)
	}
	return a, nil
}

func parseDuration(path, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &FieldError{Path: path, Err: fmt.Errorf("%w: %q is not a duration such as \"4h30m\"", ErrContract, s)}
	}
	if d < 0 {
		return 0, fieldErrorf(path, ErrContract, "%q is negative", s)
	}
	return d, nil
}

func parseTiers(path string, tiers []tierJSON) (CreditSchedule, error) {
	if len(tiers) > MaxCreditTiers {
		return CreditSchedule{}, fieldErrorf(path, ErrContract, "%d tiers, at most %d", len(tiers), MaxCreditTiers)
	}
	var cs CreditSchedule
	for i, tj := range tiers {
		tp := fmt.Sprintf("%s[%d]", path, i)
		var tier CreditTier
		bound := func(field, text string, make func(Target) Bound, dst *Bound) error {
			if text == "" {
				return nil
			}
			if dst.set {
				return fieldErrorf(tp+"."+field, ErrContract, "a tier has one lower and one upper bound at most")
			}
			t, err := ParseTarget(text)
			if err != nil {
				return &FieldError{Path: tp + "." + field, Err: err}
			}
			*dst = make(t)
			return nil
		}
		for _, b := range []struct {
			field, text string
			make        func(Target) Bound
			dst         *Bound
		}{
			{"at_least", tj.AtLeast, AtLeast, &tier.Lower},
			{"above", tj.Above, Above, &tier.Lower},
			{"below", tj.Below, Below, &tier.Upper},
			{"at_most", tj.AtMost, AtMost, &tier.Upper},
		} {
			if err := bound(b.field, b.text, b.make, b.dst); err != nil {
				return CreditSchedule{}, err
			}
		}
		credit, err := ParseTarget(tj.Credit)
		if err != nil {
			return CreditSchedule{}, &FieldError{Path: tp + ".credit", Err: err}
		}
		tier.Credit = credit
		cs.Tiers = append(cs.Tiers, tier)
	}
	if err := cs.Validate(); err != nil {
		return CreditSchedule{}, &FieldError{Path: path, Err: err}
	}
	return cs, nil
}

// MarshalJSON writes the contract in the form ParseContract reads. Every
// calendar a term, segment or the obligations use must be one of
// Calendars, so that it can be named.
func (c Contract) MarshalJSON() ([]byte, error) {
	doc := contractJSON{Name: c.Name, Parties: c.Parties, Terms: []termJSON{}}
	nameOf := func(path string, cal *calendar.Calendar) (string, error) {
		for name, k := range c.Calendars {
			if k == cal {
				return name, nil
			}
		}
		return "", fieldErrorf(path, ErrContract, "the calendar is not one of the contract's Calendars, so it has no name")
	}
	if len(c.Calendars) > 0 {
		doc.Calendars = make(map[string]calendar.Spec, len(c.Calendars))
		for name, cal := range c.Calendars {
			doc.Calendars[name] = cal.Spec()
		}
	}
	for i, t := range c.Terms {
		path := fmt.Sprintf("terms[%d]", i)
		tj := termJSON{Name: t.Name}
		switch {
		case t.Availability != nil:
			a := t.Availability
			tj.Kind = "availability"
			if a.Rules.MinOutage > 0 {
				tj.MinOutage = a.Rules.MinOutage.String()
			}
			tj.WholeMinutes = a.Rules.WholeMinutes
			tj.Exclusions = a.Exclusions.Intervals()
			if a.Exclusion == CountAsAvailable {
				tj.Exclusion = "available"
			}
			for j, s := range a.Segments {
				sj := segmentJSON{Name: s.Name, Target: s.Target.String()}
				if s.Schedule.kind != scheduleAlways {
					name, err := nameOf(fmt.Sprintf("%s.segments[%d].schedule", path, j), s.Schedule.cal)
					if err != nil {
						return nil, err
					}
					if s.Schedule.kind == scheduleDuring {
						sj.During = name
					} else {
						sj.Outside = name
					}
				}
				if s.Credits != nil {
					sj.Credits = tiersJSON(*s.Credits)
				}
				tj.Segments = append(tj.Segments, sj)
			}
		case t.Response != nil:
			tj.Kind = "response"
			tj.Priorities = t.Response.Priorities
			tj.Warnings = t.Response.Warnings
			if t.Response.Calendar != nil {
				name, err := nameOf(path+".calendar", t.Response.Calendar)
				if err != nil {
					return nil, err
				}
				tj.Calendar = name
			}
		}
		doc.Terms = append(doc.Terms, tj)
	}
	doc.Credits = tiersJSON(c.Credits)
	ob := c.Obligations
	if ob.ReportWithin > 0 || ob.ResolveWithin > 0 || ob.Calendar != nil {
		oj := &obligationsJSON{}
		if ob.ReportWithin > 0 {
			oj.ReportWithin = ob.ReportWithin.String()
		}
		if ob.ResolveWithin > 0 {
			oj.ResolveWithin = ob.ResolveWithin.String()
		}
		if ob.Calendar != nil {
			name, err := nameOf("obligations.calendar", ob.Calendar)
			if err != nil {
				return nil, err
			}
			oj.Calendar = name
		}
		doc.Obligations = oj
	}
	return json.Marshal(doc)
}

// UnmarshalJSON implements json.Unmarshaler with ParseContract.
func (c *Contract) UnmarshalJSON(data []byte) error {
	v, err := ParseContract(data)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func tiersJSON(cs CreditSchedule) []tierJSON {
	var out []tierJSON
	for _, t := range cs.Tiers {
		var tj tierJSON
		if at, ok := t.Lower.At(); ok {
			if t.Lower.Exclusive() {
				tj.Above = at.String()
			} else {
				tj.AtLeast = at.String()
			}
		}
		if at, ok := t.Upper.At(); ok {
			if t.Upper.Exclusive() {
				tj.Below = at.String()
			} else {
				tj.AtMost = at.String()
			}
		}
		tj.Credit = t.Credit.String()
		out = append(out, tj)
	}
	return out
}
