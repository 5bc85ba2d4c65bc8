package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Parse decodes and validates a contract from its JSON form:
//
//	{
//	  "name": "Example API",
//	  "parties": ["Provider Ltd", "Customer plc"],
//	  "calendars": {"business": {"zone": "America/New_York",
//	    "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
//	  "terms": [
//	    {"name": "availability", "kind": "availability", "whole_minutes": true,
//	     "exclusions": ["2026-03-07T02:00:00Z/2026-03-07T04:00:00Z"],
//	     "segments": [
//	       {"name": "business hours", "during": "business", "target": "99.5%"},
//	       {"name": "other times", "outside": "business", "target": "99%"}]},
//	    {"name": "requests", "kind": "availability", "measure": "time-slices",
//	     "slice": "1m", "max_errors": "5%", "min_requests": 10,
//	     "segments": [{"name": "monthly", "target": "99.9%"}]},
//	    {"name": "tickets", "kind": "response", "calendar": "business",
//	     "priorities": [{"name": "P1", "respond": "15m wall", "resolve": "4h business"}]}
//	  ],
//	  "credits": [
//	    {"below": "99.5%", "at_least": "99%", "credit": "10%"},
//	    {"below": "99%", "credit": "25%"}],
//	  "credit_policy": {"combine": "largest", "cap": "50%", "fee": "1200.00 USD"},
//	  "obligations": {"report_within": "4h", "resolve_within": "40h", "calendar": "business"}
//	}
//
// Durations are Go durations ("4h", "90m"; there is no day unit, since a
// day of business time is not 24 hours). Exclusions are "start/end"
// intervals of RFC 3339 instants, treated as "exclusion" says ("exclude",
// the default, or "available"). A segment without "during" or "outside"
// applies always.
//
// An availability term's "measure" is "outages" (the default), "events",
// "time-slices" or "slice-average" ([Method]). A term measured by
// outages takes the outage rules of [sla.OutageRules]: "min_outage";
// "whole_minutes" or "partial_minutes"; "rule_order", "min-outage-first"
// (the default) or "minutes-first"; and "clock_buckets", such as
// {"length": "1h", "more_than": "6m"}. A term measured by slices takes
// "slice" (its length), "empty_slices" ("good", "bad" or "excluded"),
// and, for time slices, "max_errors" (a slice is bad above it) and
// "min_requests". A segment with "proportional_credit": true earns a
// credit proportional to its down time instead of a tier. The
// "credit_policy" says how segment credits combine ("largest", the
// default, or "sum"), their "cap", and the "fee" that states them as
// [Money]. A response term's priorities and warnings are a
// [ticket.Policy].
//
// A UTF-8 byte order mark at the start is skipped. Keys are exact
// ("Target" is not "target"). Unknown fields, keys in
// another case, keys given twice, trailing data and documents over
// MaxContractBytes are rejected. Every error is a *FieldError with the
// path of the field, indexes included, and its line in the document; its
// Err wraps ErrContract, the sentinel of the kind of problem, and the
// error of the package that found it (a target's *sla.ParseError, a
// calendar's *calendar.FieldError, ...). A value of the wrong JSON type
// says which form was expected: an exclusion written as an object is
// "terms[0].exclusions[1]: got an object, want "start/end" text ...".
// Warnings, such as a credit schedule with a gap below a target, are not
// errors: read them with [Contract.Validate].
func Parse(data []byte) (Contract, error) {
	data = jsonkey.TrimBOM(data)
	c, err := parse(data)
	if err != nil {
		return Contract{}, withLine(data, err)
	}
	return c, nil
}

// The JSON form of a contract, as read: arrays and nested objects stay
// raw and are decoded element by element; targets, durations and
// schedules are text, parsed with the path of their field.
type contractDoc struct {
	Name         string            `json:"name"`
	Parties      []json.RawMessage `json:"parties"`
	Calendars    json.RawMessage   `json:"calendars"`
	Terms        []json.RawMessage `json:"terms"`
	Credits      []json.RawMessage `json:"credits"`
	CreditPolicy json.RawMessage   `json:"credit_policy"`
	Obligations  json.RawMessage   `json:"obligations"`
}

