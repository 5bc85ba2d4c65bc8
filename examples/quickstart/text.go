package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
)

// writeText writes the report for a terminal: aligned columns, the
// figures a customer looks for first, one section per term, the
// incidents and the timeline, then the breaches and the credit owed.
func writeText(w io.Writer, r *report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	res := r.Result

	p("%s\n", r.title())
	p("%s\n", strings.Repeat("=", len([]rune(r.title()))))
	if len(r.Contract.Parties) > 0 {
		p("Parties:\t%s\n", strings.Join(r.Contract.Parties, ", "))
	}
	p("Period:\t%s (%s, %s)\n", r.periodText(), span(res.Period.Duration()), r.Zone)
	p("Evaluated at:\t%s\n", r.when(res.Now))
	p("Availability:\t%s\n", r.availabilityText())
	p("Verdict:\t%s\n", verdict(res.Met, "all levels met", "levels MISSED"))
	p("%s:\t%s\n", r.creditLabel(), r.creditText())
	if text := r.leftOutText(); text != "" {
		p("Not counted:\t%s\n", text)
	}
	if r.nothingInPeriod() {
		p("WARNING:\t%s\n", r.emptyWarning())
	}
	for _, w := range r.Warnings {
		p("Contract:\t%s\n", strings.TrimPrefix(w.Error(), "contract: "))
	}

	for i, term := range res.Terms {
		p("\n")
		switch term.Kind {
		case "availability":
			writeAvailabilityText(tw, r, term)
		case "response":
			writeResponseText(tw, r, i, term)
		}
	}
	writeBesideText(tw, r)
	writeIncidentsText(tw, r)
	writeTimelineText(tw, r)

	p("\nBreaches: %d\n", r.BreachCount)
	if r.BreachCount > 0 {
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
	if n := r.BreachCount - len(r.Breaches); n > 0 {
		p("\n  (%d more breaches, counted in the summary below)\n", n)
	}
	if len(r.Summaries) > 0 {
		p("\nSummary at %s\n", r.when(res.Now))
		p("  term\tbreaches\tunreported\tunresolved\treport overdue\tresolution overdue\n")
		for _, s := range r.Summaries {
			p("  %s\t%d\t%d\t%d\t%d\t%d\n", s.Term, s.Breaches, s.Unreported, s.Unresolved, s.ReportOverdue, s.ResolutionOverdue)
		}
	}
	p("\n%s: %s\n", r.creditLabel(), r.creditText())
	return tw.Flush()
}

func writeAvailabilityText(tw io.Writer, r *report, term contract.TermResult) {
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("Availability term %q, measured by %v: %s, credit %s\n", term.Name, term.Method, verdict(term.Met, "met", "MISSED"), term.Credit)
	segs := r.segmentViews(term)
	row := func(label string, get func(segmentView) string) {
		p("  %s", label)
		for _, s := range segs {
			p("\t%s", get(s))
		}
		p("\n")
	}
	down, allowance := "downtime", "allowance"
	if term.Method != contract.Outages {
		down, allowance = "bad", "allowed bad"
	}
	row("", func(s segmentView) string { return s.Name })
	row("schedule", func(s segmentView) string { return s.Schedule })
	row("target", func(s segmentView) string { return s.Target })
	row("measured time", func(s segmentView) string { return s.Measured })
	row("availability", func(s segmentView) string { return s.Availability })
	row(allowance, func(s segmentView) string { return s.Allowance })
	row(down, func(s segmentView) string { return s.Downtime })
	row("remaining", func(s segmentView) string { return s.Remaining })
	row("verdict", func(s segmentView) string { return s.Verdict })
	row("budget ran out", func(s segmentView) string { return s.BreachedAt })
	row("credit tier", func(s segmentView) string { return s.Tier })
	row("credit", func(s segmentView) string { return s.Credit })
	for _, iv := range term.Exclusions {
		p("  excluded\t%s to %s, %s", r.when(iv.Start), r.when(iv.End), span(iv.Duration()))
		if title := r.maintenanceTitle(iv); title != "" {
			p(" (%s)", title)
		}
		p("\n")
	}
}

// writeBesideText writes the periods beside this one.
func writeBesideText(tw io.Writer, r *report) {
	if len(r.Beside) == 0 || len(r.Columns) == 0 {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	all := r.periods()
	p("\nBeside this period\n  ")
	for _, pr := range all {
		p("\t%s", pr.Label)
	}
	p("\n")
	for _, col := range r.Columns {
		p("  %s", col.Name)
		for _, pr := range all {
			s := pr.Result.Terms[col.Term].Segments[col.Segment]
			p("\t%s %s", s.Ratio.Percent(4), verdict(s.Met, "met", "MISSED"))
		}
		p("\n")
	}
	p("  overall")
	for _, pr := range all {
		p("\t%s", pr.Result.Availability.Percent(4))
	}
	p("\n  credit")
	for _, pr := range all {
		p("\t%s", creditCell(pr))
	}
	p("\n")
}

// writeIncidentsText writes the incidents of the period, with what each
// counted, and names those outside it.
func writeIncidentsText(tw io.Writer, r *report) {
	if len(r.Result.Incidents) == 0 {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("\nIncidents\n")
	var outside []string
	header := false
	for _, inc := range r.Result.Incidents {
		if inc.Outside {
			outside = append(outside, cmpOr(inc.ID, r.when(inc.Span.Start)))
			continue
		}
		if !header {
			p("  id\ttitle\tstart\tlasted\tcounted\n")
			header = true
		}
		p("  %s\t%s\t%s\t%s\t%s\n", cmpOr(inc.ID, "-"), cmpOr(inc.Title, "-"), r.when(inc.Span.Start), span(inc.Span.Duration()), incidentCounted(inc))
	}
	if len(outside) > 0 {
		p("  Outside the period, not counted: %s\n", idList(outside, len(outside)))
	}
}

// incidentCounted says what an incident counted: "1h (other times 1h)".
func incidentCounted(inc contract.IncidentResult) string {
	if len(inc.Segments) == 0 {
		return "0s"
	}
	parts := make([]string, len(inc.Segments))
	for i, s := range inc.Segments {
		parts[i] = s.Segment + " " + span(s.Down)
	}
	return fmt.Sprintf("%s (%s)", span(inc.Counted), strings.Join(parts, ", "))
}

// writeTimelineText writes the period a day a row.
func writeTimelineText(tw io.Writer, r *report) {
	if len(r.Columns) == 0 {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("\nDay by day (%s; down time counted per segment, and the availability of the day)\n  day", r.Zone)
	for _, c := range r.Columns {
		p("\t%s", c.Name)
	}
	p("\tavailability\tincidents\n")
	for _, d := range r.Days {
		p("  %s", d.Start.In(r.Zone).Format("Mon 2 Jan"))
		for _, down := range d.Down {
			p("\t%s", dash(down))
		}
		p("\t%s\t%s\n", sla.TimeRatio(d.Measured, d.Lost).Percent(4), cmpOr(strings.Join(d.Incidents, ", "), "-"))
	}
}

// creditCell is the credit of a period beside this one: a share, or "-"
// for the year to date, which is not billed as one.
func creditCell(pr periodResult) string {
	if !pr.Billed {
		return "-"
	}
	return pr.Result.Credit.String()
}

// dash shows a down time, or "-" for none.
func dash(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return span(d)
}

func writeResponseText(tw io.Writer, r *report, i int, term contract.TermResult) {
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	tc := &r.Tickets[i]
	p("Response term %q: %d ticket%s", term.Name, tc.Total, plural(tc.Total))
	if tc.CarriedIn > 0 {
		p(" (%d carried in)", tc.CarriedIn)
	}
	p(", %d breached", tc.Breached)
	if tc.Breached > 0 {
		p(" (%s)", idList(tc.BreachedIDs, tc.Breached))
	}
	p("\n")
	if tc.Total == 0 {
		return
	}
	p("  ticket\tprio\tgoal\telapsed\ttarget\tused\tpaused\tdue\tstate\tverdict\n")
	for _, g := range r.goalRows(term) {
		p("  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.Ticket, g.Priority, g.Goal, g.Elapsed, g.Target, g.Used, g.Paused, g.Due, g.State, g.Verdict)
	}
	if n := tc.Omitted(); n > 0 {
		p("  (%d more tickets are not listed: those that met their goals, and past %d the rest)\n", n, 2*maxTicketRows)
	}
	if tc.CarriedIn > 0 {
		p("  * opened before the period and still open at its start\n")
	}
}

func verdict(met bool, yes, no string) string {
	if met {
		return yes
	}
	return no
}
