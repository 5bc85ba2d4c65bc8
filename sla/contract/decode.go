package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
)

// The decoder reads a contract document one level at a time: every array
// and nested object is kept as raw JSON and decoded element by element,
// so that an error names its path with indexes ("terms[0].exclusions[1]"),
// which encoding/json alone would lose, and says which form was expected
// there.

// forms says, by field name, what form a JSON value takes, for the
// message of a type error.
var forms = map[string]string{
	"name":                "a string",
	"kind":                `"availability" or "response"`,
	"target":              `a target as text, such as "99.5%"`,
	"credit":              `a share as text, such as "10%"`,
	"at_least":            `a target as text, such as "99%"`,
	"above":               `a target as text, such as "99%"`,
	"below":               `a target as text, such as "99.5%"`,
	"at_most":             `a target as text, such as "99.5%"`,
	"min_outage":          `a duration as text, such as "5m"`,
	"report_within":       `a duration as text, such as "4h"`,
	"resolve_within":      `a duration as text, such as "40h"`,
	"whole_minutes":       "true or false",
	"partial_minutes":     "true or false",
	"rule_order":          `"min-outage-first" or "minutes-first"`,
	"clock_buckets":       `an object, such as {"length": "1h", "more_than": "6m"}`,
	"length":              `a duration as text, such as "1h"`,
	"more_than":           `a duration as text, such as "6m"`,
	"measure":             `"outages", "events", "time-slices" or "slice-average"`,
	"slice":               `a duration as text, such as "1m"`,
	"max_errors":          `an error ratio as text, such as "5%"`,
	"min_requests":        "a whole number of requests, such as 10",
	"empty_slices":        `"good", "bad" or "excluded"`,
	"proportional_credit": "true or false",
	"credit_policy":       "an object",
	"combine":             `"largest" or "sum"`,
	"cap":                 `a share as text, such as "30%"`,
	"fee":                 `an amount as text, such as "1200.00 USD"`,
	"exclusion":           `"exclude" or "available"`,
	"exclusions":          `an array of "start/end" texts`,
	"calendar":            "the name of a calendar, as text",
	"during":              "the name of a calendar, as text",
	"outside":             "the name of a calendar, as text",
	"respond":             `a limit as text, such as "15m wall" or "4h business"`,
	"resolve":             `a limit as text, such as "4h business"`,
	"calendars":           "an object of named calendars",
	"obligations":         "an object",
}

// Forms of array elements that are not objects.
const (
	formInterval = `"start/end" text, such as "2026-03-07T02:00:00Z/2026-03-07T04:00:00Z"`
	formParty    = "a string"
	formWarning  = "a whole number of percent, such as 75"
	formObject   = "an object"
)

// join returns path.field, or field at the top.
func join(path, field string) string {
	if path == "" {
		return field
	}
	if field == "" {
		return path
	}
	return path + "." + field
}

// decodeObject decodes the JSON object raw, found at path, into v, a
// pointer to a struct or a map: unknown fields, duplicate keys and values
// of the wrong type are *FieldErrors naming their path.
//
// Keys are exact, as in the module's other documents (a Prometheus
// response, whose keys the server writes, excepted): a key of a struct
// is one of its fields' names as the json tags write them, and a key in
// another case ("Target"), which encoding/json would take for the field,
// is an unknown field whose error gives the right spelling. The keys of a
// map (calendar names) are its own, case and all.
func decodeObject(path string, raw json.RawMessage, v any) error {
	if d, dup := jsonkey.FindTop(raw, jsonkey.Exact); dup {
		return fieldError(join(path, d.Path), ErrDuplicateKey, quote.Text(d.Key)+" is given twice")
	}
	if known, ok := keysOf(v); ok {
		if key, unknown := jsonkey.Unknown(raw, known); unknown {
			return fieldError(join(path, key), ErrUnknownField, jsonkey.UnknownKey(key, known))
		}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return decodeError(path, formObject, err)
	}
	return nil
}

// keysOf returns the keys of the struct v points to, as the json tags of
// its fields name them, and false for anything but a struct.
func keysOf(v any) ([]string, bool) {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	t = t.Elem()
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		keys = append(keys, name)
	}
	return keys, true
}

// decodeElement decodes the JSON value raw, an element at path that
// takes the given form, into v (a string or a number).
func decodeElement(path string, raw json.RawMessage, form string, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return decodeError(path, form, err)
	}
	return nil
}

// decodeError turns an error of encoding/json at path into a *FieldError;
// form is what the value at path itself should be.
func decodeError(path, form string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		want := form
		if field != "" {
			last := field[strings.LastIndexByte(field, '.')+1:]
			want = forms[last]
			if want == "" {
				want = kindForm(te.Type)
			}
		}
		return fieldError(join(path, field), ErrType, fmt.Sprintf("got %s, want %s", jsonKind(te.Value), want), err)
	}
	return fieldError(path, ErrSyntax, "malformed JSON: "+quote.Message(err.Error()), err)
}

// jsonKind names a JSON value as encoding/json reports it ("object",
// "number", "number 1e999", "string", "bool", "array").
func jsonKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "object", "array":
		return "an " + kind
	case "bool":
		return "a boolean"
	}
	return "a " + kind
}

// kindForm describes the form of a Go type for a type error.
func kindForm(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		return "a whole number"
	case reflect.Slice:
		return "an array"
	}
	return formObject
}

// withLine sets the line of a *FieldError from Parse, when it has none
// yet, to the line of its path in the document, or of the nearest
// enclosing value that is there: a missing "kind" is reported on the line
// of its term, and a problem with the document as a whole on the line
// where it begins.
func withLine(data []byte, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) && fe.Line == 0 {
		fe.Line = jsonkey.Line(data, fe.Path)
	}
	return err
}

// readDocument reads the one JSON value of data, and fails with the line
// of a syntax error, for trailing data, or for no value at all.
func readDocument(data []byte) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		fe := fieldError("", ErrSyntax, "malformed JSON: "+quote.Message(err.Error()), err)
		fe.Line = jsonkey.LineAt(data, dec.InputOffset())
		var se *json.SyntaxError
		if errors.As(err, &se) {
			fe.Line = jsonkey.LineAt(data, se.Offset)
		}
		return nil, fe
	}
	if _, err := dec.Token(); err != io.EOF {
		fe := fieldError("", ErrSyntax, "data after the contract document")
		fe.Line = jsonkey.LineAt(data, dec.InputOffset())
		return nil, fe
	}
	return raw, nil
}
