package prom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
)

// MaxResponseBytes bounds the size of a query_range response the package
// reads: 64 MiB, about two million points.
const MaxResponseBytes = 64 << 20

// Errors wrapped by the errors of ParseMatrix, ReadMatrix and
// promhttp.Client.QueryRange, for errors.Is.
var (
	// ErrResponse: the response is not a well-formed query_range answer.
	ErrResponse = errors.New("malformed query_range response")
	// ErrTooLarge: the response is larger than MaxResponseBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrAPI: the server answered with status "error", or with an HTTP
	// error status and no readable answer.
	ErrAPI = errors.New("query failed")
)

// Matrix is the result of a range query: one Series per label set.
type Matrix []Series

// Series is one series of a Matrix: its labels and its points in time
// order. A plain value, safe for concurrent use as long as it is not
// modified.
type Series struct {
	Metric map[string]string
	Points []Point
}

// Point is one point of a series: an instant and the value exactly as the
// API wrote it ("1", "0", "12345", "0.25", "NaN", "+Inf"). Values are kept
// as text so that whatever decides something reads the literal, never a
// float64 converted from it.
type Point struct {
	T     time.Time
	Value string
}

// ReadMatrix reads a query_range response from r, at most
// MaxResponseBytes of it, and parses it like ParseMatrix.
func ReadMatrix(r io.Reader) (Matrix, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("prom: reading query_range response: %w", err)
	}
	return ParseMatrix(data)
}

