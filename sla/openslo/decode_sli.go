package openslo

import (
	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/internal/quote"
)

// sliSpec reads the spec of an SLI: exactly one of thresholdMetric and
// ratioMetric.
func (d *decoder) sliSpec(n *yaml.Node, path string, o *SLI) error {
	f, err := d.mapping(n, path, "description", "thresholdMetric", "ratioMetric")
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	switch th, ra := f.has("thresholdMetric"), f.has("ratioMetric"); {
	case th && ra:
		return f.fail("ratioMetric", reason(ErrConflict, "thresholdMetric and ratioMetric are both given; an SLI has one"))
	case th:
		o.ThresholdMetric, err = d.metric(f.node("thresholdMetric"), join(path, "thresholdMetric"))
		return err
	case ra:
		o.RatioMetric, err = d.ratioMetric(f.node("ratioMetric"), join(path, "ratioMetric"))
		return err
	}
	return d.at(f.self, join(path, "thresholdMetric"), reason(ErrMissingField, "an SLI needs thresholdMetric or ratioMetric"))
}

// inlineSLI reads an SLI given inline in an SLO: metadata and spec.
func (d *decoder) inlineSLI(n *yaml.Node, path string) (*SLI, error) {
	f, err := d.mapping(n, path, "metadata", "spec")
	if err != nil {
		return nil, err
	}
	if !f.has("metadata") {
		return nil, f.missing("metadata")
	}
	if !f.has("spec") {
		return nil, f.missing("spec")
	}
	md, err := d.metadata(f.node("metadata"), join(path, "metadata"))
	if err != nil {
		return nil, err
	}
	o := &SLI{Metadata: md}
	return o, d.sliSpec(f.node("spec"), join(path, "spec"), o)
}

func (d *decoder) ratioMetric(n *yaml.Node, path string) (*RatioMetric, error) {
	f, err := d.mapping(n, path, "counter", "good", "bad", "total", "rawType", "raw")
	if err != nil {
		return nil, err
	}
	r := &RatioMetric{}
	if r.Counter, err = f.boolean("counter"); err != nil {
		return nil, err
	}
	sources := map[string]**MetricSource{"good": &r.Good, "bad": &r.Bad, "total": &r.Total, "raw": &r.Raw}
	for _, k := range []string{"good", "bad", "total", "raw"} {
		if f.has(k) {
			if *sources[k], err = d.metric(f.node(k), join(path, k)); err != nil {
				return nil, err
			}
		}
	}
	rawType, err := f.str("rawType")
	if err != nil {
		return nil, err
	}
	r.RawType = RawType(rawType)
	switch {
	case r.Raw != nil:
		for _, k := range []string{"good", "bad", "total"} {
			if f.has(k) {
				return nil, f.fail(k, reason(ErrConflict, "raw is given; it cannot be used with good, bad or total"))
			}
		}
		if r.RawType == "" {
			return nil, f.missing("rawType")
		}
		if r.RawType != RawSuccess && r.RawType != RawFailure {
			return nil, f.fail("rawType", reason(ErrInvalid, "%s; want success or failure", quote.Text(rawType)))
		}
	case r.RawType != "":
		return nil, f.fail("rawType", reason(ErrConflict, "rawType goes with raw only"))
	case r.Good != nil && r.Bad != nil:
		return nil, f.fail("bad", reason(ErrConflict, "good and bad are both given; a ratio has one numerator"))
	case r.Good == nil && r.Bad == nil:
		return nil, d.at(f.self, join(path, "good"), reason(ErrMissingField, "a ratio metric needs good or bad with total, or raw"))
	case r.Total == nil:
		return nil, f.missing("total")
	}
	return r, nil
}

// metric reads a metric: in v1 {metricSource: {metricSourceRef, type,
// spec}}, in v2alpha {dataSourceRef, spec}.
func (d *decoder) metric(n *yaml.Node, path string) (*MetricSource, error) {
	if d.v2 {
		return d.metricV2(n, path)
	}
	outer, err := d.mapping(n, path, "metricSource")
	if err != nil {
		return nil, err
	}
	if !outer.has("metricSource") {
		return nil, outer.missing("metricSource")
	}
	path = join(path, "metricSource")
	f, err := d.mapping(outer.node("metricSource"), path, "metricSourceRef", "type", "spec")
	if err != nil {
		return nil, err
	}
	m := &MetricSource{}
	if m.SourceRef, err = f.refName("metricSourceRef"); err != nil {
		return nil, err
	}
	if m.Type, err = f.str("type"); err != nil {
		return nil, err
	}
	if m.SourceRef == "" && m.Type == "" {
		return nil, d.at(f.self, join(path, "type"), reason(ErrMissingField, "a metric source without metricSourceRef needs a type"))
	}
	if err := d.metricSpec(f, m); err != nil {
		return nil, err
	}
	return m, nil
}

func (d *decoder) metricV2(n *yaml.Node, path string) (*MetricSource, error) {
	f, err := d.mapping(n, path, "*")
	if err != nil {
		return nil, err
	}
	for _, k := range f.keys {
		if k != "dataSourceRef" && k != "spec" {
			return nil, f.fail(k, reason(ErrUnsupported, "an inline v2alpha data source (%s) has no v1 form; define a DataSource and refer to it with dataSourceRef", quote.Text(k)))
		}
	}
	m := &MetricSource{}
	if m.SourceRef, err = f.refName("dataSourceRef"); err != nil {
		return nil, err
	}
	if m.SourceRef == "" {
		return nil, f.missing("dataSourceRef")
	}
	if err := d.metricSpec(f, m); err != nil {
		return nil, err
	}
	return m, nil
}

// metricSpec reads the spec of a metric, which the specification leaves
// to the data source, and arranges for its data source to be resolved.
func (d *decoder) metricSpec(f *fields, m *MetricSource) error {
	if _, ok := f.vals["spec"]; !ok {
		return f.missing("spec")
	}
	var err error
	if m.Spec, err = f.value("spec"); err != nil {
		return err
	}
	if m.SourceRef != "" {
		key := "metricSourceRef"
		if d.v2 {
			key = "dataSourceRef"
		}
		resolve(d, KindDataSource, m.SourceRef, d.position(f.pos(key), join(f.path, key)), func(ds *DataSource) { m.DataSource = ds })
	}
	return nil
}
