package jsonkey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenFind is a reference for find, built on the token stream of
// encoding/json: slower, and simple enough to trust. maxDepth is the
// deepest level whose objects are checked (0 for the top), or -1.
func tokenFind(data []byte, mode Mode, maxDepth int) (Duplicate, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // no float parsing: numbers are not looked at
	type frame struct {
		object bool
		id     int    // the object's number, for the key set
		path   string // where the value sits
		key    string // in an object, the key whose value comes next
		want   bool   // in an object, the next token is a key
		index  int    // in an array, the index of the next element
	}
	type objectKey struct {
		id  int
		key string // as the mode compares it
	}
	var (
		stack   []frame
		seen    = make(map[objectKey]string) // the first spelling
		objects int
	)
	form := func(key string) string {
		if mode == Exact {
			return key
		}
		return string(foldKey(nil, []byte(key)))
	}
	// childPath is the path of the value that the next token starts.
	childPath := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := &stack[len(stack)-1]
		if top.object {
			if top.path == "" {
				return top.key
			}
			return top.path + "." + top.key
		}
		return top.path + "[" + strconv.Itoa(top.index) + "]"
	}
	// consumed records that a value in the top container is complete.
	consumed := func() {
		if len(stack) == 0 {
			return
		}
		top := &stack[len(stack)-1]
		if top.object {
			top.want = true
		} else {
			top.index++
		}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return Duplicate{}, false
		}
		if len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].want {
			top := &stack[len(stack)-1]
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				consumed()
				continue
			}
			key, _ := tok.(string)
			top.key, top.want = key, false
			if maxDepth >= 0 && len(stack)-1 > maxDepth {
				continue
			}
			k := objectKey{top.id, form(key)}
			if first, dup := seen[k]; dup {
				return Duplicate{Path: childPath(), Key: key, First: first}, true
			}
			seen[k] = key
			continue
		}
		switch tok {
		case json.Delim('{'):
			objects++
			stack = append(stack, frame{object: true, id: objects, path: childPath(), want: true})
		case json.Delim('['):
			stack = append(stack, frame{path: childPath()})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			consumed()
		default:
			consumed()
		}
	}
}