// ParseMatrix parses the JSON body of a response of the HTTP API's
// /api/v1/query_range: {"status":"success","data":{"resultType":"matrix",
// "result":[{"metric":{…},"values":[[1772323200,"1"],…]}]}}.
//
// A timestamp is read from its JSON literal exactly (seconds with up to
// nine decimals); a literal with an exponent is refused. Values are kept
// as the strings the API wrote. Points of a series must be in strictly
// increasing time order. A key given twice in one object, anywhere in
// the body, is an error naming its path ("data.result[2].metric.job"),
// since encoding/json would silently keep the last: label names are
// compared exactly, as Prometheus compares them, and the keys of the
// response's own objects as encoding/json matches them to fields,
// whatever their case ("status" and "Status" are one key). Keys the
// package does not read ("warnings", "stats") are skipped.
//
// A response with status "error" gives an error that wraps ErrAPI and
// quotes the server's errorType and error. An empty body, a result that
// is not a matrix or holds native histogram samples, a key given twice,
// or any other malformation wraps ErrResponse and says where; more than
// MaxResponseBytes wraps ErrTooLarge. An error quotes at most a short
// prefix of any value of the body.
func ParseMatrix(data []byte) (Matrix, error) {
	if len(data) > MaxResponseBytes {
		return nil, fmt.Errorf("prom: query_range response: more than %d bytes: %w", MaxResponseBytes, ErrTooLarge)
	}
	if len(bytes.TrimLeft(data, " \t\n\r")) == 0 {
		return nil, respErr("", "the body is empty: want a JSON object such as {\"status\":\"success\",\"data\":{…}}")
	}
	var env struct {
		Status    string          `json:"status"`
		Data      json.RawMessage `json:"data"`
		ErrorType string          `json:"errorType"`
		Error     string          `json:"error"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, decodeErr("", err)
	}
	// The body is valid JSON. One scan finds no key given twice under
	// the loosest matching, as almost always; otherwise duplicate says
	// which, matching each object's keys as it is read.
	if _, dup := jsonkey.Find(data, jsonkey.Fold); dup {
		if err := duplicate(data, env.Data); err != nil {
			return nil, err
		}
	}
	switch env.Status {
	case "success":
	case "error":
		return nil, fmt.Errorf("prom: query_range: the server answered errorType %s, error %s: %w",
			quote.Text(env.ErrorType), quote.Text(env.Error), ErrAPI)
	case "":
		return nil, respErr("status", "missing: want \"success\" or \"error\"")
	default:
		return nil, respErr("status", "%s: want success or error", quote.Text(env.Status))
	}
	if len(env.Data) == 0 {
		return nil, respErr("data", "missing: want an object with the result")
	}
	var d struct {
		ResultType string       `json:"resultType"`
		Result     []seriesJSON `json:"result"`
	}
	if err := json.Unmarshal(env.Data, &d); err != nil {
		return nil, resultErr(env.Data, err)
	}
	switch d.ResultType {
	case "matrix":
	case "":
		return nil, respErr("data.resultType", "missing: want matrix (a range query)")
	default:
		return nil, respErr("data.resultType", "%s: want matrix (a range query)", quote.Text(d.ResultType))
	}
	m := make(Matrix, len(d.Result))
	for i, r := range d.Result {
		if len(r.Histograms) > 0 && !bytes.Equal(r.Histograms, []byte("null")) {
			return nil, respErr(fmt.Sprintf("data.result[%d].histograms", i), "native histogram samples are not read")
		}
		pts, err := parseValues(r.Values, fmt.Sprintf("data.result[%d].values", i))
		if err != nil {
			return nil, err
		}
		m[i] = Series{Metric: r.Metric, Points: pts}
	}
	return m, nil
}

// seriesJSON is one series of a response.
type seriesJSON struct {
	Metric     map[string]string `json:"metric"`
	Values     json.RawMessage   `json:"values"`
	Histograms json.RawMessage   `json:"histograms"`
}

// duplicate returns the error for the first key given twice in the
// response data, whose "data" is inner: a key given twice exactly
// anywhere (a label set is a map, whose keys encoding/json compares
// exactly), or under encoding/json's matching of struct fields in the
// response, its data or a series. It returns nil when there is none,
// when only labels differ in case.
func duplicate(data, inner []byte) error {
	if d, dup := jsonkey.Find(data, jsonkey.Exact); dup {
		return dupErr("", d)
	}
	if d, dup := jsonkey.FindTop(data, jsonkey.Fold); dup {
		return dupErr("", d)
	}
	if d, dup := jsonkey.FindTop(inner, jsonkey.Fold); dup {
		return dupErr("data", d)
	}
	var d struct {
		Result []json.RawMessage `json:"result"`
	}
	if json.Unmarshal(inner, &d) != nil {
		return nil // not the shape of a response: reading it says so
	}
	for i, r := range d.Result {
		if dk, dup := jsonkey.FindTop(r, jsonkey.Fold); dup {
			return dupErr(fmt.Sprintf("data.result[%d]", i), dk)
		}
	}
	return nil
}

// resultErr is the error for err, the error of encoding/json decoding
// the response's data, inner: a value of the wrong type in a series is
// named with the series' index, which encoding/json does not give.
func resultErr(inner []byte, err error) error {
	var d struct {
		Result []json.RawMessage `json:"result"`
	}
	if json.Unmarshal(inner, &d) != nil {
		return decodeErr("data", err)
	}
	for i, r := range d.Result {
		var s seriesJSON
		err := json.Unmarshal(r, &s)
		if err == nil {
			continue
		}
		path := fmt.Sprintf("data.result[%d]", i)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "metric" && te.Type.Kind() == reflect.String {
			// encoding/json does not say which label: find the first.
			var m struct {
				Metric map[string]json.RawMessage `json:"metric"`
			}
			if json.Unmarshal(r, &m) == nil {
				for _, k := range slices.Sorted(maps.Keys(m.Metric)) {
					if v := m.Metric[k]; len(v) == 0 || v[0] != '"' {
						return respErr(quote.Cut(path+".metric."+k, quote.Limit), "got %s, want a string", kindOf(v))
					}
				}
			}
		}
		return decodeErr(path, err)
	}
	return decodeErr("data", err)
}

// decodeErr is the error for err, an error of encoding/json decoding the
// value at path: a value of the wrong type is named by its path and its
// JSON type, never by Go's.
func decodeErr(path string, err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return respErr(path, "%s", quote.Message(err.Error()))
	}
	want := "another type"
	switch te.Type.Kind() {
	case reflect.String:
		want = "a string"
	case reflect.Struct, reflect.Map:
		want = "an object"
	case reflect.Slice:
		want = "an array"
	}
	got := te.Value
	switch got {
	case "array", "object":
		got = "an " + got
	case "bool":
		got = "a boolean"
	case "string", "number":
		got = "a " + got
	}
	return respErr(quote.Cut(join(path, te.Field), quote.Limit), "got %s, want %s", got, want)
}

// dupErr is the error for a key given twice in the value at path.
func dupErr(path string, d jsonkey.Duplicate) error {
	msg := fmt.Sprintf("key %s given twice", quote.Text(d.Key))
	if d.First != d.Key {
		msg = fmt.Sprintf("key %s given twice, first as %s: keys name a field whatever their case", quote.Text(d.Key), quote.Text(d.First))
	}
	return respErr(quote.Cut(join(path, d.Path), quote.Limit), "%s", msg)
}

// join appends the path of a value inside the value at path.
func join(path, inner string) string {
	switch {
	case path == "":
		return inner
	case inner == "" || inner[0] == '[':
		return path + inner
	}
	return path + "." + inner
}

func respErr(where, format string, args ...any) error {
	if where != "" {
		where = " " + where
	}
	return fmt.Errorf("prom: query_range response%s: %s: %w", where, fmt.Sprintf(format, args...), ErrResponse)
}

// kindOf names the JSON type of the value v: "an object", "a string".
func kindOf(v []byte) string {
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// parseValues parses a JSON array of [<number>, "<value>"] pairs (or
// null) by hand: a month of points is tens of thousands of them, and
// encoding/json would allocate several values for each. The text is
// already known to be valid JSON.
func parseValues(raw json.RawMessage, where string) ([]Point, error) {
	sc := scanner{b: raw}
	sc.ws()
	if sc.lit("null") {
		return nil, nil
	}
	if sc.i == len(raw) {
		return nil, respErr(where, "missing: want an array of [time, \"value\"]")
	}
	if !sc.byte('[') {
		return nil, respErr(where, "got %s, want an array of [time, \"value\"]", kindOf(raw[sc.i:]))
	}
	var pts []Point
	for j := 0; ; j++ {
		if j == 0 && sc.byte(']') {
			return pts, nil
		}
		at := func() string { return fmt.Sprintf("%s[%d]", where, j) }
		sc.ws()
		start := sc.i
		// notPair is the error for a point of another shape, quoting it.
		notPair := func() error {
			sc.i = start
			return respErr(at(), "got %s, want [time, \"value\"]", quote.Text(string(sc.value())))
		}
		if !sc.byte('[') {
			return nil, notPair()
		}
		num := sc.number()
		if !sc.byte(',') {
			return nil, notPair()
		}
		t, err := parseTimestamp(num)
		if err != nil {
			return nil, respErr(at(), "%v", err)
		}
		sc.ws()
		vstart := sc.i
		v, ok := sc.str()
		if !ok {
			sc.i = vstart
			tok, lit := sc.value(), ""
			if k := kindOf(tok); k == "a number" || k == "a boolean" || k == "null" {
				lit = " " + quote.Cut(string(tok), quote.Limit) // a literal: nothing to escape
			}
			return nil, respErr(at(), "value%s: got %s, want a string such as \"1\"", lit, kindOf(tok))
		}
		if !sc.byte(']') {
			return nil, notPair()
		}
		if j > 0 && !t.After(pts[j-1].T) {
			return nil, respErr(at(), "time %s not after the point before", t.Format(time.RFC3339Nano))
		}
		pts = append(pts, Point{T: t, Value: v})
		if sc.byte(']') {
			return pts, nil
		}
		if !sc.byte(',') {
			return nil, respErr(where, "want , or ] after point %d", j)
		}
	}
}

// scanner reads tokens of valid JSON.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) ws() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// byte skips white space and c, reporting whether c was there.
func (s *scanner) byte(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) lit(l string) bool {
	if strings.HasPrefix(string(s.b[s.i:min(len(s.b), s.i+len(l))]), l) {
		s.i += len(l)
		return true
	}
	return false
}

// number returns the text of the token up to the next delimiter.
func (s *scanner) number() []byte {
	s.ws()
	j := s.i
	for j < len(s.b) && !strings.ContainsRune(",]} \t\n\r", rune(s.b[j])) {
		j++
	}
	tok := s.b[s.i:j]
	s.i = j
	return tok
}

// value returns the text of the JSON value at the scanner's position
// and moves past it, for an error to quote.
func (s *scanner) value() []byte {
	s.ws()
	start, depth := s.i, 0
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; c {
		case '"':
			for s.i++; s.i < len(s.b) && s.b[s.i] != '"'; s.i++ {
				if s.b[s.i] == '\\' {
					s.i++
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return s.b[start:s.i]
			}
			depth--
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return s.b[start:s.i]
			}
		}
		if depth == 0 && s.i < len(s.b) && (s.b[s.i] == '"' || s.b[s.i] == ']' || s.b[s.i] == '}') {
			s.i++
			return s.b[start:min(s.i, len(s.b))]
		}
	}
	return s.b[start:]
}

// common values, shared rather than allocated for every point.
var common = map[string]string{"0": "0", "1": "1", "NaN": "NaN"}

// str reads a JSON string.
func (s *scanner) str() (string, bool) {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", false
	}
	j, esc := s.i+1, false
	for j < len(s.b) && s.b[j] != '"' {
		if s.b[j] == '\\' {
			esc = true
			j++
		}
		j++
	}
	if j >= len(s.b) {
		return "", false
	}
	tok := s.b[s.i : j+1]
	s.i = j + 1
	if esc {
		var v string
		if err := json.Unmarshal(tok, &v); err != nil {
			return "", false
		}
		return v, true
	}
	body := tok[1 : len(tok)-1]
	if v, ok := common[string(body)]; ok {
		return v, true
	}
	return string(body), true
}

// parseTimestamp reads a JSON number of seconds since the Unix epoch
// exactly: an optional minus sign, at most 12 integer digits and at most 9
// decimals.
func parseTimestamp(b []byte) (time.Time, error) {
	body, neg := bytes.CutPrefix(b, []byte("-"))
	ip, fp, dot := bytes.Cut(body, []byte("."))
	if len(ip) == 0 || len(ip) > 12 || len(fp) > 9 || !allDigits(ip) || !allDigits(fp) || (dot && len(fp) == 0) {
		return time.Time{}, fmt.Errorf("time %s: want seconds such as 1772323200 or 1772323200.5", quote.Text(string(b)))
	}
	var sec, nsec int64
	for _, c := range ip {
		sec = sec*10 + int64(c-'0')
	}
	for i := range 9 {
		nsec *= 10
		if i < len(fp) {
			nsec += int64(fp[i] - '0')
		}
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

func allDigits[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
