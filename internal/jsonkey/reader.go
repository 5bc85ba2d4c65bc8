package jsonkey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/slamath/slamath/internal/quote"
)

// Reader reads one JSON document token by token against the shape its
// caller expects: the caller asks for an object, an array, a string, and
// so on, and the Reader checks that the document holds one there. Every
// error names the value's path with array indexes
// ("hours[2].spans", "scotland.events[3].date") and the line, and wraps
// the sentinel the caller gave.
//
// A key given twice in one object, anywhere in the document (in a value
// the caller skips too), is an error when the Reader reaches it: [Find]
// looks for one once, in [Exact] mode, before reading starts, so that
// this rule is written once in the module. Nesting deeper than
// encoding/json's limit of 10,000 levels is an error.
//
// Every value must be read through the Reader's methods (Object, Array,
// Skip, String, ...), each exactly once and in document order, and [End]
// called last. A Reader is not safe for concurrent use.
type Reader struct {
	data    []byte
	dec     *json.Decoder
	invalid error
	report  func(path string, line int, err error) error
	depth   int       // the objects and arrays open
	dup     Duplicate // the first key given twice, if any
	dupEnd  int64     // the offset just past that key, or -1
}

// NewReader returns a Reader of data. Its errors are what report makes of
// the path ("" for the document as a whole), the 1-based line, and the
// reason, an error that wraps invalid. A UTF-8 byte order mark at the
// start of data is skipped, as [TrimBOM] does.
func NewReader(data []byte, invalid error, report func(path string, line int, err error) error) *Reader {
	data = TrimBOM(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers are read from their text, never through float64
	r := &Reader{data: data, dec: dec, invalid: invalid, report: report, dupEnd: -1}
	if d, end, ok := find(data, Exact, -1); ok {
		r.dup, r.dupEnd = d, int64(end)
	}
	return r
}

// line returns the 1-based line of byte offset off.
func (r *Reader) line(off int64) int { return LineAt(r.data, off) }

// fail returns the error at path, on the line the Reader has reached,
// for the reason err.
func (r *Reader) fail(path string, err error) error {
	return r.report(path, r.line(r.dec.InputOffset()), err)
}

// Failf returns the error at path, on the line the Reader has reached,
// wrapping the Reader's sentinel with a message.
func (r *Reader) Failf(path, format string, args ...any) error {
	return r.fail(path, fmt.Errorf("%w: %s", r.invalid, fmt.Sprintf(format, args...)))
}

// token reads the next token; text that is not JSON is an error naming
// the line where it stops being JSON.
func (r *Reader) token(path string) (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, r.report(path, r.line(syn.Offset), fmt.Errorf("%w: malformed JSON: %w", r.invalid, err))
	case err == io.EOF:
		return nil, r.Failf(path, "malformed JSON: unexpected end of the document")
	}
	return nil, r.fail(path, fmt.Errorf("%w: malformed JSON: %w", r.invalid, err))
}

// open counts a container opened at path; nesting beyond maxNesting is
// an error.
func (r *Reader) open(path string) error {
	if r.depth >= maxNesting {
		return r.Failf(path, "malformed JSON: nested more than %d levels deep", maxNesting)
	}
	r.depth++
	return nil
}

// kindOf names the JSON type of a token for errors: "an object", "a
// string", "null".
func kindOf(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		case '}':
			return "the end of an object"
		}
		return "the end of an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", t)
}

// typeErr is the error for a value of the wrong JSON type:
// "got a number, want a string".
func (r *Reader) typeErr(path string, t json.Token, want string) error {
	return r.Failf(path, "got %s, want %s", kindOf(t), want)
}

