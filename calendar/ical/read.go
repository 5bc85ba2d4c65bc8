package ical

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/internal/oneoff"
	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/window"
)

// MaxSize is the largest input the package reads, in bytes.
const MaxSize = 8 << 20

// MaxParamValue is the longest parameter value the package reads, in
// bytes, such as the zone name of TZID=Europe/Berlin. go-ical builds a
// parameter value one byte at a time, in time quadratic in its length (a
// 64 KiB value takes more than half a second, a 1 MiB one minutes), so a
// file with a longer one is refused before it is parsed.
const MaxParamValue = 1024

// checkParams returns an error naming the line of the first content line
// of data with a parameter name or value longer than MaxParamValue. A
// content line's parameters run from its first ';' before a ':' to the
// first ':' outside double quotes; a line folded by a line break and a
// space or tab continues (RFC 5545, 3.1).
func checkParams(data []byte) error {
	const (
		name   = iota // the property name, up to ';' or ':'
		params        // the parameters, up to ':' outside quotes
		value         // the value, up to the end of the line
	)
	state, quoted, run, line := name, false, 0, 1
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			continue // the line ends at the '\n'
		}
		if c == '\n' {
			if i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\t') {
				i++ // folded: the line goes on
				continue
			}
			state, quoted, run, line = name, false, 0, line+1
			continue
		}
		switch {
		case state == name && c == ';':
			state = params
		case state == name && c == ':':
			state = value
		case state != params:
		case c == '"':
			quoted, run = !quoted, 0
		case quoted:
			run++
		case c == ':':
			state = value
		case c == ';' || c == ',' || c == '=':
			run = 0
		default:
			run++
		}
		if run > MaxParamValue {
			return &Error{Err: errf(ErrTooLarge, "line %d: a parameter value longer than %d bytes", line, MaxParamValue)}
		}
	}
	return nil
}

// event is a VEVENT as the package reads it.
type event struct {
	index   int // 1-based among the file's VEVENTs
	uid     string
	summary string
	start   value
	end     *value    // DTEND, or nil
	dur     *duration // DURATION, or nil
	rule    *recurrence
	rdates  []value
	exdates []value
	rid     *value // RECURRENCE-ID: this event replaces one occurrence
}

// allDay reports whether e is an all-day event: its DTSTART is a DATE.
func (e *event) allDay() bool { return e.start.date }

// fail returns an Error about property prop of e.
func (e *event) fail(prop string, err error) error {
	return &Error{Event: e.index, UID: e.uid, Property: prop, Err: err}
}

// file is a parsed iCalendar file: its events, and for each UID the
// occurrences that RECURRENCE-ID events replace.
type file struct {
	events   []*event
	replaced map[string][]value
}

