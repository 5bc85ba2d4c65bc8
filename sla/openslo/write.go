package openslo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/sla"
)

// Write writes f as an OpenSLO v1 stream: one YAML document per object,
// data sources first, then services, SLIs, notification targets, alert
// conditions, alert policies and SLOs. Numbers are written as exact
// decimals (a target in the form it was read, target or targetPercent),
// references by name and inline objects inline, labels and annotations
// as they are (label keys sorted), and Values as read.
//
// Write checks its output by reading it back, so it never writes a
// stream that Read refuses; an object that would make one is reported as
// an *Error naming the object and field (with Doc the index of its
// document in the output). Reading what Write wrote gives f back.
func Write(w io.Writer, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Marshal returns the OpenSLO v1 stream of f; see Write. A nil f, or a
// nil object in one of its lists, is an *Error wrapping ErrInvalid that
// names the list and index ("SLOs[2]").
func Marshal(f *File) ([]byte, error) {
	if err := checkNil(f); err != nil {
		return nil, err
	}
	var docs []*yaml.Node
	e := &encoder{}
	for _, o := range f.DataSources {
		docs = append(docs, e.top(KindDataSource, o.Metadata, e.dataSourceSpec(o)))
	}
	for _, o := range f.Services {
		docs = append(docs, e.top(KindService, o.Metadata, e.serviceSpec(o)))
	}
	for _, o := range f.SLIs {
		docs = append(docs, e.top(KindSLI, o.Metadata, e.sliSpec(o)))
	}
	for _, o := range f.NotificationTargets {
		docs = append(docs, e.top(KindAlertNotificationTarget, o.Metadata, e.targetSpec(o)))
	}
	for _, o := range f.AlertConditions {
		docs = append(docs, e.top(KindAlertCondition, o.Metadata, e.conditionSpec(o)))
	}
	for _, o := range f.AlertPolicies {
		docs = append(docs, e.top(KindAlertPolicy, o.Metadata, e.policySpec(o)))
	}
	for _, o := range f.SLOs {
		docs = append(docs, e.top(KindSLO, o.Metadata, e.sloSpec(o)))
	}
	if e.err != nil {
		return nil, e.err
	}
	if len(docs) == 0 {
		return []byte{}, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return nil, &Error{Doc: -1, Item: -1, Err: reason(ErrInvalid, "encoding: %v", err)}
		}
	}
	if err := enc.Close(); err != nil {
		return nil, &Error{Doc: -1, Item: -1, Err: reason(ErrInvalid, "encoding: %v", err)}
	}
	out := buf.Bytes()
	if _, err := (Options{MaxBytes: max(len(out), DefaultMaxBytes), MaxDocuments: max(len(docs), DefaultMaxDocuments)}).Read(out); err != nil {
		var e *Error
		if errors.As(err, &e) {
			// The position is in the output, which the caller has not seen.
			c := *e
			c.Line, c.Column = 0, 0
			return nil, &c
		}
		return nil, err
	}
	return out, nil
}

// checkNil reports a nil f, or the first nil object in its lists.
func checkNil(f *File) error {
	if f == nil {
		return &Error{Doc: -1, Item: -1, Err: reason(ErrInvalid, "no File (a nil *File)")}
	}
	for _, l := range []struct {
		field, kind string
		nils        func() int
	}{
		{"DataSources", KindDataSource, func() int { return firstNil(f.DataSources) }},
		{"Services", KindService, func() int { return firstNil(f.Services) }},
		{"SLIs", KindSLI, func() int { return firstNil(f.SLIs) }},
		{"NotificationTargets", KindAlertNotificationTarget, func() int { return firstNil(f.NotificationTargets) }},
		{"AlertConditions", KindAlertCondition, func() int { return firstNil(f.AlertConditions) }},
		{"AlertPolicies", KindAlertPolicy, func() int { return firstNil(f.AlertPolicies) }},
		{"SLOs", KindSLO, func() int { return firstNil(f.SLOs) }},
	} {
		if i := l.nils(); i >= 0 {
			return &Error{Doc: -1, Item: -1, Kind: l.kind,
				Path: fmt.Sprintf("File.%s[%d]", l.field, i), Err: reason(ErrInvalid, "a nil *%s", l.kind)}
		}
	}
	return nil
}

