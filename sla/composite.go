package sla

import "math/big"

// Serial returns the availability of components that must all be up,
// exactly: the product of their availabilities. With no component it is 1.
func Serial(components ...Target) Rational {
	p := big.NewRat(1, 1)
	for _, c := range components {
		p.Mul(p, c.Rational().rat())
	}
	return fromRat(p)
}

// Redundant returns the availability of components of which one
// suffices, exactly: 1 − Π(1 − a), assuming independent failures. With no
// component it is 0.
func Redundant(components ...Target) Rational {
	down := big.NewRat(1, 1)
	for _, c := range components {
		down.Mul(down, c.Complement().Rational().rat())
	}
	return fromRat(down.Sub(big.NewRat(1, 1), down))
}
