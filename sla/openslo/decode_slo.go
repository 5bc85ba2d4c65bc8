package openslo

import (
	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
)

// sloKeys are the field names of an SLO spec that differ between v1 and
// v2alpha.
type sloKeys struct {
	service, sli, sliRef string
}

func (d *decoder) sloKeys() sloKeys {
	if d.v2 {
		return sloKeys{service: "serviceRef", sli: "sli", sliRef: "sliRef"}
	}
	return sloKeys{service: "service", sli: "indicator", sliRef: "indicatorRef"}
}

func (d *decoder) sloSpec(n *yaml.Node, path string, o *SLO) error {
	k := d.sloKeys()
	f, err := d.mapping(n, path, "description", k.service, k.sli, k.sliRef, "timeWindow", "budgetingMethod", "objectives", "alertPolicies")
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	if o.Service, err = f.refName(k.service); err != nil {
		return err
	}
	if o.Service == "" {
		return f.missing(k.service)
	}
	d.after = append(d.after, func() error {
		// The specification says service "may refer" to a Service: link it
		// when the stream defines one, and accept a name defined elsewhere.
		if s, ok := d.names[KindService][o.Service].(*Service); ok {
			o.ServiceObject = s
		}
		return nil
	})
	if err := d.indicator(f, k, path, &o.Indicator); err != nil {
		return err
	}
	if f.has("timeWindow") {
		if o.TimeWindow, err = d.timeWindow(f); err != nil {
			return err
		}
	}
	method, err := f.required("budgetingMethod")
	if err != nil {
		return err
	}
	o.BudgetingMethod = BudgetingMethod(method)
	switch o.BudgetingMethod {
	case Occurrences, Timeslices, RatioTimeslices:
	default:
		return f.fail("budgetingMethod", reason(ErrInvalid, "%s; want Occurrences, Timeslices or RatioTimeslices", quote.Text(method)))
	}
	items, err := f.list("objectives")
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return f.missing("objectives")
	}
	composite := false
	// References resolve into the objectives in place, so the slice is
	// made at its final length first.
	o.Objectives = make([]Objective, len(items))
	for i, it := range items {
		if err := d.objective(it, index(join(path, "objectives"), i), o, k, i); err != nil {
			return err
		}
		if !o.Objectives[i].Indicator.IsZero() {
			composite = true
		}
	}
	switch {
	case composite && !o.Indicator.IsZero():
		return f.fail(k.sli, reason(ErrConflict, "the objectives carry their own indicators (a composite SLO), so the SLO cannot have one"))
	case !composite && o.Indicator.IsZero():
		return d.at(f.self, join(path, k.sli), reason(ErrMissingField, "an SLO needs %s or %s (or objectives with their own, for a composite SLO)", k.sli, k.sliRef))
	case composite:
		for i, obj := range o.Objectives {
			if obj.Indicator.IsZero() {
				return d.at(items[i], index(join(path, "objectives"), i)+"."+k.sli, reason(ErrMissingField, "in a composite SLO every objective needs %s or %s", k.sli, k.sliRef))
			}
		}
	}
	pols, err := f.list("alertPolicies")
	if err != nil {
		return err
	}
	if len(pols) > 0 {
		o.AlertPolicies = make([]Ref[AlertPolicy], len(pols))
	}
	for i, it := range pols {
		if err := d.policyUse(it, index(join(path, "alertPolicies"), i), &o.AlertPolicies[i]); err != nil {
			return err
		}
	}
	return nil
}

// indicator reads the SLI of an SLO or of a composite objective, inline
// or by name, into r.
func (d *decoder) indicator(f *fields, k sloKeys, path string, r *Ref[SLI]) error {
	name, err := f.refName(k.sliRef)
	if err != nil {
		return err
	}
	switch inline := f.has(k.sli); {
	case inline && name != "":
		return f.fail(k.sliRef, reason(ErrConflict, "%s and %s are both given", k.sli, k.sliRef))
	case inline:
		r.Object, err = d.inlineSLI(f.node(k.sli), join(path, k.sli))
		return err
	case name != "":
		r.Name = name
		resolve(d, KindSLI, name, d.position(f.pos(k.sliRef), join(path, k.sliRef)), func(s *SLI) { r.Object = s })
	}
	return nil
}

