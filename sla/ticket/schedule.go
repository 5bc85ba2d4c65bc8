package ticket

import "time"

// Schedule is the business time a clock counts in. A *calendar.Calendar
// of this module satisfies it; [WallTime] is the schedule in which every
// instant counts. The interface keeps this package free of any other.
//
// Implementations must be safe for concurrent use and must not depend on
// the Location or monotonic reading of their arguments. A clock calls
// Between only with a ≤ b and Add only with d > 0, and gives both
// methods instants in UTC. Business time never runs faster than wall
// time: Between(a, b) ≤ b − a, and a clock counts no more than b − a
// whatever Between returns.
type Schedule interface {
	// Between returns the business time in [a, b); it is negative when b
	// is before a.
	Between(a, b time.Time) time.Duration
	// Add returns the earliest u ≥ t with Between(t, u) == d, for d ≥ 0.
	Add(t time.Time, d time.Duration) time.Time
}

// WallTime is the [Schedule] in which every instant is business time:
// Between is b − a, saturating like [time.Time.Sub], and Add is t + d.
// The zero value is ready to use and safe for concurrent use.
type WallTime struct{}

// Between returns b − a, saturating at the limits of [time.Duration].
func (WallTime) Between(a, b time.Time) time.Duration { return b.Sub(a) }

// Add returns t + d.
func (WallTime) Add(t time.Time, d time.Duration) time.Time { return t.Add(d) }
