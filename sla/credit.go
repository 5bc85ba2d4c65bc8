package sla

import (
	"errors"
	"fmt"
	"slices"
)

// Errors wrapped by CreditSchedule.Validate.
var (
	// ErrEmptyTier: a tier's bounds admit no ratio.
	ErrEmptyTier = errors.New("tier admits no ratio")
	// ErrTierOverlap: two tiers admit a common ratio.
	ErrTierOverlap = errors.New("tiers overlap")
)

// LowerBound is the lower end of a credit tier or a gap: a target and
// whether the bound includes it. Build one with AtLeast or Above; the
// zero value is no bound (open-ended down to 0%). Lower and upper bounds
// are distinct types so that a tier cannot be given "below 99%" as its
// lower end, which would silently mean the opposite. A plain value, safe
// for concurrent use.
type LowerBound struct{ b bound }

// UpperBound is the upper end of a credit tier or a gap: a target and
// whether the bound includes it. Build one with Below or AtMost; the zero
// value is no bound (open-ended up to 100%). A plain value, safe for
// concurrent use.
type UpperBound struct{ b bound }

// bound is either end of a tier.
type bound struct {
	at        Target
	exclusive bool
	set       bool
}

// AtLeast returns the inclusive lower bound "at least t".
func AtLeast(t Target) LowerBound { return LowerBound{bound{at: t, set: true}} }

// Above returns the exclusive lower bound "above t".
func Above(t Target) LowerBound { return LowerBound{bound{at: t, exclusive: true, set: true}} }

// Below returns the exclusive upper bound "below t".
func Below(t Target) UpperBound { return UpperBound{bound{at: t, exclusive: true, set: true}} }

// AtMost returns the inclusive upper bound "at most t".
func AtMost(t Target) UpperBound { return UpperBound{bound{at: t, set: true}} }

// At returns the target of the bound, and whether the bound is set.
func (b LowerBound) At() (Target, bool) { return b.b.at, b.b.set }

// Exclusive reports whether the bound excludes its target (Above).
func (b LowerBound) Exclusive() bool { return b.b.exclusive }

// At returns the target of the bound, and whether the bound is set.
func (b UpperBound) At() (Target, bool) { return b.b.at, b.b.set }

// Exclusive reports whether the bound excludes its target (Below).
func (b UpperBound) Exclusive() bool { return b.b.exclusive }

// CreditTier is one tier of a credit schedule: measured ratios within
// [Lower, Upper], each end inclusive or exclusive as built, earn Credit, a
// share of the bill. Lower is built with AtLeast or Above and Upper with
// Below or AtMost (the types admit nothing else); an unset bound is
// open-ended. A plain value, safe for concurrent use.
type CreditTier struct {
	Lower  LowerBound
	Upper  UpperBound
	Credit Share
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

func (t CreditTier) lower() bound {
	if !t.Lower.b.set {
		return bound{set: true}
	}
	return t.Lower.b
}

func (t CreditTier) upper() bound {
	if !t.Upper.b.set {
		return bound{at: Target{ppe: one}, set: true}
	}
	return t.Upper.b
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

func stricterLower(a, b bound) bound {
	if c := a.at.Cmp(b.at); c > 0 || c == 0 && a.exclusive {
		return a
	}
	return b
}

func stricterUpper(a, b bound) bound {
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
//
// A TierError not made by Validate (the zero TierError, say) has no tiers
// to show: it reads "sla: invalid credit tier", followed by Err's text
// when Err is set.
type TierError struct {
	Tier, Other int
	Err         error
	msg         string
}

func (e *TierError) Error() string {
	switch {
	case e.msg != "":
		return e.msg
	case e.Err != nil:
		return "sla: invalid credit tier: " + e.Err.Error()
	}
	return "sla: invalid credit tier"
}

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

// Gap is a range of measured ratios that no tier of a credit schedule
// admits, from Lower to Upper, each inclusive or exclusive as built. A
// plain value, safe for concurrent use.
type Gap struct {
	Lower LowerBound
	Upper UpperBound
}

// String returns "exactly 99%" for a gap of one ratio, and the range in
// interval notation otherwise: "[0%, 95%)".
func (g Gap) String() string {
	lo, hi := g.Lower.b, g.Upper.b
	if lo.at == hi.at && !lo.exclusive && !hi.exclusive {
		return "exactly " + lo.at.String()
	}
	open, closeB := "[", "]"
	if lo.exclusive {
		open = "("
	}
	if hi.exclusive {
		closeB = ")"
	}
	return fmt.Sprintf("%s%v, %v%s", open, lo.at, hi.at, closeB)
}

// Gaps returns the ratios below target that no tier admits, in
// ascending order: a published schedule that owes nothing at exactly one
// boundary ("above 99%" and "below 99%") has the gap "exactly 99%", and
// one whose last tier stops at 95% has "[0%, 95%)". A ratio in a gap
// misses the target and earns no credit, so a worse month can cost less
// than a better one. It returns nil when the tiers cover every ratio
// below target. It costs O(tiers²) comparisons.
func (s CreditSchedule) Gaps(target Target) []Gap {
	// The bounds of the tiers cut [0, target) into points and the open
	// stretches between them; a tier admits a piece wholly or not at all.
	cuts := []Target{{}, target}
	for _, t := range s.Tiers {
		cuts = append(cuts, t.lower().at, t.upper().at)
	}
	slices.SortFunc(cuts, Target.Cmp)
	cuts = slices.Compact(cuts)
	var gaps []Gap
	open := false // a gap is open at the piece before
	mark := func(covered bool, lower LowerBound, upper UpperBound) {
		switch {
		case !covered && !open:
			gaps = append(gaps, Gap{Lower: lower, Upper: upper})
			open = true
		case !covered:
			gaps[len(gaps)-1].Upper = upper
		default:
			open = false
		}
	}
	for i, c := range cuts {
		if c.Cmp(target) >= 0 {
			break
		}
		mark(s.admitsPoint(c), AtLeast(c), AtMost(c))
		next := cuts[i+1] // exists: target is a cut above c
		mark(s.admitsStretch(c, next), Above(c), Below(next))
	}
	return gaps
}

// admitsPoint reports whether some tier admits the ratio v.
func (s CreditSchedule) admitsPoint(v Target) bool {
	for _, t := range s.Tiers {
		if t.admits(v.Cmp) {
			return true
		}
	}
	return false
}

// admitsStretch reports whether some tier admits every ratio in (a, b).
func (s CreditSchedule) admitsStretch(a, b Target) bool {
	for _, t := range s.Tiers {
		if t.lower().at.Cmp(a) <= 0 && t.upper().at.Cmp(b) >= 0 {
			return true
		}
	}
	return false
}
