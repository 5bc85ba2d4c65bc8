package holidayfile_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/holidayfile"
)

// FuzzRead: no input makes Read panic or hang, whichever format it
// looks like.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"bank-holidays.json", "england-and-wales.ics"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`[{"date":"2026-01-01","name":"x","global":true}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, o := range []holidayfile.Options{
			{Division: "england-and-wales"},
			{First: calendar.Date{Year: 2026, Month: 1, Day: 1}, Last: calendar.Date{Year: 2026, Month: 12, Day: 31}},
		} {
			rules, format, err := holidayfile.Read(bytes.NewReader(data), o)
			if err == nil && format == holidayfile.Unknown {
				t.Fatalf("rules %v read from an unknown format", rules)
			}
		}
	})
}
