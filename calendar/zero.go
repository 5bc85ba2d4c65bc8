package calendar

import "fmt"

// errZero is the panic value of the methods of a zero Calendar.
var errZero = fmt.Errorf("calendar: %w", ErrZeroCalendar)

// IsZero reports whether c is the zero Calendar, a Calendar{} or
// new(Calendar) that no constructor built: the one value on which every
// other query panics (see [Calendar]). A package that takes a calendar
// and returns an error can check it and return an error wrapping
// [ErrZeroCalendar] instead. A nil *Calendar counts as zero too.
func (c *Calendar) IsZero() bool { return c == nil || c.loc == nil }

// mustBeBuilt panics with errZero when c is the zero Calendar. It is a
// load and a branch, so that the queries keep their cost; without it a
// zero Calendar, whose week has no open time, would loop or divide by
// zero.
func (c *Calendar) mustBeBuilt() {
	if c.loc == nil {
		panicZero()
	}
}

// panicZero is kept out of line so that mustBeBuilt stays small enough to
// inline.
//
//go:noinline
func panicZero() { panic(errZero) }
