package holidayfile_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/holidayfile"
)

// A program's --holidays flag: the file may be GOV.UK's bank-holidays
// JSON, a Nager.Date answer or an iCalendar file.
func ExampleReadFile() {
	rules, format, err := holidayfile.ReadFile("testdata/bank-holidays.json",
		holidayfile.Options{Division: "england-and-wales"})
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
	fmt.Printf("%v: %d bank holidays in 2022\n", format, len(cal.HolidaysIn(2022)))
	for _, h := range cal.HolidaysIn(2022)[5:8] {
		fmt.Println(h.Date, h.Name)
	}
	// Output:
	// UK bank holidays: 10 bank holidays in 2022
	// 2022-06-03 Platinum Jubilee bank holiday
	// 2022-08-29 Summer bank holiday
	// 2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
}
