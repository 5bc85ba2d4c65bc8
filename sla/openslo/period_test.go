package openslo_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/openslo"
	"github.com/slamath/slamath/window"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func calendarWindow(d string, start time.Time) openslo.TimeWindow {
	return openslo.TimeWindow{Duration: openslo.MustDuration(d), Calendar: &openslo.Calendar{Start: start}}
}

func TestCalendarPeriods(t *testing.T) {
	ny, berlin := zone(t, "America/New_York"), zone(t, "Europe/Berlin")
	utc := time.UTC
	type span struct{ start, end time.Time }
	cases := []struct {
		name  string
		w     openslo.TimeWindow
		at    time.Time
		want  span
		hours time.Duration
	}{
		// FACTS.md: March 2026 in New York is 743 hours, November 721.
		{"New York March", calendarWindow("1M", time.Date(2026, 3, 1, 0, 0, 0, 0, ny)), time.Date(2026, 3, 20, 0, 0, 0, 0, ny),
			span{time.Date(2026, 3, 1, 0, 0, 0, 0, ny), time.Date(2026, 4, 1, 0, 0, 0, 0, ny)}, 743 * time.Hour},
		{"New York November from an earlier start", calendarWindow("1M", time.Date(2020, 1, 1, 0, 0, 0, 0, ny)), time.Date(2026, 11, 30, 23, 59, 0, 0, ny),
			span{time.Date(2026, 11, 1, 0, 0, 0, 0, ny), time.Date(2026, 12, 1, 0, 0, 0, 0, ny)}, 721 * time.Hour},
		// FACTS.md: Berlin has a 23-hour day on 2026-03-29 and a 25-hour
		// day on 2026-10-25.
		{"Berlin spring day", calendarWindow("1d", time.Date(2026, 1, 1, 0, 0, 0, 0, berlin)), time.Date(2026, 3, 29, 12, 0, 0, 0, berlin),
			span{time.Date(2026, 3, 29, 0, 0, 0, 0, berlin), time.Date(2026, 3, 30, 0, 0, 0, 0, berlin)}, 23 * time.Hour},
		{"Berlin autumn day", calendarWindow("1d", time.Date(2026, 1, 1, 0, 0, 0, 0, berlin)), time.Date(2026, 10, 25, 12, 0, 0, 0, berlin),
			span{time.Date(2026, 10, 25, 0, 0, 0, 0, berlin), time.Date(2026, 10, 26, 0, 0, 0, 0, berlin)}, 25 * time.Hour},
		// From the 31st, a month ends on the last day of shorter months:
		// 31 Jan to 28 Feb (28 days), 28 Feb to 31 Mar (31 days).
		{"from the 31st, February", calendarWindow("1M", time.Date(2026, 1, 31, 0, 0, 0, 0, utc)), time.Date(2026, 2, 15, 0, 0, 0, 0, utc),
			span{time.Date(2026, 1, 31, 0, 0, 0, 0, utc), time.Date(2026, 2, 28, 0, 0, 0, 0, utc)}, 28 * 24 * time.Hour},
		{"from the 31st, March", calendarWindow("1M", time.Date(2026, 1, 31, 0, 0, 0, 0, utc)), time.Date(2026, 3, 1, 0, 0, 0, 0, utc),
			span{time.Date(2026, 2, 28, 0, 0, 0, 0, utc), time.Date(2026, 3, 31, 0, 0, 0, 0, utc)}, 31 * 24 * time.Hour},
		// Two months from January: March and April, 61 days.
		{"two months", calendarWindow("2M", time.Date(2026, 1, 1, 0, 0, 0, 0, utc)), time.Date(2026, 4, 10, 0, 0, 0, 0, utc),
			span{time.Date(2026, 3, 1, 0, 0, 0, 0, utc), time.Date(2026, 5, 1, 0, 0, 0, 0, utc)}, 61 * 24 * time.Hour},
		// Three local days from Saturday 7 March in New York hold the DST
		// change of the 8th: 72 h less 1.
		{"three days", calendarWindow("3d", time.Date(2026, 3, 7, 0, 0, 0, 0, ny)), time.Date(2026, 3, 9, 12, 0, 0, 0, ny),
			span{time.Date(2026, 3, 7, 0, 0, 0, 0, ny), time.Date(2026, 3, 10, 0, 0, 0, 0, ny)}, 71 * time.Hour},
		// Hours step in elapsed time from the start, here half past.
		{"hours from half past", calendarWindow("1h", time.Date(2026, 1, 1, 0, 30, 0, 0, utc)), time.Date(2026, 5, 5, 5, 10, 0, 0, utc),
			span{time.Date(2026, 5, 5, 4, 30, 0, 0, utc), time.Date(2026, 5, 5, 5, 30, 0, 0, utc)}, time.Hour},
		// The grid runs before its start too.
		{"before the start", calendarWindow("1M", time.Date(2026, 3, 1, 0, 0, 0, 0, utc)), time.Date(2025, 12, 15, 0, 0, 0, 0, utc),
			span{time.Date(2025, 12, 1, 0, 0, 0, 0, utc), time.Date(2026, 1, 1, 0, 0, 0, 0, utc)}, 31 * 24 * time.Hour},
		// A quarter from January, and a year.
		{"quarter", calendarWindow("1Q", time.Date(2026, 1, 1, 0, 0, 0, 0, ny)), time.Date(2026, 5, 5, 0, 0, 0, 0, ny),
			span{time.Date(2026, 4, 1, 0, 0, 0, 0, ny), time.Date(2026, 7, 1, 0, 0, 0, 0, ny)}, 91 * 24 * time.Hour},
		{"leap year", calendarWindow("1Y", time.Date(2020, 1, 1, 0, 0, 0, 0, utc)), time.Date(2028, 7, 1, 0, 0, 0, 0, utc),
			span{time.Date(2028, 1, 1, 0, 0, 0, 0, utc), time.Date(2029, 1, 1, 0, 0, 0, 0, utc)}, 366 * 24 * time.Hour},
		// A boundary at 02:30 on 8 March 2026 in New York does not occur;
		// it moves to the end of the gap, 03:00 EDT (07:00 UTC). The period
		// runs from 8 February 02:30 EST (07:30 UTC): 28 × 24 h − 30 min.
		{"boundary in a gap", calendarWindow("1M", time.Date(2026, 1, 8, 2, 30, 0, 0, ny)), time.Date(2026, 3, 1, 0, 0, 0, 0, ny),
			span{time.Date(2026, 2, 8, 2, 30, 0, 0, ny), time.Date(2026, 3, 8, 7, 0, 0, 0, utc)}, 28*24*time.Hour - 30*time.Minute},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.w.Period(tc.at)
			require.NoError(t, err)
			want := window.Between(tc.want.start, tc.want.end)
			if !p.Equal(want) || p.Duration() != tc.hours {
				t.Errorf("period = %v (%v), want %v (%v)", p, p.Duration(), want, tc.hours)
			}
		})
	}
}

