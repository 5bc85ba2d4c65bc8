package ical_test

import (
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/window"
)

// setpos64 is a BYSETPOS list of the most values a rule may have.
var setpos64 = func() string {
	var s []string
	for i := 1; i <= 32; i++ {
		s = append(s, itoa(i), "-"+itoa(i))
	}
	return strings.Join(s, ",")
}()

func itoa(i int) string {
	return strings.TrimSpace(strings.Replace(time.Duration(i).String(), "ns", "", 1))
}

// BenchmarkScanStep times rules that match no date, which make rrule-go
// scan from the rule's start to the year 9999 (374 years on the moved time
// line for a span in 2026): ns/op divided by the steps (374 × steps a
// year) is the cost of one step, which scanCost weighs. The worst lists
// are the longest BYSETPOS (which rrule-go walks per step and day) and
// BYDAY with ordinals.
func BenchmarkScanStep(b *testing.B) {
	for _, bc := range []struct{ name, rule string }{
		{"daily", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"},
		{"daily-setpos", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=" + setpos64},
		{"weekly", "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30"},
		{"weekly-setpos", "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=" + setpos64},
		{"monthly", "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30"},
		{"monthly-setpos", "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=" + setpos64},
		{"monthly-byday", "FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2;BYDAY=1MO,2MO,3MO,4MO,5MO,-1MO,-2MO,-3MO,-4MO,-5MO,1TU,2TU,3TU,4TU,5TU,-1TU,-2TU,-3TU,-4TU,-5TU,1WE,2WE,3WE,4WE,5WE,-1WE,-2WE,-3WE,-4WE,-5WE"},
		{"yearly", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"},
		{"yearly-byday", "FREQ=YEARLY;BYMONTHDAY=30;BYMONTH=2;BYDAY=1MO,2MO,3MO,4MO,5MO,-1MO,-2MO,-3MO,-4MO,-5MO,1TU,2TU,3TU,4TU,5TU,-1TU,-2TU,-3TU,-4TU,-5TU,1WE,2WE,3WE,4WE,5WE,-1WE,-2WE,-3WE,-4WE,-5WE"},
		{"yearly-setpos", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=" + setpos64},
	} {
		ics := calendarOf("DTSTART:20260101T010000Z\nDURATION:PT1H\nRRULE:" + bc.rule)
		span := window.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ical.Maintenance(strings.NewReader(ics), span, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
