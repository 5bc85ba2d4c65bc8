package wide

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

const max64 = math.MaxUint64

func bigProduct(xs ...uint64) *big.Int {
	p := big.NewInt(1)
	for _, x := range xs {
		p.Mul(p, new(big.Int).SetUint64(x))
	}
	return p
}

func TestCmp(t *testing.T) {
	tests := []struct {
		name       string
		a, b, c, d uint64
		want       int
	}{
		{"equal small products", 6, 4, 3, 8, 0},
		{"less", 5, 5, 4, 7, -1},
		{"greater", 4, 7, 5, 5, 1},
		{"zero against zero", 0, max64, max64, 0, 0},
		// (2^64−1)² = 2^128 − 2^65 + 1 exceeds (2^64−1)(2^64−2) by 2^64 − 1.
		{"largest products differ in the low word", max64, max64, max64, max64 - 1, 1},
		// 2^32 × 2^32 = 2^64 needs the high word; (2^64−1) × 1 does not.
		{"carry into the high word", 1 << 32, 1 << 32, max64, 1, 1},
		{"same product, factors swapped", 1 << 40, 3, 3, 1 << 40, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cmp(tt.a, tt.b, tt.c, tt.d); got != tt.want {
				t.Errorf("Cmp(%d, %d, %d, %d) = %d, want %d", tt.a, tt.b, tt.c, tt.d, got, tt.want)
			}
		})
	}
}

