package ticket

import (
	"strconv"
	"unicode/utf8"
)

// quote quotes s for an error message as strconv.Quote does, cut to a
// short prefix: at most quoteLimit bytes of quoted text, then "…" and the
// length of s, so that an error about a 1 MiB input is a line.
//
// It is a private copy of the module's internal/quote.Text, kept in step
// by a test of the same cases: sla/ticket imports nothing of the module,
// by design, so that a service desk can take the clocks alone.
func quote(s string) string {
	if len(s) <= quoteLimit-2 {
		if q := strconv.Quote(s); len(q) <= quoteLimit {
			return q
		}
	}
	n := 0 // whole characters, each byte of invalid UTF-8 one of them
	for n < len(s) {
		_, size := utf8.DecodeRuneInString(s[n:])
		if n+size > quoteLimit-2 {
			break
		}
		n += size
	}
	q := strconv.Quote(s[:n])
	for len(q) > quoteLimit {
		_, size := utf8.DecodeLastRuneInString(s[:n])
		n -= size
		q = strconv.Quote(s[:n])
	}
	return q + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// quoteLimit is internal/quote.Limit.
const quoteLimit = 64
