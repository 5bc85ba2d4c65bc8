package sla_test

import (
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// schedule is a common three-tier credit schedule:
//
//	below 99.99% and at least 99%  → 10%
//	below 99% and at least 95%     → 25%
//	below 95%                      → 100%
func schedule() sla.CreditSchedule {
	p := sla.MustTarget
	return sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.AtLeast(p("99%")), Upper: sla.Below(p("99.99%")), Credit: sla.MustShare("10%")},
		{Lower: sla.AtLeast(p("95%")), Upper: sla.Below(p("99%")), Credit: sla.MustShare("25%")},
		{Upper: sla.Below(p("95%")), Credit: sla.MustShare("100%")},
	}}
}

func TestCreditSchedule(t *testing.T) {
	s := schedule()
	require.NoError(t, s.Validate())
	tests := []struct {
		name        string
		good, total uint64
		credit      string
		tier        int
	}{
		// Exactly 99.99% is not "below 99.99%": no credit.
		{"on the exclusive upper bound", 9999, 10000, "0%", -1},
		{"just below 99.99%", 99989999, 100000000, "10%", 0},
		// Exactly 99% is "at least 99%": the 10% tier, not the 25% one.
		{"on the inclusive lower bound", 99, 100, "10%", 0},
		{"just below 99%", 989999, 1000000, "25%", 1},
		{"exactly 95%", 95, 100, "25%", 1},
		{"just below 95%", 949999, 1000000, "100%", 2},
		{"nothing up", 0, 100, "100%", 2},
		{"fully up", 100, 100, "0%", -1},
		{"nothing measured", 0, 0, "0%", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			credit, tier := s.Credit(mustRatio(t, tc.good, tc.total))
			if credit != sla.MustShare(tc.credit) || tier != tc.tier {
				t.Errorf("Credit = %v, tier %d; want %s, tier %d", credit, tier, tc.credit, tc.tier)
			}
		})
	}
}

func TestCreditInclusivity(t *testing.T) {
	p := sla.MustTarget
	// The other way round: "above 99% and at most 99.9% → 5%"; exactly
	// 99% is outside, exactly 99.9% inside.
	s := sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.Above(p("99%")), Upper: sla.AtMost(p("99.9%")), Credit: sla.MustShare("5%")},
	}}
	if _, tier := s.Credit(mustRatio(t, 99, 100)); tier != -1 {
		t.Errorf("99%% matched tier %d, want none (exclusive)", tier)
	}
	if _, tier := s.Credit(mustRatio(t, 999, 1000)); tier != 0 {
		t.Errorf("99.9%% matched tier %d, want 0 (inclusive)", tier)
	}
	// A Rational such as a slice average: 5/6 = 83.33…% is below 95%.
	credit, tier := schedule().CreditFor(sla.RationalOf(5, 6))
	if credit != sla.MustShare("100%") || tier != 2 {
		t.Errorf("CreditFor(5/6) = %v, %d", credit, tier)
	}
}

func TestCreditValidate(t *testing.T) {
	p := sla.MustTarget
	tests := []struct {
		name  string
		tiers []sla.CreditTier
		want  error
		text  string
	}{
		{"touching with one side open", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Credit: sla.MustShare("0%")},
			{Upper: sla.Below(p("99%")), Credit: sla.MustShare("10%")},
		}, nil, ""},
		{"sharing an inclusive bound", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Credit: sla.MustShare("0%")},
			{Upper: sla.AtMost(p("99%")), Credit: sla.MustShare("10%")},
		}, sla.ErrTierOverlap, "sla: credits[1] [0%, 99%] → 10% and credits[0] [99%, 100%] → 0%: tiers overlap"},
		{"empty tier", []sla.CreditTier{
			{Lower: sla.Above(p("99%")), Upper: sla.Below(p("99%")), Credit: sla.MustShare("10%")},
		}, sla.ErrEmptyTier, "sla: credits[0] (99%, 99%) → 10%: tier admits no ratio"},
		{"inverted tier", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99.9%")), Upper: sla.Below(p("99%")), Credit: sla.MustShare("10%")},
		}, sla.ErrEmptyTier, "tier admits no ratio"},
		{"single point is fine", []sla.CreditTier{
			{Lower: sla.AtLeast(p("99%")), Upper: sla.AtMost(p("99%")), Credit: sla.MustShare("10%")},
		}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := sla.CreditSchedule{Tiers: tc.tiers}.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Validate = %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("Validate = %q, want %q", err, tc.text)
			}
			// The text names tiers as a contract document does, and the
			// indexes are fields: the tier at fault and the one it overlaps.
			var te *sla.TierError
			require.ErrorAs(t, err, &te)
			wantOther := -1
			if tc.want == sla.ErrTierOverlap {
				wantOther = 0
			}
			if te.Tier != len(tc.tiers)-1 || te.Other != wantOther {
				t.Errorf("TierError{Tier: %d, Other: %d}, want {%d, %d}", te.Tier, te.Other, len(tc.tiers)-1, wantOther)
			}
		})
	}
}

