package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slamath/slamath/sla/openslo"
)

// writeText writes the report for people.
func writeText(w io.Writer, rep report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "SLOs from %s, at %s\n", rep.source, rep.at.Format(time.RFC3339))
	for _, sr := range rep.slos {
		writeSLO(&b, sr)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSLO(b *strings.Builder, sr sloReport) {
	s := sr.slo
	title := s.Name
	if s.DisplayName != "" {
		title += " (" + s.DisplayName + ")"
	}
	fmt.Fprintf(b, "\nSLO %s, service %s, %s\n", title, s.Service, s.BudgetingMethod)
	fmt.Fprintf(b, "  period   %s\n", describePeriod(s, sr))
	if sr.measured == nil {
		fmt.Fprintf(b, "  measured nothing: the counts have no %s for this SLO\n", sr.unit)
	} else {
		m := *sr.measured
		fmt.Fprintf(b, "  measured %d %s so far, %d bad: %s good\n", m.Total(), sr.unit, m.Bad(), m.Percent(4))
	}
	for i, or := range sr.objectives {
		writeObjective(b, sr, or, i)
	}
	if len(sr.policy.Rules) == 0 {
		return
	}
	fmt.Fprintf(b, "  alerts   %d rules; a rule fires when its long and short windows both burn faster than its threshold\n", len(sr.policy.Rules))
	if sr.alerts == nil {
		for _, r := range sr.policy.Rules {
			fmt.Fprintf(b, "    %-6s burn > %-5v over %v and %v (%v of the budget)\n", r.Severity, r.Burn(), short(r.Long), short(r.Short), r.BudgetShare(sr.period.Duration()))
		}
		return
	}
	for i, or := range sr.objectives {
		fmt.Fprintf(b, "    against %v (%s):\n", or.o.Target, name(or.o, i))
		for _, a := range sr.alerts[i] {
			state := "quiet"
			if a.Firing {
				state = "FIRING"
			}
			fmt.Fprintf(b, "      %-6s burn > %-5v over %4s: %-6v over %4s: %-6v %s\n",
				a.Rule.Severity, a.Rule.Burn(), short(a.Rule.Long), a.LongBurn(), short(a.Rule.Short), a.ShortBurn(), state)
		}
	}
}

func writeObjective(b *strings.Builder, sr sloReport, or objectiveReport, i int) {
	o := or.o
	fmt.Fprintf(b, "  objective %q: target %v\n", name(o, i), o.Target)
	if o.Op != "" && o.Value != nil {
		fmt.Fprintf(b, "    a reading x is good when x %s %v\n", o.Op, o.Value)
	}
	if o.TimeSliceWindow.Count > 0 {
		fmt.Fprintf(b, "    slices of %v", o.TimeSliceWindow)
		if sr.slo.BudgetingMethod == openslo.Timeslices {
			fmt.Fprintf(b, "; a slice is good with at least %v of its readings good", o.TimeSliceTarget)
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintf(b, "    allows %v of downtime in the period\n", or.allowed)
	if sr.measured == nil {
		return
	}
	verdict := "met"
	if !or.met {
		verdict = "MISSED"
	}
	bud := or.budget
	fmt.Fprintf(b, "    %s; budget %d bad %s, spent %d (%s), remaining %d\n",
		verdict, bud.Allowed(), sr.unit, bud.Consumed(), bud.FractionConsumed().Percent(2), bud.Remaining())
}

// describePeriod says which period the report covers, in the window's
// own terms.
func describePeriod(s *openslo.SLO, sr sloReport) string {
	w := s.TimeWindow
	if w.Rolling {
		return fmt.Sprintf("the rolling %v to %s (%v)", w.Duration, sr.period.End.Format(time.RFC3339), sr.period.Duration())
	}
	loc := w.Calendar.Start.Location()
	const layout = "2006-01-02 15:04 MST"
	return fmt.Sprintf("%s to %s, %v (calendar %v in %s)",
		sr.period.Start.In(loc).Format(layout), sr.period.End.In(loc).Format(layout), sr.period.Duration(), w.Duration, loc)
}

func name(o openslo.Objective, i int) string {
	if o.DisplayName != "" {
		return o.DisplayName
	}
	return fmt.Sprintf("objective %d", i)
}

// short writes a window as a shorthand where one exists: 1h, not 1h0m0s.
func short(d time.Duration) string {
	if s, ok := openslo.ShorthandOf(d); ok {
		return s.String()
	}
	return d.String()
}
