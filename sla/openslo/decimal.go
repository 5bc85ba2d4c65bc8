package openslo

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/internal/wide"
)

// maxScale is the most fractional digits a Decimal holds.
const maxScale = 18

var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// Decimal is an exact decimal number: a signed 64-bit coefficient and a
// scale of 0 to 18 fractional digits, so it holds every number of at
// most 18 significant digits whose magnitude is below 2^63 × 10^-scale
// (about 9.2 × 10^18 for integers, 9.2 for 18 fractional digits).
// OpenSLO uses it for the threshold of an objective (value), the weight
// of a composite objective (compositeWeight) and the threshold of a
// burn-rate condition: numbers that may be negative or large, and that
// must compare exactly with measured values.
//
// A Decimal is read from the literal text of a YAML number and never
// passes through float64; a number it cannot hold is an error
// (ErrPrecision for too many fractional digits, ErrTooLarge for too
// large a magnitude), never rounded. Values are normalized (no trailing
// fractional zeros), so == and Equal compare values: 500, 500.0 and 5e2
// are equal. The zero value is 0. Decimal is a plain value, safe for
// concurrent use.
type Decimal struct {
	coef  int64
	scale uint8
}

// ParseDecimal parses a decimal number: an optional sign, digits, an
// optional fraction and an optional exponent ("-12.5", "0.0005", "5e2",
// "1.5E-3"). Hexadecimal, octal, underscores, infinities and NaN are
// rejected, as is any number a Decimal cannot hold exactly. Errors wrap
// ErrSyntax, ErrPrecision or ErrTooLarge.
func ParseDecimal(s string) (Decimal, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return Decimal{}, fmt.Errorf("openslo: decimal %s: %w", quote.Text(s), err)
	}
	return d, nil
}

// MustDecimal is like ParseDecimal but panics on error. It is meant for
// constants written in code.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalOf returns the integer n as a Decimal. A Decimal's magnitude
// stays below 2^63, so math.MinInt64 is taken as -math.MaxInt64.
func DecimalOf(n int64) Decimal {
	return Decimal{coef: max(n, -math.MaxInt64)}
}

// number is a decimal literal taken apart: the value is ±sig × 10^exp,
// with sig the significant digits without leading or trailing zeros ("" for
// zero).
type number struct {
	neg bool
	sig string
	exp int
}

// maxExpDigits bounds the exponent of a literal: 9999 in magnitude is far
// beyond any value this package holds, and keeps the arithmetic on exp
// within int.
const maxExpDigits = 4

// parseNumber reads [+-]digits[.digits][(e|E)[+-]digits].
func parseNumber(s string) (number, error) {
	var n number
	rest := s
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		n.neg = rest[0] == '-'
		rest = rest[1:]
	}
	mant, expText, hasExp := strings.Cut(rest, "e")
	if !hasExp {
		mant, expText, hasExp = strings.Cut(rest, "E")
	}
	intPart, fracPart, hasDot := strings.Cut(mant, ".")
	if intPart == "" || !allDigits(intPart) || hasDot && (fracPart == "" || !allDigits(fracPart)) {
		return n, reason(ErrSyntax, "%s is not a decimal number such as 99.95, -12.5 or 5e2", quote.Text(s))
	}
	if hasExp {
		digits := expText
		neg := false
		if digits != "" && (digits[0] == '+' || digits[0] == '-') {
			neg = digits[0] == '-'
			digits = digits[1:]
		}
		if digits == "" || !allDigits(digits) {
			return n, reason(ErrSyntax, "%s is not a decimal number such as 99.95, -12.5 or 5e2", quote.Text(s))
		}
		digits = strings.TrimLeft(digits, "0")
		if len(digits) > maxExpDigits {
			return n, reason(ErrTooLarge, "%s has an exponent beyond ±9999", quote.Text(s))
		}
		n.exp, _ = strconv.Atoi("0" + digits)
		if neg {
			n.exp = -n.exp
		}
	}
	all := strings.TrimLeft(intPart+fracPart, "0")
	n.exp -= len(fracPart)
	trimmed := strings.TrimRight(all, "0")
	n.exp += len(all) - len(trimmed)
	n.sig = trimmed
	if n.sig == "" {
		n.neg, n.exp = false, 0
	}
	return n, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plain returns the number without an exponent: "0.0005", "-500", "0".