type termDoc struct {
	Name string `json:"name"`
	Kind string `json:"kind"`

	Segments   []json.RawMessage `json:"segments"`
	Measure    string            `json:"measure"`
	Exclusions []json.RawMessage `json:"exclusions"`
	Exclusion  string            `json:"exclusion"`

	MinOutage      string          `json:"min_outage"`
	WholeMinutes   bool            `json:"whole_minutes"`
	PartialMinutes bool            `json:"partial_minutes"`
	RuleOrder      string          `json:"rule_order"`
	ClockBuckets   json.RawMessage `json:"clock_buckets"`

	Slice       string  `json:"slice"`
	MaxErrors   string  `json:"max_errors"`
	MinRequests *uint64 `json:"min_requests"`
	EmptySlices string  `json:"empty_slices"`

	Calendar   string            `json:"calendar"`
	Priorities []json.RawMessage `json:"priorities"`
	Warnings   []json.RawMessage `json:"warnings"`
}

// availabilityOnly reports whether the document sets a field of an
// availability term.
func (td termDoc) availabilityOnly() bool {
	return len(td.Segments) > 0 || td.Measure != "" || len(td.Exclusions) > 0 || td.Exclusion != "" ||
		td.MinOutage != "" || td.WholeMinutes || td.PartialMinutes || td.RuleOrder != "" || td.ClockBuckets != nil ||
		td.Slice != "" || td.MaxErrors != "" || td.MinRequests != nil || td.EmptySlices != ""
}

type bucketsDoc struct {
	Length   string `json:"length"`
	MoreThan string `json:"more_than,omitempty"`
}

type segmentDoc struct {
	Name               string            `json:"name"`
	During             string            `json:"during"`
	Outside            string            `json:"outside"`
	Target             string            `json:"target"`
	Credits            []json.RawMessage `json:"credits"`
	ProportionalCredit bool              `json:"proportional_credit"`
}

type creditPolicyDoc struct {
	Combine string `json:"combine,omitempty"`
	Cap     string `json:"cap,omitempty"`
	Fee     string `json:"fee,omitempty"`
}

type tierDoc struct {
	AtLeast string `json:"at_least"`
	Above   string `json:"above"`
	Below   string `json:"below"`
	AtMost  string `json:"at_most"`
	Credit  string `json:"credit"`
}

type priorityDoc struct {
	Name    string `json:"name"`
	Respond string `json:"respond"`
	Resolve string `json:"resolve"`
}

type obligationsDoc struct {
	ReportWithin  string `json:"report_within"`
	ResolveWithin string `json:"resolve_within"`
	Calendar      string `json:"calendar"`
}

// builder builds a Contract from its document.
type builder struct {
	c Contract
}

func parse(data []byte) (Contract, error) {
	if len(data) > MaxContractBytes {
		return Contract{}, fieldError("", ErrTooLarge, fmt.Sprintf("document of %d bytes, at most %d", len(data), MaxContractBytes))
	}
	raw, err := readDocument(data)
	if err != nil {
		return Contract{}, err
	}
	var doc contractDoc
	if err := decodeObject("", raw, &doc); err != nil {
		return Contract{}, err
	}
	b := &builder{c: Contract{Name: doc.Name}}
	if err := b.parties(doc.Parties); err != nil {
		return Contract{}, err
	}
	if err := b.calendars(doc.Calendars); err != nil {
		return Contract{}, err
	}
	if len(doc.Terms) > MaxTerms {
		return Contract{}, fieldError("terms", ErrTooLarge, fmt.Sprintf("%d terms, at most %d", len(doc.Terms), MaxTerms))
	}
	for i, raw := range doc.Terms {
		t, err := b.term(fmt.Sprintf("terms[%d]", i), raw)
		if err != nil {
			return Contract{}, err
		}
		b.c.Terms = append(b.c.Terms, t)
	}
	if b.c.Credits, err = b.tiers("credits", doc.Credits); err != nil {
		return Contract{}, err
	}
	if err := b.creditPolicy(doc.CreditPolicy); err != nil {
		return Contract{}, err
	}
	if err := b.obligations(doc.Obligations); err != nil {
		return Contract{}, err
	}
	if err := b.c.validate(); err != nil {
		return Contract{}, err
	}
	return b.c, nil
}

