package ical_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/window"
)

func TestFloatingTimesAreReadInTheGivenLocation(t *testing.T) {
	ics := calendarOf("DTSTART:20260310T220000\nDTEND:20260310T230000")
	span := window.Between(utc(2026, 3, 1, 0, 0), utc(2026, 4, 1, 0, 0))
	// 22:00 in New York on 10 March 2026 (EDT, UTC-4) is 02:00 UTC on 11 March.
	require.Equal(t, []window.Interval{window.Between(utc(2026, 3, 11, 2, 0), utc(2026, 3, 11, 3, 0))}, windows(t, ics, span, newYork))
	// Without a location, UTC.
	require.Equal(t, []window.Interval{window.Between(utc(2026, 3, 10, 22, 0), utc(2026, 3, 10, 23, 0))}, windows(t, ics, span, nil))
}

func TestEventsThatAreNotWindows(t *testing.T) {
	ics := calendarOf(
		"UID:a\nDTSTART;VALUE=DATE:20260310\nSUMMARY:All day",                            // a holiday, not a window
		"UID:b\nDTSTART:20260311T010000Z\nDTEND:20260311T020000Z\nSTATUS:CANCELLED",      // cancelled
		"UID:c\nDTSTART:20260312T010000Z",                                                // no end: an empty window
		"UID:d\nDTSTART:20260313T010000Z\nDTEND:20260313T020000Z\nSUMMARY:Kept, escaped", // the one window
	)
	span := window.Between(utc(2026, 3, 1, 0, 0), utc(2026, 4, 1, 0, 0))
	require.Equal(t, []window.Interval{window.Between(utc(2026, 3, 13, 1, 0), utc(2026, 3, 13, 2, 0))}, windows(t, ics, span, nil))
}

// An event with a RECURRENCE-ID replaces one occurrence of the recurring
// event with its UID (RFC 5545, 3.8.4.4): the April window moves a day.
func TestRecurrenceIDMovesOneOccurrence(t *testing.T) {
	ics := calendarOf(
		firstTuesday+"RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=12",
		"UID:patch-window@example.com\nRECURRENCE-ID;TZID=Europe/Berlin:20260407T013000\nDTSTART;TZID=Europe/Berlin:20260408T013000\nDTEND;TZID=Europe/Berlin:20260408T023000",
	)
	want := append([]window.Interval{}, firstTuesdays2026...)
	want[3] = window.Between(utc(2026, 4, 7, 23, 30), utc(2026, 4, 8, 0, 30))
	if diff := cmp.Diff(want, windows(t, ics, year26, nil)); diff != "" {
		t.Errorf("windows (-want +got):\n%s", diff)
	}
}

