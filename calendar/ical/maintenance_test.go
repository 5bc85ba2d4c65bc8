package ical_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/window"
)

func zone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

var (
	berlin  = zone("Europe/Berlin")
	newYork = zone("America/New_York")
	year26  = window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, berlin), time.Date(2027, 1, 1, 0, 0, 0, 0, berlin))
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// calendarOf wraps VEVENT lines in a VCALENDAR with CRLF line ends.
func calendarOf(events ...string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slamath//test//EN\r\n")
	for _, e := range events {
		b.WriteString("BEGIN:VEVENT\r\n")
		for _, line := range strings.Split(strings.TrimSpace(e), "\n") {
			b.WriteString(strings.TrimSpace(line) + "\r\n")
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

func windows(t *testing.T, ics string, span window.Interval, floating *time.Location) []window.Interval {
	t.Helper()
	set, err := ical.Maintenance(strings.NewReader(ics), span, floating)
	require.NoError(t, err)
	return set.Intervals()
}

const firstTuesday = `
UID:patch-window@example.com
SUMMARY:Patch window
DTSTART;TZID=Europe/Berlin:20260106T013000
DTEND;TZID=Europe/Berlin:20260106T023000
`

// firstTuesdays2026 are the windows "first Tuesday of the month, 01:30 to
// 02:30 Europe/Berlin" of 2026, derived by hand. 1 January 2026 is a
// Thursday; each month starts (days of the month before, mod 7) later:
// February on a Sunday (+3), March on a Sunday (+0), April on a Wednesday
// (+3), May on a Friday (+2), June on a Monday (+3), July on a Wednesday
// (+2), August on a Saturday (+3), September on a Tuesday (+3), October on
// a Thursday (+2), November on a Sunday (+3), December on a Tuesday (+2).
// So the first Tuesdays are 6 January, 3 February, 3 March, 7 April, 5
// May, 2 June, 7 July, 4 August, 1 September, 6 October, 3 November and 1
// December. Berlin keeps CET (UTC+1) until 29 March 2026 01:00 UTC and
// from 25 October 2026 01:00 UTC, and CEST (UTC+2) between (EU summer
// time: the last Sundays of March and October, at 01:00 UTC). 01:30 CET is
// 00:30 UTC; 01:30 CEST is 23:30 UTC the day before.
var firstTuesdays2026 = []window.Interval{
	window.Between(utc(2026, 1, 6, 0, 30), utc(2026, 1, 6, 1, 30)),
	window.Between(utc(2026, 2, 3, 0, 30), utc(2026, 2, 3, 1, 30)),
	window.Between(utc(2026, 3, 3, 0, 30), utc(2026, 3, 3, 1, 30)),
	// After the change of 29 March: CEST.
	window.Between(utc(2026, 4, 6, 23, 30), utc(2026, 4, 7, 0, 30)),
	window.Between(utc(2026, 5, 4, 23, 30), utc(2026, 5, 5, 0, 30)),
	window.Between(utc(2026, 6, 1, 23, 30), utc(2026, 6, 2, 0, 30)),
	window.Between(utc(2026, 7, 6, 23, 30), utc(2026, 7, 7, 0, 30)),
	window.Between(utc(2026, 8, 3, 23, 30), utc(2026, 8, 4, 0, 30)),
	window.Between(utc(2026, 8, 31, 23, 30), utc(2026, 9, 1, 0, 30)),
	window.Between(utc(2026, 10, 5, 23, 30), utc(2026, 10, 6, 0, 30)),
	// After the change of 25 October: CET again.
	window.Between(utc(2026, 11, 3, 0, 30), utc(2026, 11, 3, 1, 30)),
	window.Between(utc(2026, 12, 1, 0, 30), utc(2026, 12, 1, 1, 30)),
}

func TestFirstTuesdayOfTheMonth(t *testing.T) {
	for _, tc := range []struct {
		name, rule string
		exdate     string
		want       []window.Interval
	}{
		{"BYDAY with an ordinal, COUNT", "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=12", "", firstTuesdays2026},
		{"BYDAY and BYSETPOS, UNTIL", "RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;UNTIL=20261231T230000Z", "", firstTuesdays2026},
		{"BYMONTHDAY 1-7 and BYDAY", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=TU;COUNT=12", "", firstTuesdays2026},
		{"neither COUNT nor UNTIL: bounded by the span", "RRULE:FREQ=MONTHLY;BYDAY=1TU", "", firstTuesdays2026},
		{"yearly by month", "RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=1TU", "", firstTuesdays2026},
		{
			"EXDATE removes the October window", "RRULE:FREQ=MONTHLY;BYDAY=1TU",
			"EXDATE;TZID=Europe/Berlin:20261006T013000",
			append(append([]window.Interval{}, firstTuesdays2026[:9]...), firstTuesdays2026[10:]...),
		},
		{
			"EXDATE in UTC, a list", "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=12",
			"EXDATE:20260106T003000Z,20261201T003000Z",
			firstTuesdays2026[1:11],
		},
		{
			// COUNT counts the excluded occurrence: 3 occurrences, one removed.
			"COUNT before EXDATE", "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=3",
			"EXDATE;TZID=Europe/Berlin:20260203T013000",
			[]window.Interval{firstTuesdays2026[0], firstTuesdays2026[2]},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := windows(t, calendarOf(firstTuesday+tc.rule+"\n"+tc.exdate), year26, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("windows (-want +got):\n%s", diff)
			}
		})
	}
}

// A rule with neither COUNT nor UNTIL ends with the span: the same rule
// over the first quarter gives three windows, over ten years 120.
func TestUnboundedRuleEndsWithTheSpan(t *testing.T) {
	ics := calendarOf(firstTuesday + "RRULE:FREQ=MONTHLY;BYDAY=1TU")
	q1 := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, berlin), time.Date(2026, 4, 1, 0, 0, 0, 0, berlin))
	require.Equal(t, firstTuesdays2026[:3], windows(t, ics, q1, nil))
	decade := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, berlin), time.Date(2036, 1, 1, 0, 0, 0, 0, berlin))
	require.Len(t, windows(t, ics, decade, nil), 120)
	// A window that starts before the span and ends inside it is clipped.
	mid := window.Between(utc(2026, 1, 6, 1, 0), utc(2026, 2, 1, 0, 0))
	require.Equal(t, []window.Interval{window.Between(utc(2026, 1, 6, 1, 0), utc(2026, 1, 6, 1, 30))}, windows(t, ics, mid, nil))
}

