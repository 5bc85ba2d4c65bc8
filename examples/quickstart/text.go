package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/slamath/slamath/sla/contract"
)

// writeText writes the report for a terminal: aligned columns, one
// section per term, then the breaches and the credit owed.
func writeText(w io.Writer, r *report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	res := r.Result

	p("%s\n", r.title())
	p("%s\n", strings.Repeat("=", len([]rune(r.title()))))
	if len(r.Contract.Parties) > 0 {
		p("Parties:\t%s\n", strings.Join(r.Contract.Parties, ", "))
	}
	p("Period:\t%s to %s (%s, %s)\n", r.when(res.Period.Start), r.when(res.Period.End), span(res.Period.Duration()), r.Zone)
	p("Evaluated at:\t%s\n", r.when(res.Now))
	p("Verdict:\t%s\n", verdict(res.Met, "all levels met", "levels MISSED"))
	p("Credit owed:\t%s\n", r.creditText())

	for _, term := range res.Terms {
		p("\n")
		switch term.Kind {
		case "availability":
			writeAvailabilityText(tw, r, term)
		case "response":
			writeResponseText(tw, r, term)
		}
	}

	p("\nBreaches: %d\n", len(r.Breaches))
	if len(r.Breaches) > 0 {
		p("Obligations: %s; instants in %s; status at %s.\n", r.obligationsText(), r.Zone, r.when(res.Now))
	}
	for i, b := range r.breachViews() {
		p("\n  %d. %s\n", i+1, b.What)
		p("     id\t%s\n", b.ID)
		p("     occurred\t%s\n", b.Occurred)
		p("     detected\t%s\n", b.Detected)
		p("     report due\t%s\n", b.ReportDue)
		p("     resolve due\t%s\n", b.ResolveDue)
		p("     status\t%s\n", b.Status)
	}
	if len(r.Summaries) > 0 {
		p("\nSummary at %s\n", r.when(res.Now))
		p("  term\tbreaches\tunreported\tunresolved\treport overdue\tresolution overdue\n")
		for _, s := range r.Summaries {
			p("  %s\t%d\t%d\t%d\t%d\t%d\n", s.Term, s.Breaches, s.Unreported, s.Unresolved, s.ReportOverdue, s.ResolutionOverdue)
		}
	}
	p("\nCredit owed: %s\n", r.creditText())
	return tw.Flush()
}

func writeAvailabilityText(tw io.Writer, r *report, term contract.TermResult) {
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("Availability term %q: %s, credit %s\n", term.Name, verdict(term.Met, "met", "MISSED"), term.Credit)
	segs := r.segmentViews(term)
	row := func(label string, get func(segmentView) string) {
		p("  %s", label)
		for _, s := range segs {
			p("\t%s", get(s))
		}
		p("\n")
	}
	row("", func(s segmentView) string { return s.Name })
	row("schedule", func(s segmentView) string { return s.Schedule })
	row("target", func(s segmentView) string { return s.Target })
	row("measured time", func(s segmentView) string { return s.Measured })
	row("availability", func(s segmentView) string { return s.Availability })
	row("allowance", func(s segmentView) string { return s.Allowance })
	row("downtime", func(s segmentView) string { return s.Downtime })
	row("remaining", func(s segmentView) string { return s.Remaining })
	row("verdict", func(s segmentView) string { return s.Verdict })
	row("budget ran out", func(s segmentView) string { return s.BreachedAt })
	row("credit tier", func(s segmentView) string { return s.Tier })
	row("credit", func(s segmentView) string { return s.Credit })
}

func writeResponseText(tw io.Writer, r *report, term contract.TermResult) {
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	breached := breachedTickets(term)
	p("Response term %q: %d tickets, %d breached", term.Name, len(term.Tickets), len(breached))
	if len(breached) > 0 {
		p(" (%s)", strings.Join(breached, ", "))
	}
	p("\n")
	if r.Outside > 0 {
		p("  (%d tickets opened outside the period are left out)\n", r.Outside)
	}
	if len(term.Tickets) == 0 {
		return
	}
	p("  ticket\tprio\tgoal\telapsed\ttarget\tused\tpaused\tdue\tstate\tverdict\n")
	for _, g := range r.goalRows(term) {
		p("  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.Ticket, g.Priority, g.Goal, g.Elapsed, g.Target, g.Used, g.Paused, g.Due, g.State, g.Verdict)
	}
}

func verdict(met bool, yes, no string) string {
	if met {
		return yes
	}
	return no
}
