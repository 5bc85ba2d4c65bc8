package jsonkey

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// errTest is the sentinel the test readers wrap.
var errTest = errors.New("test sentinel")

func testReader(data string) *Reader {
	return NewReader([]byte(data), errTest, FieldErrors("test"))
}

// entry is the shape the tests read: {"name": string, "n": integer,
// "on": bool, "tags": [string], "items": [entry]}, other keys skipped.
type entry struct {
	Name  string
	N     int
	HasN  bool
	On    bool
	Tags  []string
	Items []entry
}

func readEntry(r *Reader, path string) (entry, error) {
	var e entry
	err := r.Object(path, "an entry", false, func(key, p string) error {
		var err error
		switch key {
		case "name":
			e.Name, err = r.String(p, false)
		case "n":
			e.N, e.HasN, err = r.Int(p, 3)
		case "on":
			e.On, err = r.Bool(p, true)
		case "tags":
			e.Tags, err = r.Strings(p)
		case "items":
			err = r.Array(p, "an array of entries", true, func(_ int, p string) error {
				item, err := readEntry(r, p)
				e.Items = append(e.Items, item)
				return err
			})
		default:
			err = r.Skip(p)
		}
		return err
	})
	return e, err
}

func readDoc(data string) (entry, error) {
	r := testReader(data)
	e, err := readEntry(r, "")
	if err == nil {
		err = r.End()
	}
	return e, err
}

func TestReader(t *testing.T) {
	doc := `{"name": "top", "n": -12, "on": true, "tags": ["a", "b"], "extra": {"x": [1, {"y": null}]},
 "items": [{"name": "one", "n": null, "on": null, "tags": null}, {"name": "two", "items": []}]}`
	got, err := readDoc(doc)
	require.NoError(t, err)
	want := entry{Name: "top", N: -12, HasN: true, On: true, Tags: []string{"a", "b"},
		Items: []entry{{Name: "one"}, {Name: "two"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("read (-want +got):\n%s", diff)
	}
}

// TestReaderErrors: each error names the path with its indexes and the
// line, wraps the sentinel, and reads as the calendar adapters promise.
func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"not JSON", "entries", "test: line 1: test sentinel: malformed JSON: invalid character 'e' looking for beginning of value"},
		{"empty", "", "test: line 1: test sentinel: malformed JSON: unexpected end of the document"},
		{"truncated", "{\"items\": [", "test: line 1: items: test sentinel: malformed JSON: unexpected end of the document"},
		{"data after", `{} {}`, "test: line 1: test sentinel: malformed JSON: data after the document"},
		{"an array", "\n[]", "test: line 2: test sentinel: got an array, want an entry"},
		{"null where not allowed", `null`, "test: line 1: test sentinel: got null, want an entry"},
		{"type in the third element", "{\"items\": [{}, {},\n {\"name\": 3}]}", "test: line 2: items[2].name: test sentinel: got a number, want a string"},
		{"an array of entries as an object", `{"items": {"name": "x"}}`, "test: line 1: items: test sentinel: got an object, want an array of entries"},
		{"a tag not a string", `{"tags": ["a", null]}`, "test: line 1: tags[1]: test sentinel: got null, want a string"},
		{"bool as text", `{"on": "yes"}`, "test: line 1: on: test sentinel: got a string, want true or false"},
		{"fraction", `{"n": 1.5}`, "test: line 1: n: test sentinel: \"1.5\" is not an integer of at most 3 digits"},
		{"exponent", `{"n": 1e2}`, "test: line 1: n: test sentinel: \"1e2\" is not an integer of at most 3 digits"},
		{"too many digits", `{"n": -1000}`, "test: line 1: n: test sentinel: \"-1000\" is not an integer of at most 3 digits"},
		{"number as text", `{"n": "1"}`, "test: line 1: n: test sentinel: got a string, want an integer or null"},
		{"key twice", "{\"name\": \"a\",\n \"name\": \"b\"}", `test: line 2: name: test sentinel: key "name" given twice`},
		{"key twice, escaped", `{"name": "a", "n\u0061me": "b"}`, `test: line 1: name: test sentinel: key "name" given twice`},
		{"keys that differ in case", `{"name": "a", "Name": "b"}`, ""},
		{"key twice in an element", `{"items": [{"name": "a"}, {"n": 1, "n": 2}]}`, `test: line 1: items[1].n: test sentinel: key "n" given twice`},
		{"key twice in a skipped value", "{\"extra\": [0, {\"a\": 1,\n \"a\": 2}], \"name\": \"x\"}", `test: line 2: extra[1].a: test sentinel: key "a" given twice`},
		{"a type error before a key twice", `{"name": 1, "name": 2}`, "test: line 1: name: test sentinel: got a number, want a string"},
		{"malformed before a key twice", `{"name": "a", "on": tru, "on": true}`, "test: line 1: on: test sentinel: malformed JSON: invalid character ',' in literal true (expecting 'e')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readDoc(tt.doc)
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tt.want)
			require.ErrorIs(t, err, errTest)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
		})
	}
}

