package sla

import (
	"math/big"
	"math/bits"
)

// Serial returns the availability of components that must all be up,
// exactly: the product of their availabilities. With no component it is 1.
//
// The result holds about 60 bits per component, and computing it costs
// about what multiplying numbers of that size costs (a product tree,
// reduced once): thousands of components take milliseconds, not the
// cube of their number.
func Serial(components ...Target) Rational {
	return product(len(components), func(i int) uint64 { return components[i].ppe })
}

// Redundant returns the availability of components of which one
// suffices, exactly: 1 − Π(1 − a), assuming independent failures. With no
// component it is 0. Its cost is that of [Serial].
func Redundant(components ...Target) Rational {
	down := product(len(components), func(i int) uint64 { return one - components[i].ppe })
	if down.IsZero() {
		return ratOf(1, 1)
	}
	// 1 − p/q = (q − p)/q, still in lowest terms: a common factor of
	// q − p and q would divide p.
	num, den := down.rat().Num(), down.rat().Denom()
	return reduced(new(big.Int).Sub(den, num), den)
}

// product returns Π ppe(i)/10^18 for i < n, exactly. Every factor's
// denominator is 10^18 = 2^18·5^18, so the only common factors of the
// product's numerator and denominator are 2s and 5s: product takes them
// out of each factor as it reads it, multiplies the rest with a balanced
// tree (so that big multiplications meet numbers of like size), and
// builds the result already in lowest terms, with no GCD. Reducing after
// every multiplication, as big.Rat.Mul does, made the cost grow with the
// cube of n.
func product(n int, ppe func(i int) uint64) Rational {
	const digits = 18 // 10^18 is one
	odd := make([]*big.Int, 0, n)
	twos, fives := -digits*n, -digits*n // exponents of 2 and 5 in the product
	for i := range n {
		v := ppe(i)
		if v == 0 {
			return Rational{}
		}
		tz := bits.TrailingZeros64(v)
		v >>= tz
		twos += tz
		for v%5 == 0 {
			v /= 5
			fives++
		}
		if v != 1 {
			odd = append(odd, new(big.Int).SetUint64(v))
		}
	}
	num := treeProduct(odd)
	den := big.NewInt(1)
	scale := func(twos, fives int) {
		if twos > 0 {
			num.Lsh(num, uint(twos))
		} else if twos < 0 {
			den.Lsh(den, uint(-twos))
		}
		if fives > 0 {
			num.Mul(num, pow(5, fives))
		} else if fives < 0 {
			den.Mul(den, pow(5, -fives))
		}
	}
	scale(twos, fives)
	return reduced(num, den)
}

// treeProduct returns the product of xs (1 for none), multiplying
// neighbours pairwise until one is left; it may modify xs and its
// elements.
func treeProduct(xs []*big.Int) *big.Int {
	if len(xs) == 0 {
		return big.NewInt(1)
	}
	for len(xs) > 1 {
		half := 0
		for i := 0; i < len(xs); i += 2 {
			if i+1 < len(xs) {
				xs[half] = xs[i].Mul(xs[i], xs[i+1])
			} else {
				xs[half] = xs[i]
			}
			half++
		}
		xs = xs[:half]
	}
	return xs[0]
}

// pow returns base^exp for exp ≥ 0.
func pow(base, exp int) *big.Int {
	return new(big.Int).Exp(big.NewInt(int64(base)), big.NewInt(int64(exp)), nil)
}

// reduced returns num/den for num ≥ 0 and den > 0 already in lowest
// terms, without the GCD that big.Rat.SetFrac would compute. It sets the
// parts through Num and Denom, which big.Rat documents as references to
// its own numerator and denominator once it has been set to a value
// whose denominator is not 1.
func reduced(num, den *big.Int) Rational {
	if den.Cmp(big.NewInt(1)) == 0 {
		return fromRat(new(big.Rat).SetInt(num))
	}
	r := big.NewRat(1, 2)
	r.Num().Set(num)
	r.Denom().Set(den)
	return fromRat(r)
}