// firstNil returns the index of the first nil in list, or -1.
func firstNil[T any](list []*T) int {
	for i, o := range list {
		if o == nil {
			return i
		}
	}
	return -1
}

// encoder builds the nodes of a stream, keeping the first error.
type encoder struct {
	err        error
	doc        int
	kind, name string
}

func (e *encoder) fail(path string, err error) {
	if e.err == nil {
		e.err = &Error{Doc: e.doc, Item: -1, Kind: e.kind, Name: e.name, Path: path, Err: err}
	}
}

// top returns the document of a top-level object. spec is built before
// top is called, so the kind and name of errors are set by the caller's
// order: set them first.
func (e *encoder) top(kind string, md Metadata, spec *yaml.Node) *yaml.Node {
	m := mapNode()
	add(m, "apiVersion", strNode(V1))
	add(m, "kind", strNode(kind))
	add(m, "metadata", e.metadata(md))
	if spec != nil {
		add(m, "spec", spec)
	}
	e.doc++
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m}}
}

// begin sets the object that errors name.
func (e *encoder) begin(kind, name string) { e.kind, e.name = kind, name }

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func seqNode() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func boolNode(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

// numNode returns a plain decimal number.
func numNode(text string) *yaml.Node {
	tag := "!!int"
	if strings.Contains(text, ".") {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, strNode(key), v)
}

// addStr adds a string field unless it is empty.
func addStr(m *yaml.Node, key, v string) {
	if v != "" {
		add(m, key, strNode(v))
	}
}

func (e *encoder) metadata(md Metadata) *yaml.Node {
	m := mapNode()
	add(m, "name", strNode(md.Name))
	addStr(m, "displayName", md.DisplayName)
	if len(md.Labels) > 0 {
		l := mapNode()
		for _, k := range sortedKeys(md.Labels) {
			v := md.Labels[k]
			if len(v) == 1 {
				add(l, k, strNode(v[0]))
				continue
			}
			s := seqNode()
			for _, x := range v {
				s.Content = append(s.Content, strNode(x))
			}
			add(l, k, s)
		}
		add(m, "labels", l)
	}
	if len(md.Annotations) > 0 {
		a := mapNode()
		for _, k := range sortedKeys(md.Annotations) {
			add(a, k, strNode(md.Annotations[k]))
		}
		add(m, "annotations", a)
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// value returns the nodes of a Value.
func (e *encoder) value(v Value, path string) *yaml.Node {
	switch v.Kind {
	case Scalar:
		if v.Tag == "!!null" {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: v.Tag, Value: v.Text}
	case Sequence:
		s := seqNode()
		for i, it := range v.Items {
			s.Content = append(s.Content, e.value(it, index(path, i)))
		}
		return s
	case Mapping:
		m := mapNode()
		for _, f := range v.Fields {
			add(m, f.Key, e.value(f.Value, join(path, f.Key)))
		}
		return m
	}
	e.fail(path, reason(ErrInvalid, "a Value of kind %d", v.Kind))
	return strNode("")
}

func (e *encoder) serviceSpec(o *Service) *yaml.Node {
	e.begin(KindService, o.Name)
	if o.Description == "" {
		return nil
	}
	m := mapNode()
	addStr(m, "description", o.Description)
	return m
}

func (e *encoder) dataSourceSpec(o *DataSource) *yaml.Node {
	e.begin(KindDataSource, o.Name)
	m := mapNode()
	addStr(m, "description", o.Description)
	add(m, "type", strNode(o.Type))
	if !o.ConnectionDetails.IsZero() {
		add(m, "connectionDetails", e.value(o.ConnectionDetails, "spec.connectionDetails"))
	}
	return m
}

func (e *encoder) targetSpec(o *AlertNotificationTarget) *yaml.Node {
	e.begin(KindAlertNotificationTarget, o.Name)
	m := mapNode()
	addStr(m, "description", o.Description)
	add(m, "target", strNode(o.Target))
	return m
}

func (e *encoder) sliSpec(o *SLI) *yaml.Node {
	e.begin(KindSLI, o.Name)
	return e.sli(o, "spec")
}

// sli returns the spec of an SLI.
func (e *encoder) sli(o *SLI, path string) *yaml.Node {
	m := mapNode()
	addStr(m, "description", o.Description)
	if o.ThresholdMetric != nil {
		add(m, "thresholdMetric", e.metric(o.ThresholdMetric, join(path, "thresholdMetric")))
	}
	if r := o.RatioMetric; r != nil {
		rm := mapNode()
		if r.Counter {
			add(rm, "counter", boolNode(true))
		}
		for _, s := range []struct {
			key string
			m   *MetricSource
		}{{"good", r.Good}, {"bad", r.Bad}, {"total", r.Total}} {
			if s.m != nil {
				add(rm, s.key, e.metric(s.m, join(path, "ratioMetric."+s.key)))
			}
		}
		addStr(rm, "rawType", string(r.RawType))
		if r.Raw != nil {
			add(rm, "raw", e.metric(r.Raw, join(path, "ratioMetric.raw")))
		}
		add(m, "ratioMetric", rm)
	}
	return m
}

func (e *encoder) metric(s *MetricSource, path string) *yaml.Node {
	ms := mapNode()
	addStr(ms, "metricSourceRef", s.SourceRef)
	addStr(ms, "type", s.Type)
	spec := s.Spec
	if spec.IsZero() {
		// The specification requires spec; an empty one is null.
		spec = Value{Kind: Scalar, Tag: "!!null"}
	}
	add(ms, "spec", e.value(spec, join(path, "metricSource.spec")))
	m := mapNode()
	add(m, "metricSource", ms)
	return m
}

func (e *encoder) conditionSpec(o *AlertCondition) *yaml.Node {
	e.begin(KindAlertCondition, o.Name)
	return e.condition(o, "spec")
}

func (e *encoder) condition(o *AlertCondition, path string) *yaml.Node {
	m := mapNode()
	addStr(m, "description", o.Description)
	add(m, "severity", strNode(o.Severity))
	c := mapNode()
	add(c, "kind", strNode(conditionBurnRate))
	addStr(c, "op", string(o.Op))
	add(c, "threshold", numNode(o.Threshold.String()))
	add(c, "lookbackWindow", e.duration(o.LookbackWindow, join(path, "condition.lookbackWindow")))
	if !o.AlertAfter.IsZero() {
		add(c, "alertAfter", e.duration(o.AlertAfter, join(path, "condition.alertAfter")))
	}
	add(m, "condition", c)
	return m
}

func (e *encoder) duration(d Duration, path string) *yaml.Node {
	if err := d.check(); err != nil {
		e.fail(path, err)
	}
	return strNode(d.String())
}

func (e *encoder) policySpec(o *AlertPolicy) *yaml.Node {
	e.begin(KindAlertPolicy, o.Name)
	return e.policy(o, "spec")
}

func (e *encoder) policy(o *AlertPolicy, path string) *yaml.Node {
	m := mapNode()
	addStr(m, "description", o.Description)
	add(m, "alertWhenNoData", boolNode(o.AlertWhenNoData))
	add(m, "alertWhenResolved", boolNode(o.AlertWhenResolved))
	add(m, "alertWhenBreaching", boolNode(o.AlertWhenBreaching))
	conds := seqNode()
	for i, c := range o.Conditions {
		p := index(join(path, "conditions"), i)
		conds.Content = append(conds.Content, refNode(e, c, "conditionRef", KindAlertCondition, p, e.condition))
	}
	add(m, "conditions", conds)
	if len(o.NotificationTargets) > 0 {
		ts := seqNode()
		for i, t := range o.NotificationTargets {
			p := index(join(path, "notificationTargets"), i)
			ts.Content = append(ts.Content, refNode(e, t, "targetRef", KindAlertNotificationTarget, p, func(t *AlertNotificationTarget, _ string) *yaml.Node {
				m := mapNode()
				addStr(m, "description", t.Description)
				add(m, "target", strNode(t.Target))
				return m
			}))
		}
		add(m, "notificationTargets", ts)
	}
	return m
}

// metadataOf returns the metadata of an object given inline.
func metadataOf(o any) Metadata {
	switch o := o.(type) {
	case *AlertPolicy:
		return o.Metadata
	case *AlertCondition:
		return o.Metadata
	case *AlertNotificationTarget:
		return o.Metadata
	}
	return Metadata{}
}

// refNode writes a reference by name, or the object inline as kind,
// metadata and spec.
func refNode[T any](e *encoder, r Ref[T], refKey, kind, path string, spec func(*T, string) *yaml.Node) *yaml.Node {
	m := mapNode()
	switch {
	case r.Name != "":
		add(m, refKey, strNode(r.Name))
	case r.Object != nil:
		add(m, "kind", strNode(kind))
		add(m, "metadata", e.metadata(metadataOf(r.Object)))
		add(m, "spec", spec(r.Object, join(path, "spec")))
	default:
		e.fail(path, reason(ErrMissingField, "a reference with neither a name nor an object"))
	}
	return m
}

func (e *encoder) sloSpec(o *SLO) *yaml.Node {
	e.begin(KindSLO, o.Name)
	m := mapNode()
	addStr(m, "description", o.Description)
	add(m, "service", strNode(o.Service))
	e.indicator(m, o.Indicator, "spec")
	if w := o.TimeWindow; w != nil {
		tw := mapNode()
		add(tw, "duration", e.duration(w.Duration, "spec.timeWindow[0].duration"))
		add(tw, "isRolling", boolNode(w.Rolling))
		if c := w.Calendar; c != nil {
			if c.Start.IsZero() {
				e.fail("spec.timeWindow[0].calendar.startTime", reason(ErrMissingField, "a calendar needs a start time"))
			}
			cal := mapNode()
			add(cal, "startTime", strNode(c.Start.Format(startTimeLayout)))
			add(cal, "timeZone", strNode(c.Start.Location().String()))
			add(tw, "calendar", cal)
		}
		list := seqNode()
		list.Content = append(list.Content, tw)
		add(m, "timeWindow", list)
	}
	add(m, "budgetingMethod", strNode(string(o.BudgetingMethod)))
	objs := seqNode()
	for i, obj := range o.Objectives {
		objs.Content = append(objs.Content, e.objective(obj, index("spec.objectives", i)))
	}
	add(m, "objectives", objs)
	if len(o.AlertPolicies) > 0 {
		ps := seqNode()
		for i, p := range o.AlertPolicies {
			ps.Content = append(ps.Content, refNode(e, p, "alertPolicyRef", KindAlertPolicy, index("spec.alertPolicies", i), e.policy))
		}
		add(m, "alertPolicies", ps)
	}
	return m
}

// indicator adds indicator or indicatorRef to m.
func (e *encoder) indicator(m *yaml.Node, r Ref[SLI], path string) {
	switch {
	case r.Name != "":
		add(m, "indicatorRef", strNode(r.Name))
	case r.Object != nil:
		in := mapNode()
		add(in, "metadata", e.metadata(r.Object.Metadata))
		add(in, "spec", e.sli(r.Object, join(path, "indicator.spec")))
		add(m, "indicator", in)
	}
}

func (e *encoder) objective(o Objective, path string) *yaml.Node {
	m := mapNode()
	addStr(m, "displayName", o.DisplayName)
	addStr(m, "op", string(o.Op))
	if o.Value != nil {
		add(m, "value", numNode(o.Value.String()))
	}
	if o.Percent {
		add(m, "targetPercent", numNode(percentText(o.Target)))
	} else {
		add(m, "target", numNode(ratioText(o.Target)))
	}
	if o.TimeSliceTarget != (sla.Target{}) {
		add(m, "timeSliceTarget", numNode(ratioText(o.TimeSliceTarget)))
	}
	if !o.TimeSliceWindow.IsZero() {
		add(m, "timeSliceWindow", e.duration(o.TimeSliceWindow, join(path, "timeSliceWindow")))
	}
	e.indicator(m, o.Indicator, path)
	if !o.CompositeWeight.IsZero() {
		add(m, "compositeWeight", numNode(o.CompositeWeight.String()))
	}
	return m
}
