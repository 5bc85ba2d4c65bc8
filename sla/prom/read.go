package prom

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// Errors wrapped by the readers of series, for errors.Is.
var (
	// ErrValue: a point's value cannot be read as the reader needs it (a
	// 2 in an up series, a fraction in a counter, a ratio above 1).
	ErrValue = errors.New("unreadable value")
	// ErrMissing: a counter has no point at the start or end of the grid,
	// so the events before its first or after its last point are unknown.
	ErrMissing = errors.New("missing point")
)

// Coverage says what a series told about the steps of a grid.
type Coverage struct {
	// Down is the union of the steps whose point reads 0.
	Down window.Set
	// Missing is the union of the steps with no point, or a point that is
	// NaN: Prometheus had no sample within its lookback (by default five
	// minutes), or the series was marked stale, which the API shows as
	// no point at all.
	Missing window.Set
}

// indexed places the points of s on g: pts[k] is the value of point k and
// has[k] whether it exists. It fails, wrapping ErrGrid, for a point off
// the grid.
func indexed(s Series, g Grid) (pts []string, has []bool, err error) {
	if err := g.Validate(); err != nil {
		return nil, nil, err
	}
	n := g.Len()
	pts, has = make([]string, n), make([]bool, n)
	for _, p := range s.Points {
		k, ok := g.index(p.T)
		if !ok {
			return nil, nil, fmt.Errorf("prom: point at %s is not on the grid %s every %v: %w",
				p.T.Format(time.RFC3339Nano), g.Span(), g.Step, ErrGrid)
		}
		if has[k] {
			return nil, nil, fmt.Errorf("prom: two points at %s: %w", p.T.Format(time.RFC3339Nano), ErrGrid)
		}
		pts[k], has[k] = p.Value, true
	}
	return pts, has, nil
}

// spans collects steps into a set, merging neighbours as it goes.
type spans struct{ ivs []window.Interval }

func (s *spans) add(iv window.Interval) {
	if n := len(s.ivs); n > 0 && s.ivs[n-1].End.Equal(iv.Start) {
		s.ivs[n-1].End = iv.End
		return
	}
	s.ivs = append(s.ivs, iv)
}

func (s *spans) set() window.Set { return window.NewSet(s.ivs...) }

func valueErr(g Grid, k int, v, want string) error {
	return fmt.Errorf("prom: point at %s: value %s: want %s: %w", g.At(k).Format(time.RFC3339Nano), quote.Text(v), want, ErrValue)
}

// DownTime reads an up-like series — up, probe_success, or any expression
// that is 1 while a service is up and 0 while it is down — queried over
// g. Point k stands for step k, [At(k), At(k+1)): Prometheus reads the
// latest sample at or before an instant, so a point's value holds until
// the next. The point at End stands for no step and is only checked.
//
// A value is read from its text exactly: a decimal equal to 0 is down, one
// equal to 1 is up, "NaN" or no point is missing, and anything else (0.5
// from an average of several instances, +Inf, 2) is an error wrapping
// ErrValue; ask for min(up) or max(up) instead of avg. A point off the
// grid is an error wrapping ErrGrid.
func DownTime(s Series, g Grid) (Coverage, error) {
	pts, has, err := indexed(s, g)
	if err != nil {
		return Coverage{}, err
	}
	var down, missing spans
	for k := range len(pts) {
		var up, isDown bool
		if has[k] && pts[k] != "NaN" {
			m, scale, ok := parseFixed(pts[k])
			up, isDown = ok && m == 1 && scale == 0, ok && m == 0
			if !up && !isDown {
				return Coverage{}, valueErr(g, k, pts[k], "0 or 1")
			}
		}
		if k == len(pts)-1 {
			break
		}
		step := window.Between(g.At(k), g.At(k+1))
		switch {
		case isDown:
			down.add(step)
		case !up:
			missing.add(step)
		}
	}
	return Coverage{Down: down.set(), Missing: missing.set()}, nil
}

// counter reads the points of a counter: non-negative integers.
func counter(s Series, g Grid) (vals []uint64, has []bool, err error) {
	pts, has, err := indexed(s, g)
	if err != nil {
		return nil, nil, err
	}
	vals = make([]uint64, len(pts))
	for k, p := range pts {
		if !has[k] {
			continue
		}
		m, scale, ok := parseFixed(p)
		if !ok || scale != 0 {
			return nil, nil, valueErr(g, k, p, "a counter's value, a whole number of events")
		}
		vals[k] = m
	}
	return vals, has, nil
}

// increase returns what a counter counted from a to b, as Prometheus
// counts it: a value below the one before is a reset, after which the
// counter counted from zero.
func increase(a, b uint64) uint64 {
	if b < a {
		return b
	}
	return b - a
}

// Increase returns the events a counter series counted over g: the sum of
// its increases between consecutive points, from the point at Start to
// the point at End. A value below the one before it is a counter reset,
// after which the counter counted from zero, as Prometheus's increase()
// reads it; a reset in a run of missing points loses what the counter
// counted before it, as it does for Prometheus. Missing points inside the
// grid are bridged, because a counter keeps its count: only a missing
// first or last point is an error, wrapping ErrMissing. Values must be
// whole numbers written in full ("12345"); anything else, NaN included,
// wraps ErrValue. A sum beyond the largest uint64 wraps ErrValue too.
func Increase(s Series, g Grid) (uint64, error) {
	vals, has, err := counter(s, g)
	if err != nil {
		return 0, err
	}
	return sumIncrease(vals, has, g)
}

