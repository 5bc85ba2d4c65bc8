package window

import "time"

// instant is a time.Time reduced to what a Set needs: seconds and
// nanoseconds since the Unix epoch. It is half the size of a time.Time,
// compares in two integer steps, and has no Location or monotonic reading
// that could change a result.
type instant struct {
	sec  int64
	nsec int32
}

func toInstant(t time.Time) instant {
	return instant{sec: t.Unix(), nsec: int32(t.Nanosecond())}
}

// time returns the instant as a time.Time in UTC.
func (a instant) time() time.Time {
	return time.Unix(a.sec, int64(a.nsec)).UTC()
}

func (a instant) before(b instant) bool {
	return a.sec < b.sec || (a.sec == b.sec && a.nsec < b.nsec)
}

func (a instant) cmp(b instant) int {
	switch {
	case a.sec < b.sec:
		return -1
	case a.sec > b.sec:
		return 1
	case a.nsec < b.nsec:
		return -1
	case a.nsec > b.nsec:
		return 1
	}
	return 0
}

func minInstant(a, b instant) instant {
	if b.before(a) {
		return b
	}
	return a
}

func maxInstant(a, b instant) instant {
	if a.before(b) {
		return b
	}
	return a
}

// sub returns b − a, saturating like time.Time.Sub.
func (b instant) sub(a instant) time.Duration {
	ds := b.sec - a.sec
	dn := int64(b.nsec) - int64(a.nsec)
	const maxSec = int64(maxDuration / time.Second)
	// Keep ds within ±maxSec so that the multiplication cannot overflow;
	// the final additions are checked for overflow as well.
	if ds > maxSec {
		return maxDuration
	}
	if ds < -maxSec {
		return minDuration
	}
	d := time.Duration(ds) * time.Second
	r := d + time.Duration(dn)
	if dn > 0 && r < d {
		return maxDuration
	}
	if dn < 0 && r > d {
		return minDuration
	}
	return r
}

const minDuration = time.Duration(-1 << 63)

// span is the internal form of a non-empty Interval.
type span struct {
	start, end instant
}

func (s span) interval() Interval {
	return Interval{Start: s.start.time(), End: s.end.time()}
}
