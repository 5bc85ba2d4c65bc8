package ical_test

import (
	"strings"
	"testing"

	"github.com/slamath/slamath/calendar/ical"
)

// BenchmarkMaintenance reads the monthly patch window over 2026 (12
// windows) and a 1 MiB file of about 7,000 events.
func BenchmarkMaintenance(b *testing.B) {
	for _, bc := range []struct{ name, ics string }{
		{"first-tuesday", calendarOf(firstTuesday + "RRULE:FREQ=MONTHLY;BYDAY=1TU")},
		{"1MiB", bigFile(1 << 20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.ics)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ical.Maintenance(strings.NewReader(bc.ics), year26, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
