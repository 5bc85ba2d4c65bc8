package sla

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// wantFixed describes the forms ParseTarget and ParseShare read, for
// their errors.
const wantFixed = `want digits, an optional fraction and an optional %, as in "99.95%" or "0.9995"`

// where a scan of a number's text stands.
type where uint8

const (
	atStart    where = iota // before the first digit
	inWhole                 // in the digits before any point
	afterPoint              // just after the decimal point
	inFraction              // in the digits after the point
	afterSlash              // just after "/" (a rational)
	inDenom                 // in the digits after "/"
	afterPct                // after "%" (a target or share)
)

// syntaxFault says what is wrong at the first byte of s that the form
// does not allow, and where (a 0-based byte offset): "a space at byte 5,
// before %". rational selects the form of ParseRational (digits, then
// a fraction ".5" or a denominator "/15") over that of ParseTarget
// (digits, a fraction ".5", then "%"). It is called only for a text the
// parser has refused, so that an accepted text costs nothing; for a text
// it finds no fault in, it returns "".
func syntaxFault(s string, rational bool) string {
	state := atStart
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			switch state {
			case atStart:
				state = inWhole
			case afterPoint:
				state = inFraction
			case afterSlash:
				state = inDenom
			case afterPct:
				return fmt.Sprintf("a digit at byte %d, after %%", i)
			}
		case r == '.':
			switch state {
			case atStart:
				return fmt.Sprintf("no digit before the decimal point at byte %d; write 0%s", i, example(s[i:]))
			case inWhole:
				state = afterPoint
			case afterPct:
				return fmt.Sprintf("a decimal point at byte %d, after %%", i)
			case afterSlash, inDenom:
				return fmt.Sprintf("a decimal point at byte %d in the denominator", i)
			default:
				return fmt.Sprintf("a second decimal point at byte %d", i)
			}
		case r == '%':
			switch {
			case rational:
				return fmt.Sprintf("a %% at byte %d; a rational is written without %%", i)
			case state == atStart:
				return "no number before %"
			case state == afterPoint:
				return afterPointFault(s, i-1, "%")
			case state == afterPct:
				return fmt.Sprintf("a second %% at byte %d", i)
			}
			state = afterPct
		case r == '/':
			switch {
			case !rational:
				return fmt.Sprintf("a / at byte %d; write a decimal, as in 0.5 or 50%%", i)
			case state == inWhole:
				state = afterSlash
			case state == afterPoint || state == inFraction:
				return fmt.Sprintf("a / at byte %d after a decimal point; a fraction is digits/digits", i)
			case state == atStart:
				return fmt.Sprintf("no digit before / at byte %d", i)
			default:
				return fmt.Sprintf("a second / at byte %d", i)
			}
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			return spaceFault(s, i, state)
		case r == '+' || r == '-':
			return fmt.Sprintf("a sign at byte %d; write the number without one", i)
		case (r == 'e' || r == 'E') && (state == inWhole || state == inFraction || state == inDenom):
			return fmt.Sprintf("an exponent at byte %d; write the number out, as in 0.001", i)
		case r == ',':
			return fmt.Sprintf(`a comma at byte %d; the decimal point is ".", as in 99.95`, i)
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("unexpected byte 0x%02x at byte %d", s[i], i)
		default:
			if state == afterPct {
				return fmt.Sprintf("unexpected character %q at byte %d, after %%", r, i)
			}
			return fmt.Sprintf("unexpected character %q at byte %d", r, i)
		}
		i += size
	}
	switch state {
	case atStart:
		return "no digits"
	case afterPoint:
		return afterPointFault(s, len(s)-1, "")
	case afterSlash:
		return fmt.Sprintf("no digit after / at byte %d", len(s)-1)
	}
	return ""
}

// afterPointFault is the fault of a decimal point at byte i of s with no
// digit after it: "5." is 5 or 5.0, and "99.%", whose point stands before
// the suffix %, is 99% or 99.0%.
func afterPointFault(s string, i int, suffix string) string {
	whole := s[:i]
	if j := strings.LastIndexAny(whole, "/"); j >= 0 {
		whole = whole[j+1:]
	}
	if len(whole) > 8 {
		return fmt.Sprintf("no digit after the decimal point at byte %d", i)
	}
	return fmt.Sprintf("no digit after the decimal point at byte %d; write %s%s or %s.0%s", i, whole, suffix, whole, suffix)
}

// spaceFault is the fault of white space at byte i of s, reached in
// state: it says whether the space stands before the number, before %,
// after the number or inside it.
func spaceFault(s string, i int, state where) string {
	kind := "a space"
	switch s[i] {
	case '\t':
		kind = "a tab"
	case '\n', '\r':
		kind = "a line break"
	}
	rest := strings.TrimLeft(s[i:], " \t\n\r")
	switch {
	case state == atStart:
		return fmt.Sprintf("%s at byte %d, before the number", kind, i)
	case rest == "" || state == afterPct:
		return fmt.Sprintf("%s at byte %d, after the number", kind, i)
	case rest[0] == '%':
		return fmt.Sprintf("%s at byte %d, before %%", kind, i)
	}
	return fmt.Sprintf("%s at byte %d, inside the number", kind, i)
}

// example returns the digits of the fraction that starts s, a decimal
// point, for a message's example (".5" gives ".5"), or ".5" when they
// are many or there are none.
func example(s string) string {
	n := 1
	for n < len(s) && n <= 8 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 1 || n > 8 {
		return ".5"
	}
	return s[:n]
}
