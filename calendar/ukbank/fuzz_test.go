package ukbank_test

import (
	"errors"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ukbank"
)

// FuzzParse: no input makes Parse panic; an error is a FieldError wrapping
// ErrInvalid; a file that parses gives rules a calendar accepts, one per
// event.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "Boxing Day", "date": "2021-12-28", "notes": "Substitute day", "bunting": true}]}}`))
	f.Add([]byte(`{"scotland": {"events": []}, "northern-ireland": {"division": "northern-ireland"}}`))
	f.Add([]byte(`{"a": {"events": [{"title": "x", "date": "2026-02-29"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ukbank.Parse(data)
		if err != nil {
			var fe *ukbank.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ukbank.ErrInvalid) {
				t.Fatalf("error %v is not a FieldError wrapping ErrInvalid", err)
			}
			return
		}
		for d, events := range file.Divisions {
			rules, err := file.Rules(d)
			if err != nil || len(rules) != len(events) {
				t.Fatalf("Rules(%q): %d rules for %d events, %v", d, len(rules), len(events), err)
			}
			if _, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...)); err != nil {
				t.Fatalf("calendar.New: %v", err)
			}
		}
	})
}
