package ical_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar/ical"
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

// TestLongParameterValues: go-ical reads a parameter value in time
// quadratic in its length, so a value longer than MaxParamValue is
// refused before it is parsed, wherever it stands: plain, quoted, folded
// over lines, or made of carriage returns. Values of MaxParamValue bytes
// still read.
func TestLongParameterValues(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	fits := strings.Repeat("9", ical.MaxParamValue)
	for _, tc := range []struct {
		name, line string
		refused    bool
	}{
		{"TZID", "DTSTART;TZID=" + long + ":20260301T010000", true},
		{"quoted", `DTSTART;TZID="` + long + `":20260301T010000`, true},
		{"a second value", "DTSTART;X-A=1," + long + ":20260301T010000Z", true},
		{"a parameter name", "DTSTART;" + long + "=1:20260301T010000Z", true},
		{"carriage returns", "DTSTART;X-A=" + strings.Repeat("\r", 2000) + ":20260301T010000Z", true},
		{"at the bound", "DTSTART;X-A=" + fits + ";X-B=\"" + fits + "\":20260301T010000Z\nDURATION:PT1H", false},
		{"a long value after the colon", "DTSTART:20260301T010000Z\nDURATION:PT1H\nSUMMARY;LANGUAGE=en:" + long, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ical.Maintenance(strings.NewReader(calendarOf(tc.line)), year26, nil)
			if !tc.refused {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ical.ErrTooLarge)
			require.ErrorContains(t, err, fmt.Sprintf("a parameter value longer than %d bytes", ical.MaxParamValue))
		})
	}
	// A line folded in the middle of a value (calendarOf would unfold it).
	folded := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=" + strings.Repeat("9", 1000) + "\r\n " +
		strings.Repeat("9", 1000) + ":20260301T010000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	_, err := ical.Maintenance(strings.NewReader(folded), year26, nil)
	require.ErrorIs(t, err, ical.ErrTooLarge, "folded")
	require.ErrorContains(t, err, "line 3: a parameter value longer than", "folded")
}
