package ticket

import (
	"fmt"
	"time"
)

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
//
// A schedule that also has an IsZero method reporting true, such as the
// zero calendar.Calendar, is refused by the clocks with an error
// wrapping ErrClock, before any of its methods is called.
type Schedule interface {
	// Between returns the business time in [a, b); it is negative when b
	// is before a.
	Between(a, b time.Time) time.Duration
	// Add returns the earliest u ≥ t with Between(t, u) == d, for d ≥ 0.
	Add(t time.Time, d time.Duration) time.Time
}

// checkSchedule refuses a schedule that says it is the zero value of its
// type: a zero calendar.Calendar has no hours, and its methods panic.
func checkSchedule(s Schedule) error {
	if z, ok := s.(interface{ IsZero() bool }); ok && z.IsZero() {
		return fmt.Errorf("ticket: %w: the schedule %T is its type's zero value (build a calendar with calendar.New)", ErrClock, s)
	}
	return nil
}

// WallTime is the [Schedule] in which every instant is business time:
// Between is b − a, saturating like [time.Time.Sub], and Add is t + d.
// The zero value is ready to use and safe for concurrent use.
type WallTime struct{}

// Between returns b − a, saturating at the limits of [time.Duration].
func (WallTime) Between(a, b time.Time) time.Duration { return b.Sub(a) }

// Add returns t + d.
func (WallTime) Add(t time.Time, d time.Duration) time.Time { return t.Add(d) }
