package jsonkey

import "testing"

func TestUnknown(t *testing.T) {
	known := []string{"name", "kind", "segments"}
	tests := []struct {
		doc, want string
		found     bool
	}{
		{`{"name": "a", "kind": "b"}`, "", false},
		{`{}`, "", false},
		{`{"name": "a", "Kind": "b", "colour": 1}`, "Kind", true},
		{`{"segments": [{"colour": 1}], "colour": 2}`, "colour", true}, // nested keys are not the object's
		{`{"n\u0061me": 1}`, "", false},                                // compared after unescaping
		{`{"n\u0041me": 1}`, "nAme", true},
		{"{\"\u212aind\": 1}", "\u212aind", true},
		{"{\"\xff\": 1}", "\ufffd", true},
		{`[{"colour": 1}]`, "", false},
		{`{"name": 1, "colour": `, "colour", true}, // what it reads before the text stops being JSON
		{`{"name" 1, "colour": 2}`, "", false},
		{``, "", false},
	}
	for _, tt := range tests {
		got, found := Unknown([]byte(tt.doc), known)
		if got != tt.want || found != tt.found {
			t.Errorf("Unknown(%q) = %q, %v, want %q, %v", tt.doc, got, found, tt.want, tt.found)
		}
	}
}

func TestUnknownKey(t *testing.T) {
	known := []string{"respond", "resolve"}
	for _, tt := range []struct{ key, want string }{
		{"Respond", `unknown field "Respond"; keys are exact: want "respond"`},
		{"RESOLVE", `unknown field "RESOLVE"; keys are exact: want "resolve"`},
		{"colour", `unknown field "colour"`},
		{"respond ", `unknown field "respond "`},
	} {
		if got := UnknownKey(tt.key, known); got != tt.want {
			t.Errorf("UnknownKey(%q) = %s, want %s", tt.key, got, tt.want)
		}
	}
}

// TestUnknownAllocs: checking the plain keys of an object allocates
// nothing.
func TestUnknownAllocs(t *testing.T) {
	doc := []byte(`{"name": "a", "kind": "b", "segments": [{"x": 1}]}`)
	known := []string{"name", "kind", "segments"}
	if n := testing.AllocsPerRun(100, func() { Unknown(doc, known) }); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}
