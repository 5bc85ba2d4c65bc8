package ical_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/window"
)

// A patch window on the first Tuesday of each month, 01:30 to 02:30 in
// Berlin, skipped in October, read over 2026 into the maintenance windows
// a contract evaluation excludes.
func ExampleMaintenance() {
	const ics = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//maintenance//EN
BEGIN:VEVENT
UID:patch-window@example.com
SUMMARY:Patch window
DTSTART;TZID=Europe/Berlin:20260106T013000
DTEND;TZID=Europe/Berlin:20260106T023000
RRULE:FREQ=MONTHLY;BYDAY=1TU
EXDATE;TZID=Europe/Berlin:20261006T013000
END:VEVENT
END:VCALENDAR
`
	berlin, _ := time.LoadLocation("Europe/Berlin")
	year := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, berlin), time.Date(2027, 1, 1, 0, 0, 0, 0, berlin))
	windows, err := ical.Maintenance(strings.NewReader(ics), year, berlin)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(windows.Len(), "windows,", windows.Duration(), "in all")
	for w := range windows.All() {
		if w.Start.In(berlin).Month() >= time.September {
			fmt.Println(w.Start.In(berlin).Format("Mon 2 Jan 15:04 MST"), "to", w.End.In(berlin).Format("15:04"))
		}
	}
	// Output:
	// 11 windows, 11h0m0s in all
	// Tue 1 Sep 01:30 CEST to 02:30
	// Tue 3 Nov 01:30 CET to 02:30
	// Tue 1 Dec 01:30 CET to 02:30
}

// Each occurrence keeps its event's SUMMARY, for a report that lists the
// maintenance it excluded; here two events, one recurring, over the first
// quarter of 2026 in New York.
func ExampleMaintenanceWindows() {
	const ics = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//maintenance//EN
BEGIN:VEVENT
UID:db@example.com
SUMMARY:Database upgrade
DTSTART;TZID=America/New_York:20260214T220000
DTEND;TZID=America/New_York:20260215T020000
END:VEVENT
BEGIN:VEVENT
UID:patch@example.com
SUMMARY:Patch window
DTSTART;TZID=America/New_York:20260108T013000
DURATION:PT1H
RRULE:FREQ=MONTHLY;BYDAY=2TH
END:VEVENT
END:VCALENDAR
`
	ny, _ := time.LoadLocation("America/New_York")
	quarter := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, ny), time.Date(2026, 4, 1, 0, 0, 0, 0, ny))
	windows, err := ical.MaintenanceWindows(strings.NewReader(ics), quarter, ny)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range windows {
		fmt.Println(w.Span.Start.In(ny).Format("Mon 2 Jan 15:04 MST"), w.Span.Duration(), w.Summary)
	}
	// Output:
	// Sat 14 Feb 22:00 EST 4h0m0s Database upgrade
	// Thu 8 Jan 01:30 EST 1h0m0s Patch window
	// Thu 12 Feb 01:30 EST 1h0m0s Patch window
	// Thu 12 Mar 01:30 EDT 1h0m0s Patch window
}

// All-day events are holidays: each day an event covers is a day off.
func ExampleHolidays() {
	const ics = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//holidays//EN
BEGIN:VEVENT
UID:closure@example.com
SUMMARY:Year-end closure
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261227
END:VEVENT
END:VCALENDAR
`
	rules, err := ical.Holidays(strings.NewReader(ics), calendar.Date{}, calendar.Date{})
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := calendar.New(time.UTC,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(rules...))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range cal.HolidaysIn(2026) {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name)
	}
	// Output:
	// 2026-12-24 Thursday Year-end closure
	// 2026-12-25 Friday Year-end closure
	// 2026-12-26 Saturday Year-end closure
}
