package calendar

import (
	"fmt"
	"time"
)

// Rule is a holiday rule: a named day that recurs each year or happens
// once, optionally limited to a range of years, with a policy for the day
// it is observed on when it falls on a closed day.
//
// Build a Rule with one of
//
//   - [Fixed]: the same month and day each year;
//   - [NthWeekday], [LastWeekday]: the nth or last weekday of a month;
//   - [WeekdayOnOrAfter], [WeekdayOnOrBefore]: the first given weekday on
//     or after, or on or before, a month and day;
//   - [EasterOffset], [OrthodoxEasterOffset]: a number of days from
//     Western or Orthodox Easter Sunday;
//   - [OnDate]: a date that happens once;
//   - [Computed]: a Go function of the year, for holiday sets kept
//     elsewhere;
//
// and refine it with [Rule.AddDays], [Rule.From], [Rule.Until],
// [Rule.Observed] and [Rule.Weekend]. The zero value is not a usable rule.
// A Rule is a plain comparable value, safe for concurrent use. Rules are
// checked by [New].
//
// A rule gives at most one holiday per year. The holiday of year y is
// computed from y; an offset ([Rule.AddDays], or a large Easter offset)
// may carry its date into the year before or after, and it is then
// listed under the year it falls in. A set of holidays is a set of rules.
type Rule struct {
	name     string
	kind     ruleKind
	month    time.Month
	day      int          // fixed, on or after/before: day of month
	nth      int          // nth weekday: 1–5, or -1 for the last
	weekday  time.Weekday // nth weekday, on or after/before
	offset   int          // Easter: days after Easter Sunday (negative: before)
	add      int          // days added to the date of any kind but computed
	date     Date         // one-off
	first    int          // first year the rule applies; 0: no limit
	last     int          // last year the rule applies; 0: no limit
	observed Substitute
	weekend  Weekdays  // substitute days by this weekend; 0: by the calendar's hours
	fn       *computed // computed
}

type computed struct{ f HolidayFunc }

type ruleKind int8

const (
	kindNone ruleKind = iota
	kindFixed
	kindNth
	kindEaster
	kindOnce
	kindOrthodox
	kindOnOrAfter
	kindOnOrBefore
	kindComputed
)

// maxOffset bounds every day offset of a rule: an offset moves a holiday
// by at most a year, so its date stays in the year it is computed for or
// a year next to it. maxShift bounds the distance from the date of a
// computed holiday to its observed date.
const (
	maxOffset = 366
	maxShift  = 366
)

// HolidayFunc computes a holiday for a year: the date it falls on and the
// date it is observed on, or ok = false when there is none that year. It
// lets holiday sets kept elsewhere plug in through [Computed].
//
// A calendar calls it when a query first reaches the years around year,
// from any goroutine and possibly concurrently with other calendars that
// share it, so it must be safe for concurrent use, must return the same
// answer for the same year, and must not call the calendar that holds it.
// A result whose date is not a valid date of year or a year next to it,
// or whose observed date is not a valid date within 366 days of the
// date, is taken as no holiday.
type HolidayFunc func(year int) (date, observed Date, ok bool)

// Fixed returns the rule for the same month and day each year. 29
// February happens only in leap years; it is never moved to 1 March.
func Fixed(name string, month time.Month, day int) Rule {
	return Rule{name: name, kind: kindFixed, month: month, day: day}
}

// NthWeekday returns the rule for the nth given weekday of a month, n from
// 1 to 5 (a fifth weekday that a month lacks is no holiday that year), or
// -1 for the last such weekday.
func NthWeekday(name string, n int, weekday time.Weekday, month time.Month) Rule {
	return Rule{name: name, kind: kindNth, nth: n, weekday: weekday, month: month}
}

// LastWeekday returns the rule for the last given weekday of a month.
func LastWeekday(name string, weekday time.Weekday, month time.Month) Rule {
	return NthWeekday(name, -1, weekday, month)
}

// WeekdayOnOrAfter returns the rule for the first given weekday on or
// after month and day: Swedish Midsummer Day is the Saturday on or after
// 20 June. In a year without the day (29 February) there is no holiday.
func WeekdayOnOrAfter(name string, weekday time.Weekday, month time.Month, day int) Rule {
	return Rule{name: name, kind: kindOnOrAfter, weekday: weekday, month: month, day: day}
}

