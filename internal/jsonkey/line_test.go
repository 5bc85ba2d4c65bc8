package jsonkey

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	doc := `
{
  "name": "x",
  "terms": [
    {"kind": "a",
     "segments": [
       {"name": "s0"},
       {"name": "s1",
        "target":
          "99%"}
     ]},
    7,
    {"kind": "b", "t\u0061rget": 1}
  ],
  "calendars": {
    "ops": {"zone": "UTC"},
    "ops.eu": {
      "zone": "Europe/Berlin"
    },
    "a[0]": {"x": 1}
  },
  "empty": {}, "list": []
}`
	tests := []struct {
		path string
		want int
	}{
		{"", 2},
		{"name", 3},
		{"terms", 4},
		{"terms[0]", 5},
		{"terms[0].kind", 5},
		{"terms[0].segments[1]", 8},
		// A key on one line and its value on the next: the key's line.
		{"terms[0].segments[1].target", 9},
		{"terms[1]", 12},
		{"terms[2]", 13},
		// A key written with an escape is matched as decoded.
		{"terms[2].target", 13},
		// What the document leaves out: the nearest enclosing value.
		{"terms[0].segments[0].target", 7},
		{"terms[0].segments[2]", 6},
		{"terms[9].kind", 4},
		{"terms[1].kind", 12},
		{"colour", 2},
		{"empty.x", 22},
		{"list[0]", 22},
		// A key holding a dot or a bracket is matched whole; the longest
		// key the path goes on with wins.
		{"calendars.ops.zone", 16},
		{"calendars.ops.eu", 17},
		{"calendars.ops.eu.zone", 18},
		{"calendars.ops.eu.holidays[2].day", 17},
		{"calendars.a[0].x", 20},
		// Paths that are not paths of this document.
		{"[0]", 2},
		{"terms.kind", 4},
		{"terms[x]", 4},
		{"terms[", 4},
		{"name.first", 3},
		{"terms[0]kind", 5},
	}
	for _, tt := range tests {
		if got := Line([]byte(doc), tt.path); got != tt.want {
			t.Errorf("Line(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
	// Arrays at the top, and text that stops being JSON.
	for _, tt := range []struct {
		doc, path string
		want      int
	}{
		{"[1,\n[2,\n3]]", "[1][1]", 3},
		{"[1,\n[2,\n3]]", "[1][2]", 2},
		// Where the text stops being JSON before the element, the line
		// of the key that holds it.
		{"{\"a\":\n[1,\n", "a[1]", 1},
		{"{\"a\":\n[1 2,\n3]}", "a[1]", 1},
		{"{\"a\" 1,\n\"b\": 2}", "b", 1},
		{"", "a", 1},
		{"\n\n", "", 3},
	} {
		if got := Line([]byte(tt.doc), tt.path); got != tt.want {
			t.Errorf("Line(%q, %q) = %d, want %d", tt.doc, tt.path, got, tt.want)
		}
	}
}

func TestLineAt(t *testing.T) {
	data := []byte("a\nb\n\nc")
	for _, tt := range []struct {
		off  int64
		want int
	}{{-1, 1}, {0, 1}, {1, 1}, {2, 2}, {4, 3}, {5, 4}, {6, 4}, {99, 4}} {
		if got := LineAt(data, tt.off); got != tt.want {
			t.Errorf("LineAt(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
}

// TestLineAllocs: locating a path of plain keys allocates nothing.
func TestLineAllocs(t *testing.T) {
	doc := []byte(`{"terms": [{"kind": "a"}, {"kind": "b", "segments": [{"name": "s", "target": "99%"}]}]}`)
	if n := testing.AllocsPerRun(100, func() { Line(doc, "terms[1].segments[0].target") }); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

// FuzzLine: on any text and path, Line gives a line of the text, never
// past its last; for a path of the document that a reference walk with
// encoding/json finds, the line of that key or element.
func FuzzLine(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b.c": {"d": 2}}]}`), "a[1].b.c.d")
	f.Add([]byte("{\n\"x\":\n[\n{}]}"), "x[0].y")
	f.Add([]byte(`[[1,2],[3]]`), "[1][0]")
	f.Add([]byte(`{"k\u0065y": {"k": 1}}`), "key.k")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		got := Line(data, path)
		if got < 1 || got > strings.Count(string(data), "\n")+1 {
			t.Fatalf("Line = %d, outside the %d lines", got, strings.Count(string(data), "\n")+1)
		}
		if !json.Valid(data) {
			return
		}
		// Every line the reference walk names for a path of plain keys is
		// what Line gives for it.
		for p, line := range referencePaths(data) {
			if got := Line(data, p); got != line {
				t.Fatalf("Line(%q) = %d, the reference walk says %d", p, got, line)
			}
		}
	})
}

// referencePaths walks a valid document with encoding/json's tokens and
// returns the line of every key and element by its path; none when a
// key is not all letters or is given twice in its object, which would
// make a path ambiguous.
func referencePaths(data []byte) map[string]int {
	out := map[string]int{}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	plain := true
	var walk func(path string, top bool) bool
	walk = func(path string, top bool) bool {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return false
				}
				key := k.(string)
				if key == "" || strings.Trim(key, "abcdefghijklmnopqrstuvwxyz") != "" || seen[key] {
					plain = false
				}
				seen[key] = true
				p := key
				if !top {
					p = path + "." + key
				}
				// The key's closing quote is the byte before the offset.
				out[p] = LineAt(data, dec.InputOffset()-1)
				if !walk(p, false) {
					return false
				}
			}
			_, err := dec.Token()
			return err == nil
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				p := path + "[" + strconv.Itoa(i) + "]"
				// The element begins after the separator and white space.
				off := dec.InputOffset()
				for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
					off++
				}
				out[p] = LineAt(data, off)
				if !walk(p, false) {
					return false
				}
			}
			_, err := dec.Token()
			return err == nil
		}
		return true
	}
	if !walk("", true) || !plain {
		return nil
	}
	return out
}
