package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/slamath/slamath/sla/openslo"
	"github.com/slamath/slamath/sla/prom"
)

// ruleSet is what --rules writes: an objective of sla/prom for each
// objective of an SLO that has a rule form, and why the others have none.
type ruleSet struct {
	objectives []prom.Objective
	notes      []string // per SLO, for the file's header
}

// buildRules turns the SLOs of a file into Prometheus objectives, over
// the period of each SLO's time window that holds at.
//
// An SLO has a rule form when it counts Occurrences with a ratio metric
// of two Prometheus counters (counter: true), bad and total, each queried
// by a plain selector: the rules take sum(rate()) of them over every
// window. Its alert rules are its burn-rate conditions, thresholds
// exactly as written; without any, sla/prom writes the SRE Workbook's
// default policy. Prometheus keeps no calendar, so a calendar-aligned
// window becomes a rolling window as long as the period that holds at
// (743 hours for March 2026 in New York); burn-rate thresholds do not
// depend on it.
func buildRules(f *openslo.File, at time.Time) (ruleSet, error) {
	var rs ruleSet
	for _, slo := range f.SLOs {
		sel, why := ruleSLI(slo)
		if why != "" {
			rs.notes = append(rs.notes, fmt.Sprintf("%s: no rules: %s", slo.Name, why))
			continue
		}
		policy, err := slo.AlertPolicy(at)
		if err != nil {
			return rs, err
		}
		labels := ruleLabels(slo)
		service := slo.Service
		if service == "" {
			service = slo.Name
		}
		var names []string
		for i, o := range slo.Objectives {
			name := slo.Name
			if len(slo.Objectives) > 1 {
				name += "-" + objectiveSuffix(o, i)
			}
			names = append(names, fmt.Sprintf("%s (%v)", name, o.Target))
			rs.objectives = append(rs.objectives, prom.Objective{
				Service: service,
				Name:    name,
				Target:  o.Target,
				Period:  policy.Period,
				SLI:     prom.SLI{Errors: sel[0], Total: sel[1]},
				Policy:  policy,
				Labels:  labels,
			})
		}
		note := fmt.Sprintf("%s: %s over %v", slo.Name, strings.Join(names, ", "), policy.Period)
		if !slo.TimeWindow.Rolling {
			note += fmt.Sprintf(", the calendar period that holds %s as a rolling window", at.Format(time.RFC3339))
		}
		if len(policy.Rules) == 0 {
			note += "; no alert policy, so the SRE Workbook's default"
		}
		rs.notes = append(rs.notes, note)
	}
	return rs, nil
}

// ruleSLI returns the error and total selectors of an SLO that has a rule
// form, or why it has none.
func ruleSLI(slo *openslo.SLO) (sel [2]prom.Selector, why string) {
	sli := slo.Indicator.Object
	switch {
	case slo.BudgetingMethod != openslo.Occurrences:
		return sel, fmt.Sprintf("it counts %s, and the rules count events (Occurrences)", slo.BudgetingMethod)
	case sli == nil:
		return sel, "a composite SLO has an indicator per objective"
	case sli.RatioMetric == nil:
		return sel, "its SLI is not a ratio metric"
	case !sli.RatioMetric.Counter:
		return sel, "its ratio metric is not of counters (counter: true), whose rates the rules take"
	case sli.RatioMetric.Bad == nil || sli.RatioMetric.Total == nil:
		return sel, "its ratio metric is not bad/total; the rules need the counter of bad events"
	}
	for i, ms := range []*openslo.MetricSource{sli.RatioMetric.Bad, sli.RatioMetric.Total} {
		typ := ms.Type
		if typ == "" && ms.DataSource != nil {
			typ = ms.DataSource.Type
		}
		if typ != "Prometheus" {
			return sel, fmt.Sprintf("its metric source is of type %q, not Prometheus", typ)
		}
		q, ok := ms.Spec.Get("query")
		if !ok || q.Kind != openslo.Scalar {
			return sel, "a metric source has no query"
		}
		s, err := parseSelector(q.Text)
		if err != nil {
			return sel, "query " + err.Error()
		}
		sel[i] = s
	}
	return sel, ""
}

// ruleLabels returns an SLO's labels as Prometheus labels, the members of
// a list joined by commas.
func ruleLabels(slo *openslo.SLO) map[string]string {
	if len(slo.Labels) == 0 {
		return nil
	}
	out := make(map[string]string, len(slo.Labels))
	for k, v := range slo.Labels {
		out[k] = strings.Join(v, ",")
	}
	return out
}

// objectiveSuffix names the objective of an SLO that has several: its
// display name in lower case with dashes for anything but letters and
// digits, or its index.
func objectiveSuffix(o openslo.Objective, i int) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return '-'
	}, o.DisplayName)
	s = strings.Trim(s, "-")
	if s == "" {
		return strconv.Itoa(i)
	}
	return s
}

// renderRules returns the rule file: a header that says where the rules
// come from and which SLOs have none, then the rules of sla/prom.
func renderRules(rs ruleSet, source string, at time.Time) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Prometheus rules for the SLOs of %s, at %s.\n", oneLine(source), at.Format(time.RFC3339))
	for _, n := range rs.notes {
		fmt.Fprintf(&b, "# %s\n", oneLine(n))
	}
	if len(rs.objectives) == 0 {
		b.WriteString("groups: []\n")
		return b.Bytes(), nil
	}
	if err := prom.WriteRules(&b, rs.objectives...); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// oneLine keeps a comment on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
