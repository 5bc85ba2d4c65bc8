package calendar_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/calendar"
)

func berlin() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	return loc
}

// Build a calendar in Go: weekday hours, a holiday and a half day.
func ExampleNew() {
	cal, err := calendar.New(berlin(),
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)),
		calendar.Override(calendar.Date{Year: 2026, Month: time.December, Day: 24}, calendar.MustSpan("09:00-12:00")),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cal.HoursOn(calendar.Date{Year: 2026, Month: time.December, Day: 24}))
	fmt.Println(cal.HoursOn(calendar.Date{Year: 2026, Month: time.December, Day: 25}))
	fmt.Println(cal.IsOpen(time.Date(2026, 12, 23, 16, 0, 0, 0, berlin())))
	// Output:
	// [09:00-12:00]
	// []
	// true
}

// Business time from Friday afternoon to Monday morning, across the night
// the clocks change.
func ExampleCalendar_Between() {
	cal, _ := calendar.New(berlin(), calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")))
	friday := time.Date(2026, 3, 27, 16, 0, 0, 0, berlin())
	monday := time.Date(2026, 3, 30, 10, 0, 0, 0, berlin())
	fmt.Println(cal.Between(friday, monday))
	fmt.Println(cal.Between(monday, friday))
	// Output:
	// 2h0m0s
	// -2h0m0s
}

// A response deadline of four business hours on Christmas Eve.
func ExampleCalendar_Add() {
	cal, _ := calendar.New(berlin(),
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)),
		calendar.Override(calendar.Date{Year: 2026, Month: time.December, Day: 24}, calendar.MustSpan("09:00-12:00")),
	)
	opened := time.Date(2026, 12, 24, 11, 0, 0, 0, berlin())
	fmt.Println(cal.Add(opened, 4*time.Hour))
	fmt.Println(cal.Add(time.Date(2026, 3, 9, 9, 0, 0, 0, berlin()), 8*time.Hour))
	// Output:
	// 2026-12-28 12:00:00 +0100 CET
	// 2026-03-09 17:00:00 +0100 CET
}

// A holiday on a Saturday observed on the Friday before, across a year
// boundary.
func ExampleCalendar_HolidayOn() {
	ny, _ := time.LoadLocation("America/New_York")
	cal, _ := calendar.New(ny,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Fixed("New Year's Day", time.January, 1).Observed(calendar.NearestWeekday)),
	)
	h, ok := cal.HolidayOn(calendar.Date{Year: 2021, Month: time.December, Day: 31})
	fmt.Println(ok, h.Name, h.Date, h.Observed)
	fmt.Println(cal.IsOpen(time.Date(2021, 12, 31, 10, 0, 0, 0, ny)))
	// Output:
	// true New Year's Day 2022-01-01 2021-12-31
	// false
}