// timeWindow reads the one item of timeWindow.
func (d *decoder) timeWindow(f *fields) (*TimeWindow, error) {
	items, err := f.list("timeWindow")
	if err != nil {
		return nil, err
	}
	if len(items) != 1 {
		return nil, f.fail("timeWindow", reason(ErrInvalid, "want exactly one time window, found %d", len(items)))
	}
	path := index(join(f.path, "timeWindow"), 0)
	tf, err := d.mapping(items[0], path, "duration", "isRolling", "calendar")
	if err != nil {
		return nil, err
	}
	w := &TimeWindow{}
	if w.Duration, err = tf.duration("duration"); err != nil {
		return nil, err
	}
	if w.Duration.IsZero() {
		return nil, tf.missing("duration")
	}
	if w.Duration.Count < 1 {
		return nil, tf.fail("duration", reason(ErrRange, "%s: a window has a positive length", w.Duration))
	}
	if w.Rolling, err = tf.boolean("isRolling"); err != nil {
		return nil, err
	}
	switch hasCal := tf.has("calendar"); {
	case w.Rolling && hasCal:
		return nil, tf.fail("calendar", reason(ErrConflict, "a rolling window has no calendar"))
	case w.Rolling:
		return w, nil
	case !hasCal:
		return nil, d.at(tf.self, join(path, "calendar"), reason(ErrMissingField, "a window that is not rolling is calendar-aligned and needs a calendar (startTime, timeZone)"))
	}
	cf, err := d.mapping(tf.node("calendar"), join(path, "calendar"), "startTime", "timeZone")
	if err != nil {
		return nil, err
	}
	zone, err := cf.required("timeZone")
	if err != nil {
		return nil, err
	}
	loc, err := loadZone(zone)
	if err != nil {
		return nil, cf.fail("timeZone", err)
	}
	start, err := cf.required("startTime")
	if err != nil {
		return nil, err
	}
	t, err := parseStartTime(start, loc)
	if err != nil {
		return nil, cf.fail("startTime", err)
	}
	w.Calendar = &Calendar{Start: t}
	return w, nil
}

// objective reads objective i of an SLO into slo.Objectives[i].
func (d *decoder) objective(n *yaml.Node, path string, slo *SLO, k sloKeys, i int) error {
	o := &slo.Objectives[i]
	f, err := d.mapping(n, path, "displayName", "op", "value", "target", "targetPercent",
		"timeSliceTarget", "timeSliceWindow", k.sli, k.sliRef, "compositeWeight")
	if err != nil {
		return err
	}
	if o.DisplayName, err = f.str("displayName"); err != nil {
		return err
	}
	op, err := f.str("op")
	if err != nil {
		return err
	}
	o.Op = Operator(op)
	if op != "" && !o.Op.valid() {
		return f.fail("op", reason(ErrInvalid, "%s; want lt, lte, gt or gte", quote.Text(op)))
	}
	if v, ok, err := f.decimal("value"); err != nil {
		return err
	} else if ok {
		o.Value = &v
	}
	if err := d.objectiveTarget(f, o); err != nil {
		return err
	}
	if err := d.timeSlices(f, o, slo.BudgetingMethod); err != nil {
		return err
	}
	if err := d.indicator(f, k, path, &o.Indicator); err != nil {
		return err
	}
	if w, ok, err := f.decimal("compositeWeight"); err != nil {
		return err
	} else if ok {
		if w.Sign() <= 0 {
			return f.fail("compositeWeight", reason(ErrRange, "%v: a weight is positive", w))
		}
		o.CompositeWeight = w
	}
	// A threshold SLI needs op and value; whether the SLI is one is known
	// once references are resolved.
	at := d.position(f.self, path)
	d.checks = append(d.checks, func() error {
		obj := slo.Objectives[i]
		sli := obj.Indicator.Object
		if sli == nil {
			sli = slo.Indicator.Object
		}
		if sli != nil && sli.ThresholdMetric != nil && (obj.Op == "" || obj.Value == nil) {
			return at(reason(ErrMissingField, "the SLI %s is a threshold metric, so the objective needs op and value", quote.Text(sli.Name)))
		}
		return nil
	})
	return nil
}

