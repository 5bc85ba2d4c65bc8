package sla

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/wide"
)

// ErrGoodAboveTotal is wrapped by the error for a ratio whose good count
// exceeds its total.
var ErrGoodAboveTotal = errors.New("good exceeds total")

// Ratio is an exact measured fraction good/total, held as two integers:
// good events out of all events, or available time out of measured time
// in nanoseconds.
//
// A Ratio with a total of zero measured nothing ("no measured time"). It
// counts as fully available: it meets every target, prints as 100% and
// burns no budget. Nothing divides by its zero total.
//
// The zero value is that empty ratio. Ratio is a plain value, safe for
// concurrent use. == compares the two integers, so 1/2 and 2/4 differ;
// use Ratio.Cmp to compare values.
type Ratio struct {
	good, total uint64
}

// NewRatio returns the ratio good/total. It is the events measurement
// method: good events out of all events. It fails, wrapping
// ErrGoodAboveTotal, when good > total.
func NewRatio(good, total uint64) (Ratio, error) {
	if good > total {
		return Ratio{}, fmt.Errorf("sla: ratio %d/%d: %w", good, total, ErrGoodAboveTotal)
	}
	return Ratio{good: good, total: total}, nil
}

// TimeRatio returns the availability of measured time with down time
// lost: (measured − down) / measured, in nanoseconds. Negative arguments
// count as zero, and down is capped at measured.
func TimeRatio(measured, down time.Duration) Ratio {
	m := max(measured, 0)
	d := min(max(down, 0), m)
	return Ratio{good: uint64(m - d), total: uint64(m)}
}

// Good returns the numerator: good events or available nanoseconds.
func (r Ratio) Good() uint64 { return r.good }

// Total returns the denominator: all events or measured nanoseconds.
func (r Ratio) Total() uint64 { return r.total }

// Bad returns Total − Good.
func (r Ratio) Bad() uint64 { return r.total - r.good }

// IsEmpty reports whether the ratio measured nothing (its total is zero).
func (r Ratio) IsEmpty() bool { return r.total == 0 }

// Met reports whether r meets t, that is whether r ≥ t, compared exactly.
// A ratio exactly equal to the target meets it; an empty ratio meets
// every target.
func (r Ratio) Met(t Target) bool { return r.cmpTarget(t) >= 0 }

// cmpTarget compares r with t exactly: good/total against t/10^18 by
// cross-multiplying in 128 bits. An empty ratio counts as 1.
func (r Ratio) cmpTarget(t Target) int {
	if r.total == 0 {
		return Target{ppe: one}.Cmp(t)
	}
	return wide.Cmp(r.good, one, t.ppe, r.total)
}

// Cmp compares two ratios exactly: -1 if r < s, 0 if equal in value, +1
// if r > s. Empty ratios count as 1.
func (r Ratio) Cmp(s Ratio) int {
	rg, rt := r.norm()
	sg, st := s.norm()
	return wide.Cmp(rg, st, sg, rt)
}

func (r Ratio) norm() (good, total uint64) {
	if r.total == 0 {
		return 1, 1
	}
	return r.good, r.total
}

// maxPlaces is the most decimal places Percent prints: it keeps
// good × 10^(places+2) within 128 bits.
const maxPlaces = 16

// Percent returns r as a percentage with exactly places decimal places
// (clamped to 0..16), truncated toward zero, so that a ratio below a
// target never prints as the target: 99.94999% at two places is
// "99.94%", never "99.95%". An empty ratio prints as 100%.
func (r Ratio) Percent(places int) string {
	places = min(max(places, 0), maxPlaces)
	g, t := r.norm()
	q, _ := wide.MulDiv(g, pow10[places+2], t) // fits: g ≤ t
	return formatFixed(q, places) + "%"
}

// formatFixed writes q / 10^places with exactly places decimals.
func formatFixed(q uint64, places int) string {
	s := strconv.FormatUint(q, 10)
	if places == 0 {
		return s
	}
	if len(s) <= places {
		s = strings.Repeat("0", places-len(s)+1) + s
	}
	return s[:len(s)-places] + "." + s[len(s)-places:]
}

// String returns the ratio as "good/total".
func (r Ratio) String() string {
	return strconv.FormatUint(r.good, 10) + "/" + strconv.FormatUint(r.total, 10)
}

// Rational returns the exact value of r; an empty ratio gives 1.
func (r Ratio) Rational() Rational {
	g, t := r.norm()
	return ratOf(g, t)
}

// Float64 returns r in [0, 1], for display only.
func (r Ratio) Float64() float64 {
	g, t := r.norm()
	return float64(g) / float64(t)
}