func (b *builder) creditPolicy(raw json.RawMessage) error {
	if raw == nil {
		return nil
	}
	var pd creditPolicyDoc
	if err := decodeObject("credit_policy", raw, &pd); err != nil {
		return err
	}
	p := &b.c.CreditPolicy
	if pd.Combine != "" {
		if err := p.Combine.UnmarshalText([]byte(pd.Combine)); err != nil {
			return wrapped("credit_policy.combine", nil, err)
		}
	}
	if pd.Cap != "" {
		cp, err := sla.ParseShare(pd.Cap)
		if err != nil {
			return wrapped("credit_policy.cap", nil, err)
		}
		if cp.IsZero() {
			return fieldError("credit_policy.cap", ErrRange, "a cap of 0% would owe nothing; leave the cap out for none")
		}
		p.Cap = cp
	}
	if pd.Fee != "" {
		fee, err := ParseMoney(pd.Fee)
		if err != nil {
			return wrapped("credit_policy.fee", nil, err)
		}
		p.Fee = fee
	}
	return nil
}

func (b *builder) parties(raws []json.RawMessage) error {
	if len(raws) > MaxParties {
		return fieldError("parties", ErrTooLarge, fmt.Sprintf("%d parties, at most %d", len(raws), MaxParties))
	}
	for i, raw := range raws {
		var p string
		if err := decodeElement(fmt.Sprintf("parties[%d]", i), raw, formParty, &p); err != nil {
			return err
		}
		b.c.Parties = append(b.c.Parties, p)
	}
	return nil
}

func (b *builder) calendars(raw json.RawMessage) error {
	if raw == nil {
		return nil
	}
	var raws map[string]json.RawMessage
	if err := decodeObject("calendars", raw, &raws); err != nil {
		return err
	}
	if len(raws) > MaxCalendars {
		return fieldError("calendars", ErrTooLarge, fmt.Sprintf("%d calendars, at most %d", len(raws), MaxCalendars))
	}
	names := make([]string, 0, len(raws))
	for name := range raws {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := "calendars." + name
		spec, err := calendar.ParseSpec(raws[name])
		var cal *calendar.Calendar
		if err == nil {
			cal, err = spec.Calendar()
		}
		if err != nil {
			return calendarError(path, err)
		}
		if b.c.Calendars == nil {
			b.c.Calendars = make(map[string]*calendar.Calendar, len(names))
		}
		b.c.Calendars[name] = cal
	}
	return nil
}

// calendarError puts a calendar's own field path under the contract's,
// so that the path is said once, and keeps the *calendar.FieldError for
// errors.As.
func calendarError(path string, err error) error {
	var fe *calendar.FieldError
	if errors.As(err, &fe) && fe.Path != "" {
		return fieldError(path+"."+fe.Path, nil, fe.Err.Error(), err)
	}
	return wrapped(path, nil, err)
}

// calendar returns the contract's calendar called name, for the field at
// path.
func (b *builder) calendar(path, name string) (*calendar.Calendar, error) {
	cal, ok := b.c.Calendars[name]
	if !ok {
		return nil, fieldError(path, ErrUnknownName, "no calendar named "+quote.Text(name)+" in calendars")
	}
	return cal, nil
}

