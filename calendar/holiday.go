package calendar

import (
	"fmt"
	"slices"
	"time"
)

// Rule is a holiday rule: a named day that recurs each year (a fixed
// month and day, the nth or last weekday of a month, an offset from
// Easter) or happens once, optionally limited to a range of years, with a
// policy for the day it is observed on when it falls on a closed day.
//
// Build a Rule with [Fixed], [NthWeekday], [LastWeekday], [EasterOffset]
// or [OnDate] and refine it with [Rule.From], [Rule.Until] and
// [Rule.Observed]; the zero value is not a usable rule. A Rule is a plain
// value, safe for concurrent use. Rules are checked by [New].
type Rule struct {
	name     string
	kind     ruleKind
	month    time.Month
	day      int          // fixed: day of month
	nth      int          // nth weekday: 1–5, or -1 for the last
	weekday  time.Weekday // nth weekday
	offset   int          // Easter: days after Easter Sunday (negative: before)
	date     Date         // one-off
	first    int          // first year the rule applies; 0: no limit
	last     int          // last year the rule applies; 0: no limit
	observed Substitute
}

type ruleKind int8

const (
	kindNone ruleKind = iota
	kindFixed
	kindNth
	kindEaster
	kindOnce
)

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

// EasterOffset returns the rule for the day offset days after Western
// (Gregorian) Easter Sunday: -2 is Good Friday, 1 Easter Monday, 39
// Ascension Day.
func EasterOffset(name string, offset int) Rule {
	return Rule{name: name, kind: kindEaster, offset: offset}
}

// OnDate returns the rule for a holiday that happens once, on d.
func OnDate(name string, d Date) Rule {
	return Rule{name: name, kind: kindOnce, date: d}
}

// From returns a copy of r that applies from year on.
func (r Rule) From(year int) Rule { r.first = year; return r }

// Until returns a copy of r that applies up to and including year.
func (r Rule) Until(year int) Rule { r.last = year; return r }

// Observed returns a copy of r observed by policy s when it falls on a
// closed day.
func (r Rule) Observed(s Substitute) Rule { r.observed = s; return r }

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
	case kindEaster:
		s = fmt.Sprintf("Easter%+d", r.offset)
	case kindOnce:
		s = r.date.String()
	default:
		s = "invalid rule"
	}
	return fmt.Sprintf("%q (%s)", r.name, s)
}

// check validates r; path names it in errors.
func (r Rule) check(path string) error {
	if r.name == "" {
		return fieldErr(path+".name", "%w: a holiday needs a name", ErrInvalid)
	}
	switch r.kind {
	case kindFixed:
		if r.month < time.January || r.month > time.December {
			return fieldErr(path+".month", "%w: month %d", ErrNoSuchDate, int(r.month))
		}
		// A leap year shows every day a month can have.
		if r.day < 1 || r.day > daysIn(2000, r.month) {
			return fieldErr(path+".day", "%w: %s has no day %d", ErrNoSuchDate, r.month, r.day)
		}
	case kindNth:
		if r.month < time.January || r.month > time.December {
			return fieldErr(path+".month", "%w: month %d", ErrNoSuchDate, int(r.month))
		}
		if r.nth != -1 && (r.nth < 1 || r.nth > 5) {
			return fieldErr(path+".nth", "%w: nth is %d, want 1 to 5 or -1 (last)", ErrNoSuchDate, r.nth)
		}
		if r.weekday < time.Sunday || r.weekday > time.Saturday {
			return fieldErr(path+".weekday", "%w: weekday %d", ErrInvalid, int(r.weekday))
		}
	case kindEaster:
		if r.offset < -366 || r.offset > 366 {
			return fieldErr(path+".easter", "%w: offset %d days is more than a year", ErrInvalid, r.offset)
		}
	case kindOnce:
		if !r.date.IsValid() {
			return fieldErr(path+".date", "%w: %s", ErrNoSuchDate, r.date)
		}
	default:
		return fieldErr(path, "%w: no rule kind (build rules with Fixed, NthWeekday, EasterOffset or OnDate)", ErrInvalid)
	}
	if r.first != 0 && r.last != 0 && r.last < r.first {
		return fieldErr(path+".last_year", "%w: last year %d is before first year %d", ErrInvalid, r.last, r.first)
	}
	if !r.observed.valid() {
		return fieldErr(path+".observed", "%w: policy %d", ErrInvalid, int(r.observed))
	}
	return nil
}

// dateIn returns the date of r in year y, if it has one.
func (r Rule) dateIn(y int) (Date, bool) {
	if (r.first != 0 && y < r.first) || (r.last != 0 && y > r.last) {
		return Date{}, false
	}
	switch r.kind {
	case kindFixed:
		if r.day > daysIn(y, r.month) {
			return Date{}, false
		}
		return Date{y, r.month, r.day}, true
	case kindNth:
		if r.nth < 0 {
			last := Date{y, r.month, daysIn(y, r.month)}
			back := (int(last.Weekday()) - int(r.weekday) + 7) % 7
			return last.AddDays(-back), true
		}
		first := Date{y, r.month, 1}
		fwd := (int(r.weekday) - int(first.Weekday()) + 7) % 7
		day := 1 + fwd + 7*(r.nth-1)
		if day > daysIn(y, r.month) {
			return Date{}, false
		}
		return Date{y, r.month, day}, true
	case kindEaster:
		d := easter(y).AddDays(r.offset)
		return d, d.Year == y
	case kindOnce:
		return r.date, r.date.Year == y
	}
	return Date{}, false
}

// easter returns Western Easter Sunday of year y by the anonymous
// Gregorian computus (Meeus–Jones–Butcher).
func easter(y int) Date {
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
	return Date{y, time.Month(n / 31), n%31 + 1}
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

// HolidaysIn returns the holidays whose actual date lies in year, in order
// of date (then of rule). A holiday observed in another year (New Year's
// Day on a Saturday observed on the Friday before) is listed under the year
// it falls in. Years outside [FirstYear, LastYear] have none.
func (c *Calendar) HolidaysIn(year int) []Holiday {
	if year < FirstYear || year > LastYear {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(c.holidays, Date{year, 1, 1}, func(h Holiday, d Date) int { return h.Date.Compare(d) })
	var out []Holiday
	for _, h := range c.holidays[lo:] {
		if h.Date.Year != year {
			break
		}
		out = append(out, h)
	}
	return out
}

// HolidayOn returns the holiday observed on d, or else the holiday that
// falls on d (and is observed on another day), and reports whether there
// is one. When several qualify, the first rule wins.
func (c *Calendar) HolidayOn(d Date) (Holiday, bool) {
	if i, ok := c.observedIndex(d); ok {
		return c.holidays[i], true
	}
	i, _ := slices.BinarySearchFunc(c.holidays, d, func(h Holiday, d Date) int { return h.Date.Compare(d) })
	if i < len(c.holidays) && c.holidays[i].Date == d {
		return c.holidays[i], true
	}
	return Holiday{}, false
}

func (c *Calendar) observedIndex(d Date) (int, bool) {
	i, ok := slices.BinarySearchFunc(c.byObserved, d, func(j int32, d Date) int { return c.holidays[j].Observed.Compare(d) })
	if !ok {
		return 0, false
	}
	return int(c.byObserved[i]), true
}
