package ticket

import (
	"strings"
	"testing"
	"time"

	modquote "github.com/slamath/slamath/internal/quote"
)

// TestQuote: the private copy cuts a long text to a short quoted prefix,
// and gives what the module's internal/quote.Text gives. (Only this test
// imports the module; the package itself imports nothing of it.)
func TestQuote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short", "4h business", `"4h business"`},
		{"62 bytes, 64 quoted", strings.Repeat("a", 62), `"` + strings.Repeat("a", 62) + `"`},
		{"1 MiB", strings.Repeat("9", 1<<20), `"` + strings.Repeat("9", 62) + `"… (1048576 bytes)`},
		{"two-byte characters", strings.Repeat("é", 100), `"` + strings.Repeat("é", 31) + `"… (200 bytes)`},
		{"control bytes", strings.Repeat("\x00", 20), `"` + strings.Repeat(`\x00`, 15) + `"… (20 bytes)`},
		{"stray continuation bytes", strings.Repeat("\xa9", 100), `"` + strings.Repeat(`\xa9`, 15) + `"… (100 bytes)`},
	}
	if quoteLimit != modquote.Limit {
		t.Fatalf("quoteLimit %d, internal/quote.Limit %d", quoteLimit, modquote.Limit)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quote(tt.in); got != tt.want {
				t.Errorf("quote(%.80q) = %s, want %s", tt.in, got, tt.want)
			}
			if got, mod := quote(tt.in), modquote.Text(tt.in); got != mod {
				t.Errorf("quote(%.80q) = %s, internal/quote.Text gives %s", tt.in, got, mod)
			}
		})
	}
}

// FuzzQuote: the private copy and internal/quote.Text agree on any text.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", "respond", strings.Repeat("x", 70), strings.Repeat("é", 40), "\x00\xff\U0010ffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, mod := quote(s), modquote.Text(s); got != mod {
			t.Fatalf("quote(%q) = %s, internal/quote.Text gives %s", s, got, mod)
		}
	})
}

// TestErrorsQuoteAPrefix: a 1 MiB text gives an error that quotes a
// short prefix of it (64 bytes, then its length): under 200 bytes, or
// 300 where the error quotes the input and the part of it that failed.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	var (
		kind  EventKind
		ckind ClockEventKind
		state ClockState
		basis Basis
		limit Limit
	)
	for _, tc := range []struct {
		name string
		most int
		err  func() error
	}{
		{"ParseEventKind", 200, func() error { _, err := ParseEventKind(long); return err }},
		{"EventKind.UnmarshalText", 200, func() error { return kind.UnmarshalText([]byte(long)) }},
		{"ClockEventKind.UnmarshalText", 200, func() error { return ckind.UnmarshalText([]byte(long)) }},
		{"ClockState.UnmarshalText", 200, func() error { return state.UnmarshalText([]byte(long)) }},
		{"Basis.UnmarshalText", 200, func() error { return basis.UnmarshalText([]byte(long)) }},
		// A limit's errors also say what form is wanted (about 80 bytes);
		// the one about its basis quotes two cut texts.
		{"Limit.UnmarshalText, duration", 250, func() error { return limit.UnmarshalText([]byte(long)) }},
		{"Limit.UnmarshalText, basis", 400, func() error { return limit.UnmarshalText([]byte("4h " + long)) }},
		{"Policy.Status, a priority", 200, func() error {
			_, err := Policy{}.Status(long, nil, nil, time.Time{})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			if err == nil {
				t.Fatal("no error")
			}
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, tc.most, err)
			}
		})
	}
}
