package window_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

// TestParseIntervalISODuration pins ISO 8601 durations added to a start
// as XML Schema 1.1 Part 2, Appendix E ("Adding durations to
// dateTimes"), says: months first, to the civil date in the start's
// offset, the day clamped to the end of the month; then the rest as
// elapsed seconds, a day being 86,400 of them. Each want is derived in
// its comment from the Gregorian calendar.
func TestParseIntervalISODuration(t *testing.T) {
	minus5 := time.FixedZone("", -5*3600)
	tests := []struct {
		name string
		in   string
		end  time.Time
	}{
		// 1 day of 24 h plus 2 h: 26 h.
		{"date and time parts", "2026-01-01T00:00:00Z/P1DT2H", utc(2026, 1, 2, 2, 0, 0)},
		// 7 days plus 1 h: 169 h.
		{"weeks and time", "2026-01-01T00:00:00Z/P1WT1H", utc(2026, 1, 8, 1, 0, 0)},
		// January has 31 days: 1 February, then 1 h.
		{"months and time", "2026-01-01T00:00:00Z/P1MT1H", utc(2026, 2, 1, 1, 0, 0)},
		// 2023 is not a leap year: February ends on the 28th.
		{"31 January plus a month clamps to 28 February", "2023-01-31T00:00:00Z/P1M", utc(2023, 2, 28, 0, 0, 0)},
		// 2024 is a leap year (divisible by 4, not by 100).
		{"in a leap year to 29 February", "2024-01-31T00:00:00Z/P1M", utc(2024, 2, 29, 0, 0, 0)},
		// April has 30 days; the time of day is kept.
		{"31 March plus a month", "2023-03-31T10:00:00Z/P1M", utc(2023, 4, 30, 10, 0, 0)},
		{"29 February plus a year", "2024-02-29T00:00:00Z/P1Y", utc(2025, 2, 28, 0, 0, 0)},
		// 14 months from 31 December 2023 is February 2025, not a leap year.
		{"months past a year", "2023-12-31T00:00:00Z/P14M", utc(2025, 2, 28, 0, 0, 0)},
		// Months before days: 30 January + 1 month = 28 February, + 2 days
		// = 2 March. (Days first would give 1 February + 1 month = 1 March.)
		{"months before days", "2023-01-30T00:00:00Z/P1M2D", utc(2023, 3, 2, 0, 0, 0)},
		// Clamped, then the time part: 28 February 01:00.
		{"clamp then time", "2023-01-31T00:00:00Z/P1MT1H", utc(2023, 2, 28, 1, 0, 0)},
		// The civil date is taken in the start's offset: 28 February 20:00
		// at −05:00 (1 March 01:00 UTC) plus a month is 28 March 20:00 at
		// −05:00, not 1 April 01:00 UTC.
		{"months in the start's offset", "2023-02-28T20:00:00-05:00/P1M", time.Date(2023, 3, 28, 20, 0, 0, 0, minus5)},
		// A fixed offset has no daylight-saving change: New York moved its
		// clocks on 8 March 2026, but −05:00 plus a day is 24 h.
		{"a day is 24 hours in a fixed offset", "2026-03-07T12:00:00-05:00/P1D", time.Date(2026, 3, 8, 12, 0, 0, 0, minus5)},
		// Fractions on the last component: 1.5 days = 36 h, 0.5 week = 84 h,
		// 1.5 h = 90 min, 0.25 min = 15 s, 0.0000001 h = 0.00036 s = 360 µs.
		{"fraction of a day", "2026-01-01T00:00:00Z/P1.5D", utc(2026, 1, 2, 12, 0, 0)},
		{"fraction of a week with a comma", "2026-01-01T00:00:00Z/P0,5W", utc(2026, 1, 4, 12, 0, 0)},
		{"fraction of an hour", "2026-01-01T00:00:00Z/PT1.5H", utc(2026, 1, 1, 1, 30, 0)},
		{"fraction of a minute", "2026-01-01T00:00:00Z/PT0.25M", utc(2026, 1, 1, 0, 0, 15)},
		{"tiny fraction of an hour", "2026-01-01T00:00:00Z/PT0.0000001H", utc(2026, 1, 1, 0, 0, 0).Add(360 * time.Microsecond)},
		{"nanoseconds", "2026-01-01T00:00:00Z/PT1.000000001S", utc(2026, 1, 1, 0, 0, 1).Add(1)},
		{"trailing zeros past nanoseconds", "2026-01-01T00:00:00Z/PT1.5000000000000000000000S", utc(2026, 1, 1, 0, 0, 1).Add(500 * time.Millisecond)},
		{"fraction of the last of several", "2026-01-01T00:00:00Z/P1DT1H1.5M", utc(2026, 1, 2, 1, 1, 30)},
		{"zero", "2026-01-01T00:00:00Z/PT0S", utc(2026, 1, 1, 0, 0, 0)},
		// The largest whole number of seconds in a Duration: ⌊(2^63−1)/10^9⌋.
		{"PT9223372036S", "2026-01-01T00:00:00Z/PT9223372036S", utc(2026, 1, 1, 0, 0, 0).Add(9223372036 * time.Second)},
		// Past a Duration but before year 10000: 10^10 s is 115,740 days and
		// 64,000 s (17 h 46 min 40 s). From 1 January 2026 to 1 January 2342
		// are 316 × 365 days and 76 leap days (79 years divisible by 4 from
		// 2028 to 2340, less 2100, 2200 and 2300): 115,416 days; the other
		// 324 days of 2342 (not a leap year) end on 21 November.
		{"seconds past a Duration", "2026-01-01T00:00:00Z/PT10000000000S", utc(2342, 11, 21, 17, 46, 40)},
		{"to the last nanosecond of 9999", "9999-12-31T00:00:00Z/PT23H59M59.999999999S", time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{"years from year 1", "0001-03-01T00:00:00Z/P9998Y", utc(9999, 3, 1, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := window.ParseInterval(tt.in)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.end.Format(time.RFC3339Nano), got.End.Format(time.RFC3339Nano)); diff != "" {
				t.Errorf("end (-want +got):\n%s", diff)
			}
		})
	}
	iv, err := window.ParseInterval("2026-01-01T00:00:00Z/P1DT2H")
	require.NoError(t, err)
	if got := iv.Duration(); got != 26*time.Hour {
		t.Errorf("P1DT2H lasts %v, want 26h", got)
	}
	iv, err = window.ParseInterval("2026-01-01T00:00:00Z/PT9223372036S")
	require.NoError(t, err)
	if got, want := iv.Duration(), 9223372036*time.Second; got != want {
		t.Errorf("PT9223372036S lasts %v, want %v", got, want)
	}
}

