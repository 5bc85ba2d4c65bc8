package window

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
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

// String returns the text form of the interval, ISO 8601 start/end:
// each instant in RFC 3339 with as many fractional digits as it needs,
// in its own offset — or in UTC ("Z") when that offset has seconds, as
// local mean times do, or when the year written in it would be 0 or
// 10000. An End that RFC 3339 cannot write even in UTC, one in year
// 10000 (see "Years" in the package doc), is written as an exact ISO
// 8601 duration from the start in days, hours, minutes and seconds:
// the year 9999 in UTC is "9999-01-01T00:00:00Z/P365D". For an interval
// whose End is not before its Start and that [Interval.MarshalText]
// accepts, [ParseInterval] of String gives the same instants back.
func (i Interval) String() string { return string(i.appendText(make([]byte, 0, maxTextLen))) }

// maxTextLen is the longest text of an interval in the years the package
// allows: two RFC 3339 instants with nine fractional digits and an
// offset, and the slash (35 + 1 + 35 bytes).
const maxTextLen = 71

// appendText appends the text form of the interval to b.
func (i Interval) appendText(b []byte) []byte {
	b = appendInstant(b, i.Start)
	b = append(b, '/')
	if toInstant(i.End).sec >= afterYearsSec && checkYears(i.Start, i.End) == nil {
		return appendExact(b, toInstant(i.End), toInstant(i.Start))
	}
	return appendInstant(b, i.End)
}

// appendInstant appends t in RFC 3339, in its own offset when that
// offset is whole minutes and the year written is 1 to 9999, else in
// UTC.
func appendInstant(b []byte, t time.Time) []byte {
	_, off := t.Zone()
	if y := t.Year(); off%60 != 0 || y < 1 || y > 9999 {
		t = t.UTC()
	}
	return t.AppendFormat(b, time.RFC3339Nano)
}

// appendExact appends end − start, which is positive, as an ISO 8601
// duration in days (each of 86,400 seconds, as ParseInterval adds
// them), hours, minutes and seconds, leaving out the zero components.
func appendExact(b []byte, end, start instant) []byte {
	secs, nanos := end.sec-start.sec, int64(end.nsec)-int64(start.nsec)
	if nanos < 0 {
		secs, nanos = secs-1, nanos+1e9
	}
	b = append(b, 'P')
	if days := secs / 86400; days > 0 {
		b = strconv.AppendInt(b, days, 10)
		b = append(b, 'D')
	}
	secs %= 86400
	if secs == 0 && nanos == 0 {
		return b
	}
	b = append(b, 'T')
	if h := secs / 3600; h > 0 {
		b = strconv.AppendInt(b, h, 10)
		b = append(b, 'H')
	}
	if m := secs % 3600 / 60; m > 0 {
		b = strconv.AppendInt(b, m, 10)
		b = append(b, 'M')
	}
	if s := secs % 60; s > 0 || nanos > 0 {
		b = strconv.AppendInt(b, s, 10)
		if nanos > 0 {
			frac := strconv.AppendInt(nil, 1e9+nanos, 10)[1:]
			b = append(b, '.')
			b = append(b, bytes.TrimRight(frac, "0")...)
		}
		b = append(b, 'S')
	}
	return b
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Interval.String]. It fails, wrapping [ErrYearRange], for an instant
// outside the years the package doc's "Years" section allows.
func (i Interval) MarshalText() ([]byte, error) {
	if err := checkYears(i.Start, i.End); err != nil {
		return nil, fmt.Errorf("window: interval %s: %w", i, err)
	}
	return i.appendText(make([]byte, 0, maxTextLen)), nil
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
//
// A ParseError built by hand may leave fields empty: without What it
// names a "value", without Err the message ends after the input, and
// without Err or Input after What, so the zero ParseError reads
// "window: invalid value".
type ParseError struct {
	What  string // what was being parsed: "interval", "duration", "unit"
	Input string // the text as given
	Err   error  // why it was rejected
}

func (e *ParseError) Error() string {
	what := e.What
	if what == "" {
		what = "value"
	}
	switch {
	case e.Err != nil:
		return fmt.Sprintf("window: invalid %s %s: %v", what, quote.Text(e.Input), e.Err)
	case e.Input != "":
		return fmt.Sprintf("window: invalid %s %s", what, quote.Text(e.Input))
	}
	return "window: invalid " + what
}

func (e *ParseError) Unwrap() error { return e.Err }

// ParseInterval parses the ISO 8601 forms start/end and start/duration,
// where start and end are RFC 3339 instants and duration is either a Go
// duration ("4h30m") or an ISO 8601 duration ("PT4H30M", "P1DT2H",
// "P1M", "P1W", "PT0.5S", "P1.5D"). The interval may be empty, but its
// end must not come before its start, and both must keep to "Years" in
// the package doc; an error for either wraps [ErrEndBeforeStart] or
// [ErrYearRange]. An end written as an instant with a five-digit year is
// a syntax error, whichever instant it names: RFC 3339 cannot hold it,
// and the error says to write such an end as a duration.
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
	if errors.Is(err, errLongYear) {
		return fail(fmt.Errorf("start %s: %w", quote.Text(left), ErrYearRange))
	}
	if err != nil {
		return fail(fmt.Errorf("start: %w", err))
	}
	if err := checkStart(start); err != nil {
		return fail(err)
	}
	var end time.Time
	switch {
	case strings.HasPrefix(right, "P"):
		d, err := parseISODuration(right)
		if errors.Is(err, ErrYearRange) {
			return fail(fmt.Errorf("end: %w", err))
		}
		if err != nil {
			return fail(fmt.Errorf("duration: %w", err))
		}
		end = d.addTo(start)
	case strings.HasPrefix(right, "-P"):
		return fail(fmt.Errorf("duration: negative: %w", ErrEndBeforeStart))
	case looksLikeInstant(right):
		if end, err = parseInstant(right); errors.Is(err, errLongYear) {
			return fail(fmt.Errorf("end: %w; write an end after year 9999 as a duration from the start", err))
		}
		if err != nil {
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
	if err := checkEnd(end); err != nil {
		return fail(err)
	}
	return Interval{Start: start, End: end}, nil
}

func looksLikeInstant(s string) bool {
	// An RFC 3339 instant starts with a four-digit year and a dash, and an
	// attempt at one past year 9999 with more digits; no Go duration
	// starts with digits and a dash.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i >= 4 && i < len(s) && s[i] == '-'
}

// errLongYear is the error for an instant written with a year of five
// digits or more.
var errLongYear = errors.New("has a year of more than four digits, which RFC 3339 cannot write")

func parseInstant(s string) (time.Time, error) {
	if len(s) > 4 && s[4] >= '0' && s[4] <= '9' && looksLikeInstant(s) {
		return time.Time{}, fmt.Errorf("%s: %w", quote.Text(s), errLongYear)
	}
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
