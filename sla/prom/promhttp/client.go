package promhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/slamath/slamath/sla/prom"
)

// Client queries the HTTP API of a Prometheus server, or of anything that
// serves its /api/v1/query_range (Thanos, Mimir, Cortex). A plain value,
// safe for concurrent use if its http.Client is.
type Client struct {
	// URL is the server's base URL, such as "http://127.0.0.1:9090".
	URL string
	// HTTP sends the requests; nil means http.DefaultClient.
	HTTP *http.Client
}

// QueryRange evaluates expr at every point of g and returns the result.
// A grid of more than prom.MaxPointsPerQuery points is asked for in several
// requests (prom.Grid.Split) whose series are joined by label set, so a month
// at one-minute steps is one call. Each response is read as prom.ParseMatrix
// reads it, at most prom.MaxResponseBytes of it; a server error wraps prom.ErrAPI
// with the server's message, a transport error is returned wrapped.
func (c Client) QueryRange(ctx context.Context, expr string, g prom.Grid) (prom.Matrix, error) {
	if err := g.Validate(); err != nil {
		return nil, err
	}
	var out prom.Matrix
	index := map[string]int{}
	for _, part := range g.Split(prom.MaxPointsPerQuery) {
		m, err := c.queryRange(ctx, expr, part)
		if err != nil {
			return nil, err
		}
		for _, s := range m {
			key := labelKey(s.Metric)
			i, ok := index[key]
			if !ok {
				index[key] = len(out)
				out = append(out, prom.Series{Metric: s.Metric})
				i = len(out) - 1
			}
			out[i].Points = append(out[i].Points, s.Points...)
		}
	}
	return out, nil
}

func (c Client) queryRange(ctx context.Context, expr string, g prom.Grid) (prom.Matrix, error) {
	u := strings.TrimRight(c.URL, "/") + "/api/v1/query_range?" + g.Query(expr).Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("promhttp: query_range: %w", err)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("promhttp: query_range: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, prom.MaxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("promhttp: query_range: reading the response: %w", err)
	}
	m, err := prom.ParseMatrix(data)
	switch {
	case resp.StatusCode == http.StatusOK:
		return m, err
	case errors.Is(err, prom.ErrAPI):
		return nil, err // the server's own message
	}
	return nil, fmt.Errorf("promhttp: query_range: HTTP status %d: %w", resp.StatusCode, prom.ErrAPI)
}

// labelKey is a label set written canonically, to join series.
func labelKey(m map[string]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v, _ := json.Marshal(m[k])
		b.WriteString(k + "=" + string(v) + ",")
	}
	return b.String()
}
