package quote

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"short", "99.95", `"99.95"`},
		{"62 bytes, 64 quoted", strings.Repeat("a", 62), `"` + strings.Repeat("a", 62) + `"`},
		{"63 bytes", strings.Repeat("a", 63), `"` + strings.Repeat("a", 62) + `"… (63 bytes)`},
		{"1 MiB", strings.Repeat("9", 1<<20), `"` + strings.Repeat("9", 62) + `"… (1048576 bytes)`},
		// é is 2 bytes: 31 of them fill 62 bytes; the 32nd is not split.
		{"two-byte characters", strings.Repeat("é", 100), `"` + strings.Repeat("é", 31) + `"… (200 bytes)`},
		{"three-byte characters", strings.Repeat("€", 100), `"` + strings.Repeat("€", 20) + `"… (300 bytes)`},
		// A NUL quotes to 4 bytes (\x00): 15 of them and the quotes fit
		// in 62.
		{"control bytes", strings.Repeat("\x00", 20), `"` + strings.Repeat(`\x00`, 15) + `"… (20 bytes)`},
		{"invalid UTF-8", strings.Repeat("\xff", 100), `"` + strings.Repeat(`\xff`, 15) + `"… (100 bytes)`},
		{"stray continuation bytes", strings.Repeat("\xa9", 100), `"` + strings.Repeat(`\xa9`, 15) + `"… (100 bytes)`},
		{"quotes inside", `say "x"`, `"say \"x\""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%.80q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzText: the result is the whole quoted text when that fits in Limit
// bytes; otherwise the quoted form of a prefix of whole characters, at
// most Limit bytes, then "…" and the length; never more than Limit+31
// bytes.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "99.95%", strings.Repeat("x", 70), strings.Repeat("é", 40), "\x00\xff\U0010ffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if len(got) > Limit+31 {
			t.Fatalf("Text(%q) is %d bytes", s, len(got))
		}
		whole := strconv.Quote(s)
		if len(whole) <= Limit {
			if got != whole {
				t.Fatalf("Text(%q) = %s, want %s", s, got, whole)
			}
			return
		}
		q, ok := strings.CutSuffix(got, "… ("+strconv.Itoa(len(s))+" bytes)")
		if !ok || len(q) > Limit {
			t.Fatalf("Text(%q) = %s: no length, or a quoted part over %d bytes", s, got, Limit)
		}
		p, err := strconv.Unquote(q)
		if err != nil || !strings.HasPrefix(s, p) || len(p) == len(s) {
			t.Fatalf("Text(%q) = %s: %q is not a proper prefix (%v)", s, got, p, err)
		}
		at := 0 // the character boundary at or after the prefix
		for at < len(p) {
			_, size := utf8.DecodeRuneInString(s[at:])
			at += size
		}
		if at != len(p) {
			t.Fatalf("Text(%q) = %s splits a character", s, got)
		}
	})
}

func TestMessage(t *testing.T) {
	short := `malformed component: expected END property for "VEVENT", got "x"`
	if got := Message(short); got != short {
		t.Errorf("Message(%q) = %q, want it whole", short, got)
	}
	long := `expected END property, got "` + strings.Repeat("é", 1<<19) + `"`
	want := long[:messageLimit] + "… (1048605 bytes)" // 28 bytes, then 86 é: 200 bytes
	if got := Message(long); got != want {
		t.Errorf("Message of %d bytes = %q, want %q", len(long), got, want)
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"terms[0].name", 64, "terms[0].name"},
		{"abcdef", 6, "abcdef"},
		{"abcdefg", 6, "abcdef… (7 bytes)"},
		{"aébc", 2, "a… (5 bytes)"}, // é is two bytes, not split
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := Cut(tt.in, tt.limit); got != tt.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"none", nil, ""},
		{"two", []string{"england-and-wales", "scotland"}, `"england-and-wales", "scotland"`},
		{"eight", strings.Split("a b c d e f g h", " "), `"a", "b", "c", "d", "e", "f", "g", "h"`},
		{"ten", strings.Split("a b c d e f g h i j", " "), `"a", "b", "c", "d", "e", "f", "g", "h" and 2 more`},
		{"a long one", []string{strings.Repeat("x", 100)}, `"` + strings.Repeat("x", 62) + `"… (100 bytes)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := List(tt.in); got != tt.want {
				t.Errorf("List(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
