package calendar

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Substitute is the policy for a holiday that falls on a day the calendar
// is closed: the day off moves to a substitute ("observed") day. A date is
// closed when it has no hours: by its override if it has one, else by the
// weekly hours of its weekday. A holiday on an open date is observed on
// that date whatever the policy. A rule with a weekend set (see
// [Rule.Weekend]) decides by that set instead: its holiday moves when it
// falls on a weekend day, to a day outside the weekend.
//
// A substitute day must be open by the weekly hours and have no override
// (or, for a rule with a weekend set, lie outside the set), must not be a
// day on which another holiday is observed without moving, and must not
// be the substitute day of another holiday of the same stretch; the
// search goes on past days that are not, so holidays chain (Christmas Day
// and Boxing Day on a weekend are observed on Monday and Tuesday). A
// stretch is a run of consecutive dates each of which some holiday falls
// on; within it, moved holidays take their substitute days in order of
// date, then of rule. Holidays of different stretches do not push each
// other, so in a calendar open so rarely that the substitutes of one
// stretch reach past the next, two holidays can be observed on one day. A
// substitute day may be the date of a holiday that itself moved away, so
// one date can be one holiday's date and another's observed day. It may
// lie in another year, but no further than 31 days from the holiday: a
// holiday with no substitute day that near (one inside a long closure, or
// one of many crowding a calendar open once a week) stays on its date.
// Each holiday thus depends only on the holidays near it, and the search
// costs a few steps per holiday, whatever the hours.
//
// The zero value, [Unmoved], keeps the holiday on its date. Substitute is
// a plain value, safe for concurrent use. Its text forms are "none",
// "next-open-day", "previous-open-day" and "nearest-weekday".
type Substitute int8

// Substitution policies.
const (
	// Unmoved keeps the holiday on its date even when that day is closed.
	Unmoved Substitute = iota
	// NextOpenDay moves the holiday to the next open day.
	NextOpenDay
	// PreviousOpenDay moves the holiday to the previous open day.
	PreviousOpenDay
	// NearestWeekday moves a Saturday holiday to the Friday before and a
	// Sunday holiday to the Monday after (searching further in the same
	// direction if that day is not available), as for US federal holidays.
	// A holiday on any other closed day is not moved.
	NearestWeekday
)

var substituteNames = [...]string{"none", "next-open-day", "previous-open-day", "nearest-weekday"}

func (s Substitute) valid() bool { return s >= Unmoved && s <= NearestWeekday }

// String returns the text form of s; an undefined value gives
// "Substitute(n)".
func (s Substitute) String() string {
	if !s.valid() {
		return fmt.Sprintf("Substitute(%d)", int8(s))
	}
	return substituteNames[s]
}

// ParseSubstitute parses the text form of a [Substitute]; "" is [Unmoved].
func ParseSubstitute(text string) (Substitute, error) {
	if text == "" {
		return Unmoved, nil
	}
	for i, n := range substituteNames {
		if n == text {
			return Substitute(i), nil
		}
	}
	return 0, &ParseError{What: "observed", Input: text, Err: errors.New("want none, next-open-day, previous-open-day or nearest-weekday")}
}

