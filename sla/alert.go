package sla

import (
	"time"
)

// Severity is how an alert reaches people.
type Severity int8

// The severities of the SRE Workbook's alerting chapter: a page wakes
// someone, a ticket waits for working hours.
const (
	SeverityPage Severity = iota + 1
	SeverityTicket
)

// AlertRule is one multiwindow burn-rate alert: it fires when both the
// long and the short window burn strictly faster than Burn. A plain
// value, safe for concurrent use.
type AlertRule struct {
	Severity Severity
	// BudgetShare is the share of the period's budget that burning at
	// Burn for the long window spends (2% for the fast page).
	BudgetShare Target
	Long, Short time.Duration
	// Burn is the threshold: BudgetShare × period / Long.
	Burn Rational
}

// NewAlertRule returns the rule that fires when share of the budget of
// period is being spent within long: burn = share × period / long, with
// a short window of long / 12. A non-positive long window gives a burn of
// +Inf, a rule that never fires.
func NewAlertRule(sev Severity, share Target, long, period time.Duration) AlertRule {
	return AlertRule{
		Severity:    sev,
		BudgetShare: share,
		Long:        long,
		Short:       long / 12,
		Burn:        BudgetConsumed(share.Rational(), period, long),
	}
}

// Fires reports whether burns in the long and short windows both exceed
// the rule's threshold strictly: a burn exactly at the threshold does not
// fire.
func (r AlertRule) Fires(longBurn, shortBurn Rational) bool {
	return longBurn.Cmp(r.Burn) > 0 && shortBurn.Cmp(r.Burn) > 0
}

// AlertPolicy is a multiwindow, multi-burn-rate alert policy for an SLO
// period. A plain value, safe for concurrent use as long as Rules is not
// modified.
type AlertPolicy struct {
	Period time.Duration
	Rules  []AlertRule
}

// DefaultAlertPolicy returns the policy of the SRE Workbook (table 5-8
// with the chapter's 24h/2h ticket pair), derived from the period:
//
//	page    2% of the budget in 1h, short window 5m
//	page    5% in 6h, short window 30m
//	ticket 10% in 24h, short window 2h
//	ticket 10% in 3d, short window 6h
//
// For a 30-day period the burn thresholds are 14.4, 6, 3 and 1.
func DefaultAlertPolicy(period time.Duration) AlertPolicy {
	pct := func(p uint64) Target { return Target{ppe: p * pow10[percentDigits]} }
	return AlertPolicy{
		Period: period,
		Rules: []AlertRule{
			NewAlertRule(SeverityPage, pct(2), time.Hour, period),
			NewAlertRule(SeverityPage, pct(5), 6*time.Hour, period),
			NewAlertRule(SeverityTicket, pct(10), 24*time.Hour, period),
			NewAlertRule(SeverityTicket, pct(10), 72*time.Hour, period),
		},
	}
}

// Alert is the evaluation of one rule. A plain value, safe for concurrent
// use.
type Alert struct {
	Rule                AlertRule
	LongBurn, ShortBurn Rational
	// Consumed is the share of the period's budget spent in the long
	// window: LongBurn × Long / Period.
	Consumed Rational
	Firing   bool
}

// Evaluate evaluates every rule of the policy against t, with observed
// giving the measured ratio (good/total) over the window of a given
// length that ends now. It returns one Alert per rule, in order.
func (p AlertPolicy) Evaluate(t Target, observed func(window time.Duration) Ratio) []Alert {
	out := make([]Alert, len(p.Rules))
	for i, r := range p.Rules {
		long := BurnRate(observed(r.Long), t)
		short := BurnRate(observed(r.Short), t)
		out[i] = Alert{
			Rule:     r,
			LongBurn: long, ShortBurn: short,
			Consumed: BudgetConsumed(long, r.Long, p.Period),
			Firing:   r.Fires(long, short),
		}
	}
	return out
}

// Firing returns the alerts of Evaluate that fire, and whether any
// of them is a page.
func (p AlertPolicy) Firing(t Target, observed func(window time.Duration) Ratio) (alerts []Alert, page bool) {
	for _, a := range p.Evaluate(t, observed) {
		if a.Firing {
			alerts = append(alerts, a)
			page = page || a.Rule.Severity == SeverityPage
		}
	}
	return alerts, page
}
