package window_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

// The bounds of "Years" in the package doc, from time.Date.
var (
	firstInstant = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	afterYears   = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	lastEnd      = time.Date(10000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -12*3600))
)

// TestYearBounds checks the rule at its edges: the first instant of year
// 1 and the last end are allowed, a nanosecond beyond either is not.
func TestYearBounds(t *testing.T) {
	tests := []struct {
		name string
		iv   window.Interval
		ok   bool
	}{
		{"first instant of year 1", window.Between(firstInstant, firstInstant.Add(time.Hour)), true},
		{"a nanosecond before year 1", window.Between(firstInstant.Add(-1), firstInstant.Add(time.Hour)), false},
		{"last instant of year 9999 as start", window.Between(afterYears.Add(-1), afterYears), true},
		{"start in year 10000 in UTC", window.Between(afterYears, lastEnd), false},
		{"end where year 9999 ends at -12:00", window.Between(afterYears.Add(-time.Hour), lastEnd), true},
		{"end a nanosecond later", window.Between(afterYears.Add(-time.Hour), lastEnd.Add(1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// CheckYears is the check MarshalText makes.
			if err := tt.iv.CheckYears(); tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, window.ErrYearRange)
			}
			text, err := tt.iv.MarshalText()
			if !tt.ok {
				require.Error(t, err)
				assert.ErrorIs(t, err, window.ErrYearRange)
				assert.Contains(t, err.Error(), "outside years 1-9999")
				return
			}
			require.NoError(t, err)
			back, err := window.ParseInterval(string(text))
			require.NoError(t, err, "text %s", text)
			assert.True(t, back.Start.Equal(tt.iv.Start) && back.End.Equal(tt.iv.End), "%s read back as %v", text, back)
		})
	}
}

// TestIntervalYearEdges writes the last periods of the calendar in zones
// from -12:00 to +14:00 and reads them back.
func TestIntervalYearEdges(t *testing.T) {
	minus12 := time.FixedZone("", -12*3600)
	tests := []struct {
		name string
		iv   window.Interval
		want string
	}{
		// 9999 is not a multiple of 4, so not a leap year: 365 days.
		{"the year 9999 in UTC", window.Year.Containing(time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC), time.UTC),
			"9999-01-01T00:00:00Z/P365D"},
		// December has 31 days; at -12:00 it ends at 10000-01-01T12:00:00Z.
		{"December 9999 at -12:00", window.Month.Containing(time.Date(9999, 12, 15, 0, 0, 0, 0, minus12), minus12),
			"9999-12-01T00:00:00-12:00/P31D"},
		// New York keeps EST (-05:00) in winter: the month ends at
		// 10000-01-01T05:00:00Z.
		{"December 9999 in New York", window.Month.Containing(time.Date(9999, 12, 15, 0, 0, 0, 0, load(t, "America/New_York")), load(t, "America/New_York")),
			"9999-12-01T00:00:00-05:00/P31D"},
		// At +14:00 the month ends at 9999-12-31T10:00:00Z, which RFC 3339
		// writes in UTC.
		{"December 9999 at +14:00", window.Month.Containing(time.Date(9999, 12, 15, 0, 0, 0, 0, load(t, "Pacific/Kiritimati")), load(t, "Pacific/Kiritimati")),
			"9999-12-01T00:00:00+14:00/9999-12-31T10:00:00Z"},
		{"the last day at -12:00, to a nanosecond before its end", window.Between(time.Date(9999, 12, 31, 0, 0, 0, 0, minus12), lastEnd.Add(-1)),
			"9999-12-31T00:00:00-12:00/PT23H59M59.999999999S"},
		// 0001-01-01T00:00:00Z is 0000-12-31T19:00:00 at -05:00: written in
		// UTC so that no text holds year 0.
		{"start in year 0 of its own offset, year 1 in UTC", window.Between(firstInstant.In(time.FixedZone("", -5*3600)), firstInstant.Add(time.Hour)),
			"0001-01-01T00:00:00Z/0001-01-01T01:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := tt.iv.MarshalText()
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, string(text)); diff != "" {
				t.Errorf("MarshalText (-want +got)\n%s", diff)
			}
			assert.Equal(t, tt.want, tt.iv.String())
			back, err := window.ParseInterval(string(text))
			require.NoError(t, err)
			assert.True(t, back.Start.Equal(tt.iv.Start) && back.End.Equal(tt.iv.End), "%s read back as %v", text, back)

			js, err := json.Marshal(struct{ Period window.Interval }{tt.iv})
			require.NoError(t, err)
			var got struct{ Period window.Interval }
			require.NoError(t, json.Unmarshal(js, &got))
			assert.True(t, got.Period.Start.Equal(tt.iv.Start) && got.Period.End.Equal(tt.iv.End), "%s read back as %v", js, got.Period)
		})
	}
}

