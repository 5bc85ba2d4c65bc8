package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// ParseCalendar reads a JSON calendar document with [ParseSpec] and
// builds its calendar with [Spec.Calendar]. Every error is a
// [*FieldError] with the field's Path and the Line of the document on
// which the field stands — for the errors Spec.Calendar finds too, such
// as a date that does not exist or overlapping spans, which it reports
// without a line since a Spec has no document. A field the document
// leaves out is reported on the line of the object that lacks it.
func ParseCalendar(data []byte) (*Calendar, error) {
	s, err := ParseSpec(data)
	if err != nil {
		return nil, err
	}
	c, err := s.Calendar()
	if err != nil {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Line == 0 {
			fe.Line = lineOfPath(data, fe.Path)
		}
		return nil, err
	}
	return c, nil
}

// lineOfPath returns the line of data on which the value at path, or the
// nearest enclosing value the document has, begins; 0 when data holds
// none of them.
func lineOfPath(data []byte, path string) int {
	for {
		if off, ok := locate(data, path); ok {
			return bytes.Count(data[:off], []byte("\n")) + 1
		}
		if path == "" {
			return 0
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

// locate returns the offset in data of the key or array element at path
// ("holidays[2].day"; "" for the document), walking a valid JSON
// document with encoding/json's tokens.
func locate(data []byte, path string) (int64, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if path == "" {
		return valueAt(data, 0), true
	}
	steps, ok := splitPath(path)
	if !ok {
		return 0, false
	}
	for n, s := range steps {
		last := n == len(steps)-1
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		want := json.Delim('{')
		if s.index >= 0 {
			want = json.Delim('[')
		}
		if tok != want {
			return 0, false
		}
		found := false
		for i := 0; dec.More() && !found; i++ {
			if s.index < 0 {
				key, err := dec.Token()
				if err != nil {
					return 0, false
				}
				found = key == s.key
			} else {
				found = i == s.index
			}
			switch {
			case found && last:
				return valueAt(data, dec.InputOffset()), true
			case found:
			default:
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return 0, false
				}
			}
		}
		if !found {
			return 0, false
		}
	}
	return 0, false
}

// pathStep is a key, or an index into an array.
type pathStep struct {
	key   string
	index int // -1 for a key
}

// splitPath splits "holidays[2].day" into holidays, 2, day.
func splitPath(path string) ([]pathStep, bool) {
	var steps []pathStep
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			steps = append(steps, pathStep{key: key, index: -1})
		}
		for rest != "" {
			n, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(n)
			if !ok || err != nil || i < 0 {
				return nil, false
			}
			steps = append(steps, pathStep{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return steps, len(steps) > 0
}

// valueAt returns the offset of the first byte at or after off that is
// not white space or a separator: where the next key or value begins.
func valueAt(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
		off++
	}
	return off
}
