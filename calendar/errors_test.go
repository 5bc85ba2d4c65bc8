package calendar

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrorsWithoutAReason: a FieldError or ParseError with fields left
// empty, the zero one included, reads as a sentence with the package
// prefix. Before, a FieldError without Err panicked in Error and a
// ParseError{} read `calendar: invalid  "": <nil>`. Complete errors read
// as they always have.
func TestErrorsWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"zero FieldError", new(FieldError), "calendar: invalid value"},
		{"FieldError with a path", &FieldError{Path: "holidays[2].day"}, "calendar: holidays[2].day: invalid value"},
		{"FieldError with a line and a path", &FieldError{Path: "hours[0].spans[1]", Line: 3}, "calendar: line 3: hours[0].spans[1]: invalid value"},
		{"complete FieldError", &FieldError{Path: "hours[0]", Line: 2, Err: ErrOverlap}, "calendar: line 2: hours[0]: spans overlap"},
		{"FieldError wrapping a ParseError", &FieldError{Path: "holidays[0].date", Err: &ParseError{What: "date", Input: "2026-02-30", Err: ErrNoSuchDate}},
			`calendar: holidays[0].date: invalid date "2026-02-30": no such date`},

		{"zero ParseError", new(ParseError), "calendar: invalid value"},
		{"ParseError with What only", &ParseError{What: "clock"}, "calendar: invalid clock"},
		{"ParseError without Err", &ParseError{What: "clock", Input: "25:00"}, `calendar: invalid clock "25:00"`},
		{"ParseError without What", &ParseError{Input: "25:00", Err: errors.New("hour out of range")}, `calendar: invalid value "25:00": hour out of range`},
		{"complete ParseError, empty input", &ParseError{What: "span", Input: "", Err: errors.New("empty")}, `calendar: invalid span "": empty`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
