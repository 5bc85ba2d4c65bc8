package contract

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
)

// Money is an amount of a currency held exactly, in the currency's minor
// units: "1200.00 USD" is 120000 cents, Places 2; "5000 JPY" is 5000 yen,
// Places 0. Its text form is the amount with Places digits after the
// point, a space, and the ISO 4217 code of the currency. The zero value
// is no amount at all (no currency); Money is a plain value, safe for
// concurrent use, and == compares amounts as written.
type Money struct {
	// Minor is the amount in minor units: 10^−Places of the currency.
	Minor int64
	// Places is the number of decimal places of the amount, 0 to 4: 2 for
	// USD and EUR, 0 for JPY, 3 for KWD.
	Places uint8
	// Currency is an ISO 4217 code of three capital letters.
	Currency string
}

// maxPlaces is the most decimal places a Money holds: ISO 4217 minor
// units run from 0 to 4.
const maxPlaces = 4

// ParseMoney reads an amount such as "1200.00 USD": digits, an optional
// point with at most 4 digits after it, one space, and a currency code
// of three capital letters. The digits after the point fix Places, so
// "1200 USD" and "1200.00 USD" are the same amount written differently.
// A negative amount, or one past 2^63 − 1 minor units, is an error
// wrapping ErrRange; anything else malformed wraps ErrSyntax.
func ParseMoney(s string) (Money, error) {
	fail := func(kind error, why string) (Money, error) {
		return Money{}, fmt.Errorf("contract: %w: money %s: %s", kind, quote.Text(s), why)
	}
	amount, code, ok := strings.Cut(s, " ")
	if !ok || len(code) != 3 || strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fail(ErrSyntax, `want an amount and an ISO 4217 code, such as "1200.00 USD"`)
	}
	if strings.HasPrefix(amount, "-") {
		return fail(ErrRange, "negative")
	}
	whole, frac, dot := strings.Cut(amount, ".")
	if whole == "" || !digits(whole) || dot && (frac == "" || !digits(frac)) {
		return fail(ErrSyntax, `want digits with an optional point, such as "1200.00"`)
	}
	if len(frac) > maxPlaces {
		return fail(ErrRange, fmt.Sprintf("%d digits after the point; a currency has at most %d", len(frac), maxPlaces))
	}
	minor, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return fail(ErrRange, "more than 2^63-1 minor units")
	}
	return Money{Minor: minor, Places: uint8(len(frac)), Currency: code}, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether m is the zero value: no amount and no currency.
func (m Money) IsZero() bool { return m == Money{} }

// String returns the text form, "1200.00 USD", or "" for the zero value.
func (m Money) String() string {
	if m.IsZero() {
		return ""
	}
	s := strconv.FormatInt(m.Minor, 10)
	if m.Places > 0 {
		p := int(m.Places)
		if len(s) <= p {
			s = strings.Repeat("0", p-len(s)+1) + s
		}
		s = s[:len(s)-p] + "." + s[len(s)-p:]
	}
	return s + " " + m.Currency
}

// MarshalText implements encoding.TextMarshaler with the form of String.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseMoney.
func (m *Money) UnmarshalText(text []byte) error {
	v, err := ParseMoney(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Times returns share × m, in the minor units of m, rounded to the
// nearest minor unit, halves up: 3/2872 of 1000.00 USD is
// 1.044568…, 1.04 USD, and 1/8 of 0.20 USD is 0.025, 0.03 USD. It is
// exact: the only rounding is that one, at the end. share is clamped to
// [0, 1]; the zero Money gives the zero Money.
func (m Money) Times(share sla.Rational) Money {
	if m.IsZero() {
		return m
	}
	if share.IsInf() || share.Cmp(sla.RationalOf(1, 1)) > 0 {
		share = sla.RationalOf(1, 1)
	}
	// floor((2·minor·num + den) / (2·den)): round half up.
	num := new(big.Int).Mul(big.NewInt(m.Minor), share.Num())
	num.Lsh(num, 1)
	den := new(big.Int).Lsh(share.Den(), 1)
	num.Add(num, share.Den())
	num.Quo(num, den)
	return Money{Minor: num.Int64(), Places: m.Places, Currency: m.Currency} // ≤ m.Minor: fits
}
