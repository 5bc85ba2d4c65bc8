package prom_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

// t0 is 2026-03-01T00:00:00Z, 1772323200 s after the epoch.
var t0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func TestParseMatrix(t *testing.T) {
	body := `{"status":"success","data":{"resultType":"matrix","result":[
		{"metric":{"__name__":"up","job":"api"},"values":[[1772323200,"1"],[1772323260.5,"0"], [ 1772323320.125 , "NaN" ]]},
		{"metric":{},"values":[[-1.5,"7"]]},
		{"metric":{"escaped":"yes"},"values":[[1772323200,"\u0031"],[1772323201,"a\"b"]]},
		{"metric":{"values":"null"},"values":null}]}}`
	got, err := prom.ParseMatrix([]byte(body))
	require.NoError(t, err)
	want := prom.Matrix{
		{Metric: map[string]string{"__name__": "up", "job": "api"}, Points: []prom.Point{
			{T: t0, Value: "1"},
			{T: t0.Add(60*time.Second + 500*time.Millisecond), Value: "0"},
			{T: t0.Add(120*time.Second + 125*time.Millisecond), Value: "NaN"},
		}},
		{Metric: map[string]string{}, Points: []prom.Point{{T: time.Unix(-2, 5e8).UTC(), Value: "7"}}},
		{Metric: map[string]string{"escaped": "yes"}, Points: []prom.Point{{T: t0, Value: "1"}, {T: t0.Add(time.Second), Value: `a"b`}}},
		{Metric: map[string]string{"values": "null"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
}

func TestParseMatrixErrors(t *testing.T) {
	matrix := func(values string) string {
		return `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":` + values + `}]}}`
	}
	tests := []struct {
		name, body string
		want       error
		mention    string
	}{
		{"not JSON", `<html>`, prom.ErrResponse, ""},
		{"server error", `{"status":"error","errorType":"bad_data","error":"parse error at char 3"}`, prom.ErrAPI, "parse error at char 3"},
		{"unknown status", `{"status":"maybe"}`, prom.ErrResponse, "maybe"},
		{"a vector", `{"status":"success","data":{"resultType":"vector","result":[]}}`, prom.ErrResponse, "want matrix"},
		{"exponent timestamp", matrix(`[[1.7e9,"1"]]`), prom.ErrResponse, "values[0]"},
		{"too many decimals", matrix(`[[1772323200.0000000001,"1"]]`), prom.ErrResponse, "time"},
		{"trailing dot", matrix(`[[1772323200.,"1"]]`), prom.ErrResponse, ""},
		{"string timestamp", matrix(`[["1772323200","1"]]`), prom.ErrResponse, "time"},
		{"number value", matrix(`[[1772323200,1]]`), prom.ErrResponse, "want a string"},
		{"three elements", matrix(`[[1772323200,"1","x"]]`), prom.ErrResponse, "want [time"},
		{"out of order", matrix(`[[1772323260,"1"],[1772323200,"1"]]`), prom.ErrResponse, "values[1]"},
		{"duplicate time", matrix(`[[1772323200,"1"],[1772323200,"1"]]`), prom.ErrResponse, "not after"},
		{"histograms", `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[[1,{}]]}]}}`, prom.ErrResponse, "histogram"},
		{"too large", strings.Repeat(" ", prom.MaxResponseBytes+1), prom.ErrTooLarge, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prom.ParseMatrix([]byte(tc.body))
			require.Error(t, err)
			require.True(t, errors.Is(err, tc.want), "%v does not wrap %v", err, tc.want)
			require.Contains(t, err.Error(), tc.mention)
			require.True(t, strings.HasPrefix(err.Error(), "prom: "), err.Error())
		})
	}
}

// spaces reads as n spaces.
type spaces struct{ n int }

func (s *spaces) Read(p []byte) (int, error) {
	if s.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), s.n)
	for i := range k {
		p[i] = ' '
	}
	s.n -= k
	return k, nil
}