func (b *builder) term(path string, raw json.RawMessage) (Term, error) {
	var td termDoc
	if err := decodeObject(path, raw, &td); err != nil {
		return Term{}, err
	}
	t := Term{Name: td.Name}
	availabilityOnly := td.availabilityOnly()
	responseOnly := td.Calendar != "" || len(td.Priorities) > 0 || td.Warnings != nil
	switch td.Kind {
	case "availability":
		if responseOnly {
			return Term{}, fieldError(path, ErrConflict, "an availability term takes no calendar, priorities or warnings")
		}
		a, err := b.availability(path, td)
		if err != nil {
			return Term{}, err
		}
		t.Availability = a
	case "response":
		if availabilityOnly {
			return Term{}, fieldError(path, ErrConflict, "a response term takes no segments, measurement rules or exclusions")
		}
		r, err := b.response(path, td)
		if err != nil {
			return Term{}, err
		}
		t.Response = r
	case "":
		return Term{}, fieldError(path+".kind", ErrMissing, `missing: want "availability" or "response"`)
	default:
		return Term{}, fieldError(path+".kind", ErrUnknownName, quote.Text(td.Kind)+`: want "availability" or "response"`)
	}
	return t, nil
}

func (b *builder) availability(path string, td termDoc) (*AvailabilityTerm, error) {
	a := &AvailabilityTerm{}
	if td.Measure != "" {
		if err := a.Method.UnmarshalText([]byte(td.Measure)); err != nil {
			return nil, wrapped(path+".measure", nil, err)
		}
	}
	if err := outageRules(path, td, &a.Rules); err != nil {
		return nil, err
	}
	if err := sliceRules(path, td, a); err != nil {
		return nil, err
	}
	if a.Method != Outages {
		if f := firstSet(given{td.MinOutage != "", "min_outage"}, given{td.WholeMinutes, "whole_minutes"},
			given{td.PartialMinutes, "partial_minutes"}, given{td.RuleOrder != "", "rule_order"},
			given{td.ClockBuckets != nil, "clock_buckets"}); f != "" {
			return nil, fieldError(path+"."+f, ErrConflict, fmt.Sprintf("a term measured by %v takes no outage rules (min_outage, whole_minutes, partial_minutes, rule_order, clock_buckets)", a.Method))
		}
	}
	if a.Method != TimeSlices && a.Method != SliceAverage {
		if f := firstSet(given{td.Slice != "", "slice"}, given{td.MaxErrors != "", "max_errors"},
			given{td.MinRequests != nil, "min_requests"}, given{td.EmptySlices != "", "empty_slices"}); f != "" {
			return nil, fieldError(path+"."+f, ErrConflict, fmt.Sprintf("a term measured by %v takes no slice rules (slice, max_errors, min_requests, empty_slices)", a.Method))
		}
	}
	excl := make([]window.Interval, 0, len(td.Exclusions))
	for i, raw := range td.Exclusions {
		ep := fmt.Sprintf("%s.exclusions[%d]", path, i)
		var text string
		if err := decodeElement(ep, raw, formInterval, &text); err != nil {
			return nil, err
		}
		iv, err := window.ParseInterval(text)
		if err != nil {
			return nil, wrapped(ep, ErrSyntax, err)
		}
		excl = append(excl, iv)
	}
	a.Exclusions = window.NewSet(excl...)
	if td.Exclusion != "" {
		if err := a.Exclusion.UnmarshalText([]byte(td.Exclusion)); err != nil {
			return nil, wrapped(path+".exclusion", nil, err)
		}
	}
	if len(td.Segments) > MaxSegments {
		return nil, fieldError(path+".segments", ErrTooLarge, fmt.Sprintf("%d segments, at most %d", len(td.Segments), MaxSegments))
	}
	for i, raw := range td.Segments {
		seg, err := b.segment(fmt.Sprintf("%s.segments[%d]", path, i), raw)
		if err != nil {
			return nil, err
		}
		a.Segments = append(a.Segments, seg)
	}
	return a, nil
}