// parse reads up to MaxSize bytes of r and returns its events. Events
// with STATUS:CANCELLED are left out. Floating times are read in loc.
func parse(r io.Reader, loc *time.Location) (*file, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &Error{Err: fmt.Errorf("reading: %w", err)}
	}
	if len(data) > MaxSize {
		return nil, &Error{Err: errf(ErrTooLarge, "more than %d bytes", MaxSize)}
	}
	// A UTF-8 byte order mark, which editors on Windows often write
	// first, is not part of the content (RFC 5545 section 3.1.4 gives
	// UTF-8 as the charset; the mark carries nothing in it).
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkParams(data); err != nil {
		return nil, err
	}
	if loc == nil {
		loc = time.UTC
	}
	z := &zones{floating: loc}
	f := &file{replaced: map[string][]value{}}
	dec := goical.NewDecoder(bytes.NewReader(data))
	calendars := 0
	for {
		cal, err := decode(dec)
		if err == io.EOF {
			// The decoder says EOF at the end of the file whether or not
			// a calendar was left open there; windows in a file cut
			// short must not vanish without a word.
			if top, inner, open := unclosed(data); open {
				return nil, &Error{Err: errf(ErrInvalid, "VCALENDAR %d has no END:VCALENDAR: the file ends inside %s (cut short?)", top, quote.Text(inner))}
			}
			break
		}
		if err != nil {
			return nil, &Error{Err: errf(ErrInvalid, "%s", quote.Message(strings.TrimPrefix(err.Error(), "ical: ")))}
		}
		calendars++
		for _, c := range cal.Children {
			if c.Name == goical.CompCalendar {
				// RFC 5545 section 3.4: a stream is a sequence of
				// VCALENDARs, never one inside another. Its events would
				// not be read, so the file is refused rather than read
				// in part.
				return nil, &Error{Err: errf(ErrInvalid, "VCALENDAR %d holds a VCALENDAR: calendars follow one another, never nest (RFC 5545, 3.4)", calendars)}
			}
			if c.Name != goical.CompEvent {
				continue
			}
			e, err := z.event(c, len(f.events)+1)
			if err != nil {
				return nil, err
			}
			if e == nil {
				continue
			}
			f.events = append(f.events, e)
			if e.rid != nil {
				f.replaced[e.uid] = append(f.replaced[e.uid], *e.rid)
			}
		}
	}
	if calendars == 0 {
		return nil, &Error{Err: errf(ErrInvalid, "no VCALENDAR")}
	}
	return f, nil
}