// Load a calendar from JSON.
func ExampleParseSpec() {
	spec, err := calendar.ParseSpec([]byte(`{
		"zone": "America/New_York",
		"hours": [{"days": "Mon-Fri", "spans": ["22:00-06:00"]}],
		"holidays": [{"name": "Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := spec.Calendar()
	if err != nil {
		fmt.Println(err)
		return
	}
	ny := cal.Location()
	fmt.Println(cal.Between(time.Date(2026, 3, 10, 21, 0, 0, 0, ny), time.Date(2026, 3, 11, 7, 0, 0, 0, ny)))
	fmt.Println(cal.HolidaysIn(2026))

	_, err = calendar.Spec{Zone: "UTC", Hours: []calendar.HoursSpec{{Days: "Mon", Spans: []string{"09:00-25:00"}}}}.Calendar()
	fmt.Println(err)
	// Output:
	// 8h0m0s
	// [{Thanksgiving 2026-11-26 2026-11-26}]
	// calendar: hours[0].spans[0]: invalid span "09:00-25:00": clock "25:00": hour out of range
}

// The Tuesday after the first Monday of November: US Election Day.
func ExampleRule_AddDays() {
	ny, _ := time.LoadLocation("America/New_York")
	cal, _ := calendar.New(ny,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.NthWeekday("Election Day", 1, time.Monday, time.November).AddDays(1)),
	)
	for _, year := range []int{2022, 2024, 2026} {
		h, _ := cal.Holiday("Election Day", year)
		fmt.Println(h.Date, h.Date.Weekday())
	}
	// Output:
	// 2022-11-08 Tuesday
	// 2024-11-05 Tuesday
	// 2026-11-03 Tuesday
}

// Holidays fixed as the first or last weekday from a date, and Orthodox
// Easter.
func ExampleWeekdayOnOrAfter() {
	cal, _ := calendar.New(time.UTC,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(
			calendar.WeekdayOnOrAfter("Midsummer Day", time.Saturday, time.June, 20),
			calendar.WeekdayOnOrBefore("Victoria Day", time.Monday, time.May, 24),
			calendar.OrthodoxEasterOffset("Orthodox Easter", 0),
		),
	)
	for _, h := range cal.HolidaysIn(2027) {
		fmt.Println(h.Date, h.Name)
	}
	// Output:
	// 2027-05-02 Orthodox Easter
	// 2027-05-24 Victoria Day
	// 2027-06-26 Midsummer Day
}

// A desk open on Saturday mornings observes the UK bank holidays by the
// Saturday–Sunday weekend, not by its own hours: Boxing Day 2020 fell on
// a Saturday and was observed on Monday 28 December.
func ExampleRule_Weekend() {
	london, _ := time.LoadLocation("Europe/London")
	cal, _ := calendar.New(london,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Weekly(calendar.WeekdaysOf(time.Saturday), calendar.MustSpan("09:00-12:00")),
		calendar.Holidays(
			calendar.Fixed("Christmas Day", time.December, 25).Observed(calendar.NextOpenDay).Weekend(calendar.Weekend),
			calendar.Fixed("Boxing Day", time.December, 26).Observed(calendar.NextOpenDay).Weekend(calendar.Weekend),
		),
	)
	h, _ := cal.Holiday("Boxing Day", 2020)
	fmt.Println(h.Date, h.Observed)
	fmt.Println(cal.IsOpen(time.Date(2020, 12, 26, 10, 0, 0, 0, london)))
	fmt.Println(cal.IsOpen(time.Date(2020, 12, 28, 10, 0, 0, 0, london)))
	// Output:
	// 2020-12-26 2020-12-28
	// true
	// false
}

// A holiday set kept elsewhere plugs in as a Go function of the year.
func ExampleComputed() {
	// The company's summer closing day: the last Friday of July, or none in
	// 2025.
	summer := func(year int) (date, observed calendar.Date, ok bool) {
		if year == 2025 {
			return calendar.Date{}, calendar.Date{}, false
		}
		d := calendar.Date{Year: year, Month: time.July, Day: 31}
		for d.Weekday() != time.Friday {
			d = d.AddDays(-1)
		}
		return d, d, true
	}
	cal, _ := calendar.New(time.UTC,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Computed("Summer closing", summer)),
	)
	for _, year := range []int{2025, 2026} {
		if h, ok := cal.Holiday("Summer closing", year); ok {
			fmt.Println(year, h.Date)
		} else {
			fmt.Println(year, "none")
		}
	}
	_, err := cal.MarshalJSON()
	fmt.Println(err)
	// Output:
	// 2025 none
	// 2026 2026-07-31
	// calendar: holidays[0]: "Summer closing": rule computed by a Go function, which has no JSON form
}

// Business days: the open days of a month, and a date plus a number of
// open days.
func ExampleCalendar_OpenDays() {
	ny, _ := time.LoadLocation("America/New_York")
	cal, _ := calendar.New(ny,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(
			calendar.Fixed("Veterans Day", time.November, 11).Observed(calendar.NearestWeekday),
			calendar.NthWeekday("Thanksgiving Day", 4, time.Thursday, time.November),
		),
	)
	nov := calendar.Date{Year: 2021, Month: time.November, Day: 1}
	fmt.Println(cal.OpenDays(nov, calendar.Date{Year: 2021, Month: time.December, Day: 1}))
	fmt.Println(cal.AddOpenDays(calendar.Date{Year: 2020, Month: time.January, Day: 4}, 3))
	fmt.Println(cal.AddOpenDays(calendar.Date{Year: 2021, Month: time.November, Day: 24}, 1))
	// Output:
	// 20
	// 2020-01-08
	// 2021-11-26
}

// A date can be one holiday's date and another's observed day.
func ExampleCalendar_HolidaysOn() {
	london, _ := time.LoadLocation("Europe/London")
	// A museum closed on Mondays.
	cal, _ := calendar.New(london,
		calendar.Weekly(calendar.WeekdaysOf(time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday),
			calendar.MustSpan("10:00-18:00")),
		calendar.Holidays(
			calendar.Fixed("Christmas Day", time.December, 25).Observed(calendar.NextOpenDay).Weekend(calendar.Weekend),
			calendar.Fixed("Founders' Day", time.December, 27).Observed(calendar.NextOpenDay),
		),
	)
	for _, h := range cal.HolidaysOn(calendar.Date{Year: 2021, Month: time.December, Day: 27}) {
		fmt.Println(h.Name, h.Date, h.Observed)
	}
	// Output:
	// Christmas Day 2021-12-25 2021-12-27
	// Founders' Day 2021-12-27 2021-12-28
}

// A calendar document that asks for 31 April: the error names the field
// and the line it stands on.
func ExampleParseCalendar() {
	doc := `{
  "zone": "Europe/London",
  "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:30"]}],
  "holidays": [
    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "next-open-day"},
    {"name": "Not a day", "month": 4, "day": 31}
  ]
}`
	_, err := calendar.ParseCalendar([]byte(doc))
	fmt.Println(err)
	// Output:
	// calendar: line 6: holidays[1].day: no such date: April has no day 31
}