// TestParseIntervalYearErrors: year 0 is refused, and the same condition
// gets the same message whichever form the text used.
func TestParseIntervalYearErrors(t *testing.T) {
	// The last end is 10000-01-01T12:00:00Z; each end below is a second
	// later, written as an ISO duration, a Go duration and an instant.
	const pastLast = "end 10000-01-01T12:00:01Z: outside years 1-9999"
	tests := []struct {
		name, in, want string
		year           bool // the error wraps ErrYearRange
	}{
		{"year 0", "0000-01-01T00:00:00Z/P1D", "start 0000-01-01T00:00:00Z: outside years 1-9999", true},
		{"year 1 at +01:00 begins in year 0 in UTC", "0001-01-01T00:00:00+01:00/P1D", "start 0000-12-31T23:00:00Z: outside years 1-9999", true},
		{"past the last end, ISO duration", "9999-12-31T12:00:00Z/P1DT1S", pastLast, true},
		{"past the last end, Go duration", "9999-12-31T12:00:00Z/24h0m1s", pastLast, true},
		{"past the last end, instant", "9999-12-31T12:00:00Z/9999-12-31T23:00:01-13:00", pastLast, true},
		{"past the last end by months", "9999-12-01T12:00:01Z/P1M", pastLast, true},
		{"end in year 10000 written as an instant", "9999-12-31T00:00:00Z/10000-01-01T00:00:00Z",
			`end: "10000-01-01T00:00:00Z": has a year of more than four digits`, false},
		{"start in year 10000", "10000-01-01T00:00:00Z/PT1H", `start "10000-01-01T00:00:00Z": outside years 1-9999`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := window.ParseInterval(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "duration:")
			assert.Equal(t, tt.year, errors.Is(err, window.ErrYearRange), "errors.Is(%v, ErrYearRange)", err)
		})
	}
}

// TestIntervalTextSubMinuteOffsets: offsets with seconds, from public tz
// data, are written in UTC so that the text gives the same instants back.
func TestIntervalTextSubMinuteOffsets(t *testing.T) {
	tests := []struct {
		name string
		loc  *time.Location
		at   time.Time // in the month to write
		want string
	}{
		// tzdata northamerica: America/New_York is LMT -4:56:02 until 1883.
		// 1850-03-01T00:00:00-04:56:02 is 04:56:02 UTC.
		{"New York, March 1850", load(t, "America/New_York"), time.Date(1850, 3, 15, 0, 0, 0, 0, time.UTC),
			"1850-03-01T04:56:02Z/1850-04-01T04:56:02Z"},
		// tzdata europe (before 2022b's link to Brussels): Amsterdam Mean
		// Time +0:19:32 until 1937. Midnight there is 23:40:28 UTC the day
		// before.
		{"Amsterdam time, January 1930", time.FixedZone("AMT", 19*60+32), time.Date(1930, 1, 15, 0, 0, 0, 0, time.UTC),
			"1929-12-31T23:40:28Z/1930-01-31T23:40:28Z"},
		{"Europe/Amsterdam, January 1930", amsterdam1930(t), time.Date(1930, 1, 15, 0, 0, 0, 0, time.UTC),
			"1929-12-31T23:40:28Z/1930-01-31T23:40:28Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iv := window.Month.Containing(tt.at, tt.loc)
			text, err := iv.MarshalText()
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, string(text)); diff != "" {
				t.Errorf("MarshalText (-want +got)\n%s", diff)
			}
			var back window.Interval
			require.NoError(t, back.UnmarshalText(text))
			assert.True(t, back.Start.Equal(iv.Start) && back.End.Equal(iv.End), "%s read back as %v, want %v", text, back, iv)
		})
	}
}

// amsterdam1930 loads Europe/Amsterdam, or skips where the tz data makes
// it a link to Europe/Brussels (tzdata 2022b and later without backzone).
func amsterdam1930(t *testing.T) *time.Location {
	loc := load(t, "Europe/Amsterdam")
	if _, off := time.Date(1930, 1, 15, 0, 0, 0, 0, loc).Zone(); off != 19*60+32 {
		t.Skipf("this tz data gives Europe/Amsterdam an offset of %ds in January 1930, not Amsterdam Mean Time", off)
	}
	return loc
}

