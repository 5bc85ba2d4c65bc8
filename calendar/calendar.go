package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// FirstYear and LastYear bound the civil years, in the calendar's zone,
// in which a Calendar applies its holidays and overrides: the years of a
// valid [Date]. Every year between follows the same rules, and the zone's
// changes of UTC offset are followed in all of them.
//
// Before FirstYear and after LastYear a Calendar keeps its weekly hours
// but has no holidays and no overrides, and reads wall clocks at one
// fixed UTC offset, with no daylight-saving changes: after LastYear, the
// offset in effect at the end of 31 December 9999 (standard time in the
// northern hemisphere: UTC−5 in New York, UTC+1 in Berlin), and before
// FirstYear the zone's earliest offset (commonly its local mean time),
// which it keeps until its first change. Every query still answers,
// exactly by that rule and without looping over the span.
const (
	FirstYear = 1
	LastYear  = 9999
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
// A Calendar builds its tables of holidays and zone changes a stretch of
// years (1,024 days) at a time, the first time a query reaches them;
// building a stretch takes some microseconds and a few kilobytes for a
// dozen holiday rules (up to about a millisecond and 160 KB for a
// calendar at the limits: 100 rules, 2,000 overrides, 48 spans a day),
// and queries within stretches it keeps do not allocate. It keeps at
// most 16 stretches (about 45 years), dropping the one least recently
// read when it needs room, so that however far its queries reach a
// calendar keeps at most 16 stretches' tables (about 80 KB for a dozen
// holiday rules). Of a stretch that a query only passes — between the
// ends of a long Between, Add or OpenDays — it keeps 8 bytes (its
// business time and open days), at most 28 KB for every stretch from
// year 1 to 9999; the first query across them all builds each once,
// which takes a fraction of a second for a dozen rules (about 2 s at the
// limits), and later ones cost a step per stretch. A query into a
// stretch that was dropped builds it again, with the same answers.
//
// Build a Calendar with [New], [Always] or [Spec.Calendar], or read one
// from JSON with [ParseCalendar] or [Calendar.UnmarshalJSON]. The zero
// value (Calendar{}, new(Calendar)) has no zone and no hours and is not
// usable: [Calendar.IsZero] reports it, [Calendar.UnmarshalJSON] fills
// it, MarshalJSON and With fail with an error wrapping [ErrZeroCalendar],
// and every other method panics at once with an error wrapping
// ErrZeroCalendar, a programmer error as a nil map is. The packages of
// this module that take a calendar and return an error check for it and
// return an error instead. A *Calendar is immutable (its tables are filled
// in once and never change) and safe for concurrent use.
type Calendar struct {
	loc      *time.Location
	weekly   [7][]Span     // by time.Weekday, sorted by start
	hours    []weeklyHours // as given, for Spec
	rules    []Rule        // as given
	overList []dateOverride
	over     []override // sorted by day

	// The weekly wall-clock model: merged open intervals of the week in
	// seconds after Monday 00:00, with the open time before each.
	wk           []wallSpan
	wkTotal      int64
	wkRecip      uint64      // floor((2^64-1) / wkTotal)
	wkByHour     [168]uint16 // intervals of wk that start at or before the hour of the week
	wkByOpenHour [168]uint16 // the first interval of wk whose open time reaches past the hour
	openWeekly   [7]bool     // by time.Weekday: the weekday has spans
	spill        [7]bool     // the weekday has a span past midnight
	nextOpen     [7]int8     // days from the weekday to the next with spans
	prevOpen     [7]int8     // days back to the previous weekday with spans
	weekOpen     int64       // weekdays with spans

	anyMoves bool  // a rule may move a holiday to a substitute day
	margin   int64 // days of holidays evaluated around a stretch

	// The stretches (chunks) cover the instants [lo, hi); below and above
	// them the weekly model holds at the offsets offLo and offHi, with
	// business time counted from lo and from hi (gLo, gHi: the weekly
	// model's count at those instants).
	n            int // number of chunks; 0 when the weekly model holds throughout
	lo, hi       int64
	offLo, offHi int64
	gLo, gHi     int64

	// endSec is the instant LastYear ends in the zone; from then on the
	// offset is endOff, the one in effect at that end.
	endSec, endOff int64

	mu     sync.Mutex // held while a chunk is built and kept
	dir    [dirGroups]atomic.Pointer[chunkGroup]
	held   []int                                               // the chunks kept, at most maxCachedChunks; under mu
	hand   int                                                 // the next of held that the eviction sweep looks at; under mu
	sumDir atomic.Pointer[[dirGroups]atomic.Pointer[sumGroup]] // allocated on first use
	builds atomic.Int64                                        // chunks built and kept, for tests
}

type weeklyHours struct {
	days  Weekdays
	spans []Span
}

type dateOverride struct {
	date  Date
	spans []Span
}

// override is a date override keyed by day number.
type override struct {
	day   int64
	spans []Span
}

// wallSpan is an open interval of the week, [start, end) in seconds after
// Monday 00:00, with cum the open time of the week before start and cend
// the open time up to end.
type wallSpan struct{ start, end, cum, cend int64 }

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
// allocate or compute without bound. A stretch of years costs time and
// memory in proportion to the holidays, overrides and zone changes in it;
// a real calendar has a few dozen rules.
const (
	MaxHours     = 100  // entries of weekly hours
	MaxHolidays  = 100  // holiday rules
	MaxOverrides = 2000 // dates with their own hours
	MaxSpans     = 48   // spans of one weekday, or of one override
)

// New returns a calendar in zone loc with the given hours, holidays and
// overrides. It fails with a [*FieldError] when loc is nil
// ([ErrUnknownZone]), when a limit (MaxHours, MaxHolidays, MaxOverrides,
// MaxSpans) is passed ([ErrInvalid]), when there are no weekly hours at
// all ([ErrNeverOpen]), when an entry of weekly hours has no days or no
// spans ([ErrInvalid]), when spans of one day overlap ([ErrOverlap]), when
// a holiday rule names a date that cannot exist ([ErrNoSuchDate]) or is
// otherwise invalid ([ErrInvalid]), or when an override's date is not a
// valid date ([ErrNoSuchDate], or [ErrOutOfRange] for a year outside
// FirstYear to LastYear) or is given twice ([ErrInvalid]).
//
// New only checks the definition and keeps what every query needs, which
// takes microseconds and a few kilobytes; the tables of holidays and zone
// changes are built a stretch of years at a time, by the first query that
// reaches them.
func New(loc *time.Location, opts ...Option) (*Calendar, error) {
	c := new(Calendar)
	if err := c.define(loc, opts); err != nil {
		return nil, err
	}
	return c, nil
}

// define makes the zero Calendar c the calendar New(loc, opts...) returns.
// On error c is left partly filled and must be dropped or reset.
func (c *Calendar) define(loc *time.Location, opts []Option) error {
	if loc == nil {
		return fieldErr("zone", "%w: nil location", ErrUnknownZone)
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	switch {
	case len(cfg.hours) > MaxHours:
		return fieldErr("hours", "%w: %d entries, at most %d", ErrInvalid, len(cfg.hours), MaxHours)
	case len(cfg.rules) > MaxHolidays:
		return fieldErr("holidays", "%w: %d rules, at most %d", ErrInvalid, len(cfg.rules), MaxHolidays)
	case len(cfg.overrides) > MaxOverrides:
		return fieldErr("overrides", "%w: %d dates, at most %d", ErrInvalid, len(cfg.overrides), MaxOverrides)
	}
	c.loc, c.hours, c.rules, c.overList = loc, cfg.hours, cfg.rules, cfg.overrides
	if err := c.checkHours(); err != nil {
		return err
	}
	anyComputed := false
	for i, r := range c.rules {
		if err := r.check(""); err != nil {
			// Name the rule only now: a path per rule would cost New an
			// allocation each.
			if fe, ok := err.(*FieldError); ok {
				fe.Path = fmt.Sprintf("holidays[%d]", i) + fe.Path
			}
			return err
		}
		c.anyMoves = c.anyMoves || r.moves()
		anyComputed = anyComputed || r.kind == kindComputed
	}
	if len(c.overList) > 0 {
		c.over = make([]override, len(c.overList))
	}
	for i, o := range c.overList {
		path := fmt.Sprintf("overrides[%d]", i)
		switch {
		case o.date.Year < FirstYear || o.date.Year > LastYear:
			return fieldErr(path+".date", "%w: %s is not in %d–%d", ErrOutOfRange, o.date, FirstYear, LastYear)
		case !o.date.IsValid():
			return fieldErr(path+".date", "%w: %s", ErrNoSuchDate, o.date)
		}
		spans, err := sortedSpans(o.spans, path+".hours")
		if err != nil {
			return err
		}
		c.over[i] = override{o.date.days(), spans}
	}
	slices.SortStableFunc(c.over, func(a, b override) int { return cmp.Compare(a.day, b.day) })
	for i := 1; i < len(c.over); i++ {
		if c.over[i].day == c.over[i-1].day {
			// Name the later of the two in the order given.
			a, b := -1, -1
			for j, o := range c.overList {
				if o.date.days() == c.over[i].day {
					if a < 0 {
						a = j
					} else if b < 0 {
						b = j
					}
				}
			}
			return fieldErr(fmt.Sprintf("overrides[%d].date", b), "%w: %s is already overridden by overrides[%d]",
				ErrInvalid, c.overList[b].date, a)
		}
	}
	c.margin = c.holidayMargin(anyComputed)
	c.buildWeek()
	c.setBounds()
	return nil
}

// holidayMargin returns how many days beyond a stretch its holidays must
// be evaluated so that every holiday observed on one of its days, with its
// substitute day, comes out as it does for every other stretch (see
// Calendar.holidaysBetween): a stretch needs the observed days of its own
// days and of four days either side; a moved holiday is observed up to
// maxChain days from its date and a computed one up to maxShift days; a
// run of holiday dates is at most 3·len(rules) days long; its substitute
// search looks maxChain days further; and days observed by computed rules
// count as taken in that search.
func (c *Calendar) holidayMargin(anyComputed bool) int64 {
	var chain, shift int64
	if c.anyMoves {
		chain = maxChain
	}
	if anyComputed {
		shift = maxShift
	}
	m := 4 + max(chain, shift)
	if c.anyMoves {
		m += 3*int64(len(c.rules)) + chain + shift
	}
	return m
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

// checkHours validates the weekly hours and fills c.weekly. An entry with
// no days or no spans is invalid; no entries at all is a calendar that is
// never open.
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
func (c *Calendar) Location() *time.Location {
	c.mustBeBuilt()
	return c.loc
}

// HoursOn returns the wall-clock spans the calendar is open on date d,
// which start on d (an overnight span ends on the next day). Before
// [FirstYear] and after [LastYear] these are the weekly hours.
func (c *Calendar) HoursOn(d Date) []Span {
	c.mustBeBuilt()
	return slices.Clone(c.dayPlan(d.days()))
}

// dayPlan returns the spans of day number d, shared (not to be modified).
func (c *Calendar) dayPlan(d int64) []Span {
	if i, ok := c.overrideIndex(d); ok {
		return c.over[i].spans
	}
	if ch := c.chunkOfDay(d); ch != nil && ch.observedOn(d) {
		return nil
	}
	return c.weekly[weekdayOf(d)]
}

// overrideIndex returns the index in c.over of the override of day d.
func (c *Calendar) overrideIndex(d int64) (int, bool) {
	if len(c.over) == 0 {
		return 0, false
	}
	return slices.BinarySearchFunc(c.over, d, func(o override, d int64) int { return cmp.Compare(o.day, d) })
}
