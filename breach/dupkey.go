package breach

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkDuplicateKeys reports the first member of a JSON object in data
// whose key repeats an earlier key of the same object, naming its path
// ("record.id", "list[2].k"). Keys are compared as encoding/json matches
// them to struct fields: after unescaping ("\u0069d" is "id"), and
// without regard to case under Unicode simple folding ("ID" is "id") —
// the keys that would otherwise fill one field twice, the last one
// winning.
//
// data is meant to be JSON that encoding/json has accepted; the check
// reads it with a small scanner and no allocation for the usual few
// plain keys. On text that is not JSON it stops without an error (the
// decoder reports it), and it never panics. Its nesting is bounded by
// the input, which encoding/json limits to 10,000 levels.
func checkDuplicateKeys(data []byte) error {
	s := keyScanner{data: data}
	s.space()
	path, err := s.value()
	if _, dup := err.(errDuplicate); !dup {
		return nil
	}
	var b strings.Builder
	for i := len(path) - 1; i >= 0; i-- {
		switch seg := path[i]; {
		case seg.index >= 0:
			b.WriteString("[" + strconv.Itoa(seg.index) + "]")
		case i < len(path)-1:
			b.WriteString("." + seg.key)
		default:
			b.WriteString(seg.key)
		}
	}
	return fmt.Errorf("duplicate key %q", b.String())
}

// pathSegment is an object key, or an array index when index ≥ 0.
type pathSegment struct {
	key   string
	index int
}

// scanStop ends a scan of text that is not JSON, without a report.
type scanStop struct{}

func (scanStop) Error() string { return "not JSON" }

// errDuplicate is returned, with the path innermost first, for a
// duplicate key.
type errDuplicate struct{}

func (errDuplicate) Error() string { return "duplicate key" }

type keyScanner struct {
	data []byte
	i    int
}

func (s *keyScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value scans one value. On a duplicate it returns the path of the
// repeated key, innermost segment first, and errDuplicate.
func (s *keyScanner) value() ([]pathSegment, error) {
	if s.i >= len(s.data) {
		return nil, scanStop{}
	}
	switch s.data[s.i] {
	case '{':
		return s.object()
	case '[':
		return s.array()
	case '"':
		_, _, err := s.str()
		return nil, err
	}
	// A number, true, false or null: up to the next delimiter.
	start := s.i
scalar:
	for ; s.i < len(s.data); s.i++ {
		switch s.data[s.i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			break scalar
		}
	}
	if s.i == start {
		return nil, scanStop{}
	}
	return nil, nil
}

// str scans a string and returns its contents as written and whether it
// holds an escape.
func (s *keyScanner) str() (raw []byte, escaped bool, err error) {
	s.i++ // the opening quote
	start := s.i
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case '"':
			raw = s.data[start:s.i]
			s.i++
			return raw, escaped, nil
		case '\\':
			escaped = true
			s.i++
		}
		s.i++
	}
	return nil, false, scanStop{}
}

// maxLinearKeys is how many keys of one object are compared one by one
// before a map takes over.
const maxLinearKeys = 16

func (s *keyScanner) object() ([]pathSegment, error) {
	s.i++
	var (
		keys [maxLinearKeys][]byte // the keys so far, while there are few
		n    int
		seen map[string]struct{} // the folded keys so far, once there are many
	)
	for {
		s.space()
		if s.i < len(s.data) && s.data[s.i] == '}' && n == 0 {
			s.i++
			return nil, nil
		}
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			return nil, scanStop{}
		}
		raw, escaped, err := s.str()
		if err != nil {
			return nil, err
		}
		key := raw
		if escaped {
			var k string
			if json.Unmarshal(s.data[s.i-len(raw)-2:s.i], &k) != nil {
				return nil, scanStop{}
			}
			key = []byte(k)
		}
		dup := false
		switch {
		case n < maxLinearKeys:
			for _, k := range keys[:n] {
				dup = dup || foldEqual(k, key)
			}
			keys[n] = key
		case n == maxLinearKeys:
			seen = make(map[string]struct{}, 2*maxLinearKeys)
			for _, k := range keys {
				seen[string(foldKey(nil, k))] = struct{}{}
			}
			fallthrough
		default:
			f := string(foldKey(nil, key))
			_, dup = seen[f]
			seen[f] = struct{}{}
		}
		n++
		if dup {
			return []pathSegment{{key: keyText(key), index: -1}}, errDuplicate{}
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return nil, scanStop{}
		}
		s.i++
		s.space()
		if path, err := s.value(); err != nil {
			return append(path, pathSegment{key: keyText(key), index: -1}), err
		}
		s.space()
		if s.i >= len(s.data) {
			return nil, scanStop{}
		}
		switch s.data[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil, nil
		default:
			return nil, scanStop{}
		}
	}
}

func (s *keyScanner) array() ([]pathSegment, error) {
	s.i++
	for index := 0; ; index++ {
		s.space()
		if s.i < len(s.data) && s.data[s.i] == ']' && index == 0 {
			s.i++
			return nil, nil
		}
		if path, err := s.value(); err != nil {
			return append(path, pathSegment{index: index}), err
		}
		s.space()
		if s.i >= len(s.data) {
			return nil, scanStop{}
		}
		switch s.data[s.i] {
		case ',':
		case ']':
			s.i++
			return nil, nil
		default:
			return nil, scanStop{}
		}
		s.i++
	}
}

// keyText returns key as encoding/json decodes it, with each byte of
// invalid UTF-8 replaced by U+FFFD.
func keyText(key []byte) string {
	if utf8.Valid(key) {
		return string(key)
	}
	var b strings.Builder
	for len(key) > 0 {
		r, n := utf8.DecodeRune(key)
		b.WriteRune(r)
		key = key[n:]
	}
	return b.String()
}

// foldEqual reports whether a and b fold to the same key; see foldKey.
func foldEqual(a, b []byte) bool {
	for len(a) > 0 && len(b) > 0 {
		ra, na := foldRune(a)
		rb, nb := foldRune(b)
		if ra != rb {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) == 0 && len(b) == 0
}

// foldRune returns the folded form of the first rune of key and its
// length in bytes; see foldKey.
func foldRune(key []byte) (rune, int) {
	if c := key[0]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRune(key)
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least, n
}

// foldKey appends the folded form of key to dst, as encoding/json folds
// a key to match it to a struct field: ASCII letters to upper case, any
// other rune to the smallest rune of its simple-folding orbit, and
// invalid UTF-8 to U+FFFD.
func foldKey(dst, key []byte) []byte {
	for len(key) > 0 {
		r, n := foldRune(key)
		dst = utf8.AppendRune(dst, r)
		key = key[n:]
	}
	return dst
}
