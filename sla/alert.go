package sla

import (
	"errors"
	"fmt"
	"time"

	"github.com/slamath/slamath/internal/wide"
)

// Severity is how an alert reaches people. Its text form is "page" or
// "ticket"; the zero value is no severity.
type Severity int8

// The severities of the SRE Workbook's alerting chapter: a page wakes
// someone, a ticket waits for working hours.
const (
	SeverityPage Severity = iota + 1
	SeverityTicket
)

// ErrAlertRule is wrapped by the errors of NewAlertRule and
// AlertPolicy.Validate.
var ErrAlertRule = errors.New("invalid alert rule")

// AlertRule is one multiwindow burn-rate alert: it fires when both the
// long and the short window burn strictly faster than its threshold,
// BudgetShare × period / Long, where the period is the policy's. A plain
// value, safe for concurrent use.
type AlertRule struct {
	Severity Severity
	// BudgetShare is the share of the period's error budget that burning
	// at the threshold for the long window spends (2% for the fast page).
	BudgetShare Share
	// Long and Short are the two windows; Short is Long / 12 in the SRE
	// Workbook's rules.
	Long, Short time.Duration
}

// NewAlertRule returns the rule that fires when more than share of the
// period's budget is being spent within long, with a short window of
// long / 12. It fails, wrapping ErrAlertRule, for a share of 0% (a
// threshold of 0, which any error would exceed) and for a long window
// under 12 ns (whose short window would be empty).
func NewAlertRule(sev Severity, share Share, long time.Duration) (AlertRule, error) {
	r := AlertRule{Severity: sev, BudgetShare: share, Long: long, Short: long / 12}
	if err := r.validate(); err != nil {
		return AlertRule{}, err
	}
	return r, nil
}

func (r AlertRule) validate() error {
	switch {
	case r.BudgetShare.IsZero():
		return fmt.Errorf("sla: %w: budget share 0%% would fire on any error", ErrAlertRule)
	case r.Short <= 0 || r.Long < r.Short:
		return fmt.Errorf("sla: %w: windows %v/%v: want 0 < short ≤ long", ErrAlertRule, r.Long, r.Short)
	case r.Severity != SeverityPage && r.Severity != SeverityTicket:
		return fmt.Errorf("sla: %w: severity %v", ErrAlertRule, r.Severity)
	}
	return nil
}

// Burn returns the rule's threshold for an SLO period, exactly:
// BudgetShare × period / Long (14.4 for 2% of 30 days in 1 hour). A
// non-positive Long gives +Inf, which nothing exceeds.
func (r AlertRule) Burn(period time.Duration) Rational {
	return BudgetConsumed(r.BudgetShare.Rational(), period, r.Long)
}

// AlertPolicy is a multiwindow, multi-burn-rate alert policy for an SLO
// period. A plain value, safe for concurrent use as long as Rules is not
// modified.
type AlertPolicy struct {
	Period time.Duration
	Rules  []AlertRule
}

// DefaultAlertPolicy returns the policy of the SRE Workbook (table 5-8
// with the chapter's 24h/2h ticket pair) for an SLO period:
//
//	page    2% of the budget in 1h, short window 5m
//	page    5% in 6h, short window 30m
//	ticket 10% in 24h, short window 2h
//	ticket 10% in 3d, short window 6h
//
// For a 30-day period the burn thresholds are 14.4, 6, 3 and 1. A period
// that is not positive gives a policy that fails Validate.
func DefaultAlertPolicy(period time.Duration) AlertPolicy {
	pct := func(p uint64) Share { return Share{ppe: p * pow10[percentDigits]} }
	rule := func(sev Severity, share uint64, long time.Duration) AlertRule {
		return AlertRule{Severity: sev, BudgetShare: pct(share), Long: long, Short: long / 12}
	}
	return AlertPolicy{
		Period: period,
		Rules: []AlertRule{
			rule(SeverityPage, 2, time.Hour),
			rule(SeverityPage, 5, 6*time.Hour),
			rule(SeverityTicket, 10, 24*time.Hour),
			rule(SeverityTicket, 10, 72*time.Hour),
		},
	}
}

