package breach

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// checkDuplicateKeys reports the first key that appears twice in one
// JSON object of data, naming its path ("record.id", "a[2].b"). It
// walks the token stream of encoding/json, so it reads JSON exactly as
// the decoder does: a key written with escapes ("\u0069d") is the same
// key as its plain spelling. A syntax error is left to the decoder and
// ends the check without an error.
//
// Memory is linear in the size of data: one set of (object, key) pairs
// and one stack entry per open object or array.
func checkDuplicateKeys(data []byte) error {
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
		key string
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
			k := objectKey{top.id, key}
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
