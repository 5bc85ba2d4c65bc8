package calendar

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
)

// Spec is the JSON form of a calendar. It holds plain text fields so that
// every error can name the field that caused it; [Spec.Calendar] checks it
// and builds the calendar, and [Calendar.Spec] gives it back, so a calendar
// round-trips through JSON:
//
//	{
//	  "zone": "Europe/London",
//	  "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]},
//	            {"days": "Sat", "spans": ["09:00-12:00"]}],
//	  "holidays": [
//	    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "next-open-day", "weekend": "Sat,Sun"},
//	    {"name": "Good Friday", "easter": -2},
//	    {"name": "Orthodox Easter Monday", "orthodox_easter": 1},
//	    {"name": "Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11},
//	    {"name": "Day after Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11, "add_days": 1},
//	    {"name": "Victoria Day", "weekday": "Mon", "on_or_before": "05-24"},
//	    {"name": "Midsummer Day", "weekday": "Sat", "on_or_after": "06-20"},
//	    {"name": "Royal wedding", "date": "2011-04-29"}
//	  ],
//	  "overrides": [
//	    {"date": "2026-12-24", "hours": ["09:00-12:00"]},
//	    {"date": "2026-12-31", "closed": true}
//	  ]
//	}
//
// Reading a Spec from JSON, with [ParseSpec] or [json.Unmarshal], is
// strict: unknown fields, a key given twice in one object, and values of
// the wrong JSON type are errors that name the field with its array
// indexes ("hours[2].spans") and the line.
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
//
//   - "date" ("2011-04-29"): a one-off holiday ([OnDate]);
//   - "easter": an offset in days from Western Easter Sunday
//     ([EasterOffset]);
//   - "orthodox_easter": an offset in days from Orthodox Easter Sunday
//     ([OrthodoxEasterOffset]);
//   - "nth" and "weekday" with "month": the nth (1–5, or -1 for the last)
//     weekday of a month ([NthWeekday]);
//   - "weekday" with "on_or_after" or "on_or_before" ("06-20", month and
//     day): the first such weekday on or after, or on or before, the day
//     ([WeekdayOnOrAfter], [WeekdayOnOrBefore]);
//   - otherwise "month" and "day": a fixed date ([Fixed]).
//
// "add_days" adds days to the date of any kind ([Rule.AddDays]);
// "first_year" and "last_year" limit the years; "observed" is a
// [Substitute] policy such as "next-open-day", and "weekend" a weekday set
// such as "Sat,Sun" that decides substitute days instead of the
// calendar's hours ([Rule.Weekend]).
//
// Func holds the function of a rule built with [Computed]. It exists in
// Go only: such a rule has no JSON form, and marshalling a HolidaySpec
// with a Func is an error wrapping [ErrComputedRule].
type HolidaySpec struct {
	Name           string      `json:"name"`
	Month          int         `json:"month,omitempty"`
	Day            int         `json:"day,omitempty"`
	Nth            int         `json:"nth,omitempty"`
	Weekday        string      `json:"weekday,omitempty"`
	OnOrAfter      string      `json:"on_or_after,omitempty"`
	OnOrBefore     string      `json:"on_or_before,omitempty"`
	Easter         *int        `json:"easter,omitempty"`
	OrthodoxEaster *int        `json:"orthodox_easter,omitempty"`
	Date           string      `json:"date,omitempty"`
	AddDays        int         `json:"add_days,omitempty"`
	FirstYear      int         `json:"first_year,omitempty"`
	LastYear       int         `json:"last_year,omitempty"`
	Observed       string      `json:"observed,omitempty"`
	Weekend        string      `json:"weekend,omitempty"`
	Func           HolidayFunc `json:"-"`
}

// OverrideSpec gives one date its own hours, or closes it with "closed":
// true. Exactly one of Hours and Closed must be given.
type OverrideSpec struct {
	Date   string   `json:"date"`
	Hours  []string `json:"hours,omitempty"`
	Closed bool     `json:"closed,omitempty"`
}