// unclosed reports whether data ends inside a component: a BEGIN line
// whose END never comes, as in a file cut short. It returns the 1-based
// number of the top-level component left open and the name of the
// innermost one. Lines are read after unfolding (RFC 5545 section 3.1: a
// line that starts with a space or a tab continues the one before), and
// BEGIN and END in any case; components may nest, a VCALENDAR inside
// another included.
func unclosed(data []byte) (top int, inner string, open bool) {
	var stack []string
	var line []byte // the logical line so far
	flush := func() {
		l := string(bytes.TrimRight(line, " \t"))
		line = line[:0]
		name, value, ok := strings.Cut(l, ":")
		switch {
		case !ok:
		case strings.EqualFold(name, "BEGIN"):
			if len(stack) == 0 {
				top++
			}
			stack = append(stack, strings.ToUpper(value))
		case strings.EqualFold(name, "END") && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	for rest := data; len(rest) > 0; {
		l, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
			line = append(line, l[1:]...)
			continue
		}
		flush()
		line = append(line, l...)
	}
	flush()
	if len(stack) == 0 {
		return 0, "", false
	}
	return top, stack[len(stack)-1], true
}

// decode decodes the next calendar; the decoder's panics, if any, are
// errors.
func decode(dec *goical.Decoder) (cal *goical.Calendar, err error) {
	defer func() {
		if p := recover(); p != nil {
			cal, err = nil, fmt.Errorf("malformed file (%s)", quote.Message(fmt.Sprint(p)))
		}
	}()
	return dec.Decode()
}

// event reads one VEVENT; it returns nil for a cancelled one.
func (z *zones) event(c *goical.Component, index int) (*event, error) {
	e := &event{index: index}
	if p := c.Props.Get(goical.PropUID); p != nil {
		e.uid = p.Value
	}
	one := func(name string) (*goical.Prop, error) {
		ps := c.Props.Values(name)
		if len(ps) > 1 {
			return nil, e.fail(name, errf(ErrInvalid, "given %d times", len(ps)))
		}
		if len(ps) == 0 {
			return nil, nil
		}
		return &ps[0], nil
	}
	if p, err := one(goical.PropStatus); err != nil {
		return nil, err
	} else if p != nil && strings.EqualFold(p.Value, "CANCELLED") {
		return nil, nil
	}
	if p, err := one(goical.PropSummary); err != nil {
		return nil, err
	} else if p != nil {
		if e.summary, err = p.Text(); err != nil {
			return nil, e.fail(goical.PropSummary, errf(ErrInvalid, "%s", quote.Message(strings.TrimPrefix(err.Error(), "ical: "))))
		}
	}
	start, err := one(goical.PropDateTimeStart)
	if err != nil {
		return nil, err
	}
	if start == nil {
		return nil, e.fail(goical.PropDateTimeStart, errf(ErrInvalid, "an event needs a DTSTART"))
	}
	if e.start, err = z.parseValue(start.Value, start.Params); err != nil {
		return nil, e.fail(goical.PropDateTimeStart, err)
	}
	if err := z.eventEnd(e, one); err != nil {
		return nil, err
	}
	if p, err := one(goical.PropRecurrenceRule); err != nil {
		return nil, err
	} else if p != nil {
		if e.rule, err = z.parseRule(p.Value); err != nil {
			return nil, e.fail(goical.PropRecurrenceRule, err)
		}
		if u := e.rule.until; u != nil && u.date != e.start.date {
			return nil, e.fail(goical.PropRecurrenceRule, errf(ErrInvalid, "UNTIL must be a DATE when DTSTART is one, and a DATE-TIME otherwise (RFC 5545, 3.3.10)"))
		}
	}
	for _, list := range []struct {
		name string
		to   *[]value
	}{{goical.PropRecurrenceDates, &e.rdates}, {goical.PropExceptionDates, &e.exdates}} {
		for _, p := range c.Props.Values(list.name) {
			for _, text := range strings.Split(p.Value, ",") {
				v, err := z.parseValue(text, p.Params)
				if err != nil {
					return nil, e.fail(list.name, err)
				}
				*list.to = append(*list.to, v)
			}
		}
	}
	if p, err := one(goical.PropRecurrenceID); err != nil {
		return nil, err
	} else if p != nil {
		v, err := z.parseValue(p.Value, p.Params)
		if err != nil {
			return nil, e.fail(goical.PropRecurrenceID, err)
		}
		e.rid = &v
	}
	return e, nil
}

// eventEnd reads DTEND or DURATION.
func (z *zones) eventEnd(e *event, one func(string) (*goical.Prop, error)) error {
	end, err := one(goical.PropDateTimeEnd)
	if err != nil {
		return err
	}
	dur, err := one(goical.PropDuration)
	if err != nil {
		return err
	}
	switch {
	case end != nil && dur != nil:
		return e.fail(goical.PropDateTimeEnd, errf(ErrInvalid, "DTEND and DURATION together"))
	case end != nil:
		v, err := z.parseValue(end.Value, end.Params)
		if err != nil {
			return e.fail(goical.PropDateTimeEnd, err)
		}
		if v.date != e.start.date {
			return e.fail(goical.PropDateTimeEnd, errf(ErrInvalid, "DTEND must be of the same value type as DTSTART"))
		}
		if v.instant().Before(e.start.instant()) {
			return e.fail(goical.PropDateTimeEnd, errf(ErrInvalid, "DTEND is before DTSTART"))
		}
		e.end = &v
	case dur != nil:
		d, err := parseDuration(dur.Value)
		if err != nil {
			return e.fail(goical.PropDuration, err)
		}
		e.dur = &d
	}
	return nil
}

// occurrences calls yield with the start of each occurrence of e, as a
// value, whose wall clock is not after limit: DTSTART, the rule's and the
// RDATEs, less the EXDATEs and the occurrences other events replace.
// unbounded reports, when e.rule has neither COUNT nor UNTIL and limit is
// the last day of 9999, that no span bounds it.
func (f *file) occurrences(b *budget, e *event, limit time.Time, open bool, yield func(value) error) error {
	excluded := func(v value) bool {
		for _, x := range e.exdates {
			if x.date && !v.date {
				// A DATE in EXDATE of a timed event removes the occurrences
				// that start on that day.
				if y, m, d := x.wall.Date(); v.wall.Year() == y && v.wall.Month() == m && v.wall.Day() == d {
					return true
				}
			} else if x.instant().Equal(v.instant()) {
				return true
			}
		}
		if e.rid == nil && e.uid != "" {
			for _, r := range f.replaced[e.uid] {
				if r.instant().Equal(v.instant()) {
					return true
				}
			}
		}
		return false
	}
	emit := func(v value) error {
		if v.wall.After(limit) || excluded(v) {
			return nil
		}
		return yield(v)
	}
	if err := emit(e.start); err != nil {
		return err
	}
	for _, v := range e.rdates {
		// An RDATE of another value type than DTSTART is read as given.
		if err := emit(v); err != nil {
			return err
		}
	}
	rec := e.rule
	if rec == nil {
		return nil
	}
	if open && rec.count == 0 && rec.until == nil {
		return e.fail(goical.PropRecurrenceRule, errf(ErrUnbounded, "a rule with neither COUNT nor UNTIL needs a span"))
	}
	ruleLimit := limit
	if u := rec.until; u != nil {
		// UNTIL is compared as an instant below; the wall-clock bound
		// only stops the scan, a day later to cover any offset.
		if w := wallOf(u.instant(), e.start.loc).AddDate(0, 0, 1); w.Before(ruleLimit) {
			ruleLimit = w
		}
	}
	err := b.expand(rec, e.start.wall, ruleLimit, func(w time.Time) error {
		v := value{wall: w, loc: e.start.loc, date: e.start.date}
		if u := rec.until; u != nil && v.instant().After(u.instant()) {
			return nil
		}
		return emit(v)
	})
	if err != nil {
		var ie *Error
		if errors.As(err, &ie) {
			return err
		}
		return e.fail(goical.PropRecurrenceRule, err)
	}
	return nil
}

// endOf returns the end of the occurrence of e that starts at start.
func (e *event) endOf(start value) time.Time {
	switch {
	case e.end != nil:
		// RFC 5545, 3.8.5.3: DTEND gives every occurrence the same exact
		// duration.
		return start.instant().Add(e.end.instant().Sub(e.start.instant()))
	case e.dur != nil:
		// DURATION's days are nominal: the same wall time days later.
		v := value{wall: start.wall.AddDate(0, 0, e.dur.days), loc: start.loc, date: start.date}
		return v.instant().Add(e.dur.exact)
	case e.start.date:
		return start.instant().AddDate(0, 0, 1)
	}
	return start.instant()
}

// Maintenance reads an iCalendar file (RFC 5545) from r and returns the
// times its timed events cover within span, as maintenance windows: each
// event, and each occurrence of a recurring one, from its start to its
// end, clipped to span.
//
// A UTF-8 byte order mark at the start of the file is skipped. All-day
// events (DTSTART with a DATE value) are holidays, not windows, and are
// left out, as are events with STATUS:CANCELLED. A time with a
// TZID is read in that IANA zone; a time with neither TZID nor the Z
// suffix ("floating") is read in floating, or in UTC when floating is
// nil. A wall time that occurs twice is its first occurrence and one in a
// gap is read with the offset before the gap (RFC 5545, 3.3.5). An event
// ends at DTEND, after DURATION (whose days are wall-clock days), or at
// its start (an empty window) when it has neither. Recurrences follow
// RRULE (see the package documentation for the parts read), RDATE, EXDATE
// and events that replace one occurrence (RECURRENCE-ID); a rule with
// neither COUNT nor UNTIL is expanded up to the end of span.
//
// Errors are *Error values wrapping ErrInvalid, ErrUnsupported,
// ErrTooLarge or ErrLimit.
func Maintenance(r io.Reader, span window.Interval, floating *time.Location) (window.Set, error) {
	ws, err := MaintenanceWindows(r, span, floating)
	if err != nil {
		return window.Set{}, err
	}
	spans := make([]window.Interval, len(ws))
	for i, w := range ws {
		spans[i] = w.Span
	}
	return window.NewSet(spans...), nil
}

// Window is one occurrence of a timed event, clipped to the span asked
// for, with the event's SUMMARY and UID: a maintenance window as a report
// lists it. A plain value, safe for concurrent use.
type Window struct {
	Span    window.Interval
	Summary string
	UID     string
}

// MaintenanceWindows reads an iCalendar file as [Maintenance] does and
// returns each occurrence that reaches span as a [Window], in the order
// of the file's events and, within a recurring event, of its
// occurrences. Windows may overlap; [Maintenance] returns their union.
// Errors are those of Maintenance.
func MaintenanceWindows(r io.Reader, span window.Interval, floating *time.Location) ([]Window, error) {
	if span.Empty() {
		return nil, &Error{Err: errf(ErrInvalid, "the span %v is empty", span)}
	}
	f, err := parse(r, floating)
	if err != nil {
		return nil, err
	}
	var b budget
	var out []Window
	for _, e := range f.events {
		if e.allDay() {
			continue
		}
		// Occurrences that start after the end of span do not reach it; a
		// day more covers any offset between the zone's wall clock and UTC.
		limit := wallOf(span.End, e.start.loc).AddDate(0, 0, 1)
		err := f.occurrences(&b, e, limit, false, func(v value) error {
			w := window.Between(v.instant(), e.endOf(v)).Intersect(span)
			if !w.Empty() {
				out = append(out, Window{Span: w, Summary: e.summary, UID: e.uid})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Holidays reads an iCalendar file (RFC 5545) from r and returns its
// all-day events as holiday rules named by their SUMMARY ("Holiday" when
// it has none) that give each day an event covers (from DTSTART up to but
// excluding DTEND, or DURATION's days, or one day), for the days from
// first through last. Rules are never moved: a file lists days off. There
// is a rule per name and per occurrence of the name within a year,
// computed from the days ([calendar.Computed]), in order of first
// appearance, rather than a rule per day, so that a file of many years
// stays within [calendar.MaxHolidays].
//
// Timed events are maintenance windows, not holidays, and are left out,
// as are events with STATUS:CANCELLED. Recurring all-day events are
// expanded as in [Maintenance]. When first and last are both the zero
// Date, every day of every event is taken, and a recurrence rule with
// neither COUNT nor UNTIL is an error wrapping ErrUnbounded.
func Holidays(r io.Reader, first, last calendar.Date) ([]calendar.Rule, error) {
	open := first == calendar.Date{} && last == calendar.Date{}
	if open {
		first, last = calendar.Date{Year: 1, Month: 1, Day: 1}, calendar.Date{Year: 9999, Month: 12, Day: 31}
	}
	if !first.IsValid() || !last.IsValid() || last.Before(first) {
		return nil, &Error{Err: errf(ErrInvalid, "the days %v to %v are not a range of valid dates", first, last)}
	}
	f, err := parse(r, time.UTC)
	if err != nil {
		return nil, err
	}
	lo, hi := dayTime(first), dayTime(last)
	var b budget
	var days []oneoff.Day
	for _, e := range f.events {
		if !e.allDay() {
			continue
		}
		name := e.summary
		if strings.TrimSpace(name) == "" {
			name = "Holiday"
		}
		err := f.occurrences(&b, e, hi, open, func(v value) error {
			end := wallOf(e.endOf(v), time.UTC)
			d := v.wall
			if d.Before(lo) {
				d = lo
			}
			for ; d.Before(end) && !d.After(hi); d = d.AddDate(0, 0, 1) {
				if b.produced++; b.produced > MaxOccurrences {
					return e.fail("", errf(ErrLimit, "the file's events cover more than %d days", MaxOccurrences))
				}
				y, m, dd := d.Date()
				days = append(days, oneoff.Day{Name: name, Date: calendar.Date{Year: y, Month: m, Day: dd}})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return oneoff.Rules(days), nil
}

// dayTime returns midnight UTC of d.
func dayTime(d calendar.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}
