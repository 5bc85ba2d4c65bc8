package jsonkey

import (
	"encoding/json"
	"strings"

	"github.com/slamath/slamath/internal/quote"
)

// Unknown returns the first key of the object data, at its top level and
// in document order, that is not one of known, and whether there is one.
// Keys are compared exactly, after unescaping: "Respond" is not
// "respond", as encoding/json would take it to be when it fills a struct.
// On text that is not a JSON object it reports none.
func Unknown(data []byte, known []string) (string, bool) {
	s := scanner{data: data, skip: true}
	s.space()
	if s.i >= len(data) || data[s.i] != '{' {
		return "", false
	}
	var unknown string
	found := false
	s.members(func(key []byte, _, _ int) bool {
		for _, k := range known {
			if k == string(key) {
				return true
			}
		}
		unknown, found = keyText(key), true
		return false
	})
	return unknown, found
}

// UnknownKey returns the message for a key that is not one of known:
// `unknown field "Respond"; keys are exact: want "respond"` when it is
// one of them in another case (under Unicode simple folding, as
// encoding/json matches a key to a field), `unknown field "colour"`
// otherwise.
func UnknownKey(key string, known []string) string {
	msg := "unknown field " + quote.Text(key)
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return msg + "; keys are exact: want " + quote.Text(k)
		}
	}
	return msg
}

// members scans the object at s.i, calling f with each key as decoded,
// the offset of its opening quote and the offset of its value, before it
// scans past the value; it stops when f returns false, at the end of the
// object, or where the text stops being JSON. The key is valid only
// during the call.
func (s *scanner) members(f func(key []byte, keyAt, valueAt int) bool) {
	s.i++ // '{'
	for {
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			return // '}', or not JSON
		}
		keyAt := s.i
		raw, escaped, _, err := s.str()
		if err != nil {
			return
		}
		key := raw
		if escaped {
			var text string
			if json.Unmarshal(s.data[keyAt:s.i], &text) != nil {
				return
			}
			key = []byte(text)
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return
		}
		s.i++
		s.space()
		if !f(key, keyAt, s.i) {
			return
		}
		if _, err := s.value(); err != nil {
			return
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ',' {
			return
		}
		s.i++
	}
}
