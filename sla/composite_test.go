package sla_test

import (
	"testing"

	"github.com/slamath/slamath/sla"
)

func TestComposite(t *testing.T) {
	p := sla.MustTarget
	tests := []struct {
		name string
		got  sla.Rational
		want string
	}{
		// 0.999 × 0.999 = 0.998001.
		{"serial pair", sla.Serial(p("99.9%"), p("99.9%")), "0.998001"},
		// 0.9995 × 0.9999 × 0.99 = 9995 × 9999 × 99 / 10^10;
		// 9995 × 9999 = 99,940,005 and × 99 = 9,894,060,495.
		{"serial three", sla.Serial(p("99.95%"), p("99.99%"), p("99%")), "0.9894060495"},
		// 1 − 0.01 × 0.01 = 0.9999.
		{"redundant pair", sla.Redundant(p("99%"), p("99%")), "0.9999"},
		// 1 − 0.001 × 0.01 × 0.5 = 0.999995.
		{"redundant three", sla.Redundant(p("99.9%"), p("99%"), p("50%")), "0.999995"},
		{"redundant with a perfect part", sla.Redundant(p("100%"), p("0%")), "1"},
		{"serial of nothing", sla.Serial(), "1"},
		{"redundant of nothing", sla.Redundant(), "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.String() != tc.want {
				t.Errorf("got %v, want %s", tc.got, tc.want)
			}
		})
	}
	// A composite compares with a target exactly: 0.998001 misses 99.81%.
	if sla.Serial(p("99.9%"), p("99.9%")).Met(p("99.81%")) {
		t.Error("0.998001 meets 99.81%")
	}
	if !sla.Serial(p("99.9%"), p("99.9%")).Met(p("99.8001%")) {
		t.Error("0.998001 does not meet 99.8001%")
	}
}
