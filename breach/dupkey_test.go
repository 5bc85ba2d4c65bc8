package breach

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenDuplicateKey is a reference for checkDuplicateKeys, built on the
// token stream of encoding/json: slower, and simple enough to trust.
func tokenDuplicateKey(data []byte) error {
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
		key string // folded
	}
	var (
		stack   []frame
		seen    = make(map[objectKey]struct{})
		objects int
	)
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
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil
		}
		if len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].want {
			top := &stack[len(stack)-1]
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				consumed()
				continue
			}
			key, _ := tok.(string)
			k := objectKey{top.id, string(foldKey(nil, []byte(key)))}
			if _, dup := seen[k]; dup {
				top.key = key
				return fmt.Errorf("duplicate key %q", childPath())
			}
			seen[k] = struct{}{}
			top.key, top.want = key, false
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

func TestCheckDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the error text, or "" for none
	}{
		{"no object", `[1,"a",null]`, ""},
		{"distinct keys", `{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}`, ""},
		{"same key in sibling objects", `[{"id":1},{"id":1}]`, ""},
		{"same key at two depths", `{"id":{"id":1}}`, ""},
		{"top level", `{"id":"x","at":1,"id":"y"}`, `duplicate key "id"`},
		{"nested", `{"record":{"id":"x","kind":"k","id":"x"}}`, `duplicate key "record.id"`},
		{"after a nested object closes", `{"a":{"b":1},"c":[1,{"d":2}],"a":3}`, `duplicate key "a"`},
		{"in an array element", `{"list":[{"k":1},{"k":1,"k":2}]}`, `duplicate key "list[1].k"`},
		{"escaped spelling of the same key", `{"id":1,"\u0069d":2}`, `duplicate key "id"`},
		{"empty key twice", `{"":1,"":2}`, `duplicate key ""`},
		{"keys that differ in case fill one field", `{"id":1,"ID":2}`, `duplicate key "ID"`},
		{"Kelvin sign folds to k", `{"kind":1,"\u212aind":2}`, "duplicate key \"\u212aind\""},
		{"long s folds to s", `{"segment":1,"\u017fegment":2}`, "duplicate key \"\u017fegment\""},
		{"after 16 distinct keys", `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"r":0,"B":0}`, `duplicate key "B"`},
		{"20 distinct keys", `{"a":0,"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"r":0,"s":0,"t":0}`, ""},
		{"nested arrays", `[[{"a":1}],[{"b":[{"c":1,"c":2}]}]]`, `duplicate key "[1][0].b[0].c"`},
		{"a duplicate before a syntax error", `{"a":1,"a"`, `duplicate key "a"`},
		{"syntax error before any duplicate", `{"a":1,}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDuplicateKeys([]byte(tt.in))
			if ref := tokenDuplicateKey([]byte(tt.in)); fmt.Sprint(ref) != fmt.Sprint(err) {
				t.Errorf("checkDuplicateKeys = %v, the token-stream reference %v", err, ref)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("checkDuplicateKeys(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestReplayDuplicateKeys: a ledger line with a key twice is corrupt,
// whichever copy would win, and the error names the key's path.
func TestReplayDuplicateKeys(t *testing.T) {
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	opened := line(t, openedEvent(r))
	tests := []struct{ name, old, new, path string }{
		{"two ids", `"id":"b-1",`, `"id":"b-1","id":"b-2",`, `"id"`},
		{"two equal ids", `"id":"b-1",`, `"id":"b-1","id":"b-1",`, `"id"`},
		{"two events", `"event":"opened"`, `"event":"opened","event":"opened"`, `"event"`},
		{"two record ids", `"record":{"id":"b-1"`, `"record":{"id":"b-1","id":"b-1"`, `"record.id"`},
		{"two goods in measured", `"good":2588400000000000`, `"good":1,"good":2588400000000000`, `"record.measured.good"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(opened, tt.old) {
				t.Fatalf("%q not in %s", tt.old, opened)
			}
			text := strings.Replace(opened, tt.old, tt.new, 1) + "\n"
			recs, err := Replay(strings.NewReader(text))
			var le *LineError
			if !errors.As(err, &le) || le.Line != 1 || !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Replay = %v, want a *LineError for line 1 wrapping ErrCorrupt", err)
			}
			if want := "duplicate key " + tt.path; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if len(recs) != 0 {
				t.Errorf("Replay kept %d records from a line with a duplicate key", len(recs))
			}
		})
	}
}
