package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Spec is the JSON form of a calendar. It holds plain text fields so that
// every error can name the field that caused it; [Spec.Calendar] checks it
// and builds the calendar, and [Calendar.Spec] gives it back, so a calendar
// round-trips through JSON:
//
//	{
//	  "zone": "Europe/Berlin",
//	  "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}],
//	  "holidays": [
//	    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "next-open-day"},
//	    {"name": "Good Friday", "easter": -2},
//	    {"name": "Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11},
//	    {"name": "Royal wedding", "date": "2011-04-29"}
//	  ],
//	  "overrides": [
//	    {"date": "2026-12-24", "hours": ["09:00-12:00"]},
//	    {"date": "2026-12-31", "closed": true}
//	  ]
//	}
//
// A Spec is plain data; it is not safe to modify one while another
// goroutine reads it.
type Spec struct {
	// Zone is an IANA zone name such as "Europe/Berlin" or "UTC".
	Zone string `json:"zone"`
	// Hours are the weekly hours; each entry opens its spans on its days.
	Hours []HoursSpec `json:"hours"`
	// Holidays are the holiday rules.
	Holidays []HolidaySpec `json:"holidays,omitempty"`
	// Overrides give single dates their own hours, or close them.
	Overrides []OverrideSpec `json:"overrides,omitempty"`
}

// HoursSpec is one entry of weekly hours: spans such as "09:00-17:00"
// (see [ParseSpan]) open on the days such as "Mon-Fri" (see
// [ParseWeekdays]).
type HoursSpec struct {
	Days  string   `json:"days"`
	Spans []string `json:"spans"`
}

// HolidaySpec is one holiday rule. Its kind follows from the fields given:
// "date" for a one-off holiday, "easter" for an offset in days from Easter
// Sunday, "nth" and "weekday" with "month" for the nth (1–5, or -1 for the
// last) weekday of a month, and otherwise "month" and "day" for a fixed
// date. "first_year" and "last_year" limit the years; "observed" is a
// [Substitute] policy such as "next-open-day".
type HolidaySpec struct {
	Name      string `json:"name"`
	Month     int    `json:"month,omitempty"`
	Day       int    `json:"day,omitempty"`
	Nth       int    `json:"nth,omitempty"`
	Weekday   string `json:"weekday,omitempty"`
	Easter    *int   `json:"easter,omitempty"`
	Date      string `json:"date,omitempty"`
	FirstYear int    `json:"first_year,omitempty"`
	LastYear  int    `json:"last_year,omitempty"`
	Observed  string `json:"observed,omitempty"`
}

// OverrideSpec gives one date its own hours, or closes it with "closed":
// true. Exactly one of Hours and Closed must be given.
type OverrideSpec struct {
	Date   string   `json:"date"`
	Hours  []string `json:"hours,omitempty"`
	Closed bool     `json:"closed,omitempty"`
}

// ParseSpec decodes a JSON calendar document. Unknown fields are errors,
// and errors name the field or the offset in the input.
func ParseSpec(data []byte) (Spec, error) {
	var s Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return Spec{}, fmt.Errorf("calendar: malformed JSON at offset %d: %w", syn.Offset, err)
		case errors.As(err, &typ):
			return Spec{}, &FieldError{Path: typ.Field, Err: fmt.Errorf("%w: JSON %s where %s is wanted", ErrInvalid, typ.Value, typ.Type)}
		}
		return Spec{}, fmt.Errorf("calendar: malformed JSON: %w", err)
	}
	if dec.More() {
		return Spec{}, errors.New("calendar: malformed JSON: data after the document")
	}
	return s, nil
}

// Calendar checks s and builds its calendar. Errors are [*FieldError]s
// whose Path names the field, such as "holidays[2].day".
func (s Spec) Calendar() (*Calendar, error) {
	if s.Zone == "" {
		return nil, fieldErr("zone", "%w: missing", ErrUnknownZone)
	}
	if s.Zone == "Local" {
		return nil, fieldErr("zone", "%w: %q depends on the machine; name an IANA zone", ErrUnknownZone, s.Zone)
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return nil, fieldErr("zone", "%w: %q", ErrUnknownZone, s.Zone)
	}
	var opts []Option
	for i, h := range s.Hours {
		path := fmt.Sprintf("hours[%d]", i)
		days, err := ParseWeekdays(h.Days)
		if err != nil {
			return nil, &FieldError{Path: path + ".days", Err: err}
		}
		spans, err := parseSpans(h.Spans, path+".spans")
		if err != nil {
			return nil, err
		}
		opts = append(opts, Weekly(days, spans...))
	}
	rules := make([]Rule, len(s.Holidays))
	for i, h := range s.Holidays {
		if rules[i], err = h.rule(fmt.Sprintf("holidays[%d]", i)); err != nil {
			return nil, err
		}
	}
	opts = append(opts, Holidays(rules...))
	for i, o := range s.Overrides {
		path := fmt.Sprintf("overrides[%d]", i)
		d, err := ParseDate(o.Date)
		if err != nil {
			return nil, &FieldError{Path: path + ".date", Err: err}
		}
		switch {
		case o.Closed && len(o.Hours) > 0:
			return nil, fieldErr(path, "%w: give hours or closed, not both", ErrInvalid)
		case !o.Closed && len(o.Hours) == 0:
			return nil, fieldErr(path, "%w: give hours, or closed: true", ErrInvalid)
		}
		spans, err := parseSpans(o.Hours, path+".hours")
		if err != nil {
			return nil, err
		}
		opts = append(opts, Override(d, spans...))
	}
	return New(loc, opts...)
}

