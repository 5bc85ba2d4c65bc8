package contract

import (
	"encoding/json"
	"fmt"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// The JSON form of a contract, as written. Parse reads the same form
// through the types of parse.go.
type contractJSON struct {
	Name         string                   `json:"name"`
	Parties      []string                 `json:"parties,omitempty"`
	Calendars    map[string]calendar.Spec `json:"calendars,omitempty"`
	Terms        []termJSON               `json:"terms"`
	Credits      []tierJSON               `json:"credits,omitempty"`
	CreditPolicy *creditPolicyDoc         `json:"credit_policy,omitempty"`
	Obligations  *obligationsJSON         `json:"obligations,omitempty"`
}

type termJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`

	Segments   []segmentJSON     `json:"segments,omitempty"`
	Measure    string            `json:"measure,omitempty"`
	Exclusions []window.Interval `json:"exclusions,omitempty"`
	Exclusion  string            `json:"exclusion,omitempty"`

	MinOutage      string      `json:"min_outage,omitempty"`
	WholeMinutes   bool        `json:"whole_minutes,omitempty"`
	PartialMinutes bool        `json:"partial_minutes,omitempty"`
	RuleOrder      string      `json:"rule_order,omitempty"`
	ClockBuckets   *bucketsDoc `json:"clock_buckets,omitempty"`

	Slice       string  `json:"slice,omitempty"`
	MaxErrors   string  `json:"max_errors,omitempty"`
	MinRequests *uint64 `json:"min_requests,omitempty"`
	EmptySlices string  `json:"empty_slices,omitempty"`

	Calendar   string            `json:"calendar,omitempty"`
	Priorities []ticket.Priority `json:"priorities,omitempty"`
	Warnings   []int             `json:"warnings,omitzero"`
}

type segmentJSON struct {
	Name               string     `json:"name"`
	During             string     `json:"during,omitempty"`
	Outside            string     `json:"outside,omitempty"`
	Target             string     `json:"target"`
	Credits            []tierJSON `json:"credits,omitempty"`
	ProportionalCredit bool       `json:"proportional_credit,omitempty"`
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

// MarshalJSON writes the contract in the form Parse reads. Every
// calendar a term, segment or the obligations use must be one of
// Calendars, so that it can be named, and none may be the zero
// calendar.Calendar (an error wrapping calendar.ErrZeroCalendar).
func (c Contract) MarshalJSON() ([]byte, error) {
	if err := c.checkCalendars(); err != nil {
		return nil, err
	}
	doc := contractJSON{Name: c.Name, Parties: c.Parties, Terms: []termJSON{}}
	nameOf := func(path string, cal *calendar.Calendar) (string, error) {
		for name, k := range c.Calendars {
			if k == cal {
				return name, nil
			}
		}
		return "", fieldError(path, ErrUnknownName, "the calendar is not one of the contract's Calendars, so it has no name")
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
			if err := a.marshalRules(path, &tj); err != nil {
				return nil, err
			}
			tj.Exclusions = a.Exclusions.Intervals()
			if a.Exclusion != sla.ExcludeFromMeasured {
				text, err := a.Exclusion.MarshalText()
				if err != nil {
					return nil, wrapped(path+".exclusion", nil, err)
				}
				tj.Exclusion = string(text)
			}
			for j, s := range a.Segments {
				sj := segmentJSON{Name: s.Name, Target: s.Target.String(), ProportionalCredit: s.Proportional}
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
			tj.Priorities = t.Response.Policy.Priorities
			tj.Warnings = t.Response.Policy.Warnings
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
	if p := c.CreditPolicy; p != (CreditPolicy{}) {
		pj := &creditPolicyDoc{Fee: p.Fee.String()}
		if p.Combine != Largest {
			text, err := p.Combine.MarshalText()
			if err != nil {
				return nil, wrapped("credit_policy.combine", nil, err)
			}
			pj.Combine = string(text)
		}
		if !p.Cap.IsZero() {
			pj.Cap = p.Cap.String()
		}
		doc.CreditPolicy = pj
	}
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

// UnmarshalJSON implements json.Unmarshaler with Parse.
func (c *Contract) UnmarshalJSON(data []byte) error {
	v, err := Parse(data)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func tiersJSON(cs sla.CreditSchedule) []tierJSON {
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

// marshalRules writes the method and the rules of the term at path.
func (a *AvailabilityTerm) marshalRules(path string, tj *termJSON) error {
	if a.Method != Outages {
		text, err := a.Method.MarshalText()
		if err != nil {
			return wrapped(path+".measure", nil, err)
		}
		tj.Measure = string(text)
	}
	r := a.Rules
	if r.MinOutage > 0 {
		tj.MinOutage = r.MinOutage.String()
	}
	tj.WholeMinutes = r.Minutes == sla.WholeMinutes
	tj.PartialMinutes = r.Minutes == sla.PartialMinutes
	if r.Order != sla.MinOutageFirst {
		text, err := r.Order.MarshalText()
		if err != nil {
			return wrapped(path+".rule_order", nil, err)
		}
		tj.RuleOrder = string(text)
	}
	if r.Buckets != (sla.ClockBuckets{}) {
		tj.ClockBuckets = &bucketsDoc{Length: r.Buckets.Length.String(), MoreThan: r.Buckets.MoreThan.String()}
	}
	if a.Slice > 0 {
		tj.Slice = a.Slice.String()
	}
	sr := a.SliceRules
	if sr.MaxErrors != (sla.Target{}) {
		tj.MaxErrors = sr.MaxErrors.String()
	}
	if sr.MinEvents > 0 {
		n := sr.MinEvents
		tj.MinRequests = &n
	}
	if sr.Empty != sla.EmptyGood {
		text, err := sr.Empty.MarshalText()
		if err != nil {
			return wrapped(path+".empty_slices", nil, err)
		}
		tj.EmptySlices = string(text)
	}
	return nil
}
