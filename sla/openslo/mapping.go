package openslo

import (
	"errors"
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// Annotations this package writes and reads, for what OpenSLO has no
// field for. They live under the prefix slamath.github.io/, as the
// specification asks implementations to use a prefix of their own.
const (
	// AnnotationShortWindow on an AlertCondition holds the short window
	// of the multiwindow rule, as a duration shorthand ("5m") or a Go
	// duration ("5s"). Without it the short window is lookbackWindow / 12.
	AnnotationShortWindow = "slamath.github.io/short-window"
	// AnnotationBurnRate on an AlertCondition holds the exact burn-rate
	// threshold as the text of a Rational ("14/15") when it has no exact
	// decimal form; threshold then holds it truncated to 18 fractional
	// digits, and must.
	AnnotationBurnRate = "slamath.github.io/burn-rate"
)

// convError returns an error about an object met while converting.
func convError(kind, name, path string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == "" {
		// An error of a part (a time window): put it under its object.
		c := *e
		c.Kind, c.Name, c.Path = kind, name, join(path, e.Path)
		return &c
	}
	return &Error{Doc: -1, Item: -1, Kind: kind, Name: name, Path: path, Err: err}
}

// Period returns the span of the SLO's time window that holds t; see
// TimeWindow.Period. An SLO without a time window is ErrMissingField.
func (s *SLO) Period(t time.Time) (window.Interval, error) {
	if s.TimeWindow == nil {
		return window.Interval{}, convError(KindSLO, s.Name, "spec.timeWindow", reason(ErrMissingField, "the SLO has no time window"))
	}
	iv, err := s.TimeWindow.Period(t)
	if err != nil {
		return window.Interval{}, convError(KindSLO, s.Name, "spec.timeWindow[0]", err)
	}
	return iv, nil
}

// SliceRules returns the rules under which a time slice is bad for the
// Timeslices method: a slice is bad when its ratio of good events is
// below TimeSliceTarget (the specification's examples: "When the ratio
// is below given timeSliceTarget we count it as bad"), that is when its
// error ratio is strictly above 1 − TimeSliceTarget. A slice without
// events has no ratio to be below the target, so it is good. There is no
// minimum number of events.
func (o Objective) SliceRules() sla.SliceRules {
	return sla.SliceRules{MaxErrors: o.TimeSliceTarget.Complement(), Empty: sla.EmptyGood}
}

// Slices returns how many whole time slices a span of length d holds
// (slices start at the start of the span), or 0 when the objective has no
// time slice window.
func (o Objective) Slices(d time.Duration) int64 {
	n, ok := o.TimeSliceWindow.Fixed()
	if !ok || n <= 0 || d <= 0 {
		return 0
	}
	return int64(d / n)
}

// Measure returns what objective i of the SLO measured, exactly, from
// per-slice counts of good and total events:
//
//   - Occurrences: all good events over all events (the slices summed);
//   - Timeslices: good slices over slices, by SliceRules;
//   - RatioTimeslices: the average of the slices' ratios, slices without
//     events left out (they have no ratio).
//
// Nothing measured gives 1, as an empty sla.Ratio does. Compare the
// result with Objectives[i].Target using Rational.Met. It fails for a
// slice with more good than total events, and for sums beyond 2^64.
func (s *SLO) Measure(i int, slices []sla.Slice) (sla.Rational, error) {
	path := index("spec.objectives", i)
	if i < 0 || i >= len(s.Objectives) {
		return sla.Rational{}, convError(KindSLO, s.Name, path, reason(ErrRange, "the SLO has %d objectives", len(s.Objectives)))
	}
	o := s.Objectives[i]
	switch s.BudgetingMethod {
	case Occurrences:
		var good, total uint64
		for _, sl := range slices {
			if good+sl.Good < good || total+sl.Total < total {
				return sla.Rational{}, convError(KindSLO, s.Name, path, reason(ErrTooLarge, "the event counts sum beyond 2^64"))
			}
			good, total = good+sl.Good, total+sl.Total
		}
		r, err := sla.NewRatio(good, total)
		if err != nil {
			return sla.Rational{}, convError(KindSLO, s.Name, path, reasonFrom(ErrInvalid, err, "counts"))
		}
		return r.Rational(), nil
	case Timeslices:
		r, err := sla.MeasureSlices(slices, o.SliceRules())
		if err != nil {
			return sla.Rational{}, convError(KindSLO, s.Name, path, reasonFrom(ErrInvalid, err, "counts"))
		}
		return r.Rational(), nil
	case RatioTimeslices:
		r, err := sla.AverageSlices(slices, sla.EmptyExcluded)
		if err != nil {
			return sla.Rational{}, convError(KindSLO, s.Name, path, reasonFrom(ErrInvalid, err, "counts"))
		}
		return r, nil
	}
	return sla.Rational{}, convError(KindSLO, s.Name, "spec.budgetingMethod", reason(ErrInvalid, "%s", quote.Text(string(s.BudgetingMethod))))
}

// AlertPolicy returns the library's multiwindow alert policy for the SLO
// over the period of its time window that holds at (for a rolling window
// the period's length is the window's; a calendar month's length depends
// on the month).
//
// Each alert policy of the SLO whose alertWhenBreaching is true gives one
// rule per condition, by AlertCondition.Rule; policies that do not alert
// when breaching give none. alertWhenNoData, alertWhenResolved,
// alertAfter and the notification targets do not change when a rule
// fires and are not part of the library's rules.
func (s *SLO) AlertPolicy(at time.Time) (sla.AlertPolicy, error) {
	iv, err := s.Period(at)
	if err != nil {
		return sla.AlertPolicy{}, err
	}
	p := sla.AlertPolicy{Period: iv.Duration()}
	for i, ref := range s.AlertPolicies {
		pol := ref.Object
		if pol == nil {
			return sla.AlertPolicy{}, convError(KindSLO, s.Name, index("spec.alertPolicies", i), reason(ErrMissingRef, "alert policy %s is not resolved", quote.Text(ref.Name)))
		}
		if !pol.AlertWhenBreaching {
			continue
		}
		for j, c := range pol.Conditions {
			if c.Object == nil {
				return sla.AlertPolicy{}, convError(KindAlertPolicy, pol.Name, index("spec.conditions", j), reason(ErrMissingRef, "condition %s is not resolved", quote.Text(c.Name)))
			}
			r, err := c.Object.Rule()
			if err != nil {
				return sla.AlertPolicy{}, err
			}
			p.Rules = append(p.Rules, r)
		}
	}
	return p, nil
}

// Rule returns the library's alert rule for a burn-rate condition. Its
// threshold is the condition's burn rate whatever the SLO's period (burn
// 14.4 over 1h in a 28-day SLO spends 3/140 of the budget, which
// sla.AlertRule.BudgetShare gives exactly).
//
// OpenSLO gives one window, lookbackWindow; the library's rules have two,
// after the SRE Workbook ("Alerting on SLOs", multiwindow, multi-burn-rate
// alerts): the long window is lookbackWindow and the short window is the
// slamath.github.io/short-window annotation, or lookbackWindow / 12 — the
// workbook's ratio — without it. The rule fires when both windows burn
// strictly faster than the threshold, so op must be gt (or absent: the
// earlier text of v1 says the alert fires when the burn rate "exceeds"
// the threshold); gte, lt and lte have no counterpart and are
// ErrUnsupported. Severity must be page or ticket, the library's two.
// The threshold is exact: the slamath.github.io/burn-rate annotation when
// present, else threshold read as written; a threshold of 0, which any
// error would exceed, is ErrRange. alertAfter is not part of the rule.
func (c *AlertCondition) Rule() (sla.AlertRule, error) {
	fail := func(path string, err error) (sla.AlertRule, error) {
		return sla.AlertRule{}, convError(KindAlertCondition, c.Name, path, err)
	}
	if c.Op != "" && c.Op != GT {
		return fail("spec.condition.op", reason(ErrUnsupported, "%s: the library's burn-rate rules fire when the burn rate is strictly greater than the threshold (op gt)", c.Op))
	}
	var sev sla.Severity
	switch c.Severity {
	case sla.SeverityPage.String():
		sev = sla.SeverityPage
	case sla.SeverityTicket.String():
		sev = sla.SeverityTicket
	default:
		return fail("spec.severity", reason(ErrUnsupported, "%s: the library's severities are page and ticket", quote.Text(c.Severity)))
	}
	long, ok := c.LookbackWindow.Fixed()
	if !ok || long <= 0 {
		return fail("spec.condition.lookbackWindow", reason(ErrInvalid, "%s is not a positive fixed length", quote.Text(c.LookbackWindow.String())))
	}
	burn, err := c.burn()
	if err != nil {
		return fail("metadata.annotations."+AnnotationBurnRate, err)
	}
	if burn.IsZero() {
		return fail("spec.condition.threshold", reason(ErrRange, "0: a rule at burn rate 0 would fire on any error"))
	}
	short, err := c.shortWindow()
	if err != nil {
		return fail("metadata.annotations."+AnnotationShortWindow, err)
	}
	r, err := sla.NewBurnRule(sev, burn, long, short)
	if err != nil {
		// Windows and severity are checked above, so the burn is too
		// large for the library's rules: only an annotation can give one.
		return fail("metadata.annotations."+AnnotationBurnRate, reasonFrom(ErrTooLarge, err, "%s", quote.Cut(burn.String(), quote.Limit)))
	}
	return r, nil
}

// burn returns the exact burn-rate threshold of the condition.
func (c *AlertCondition) burn() (sla.Rational, error) {
	text, ok := c.Annotations[AnnotationBurnRate]
	if !ok {
		return ratOf(c.Threshold), nil
	}
	r, err := parseRational(text)
	if err != nil {
		return sla.Rational{}, reasonFrom(ErrSyntax, err, "%s", quote.Text(text))
	}
	trunc, _, err := decimalOf(r)
	if err != nil {
		return sla.Rational{}, err
	}
	if trunc != c.Threshold {
		return sla.Rational{}, reason(ErrConflict, "%s does not agree with threshold %v, which must be it truncated to 18 fractional digits (%v)", text, c.Threshold, trunc)
	}
	return r, nil
}

// shortWindow returns the short window of the condition.
func (c *AlertCondition) shortWindow() (time.Duration, error) {
	long, _ := c.LookbackWindow.Fixed()
	text, ok := c.Annotations[AnnotationShortWindow]
	if !ok {
		return long / 12, nil
	}
	short, err := parseWindow(text)
	if err != nil {
		return 0, err
	}
	if short <= 0 || short > long {
		return 0, reason(ErrRange, "%s: the short window is positive and no longer than lookbackWindow (%s)", text, c.LookbackWindow)
	}
	return short, nil
}

// parseWindow reads a short window: a duration shorthand of fixed length
// or a Go duration.
func parseWindow(s string) (time.Duration, error) {
	if d, err := parseDuration(s); err == nil {
		if n, ok := d.Fixed(); ok {
			return n, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, reason(ErrSyntax, "%s: want a duration such as 5m, 30m or 5s", quote.Text(s))
	}
	return d, nil
}

// formatWindow writes a window as a shorthand when one can, else as a Go
// duration.
func formatWindow(d time.Duration) string {
	if s, ok := ShorthandOf(d); ok {
		return s.String()
	}
	return d.String()
}

// NewAlertCondition returns the OpenSLO burn-rate condition of a library
// rule: severity page or ticket, op gt, threshold the rule's burn rate,
// lookbackWindow its long window, and its short window in the
// slamath.github.io/short-window annotation. A burn rate without an exact
// decimal form (14/15 for a 28-day ticket) is written truncated to 18
// fractional digits, with the exact value in the
// slamath.github.io/burn-rate annotation, so that Rule gives the rule
// back exactly. The long window must be a whole number of minutes, and
// the short window positive and no longer than the long one.
func NewAlertCondition(name string, r sla.AlertRule) (*AlertCondition, error) {
	fail := func(path string, err error) (*AlertCondition, error) {
		return nil, convError(KindAlertCondition, name, path, err)
	}
	if err := checkName(name); err != nil {
		return fail("metadata.name", err)
	}
	if r.Severity != sla.SeverityPage && r.Severity != sla.SeverityTicket {
		return fail("spec.severity", reason(ErrInvalid, "%v is not page or ticket", r.Severity))
	}
	long, ok := ShorthandOf(r.Long)
	if !ok {
		return fail("spec.condition.lookbackWindow", reason(ErrUnsupported, "%v: a lookback window is a whole number of minutes", r.Long))
	}
	if r.Short <= 0 || r.Short > r.Long {
		return fail("metadata.annotations."+AnnotationShortWindow, reason(ErrRange, "%v: the short window is positive and no longer than the long window %v", r.Short, r.Long))
	}
	burn := r.Burn()
	if burn.IsZero() {
		return fail("spec.condition.threshold", reason(ErrRange, "0: a rule at burn rate 0 would fire on any error"))
	}
	th, exact, err := decimalOf(burn)
	if err != nil {
		return fail("spec.condition.threshold", err)
	}
	c := &AlertCondition{
		Metadata: Metadata{Name: name, Annotations: map[string]string{
			AnnotationShortWindow: formatWindow(r.Short),
		}},
		Severity:       r.Severity.String(),
		Op:             GT,
		Threshold:      th,
		LookbackWindow: long,
	}
	if !exact {
		c.Annotations[AnnotationBurnRate] = rationalText(burn)
	}
	return c, nil
}

// NewAlertPolicies returns one OpenSLO alert policy per rule of p, each
// alerting when breaching and holding its condition (NewAlertCondition)
// inline. Policy and condition are named prefix-severity-window, as in
// "checkout-page-1h"; two rules with the same severity and long window
// are ErrDuplicateName.
func NewAlertPolicies(prefix string, p sla.AlertPolicy) ([]*AlertPolicy, error) {
	out := make([]*AlertPolicy, 0, len(p.Rules))
	seen := make(map[string]bool, len(p.Rules))
	for i, r := range p.Rules {
		long, ok := ShorthandOf(r.Long)
		if !ok {
			return nil, convError(KindAlertPolicy, prefix, index("rules", i), reason(ErrUnsupported, "%v: a lookback window is a whole number of minutes", r.Long))
		}
		name := prefix + "-" + r.Severity.String() + "-" + long.String()
		if seen[name] {
			return nil, convError(KindAlertPolicy, name, "metadata.name", reason(ErrDuplicateName, "two rules have severity %v and long window %v", r.Severity, long))
		}
		seen[name] = true
		c, err := NewAlertCondition(name, r)
		if err != nil {
			return nil, err
		}
		out = append(out, &AlertPolicy{
			Metadata:           Metadata{Name: name},
			AlertWhenBreaching: true,
			Conditions:         []Ref[AlertCondition]{Inline(c)},
		})
	}
	return out, nil
}
