package sla

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/slamath/slamath/internal/quote"
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

// ErrAlertRule is wrapped by the errors of NewAlertRule, NewBurnRule and
// AlertPolicy.Validate.
var ErrAlertRule = errors.New("invalid alert rule")

// AlertRule is one multiwindow burn-rate alert (SRE Workbook, "Alerting
// on SLOs"): it fires when both the long and the short window burn
// strictly faster than its burn-rate threshold, [AlertRule.Burn].
//
// The threshold is held exactly, as a fraction in lowest terms whose
// numerator and denominator are below 2^128, whichever way it was given:
// derived from a share of the budget, as the Workbook derives it
// (NewAlertRule: 2% of 30 days in 1 hour is 14.4, 10% of 28 days in 3
// days is 14/15), or given directly, as OpenSLO and Prometheus users
// write it (NewBurnRule: 14.4 over 1 hour in a 28-day SLO, whose share of
// the budget, 3/140, no decimal holds). Every fraction of two uint64s
// fits, and so does every threshold NewAlertRule derives.
//
// Severity, Long and Short are plain fields; the threshold is set only by
// the constructors. The zero value, and a rule written as a literal, has
// a threshold of 0, which AlertPolicy.Validate refuses. An AlertRule is a plain
// value, safe for concurrent use; == compares rules.
type AlertRule struct {
	Severity Severity
	// Long and Short are the two windows; Short is Long / 12 in the SRE
	// Workbook's rules.
	Long, Short time.Duration
	burn        threshold
}

// threshold is an exact non-negative rational num/den in lowest terms,
// both below 2^128. 0 is the zero value, 0/0, so that == compares values.
type threshold struct{ num, den wide.U128 }

// thresholdOf returns x as a threshold, and false when x is +Inf or its
// numerator or denominator needs more than 128 bits.
func thresholdOf(x Rational) (threshold, bool) {
	if x.inf {
		return threshold{}, false
	}
	if x.IsZero() {
		return threshold{}, true
	}
	num, ok1 := u128Of(x.r.Num())
	den, ok2 := u128Of(x.r.Denom())
	return threshold{num: num, den: den}, ok1 && ok2
}

// u128Of returns a non-negative x as a U128, and false when it needs more
// than 128 bits.
func u128Of(x *big.Int) (wide.U128, bool) {
	if x.Sign() < 0 || x.BitLen() > 128 {
		return wide.U128{}, false
	}
	var b [16]byte
	x.FillBytes(b[:])
	return wide.U128{binary.BigEndian.Uint64(b[8:]), binary.BigEndian.Uint64(b[:8])}, true
}

// bigOf returns x as a new big.Int.
func bigOf(x wide.U128) *big.Int {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], x[1])
	binary.BigEndian.PutUint64(b[8:], x[0])
	return new(big.Int).SetBytes(b[:])
}

// rational returns the threshold as a Rational.
func (t threshold) rational() Rational {
	if t.num == (wide.U128{}) {
		return Rational{}
	}
	return fromRat(new(big.Rat).SetFrac(bigOf(t.num), bigOf(t.den)))
}

// shareThreshold returns share × period / long, the threshold of the SRE
// Workbook for a share of the budget of period spent within long. A
// period or window that is not positive counts as 0; a zero long window
// gives +Inf. Both parts are below 10^18 × 2^63 < 2^123 before they are
// reduced, so the result always fits.
func shareThreshold(share Share, period, long time.Duration) Rational {
	return BudgetConsumed(share.Rational(), max(period, 0), long)
}

// NewAlertRule returns the SRE Workbook's rule that fires when share of
// the budget of period is being spent within long: its burn-rate
// threshold is share × period / long, exactly (14.4 for 2% of 30 days in
// 1 hour), and its short window long / 12. It fails, wrapping
// ErrAlertRule, for a share of 0% (a threshold of 0, which any error
// would exceed), a period that is not positive, a long window under 12
// ns (whose short window would be empty), and a severity that is not
// page or ticket.
func NewAlertRule(sev Severity, share Share, long, period time.Duration) (AlertRule, error) {
	if share.IsZero() {
		return AlertRule{}, fmt.Errorf("sla: %w: budget share 0%% would fire on any error", ErrAlertRule)
	}
	if period <= 0 {
		return AlertRule{}, fmt.Errorf("sla: %w: period %v is not positive", ErrAlertRule, period)
	}
	r := AlertRule{Severity: sev, Long: long, Short: long / 12}
	if long > 0 {
		r.burn, _ = thresholdOf(shareThreshold(share, period, long))
	}
	if err := r.validate(); err != nil {
		return AlertRule{}, err
	}
	return r, nil
}

// NewBurnRule returns the rule that fires when both windows burn strictly
// faster than burn: a threshold given directly, as OpenSLO's burn-rate
// conditions and Prometheus rules give it. It fails, wrapping
// ErrAlertRule, for a burn of 0 (which any error would exceed) or +Inf
// (which nothing exceeds), a burn whose numerator or denominator in
// lowest terms needs more than 128 bits, windows that are not 0 < short
// ≤ long, and a severity that is not page or ticket.
func NewBurnRule(sev Severity, burn Rational, long, short time.Duration) (AlertRule, error) {
	th, ok := thresholdOf(burn)
	if !ok {
		return AlertRule{}, fmt.Errorf("sla: %w: burn rate %v: want a finite fraction whose numerator and denominator fit 128 bits", ErrAlertRule, quote.Cut(burn.String(), quote.Limit))
	}
	r := AlertRule{Severity: sev, Long: long, Short: short, burn: th}
	if err := r.validate(); err != nil {
		return AlertRule{}, err
	}
	return r, nil
}

