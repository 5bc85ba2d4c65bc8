// Command quickstart is slamath's main job. For now it prints the lengths
// of the local calendar periods of a year in a few time zones, which shows
// why a month or a day cannot be treated as a fixed number of hours.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slamath/slamath/window"
)

func main() {
	year := flag.Int("year", 2026, "the civil year to report on")
	flag.Parse()
	if err := run(os.Stdout, *year); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(2)
	}
}

var zones = []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"}

func run(w io.Writer, year int) error {
	fmt.Fprintf(w, "Local months of %d, midnight to midnight, in hours\n\n", year)
	fmt.Fprintf(w, "%-8s", "month")
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			return fmt.Errorf("time zone %s: %w", z, err)
		}
		locs[i] = loc
		fmt.Fprintf(w, " %20s", z)
	}
	fmt.Fprintln(w)
	for m := time.January; m <= time.December; m++ {
		fmt.Fprintf(w, "%-8s", m.String()[:3])
		for _, loc := range locs {
			probe := time.Date(year, m, 15, 12, 0, 0, 0, loc)
			d := window.Month.Containing(probe, loc).Duration()
			fmt.Fprintf(w, " %20s", hours(d))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// hours prints d in whole hours and minutes, since a month in a zone with a
// 30-minute daylight-saving shift is not a whole number of hours.
func hours(d time.Duration) string {
	h := d / time.Hour
	m := (d % time.Hour) / time.Minute
	if m == 0 {
		return fmt.Sprintf("%d", h)
	}
	return fmt.Sprintf("%d:%02d", h, m)
}
