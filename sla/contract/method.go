package contract

import (
	"fmt"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Method is what an availability term measures, one of the measurement
// methods of package sla.
type Method int8

const (
	// Outages measures outage intervals against the measured time
	// ([sla.CountedDown]). It is the zero value.
	Outages Method = iota
	// Events measures requests: good of all requests over the period
	// ([sla.MeasureEvents]).
	Events
	// TimeSlices measures requests by slices of the clock: good slices of
	// all slices, a slice being bad when its error rate is strictly above
	// a threshold with at least a minimum of requests
	// ([sla.MeasureTimeSlices]).
	TimeSlices
	// SliceAverage measures requests as the mean of the per-slice ratios
	// ([sla.AverageTimeSlices]).
	SliceAverage
)

var methodNames = []string{Outages: "outages", Events: "events", TimeSlices: "time-slices", SliceAverage: "slice-average"}

// String returns "outages", "events", "time-slices" or "slice-average".
func (m Method) String() string { return enumString("Method", methodNames, int(m)) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a method.
func (m Method) MarshalText() ([]byte, error) { return enumText("method", methodNames, int(m)) }

// UnmarshalText implements encoding.TextUnmarshaler: it reads the names
// String gives; anything else is an error wrapping ErrUnknownName.
func (m *Method) UnmarshalText(text []byte) error {
	i, err := enumParse("method", methodNames, string(text))
	if err == nil {
		*m = Method(i)
	}
	return err
}

// Combine says how the credits of a contract's segments make the credit
// of the period.
type Combine int8

const (
	// Largest owes the largest credit of any segment: credits of
	// different segments do not add up. It is the zero value.
	Largest Combine = iota
	// Sum owes the sum of the credits of every segment, up to the cap.
	Sum
)

var combineNames = []string{Largest: "largest", Sum: "sum"}

// String returns "largest" or "sum".
func (c Combine) String() string { return enumString("Combine", combineNames, int(c)) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a rule.
func (c Combine) MarshalText() ([]byte, error) { return enumText("combine", combineNames, int(c)) }

// UnmarshalText implements encoding.TextUnmarshaler: it reads "largest"
// or "sum"; anything else is an error wrapping ErrUnknownName.
func (c *Combine) UnmarshalText(text []byte) error {
	i, err := enumParse("combine", combineNames, string(text))
	if err == nil {
		*c = Combine(i)
	}
	return err
}

func enumString(typ string, names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", typ, i)
}

func enumText(what string, names []string, i int) ([]byte, error) {
	if i >= 0 && i < len(names) {
		return []byte(names[i]), nil
	}
	return nil, fmt.Errorf("contract: %s %d: %w", what, i, ErrRange)
}

func enumParse(what string, names []string, text string) (int, error) {
	for i, n := range names {
		if n == text {
			return i, nil
		}
	}
	return 0, fmt.Errorf("contract: %w: %s %s: want %s", ErrUnknownName, what, quote.Text(text), strings.Join(names, ", "))
}
