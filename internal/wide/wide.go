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

// u256 is an unsigned 256-bit integer, least significant word first.
type u256 [4]uint64

// mul128 returns the 256-bit product of two 128-bit numbers (hi, lo).
func mul128(ah, al, bh, bl uint64) u256 {
	var r u256
	// (ah·2^64 + al)(bh·2^64 + bl), column by column.
	h, l := bits.Mul64(al, bl)
	r[0] = l
	carry := h

	h1, l1 := bits.Mul64(ah, bl)
	h2, l2 := bits.Mul64(al, bh)
	s, c1 := bits.Add64(carry, l1, 0)
	s, c2 := bits.Add64(s, l2, 0)
	r[1] = s
	// h1 + h2 + c1 + c2 < 2^65: keep its carry in the third word.
	mid, c3 := bits.Add64(h1, h2, 0)
	mid, c4 := bits.Add64(mid, c1+c2, 0)

	h3, l3 := bits.Mul64(ah, bh)
	s, c5 := bits.Add64(mid, l3, 0)
	r[2] = s
	r[3] = h3 + c3 + c4 + c5 // the product has at most 256 bits: no carry out
	return r
}

func (x u256) cmp(y u256) int {
	for i := 3; i >= 0; i-- {
		switch {
		case x[i] < y[i]:
			return -1
		case x[i] > y[i]:
			return 1
		}
	}
	return 0
}

// Cmp4 compares the products a1×a2×a3×a4 and b1×b2×b3×b4 exactly: -1,
// 0 or +1 as for Cmp. Each product has at most 256 bits, so nothing
// overflows whatever the factors.
func Cmp4(a1, a2, a3, a4, b1, b2, b3, b4 uint64) int {
	ah, al := bits.Mul64(a1, a2)
	bh, bl := bits.Mul64(a3, a4)
	ch, cl := bits.Mul64(b1, b2)
	dh, dl := bits.Mul64(b3, b4)
	return mul128(ah, al, bh, bl).cmp(mul128(ch, cl, dh, dl))
}
