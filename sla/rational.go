package sla

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

// Rational is an exact non-negative rational number, or +Inf. Burn rates,
// alert thresholds, budget fractions, slice averages and composite
// availabilities are Rationals, because their exact values need not fit a
// fixed number of decimal places (a 28-day ticket threshold is 14/15).
//
// +Inf arises where a finite value would need a division by zero: any
// error against a 100% target burns at an infinite rate. The zero value
// is 0. A Rational is immutable and safe for concurrent use; it is not
// comparable with ==, use Rational.Cmp or Rational.Equal.
type Rational struct {
	r   *big.Rat // nil means 0; never modified once set
	inf bool
}

// inf is +Inf, greater than every finite Rational.
var inf = Rational{inf: true}

// RationalOf returns num/den. A zero den gives +Inf when num > 0 and 0
// when num is 0, so that no call divides by zero.
func RationalOf(num, den uint64) Rational {
	if den == 0 {
		if num == 0 {
			return Rational{}
		}
		return inf
	}
	return ratOf(num, den)
}

func ratOf(num, den uint64) Rational {
	r := new(big.Rat).SetFrac(new(big.Int).SetUint64(num), new(big.Int).SetUint64(den))
	return Rational{r: r}
}

func fromRat(r *big.Rat) Rational { return Rational{r: r} }

func (x Rational) rat() *big.Rat {
	if x.r == nil {
		return new(big.Rat)
	}
	return x.r
}

// IsInf reports whether x is +Inf.
func (x Rational) IsInf() bool { return x.inf }

// IsZero reports whether x is 0.
func (x Rational) IsZero() bool { return !x.inf && (x.r == nil || x.r.Sign() == 0) }

// Cmp compares x and y: -1 if x < y, 0 if equal, +1 if x > y.
func (x Rational) Cmp(y Rational) int {
	switch {
	case x.inf && y.inf:
		return 0
	case x.inf:
		return 1
	case y.inf:
		return -1
	}
	return x.rat().Cmp(y.rat())
}

// Equal reports whether x and y have the same value.
func (x Rational) Equal(y Rational) bool { return x.Cmp(y) == 0 }

// Met reports whether x, read as a ratio of availability, meets t: x ≥ t.
func (x Rational) Met(t Target) bool { return x.Cmp(t.Rational()) >= 0 }

// Mul returns x × y. Inf × 0 is 0 (no errors burn nothing, however fast).
func (x Rational) Mul(y Rational) Rational {
	if x.IsZero() || y.IsZero() {
		return Rational{}
	}
	if x.inf || y.inf {
		return inf
	}
	return fromRat(new(big.Rat).Mul(x.r, y.r))
}

// Add returns x + y; +Inf plus anything is +Inf.
func (x Rational) Add(y Rational) Rational {
	switch {
	case x.inf || y.inf:
		return inf
	case x.IsZero():
		return y
	case y.IsZero():
		return x
	}
	return fromRat(new(big.Rat).Add(x.r, y.r))
}

// Quo returns x / y. Division by 0 gives +Inf (or 0 for 0/0); a finite x
// over +Inf gives 0 and +Inf / +Inf gives +Inf.
func (x Rational) Quo(y Rational) Rational {
	switch {
	case x.IsZero():
		return Rational{}
	case y.inf && x.inf:
		return inf
	case y.inf:
		return Rational{}
	case x.inf, y.IsZero():
		return inf
	}
	return fromRat(new(big.Rat).Quo(x.r, y.r))
}

// Num returns the numerator of x as a reduced fraction, as a new
// big.Int: 1 for +Inf (whose denominator is 0) and 0 for 0 (over 1).
func (x Rational) Num() *big.Int {
	if x.inf {
		return big.NewInt(1)
	}
	return new(big.Int).Set(x.rat().Num())
}

// Den returns the denominator of x; see Rational.Num.
func (x Rational) Den() *big.Int {
	if x.inf {
		return new(big.Int)
	}
	return new(big.Int).Set(x.rat().Denom())
}

// String returns x exactly: as a decimal when it has a finite one
// ("14.4", "6", "0.02"), otherwise as a reduced fraction ("14/15"), or
// "+Inf".
//
// The form is exact, and [Rational.UnmarshalText] reads it back.
func (x Rational) String() string {
	if x.inf {
		return "+Inf"
	}
	r := x.rat()
	if n, exact := r.FloatPrec(); exact {
		return r.FloatString(n)
	}
	return r.RatString()
}

