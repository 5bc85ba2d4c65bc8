package openslo

// ValueKind is the kind of a Value.
type ValueKind uint8

// The kinds of Value. The zero value, NoValue, means "not given".
const (
	NoValue ValueKind = iota
	Scalar
	Sequence
	Mapping
)

// Value is a YAML value that OpenSLO leaves to implementations — the spec
// of a metric source, the connection details of a data source — kept as
// plain data so that it can be written back: a scalar with its tag and
// text, a sequence, or a mapping with its keys in document order.
//
// Aliases are expanded (within Options.MaxNodes); comments, styles and
// anchors are not kept. A null scalar has Tag "!!null" and Text "". The
// zero value is "not given" and is not written. A Value is plain data:
// safe for concurrent reads, and not modified by this package once
// returned.
type Value struct {
	Kind ValueKind
	// Tag is the resolved tag of a scalar: "!!str", "!!int", "!!float",
	// "!!bool", "!!null", "!!timestamp" or "!!binary".
	Tag string
	// Text is the scalar as written, without quotes or escapes.
	Text string
	// Items are the members of a sequence; nil when it has none.
	Items []Value
	// Fields are the members of a mapping, in document order; keys are
	// unique. Nil when it has none.
	Fields []Field
}

// Field is a member of a mapping Value.
type Field struct {
	Key   string
	Value Value
}

// StringValue returns a scalar Value holding the string s.
func StringValue(s string) Value { return Value{Kind: Scalar, Tag: "!!str", Text: s} }

// MapValue returns a mapping Value of the given fields, in order.
func MapValue(fields ...Field) Value { return Value{Kind: Mapping, Fields: fields} }

// Get returns the value of the mapping field key, and whether there is
// one. It reports false for a Value that is not a mapping.
func (v Value) Get(key string) (Value, bool) {
	for _, f := range v.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return Value{}, false
}

// IsZero reports whether v is the zero value, "not given".
func (v Value) IsZero() bool {
	return v.Kind == NoValue && v.Tag == "" && v.Text == "" && v.Items == nil && v.Fields == nil
}
