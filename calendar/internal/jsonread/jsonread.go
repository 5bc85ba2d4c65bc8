// Package jsonread decodes a JSON document token by token against the
// shape its caller expects, for the packages that read holiday files
// published by others (calendar/ukbank, calendar/nager). Every error names
// the field with its array indexes ("england-and-wales.events[2].date")
// and the line; a key given twice in one object is an error rather than a
// silent overwrite; the input is read up to a size limit. It uses
// encoding/json's Decoder.Token only.
package jsonread

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Sentinel errors, re-exported by the packages that use this one.
var (
	// ErrInvalid reports a document that is not of the expected shape: bad
	// JSON, a value of the wrong type or form, a key given twice.
	ErrInvalid = errors.New("invalid document")
	// ErrTooLarge reports an input longer than the reader accepts.
	ErrTooLarge = errors.New("input too large")
)

// FieldError is an error at a place in a JSON document. Path names the
// field as a JSON path with array indexes ("scotland.events[3].title"),
// empty for the document as a whole; Line is the 1-based line where the
// reader found the error, or 0 where there is no document.
type FieldError struct {
	Pkg  string // the package that reports it, for the message prefix
	Path string // the field, or "" for the whole document
	Line int    // the line of the document, or 0
	Err  error  // why; wraps ErrInvalid or ErrTooLarge
}

// Error returns "pkg: line 3: path: ...", without the line when it is 0 and
// without the path when it is empty.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Pkg)
	b.WriteString(": ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

// ReadAll reads r up to limit bytes; a longer input is an error wrapping
// ErrTooLarge.
func ReadAll(pkg string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &FieldError{Pkg: pkg, Err: fmt.Errorf("reading: %w", err)}
	}
	if int64(len(data)) > limit {
		return nil, TooLarge(pkg, limit)
	}
	return data, nil
}

// TooLarge returns the error for an input longer than limit bytes.
func TooLarge(pkg string, limit int64) error {
	return &FieldError{Pkg: pkg, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
}

// Reader reads one document.
type Reader struct {
	pkg  string
	data []byte
	dec  *json.Decoder
}

// New returns a Reader of data whose errors carry the prefix pkg.
func New(pkg string, data []byte) *Reader {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &Reader{pkg: pkg, data: data, dec: dec}
}

// line returns the 1-based line of byte offset off.
func (r *Reader) line(off int64) int {
	off = min(max(off, 0), int64(len(r.data)))
	return bytes.Count(r.data[:off], []byte("\n")) + 1
}

// Fail returns a FieldError at path on the line the decoder has reached,
// wrapping err.
func (r *Reader) Fail(path string, err error) error {
	return &FieldError{Pkg: r.pkg, Path: path, Line: r.line(r.dec.InputOffset()), Err: err}
}

// Failf returns a FieldError at path wrapping ErrInvalid with a message.
func (r *Reader) Failf(path, format string, args ...any) error {
	return r.Fail(path, fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...)))
}

// Token reads the next token; malformed JSON is an error naming the line.
func (r *Reader) Token(path string) (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, &FieldError{Pkg: r.pkg, Path: path, Line: r.line(syn.Offset), Err: fmt.Errorf("%w: malformed JSON: %v", ErrInvalid, err)}
	case err == io.EOF:
		return nil, r.Failf(path, "malformed JSON: unexpected end of the document")
	}
	return nil, r.Failf(path, "malformed JSON: %v", err)
}

// Kind names the JSON type of a token for errors.
func Kind(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return "the end of an " + map[json.Delim]string{'}': "object", ']': "array"}[v]
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

// TypeErr is the error for a value of the wrong JSON type.
func (r *Reader) TypeErr(path string, t json.Token, want string) error {
	return r.Failf(path, "got %s, want %s", Kind(t), want)
}

// Object reads an object, calling field for each key with the key's path.
// A key given twice is an error; null is an error unless nullOK.
func (r *Reader) Object(path, want string, nullOK bool, field func(key, path string) error) error {
	t, err := r.Token(path)
	if err != nil {
		return err
	}
	if t == nil && nullOK {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return r.TypeErr(path, t, want)
	}
	var buf [8]string // objects have few keys: a slice beats a map
	seen := buf[:0]
	for r.dec.More() {
		t, err := r.Token(path)
		if err != nil {
			return err
		}
		key, ok := t.(string) // the decoder allows only strings as keys
		if !ok {
			return r.TypeErr(path, t, "a key")
		}
		kp := key
		if path != "" {
			kp = path + "." + key
		}
		if slices.Contains(seen, key) {
			return r.Failf(kp, "key %q given twice", key)
		}
		seen = append(seen, key)
		if err := field(key, kp); err != nil {
			return err
		}
	}
	_, err = r.Token(path) // '}'
	return err
}

// Array reads an array, calling elem for each element with its index and
// path; null is an error unless nullOK.
func (r *Reader) Array(path, want string, nullOK bool, elem func(i int, path string) error) error {
	t, err := r.Token(path)
	if err != nil {
		return err
	}
	if t == nil && nullOK {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return r.TypeErr(path, t, want)
	}
	for i := 0; r.dec.More(); i++ {
		if err := elem(i, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	_, err = r.Token(path) // ']'
	return err
}

// Skip reads and discards one value of any type.
func (r *Reader) Skip(path string) error {
	depth := 0
	for {
		t, err := r.Token(path)
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// String reads a string; null is an error unless nullOK, and reads as "".
func (r *Reader) String(path string, nullOK bool) (string, error) {
	t, err := r.Token(path)
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
	return "", r.TypeErr(path, t, "a string")
}

// Strings reads an array of strings, or null as none.
func (r *Reader) Strings(path string) ([]string, error) {
	var out []string
	err := r.Array(path, "an array of strings or null", true, func(_ int, p string) error {
		s, err := r.String(p, false)
		out = append(out, s)
		return err
	})
	return out, err
}

// Bool reads true or false; null is an error unless nullOK, and reads as
// false.
func (r *Reader) Bool(path string, nullOK bool) (bool, error) {
	t, err := r.Token(path)
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
	return false, r.TypeErr(path, t, "true or false")
}

// Int reads an integer of at most digits digits, or null (ok false).
func (r *Reader) Int(path string, digits int) (n int, ok bool, err error) {
	t, err := r.Token(path)
	if err != nil {
		return 0, false, err
	}
	switch v := t.(type) {
	case nil:
		return 0, false, nil
	case json.Number:
		s := string(v)
		if len(s) == 0 || len(s) > digits || strings.Trim(s, "0123456789") != "" {
			return 0, false, r.Failf(path, "%s is not a whole number of at most %d digits", s, digits)
		}
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		return n, true, nil
	}
	return 0, false, r.TypeErr(path, t, "a whole number or null")
}

// End checks that nothing but white space follows the document.
func (r *Reader) End() error {
	if _, err := r.dec.Token(); err != io.EOF {
		return r.Failf("", "malformed JSON: data after the document")
	}
	return nil
}