func TestReadMatrixLimit(t *testing.T) {
	_, err := prom.ReadMatrix(&spaces{prom.MaxResponseBytes + 10})
	require.ErrorIs(t, err, prom.ErrTooLarge)
	m, err := prom.ReadMatrix(strings.NewReader(`{"status":"success","data":{"resultType":"matrix","result":[]}}`))
	require.NoError(t, err)
	require.Empty(t, m)
}

// series builds a series on the one-minute grid from t0: values[k] is
// point k's text, "" for no point.
func series(values ...string) prom.Series {
	s := prom.Series{Metric: map[string]string{"__name__": "x"}}
	for k, v := range values {
		if v != "" {
			s.Points = append(s.Points, prom.Point{T: t0.Add(time.Duration(k) * time.Minute), Value: v})
		}
	}
	return s
}

func grid(points int) prom.Grid {
	return prom.Grid{Start: t0, End: t0.Add(time.Duration(points-1) * time.Minute), Step: time.Minute}
}

func minutes(a, b int) window.Interval {
	return window.Between(t0.Add(time.Duration(a)*time.Minute), t0.Add(time.Duration(b)*time.Minute))
}

func TestDownTime(t *testing.T) {
	tests := []struct {
		name          string
		values        []string
		down, missing window.Set
	}{
		{"all up", []string{"1", "1", "1"}, window.Set{}, window.Set{}},
		// Point k stands for minute k; the last point for none.
		{"down then up", []string{"1", "0", "0", "1", "0"}, window.NewSet(minutes(1, 3)), window.Set{}},
		{"decimals read exactly", []string{"1.0", "0.000", "-0", "1"}, window.NewSet(minutes(1, 3)), window.Set{}},
		{"NaN and no point are missing", []string{"1", "NaN", "", "1", "1"}, window.Set{}, window.NewSet(minutes(1, 3))},
		{"missing first point", []string{"", "0", "1"}, window.NewSet(minutes(1, 2)), window.NewSet(minutes(0, 1))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prom.DownTime(series(tc.values...), grid(len(tc.values)))
			require.NoError(t, err)
			require.True(t, tc.down.Equal(got.Down), "down %s, want %s", got.Down, tc.down)
			require.True(t, tc.missing.Equal(got.Missing), "missing %s, want %s", got.Missing, tc.missing)
		})
	}
}