// TestReaderSyntaxError: an error for text that is not JSON also wraps
// encoding/json's SyntaxError.
func TestReaderSyntaxError(t *testing.T) {
	_, err := readDoc(`{"name": x}`)
	var syn *json.SyntaxError
	require.ErrorAs(t, err, &syn)
	require.ErrorIs(t, err, errTest)
}

// TestReaderWhole: a whole number takes no sign.
func TestReaderWhole(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
		err  string
	}{
		{"2026", 2026, true, ""},
		{"0", 0, true, ""},
		{"null", 0, false, ""},
		{"-1", 0, false, "test: line 1: test sentinel: \"-1\" is not a whole number of at most 4 digits"},
		{"19.5", 0, false, "test: line 1: test sentinel: \"19.5\" is not a whole number of at most 4 digits"},
		{"12345", 0, false, "test: line 1: test sentinel: \"12345\" is not a whole number of at most 4 digits"},
		{"true", 0, false, "test: line 1: test sentinel: got a boolean, want a whole number or null"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok, err := testReader(tt.in).Whole("", 4)
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, n)
			require.Equal(t, tt.ok, ok)
		})
	}
}

// TestReaderNesting: a skipped value nested beyond encoding/json's limit
// is an error, not a value whose keys go unchecked.
func TestReaderNesting(t *testing.T) {
	deep := func(n int) string {
		return `{"extra": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
	}
	_, err := readDoc(deep(maxNesting - 1)) // the outer object is one level
	require.NoError(t, err)
	_, err = readDoc(deep(maxNesting))
	require.EqualError(t, err, "test: line 1: extra: test sentinel: malformed JSON: nested more than 10000 levels deep")
}

// TestReaderAllocs: the duplicate-key check adds no allocation to a
// reader of a document without one; reading costs what encoding/json's
// Token costs.
func TestReaderAllocs(t *testing.T) {
	data := []byte(`{"name": "top", "on": true, "extra": {"x": [1, {"y": null}]}}`)
	n := testing.AllocsPerRun(100, func() { find(data, Exact, -1) })
	require.Zero(t, n)
}

// FuzzReader: no input makes the Reader panic; skipping a document of
// valid JSON fails exactly when Find reports a key given twice (in Exact
// mode), at Find's path; and reading a fixed shape never panics.
func FuzzReader(f *testing.F) {
	for _, s := range []string{`{"name": "a", "items": [{"n": 1}]}`, `{"a": 1, "a": 2}`, `[{"x": {"y": 1, "y": 2}}]`,
		`{"name": "a", "Name": "b"}`, `{"n": -12, "tags": null}`, `{"extra": [1, {"a": 1}], "a": 2}`, `nul`, `{"a":`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readDoc(string(data))
		r := NewReader(data, errTest, FieldErrors("test"))
		err := r.Skip("")
		if err == nil {
			err = r.End()
		}
		if err != nil && !errors.Is(err, errTest) {
			t.Fatalf("error %v does not wrap the sentinel", err)
		}
		if !json.Valid(data) {
			return
		}
		d, dup := Find(data, Exact)
		var fe *FieldError
		switch {
		case dup && (!errors.As(err, &fe) || fe.Path != d.Path || !strings.Contains(err.Error(), "given twice")):
			t.Fatalf("Skip of %s = %v, want key %q given twice at %q", data, err, d.Key, d.Path)
		case !dup && err != nil:
			t.Fatalf("Skip of %s = %v, want no error", data, err)
		}
	})
}

// TestReaderErrorsQuoteAPrefix: a 1 MiB key, or a path 5,000 arrays
// deep, gives an error that quotes a short prefix of the key and cuts the
// path (at most 95 bytes each).
func TestReaderErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("k", 1<<20)
	for _, tc := range []struct{ name, doc string }{
		{"key twice", `{"` + long + `": 1, "` + long + `": 2}`},
		{"key twice, deep in a skipped value", `{"extra": ` + strings.Repeat("[", 5000) + `{"a": 1, "a": 2}` + strings.Repeat("]", 5000) + `}`},
		{"a long number", `{"n": ` + strings.Repeat("9", 1<<20) + `}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readDoc(tc.doc)
			require.ErrorIs(t, err, errTest)
			if n := len(err.Error()); n > 300 {
				t.Errorf("error of %d bytes: %.300s…", n, err)
			}
		})
	}
}

func TestTrimBOM(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a mark", "\ufeff{}", "{}"},
		{"no mark", "{}", "{}"},
		{"two marks, one is skipped", "\ufeff\ufeff{}", "\ufeff{}"},
		{"a mark after a space stays", " \ufeff{}", " \ufeff{}"},
		{"part of a mark stays", "\xef\xbb{}", "\xef\xbb{}"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, string(TrimBOM([]byte(tt.in))))
		})
	}
	// A Reader skips the mark, and lines count as without it.
	r := testReader("\ufeff{\n\"n\": 1,\n\"n\": 2}")
	_, err := readEntry(r, "")
	require.ErrorContains(t, err, "line 3")
}
