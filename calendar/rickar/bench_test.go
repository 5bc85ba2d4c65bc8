package rickar_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/gb"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/rickar"
)

// BenchmarkFirstQuery builds a calendar from rickar/cal's gb set and asks
// for a year's holidays: the first query computes the stretch of years
// around it, calling each holiday's function once a year.
func BenchmarkFirstQuery(b *testing.B) {
	rules := rickar.Rules(gb.Holidays...)
	b.ReportAllocs()
	for b.Loop() {
		c, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
		if err != nil {
			b.Fatal(err)
		}
		if len(c.HolidaysIn(2026)) != 8 {
			b.Fatal("want 8 holidays in 2026")
		}
	}
}
