package openslo

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// Defaults of Options.
const (
	// DefaultMaxBytes is the largest input Read accepts: 4 MiB, far above
	// any hand-written OpenSLO file.
	DefaultMaxBytes = 4 << 20
	// DefaultMaxNodes bounds the YAML nodes Read visits, counting every
	// expansion of an alias.
	DefaultMaxNodes = 1 << 20
	// DefaultMaxDocuments bounds the YAML documents of a stream: 10,000,
	// far above any hand-written OpenSLO file. The YAML library spends
	// several hundred bytes on every document, even an empty one ("---"),
	// so the bound keeps a stream of empty documents from costing a
	// hundred times its size.
	DefaultMaxDocuments = 10_000
	// maxDepth bounds the nesting of the values Read walks.
	maxDepth = 128
)

// Options adjust Read. The zero value reads with the defaults.
type Options struct {
	// Name names the input in errors, such as a file name.
	Name string
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int
	// MaxNodes is the most YAML nodes read, counting each expansion of an
	// alias; 0 means DefaultMaxNodes. Whatever it is, aliases may at most
	// double the nodes of the stream as parsed (plus 1,000), so that
	// nested aliases (a "billion laughs" document) are refused after work
	// and memory proportional to the input.
	MaxNodes int
	// MaxDocuments is the most YAML documents a stream may hold, empty
	// ones included; 0 means DefaultMaxDocuments. Read stops parsing at
	// the first document past it.
	MaxDocuments int
}

// Read reads an OpenSLO stream with the default Options.
func Read(data []byte) (*File, error) { return Options{}.Read(data) }

// ReadAll reads an OpenSLO stream from r, reading at most MaxBytes + 1
// bytes of it.
func (o Options) ReadAll(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(o.maxBytes())+1))
	if err != nil {
		return nil, &Error{File: o.Name, Doc: -1, Item: -1, Err: fmt.Errorf("reading: %w", err)}
	}
	return o.Read(data)
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Read reads an OpenSLO stream: one or more YAML documents, each an
// object (apiVersion, kind, metadata, spec) or a list of objects. It
// returns the objects by kind with every reference resolved, or the first
// error, an *Error that names the document, the object and the field.
//
// Every number is read from its literal text into an exact type; a number
// that type cannot hold is an error, never rounded. Unknown fields,
// duplicate keys, duplicate names and references to objects the stream
// does not define are errors. Input larger than MaxBytes, with more
// documents than MaxDocuments, or that expands beyond MaxNodes, is
// refused with ErrTooLarge, in time and memory proportional to the input
// (and for a stream of many documents, to at most MaxDocuments of them).
// Read never panics.
func (o Options) Read(data []byte) (f *File, err error) {
	if len(data) > o.maxBytes() {
		return nil, &Error{File: o.Name, Doc: -1, Item: -1,
			Err: reason(ErrTooLarge, "the input has more than %d bytes", o.maxBytes())}
	}
	docs, perr := parseStream(data, o.maxDocuments())
	if perr != nil {
		perr.File = o.Name
		return nil, perr
	}
	d := &decoder{opts: o, file: &File{}}
	d.budget = budgetFor(docs, o.MaxNodes)
	for i, doc := range docs {
		d.doc = i
		if err := d.document(doc); err != nil {
			return nil, err
		}
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	return d.file, nil
}

func (o Options) maxDocuments() int {
	if o.MaxDocuments > 0 {
		return o.MaxDocuments
	}
	return DefaultMaxDocuments
}

// parseStream parses every YAML document of data into nodes, without
// expanding aliases, and fails with ErrTooLarge at the first document
// past maxDocs. A panic inside the YAML library is reported as a syntax
// error rather than passed on.
func parseStream(data []byte, maxDocs int) (docs []*yaml.Node, e *Error) {
	defer func() {
		if r := recover(); r != nil {
			docs, e = nil, &Error{Doc: len(docs), Item: -1, Err: reason(ErrSyntax, "the YAML parser failed: %v", r)}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, &Error{Doc: len(docs), Item: -1, Err: reason(ErrSyntax, "%v", err)}
		}
		if len(docs) == maxDocs {
			return nil, &Error{Doc: len(docs), Item: -1, Line: n.Line, Column: n.Column,
				Err: reason(ErrTooLarge, "the stream has more than %d documents (Options.MaxDocuments)", maxDocs)}
		}
		docs = append(docs, &n)
	}
}

// budgetFor returns how many node visits a stream may cost: its parsed
// nodes twice over plus 1,000, and at most max (DefaultMaxNodes when 0).
func budgetFor(docs []*yaml.Node, max int) int {
	if max <= 0 {
		max = DefaultMaxNodes
	}
	n := 0
	var count func(*yaml.Node)
	count = func(x *yaml.Node) {
		n++
		for _, c := range x.Content {
			count(c)
		}
	}
	for _, d := range docs {
		count(d)
	}
	return min(max, 2*n+1000)
}
