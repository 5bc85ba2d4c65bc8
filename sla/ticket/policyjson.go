package ticket

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// This file reads a Policy from JSON strictly: every key exact and given
// once, every problem a *FieldError at its path. encoding/json alone
// accepts a key given twice (the last winning) and matches keys to
// fields without regard to case, and the error of a field's
// UnmarshalText carries no path.
//
// The check is private, and written here for the two small objects of a
// policy, because sla/ticket imports nothing of its module (its design
// rule), so the module's shared duplicate-key scanner is out of reach.
// A policy document is a few hundred bytes; walking it with
// encoding/json's Decoder.Token is simple and cheap enough.

// policyKeys and priorityKeys are the keys of the two objects, exactly.
var (
	policyKeys   = []string{"priorities", "warnings"}
	priorityKeys = []string{"name", "respond", "resolve"}
)

// limitForm describes the text of a Limit, for errors.
const limitForm = `a Go duration, then business or wall, such as "4h business" or "15m wall"`

// policyReader reads one policy document and remembers where each field
// it met begins, so that every *FieldError, including those Validate
// finds after decoding, carries the line of its field. A policy document
// is small: a few dozen paths at most.
type policyReader struct {
	data  []byte         // the whole document; every raw value is a slice of it
	at    map[string]int // the offset of each path: its key, or an element's first byte
	first int            // the offset of the document's first byte after white space
}

// newPolicyReader returns a reader of data, a policy document that
// encoding/json has checked to be one valid JSON value.
func newPolicyReader(data []byte) *policyReader {
	first := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	return &policyReader{data: data, at: map[string]int{"": first}, first: first}
}

// offset returns the offset in r.data at which sub, a slice of r.data,
// begins.
func (r *policyReader) offset(sub []byte) int { return cap(r.data) - cap(sub) }