func TestMulDiv(t *testing.T) {
	tests := []struct {
		name    string
		a, b, d uint64
		want    uint64
		ok      bool
	}{
		{"exact", 6, 7, 3, 14, true},
		{"rounds down", 7, 1, 2, 3, true},
		// 99.999% of 30 days: 2592000 s × 10^13 / 10^18 parts = 25.92 s (FACTS.md).
		{"allowance of five nines over 30 days", 2_592_000_000_000_000, 10_000_000_000_000, 1_000_000_000_000_000_000, 25_920_000_000, true},
		// (2^64−1)² / (2^64−1) = 2^64 − 1: the largest quotient that fits.
		{"largest quotient", max64, max64, max64, max64, true},
		{"quotient too large", max64, 2, 1, 0, false},
		{"division by zero", 1, 1, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MulDiv(tt.a, tt.b, tt.d)
			if got != tt.want || ok != tt.ok {
				t.Errorf("MulDiv(%d, %d, %d) = %d, %v; want %d, %v", tt.a, tt.b, tt.d, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// u128 returns the value of x.
func u128(x U128) *big.Int {
	v := new(big.Int).Lsh(new(big.Int).SetUint64(x[1]), 64)
	return v.Add(v, new(big.Int).SetUint64(x[0]))
}

// TestCmpMul: x×X against y×Y, where X and Y are 128-bit values times a
// third factor ([U128.Mul]), as an alert rule compares a burn with its
// threshold.
func TestCmpMul(t *testing.T) {
	tests := []struct {
		name string
		x    uint64
		X    U128
		c    uint64
		y    uint64
		Y    U128
		d    uint64
		want int
	}{
		// 2·3·5 = 30 = 1·6·5.
		{"small equal", 2, U128{3, 0}, 5, 1, U128{6, 0}, 5, 0},
		// (2^64−1)(2^128−1)(2^64−1) exceeds (2^64−1)(2^128−1)(2^64−2)
		// by (2^64−1)(2^128−1).
		{"largest products", max64, U128{max64, max64}, max64, max64, U128{max64, max64}, max64 - 1, 1},
		{"largest products equal", max64, U128{max64, max64}, max64, max64, U128{max64, max64}, max64, 0},
		// 2·2^126·2 = 2^128 = 4·2^126 against 1·2^126·3 = 3·2^126.
		{"top word", 2, U128{0, 1 << 62}, 2, 1, U128{0, 1 << 62}, 3, 1},
		// 1·2^64·1 against 1·(2^64−1)·1: the high word decides.
		{"high word of X", 1, U128{0, 1}, 1, 1, U128{max64, 0}, 1, 1},
		{"zero factor", 0, U128{max64, max64}, max64, 1, U128{1, 0}, 1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CmpMul(tt.x, tt.X.Mul(tt.c), tt.y, tt.Y.Mul(tt.d)); got != tt.want {
				t.Errorf("CmpMul(%d, %x×%d, %d, %x×%d) = %d, want %d", tt.x, tt.X, tt.c, tt.y, tt.Y, tt.d, got, tt.want)
			}
		})
	}
}

func TestU128Mul(t *testing.T) {
	// (2^128−1)(2^64−1) = 2^192 − 2^128 − 2^64 + 1
	// = (2^64−2)·2^128 + (2^64−1)·2^64 + 1: words 1, max, max−1.
	if m, want := (U128{max64, max64}).Mul(max64), (U192{1, max64, max64 - 1}); m != want {
		t.Errorf("U128{max, max}.Mul(max) = %x, want %x", m, want)
	}
	// 10^18 × 10^18 = 10^36 = 0xc097ce7bc90715b34b9f1000000000.
	if m, want := (U128{1e18, 0}).Mul(1e18), (U192{0xb34b9f1000000000, 0xc097ce7bc90715, 0}); m != want {
		t.Errorf("U128{1e18, 0}.Mul(1e18) = %x, want %x", m, want)
	}
}

// word draws a uint64 that is often near a power of two or the maximum,
// where carries happen.
func word(rng *rand.Rand) uint64 {
	switch rng.IntN(4) {
	case 0:
		return rng.Uint64()
	case 1:
		return max64 - rng.Uint64N(1000)
	case 2:
		return uint64(1)<<rng.IntN(64) + rng.Uint64N(3) - 1
	}
	return rng.Uint64N(1 << 20)
}

func TestAgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200_000; i++ {
		var w [8]uint64
		for j := range w {
			w[j] = word(rng)
		}
		checkAll(t, w)
	}
}

func checkAll(t *testing.T, w [8]uint64) {
	t.Helper()
	if got, want := Cmp(w[0], w[1], w[2], w[3]), bigProduct(w[0], w[1]).Cmp(bigProduct(w[2], w[3])); got != want {
		t.Fatalf("Cmp%v = %d, math/big says %d", w[:4], got, want)
	}
	// X = w[1] + w[2]·2^64, times w[3]; Y likewise from w[5], w[6], w[7].
	X, Y := U128{w[1], w[2]}, U128{w[5], w[6]}
	m := X.Mul(w[3])
	got := new(big.Int).SetUint64(m[2])
	got.Lsh(got, 64).Add(got, new(big.Int).SetUint64(m[1]))
	got.Lsh(got, 64).Add(got, new(big.Int).SetUint64(m[0]))
	if want := new(big.Int).Mul(u128(X), new(big.Int).SetUint64(w[3])); got.Cmp(want) != 0 {
		t.Fatalf("%x.Mul(%d) = %v, math/big says %v", X, w[3], got, want)
	}
	a := new(big.Int).Mul(u128(X), bigProduct(w[0], w[3]))
	b := new(big.Int).Mul(u128(Y), bigProduct(w[4], w[7]))
	if got, want := CmpMul(w[0], X.Mul(w[3]), w[4], Y.Mul(w[7])), a.Cmp(b); got != want {
		t.Fatalf("CmpMul%v = %d, math/big says %d", w, got, want)
	}
	q, ok := MulDiv(w[0], w[1], w[2])
	if w[2] == 0 {
		if ok {
			t.Fatalf("MulDiv(%d, %d, 0) reports ok", w[0], w[1])
		}
		return
	}
	want := new(big.Int).Quo(bigProduct(w[0], w[1]), new(big.Int).SetUint64(w[2]))
	if fits := want.IsUint64(); ok != fits || ok && q != want.Uint64() {
		t.Fatalf("MulDiv(%d, %d, %d) = %d, %v; math/big says %v", w[0], w[1], w[2], q, ok, want)
	}
}

func FuzzAgainstBig(f *testing.F) {
	f.Add(uint64(max64), uint64(max64), uint64(max64), uint64(max64-1), uint64(1), uint64(2), uint64(3), uint64(4))
	f.Add(uint64(1<<63), uint64(1<<63), uint64(2), uint64(2), uint64(1<<63), uint64(1<<63), uint64(1), uint64(3))
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i uint64) {
		checkAll(t, [8]uint64{a, b, c, d, e, g, h, i})
	})
}

func TestNoAllocations(t *testing.T) {
	var sink int
	if n := testing.AllocsPerRun(100, func() {
		sink += CmpMul(max64, U128{3, 5}.Mul(7), 11, U128{13, max64}.Mul(19)) + Cmp(1, 2, 3, 4)
	}); n != 0 {
		t.Errorf("Cmp and CmpMul allocate %v times", n)
	}
	_ = sink
}

// BenchmarkCmpMul: one comparison of two products of a uint64 and a
// 128-bit value times a uint64, in 256 bits, the factors formed in the
// loop as an alert rule forms them.
func BenchmarkCmpMul(b *testing.B) {
	var sink int
	for i := 0; b.Loop(); i++ {
		sink += CmpMul(uint64(i), U128{3_600_000_000_000, 1e18}.Mul(1e18), 1000, U128{1e15, 2e16}.Mul(2_592_000_000_000_000))
	}
	_ = sink
}
