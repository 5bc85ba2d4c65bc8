package jsonkey

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFieldErrorWithoutAReason: a FieldError with fields left empty, the
// zero one included (as a caller of calendar/ukbank or calendar/nager may
// make one with new), reads as a sentence. Before, Error panicked on a
// nil Err. A complete FieldError reads as it always has.
func TestFieldErrorWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  *FieldError
		want string
	}{
		{"zero", new(FieldError), "invalid value"},
		{"prefix only", &FieldError{Pkg: "ukbank"}, "ukbank: invalid value"},
		{"line and path", &FieldError{Pkg: "nager", Path: "[3].date", Line: 4}, "nager: line 4: [3].date: invalid value"},
		{"complete", &FieldError{Pkg: "ukbank", Path: "scotland.events[0].date", Line: 2, Err: fmt.Errorf("%w: key \"date\" given twice", ErrInvalid)},
			`ukbank: line 2: scotland.events[0].date: invalid document: key "date" given twice`},
		{"too large", TooLarge("nager", 10).(*FieldError), "nager: input too large: more than 10 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