// Decimal returns x with exactly places decimal places (clamped to
// 0..30), truncated toward zero: 14/15 at four places is "0.9333".
func (x Rational) Decimal(places int) string {
	if x.inf {
		return "+Inf"
	}
	places = min(max(places, 0), 30)
	r := x.rat()
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	q := new(big.Int).Mul(r.Num(), scale)
	q.Quo(q, r.Denom())
	s := q.String()
	if places == 0 {
		return s
	}
	if len(s) <= places {
		s = strings.Repeat("0", places-len(s)+1) + s
	}
	return s[:len(s)-places] + "." + s[len(s)-places:]
}

// Percent returns 100 × x with exactly places decimal places, truncated
// toward zero, and a "%" sign: a missed target never prints as met.
func (x Rational) Percent(places int) string {
	return x.Mul(ratOf(100, 1)).Decimal(places) + "%"
}

// Float64 returns the nearest float64 to x (+Inf for +Inf), for display
// only.
func (x Rational) Float64() float64 {
	if x.inf {
		return math.Inf(1)
	}
	f, _ := x.rat().Float64()
	return f
}

// MarshalText implements encoding.TextMarshaler with the exact form of
// [Rational.String]: "14.4", "14/15" or "+Inf".
func (x Rational) MarshalText() ([]byte, error) { return []byte(x.String()), nil }

// ParseRational reads the exact text form of a Rational, as
// [Rational.UnmarshalText] does: "14.4", "14/15" or "+Inf".
func ParseRational(s string) (Rational, error) {
	var x Rational
	err := x.UnmarshalText([]byte(s))
	return x, err
}

// maxRationalText bounds the length of a Rational's text, so that no
// input makes the conversion to big integers costly.
const maxRationalText = 400

// wantRational describes the forms UnmarshalText reads, for its errors.
const wantRational = "want a decimal such as 14.4, a fraction such as 14/15, or +Inf"

// UnmarshalText implements encoding.TextUnmarshaler. It reads exactly
// three forms, the ones [Rational.String] writes:
//
//   - a decimal: ASCII digits, optionally a point and more digits
//     ("14.4", "6", "0.02");
//   - a fraction: digits, "/", digits, with a denominator that is not
//     zero ("14/15");
//   - "+Inf".
//
// Every digit is decimal, leading zeros included ("014/015" is 14/15).
// Nothing else is read: no sign, spaces, exponent, base prefix ("0x"),
// digit separator ("_"), or point without digits on both sides ("1.",
// ".5"), and at most 400 characters, as [ParseTarget] is strict. A
// negative value ("-1") is a *ParseError wrapping ErrRange; any other
// text, a zero denominator included, is a *ParseError wrapping
// ErrSyntax, whose message names what stands where (as a 0-based byte
// offset) and then the forms wanted.
func (x *Rational) UnmarshalText(text []byte) error {
	s := string(text)
	if s == "+Inf" {
		*x = inf
		return nil
	}
	r, err := parseRat(s)
	if err != nil {
		return err
	}
	*x = fromRat(r)
	return nil
}

// parseRat reads the finite forms of UnmarshalText.
func parseRat(s string) (*big.Rat, error) {
	fail := func(kind error, why string) (*big.Rat, error) {
		return nil, parseError("rational", s, kind, "%s", why)
	}
	switch {
	case s == "":
		return fail(ErrSyntax, "empty; "+wantRational)
	case len(s) > maxRationalText:
		return fail(ErrSyntax, fmt.Sprintf("longer than %d characters; %s", maxRationalText, wantRational))
	case s[0] == '-' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		return fail(ErrRange, "negative; a rational here is 0 or more")
	}
	digits := func(d string) bool { return d != "" && allDigits(d) }
	if num, den, frac := strings.Cut(s, "/"); frac {
		if !digits(num) || !digits(den) {
			return fail(ErrSyntax, syntaxFault(s, true)+"; "+wantRational)
		}
		if strings.Trim(den, "0") == "" {
			return fail(ErrSyntax, fmt.Sprintf("a zero denominator at byte %d; %s", len(num)+1, wantRational))
		}
		return new(big.Rat).SetFrac(decimalInt(num), decimalInt(den)), nil
	}
	whole, fraction, point := strings.Cut(s, ".")
	if !digits(whole) || point && !digits(fraction) {
		return fail(ErrSyntax, syntaxFault(s, true)+"; "+wantRational)
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(fraction))), nil)
	return new(big.Rat).SetFrac(decimalInt(whole+fraction), scale), nil
}

// decimalInt returns the value of a non-empty string of ASCII digits,
// read in base 10 whatever its leading digits.
func decimalInt(d string) *big.Int {
	n, _ := new(big.Int).SetString(d, 10)
	return n
}