// WeekdayOnOrBefore returns the rule for the last given weekday on or
// before month and day: Canada's Victoria Day is the Monday on or before
// 24 May. In a year without the day (29 February) there is no holiday.
func WeekdayOnOrBefore(name string, weekday time.Weekday, month time.Month, day int) Rule {
	return Rule{name: name, kind: kindOnOrBefore, weekday: weekday, month: month, day: day}
}

// EasterOffset returns the rule for the day offset days after Western
// (Gregorian) Easter Sunday: -2 is Good Friday, 1 Easter Monday, 39
// Ascension Day. The offset is at most 366 days either way.
func EasterOffset(name string, offset int) Rule {
	return Rule{name: name, kind: kindEaster, offset: offset}
}

// OrthodoxEasterOffset returns the rule for the day offset days after
// Orthodox Easter Sunday, which is computed by the Julian computus and
// given as a date of the (Gregorian) calendar that Date uses: -2 is
// Orthodox Good Friday, 1 Orthodox Easter Monday. The offset is at most 366
// days either way.
func OrthodoxEasterOffset(name string, offset int) Rule {
	return Rule{name: name, kind: kindOrthodox, offset: offset}
}

// OnDate returns the rule for a holiday that happens once, on d.
func OnDate(name string, d Date) Rule {
	return Rule{name: name, kind: kindOnce, date: d}
}

// Computed returns the rule whose holiday of each year f computes, date
// and observed date alike (see [HolidayFunc]). It cannot be refined by
// [Rule.AddDays], [Rule.Observed] or [Rule.Weekend] — f decides the
// observed date — but [Rule.From] and [Rule.Until] limit its years. A
// [Spec] can hold it only in Go: marshalling a calendar with a computed
// rule to JSON fails with [ErrComputedRule].
func Computed(name string, f HolidayFunc) Rule {
	r := Rule{name: name, kind: kindComputed}
	if f != nil {
		r.fn = &computed{f}
	}
	return r
}

// AddDays returns a copy of r whose holiday is n days after the date r
// gives (before it for negative n), at most 366 days either way. Offsets
// add up. The Tuesday after the first Monday of November is
// NthWeekday(name, 1, time.Monday, time.November).AddDays(1). [Rule.From]
// and [Rule.Until] count the year the holiday is computed for, even when
// the offset carries its date into the next or previous year.
func (r Rule) AddDays(n int) Rule { r.add += n; return r }

// From returns a copy of r that applies from year on.
func (r Rule) From(year int) Rule { r.first = year; return r }

// Until returns a copy of r that applies up to and including year.
func (r Rule) Until(year int) Rule { r.last = year; return r }

// Observed returns a copy of r observed by policy s when it falls on a
// closed day.
func (r Rule) Observed(s Substitute) Rule { r.observed = s; return r }

// Weekend returns a copy of r whose substitute days are decided by the
// weekend days, independent of the calendar's hours and overrides: the
// holiday moves, by its [Substitute] policy, when it falls on one of
// days, to a day that is not one of days and not the date of another
// holiday. A desk open on Saturday mornings thus still observes a bank
// holiday that falls on a Saturday on the following Monday. The set must
// leave at least one day of the week; Weekend(0) goes back to the
// calendar's hours.
func (r Rule) Weekend(days Weekdays) Rule { r.weekend = days; return r }

// Name returns the name of the holiday.
func (r Rule) Name() string { return r.name }

// String returns a short description of the rule.
func (r Rule) String() string {
	var s string
	switch r.kind {
	case kindFixed:
		s = fmt.Sprintf("%s %d", r.month, r.day)
	case kindNth:
		if r.nth < 0 {
			s = fmt.Sprintf("last %s of %s", r.weekday, r.month)
		} else {
			s = fmt.Sprintf("%s #%d of %s", r.weekday, r.nth, r.month)
		}
	case kindOnOrAfter:
		s = fmt.Sprintf("%s on or after %s %d", r.weekday, r.month, r.day)
	case kindOnOrBefore:
		s = fmt.Sprintf("%s on or before %s %d", r.weekday, r.month, r.day)
	case kindEaster:
		s = fmt.Sprintf("Easter%+d", r.offset)
	case kindOrthodox:
		s = fmt.Sprintf("Orthodox Easter%+d", r.offset)
	case kindOnce:
		s = r.date.String()
	case kindComputed:
		s = "computed"
	default:
		s = "invalid rule"
	}
	if r.add != 0 {
		s += fmt.Sprintf(" %+d days", r.add)
	}
	return fmt.Sprintf("%q (%s)", r.name, s)
}

