package sla

import (
	"math/bits"
	"strings"
)

// rcU128 is an unsigned 128-bit integer, enough for a product of a
// duration and a percentage or a power of ten.
type rcU128 struct{ hi, lo uint64 }

// rcMulDiv returns ⌊a×b/d⌋ for d > 0, computed without overflow.
func rcMulDiv(a, b, d uint64) rcU128 {
	hi, lo := bits.Mul64(a, b)
	return rcU128{hi, lo}.divSmall(d)
}

func (x rcU128) addSmall(n uint64) rcU128 {
	lo, carry := bits.Add64(x.lo, n, 0)
	return rcU128{x.hi + carry, lo}
}

// divSmall returns ⌊x/d⌋ for d > 0.
func (x rcU128) divSmall(d uint64) rcU128 {
	qhi, r := x.hi/d, x.hi%d
	qlo, _ := bits.Div64(r, x.lo, d)
	return rcU128{qhi, qlo}
}

func (x rcU128) isZero() bool { return x.hi == 0 && x.lo == 0 }

// decimal formats x/10^places with exactly places decimals.
func (x rcU128) decimal(places int) string {
	var digits []byte
	for !x.isZero() {
		q := x.divSmall(10)
		// x − 10q fits in the low word.
		digits = append(digits, byte('0'+(x.lo-q.lo*10)))
		x = q
	}
	for len(digits) <= places {
		digits = append(digits, '0')
	}
	var b strings.Builder
	for i := len(digits) - 1; i >= 0; i-- {
		b.WriteByte(digits[i])
		if i == places && places > 0 {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func rcZeroText(places int) string {
	if places == 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", places)
}
