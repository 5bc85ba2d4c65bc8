package openslo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/internal/quote"
)

// decoder turns the nodes of a stream into a File. It follows aliases
// itself, paying one unit of budget per node visited, so that a document
// whose aliases would expand exponentially is refused early.
type decoder struct {
	opts   Options
	file   *File
	budget int

	// Where the decoder is, for errors.
	doc, item  int
	kind, name string
	v2         bool

	// after runs once every document is read, to resolve references;
	// checks run then, to make the checks that need them.
	after, checks []func() error
	// sizes remembers the expansion of anchored nodes.
	sizes map[*yaml.Node]int
	// names are the top-level objects by kind and name.
	names map[string]map[string]any
}

// at returns an error about node n at path in the current object.
func (d *decoder) at(n *yaml.Node, path string, err error) *Error {
	e := &Error{File: d.opts.Name, Doc: d.doc, Item: d.item, Kind: d.kind, Name: d.name, Path: path, Err: err}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// position captures the decoder's place for an error raised later, when
// references are resolved.
func (d *decoder) position(n *yaml.Node, path string) func(error) error {
	e := *d.at(n, path, nil)
	return func(err error) error {
		e := e
		e.Err = err
		return &e
	}
}

// isNull reports whether n is a null scalar (written null, ~ or nothing).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// fields is a mapping whose keys have been checked: each appears once,
// is a scalar and is one of those allowed.
type fields struct {
	d    *decoder
	self *yaml.Node
	path string
	keys []string
	vals map[string]*yaml.Node
	at   map[string]*yaml.Node // key nodes, for positions
}

// join returns the path of key under path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// mapping reads n as a mapping whose keys are among allowed; any other
// key is ErrUnknownField unless allowed holds "*", which admits every
// key. Keys must be scalars and unique; YAML merge keys are refused.
func (d *decoder) mapping(n *yaml.Node, path string, allowed ...string) (*fields, error) {
	n, err := d.deref(n, path)
	if err != nil {
		return nil, err
	}
	if err := d.pay(n, path); err != nil {
		return nil, err
	}
	if n.Kind != yaml.MappingNode {
		return nil, d.at(n, path, reason(ErrSyntax, "want a mapping, found %s", describe(n)))
	}
	f := &fields{d: d, self: n, path: path, vals: make(map[string]*yaml.Node, len(n.Content)/2), at: make(map[string]*yaml.Node, len(n.Content)/2)}
	open := slices.Contains(allowed, "*")
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := d.key(n.Content[i], path)
		if err != nil {
			return nil, err
		}
		if prev, dup := f.at[k.Value]; dup {
			return nil, d.at(k, join(path, k.Value), reason(ErrDuplicateKey, "key %s appears twice (first on line %d)", quote.Text(k.Value), prev.Line))
		}
		if !open && !slices.Contains(allowed, k.Value) {
			return nil, d.at(k, join(path, k.Value), reason(ErrUnknownField, "%s is not a field here; want one of %s", quote.Text(k.Value), strings.Join(allowed, ", ")))
		}
		f.keys = append(f.keys, k.Value)
		f.vals[k.Value] = n.Content[i+1]
		f.at[k.Value] = k
	}
	return f, nil
}

// key returns the scalar node of a mapping key.
func (d *decoder) key(k *yaml.Node, path string) (*yaml.Node, error) {
	k, err := d.deref(k, path)
	if err != nil {
		return nil, err
	}
	if err := d.pay(k, path); err != nil {
		return nil, err
	}
	if k.Kind != yaml.ScalarNode {
		return nil, d.at(k, path, reason(ErrSyntax, "a mapping key must be a scalar, found %s", describe(k)))
	}
	if k.ShortTag() == "!!merge" {
		return nil, d.at(k, join(path, k.Value), reason(ErrUnsupported, "YAML merge keys (<<) are not read; write the fields out"))
	}
	return k, nil
}