// It refuses numbers whose plain form would be longer than max digits,
// so that a literal like 1e9999 cannot make a long string.
func (n number) plain(max int) (string, error) {
	if n.sig == "" {
		return "0", nil
	}
	var s string
	switch {
	case n.exp >= 0:
		if len(n.sig)+n.exp > max {
			return "", reason(ErrTooLarge, "more than %d digits", max)
		}
		s = n.sig + strings.Repeat("0", n.exp)
	case -n.exp >= len(n.sig):
		if -n.exp > max {
			return "", reason(ErrPrecision, "more than %d fractional digits", max)
		}
		s = "0." + strings.Repeat("0", -n.exp-len(n.sig)) + n.sig
	default:
		cut := len(n.sig) + n.exp
		s = n.sig[:cut] + "." + n.sig[cut:]
	}
	if n.neg {
		s = "-" + s
	}
	return s, nil
}

// maxInt64Text is math.MaxInt64 in decimal.
const maxInt64Text = "9223372036854775807"

// decimal returns the number as a Decimal, or why it cannot be one: its
// integer part beyond ±(2^63 − 1) is ErrTooLarge; more fractional or
// significant digits than the coefficient and scale hold is
// ErrPrecision.
func (n number) decimal() (Decimal, error) {
	if n.sig == "" {
		return Decimal{}, nil
	}
	if intDigits := len(n.sig) + n.exp; intDigits > len(maxInt64Text) ||
		intDigits == len(maxInt64Text) && (n.sig + strings.Repeat("0", max(n.exp, 0)))[:intDigits] > maxInt64Text {
		return Decimal{}, reason(ErrTooLarge, "beyond the ±9.2e18 a decimal holds")
	}
	scale := max(-n.exp, 0)
	if scale > maxScale {
		return Decimal{}, reason(ErrPrecision, "more than %d fractional digits", maxScale)
	}
	c, err := strconv.ParseUint(n.sig, 10, 64)
	hi := uint64(0)
	if err == nil && n.exp > 0 {
		hi, c = bits.Mul64(c, pow10[n.exp])
	}
	if err != nil || hi != 0 || c > math.MaxInt64 {
		return Decimal{}, reason(ErrPrecision, "more significant digits than a decimal holds (18)")
	}
	v := int64(c)
	if n.neg {
		v = -v
	}
	return Decimal{coef: v, scale: uint8(scale)}, nil
}

func parseDecimal(s string) (Decimal, error) {
	n, err := parseNumber(s)
	if err != nil {
		return Decimal{}, err
	}
	return n.decimal()
}

// String returns the shortest exact decimal text: "-12.5", "0.0005",
// "500". ParseDecimal reads it back to an equal value.
func (d Decimal) String() string {
	neg := d.coef < 0
	mag := uint64(d.coef)
	if neg {
		mag = uint64(-d.coef)
	}
	s := strconv.FormatUint(mag, 10)
	if d.scale > 0 {
		sc := int(d.scale)
		if len(s) <= sc {
			s = strings.Repeat("0", sc-len(s)+1) + s
		}
		s = s[:len(s)-sc] + "." + s[len(s)-sc:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalText implements encoding.TextMarshaler with the form of String.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDecimal.
func (d *Decimal) UnmarshalText(text []byte) error {
	v, err := ParseDecimal(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Parts returns the coefficient and the scale: d = coef × 10^-scale, with
// scale from 0 to 18 and no trailing zero in coef when scale > 0.
func (d Decimal) Parts() (coef int64, scale int) { return d.coef, int(d.scale) }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.coef == 0 }

// Equal reports whether d and e have the same value.
func (d Decimal) Equal(e Decimal) bool { return d == e }

// Cmp compares d and e exactly: -1 if d < e, 0 if equal, +1 if d > e. It
// does not allocate.
func (d Decimal) Cmp(e Decimal) int {
	ds, es := d.Sign(), e.Sign()
	if ds != es {
		if ds < es {
			return -1
		}
		return 1
	}
	if ds == 0 {
		return 0
	}
	c := cmpMagnitude(d, e)
	if ds < 0 {
		return -c
	}
	return c
}

// cmpMagnitude compares |d| and |e| by bringing both to the larger scale
// in 128 bits: |coef| < 2^63 and 10^18 < 2^60, so the products fit.
func cmpMagnitude(d, e Decimal) int {
	a, b := abs64(d.coef), abs64(e.coef)
	s := max(d.scale, e.scale)
	return wide.Cmp(a, pow10[s-d.scale], b, pow10[s-e.scale])
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// Float64 returns the nearest float64 to d, for display only.
func (d Decimal) Float64() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}
