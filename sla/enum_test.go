package sla_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// textRoundTrip marshals v, unmarshals the text into back and reports the
// text.
func textRoundTrip[T interface {
	MarshalText() ([]byte, error)
}](t *testing.T, v T, back interface{ UnmarshalText([]byte) error }) string {
	t.Helper()
	text, err := v.MarshalText()
	require.NoError(t, err)
	require.NoError(t, back.UnmarshalText(text))
	return string(text)
}

// TestEnumText: every enumeration that appears in a document reads back
// what it writes, refuses other names with a *ParseError, and refuses to
// write a value that is not one of its constants.
func TestEnumText(t *testing.T) {
	for _, tc := range []struct {
		value sla.ExclusionPolicy
		text  string
	}{{sla.ExcludeFromMeasured, "exclude"}, {sla.CountAsAvailable, "available"}} {
		var back sla.ExclusionPolicy
		assert.Equal(t, tc.text, textRoundTrip(t, tc.value, &back))
		assert.Equal(t, tc.value, back)
		assert.Equal(t, tc.text, tc.value.String())
	}
	for _, tc := range []struct {
		value sla.EmptyPolicy
		text  string
	}{{sla.EmptyGood, "good"}, {sla.EmptyBad, "bad"}, {sla.EmptyExcluded, "excluded"}} {
		var back sla.EmptyPolicy
		assert.Equal(t, tc.text, textRoundTrip(t, tc.value, &back))
		assert.Equal(t, tc.value, back)
		assert.Equal(t, tc.text, tc.value.String())
	}
	for _, tc := range []struct {
		value sla.MinuteRule
		text  string
	}{{sla.ExactTime, "exact"}, {sla.WholeMinutes, "whole"}, {sla.PartialMinutes, "partial"}} {
		var back sla.MinuteRule
		assert.Equal(t, tc.text, textRoundTrip(t, tc.value, &back))
		assert.Equal(t, tc.value, back)
	}
	for _, tc := range []struct {
		value sla.RuleOrder
		text  string
	}{{sla.MinOutageFirst, "min-outage-first"}, {sla.MinutesFirst, "minutes-first"}} {
		var back sla.RuleOrder
		assert.Equal(t, tc.text, textRoundTrip(t, tc.value, &back))
		assert.Equal(t, tc.value, back)
	}
	assert.Equal(t, "ExclusionPolicy(7)", sla.ExclusionPolicy(7).String())
	assert.Equal(t, "EmptyPolicy(-1)", sla.EmptyPolicy(-1).String())
	for _, v := range []interface{ MarshalText() ([]byte, error) }{sla.ExclusionPolicy(7), sla.EmptyPolicy(-1), sla.Severity(3), sla.MinuteRule(3), sla.RuleOrder(2)} {
		_, err := v.MarshalText()
		assert.ErrorIs(t, err, sla.ErrRange, "%v", v)
	}
	for _, tc := range []struct {
		what string
		dst  interface{ UnmarshalText([]byte) error }
	}{
		{"exclusion policy", new(sla.ExclusionPolicy)},
		{"empty policy", new(sla.EmptyPolicy)},
		{"severity", new(sla.Severity)},
		{"minute rule", new(sla.MinuteRule)},
		{"rule order", new(sla.RuleOrder)},
	} {
		err := tc.dst.UnmarshalText([]byte("Exclude"))
		var pe *sla.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, tc.what, pe.What)
		assert.Equal(t, "Exclude", pe.Input)
		assert.ErrorIs(t, err, sla.ErrSyntax)
	}
	// In JSON an enumeration is its name.
	var rules struct {
		Empty sla.EmptyPolicy `json:"empty"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"empty": "excluded"}`), &rules))
	assert.Equal(t, sla.EmptyExcluded, rules.Empty)
	assert.True(t, errors.Is(json.Unmarshal([]byte(`{"empty": "skip"}`), &rules), sla.ErrSyntax))
}

// TestShare: a share reads and prints like a target and keeps its digits
// exactly; it is a type of its own, so a credit cannot stand for a target.
func TestShare(t *testing.T) {
	for _, tc := range []struct{ in, text string }{
		{"10%", "10%"},
		{"0.1", "10%"},
		{"2.5%", "2.5%"},
		{"100%", "100%"},
		{"0", "0%"},
		{"0.0000000000000001%", "0.0000000000000001%"},
	} {
		s, err := sla.ParseShare(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.text, s.String())
		var back sla.Share
		assert.Equal(t, tc.text, textRoundTrip(t, s, &back))
		assert.Equal(t, s, back)
	}
	for _, tc := range []struct {
		in   string
		kind error
	}{{"101%", sla.ErrRange}, {"10", sla.ErrRange}, {"ten", sla.ErrSyntax}, {"0.00000000000000001%", sla.ErrPrecision}, {"", sla.ErrSyntax}} {
		_, err := sla.ParseShare(tc.in)
		var pe *sla.ParseError
		require.ErrorAs(t, err, &pe, tc.in)
		assert.Equal(t, "share", pe.What)
		assert.ErrorIs(t, err, tc.kind, tc.in)
	}
	a, b := sla.MustShare("10%"), sla.MustShare("25%")
	assert.Equal(t, -1, a.Cmp(b))
	assert.Equal(t, 1, b.Cmp(a))
	assert.Equal(t, 0, a.Cmp(sla.MustShare("0.1")))
	assert.True(t, sla.Share{}.IsZero())
	assert.False(t, a.IsZero())
	assert.True(t, a.Rational().Equal(sla.RationalOf(1, 10)))
	assert.InDelta(t, 0.1, a.Float64(), 1e-15)
	assert.Panics(t, func() { sla.MustShare("10") })
}
