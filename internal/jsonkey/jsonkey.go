package jsonkey

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mode says when two keys of one object are the same key: when
// encoding/json would fill one destination from both.
type Mode uint8

const (
	// Fold compares keys as encoding/json matches them to struct fields:
	// after unescaping ("\u0069d" is "id") and without regard to case
	// under Unicode simple folding ("ID" is "id", and the Kelvin sign is
	// k): the keys that would fill one field twice.
	Fold Mode = iota
	// Exact compares keys after unescaping only, as encoding/json fills a
	// map: "ID" and "id" are two keys. (Every byte of invalid UTF-8
	// decodes to U+FFFD, in both modes.)
	Exact
)

// ModeOf returns the mode in which encoding/json matches the keys of an
// object it decodes into v: Exact for a map or an interface (which
// receives a map), through any pointers; Fold for anything else, a
// struct above all.
func ModeOf(v any) Mode {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && (t.Kind() == reflect.Map || t.Kind() == reflect.Interface) {
		return Exact
	}
	return Fold
}

// Duplicate is a key given twice in one object.
type Duplicate struct {
	// Path is where the second key stands in the document: the keys from
	// the top joined by dots and array indexes in brackets, ending with
	// the key itself ("id", "record.id", "list[2].k", "[1][0].b").
	Path string
	// Key is the second key, and First the earlier one it repeats: the
	// same text, or under Fold perhaps another spelling. Both are as
	// encoding/json decodes them, each byte of invalid UTF-8 replaced by
	// U+FFFD.
	Key, First string
}

// Find returns the first key, in document order, that repeats an earlier
// key of the same object, at any depth of data, and whether there is
// one.
func Find(data []byte, mode Mode) (Duplicate, bool) {
	d, _, ok := find(data, mode, -1)
	return d, ok
}

// FindTop is like Find but compares the keys of the top-level object
// only: for a decoder that reads a document one level at a time, with a
// Mode for each level (Fold for a struct, Exact for a map). Nested values
// are scanned past, not checked.
func FindTop(data []byte, mode Mode) (Duplicate, bool) {
	d, _, ok := find(data, mode, 0)
	return d, ok
}

// find returns the first duplicate, the offset just past its closing
// quote, and whether there is one.
func find(data []byte, mode Mode, maxDepth int) (Duplicate, int, bool) {
	s := scanner{data: data, mode: mode, maxDepth: maxDepth}
	s.space()
	path, err := s.value()
	if _, dup := err.(errDuplicate); !dup {
		return Duplicate{}, 0, false
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
	return Duplicate{Path: b.String(), Key: path[0].key, First: s.first}, s.i, true
}

// maxNesting is encoding/json's limit on nesting.
const maxNesting = 10000

// segment is an object key, or an array index when index ≥ 0.
type segment struct {
	key   string
	index int
}

// errStop ends a scan of text that is not JSON, without a report.
type errStop struct{}

func (errStop) Error() string { return "not JSON" }

// errDuplicate is returned, with the path innermost first, for a
// duplicate key.
type errDuplicate struct{}

func (errDuplicate) Error() string { return "duplicate key" }

type scanner struct {
	data     []byte
	i        int
	mode     Mode
	maxDepth int  // the deepest level whose objects are checked; -1: all
	skip     bool // check no keys: only scan past values
	depth    int
	first    string // on a duplicate, the earlier key
}

func (s *scanner) space() {
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
func (s *scanner) value() ([]segment, error) {
	if s.i >= len(s.data) {
		return nil, errStop{}
	}
	switch s.data[s.i] {
	case '{', '[':
		if s.depth >= maxNesting {
			return nil, errStop{}
		}
		s.depth++
		var path []segment
		var err error
		if s.data[s.i] == '{' {
			path, err = s.object()
		} else {
			path, err = s.array()
		}
		s.depth--
		return path, err
	case '"':
		_, _, _, err := s.str()
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
		return nil, errStop{}
	}
	return nil, nil
}

// str scans a string and returns its contents as written, whether it
// holds an escape, and whether it is all ASCII.
func (s *scanner) str() (raw []byte, escaped, ascii bool, err error) {
	s.i++ // the opening quote
	start := s.i
	var high byte // the bits of every byte, to tell ASCII
	for s.i < len(s.data) {
		c := s.data[s.i]
		high |= c
		switch c {
		case '"':
			raw = s.data[start:s.i]
			s.i++
			return raw, escaped, high < utf8.RuneSelf, nil
		case '\\':
			escaped = true
			s.i++
		}
		s.i++
	}
	return nil, false, false, errStop{}
}

// maxLinearKeys is how many keys of one object are compared one by one
// before a map takes over.
const maxLinearKeys = 16

func (s *scanner) object() ([]segment, error) {
	s.i++
	check := !s.skip && (s.maxDepth < 0 || s.depth-1 <= s.maxDepth)
	var (
		keys [maxLinearKeys]key // the keys so far, while there are few
		n    int
		seen map[string][]byte // by compared form, the keys so far, once there are many
	)
	for {
		s.space()
		if s.i < len(s.data) && s.data[s.i] == '}' && n == 0 {
			s.i++
			return nil, nil
		}
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			return nil, errStop{}
		}
		raw, escaped, ascii, err := s.str()
		if err != nil {
			return nil, err
		}
		k := key{text: raw, ascii: ascii}
		if escaped && check {
			var text string
			if json.Unmarshal(s.data[s.i-len(raw)-2:s.i], &text) != nil {
				return nil, errStop{}
			}
			k = key{text: []byte(text), ascii: isASCII(text)}
		}
		if check {
			if first, dup := s.remember(k, &keys, n, &seen); dup {
				s.first = keyText(first)
				return []segment{{key: keyText(k.text), index: -1}}, errDuplicate{}
			}
		}
		n++
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return nil, errStop{}
		}
		s.i++
		s.space()
		if path, err := s.value(); err != nil {
			return append(path, segment{key: keyText(k.text), index: -1}), err
		}
		s.space()
		if s.i >= len(s.data) {
			return nil, errStop{}
		}
		switch s.data[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil, nil
		default:
			return nil, errStop{}
		}
	}
}