func (r AlertRule) validate() error {
	switch {
	case r.Short <= 0 || r.Long < r.Short:
		return fmt.Errorf("sla: %w: windows %v/%v: want 0 < short ≤ long", ErrAlertRule, r.Long, r.Short)
	case r.burn.num == (wide.U128{}):
		return fmt.Errorf("sla: %w: burn rate 0 would fire on any error", ErrAlertRule)
	case r.Severity != SeverityPage && r.Severity != SeverityTicket:
		return fmt.Errorf("sla: %w: severity %v", ErrAlertRule, r.Severity)
	}
	return nil
}

// Burn returns the rule's burn-rate threshold, exactly: 14.4 for 2% of
// 30 days in 1 hour, 14/15 for 10% of 28 days in 3 days. The rule fires
// when both windows burn strictly faster.
func (r AlertRule) Burn() Rational { return r.burn.rational() }

// BudgetShare returns the share of the error budget of period that
// burning at the threshold for the long window spends, exactly: Burn ×
// Long / period (the "error budget consumed" of the SRE Workbook's
// tables). It is 2% for the fast page of DefaultAlertPolicy(period), and
// 3/140 for a burn of 14.4 over 1 hour in a 28-day period. A period that
// is not positive gives +Inf (0 for a threshold of 0).
func (r AlertRule) BudgetShare(period time.Duration) Rational {
	return BudgetConsumed(r.Burn(), r.Long, period)
}

// AlertPolicy is a multiwindow, multi-burn-rate alert policy for an SLO
// period. Its rules hold their thresholds; Period is the period they
// were derived for, against which Alert.Consumed and AlertRule.BudgetShare
// measure a window's spend. A plain value, safe for concurrent use as
// long as Rules is not modified.
type AlertPolicy struct {
	Period time.Duration
	Rules  []AlertRule
}

// DefaultAlertPolicy returns the policy of the SRE Workbook (table 5-8
// with the chapter's 24h/2h ticket pair) for an SLO period, each rule as
// NewAlertRule derives it:
//
//	page    2% of the budget in 1h, short window 5m
//	page    5% in 6h, short window 30m
//	ticket 10% in 24h, short window 2h
//	ticket 10% in 3d, short window 6h
//
// For a 30-day period the burn thresholds are 14.4, 6, 3 and 1; for 28
// days 13.44, 5.6, 2.8 and 14/15. A period that is not positive gives
// thresholds of 0 and a policy that fails Validate.
func DefaultAlertPolicy(period time.Duration) AlertPolicy {
	rule := func(sev Severity, percent uint64, long time.Duration) AlertRule {
		share := Share{ppe: percent * pow10[percentDigits]}
		burn, _ := thresholdOf(shareThreshold(share, period, long))
		return AlertRule{Severity: sev, Long: long, Short: long / 12, burn: burn}
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
// and, by its index, the first rule whose windows are not 0 < short ≤
// long, whose threshold is 0 (a zero value or a literal), or whose
// severity is not page or ticket.
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

// Threshold returns the rule's burn-rate threshold, Rule.Burn.
func (a Alert) Threshold() Rational { return a.Rule.Burn() }

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
// bad/total, a target t = 1 − c/10^18 and a threshold n/d, a window burns
// faster than the threshold when
//
//	bad × 10^18 × d  >  total × c × n
//
// bad and total are below 2^64, c is at most 10^18 (below 2^60), and a
// rule's n and d are below 2^128 by construction (see AlertRule), so each
// side is below 2^252. 128 bits would not hold it — bad × 10^18 alone
// needs up to 124 bits, a threshold's part up to 128 — so the products
// are formed in 256 bits, where no input overflows: the comparison is
// exact for every ratio, target and rule, with no slower path for large
// values.
//
// Evaluate does not validate the policy, nor use its period. For a rule
// that fails Validate the comparison is still exact: a threshold of 0
// (the zero value) is exceeded by any error. An empty window burns at 0
// and never fires; against a 100% target any error burns at +Inf.
func (p AlertPolicy) Evaluate(t Target, observed func(window time.Duration) Ratio, dst []Alert) []Alert {
	c := one - t.ppe
	for i := range p.Rules {
		r := &p.Rules[i]
		long, short := observed(r.Long), observed(r.Short)
		den := r.burn.den
		if den == (wide.U128{}) {
			den[0] = 1 // the zero value's 0/0 stands for 0/1
		}
		// The factors both windows of the rule share: 10^18 × d and c × n.
		scale, threshold := den.Mul(one), r.burn.num.Mul(c)
		firing := wide.CmpMul(long.Bad(), scale, long.total, threshold) > 0 &&
			wide.CmpMul(short.Bad(), scale, short.total, threshold) > 0
		dst = append(dst, Alert{Rule: *r, Period: p.Period, Target: t, Long: long, Short: short, Firing: firing})
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
