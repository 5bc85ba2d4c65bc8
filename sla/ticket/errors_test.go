package ticket

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrorsWithoutAReason: a FieldError or ParseError with fields left
// empty, the zero one included, reads as a sentence with the package
// prefix. Before, a FieldError without Err panicked in Error and a
// ParseError{} read `ticket: invalid  "": <nil>`. Complete errors read
// as they always have.
func TestErrorsWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"zero FieldError", new(FieldError), "ticket: invalid value"},
		{"FieldError with a path", &FieldError{Path: "warnings[0]"}, "ticket: warnings[0]: invalid value"},
		{"FieldError with a line and a path", &FieldError{Path: "priorities[1].resolve", Line: 3}, "ticket: line 3: priorities[1].resolve: invalid value"},
		{"complete FieldError", &FieldError{Path: "priorities[1].resolve", Line: 3, Err: ErrPolicy},
			"ticket: line 3: priorities[1].resolve: invalid ticket policy"},

		{"zero ParseError", new(ParseError), "ticket: invalid value"},
		{"ParseError with What only", &ParseError{What: "limit"}, "ticket: invalid limit"},
		{"ParseError without Err", &ParseError{What: "basis", Input: "weekdays"}, `ticket: invalid basis "weekdays"`},
		{"ParseError without What", &ParseError{Input: "4h", Err: errors.New("no basis")}, `ticket: invalid value "4h": no basis`},
		{"complete ParseError, empty input", &ParseError{What: "limit", Input: "", Err: ErrSyntax}, `ticket: invalid limit "": invalid syntax`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
