package openslo

import (
	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/internal/quote"
)

// policyUse reads an item of an SLO's alertPolicies: {alertPolicyRef:
// name} or an inline AlertPolicy (kind, metadata, spec).
func (d *decoder) policyUse(n *yaml.Node, path string, r *Ref[AlertPolicy]) error {
	f, err := d.mapping(n, path, "alertPolicyRef", "kind", "metadata", "spec")
	if err != nil {
		return err
	}
	if f.has("alertPolicyRef") {
		if r.Name, err = d.onlyRef(f, "alertPolicyRef"); err != nil {
			return err
		}
		resolve(d, KindAlertPolicy, r.Name, d.position(f.pos("alertPolicyRef"), join(path, "alertPolicyRef")), func(p *AlertPolicy) { r.Object = p })
		return nil
	}
	md, spec, err := d.inline(f, KindAlertPolicy)
	if err != nil {
		return err
	}
	p := &AlertPolicy{Metadata: md}
	r.Object = p
	return d.alertPolicySpec(spec, join(path, "spec"), p)
}

// onlyRef reads a reference field that must stand alone in its mapping.
func (d *decoder) onlyRef(f *fields, key string) (string, error) {
	for _, k := range f.keys {
		if k != key {
			return "", f.fail(k, reason(ErrConflict, "%s refers to an object, so the item holds nothing else", key))
		}
	}
	return f.refName(key)
}

// inline reads the kind, metadata and spec of an object given inline; the
// kind may be left out, and must be want when given.
func (d *decoder) inline(f *fields, want string) (Metadata, *yaml.Node, error) {
	kind, err := f.str("kind")
	if err != nil {
		return Metadata{}, nil, err
	}
	if kind != "" && kind != want {
		return Metadata{}, nil, f.fail("kind", reason(ErrUnknownKind, "%s; an object here is a %s", quote.Text(kind), want))
	}
	if !f.has("metadata") {
		return Metadata{}, nil, f.missing("metadata")
	}
	if !f.has("spec") {
		return Metadata{}, nil, f.missing("spec")
	}
	md, err := d.metadata(f.node("metadata"), join(f.path, "metadata"))
	return md, f.node("spec"), err
}

