// Package promtext writes the text forms that Prometheus files share:
// strings as double-quoted scalars that JSON and YAML read alike, so that
// files of a fixed shape can be written with the standard library alone,
// and durations in Prometheus's syntax.
package promtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Quote returns s as a double-quoted scalar. It escapes the quote, the
// backslash, tab, newline and carriage return, and writes every other
// character that YAML does not allow as itself (controls, DEL, the C1
// controls, U+2028/U+2029, U+FFFE and U+FFFF) as a \uXXXX escape, which
// JSON and YAML read alike. Invalid UTF-8 is written as U+FFFD, as
// ranging over a string reads it.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case yamlPrintable(r):
			b.WriteRune(r)
		default:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)))
			b.WriteString(h)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPrintable reports whether YAML 1.2 allows r as itself in a stream
// (production c-printable), less the line separators U+2028 and U+2029
// that some readers treat as line breaks. Runes it excludes are all in the
// Basic Multilingual Plane, so a four-digit escape writes each of them.
func yamlPrintable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7e:
		return true
	case r == 0x85:
		return false // NEL, a YAML line break
	case r >= 0xa0 && r <= 0xd7ff:
		return r != 0x2028 && r != 0x2029
	case r >= 0xe000 && r <= 0xfffd:
		return true
	case r >= 0x10000 && r <= utf8.MaxRune:
		return true
	}
	return false
}
