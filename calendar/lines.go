package calendar

import (
	"errors"

	"github.com/slamath/slamath/internal/jsonkey"
)

// ParseCalendar reads a JSON calendar document with [ParseSpec] and
// builds its calendar with [Spec.Calendar]. Every error is a
// [*FieldError] with the field's Path and the Line of the document on
// which the field stands — for the errors Spec.Calendar finds too, such
// as a date that does not exist or overlapping spans, which it reports
// without a line since a Spec has no document. A field the document
// leaves out is reported on the line of the object that lacks it.
func ParseCalendar(data []byte) (*Calendar, error) {
	data = jsonkey.TrimBOM(data)
	s, err := ParseSpec(data)
	if err != nil {
		return nil, err
	}
	c, err := s.Calendar()
	if err != nil {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Line == 0 {
			fe.Line = jsonkey.Line(data, fe.Path)
		}
		return nil, err
	}
	return c, nil
}
