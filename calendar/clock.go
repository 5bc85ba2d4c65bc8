package calendar

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// Clock is a wall-clock time of day, held as seconds after midnight, from
// 00:00 to 24:00 inclusive. 24:00 is the end of the day and is valid only
// as the end of a [Span].
//
// The zero value is midnight, 00:00. Clock is a plain value, safe for
// concurrent use. Its text form is "15:04", or "15:04:05" when the seconds
// are not zero.
type Clock int32

// Midnight and EndOfDay are the first and last clock readings of a day.
const (
	Midnight Clock = 0
	EndOfDay Clock = secPerDay
)

// NewClock returns the clock reading hour:min:sec. It fails unless the
// reading lies in 00:00:00 to 24:00:00.
func NewClock(hour, min, sec int) (Clock, error) {
	if hour < 0 || hour > 24 || min < 0 || min > 59 || sec < 0 || sec > 59 || (hour == 24 && (min != 0 || sec != 0)) {
		return 0, fmt.Errorf("calendar: clock %02d:%02d:%02d: %w: want 00:00 to 24:00", hour, min, sec, ErrInvalid)
	}
	return Clock(hour*3600 + min*60 + sec), nil
}

// IsValid reports whether c lies in 00:00 to 24:00.
func (c Clock) IsValid() bool { return c >= Midnight && c <= EndOfDay }

// Hour returns the hour of c, 0 to 24.
func (c Clock) Hour() int { return int(c) / 3600 }

// Minute returns the minute of c within its hour.
func (c Clock) Minute() int { return int(c) % 3600 / 60 }

// Second returns the second of c within its minute.
func (c Clock) Second() int { return int(c) % 60 }

// String returns "15:04", or "15:04:05" when the seconds are not zero. A
// value outside 00:00 to 24:00 gives "Clock(n)".
func (c Clock) String() string {
	if !c.IsValid() {
		return fmt.Sprintf("Clock(%d)", int32(c))
	}
	if c.Second() != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", c.Hour(), c.Minute(), c.Second())
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

// MarshalText implements [encoding.TextMarshaler]. It fails for a value
// outside 00:00 to 24:00.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("calendar: cannot marshal invalid %v", c)
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseClock].
func (c *Clock) UnmarshalText(text []byte) error {
	v, err := ParseClock(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseClock parses "15:04" or "15:04:05", with two-digit fields, from
// "00:00" to "24:00".
func ParseClock(s string) (Clock, error) {
	fail := func(msg string) (Clock, error) {
		return 0, &ParseError{What: "clock", Input: s, Err: errors.New(msg)}
	}
	if len(s) != 5 && len(s) != 8 {
		return fail("want HH:MM or HH:MM:SS")
	}
	if s[2] != ':' || (len(s) == 8 && s[5] != ':') {
		return fail("want HH:MM or HH:MM:SS")
	}
	h, ok1 := digits(s[0:2])
	m, ok2 := digits(s[3:5])
	sec, ok3 := 0, true
	if len(s) == 8 {
		sec, ok3 = digits(s[6:8])
	}
	if !ok1 || !ok2 || !ok3 {
		return fail("want HH:MM or HH:MM:SS")
	}
	switch {
	case h > 24:
		return fail("hour out of range")
	case m > 59:
		return fail("minute out of range")
	case sec > 59:
		return fail("second out of range")
	case h == 24 && (m != 0 || sec != 0):
		return fail("nothing comes after 24:00")
	}
	return Clock(h*3600 + m*60 + sec), nil
}

// Span is a stretch of wall-clock time that starts on one day: [Start,
// End). A span whose End is not after its Start crosses midnight and ends
// on the next day, so 22:00–06:00 is an overnight shift of eight hours and
// 09:00–09:00 lasts a whole day. It belongs to the day it starts on. End
// may be 24:00; Start may not.
//
// Span is a plain comparable value, safe for concurrent use. Its text form
// is "09:00-17:00".
type Span struct {
	Start, End Clock
}

// ParseSpan parses "09:00-17:00" (each side as by [ParseClock]).
func ParseSpan(s string) (Span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return Span{}, &ParseError{What: "span", Input: s, Err: errors.New("want HH:MM-HH:MM")}
	}
	start, err := ParseClock(a)
	if err != nil {
		return Span{}, &ParseError{What: "span", Input: s, Err: clockErr(err)}
	}
	end, err := ParseClock(b)
	if err != nil {
		return Span{}, &ParseError{What: "span", Input: s, Err: clockErr(err)}
	}
	sp := Span{start, end}
	if err := sp.validate(); err != nil {
		return Span{}, &ParseError{What: "span", Input: s, Err: err}
	}
	return sp, nil
}

// clockErr rewords a clock's parse error for the span that holds it.
func clockErr(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("clock %s: %w", quote.Text(pe.Input), pe.Err)
	}
	return err
}

// MustSpan is like [ParseSpan] but panics if s is not a valid span. It is
// meant for constants in code, not for data.
func MustSpan(s string) Span {
	sp, err := ParseSpan(s)
	if err != nil {
		panic(err)
	}
	return sp
}

func (s Span) validate() error {
	switch {
	case !s.Start.IsValid() || !s.End.IsValid():
		return fmt.Errorf("%w: clock outside 00:00 to 24:00", ErrInvalid)
	case s.Start == EndOfDay:
		return fmt.Errorf("%w: a span cannot start at 24:00", ErrInvalid)
	}
	return nil
}

// Overnight reports whether s crosses midnight, that is whether its End is
// not after its Start.
func (s Span) Overnight() bool { return s.End <= s.Start }

// Duration returns the nominal wall-clock length of s; on a day when the
// clocks change, the real length differs.
func (s Span) Duration() time.Duration {
	a, b := s.bounds()
	return time.Duration(b-a) * time.Second
}

// bounds returns the start and end of s in seconds after the midnight that
// starts its day; the end may be on the next day.
func (s Span) bounds() (int64, int64) {
	a, b := int64(s.Start), int64(s.End)
	if b <= a {
		b += secPerDay
	}
	return a, b
}

// String returns "09:00-17:00".
func (s Span) String() string { return s.Start.String() + "-" + s.End.String() }

// MarshalText implements [encoding.TextMarshaler].
func (s Span) MarshalText() ([]byte, error) {
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("calendar: cannot marshal span %v: %w", s, err)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseSpan].
func (s *Span) UnmarshalText(text []byte) error {
	v, err := ParseSpan(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
