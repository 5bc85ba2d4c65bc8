package openslo

import (
	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/internal/quote"
)

// document reads one YAML document: an object, a list of objects, or
// nothing.
func (d *decoder) document(doc *yaml.Node) error {
	d.item, d.kind, d.name, d.v2 = -1, "", "", false
	if len(doc.Content) == 0 {
		return nil
	}
	n, err := d.deref(doc.Content[0], "")
	if err != nil {
		return err
	}
	switch {
	case isNull(n):
		return nil
	case n.Kind == yaml.MappingNode:
		return d.object(n)
	case n.Kind == yaml.SequenceNode:
		for i, c := range n.Content {
			d.item, d.kind, d.name, d.v2 = i, "", "", false
			if err := d.object(c); err != nil {
				return err
			}
		}
		return nil
	}
	return d.at(n, "", reason(ErrSyntax, "want an OpenSLO object (a mapping of apiVersion, kind, metadata and spec) or a list of them, found %s", describe(n)))
}

// object reads one top-level object and adds it to the file.
func (d *decoder) object(n *yaml.Node) error {
	f, err := d.mapping(n, "", "apiVersion", "kind", "metadata", "spec")
	if err != nil {
		return err
	}
	kind, err := f.str("kind")
	if err != nil {
		return err
	}
	d.kind = kind
	if f.has("metadata") {
		// The name first, so that every later error names the object.
		if md, err := d.mapping(f.node("metadata"), "metadata", "*"); err == nil {
			if name, err := md.str("name"); err == nil {
				d.name = name
			}
		}
	}
	if err := d.checkExpansion(n); err != nil {
		return err
	}
	version, err := f.required("apiVersion")
	if err != nil {
		return err
	}
	switch version {
	case V1:
	case V2alpha, V2alpha1:
		d.v2 = true
	default:
		return f.fail("apiVersion", reason(ErrVersion, "%s; want %s (or %s)", quote.Text(version), V1, V2alpha))
	}
	if kind == "" {
		return f.missing("kind")
	}
	if !f.has("metadata") {
		return f.missing("metadata")
	}
	md, err := d.metadata(f.node("metadata"), "metadata")
	if err != nil {
		return err
	}
	spec := f.node("spec")
	if !f.has("spec") && kind != KindService {
		return f.missing("spec")
	}
	switch kind {
	case KindService:
		o := &Service{Metadata: md}
		if f.has("spec") {
			err = d.serviceSpec(spec, "spec", o)
		}
		return register(d, err, f, o, &d.file.Services)
	case KindDataSource:
		o := &DataSource{Metadata: md}
		return register(d, d.dataSourceSpec(spec, "spec", o), f, o, &d.file.DataSources)
	case KindSLI:
		o := &SLI{Metadata: md}
		return register(d, d.sliSpec(spec, "spec", o), f, o, &d.file.SLIs)
	case KindSLO:
		o := &SLO{Metadata: md}
		return register(d, d.sloSpec(spec, "spec", o), f, o, &d.file.SLOs)
	case KindAlertPolicy:
		o := &AlertPolicy{Metadata: md}
		return register(d, d.alertPolicySpec(spec, "spec", o), f, o, &d.file.AlertPolicies)
	case KindAlertCondition:
		o := &AlertCondition{Metadata: md}
		return register(d, d.alertConditionSpec(spec, "spec", "metadata", o), f, o, &d.file.AlertConditions)
	case KindAlertNotificationTarget:
		o := &AlertNotificationTarget{Metadata: md}
		return register(d, d.notificationTargetSpec(spec, "spec", o), f, o, &d.file.NotificationTargets)
	}
	return f.fail("kind", reason(ErrUnknownKind, "%s; want one of DataSource, Service, SLI, SLO, AlertPolicy, AlertCondition, AlertNotificationTarget", quote.Text(kind)))
}

// register appends a decoded top-level object to its list, refusing a second
// object of the same kind and name.
func register[T named](d *decoder, err error, f *fields, o T, list *[]T) error {
	if err != nil {
		return err
	}
	if d.names == nil {
		d.names = make(map[string]map[string]any)
	}
	byName := d.names[d.kind]
	if byName == nil {
		byName = make(map[string]any)
		d.names[d.kind] = byName
	}
	if _, dup := byName[o.name()]; dup {
		return f.fail("metadata", reason(ErrDuplicateName, "another %s is named %s", d.kind, quote.Text(o.name())))
	}
	byName[o.name()] = o
	*list = append(*list, o)
	return nil
}

