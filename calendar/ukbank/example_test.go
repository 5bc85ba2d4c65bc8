package ukbank_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ukbank"
)

// The bank holidays of England and Wales in December 2021, in the shape
// of the GOV.UK file: Christmas Day and Boxing Day fell on a weekend, and
// the file lists the substitute days off.
func ExampleFile_Rules() {
	const doc = `{"england-and-wales": {"division": "england-and-wales", "events": [
	  {"title": "Christmas Day", "date": "2021-12-27", "notes": "Substitute day", "bunting": true},
	  {"title": "Boxing Day", "date": "2021-12-28", "notes": "Substitute day", "bunting": true}]}}`
	f, err := ukbank.Read(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := f.Rules(ukbank.EnglandAndWales)
	if err != nil {
		fmt.Println(err)
		return
	}
	london, _ := time.LoadLocation("Europe/London")
	cal, err := calendar.New(london,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:30")),
		calendar.Holidays(rules...))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range cal.HolidaysIn(2021) {
		fmt.Println(h.Date, h.Name)
	}
	// The next business day after Friday 24 December 2021.
	fmt.Println(cal.AddOpenDays(calendar.Date{Year: 2021, Month: 12, Day: 24}, 1))
	// Output:
	// 2021-12-27 Christmas Day (Substitute day)
	// 2021-12-28 Boxing Day (Substitute day)
	// 2021-12-29
}
