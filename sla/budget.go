package sla

import (
	"math"
	"time"
)

// Budget is an error budget in time: the down time a target allows over
// the measured time, and the down time consumed. A plain value, safe for
// concurrent use; the zero value is an empty budget with nothing consumed.
type Budget struct {
	allowed, consumed time.Duration
}

// NewBudget returns the budget of t over measured time with down time
// consumed. Negative arguments count as zero.
func NewBudget(t Target, measured, down time.Duration) Budget {
	return Budget{allowed: t.Allowance(measured), consumed: max(down, 0)}
}

// Allowed returns the down time the target allows: Target.Allowance of
// the measured time.
func (b Budget) Allowed() time.Duration { return b.allowed }

// Consumed returns the down time counted against the budget.
func (b Budget) Consumed() time.Duration { return b.consumed }

// Remaining returns Allowed − Consumed, negative when overspent.
func (b Budget) Remaining() time.Duration { return b.allowed - b.consumed }

// FractionConsumed returns Consumed / Allowed exactly: 1/2 when half the
// budget is spent, above 1 when overspent. With a zero allowance (a 100%
// target) it is 0 while nothing is consumed and +Inf after.
func (b Budget) FractionConsumed() Rational {
	return RationalOf(uint64(b.consumed), uint64(b.allowed))
}

// Exhausted reports whether no budget remains (Remaining ≤ 0): any more
// down time misses the target. A budget spent exactly to its allowance is
// exhausted but still meets the target.
func (b Budget) Exhausted() bool { return b.consumed >= b.allowed }

// Overspent reports whether more than the allowance was consumed
// (Remaining < 0), which is exactly when the target is missed.
func (b Budget) Overspent() bool { return b.consumed > b.allowed }

// EventBudget is an error budget in events: the bad events a target
// allows out of all events, and the bad events seen. A plain value, safe
// for concurrent use; the zero value is an empty budget.
type EventBudget struct {
	allowed, consumed uint64
}

// NewEventBudget returns the event budget of t for the observed events:
// Target.EventAllowance of the total is allowed, the bad events consumed.
func NewEventBudget(t Target, observed Ratio) EventBudget {
	return EventBudget{allowed: t.EventAllowance(observed.total), consumed: observed.Bad()}
}

// Allowed returns the bad events the target allows.
func (b EventBudget) Allowed() uint64 { return b.allowed }

// Consumed returns the bad events seen.
func (b EventBudget) Consumed() uint64 { return b.consumed }

// Remaining returns Allowed − Consumed, negative when overspent,
// saturating at the limits of int64.
func (b EventBudget) Remaining() int64 {
	if b.allowed >= b.consumed {
		return int64(min(b.allowed-b.consumed, math.MaxInt64))
	}
	if d := b.consumed - b.allowed; d < 1<<63 {
		return -int64(d)
	}
	return math.MinInt64
}

// FractionConsumed returns Consumed / Allowed exactly; see
// Budget.FractionConsumed.
func (b EventBudget) FractionConsumed() Rational { return RationalOf(b.consumed, b.allowed) }

// Exhausted reports whether no budget remains (Remaining ≤ 0).
func (b EventBudget) Exhausted() bool { return b.consumed >= b.allowed }

// Overspent reports whether more bad events were seen than allowed, which
// is exactly when the target is missed.
func (b EventBudget) Overspent() bool { return b.consumed > b.allowed }