// Object reads an object, calling field for each key with the key's path,
// in document order; field must read the key's value. want describes
// the object in the error for another type ("an object of divisions").
// null reads as no keys when nullOK, and is an error otherwise. A key
// given twice is an error.
func (r *Reader) Object(path, want string, nullOK bool, field func(key, path string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t == nil && nullOK {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return r.typeErr(path, t, want)
	}
	if err := r.open(path); err != nil {
		return err
	}
	for r.dec.More() {
		t, err := r.token(path)
		if err != nil {
			return err
		}
		key, ok := t.(string) // the decoder allows only strings as keys
		if !ok {
			return r.typeErr(path, t, "a key")
		}
		kp := key
		if path != "" {
			kp = path + "." + key
		}
		if r.dec.InputOffset() == r.dupEnd {
			return r.Failf(kp, "key %s given twice", quote.Text(key))
		}
		if err := field(key, kp); err != nil {
			return err
		}
	}
	r.depth--
	_, err = r.token(path) // '}'
	return err
}

// Array reads an array, calling elem for each element with its index and
// path; elem must read the element. want describes the array in the
// error for another type. null reads as no elements when nullOK, and is
// an error otherwise.
func (r *Reader) Array(path, want string, nullOK bool, elem func(i int, path string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t == nil && nullOK {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return r.typeErr(path, t, want)
	}
	if err := r.open(path); err != nil {
		return err
	}
	for i := 0; r.dec.More(); i++ {
		if err := elem(i, path+"["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	r.depth--
	_, err = r.token(path) // ']'
	return err
}

// Skip reads and discards one value of any type, such as the value of a
// key the caller does not know. A key given twice inside it is an error
// all the same.
func (r *Reader) Skip(path string) error {
	depth := r.depth
	for {
		t, err := r.token(path)
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			if err := r.open(path); err != nil {
				return err
			}
		case json.Delim('}'), json.Delim(']'):
			r.depth--
		default:
			if key, ok := t.(string); ok && r.dec.InputOffset() == r.dupEnd {
				return r.Failf(r.dup.Path, "key %s given twice", quote.Text(key))
			}
		}
		if r.depth == depth {
			return nil
		}
	}
}

// String reads a string; null reads as "" when nullOK, and is an error
// otherwise.
func (r *Reader) String(path string, nullOK bool) (string, error) {
	t, err := r.token(path)
	if err != nil {
		return "", err
	}
	switch v := t.(type) {
	case nil:
		if nullOK {
			return "", nil
		}
	case string:
		return v, nil
	}
	return "", r.typeErr(path, t, "a string")
}

// Strings reads an array of strings, or null as none. An element that is
// not a string, null included, is an error.
func (r *Reader) Strings(path string) ([]string, error) {
	var out []string
	err := r.Array(path, "an array of strings or null", true, func(_ int, p string) error {
		s, err := r.String(p, false)
		out = append(out, s)
		return err
	})
	return out, err
}

// Bool reads true or false; null reads as false when nullOK, and is an
// error otherwise.
func (r *Reader) Bool(path string, nullOK bool) (bool, error) {
	t, err := r.token(path)
	if err != nil {
		return false, err
	}
	switch v := t.(type) {
	case nil:
		if nullOK {
			return false, nil
		}
	case bool:
		return v, nil
	}
	return false, r.typeErr(path, t, "true or false")
}

// maxDigits is the most digits Int and Whole read: every such number
// fits an int on every platform Go supports.
const maxDigits = 9

// Whole reads a whole number written with at most digits digits (at most
// 9), or null (ok false). A sign, a fraction or an exponent is an error.
func (r *Reader) Whole(path string, digits int) (n int, ok bool, err error) {
	return r.integer(path, digits, false)
}

// Int reads an integer written with at most digits digits (at most 9),
// after a minus sign or none, or null (ok false). A fraction or an
// exponent is an error.
func (r *Reader) Int(path string, digits int) (n int, ok bool, err error) {
	return r.integer(path, digits, true)
}

func (r *Reader) integer(path string, digits int, signed bool) (n int, ok bool, err error) {
	digits = min(digits, maxDigits)
	t, err := r.token(path)
	if err != nil {
		return 0, false, err
	}
	switch v := t.(type) {
	case nil:
		return 0, false, nil
	case json.Number:
		s := string(v)
		neg := signed && len(s) > 0 && s[0] == '-'
		if neg {
			s = s[1:]
		}
		if len(s) == 0 || len(s) > digits || !allDigits(s) {
			if signed {
				return 0, false, r.Failf(path, "%s is not an integer of at most %d digits", quote.Text(string(v)), digits)
			}
			return 0, false, r.Failf(path, "%s is not a whole number of at most %d digits", quote.Text(string(v)), digits)
		}
		for _, c := range []byte(s) {
			n = n*10 + int(c-'0')
		}
		if neg {
			n = -n
		}
		return n, true, nil
	}
	if signed {
		return 0, false, r.typeErr(path, t, "an integer or null")
	}
	return 0, false, r.typeErr(path, t, "a whole number or null")
}

// allDigits reports whether s is all ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// End checks that nothing but white space follows the document.
func (r *Reader) End() error {
	if _, err := r.dec.Token(); err != io.EOF {
		return r.Failf("", "malformed JSON: data after the document")
	}
	return nil
}

// bom is the UTF-8 encoding of U+FEFF, the byte order mark.
var bom = []byte("\ufeff")

// TrimBOM returns data without a UTF-8 byte order mark at its start, if
// it has one. Editors and spreadsheets on Windows often write one before
// a JSON document; RFC 8259 section 8.1 lets a parser ignore it. The mark
// holds no newline, so lines count the same with it or without.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, bom) }
