package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/slamath/slamath/sla"
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
	p("- **Period:** %s (%s, %s)\n", r.periodText(), span(res.Period.Duration()), r.Zone)
	p("- **Evaluated at:** %s\n", r.when(res.Now))
	p("- **Availability:** %s\n", r.availabilityText())
	p("- **Verdict:** %s\n", verdict(res.Met, "all levels met", "levels missed"))
	p("- **%s:** %s\n", r.creditLabel(), r.creditText())
	if text := r.leftOutText(); text != "" {
		p("- **Not counted:** %s\n", text)
	}
	if r.nothingInPeriod() {
		p("- **Warning:** %s\n", cell(r.emptyWarning()))
	}
	for _, w := range r.Warnings {
		p("- **Contract:** %s\n", cell(strings.TrimPrefix(w.Error(), "contract: ")))
	}

	for i, term := range res.Terms {
		switch term.Kind {
		case "availability":
			markdownAvailability(p, r, term)
		case "response":
			markdownResponse(p, r, i, term)
		}
	}
	markdownBeside(p, r)
	markdownIncidents(p, r)
	markdownTimeline(p, r)

	p("\n## Breaches\n\n")
	if r.BreachCount == 0 {
		p("None.\n")
	} else {
		p("Obligations: %s. Instants in %s; status at %s.\n\n", cell(r.obligationsText()), r.Zone, r.when(res.Now))
		p("| breach | occurred | detected | report due | resolve due | status |\n")
		p("|---|---|---|---|---|---|\n")
		for _, v := range r.breachViews() {
			p("| %s | %s | %s | %s | %s | %s |\n", cell(v.What), v.Occurred, v.Detected, v.ReportDue, v.ResolveDue, v.Status)
		}
		if n := r.BreachCount - len(r.Breaches); n > 0 {
			p("\n%d more breaches are counted in the summary below.\n", n)
		}
		p("\n| term | breaches | unreported | unresolved | report overdue | resolution overdue |\n")
		p("|---|---:|---:|---:|---:|---:|\n")
		for _, s := range r.Summaries {
			p("| %s | %d | %d | %d | %d | %d |\n", cell(s.Term), s.Breaches, s.Unreported, s.Unresolved, s.ReportOverdue, s.ResolutionOverdue)
		}
	}
	p("\n**%s:** %s\n", r.creditLabel(), r.creditText())
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownAvailability(p func(string, ...any), r *report, term contract.TermResult) {
	p("\n## Availability: %s\n\n", cell(term.Name))
	p("Measured by %v. %s, credit %s.\n\n", term.Method, verdict(term.Met, "Met", "Missed"), term.Credit)
	p("| segment | schedule | target | measured | availability | allowance | down | remaining | verdict | budget ran out | credit tier | credit |\n")
	p("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|\n")
	for _, s := range r.segmentViews(term) {
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cell(s.Name), cell(s.Schedule), s.Target, s.Measured, s.Availability, s.Allowance,
			s.Downtime, s.Remaining, s.Verdict, s.BreachedAt, s.Tier, s.Credit)
	}
	if len(term.Exclusions) > 0 {
		p("\nExcluded from the measured time:\n\n")
		for _, iv := range term.Exclusions {
			p("- %s to %s, %s", r.when(iv.Start), r.when(iv.End), span(iv.Duration()))
			if title := r.maintenanceTitle(iv); title != "" {
				p(": %s", cell(title))
			}
			p("\n")
		}
	}
}

func markdownBeside(p func(string, ...any), r *report) {
	if len(r.Beside) == 0 || len(r.Columns) == 0 {
		return
	}
	all := r.periods()
	p("\n## Beside this period\n\n| segment |")
	for _, pr := range all {
		p(" %s |", pr.Label)
	}
	p("\n|---|%s\n", strings.Repeat("---:|", len(all)))
	for _, col := range r.Columns {
		p("| %s |", cell(col.Name))
		for _, pr := range all {
			s := pr.Result.Terms[col.Term].Segments[col.Segment]
			p(" %s %s |", s.Ratio.Percent(4), verdict(s.Met, "met", "MISSED"))
		}
		p("\n")
	}
	p("| overall |")
	for _, pr := range all {
		p(" %s |", pr.Result.Availability.Percent(4))
	}
	p("\n| credit |")
	for _, pr := range all {
		p(" %s |", creditCell(pr))
	}
	p("\n")
}

func markdownIncidents(p func(string, ...any), r *report) {
	if len(r.Result.Incidents) == 0 {
		return
	}
	p("\n## Incidents\n")
	var outside []string
	header := false
	for _, inc := range r.Result.Incidents {
		if inc.Outside {
			outside = append(outside, cmpOr(inc.ID, r.when(inc.Span.Start)))
			continue
		}
		if !header {
			p("\n| id | title | start | lasted | counted |\n|---|---|---|---:|---|\n")
			header = true
		}
		p("| %s | %s | %s | %s | %s |\n", cell(cmpOr(inc.ID, "-")), cell(cmpOr(inc.Title, "-")), r.when(inc.Span.Start), span(inc.Span.Duration()), cell(incidentCounted(inc)))
	}
	if len(outside) > 0 {
		p("\nOutside the period, not counted: %s.\n", cell(idList(outside, len(outside))))
	}
}

func markdownTimeline(p func(string, ...any), r *report) {
	if len(r.Columns) == 0 {
		return
	}
	p("\n## Day by day\n\nDown time counted per segment, and the availability of the day; days in %s.\n\n| day |", r.Zone)
	for _, c := range r.Columns {
		p(" %s |", cell(c.Name))
	}
	p(" availability | incidents |\n|---|%s---:|---|\n", strings.Repeat("---:|", len(r.Columns)))
	for _, d := range r.Days {
		p("| %s |", d.Start.In(r.Zone).Format("Mon 2 Jan"))
		for _, down := range d.Down {
			p(" %s |", dash(down))
		}
		p(" %s | %s |\n", sla.TimeRatio(d.Measured, d.Lost).Percent(4), cell(cmpOr(strings.Join(d.Incidents, ", "), "-")))
	}
}

func markdownResponse(p func(string, ...any), r *report, i int, term contract.TermResult) {
	tc := &r.Tickets[i]
	p("\n## Tickets: %s\n\n", cell(term.Name))
	p("%d ticket%s", tc.Total, plural(tc.Total))
	if tc.CarriedIn > 0 {
		p(" (%d carried in from an earlier period, marked *)", tc.CarriedIn)
	}
	p(", %d breached", tc.Breached)
	if tc.Breached > 0 {
		p(" (%s)", cell(idList(tc.BreachedIDs, tc.Breached)))
	}
	p(".\n")
	if tc.Total == 0 {
		return
	}
	p("\n| ticket | priority | goal | elapsed | target | used | paused | due | state | verdict |\n")
	p("|---|---|---|---:|---|---:|---:|---|---|---|\n")
	for _, g := range r.goalRows(term) {
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cell(strings.ReplaceAll(g.Ticket, "*", `\*`)), cell(g.Priority), g.Goal, g.Elapsed, g.Target, g.Used, g.Paused, g.Due, g.State, g.Verdict)
	}
	if n := tc.Omitted(); n > 0 {
		p("\n%d more tickets are not listed: those that met their goals, and past %d the rest.\n", n, 2*maxTicketRows)
	}
}

// cell escapes text from the input for a Markdown table cell or line.
func cell(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
	return s
}
