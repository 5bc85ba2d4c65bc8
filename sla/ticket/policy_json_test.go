package ticket

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPolicyJSONNamesTheField: a policy read from JSON used to report a
// bad limit with no location ("ticket: invalid ticket policy: ticket:
// invalid limit "8 hours": ..."), to accept a key given twice (the last
// winning) and to match keys without regard to case ("Respond" filled
// respond). Every problem is now a *FieldError whose Path names the
// field, and keys are exact.
func TestPolicyJSONNamesTheField(t *testing.T) {
	const p1 = `{"name": "P1", "respond": "15m wall"}`
	tests := []struct {
		name string
		json string
		path string
		kind error  // wrapped besides ErrPolicy, if any
		says string // in the message
	}{
		{"limit in words", `{"priorities": [` + p1 + `, {"name": "P2", "respond": "1h"}, {"name": "P3", "resolve": "8 hours"}]}`,
			"priorities[2].resolve", ErrSyntax, `want a Go duration, then business or wall, such as "4h business"`},
		{"limit not a duration", `{"priorities": [{"name": "P1", "respond": "soon"}]}`,
			"priorities[0].respond", ErrSyntax, `"soon"`},
		{"limit not positive", `{"priorities": [{"name": "P1", "respond": "-1h"}]}`,
			"priorities[0].respond", ErrRange, "not positive"},
		{"goal given twice", `{"priorities": [{"name": "P1", "respond": "15m wall", "respond": "1h"}]}`,
			"priorities[0].respond", nil, "given twice"},
		{"name given twice", `{"priorities": [{"name": "P1", "name": "P2", "respond": "1h"}]}`,
			"priorities[0].name", nil, "given twice"},
		{"warnings given twice", `{"priorities": [` + p1 + `], "warnings": [50], "warnings": [75]}`,
			"warnings", nil, "given twice"},
		{"key in another case", `{"priorities": [{"name": "P1", "Respond": "1h"}]}`,
			"priorities[0].Respond", nil, `"respond"`},
		{"top-level key in another case", `{"Priorities": [` + p1 + `]}`,
			"Priorities", nil, `"priorities"`},
		{"unknown field", `{"priorities": [` + p1 + `], "warn": [50]}`,
			"warn", nil, "unknown field"},
		{"unknown field in a priority", `{"priorities": [{"name": "P1", "respond": "1h", "pause": "1h"}]}`,
			"priorities[0].pause", nil, "unknown field"},
		{"limit of the wrong type", `{"priorities": [{"name": "P1", "respond": 3600}]}`,
			"priorities[0].respond", nil, `"4h business"`},
		{"name of the wrong type", `{"priorities": [{"name": 1, "respond": "1h"}]}`,
			"priorities[0].name", nil, "string"},
		{"priorities not a list", `{"priorities": {"name": "P1"}}`,
			"priorities", nil, "list"},
		{"priority not an object", `{"priorities": [` + p1 + `, "P2"]}`,
			"priorities[1]", nil, "object"},
		{"warning not a number", `{"priorities": [` + p1 + `], "warnings": [50, "75"]}`,
			"warnings[1]", nil, "integer"},
		{"warning not an integer", `{"priorities": [` + p1 + `], "warnings": [50.5]}`,
			"warnings[0]", nil, "integer"},
		{"policy not an object", `["P1"]`,
			"", nil, "object"},
		{"warning out of range", `{"priorities": [` + p1 + `], "warnings": [50, 1001]}`,
			"warnings[1]", ErrRange, "1..1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Policy
			err := json.Unmarshal([]byte(tt.json), &p)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "%v", err)
			if fe.Path != tt.path {
				t.Errorf("Path = %q, want %q (%v)", fe.Path, tt.path, err)
			}
			if !errors.Is(err, ErrPolicy) || tt.kind != nil && !errors.Is(err, tt.kind) {
				t.Errorf("error %v does not wrap ErrPolicy and %v", err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %s", err, tt.says)
			}
			if strings.Count(err.Error(), "ticket: ") != 1 {
				t.Errorf("error %q repeats the package prefix", err)
			}
		})
	}
}