func TestRollingPeriods(t *testing.T) {
	at := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		d    string
		want time.Duration
	}{
		{"28d", 28 * 24 * time.Hour}, {"1w", 168 * time.Hour}, {"1h", time.Hour}, {"30m", 30 * time.Minute},
	}
	for _, tc := range cases {
		p, err := openslo.TimeWindow{Duration: openslo.MustDuration(tc.d), Rolling: true}.Period(at)
		require.NoError(t, err)
		if !p.Equal(window.Last(tc.want, at)) {
			t.Errorf("rolling %s: %v, want the %v before %v", tc.d, p, tc.want, at)
		}
	}
	for _, d := range []string{"1M", "1Q", "1Y"} {
		if _, err := (openslo.TimeWindow{Duration: openslo.MustDuration(d), Rolling: true}).Period(at); !errors.Is(err, openslo.ErrUnsupported) {
			t.Errorf("rolling %s: %v, want ErrUnsupported (a month is not 30 days)", d, err)
		}
	}
}

// Where the grid is a window unit from local midnight, the general grid
// and window's periods agree: in zones with daylight saving, half-hour
// offsets, clocks that change at midnight, and a skipped day.
func TestGridAgreesWithWindow(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Sao_Paulo", "America/Havana", "America/Santiago", "Asia/Tehran", "Pacific/Apia", "Asia/Kathmandu"}
	units := []struct {
		d    string
		unit window.Unit
	}{{"1d", window.Day}, {"1w", window.Week}, {"1M", window.Month}, {"1Q", window.Quarter}, {"1Y", window.Year}}
	r := rand.New(rand.NewPCG(8, 3))
	for _, name := range zones {
		loc := zone(t, name)
		for _, u := range units {
			// A start on a period boundary: local midnight on a Monday,
			// the 1st, the 1st of a quarter, 1 January.
			start := window.Month.Containing(time.Date(1995, 1, 15, 12, 0, 0, 0, loc), loc).Start
			if u.unit == window.Week {
				start = window.Week.Containing(time.Date(1995, 1, 15, 12, 0, 0, 0, loc), loc).Start
			}
			d := openslo.MustDuration(u.d)
			for range 300 {
				at := time.Unix(r.Int64N(70*365*86400)+788918400, 0) // 1995 to 2065
				got := openslo.GridPeriod(start, d, at)
				want := u.unit.Containing(at, loc)
				if !got.Equal(want) {
					t.Fatalf("%s %s at %v: grid %v, window %v", name, u.d, at.In(loc), got, want)
				}
			}
		}
	}
}

