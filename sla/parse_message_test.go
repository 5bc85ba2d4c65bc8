package sla_test

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// TestParseMessagesSayWhatIsWrong: a message said `want digits after
// the decimal point, as in "99.95%"` for "99.95 %", whose digits are
// there: the fault is the space. Each message of ParseTarget,
// ParseShare and ParseRational now names what is wrong and where (a
// 0-based byte offset), then the form that is wanted.
func TestParseMessagesSayWhatIsWrong(t *testing.T) {
	const (
		wantFixed    = `want digits, an optional fraction and an optional %, as in "99.95%" or "0.9995"`
		wantRational = "want a decimal such as 14.4, a fraction such as 14/15, or +Inf"
	)
	tests := []struct {
		name, in string
		// fixed is what ParseTarget and ParseShare say, rational what
		// ParseRational says; "" for no error.
		fixed, rational string
		fixedKind       error
		rationalKind    error
	}{
		{"space before percent", "99.95 %", "a space at byte 5, before %", "a space at byte 5, before %", sla.ErrSyntax, sla.ErrSyntax},
		{"leading space", " 99.95%", "a space at byte 0, before the number", "a space at byte 0, before the number", sla.ErrSyntax, sla.ErrSyntax},
		{"two percent signs", "99.95%%", "a second % at byte 6", "a % at byte 5; a rational is written without %", sla.ErrSyntax, sla.ErrSyntax},
		{"decimal comma", "99,95%", `a comma at byte 2; the decimal point is ".", as in 99.95`, `a comma at byte 2; the decimal point is ".", as in 99.95`, sla.ErrSyntax, sla.ErrSyntax},
		{"exponent", "1e-3", "an exponent at byte 1; write the number out, as in 0.001", "an exponent at byte 1; write the number out, as in 0.001", sla.ErrSyntax, sla.ErrSyntax},
		{"plus sign", "+0.5", "a sign at byte 0; write the number without one", "a sign at byte 0; write the number without one", sla.ErrSyntax, sla.ErrSyntax},
		{"minus sign", "-0.5", "negative; a %s is between 0% and 100%", "negative; a rational here is 0 or more", sla.ErrRange, sla.ErrRange},
		// A sign with no digit after it is not a negative number.
		{"lone minus sign", "-", "a sign at byte 0; write the number without one", "a sign at byte 0; write the number without one", sla.ErrSyntax, sla.ErrSyntax},
		{"minus sign and letters", "-abc", "a sign at byte 0; write the number without one", "a sign at byte 0; write the number without one", sla.ErrSyntax, sla.ErrSyntax},
		{"zero denominator", "1/00", "a / at byte 1; write a decimal, as in 0.5 or 50%", "a zero denominator at byte 2", sla.ErrSyntax, sla.ErrSyntax},
		{"two decimal points", "0.5.5", "a second decimal point at byte 3", "a second decimal point at byte 3", sla.ErrSyntax, sla.ErrSyntax},
		{"above 100 percent", "100.1%", "above 100%", "a % at byte 5; a rational is written without %", sla.ErrRange, sla.ErrSyntax},
		{"no digit before the point", ".5", "no digit before the decimal point at byte 0; write 0.5", "no digit before the decimal point at byte 0; write 0.5", sla.ErrSyntax, sla.ErrSyntax},
		{"no digit after the point", "5.", "no digit after the decimal point at byte 1; write 5 or 5.0", "no digit after the decimal point at byte 1; write 5 or 5.0", sla.ErrSyntax, sla.ErrSyntax},
		{"percent alone", "%", "no number before %", "a % at byte 0; a rational is written without %", sla.ErrSyntax, sla.ErrSyntax},
		{"trailing space", "99.95% ", "a space at byte 6, after the number", "a % at byte 5; a rational is written without %", sla.ErrSyntax, sla.ErrSyntax},
		{"space inside", "99 .95%", "a space at byte 2, inside the number", "a space at byte 2, inside the number", sla.ErrSyntax, sla.ErrSyntax},
		{"fraction", "1/2", "a / at byte 1; write a decimal, as in 0.5 or 50%", "", sla.ErrSyntax, nil},
		{"letters", "abc", "unexpected character 'a' at byte 0", "unexpected character 'a' at byte 0", sla.ErrSyntax, sla.ErrSyntax},
		{"text after percent", "50%x", "unexpected character 'x' at byte 3, after %", "a % at byte 2; a rational is written without %", sla.ErrSyntax, sla.ErrSyntax},
		{"digit separator", "1_0%", "unexpected character '_' at byte 1", "unexpected character '_' at byte 1", sla.ErrSyntax, sla.ErrSyntax},
		{"not ASCII", "٩٩%", "unexpected character '٩' at byte 0", "unexpected character '٩' at byte 0", sla.ErrSyntax, sla.ErrSyntax},
		{"not UTF-8", "9\xff%", "unexpected byte 0xff at byte 1", "unexpected byte 0xff at byte 1", sla.ErrSyntax, sla.ErrSyntax},
		{"no denominator", "1/", "a / at byte 1; write a decimal, as in 0.5 or 50%", "no digit after / at byte 1", sla.ErrSyntax, sla.ErrSyntax},
		{"point in a fraction", "1.5/2", "a / at byte 3; write a decimal, as in 0.5 or 50%", "a / at byte 3 after a decimal point", sla.ErrSyntax, sla.ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range []struct {
				what  string
				parse func(string) error
			}{
				{"target", func(s string) error { _, err := sla.ParseTarget(s); return err }},
				{"share", func(s string) error { _, err := sla.ParseShare(s); return err }},
			} {
				err := p.parse(tc.in)
				require.ErrorIs(t, err, tc.fixedKind, p.what)
				fixed := strings.ReplaceAll(tc.fixed, "%s", p.what)
				require.ErrorContains(t, err, fmt.Sprintf("sla: invalid %s %q: %s", p.what, tc.in, fixed))
				if tc.fixedKind == sla.ErrSyntax {
					require.ErrorContains(t, err, "; "+wantFixed)
				}
			}
			_, err := sla.ParseRational(tc.in)
			if tc.rational == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.rationalKind)
			require.ErrorContains(t, err, fmt.Sprintf("sla: invalid rational %q: %s", tc.in, tc.rational))
			if tc.rationalKind == sla.ErrSyntax {
				require.ErrorContains(t, err, "; "+wantRational)
			}
		})
	}
}

// atByte finds the offsets a message names.
var atByte = regexp.MustCompile(`at byte ([0-9]+)`)

// checkFault fails t unless err, a refusal of s for its syntax, names a
// fault (the text before "; want" is not empty) at offsets inside s.
func checkFault(t *testing.T, s string, err error) {
	t.Helper()
	if !errors.Is(err, sla.ErrSyntax) {
		return
	}
	msg := err.Error()
	if strings.Contains(msg, ": ; ") {
		t.Fatalf("%q: the error names no fault: %v", s, err)
	}
	for _, m := range atByte.FindAllStringSubmatch(msg, -1) {
		if n, _ := strconv.Atoi(m[1]); n >= len(s) {
			t.Fatalf("%q: the error names byte %d, beyond its %d bytes: %v", s, n, len(s), err)
		}
	}
}
