package openslo

// This file holds every use of the parts of package sla whose form may
// still change (how a Rational is built and taken apart), so that
// following such a change touches these few functions only.

import (
	"strings"

	"github.com/slamath/slamath/sla"
)

// ratOf returns a non-negative Decimal as a Rational.
func ratOf(d Decimal) sla.Rational {
	c, s := d.Parts()
	return sla.RationalOf(uint64(max(c, 0)), pow10[s])
}

// parseRational reads the exact text form of a Rational: "14.4",
// "14/15" or "+Inf".
func parseRational(s string) (sla.Rational, error) {
	var r sla.Rational
	err := r.UnmarshalText([]byte(s))
	return r, err
}

// rationalText returns the exact text form of r, which parseRational
// reads back: "14.4", "14/15" or "+Inf".
func rationalText(r sla.Rational) string { return r.String() }

// decimalOf returns r as a Decimal when it has an exact decimal form a
// Decimal holds; otherwise it returns r truncated to 18 fractional digits
// and false. It fails for +Inf and for values too large for a Decimal.
func decimalOf(r sla.Rational) (Decimal, bool, error) {
	if r.IsInf() {
		return Decimal{}, false, reason(ErrRange, "+Inf has no decimal form")
	}
	text := rationalText(r)
	if !strings.Contains(text, "/") {
		if d, err := parseDecimal(text); err == nil {
			return d, true, nil
		}
	}
	d, err := parseDecimal(r.Decimal(maxScale))
	if err != nil {
		return Decimal{}, false, err
	}
	return d, false, nil
}