// describe names the kind of a node for errors.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "null"
		}
		return "the scalar " + quote.Text(n.Value)
	case yaml.DocumentNode:
		return "a document"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// has reports whether key is present and not null.
func (f *fields) has(key string) bool {
	n, ok := f.vals[key]
	if !ok {
		return false
	}
	for hops := 0; n.Kind == yaml.AliasNode && n.Alias != nil && hops < 8; hops++ {
		n = n.Alias
	}
	return !isNull(n)
}

// node returns the value node of key, or nil when it is absent.
func (f *fields) node(key string) *yaml.Node { return f.vals[key] }

// pos returns the node to point at for an error about key: its value, or
// the mapping itself when the key is absent.
func (f *fields) pos(key string) *yaml.Node {
	if n, ok := f.vals[key]; ok {
		return n
	}
	return f.self
}

func (f *fields) fail(key string, err error) error {
	return f.d.at(f.pos(key), join(f.path, key), err)
}

// missing returns the error for an absent required field.
func (f *fields) missing(key string) error {
	return f.d.at(f.self, join(f.path, key), reason(ErrMissingField, "required"))
}

// scalar returns the scalar node of key (aliases followed), or nil when
// key is absent or null.
func (f *fields) scalar(key string) (*yaml.Node, error) {
	n, ok := f.vals[key]
	if !ok {
		return nil, nil
	}
	path := join(f.path, key)
	n, err := f.d.deref(n, path)
	if err != nil {
		return nil, err
	}
	if err := f.d.pay(n, path); err != nil {
		return nil, err
	}
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.ScalarNode {
		return nil, f.d.at(n, path, reason(ErrSyntax, "want a scalar, found %s", describe(n)))
	}
	return n, nil
}

// str returns the text of an optional string field; absent and null
// give "". Numbers, booleans and timestamps are taken as their text; a
// custom tag is refused.
func (f *fields) str(key string) (string, error) {
	n, err := f.scalar(key)
	if err != nil || n == nil {
		return "", err
	}
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
		return n.Value, nil
	}
	return "", f.d.at(n, join(f.path, key), reason(ErrUnsupported, "tag %s: want a plain string", n.Tag))
}

// required returns the text of a required string field.
func (f *fields) required(key string) (string, error) {
	s, err := f.str(key)
	if err != nil {
		return "", err
	}
	if s == "" {
		return "", f.missing(key)
	}
	return s, nil
}

// number returns the literal of a number field, its value taken apart,
// and whether the field is given. The node must be a YAML int or float; a
// quoted number is a string and refused.
func (f *fields) number(key string) (number, string, bool, error) {
	n, err := f.scalar(key)
	if err != nil || n == nil {
		return number{}, "", false, err
	}
	path := join(f.path, key)
	if t := n.ShortTag(); t != "!!int" && t != "!!float" {
		return number{}, "", false, f.d.at(n, path, reason(ErrSyntax, "want a number, found %s", describe(n)))
	}
	v, err := parseNumber(n.Value)
	if err != nil {
		return number{}, "", false, f.d.at(n, path, err)
	}
	return v, n.Value, true, nil
}

// decimal returns an optional Decimal field.
func (f *fields) decimal(key string) (Decimal, bool, error) {
	v, lit, ok, err := f.number(key)
	if err != nil || !ok {
		return Decimal{}, false, err
	}
	dec, err := v.decimal()
	if err != nil {
		return Decimal{}, false, f.fail(key, fmt.Errorf("%s: %w", lit, err))
	}
	return dec, true, nil
}

// boolean returns an optional boolean field; absent is false.
func (f *fields) boolean(key string) (bool, error) {
	n, err := f.scalar(key)
	if err != nil || n == nil {
		return false, err
	}
	if n.ShortTag() != "!!bool" {
		return false, f.d.at(n, join(f.path, key), reason(ErrSyntax, "want true or false, found %s", describe(n)))
	}
	return strings.EqualFold(n.Value, "true"), nil
}

