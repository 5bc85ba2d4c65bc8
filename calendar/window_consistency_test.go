package calendar

import (
	"testing"
	"time"

	"github.com/slamath/slamath/window"
)

// TestDaysAgreeWithWindow: a calendar open 00:00-24:00 on one weekday is
// open exactly during that weekday's local days as the window package
// measures them, in zones whose clocks change at midnight (Santiago,
// Havana) or by half an hour (Lord Howe) — the two packages apply the same
// rule to wall times that are skipped or repeated.
func TestDaysAgreeWithWindow(t *testing.T) {
	for _, zone := range []string{"America/Santiago", "America/Havana", "Australia/Lord_Howe", "Europe/Berlin"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			cal, err := New(loc, Weekly(WeekdaysOf(wd), Span{Midnight, EndOfDay}))
			if err != nil {
				t.Fatal(err)
			}
			span := window.Between(time.Date(2022, 1, 1, 0, 0, 0, 0, loc), time.Date(2027, 1, 1, 0, 0, 0, 0, loc))
			var days []window.Interval
			for d := range window.Day.Overlapping(span, loc) {
				if d.Start.In(loc).Weekday() == wd {
					days = append(days, d)
				}
			}
			want := window.NewSet(days...).Clip(span)
			if got := cal.Open(span); !got.Equal(want) {
				t.Fatalf("%s, %v: calendar days differ from window days:\n got %v\nwant %v", zone, wd, got.Intervals()[:3], want.Intervals()[:3])
			}
		}
	}
}