// Every period holds its instant, and the period after it starts where it
// ends: over random grids, zones and instants.
func TestGridTiles(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Australia/Lord_Howe", "America/Havana", "Pacific/Chatham"}
	units := []openslo.Unit{openslo.Minute, openslo.Hour, openslo.Day, openslo.Week, openslo.Month, openslo.Quarter, openslo.Year}
	r := rand.New(rand.NewPCG(5, 8))
	for range 3000 {
		loc := zone(t, zones[r.IntN(len(zones))])
		w, _ := openslo.WallInstant(time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.UTC), loc)
		d := openslo.Duration{Count: 1 + r.Int64N(5), Unit: units[r.IntN(len(units))]}
		tw := calendarWindow(d.String(), w)
		at := time.Unix(r.Int64N(80*365*86400)+631152000, int64(r.IntN(1e9)))
		p, err := tw.Period(at)
		require.NoError(t, err)
		if !p.Contains(at) {
			t.Fatalf("%v from %v in %v: period %v does not hold %v", d, w, loc, p, at)
		}
		next, err := tw.Period(p.End)
		require.NoError(t, err)
		if !next.Start.Equal(p.End) {
			t.Fatalf("%v from %v in %v: period %v is followed by %v", d, w, loc, p, next)
		}
	}
}

func TestWallInstant(t *testing.T) {
	ny, lordHowe := zone(t, "America/New_York"), zone(t, "Australia/Lord_Howe")
	wall := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, time.UTC) }
	cases := []struct {
		name   string
		w      time.Time
		loc    *time.Location
		want   time.Time
		exists bool
	}{
		{"ordinary", wall(2026, 7, 1, 9, 0), ny, time.Date(2026, 7, 1, 13, 0, 0, 0, time.UTC), true},
		// 8 March 2026: New York clocks go from 02:00 EST to 03:00 EDT
		// (07:00 UTC); 02:30 does not occur and maps to the end of the gap.
		{"gap", wall(2026, 3, 8, 2, 30), ny, time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC), false},
		// 1 November 2026: 01:30 occurs at 05:30 UTC (EDT) and again at
		// 06:30 UTC (EST); the first is taken.
		{"fold", wall(2026, 11, 1, 1, 30), ny, time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), true},
		// Lord Howe Island moves its clocks by half an hour: on 4 October
		// 2026, 02:00 +10:30 becomes 02:30 +11 (15:30 UTC the day before).
		{"half-hour gap", wall(2026, 10, 4, 2, 15), lordHowe, time.Date(2026, 10, 3, 15, 30, 0, 0, time.UTC), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, exists := openslo.WallInstant(tc.w, tc.loc)
			if !got.Equal(tc.want) || exists != tc.exists {
				t.Errorf("wallInstant = %v %v, want %v %v", got.UTC(), exists, tc.want, tc.exists)
			}
		})
	}
}
