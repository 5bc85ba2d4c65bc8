// Package wide compares and divides products of unsigned 64-bit integers
// exactly, in 128 and 256 bits, without math/big and without allocating.
// Exact comparisons of fractions (a ratio against a target, a burn against
// a threshold) are cross-multiplications, and this package is the one
// place in the module where they are written.
package wide

import "math/bits"

// Cmp compares a×b with c×d exactly: -1 if a×b < c×d, 0 if equal, +1 if
// greater. Each product has at most 128 bits, so nothing overflows.
func Cmp(a, b, c, d uint64) int {
	xh, xl := bits.Mul64(a, b)
	yh, yl := bits.Mul64(c, d)
	return cmp128(xh, xl, yh, yl)
}

func cmp128(xh, xl, yh, yl uint64) int {
	switch {
	case xh < yh || xh == yh && xl < yl:
		return -1
	case xh == yh && xl == yl:
		return 0
	}
	return 1
}

// MulDiv returns ⌊a×b/d⌋. The quotient must fit in 64 bits, which holds
// whenever a ≤ d or b ≤ d; ok is false (and q 0) when it does not or
// when d is 0.
func MulDiv(a, b, d uint64) (q uint64, ok bool) {
	hi, lo := bits.Mul64(a, b)
	if d == 0 || hi >= d {
		return 0, false
	}
	q, _ = bits.Div64(hi, lo, d)
	return q, true
}

// U192 is an unsigned integer of up to 192 bits, least significant word
// first: a U128 times a uint64 ([U128.Mul]), kept to compare a product
// with one more factor without forming it twice ([CmpMul]).
type U192 [3]uint64

// U128 is an unsigned integer of up to 128 bits, least significant word
// first.
type U128 [2]uint64

// Mul returns x×c for a factor x of at most 128 bits, which fits in 192
// bits.
func (x U128) Mul(c uint64) U192 {
	// (x1·2^64 + x0)·c, column by column.
	h1, l1 := bits.Mul64(x[0], c)
	h2, l2 := bits.Mul64(x[1], c)
	mid, carry := bits.Add64(h1, l2, 0)
	return U192{l1, mid, h2 + carry} // h2 + carry < 2^64: the product fits
}

// mul returns x×X in 256 bits, least significant word first.
func (X U192) mul(x uint64) [4]uint64 {
	h0, l0 := bits.Mul64(x, X[0])
	h1, l1 := bits.Mul64(x, X[1])
	h2, l2 := bits.Mul64(x, X[2])
	r1, c1 := bits.Add64(h0, l1, 0)
	r2, c2 := bits.Add64(h1, l2, c1)
	return [4]uint64{l0, r1, r2, h2 + c2} // h2 + c2 < 2^64: x×X < 2^256
}

// CmpMul compares x×X with y×Y exactly: -1, 0 or +1 as for Cmp. Each
// product has at most 256 bits, so nothing overflows.
func CmpMul(x uint64, X U192, y uint64, Y U192) int {
	a, b := X.mul(x), Y.mul(y)
	for i := 3; i >= 0; i-- {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	return 0
}
