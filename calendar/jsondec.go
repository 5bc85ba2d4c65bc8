package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// jsonReader decodes a JSON document token by token against the shape a
// caller expects, so that every error names the field with its array
// indexes ("hours[2].spans") and the line, and so that a key given twice
// in one object is an error rather than a silent overwrite. It uses
// encoding/json's Decoder.Token only.
type jsonReader struct {
	data []byte
	dec  *json.Decoder
}

func newJSONReader(data []byte) *jsonReader {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &jsonReader{data: data, dec: dec}
}

// line returns the 1-based line of byte offset off.
func (r *jsonReader) line(off int64) int {
	off = min(max(off, 0), int64(len(r.data)))
	return bytes.Count(r.data[:off], []byte("\n")) + 1
}

// fail returns a FieldError at path on the line the decoder has reached.
func (r *jsonReader) fail(path string, err error) error {
	return &FieldError{Path: path, Line: r.line(r.dec.InputOffset()), Err: err}
}

// token reads the next token; malformed JSON is an error naming the line.
func (r *jsonReader) token(path string) (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, &FieldError{Path: path, Line: r.line(syn.Offset), Err: fmt.Errorf("malformed JSON: %w", err)}
	case err == io.EOF:
		return nil, r.fail(path, errors.New("malformed JSON: unexpected end of the document"))
	}
	return nil, r.fail(path, fmt.Errorf("malformed JSON: %w", err))
}

// kindOf names the JSON type of a token for errors.
func kindOf(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "a JSON object"
		case '[':
			return "a JSON array"
		}
		return "the end of a JSON " + map[json.Delim]string{'}': "object", ']': "array"}[v]
	case string:
		return "a JSON string"
	case json.Number:
		return "a JSON number"
	case bool:
		return "a JSON boolean"
	case nil:
		return "JSON null"
	}
	return fmt.Sprintf("%T", t)
}

// typeErr is the error for a value of the wrong JSON type.
func (r *jsonReader) typeErr(path string, t json.Token, want string) error {
	return r.fail(path, fmt.Errorf("%w: %s where %s is wanted", ErrInvalid, kindOf(t), want))
}

// object reads an object (or null, which reads as no keys), calling field
// for each key with the key's path. A key given twice is an error.
func (r *jsonReader) object(path, want string, field func(key, path string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return r.typeErr(path, t, want)
	}
	var seen []string
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
		for _, k := range seen {
			if k == key {
				return r.fail(kp, fmt.Errorf("%w: key %q given twice", ErrInvalid, key))
			}
		}
		seen = append(seen, key)
		if err := field(key, kp); err != nil {
			return err
		}
	}
	_, err = r.token(path) // '}'
	return err
}

// unknown is the error for a key an object does not have.
func (r *jsonReader) unknown(path, key string) error {
	return r.fail(path, fmt.Errorf("%w: unknown field %q", ErrInvalid, key))
}

// array reads an array (or null, which reads as empty), calling elem for
// each element with its index and path.
func (r *jsonReader) array(path, want string, elem func(i int, path string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return r.typeErr(path, t, want)
	}
	for i := 0; r.dec.More(); i++ {
		if err := elem(i, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	_, err = r.token(path) // ']'
	return err
}

// str reads a string; null reads as "".
func (r *jsonReader) str(path string) (string, error) {
	t, err := r.token(path)
	if err != nil {
		return "", err
	}
	switch v := t.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", r.typeErr(path, t, "a string")
}

// strs reads an array of strings.
func (r *jsonReader) strs(path string) ([]string, error) {
	var out []string
	err := r.array(path, "an array of strings", func(_ int, p string) error {
		s, err := r.str(p)
		out = append(out, s)
		return err
	})
	return out, err
}

// integer reads an integer; null reads as absent (ok false).
func (r *jsonReader) integer(path string) (n int, ok bool, err error) {
	t, err := r.token(path)
	if err != nil {
		return 0, false, err
	}
	switch v := t.(type) {
	case nil:
		return 0, false, nil
	case json.Number:
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return 0, false, r.fail(path, fmt.Errorf("%w: %s is not an integer in range", ErrInvalid, v))
		}
		return n, true, nil
	}
	return 0, false, r.typeErr(path, t, "an integer")
}

// boolean reads true or false; null reads as false.
func (r *jsonReader) boolean(path string) (bool, error) {
	t, err := r.token(path)
	if err != nil {
		return false, err
	}
	switch v := t.(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return false, r.typeErr(path, t, "true or false")
}

// end checks that nothing but white space follows the document.
func (r *jsonReader) end() error {
	if _, err := r.dec.Token(); err != io.EOF {
		return r.fail("", errors.New("malformed JSON: data after the document"))
	}
	return nil
}
