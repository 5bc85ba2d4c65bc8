package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// FirstYear and LastYear bound the civil years, in the calendar's zone,
// for which a Calendar applies its holidays and overrides and follows every
// change of its zone's UTC offset. Holiday instants for these years are
// computed once, when the calendar is built.
//
// Outside these years a Calendar keeps its weekly hours but has no
// holidays and no overrides, and reads wall clocks at the zone's UTC offset
// in force at the nearer end of the range (no daylight-saving changes).
// Every query still answers, exactly by that rule and without looping over
// the span.
const (
	FirstYear = 1900
	LastYear  = 2200
)

// Calendar is a business calendar: an IANA zone, weekly hours, holidays
// and date overrides, with exact and fast business-time arithmetic.
//
// Business hours are wall-clock spans in the calendar's own zone, turned
// into instants as follows: a wall time that does not exist (the spring
// gap) maps to the instant the clocks pass it (the end of the gap), and a
// wall time that occurs twice maps to its first occurrence. Business time
// is real elapsed time inside those instant spans, so a 24-hour calendar
// has a 23-hour and a 25-hour day each year. Every civil decision (the
// weekday, the date of a holiday) is taken in the calendar's zone, never in
// the Location of an argument.
//
// The open time of a date is, in order of precedence: the spans of its
// override; nothing, if a holiday is observed on it; the weekly spans of
// its weekday. A span that crosses midnight belongs to the day it starts
// on, so the overnight shift of a Friday runs into Saturday even when
// Saturday is a holiday. Spans of different days that meet or overlap are
// joined.
//
// Build a Calendar with [New], [Always] or [Spec.Calendar]. The zero value
// is not usable. A *Calendar is immutable and safe for concurrent use.
type Calendar struct {
	loc       *time.Location
	weekly    [7][]Span     // by time.Weekday, sorted by start
	hours     []weeklyHours // as given, for Spec
	rules     []Rule        // as given
	overrides map[Date][]Span
	overList  []dateOverride // as given

	holidays   []Holiday // sorted by actual date
	byObserved []int32   // indexes into holidays, sorted by observed date

	// The weekly wall-clock model: merged open intervals of the week in
	// seconds after Monday 00:00, with the open time before each.
	wk      []wallSpan
	wkTotal int64

	// Segments cover all instants (Unix seconds): regular ones follow the
	// weekly model at a fixed UTC offset, exceptional ones list their open
	// intervals.
	segs     []segment
	ivs      []instSpan // open intervals of exceptional segments
	weekBase int64      // Unix second of the first indexed week
	weekIdx  []int32    // segment holding weekBase + k weeks
}

type weeklyHours struct {
	days  Weekdays
	spans []Span
}

type dateOverride struct {
	date  Date
	spans []Span
}

// wallSpan is an open interval of the week, [start, end) in seconds after
// Monday 00:00, with cum the open time of the week before start.
type wallSpan struct{ start, end, cum int64 }

// instSpan is an open interval [start, end) of Unix seconds with cum the
// business time (seconds) before start, counted from an arbitrary origin.
type instSpan struct{ start, end, cum int64 }

// segment is a stretch of instants from start up to the next segment's
// start. A regular segment's business time up to x is k + g(x+off); an
// exceptional one's comes from ivs[lo:hi].
type segment struct {
	start   int64 // Unix second; math.MinInt64 for the first
	cum     int64 // business seconds before start
	off     int64 // regular: UTC offset in seconds
	k       int64 // regular: cum − g(start+off)
	lo, hi  int32 // exceptional: ivs[lo:hi]
	regular bool
}

// Option configures a Calendar built by [New].
type Option func(*config)

type config struct {
	hours     []weeklyHours
	rules     []Rule
	overrides []dateOverride
}

// Weekly adds weekly hours: the spans are open on each of the days. Spans
// on the same day must not overlap; spans added by several Weekly options
// for one day are combined. In errors, the nth Weekly option is
// "hours[n]".
func Weekly(days Weekdays, spans ...Span) Option {
	return func(c *config) {
		c.hours = append(c.hours, weeklyHours{days, slices.Clone(spans)})
	}
}

