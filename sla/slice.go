package sla

import (
	"fmt"
	"math/big"
	"slices"

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
// slice has more good events than events. [MeasureTimeSlices] does the
// same for samples over a scope.
func MeasureSlices(slices []Slice, rules SliceRules) (Ratio, error) {
	if err := checkSlices(slices); err != nil {
		return Ratio{}, err
	}
	return tallySlices(slices, 0, rules), nil
}

// tallySlices counts good and counted slices among observed and
// unobserved more slices without events: the one rule of time slices.
func tallySlices(observed []Slice, unobserved uint64, rules SliceRules) Ratio {
	var good, total uint64
	for _, s := range observed {
		switch {
		case s.Total > 0:
			total++
			if !rules.bad(s) {
				good++
			}
		case rules.Empty == EmptyGood:
			good++
			total++
		case rules.Empty == EmptyBad:
			total++
		}
	}
	switch rules.Empty {
	case EmptyGood:
		good += unobserved
		total += unobserved
	case EmptyBad:
		total += unobserved
	}
	return Ratio{good: good, total: total}
}

// AverageSlices is the ratio-of-slices method: the mean of the per-slice
// ratios Good/Total, exactly. Slices with no events count as ratio 1
// (EmptyGood) or 0 (EmptyBad), or are left out (EmptyExcluded). With no
// slice counted the result is 1, as for an empty Ratio. It fails like
// MeasureSlices. [AverageTimeSlices] does the same for samples over a
// scope.
//
// The exact mean of n ratios can have a denominator as large as the
// least common multiple of their totals. Slices with equal totals are
// summed as one fraction and the fractions are added in pairs, so the
// cost grows with the number of distinct totals and the size of that
// denominator, not with n alone.
func AverageSlices(slices []Slice, empty EmptyPolicy) (Rational, error) {
	if err := checkSlices(slices); err != nil {
		return Rational{}, err
	}
	return averageSlices(slices, 0, 0, empty), nil
}

// averageSlices is the one mean of slice ratios: observed slices,
// unobserved more without events, and ones more of ratio 1.
func averageSlices(observed []Slice, unobserved, ones uint64, empty EmptyPolicy) Rational {
	n := new(big.Int).SetUint64(ones)
	sum := []*big.Rat{new(big.Rat).SetInt(n)}
	add := func(k uint64) { n.Add(n, new(big.Int).SetUint64(k)) }
	switch empty {
	case EmptyGood:
		sum = append(sum, new(big.Rat).SetInt(new(big.Int).SetUint64(unobserved)))
		add(unobserved)
	case EmptyBad:
		add(unobserved)
	}
	sorted := slices.SortedStableFunc(slices.Values(observed), byTotal)
	for i := 0; i < len(sorted); {
		total := sorted[i].Total
		good := new(big.Int)
		j := i
		for ; j < len(sorted) && sorted[j].Total == total; j++ {
			good.Add(good, new(big.Int).SetUint64(sorted[j].Good))
		}
		count := uint64(j - i)
		i = j
		if total == 0 {
			switch empty {
			case EmptyGood:
				sum = append(sum, new(big.Rat).SetUint64(count))
				add(count)
			case EmptyBad:
				add(count)
			}
			continue
		}
		sum = append(sum, new(big.Rat).SetFrac(good, new(big.Int).SetUint64(total)))
		add(count)
	}
	if n.Sign() == 0 {
		return ratOf(1, 1)
	}
	// Add in pairs, so that the operands of each addition stay of like size.
	for len(sum) > 1 {
		half := sum[:0:0]
		for k := 0; k+1 < len(sum); k += 2 {
			half = append(half, sum[k].Add(sum[k], sum[k+1]))
		}
		if len(sum)%2 == 1 {
			half = append(half, sum[len(sum)-1])
		}
		sum = half
	}
	return fromRat(sum[0].Quo(sum[0], new(big.Rat).SetInt(n)))
}