func TestDownTimeErrors(t *testing.T) {
	tests := []struct {
		name string
		s    prom.Series
		g    prom.Grid
		want error
	}{
		{"a half", series("1", "0.5", "1"), grid(3), prom.ErrValue},
		{"two", series("2", "1"), grid(2), prom.ErrValue},
		{"infinity", series("+Inf", "1"), grid(2), prom.ErrValue},
		{"exponent", series("1e0", "1"), grid(2), prom.ErrValue},
		{"even the last point is checked", series("1", "7"), grid(2), prom.ErrValue},
		{"off the grid", prom.Series{Points: []prom.Point{{T: t0.Add(30 * time.Second), Value: "1"}}}, grid(2), prom.ErrGrid},
		{"after the grid", series("1", "1", "1"), grid(2), prom.ErrGrid},
		{"twice", prom.Series{Points: []prom.Point{{T: t0, Value: "1"}, {T: t0, Value: "1"}}}, grid(2), prom.ErrGrid},
		{"zero step", series("1"), prom.Grid{Start: t0, End: t0}, prom.ErrGrid},
		{"end before start", series("1"), prom.Grid{Start: t0, End: t0.Add(-time.Minute), Step: time.Minute}, prom.ErrGrid},
		{"not whole steps", series("1"), prom.Grid{Start: t0, End: t0.Add(90 * time.Second), Step: time.Minute}, prom.ErrGrid},
		{"sub-millisecond", series("1"), prom.Grid{Start: t0.Add(time.Microsecond), End: t0.Add(time.Minute + time.Microsecond), Step: time.Minute}, prom.ErrGrid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prom.DownTime(tc.s, tc.g)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestIncrease(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   uint64
		err    error
	}{
		{"steady", []string{"0", "10", "20"}, 20, nil},
		// 10 → 5 is a restart that counted 5 since: 10 + 5 + 10.
		{"reset", []string{"0", "10", "5", "15"}, 25, nil},
		{"inner gap bridged", []string{"100", "", "", "130"}, 30, nil},
		{"reset across a gap loses the count before it", []string{"100", "", "7"}, 7, nil},
		{"trailing zero decimals", []string{"1.000", "3"}, 2, nil},
		{"no first point", []string{"", "1", "2"}, 0, prom.ErrMissing},
		{"no last point", []string{"1", "2", ""}, 0, prom.ErrMissing},
		{"fraction", []string{"1", "1.5"}, 0, prom.ErrValue},
		{"NaN", []string{"1", "NaN"}, 0, prom.ErrValue},
		{"negative", []string{"-1", "1"}, 0, prom.ErrValue},
		{"exponent", []string{"1", "1e+21"}, 0, prom.ErrValue},
		{"beyond uint64", []string{"0", "18446744073709551616"}, 0, prom.ErrValue},
		{"sum beyond uint64", []string{"0", "18446744073709551615", "0", "1"}, 0, prom.ErrValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prom.Increase(series(tc.values...), grid(len(tc.values)))
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestEvents(t *testing.T) {
	errs, total := series("0", "3", "5"), series("0", "1000", "2000")
	r, err := prom.Events(errs, total, grid(3))
	require.NoError(t, err)
	require.Equal(t, uint64(1995), r.Good())
	require.Equal(t, uint64(2000), r.Total())

	_, err = prom.Events(series("0", "10"), series("0", "5"), grid(2))
	require.ErrorIs(t, err, sla.ErrGoodAboveTotal)
	_, err = prom.Events(series("", "10"), total, grid(3))
	require.ErrorIs(t, err, prom.ErrMissing)
	require.Contains(t, err.Error(), "errors")
	_, err = prom.Events(errs, series("0", "x", "1"), grid(3))
	require.ErrorIs(t, err, prom.ErrValue)
	require.Contains(t, err.Error(), "total")
}

func TestSlices(t *testing.T) {
	// Steps: 0–1 normal, 1–2 a reset (errors 5 → 2 counts 2, total 500 →
	// 100 counts 100), 2–3 missing a total point, 3–4 missing too.
	errs := series("0", "5", "2", "4", "6")
	total := series("0", "500", "100", "", "900")
	got, missing, err := prom.Slices(errs, total, grid(5))
	require.NoError(t, err)
	want := []sla.Slice{{Good: 495, Total: 500}, {Good: 98, Total: 100}, {}, {}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	require.True(t, window.NewSet(minutes(2, 4)).Equal(missing), "missing %s", missing)

	_, _, err = prom.Slices(series("0", "9"), series("0", "5"), grid(2))
	require.ErrorIs(t, err, sla.ErrGoodAboveTotal)
	require.Contains(t, err.Error(), "2026-03-01T00:00:00Z")
}

func TestRatioSlices(t *testing.T) {
	got, missing, err := prom.RatioSlices(series("1", "0.25", "NaN", "", "0.999999999999999999", "0"), grid(6))
	require.NoError(t, err)
	want := []sla.Slice{{Good: 1, Total: 1}, {Good: 25, Total: 100}, {}, {}, {Good: 999999999999999999, Total: 1000000000000000000}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	require.True(t, window.NewSet(minutes(3, 4)).Equal(missing), "missing %s", missing)
	// The average of the ratios is exact: (1 + 0.25 + 0.999999999999999999)
	// / 3 = 2.249999999999999999 / 3 with the NaN and missing steps
	// (empty) excluded; 2249999999999999999 has digit sum 152, so the
	// fraction over 3·10^18 is already reduced.
	avg, err := sla.AverageSlices(got, sla.EmptyExcluded)
	require.NoError(t, err)
	require.Equal(t, "2249999999999999999/3000000000000000000", avg.String())

	for _, bad := range []string{"1.5", "-0.5", "0.1234567890123456789", "+Inf", "x"} {
		_, _, err := prom.RatioSlices(series(bad, "1"), grid(2))
		require.ErrorIs(t, err, prom.ErrValue, bad)
	}
}

func TestGridSplit(t *testing.T) {
	g := prom.Grid{Start: t0, End: t0.Add(24 * time.Minute), Step: time.Minute} // 25 points
	parts := g.Split(10)
	var got []int
	next := g.Start
	for _, p := range parts {
		require.NoError(t, p.Validate())
		require.Equal(t, next, p.Start, "parts must follow each other")
		got = append(got, p.Len())
		next = p.End.Add(g.Step)
	}
	require.Equal(t, []int{10, 10, 5}, got)
	require.Equal(t, g.End, parts[len(parts)-1].End)
	require.Len(t, prom.Grid{Start: t0, End: t0, Step: time.Minute}.Split(10), 1)
	require.Len(t, g.Split(0), 13, "below 2 counts as 2: twelve parts of 2 points and one of 1")
}

func TestGridQuery(t *testing.T) {
	g := prom.Grid{Start: t0.Add(500 * time.Millisecond), End: t0.Add(90500 * time.Millisecond), Step: 1500 * time.Millisecond}
	q := g.Query(`up{job="api"}`)
	require.Equal(t, `up{job="api"}`, q.Get("query"))
	require.Equal(t, "1772323200.5", q.Get("start"))
	require.Equal(t, "1772323290.5", q.Get("end"))
	require.Equal(t, "1.5", q.Get("step"))
	require.Equal(t, 61, g.Len())
	require.Equal(t, "-1.25", prom.Grid{Start: time.UnixMilli(-1250), End: time.UnixMilli(-1250), Step: time.Second}.Query("x").Get("start"))
}

func ExampleDownTime() {
	// A query_range answer for min(up{job="api"}) over four minutes.
	body := `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},
		"values":[[1772323200,"1"],[1772323260,"0"],[1772323320,"0"],[1772323440,"1"]]}]}}`
	m, err := prom.ParseMatrix([]byte(body))
	if err != nil {
		panic(err)
	}
	g := prom.Grid{
		Start: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		End:   time.Date(2026, 3, 1, 0, 4, 0, 0, time.UTC),
		Step:  time.Minute,
	}
	cov, err := prom.DownTime(m[0], g)
	if err != nil {
		panic(err)
	}
	fmt.Println("down:", cov.Down)
	fmt.Println("missing:", cov.Missing)
	// Output:
	// down: {2026-03-01T00:01:00Z/2026-03-01T00:03:00Z}
	// missing: {2026-03-01T00:03:00Z/2026-03-01T00:04:00Z}
}

func ExampleEvents() {
	errs := prom.Series{Points: []prom.Point{
		{T: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: "40"},
		{T: time.Date(2026, 3, 1, 0, 1, 0, 0, time.UTC), Value: "41"},
		{T: time.Date(2026, 3, 1, 0, 2, 0, 0, time.UTC), Value: "3"}, // restarted
	}}
	total := prom.Series{Points: []prom.Point{
		{T: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: "90000"},
		{T: time.Date(2026, 3, 1, 0, 1, 0, 0, time.UTC), Value: "91000"},
		{T: time.Date(2026, 3, 1, 0, 2, 0, 0, time.UTC), Value: "1000"},
	}}
	g := prom.Grid{Start: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 1, 0, 2, 0, 0, time.UTC), Step: time.Minute}
	r, err := prom.Events(errs, total, g)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Good(), "good of", r.Total(), "=", r.Percent(3), "met 99.9%:", r.Met(sla.MustTarget("99.9%")))
	// Output:
	// 1996 good of 2000 = 99.800% met 99.9%: false
}

func TestGridTooLarge(t *testing.T) {
	g := prom.Grid{Start: t0, End: t0.Add(prom.MaxGridPoints * time.Millisecond), Step: time.Millisecond}
	require.ErrorIs(t, g.Validate(), prom.ErrGrid)
	g.End = g.End.Add(-time.Millisecond)
	require.NoError(t, g.Validate())
	require.Equal(t, prom.MaxGridPoints, g.Len())
}

// TestErrorsQuoteAPrefix: a 1 MiB value in a query_range response or in
// an objective gives an error that quotes a short prefix of it (64
// bytes, then its length) or cuts another library's message (200 bytes,
// then its length): each case says the bound its words and cut texts
// keep to.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	grid := prom.Grid{Start: time.Unix(0, 0), End: time.Unix(60, 0), Step: time.Minute}
	valid := availability999
	for _, tc := range []struct {
		name string
		most int
		err  func() error
	}{
		{"status", 200, func() error { _, err := prom.ParseMatrix([]byte(`{"status": "` + long + `"}`)); return err }},
		{"API error", 500, func() error {
			_, err := prom.ParseMatrix([]byte(`{"status": "error", "errorType": "` + long + `", "error": "` + long + `"}`))
			return err
		}},
		{"resultType", 200, func() error {
			_, err := prom.ParseMatrix([]byte(`{"status": "success", "data": {"resultType": "` + long + `"}}`))
			return err
		}},
		{"time", 250, func() error {
			_, err := prom.ParseMatrix([]byte(`{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {}, "values": [[` + long + `, "1"]]}]}}`))
			return err
		}},
		{"value", 200, func() error {
			_, err := prom.Increase(prom.Series{Points: []prom.Point{{T: grid.Start, Value: long}, {T: grid.End, Value: "1"}}}, grid)
			return err
		}},
		{"objective name and metric", 300, func() error {
			o := valid()
			o.Name, o.SLI.Errors.Metric = long, long
			return o.Validate()
		}},
		{"regular expression", 450, func() error {
			o := valid()
			o.SLI.Errors.Matchers = []prom.Matcher{{Label: "job", Op: prom.Regexp, Value: "(" + long}}
			return o.Validate()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, tc.most, err)
			}
		})
	}
}

// TestGridSpanBeyondDuration: a grid from 0001-01-01 to 9999-01-01 was
// reported as "not a whole number of steps of 1ms", because End − Start
// saturates at the longest time.Duration (about 292 years). The error
// now says that the span is too long, whatever the step.
func TestGridSpanBeyondDuration(t *testing.T) {
	start := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, step := range []time.Duration{time.Millisecond, time.Minute, 24 * time.Hour} {
		g := prom.Grid{Start: start, End: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), Step: step}
		err := g.Validate()
		require.ErrorIs(t, err, prom.ErrGrid)
		if !strings.Contains(err.Error(), "longer than a time.Duration holds") || strings.Contains(err.Error(), "whole number of steps") {
			t.Errorf("step %v: error %q does not say that the span is too long", step, err)
		}
	}
	// Just under the longest Duration, in whole days, the grid is judged
	// by its points as before.
	g := prom.Grid{Start: start, End: start.Add(106_751 * 24 * time.Hour), Step: 24 * time.Hour}
	require.NoError(t, g.Validate())
}

// TestGridNotValidPanics: Split of a grid with a zero or negative step
// looped for ever, allocating, and Len divided by zero. Both panic at
// once with the reason the grid is not valid, wrapping ErrGrid.
func TestGridNotValidPanics(t *testing.T) {
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		g    prom.Grid
		want string
	}{
		{"zero", prom.Grid{}, "grid step 0s"},
		{"zero step", prom.Grid{Start: start, End: start.Add(time.Hour)}, "grid step 0s"},
		{"negative step", prom.Grid{Start: start, End: start.Add(time.Hour), Step: -time.Minute}, "grid step -1m0s"},
		{"end before start", prom.Grid{Start: start, End: start.Add(-time.Hour), Step: time.Minute}, "end before start"},
	} {
		for _, method := range []string{"Len", "Split"} {
			t.Run(tc.name+"/"+method, func(t *testing.T) {
				defer func() {
					p := recover()
					err, ok := p.(error)
					require.True(t, ok, "panic value %v", p)
					require.ErrorIs(t, err, prom.ErrGrid)
					require.ErrorContains(t, err, "prom: Grid."+method+": ")
					require.ErrorContains(t, err, tc.want)
				}()
				if method == "Len" {
					_ = tc.g.Len()
				} else {
					_ = tc.g.Split(2)
				}
			})
		}
	}
}
