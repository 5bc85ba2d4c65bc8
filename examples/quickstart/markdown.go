package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/slamath/slamath/sla/contract"
)

// writeMarkdown writes the report as a Markdown document: a heading per
// section and a table per term, for pasting into a ticket or a wiki.
func writeMarkdown(w io.Writer, r *report) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	res := r.Result

	p("# %s\n\n", cell(r.title()))
	if len(r.Contract.Parties) > 0 {
		p("- **Parties:** %s\n", cell(strings.Join(r.Contract.Parties, ", ")))
	}
	p("- **Period:** %s to %s (%s, %s)\n", r.when(res.Period.Start), r.when(res.Period.End), span(res.Period.Duration()), r.Zone)
	p("- **Evaluated at:** %s\n", r.when(res.Now))
	p("- **Verdict:** %s\n", verdict(res.Met, "all levels met", "levels missed"))
	p("- **Credit owed:** %s\n", r.creditText())

	for _, term := range res.Terms {
		switch term.Kind {
		case "availability":
			markdownAvailability(p, r, term)
		case "response":
			markdownResponse(p, r, term)
		}
	}

	p("\n## Breaches\n\n")
	if len(r.Breaches) == 0 {
		p("None.\n")
	} else {
		p("Obligations: %s. Instants in %s; status at %s.\n\n", cell(r.obligationsText()), r.Zone, r.when(res.Now))
		p("| breach | occurred | detected | report due | resolve due | status |\n")
		p("|---|---|---|---|---|---|\n")
		for _, v := range r.breachViews() {
			p("| %s | %s | %s | %s | %s | %s |\n", cell(v.What), v.Occurred, v.Detected, v.ReportDue, v.ResolveDue, v.Status)
		}
		p("\n| term | breaches | unreported | unresolved | report overdue | resolution overdue |\n")
		p("|---|---:|---:|---:|---:|---:|\n")
		for _, s := range r.Summaries {
			p("| %s | %d | %d | %d | %d | %d |\n", cell(s.Term), s.Breaches, s.Unreported, s.Unresolved, s.ReportOverdue, s.ResolutionOverdue)
		}
	}
	p("\n**Credit owed:** %s\n", r.creditText())
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownAvailability(p func(string, ...any), r *report, term contract.TermResult) {
	p("\n## Availability: %s\n\n", cell(term.Name))
	p("%s, credit %s.\n\n", verdict(term.Met, "Met", "Missed"), term.Credit)
	p("| segment | schedule | target | measured | availability | allowance | downtime | remaining | verdict | budget ran out | credit tier | credit |\n")
	p("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|\n")
	for _, s := range r.segmentViews(term) {
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cell(s.Name), cell(s.Schedule), s.Target, s.Measured, s.Availability, s.Allowance,
			s.Downtime, s.Remaining, s.Verdict, s.BreachedAt, s.Tier, s.Credit)
	}
}

func markdownResponse(p func(string, ...any), r *report, term contract.TermResult) {
	breached := breachedTickets(term)
	p("\n## Tickets: %s\n\n", cell(term.Name))
	p("%d tickets, %d breached", len(term.Tickets), len(breached))
	if len(breached) > 0 {
		p(" (%s)", cell(strings.Join(breached, ", ")))
	}
	p(".")
	if r.Outside > 0 {
		p(" %d tickets opened outside the period are left out.", r.Outside)
	}
	p("\n")
	if len(term.Tickets) == 0 {
		return
	}
	p("\n| ticket | priority | goal | elapsed | target | used | paused | due | state | verdict |\n")
	p("|---|---|---|---:|---|---:|---:|---|---|---|\n")
	for _, g := range r.goalRows(term) {
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cell(g.Ticket), cell(g.Priority), g.Goal, g.Elapsed, g.Target, g.Used, g.Paused, g.Due, g.State, g.Verdict)
	}
}

// cell escapes text from the input for a Markdown table cell or line.
func cell(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
	return s
}