func parseSpans(texts []string, path string) ([]Span, error) {
	spans := make([]Span, len(texts))
	for j, t := range texts {
		sp, err := ParseSpan(t)
		if err != nil {
			return nil, &FieldError{Path: fmt.Sprintf("%s[%d]", path, j), Err: err}
		}
		spans[j] = sp
	}
	return spans, nil
}

func (h HolidaySpec) rule(path string) (Rule, error) {
	kinds := 0
	if h.Date != "" {
		kinds++
	}
	if h.Easter != nil {
		kinds++
	}
	if h.Nth != 0 || h.Weekday != "" {
		kinds++
	}
	if kinds > 1 || (kinds == 1 && h.Day != 0) {
		return Rule{}, fieldErr(path, "%w: give one of date, easter, nth with weekday, or day", ErrInvalid)
	}
	var r Rule
	switch {
	case h.Date != "":
		if h.Month != 0 {
			return Rule{}, fieldErr(path+".month", "%w: a dated holiday takes no month", ErrInvalid)
		}
		d, err := ParseDate(h.Date)
		if err != nil {
			return Rule{}, &FieldError{Path: path + ".date", Err: err}
		}
		r = OnDate(h.Name, d)
	case h.Easter != nil:
		if h.Month != 0 {
			return Rule{}, fieldErr(path+".month", "%w: an Easter holiday takes no month", ErrInvalid)
		}
		r = EasterOffset(h.Name, *h.Easter)
	case kinds == 1:
		wd, err := parseDay(h.Weekday)
		if err != nil {
			return Rule{}, fieldErr(path+".weekday", "%w: %v", ErrInvalid, err)
		}
		if h.Nth == 0 {
			return Rule{}, fieldErr(path+".nth", "%w: missing", ErrNoSuchDate)
		}
		r = NthWeekday(h.Name, h.Nth, wd, time.Month(h.Month))
	default:
		r = Fixed(h.Name, time.Month(h.Month), h.Day)
	}
	r = r.From(h.FirstYear).Until(h.LastYear)
	obs, err := ParseSubstitute(h.Observed)
	if err != nil {
		return Rule{}, &FieldError{Path: path + ".observed", Err: err}
	}
	r = r.Observed(obs)
	return r, r.check(path)
}

// Spec returns the definition of c, from which [Spec.Calendar] builds an
// equal calendar. Its Zone is the name of c's Location, so a calendar built
// with a Location that is not in the IANA database (such as one from
// [time.FixedZone]) does not round-trip.
func (c *Calendar) Spec() Spec {
	s := Spec{Zone: c.loc.String(), Hours: []HoursSpec{}}
	for _, h := range c.hours {
		hs := HoursSpec{Days: h.days.String(), Spans: spanTexts(h.spans)}
		s.Hours = append(s.Hours, hs)
	}
	for _, r := range c.rules {
		s.Holidays = append(s.Holidays, r.spec())
	}
	for _, o := range c.overList {
		os := OverrideSpec{Date: o.date.String(), Hours: spanTexts(o.spans)}
		os.Closed = len(o.spans) == 0
		s.Overrides = append(s.Overrides, os)
	}
	return s
}

func spanTexts(spans []Span) []string {
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.String()
	}
	return out
}

func (r Rule) spec() HolidaySpec {
	h := HolidaySpec{Name: r.name, FirstYear: r.first, LastYear: r.last}
	if r.observed != Unmoved {
		h.Observed = r.observed.String()
	}
	switch r.kind {
	case kindFixed:
		h.Month, h.Day = int(r.month), r.day
	case kindNth:
		h.Month, h.Nth, h.Weekday = int(r.month), r.nth, dayAbbr[r.weekday]
	case kindEaster:
		off := r.offset
		h.Easter = &off
	case kindOnce:
		h.Date = r.date.String()
	}
	return h
}

// MarshalJSON implements [json.Marshaler] with the calendar's [Spec].
func (c *Calendar) MarshalJSON() ([]byte, error) { return json.Marshal(c.Spec()) }

// String returns a one-line summary: the zone and weekly hours.
func (c *Calendar) String() string {
	var parts []string
	for _, h := range c.hours {
		parts = append(parts, h.days.String()+" "+strings.Join(spanTexts(h.spans), ","))
	}
	return fmt.Sprintf("%s %s, %s, %s", c.loc, strings.Join(parts, "; "),
		count(len(c.rules), "holiday rule"), count(len(c.overList), "override"))
}

// count returns "1 thing" or "n things".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
