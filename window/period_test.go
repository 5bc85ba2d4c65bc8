package window_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

func load(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestContainingKnownAnswers(t *testing.T) {
	ny := load(t, "America/New_York")
	berlin := load(t, "Europe/Berlin")
	lordHowe := load(t, "Australia/Lord_Howe")
	santiago := load(t, "America/Santiago")
	tests := []struct {
		name       string
		unit       window.Unit
		t          time.Time
		loc        *time.Location
		start, end time.Time
		length     time.Duration
	}{
		// FACTS.md: March 2026 in New York, local midnight to local
		// midnight, is 743 hours (31 days less the hour skipped on 8 March).
		{"New York March 2026", window.Month, time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny,
			time.Date(2026, 3, 1, 5, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 4, 0, 0, 0, time.UTC), 743 * time.Hour},
		// FACTS.md: November 2026 is 721 hours (30 days plus the hour
		// repeated on 1 November).
		{"New York November 2026", window.Month, time.Date(2026, 11, 1, 1, 30, 0, 0, ny), ny,
			time.Date(2026, 11, 1, 4, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 5, 0, 0, 0, time.UTC), 721 * time.Hour},
		// FACTS.md: a Berlin day of 23 hours on 2026-03-29 and of 25 on
		// 2026-10-25.
		{"Berlin spring day", window.Day, time.Date(2026, 3, 29, 12, 0, 0, 0, berlin), berlin,
			time.Date(2026, 3, 28, 23, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 22, 0, 0, 0, time.UTC), 23 * time.Hour},
		{"Berlin autumn day", window.Day, time.Date(2026, 10, 25, 12, 0, 0, 0, berlin), berlin,
			time.Date(2026, 10, 24, 22, 0, 0, 0, time.UTC), time.Date(2026, 10, 25, 23, 0, 0, 0, time.UTC), 25 * time.Hour},
		// An instant given in UTC on 1 April is still 31 March in New
		// York (02:00Z = 22:00 EDT), so it belongs to the local March.
		{"UTC instant in the previous local month", window.Month, time.Date(2026, 4, 1, 2, 0, 0, 0, time.UTC), ny,
			time.Date(2026, 3, 1, 5, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 4, 0, 0, 0, time.UTC), 743 * time.Hour},
		// 2026-12-31 is a Thursday: its Monday-based week runs from Monday
		// 28 December 2026 to Monday 4 January 2027.
		{"week across the year boundary", window.Week, time.Date(2026, 12, 31, 8, 0, 0, 0, time.UTC), time.UTC,
			time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC), 7 * 24 * time.Hour},
		// 2028 is a leap year (divisible by 4, not a century): February
		// has 29 days; 2026 is common: 28.
		{"February in a leap year", window.Month, time.Date(2028, 2, 29, 23, 0, 0, 0, time.UTC), time.UTC,
			time.Date(2028, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC), 29 * 24 * time.Hour},
		{"February in a common year", window.Month, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), time.UTC,
			time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 28 * 24 * time.Hour},
		// 2000 was a leap year (divisible by 400).
		{"February 2000", window.Month, time.Date(2000, 2, 15, 0, 0, 0, 0, time.UTC), time.UTC,
			time.Date(2000, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 3, 1, 0, 0, 0, 0, time.UTC), 29 * 24 * time.Hour},
		// Q1 2026 in New York: 90 days less the skipped hour.
		{"quarter with a DST start", window.Quarter, time.Date(2026, 2, 1, 0, 0, 0, 0, ny), ny,
			time.Date(2026, 1, 1, 5, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 4, 0, 0, 0, time.UTC), 90*24*time.Hour - time.Hour},
		{"year 2026 in New York has 365 days: the hours skipped and repeated cancel", window.Year, time.Date(2026, 7, 1, 0, 0, 0, 0, ny), ny,
			time.Date(2026, 1, 1, 5, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 5, 0, 0, 0, time.UTC), 365 * 24 * time.Hour},
		// Lord Howe Island moves its clock by 30 minutes: on Sunday 5
		// April 2026 it goes back from 02:00 (+11) to 01:30 (+10:30), so
		// April is 30 days and 30 minutes long.
		{"Lord Howe April 2026", window.Month, time.Date(2026, 4, 10, 0, 0, 0, 0, lordHowe), lordHowe,
			time.Date(2026, 3, 31, 13, 0, 0, 0, time.UTC), time.Date(2026, 4, 30, 13, 30, 0, 0, time.UTC), 30*24*time.Hour + 30*time.Minute},
		// Chile starts daylight saving time at 24:00 on Saturday 5
		// September 2026 (04:00 UTC, -04 to -03): Sunday's midnight does not
		// exist, so Sunday begins at 01:00 -03, the end of the gap, and
		// lasts 23 hours.
		{"Santiago day whose midnight is skipped", window.Day, time.Date(2026, 9, 6, 12, 0, 0, 0, santiago), santiago,
			time.Date(2026, 9, 6, 4, 0, 0, 0, time.UTC), time.Date(2026, 9, 7, 3, 0, 0, 0, time.UTC), 23 * time.Hour},
		// Chile ends daylight saving time at 24:00 on Saturday 4 April 2026
		// (03:00 UTC, -03 to -04): the wall clock goes from 23:59:59 back
		// to 23:00, so Saturday lasts 25 hours.
		{"Santiago day whose last hour repeats", window.Day, time.Date(2026, 4, 4, 12, 0, 0, 0, santiago), santiago,
			time.Date(2026, 4, 4, 3, 0, 0, 0, time.UTC), time.Date(2026, 4, 5, 4, 0, 0, 0, time.UTC), 25 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.unit.Containing(tt.t, tt.loc)
			assert.True(t, got.Start.Equal(tt.start), "start: want %v, got %v", tt.start, got.Start)
			assert.True(t, got.End.Equal(tt.end), "end: want %v, got %v", tt.end, got.End)
			assert.Equal(t, tt.length, got.Duration())
			assert.True(t, got.Contains(tt.t))
		})
	}
}