// check runs find and the reference on in and fails when they differ.
func check(t *testing.T, in []byte, mode Mode, maxDepth int) (Duplicate, bool) {
	t.Helper()
	got, end, dup := find(in, mode, maxDepth)
	if want, wantDup := tokenFind(in, mode, maxDepth); dup != wantDup || got != want {
		t.Fatalf("find(%s, mode %d, depth %d) = %+v, %v; the token-stream reference %+v, %v", in, mode, maxDepth, got, dup, want, wantDup)
	}
	// The offset is just past the repeated key as written: a quoted
	// string that decodes to the key, followed by the colon. (A quote
	// inside the key is escaped; a string from it decodes shorter.)
	if dup {
		found := false
		for start := end - 2; start >= 0 && !found; start-- {
			var key string
			found = in[start] == '"' && json.Unmarshal(in[start:end], &key) == nil && key == got.Key
		}
		if !found {
			t.Fatalf("find(%s): no string ending at %d decodes to %q", in, end, got.Key)
		}
		if rest := bytes.TrimLeft(in[end:], " \t\r\n"); len(rest) > 0 && rest[0] != ':' {
			t.Fatalf("find(%s): no colon after the key ending at %d", in, end)
		}
	}
	return got, dup
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, in string
		none     bool
		want     Duplicate
	}{
		{name: "no object", in: `[1,"a",null]`, none: true},
		{name: "distinct keys", in: `{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}`, none: true},
		{name: "same key in sibling objects", in: `[{"id":1},{"id":1}]`, none: true},
		{name: "same key at two depths", in: `{"id":{"id":1}}`, none: true},
		{name: "top level", in: `{"id":"x","at":1,"id":"y"}`, want: Duplicate{"id", "id", "id"}},
		{name: "nested", in: `{"record":{"id":"x","kind":"k","id":"x"}}`, want: Duplicate{"record.id", "id", "id"}},
		{name: "after a nested object closes", in: `{"a":{"b":1},"c":[1,{"d":2}],"a":3}`, want: Duplicate{"a", "a", "a"}},
		{name: "in an array element", in: `{"list":[{"k":1},{"k":1,"k":2}]}`, want: Duplicate{"list[1].k", "k", "k"}},
		{name: "escaped spelling of the same key", in: `{"id":1,"\u0069d":2}`, want: Duplicate{"id", "id", "id"}},
		{name: "empty key twice", in: `{"":1,"":2}`, want: Duplicate{"", "", ""}},
		{name: "keys that differ in case fill one field", in: `{"id":1,"ID":2}`, want: Duplicate{"ID", "ID", "id"}},
		{name: "Kelvin sign folds to k", in: `{"kind":1,"\u212aind":2}`, want: Duplicate{"\u212aind", "\u212aind", "kind"}},
		{name: "long s folds to s", in: `{"segment":1,"\u017fegment":2}`, want: Duplicate{"\u017fegment", "\u017fegment", "segment"}},
		{name: "after 16 distinct keys", in: `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"r":0,"B":0}`, want: Duplicate{"B", "B", "b"}},
		{name: "20 distinct keys", in: `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"r":0,"s":0,"t":0}`, none: true},
		{name: "nested arrays", in: `[[{"a":1}],[{"b":[{"c":1,"c":2}]}]]`, want: Duplicate{"[1][0].b[0].c", "c", "c"}},
		{name: "a duplicate before a syntax error", in: `{"a":1,"a"`, want: Duplicate{"a", "a", "a"}},
		{name: "syntax error before any duplicate", in: `{"a":1,}`, none: true},
		{name: "invalid UTF-8 in a key", in: "{\"\xff\":1,\"\xff\":2}", want: Duplicate{"\ufffd", "\ufffd", "\ufffd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dup := check(t, []byte(tt.in), Fold, -1)
			if dup == tt.none {
				t.Fatalf("Find(%s) = %+v, %v; want a duplicate: %v", tt.in, got, dup, !tt.none)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestModes: Exact compares keys as a map's, Fold as a struct's; FindTop
// looks at the top-level object only.
func TestModes(t *testing.T) {
	tests := []struct {
		name, in      string
		mode          Mode
		top           bool
		want          string // the path, or "-" for none
		key, firstKey string
	}{
		{"exact: case differs", `{"id":1,"ID":2}`, Exact, false, "-", "", ""},
		{"exact: Kelvin sign", `{"kind":1,"\u212aind":2}`, Exact, false, "-", "", ""},
		{"exact: escaped spelling", `{"id":1,"\u0069d":2}`, Exact, false, "id", "id", "id"},
		{"exact: same key", `{"a":{"x":1,"x":2}}`, Exact, false, "a.x", "x", "x"},
		{"exact: past 16 keys, case differs", `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"A":0}`, Exact, false, "-", "", ""},
		{"exact: past 16 keys, same key", `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"a":0}`, Exact, false, "a", "a", "a"},
		{"top: nested duplicate not checked", `{"a":{"x":1,"x":2},"b":1}`, Fold, true, "-", "", ""},
		{"top: top-level duplicate after a nested one", `{"a":{"x":1,"x":2},"A":1}`, Fold, true, "A", "A", "a"},
		{"top: exact at the top", `{"Business":{},"business":{},"business":{}}`, Exact, true, "business", "business", "business"},
		{"top: an array at the top", `[{"a":1,"a":2}]`, Fold, true, "-", "", ""},
		{"top: escaped keys below are skipped", `{"a":{"\u0078":1,"x":2},"b":1}`, Fold, true, "-", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			depth := -1
			if tt.top {
				depth = 0
			}
			got, dup := check(t, []byte(tt.in), tt.mode, depth)
			if tt.want == "-" {
				if dup {
					t.Errorf("= %+v, want none", got)
				}
				return
			}
			want := Duplicate{Path: tt.want, Key: tt.key, First: tt.firstKey}
			if diff := cmp.Diff(want, got); !dup || diff != "" {
				t.Errorf("duplicate %v (-want +got):\n%s", dup, diff)
			}
		})
	}
	// The exported functions are find at depths -1 and 0.
	in := []byte(`{"a":{"x":1,"x":2}}`)
	if d, ok := Find(in, Fold); !ok || d.Path != "a.x" {
		t.Errorf("Find = %+v, %v", d, ok)
	}
	if d, ok := FindTop(in, Fold); ok {
		t.Errorf("FindTop = %+v, want none", d)
	}
}

func TestModeOf(t *testing.T) {
	var (
		s  struct{ A int }
		m  map[string]int
		pm *map[string]int
	)
	for _, tc := range []struct {
		name string
		v    any
		want Mode
	}{
		{"struct", &s, Fold},
		{"map", &m, Exact},
		{"pointer to a pointer to a map", &pm, Exact},
		{"map value", m, Exact},
		{"any, which receives a map", new(any), Exact},
		{"nil", nil, Fold},
	} {
		if got := ModeOf(tc.v); got != tc.want {
			t.Errorf("%s: ModeOf = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestDeepNesting: nesting beyond encoding/json's limit stops the scan
// instead of recursing without bound.
func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", maxNesting+1) + `{"a":1,"a":2}` + strings.Repeat("]", maxNesting+1)
	if d, ok := Find([]byte(deep), Fold); ok {
		t.Errorf("Find beyond %d levels = %+v, want none", maxNesting, d)
	}
	ok := strings.Repeat("[", maxNesting-1) + `{"a":1,"a":2}` + strings.Repeat("]", maxNesting-1)
	if d, dup := Find([]byte(ok), Fold); !dup || d.Key != "a" {
		t.Errorf("Find at %d levels = %+v, %v, want the duplicate a", maxNesting, d, dup)
	}
}

// TestFindAllocs: an object of a few plain keys costs no allocation.
func TestFindAllocs(t *testing.T) {
	line := []byte(`{"event":"opened","id":"b-1","at":"2026-03-01T00:00:00Z","record":{"id":"b-1","kind":"availability","term":"t","measured":{"good":1,"total":2}}}`)
	if n := testing.AllocsPerRun(100, func() { Find(line, Fold) }); n != 0 {
		t.Errorf("Find allocates %v times, want 0", n)
	}
}

// FuzzDuplicateKeys: find never panics; on valid JSON it agrees with the
// reference built on encoding/json's token stream in every mode, at
// every depth; and it finds the first key of an object written twice.
func FuzzDuplicateKeys(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":{"b":[1,{"c":2}]}}`, `[{"x":1},{"x":1}]`, `{"a":1,"a":2}`, `"s"`, `{`,
		`{"id":1,"ID":2}`, `{"\u0069d":1,"id":2}`, `{"k":1,"\u212a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Find(data, Fold)
		FindTop(data, Exact)
		if !json.Valid(data) {
			return
		}
		for _, mode := range []Mode{Fold, Exact} {
			for _, depth := range []int{-1, 0} {
				check(t, data, mode, depth)
			}
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber() // 1e1000 is valid JSON, but no float64
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		m, ok := v.(map[string]any)
		if !ok || len(m) == 0 {
			return
		}
		first := slices.Sorted(maps.Keys(m))[0]
		// json.Marshal sorts keys, so first is the first member of b.
		kb, _ := json.Marshal(first)
		vb, _ := json.Marshal(m[first])
		twice := append(append(append([]byte{'{'}, kb...), ':'), vb...)
		twice = append(append(twice, ','), b[1:]...)
		want := Duplicate{Path: first, Key: first, First: first}
		for _, mode := range []Mode{Fold, Exact} {
			if got, dup := FindTop(twice, mode); !dup || got != want {
				t.Fatalf("FindTop(%s, %d) = %+v, %v, want %+v", twice, mode, got, dup, want)
			}
		}
	})
}

// Example of the check as a decoder uses it: encoding/json would keep the
// last "target" of the two.
func ExampleFind() {
	doc := []byte(`{"terms": [{"name": "api", "target": "99.9%", "Target": "99%"}]}`)
	if d, ok := Find(doc, Fold); ok {
		fmt.Printf("%s: %q repeats %q\n", d.Path, d.Key, d.First)
	}
	// Output:
	// terms[0].Target: "Target" repeats "target"
}

// BenchmarkFind: the check of one opened event of a breach ledger, about
// 500 bytes in three objects.
func BenchmarkFind(b *testing.B) {
	line := []byte(`{"event":"opened","id":"availability/business hours/2026-03","at":"2026-03-31T04:00:00Z","record":{"id":"availability/business hours/2026-03","kind":"availability","term":"availability","segment":"business hours","period":"2026-03-01T05:00:00Z/2026-04-01T04:00:00Z","target":"99.5%","measured":{"good":2584800000000000,"total":2588400000000000},"shortfall":"2h0m0s","occurred_at":"2026-03-20T15:00:00Z","detected_at":"2026-03-31T04:00:00Z","credit":"10%","report_due":"2026-03-31T16:00:00Z","resolve_due":"2026-04-02T16:00:00Z"}}`)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if _, dup := Find(line, Fold); dup {
			b.Fatal("duplicate")
		}
	}
}