// duration returns an optional duration shorthand field.
func (f *fields) duration(key string) (Duration, error) {
	n, err := f.scalar(key)
	if err != nil || n == nil {
		return Duration{}, err
	}
	if n.ShortTag() != "!!str" {
		return Duration{}, f.d.at(n, join(f.path, key), reason(ErrSyntax, "want a duration shorthand such as 5m or 28d, found %s", describe(n)))
	}
	v, err := parseDuration(n.Value)
	if err != nil {
		return Duration{}, f.d.at(n, join(f.path, key), err)
	}
	return v, nil
}

// list returns the items of an optional sequence field (aliases
// followed); absent and null give none.
func (f *fields) list(key string) ([]*yaml.Node, error) {
	n, ok := f.vals[key]
	if !ok {
		return nil, nil
	}
	path := join(f.path, key)
	n, err := f.d.deref(n, path)
	if err != nil {
		return nil, err
	}
	if err := f.d.pay(n, path); err != nil {
		return nil, err
	}
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, f.d.at(n, path, reason(ErrSyntax, "want a list, found %s", describe(n)))
	}
	return n.Content, nil
}

// value returns an optional field as a Value, kept as written.
func (f *fields) value(key string) (Value, error) {
	n, ok := f.vals[key]
	if !ok {
		return Value{}, nil
	}
	return f.d.value(n, join(f.path, key), 0)
}

// value converts n to a Value, expanding aliases within the budget and
// checking keys as mapping does.
func (d *decoder) value(n *yaml.Node, path string, depth int) (Value, error) {
	n, err := d.deref(n, path)
	if err != nil {
		return Value{}, err
	}
	if err := d.pay(n, path); err != nil {
		return Value{}, err
	}
	if depth > maxDepth {
		return Value{}, d.at(n, path, reason(ErrTooLarge, "nested more than %d levels deep", maxDepth))
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch tag := n.ShortTag(); tag {
		case "!!null":
			return Value{Kind: Scalar, Tag: tag}, nil
		case "!!str", "!!int", "!!float", "!!bool", "!!timestamp", "!!binary":
			return Value{Kind: Scalar, Tag: tag, Text: n.Value}, nil
		default:
			return Value{}, d.at(n, path, reason(ErrUnsupported, "tag %s is not kept; use a standard YAML type", n.Tag))
		}
	case yaml.SequenceNode:
		if t := n.ShortTag(); t != "!!seq" {
			return Value{}, d.at(n, path, reason(ErrUnsupported, "tag %s is not kept; use a plain list", n.Tag))
		}
		v := Value{Kind: Sequence}
		if len(n.Content) > 0 {
			v.Items = make([]Value, 0, len(n.Content))
		}
		for i, c := range n.Content {
			item, err := d.value(c, index(path, i), depth+1)
			if err != nil {
				return Value{}, err
			}
			v.Items = append(v.Items, item)
		}
		return v, nil
	case yaml.MappingNode:
		if t := n.ShortTag(); t != "!!map" {
			return Value{}, d.at(n, path, reason(ErrUnsupported, "tag %s is not kept; use a plain mapping", n.Tag))
		}
		v := Value{Kind: Mapping}
		if len(n.Content) > 1 {
			v.Fields = make([]Field, 0, len(n.Content)/2)
		}
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := d.key(n.Content[i], path)
			if err != nil {
				return Value{}, err
			}
			if line, dup := seen[k.Value]; dup {
				return Value{}, d.at(k, join(path, k.Value), reason(ErrDuplicateKey, "key %s appears twice (first on line %d)", quote.Text(k.Value), line))
			}
			seen[k.Value] = k.Line
			item, err := d.value(n.Content[i+1], join(path, k.Value), depth+1)
			if err != nil {
				return Value{}, err
			}
			v.Fields = append(v.Fields, Field{Key: k.Value, Value: item})
		}
		return v, nil
	}
	return Value{}, d.at(n, path, reason(ErrSyntax, "unexpected %s", describe(n)))
}
