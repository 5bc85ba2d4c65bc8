package sla

import (
	"fmt"
	"math/big"

	"github.com/slamath/slamath/internal/wide"
)

// EmptyPolicy says how a time slice with no events counts.
type EmptyPolicy int8

const (
	// EmptyGood counts a slice with no events as good (ratio 1). It is the
	// zero value and the default.
	EmptyGood EmptyPolicy = iota
	// EmptyBad counts a slice with no events as bad (ratio 0).
	EmptyBad
	// EmptyExcluded leaves slices with no events out altogether.
	EmptyExcluded
)

// Slice holds the events of one time slice (one minute, say): Good of
// Total. Slices of one measurement have equal lengths.
type Slice struct {
	Good, Total uint64
}

// SliceRules say when a time slice is bad. The zero value makes a slice
// bad as soon as it has one bad event, and counts empty slices as good.
type SliceRules struct {
	// MaxErrors is the error ratio a slice may reach: a slice is bad when
	// its error ratio is strictly above MaxErrors ("more than 5% errors")…
	MaxErrors Target
	// …and it has at least MinEvents events. A slice with fewer (but some)
	// events is good.
	MinEvents uint64
	// Empty says how slices without events count.
	Empty EmptyPolicy
}

func checkSlices(slices []Slice) error {
	for i, s := range slices {
		if s.Good > s.Total {
			return fmt.Errorf("sla: slices[%d]: good %d of total %d: %w", i, s.Good, s.Total, ErrGoodAboveTotal)
		}
	}
	return nil
}

// bad reports whether a non-empty slice is bad: Total ≥ MinEvents and
// (Total − Good) / Total > MaxErrors, compared exactly in 128 bits.
func (r SliceRules) bad(s Slice) bool {
	if s.Total < r.MinEvents {
		return false
	}
	return wide.Cmp(s.Total-s.Good, one, r.MaxErrors.ppe, s.Total) > 0
}

// MeasureSlices is the time-slices method: it returns the ratio of good
// slices to counted slices. Slices with no events count as rules.Empty
// says. It fails, wrapping ErrGoodAboveTotal and naming the slice, when a
// slice has more good events than events.
func MeasureSlices(slices []Slice, rules SliceRules) (Ratio, error) {
	if err := checkSlices(slices); err != nil {
		return Ratio{}, err
	}
	var good, total uint64
	for _, s := range slices {
		if s.Total == 0 {
			switch rules.Empty {
			case EmptyExcluded:
				continue
			case EmptyBad:
				total++
				continue
			}
			good++
			total++
			continue
		}
		total++
		if !rules.bad(s) {
			good++
		}
	}
	return Ratio{good: good, total: total}, nil
}

// AverageSlices is the ratio-of-slices method: the mean of the per-slice
// ratios Good/Total, exactly. Slices with no events count as ratio 1
// (EmptyGood) or 0 (EmptyBad), or are left out (EmptyExcluded). With no
// slice counted the result is 1, as for an empty Ratio. It fails like
// MeasureSlices.
func AverageSlices(slices []Slice, empty EmptyPolicy) (Rational, error) {
	if err := checkSlices(slices); err != nil {
		return Rational{}, err
	}
	sum := new(big.Rat)
	var n int64
	term := new(big.Rat)
	for _, s := range slices {
		if s.Total == 0 {
			switch empty {
			case EmptyExcluded:
				continue
			case EmptyBad:
				n++
				continue
			}
			sum.Add(sum, big.NewRat(1, 1))
			n++
			continue
		}
		term.SetFrac(new(big.Int).SetUint64(s.Good), new(big.Int).SetUint64(s.Total))
		sum.Add(sum, term)
		n++
	}
	if n == 0 {
		return ratOf(1, 1), nil
	}
	return fromRat(sum.Quo(sum, big.NewRat(n, 1))), nil
}
