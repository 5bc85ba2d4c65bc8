package prom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
)

// MaxResponseBytes bounds the size of a query_range response the package
// reads: 64 MiB, about two million points.
const MaxResponseBytes = 64 << 20

// Errors wrapped by the errors of ParseMatrix, ReadMatrix and
// Client.QueryRange, for errors.Is.
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
// increasing time order. A response with status "error" gives an error
// that wraps ErrAPI and quotes the server's errorType and error; a result
// that is not a matrix, or holds native histogram samples, or any other
// malformation wraps ErrResponse and says where; more than
// MaxResponseBytes wraps ErrTooLarge.
func ParseMatrix(data []byte) (Matrix, error) {
	if len(data) > MaxResponseBytes {
		return nil, fmt.Errorf("prom: query_range response: more than %d bytes: %w", MaxResponseBytes, ErrTooLarge)
	}
	var env struct {
		Status    string          `json:"status"`
		Data      json.RawMessage `json:"data"`
		ErrorType string          `json:"errorType"`
		Error     string          `json:"error"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, respErr("", "%v", err)
	}
	switch env.Status {
	case "success":
	case "error":
		return nil, fmt.Errorf("prom: query_range: %s: %s: %w", quote.Message(env.ErrorType), quote.Message(env.Error), ErrAPI)
	default:
		return nil, respErr("status", "%s: want success or error", quote.Text(env.Status))
	}
	var d struct {
		ResultType string `json:"resultType"`
		Result     []struct {
			Metric     map[string]string `json:"metric"`
			Values     json.RawMessage   `json:"values"`
			Histograms json.RawMessage   `json:"histograms"`
		} `json:"result"`
	}
	if err := json.Unmarshal(env.Data, &d); err != nil {
		return nil, respErr("data", "%v", err)
	}
	if d.ResultType != "matrix" {
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
		s := Series{Metric: r.Metric, Points: pts}
		m[i] = s
	}
	return m, nil
}

func respErr(where, format string, args ...any) error {
	if where != "" {
		where = " " + where
	}
	return fmt.Errorf("prom: query_range response%s: %s: %w", where, fmt.Sprintf(format, args...), ErrResponse)
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
	if !sc.byte('[') {
		return nil, respErr(where, "want an array")
	}
	var pts []Point
	for j := 0; ; j++ {
		if j == 0 && sc.byte(']') {
			return pts, nil
		}
		at := func() string { return fmt.Sprintf("%s[%d]", where, j) }
		start := sc.i
		if !sc.byte('[') {
			return nil, respErr(at(), "want [time, \"value\"]")
		}
		num := sc.number()
		if !sc.byte(',') {
			return nil, respErr(at(), "want [time, \"value\"], got %.40s", raw[start:])
		}
		t, err := parseTimestamp(num)
		if err != nil {
			return nil, respErr(at(), "%v", err)
		}
		v, ok := sc.str()
		if !ok {
			return nil, respErr(at(), "value %.40s: want a string", raw[sc.i:])
		}
		if !sc.byte(']') {
			return nil, respErr(at(), "want [time, \"value\"], got %.40s", raw[start:])
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
