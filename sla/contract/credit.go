package contract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
)

// CreditPolicy says how the credits of a contract's segments make the
// credit owed for a period, and what it is in money. The zero value owes
// the largest credit of any segment, uncapped, as a share of the bill
// only. A plain value, safe for concurrent use.
type CreditPolicy struct {
	// Combine is Largest (the zero value) or Sum.
	Combine Combine
	// Cap is the most the credit of a period may be, as a share of the
	// fee: "credits never exceed 30% of the monthly fee". The zero value
	// is no cap (the whole fee).
	Cap sla.Share
	// Fee is what the customer pays for a period, to state the credit as
	// money ([Money.Times]: rounded to the nearest minor unit, halves up).
	// The zero value states credits as shares only.
	Fee Money
}

func (p CreditPolicy) validate() error {
	if p.Combine != Largest && p.Combine != Sum {
		return fieldError("credit_policy.combine", ErrRange, fmt.Sprintf("unknown rule %v", p.Combine))
	}
	if f := p.Fee; !f.IsZero() {
		if _, err := ParseMoney(f.String()); err != nil || f.Minor < 0 {
			return fieldError("credit_policy.fee", ErrRange, quote.Text(f.String())+" is not an amount of money", err)
		}
	}
	return nil
}

// cap returns the cap as an exact fraction: the Cap, or 1 without one.
func (p CreditPolicy) cap() sla.Rational {
	if p.Cap.IsZero() {
		return sla.RationalOf(1, 1)
	}
	return p.Cap.Rational()
}

// combine adds credit to the running credit acc of a period as the
// policy says, before the cap.
func (p CreditPolicy) combine(acc, credit sla.Rational) sla.Rational {
	if p.Combine == Sum {
		return acc.Add(credit)
	}
	if credit.Cmp(acc) > 0 {
		return credit
	}
	return acc
}

// capped returns credit, at most the cap.
func (p CreditPolicy) capped(credit sla.Rational) sla.Rational {
	if c := p.cap(); credit.Cmp(c) > 0 {
		return c
	}
	return credit
}

// ErrCreditGap is wrapped by the warning for a credit schedule with a
// gap below a segment's target: ratios that miss the target and that no
// tier admits, so that they earn no credit.
var ErrCreditGap = errors.New("credit schedule has a gap below the target")

// Warning is something a valid contract says that its authors likely did
// not mean, found by [Contract.Validate]. Path names the part as a
// *FieldError does ("terms[0].segments[1]"), and Err says what, wrapping
// a sentinel such as ErrCreditGap but never ErrContract: a contract with
// warnings is valid. A plain value, safe for concurrent use.
type Warning struct {
	Path string
	Err  error
}

// Error returns "contract: warning: PATH: what".
func (w Warning) Error() string { return "contract: warning: " + w.Path + ": " + cause(w.Err) }

// Unwrap returns Err.
func (w Warning) Unwrap() error { return w.Err }

// Warnings are the warnings of a contract, in the order of the document.
type Warnings []Warning

// String returns one warning a line.
func (ws Warnings) String() string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = w.Error()
	}
	return strings.Join(lines, "\n")
}

// warnings returns the warnings of a valid contract: each segment priced
// by tiers whose schedule has a gap below the segment's target.
func (c Contract) warnings() Warnings {
	var out Warnings
	for i, t := range c.Terms {
		if t.Availability == nil {
			continue
		}
		for j, s := range t.Availability.Segments {
			if s.Proportional {
				continue
			}
			credits, where := c.Credits, "credits"
			if s.Credits != nil {
				credits, where = *s.Credits, fmt.Sprintf("terms[%d].segments[%d].credits", i, j)
			}
			if len(credits.Tiers) == 0 {
				continue // no credits at all is no gap
			}
			gaps := credits.Gaps(s.Target)
			if len(gaps) == 0 {
				continue
			}
			texts := make([]string, len(gaps))
			for k, g := range gaps {
				texts[k] = g.String()
			}
			out = append(out, Warning{
				Path: fmt.Sprintf("terms[%d].segments[%d]", i, j),
				Err: fmt.Errorf("%w: below the target %v, no tier of %s admits %s: a ratio there earns no credit",
					ErrCreditGap, s.Target, where, strings.Join(texts, " or ")),
			})
		}
	}
	return out
}