func TestBoundAccessors(t *testing.T) {
	b := sla.Below(sla.MustTarget("99%"))
	if at, ok := b.At(); !ok || at != sla.MustTarget("99%") || !b.Exclusive() {
		t.Errorf("Below(99%%) = %v %v %v", at, ok, b.Exclusive())
	}
	if _, ok := (sla.LowerBound{}).At(); ok {
		t.Error("zero LowerBound is set")
	}
	if _, ok := (sla.UpperBound{}).At(); ok {
		t.Error("zero UpperBound is set")
	}
}

func BenchmarkCreditSchedule(b *testing.B) {
	s := schedule()
	r := mustRatio(b, 949_999, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = s.Credit(r)
	}
}

// FuzzCreditSchedule builds small schedules from random bounds and checks
// the laws of Validate and Credit against a math/big reference: in a
// valid schedule no ratio lies in two tiers, tiers Validate calls
// overlapping share a ratio, Credit reports the tier the reference finds,
// and Validate calls a tier empty only when it is.
func FuzzCreditSchedule(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(0xdeadbeef), uint64(99))
	f.Fuzz(func(t *testing.T, seed, probe uint64) {
		next := func(n uint64) uint64 {
			seed = seed*6364136223846793005 + 1442695040888963407
			return (seed >> 29) % n
		}
		// Bounds on a coarse grid of 0%..100% in 0.5% steps, so that
		// random tiers touch and overlap often.
		grid := func() (sla.Target, *big.Rat) {
			k := next(201)
			return sla.MustTarget(big.NewRat(int64(k), 200).FloatString(3)), big.NewRat(int64(k), 200)
		}
		type ref struct {
			lo, hi         *big.Rat
			loExcl, hiExcl bool
		}
		var tiers []sla.CreditTier
		var refs []ref
		for i := range 1 + next(4) {
			var tier sla.CreditTier
			r := ref{lo: big.NewRat(0, 1), hi: big.NewRat(1, 1)}
			if next(4) > 0 {
				at, v := grid()
				r.lo, r.loExcl = v, next(2) == 0
				tier.Lower = map[bool]sla.LowerBound{false: sla.AtLeast(at), true: sla.Above(at)}[r.loExcl]
			}
			if next(4) > 0 {
				at, v := grid()
				r.hi, r.hiExcl = v, next(2) == 0
				tier.Upper = map[bool]sla.UpperBound{false: sla.AtMost(at), true: sla.Below(at)}[r.hiExcl]
			}
			tier.Credit = sla.MustShare(big.NewRat(int64(i), 10).FloatString(1))
			tiers = append(tiers, tier)
			refs = append(refs, r)
		}
		admits := func(r ref, x *big.Rat) bool {
			c := x.Cmp(r.lo)
			if c < 0 || c == 0 && r.loExcl {
				return false
			}
			c = x.Cmp(r.hi)
			return c < 0 || c == 0 && !r.hiExcl
		}
		s := sla.CreditSchedule{Tiers: tiers}
		err := s.Validate()
		// Probe ratios on a finer grid (0.25% steps, so also between the
		// bounds) and once at an arbitrary value.
		probes := []sla.Ratio{mustRatio(t, probe%1001, 1000)}
		for k := uint64(0); k <= 400; k++ {
			probes = append(probes, mustRatio(t, k, 400))
		}
		maxCount := 0
		for _, r := range probes {
			x := new(big.Rat).SetFrac(new(big.Int).SetUint64(r.Good()), new(big.Int).SetUint64(r.Total()))
			first, count := -1, 0
			for i, rf := range refs {
				if admits(rf, x) {
					count++
					if first < 0 {
						first = i
					}
				}
			}
			maxCount = max(maxCount, count)
			if err == nil && count > 1 {
				t.Fatalf("valid schedule %v: %v lies in %d tiers", tiers, r, count)
			}
			if _, tier := s.Credit(r); tier != first {
				t.Fatalf("schedule %v: Credit(%v) tier %d, reference %d", tiers, r, tier, first)
			}
		}
		// Bounds sit on a 0.5% grid, so two tiers that share any ratio
		// share one on the 0.25% grid of the probes.
		if errors.Is(err, sla.ErrTierOverlap) && maxCount < 2 {
			t.Fatalf("Validate says tiers overlap, no probe lies in two: %v", err)
		}
		if errors.Is(err, sla.ErrEmptyTier) {
			for _, rf := range refs {
				c := rf.lo.Cmp(rf.hi)
				if c > 0 || c == 0 && (rf.loExcl || rf.hiExcl) {
					return // an empty tier, as reported
				}
			}
			t.Fatalf("Validate says a tier is empty, reference finds none: %v", tiers)
		}
	})
}

