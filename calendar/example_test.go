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
