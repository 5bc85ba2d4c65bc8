package openslo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slamath/slamath/internal/quote"
)

// maxDescription is the most characters a description holds, per the
// specification ("optional up to 1050 characters").
const maxDescription = 1050

// checkName reports why s cannot be a metadata.name: it must have 1 to
// 255 characters, none of them white space or a control character.
func checkName(s string) error {
	if s == "" {
		return reason(ErrMissingField, "required")
	}
	if len(s) > 255 || !utf8.ValidString(s) {
		return reason(ErrInvalid, "%s: a name has at most 255 characters of UTF-8", quote.Text(s))
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return reason(ErrInvalid, "%s: a name has no spaces or control characters", quote.Text(s))
		}
	}
	return nil
}

// checkDescription reports a description longer than the specification
// allows.
func checkDescription(s string) error {
	if n := utf8.RuneCountInString(s); n > maxDescription {
		return reason(ErrInvalid, "%d characters; a description has at most %d", n, maxDescription)
	}
	return nil
}

func alnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// labelName reports whether s is a label key or the name part of an
// annotation key: at most 63 characters, beginning and ending with an
// alphanumeric character, with dashes, underscores, dots and
// alphanumerics between (the specification's "Notes (General Schema)").
func labelName(s string) bool {
	if s == "" || len(s) > 63 || !alnum(s[0]) || !alnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// dnsSubdomain reports whether s is a DNS subdomain: at most 253
// characters of dot-separated labels of lowercase alphanumerics and
// dashes, each beginning and ending with an alphanumeric.
func dnsSubdomain(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			lower := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
			if !lower && !(c == '-' && i > 0 && i < len(label)-1) {
				return false
			}
		}
	}
	return true
}

// checkLabelKey reports a metadata.labels key the specification does
// not allow.
func checkLabelKey(k string) error {
	if !labelName(k) {
		return reason(ErrInvalid, "label key %s: want at most 63 characters, alphanumeric at both ends, with - _ . and alphanumerics between", quote.Text(k))
	}
	return nil
}

// checkAnnotationKey reports a metadata.annotations key the
// specification does not allow: an optional DNS-subdomain prefix and a
// slash, then a name like a label key.
func checkAnnotationKey(k string) error {
	name := k
	prefix, rest, hasPrefix := strings.Cut(k, "/")
	if hasPrefix {
		name = rest
	}
	if hasPrefix && !dnsSubdomain(prefix) || !labelName(name) {
		return reason(ErrInvalid, "annotation key %s: want an optional DNS subdomain and a slash, then a name of at most 63 characters, alphanumeric at both ends", quote.Text(k))
	}
	return nil
}