// TestIntervalTextRoundTrip: for random intervals over the whole range
// of years, in zones from -12:00 to +14:00 and with offsets that have
// seconds, MarshalText either fails with ErrYearRange or gives a text
// that ParseInterval reads back to the same instants and that writes
// itself again unchanged.
func TestIntervalTextRoundTrip(t *testing.T) {
	zones := []*time.Location{
		time.UTC, time.FixedZone("", -12*3600), time.FixedZone("", 14*3600), time.FixedZone("", 5*3600+1800),
		time.FixedZone("", -(4*3600 + 56*60 + 2)), time.FixedZone("", 19*60+32),
	}
	first, last := firstInstant.Unix(), lastEnd.Unix()
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		var start time.Time
		switch n % 3 {
		case 0: // anywhere
			start = time.Unix(first-86400+r.Int64N(last-first+2*86400), r.Int64N(1e9))
		case 1: // near the end of the years
			start = time.Unix(afterYears.Unix()-r.Int64N(3*86400), r.Int64N(1e9))
		default: // near the start
			start = time.Unix(first-86400+r.Int64N(3*86400), r.Int64N(1e9))
		}
		start = start.In(zones[r.IntN(len(zones))])
		end := start.Add(time.Duration(r.Int64N(int64(3 * 24 * time.Hour)))).In(zones[r.IntN(len(zones))])
		iv := window.Between(start, end)
		text, err := iv.MarshalText()
		if err != nil {
			require.ErrorIs(t, err, window.ErrYearRange, "interval %v", iv)
			continue
		}
		back, err := window.ParseInterval(string(text))
		require.NoError(t, err, "interval %v wrote %s", iv, text)
		require.True(t, back.Start.Equal(iv.Start) && back.End.Equal(iv.End), "%v wrote %s, read back as %v", iv, text, back)
		again, err := back.MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(text), string(again), "the text of %v", iv)
	}
}

// TestCheckYearsAllocatesNothing: CheckYears is called for every record
// a breach ledger writes, so an interval within the years costs no
// allocation.
func TestCheckYearsAllocatesNothing(t *testing.T) {
	iv := window.Between(afterYears.Add(-time.Hour), lastEnd)
	if n := testing.AllocsPerRun(100, func() { _ = iv.CheckYears() }); n != 0 {
		t.Errorf("CheckYears allocates %v times, want 0", n)
	}
}

// TestIntervalTextAllocatesOnce: MarshalText and String build the text
// in one buffer of the longest text's size; a breach ledger writes the
// period of every record it appends.
func TestIntervalTextAllocatesOnce(t *testing.T) {
	ny := load(t, "America/New_York")
	for _, iv := range []window.Interval{
		window.Between(time.Date(2026, 3, 1, 0, 0, 0, 123456789, ny), time.Date(2026, 4, 1, 0, 0, 0, 987654321, ny)),
		window.Month.Containing(time.Date(9999, 12, 15, 0, 0, 0, 0, ny), ny),
	} {
		if n := testing.AllocsPerRun(100, func() { _, _ = iv.MarshalText() }); n != 1 {
			t.Errorf("MarshalText of %v allocates %v times, want 1", iv, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = iv.String() }); n > 2 {
			t.Errorf("String of %v allocates %v times, want at most 2", iv, n)
		}
	}
}

// TestClipWithinSharesMembers: clipping a set to an interval that trims
// none of the members it keeps — a calendar's open hours to the period
// they were built for — allocates nothing; one that trims copies.
func TestClipWithinSharesMembers(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	var ivs []window.Interval
	for d := 2; d <= 27; d++ {
		ivs = append(ivs, window.Between(day(d).Add(9*time.Hour), day(d).Add(17*time.Hour)))
	}
	s := window.NewSet(ivs...)
	march := window.Between(day(1), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	if n := testing.AllocsPerRun(100, func() { _ = s.Clip(march) }); n != 0 {
		t.Errorf("Clip within allocates %v times, want 0", n)
	}
	if got := s.Clip(march); !got.Equal(s) {
		t.Errorf("Clip(%v) = %v, want the set itself", march, got)
	}
	// Trimming the first member copies, and leaves s as it was.
	cut := window.Between(day(2).Add(12*time.Hour), march.End)
	got := s.Clip(cut)
	if want := window.NewSet(append([]window.Interval{window.Between(day(2).Add(12*time.Hour), day(2).Add(17*time.Hour))}, ivs[1:]...)...); !got.Equal(want) {
		t.Errorf("Clip(%v) = %v, want %v", cut, got, want)
	}
	if !s.Equal(window.NewSet(ivs...)) {
		t.Errorf("Clip changed its receiver: %v", s)
	}
	// Keeping members from the middle shares them too.
	mid := window.Between(day(10), day(20))
	if want := window.NewSet(ivs[8:18]...); !s.Clip(mid).Equal(want) {
		t.Errorf("Clip(%v) = %v, want %v", mid, s.Clip(mid), want)
	}
}
