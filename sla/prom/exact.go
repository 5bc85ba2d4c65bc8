package prom

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
)

// This file is the one place that reads the parts of sla values: the exact
// value of a Rational and of a Target. It goes through their exact text
// forms, which the sla package promises to read back, rather than through
// accessors whose types may change. (Thresholds come from an alert rule's
// Burn, its exact burn-rate threshold, and windows from Long and Short.)

// ratOf returns the exact value of x, and false when x is +Inf.
func ratOf(x sla.Rational) (*big.Rat, bool, error) {
	text, err := x.MarshalText()
	if err != nil {
		return nil, false, fmt.Errorf("prom: rational: %w", err)
	}
	if string(text) == "+Inf" {
		return nil, false, nil
	}
	r, ok := new(big.Rat).SetString(string(text))
	if !ok {
		return nil, false, fmt.Errorf("prom: rational %s is not an exact fraction", quote.Text(string(text)))
	}
	return r, true, nil
}

// targetRat returns the exact value of t as a fraction of 1.
func targetRat(t sla.Target) *big.Rat {
	r, _, err := ratOf(t.Rational())
	if err != nil {
		// A Target is a finite decimal by construction; its Rational
		// always has an exact text form.
		panic(err)
	}
	return r
}

// literal returns the decimal literal written for a non-negative exact
// value x: its exact decimal when x has one ("0.0144", "30"), otherwise the
// shortest decimal that strconv.ParseFloat — and so Prometheus — reads as
// the float64 nearest to x (7/15000 is written 0.00046666666666666666).
// exact reports which of the two it is.
func literal(x *big.Rat) (text string, exact bool) {
	if n, ok := x.FloatPrec(); ok {
		return x.FloatString(n), true
	}
	f, _ := x.Float64() // the nearest float64, ties to even
	return strconv.FormatFloat(f, 'f', -1, 64), false
}