// Validate reports, wrapping ErrAlertRule, a period that is not positive
// and the first rule NewAlertRule would refuse, by its index.
func (p AlertPolicy) Validate() error {
	if p.Period <= 0 {
		return fmt.Errorf("sla: %w: period %v is not positive", ErrAlertRule, p.Period)
	}
	for i, r := range p.Rules {
		if err := r.validate(); err != nil {
			return fmt.Errorf("sla: rules[%d]: %w", i, err)
		}
	}
	return nil
}

// oneSquared is 10^36, the denominator of a target times a share.
var oneSquared = wide.Mul2(one, one)

// Alert is the evaluation of one rule: what was observed in its two
// windows and whether it fires. The burns are methods, exact Rationals
// computed on demand, so that evaluating does not allocate. A plain
// value, safe for concurrent use.
type Alert struct {
	Rule AlertRule
	// Period and Target are the policy's period and the target evaluated.
	Period time.Duration
	Target Target
	// Long and Short are the ratios observed over the rule's windows.
	Long, Short Ratio
	Firing      bool
}

// Threshold returns the rule's burn threshold for the period.
func (a Alert) Threshold() Rational { return a.Rule.Burn(a.Period) }

// LongBurn returns the burn rate of the long window, exactly.
func (a Alert) LongBurn() Rational { return BurnRate(a.Long, a.Target) }

// ShortBurn returns the burn rate of the short window, exactly.
func (a Alert) ShortBurn() Rational { return BurnRate(a.Short, a.Target) }

// Consumed returns the share of the period's budget spent in the long
// window: LongBurn × Long / Period.
func (a Alert) Consumed() Rational { return BudgetConsumed(a.LongBurn(), a.Rule.Long, a.Period) }

// Evaluate evaluates every rule of the policy against t, with observed
// giving the measured ratio (good/total) over the window of a given
// length that ends now. It appends one Alert per rule, in order, to dst
// and returns the extended slice; with room in dst it does not allocate.
// It calls observed twice per rule.
//
// A rule fires when the burns of both windows are strictly greater than
// its threshold, compared exactly without math/big. With an error ratio
// bad/total, a target t = 1 − c/10^18 and a share s/10^18, a window
// burns faster than the threshold when
//
//	bad × 10^18 × 10^18 × Long  >  total × c × s × Period
//
// Each side is a product of four numbers below 2^64: up to 247 bits,
// which 128 bits would not hold (bad × 10^36 alone needs 184). The
// products are formed in 256 bits, so no input overflows, and the
// comparison is exact for every ratio, target, share and duration.
//
// Evaluate does not validate the policy. For one that fails Validate the
// comparison is still exact: a zero share or period makes the threshold
// 0, which any error exceeds, and a Long window that is not positive
// makes it infinite, so the rule never fires. An empty window burns at
// 0 and never fires; against a 100% target any error burns at +Inf.
func (p AlertPolicy) Evaluate(t Target, observed func(window time.Duration) Ratio, dst []Alert) []Alert {
	// The factors the rules share, formed once: (1 − t) × period, and
	// 10^36 (one × one).
	budget := wide.Mul2(one-t.ppe, uint64(max(p.Period, 0)))
	for _, r := range p.Rules {
		long, short := observed(r.Long), observed(r.Short)
		// The factors both windows of the rule share.
		scale := oneSquared.Mul(uint64(max(r.Long, 0)))
		threshold := budget.Mul(r.BudgetShare.ppe)
		firing := wide.CmpMul(long.Bad(), scale, long.total, threshold) > 0 &&
			wide.CmpMul(short.Bad(), scale, short.total, threshold) > 0
		dst = append(dst, Alert{
			Rule: r, Period: p.Period, Target: t,
			Long: long, Short: short,
			Firing: firing,
		})
	}
	return dst
}

// Firing returns the alerts of Evaluate that fire, in a new slice, and
// whether any of them is a page.
func (p AlertPolicy) Firing(t Target, observed func(window time.Duration) Ratio) (alerts []Alert, page bool) {
	for _, a := range p.Evaluate(t, observed, nil) {
		if a.Firing {
			alerts = append(alerts, a)
			page = page || a.Rule.Severity == SeverityPage
		}
	}
	return alerts, page
}
