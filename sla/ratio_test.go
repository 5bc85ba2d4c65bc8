package sla_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

func mustRatio(t testing.TB, good, total uint64) sla.Ratio {
	t.Helper()
	r, err := sla.NewRatio(good, total)
	require.NoError(t, err)
	return r
}

func TestRatioMet(t *testing.T) {
	tests := []struct {
		name        string
		good, total uint64
		target      string
		want        bool
	}{
		// 9995/10000 = 0.9995 exactly: equal to the target, so met.
		{"exactly equal is met", 9995, 10000, "99.95%", true},
		{"one event short is missed", 9994, 10000, "99.95%", false},
		// 99.9% of 30 days is 2592 s of downtime; 2592 s down out of
		// 2,592,000 s measured is exactly 99.9%.
		{"time exactly on target", uint64(30*day - 2592*time.Second), uint64(30 * day), "99.9%", true},
		{"one nanosecond over", uint64(30*day - 2592*time.Second - 1), uint64(30 * day), "99.9%", false},
		// 1/3 = 0.333… is below 33.3333333333333334% and above ...333%.
		{"thirds below", 1, 3, "33.3333333333333334%", false},
		{"thirds above", 1, 3, "33.3333333333333333%", true},
		{"empty ratio meets 100%", 0, 0, "100%", true},
		{"all good meets 100%", 7, 7, "100%", true},
		{"one bad misses 100%", 6, 7, "100%", false},
		{"nothing good meets 0%", 0, 7, "0%", true},
		// Products of the largest counts with 10^18 need all 128 bits.
		{"largest counts", 1<<64 - 2, 1<<64 - 1, "99.9999999999999999%", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustRatio(t, tc.good, tc.total)
			if got := r.Met(sla.MustTarget(tc.target)); got != tc.want {
				t.Errorf("%v.Met(%s) = %v, want %v", r, tc.target, got, tc.want)
			}
		})
	}
}

func TestNewRatioRejects(t *testing.T) {
	_, err := sla.NewRatio(3, 2)
	if !errors.Is(err, sla.ErrGoodAboveTotal) {
		t.Fatalf("NewRatio(3, 2): error %v, want ErrGoodAboveTotal", err)
	}
	if got := err.Error(); got != "sla: ratio 3/2: good exceeds total" {
		t.Errorf("error text %q", got)
	}
}

func TestRatioPercent(t *testing.T) {
	tests := []struct {
		name        string
		good, total uint64
		places      int
		want        string
	}{
		// 9994999/10000000 = 99.94999%: truncated, never rounded up to 99.95%.
		{"truncates below a target", 9994999, 10000000, 2, "99.94%"},
		{"exact", 9995, 10000, 2, "99.95%"},
		{"zero places", 9995, 10000, 0, "99%"},
		// 2/3 = 66.666…%: truncation gives 66.666, not 66.667.
		{"two thirds", 2, 3, 3, "66.666%"},
		{"tiny", 1, 1000000, 4, "0.0001%"},
		{"nothing good", 0, 5, 2, "0.00%"},
		{"all good", 5, 5, 1, "100.0%"},
		{"empty is 100%", 0, 0, 2, "100.00%"},
		{"negative places clamp to 0", 1, 3, -4, "33%"},
		{"places clamp to 16", 1, 3, 40, "33.3333333333333333%"},
		{"largest counts", 1<<64 - 2, 1<<64 - 1, 16, "99.9999999999999999%"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mustRatio(t, tc.good, tc.total).Percent(tc.places); got != tc.want {
				t.Errorf("Percent(%d) = %q, want %q", tc.places, got, tc.want)
			}
		})
	}
}

func TestRatioCmp(t *testing.T) {
	half, twoQuarters, third := mustRatio(t, 1, 2), mustRatio(t, 2, 4), mustRatio(t, 1, 3)
	if half.Cmp(twoQuarters) != 0 || half.Cmp(third) != 1 || third.Cmp(half) != -1 {
		t.Error("Cmp ordering of 1/2, 2/4, 1/3 wrong")
	}
	if (sla.Ratio{}).Cmp(mustRatio(t, 9, 9)) != 0 {
		t.Error("empty ratio does not compare equal to 1")
	}
}

func TestTimeRatio(t *testing.T) {
	r := sla.TimeRatio(time.Hour, 6*time.Minute)
	// 54 of 60 minutes up: 90% exactly.
	if r.Good() != uint64(54*time.Minute) || r.Total() != uint64(time.Hour) || r.Bad() != uint64(6*time.Minute) {
		t.Errorf("TimeRatio(1h, 6m) = %v", r)
	}
	if got := sla.TimeRatio(time.Hour, 2*time.Hour); got.Good() != 0 || got.Total() != uint64(time.Hour) {
		t.Errorf("down beyond measured not capped: %v", got)
	}
	if got := sla.TimeRatio(-time.Hour, time.Minute); !got.IsEmpty() {
		t.Errorf("negative measured not empty: %v", got)
	}
}

// TestRatioMetAgainstBig checks Met against a math/big reference for many
// pseudo-random ratios and targets.
func TestRatioMetAgainstBig(t *testing.T) {
	seed := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
	for range 20000 {
		total := next() >> (next() % 64)
		good := total
		if total > 0 {
			good = total - next()%(total/(1+next()%1000)+1)
		}
		ppe := 1e18 - next()%1e16
		target, err := sla.ParseTarget(big.NewRat(int64(ppe), 1e18).FloatString(18))
		require.NoError(t, err)
		r := mustRatio(t, good, total)
		want := true
		if total > 0 {
			lhs := new(big.Rat).SetFrac(new(big.Int).SetUint64(good), new(big.Int).SetUint64(total))
			want = lhs.Cmp(big.NewRat(int64(ppe), 1e18)) >= 0
		}
		if got := r.Met(target); got != want {
			t.Fatalf("%v.Met(%v) = %v, want %v", r, target, got, want)
		}
	}
}

func BenchmarkRatioMet(b *testing.B) {
	r := mustRatio(b, 2_591_000_000_000_000, 2_592_000_000_000_000)
	target := sla.MustTarget("99.95%")
	n := 0
	for b.Loop() {
		if r.Met(target) {
			n++
		}
	}
	_ = n
}

func TestRatioMetAllocs(t *testing.T) {
	r, target := mustRatio(t, 9995, 10000), sla.MustTarget("99.95%")
	if allocs := testing.AllocsPerRun(100, func() { _ = r.Met(target) }); allocs != 0 {
		t.Errorf("Met allocates %v times, want 0", allocs)
	}
}
