package sla

import (
	"errors"
	"fmt"
)

// Errors wrapped by CreditSchedule.Validate.
var (
	// ErrEmptyTier: a tier's bounds admit no ratio.
	ErrEmptyTier = errors.New("tier admits no ratio")
	// ErrTierOverlap: two tiers admit a common ratio.
	ErrTierOverlap = errors.New("tiers overlap")
)

// Bound is one end of a credit tier: a target and whether the bound
// includes it. Build one with AtLeast, Above, Below or AtMost; the zero
// value is no bound. A plain value, safe for concurrent use.
type Bound struct {
	at        Target
	exclusive bool
	set       bool
}

// AtLeast returns the inclusive lower bound "at least t".
func AtLeast(t Target) Bound { return Bound{at: t, set: true} }

// Above returns the exclusive lower bound "above t".
func Above(t Target) Bound { return Bound{at: t, exclusive: true, set: true} }

// Below returns the exclusive upper bound "below t".
func Below(t Target) Bound { return Bound{at: t, exclusive: true, set: true} }

// AtMost returns the inclusive upper bound "at most t".
func AtMost(t Target) Bound { return Bound{at: t, set: true} }

// At returns the target of the bound, and whether the bound is set.
func (b Bound) At() (Target, bool) { return b.at, b.set }

// Exclusive reports whether the bound excludes its target.
func (b Bound) Exclusive() bool { return b.exclusive }

// CreditTier is one tier of a credit schedule: measured ratios within
// [Lower, Upper], each end inclusive or exclusive as built, earn Credit, a
// share of the bill. Lower must be built with AtLeast or Above and Upper
// with Below or AtMost; an unset bound is open-ended. A plain value, safe
// for concurrent use.
type CreditTier struct {
	Lower, Upper Bound
	Credit       Share
}

// String returns the tier in interval notation: "[99%, 99.99%) → 10%".
func (t CreditTier) String() string {
	lo, hi := t.lower(), t.upper()
	open, closeB := "[", "]"
	if lo.exclusive {
		open = "("
	}
	if hi.exclusive {
		closeB = ")"
	}
	return fmt.Sprintf("%s%v, %v%s → %v", open, lo.at, hi.at, closeB, t.Credit)
}

func (t CreditTier) lower() Bound {
	if !t.Lower.set {
		return AtLeast(Target{})
	}
	return t.Lower
}

func (t CreditTier) upper() Bound {
	if !t.Upper.set {
		return AtMost(Target{ppe: one})
	}
	return t.Upper
}

// admits reports whether the ratio whose comparison with a target is
// cmp lies within the tier.
func (t CreditTier) admits(cmp func(Target) int) bool {
	lo, hi := t.lower(), t.upper()
	c := cmp(lo.at)
	if c < 0 || c == 0 && lo.exclusive {
		return false
	}
	c = cmp(hi.at)
	return c < 0 || c == 0 && !hi.exclusive
}

// intersects reports whether some ratio lies in both tiers (or, with
// t == u, in the tier at all).
func (t CreditTier) intersects(u CreditTier) bool {
	lo := stricterLower(t.lower(), u.lower())
	hi := stricterUpper(t.upper(), u.upper())
	switch lo.at.Cmp(hi.at) {
	case -1:
		return true
	case 0:
		return !lo.exclusive && !hi.exclusive
	}
	return false
}

func stricterLower(a, b Bound) Bound {
	if c := a.at.Cmp(b.at); c > 0 || c == 0 && a.exclusive {
		return a
	}
	return b
}

func stricterUpper(a, b Bound) Bound {
	if c := a.at.Cmp(b.at); c < 0 || c == 0 && a.exclusive {
		return a
	}
	return b
}

// CreditSchedule maps a measured ratio to a credit through tiers such as
// "below 99.99% and at least 99.0% → 10%". Ratios that no tier admits
// earn no credit. A plain value, safe for concurrent use as long as Tiers
// is not modified.
type CreditSchedule struct {
	Tiers []CreditTier
}

// TierError is the error of CreditSchedule.Validate: Tier is the index of
// the tier at fault, Other the index of the earlier tier it overlaps (or
// -1), and Err is ErrEmptyTier or ErrTierOverlap. Its text names tiers
// as a contract document does, credits[i]. It is not modified after it is
// returned, so it is safe for concurrent use.
type TierError struct {
	Tier, Other int
	Err         error
	msg         string
}

func (e *TierError) Error() string { return e.msg }

// Unwrap returns Err.
func (e *TierError) Unwrap() error { return e.Err }

// Validate reports the first tier that admits no ratio (ErrEmptyTier) or
// that overlaps an earlier tier (ErrTierOverlap) as a *TierError naming
// both by index: "credits[2] [95%, 99.2%) → 25% overlaps credits[0] ...".
func (s CreditSchedule) Validate() error {
	for i, t := range s.Tiers {
		if !t.intersects(t) {
			return &TierError{Tier: i, Other: -1, Err: ErrEmptyTier,
				msg: fmt.Sprintf("sla: credits[%d] %v: %v", i, t, ErrEmptyTier)}
		}
		for j, u := range s.Tiers[:i] {
			if t.intersects(u) {
				return &TierError{Tier: i, Other: j, Err: ErrTierOverlap,
					msg: fmt.Sprintf("sla: credits[%d] %v and credits[%d] %v: %v", i, t, j, u, ErrTierOverlap)}
			}
		}
	}
	return nil
}

// Credit returns the credit owed for a measured ratio and the index of
// the tier that matched, compared exactly: a ratio exactly on a bound is
// in the tier when that bound is inclusive. When no tier matches it
// returns 0% and -1. Tiers are tried in order; the first match wins.
func (s CreditSchedule) Credit(measured Ratio) (credit Share, tier int) {
	return s.lookup(measured.cmpTarget)
}

// CreditFor is Credit for an exact Rational, such as the result of
// AverageSlices.
func (s CreditSchedule) CreditFor(measured Rational) (credit Share, tier int) {
	return s.lookup(func(t Target) int { return measured.Cmp(t.Rational()) })
}

func (s CreditSchedule) lookup(cmp func(Target) int) (Share, int) {
	for i, t := range s.Tiers {
		if t.admits(cmp) {
			return t.Credit, i
		}
	}
	return Share{}, -1
}