func TestWeekStartingOn(t *testing.T) {
	// Thursday 2026-12-31; with Sunday weeks the week starts on Sunday 27
	// December.
	p := window.Week.In(time.UTC).WeekStartingOn(time.Sunday)
	got := p.Containing(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	assert.True(t, got.Start.Equal(time.Date(2026, 12, 27, 0, 0, 0, 0, time.UTC)), "%v", got)
	// A Sunday is the first day of its own Sunday week.
	got = p.Containing(time.Date(2026, 12, 27, 0, 0, 0, 0, time.UTC))
	assert.True(t, got.Start.Equal(time.Date(2026, 12, 27, 0, 0, 0, 0, time.UTC)), "%v", got)
	assert.Equal(t, window.Week, p.Unit())
	assert.Equal(t, time.UTC, p.Location())
}

func TestOverlapping(t *testing.T) {
	ny := load(t, "America/New_York")
	span := window.Between(time.Date(2026, 2, 20, 0, 0, 0, 0, ny), time.Date(2026, 4, 1, 0, 0, 0, 0, ny))
	var months []string
	for m := range window.Month.Overlapping(span, ny) {
		months = append(months, m.Start.In(ny).Format("2006-01"))
	}
	// The span ends exactly at the start of April, so April is not touched.
	assert.Equal(t, []string{"2026-02", "2026-03"}, months)

	// Consecutive days of a whole year tile it exactly, DST days included.
	year := window.Year.Containing(time.Date(2026, 6, 1, 0, 0, 0, 0, ny), ny)
	var prev time.Time
	var total time.Duration
	n := 0
	for d := range window.Day.Overlapping(year, ny) {
		if n > 0 {
			require.True(t, d.Start.Equal(prev), "day %d does not start where the last ended", n)
		}
		prev = d.End
		total += d.Duration()
		n++
	}
	assert.Equal(t, 365, n)
	assert.Equal(t, year.Duration(), total)

	// Early stop.
	count := 0
	for range window.Day.Overlapping(year, ny) {
		count++
		if count == 3 {
			break
		}
	}
	assert.Equal(t, 3, count)

	// Empty span: nothing.
	for range window.Day.Overlapping(window.Between(span.Start, span.Start), ny) {
		t.Fatal("an empty span overlaps no period")
	}
}

func TestUnitText(t *testing.T) {
	for _, u := range []window.Unit{window.Day, window.Week, window.Month, window.Quarter, window.Year} {
		text, err := u.MarshalText()
		require.NoError(t, err)
		var back window.Unit
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, u, back)
	}
	assert.Equal(t, "month", window.Month.String())
	assert.Equal(t, "Unit(9)", window.Unit(9).String())
	_, err := window.Unit(0).MarshalText()
	assert.Error(t, err)
	_, err = window.ParseUnit("fortnight")
	assert.ErrorContains(t, err, `"fortnight"`)
	assert.Panics(t, func() { window.Unit(0).Containing(base, time.UTC) }, "an invalid unit is a programmer error")
}

