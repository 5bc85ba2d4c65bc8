package window

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// Interval is the half-open span of instants [Start, End).
//
// An Interval whose End is not after its Start is empty: it contains no
// instant and has zero duration. The zero value is an empty interval.
// Comparisons use the instants only: neither the Location of Start and
// End nor a monotonic clock reading affects any result.
//
// Interval is a plain value, safe for concurrent use.
type Interval struct {
	Start, End time.Time
}

// Between returns the interval [start, end). It is a shorthand for the
// struct literal that reads well at call sites.
func Between(start, end time.Time) Interval {
	return Interval{Start: start, End: end}
}

// Last returns the rolling window of length d that ends at end:
// [end−d, end). A negative d gives an empty interval.
func Last(d time.Duration, end time.Time) Interval {
	if d < 0 {
		return Interval{Start: end, End: end}
	}
	return Interval{Start: end.Add(-d), End: end}
}

// Empty reports whether the interval contains no instant, that is whether
// End is not after Start.
func (i Interval) Empty() bool {
	return !wall(i.Start).Before(wall(i.End))
}

// IsZero reports whether both Start and End are the zero time.
func (i Interval) IsZero() bool {
	return i.Start.IsZero() && i.End.IsZero()
}

// Duration returns End − Start, or 0 when the interval is empty. Like
// [time.Time.Sub] it saturates at the largest Duration when the span is
// longer than about 292 years.
func (i Interval) Duration() time.Duration {
	if i.Empty() {
		return 0
	}
	return wall(i.End).Sub(wall(i.Start))
}

// Contains reports whether t lies in [Start, End).
func (i Interval) Contains(t time.Time) bool {
	t = wall(t)
	return !t.Before(wall(i.Start)) && t.Before(wall(i.End))
}

// Overlaps reports whether the two intervals share at least one instant.
// Intervals that only touch ([a, b) and [b, c)) do not overlap.
func (i Interval) Overlaps(j Interval) bool {
	return !i.Intersect(j).Empty()
}

// Intersect returns the instants common to i and j. When they share none
// the result is the zero Interval.
func (i Interval) Intersect(j Interval) Interval {
	s, e := i.Start, i.End
	if wall(j.Start).After(wall(s)) {
		s = j.Start
	}
	if wall(j.End).Before(wall(e)) {
		e = j.End
	}
	if !wall(s).Before(wall(e)) {
		return Interval{}
	}
	return Interval{Start: s, End: e}
}

// Equal reports whether i and j are the same span of instants. All empty
// intervals are equal to each other.
func (i Interval) Equal(j Interval) bool {
	if i.Empty() || j.Empty() {
		return i.Empty() && j.Empty()
	}
	return i.Start.Equal(j.Start) && i.End.Equal(j.End)
}