// key is an object key as decoded, and whether it is all ASCII.
type key struct {
	text  []byte
	ascii bool
}

// remember records k, the nth key of its object, and returns the earlier
// key it repeats, if any. The first maxLinearKeys keys are compared one
// by one; from then on a map of their compared forms takes over.
func (s *scanner) remember(k key, keys *[maxLinearKeys]key, n int, seen *map[string][]byte) ([]byte, bool) {
	switch {
	case n < maxLinearKeys:
		for _, e := range keys[:n] {
			if s.same(e, k) {
				return e.text, true
			}
		}
		keys[n] = k
		return nil, false
	case n == maxLinearKeys:
		*seen = make(map[string][]byte, 2*maxLinearKeys)
		for _, e := range keys { // distinct, or a duplicate was reported
			(*seen)[s.form(e.text)] = e.text
		}
	}
	f := s.form(k.text)
	if first, dup := (*seen)[f]; dup {
		return first, true
	}
	(*seen)[f] = k.text
	return nil, false
}

// same reports whether two keys are the same under the scanner's mode.
// Both compare keys as decoded, where every byte of invalid UTF-8 is
// U+FFFD. Two ASCII keys fold alike only if they are equally long, which
// settles most pairs at once; an ASCII key may fold like a longer one
// that is not ASCII (k like the Kelvin sign).
func (s *scanner) same(a, b key) bool {
	if s.mode == Exact {
		if string(a.text) == string(b.text) {
			return true
		}
		return !(a.ascii && b.ascii) && !(utf8.Valid(a.text) && utf8.Valid(b.text)) && keyText(a.text) == keyText(b.text)
	}
	if a.ascii && b.ascii {
		return len(a.text) == len(b.text) && asciiFoldEqual(a.text, b.text)
	}
	return foldEqual(a.text, b.text)
}

// asciiFoldEqual reports whether two ASCII keys of one length are equal
// without regard to the case of letters.
func asciiFoldEqual(a, b []byte) bool {
	for i, c := range a {
		d := b[i]
		if c == d {
			continue
		}
		if c|0x20 != d|0x20 || c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return true
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// form returns the form of key that the mode compares.
func (s *scanner) form(key []byte) string {
	if s.mode == Exact {
		return keyText(key)
	}
	return string(foldKey(nil, key))
}

func (s *scanner) array() ([]segment, error) {
	s.i++
	for index := 0; ; index++ {
		s.space()
		if s.i < len(s.data) && s.data[s.i] == ']' && index == 0 {
			s.i++
			return nil, nil
		}
		if path, err := s.value(); err != nil {
			return append(path, segment{index: index}), err
		}
		s.space()
		if s.i >= len(s.data) {
			return nil, errStop{}
		}
		switch s.data[s.i] {
		case ',':
		case ']':
			s.i++
			return nil, nil
		default:
			return nil, errStop{}
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
