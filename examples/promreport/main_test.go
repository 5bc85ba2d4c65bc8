package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSeries gives the value of a series at an instant, or false for no
// point.
type fakeSeries func(t time.Time) (string, bool)

// fakePrometheus answers query_range for the expressions it knows, each
// with the series given (none, one or several), at the instants asked
// for, as Prometheus writes its answer.
func fakePrometheus(t *testing.T, series map[string][]fakeSeries) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		start, _ := strconv.ParseInt(q.Get("start"), 10, 64)
		end, _ := strconv.ParseInt(q.Get("end"), 10, 64)
		step, _ := strconv.ParseInt(q.Get("step"), 10, 64)
		all, ok := series[q.Get("query")]
		if !ok || step <= 0 {
			w.WriteHeader(http.StatusBadRequest)
			json.NewEncoder(w).Encode(map[string]string{"status": "error", "errorType": "bad_data", "error": fmt.Sprintf("unknown query %q", q.Get("query"))})
			return
		}
		type result struct {
			Metric map[string]string `json:"metric"`
			Values [][2]any          `json:"values"`
		}
		var results []result
		for i, s := range all {
			res := result{Metric: map[string]string{"instance": strconv.Itoa(i)}, Values: [][2]any{}}
			for sec := start; sec <= end; sec += step {
				if v, ok := s(time.Unix(sec, 0)); ok {
					res.Values = append(res.Values, [2]any{sec, v})
				}
			}
			results = append(results, res)
		}
		if results == nil {
			results = []result{}
		}
		json.NewEncoder(w).Encode(map[string]any{"status": "success", "data": map[string]any{"resultType": "matrix", "result": results}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

const upExpr = `min(up{job="checkout"})`

// up is a series that reads 0 inside the given UTC spans of March 2026
// (day, hour, minute of start and end) and 1 elsewhere.
func up(down ...[2]time.Time) fakeSeries {
	return func(t time.Time) (string, bool) {
		for _, d := range down {
			if !t.Before(d[0]) && t.Before(d[1]) {
				return "0", true
			}
		}
		return "1", true
	}
}

func span(d1, h1, m1, d2, h2, m2 int) [2]time.Time {
	return [2]time.Time{utc(3, d1, h1, m1), utc(3, d2, h2, m2)}
}

// without leaves out the points of s inside the spans: no data there.
func without(s fakeSeries, gaps ...[2]time.Time) fakeSeries {
	return func(t time.Time) (string, bool) {
		for _, g := range gaps {
			if !t.Before(g[0]) && t.Before(g[1]) {
				return "", false
			}
		}
		return s(t)
	}
}

func runWith(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// Steps without data count as down unless --missing up says otherwise,
// and the report says how much there was. Tuesday 3 March: 14:00–14:37
// UTC (09:00–09:37 EST) down, and 15:00–15:20 without data, both in
// business hours.
func TestMissingData(t *testing.T) {
	down := span(3, 14, 0, 3, 14, 37)
	gap := span(3, 15, 0, 3, 15, 20)
	srv := fakePrometheus(t, map[string][]fakeSeries{upExpr: {without(up(down), gap)}})
	tests := []struct {
		name, missing, want string
	}{
		{"down by default", "", "down 57m0s"},
		{"down", "down", "down 57m0s"},
		{"up", "up", "down 37m0s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--url", srv.URL}
			if tc.missing != "" {
				args = append(args, "--missing", tc.missing)
			}
			code, out, errOut := runWith(t, args...)
			require.Equal(t, exitOK, code, errOut)
			assert.Contains(t, out, "business hours  target 99.5%  measured 220h0m0s, "+tc.want)
			counted := "down"
			if tc.missing == "up" {
				counted = "up"
			}
			assert.Contains(t, out, "(no data: 20m0s, counted as "+counted+")")
		})
	}
}

// A server with no series for the expression: the whole month without
// data, down by default.
func TestNoSeries(t *testing.T) {
	srv := fakePrometheus(t, map[string][]fakeSeries{upExpr: nil})
	code, out, errOut := runWith(t, "--url", srv.URL)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "(no data: 743h0m0s, counted as down)")
	assert.Contains(t, out, "credit owed: 100%")
}

