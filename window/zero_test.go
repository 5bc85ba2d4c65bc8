package window_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/window"
)

// panicOf returns the value f panics with, or nil.
func panicOf(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// TestUnusablePeriodsPanicNamingTheMethod: the zero Periods and the
// Periods of an undefined Unit panic with a message that names the
// method called and says how to build usable Periods. Before, every
// method, Overlapping included, said "Containing on invalid periods".
func TestUnusablePeriodsPanicNamingTheMethod(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	span := window.Between(at, at.Add(time.Hour))
	const fix = ": the zero Periods (or an undefined Unit) has no periods: build one with Unit.In from Day, Week, Month, Quarter or Year"
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"zero Periods, Containing", func() { window.Periods{}.Containing(at) },
			"window: Periods.Containing" + fix},
		{"zero Periods, Overlapping", func() { window.Periods{}.Overlapping(span) },
			"window: Periods.Overlapping" + fix},
		{"zero Periods, Overlapping an empty span", func() { window.Periods{}.Overlapping(window.Interval{}) },
			"window: Periods.Overlapping" + fix},
		{"undefined Unit, Periods.Containing", func() { window.Unit(6).In(time.UTC).Containing(at) },
			"window: Periods.Containing" + fix},
		{"undefined Unit, Periods.Overlapping", func() { window.Unit(-1).In(nil).Overlapping(span) },
			"window: Periods.Overlapping" + fix},
		{"zero Unit, Unit.Containing", func() { window.Unit(0).Containing(at, time.UTC) },
			"window: Unit.Containing on Unit(0), which is not a defined Unit: use Day, Week, Month, Quarter or Year"},
		{"undefined Unit, Unit.Overlapping", func() { window.Unit(6).Overlapping(span, time.UTC) },
			"window: Unit.Overlapping on Unit(6), which is not a defined Unit: use Day, Week, Month, Quarter or Year"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := panicOf(tc.call)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("panic value (-want +got):\n%s", diff)
			}
		})
	}
}

// TestZeroParseErrorReads: a ParseError with fields left empty, the zero
// one included, reads as a sentence rather than `invalid  "": <nil>`; a
// complete one reads as it always has.
func TestZeroParseErrorReads(t *testing.T) {
	tests := []struct {
		name string
		err  *window.ParseError
		want string
	}{
		{"zero", &window.ParseError{}, "window: invalid value"},
		{"what only", &window.ParseError{What: "unit"}, "window: invalid unit"},
		{"no reason", &window.ParseError{What: "unit", Input: "fortnight"}, `window: invalid unit "fortnight"`},
		{"no what", &window.ParseError{Input: "fortnight", Err: errors.New("no such unit")}, `window: invalid value "fortnight": no such unit`},
		{"complete, empty input", &window.ParseError{What: "duration", Input: "", Err: errors.New("empty")}, `window: invalid duration "": empty`},
		{"complete", &window.ParseError{What: "unit", Input: "fortnight", Err: errors.New("want one of day, week, month, quarter, year")},
			`window: invalid unit "fortnight": want one of day, week, month, quarter, year`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
