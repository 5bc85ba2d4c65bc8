package calendar

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// Weekdays is a set of days of the week; bit d is set for time.Weekday d.
//
// The zero value is the empty set. Weekdays is a plain value, safe for
// concurrent use. Its text form lists days in Monday-first order, with runs
// of three or more as ranges: "Mon-Fri", "Sat,Sun", "Mon,Wed-Fri".
type Weekdays uint8

// Common sets of weekdays.
const (
	MondayToFriday Weekdays = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday
	Weekend        Weekdays = 1<<time.Saturday | 1<<time.Sunday
	EveryDay                = MondayToFriday | Weekend
)

// WeekdaysOf returns the set of the given days.
func WeekdaysOf(days ...time.Weekday) Weekdays {
	var w Weekdays
	for _, d := range days {
		if d >= time.Sunday && d <= time.Saturday {
			w |= 1 << d
		}
	}
	return w
}

// Contains reports whether d is in the set.
func (w Weekdays) Contains(d time.Weekday) bool {
	return d >= time.Sunday && d <= time.Saturday && w&(1<<d) != 0
}

// Len returns the number of days in the set.
func (w Weekdays) Len() int {
	n := 0
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w.Contains(d) {
			n++
		}
	}
	return n
}

var dayAbbr = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// String returns the text form, for instance "Mon-Fri"; the empty set
// gives "".
func (w Weekdays) String() string {
	var parts []string
	// Walk Monday (0) to Sunday (6) in Monday-first order.
	for i := 0; i < 7; {
		if !w.Contains(time.Weekday((i + 1) % 7)) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Contains(time.Weekday((j+2)%7)) {
			j++
		}
		first, last := dayAbbr[(i+1)%7], dayAbbr[(j+1)%7]
		switch j - i {
		case 0:
			parts = append(parts, first)
		case 1:
			parts = append(parts, first, last)
		default:
			parts = append(parts, first+"-"+last)
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// MarshalText implements [encoding.TextMarshaler]. It fails for the empty
// set, which has no text form.
func (w Weekdays) MarshalText() ([]byte, error) {
	if w&EveryDay == 0 {
		return nil, errors.New("calendar: cannot marshal an empty weekday set")
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseWeekdays].
func (w *Weekdays) UnmarshalText(text []byte) error {
	v, err := ParseWeekdays(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// ParseWeekdays parses a comma-separated list of days and ranges, such as
// "Mon-Fri", "Sat,Sun" or "Fri-Mon" (a range may wrap past Sunday). Day
// names are English, three letters or in full, in any case. The set must
// not be empty.
func ParseWeekdays(s string) (Weekdays, error) {
	fail := func(err error) (Weekdays, error) {
		return 0, &ParseError{What: "weekdays", Input: s, Err: err}
	}
	if strings.TrimSpace(s) == "" {
		return fail(errors.New("empty"))
	}
	var w Weekdays
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(strings.TrimSpace(part), "-")
		first, err := parseDay(a)
		if err != nil {
			return fail(err)
		}
		if !isRange {
			w |= 1 << first
			continue
		}
		last, err := parseDay(b)
		if err != nil {
			return fail(err)
		}
		for d := first; ; d = (d + 1) % 7 {
			w |= 1 << d
			if d == last {
				break
			}
		}
	}
	return w, nil
}

func parseDay(s string) (time.Weekday, error) {
	s = strings.TrimSpace(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(s, dayAbbr[d]) || strings.EqualFold(s, d.String()) {
			return d, nil
		}
	}
	return 0, fmt.Errorf("unknown day %s", quote.Text(s))
}