// TestContainingEveryHour checks, for every hour of several years in zones
// with daylight saving time, that the period containing t contains t and
// that periods tile: the next period starts where this one ends.
func TestContainingEveryHour(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata"}
	step := 61 * time.Minute
	if testing.Short() {
		step = 7 * time.Hour
	}
	for _, z := range zones {
		loc := load(t, z)
		for _, u := range []window.Unit{window.Day, window.Week, window.Month} {
			for ts := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC); ts.Before(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); ts = ts.Add(step) {
				p := u.Containing(ts, loc)
				require.True(t, p.Contains(ts), "%s %v: %v does not contain %v", z, u, p, ts)
				next := u.Containing(p.End, loc)
				require.True(t, next.Start.Equal(p.End), "%s %v: %v is not followed by %v", z, u, p, next)
				local := p.Start.In(loc)
				require.True(t, local.Hour() == 0 || local.Add(-time.Nanosecond).In(loc).Day() != local.Day(),
					"%s %v: %v does not start at a local day boundary", z, u, p)
			}
		}
	}
}

// TestContainingUnusualZones walks 180 years of zones with unusual
// history — a day repeated (Sitka, 1867), days skipped (Apia, 2011;
// Kwajalein, 1993), negative daylight saving (Dublin), midnight changes
// (Havana), two-hour shifts (Troll), 30- and 45-minute offsets — and
// checks that every period contains its instant, is not empty, and is
// followed by a period that starts where it ends. A run of this with
// steps of 5 h 17 min took 13 s and passed; the suite keeps a coarser
// step.
func TestContainingUnusualZones(t *testing.T) {
	zones := []string{"America/Sitka", "Pacific/Apia", "Pacific/Kwajalein", "Antarctica/Troll", "Asia/Tehran",
		"Africa/Casablanca", "Europe/Dublin", "America/Havana", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns"}
	step := 61*time.Hour + 17*time.Minute
	if testing.Short() {
		step *= 10
	}
	for _, z := range zones {
		loc := load(t, z)
		for _, u := range []window.Unit{window.Day, window.Week, window.Month} {
			for ts := time.Date(1860, 1, 1, 0, 0, 0, 0, time.UTC); ts.Before(time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)); ts = ts.Add(step) {
				p := u.Containing(ts, loc)
				require.True(t, p.Contains(ts) && !p.Empty(), "%s %v: %v does not contain %v", z, u, p, ts)
				next := u.Containing(p.End, loc)
				require.True(t, next.Start.Equal(p.End), "%s %v: %v is not followed by %v", z, u, p, next)
			}
		}
	}
}