// TestPolicyJSONNull: null stands for a value left out, as in
// encoding/json: no warnings means the defaults, no goal means none.
func TestPolicyJSONNull(t *testing.T) {
	var p Policy
	require.NoError(t, json.Unmarshal([]byte(`{"priorities": [{"name": "P1", "respond": "1h", "resolve": null}], "warnings": null}`), &p))
	want := Policy{Priorities: []Priority{{Name: "P1", Respond: Limit{Within: 3600e9}}}}
	if p.Warnings != nil || len(p.Priorities) != 1 || p.Priorities[0] != want.Priorities[0] {
		t.Errorf("got %+v, want %+v", p, want)
	}
}

// TestPolicyJSONLines: a *FieldError from a policy read from JSON gives
// the line of its field, as the module's other document errors do, for
// problems found while decoding and for those Validate finds after it;
// lines count from the line of the policy's opening brace.
func TestPolicyJSONLines(t *testing.T) {
	const doc = `{
  "priorities": [
    {"name": "P1", "respond": "15m wall"},
    {"name": "P2",
     "resolve": "8h business"},
    {"name": "P3", "respond": "1h wall"}
  ],
  "warnings": [
    50,
    75
  ]
}`
	tests := []struct {
		name, old, new string
		path           string
		line           int
	}{
		// Found while decoding.
		{"a limit that does not parse", `"8h business"`, `"8 hours"`, "priorities[1].resolve", 5},
		{"an unknown key", `"resolve"`, `"Resolve"`, "priorities[1].Resolve", 5},
		{"a key given twice", `"respond": "1h wall"`, `"respond": "1h wall", "respond": "2h wall"`, "priorities[2].respond", 6},
		{"a warning of the wrong type", "75", `"75"`, "warnings[1]", 10},
		{"a priority of the wrong type", `{"name": "P3", "respond": "1h wall"}`, `"P3"`, "priorities[2]", 6},
		// Found by Validate, placed by path.
		{"a name given twice", `"name": "P3"`, `"name": "P1"`, "priorities[2].name", 6},
		{"a warning out of range", "75", "1001", "warnings[1]", 10},
		{"a priority with no goal", `"respond": "1h wall"`, `"respond": null`, "priorities[2]", 6},
		{"an unknown key at the top", `"priorities": [`, `"priorities": null, "unused": [`, "unused", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(doc, tt.old, tt.new, 1)
			require.NotEqual(t, doc, text)
			var p Policy
			err := json.Unmarshal([]byte(text), &p)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "%v", err)
			require.Equal(t, tt.path, fe.Path, "%v", err)
			require.Equal(t, tt.line, fe.Line, "%v", err)
			require.Contains(t, err.Error(), "ticket: line ")
		})
	}

	// Validate of a Policy built in Go has no document, and no line.
	err := Policy{}.Validate()
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, 0, fe.Line)
	require.NotContains(t, err.Error(), "line")
}

// TestPolicyJSONLinesFromTheBrace: lines count from the line of the
// policy's opening brace, whether encoding/json calls UnmarshalJSON with
// the value (leading white space already skipped) or a caller passes a
// document that starts with blank lines.
func TestPolicyJSONLinesFromTheBrace(t *testing.T) {
	const doc = "\n\n  {\n\"priorities\": [{\"name\": \"P1\", \"respond\": \"soon\"}]\n}"
	var a, b Policy
	errA := json.Unmarshal([]byte(doc), &a)
	errB := b.UnmarshalJSON([]byte(doc))
	var feA, feB *FieldError
	require.ErrorAs(t, errA, &feA)
	require.ErrorAs(t, errB, &feB)
	require.Equal(t, 2, feA.Line, "%v", errA) // the brace's line is 1
	require.Equal(t, feA.Line, feB.Line, "%v", errB)
}
