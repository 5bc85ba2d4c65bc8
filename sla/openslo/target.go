package openslo

import (
	"errors"
	"strings"

	"github.com/slamath/slamath/sla"
)

// maxTargetDigits bounds the plain text built from a target literal; any
// more digits could not be held by a Target anyway.
const maxTargetDigits = 64

// targetOf converts the literal of target (a ratio) or targetPercent (a
// percentage) to an exact Target. The library's ParseTarget decides
// precision: 18 fractional digits of ratio, 16 of percent; more is
// ErrPrecision, never rounded. The specification's ranges apply: a
// target lies in [0, 1) and a percentage in [0, 100).
func targetOf(lit string, n number, percent bool) (sla.Target, error) {
	text, err := n.plain(maxTargetDigits)
	if err != nil {
		return sla.Target{}, reasonFrom(ErrPrecision, err, "%s", lit)
	}
	if n.neg {
		return sla.Target{}, reason(ErrRange, "%s is negative", lit)
	}
	if percent {
		text += "%"
	}
	t, err := sla.ParseTarget(text)
	switch {
	case errors.Is(err, sla.ErrPrecision):
		return sla.Target{}, reasonFrom(ErrPrecision, err, "%s", lit)
	case errors.Is(err, sla.ErrRange):
		return sla.Target{}, reasonFrom(ErrRange, err, "%s", lit)
	case err != nil:
		return sla.Target{}, reasonFrom(ErrSyntax, err, "%s", lit)
	case t == sla.MustTarget("100%"):
		limit := "1"
		if percent {
			limit = "100"
		}
		return sla.Target{}, reason(ErrRange, "%s is not below %s; the specification's range is [0, %s)", lit, limit, limit)
	}
	return t, nil
}

// ratioText returns t as a plain ratio ("0.9995"), the form of target and
// timeSliceTarget.
func ratioText(t sla.Target) string {
	pct := strings.TrimSuffix(t.String(), "%")
	whole, frac, _ := strings.Cut(pct, ".")
	// Move the decimal point two places to the left.
	for len(whole) < 3 {
		whole = "0" + whole
	}
	digits := whole[len(whole)-2:] + frac
	whole = strings.TrimLeft(whole[:len(whole)-2], "0")
	if whole == "" {
		whole = "0"
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return whole
	}
	return whole + "." + digits
}

// percentText returns t as a plain percentage ("99.95"), the form of
// targetPercent.
func percentText(t sla.Target) string { return strings.TrimSuffix(t.String(), "%") }