// TestCreditGaps: the ratios below a target that no tier admits. A
// schedule "below 99.9% and above 99% → 10%, below 99% → 25%" owes
// nothing at exactly 99%; one that stops at 95% owes nothing below it;
// the same tiers with "at most 99%" cover everything.
func TestCreditGaps(t *testing.T) {
	tier := func(lo sla.LowerBound, hi sla.UpperBound, credit string) sla.CreditTier {
		return sla.CreditTier{Lower: lo, Upper: hi, Credit: sla.MustShare(credit)}
	}
	noLower := sla.LowerBound{}
	tg := sla.MustTarget
	tests := []struct {
		name   string
		tiers  []sla.CreditTier
		target string
		want   []string
	}{
		{"a point at a boundary", []sla.CreditTier{
			tier(sla.Above(tg("99%")), sla.Below(tg("99.9%")), "10%"),
			tier(noLower, sla.Below(tg("99%")), "25%"),
		}, "99.9%", []string{"exactly 99%"}},
		{"covered", []sla.CreditTier{
			tier(sla.Above(tg("99%")), sla.Below(tg("99.9%")), "10%"),
			tier(noLower, sla.AtMost(tg("99%")), "25%"),
		}, "99.9%", nil},
		{"nothing below the last tier", []sla.CreditTier{
			tier(sla.AtLeast(tg("99%")), sla.Below(tg("99.9%")), "10%"),
			tier(sla.AtLeast(tg("95%")), sla.Below(tg("99%")), "25%"),
		}, "99.9%", []string{"[0%, 95%)"}},
		{"a stretch between tiers and the top", []sla.CreditTier{
			tier(sla.AtLeast(tg("98%")), sla.Below(tg("99%")), "10%"),
			tier(noLower, sla.Below(tg("98%")), "25%"),
		}, "99.5%", []string{"[99%, 99.5%)"}},
		{"no tiers", nil, "99%", []string{"[0%, 99%)"}},
		{"tiers above the target do not count", []sla.CreditTier{
			tier(noLower, sla.Below(tg("99.99%")), "10%"),
		}, "99.9%", nil},
		{"a 0% target has nothing below it", nil, "0%", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, g := range (sla.CreditSchedule{Tiers: tc.tiers}).Gaps(tg(tc.target)) {
				got = append(got, g.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Gaps (-want +got):\n%s", diff)
			}
		})
	}
}

// TestShareOf: a Rational as a Share, rounded down to 18 places of ratio.
// 3/2872 = 0.001044568245125348189…, so its Share is
// 0.001044568245125348 (0.1044568245125348%), not exact.
func TestShareOf(t *testing.T) {
	s, exact := sla.ShareOf(sla.RationalOf(3, 2872))
	assert.Equal(t, "0.1044568245125348%", s.String())
	assert.False(t, exact)
	s, exact = sla.ShareOf(sla.RationalOf(1, 10))
	assert.Equal(t, sla.MustShare("10%"), s)
	assert.True(t, exact)
	s, exact = sla.ShareOf(sla.RationalOf(3, 2))
	assert.Equal(t, sla.MustShare("100%"), s)
	assert.False(t, exact)
	s, _ = sla.ShareOf(sla.RationalOf(1, 0))
	assert.Equal(t, sla.MustShare("100%"), s)
}

// TestCreditBoundSides: Below and AtMost built the same Bound as Above
// and AtLeast, so CreditTier{Lower: Below(99%)} was accepted and meant
// "(99%, 100%]" where its author meant "below 99%": a silently wrong
// credit. A bound now belongs to one end by its type, so that tier does
// not compile; this test pins that no bound of one end can be assigned
// to the other.
func TestCreditBoundSides(t *testing.T) {
	at := sla.MustTarget("99%")
	lower := reflect.TypeOf(sla.CreditTier{}.Lower)
	upper := reflect.TypeOf(sla.CreditTier{}.Upper)
	for _, tc := range []struct {
		name string
		b    any
		end  reflect.Type
	}{
		{"AtLeast", sla.AtLeast(at), lower},
		{"Above", sla.Above(at), lower},
		{"Below", sla.Below(at), upper},
		{"AtMost", sla.AtMost(at), upper},
	} {
		other := lower
		if tc.end == lower {
			other = upper
		}
		typ := reflect.TypeOf(tc.b)
		if !typ.AssignableTo(tc.end) {
			t.Errorf("%s(99%%) is a %v, which CreditTier's end %v cannot hold", tc.name, typ, tc.end)
		}
		if typ.AssignableTo(other) {
			t.Errorf("%s(99%%) is a %v, which the other end of a CreditTier (%v) also takes", tc.name, typ, other)
		}
	}
	gap := reflect.TypeOf(sla.Gap{})
	if f, _ := gap.FieldByName("Lower"); f.Type != lower {
		t.Errorf("Gap.Lower is a %v, want %v", f.Type, lower)
	}
	if f, _ := gap.FieldByName("Upper"); f.Type != upper {
		t.Errorf("Gap.Upper is a %v, want %v", f.Type, upper)
	}
}