// placed sets the Line of err, a *FieldError, to the line of its path,
// or of the nearest enclosing path the reader met: 1 for the line on
// which the document begins.
func (r *policyReader) placed(err error) error {
	fe, ok := err.(*FieldError)
	if !ok || fe.Line != 0 {
		return err
	}
	path := fe.Path
	for {
		if off, ok := r.at[path]; ok {
			fe.Line = 1 + bytes.Count(r.data[r.first:off], []byte("\n"))
			return fe
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

// policy reads the document, without validating the policy.
func (r *policyReader) policy() (Policy, error) {
	var p Policy
	fields, err := r.objectFields("", r.data, policyKeys)
	if err != nil {
		return Policy{}, err
	}
	if raw, ok := fields["priorities"]; ok {
		elems, err := r.arrayElements("priorities", raw)
		if err != nil {
			return Policy{}, err
		}
		for i, elem := range elems {
			pr, err := r.decodePriority(fmt.Sprintf("priorities[%d]", i), elem)
			if err != nil {
				return Policy{}, err
			}
			p.Priorities = append(p.Priorities, pr)
		}
	}
	if raw, ok := fields["warnings"]; ok && !isNull(raw) {
		elems, err := r.arrayElements("warnings", raw)
		if err != nil {
			return Policy{}, err
		}
		p.Warnings = make([]int, len(elems))
		for i, elem := range elems {
			if err := json.Unmarshal(elem, &p.Warnings[i]); err != nil {
				got := jsonKind(elem)
				if got == "a number" && len(elem) <= 32 {
					got = string(elem)
				}
				return Policy{}, policyError(fmt.Sprintf("warnings[%d]", i), nil, "got %s, want an integer percent such as 75", got)
			}
		}
	}
	return p, nil
}

// decodePriority reads the priority object raw at path.
func (r *policyReader) decodePriority(path string, raw json.RawMessage) (Priority, error) {
	var pr Priority
	fields, err := r.objectFields(path, raw, priorityKeys)
	if err != nil {
		return Priority{}, err
	}
	if v, ok := fields["name"]; ok && !isNull(v) {
		if err := json.Unmarshal(v, &pr.Name); err != nil {
			return Priority{}, policyError(path+".name", nil, "got %s, want a string", jsonKind(v))
		}
	}
	for _, g := range [...]struct {
		key string
		dst *Limit
	}{{"respond", &pr.Respond}, {"resolve", &pr.Resolve}} {
		v, ok := fields[g.key]
		if !ok || isNull(v) {
			continue
		}
		var text string
		if err := json.Unmarshal(v, &text); err != nil {
			return Priority{}, policyError(path+"."+g.key, nil, "got %s, want %s", jsonKind(v), limitForm)
		}
		if err := g.dst.UnmarshalText([]byte(text)); err != nil {
			return Priority{}, &FieldError{Path: path + "." + g.key, Err: policyCause{err}}
		}
	}
	return pr, nil
}

// objectFields returns the values of the JSON object raw at path by key.
// A key that is not one of known exactly, or that is given twice, is a
// *FieldError at the key's path; so is raw when it is not an object. A
// null object has no fields. Each value returned is a slice of raw, and
// the offset of each key is noted under its path.
func (r *policyReader) objectFields(path string, raw []byte, known []string) (map[string]json.RawMessage, error) {
	fields := map[string]json.RawMessage{}
	if isNull(raw) {
		return fields, nil
	}
	if kind := jsonKind(raw); kind != "an object" {
		return nil, policyError(path, nil, "got %s, want an object", kind)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // the opening brace
		return nil, policyError(path, nil, "%v", err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, policyError(path, nil, "%v", err)
		}
		key, _ := tok.(string) // an object's keys are strings
		at := joinPath(path, key)
		if _, seen := r.at[at]; !seen {
			r.at[at] = r.offset(raw) + int(dec.InputOffset()) // just past the key, on its line
		}
		if _, dup := fields[key]; dup {
			return nil, policyError(at, nil, "%q is given twice", key)
		}
		if !contains(known, key) {
			for _, k := range known {
				if strings.EqualFold(k, key) {
					return nil, policyError(at, nil, "unknown field %q; keys are exact: want %q", key, k)
				}
			}
			return nil, policyError(at, nil, "unknown field %q; want one of %s", key, strings.Join(known, ", "))
		}
		start := dec.InputOffset()
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, policyError(at, nil, "%v", err)
		}
		fields[key] = valueIn(raw, start, dec.InputOffset())
	}
	return fields, nil
}

// arrayElements returns the elements of the JSON array raw at path, each
// a slice of raw whose offset is noted under its path; a value that is
// not an array is a *FieldError, and null has none.
func (r *policyReader) arrayElements(path string, raw json.RawMessage) ([]json.RawMessage, error) {
	if isNull(raw) {
		return nil, nil
	}
	if kind := jsonKind(raw); kind != "a list" {
		return nil, policyError(path, nil, "got %s, want a list", kind)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // the opening bracket
		return nil, policyError(path, nil, "%v", err)
	}
	var elems []json.RawMessage
	for dec.More() {
		start := dec.InputOffset()
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, policyError(path, nil, "%v", err)
		}
		elem := valueIn(raw, start, dec.InputOffset())
		r.at[fmt.Sprintf("%s[%d]", path, len(elems))] = r.offset(elem)
		elems = append(elems, elem)
	}
	return elems, nil
}

// valueIn returns the JSON value that raw[start:end] holds, as a slice of
// raw: what a Decoder read between two of its offsets, less the
// separators and white space before the value.
func valueIn(raw []byte, start, end int64) []byte {
	v := raw[start:end]
	return v[len(v)-len(bytes.TrimLeft(v, " \t\r\n:,")):]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func isNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// jsonKind names the kind of the JSON value raw for errors: "a string",
// "a number", "an object", ...
func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// policyCause is the Err of a *FieldError whose cause is the error of
// another reader, such as a *ParseError: it wraps both ErrPolicy and the
// cause, and says the package's name once.
type policyCause struct{ cause error }

func (e policyCause) Error() string {
	return ErrPolicy.Error() + ": " + strings.TrimPrefix(e.cause.Error(), "ticket: ")
}

func (e policyCause) Unwrap() []error { return []error{ErrPolicy, e.cause} }
