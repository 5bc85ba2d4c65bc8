package ical_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/calendar/ical"
)

// TestErrorWithoutAReason: an Error with fields left empty, the zero one
// included, reads as a sentence with the package prefix and the fields
// that are set; before, Error panicked on a nil Err. A complete Error
// reads as it always has.
func TestErrorWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  *ical.Error
		want string
	}{
		{"zero", new(ical.Error), "ical: invalid value"},
		{"event and UID", &ical.Error{Event: 3, UID: "abc@example.com"}, `ical: event 3 (UID "abc@example.com"): invalid value`},
		{"property", &ical.Error{Event: 1, Property: "RRULE"}, "ical: event 1: RRULE: invalid value"},
		{"complete", &ical.Error{Event: 3, UID: "abc@example.com", Property: "RRULE", Err: ical.ErrUnbounded},
			`ical: event 3 (UID "abc@example.com"): RRULE: recurrence without end`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