// moves reports whether r may move its holiday to a substitute day.
func (r Rule) moves() bool { return r.kind != kindComputed && r.observed != Unmoved }

// check validates r; path names it in errors.
func (r Rule) check(path string) error {
	if r.name == "" {
		return fieldErr(path+".name", "%w: a holiday needs a name", ErrInvalid)
	}
	checkMonthDay := func(monthField, dayField string) error {
		if r.month < time.January || r.month > time.December {
			return fieldErr(path+monthField, "%w: month %d", ErrNoSuchDate, int(r.month))
		}
		// A leap year shows every day a month can have.
		if r.day < 1 || r.day > daysIn(2000, r.month) {
			return fieldErr(path+dayField, "%w: %s has no day %d", ErrNoSuchDate, r.month, r.day)
		}
		return nil
	}
	checkWeekday := func() error {
		if r.weekday < time.Sunday || r.weekday > time.Saturday {
			return fieldErr(path+".weekday", "%w: weekday %d", ErrInvalid, int(r.weekday))
		}
		return nil
	}
	switch r.kind {
	case kindFixed:
		if err := checkMonthDay(".month", ".day"); err != nil {
			return err
		}
	case kindNth:
		if r.month < time.January || r.month > time.December {
			return fieldErr(path+".month", "%w: month %d", ErrNoSuchDate, int(r.month))
		}
		if r.nth != -1 && (r.nth < 1 || r.nth > 5) {
			return fieldErr(path+".nth", "%w: nth is %d, want 1 to 5 or -1 (last)", ErrNoSuchDate, r.nth)
		}
		if err := checkWeekday(); err != nil {
			return err
		}
	case kindOnOrAfter, kindOnOrBefore:
		field := map[ruleKind]string{kindOnOrAfter: ".on_or_after", kindOnOrBefore: ".on_or_before"}[r.kind]
		if err := checkMonthDay(field, field); err != nil {
			return err
		}
		if err := checkWeekday(); err != nil {
			return err
		}
	case kindEaster, kindOrthodox:
		field := map[ruleKind]string{kindEaster: ".easter", kindOrthodox: ".orthodox_easter"}[r.kind]
		if r.offset < -maxOffset || r.offset > maxOffset {
			return fieldErr(path+field, "%w: offset %d days is more than a year", ErrInvalid, r.offset)
		}
	case kindOnce:
		if !r.date.IsValid() {
			return fieldErr(path+".date", "%w: %s", ErrNoSuchDate, r.date)
		}
	case kindComputed:
		switch {
		case r.fn == nil || r.fn.f == nil:
			return fieldErr(path, "%w: a computed rule needs a function", ErrInvalid)
		case r.add != 0 || r.observed != Unmoved || r.weekend != 0:
			return fieldErr(path, "%w: a computed rule decides its own dates; it takes no added days, observed policy or weekend", ErrInvalid)
		}
	default:
		return fieldErr(path, "%w: no rule kind (build rules with Fixed, NthWeekday, WeekdayOnOrAfter, EasterOffset, OnDate, Computed and the like)", ErrInvalid)
	}
	if r.add < -maxOffset || r.add > maxOffset {
		return fieldErr(path+".add_days", "%w: %d days is more than a year", ErrInvalid, r.add)
	}
	if r.first != 0 && r.last != 0 && r.last < r.first {
		return fieldErr(path+".last_year", "%w: last year %d is before first year %d", ErrInvalid, r.last, r.first)
	}
	if !r.observed.valid() {
		return fieldErr(path+".observed", "%w: policy %d", ErrInvalid, int(r.observed))
	}
	if r.weekend&^EveryDay != 0 || r.weekend == EveryDay {
		return fieldErr(path+".weekend", "%w: a weekend of %v leaves no day for a substitute", ErrInvalid, r.weekend)
	}
	return nil
}

