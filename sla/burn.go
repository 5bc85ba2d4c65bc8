package sla

import (
	"math/big"
	"time"
)

// BurnRate returns how fast the observed ratio spends the error budget of
// t, exactly: error ratio / (1 − t). A burn rate of 1 spends the whole
// budget in exactly one SLO period. An empty observation burns at 0; with
// a 100% target any error burns at +Inf, so nothing divides by zero.
func BurnRate(observed Ratio, t Target) Rational {
	if observed.total == 0 {
		return Rational{}
	}
	errRatio := ratOf(observed.Bad(), observed.total)
	return errRatio.Quo(t.Complement().Rational())
}

// BudgetConsumed returns the share of a period's error budget spent in a
// window at a burn rate: burn × window / period, exactly. A
// non-positive window spends nothing; a non-positive period gives +Inf
// for any positive spend.
func BudgetConsumed(burn Rational, window, period time.Duration) Rational {
	return burn.Mul(RationalOf(uint64(max(window, 0)), uint64(max(period, 0))))
}

// TimeToExhaustion returns how long a burn rate takes to spend the whole
// budget of a period, period / burn, rounded down to the nanosecond and
// saturating at the largest Duration. It reports false for a zero burn,
// which never exhausts the budget; an infinite burn exhausts it at once.
func TimeToExhaustion(burn Rational, period time.Duration) (time.Duration, bool) {
	if burn.IsZero() {
		return 0, false
	}
	if burn.inf || period <= 0 {
		return 0, true
	}
	q := new(big.Int).Mul(big.NewInt(int64(period)), burn.r.Denom())
	q.Quo(q, burn.r.Num())
	if !q.IsInt64() {
		return time.Duration(1<<63 - 1), true
	}
	return time.Duration(q.Int64()), true
}

// TimeLeft returns how much more measured time the remaining budget lasts
// at a burn rate against t: Remaining / (burn × (1 − t)), rounded down to
// the nanosecond and saturating at the largest Duration. It is 0 once the
// budget is exhausted, and reports false for a zero burn, which never
// exhausts it.
func (b Budget) TimeLeft(burn Rational, t Target) (time.Duration, bool) {
	if burn.IsZero() {
		return 0, false
	}
	rem := b.Remaining()
	if rem <= 0 || burn.inf {
		return 0, true
	}
	// rem > 0 implies a non-zero allowance, so 1 − t > 0.
	rate := new(big.Rat).Mul(burn.r, t.Complement().Rational().r)
	q := new(big.Int).Mul(big.NewInt(int64(rem)), rate.Denom())
	q.Quo(q, rate.Num())
	if !q.IsInt64() {
		return time.Duration(1<<63 - 1), true
	}
	return time.Duration(q.Int64()), true
}
