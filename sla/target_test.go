package sla_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

const day = 24 * time.Hour

// TestAllowanceTable walks every cell of the allowance table in FACTS.md
// (allowed downtime for six targets over eight period lengths).
func TestAllowanceTable(t *testing.T) {
	periods := []time.Duration{1 * day, 7 * day, 28 * day, 30 * day, 31 * day, 90 * day, 365 * day, 366 * day}
	table := []struct {
		target string
		cells  []string
	}{
		{"99%", []string{"864s", "6048s", "24192s", "25920s", "26784s", "77760s", "315360s", "316224s"}},
		{"99.5%", []string{"432s", "3024s", "12096s", "12960s", "13392s", "38880s", "157680s", "158112s"}},
		{"99.9%", []string{"86.4s", "604.8s", "2419.2s", "2592s", "2678.4s", "7776s", "31536s", "31622.4s"}},
		{"99.95%", []string{"43.2s", "302.4s", "1209.6s", "1296s", "1339.2s", "3888s", "15768s", "15811.2s"}},
		{"99.99%", []string{"8.64s", "60.48s", "241.92s", "259.2s", "267.84s", "777.6s", "3153.6s", "3162.24s"}},
		{"99.999%", []string{"0.864s", "6.048s", "24.192s", "25.92s", "26.784s", "77.76s", "315.36s", "316.224s"}},
	}
	cells := 0
	for _, row := range table {
		require.Len(t, row.cells, len(periods), row.target)
		target := sla.MustTarget(row.target)
		for i, p := range periods {
			want, err := time.ParseDuration(row.cells[i])
			require.NoError(t, err)
			if got := target.Allowance(p); got != want {
				t.Errorf("%s of %v: Allowance = %v, want %v", row.target, p, got, want)
			}
			cells++
		}
	}
	if cells != 48 {
		t.Errorf("walked %d cells, want 48", cells)
	}
	// The float trap from FACTS.md: 30 days × (1 − 0.99999) is 25.92 s exactly.
	if got := sla.MustTarget("99.999%").Allowance(30 * day); got != 25920*time.Millisecond {
		t.Errorf("99.999%% of 30 days = %v, want 25.92s", got)
	}
}

func TestAllowanceEdges(t *testing.T) {
	tests := []struct {
		name   string
		target string
		d      time.Duration
		want   time.Duration
	}{
		// 100% allows nothing, and nothing divides by its zero budget.
		{"100% allows nothing", "100%", 30 * day, 0},
		{"0% allows everything", "0%", 30 * day, 30 * day},
		{"negative duration allows nothing", "99%", -time.Hour, 0},
		{"zero duration", "99%", 0, 0},
		// 1 ns × 0.01 = 0.01 ns, rounded down to 0.
		{"rounds down below a nanosecond", "99%", 1, 0},
		// 199 ns × 0.005 = 0.995 ns → 0; 200 ns × 0.005 = 1 ns exactly.
		{"just under one nanosecond", "99.5%", 199, 0},
		{"exactly one nanosecond", "99.5%", 200, 1},
		// The largest Duration: (2^63−1) × 0.5 = 4611686018427387903.5 → ...903.
		{"largest duration does not overflow", "50%", time.Duration(1<<63 - 1), time.Duration(4611686018427387903)},
		{"largest duration at 0%", "0%", time.Duration(1<<63 - 1), time.Duration(1<<63 - 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sla.MustTarget(tc.target).Allowance(tc.d); got != tc.want {
				t.Errorf("Allowance(%v) = %v, want %v", tc.d, got, tc.want)
			}
		})
	}
}

func TestEventAllowance(t *testing.T) {
	tests := []struct {
		name   string
		target string
		total  uint64
		want   uint64
	}{
		// 1,000,000 × 0.001 = 1000 exactly.
		{"99.9% of a million", "99.9%", 1_000_000, 1000},
		// 999 × 0.001 = 0.999 → 0 bad events allowed.
		{"rounds down", "99.9%", 999, 0},
		{"100% allows none", "100%", 1 << 62, 0},
		{"0% allows all", "0%", 12345, 12345},
		// (2^64−1) × 0.5 = 9223372036854775807.5 → ...807.
		{"largest count", "50%", 1<<64 - 1, 1<<63 - 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sla.MustTarget(tc.target).EventAllowance(tc.total); got != tc.want {
				t.Errorf("EventAllowance(%d) = %d, want %d", tc.total, got, tc.want)
			}
		})
	}
}