func sumIncrease(vals []uint64, has []bool, g Grid) (uint64, error) {
	n := len(vals)
	if !has[0] || !has[n-1] {
		return 0, fmt.Errorf("prom: counter over %s: no point at the start or the end of the grid: %w", g.Span(), ErrMissing)
	}
	var sum uint64
	prev := vals[0]
	for k := 1; k < n; k++ {
		if !has[k] {
			continue
		}
		var carry uint64
		sum, carry = bits.Add64(sum, increase(prev, vals[k]), 0)
		if carry != 0 {
			return 0, fmt.Errorf("prom: counter over %s: increase beyond %d: %w", g.Span(), uint64(1<<64-1), ErrValue)
		}
		prev = vals[k]
	}
	return sum, nil
}

// Events returns the good and total events of two counters over g: total
// counts all events, errors the bad ones, and good is their difference.
// Both are read as Increase reads them. It fails wrapping
// sla.ErrGoodAboveTotal when errors increased more than total.
func Events(errs, total Series, g Grid) (sla.Ratio, error) {
	e, err := Increase(errs, g)
	if err != nil {
		return sla.Ratio{}, fmt.Errorf("prom: errors: %w", err)
	}
	t, err := Increase(total, g)
	if err != nil {
		return sla.Ratio{}, fmt.Errorf("prom: total: %w", err)
	}
	if e > t {
		return sla.Ratio{}, fmt.Errorf("prom: over %s: %d errors of %d events: %w", g.Span(), e, t, sla.ErrGoodAboveTotal)
	}
	return sla.NewRatio(t-e, t)
}

// Slices returns one time slice per step of g from two counters: slice k
// holds the events counted between points k and k+1, read as Increase
// reads them. A step without both points in both series has an empty
// slice (so sla.SliceRules.Empty decides how it counts) and is in the
// returned missing set. It fails wrapping sla.ErrGoodAboveTotal, naming
// the step, when a step has more errors than events.
func Slices(errs, total Series, g Grid) (slices []sla.Slice, missing window.Set, err error) {
	ev, eh, err := counter(errs, g)
	if err != nil {
		return nil, window.Set{}, fmt.Errorf("prom: errors: %w", err)
	}
	tv, th, err := counter(total, g)
	if err != nil {
		return nil, window.Set{}, fmt.Errorf("prom: total: %w", err)
	}
	out := make([]sla.Slice, len(ev)-1)
	var miss spans
	for k := range out {
		step := window.Between(g.At(k), g.At(k+1))
		if !eh[k] || !eh[k+1] || !th[k] || !th[k+1] {
			miss.add(step)
			continue
		}
		e, t := increase(ev[k], ev[k+1]), increase(tv[k], tv[k+1])
		if e > t {
			return nil, window.Set{}, fmt.Errorf("prom: step %s: %d errors of %d events: %w", step, e, t, sla.ErrGoodAboveTotal)
		}
		out[k] = sla.Slice{Good: t - e, Total: t}
	}
	return out, miss.set(), nil
}

// RatioSlices returns one time slice per step of g from a series whose
// point k is the good ratio (availability, 0 to 1) of step k, such as a
// recorded per-step ratio or the average of an up-like gauge. A value is
// read from its decimal text exactly, as Good of Total = 10^d events where
// d is its number of decimals ("0.25" is 25 of 100); the average of the
// slices (sla.AverageSlices) and their comparison with a MaxErrors
// threshold are then exact, while MinEvents counts no real events and
// should be zero. "NaN" (no events: 0/0) gives an empty slice; a step with
// no point gives an empty slice and is in the missing set. More than 18
// decimals, a value below 0 or above 1, or other text wraps ErrValue.
func RatioSlices(s Series, g Grid) (slices []sla.Slice, missing window.Set, err error) {
	pts, has, err := indexed(s, g)
	if err != nil {
		return nil, window.Set{}, err
	}
	out := make([]sla.Slice, len(pts)-1)
	var miss spans
	for k := range out {
		if !has[k] {
			miss.add(window.Between(g.At(k), g.At(k+1)))
			continue
		}
		if pts[k] == "NaN" {
			continue
		}
		m, scale, ok := parseFixed(pts[k])
		if !ok || scale > 18 || m > pow10(scale) {
			return nil, window.Set{}, valueErr(g, k, pts[k], "a ratio from 0 to 1 with at most 18 decimals")
		}
		out[k] = sla.Slice{Good: m, Total: pow10(scale)}
	}
	return out, miss.set(), nil
}

func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

// parseFixed reads a non-negative decimal written in full ("12345",
// "0.25", "1.0", "-0") as mant / 10^scale with no trailing zero decimal.
// It reports false for exponents, signs on non-zero values, other text,
// and values beyond the largest uint64.
func parseFixed(s string) (mant uint64, scale int, ok bool) {
	body, neg := strings.CutPrefix(s, "-")
	ip, fp, dot := strings.Cut(body, ".")
	if ip == "" || !allDigits(ip) || !allDigits(fp) || (dot && fp == "") {
		return 0, 0, false
	}
	fp = strings.TrimRight(fp, "0")
	digits := strings.TrimLeft(ip+fp, "0")
	if digits == "" {
		return 0, 0, true // zero, "-0" included
	}
	if neg || len(digits) > 20 {
		return 0, 0, false
	}
	m, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	return m, len(fp), true
}