func (b *builder) segment(path string, raw json.RawMessage) (Segment, error) {
	var sd segmentDoc
	if err := decodeObject(path, raw, &sd); err != nil {
		return Segment{}, err
	}
	seg := Segment{Name: sd.Name, Proportional: sd.ProportionalCredit}
	var err error
	if seg.Target, err = sla.ParseTarget(sd.Target); err != nil {
		return Segment{}, wrapped(path+".target", nil, err)
	}
	switch {
	case sd.During != "" && sd.Outside != "":
		return Segment{}, fieldError(path, ErrConflict, `give "during" or "outside", not both`)
	case sd.During != "":
		cal, err := b.calendar(path+".during", sd.During)
		if err != nil {
			return Segment{}, err
		}
		seg.Schedule = During(sd.During, cal)
	case sd.Outside != "":
		cal, err := b.calendar(path+".outside", sd.Outside)
		if err != nil {
			return Segment{}, err
		}
		seg.Schedule = Outside(sd.Outside, cal)
	}
	if sd.Credits != nil {
		cs, err := b.tiers(path+".credits", sd.Credits)
		if err != nil {
			return Segment{}, err
		}
		seg.Credits = &cs
	}
	return seg, nil
}

func (b *builder) response(path string, td termDoc) (*ResponseTerm, error) {
	r := &ResponseTerm{}
	for i, raw := range td.Priorities {
		pp := fmt.Sprintf("%s.priorities[%d]", path, i)
		var pd priorityDoc
		if err := decodeObject(pp, raw, &pd); err != nil {
			return nil, err
		}
		p := ticket.Priority{Name: pd.Name}
		if err := p.Respond.UnmarshalText([]byte(pd.Respond)); err != nil {
			return nil, wrapped(pp+".respond", ticket.ErrPolicy, err)
		}
		if err := p.Resolve.UnmarshalText([]byte(pd.Resolve)); err != nil {
			return nil, wrapped(pp+".resolve", ticket.ErrPolicy, err)
		}
		r.Policy.Priorities = append(r.Policy.Priorities, p)
	}
	if td.Warnings != nil {
		r.Policy.Warnings = make([]int, len(td.Warnings))
		for i, raw := range td.Warnings {
			if err := decodeElement(fmt.Sprintf("%s.warnings[%d]", path, i), raw, formWarning, &r.Policy.Warnings[i]); err != nil {
				return nil, err
			}
		}
	}
	if td.Calendar != "" {
		cal, err := b.calendar(path+".calendar", td.Calendar)
		if err != nil {
			return nil, err
		}
		r.Calendar, r.CalendarName = cal, td.Calendar
	}
	return r, nil
}

func (b *builder) tiers(path string, raws []json.RawMessage) (sla.CreditSchedule, error) {
	if len(raws) > MaxCreditTiers {
		return sla.CreditSchedule{}, fieldError(path, ErrTooLarge, fmt.Sprintf("%d tiers, at most %d", len(raws), MaxCreditTiers))
	}
	var cs sla.CreditSchedule
	for i, raw := range raws {
		tp := fmt.Sprintf("%s[%d]", path, i)
		var td tierDoc
		if err := decodeObject(tp, raw, &td); err != nil {
			return sla.CreditSchedule{}, err
		}
		var tier sla.CreditTier
		if err := parseBound(tp, &tier.Lower,
			boundField[sla.LowerBound]{"at_least", td.AtLeast, sla.AtLeast},
			boundField[sla.LowerBound]{"above", td.Above, sla.Above}); err != nil {
			return sla.CreditSchedule{}, err
		}
		if err := parseBound(tp, &tier.Upper,
			boundField[sla.UpperBound]{"below", td.Below, sla.Below},
			boundField[sla.UpperBound]{"at_most", td.AtMost, sla.AtMost}); err != nil {
			return sla.CreditSchedule{}, err
		}
		credit, err := sla.ParseShare(td.Credit)
		if err != nil {
			return sla.CreditSchedule{}, wrapped(tp+".credit", nil, err)
		}
		tier.Credit = credit
		cs.Tiers = append(cs.Tiers, tier)
	}
	if err := validateCredits(path, cs); err != nil {
		return sla.CreditSchedule{}, err
	}
	return cs, nil
}

// boundField is one key of a credit tier that sets one of its ends.
type boundField[B any] struct {
	field, text string
	bound       func(sla.Target) B
}

