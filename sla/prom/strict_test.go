package prom_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/prom"
)

// TestParseMatrixDuplicateKeys: encoding/json lets the last of two equal
// keys win, so {"status":"success","status":"error"} read as a failed
// query with an empty message, and a series with "values" twice lost its
// first points. A key given twice is an error naming its path, as in
// every other document the module reads; label names are compared
// exactly (Prometheus labels are case-sensitive), the fields of the
// response's objects as encoding/json matches them, whatever their case.
func TestParseMatrixDuplicateKeys(t *testing.T) {
	series := func(s string) string {
		return `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[]},` + s + `]}}`
	}
	tests := []struct {
		name, body, path string
	}{
		{"status twice", `{"status":"success","status":"error"}`, `status`},
		{"status in two cases", `{"status":"error","errorType":"x","error":"y","Status":"success"}`, `Status`},
		{"error twice", `{"status":"error","errorType":"bad_data","error":"x","error":"y"}`, `error`},
		{"data twice", `{"status":"success","data":{"resultType":"matrix","result":[]},"data":{"resultType":"matrix","result":[]}}`, `data`},
		{"resultType twice", `{"status":"success","data":{"resultType":"matrix","resultType":"vector","result":[]}}`, `data.resultType`},
		{"result in two cases", `{"status":"success","data":{"resultType":"matrix","result":[],"RESULT":[]}}`, `data.RESULT`},
		{"label twice", series(`{"metric":{"job":"a","job":"b"},"values":[]}`), `data.result[1].metric.job`},
		{"values twice", series(`{"metric":{},"values":[[1,"1"]],"values":[[2,"0"]]}`), `data.result[1].values`},
		{"values in two cases", series(`{"metric":{},"values":[[1,"1"]],"Values":[[2,"0"]]}`), `data.result[1].Values`},
		{"in a field not read", `{"status":"success","data":{"resultType":"matrix","result":[]},"stats":{"a":1,"a":2}}`, `stats.a`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prom.ParseMatrix([]byte(tc.body))
			require.ErrorIs(t, err, prom.ErrResponse)
			require.ErrorContains(t, err, "response "+tc.path+": ")
			require.ErrorContains(t, err, "given twice")
		})
	}
	// Labels that differ in case are two labels.
	m, err := prom.ParseMatrix([]byte(series(`{"metric":{"job":"a","Job":"b"},"values":[]}`)))
	require.NoError(t, err)
	require.Equal(t, map[string]string{"job": "a", "Job": "b"}, m[1].Metric)
}

// TestParseMatrixEmpty: an empty body said "unexpected end of JSON
// input", which does not tell that nothing came.
func TestParseMatrixEmpty(t *testing.T) {
	for _, body := range []string{"", " ", "\n\t\r "} {
		_, err := prom.ParseMatrix([]byte(body))
		require.ErrorIs(t, err, prom.ErrResponse, "%q", body)
		require.ErrorContains(t, err, "empty", "%q", body)
		require.NotContains(t, err.Error(), "unexpected end", "%q", body)
	}
}

// TestParseMatrixMessages: each error says what is wrong in the words of
// the response, never in Go's types, and quotes a value as Go quotes a
// string, cut to a prefix: before, a point's errors copied 40 bytes of
// whatever followed it, brackets and the next points included.
func TestParseMatrixMessages(t *testing.T) {
	long := strings.Repeat("x", 300)
	matrix := func(values string) string {
		return `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":` + values + `}]}}`
	}
	tests := []struct {
		name, body string
		want       error
		say        []string // in the message
		not        []string // not in the message
	}{
		{"server error", `{"status":"error","errorType":"bad_data","error":"parse error:\nat char 3"}`, prom.ErrAPI,
			[]string{`errorType "bad_data"`, `error "parse error:\nat char 3"`}, nil},
		{"server error without words", `{"status":"error"}`, prom.ErrAPI, []string{`errorType ""`, `error ""`}, nil},
		{"long server error", `{"status":"error","errorType":"` + long + `","error":"` + long + `"}`, prom.ErrAPI,
			[]string{`… (300 bytes)`}, []string{strings.Repeat("x", 100)}},
		{"no status", `{}`, prom.ErrResponse, []string{"status: missing"}, nil},
		{"null", `null`, prom.ErrResponse, []string{"status: missing"}, nil},
		{"an array", `[]`, prom.ErrResponse, []string{"got an array, want an object"}, []string{"Go", "struct"}},
		{"a string", `"ok"`, prom.ErrResponse, []string{"got a string, want an object"}, []string{"Go", "struct"}},
		{"no data", `{"status":"success"}`, prom.ErrResponse, []string{"data: missing"}, []string{"unexpected end"}},
		{"data a string", `{"status":"success","data":"x"}`, prom.ErrResponse, []string{"data: got a string, want an object"}, []string{"Go", "struct"}},
		{"result an object", `{"status":"success","data":{"resultType":"matrix","result":{}}}`, prom.ErrResponse,
			[]string{"data.result: got an object, want an array"}, []string{"Go", "struct"}},
		{"series a number", `{"status":"success","data":{"resultType":"matrix","result":[{"values":[]},5]}}`, prom.ErrResponse,
			[]string{"data.result[1]: got a number, want an object"}, []string{"Go", "struct"}},
		{"label a number", `{"status":"success","data":{"resultType":"matrix","result":[{"values":[]},{"metric":{"a":5},"values":[]}]}}`, prom.ErrResponse,
			[]string{"data.result[1].metric.a: got a number, want a string"}, []string{"Go", "struct"}},
		{"values an object", matrix(`{"a":1}`), prom.ErrResponse, []string{"values: got an object, want an array"}, nil},
		{"value a number", matrix(`[[1,"1"],[2, 5 ]]`), prom.ErrResponse, []string{`values[1]: value 5: got a number, want a string`}, []string{"]]"}},
		{"three elements", matrix(`[[1,"1","` + long + `"],[2,"1"]]`), prom.ErrResponse,
			[]string{`values[0]: got "[1,\"1\",\"xxx`, `… (310 bytes), want [time, "value"]`}, []string{`[2,`}},
		{"one element", matrix(`[[1],[2,"1"]]`), prom.ErrResponse, []string{`values[0]: got "[1]", want [time, "value"]`}, []string{`[2,`}},
		{"a point a string", matrix(`["` + long + `"]`), prom.ErrResponse, []string{`values[0]: got "\"xxx`, `(302 bytes), want [time, "value"]`}, nil},
		{"long time", matrix(`[[` + strings.Repeat("9", 300) + `,"1"]]`), prom.ErrResponse, []string{`values[0]: time "999`, `(300 bytes)`}, nil},
		{"no values", `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{}}]}}`, prom.ErrResponse,
			[]string{"data.result[0].values: missing"}, nil},
		{"value an array", matrix(`[[1,["` + long + `"]]]`), prom.ErrResponse, []string{`values[0]: value: got an array, want a string`}, []string{"xxx"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prom.ParseMatrix([]byte(tc.body))
			require.ErrorIs(t, err, tc.want)
			for _, s := range tc.say {
				require.ErrorContains(t, err, s)
			}
			for _, s := range tc.not {
				require.NotContains(t, err.Error(), s)
			}
			require.LessOrEqual(t, len(err.Error()), 300, err.Error())
		})
	}
}
