package promtext

import (
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"
)

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`plain`, `"plain"`},
		{"q\"b\\n\nt\tr\r", `"q\"b\\n\nt\tr\r"`},
		{"\x00\x1f\x7f\u0085\u0090\u2028\u2029\ufffe\uffff", `"\u0000\u001f\u007f\u0085\u0090\u2028\u2029\ufffe\uffff"`},
		{"é🙂\u00a0\ufeff", "\"é🙂\u00a0\ufeff\""},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzQuote: the quoted text is a JSON string with the same value, and
// holds only characters YAML allows as themselves.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\u0085\u2028", "🙂", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		for _, r := range q {
			if !yamlPrintable(r) {
				t.Fatalf("Quote(%q) = %q holds %U", s, q, r)
			}
		}
		var back string
		if err := json.Unmarshal([]byte(q), &back); err != nil {
			t.Fatalf("Quote(%q) = %s is not JSON: %v", s, q, err)
		}
		if utf8.ValidString(s) && back != s {
			t.Fatalf("Quote(%q) reads back as %q", s, back)
		}
	})
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d    string
		want string
	}{
		{"5m", "5m"}, {"24h", "1d"}, {"72h", "3d"}, {"672h", "28d"}, {"59m30s", "59m30s"}, {"71h59m30s", "2d23h59m30s"}, {"1.5s", "1s500ms"},
	} {
		d, err := time.ParseDuration(tc.d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Duration(d)
		if err != nil || got != tc.want {
			t.Errorf("Duration(%s) = %q, %v; want %q", tc.d, got, err, tc.want)
		}
	}
	for _, bad := range []string{"0s", "-1m", "1us"} {
		d, _ := time.ParseDuration(bad)
		if _, err := Duration(d); err == nil {
			t.Errorf("Duration(%s): no error", bad)
		}
	}
}