// RFC 5545, 3.3.5: a local time that does not occur is read with the UTC
// offset before the change; one that occurs twice is its first
// occurrence. Go's time.Date, which rrule-go uses, leaves both open; as
// implemented it reads Berlin's repeated 02:30 as the second occurrence,
// and New York's missing 02:30 with the offset after the change. The
// package expands rules on wall clocks and resolves them by the RFC.
func TestDaylightSavingTime(t *testing.T) {
	// What the library does, for the record: the cases the package fixes.
	require.Equal(t, utc(2026, 10, 25, 1, 30), time.Date(2026, 10, 25, 2, 30, 0, 0, berlin).UTC(), "time.Date: Berlin's 02:30 on 25 October, second occurrence")
	require.Equal(t, utc(2026, 3, 8, 6, 30), time.Date(2026, 3, 8, 2, 30, 0, 0, newYork).UTC(), "time.Date: New York's 02:30 on 8 March, offset after the gap")

	for _, tc := range []struct {
		name  string
		event string
		span  window.Interval
		want  []window.Interval
	}{
		{
			// 29 March 2026: Berlin goes from 02:00 CET to 03:00 CEST. 02:30
			// does not occur; with the offset before (+1) it is 01:30 UTC.
			// 28 March: 02:30 CET = 01:30 UTC; 30 March: 02:30 CEST = 00:30 UTC.
			"Berlin spring gap",
			"DTSTART;TZID=Europe/Berlin:20260328T023000\nDURATION:PT15M\nRRULE:FREQ=DAILY;COUNT=3",
			window.Between(utc(2026, 3, 27, 0, 0), utc(2026, 4, 1, 0, 0)),
			[]window.Interval{
				window.Between(utc(2026, 3, 28, 1, 30), utc(2026, 3, 28, 1, 45)),
				window.Between(utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 1, 45)),
				window.Between(utc(2026, 3, 30, 0, 30), utc(2026, 3, 30, 0, 45)),
			},
		},
		{
			// 25 October 2026: Berlin goes from 03:00 CEST back to 02:00 CET.
			// 02:30 occurs at 00:30 UTC (CEST) and 01:30 UTC (CET); the first.
			"Berlin autumn overlap",
			"DTSTART;TZID=Europe/Berlin:20261024T023000\nDURATION:PT15M\nRRULE:FREQ=DAILY;COUNT=3",
			window.Between(utc(2026, 10, 23, 0, 0), utc(2026, 10, 28, 0, 0)),
			[]window.Interval{
				window.Between(utc(2026, 10, 24, 0, 30), utc(2026, 10, 24, 0, 45)),
				window.Between(utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 0, 45)),
				window.Between(utc(2026, 10, 26, 1, 30), utc(2026, 10, 26, 1, 45)),
			},
		},
		{
			// 8 March 2026: New York goes from 02:00 EST to 03:00 EDT. 02:30
			// with the offset before (-5) is 07:30 UTC (03:30 EDT).
			"New York spring gap",
			"DTSTART;TZID=America/New_York:20260307T023000\nDTEND;TZID=America/New_York:20260307T030000\nRRULE:FREQ=DAILY;COUNT=3",
			window.Between(utc(2026, 3, 7, 0, 0), utc(2026, 3, 10, 0, 0)),
			[]window.Interval{
				window.Between(utc(2026, 3, 7, 7, 30), utc(2026, 3, 7, 8, 0)),
				window.Between(utc(2026, 3, 8, 7, 30), utc(2026, 3, 8, 8, 0)),
				window.Between(utc(2026, 3, 9, 6, 30), utc(2026, 3, 9, 7, 0)),
			},
		},
		{
			// 1 November 2026: New York goes from 02:00 EDT back to 01:00 EST.
			// 01:30 occurs at 05:30 UTC (EDT) and 06:30 UTC (EST); the first.
			"New York autumn overlap",
			"DTSTART;TZID=America/New_York:20261031T013000\nDURATION:PT10M\nRRULE:FREQ=DAILY;COUNT=3",
			window.Between(utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0)),
			[]window.Interval{
				window.Between(utc(2026, 10, 31, 5, 30), utc(2026, 10, 31, 5, 40)),
				window.Between(utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 5, 40)),
				window.Between(utc(2026, 11, 2, 6, 30), utc(2026, 11, 2, 6, 40)),
			},
		},
		{
			// DURATION:P1D is a wall-clock day (RFC 5545, 3.3.6): from 12:00
			// CET on 28 March (11:00 UTC) to 12:00 CEST on 29 March (10:00 UTC),
			// 23 hours.
			"a nominal day across the change",
			"DTSTART;TZID=Europe/Berlin:20260328T120000\nDURATION:P1D",
			window.Between(utc(2026, 3, 27, 0, 0), utc(2026, 4, 1, 0, 0)),
			[]window.Interval{window.Between(utc(2026, 3, 28, 11, 0), utc(2026, 3, 29, 10, 0))},
		},
		{
			// DTEND gives every occurrence the exact length of the first (RFC
			// 5545, 3.8.5.3): from 12:00 CET on 28 March (11:00 UTC) to 12:00
			// CEST on 29 March (10:00 UTC) is 23 hours, so the next
			// occurrence, from 12:00 CEST on 30 March (10:00 UTC), lasts 23
			// hours too, to 09:00 UTC on 31 March (11:00 CEST, not 12:00).
			"DTEND is an exact length",
			"DTSTART;TZID=Europe/Berlin:20260328T120000\nDTEND;TZID=Europe/Berlin:20260329T120000\nRRULE:FREQ=DAILY;INTERVAL=2;COUNT=2",
			window.Between(utc(2026, 3, 27, 0, 0), utc(2026, 4, 1, 0, 0)),
			[]window.Interval{
				window.Between(utc(2026, 3, 28, 11, 0), utc(2026, 3, 29, 10, 0)),
				window.Between(utc(2026, 3, 30, 10, 0), utc(2026, 3, 31, 9, 0)),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := windows(t, calendarOf(tc.event), tc.span, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("windows (-want +got):\n%s", diff)
			}
		})
	}
}

func readMaintenance(ics string) (window.Set, error) {
	return ical.Maintenance(strings.NewReader(ics), year26, nil)
}
