package calendar

import (
	"bytes"
	"errors"
	"fmt"

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
	c := new(Calendar)
	if err := c.decode(data); err != nil {
		return nil, err
	}
	return c, nil
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads the document
// [Calendar.MarshalJSON] writes, as [ParseCalendar] does (unknown and
// repeated keys refused, every error a [*FieldError] with its Path and
// Line, lines counted from the start of the calendar's own JSON), so
// that a calendar inside another document round-trips. JSON null leaves
// c as it is, as encoding/json does for other types.
//
// It decodes into a new value only: c must be the zero Calendar, such as
// the one encoding/json allocates for a nil *Calendar field. A built
// Calendar never changes, since other goroutines may be reading it, so
// UnmarshalJSON fails with an error wrapping [ErrInvalid] when c is not
// zero (a struct field that already holds a calendar: set it to nil
// before decoding). On any error c is left zero. Like any decoding into
// a value, it must not run while another goroutine uses c.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	if !c.IsZero() {
		return fmt.Errorf("calendar: UnmarshalJSON into a calendar already built (%v), which never changes; decode into a nil *Calendar: %w", c, ErrInvalid)
	}
	if err := c.decode(data); err != nil {
		*c = Calendar{}
		return err
	}
	return nil
}

// decode makes the zero Calendar c the calendar of the JSON document data.
func (c *Calendar) decode(data []byte) error {
	data = jsonkey.TrimBOM(data)
	s, err := ParseSpec(data)
	if err != nil {
		return err
	}
	if err := s.define(c); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Line == 0 {
			fe.Line = jsonkey.Line(data, fe.Path)
		}
		return err
	}
	return nil
}
