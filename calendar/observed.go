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
// that date whatever the policy.
//
// A substitute day must be open by the weekly hours, have no override, and
// not already be the observed day of another holiday; the search goes on
// past days that are not, so holidays chain (Christmas Day and Boxing Day
// on a weekend are observed on Monday and Tuesday). Holidays that fall on
// open days keep their day and are placed first; moved holidays are then
// placed in order of date. A substitute day may lie in another year.
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

// maxChain bounds the search for a substitute day; weekly hours are never
// empty, so a free day turns up long before unless hundreds of holidays
// crowd one stretch, in which case the holiday stays unmoved.
const maxChain = 400

// resolveHolidays evaluates the rules for the years around the supported
// range and places each holiday on its observed day.
func (c *Calendar) resolveHolidays() {
	type item struct {
		h    Holiday
		rule int
		pol  Substitute
	}
	var items []item
	for ri, r := range c.rules {
		for y := FirstYear - 1; y <= LastYear+1; y++ {
			if r.kind == kindOnce && y != r.date.Year {
				continue
			}
			if d, ok := r.dateIn(y); ok {
				items = append(items, item{Holiday{r.name, d, d}, ri, r.observed})
			}
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if c := a.h.Date.Compare(b.h.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.rule, b.rule)
	})
	taken := map[Date]bool{}
	free := func(d Date) bool {
		_, over := c.overrides[d]
		return !over && !taken[d] && len(c.weekly[d.Weekday()]) > 0
	}
	openBase := func(d Date) bool {
		if sp, over := c.overrides[d]; over {
			return len(sp) > 0
		}
		return len(c.weekly[d.Weekday()]) > 0
	}
	for _, it := range items {
		if openBase(it.h.Date) {
			if _, over := c.overrides[it.h.Date]; !over {
				taken[it.h.Date] = true
			}
		}
	}
	search := func(d Date, step int) (Date, bool) {
		for i := 0; i < maxChain; i++ {
			if free(d) {
				return d, true
			}
			d = d.AddDays(step)
		}
		return Date{}, false
	}
	for i := range items {
		it := &items[i]
		if openBase(it.h.Date) {
			continue
		}
		var d Date
		ok := false
		switch it.pol {
		case NextOpenDay:
			d, ok = search(it.h.Date.AddDays(1), 1)
		case PreviousOpenDay:
			d, ok = search(it.h.Date.AddDays(-1), -1)
		case NearestWeekday:
			switch it.h.Date.Weekday() {
			case time.Saturday:
				d, ok = search(it.h.Date.AddDays(-1), -1)
			case time.Sunday:
				d, ok = search(it.h.Date.AddDays(1), 1)
			}
		}
		if ok {
			it.h.Observed = d
			taken[d] = true
		}
	}
	c.holidays = make([]Holiday, 0, len(items))
	for _, it := range items {
		if it.h.Date.Year >= FirstYear && it.h.Date.Year <= LastYear ||
			it.h.Observed.Year >= FirstYear && it.h.Observed.Year <= LastYear {
			c.holidays = append(c.holidays, it.h)
		}
	}
	c.byObserved = make([]int32, len(c.holidays))
	for i := range c.byObserved {
		c.byObserved[i] = int32(i)
	}
	slices.SortStableFunc(c.byObserved, func(a, b int32) int {
		return c.holidays[a].Observed.Compare(c.holidays[b].Observed)
	})
}