// metadata reads the metadata of an object, top-level or inline.
func (d *decoder) metadata(n *yaml.Node, path string) (Metadata, error) {
	var md Metadata
	f, err := d.mapping(n, path, "name", "displayName", "labels", "annotations")
	if err != nil {
		return md, err
	}
	if md.Name, err = f.str("name"); err != nil {
		return md, err
	}
	if err := checkName(md.Name); err != nil {
		return md, f.fail("name", err)
	}
	if md.DisplayName, err = f.str("displayName"); err != nil {
		return md, err
	}
	if f.has("labels") {
		if md.Labels, err = d.labels(f.node("labels"), join(path, "labels")); err != nil {
			return md, err
		}
	}
	if f.has("annotations") {
		af, err := d.mapping(f.node("annotations"), join(path, "annotations"), "*")
		if err != nil {
			return md, err
		}
		for _, k := range af.keys {
			if err := checkAnnotationKey(k); err != nil {
				return md, af.fail(k, err)
			}
			v, err := af.str(k)
			if err != nil {
				return md, err
			}
			if md.Annotations == nil {
				md.Annotations = make(map[string]string, len(af.keys))
			}
			md.Annotations[k] = v
		}
	}
	return md, nil
}

// labels reads metadata.labels: each value a string or a list of
// strings.
func (d *decoder) labels(n *yaml.Node, path string) (map[string][]string, error) {
	f, err := d.mapping(n, path, "*")
	if err != nil {
		return nil, err
	}
	if len(f.keys) == 0 {
		return nil, nil
	}
	out := make(map[string][]string, len(f.keys))
	for _, k := range f.keys {
		if err := checkLabelKey(k); err != nil {
			return nil, f.fail(k, err)
		}
		v, err := d.deref(f.node(k), join(path, k))
		if err != nil {
			return nil, err
		}
		switch v.Kind {
		case yaml.ScalarNode:
			s, err := f.str(k)
			if err != nil {
				return nil, err
			}
			if isNull(v) {
				return nil, f.fail(k, reason(ErrSyntax, "want a string or a list of strings, found null"))
			}
			out[k] = []string{s}
		case yaml.SequenceNode:
			items, err := f.list(k)
			if err != nil {
				return nil, err
			}
			vals := make([]string, 0, len(items))
			for i, it := range items {
				p := index(join(path, k), i)
				it, err := d.deref(it, p)
				if err != nil {
					return nil, err
				}
				if err := d.pay(it, p); err != nil {
					return nil, err
				}
				if it.Kind != yaml.ScalarNode || isNull(it) {
					return nil, d.at(it, p, reason(ErrSyntax, "want a string, found %s", describe(it)))
				}
				vals = append(vals, it.Value)
			}
			out[k] = vals
		default:
			return nil, f.fail(k, reason(ErrSyntax, "want a string or a list of strings, found %s", describe(v)))
		}
	}
	return out, nil
}

// refName reads an optional reference field and checks the name.
func (f *fields) refName(key string) (string, error) {
	s, err := f.str(key)
	if err != nil || s == "" {
		return "", err
	}
	if err := checkName(s); err != nil {
		return "", f.fail(key, err)
	}
	return s, nil
}

// resolve arranges for a reference of the given kind to be looked up once
// every document is read.
func resolve[T any](d *decoder, kind, name string, at func(error) error, set func(*T)) {
	d.after = append(d.after, func() error {
		o, ok := d.names[kind][name].(*T)
		if !ok {
			return at(reason(ErrMissingRef, "no %s named %s in the stream", kind, quote.Text(name)))
		}
		set(o)
		return nil
	})
}

// description reads and checks an optional description.
func (f *fields) description() (string, error) {
	s, err := f.str("description")
	if err != nil {
		return "", err
	}
	if err := checkDescription(s); err != nil {
		return "", f.fail("description", err)
	}
	return s, nil
}

func (d *decoder) serviceSpec(n *yaml.Node, path string, o *Service) error {
	f, err := d.mapping(n, path, "description")
	if err != nil {
		return err
	}
	o.Description, err = f.description()
	return err
}

func (d *decoder) notificationTargetSpec(n *yaml.Node, path string, o *AlertNotificationTarget) error {
	f, err := d.mapping(n, path, "description", "target")
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	o.Target, err = f.required("target")
	return err
}

// dataSourceSpec reads a DataSource: in v1 a type and connection details;
// in v2alpha the connection details under a key that names the type.
func (d *decoder) dataSourceSpec(n *yaml.Node, path string, o *DataSource) error {
	allowed := []string{"description", "type", "connectionDetails"}
	if d.v2 {
		allowed = []string{"*"}
	}
	f, err := d.mapping(n, path, allowed...)
	if err != nil {
		return err
	}
	if o.Description, err = f.description(); err != nil {
		return err
	}
	if !d.v2 {
		if o.Type, err = f.required("type"); err != nil {
			return err
		}
		o.ConnectionDetails, err = f.value("connectionDetails")
		return err
	}
	for _, k := range f.keys {
		if k == "description" {
			continue
		}
		if o.Type != "" {
			return f.fail(k, reason(ErrConflict, "a v2alpha DataSource names one source type, found %s and %s", quote.Text(o.Type), quote.Text(k)))
		}
		o.Type = k
		if o.ConnectionDetails, err = f.value(k); err != nil {
			return err
		}
	}
	if o.Type == "" {
		return d.at(f.self, path, reason(ErrMissingField, "a v2alpha DataSource needs a key naming its type, such as prometheus"))
	}
	return nil
}