// String returns the ISO 8601 form start/end, each instant in RFC 3339
// with as many fractional digits as it needs, in its own offset.
func (i Interval) String() string {
	return i.Start.Format(time.RFC3339Nano) + "/" + i.End.Format(time.RFC3339Nano)
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Interval.String]. It fails for an instant whose year is outside
// 0000–9999, which RFC 3339 cannot write.
func (i Interval) MarshalText() ([]byte, error) {
	for _, t := range [2]time.Time{i.Start, i.End} {
		if y := t.Year(); y < 0 || y > 9999 {
			return nil, fmt.Errorf("window: interval %s: year %d is outside 0000-9999", i, y)
		}
	}
	return []byte(i.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseInterval].
func (i *Interval) UnmarshalText(text []byte) error {
	v, err := ParseInterval(string(text))
	if err != nil {
		return err
	}
	*i = v
	return nil
}

// ErrEndBeforeStart is wrapped by errors for an interval whose end comes
// before its start.
var ErrEndBeforeStart = errors.New("end is before start")

// ParseError describes a text that is not a valid interval, period unit or
// duration. Input holds the text as given; the message quotes only a
// short prefix of a long one (64 bytes in all, quotes and escapes
// included, then its length).
type ParseError struct {
	What  string // what was being parsed: "interval", "duration", "unit"
	Input string // the text as given
	Err   error  // why it was rejected
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("window: invalid %s %s: %v", e.What, quote.Text(e.Input), e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ParseInterval parses the ISO 8601 forms start/end and start/duration,
// where start and end are RFC 3339 instants and duration is either a Go
// duration ("4h30m") or an ISO 8601 duration ("PT4H30M", "P1DT2H",
// "P1M", "P1W", "PT0.5S", "P1.5D"). The interval may be empty, but its
// end must not come before its start, nor after year 9999.
//
// An ISO 8601 duration is PnYnMnWnDTnHnMnS: any of the components in
// that order, at least one, with T before hours, minutes or seconds.
// Only the last component may carry a decimal fraction (written with a
// point or a comma), and not years or months, which have no fixed
// length; a fraction must come to a whole number of nanoseconds. Signs
// and the alternative form P0001-02-03T04:05:06 are not accepted.
//
// The duration is added to the start as XML Schema 1.1 Part 2, Appendix E
// ("Adding durations to dateTimes"), adds a duration to a dateTime, the
// rule java.time and .NET follow too: years and months first, to the
// start's civil date in the start's own UTC offset, with the day of the
// month clamped to the last day of the month reached — so
// 2023-01-31T00:00:00Z/P1M ends on 2023-02-28 and 2024-01-31T00:00:00Z/P1M
// on 2024-02-29 — and the time of day kept; then weeks, days, hours,
// minutes and seconds as elapsed time, a week being 7 days and a day 24
// hours. An RFC 3339 instant carries a fixed offset, not a time zone, so
// no daylight-saving change falls inside this arithmetic:
// 2026-03-07T12:00:00-05:00/P1D ends 24 hours later. To step through
// local days of a zone, use [Unit.In] with its location.
func ParseInterval(s string) (Interval, error) {
	fail := func(err error) (Interval, error) {
		return Interval{}, &ParseError{What: "interval", Input: s, Err: err}
	}
	left, right, ok := strings.Cut(s, "/")
	if !ok {
		return fail(errors.New("want start/end or start/duration"))
	}
	start, err := parseInstant(left)
	if err != nil {
		return fail(fmt.Errorf("start: %w", err))
	}
	var end time.Time
	switch {
	case strings.HasPrefix(right, "P"):
		d, err := parseISODuration(right)
		if err != nil {
			return fail(fmt.Errorf("duration: %w", err))
		}
		if end, err = d.addTo(start); err != nil {
			return fail(fmt.Errorf("duration: %w", err))
		}
	case strings.HasPrefix(right, "-P"):
		return fail(fmt.Errorf("duration: negative: %w", ErrEndBeforeStart))
	case looksLikeInstant(right):
		if end, err = parseInstant(right); err != nil {
			return fail(fmt.Errorf("end: %w", err))
		}
	default:
		d, err := time.ParseDuration(right)
		if err != nil {
			return fail(fmt.Errorf("duration: %s is neither an ISO 8601 duration nor a Go duration that fits a time.Duration", quote.Text(right)))
		}
		end = start.Add(d)
		if (d > 0 && !end.After(start)) || (d < 0 && !end.Before(start)) {
			return fail(errors.New("duration: out of range"))
		}
	}
	if end.Before(start) {
		return fail(ErrEndBeforeStart)
	}
	if y := end.Year(); y < 0 || y > 9999 {
		return fail(fmt.Errorf("end: year %d is outside 0000-9999", y))
	}
	return Interval{Start: start, End: end}, nil
}

func looksLikeInstant(s string) bool {
	// An RFC 3339 instant starts with a four-digit year and a dash; no Go
	// duration does.
	return len(s) >= 5 && s[4] == '-'
}

func parseInstant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not an RFC 3339 instant: %s", quote.Text(s))
	}
	// time.Parse accepts some forms RFC 3339 does not (a lower-case t or
	// z, a comma before the fraction); keep to the strict form so that
	// String gives the input back.
	if strings.ContainsAny(s, "tz,") {
		return time.Time{}, fmt.Errorf("not an RFC 3339 instant: %s", quote.Text(s))
	}
	// Keep the written offset, not whatever zone of time.Local happens to
	// share it, so that calendar steps and String do not depend on the
	// machine the code runs on.
	if _, off := t.Zone(); off == 0 {
		t = t.UTC()
	} else {
		t = t.In(time.FixedZone("", off))
	}
	return t, nil
}

// wall strips the monotonic clock reading, so that comparisons use the
// wall clock only.
func wall(t time.Time) time.Time { return t.Round(0) }
