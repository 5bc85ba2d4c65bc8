package promhttp_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
)

// t0 is the first instant of March 2026 in UTC.
var t0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// fakeServer answers query_range with one series whose value at each
// point is its Unix time in seconds, and counts the requests.
func fakeServer(t *testing.T, requests *atomic.Int32) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		require.Equal(t, "/api/v1/query_range", r.URL.Path)
		q := r.URL.Query()
		start, _ := strconv.ParseInt(q.Get("start"), 10, 64)
		end, _ := strconv.ParseInt(q.Get("end"), 10, 64)
		step, _ := strconv.ParseInt(q.Get("step"), 10, 64)
		if (end-start)/step+1 > prom.MaxPointsPerQuery {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries"}`)
			return
		}
		var pts []string
		for ts := start; ts <= end; ts += step {
			pts = append(pts, fmt.Sprintf(`[%d,"%d"]`, ts, ts))
		}
		fmt.Fprintf(w, `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"q":%q},"values":[%s]}]}}`,
			q.Get("query"), strings.Join(pts, ","))
	}))
}

// TestClientSplits: a month at one-minute steps is 44,641 points, more
// than a server answers at once; the client asks in five parts of at
// most 11,000 and joins them.
func TestClientSplits(t *testing.T) {
	var requests atomic.Int32
	srv := fakeServer(t, &requests)
	defer srv.Close()
	g := prom.Grid{Start: t0, End: t0.AddDate(0, 1, 0), Step: time.Minute}
	m, err := promhttp.Client{URL: srv.URL + "/"}.QueryRange(context.Background(), `up{job="api"}`, g)
	require.NoError(t, err)
	require.Equal(t, int32(5), requests.Load()) // ⌈44641 / 11000⌉
	require.Len(t, m, 1)
	require.Equal(t, `up{job="api"}`, m[0].Metric["q"])
	require.Len(t, m[0].Points, 31*24*60+1)
	for k, p := range m[0].Points {
		require.Equal(t, g.At(k), p.T)
		require.Equal(t, strconv.FormatInt(g.At(k).Unix(), 10), p.Value)
	}
}

func TestClientErrors(t *testing.T) {
	g := prom.Grid{Start: t0, End: t0.Add(time.Hour), Step: time.Minute}
	for _, tc := range []struct {
		name    string
		status  int
		body    string
		mention string
	}{
		{"server error", http.StatusUnprocessableEntity, `{"status":"error","errorType":"execution","error":"query timed out"}`, "query timed out"},
		{"proxy page", http.StatusBadGateway, `<html>bad gateway</html>`, "502"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
			}))
			defer srv.Close()
			_, err := promhttp.Client{URL: srv.URL}.QueryRange(context.Background(), "up", g)
			require.ErrorIs(t, err, prom.ErrAPI)
			require.Contains(t, err.Error(), tc.mention)
		})
	}
	_, err := promhttp.Client{URL: "http://127.0.0.1:1"}.QueryRange(context.Background(), "up", prom.Grid{})
	require.ErrorIs(t, err, prom.ErrGrid)
}
