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

func TestCmp4(t *testing.T) {
	tests := []struct {
		name string
		a, b [4]uint64
		want int
	}{
		{"small equal", [4]uint64{2, 3, 5, 7}, [4]uint64{1, 1, 6, 35}, 0},
		// (2^64−1)^4 against (2^64−1)^3 (2^64−2): they differ by (2^64−1)^3.
		{"largest products", [4]uint64{max64, max64, max64, max64}, [4]uint64{max64, max64, max64, max64 - 1}, 1},
		{"largest products equal", [4]uint64{max64, max64, max64, max64}, [4]uint64{max64, max64, max64, max64}, 0},
		// 2^63·2^63·2·2 = 4·2^126 against 2^63·2^63·1·3 = 3·2^126.
		{"top bit", [4]uint64{1 << 63, 1 << 63, 2, 2}, [4]uint64{1 << 63, 1 << 63, 1, 3}, 1},
		{"zero factor", [4]uint64{0, max64, max64, max64}, [4]uint64{1, 1, 1, 1}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := tt.a, tt.b
			if got := Cmp4(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]); got != tt.want {
				t.Errorf("Cmp4(%v, %v) = %d, want %d", a, b, got, tt.want)
			}
		})
	}
}

func TestMul3(t *testing.T) {
	// (2^64−1)³ = 2^192 − 3·2^128 + 3·2^64 − 1: words 1, ..., the
	// largest product of three.
	m := Mul3(max64, max64, max64)
	if want := (U192{max64, 2, max64 - 2}); m != want {
		t.Errorf("Mul3(max, max, max) = %x, want %x", m, want)
	}
	// 10^18 × 10^18 × 1 = 10^36 = 0xc097ce7bc90715b34b9f1000000000.
	if m, want := Mul3(1e18, 1e18, 1), (U192{0xb34b9f1000000000, 0xc097ce7bc90715, 0}); m != want {
		t.Errorf("Mul3(1e18, 1e18, 1) = %x, want %x", m, want)
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
	m := Mul3(w[0], w[1], w[2])
	got := new(big.Int).SetUint64(m[2])
	got.Lsh(got, 64).Add(got, new(big.Int).SetUint64(m[1]))
	got.Lsh(got, 64).Add(got, new(big.Int).SetUint64(m[0]))
	if want := bigProduct(w[0], w[1], w[2]); got.Cmp(want) != 0 {
		t.Fatalf("Mul3%v = %v, math/big says %v", w[:3], got, want)
	}
	m2 := Mul2(w[0], w[1])
	got2 := new(big.Int).Lsh(new(big.Int).SetUint64(m2[1]), 64)
	if got2.Add(got2, new(big.Int).SetUint64(m2[0])).Cmp(bigProduct(w[0], w[1])) != 0 {
		t.Fatalf("Mul2(%d, %d) = %x, math/big says %v", w[0], w[1], m2, bigProduct(w[0], w[1]))
	}
	if got, want := Cmp4(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]),
		bigProduct(w[0], w[1], w[2], w[3]).Cmp(bigProduct(w[4], w[5], w[6], w[7])); got != want {
		t.Fatalf("Cmp4%v = %d, math/big says %d", w, got, want)
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
		sink += Cmp4(max64, 3, 5, 7, 11, 13, max64, 19) + Cmp(1, 2, 3, 4)
	}); n != 0 {
		t.Errorf("Cmp and Cmp4 allocate %v times", n)
	}
	_ = sink
}

func BenchmarkCmp4(b *testing.B) {
	var sink int
	for i := 0; b.Loop(); i++ {
		sink += Cmp4(uint64(i), 3_600_000_000_000, 1e18, 1e18, 1000, 1e15, 2e16, 2_592_000_000_000_000)
	}
	_ = sink
}
