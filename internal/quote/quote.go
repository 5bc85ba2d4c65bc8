// Package quote quotes a value for an error message, cut to a short
// prefix, so that an error about a 1 MiB input is a line, not a
// mebibyte; and it cuts the message of another library's error, which
// may quote a whole input, the same way. It is the one place in the
// module where that rule is written; sla/ticket, which imports nothing
// of the module, keeps a private copy.
package quote

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limit is the most bytes of a value's quoted form that [Text] gives,
// quotes and escapes included.
const Limit = 64

// messageLimit is the most bytes of another library's message that
// [Message] keeps.
const messageLimit = 200

// Text returns s quoted as Go quotes a string ([strconv.Quote]). When
// that is longer than [Limit] bytes it quotes the longest prefix of
// whole characters whose quoted form fits, followed by "…" and the
// length of s in bytes, as in "999999"… (1048576 bytes). The result is
// at most Limit+31 bytes long.
func Text(s string) string {
	if len(s) <= Limit-2 {
		if q := strconv.Quote(s); len(q) <= Limit {
			return q
		}
	}
	n := prefix(s, Limit-2)
	q := strconv.Quote(s[:n])
	// Each step quotes at most Limit-2 bytes, once per character given
	// up: a cost only an error pays.
	for len(q) > Limit {
		_, size := utf8.DecodeLastRuneInString(s[:n])
		n -= size
		q = strconv.Quote(s[:n])
	}
	return q + more(len(s))
}

// listLimit is the most values [List] quotes.
const listLimit = 8

// List returns the values quoted with [Text] and separated by commas,
// the first 8 of them followed by "and n more" when there are
// more: "\"a\", \"b\" and 3 more".
func List(values []string) string {
	var b strings.Builder
	for i, v := range values[:min(len(values), listLimit)] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Text(v))
	}
	if n := len(values) - listLimit; n > 0 {
		b.WriteString(" and " + strconv.Itoa(n) + " more")
	}
	return b.String()
}

// Message returns msg, the message of an error from another library
// that may quote a whole input, cut to 200 bytes as [Cut] cuts.
func Message(msg string) string {
	return Cut(msg, messageLimit)
}

// Cut returns s unquoted when it is at most limit bytes long, and
// otherwise its longest prefix of whole characters in limit bytes
// followed by "…" and the length of s: for a text that is not a value
// to quote, such as the path of a field in a document of deep nesting or
// long keys.
func Cut(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	return s[:prefix(s, limit)] + more(len(s))
}

// prefix returns the length of the longest prefix of s of whole
// characters (each byte of invalid UTF-8 one of them) in at most limit
// bytes.
func prefix(s string, limit int) int {
	n := 0
	for n < len(s) {
		_, size := utf8.DecodeRuneInString(s[n:])
		if n+size > limit {
			break
		}
		n += size
	}
	return n
}

// more is the mark of a cut text of n bytes.
func more(n int) string {
	return "… (" + strconv.Itoa(n) + " bytes)"
}
