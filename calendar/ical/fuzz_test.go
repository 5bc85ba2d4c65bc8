package ical_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/window"
)

var fuzzSeeds = []string{
	calendarOf(firstTuesday + "RRULE:FREQ=MONTHLY;BYDAY=1TU\nEXDATE;TZID=Europe/Berlin:20261006T013000"),
	calendarOf("DTSTART;TZID=America/New_York:20260307T023000\nDURATION:P1DT2H\nRRULE:FREQ=DAILY;INTERVAL=3;COUNT=40"),
	calendarOf("UID:a\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261227\nSUMMARY:Closed", "UID:b\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY;UNTIL=20300101"),
	calendarOf("UID:m\nDTSTART:20260101T000000Z\nDTEND:20260101T010000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO,FR;WKST=SU", "UID:m\nRECURRENCE-ID:20260105T000000Z\nDTSTART:20260106T000000Z\nDURATION:PT2H"),
	calendarOf("DTSTART:20260101T000000Z\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;BYDAY=SA,SU;BYSETPOS=-1"),
}

// fuzzChecks runs both readers on data: no input makes them panic or
// hang; an error is an *ical.Error; windows lie in the span asked for.
func fuzzChecks(t *testing.T, data []byte) {
	span := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	set, err := ical.Maintenance(bytes.NewReader(data), span, berlin)
	var ie *ical.Error
	if err != nil && !errors.As(err, &ie) {
		t.Fatalf("Maintenance: error %v is not an *ical.Error", err)
	}
	if err == nil && !set.Intersect(window.NewSet(span)).Equal(set) {
		t.Fatalf("windows %v outside the span %v", set, span)
	}
	rules, err := ical.Holidays(bytes.NewReader(data), calendar.Date{Year: 2026, Month: 1, Day: 1}, calendar.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil && !errors.As(err, &ie) {
		t.Fatalf("Holidays: error %v is not an *ical.Error", err)
	}
	if err == nil {
		// A file may hold more names than a calendar takes rules
		// (calendar.MaxHolidays); one that it takes answers look-ups.
		if cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...)); err == nil {
			cal.HolidaysIn(2026)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(fuzzChecks)
}