// occurrence returns the holiday of r computed for year y as day numbers
// (days from 1970-01-01): the date it falls on and, for a computed rule,
// the date it is observed on (else the same date). ok is false when r has
// none that year, or when it would lie outside the years 1 to 9999.
func (r Rule) occurrence(y int) (date, observed int64, ok bool) {
	if y < FirstYear || y > LastYear || (r.first != 0 && y < r.first) || (r.last != 0 && y > r.last) {
		return 0, 0, false
	}
	var d int64
	switch r.kind {
	case kindFixed:
		if r.day > daysIn(y, r.month) {
			return 0, 0, false
		}
		d = daysFromCivil(int64(y), int64(r.month), int64(r.day))
	case kindNth:
		if r.nth < 0 {
			last := daysFromCivil(int64(y), int64(r.month), int64(daysIn(y, r.month)))
			d = last - int64((int(weekdayOf(last))-int(r.weekday)+7)%7)
			break
		}
		first := daysFromCivil(int64(y), int64(r.month), 1)
		fwd := (int(r.weekday) - int(weekdayOf(first)) + 7) % 7
		day := 1 + fwd + 7*(r.nth-1)
		if day > daysIn(y, r.month) {
			return 0, 0, false
		}
		d = first + int64(day-1)
	case kindOnOrAfter, kindOnOrBefore:
		if r.day > daysIn(y, r.month) {
			return 0, 0, false
		}
		base := daysFromCivil(int64(y), int64(r.month), int64(r.day))
		if r.kind == kindOnOrAfter {
			d = base + int64((int(r.weekday)-int(weekdayOf(base))+7)%7)
		} else {
			d = base - int64((int(weekdayOf(base))-int(r.weekday)+7)%7)
		}
	case kindEaster:
		d = easterDays(y) + int64(r.offset)
	case kindOrthodox:
		d = orthodoxEasterDays(y) + int64(r.offset)
	case kindOnce:
		if y != r.date.Year {
			return 0, 0, false
		}
		d = r.date.days()
	case kindComputed:
		return r.computedIn(y)
	default:
		return 0, 0, false
	}
	d += int64(r.add)
	if d < minDay || d > maxDay {
		return 0, 0, false
	}
	return d, d, true
}

// computedIn calls a computed rule's function and checks its answer.
func (r Rule) computedIn(y int) (date, observed int64, ok bool) {
	a, o, ok := r.fn.f(y)
	if !ok || !a.IsValid() || !o.IsValid() || a.Year < y-1 || a.Year > y+1 {
		return 0, 0, false
	}
	date, observed = a.days(), o.days()
	if observed < date-maxShift || observed > date+maxShift {
		return 0, 0, false
	}
	return date, observed, true
}

// easterDays returns the day number of Western Easter Sunday of year y by
// the anonymous Gregorian computus (Meeus–Jones–Butcher), applied to every
// year as the proleptic Gregorian calendar does.
func easterDays(y int) int64 {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return daysFromCivil(int64(y), int64(n/31), int64(n%31+1))
}

// orthodoxEasterDays returns the day number of Orthodox Easter Sunday of
// year y: the Julian computus (Meeus, Astronomical Algorithms, ch. 8)
// gives a date of the Julian calendar, which is then counted as a day
// number through the Julian Day Number.
func orthodoxEasterDays(y int) int64 {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	n := d + e + 114
	return julianDays(int64(y), int64(n/31), int64(n%31+1))
}

// julianDays returns the day number (days from 1970-01-01 Gregorian) of
// the Julian calendar date y-m-d, for y ≥ 1. The Julian Day Number of a
// Julian date is d + (153m' + 2)/5 + 365y' + y'/4 − 32083 with y' = y +
// 4800 − a, m' = m + 12a − 3 and a = (14 − m)/12; JDN 2440588 is
// 1970-01-01.
func julianDays(y, m, d int64) int64 {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	jdn := d + (153*mm+2)/5 + 365*yy + yy/4 - 32083
	return jdn - 2440588
}

// Holiday is one occurrence of a holiday: its name, the date it falls on
// (Date) and the date it is observed on (Observed), which differ when the
// holiday falls on a closed day and its rule moves it. Holiday is a plain
// value, safe for concurrent use.
type Holiday struct {
	Name     string
	Date     Date // the actual date
	Observed Date // the day off; equal to Date unless the holiday was moved
}
