package jsonkey

import (
	"bytes"
	"strings"
)

// LineAt returns the 1-based line of data that holds byte offset off; an
// offset outside data counts as its nearest end.
func LineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Line returns the 1-based line of the JSON document data on which the
// value at path stands, for an error found after the document was read
// (a date that does not exist, tiers that overlap): the line of its key
// in an object, of its first byte as an element of an array. Path is
// written as a [Reader] writes paths, keys joined by dots and array
// indexes in brackets ("terms[0].exclusions[1]"); a key that holds a dot
// or a bracket is matched whole, the longest key of the object that the
// path goes on with winning. For a path the document does not hold, such
// as a field it leaves out, Line gives the line of the nearest enclosing
// value it holds; for "" or none, the line where the document begins.
//
// Line reads the document with the scanner of [Find], allocating only for
// keys written with escapes; on text that is not JSON it stops where the
// text stops being JSON and gives the line of what it found by then.
func Line(data []byte, path string) int {
	return LineAt(data, int64(locate(data, path)))
}

// locate returns the offset where the value at path, or the nearest
// enclosing value that data holds, begins: its key's opening quote in an
// object, its first byte in an array.
func locate(data []byte, path string) int {
	s := scanner{data: data, mode: Exact, skip: true}
	s.space()
	at, rest := s.i, path
	for first := true; rest != ""; first = false {
		if s.i >= len(data) {
			break
		}
		switch data[s.i] {
		case '{':
			if !first {
				var ok bool
				if rest, ok = strings.CutPrefix(rest, "."); !ok {
					return at
				}
			}
			key, value, n, ok := s.member(rest)
			if !ok {
				return at
			}
			at, s.i, rest = key, value, rest[n:]
		case '[':
			i, after, ok := index(rest)
			if !ok {
				return at
			}
			elem, ok := s.element(i)
			if !ok {
				return at
			}
			at, s.i, rest = elem, elem, after
		default:
			return at
		}
	}
	return at
}

// index reads "[n]" at the start of rest, and returns n and what follows.
func index(rest string) (int, string, bool) {
	digits, after, ok := strings.Cut(strings.TrimPrefix(rest, "["), "]")
	if !ok || !strings.HasPrefix(rest, "[") || digits == "" || len(digits) > 9 || !allDigits(digits) {
		return 0, "", false
	}
	n := 0
	for _, c := range []byte(digits) {
		n = n*10 + int(c-'0')
	}
	return n, after, true
}

// member scans the object at s.i for the member whose key is the longest
// that rest begins with, whole (followed by the end of rest, a dot or a
// bracket), and returns the offsets of that key's opening quote and of
// its value, and the key's length in rest.
func (s *scanner) member(rest string) (key, value, n int, ok bool) {
	n = -1
	s.members(func(k []byte, keyAt, valueAt int) bool {
		if len(k) > n && len(k) <= len(rest) && rest[:len(k)] == string(k) &&
			(len(k) == len(rest) || rest[len(k)] == '.' || rest[len(k)] == '[') {
			key, value, n = keyAt, valueAt, len(k)
		}
		return true
	})
	return key, value, n, n >= 0
}

// element scans the array at s.i to its element i and returns the offset
// where that element begins.
func (s *scanner) element(i int) (int, bool) {
	s.i++ // '['
	for ; ; i-- {
		s.space()
		if s.i >= len(s.data) || s.data[s.i] == ']' {
			return 0, false
		}
		if i == 0 {
			return s.i, true
		}
		if _, err := s.value(); err != nil {
			return 0, false
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ',' {
			return 0, false
		}
		s.i++
	}
}
