package nager_test

import (
	"errors"
	"testing"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/nager"
)

// FuzzParse: no input makes Parse panic; an error is a FieldError wrapping
// ErrInvalid; holidays that parse give rules a calendar accepts.
func FuzzParse(f *testing.F) {
	f.Add([]byte(germany2026))
	f.Add([]byte(`[{"date":"2026-01-06","name":"x","global":false,"counties":["DE-BY"],"launchYear":null,"types":null}]`))
	f.Add([]byte(`[{"date":"2026-01-06","localName":"","name":""}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hs, err := nager.Parse(data)
		if err != nil {
			var fe *nager.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, nager.ErrInvalid) {
				t.Fatalf("error %v is not a FieldError wrapping ErrInvalid", err)
			}
			return
		}
		for _, s := range []nager.Select{{}, {County: "DE-BY", Local: true}} {
			rules := nager.Rules(hs, s)
			if _, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...)); err != nil {
				t.Fatalf("calendar.New: %v", err)
			}
		}
	})
}