// --term-up picks the expression of one term; --format json writes the
// contract's report with the data beside it.
func TestTermUpAndJSON(t *testing.T) {
	srv := fakePrometheus(t, map[string][]fakeSeries{`probe_success{target="api"}`: {up(span(3, 14, 0, 3, 14, 10))}})
	code, out, errOut := runWith(t, "--url", srv.URL, "--term-up", `availability=probe_success{target="api"}`, "--format", "json")
	require.Equal(t, exitOK, code, errOut)
	var doc struct {
		Missing string
		Terms   []struct {
			Name, Expr string
			NoData     string `json:"no_data"`
		}
		Report struct {
			Contract string
			Terms    []struct {
				Segments []struct {
					Name string
					Down struct {
						Seconds json.Number
						ISO8601 string
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	assert.Equal(t, "down", doc.Missing)
	require.Len(t, doc.Terms, 1)
	assert.Equal(t, `probe_success{target="api"}`, doc.Terms[0].Expr)
	assert.Equal(t, "0s", doc.Terms[0].NoData)
	assert.Equal(t, "Example API", doc.Report.Contract)
	require.Len(t, doc.Report.Terms, 1)
	// A contract report writes durations as exact seconds beside ISO 8601 text.
	assert.Equal(t, "600", doc.Report.Terms[0].Segments[0].Down.Seconds.String())
	assert.Equal(t, "PT10M", doc.Report.Terms[0].Segments[0].Down.ISO8601)
}

func TestErrors(t *testing.T) {
	srv := fakePrometheus(t, map[string][]fakeSeries{
		upExpr:         {up()},
		"up":           {up(), up()},
		"errors_total": {func(time.Time) (string, bool) { return "1.5", true }},
		"total":        {func(time.Time) (string, bool) { return "10", true }},
		"none":         nil,
	})
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no URL", nil, exitUsage, "--url is required"},
		{"unknown flag", []string{"--nope"}, exitUsage, "flag provided but not defined: -nope"},
		{"argument", []string{"--url", srv.URL, "extra"}, exitUsage, `unexpected argument "extra"`},
		{"bad missing", []string{"--url", srv.URL, "--missing", "maybe"}, exitUsage, `--missing "maybe": want down or up`},
		{"bad format", []string{"--url", srv.URL, "--format", "csv"}, exitUsage, `--format "csv"`},
		{"errors without total", []string{"--url", srv.URL, "--errors", "x"}, exitUsage, "give --errors and --total together"},
		{"bad period", []string{"--url", srv.URL, "--period", "March"}, exitUsage, `--period "March"`},
		{"step that does not divide the month", []string{"--url", srv.URL, "--step", "7m"}, exitUsage, "--step 7m0s does not divide the month"},
		{"term-up of no term", []string{"--url", srv.URL, "--term-up", "tickets=up"}, exitUsage, "no availability term of that name"},
		{"term-up without =", []string{"--url", srv.URL, "--term-up", "up"}, exitUsage, "want TERM=EXPR"},
		{"missing contract", []string{"--url", srv.URL, "--contract", "no/such/file.json"}, exitUsage, "no such file"},
		{"several series", []string{"--url", srv.URL, "--up", "up"}, exitFailed, "up: 2 series; the report needs one"},
		{"server error", []string{"--url", srv.URL, "--up", "unknown"}, exitFailed, `errorType "bad_data", error "unknown query \"unknown\""`},
		{"counter that is not whole", []string{"--url", srv.URL, "--errors", "errors_total", "--total", "total"}, exitFailed, "requests:"},
		{"counter without data", []string{"--url", srv.URL, "--errors", "none", "--total", "total"}, exitFailed, "none: no data in the month"},
		{"no server", []string{"--url", "http://127.0.0.1:1", "--timeout", "5s"}, exitFailed, "connect"},
		{"help", []string{"-h"}, exitOK, "Usage: promreport"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runWith(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.msg)
			}
		})
	}
}