func TestParseTargetAccepts(t *testing.T) {
	tests := []struct {
		in, want string // want is the canonical String
	}{
		{"99.95%", "99.95%"},
		{"99.999%", "99.999%"},
		{"100%", "100%"},
		{"0%", "0%"},
		{"0.9995", "99.95%"},
		{"1", "100%"},
		{"0", "0%"},
		{"1.000", "100%"},
		{"099.90%", "99.9%"},
		// Trailing zeros beyond the held digits lose nothing.
		{"99.95000000000000000000%", "99.95%"},
		// The most digits a Target holds: 16 of percent, 18 of ratio.
		{"99.9999999999999999%", "99.9999999999999999%"},
		{"0.999999999999999999", "99.9999999999999999%"},
		{"0.000000000000000001", "0.0000000000000001%"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := sla.ParseTarget(tc.in)
			require.NoError(t, err)
			if got.String() != tc.want {
				t.Errorf("ParseTarget(%q).String() = %q, want %q", tc.in, got.String(), tc.want)
			}
		})
	}
	if sla.MustTarget("99.95%") != sla.MustTarget("0.9995") {
		t.Error(`"99.95%" and "0.9995" are not == equal`)
	}
}

func TestParseTargetRejects(t *testing.T) {
	tests := []struct {
		in     string
		kind   error
		reason string // a fragment of the message that says why
	}{
		{"", sla.ErrSyntax, "empty"},
		{"abc", sla.ErrSyntax, "want digits"},
		{"101%", sla.ErrRange, "above 100%"},
		{"-1%", sla.ErrRange, "negative"},
		{"NaN%", sla.ErrSyntax, "want digits"},
		{"99.95", sla.ErrRange, `ratio and must be in [0, 1]; for a percentage write "99.95%"`},
		{"1.5", sla.ErrRange, "ratio and must be in [0, 1]"},
		{"%", sla.ErrSyntax, "no number before %"},
		{"99.9.9%", sla.ErrSyntax, "a second decimal point at byte 4"},
		{"99.99999999999999999%", sla.ErrPrecision, "more than 16 fractional digits"},
		{"0.9999999999999999999", sla.ErrPrecision, "more than 18 fractional digits"},
		{"+5%", sla.ErrSyntax, "want digits"},
		{" 5%", sla.ErrSyntax, "want digits"},
		{"5 %", sla.ErrSyntax, "want digits"},
		{"1e2%", sla.ErrSyntax, "want digits"},
		{"99.%", sla.ErrSyntax, "no digit after the decimal point at byte 2; write 99% or 99.0%"},
		{".5", sla.ErrSyntax, "want digits"},
		{"100.0000000000000001%", sla.ErrRange, "above 100%"},
		{"1.000000000000000001", sla.ErrRange, "[0, 1]"},
		{"99999999999999999999999%", sla.ErrRange, "above 100%"},
		{"50%%", sla.ErrSyntax, "want digits"},
		{"Inf", sla.ErrSyntax, "want digits"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := sla.ParseTarget(tc.in)
			require.Error(t, err)
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %v is not %v", err, tc.kind)
			}
			var pe *sla.ParseError
			require.ErrorAs(t, err, &pe)
			if pe.What != "target" || pe.Input != tc.in {
				t.Errorf("ParseError{What: %q, Input: %q}, want target %q", pe.What, pe.Input, tc.in)
			}
			if !strings.HasPrefix(err.Error(), "sla: invalid target ") || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %q does not say %q", err, tc.reason)
			}
		})
	}
}

func TestMustTargetPanics(t *testing.T) {
	require.Panics(t, func() { sla.MustTarget("99.95") })
}

func TestTargetText(t *testing.T) {
	type config struct {
		Objective sla.Target `json:"objective"`
	}
	var c config
	require.NoError(t, json.Unmarshal([]byte(`{"objective":"0.999"}`), &c))
	if c.Objective != sla.MustTarget("99.9%") {
		t.Errorf("unmarshalled %v, want 99.9%%", c.Objective)
	}
	out, err := json.Marshal(c)
	require.NoError(t, err)
	if diff := cmp.Diff(`{"objective":"99.9%"}`, string(out)); diff != "" {
		t.Errorf("Marshal (-want +got):\n%s", diff)
	}
	err = json.Unmarshal([]byte(`{"objective":"99.9"}`), &c)
	if !errors.Is(err, sla.ErrRange) {
		t.Errorf("unmarshal of a bare 99.9: error %v, want ErrRange", err)
	}
}

