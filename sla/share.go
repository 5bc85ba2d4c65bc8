package sla

import "math/big"

// Share is an exact share of a whole, from 0% to 100%: the credit a tier
// of a credit schedule owes (a share of the bill), or the share of an
// error budget from which NewAlertRule derives a rule's burn-rate
// threshold (2% in 1 hour). It is not a Target: a target is a
// level a measured ratio must meet, a share is an amount. It reads and
// prints like a Target ("10%", "0.1", "2.5%"), with 16 fractional digits
// of percent held exactly and never rounded.
//
// The zero value is 0%. Share is a plain value, safe for concurrent use;
// == compares values.
type Share struct {
	ppe uint64 // parts per 10^18, at most one
}

// ParseShare parses a share as ParseTarget parses a target: a percentage
// ("10%") or a ratio in [0, 1] ("0.1"). Errors are *ParseError with What
// "share".
func ParseShare(s string) (Share, error) {
	v, err := parseFixed("share", s)
	return Share{ppe: v}, err
}

// MustShare is like ParseShare but panics on error. It is meant for
// constants written in code, such as MustShare("10%").
func MustShare(s string) Share {
	v, err := ParseShare(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the percentage form with as few fractional digits as
// the value needs: "10%", "2.5%", "0%".
func (s Share) String() string { return formatPPE(s.ppe) }

// MarshalText implements encoding.TextMarshaler with the form of String.
func (s Share) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseShare.
func (s *Share) UnmarshalText(text []byte) error {
	v, err := ParseShare(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Cmp compares two shares: -1 if s < u, 0 if equal, +1 if s > u.
func (s Share) Cmp(u Share) int { return Target(s).Cmp(Target(u)) }

// IsZero reports whether s is 0%.
func (s Share) IsZero() bool { return s.ppe == 0 }

// Rational returns the exact value of s as a Rational.
func (s Share) Rational() Rational { return ratOf(s.ppe, one) }

// Float64 returns s as a ratio in [0, 1], for display only.
func (s Share) Float64() float64 { return float64(s.ppe) / one }

// ShareOf returns x as a Share, rounded down to the 18 decimal places of
// ratio a Share holds, and whether that is x exactly. A value above 1
// (and +Inf) gives 100%, not exactly. A proportional credit such as
// 3/2872 of the bill has no exact Share: its Share is the largest one
// not above it, and the Rational is the exact credit.
func ShareOf(x Rational) (Share, bool) {
	if x.inf || x.Cmp(ratOf(1, 1)) > 0 {
		return Share{ppe: one}, false
	}
	r := x.rat()
	q, rem := new(big.Int).QuoRem(new(big.Int).Mul(r.Num(), big.NewInt(one)), r.Denom(), new(big.Int))
	return Share{ppe: q.Uint64()}, rem.Sign() == 0
}
