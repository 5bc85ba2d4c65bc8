package main

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
	"github.com/slamath/slamath/window"
)

// report is what the program prints.
type report struct {
	source string
	at     time.Time
	slos   []sloReport
}

type sloReport struct {
	slo    *openslo.SLO
	period window.Interval
	// measured is nil when the counts say nothing of the SLO.
	measured   *sla.Ratio
	unit       string // "events" or "slices"
	objectives []objectiveReport
	// rules is the SLO's alert policy over the period.
	policy sla.AlertPolicy
	// alerts per objective, in the order of policy.Rules; nil without
	// window counts.
	alerts [][]sla.Alert
}

type objectiveReport struct {
	o       openslo.Objective
	allowed time.Duration // downtime the target allows over the period
	met     bool
	budget  sla.EventBudget
}

// build computes the report: every figure exact.
func build(in input) (report, error) {
	rep := report{source: in.name, at: in.at}
	for _, slo := range in.file.SLOs {
		sr, err := buildSLO(slo, in.counts.SLOs[slo.Name], in.at)
		if err != nil {
			return rep, err
		}
		rep.slos = append(rep.slos, sr)
	}
	return rep, nil
}

func buildSLO(slo *openslo.SLO, c sloCounts, at time.Time) (sloReport, error) {
	sr := sloReport{slo: slo}
	var err error
	if sr.period, err = slo.Period(at); err != nil {
		return sr, err
	}
	// The alert policy is the SLO's burn-rate rules over this period;
	// --rules renders Prometheus rules from the same policy (rules.go).
	if sr.policy, err = slo.AlertPolicy(at); err != nil {
		return sr, err
	}
	var observed *pair
	total := uint64(0) // the events or slices the budget is counted over
	switch slo.BudgetingMethod {
	case openslo.Occurrences:
		sr.unit, observed = "events", c.Events
		if observed != nil {
			total = observed.Total
		}
	default:
		sr.unit, observed = "slices", c.Slices
		// Every slice of the period counts, observed or not.
		total = uint64(slo.Objectives[0].Slices(sr.period.Duration()))
	}
	if observed != nil {
		r, err := observed.ratio()
		if err != nil {
			return sr, fmt.Errorf("openslo: counts of %s: %w", slo.Name, err)
		}
		sr.measured = &r
	}
	for _, o := range slo.Objectives {
		or := objectiveReport{o: o, allowed: o.Target.Allowance(sr.period.Duration())}
		if sr.measured != nil {
			or.met = sr.measured.Met(o.Target)
			bad := sr.measured.Bad()
			budget, err := sla.NewRatio(total-min(bad, total), total)
			if err != nil {
				return sr, err
			}
			or.budget = sla.NewEventBudget(o.Target, budget)
		}
		sr.objectives = append(sr.objectives, or)
	}
	if len(c.Windows) > 0 && len(sr.policy.Rules) > 0 {
		windows := c.windows()
		for _, r := range sr.policy.Rules {
			for _, w := range []time.Duration{r.Long, r.Short} {
				if _, ok := windows[w]; !ok {
					return sr, fmt.Errorf("openslo: counts of %s: no window of %v, which a rule needs", slo.Name, w)
				}
			}
		}
		observe := func(w time.Duration) sla.Ratio {
			r, _ := windows[w].ratio() // checked by parseCounts
			return r
		}
		for _, or := range sr.objectives {
			sr.alerts = append(sr.alerts, sr.policy.Evaluate(or.o.Target, observe, nil))
		}
	}
	return sr, nil
}