func TestTargetCmpAndComplement(t *testing.T) {
	a, b := sla.MustTarget("99.9%"), sla.MustTarget("99.95%")
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Errorf("Cmp(99.9%%, 99.95%%) ordering wrong")
	}
	if got := b.Complement(); got != sla.MustTarget("0.05%") {
		t.Errorf("Complement(99.95%%) = %v, want 0.05%%", got)
	}
}

// allowanceRef is the reference: floor(d × (1 − p/10^18)) in math/big,
// from the target's canonical text.
func allowanceRef(t *testing.T, target sla.Target, d time.Duration) *big.Int {
	r, ok := new(big.Rat).SetString(strings.TrimSuffix(target.String(), "%"))
	require.True(t, ok)
	r.Quo(r, big.NewRat(100, 1))
	r.Sub(big.NewRat(1, 1), r)
	r.Mul(r, new(big.Rat).SetInt64(int64(max(d, 0))))
	return new(big.Int).Quo(r.Num(), r.Denom())
}

// FuzzAllowance compares Allowance with math/big for arbitrary targets
// and durations: never above the exact value, never 1 ns or more below;
// and EventAllowance with the exact floor for counts.
func FuzzAllowance(f *testing.F) {
	f.Add(uint64(999_990_000_000_000_000), int64(30*day))
	f.Add(uint64(0), int64(1<<63-1))
	f.Add(uint64(1e18), int64(1))
	f.Add(uint64(123456789), int64(987654321))
	f.Fuzz(func(t *testing.T, ppe uint64, d int64) {
		ppe %= 1e18 + 1
		target := targetFromPPE(t, ppe)
		got := target.Allowance(time.Duration(d))
		exact := new(big.Rat).SetFrac(
			new(big.Int).Mul(big.NewInt(max(d, 0)), big.NewInt(int64(1e18-ppe))),
			big.NewInt(1e18))
		gotR := new(big.Rat).SetInt64(int64(got))
		if gotR.Cmp(exact) > 0 {
			t.Fatalf("%v of %d: Allowance %d is above the exact %s", target, d, got, exact.FloatString(3))
		}
		if new(big.Rat).Sub(exact, gotR).Cmp(big.NewRat(1, 1)) >= 0 {
			t.Fatalf("%v of %d: Allowance %d is 1 ns or more below the exact %s", target, d, got, exact.FloatString(3))
		}
		if ref := allowanceRef(t, target, time.Duration(d)); ref.Int64() != int64(got) {
			t.Fatalf("%v of %d: Allowance %d, reference %s", target, d, got, ref)
		}
		// EventAllowance is the same floor for a count.
		n := uint64(d)
		events := target.EventAllowance(n)
		wantEv := new(big.Int).Mul(new(big.Int).SetUint64(n), big.NewInt(int64(1e18-ppe)))
		wantEv.Quo(wantEv, big.NewInt(1e18))
		if !wantEv.IsUint64() || wantEv.Uint64() != events {
			t.Fatalf("%v of %d events: EventAllowance %d, exact floor %s", target, n, events, wantEv)
		}
	})
}

// targetFromPPE returns the target of ppe parts per 10^18, through its
// ratio text.
func targetFromPPE(t testing.TB, ppe uint64) sla.Target {
	t.Helper()
	target, err := sla.ParseTarget(new(big.Rat).SetFrac(new(big.Int).SetUint64(ppe), big.NewInt(1e18)).FloatString(18))
	require.NoError(t, err)
	return target
}

