package prom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
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
	// ErrAPI: the server answered with status "error".
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
		return nil, fmt.Errorf("prom: query_range: %s: %s: %w", env.ErrorType, env.Error, ErrAPI)
	default:
		return nil, respErr("status", "%q: want success or error", env.Status)
	}
	var d struct {
		ResultType string `json:"resultType"`
		Result     []struct {
			Metric     map[string]string `json:"metric"`
			Values     []json.RawMessage `json:"values"`
			Histograms json.RawMessage   `json:"histograms"`
		} `json:"result"`
	}
	if err := json.Unmarshal(env.Data, &d); err != nil {
		return nil, respErr("data", "%v", err)
	}
	if d.ResultType != "matrix" {
		return nil, respErr("data.resultType", "%q: want matrix (a range query)", d.ResultType)
	}
	m := make(Matrix, len(d.Result))
	for i, r := range d.Result {
		if len(r.Histograms) > 0 && !bytes.Equal(r.Histograms, []byte("null")) {
			return nil, respErr(fmt.Sprintf("data.result[%d].histograms", i), "native histogram samples are not read")
		}
		s := Series{Metric: r.Metric, Points: make([]Point, len(r.Values))}
		for j, raw := range r.Values {
			p, err := parsePoint(raw)
			if err != nil {
				return nil, respErr(fmt.Sprintf("data.result[%d].values[%d]", i, j), "%v", err)
			}
			if j > 0 && !p.T.After(s.Points[j-1].T) {
				return nil, respErr(fmt.Sprintf("data.result[%d].values[%d]", i, j), "time %s not after the point before", p.T.Format(time.RFC3339Nano))
			}
			s.Points[j] = p
		}
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

// parsePoint parses [<number>, "<value>"].
func parsePoint(raw json.RawMessage) (Point, error) {
	var pair []json.RawMessage
	if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
		return Point{}, fmt.Errorf("want [time, \"value\"], got %.40s", raw)
	}
	t, err := parseTimestamp(string(bytes.TrimSpace(pair[0])))
	if err != nil {
		return Point{}, err
	}
	var v string
	if err := json.Unmarshal(pair[1], &v); err != nil {
		return Point{}, fmt.Errorf("value %.40s: want a string", pair[1])
	}
	return Point{T: t, Value: v}, nil
}

// parseTimestamp reads a JSON number of seconds since the Unix epoch
// exactly: an optional minus sign, at most 12 integer digits and at most 9
// decimals.
func parseTimestamp(s string) (time.Time, error) {
	body, neg := strings.CutPrefix(s, "-")
	ip, fp, _ := strings.Cut(body, ".")
	if ip == "" || len(ip) > 12 || len(fp) > 9 || !allDigits(ip) || !allDigits(fp) || (strings.Contains(body, ".") && fp == "") {
		return time.Time{}, fmt.Errorf("time %.40q: want seconds such as 1772323200 or 1772323200.5", s)
	}
	sec, _ := strconv.ParseInt(ip, 10, 64)
	var nsec int64
	if fp != "" {
		nsec, _ = strconv.ParseInt(fp+strings.Repeat("0", 9-len(fp)), 10, 64)
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
