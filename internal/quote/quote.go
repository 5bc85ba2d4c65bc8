// Package quote quotes a value for an error message, cut to a short
// prefix, so that an error about a 1 MiB input is a line, not a
// mebibyte. It is the one place in the module where that rule is
// written; sla/ticket, which imports nothing of the module, keeps a
// private copy.
package quote

import (
	"strconv"
	"unicode/utf8"
)

// Limit is the most bytes of a value's quoted form that [Text] gives,
// quotes and escapes included.
const Limit = 64

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
	// Each step quotes at most Limit-2 bytes, once per character given
	// up: a cost only an error pays.
	n := 0 // whole characters, each byte of invalid UTF-8 one of them
	for n < len(s) {
		_, size := utf8.DecodeRuneInString(s[n:])
		if n+size > Limit-2 {
			break
		}
		n += size
	}
	q := strconv.Quote(s[:n])
	for len(q) > Limit {
		_, size := utf8.DecodeLastRuneInString(s[:n])
		n -= size
		q = strconv.Quote(s[:n])
	}
	return q + "… (" + strconv.Itoa(len(s)) + " bytes)"
}
