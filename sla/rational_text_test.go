package sla_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

func TestRationalMarshalText(t *testing.T) {
	tests := []struct {
		name string
		r    sla.Rational
		text string
	}{
		// 0.02 × 720 h / 1 h = 14.4, a finite decimal.
		{"page burn for 30 days", sla.RationalOf(144, 10), "14.4"},
		// 0.1 × 672 h / 72 h = 14/15, which has no finite decimal form.
		{"ticket burn for 28 days", sla.RationalOf(14, 15), "14/15"},
		{"zero", sla.Rational{}, "0"},
		{"infinite", sla.RationalOf(1, 0), "+Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := tt.r.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(text))
			var back sla.Rational
			require.NoError(t, back.UnmarshalText(text))
			assert.True(t, back.Equal(tt.r), "%v != %v", back, tt.r)
		})
	}
	for _, bad := range []string{"", "-1", "1/0", "abc", "1e9", "NaN"} {
		var r sla.Rational
		assert.Error(t, r.UnmarshalText([]byte(bad)), "%q", bad)
	}
}