func TestParseIntervalISODurationErrors(t *testing.T) {
	tests := []struct {
		name, in, says string
	}{
		{"fraction before the last component", "2026-01-01T00:00:00Z/PT1.5H30M", "only the last component"},
		{"fraction before the time part", "2026-01-01T00:00:00Z/P1.5DT1H", "only the last component"},
		{"fraction of a year", "2026-01-01T00:00:00Z/P1.5Y", "fraction of years"},
		{"fraction of a month", "2026-01-01T00:00:00Z/P0.5M", "fraction of months"},
		{"a zero fraction is a fraction", "2026-01-01T00:00:00Z/P1.0Y", "fraction of years"},
		{"a zero fraction before the last component", "2026-01-01T00:00:00Z/PT0,0H0M", "only the last component"},
		{"fraction below a nanosecond", "2026-01-01T00:00:00Z/PT0.0000000001S", "whole number of nanoseconds"},
		{"fraction of an hour below a nanosecond", "2026-01-01T00:00:00Z/PT0.000000000001H", "whole number of nanoseconds"},
		{"too many fractional digits", "2026-01-01T00:00:00Z/PT0.1234567890123456789S", "whole number of nanoseconds"},
		{"decimal sign without digits", "2026-01-01T00:00:00Z/PT1.S", "followed by digits"},
		{"hours in the date part", "2026-01-01T00:00:00Z/P1H", "out of place"},
		{"days in the time part", "2026-01-01T00:00:00Z/PT1D", "out of place"},
		{"weeks in the time part", "2026-01-01T00:00:00Z/PT1W", "out of place"},
		{"out of order", "2026-01-01T00:00:00Z/P1M1Y", "out of place"},
		{"months twice", "2026-01-01T00:00:00Z/P1M1M", "out of place"},
		{"T twice", "2026-01-01T00:00:00Z/PT1HT1M", "T appears twice"},
		{"T at the end", "2026-01-01T00:00:00Z/P1DT", "must be followed"},
		{"nothing", "2026-01-01T00:00:00Z/P", `"P" alone has no component`},
		{"number without designator", "2026-01-01T00:00:00Z/P1D2", "no designator"},
		{"designator without number", "2026-01-01T00:00:00Z/PDT1H", "expected a number"},
		{"sign inside", "2026-01-01T00:00:00Z/P-1D", "expected a number"},
		{"negative duration", "2026-01-01T00:00:00Z/-P1D", "negative"},
		{"lower case", "2026-01-01T00:00:00Z/P1d", "unknown"},
		{"alternative form", "2026-01-01T00:00:00Z/P0001-02-03", "unknown"},
		// The last end is 10000-01-01T00:00:00-12:00, 10000-01-01T12:00:00Z.
		{"past the last end by months", "9999-12-01T12:00:01Z/P1M", "end 10000-01-01T12:00:01Z: outside years 1-9999"},
		{"past the last end by a nanosecond", "9999-12-31T12:00:00Z/PT86400.000000001S", "end 10000-01-01T12:00:00.000000001Z: outside years 1-9999"},
		{"years past any end", "0001-01-01T00:00:00Z/P10001Y", "end: 10001 years from any start: outside years 1-9999"},
		{"days past any end", "0001-01-01T00:00:00Z/P99999999999D", "end: 99999999999 days from any start: outside years 1-9999"},
		{"seconds past any end", "0001-01-01T00:00:00Z/PT999999999999S", "end: 999999999999 seconds from any start: outside years 1-9999"},
		{"number past 64 bits", "2026-01-01T00:00:00Z/PT99999999999999999999S", "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := window.ParseInterval(tt.in)
			var pe *window.ParseError
			require.ErrorAs(t, err, &pe)
			if pe.Input != tt.in || !strings.Contains(err.Error(), tt.in) {
				t.Errorf("the error does not quote the input: %v", err)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}
		})
	}
	_, err := window.ParseInterval("2026-01-01T00:00:00Z/-P1D")
	if !errors.Is(err, window.ErrEndBeforeStart) {
		t.Errorf("negative duration: %v, want ErrEndBeforeStart", err)
	}
}

// TestParseErrorQuotesAPrefix: an error quotes at most a short prefix of
// a long input, whichever part of it is wrong. A message may quote two
// values, the input and the part that failed, each in at most 95 bytes,
// so 300 bytes hold any of them.
func TestParseErrorQuotesAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	for _, in := range []string{
		"2026-01-01T00:00:00Z/PT" + long + "S",
		"2026-01-01T00:00:00Z/P1D" + long,
		long + "/PT1H",
		"2026-01-01T00:00:00Z/" + long,
		"2026-01-01T00:00:00Z/2026-" + long,
		"2026-01-01T00:00:00Z/PT1" + strings.Repeat("\x00", 1<<20),
	} {
		_, err := window.ParseInterval(in)
		require.Error(t, err)
		if n := len(err.Error()); n > 300 {
			t.Errorf("error of %d bytes for an input of %d: %.200s…", n, len(in), err)
		}
	}
	_, err := window.ParseUnit(long)
	require.Error(t, err)
	if n := len(err.Error()); n > 200 {
		t.Errorf("ParseUnit: error of %d bytes for an input of %d: %.200s…", n, len(long), err)
	}
}
