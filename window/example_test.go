package window_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/window"
)

// at returns 2026-03-02 (a Monday) at hh:mm UTC.
func at(hh, mm int) time.Time {
	return time.Date(2026, 3, 2, hh, mm, 0, 0, time.UTC)
}

func ExampleUnit_Containing() {
	ny, _ := time.LoadLocation("America/New_York")
	march := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	fmt.Println(march)
	fmt.Println(march.Duration())
	// Output:
	// 2026-03-01T00:00:00-05:00/2026-04-01T00:00:00-04:00
	// 743h0m0s
}

func ExampleSet_Intersect() {
	down := window.NewSet(
		window.Between(at(9, 30), at(10, 0)),
		window.Between(at(9, 45), at(10, 15)), // overlaps the first
		window.Between(at(18, 0), at(18, 5)),  // after hours
	)
	hours := window.NewSet(window.Between(at(9, 0), at(17, 0)))
	fmt.Println(down)
	fmt.Println(down.Intersect(hours).Duration())
	// Output:
	// {2026-03-02T09:30:00Z/2026-03-02T10:15:00Z, 2026-03-02T18:00:00Z/2026-03-02T18:05:00Z}
	// 45m0s
}

func ExampleParseInterval() {
	iv, err := window.ParseInterval("2026-03-02T09:00:00+01:00/PT4H30M")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(iv)
	fmt.Println(iv.Duration())
	fmt.Println(iv.Contains(time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)))

	_, err = window.ParseInterval("2026-03-02T09:00:00Z/2026-03-01T09:00:00Z")
	fmt.Println(err)
	// Output:
	// 2026-03-02T09:00:00+01:00/2026-03-02T13:30:00+01:00
	// 4h30m0s
	// true
	// window: invalid interval "2026-03-02T09:00:00Z/2026-03-01T09:00:00Z": end is before start
}

// ISO 8601 durations with calendar parts are added as XML Schema adds
// them to a dateTime: months first, clamped to the end of the month, then
// days and time as elapsed time.
func ExampleParseInterval_isoDuration() {
	for _, s := range []string{
		"2026-01-01T00:00:00Z/P1DT2H",      // a day and two hours
		"2023-01-31T00:00:00Z/P1M",         // no 31 February: the month's last day
		"2024-01-31T09:00:00+01:00/P1MT1H", // a leap year, in the start's offset
		"2026-01-01T00:00:00Z/P1.5W",       // a fraction on the last component
	} {
		iv, err := window.ParseInterval(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(iv.End.Format(time.RFC3339), iv.Duration())
	}
	_, err := window.ParseInterval("2026-01-01T00:00:00Z/P1.5M")
	fmt.Println(err)
	// Output:
	// 2026-01-02T02:00:00Z 26h0m0s
	// 2023-02-28T00:00:00Z 672h0m0s
	// 2024-02-29T10:00:00+01:00 697h0m0s
	// 2026-01-11T12:00:00Z 252h0m0s
	// window: invalid interval "2026-01-01T00:00:00Z/P1.5M": duration: a fraction of months has no fixed length
}

func ExampleNewSet() {
	set := window.NewSet(
		window.Between(at(13, 0), at(14, 0)),
		window.Between(at(9, 0), at(10, 0)),
		window.Between(at(10, 0), at(11, 0)), // touches the previous one
		window.Between(at(12, 0), at(12, 0)), // empty
	)
	for iv := range set.All() {
		fmt.Println(iv)
	}
	fmt.Println(set.Duration())
	// Output:
	// 2026-03-02T09:00:00Z/2026-03-02T11:00:00Z
	// 2026-03-02T13:00:00Z/2026-03-02T14:00:00Z
	// 3h0m0s
}

func ExampleSet_Complement() {
	day := window.Between(at(0, 0), at(24, 0))
	hours := window.NewSet(window.Between(at(9, 0), at(17, 0)))
	fmt.Println(hours.Complement(day))
	// Output:
	// {2026-03-02T00:00:00Z/2026-03-02T09:00:00Z, 2026-03-02T17:00:00Z/2026-03-03T00:00:00Z}
}

func ExampleUnit_Overlapping() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	span := window.Between(
		time.Date(2026, 3, 28, 12, 0, 0, 0, berlin),
		time.Date(2026, 3, 30, 12, 0, 0, 0, berlin),
	)
	for day := range window.Day.Overlapping(span, berlin) {
		fmt.Println(day.Start.Format("Mon 2 Jan"), day.Duration())
	}
	// Output:
	// Sat 28 Mar 24h0m0s
	// Sun 29 Mar 23h0m0s
	// Mon 30 Mar 24h0m0s
}

func ExampleLast() {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	fmt.Println(window.Last(30*24*time.Hour, now))
	// Output:
	// 2026-01-31T12:00:00Z/2026-03-02T12:00:00Z
}
