package openslo_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/openslo"
)

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		in   string
		want string // String of the result; "" when err is expected
		err  error
	}{
		{"0", "0", nil},
		{"-0.0", "0", nil},
		{"500", "500", nil},
		{"500.000", "500", nil},
		{"5e2", "500", nil},
		{"+12.5", "12.5", nil},
		{"-12.5", "-12.5", nil},
		{"0.0005", "0.0005", nil},
		{"1.5E-3", "0.0015", nil},
		{"007", "7", nil},
		{"9223372036854775807", "9223372036854775807", nil},
		{"-9223372036854775807", "-9223372036854775807", nil},
		{"0.999999999999999999", "0.999999999999999999", nil},
		{"9.223372036854775807", "9.223372036854775807", nil},
		{"1e15", "1000000000000000", nil},
		{"9223372036854775808", "", openslo.ErrTooLarge},
		{"1e19", "", openslo.ErrTooLarge},
		{"1e99999", "", openslo.ErrTooLarge},
		{"0.1234567890123456789", "", openslo.ErrPrecision},
		{"9.2233720368547758071", "", openslo.ErrPrecision},
		{"123456789.0123456789", "123456789.0123456789", nil},
		{"987654321.0123456789", "", openslo.ErrPrecision},
		{"", "", openslo.ErrSyntax},
		{"-", "", openslo.ErrSyntax},
		{".5", "", openslo.ErrSyntax},
		{"1.", "", openslo.ErrSyntax},
		{"0x1F", "", openslo.ErrSyntax},
		{"1_000", "", openslo.ErrSyntax},
		{".inf", "", openslo.ErrSyntax},
		{"NaN", "", openslo.ErrSyntax},
		{"1e", "", openslo.ErrSyntax},
		{"1e+", "", openslo.ErrSyntax},
		{" 1", "", openslo.ErrSyntax},
	}
	for _, tc := range cases {
		d, err := openslo.ParseDecimal(tc.in)
		switch {
		case tc.err != nil && !errors.Is(err, tc.err):
			t.Errorf("ParseDecimal(%q) = %v, %v; want error %v", tc.in, d, err, tc.err)
		case tc.err == nil && (err != nil || d.String() != tc.want):
			t.Errorf("ParseDecimal(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
		}
	}
}

func TestDecimalCmp(t *testing.T) {
	// Ordered: each is less than the next.
	ordered := []string{"-9223372036854775807", "-1e15", "-12.5", "-0.000000000000000001", "0", "0.000000000000000001", "0.25", "0.2500000000000001", "9.223372036854775807", "10", "499.999", "500", "9223372036854775807"}
	for i, a := range ordered {
		for j, b := range ordered {
			da, db := openslo.MustDecimal(a), openslo.MustDecimal(b)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := da.Cmp(db); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
			if (da == db) != (i == j) {
				t.Errorf("%s == %s is %v", a, b, da == db)
			}
		}
	}
}

func TestDecimalCmpDoesNotAllocate(t *testing.T) {
	a, b := openslo.MustDecimal("499.999"), openslo.MustDecimal("500")
	if n := testing.AllocsPerRun(100, func() { _ = a.Cmp(b) }); n != 0 {
		t.Errorf("Cmp allocates %v times", n)
	}
}

func TestOperatorHolds(t *testing.T) {
	v := openslo.MustDecimal("0.25")
	cases := []struct {
		op             openslo.Operator
		below, at, abv bool
	}{
		{openslo.LT, true, false, false},
		{openslo.LTE, true, true, false},
		{openslo.GT, false, false, true},
		{openslo.GTE, false, true, true},
		{"eq", false, false, false},
	}
	for _, tc := range cases {
		got := [3]bool{tc.op.Holds(openslo.MustDecimal("0.2499"), v), tc.op.Holds(openslo.MustDecimal("0.250"), v), tc.op.Holds(openslo.MustDecimal("0.2501"), v)}
		if got != [3]bool{tc.below, tc.at, tc.abv} {
			t.Errorf("%q: below, at, above = %v", tc.op, got)
		}
	}
}

