package sla_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

func TestMeasureSlices(t *testing.T) {
	// Rule: a slice is bad with more than 5% errors and at least 10 events.
	//   95/100: exactly 5% errors, not more → good
	//   94/100: 6% errors → bad
	//   0/5:    all errors but only 5 events (< 10) → good
	//   0/10:   all errors with exactly 10 events → bad
	//   0/0 twice: empty, counted per policy
	// Non-empty: 2 good of 4. Empty good: 4/6; empty bad: 2/6; excluded: 2/4.
	slices := []sla.Slice{{95, 100}, {94, 100}, {0, 5}, {0, 10}, {0, 0}, {0, 0}}
	tests := []struct {
		empty             sla.EmptyPolicy
		wantGood, wantTot uint64
	}{
		{sla.EmptyGood, 4, 6},
		{sla.EmptyBad, 2, 6},
		{sla.EmptyExcluded, 2, 4},
	}
	for _, tc := range tests {
		t.Run("empty "+tc.empty.String(), func(t *testing.T) {
			rules := sla.SliceRules{MaxErrors: sla.MustTarget("5%"), MinEvents: 10, Empty: tc.empty}
			got, err := sla.MeasureSlices(slices, rules)
			require.NoError(t, err)
			if got.Good() != tc.wantGood || got.Total() != tc.wantTot {
				t.Errorf("MeasureSlices = %v, want %d/%d", got, tc.wantGood, tc.wantTot)
			}
		})
	}
}

func TestMeasureSlicesZeroRules(t *testing.T) {
	// The zero rules: any error makes a slice bad; empty slices are good.
	// 10/10 good, 9/10 bad, 0/0 good: 2 of 3.
	got, err := sla.MeasureSlices([]sla.Slice{{10, 10}, {9, 10}, {0, 0}}, sla.SliceRules{})
	require.NoError(t, err)
	if got.Good() != 2 || got.Total() != 3 {
		t.Errorf("MeasureSlices = %v, want 2/3", got)
	}
}

func TestAverageSlices(t *testing.T) {
	// Per-slice ratios 1/2 and 3/4, plus one empty slice.
	//   empty good:     (1/2 + 3/4 + 1) / 3 = (9/4) / 3 = 3/4
	//   empty bad:      (1/2 + 3/4 + 0) / 3 = (5/4) / 3 = 5/12
	//   empty excluded: (1/2 + 3/4) / 2     = 5/8
	slices := []sla.Slice{{1, 2}, {3, 4}, {0, 0}}
	tests := []struct {
		empty sla.EmptyPolicy
		want  sla.Rational
	}{
		{sla.EmptyGood, sla.RationalOf(3, 4)},
		{sla.EmptyBad, sla.RationalOf(5, 12)},
		{sla.EmptyExcluded, sla.RationalOf(5, 8)},
	}
	for _, tc := range tests {
		t.Run("empty "+tc.empty.String(), func(t *testing.T) {
			got, err := sla.AverageSlices(slices, tc.empty)
			require.NoError(t, err)
			if !got.Equal(tc.want) {
				t.Errorf("AverageSlices = %v, want %v", got, tc.want)
			}
		})
	}
	// Nothing counted: 1, like an empty Ratio.
	got, err := sla.AverageSlices([]sla.Slice{{0, 0}}, sla.EmptyExcluded)
	require.NoError(t, err)
	if !got.Equal(sla.RationalOf(1, 1)) {
		t.Errorf("AverageSlices of nothing = %v, want 1", got)
	}
}

func TestSlicesReject(t *testing.T) {
	bad := []sla.Slice{{1, 1}, {5, 4}}
	_, err := sla.MeasureSlices(bad, sla.SliceRules{})
	if !errors.Is(err, sla.ErrGoodAboveTotal) || err.Error() != "sla: slices[1]: good 5 of total 4: good exceeds total" {
		t.Errorf("MeasureSlices error = %v", err)
	}
	_, err = sla.AverageSlices(bad, sla.EmptyGood)
	if !errors.Is(err, sla.ErrGoodAboveTotal) {
		t.Errorf("AverageSlices error = %v", err)
	}
}