// ParseSpec decodes a JSON calendar document. Unknown fields, keys given
// twice and data after the document are errors; every error is a
// [*FieldError] naming the field (with array indexes) and the line. A
// null value is the key left out ("easter": null is no Easter offset). A
// UTF-8 byte order mark at the start is skipped.
func ParseSpec(data []byte) (Spec, error) {
	r := specReader{jsonkey.NewReader(data, ErrInvalid, func(path string, line int, err error) error {
		return &FieldError{Path: path, Line: line, Err: err}
	})}
	s, err := r.spec()
	if err == nil {
		err = r.End()
	}
	if err != nil {
		return Spec{}, err
	}
	return s, nil
}

// UnmarshalJSON implements [json.Unmarshaler] as [ParseSpec] does, so that
// a Spec inside another document is read as strictly; lines count from
// the start of the Spec's own JSON.
func (s *Spec) UnmarshalJSON(data []byte) error {
	v, err := ParseSpec(data)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// specReader reads the JSON form of a Spec. null reads as an empty
// object, array or string, and as false or an absent number.
type specReader struct{ *jsonkey.Reader }

// digits is the most digits a number of a Spec may have: more than any
// year or offset a calendar accepts, few enough for any int.
const specDigits = 9

// unknown is the error for a key an object does not have; known are the
// keys it has, one of which the error suggests for a key in another case.
func (r specReader) unknown(path, key string, known ...string) error {
	return r.Failf(path, "%s", jsonkey.UnknownKey(key, known))
}

func (r specReader) spec() (Spec, error) {
	var s Spec
	err := r.Object("", "an object", true, func(key, path string) error {
		var err error
		switch key {
		case "zone":
			s.Zone, err = r.String(path, true)
		case "hours":
			err = r.Array(path, "an array of objects", true, func(_ int, p string) error {
				var h HoursSpec
				err := r.Object(p, "an object", true, func(key, p string) error {
					var err error
					switch key {
					case "days":
						h.Days, err = r.String(p, true)
					case "spans":
						h.Spans, err = r.Strings(p)
					default:
						err = r.unknown(p, key, "days", "spans")
					}
					return err
				})
				s.Hours = append(s.Hours, h)
				return err
			})
		case "holidays":
			err = r.Array(path, "an array of objects", true, func(_ int, p string) error {
				h, err := r.holiday(p)
				s.Holidays = append(s.Holidays, h)
				return err
			})
		case "overrides":
			err = r.Array(path, "an array of objects", true, func(_ int, p string) error {
				var o OverrideSpec
				err := r.Object(p, "an object", true, func(key, p string) error {
					var err error
					switch key {
					case "date":
						o.Date, err = r.String(p, true)
					case "hours":
						o.Hours, err = r.Strings(p)
					case "closed":
						o.Closed, err = r.Bool(p, true)
					default:
						err = r.unknown(p, key, "date", "hours", "closed")
					}
					return err
				})
				s.Overrides = append(s.Overrides, o)
				return err
			})
		default:
			err = r.unknown(path, key, "zone", "hours", "holidays", "overrides")
		}
		return err
	})
	return s, err
}

func (r specReader) holiday(path string) (HolidaySpec, error) {
	var h HolidaySpec
	err := r.Object(path, "an object", true, func(key, p string) error {
		var err error
		num := func(dst *int) {
			*dst, _, err = r.Int(p, specDigits)
		}
		ptr := func(dst **int) {
			n, ok, e := r.Int(p, specDigits)
			if ok {
				*dst = &n
			}
			err = e
		}
		switch key {
		case "name":
			h.Name, err = r.String(p, true)
		case "month":
			num(&h.Month)
		case "day":
			num(&h.Day)
		case "nth":
			num(&h.Nth)
		case "weekday":
			h.Weekday, err = r.String(p, true)
		case "on_or_after":
			h.OnOrAfter, err = r.String(p, true)
		case "on_or_before":
			h.OnOrBefore, err = r.String(p, true)
		case "easter":
			ptr(&h.Easter)
		case "orthodox_easter":
			ptr(&h.OrthodoxEaster)
		case "date":
			h.Date, err = r.String(p, true)
		case "add_days":
			num(&h.AddDays)
		case "first_year":
			num(&h.FirstYear)
		case "last_year":
			num(&h.LastYear)
		case "observed":
			h.Observed, err = r.String(p, true)
		case "weekend":
			h.Weekend, err = r.String(p, true)
		default:
			err = r.unknown(p, key, "name", "month", "day", "nth", "weekday", "on_or_after", "on_or_before",
				"easter", "orthodox_easter", "date", "add_days", "first_year", "last_year", "observed", "weekend")
		}
		return err
	})
	return h, err
}

// MarshalJSON implements [json.Marshaler]. It fails with [ErrComputedRule]
// for a rule computed by a Go function, which has no JSON form.
func (h HolidaySpec) MarshalJSON() ([]byte, error) {
	if h.Func != nil {
		return nil, fmt.Errorf("calendar: holiday %s: %w, which has no JSON form", quote.Text(h.Name), ErrComputedRule)
	}
	type plain HolidaySpec // without the method
	return json.Marshal(plain(h))
}

// Calendar checks s and builds its calendar. Errors are [*FieldError]s
// whose Path names the field, such as "holidays[2].day"; their Line is 0,
// since a Spec has no document ([ParseCalendar] gives the line).
func (s Spec) Calendar() (*Calendar, error) {
	c := new(Calendar)
	if err := s.define(c); err != nil {
		return nil, err
	}
	return c, nil
}

// define makes the zero Calendar c the calendar of s, as Spec.Calendar
// returns it.
func (s Spec) define(c *Calendar) error {
	if s.Zone == "" {
		return fieldErr("zone", "%w: missing", ErrUnknownZone)
	}
	if s.Zone == "Local" {
		return fieldErr("zone", "%w: \"Local\" depends on the machine; name an IANA zone", ErrUnknownZone)
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return fieldErr("zone", "%w: %s", ErrUnknownZone, quote.Text(s.Zone))
	}
	var opts []Option
	for i, h := range s.Hours {
		path := fmt.Sprintf("hours[%d]", i)
		days, err := ParseWeekdays(h.Days)
		if err != nil {
			return &FieldError{Path: path + ".days", Err: err}
		}
		spans, err := parseSpans(h.Spans, path+".spans")
		if err != nil {
			return err
		}
		opts = append(opts, Weekly(days, spans...))
	}
	rules := make([]Rule, len(s.Holidays))
	for i, h := range s.Holidays {
		if rules[i], err = h.rule(fmt.Sprintf("holidays[%d]", i)); err != nil {
			return err
		}
	}
	opts = append(opts, Holidays(rules...))
	for i, o := range s.Overrides {
		path := fmt.Sprintf("overrides[%d]", i)
		d, err := ParseDate(o.Date)
		if err != nil {
			return &FieldError{Path: path + ".date", Err: err}
		}
		switch {
		case o.Closed && len(o.Hours) > 0:
			return fieldErr(path, "%w: give hours or closed, not both", ErrInvalid)
		case !o.Closed && len(o.Hours) == 0:
			return fieldErr(path, "%w: give hours, or closed: true", ErrInvalid)
		}
		spans, err := parseSpans(o.Hours, path+".hours")
		if err != nil {
			return err
		}
		opts = append(opts, Override(d, spans...))
	}
	return c.define(loc, opts)
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
	var kinds []string
	for _, k := range []struct {
		given bool
		name  string
	}{
		{h.Date != "", "date"},
		{h.Easter != nil, "easter"},
		{h.OrthodoxEaster != nil, "orthodox_easter"},
		{h.Nth != 0, "nth"},
		{h.OnOrAfter != "", "on_or_after"},
		{h.OnOrBefore != "", "on_or_before"},
		{h.Func != nil, "Func"},
	} {
		if k.given {
			kinds = append(kinds, k.name)
		}
	}
	if len(kinds) > 1 || (len(kinds) == 1 && h.Day != 0) {
		return Rule{}, fieldErr(path, "%w: give one of date, easter, orthodox_easter, nth with weekday, a weekday with on_or_after or on_or_before, or month with day", ErrInvalid)
	}
	noMonth := func(what string) error {
		if h.Month != 0 {
			return fieldErr(path+".month", "%w: %s holiday takes no month", ErrInvalid, what)
		}
		return nil
	}
	noWeekday := func(what string) error {
		if h.Weekday != "" {
			return fieldErr(path+".weekday", "%w: %s holiday takes no weekday", ErrInvalid, what)
		}
		return nil
	}
	weekday := func() (time.Weekday, error) {
		wd, err := parseDay(h.Weekday)
		if err != nil {
			return 0, fieldErr(path+".weekday", "%w: %v", ErrInvalid, err)
		}
		return wd, nil
	}
	var r Rule
	kind := ""
	if len(kinds) == 1 {
		kind = kinds[0]
	}
	switch kind {
	case "date", "easter", "orthodox_easter", "Func":
		what := map[string]string{"date": "a dated", "easter": "an Easter", "orthodox_easter": "an Orthodox Easter", "Func": "a computed"}[kind]
		if err := noMonth(what); err != nil {
			return Rule{}, err
		}
		if err := noWeekday(what); err != nil {
			return Rule{}, err
		}
		switch kind {
		case "date":
			d, err := ParseDate(h.Date)
			if err != nil {
				return Rule{}, &FieldError{Path: path + ".date", Err: err}
			}
			r = OnDate(h.Name, d)
		case "easter":
			r = EasterOffset(h.Name, *h.Easter)
		case "orthodox_easter":
			r = OrthodoxEasterOffset(h.Name, *h.OrthodoxEaster)
		default:
			r = Computed(h.Name, h.Func)
		}
	case "on_or_after", "on_or_before":
		if err := noMonth("an on-or-after or on-or-before"); err != nil {
			return Rule{}, err
		}
		text := h.OnOrAfter + h.OnOrBefore
		m, d, err := parseMonthDay(text)
		if err != nil {
			return Rule{}, &FieldError{Path: path + "." + kind, Err: err}
		}
		wd, err := weekday()
		if err != nil {
			return Rule{}, err
		}
		if kind == "on_or_after" {
			r = WeekdayOnOrAfter(h.Name, wd, m, d)
		} else {
			r = WeekdayOnOrBefore(h.Name, wd, m, d)
		}
	case "nth":
		wd, err := weekday()
		if err != nil {
			return Rule{}, err
		}
		r = NthWeekday(h.Name, h.Nth, wd, time.Month(h.Month))
	default:
		switch {
		case h.Weekday != "":
			return Rule{}, fieldErr(path+".nth", "%w: a weekday needs nth, on_or_after or on_or_before", ErrNoSuchDate)
		case h.Month == 0 && h.Day == 0:
			return Rule{}, fieldErr(path, "%w: no date: give month and day, date, easter, orthodox_easter, nth with weekday and month, or a weekday with on_or_after or on_or_before (a null value is a key left out)", ErrInvalid)
		case h.Month == 0:
			return Rule{}, fieldErr(path+".month", "%w: missing: a fixed date needs a month and a day", ErrNoSuchDate)
		case h.Day == 0:
			return Rule{}, fieldErr(path+".day", "%w: missing: a fixed date needs a month and a day", ErrNoSuchDate)
		}
		r = Fixed(h.Name, time.Month(h.Month), h.Day)
	}
	if h.AddDays != 0 {
		r = r.AddDays(h.AddDays)
	}
	r = r.From(h.FirstYear).Until(h.LastYear)
	obs, err := ParseSubstitute(h.Observed)
	if err != nil {
		return Rule{}, &FieldError{Path: path + ".observed", Err: err}
	}
	r = r.Observed(obs)
	if h.Weekend != "" {
		w, err := ParseWeekdays(h.Weekend)
		if err != nil {
			return Rule{}, &FieldError{Path: path + ".weekend", Err: err}
		}
		r = r.Weekend(w)
	}
	return r, r.check(path)
}

// parseMonthDay parses a month and day "MM-DD", such as "06-20".
func parseMonthDay(s string) (time.Month, int, error) {
	fail := func(msg string) (time.Month, int, error) {
		return 0, 0, &ParseError{What: "month and day", Input: s, Err: fmt.Errorf("%w: %s", ErrNoSuchDate, msg)}
	}
	if len(s) != 5 || s[2] != '-' {
		return fail("want MM-DD")
	}
	m, ok1 := digits(s[0:2])
	d, ok2 := digits(s[3:5])
	switch {
	case !ok1 || !ok2:
		return fail("want MM-DD")
	case m < 1 || m > 12:
		return fail("month out of range")
	case d < 1 || d > daysIn(2000, time.Month(m)):
		return fail("no such day in that month")
	}
	return time.Month(m), d, nil
}

// Spec returns the definition of c, from which [Spec.Calendar] builds an
// equal calendar. Its Zone is the name of c's Location, so a calendar built
// with a Location that is not in the IANA database (such as one from
// [time.FixedZone]) does not round-trip. A rule built with [Computed]
// appears with its Func, which has no JSON form.
func (c *Calendar) Spec() Spec {
	c.mustBeBuilt()
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
	h := HolidaySpec{Name: r.name, AddDays: r.add, FirstYear: r.first, LastYear: r.last}
	if r.observed != Unmoved {
		h.Observed = r.observed.String()
	}
	if r.weekend != 0 {
		h.Weekend = r.weekend.String()
	}
	switch r.kind {
	case kindFixed:
		h.Month, h.Day = int(r.month), r.day
	case kindNth:
		h.Month, h.Nth, h.Weekday = int(r.month), r.nth, dayAbbr[r.weekday]
	case kindOnOrAfter:
		h.Weekday, h.OnOrAfter = dayAbbr[r.weekday], fmt.Sprintf("%02d-%02d", int(r.month), r.day)
	case kindOnOrBefore:
		h.Weekday, h.OnOrBefore = dayAbbr[r.weekday], fmt.Sprintf("%02d-%02d", int(r.month), r.day)
	case kindEaster:
		off := r.offset
		h.Easter = &off
	case kindOrthodox:
		off := r.offset
		h.OrthodoxEaster = &off
	case kindOnce:
		h.Date = r.date.String()
	case kindComputed:
		h.Func = r.fn.f
	}
	return h
}

// MarshalJSON implements [json.Marshaler] with the calendar's [Spec],
// which [Calendar.UnmarshalJSON] and [ParseCalendar] read back. It fails
// with a [*FieldError] wrapping [ErrComputedRule] when a holiday rule is
// computed by a Go function ([Computed]), which has no JSON form, and
// with an error wrapping [ErrZeroCalendar] for the zero Calendar.
func (c *Calendar) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, errZero
	}
	for i, r := range c.rules {
		if r.kind == kindComputed {
			return nil, fieldErr(fmt.Sprintf("holidays[%d]", i), "%s: %w, which has no JSON form", quote.Text(r.name), ErrComputedRule)
		}
	}
	return json.Marshal(c.Spec())
}

// String returns a one-line summary: the zone and weekly hours.
func (c *Calendar) String() string {
	c.mustBeBuilt()
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
