package ical_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// bigFile returns an iCalendar file of about size bytes: timed events,
// one in eight of them recurring weekly, as an exported team calendar.
func bigFile(size int) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slamath//test//EN\r\n")
	for i := 0; b.Len() < size-300; i++ {
		day := 1 + i%28
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:event-%d@example.com\r\nSUMMARY:Database maintenance %d\r\n", i, i)
		fmt.Fprintf(&b, "DTSTART;TZID=Europe/Berlin:202603%02dT%02d0000\r\nDURATION:PT30M\r\n", day, i%24)
		if i%8 == 0 {
			b.WriteString("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=20\r\n")
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// A 1 MiB file (about 7,000 events) reads with memory bounded by a
// multiple of its size: the parser's component tree (go-ical keeps every
// property with a map of parameters) and the windows.
func TestOneMebibyteReadsInBoundedMemory(t *testing.T) {
	data := bigFile(1 << 20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	set, err := readMaintenance(data)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Greater(t, set.Len(), 100)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes for %d bytes of input; %d windows", allocated, len(data), set.Len())
	require.Less(t, allocated, uint64(40*len(data)), "bytes allocated")
}