func (d *decoder) alertPolicySpec(n *yaml.Node, path string, o *AlertPolicy) error {
	f, err := d.mapping(n, path, "description", "alertWhenNoData", "alertWhenResolved", "alertWhenBreaching", "conditions", "notificationTargets")
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	if o.AlertWhenNoData, err = f.boolean("alertWhenNoData"); err != nil {
		return err
	}
	if o.AlertWhenResolved, err = f.boolean("alertWhenResolved"); err != nil {
		return err
	}
	if o.AlertWhenBreaching, err = f.boolean("alertWhenBreaching"); err != nil {
		return err
	}
	conds, err := f.list("conditions")
	if err != nil {
		return err
	}
	if len(conds) != 1 {
		if len(conds) == 0 {
			return f.missing("conditions")
		}
		return f.fail("conditions", reason(ErrInvalid, "want exactly one condition, found %d (the specification allows one)", len(conds)))
	}
	o.Conditions = make([]Ref[AlertCondition], 1)
	if err := d.conditionUse(conds[0], index(join(path, "conditions"), 0), &o.Conditions[0]); err != nil {
		return err
	}
	targets, err := f.list("notificationTargets")
	if err != nil {
		return err
	}
	if len(targets) > 0 {
		o.NotificationTargets = make([]Ref[AlertNotificationTarget], len(targets))
	}
	for i, it := range targets {
		if err := d.targetUse(it, index(join(path, "notificationTargets"), i), &o.NotificationTargets[i]); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) conditionUse(n *yaml.Node, path string, r *Ref[AlertCondition]) error {
	f, err := d.mapping(n, path, "conditionRef", "kind", "metadata", "spec")
	if err != nil {
		return err
	}
	if f.has("conditionRef") {
		if r.Name, err = d.onlyRef(f, "conditionRef"); err != nil {
			return err
		}
		resolve(d, KindAlertCondition, r.Name, d.position(f.pos("conditionRef"), join(path, "conditionRef")), func(c *AlertCondition) { r.Object = c })
		return nil
	}
	md, spec, err := d.inline(f, KindAlertCondition)
	if err != nil {
		return err
	}
	c := &AlertCondition{Metadata: md}
	r.Object = c
	return d.alertConditionSpec(spec, join(path, "spec"), join(path, "metadata"), c)
}

func (d *decoder) targetUse(n *yaml.Node, path string, r *Ref[AlertNotificationTarget]) error {
	f, err := d.mapping(n, path, "targetRef", "kind", "metadata", "spec")
	if err != nil {
		return err
	}
	if f.has("targetRef") {
		if r.Name, err = d.onlyRef(f, "targetRef"); err != nil {
			return err
		}
		resolve(d, KindAlertNotificationTarget, r.Name, d.position(f.pos("targetRef"), join(path, "targetRef")), func(t *AlertNotificationTarget) { r.Object = t })
		return nil
	}
	md, spec, err := d.inline(f, KindAlertNotificationTarget)
	if err != nil {
		return err
	}
	t := &AlertNotificationTarget{Metadata: md}
	r.Object = t
	return d.notificationTargetSpec(spec, join(path, "spec"), t)
}

// alertConditionSpec reads the spec of an alert condition. mdPath is the
// path of its metadata, for errors in the annotations this package reads.
func (d *decoder) alertConditionSpec(n *yaml.Node, path, mdPath string, o *AlertCondition) error {
	f, err := d.mapping(n, path, "description", "severity", "condition")
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	if o.Severity, err = f.required("severity"); err != nil {
		return err
	}
	if !f.has("condition") {
		return f.missing("condition")
	}
	cpath := join(path, "condition")
	cf, err := d.mapping(f.node("condition"), cpath, "kind", "op", "threshold", "lookbackWindow", "alertAfter")
	if err != nil {
		return err
	}
	kind, err := cf.str("kind")
	if err != nil {
		return err
	}
	if kind != "" && kind != conditionBurnRate {
		return cf.fail("kind", reason(ErrInvalid, "%s; the only condition kind is burnrate", quote.Text(kind)))
	}
	op, err := cf.str("op")
	if err != nil {
		return err
	}
	if o.Op = Operator(op); op != "" && !o.Op.valid() {
		return cf.fail("op", reason(ErrInvalid, "%s; want lt, lte, gt or gte", quote.Text(op)))
	}
	th, ok, err := cf.decimal("threshold")
	if err != nil {
		return err
	}
	if !ok {
		return cf.missing("threshold")
	}
	if th.Sign() < 0 {
		return cf.fail("threshold", reason(ErrRange, "%v: a burn rate is never negative", th))
	}
	o.Threshold = th
	if o.LookbackWindow, err = cf.duration("lookbackWindow"); err != nil {
		return err
	}
	if o.LookbackWindow.IsZero() {
		return cf.missing("lookbackWindow")
	}
	if _, fixed := o.LookbackWindow.Fixed(); !fixed || o.LookbackWindow.Count < 1 {
		return cf.fail("lookbackWindow", reason(ErrInvalid, "%s: a lookback window is a positive number of minutes, hours, days or weeks", o.LookbackWindow))
	}
	if o.AlertAfter, err = cf.duration("alertAfter"); err != nil {
		return err
	}
	if _, fixed := o.AlertAfter.Fixed(); !o.AlertAfter.IsZero() && !fixed {
		return cf.fail("alertAfter", reason(ErrInvalid, "%s: alertAfter is a number of minutes, hours, days or weeks", o.AlertAfter))
	}
	// The annotations that carry the exact burn rate and the short window
	// must agree with the condition.
	if _, err := o.burn(); err != nil {
		return d.at(n, join(mdPath, "annotations")+"."+AnnotationBurnRate, err)
	}
	if _, err := o.shortWindow(); err != nil {
		return d.at(n, join(mdPath, "annotations")+"."+AnnotationShortWindow, err)
	}
	return nil
}

// finish resolves references and makes the checks that need them.
func (d *decoder) finish() error {
	for _, list := range [][]func() error{d.after, d.checks} {
		for _, fn := range list {
			if err := fn(); err != nil {
				return err
			}
		}
	}
	return nil
}
