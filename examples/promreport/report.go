package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// result is what the program prints: the contract's report and what the
// server's data said beside it.
type result struct {
	source string // the server
	step   time.Duration
	zone   *time.Location
	report contract.Report
	// terms are the availability terms in the contract's order, with the
	// expression each was read from and its steps without data.
	terms []termData
	// missingUp says that steps without data counted as up.
	missingUp bool
	requests  *sla.Ratio
}

type termData struct {
	name, expr string
	noData     time.Duration
}

// evaluate turns the month's data into outages per availability term —
// the down steps, and the steps without data unless they count as up —
// and evaluates the contract over the month with them.
func evaluate(cfg config, data monthData) (result, error) {
	outages := map[string]window.Set{}
	var terms []termData
	for _, t := range cfg.contract.Terms {
		if t.Availability == nil {
			continue
		}
		expr := cfg.termExpr(t.Name)
		cov := data.coverage[expr]
		down := cov.Down
		if !cfg.missingUp {
			down = down.Union(cov.Missing)
		}
		outages[t.Name] = down
		terms = append(terms, termData{name: t.Name, expr: expr, noData: cov.Missing.Clip(cfg.period).Duration()})
	}
	rep, err := cfg.contract.Evaluate(cfg.period, contract.Observations{Outages: outages})
	if err != nil {
		return result{}, err
	}
	return result{
		source: cfg.url, step: cfg.step, zone: cfg.zone,
		report: rep, terms: terms, missingUp: cfg.missingUp, requests: data.requests,
	}, nil
}

// write writes the result in the format asked for.
func write(w io.Writer, format string, r result) error {
	if format == "json" {
		return writeJSON(w, r)
	}
	_, err := io.WriteString(w, text(r))
	return err
}

// text is the report for people: per segment the measured time, the down
// time, the availability truncated to four places (so a miss never reads
// as met), the allowance, what remains of it, the verdict and the credit.
func text(r result) string {
	var b strings.Builder
	rep := r.report
	const layout = "2006-01-02 15:04 MST"
	fmt.Fprintf(&b, "%s, %s, from %s at %v steps\n", rep.Contract, rep.Period.Start.In(r.zone).Format("January 2006"), r.source, r.step)
	fmt.Fprintf(&b, "period   %s to %s (%v)\n", rep.Period.Start.In(r.zone).Format(layout), rep.Period.End.In(r.zone).Format(layout), rep.Period.Duration())
	terms := map[string]termData{}
	for _, t := range r.terms {
		terms[t.name] = t
	}
	for _, t := range rep.Terms {
		if t.Kind != "availability" {
			continue
		}
		td := terms[t.Name]
		noData := "none"
		if td.noData > 0 {
			noData = td.noData.String() + ", counted as down"
			if r.missingUp {
				noData = td.noData.String() + ", counted as up"
			}
		}
		fmt.Fprintf(&b, "\n%s, from %s (no data: %s)\n", t.Name, td.expr, noData)
		for _, s := range t.Segments {
			verdict := "met"
			if !s.Met {
				verdict = "MISSED at " + s.BreachedAt.In(r.zone).Format(layout)
			}
			fmt.Fprintf(&b, "  %-15s target %-6v measured %v, down %v: %s available; allowance %v, remaining %v; %s; credit %v\n",
				s.Name, s.Target, s.Measured, s.Down, s.Ratio.Percent(4), s.Allowance, s.Remaining, verdict, s.Credit)
		}
	}
	if q := r.requests; q != nil {
		fmt.Fprintf(&b, "\nrequests %d, of which %d failed: %s good\n", q.Total(), q.Bad(), q.Percent(4))
	}
	fmt.Fprintf(&b, "\ncredit owed: %v\n", rep.Credit)
	return b.String()
}

// writeJSON writes the contract's report with the data beside it.
func writeJSON(w io.Writer, r result) error {
	type term struct {
		Name   string `json:"name"`
		Expr   string `json:"expr"`
		NoData string `json:"no_data"`
	}
	type requests struct {
		Good  uint64 `json:"good"`
		Total uint64 `json:"total"`
	}
	doc := struct {
		Source   string          `json:"source"`
		Step     string          `json:"step"`
		Missing  string          `json:"missing"` // how steps without data counted
		Terms    []term          `json:"terms"`
		Requests *requests       `json:"requests,omitempty"`
		Report   contract.Report `json:"report"`
	}{Source: r.source, Step: r.step.String(), Missing: "down", Report: r.report}
	if r.missingUp {
		doc.Missing = "up"
	}
	for _, t := range r.terms {
		doc.Terms = append(doc.Terms, term{t.name, t.expr, t.noData.String()})
	}
	if q := r.requests; q != nil {
		doc.Requests = &requests{q.Good(), q.Total()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