// Holidays adds holiday rules. In errors, the nth rule over all Holidays
// options is "holidays[n]".
func Holidays(rules ...Rule) Option {
	return func(c *config) { c.rules = append(c.rules, rules...) }
}

// Override gives date d its own hours, replacing its weekly hours and any
// holiday observed on it: a half day ("24 December 09:00–12:00"), an extra
// open date, or, with no spans, a closed date. In errors, the nth override
// is "overrides[n]".
func Override(d Date, spans ...Span) Option {
	return func(c *config) {
		c.overrides = append(c.overrides, dateOverride{d, slices.Clone(spans)})
	}
}

// Closed closes the calendar on date d; it is Override(d) with no spans.
func Closed(d Date) Option { return Override(d) }

// Limits on the size of a calendar, so that no definition can make New
// allocate or compute without bound. Each holiday rule is evaluated for
// every supported year, so a rule costs a few hundred kilobytes and about
// half a millisecond at construction; a real calendar has a few dozen.
const (
	MaxHours     = 100  // entries of weekly hours
	MaxHolidays  = 100  // holiday rules
	MaxOverrides = 2000 // dates with their own hours
	MaxSpans     = 48   // spans of one weekday, or of one override
)

// New returns a calendar in zone loc with the given hours, holidays and
// overrides. It fails with a [*FieldError] when loc is nil, when a limit
// (MaxHours, MaxHolidays, MaxOverrides) is passed, when the weekly
// hours are empty ([ErrNeverOpen]), when spans of one day overlap
// ([ErrOverlap]), when a holiday rule names a date that cannot exist
// ([ErrNoSuchDate]), or when an override's date lies outside [FirstYear,
// LastYear] ([ErrOutOfRange]) or is given twice.
//
// New precomputes the holidays and the zone's offset changes of the
// supported years, which takes a few milliseconds; build a calendar once
// and share it.
func New(loc *time.Location, opts ...Option) (*Calendar, error) {
	if loc == nil {
		return nil, fieldErr("zone", "%w: nil location", ErrUnknownZone)
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	switch {
	case len(cfg.hours) > MaxHours:
		return nil, fieldErr("hours", "%w: %d entries, at most %d", ErrInvalid, len(cfg.hours), MaxHours)
	case len(cfg.rules) > MaxHolidays:
		return nil, fieldErr("holidays", "%w: %d rules, at most %d", ErrInvalid, len(cfg.rules), MaxHolidays)
	case len(cfg.overrides) > MaxOverrides:
		return nil, fieldErr("overrides", "%w: %d dates, at most %d", ErrInvalid, len(cfg.overrides), MaxOverrides)
	}
	c := &Calendar{loc: loc, hours: cfg.hours, rules: cfg.rules, overList: cfg.overrides, overrides: map[Date][]Span{}}
	if err := c.checkHours(); err != nil {
		return nil, err
	}
	for i, r := range c.rules {
		if err := r.check(fmt.Sprintf("holidays[%d]", i)); err != nil {
			return nil, err
		}
	}
	seen := map[Date]int{}
	for i, o := range c.overList {
		path := fmt.Sprintf("overrides[%d]", i)
		if !o.date.IsValid() {
			return nil, fieldErr(path+".date", "%w: %s", ErrNoSuchDate, o.date)
		}
		if o.date.Year < FirstYear || o.date.Year > LastYear {
			return nil, fieldErr(path+".date", "%w: %s is not in %d–%d", ErrOutOfRange, o.date, FirstYear, LastYear)
		}
		if j, dup := seen[o.date]; dup {
			return nil, fieldErr(path+".date", "%w: %s is already overridden by overrides[%d]", ErrInvalid, o.date, j)
		}
		seen[o.date] = i
		spans, err := sortedSpans(o.spans, path+".hours")
		if err != nil {
			return nil, err
		}
		c.overrides[o.date] = spans
	}
	c.resolveHolidays()
	c.buildWeek()
	c.buildSegments()
	return c, nil
}

// Always returns the calendar of loc that is open all the time, 24×7.
// Its business time equals elapsed time. It panics if loc is nil, a
// programmer error.
func Always(loc *time.Location) *Calendar {
	c, err := New(loc, Weekly(EveryDay, Span{Midnight, EndOfDay}))
	if err != nil {
		panic(err) // only a nil loc can fail, which is a programmer error
	}
	return c
}

// checkHours validates the weekly hours and fills c.weekly.
func (c *Calendar) checkHours() error {
	var byDay [7][]Span
	var from [7][]int // which hours entry each span came from
	for i, h := range c.hours {
		path := fmt.Sprintf("hours[%d]", i)
		if h.days&EveryDay == 0 {
			return fieldErr(path+".days", "%w: no days", ErrInvalid)
		}
		if len(h.spans) == 0 {
			return fieldErr(path+".spans", "%w: no spans", ErrInvalid)
		}
		if len(h.spans) > MaxSpans {
			return fieldErr(path+".spans", "%w: %d spans, at most %d", ErrInvalid, len(h.spans), MaxSpans)
		}
		for j, s := range h.spans {
			if err := s.validate(); err != nil {
				return fieldErr(fmt.Sprintf("%s.spans[%d]", path, j), "%v: %w", s, err)
			}
			for d := time.Sunday; d <= time.Saturday; d++ {
				if h.days.Contains(d) {
					byDay[d] = append(byDay[d], s)
					from[d] = append(from[d], i*1000+j)
				}
			}
		}
	}
	total := 0
	for d := time.Sunday; d <= time.Saturday; d++ {
		if len(byDay[d]) > MaxSpans {
			return fieldErr("hours", "%w: %d spans on %s, at most %d", ErrInvalid, len(byDay[d]), d, MaxSpans)
		}
		for a := range byDay[d] {
			for b := range a {
				if spansOverlap(byDay[d][a], byDay[d][b]) {
					ia, ja := from[d][a]/1000, from[d][a]%1000
					ib, jb := from[d][b]/1000, from[d][b]%1000
					return fieldErr(fmt.Sprintf("hours[%d].spans[%d]", ia, ja), "%w: %v and hours[%d].spans[%d] %v on %s",
						ErrOverlap, byDay[d][a], ib, jb, byDay[d][b], d)
				}
			}
		}
		c.weekly[d] = slices.Clone(byDay[d])
		slices.SortFunc(c.weekly[d], func(a, b Span) int { return cmp.Compare(int(a.Start), int(b.Start)) })
		total += len(byDay[d])
	}
	if total == 0 {
		return fieldErr("hours", "%w: no weekly hours", ErrNeverOpen)
	}
	return nil
}

func spansOverlap(a, b Span) bool {
	as, ae := a.bounds()
	bs, be := b.bounds()
	return as < be && bs < ae
}

// sortedSpans validates the spans of one override and sorts them.
func sortedSpans(spans []Span, path string) ([]Span, error) {
	if len(spans) > MaxSpans {
		return nil, fieldErr(path, "%w: %d spans, at most %d", ErrInvalid, len(spans), MaxSpans)
	}
	for j, s := range spans {
		if err := s.validate(); err != nil {
			return nil, fieldErr(fmt.Sprintf("%s[%d]", path, j), "%v: %w", s, err)
		}
		for k := range j {
			if spansOverlap(s, spans[k]) {
				return nil, fieldErr(fmt.Sprintf("%s[%d]", path, j), "%w: %v and %v", ErrOverlap, s, spans[k])
			}
		}
	}
	out := slices.Clone(spans)
	slices.SortFunc(out, func(a, b Span) int { return cmp.Compare(int(a.Start), int(b.Start)) })
	return out, nil
}

// Location returns the calendar's zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// HoursOn returns the wall-clock spans the calendar is open on date d,
// which start on d (an overnight span ends on the next day). Outside
// [FirstYear, LastYear] these are the weekly hours.
func (c *Calendar) HoursOn(d Date) []Span {
	return slices.Clone(c.dayPlan(d))
}

// dayPlan returns the spans of date d, shared (not to be modified).
func (c *Calendar) dayPlan(d Date) []Span {
	if d.Year < FirstYear || d.Year > LastYear {
		return c.weekly[d.Weekday()]
	}
	if sp, ok := c.overrides[d]; ok {
		return sp
	}
	if _, ok := c.observedIndex(d); ok {
		return nil
	}
	return c.weekly[d.Weekday()]
}
