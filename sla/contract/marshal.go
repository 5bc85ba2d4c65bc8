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

// MarshalJSON writes the contract in the form Parse reads. Every
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
			if a.Rules.MinOutage > 0 {
				tj.MinOutage = a.Rules.MinOutage.String()
			}
			tj.WholeMinutes = a.Rules.WholeMinutes
			tj.Exclusions = a.Exclusions.Intervals()
			if a.Exclusion != sla.ExcludeFromMeasured {
				text, err := a.Exclusion.MarshalText()
				if err != nil {
					return nil, wrapped(path+".exclusion", nil, err)
				}
				tj.Exclusion = string(text)
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
