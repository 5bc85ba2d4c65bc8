package sla_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/slamath/slamath/sla"
)

// copies returns n copies of t.
func copies(t sla.Target, n int) []sla.Target {
	cs := make([]sla.Target, n)
	for i := range cs {
		cs[i] = t
	}
	return cs
}

// TestSerialCostIsNotCubic: Serial reduced its big.Rat after every
// multiplication, so n components of 99.9999999999999999% cost about n³
// (1.5 s for 1,000, a minute for 3,000) and allocated about n² bytes
// (18 MB for 1,000). The exact result holds 18,000 decimal digits for
// 1,000 components, about 7.5 KB per numerator and denominator; a
// product tree allocates a few times that at each of its log₂(1000) ≈ 10
// levels. The bound, 2 MB, is ten times what the tree needs and a ninth
// of what the old loop did.
//
// The expected values, from first principles: 99.9999999999999999% is
// m/10^18 with m = 10^18 − 1, which is odd and ends in 9, so m^n/10^18n
// is in lowest terms. 66.6666666666666667% has the complement c/10^18
// with c = 333333333333333333, odd and ending in 3, so one of n
// redundant copies is (10^18n − c^n)/10^18n, in lowest terms.
func TestSerialCostIsNotCubic(t *testing.T) {
	const n, bound = 1000, 2 << 20
	exp := func(b *big.Int, e int) *big.Int { return new(big.Int).Exp(b, big.NewInt(int64(e)), nil) }
	tenN := exp(big.NewInt(10), 18*n)
	m := new(big.Int).Sub(exp(big.NewInt(10), 18), big.NewInt(1))
	c := big.NewInt(333333333333333333)
	for _, tc := range []struct {
		name     string
		f        func(...sla.Target) sla.Rational
		t        sla.Target
		num, den *big.Int
	}{
		{"serial", sla.Serial, sla.MustTarget("99.9999999999999999%"), exp(m, n), tenN},
		{"redundant", sla.Redundant, sla.MustTarget("66.6666666666666667%"), new(big.Int).Sub(tenN, exp(c, n)), tenN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := copies(tc.t, n)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got := tc.f(cs...)
			runtime.ReadMemStats(&after)
			if bytes := after.TotalAlloc - before.TotalAlloc; bytes > bound {
				t.Errorf("%d components allocated %d bytes, want at most %d", n, bytes, bound)
			}
			if got.Num().Cmp(tc.num) != 0 || got.Den().Cmp(tc.den) != 0 {
				t.Errorf("result is not the exact product in lowest terms")
			}
		})
	}
}

// referenceComposite is the definition, one big.Rat multiplication at a
// time.
func referenceComposite(redundant bool, cs []sla.Target) *big.Rat {
	p := big.NewRat(1, 1)
	for _, c := range cs {
		a := new(big.Rat).SetFrac(c.Rational().Num(), c.Rational().Den())
		if redundant {
			a.Sub(big.NewRat(1, 1), a)
		}
		p.Mul(p, a)
	}
	if redundant {
		p.Sub(big.NewRat(1, 1), p)
	}
	return p
}

// FuzzComposite: Serial and Redundant equal the definition, in lowest
// terms, for any list of targets (drawn from a seed, with the values
// whose factors of 2 and 5 matter most: 0, 100%, powers of two and
// five, and multiples of 10^k).
func FuzzComposite(f *testing.F) {
	f.Add(uint64(1), uint8(3))
	f.Add(uint64(42), uint8(40))
	f.Add(uint64(7), uint8(0))
	special := []uint64{0, 1, 2, 5, 10, 1 << 59, 3814697265625 /* 5^18 */, 500000000000000000, 999999999999999999, 1000000000000000000}
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		cs := make([]sla.Target, n%64)
		for i := range cs {
			var ppe uint64
			if rng.IntN(2) == 0 {
				ppe = special[rng.IntN(len(special))]
			} else {
				ppe = rng.Uint64N(1000000000000000001)
			}
			cs[i] = sla.MustTarget(fmt.Sprintf("0.%018d", ppe))
			if ppe == 1000000000000000000 {
				cs[i] = sla.MustTarget("1")
			}
		}
		for _, redundant := range []bool{false, true} {
			got := sla.Serial(cs...)
			if redundant {
				got = sla.Redundant(cs...)
			}
			want := referenceComposite(redundant, cs)
			if got.Num().Cmp(want.Num()) != 0 || got.Den().Cmp(want.Denom()) != 0 {
				t.Fatalf("redundant=%v %v: got %v/%v, want %v", redundant, cs, got.Num(), got.Den(), want.RatString())
			}
		}
	})
}

func BenchmarkSerial(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		cs := copies(sla.MustTarget("99.9999999999999999%"), n)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sla.Serial(cs...)
			}
		})
	}
}

func BenchmarkRedundant(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		cs := copies(sla.MustTarget("66.6666666666666667%"), n)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sla.Redundant(cs...)
			}
		})
	}
}