// MarshalText implements [encoding.TextMarshaler].
func (s Substitute) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("calendar: cannot marshal invalid %v", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseSubstitute].
func (s *Substitute) UnmarshalText(text []byte) error {
	v, err := ParseSubstitute(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// maxChain bounds the distance from a holiday to its substitute day, in
// days. Weekly hours are never empty, so there is an open day every week,
// and real chains (Christmas Day and Boxing Day on a weekend) are a few
// days long; a holiday that finds no free day within a month stays
// unmoved. The bound keeps every holiday's observed day a function of the
// holidays of a few months around it.
const maxChain = 31

// occ is one holiday in a window of days: its rule (an index into
// Calendar.rules) and the day numbers of its date and observed date.
type occ struct {
	rule     int32
	date     int64
	observed int64
}

// dayBits is a set of day numbers in [base, base+64·len(bits)).
type dayBits struct {
	base int64
	bits []uint64
}

func newDayBits(lo, hi int64) dayBits {
	return dayBits{base: lo, bits: make([]uint64, (hi-lo)/64+1)}
}

func (b dayBits) has(d int64) bool {
	i := d - b.base
	return i >= 0 && i < int64(len(b.bits))*64 && b.bits[i>>6]&(1<<(i&63)) != 0
}

func (b dayBits) set(d int64) {
	if i := d - b.base; i >= 0 && i < int64(len(b.bits))*64 {
		b.bits[i>>6] |= 1 << (i & 63)
	}
}

func (b dayBits) clear(d int64) {
	if i := d - b.base; i >= 0 && i < int64(len(b.bits))*64 {
		b.bits[i>>6] &^= 1 << (i & 63)
	}
}

// holidaysBetween returns the holidays whose dates lie in [lo, hi] (day
// numbers), sorted by date and then rule, with their observed days. A
// holiday's observed day depends on the holidays of its stretch and on
// the days observed within maxChain days of them, so it is right for
// every holiday at least Calendar.margin days inside the window (a
// stretch is at most 3·len(rules) days long: no rule gives more than
// three holidays in a year's worth of days).
func (c *Calendar) holidaysBetween(lo, hi int64) []occ {
	var out []occ
	y0, _, _ := civilFromDays(lo)
	y1, _, _ := civilFromDays(hi)
	for y := max(y0-1, FirstYear); y <= min(y1+1, LastYear); y++ {
		for ri, r := range c.rules {
			if r.kind == kindOnce && (int64(r.date.Year) < y-1 || int64(r.date.Year) > y+1) {
				continue
			}
			if d, o, ok := r.occurrence(int(y)); ok && d >= lo && d <= hi {
				out = append(out, occ{int32(ri), d, o})
			}
		}
	}
	slices.SortFunc(out, func(a, b occ) int {
		if a.date != b.date {
			return cmp.Compare(a.date, b.date)
		}
		return cmp.Compare(a.rule, b.rule)
	})
	// A computed rule may give one date for two years; keep it once.
	out = slices.CompactFunc(out, func(a, b occ) bool { return a.rule == b.rule && a.date == b.date })
	if !c.anyMoves || len(out) == 0 {
		return out
	}
	c.resolve(out, lo, hi)
	return out
}

// resolve sets the observed days of the holidays hs, sorted by date, of
// the window [lo, hi].
func (c *Calendar) resolve(hs []occ, lo, hi int64) {
	taken := newDayBits(lo, hi) // days on which a holiday is observed without moving
	group := newDayBits(lo, hi) // substitute days of the current stretch
	overs := newDayBits(lo, hi) // days with an override
	steps := make([]int8, len(hs))
	for k, h := range hs {
		steps[k] = c.direction(c.rules[h.rule], h.date)
		if steps[k] == 0 {
			taken.set(h.observed)
		}
	}
	i, _ := slices.BinarySearchFunc(c.over, lo, func(o override, d int64) int { return cmp.Compare(o.day, d) })
	for ; i < len(c.over) && c.over[i].day <= hi; i++ {
		overs.set(c.over[i].day)
	}
	var subs []int64
	for i := 0; i < len(hs); {
		j := i + 1 // hs[i:j] is one stretch
		for j < len(hs) && hs[j].date <= hs[j-1].date+1 {
			j++
		}
		for k := i; k < j; k++ {
			if steps[k] == 0 {
				continue
			}
			h := &hs[k]
			if d, ok := c.substitute(c.rules[h.rule].weekend, h.date, int64(steps[k]), lo, hi, taken, group, overs); ok {
				h.observed = d
				group.set(d)
				subs = append(subs, d)
			}
		}
		for _, d := range subs {
			group.clear(d)
		}
		subs = subs[:0]
		i = j
	}
}

// direction returns the direction in which r moves its holiday on date,
// +1 or -1, or 0 when it stays: when the rule does not move holidays, or
// the date is not closed for it (a workday for a rule with a weekend
// set), or a NearestWeekday holiday falls on a day other than Saturday or
// Sunday.
func (c *Calendar) direction(r Rule, date int64) int8 {
	if !r.moves() {
		return 0
	}
	wd := weekdayOf(date)
	var closed bool
	if r.weekend != 0 {
		closed = r.weekend.Contains(wd)
	} else if i, ok := c.overrideIndex(date); ok {
		closed = len(c.over[i].spans) == 0
	} else {
		closed = !c.openWeekly[wd]
	}
	if !closed {
		return 0
	}
	switch r.observed {
	case PreviousOpenDay:
		return -1
	case NearestWeekday:
		switch wd {
		case time.Saturday:
			return -1
		case time.Sunday:
			return 1
		}
		return 0
	}
	return 1
}

// substitute returns the substitute day, in direction step, of a holiday
// on date whose rule has the given weekend set, if there is one within
// maxChain days and the window [lo, hi].
func (c *Calendar) substitute(weekend Weekdays, date, step, lo, hi int64, taken, group, overs dayBits) (int64, bool) {
	for d := date; ; {
		d = c.nextWorkday(weekend, d, step)
		if d < lo || d > hi || d < date-maxChain || d > date+maxChain {
			return 0, false
		}
		if taken.has(d) || group.has(d) || (weekend == 0 && overs.has(d)) {
			continue
		}
		return d, true
	}
}

// nextWorkday returns the first day after d (before d for step -1) that is
// outside the weekend set, or, for an empty set, open by the weekly hours.
// It costs a look-up, or at most six steps.
func (c *Calendar) nextWorkday(weekend Weekdays, d, step int64) int64 {
	wd := weekdayOf(d)
	if weekend == 0 {
		if step > 0 {
			return d + int64(c.nextOpen[wd])
		}
		return d - int64(c.prevOpen[wd])
	}
	for n := int64(1); n <= 7; n++ {
		if !weekend.Contains(time.Weekday(floorMod(int64(wd)+step*n, 7))) {
			return d + step*n
		}
	}
	return d + step // not reached: a weekend set leaves a day
}