func TestParseDuration(t *testing.T) {
	cases := []struct {
		in    string
		fixed time.Duration // 0 when the unit has no fixed length
		err   error
	}{
		{"28d", 28 * 24 * time.Hour, nil},
		{"1w", 7 * 24 * time.Hour, nil},
		{"12h", 12 * time.Hour, nil},
		{"30m", 30 * time.Minute, nil},
		{"0m", 0, nil},
		{"1M", 0, nil},
		{"1Q", 0, nil},
		{"1Y", 0, nil},
		{"365d", 365 * 24 * time.Hour, nil},
		{"106751d", 106751 * 24 * time.Hour, nil},
		{"106752d", 0, openslo.ErrTooLarge},
		{"10001Y", 0, openslo.ErrTooLarge},
		{"9999999999999m", 0, openslo.ErrTooLarge},
		{"28D", 0, openslo.ErrSyntax},
		{"1s", 0, openslo.ErrSyntax},
		{"28 d", 0, openslo.ErrSyntax},
		{"-1d", 0, openslo.ErrSyntax},
		{"1.5h", 0, openslo.ErrSyntax},
		{"d", 0, openslo.ErrSyntax},
		{"", 0, openslo.ErrSyntax},
	}
	for _, tc := range cases {
		d, err := openslo.ParseDuration(tc.in)
		if tc.err != nil {
			if !errors.Is(err, tc.err) {
				t.Errorf("ParseDuration(%q) = %v, %v; want error %v", tc.in, d, err, tc.err)
			}
			continue
		}
		if err != nil || d.String() != tc.in {
			t.Errorf("ParseDuration(%q) = %v, %v", tc.in, d, err)
			continue
		}
		if got, ok := d.Fixed(); got != tc.fixed || ok != (d.Unit != openslo.Month && d.Unit != openslo.Quarter && d.Unit != openslo.Year) {
			t.Errorf("%q.Fixed() = %v, %v; want %v", tc.in, got, ok, tc.fixed)
		}
	}
}

func TestShorthandOf(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{168 * time.Hour, "1w"}, {72 * time.Hour, "3d"}, {6 * time.Hour, "6h"}, {90 * time.Minute, "90m"}, {5 * time.Minute, "5m"},
		{90 * time.Second, ""}, {0, ""}, {-time.Hour, ""},
	}
	for _, tc := range cases {
		got, ok := openslo.ShorthandOf(tc.d)
		if got.String() != tc.want || ok != (tc.want != "") {
			t.Errorf("ShorthandOf(%v) = %v, %v; want %q", tc.d, got, ok, tc.want)
		}
	}
}

// Decimal and Duration have text forms, so they work in JSON and flags.
func TestTextForms(t *testing.T) {
	type doc struct {
		Threshold openslo.Decimal  `json:"threshold"`
		Window    openslo.Duration `json:"window"`
	}
	in := doc{Threshold: openslo.MustDecimal("-12.5"), Window: openslo.MustDuration("28d")}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"threshold":"-12.5","window":"28d"}` {
		t.Errorf("JSON %s", data)
	}
	var out doc
	if err := json.Unmarshal(data, &out); err != nil || out != in {
		t.Errorf("read back %+v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"threshold":"0x10"}`), &out); !errors.Is(err, openslo.ErrSyntax) {
		t.Errorf("bad decimal: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"window":"5 m"}`), &out); !errors.Is(err, openslo.ErrSyntax) {
		t.Errorf("bad duration: %v", err)
	}
	if _, err := (openslo.Duration{Count: 1, Unit: 's'}).MarshalText(); !errors.Is(err, openslo.ErrInvalid) {
		t.Errorf("invalid unit marshalled: %v", err)
	}
	if d := openslo.DecimalOf(math.MinInt64); d.String() != "-9223372036854775807" {
		t.Errorf("DecimalOf(MinInt64) = %v", d)
	}
	if d := openslo.DecimalOf(42); d != openslo.MustDecimal("42") || d.Float64() != 42 {
		t.Errorf("DecimalOf(42) = %v", d)
	}
	for u, cal := range map[openslo.Unit]bool{openslo.Month: true, openslo.Quarter: true, openslo.Year: true, openslo.Day: false, openslo.Minute: false} {
		if u.Calendar() != cal {
			t.Errorf("%v.Calendar() = %v", u, !cal)
		}
	}
	if s := openslo.Unit('s').String(); s != "Unit(115)" {
		t.Errorf("undefined unit prints %q", s)
	}
}
