package sla_test

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// TestParseRationalRejectsBigRatSyntax: ParseRational used to hand its
// text to big.Rat.SetString, which reads more than the documented forms:
// a denominator with a leading zero as octal ("14/015" was 14/13), base
// prefixes, digit separators, hexadecimal exponents, a plus sign, and a
// decimal point with no digits on one side. The documented forms are a
// decimal with digits on both sides of an optional point, a fraction of
// two decimal integers, or "+Inf"; a leading zero is just a zero.
func TestParseRationalRejectsBigRatSyntax(t *testing.T) {
	accepted := []struct {
		text string
		num  int64
		den  int64
	}{
		{"14/015", 14, 15}, // decimal, not octal: 14/15
		{"010/1", 10, 1},
		{"010", 10, 1},
		{"007.50", 15, 2},
		{"0.02", 1, 50},
		{"14.4", 72, 5},
		{"14/15", 14, 15},
		{"28/30", 14, 15},
		{"0/7", 0, 1},
		{"0", 0, 1},
		{"00", 0, 1},
	}
	for _, tt := range accepted {
		t.Run(tt.text, func(t *testing.T) {
			got, err := sla.ParseRational(tt.text)
			require.NoError(t, err)
			want := sla.RationalOf(uint64(tt.num), uint64(tt.den))
			if !got.Equal(want) {
				t.Errorf("ParseRational(%q) = %v, want %v", tt.text, got, want)
			}
		})
	}
	rejected := []struct {
		text string
		kind error
	}{
		{"0x10/1", sla.ErrSyntax},
		{"0b11/1", sla.ErrSyntax},
		{"0o17/2", sla.ErrSyntax},
		{"0x_1F/1", sla.ErrSyntax},
		{"1_000", sla.ErrSyntax},
		{"0x1p-1", sla.ErrSyntax},
		{"0x1.8p1", sla.ErrSyntax},
		{"1e3", sla.ErrSyntax},
		{"+1", sla.ErrSyntax},
		{"1.", sla.ErrSyntax},
		{".1", sla.ErrSyntax},
		{"1..2", sla.ErrSyntax},
		{"1.2.3", sla.ErrSyntax},
		{"1/2/3", sla.ErrSyntax},
		{"1.5/2", sla.ErrSyntax},
		{"1/2.5", sla.ErrSyntax},
		{"/2", sla.ErrSyntax},
		{"2/", sla.ErrSyntax},
		{"1/0", sla.ErrSyntax},
		{"0/0", sla.ErrSyntax},
		{"1/00", sla.ErrSyntax},
		{" 1", sla.ErrSyntax},
		{"1 ", sla.ErrSyntax},
		{"١", sla.ErrSyntax}, // an Arabic-Indic digit one
		{"Inf", sla.ErrSyntax},
		{"inf", sla.ErrSyntax},
		{"+inf", sla.ErrSyntax},
		{"NaN", sla.ErrSyntax},
		{"", sla.ErrSyntax},
		{"-1", sla.ErrRange},
		{"-0", sla.ErrRange},
		{"-1/2", sla.ErrRange},
		{strings.Repeat("9", 401), sla.ErrSyntax},
	}
	for _, tt := range rejected {
		t.Run(tt.text, func(t *testing.T) {
			got, err := sla.ParseRational(tt.text)
			var pe *sla.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.kind) {
				t.Errorf("ParseRational(%q) = %v, %v; want a *ParseError wrapping %v", tt.text, got, err, tt.kind)
			}
		})
	}
}

// referenceRational is the documented grammar written a second way: a
// regular expression for the forms, and big.Rat for the value once every
// leading zero is gone (so that no part can be read in another base).
var referenceForm = regexp.MustCompile(`^(?:([0-9]+)(?:\.([0-9]+))?|([0-9]+)/([0-9]+))$`)

func referenceRational(s string) (*big.Rat, bool) {
	if len(s) > 400 {
		return nil, false
	}
	m := referenceForm.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	trim := func(d string) string {
		if d = strings.TrimLeft(d, "0"); d == "" {
			return "0"
		}
		return d
	}
	var text string
	if m[3] != "" {
		if trim(m[4]) == "0" {
			return nil, false
		}
		text = trim(m[3]) + "/" + trim(m[4])
	} else {
		text = trim(m[1])
		if m[2] != "" {
			text += "." + m[2]
		}
	}
	r, ok := new(big.Rat).SetString(text)
	return r, ok
}

// FuzzParseRational: ParseRational accepts exactly what the reference
// accepts, with the same value, and what it accepts prints to a text it
// reads back to the same value.
func FuzzParseRational(f *testing.F) {
	for _, s := range []string{"14.4", "14/15", "+Inf", "0", "14/015", "010/1", "0x10/1", "0b11/1",
		"0o17/2", "0x_1F/1", "0x1p-1", "0x1.8p1", "+1", "1.", ".1", "-1", "1/0", "1e9", "007.50", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := sla.ParseRational(s)
		if s == "+Inf" {
			if err != nil || !got.IsInf() {
				t.Fatalf("ParseRational(%q) = %v, %v", s, got, err)
			}
			return
		}
		want, ok := referenceRational(s)
		if ok != (err == nil) {
			t.Fatalf("ParseRational(%q) = %v, %v; the reference accepts it: %v", s, got, err, ok)
		}
		if err != nil {
			var pe *sla.ParseError
			if !errors.As(err, &pe) || !(errors.Is(err, sla.ErrSyntax) || errors.Is(err, sla.ErrRange)) {
				t.Fatalf("ParseRational(%q): error %v is not a *ParseError of syntax or range", s, err)
			}
			checkFault(t, s, err)
			return
		}
		if got.Num().Cmp(want.Num()) != 0 || got.Den().Cmp(want.Denom()) != 0 {
			t.Fatalf("ParseRational(%q) = %v, reference %v", s, got, want.RatString())
		}
		back, err := sla.ParseRational(got.String())
		if err != nil || !back.Equal(got) {
			t.Fatalf("ParseRational(%q) = %v, whose String reads back as %v, %v", s, got, back, err)
		}
	})
}