// FuzzParseTarget: ParseTarget never panics, and whatever it accepts
// prints canonically and parses back to the same value.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"99.95%", "0.9995", "100%", "0%", "", "abc", "101%", "-1%",
		"NaN%", "99.95", "1.5", "%", "99.9.9%", "0.000000000000000001", "99.9999999999999999%",
		"99.95 %", " 99.95%", "99,95%", "1e-3", "+0.5", "5.", "50%x", "1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		target, err := sla.ParseTarget(s)
		// A share reads the same texts: the same value, or the same kind
		// of error.
		share, serr := sla.ParseShare(s)
		if (err == nil) != (serr == nil) || err == nil && share.String() != target.String() {
			t.Fatalf("ParseTarget(%q) = %v, %v; ParseShare = %v, %v", s, target, err, share, serr)
		}
		if err != nil {
			var pe *sla.ParseError
			if !errors.As(err, &pe) || pe.Input != s || pe.What != "target" {
				t.Fatalf("ParseTarget(%q): error %v is not a *ParseError quoting the input", s, err)
			}
			for _, kind := range []error{sla.ErrSyntax, sla.ErrRange, sla.ErrPrecision} {
				if errors.Is(err, kind) != errors.Is(serr, kind) {
					t.Fatalf("ParseTarget(%q) = %v; ParseShare = %v", s, err, serr)
				}
			}
			checkFault(t, s, err)
			return
		}
		text := target.String()
		back, err := sla.ParseTarget(text)
		if err != nil {
			t.Fatalf("ParseTarget(%q) = %v, whose String does not parse: %v", s, text, err)
		}
		if back != target {
			t.Fatalf("ParseTarget(%q) = %v; String round-trips to %v", s, text, back)
		}
		if back.String() != text {
			t.Fatalf("String is not canonical: %q then %q", text, back.String())
		}
	})
}

func TestAllowanceAllocs(t *testing.T) {
	target := sla.MustTarget("99.95%")
	var sink time.Duration
	allocs := testing.AllocsPerRun(100, func() { sink += target.Allowance(30 * day) })
	if allocs != 0 {
		t.Errorf("Allowance allocates %v times per call, want 0", allocs)
	}
}

func BenchmarkAllowance(b *testing.B) {
	target := sla.MustTarget("99.999%")
	var sink time.Duration
	for i := 0; b.Loop(); i++ {
		sink += target.Allowance(time.Duration(i) + 30*day)
	}
	_ = sink
}

// BenchmarkAllowanceBigRat is the simple reference: the same value with
// math/big, for comparison.
func BenchmarkAllowanceBigRat(b *testing.B) {
	budget := big.NewRat(1, 100000)
	var sink int64
	for i := 0; b.Loop(); i++ {
		r := new(big.Rat).Mul(budget, new(big.Rat).SetInt64(int64(30*day)+int64(i)))
		sink += new(big.Int).Quo(r.Num(), r.Denom()).Int64()
	}
	_ = sink
}

func BenchmarkParseTarget(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = sla.ParseTarget("99.995%")
	}
}

// TestParseErrorsQuoteAPrefix: a 1 MiB text gives an error that quotes a
// short prefix of it (64 bytes, then its length), under 200 bytes, or
// 300 where the error quotes it twice (a ratio out of range, with the
// percentage it may have meant) or says both what is wrong where and
// what form is wanted (a text that is not a number).
func TestParseErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	var (
		excl  sla.ExclusionPolicy
		empty sla.EmptyPolicy
		sev   sla.Severity
		tgt   sla.Target
		share sla.Share
		rat   sla.Rational
	)
	for _, tc := range []struct {
		name  string
		most  int
		parse func() error
	}{
		{"ParseTarget, a ratio out of range", 300, func() error { _, err := sla.ParseTarget(long); return err }},
		{"ParseTarget, a percentage", 200, func() error { _, err := sla.ParseTarget(long + "%"); return err }},
		{"ParseTarget, too many digits", 200, func() error { _, err := sla.ParseTarget("0." + long); return err }},
		{"ParseTarget, not a number", 300, func() error { _, err := sla.ParseTarget(strings.Repeat("x", 1<<20)); return err }},
		{"Target.UnmarshalText", 200, func() error { return tgt.UnmarshalText([]byte(long + "%")) }},
		{"ParseShare", 200, func() error { _, err := sla.ParseShare(long + "%"); return err }},
		{"Share.UnmarshalText", 200, func() error { return share.UnmarshalText([]byte(long + "%")) }},
		{"ParseRational", 300, func() error { _, err := sla.ParseRational(long + "x"); return err }},
		{"Rational.UnmarshalText", 200, func() error { return rat.UnmarshalText([]byte("-" + long)) }},
		{"ExclusionPolicy.UnmarshalText", 200, func() error { return excl.UnmarshalText([]byte(long)) }},
		{"EmptyPolicy.UnmarshalText", 200, func() error { return empty.UnmarshalText([]byte(long)) }},
		{"Severity.UnmarshalText", 200, func() error { return sev.UnmarshalText([]byte(long)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.parse()
			var pe *sla.ParseError
			require.ErrorAs(t, err, &pe)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, tc.most, err)
			}
		})
	}
}
