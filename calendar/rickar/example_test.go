package rickar_test

import (
	"fmt"
	"time"

	"github.com/rickar/cal/v2/gb"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/rickar"
)

// rickar/cal's holidays for the United Kingdom in a calendar: in 2027
// Christmas Day falls on a Saturday and Boxing Day on a Sunday, and
// rickar/cal observes them on Monday 27 and Tuesday 28 December.
func ExampleRules() {
	london, _ := time.LoadLocation("Europe/London")
	cal, err := calendar.New(london,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:30")),
		calendar.Holidays(rickar.Rules(gb.Holidays...)...))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range cal.HolidaysIn(2027) {
		fmt.Printf("%-22s %v, observed %v\n", h.Name, h.Date, h.Observed)
	}
	// Output:
	// New Year's Day         2027-01-01, observed 2027-01-01
	// Good Friday            2027-03-26, observed 2027-03-26
	// Easter Monday          2027-03-29, observed 2027-03-29
	// Early May              2027-05-03, observed 2027-05-03
	// Spring Bank Holiday    2027-05-31, observed 2027-05-31
	// Summer Bank Holiday    2027-08-30, observed 2027-08-30
	// Christmas Day          2027-12-25, observed 2027-12-27
	// Boxing Day             2027-12-26, observed 2027-12-28
}
