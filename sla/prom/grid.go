package prom

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/slamath/slamath/window"
)

// MaxGridPoints bounds the points of a Grid: ten million, about 19 years
// at one-minute steps. The readers hold a few words per point.
const MaxGridPoints = 10_000_000

// MaxPointsPerQuery is the most points per series one range query may ask
// a Prometheus server for: its API refuses more than 11,000.
const MaxPointsPerQuery = 11000

// ErrGrid is wrapped by the errors about a Grid that is not valid, and
// about points that do not lie on their grid.
var ErrGrid = errors.New("invalid grid")

// Grid is the instants a range query evaluates at, as the HTTP API counts
// them: Start, Start+Step, … up to and including End. Its Len points
// bound Len−1 steps, [Start, Start+Step), …, [End−Step, End), which
// together make up the span [Start, End).
//
// Prometheus keeps milliseconds, so Start, End and Step must be whole
// milliseconds, Step positive, End − Start a whole number of steps that
// a time.Duration holds (about 292 years), and the points at most
// MaxGridPoints. A plain value, safe for concurrent
// use; the zero value is not valid.
type Grid struct {
	Start, End time.Time
	Step       time.Duration
}

// Validate reports why the grid is not valid, wrapping ErrGrid, or nil.
func (g Grid) Validate() error {
	switch {
	case g.Step <= 0 || g.Step%time.Millisecond != 0:
		return fmt.Errorf("prom: grid step %v: want a positive whole number of milliseconds: %w", g.Step, ErrGrid)
	case g.Start.Nanosecond()%int(time.Millisecond) != 0 || g.End.Nanosecond()%int(time.Millisecond) != 0:
		return fmt.Errorf("prom: grid %s: start and end must be whole milliseconds: %w", g.Span(), ErrGrid)
	case g.End.Before(g.Start):
		return fmt.Errorf("prom: grid %s: end before start: %w", g.Span(), ErrGrid)
	case !g.Start.Add(g.End.Sub(g.Start)).Equal(g.End):
		// End − Start saturated: the grid's arithmetic is in Durations.
		return fmt.Errorf("prom: grid %s: the span is longer than a time.Duration holds (about 292 years): %w", g.Span(), ErrGrid)
	case g.End.Sub(g.Start)%g.Step != 0:
		return fmt.Errorf("prom: grid %s: not a whole number of steps of %v: %w", g.Span(), g.Step, ErrGrid)
	case g.End.Sub(g.Start)/g.Step >= MaxGridPoints:
		return fmt.Errorf("prom: grid %s every %v: more than %d points: %w", g.Span(), g.Step, MaxGridPoints, ErrGrid)
	}
	return nil
}

// Span returns [Start, End), the time the grid's steps cover.
func (g Grid) Span() window.Interval { return window.Between(g.Start, g.End) }

// Len returns the number of points, (End − Start)/Step + 1. The grid must
// be valid: Len of one that is not panics with the error of Validate, as
// an index out of range does, rather than divide by a zero step.
func (g Grid) Len() int {
	g.mustBeValid("Len")
	return int(g.End.Sub(g.Start)/g.Step) + 1
}

// mustBeValid panics with the reason g is not valid, for the methods
// whose answer a grid that is not valid does not have.
func (g Grid) mustBeValid(method string) {
	if err := g.Validate(); err != nil {
		panic(fmt.Errorf("prom: Grid.%s: %w", method, err))
	}
}

// At returns the instant of point k.
func (g Grid) At(k int) time.Time { return g.Start.Add(time.Duration(k) * g.Step) }

// index returns the number of the point at t, and whether t is one.
func (g Grid) index(t time.Time) (int, bool) {
	d := t.Sub(g.Start)
	if d < 0 || d%g.Step != 0 || t.After(g.End) {
		return 0, false
	}
	return int(d / g.Step), true
}

// Split returns consecutive grids of at most n points each (n below 2
// counts as 2) that together hold the points of g once each, in order:
// the queries to send to a server that answers at most n points per
// series. The grid must be valid: Split of one that is not panics with
// the error of Validate (a step of zero would never reach End).
func (g Grid) Split(n int) []Grid {
	g.mustBeValid("Split")
	n = max(n, 2)
	var out []Grid
	for start := g.Start; ; {
		end := start.Add(time.Duration(n-1) * g.Step)
		if !end.Before(g.End) {
			return append(out, Grid{Start: start, End: g.End, Step: g.Step})
		}
		out = append(out, Grid{Start: start, End: end, Step: g.Step})
		start = end.Add(g.Step)
	}
}

// Query returns the parameters of a query_range request for expr over the
// grid: query, start, end and step, instants as exact decimal seconds
// since the Unix epoch and step as decimal seconds.
func (g Grid) Query(expr string) url.Values {
	return url.Values{
		"query": {expr},
		"start": {seconds(g.Start.UnixMilli())},
		"end":   {seconds(g.End.UnixMilli())},
		"step":  {seconds(g.Step.Milliseconds())},
	}
}

// seconds writes ms milliseconds as decimal seconds: 60000 is "60", 1500
// is "1.5".
func seconds(ms int64) string {
	neg := ms < 0
	if neg {
		ms = -ms
	}
	s := strconv.FormatInt(ms/1000, 10)
	if f := ms % 1000; f != 0 {
		frac := strconv.FormatInt(f+1000, 10)[1:]
		for frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}
