package sla_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla"
)

// TestErrorsWithoutAReason: a ParseError or TierError with fields left
// empty, the zero one included, reads as a sentence with the package
// prefix. Before, ParseError{} read `sla: invalid  "": <nil>` and
// TierError{} read "" (its text is made by Validate). Errors made by the
// package read as they always have (TestCreditScheduleValidate and the
// parse tests pin those).
func TestErrorsWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"zero ParseError", new(sla.ParseError), "sla: invalid value"},
		{"ParseError with What only", &sla.ParseError{What: "target"}, "sla: invalid target"},
		{"ParseError without Err", &sla.ParseError{What: "share", Input: "110%"}, `sla: invalid share "110%"`},
		{"ParseError without What", &sla.ParseError{Input: "1/0", Err: sla.ErrSyntax}, `sla: invalid value "1/0": invalid syntax`},
		{"complete ParseError, empty input", &sla.ParseError{What: "target", Input: "", Err: sla.ErrSyntax}, `sla: invalid target "": invalid syntax`},

		{"zero TierError", new(sla.TierError), "sla: invalid credit tier"},
		{"TierError with a reason", &sla.TierError{Tier: 1, Other: 0, Err: sla.ErrTierOverlap}, "sla: invalid credit tier: tiers overlap"},
		{"TierError from Validate", sla.CreditSchedule{Tiers: []sla.CreditTier{{
			Lower: sla.AtLeast(sla.MustTarget("99.9%")), Upper: sla.Below(sla.MustTarget("99%")), Credit: sla.MustShare("10%"),
		}}}.Validate(), "sla: credits[0] [99.9%, 99%) → 10%: tier admits no ratio"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