// objectiveTarget reads target or targetPercent, exactly one of them.
func (d *decoder) objectiveTarget(f *fields, o *Objective) error {
	ratio, ratioLit, hasRatio, err := f.number("target")
	if err != nil {
		return err
	}
	pct, pctLit, hasPct, err := f.number("targetPercent")
	if err != nil {
		return err
	}
	switch {
	case hasRatio && hasPct:
		return f.fail("targetPercent", reason(ErrConflict, "target and targetPercent are both given; write one"))
	case hasRatio:
		o.Target, err = targetOf(ratioLit, ratio, false)
		if err != nil {
			return f.fail("target", err)
		}
	case hasPct:
		o.Target, err = targetOf(pctLit, pct, true)
		if err != nil {
			return f.fail("targetPercent", err)
		}
		o.Percent = true
	default:
		return d.at(f.self, join(f.path, "target"), reason(ErrMissingField, "an objective needs target or targetPercent"))
	}
	return nil
}

// timeSlices reads timeSliceTarget and timeSliceWindow, which belong to
// the time-slice budgeting methods only.
func (d *decoder) timeSlices(f *fields, o *Objective, method BudgetingMethod) error {
	tst, lit, hasTST, err := f.number("timeSliceTarget")
	if err != nil {
		return err
	}
	switch {
	case hasTST && method != Timeslices:
		return f.fail("timeSliceTarget", reason(ErrInvalid, "timeSliceTarget belongs to the Timeslices budgeting method, not %s", method))
	case hasTST:
		text, err := tst.plain(maxTargetDigits)
		if err == nil && text == "1" {
			// (0, 1] includes 1, which targetOf refuses for targets.
			o.TimeSliceTarget = sla.MustTarget("100%")
		} else if o.TimeSliceTarget, err = targetOf(lit, tst, false); err != nil {
			return f.fail("timeSliceTarget", err)
		}
		if o.TimeSliceTarget == (sla.Target{}) {
			return f.fail("timeSliceTarget", reason(ErrRange, "%s: the range is (0, 1]", lit))
		}
	case method == Timeslices:
		return f.missing("timeSliceTarget")
	}
	n, ok := f.vals["timeSliceWindow"]
	if !ok || !f.has("timeSliceWindow") {
		if method == Occurrences {
			return nil
		}
		return f.missing("timeSliceWindow")
	}
	if method == Occurrences {
		return f.fail("timeSliceWindow", reason(ErrInvalid, "timeSliceWindow belongs to the Timeslices and RatioTimeslices methods, not Occurrences"))
	}
	path := join(f.path, "timeSliceWindow")
	n, err = d.deref(n, path)
	if err != nil {
		return err
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		// "Default interpretation of unit if specified as a number in
		// minutes" (Notes (Objectives)).
		if !allDigits(n.Value) {
			return d.at(n, path, reason(ErrSyntax, "%s: a bare number of minutes is written in decimal digits", quote.Text(n.Value)))
		}
		o.TimeSliceWindow, err = parseDuration(n.Value + "m")
		if err != nil {
			return d.at(n, path, err)
		}
	} else if o.TimeSliceWindow, err = f.duration("timeSliceWindow"); err != nil {
		return err
	}
	if _, fixed := o.TimeSliceWindow.Fixed(); !fixed || o.TimeSliceWindow.Count < 1 {
		return d.at(n, path, reason(ErrInvalid, "%s: a time slice is a positive number of minutes, hours, days or weeks", o.TimeSliceWindow))
	}
	return nil
}