// parseBound sets *dst from whichever of fields has text, at the tier at
// path; two of them is an error.
func parseBound[B interface{ At() (sla.Target, bool) }](path string, dst *B, fields ...boundField[B]) error {
	for _, f := range fields {
		if f.text == "" {
			continue
		}
		if _, set := (*dst).At(); set {
			return fieldError(path+"."+f.field, ErrConflict, "a tier has one lower and one upper bound at most")
		}
		t, err := sla.ParseTarget(f.text)
		if err != nil {
			return wrapped(path+"."+f.field, nil, err)
		}
		*dst = f.bound(t)
	}
	return nil
}

func (b *builder) obligations(raw json.RawMessage) error {
	if raw == nil {
		return nil
	}
	var od obligationsDoc
	if err := decodeObject("obligations", raw, &od); err != nil {
		return err
	}
	ob := &b.c.Obligations
	var err error
	if ob.ReportWithin, err = parseDuration("obligations.report_within", od.ReportWithin); err != nil {
		return err
	}
	if ob.ResolveWithin, err = parseDuration("obligations.resolve_within", od.ResolveWithin); err != nil {
		return err
	}
	if od.Calendar != "" {
		if ob.Calendar, err = b.calendar("obligations.calendar", od.Calendar); err != nil {
			return err
		}
		ob.CalendarName = od.Calendar
	}
	return nil
}

// parseDuration reads a Go duration at path; empty text is zero.
func parseDuration(path, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fieldError(path, ErrSyntax, quote.Text(s)+` is not a duration such as "4h30m"`, err)
	}
	if d < 0 {
		return 0, fieldError(path, ErrRange, quote.Text(s)+" is negative")
	}
	return d, nil
}

// outageRules reads the outage rules of the availability term at path.
func outageRules(path string, td termDoc, r *sla.OutageRules) error {
	var err error
	if r.MinOutage, err = parseDuration(path+".min_outage", td.MinOutage); err != nil {
		return err
	}
	switch {
	case td.WholeMinutes && td.PartialMinutes:
		return fieldError(path+".partial_minutes", ErrConflict, "give whole_minutes or partial_minutes, not both")
	case td.WholeMinutes:
		r.Minutes = sla.WholeMinutes
	case td.PartialMinutes:
		r.Minutes = sla.PartialMinutes
	}
	if td.RuleOrder != "" {
		if err := r.Order.UnmarshalText([]byte(td.RuleOrder)); err != nil {
			return wrapped(path+".rule_order", nil, err)
		}
	}
	if td.ClockBuckets == nil {
		return nil
	}
	bp := path + ".clock_buckets"
	var bd bucketsDoc
	if err := decodeObject(bp, td.ClockBuckets, &bd); err != nil {
		return err
	}
	if bd.Length == "" {
		return fieldError(bp+".length", ErrMissing, `a bucket needs a length, such as "1h"`)
	}
	if r.Buckets.Length, err = parseDuration(bp+".length", bd.Length); err != nil {
		return err
	}
	r.Buckets.MoreThan, err = parseDuration(bp+".more_than", bd.MoreThan)
	return err
}

// sliceRules reads the slice rules of the availability term at path.
func sliceRules(path string, td termDoc, a *AvailabilityTerm) error {
	var err error
	if a.Slice, err = parseDuration(path+".slice", td.Slice); err != nil {
		return err
	}
	if td.MaxErrors != "" {
		if a.SliceRules.MaxErrors, err = sla.ParseTarget(td.MaxErrors); err != nil {
			return wrapped(path+".max_errors", nil, err)
		}
	}
	if td.MinRequests != nil {
		a.SliceRules.MinEvents = *td.MinRequests
	}
	if td.EmptySlices != "" {
		if err := a.SliceRules.Empty.UnmarshalText([]byte(td.EmptySlices)); err != nil {
			return wrapped(path+".empty_slices", nil, err)
		}
	}
	return nil
}

// given says whether a document gives the field of a name.
type given struct {
	set  bool
	name string
}

// firstSet returns the name of the first field that is given, or "".
func firstSet(fields ...given) string {
	for _, f := range fields {
		if f.set {
			return f.name
		}
	}
	return ""
}
