package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// report is everything the output formats show: the contract's evaluation,
// the breach records it opens, and their summary at the evaluation instant.
type report struct {
	Contract contract.Contract
	// Zone is where instants are shown and the period was measured.
	Zone   *time.Location
	Result contract.Report
	// Breaches are the records opened from Result, with their report and
	// resolution due instants.
	Breaches []breach.Record
	// Summaries count the breaches and open obligations per term at
	// Result.Now. Their Credit is not shown: it adds the credits of a
	// term's segments, while the contract owes the largest one
	// (contract.Report.Credit).
	Summaries []breach.Summary
	// Outside is the number of tickets left out because they were opened
	// outside the period.
	Outside int
}

// newReport evaluates c over period and opens a breach record for every
// missed level.
func newReport(c contract.Contract, loc *time.Location, period window.Interval, obs contract.Observations) (*report, error) {
	res, err := c.Evaluate(period, obs)
	if err != nil {
		return nil, fmt.Errorf("evaluating the contract: %w", err)
	}
	r := &report{Contract: c, Zone: loc, Result: res}
	ob := c.Obligations
	for _, f := range breach.FromReport(res) {
		rec, err := breach.Open(f, ob)
		if err != nil {
			return nil, fmt.Errorf("opening breach %s: %w", f.ID, err)
		}
		r.Breaches = append(r.Breaches, rec)
	}
	r.Summaries = breach.Summarize(r.Breaches, res.Now)
	for _, tk := range obs.Tickets {
		if len(tk.Events) > 0 && !period.Contains(tk.Events[0].At) {
			r.Outside++
		}
	}
	return r, nil
}

// title names the contract and the month, such as "Example API, March 2026".
func (r *report) title() string {
	return fmt.Sprintf("%s, %s", r.Result.Contract, r.Result.Period.Start.In(r.Zone).Format("January 2006"))
}

// when shows an instant in the report's zone, with seconds only when it
// has them: "Wed 2026-03-04 17:56 EST".
func (r *report) when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	t = t.In(r.Zone)
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("Mon 2006-01-02 15:04:05.999999999 MST")
	}
	return t.Format("Mon 2006-01-02 15:04 MST")
}

// span shows a duration in hours, minutes and seconds, leaving out zero
// parts: "220h", "1h25m", "5h13m48s", "-19m", "0s". A duration with a
// fraction of a second is shown as time.Duration shows it.
func span(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	if d%time.Second != 0 || d == -d {
		return d.String()
	}
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	var b strings.Builder
	b.WriteString(sign)
	for _, p := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / p.unit; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, p.name)
			d -= n * p.unit
		}
	}
	return b.String()
}

// segmentView is a segment's result as text.
type segmentView struct {
	Name, Schedule, Target, Measured, Availability string
	Allowance, Downtime, Remaining, Verdict        string
	BreachedAt, Tier, Credit                       string
}

func (r *report) segmentViews(term contract.TermResult) []segmentView {
	var out []segmentView
	def := findTerm(r.Contract, term.Name)
	for i, s := range term.Segments {
		v := segmentView{
			Name: s.Name, Schedule: s.Schedule, Target: s.Target.String(),
			Measured: span(s.Measured), Availability: s.Ratio.Percent(4),
			Allowance: span(s.Allowance), Downtime: span(s.Down), Remaining: span(s.Remaining),
			Verdict: "met", BreachedAt: "-", Tier: "none", Credit: s.Credit.String(),
		}
		if !s.Met {
			v.Verdict = "MISSED"
			v.BreachedAt = r.when(s.BreachedAt)
		}
		if s.CreditTier >= 0 {
			credits := r.Contract.Credits
			if def.Availability != nil && i < len(def.Availability.Segments) && def.Availability.Segments[i].Credits != nil {
				credits = *def.Availability.Segments[i].Credits
			}
			if s.CreditTier < len(credits.Tiers) {
				v.Tier = credits.Tiers[s.CreditTier].String()
			}
		}
		out = append(out, v)
	}
	return out
}

// goalRow is one clock cycle of a ticket as text.
type goalRow struct {
	Ticket, Priority, Goal, Elapsed, Target, Used, Paused, Due, State, Verdict string
}

func (r *report) goalRows(term contract.TermResult) []goalRow {
	var rows []goalRow
	var rt ticket.Policy
	if def := findTerm(r.Contract, term.Name); def.Response != nil {
		rt = def.Response.Policy
	}
	for _, tk := range term.Tickets {
		p, _ := rt.Priority(tk.Priority)
		add := func(goal string, limit ticket.Limit, c ticket.Cycle) {
			row := goalRow{
				Ticket: tk.ID, Priority: tk.Priority, Goal: goal,
				Elapsed: span(c.Elapsed), Target: limit.String(), Used: c.Percent(2),
				Paused: span(c.Paused), Due: r.when(c.Due), State: c.State.String(), Verdict: "met",
			}
			if c.Breached {
				row.Verdict = "BREACHED"
			}
			rows = append(rows, row)
		}
		if tk.Respond != nil {
			add("respond", p.Respond, *tk.Respond)
		}
		if tk.Resolve != nil {
			if len(tk.EarlierResolves) == 0 {
				add("resolve", p.Resolve, *tk.Resolve)
				continue
			}
			for i, c := range tk.EarlierResolves {
				add(fmt.Sprintf("resolve #%d", i+1), p.Resolve, c)
			}
			add(fmt.Sprintf("resolve #%d", len(tk.EarlierResolves)+1), p.Resolve, *tk.Resolve)
		}
	}
	return rows
}