func TestRDATEAddsOccurrences(t *testing.T) {
	ics := calendarOf(firstTuesday + "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=2\nRDATE;TZID=Europe/Berlin:20260610T013000,20260710T013000")
	want := []window.Interval{
		firstTuesdays2026[0], firstTuesdays2026[1],
		window.Between(utc(2026, 6, 9, 23, 30), utc(2026, 6, 10, 0, 30)),
		window.Between(utc(2026, 7, 9, 23, 30), utc(2026, 7, 10, 0, 30)),
	}
	require.Equal(t, want, windows(t, ics, year26, nil))
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, ics string
		sentinel  error
		message   string
	}{
		{"not iCalendar", "hello", ical.ErrInvalid, "ical: invalid iCalendar: "},
		{"empty", "", ical.ErrInvalid, "ical: invalid iCalendar: no VCALENDAR"},
		// A file cut short used to be "no VCALENDAR", or, after a whole
		// calendar, no error at all and the windows of the rest lost.
		{"unclosed", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", ical.ErrInvalid, "ical: invalid iCalendar: VCALENDAR 1 has no END:VCALENDAR"},
		{"unclosed, lower case", "begin:vcalendar\nVERSION:2.0\n", ical.ErrInvalid, "VCALENDAR 1 has no END:VCALENDAR"},
		{"unclosed, folded", "BEGIN:VCAL\r\n ENDAR\r\nVERSION:2.0\r\n", ical.ErrInvalid, "VCALENDAR 1 has no END:VCALENDAR"},
		{"nested", "BEGIN:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:n\r\nDTSTART:20260302T010000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n", ical.ErrInvalid, "VCALENDAR 1 holds a VCALENDAR"},
		{"unclosed inside an event", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260302T010000Z\r\n", ical.ErrInvalid, `VCALENDAR 1 has no END:VCALENDAR: the file ends inside "VEVENT"`},
		{"unclosed after a whole one", calendarOf("DTSTART:20260301T010000Z") + "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260302T010000Z\r\n", ical.ErrInvalid, "VCALENDAR 2 has no END:VCALENDAR"},
		{"no DTSTART", calendarOf("UID:x\nSUMMARY:s"), ical.ErrInvalid, `ical: event 1 (UID "x"): DTSTART: invalid iCalendar: an event needs a DTSTART`},
		{"bad DTSTART", calendarOf("DTSTART:2026-03-01T01:00:00Z"), ical.ErrInvalid, `ical: event 1: DTSTART: invalid iCalendar: "2026-03-01T01:00:00Z" is not a DATE-TIME (YYYYMMDDTHHMMSS, Z for UTC)`},
		{"31 April", calendarOf("DTSTART:20260431T010000Z"), ical.ErrInvalid, "not a DATE-TIME"},
		{"DTEND before DTSTART", calendarOf("DTSTART:20260301T010000Z\nDTEND:20260301T000000Z"), ical.ErrInvalid, "DTEND: invalid iCalendar: DTEND is before DTSTART"},
		{"DTEND and DURATION", calendarOf("DTSTART:20260301T010000Z\nDTEND:20260301T020000Z\nDURATION:PT1H"), ical.ErrInvalid, "DTEND and DURATION together"},
		{"negative DURATION", calendarOf("DTSTART:20260301T010000Z\nDURATION:-PT1H"), ical.ErrInvalid, "DURATION: invalid iCalendar"},
		{"unknown zone", calendarOf("DTSTART;TZID=W. Europe Standard Time:20260301T010000\nDURATION:PT1H"), ical.ErrUnsupported, `TZID "W. Europe Standard Time" is not an IANA zone name`},
		{"Local", calendarOf("DTSTART;TZID=Local:20260301T010000\nDURATION:PT1H"), ical.ErrUnsupported, `TZID "Local"`},
		{"HOURLY", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=HOURLY"), ical.ErrUnsupported, `RRULE: not supported: FREQ="HOURLY"`},
		{"BYHOUR", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;BYHOUR=3"), ical.ErrUnsupported, `rule part "BYHOUR"`},
		{"COUNT and UNTIL", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;COUNT=3;UNTIL=20260401T000000Z"), ical.ErrInvalid, "COUNT and UNTIL together"},
		{"no FREQ", calendarOf("DTSTART:20260301T010000Z\nRRULE:COUNT=3"), ical.ErrInvalid, "no FREQ"},
		{"FREQ twice", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;FREQ=WEEKLY"), ical.ErrInvalid, `"FREQ" given twice`},
		{"two RRULEs", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY"), ical.ErrInvalid, "RRULE: invalid iCalendar: given 2 times"},
		{"6th Tuesday", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=MONTHLY;BYDAY=6TU"), ical.ErrInvalid, "at most five"},
		{"ordinal with WEEKLY", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=WEEKLY;BYDAY=1TU"), ical.ErrInvalid, "needs FREQ=MONTHLY or YEARLY"},
		{"BYMONTHDAY 32", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=32"), ical.ErrInvalid, `BYMONTHDAY value "32" out of range`},
		{"INTERVAL 0", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;INTERVAL=0"), ical.ErrInvalid, `INTERVAL="0"`},
		{"UNTIL a date for a time", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;UNTIL=20260401"), ical.ErrInvalid, "UNTIL must be a DATE when DTSTART is one"},
		{"BYSETPOS alone", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=MONTHLY;BYSETPOS=1"), ical.ErrInvalid, "BYSETPOS without another"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ical.Maintenance(strings.NewReader(tc.ics), year26, nil)
			require.ErrorIs(t, err, tc.sentinel)
			require.ErrorContains(t, err, tc.message)
			var ie *ical.Error
			require.True(t, errors.As(err, &ie))
		})
	}
}

func TestBounds(t *testing.T) {
	// A rule that matches no date makes rrule-go scan to the year 9999; one
	// such rule is charged and read, with DTSTART as its only occurrence.
	never := "DTSTART:20260101T010000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"
	require.Equal(t, []window.Interval{window.Between(utc(2026, 1, 1, 1, 0), utc(2026, 1, 1, 2, 0))}, windows(t, calendarOf(never), year26, nil))
	// Enough of them exceed MaxScan, before any is scanned.
	many := make([]string, 200)
	for i := range many {
		many[i] = never
	}
	_, err := ical.Maintenance(strings.NewReader(calendarOf(many...)), year26, nil)
	require.ErrorIs(t, err, ical.ErrLimit)
	// The same number of ordinary monthly rules is well inside the bound.
	monthly := make([]string, 200)
	for i := range monthly {
		monthly[i] = firstTuesday + "RRULE:FREQ=MONTHLY;BYDAY=1TU"
	}
	require.Len(t, windows(t, calendarOf(monthly...), year26, nil), 12)
	// A daily rule from 1900 produces more occurrences before 2026 than
	// MaxOccurrences allows over a few hundred rules... one is fine:
	old := "DTSTART:19000101T010000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=90000"
	require.Len(t, windows(t, calendarOf(old), window.Between(utc(2026, 1, 1, 0, 0), utc(2026, 1, 8, 0, 0)), nil), 7)
	// ...two are not: 2 × 46,000 occurrences up to 2026 and more.
	_, err = ical.Maintenance(strings.NewReader(calendarOf(old, old, old)), year26, nil)
	require.ErrorIs(t, err, ical.ErrLimit)
	// An empty span is an error.
	_, err = ical.Maintenance(strings.NewReader(calendarOf(old)), window.Interval{}, nil)
	require.ErrorIs(t, err, ical.ErrInvalid)
	// So is a file over MaxSize.
	_, err = ical.Maintenance(strings.NewReader(strings.Repeat("X", ical.MaxSize+1)), year26, nil)
	require.ErrorIs(t, err, ical.ErrTooLarge)
}

func TestHolidays(t *testing.T) {
	ics := calendarOf(
		"UID:xmas\nSUMMARY:Christmas\\, closed\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261227",
		"UID:new-year\nSUMMARY:New Year\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY",
		"UID:meeting\nSUMMARY:Not a holiday\nDTSTART:20261201T090000Z\nDURATION:PT1H",
		"UID:gone\nSUMMARY:Cancelled\nDTSTART;VALUE=DATE:20261201\nSTATUS:CANCELLED",
		"UID:untitled\nDTSTART;VALUE=DATE:20261130",
	)
	rules, err := ical.Holidays(strings.NewReader(ics), calendar.Date{Year: 2026, Month: 1, Day: 1}, calendar.Date{Year: 2027, Month: 1, Day: 1})
	require.NoError(t, err)
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
	require.NoError(t, err)
	var got []string
	for _, y := range []int{2025, 2026, 2027, 2028} {
		for _, h := range cal.HolidaysIn(y) {
			got = append(got, h.Date.String()+" "+h.Name)
		}
	}
	want := []string{
		"2026-01-01 New Year", "2026-11-30 Holiday",
		"2026-12-24 Christmas, closed", "2026-12-25 Christmas, closed", "2026-12-26 Christmas, closed",
		"2027-01-01 New Year",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	_, err = ical.Holidays(strings.NewReader(ics), calendar.Date{}, calendar.Date{})
	require.ErrorIs(t, err, ical.ErrUnbounded)
	require.ErrorContains(t, err, `ical: event 2 (UID "new-year"): RRULE: recurrence without end`)
	_, err = ical.Holidays(strings.NewReader(ics), calendar.Date{Year: 2027, Month: 1, Day: 1}, calendar.Date{Year: 2026, Month: 1, Day: 1})
	require.ErrorIs(t, err, ical.ErrInvalid)
}

func ExampleError() {
	_, err := ical.Maintenance(strings.NewReader(calendarOf("UID:w1\nDTSTART:20260301T010000Z\nRRULE:FREQ=HOURLY")), year26, nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ical.ErrUnsupported))
	// Output:
	// ical: event 1 (UID "w1"): RRULE: not supported: FREQ="HOURLY" (only DAILY, WEEKLY, MONTHLY and YEARLY are read)
	// true
}

// TestErrorsQuoteAPrefix: a 1 MiB value in a file gives an error that
// quotes a short prefix of it (at most 95 bytes a text), or cuts the
// parser's own message to 200 bytes: under 200 bytes for one cut text,
// 300 for two or for the parser's message. Parameter values (VALUE=,
// TZID=) are MaxParamValue bytes, the longest the package reads.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	param := strings.Repeat("9", ical.MaxParamValue)
	for _, tc := range []struct {
		name, ics string
		most      int
	}{
		{"DTSTART", calendarOf("DTSTART:" + long), 200},
		{"DTSTART date", calendarOf("DTSTART;VALUE=DATE:" + long), 200},
		{"VALUE", calendarOf("DTSTART;VALUE=" + param + ":20260301T010000Z"), 200},
		{"TZID", calendarOf("DTSTART;TZID=" + param + ":20260301T010000"), 220}, // a long reason
		{"DURATION", calendarOf("DTSTART:20260301T010000Z\nDURATION:P" + long), 200},
		{"UID", calendarOf("UID:" + long + "\nDTSTART:" + long), 300},
		{"FREQ", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=" + long), 200},
		{"rule part", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;" + long), 200},
		{"rule part name", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;X" + long + "=1"), 200},
		{"rule part twice", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;X" + long + "=1;X" + long + "=1"), 200},
		{"INTERVAL", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=DAILY;INTERVAL=" + long), 200},
		{"BYMONTHDAY", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=" + long), 200},
		{"BYDAY", calendarOf("DTSTART:20260301T010000Z\nRRULE:FREQ=MONTHLY;BYDAY=" + long + "MO"), 200},
		{"END of another component", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:" + long + "\r\nEND:VCALENDAR\r\n", 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ical.Maintenance(strings.NewReader(tc.ics), year26, nil)
			require.Error(t, err)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, tc.most, err)
			}
		})
	}
}

// TestByteOrderMark: a file that starts with a UTF-8 byte order mark, as
// files saved by editors on Windows often do, was refused (`expected
// BEGIN property, got "\ufeffBEGIN"`). Every reader skips the mark.
func TestByteOrderMark(t *testing.T) {
	ics := calendarOf(firstTuesday+"RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=12", "UID:h\nDTSTART;VALUE=DATE:20261225\nSUMMARY:Christmas Day")
	bom := "\ufeff" + ics
	set, err := ical.Maintenance(strings.NewReader(bom), year26, nil)
	require.NoError(t, err)
	require.Equal(t, firstTuesdays2026, set.Intervals())
	ws, err := ical.MaintenanceWindows(strings.NewReader(bom), year26, nil)
	require.NoError(t, err)
	require.Len(t, ws, len(firstTuesdays2026))
	rules, err := ical.Holidays(strings.NewReader(bom), calendar.Date{Year: 2026, Month: 1, Day: 1}, calendar.Date{Year: 2026, Month: 12, Day: 31})
	require.NoError(t, err)
	require.Len(t, rules, 1)
}
