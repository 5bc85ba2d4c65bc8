package main

import (
	"context"
	"fmt"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
	"github.com/slamath/slamath/window"
)

// monthData is what the server said of the month.
type monthData struct {
	// coverage is what each up-like expression said of the steps.
	coverage map[string]prom.Coverage
	// requests are the good and total requests of the month, when
	// --errors and --total are given.
	requests *sla.Ratio
}

// termExpr returns the up-like expression of an availability term.
func (cfg config) termExpr(term string) string {
	if e, ok := cfg.termUp[term]; ok {
		return e
	}
	return cfg.up
}

// query asks the server for the month: each up-like expression the
// availability terms need, once, and the request counters when given.
// Each expression must give one series: several are an error (ask for
// min(up) rather than up), none means no data at any step.
func query(ctx context.Context, c promhttp.Client, cfg config) (monthData, error) {
	data := monthData{coverage: map[string]prom.Coverage{}}
	for _, t := range cfg.contract.Terms {
		if t.Availability == nil {
			continue
		}
		expr := cfg.termExpr(t.Name)
		if _, done := data.coverage[expr]; done {
			continue
		}
		s, ok, err := one(ctx, c, cfg, expr)
		if err != nil {
			return data, err
		}
		cov := prom.Coverage{Missing: window.NewSet(cfg.period)}
		if ok {
			if cov, err = prom.DownTime(s, cfg.grid); err != nil {
				return data, fmt.Errorf("%s: %w", expr, err)
			}
		}
		data.coverage[expr] = cov
	}
	if cfg.errors != "" {
		errs, ok1, err := one(ctx, c, cfg, cfg.errors)
		if err != nil {
			return data, err
		}
		total, ok2, err := one(ctx, c, cfg, cfg.total)
		if err != nil {
			return data, err
		}
		for _, q := range []struct {
			expr string
			ok   bool
		}{{cfg.errors, ok1}, {cfg.total, ok2}} {
			if !q.ok {
				return data, fmt.Errorf("%s: no data in the month", q.expr)
			}
		}
		r, err := prom.Events(errs, total, cfg.grid)
		if err != nil {
			return data, fmt.Errorf("requests: %w", err)
		}
		data.requests = &r
	}
	return data, nil
}

// one queries expr over the month and returns its one series, or false
// when the server has none.
func one(ctx context.Context, c promhttp.Client, cfg config, expr string) (prom.Series, bool, error) {
	m, err := c.QueryRange(ctx, expr, cfg.grid)
	if err != nil {
		return prom.Series{}, false, fmt.Errorf("%s: %w", expr, err)
	}
	switch len(m) {
	case 0:
		return prom.Series{}, false, nil
	case 1:
		return m[0], true, nil
	}
	return prom.Series{}, false, fmt.Errorf("%s: %d series; the report needs one, such as min(up{...}) of several instances", expr, len(m))
}