// breachedTickets returns the IDs of the term's breached tickets.
func breachedTickets(term contract.TermResult) []string {
	var ids []string
	for _, tk := range term.Tickets {
		if tk.Breached {
			ids = append(ids, tk.ID)
		}
	}
	return ids
}

// breachView is a breach record as text.
type breachView struct {
	ID, What, Occurred, Detected, ReportDue, ResolveDue, Status string
}

func (r *report) breachViews() []breachView {
	var out []breachView
	for _, rec := range r.Breaches {
		f := rec.Facts()
		v := breachView{
			ID: rec.ID(), Occurred: r.when(f.OccurredAt), Detected: r.when(f.DetectedAt),
			ReportDue: r.when(rec.ReportDue()), ResolveDue: r.when(rec.ResolveDue()),
			Status: rec.Status(r.Result.Now).String(),
		}
		switch f.Kind {
		case breach.Availability:
			v.What = fmt.Sprintf("%s / %s: %s against %s, %s over the allowance, credit %s",
				f.Term, f.Segment, f.Measured.Percent(4), f.Target, span(f.Shortfall), f.Credit)
		default:
			v.What = fmt.Sprintf("%s / %s: %s against %s, %s over",
				f.Term, f.Segment, span(f.Elapsed), span(f.TargetDuration), span(f.Shortfall))
		}
		out = append(out, v)
	}
	return out
}

// obligationsText describes the contract's obligations, such as "report
// within 4h and resolve within 40h of business time (calendar "business")".
func (r *report) obligationsText() string {
	ob := r.Contract.Obligations
	if ob == (contract.Obligations{}) {
		return "the contract sets no obligations, so every deadline is the instant of detection"
	}
	basis := "wall time"
	if ob.Calendar != nil {
		basis = fmt.Sprintf("business time (calendar %q)", ob.CalendarName)
	}
	return fmt.Sprintf("report within %s and resolve within %s of %s", span(ob.ReportWithin), span(ob.ResolveWithin), basis)
}

// creditText is the credit owed for the period.
func (r *report) creditText() string {
	return fmt.Sprintf("%s of the period's bill (the largest credit of any segment)", r.Result.Credit)
}

// The JSON form of the report.
type (
	reportJSON struct {
		Contract string          `json:"contract"`
		Zone     string          `json:"zone"`
		Period   periodJSON      `json:"period"`
		Met      bool            `json:"met"`
		Credit   sla.Share       `json:"credit"`
		Result   contract.Report `json:"result"`
		Breaches []breachJSON    `json:"breaches"`
		Summary  []summaryJSON   `json:"summary"`
		Tickets  ticketsSummary  `json:"tickets"`
	}
	periodJSON struct {
		Start time.Time `json:"start"`
		End   time.Time `json:"end"`
	}
	ticketsSummary struct {
		Evaluated     int `json:"evaluated"`
		Breached      int `json:"breached"`
		OutsidePeriod int `json:"outside_period"`
	}
	breachJSON struct {
		ID         string    `json:"id"`
		Kind       string    `json:"kind"`
		Term       string    `json:"term"`
		Segment    string    `json:"segment,omitempty"`
		OccurredAt time.Time `json:"occurred_at"`
		DetectedAt time.Time `json:"detected_at"`
		ReportDue  time.Time `json:"report_due"`
		ResolveDue time.Time `json:"resolve_due"`
		Status     string    `json:"status"`
		Shortfall  string    `json:"shortfall"`
		Credit     string    `json:"credit"`
	}
	summaryJSON struct {
		Term              string `json:"term"`
		Breaches          int    `json:"breaches"`
		Unreported        int    `json:"unreported"`
		Unresolved        int    `json:"unresolved"`
		ReportOverdue     int    `json:"report_overdue"`
		ResolutionOverdue int    `json:"resolution_overdue"`
	}
)

// writeJSON writes the report as one indented JSON document; instants are
// in the report's zone.
func writeJSON(w io.Writer, r *report) error {
	in := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.In(r.Zone)
	}
	doc := reportJSON{
		Contract: r.Result.Contract,
		Zone:     r.Zone.String(),
		Period:   periodJSON{in(r.Result.Period.Start), in(r.Result.Period.End)},
		Met:      r.Result.Met,
		Credit:   r.Result.Credit,
		Result:   r.Result,
		Breaches: []breachJSON{},
		Summary:  []summaryJSON{},
	}
	doc.Tickets.OutsidePeriod = r.Outside
	for _, t := range r.Result.Terms {
		doc.Tickets.Evaluated += len(t.Tickets)
		doc.Tickets.Breached += len(breachedTickets(t))
	}
	for _, rec := range r.Breaches {
		f := rec.Facts()
		doc.Breaches = append(doc.Breaches, breachJSON{
			ID: rec.ID(), Kind: f.Kind.String(), Term: f.Term, Segment: f.Segment,
			OccurredAt: in(f.OccurredAt), DetectedAt: in(f.DetectedAt),
			ReportDue: in(rec.ReportDue()), ResolveDue: in(rec.ResolveDue()),
			Status: rec.Status(r.Result.Now).String(), Shortfall: f.Shortfall.String(),
			Credit: f.Credit.String(),
		})
	}
	for _, s := range r.Summaries {
		doc.Summary = append(doc.Summary, summaryJSON{
			Term: s.Term, Breaches: s.Breaches, Unreported: s.Unreported, Unresolved: s.Unresolved,
			ReportOverdue: s.ReportOverdue, ResolutionOverdue: s.ResolutionOverdue,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
