package openslo

import (
	"time"

	"github.com/slamath/slamath/sla"
)

// The kinds of OpenSLO objects, as written in their kind field.
const (
	KindDataSource              = "DataSource"
	KindService                 = "Service"
	KindSLI                     = "SLI"
	KindSLO                     = "SLO"
	KindAlertPolicy             = "AlertPolicy"
	KindAlertCondition          = "AlertCondition"
	KindAlertNotificationTarget = "AlertNotificationTarget"
)

// The API versions this package reads. It writes V1 only.
const (
	V1 = "openslo/v1"
	// V2alpha is the version the OpenSLO Go SDK writes for the draft of
	// version 2; V2alpha1 is the name the specification's draft
	// (enhancements/v2alpha1.md) gives it. Both are read the same way.
	V2alpha  = "openslo.com/v2alpha"
	V2alpha1 = "openslo/v2alpha1"
)

// File is the objects of an OpenSLO stream, by kind, each list in the
// order of the stream. Objects defined inline inside another (an SLI in
// an SLO, a condition in an alert policy) are not listed here; they hang
// off their parent.
//
// A File is plain data. Read returns one whose references are resolved:
// every Ref points at the object it names. It is safe for concurrent
// reads; this package does not modify it once returned.
type File struct {
	DataSources         []*DataSource
	Services            []*Service
	SLIs                []*SLI
	SLOs                []*SLO
	AlertPolicies       []*AlertPolicy
	AlertConditions     []*AlertCondition
	NotificationTargets []*AlertNotificationTarget
}

// SLO returns the SLO named name, or nil (always nil for a nil File).
func (f *File) SLO(name string) *SLO {
	if f == nil {
		return nil
	}
	return find(f.SLOs, name)
}

// SLI returns the SLI named name, or nil (always nil for a nil File).
func (f *File) SLI(name string) *SLI {
	if f == nil {
		return nil
	}
	return find(f.SLIs, name)
}

// AlertPolicy returns the alert policy named name, or nil (always nil
// for a nil File).
func (f *File) AlertPolicy(name string) *AlertPolicy {
	if f == nil {
		return nil
	}
	return find(f.AlertPolicies, name)
}

type named interface{ name() string }

func find[T named](list []T, name string) T {
	for _, o := range list {
		if o.name() == name {
			return o
		}
	}
	var zero T
	return zero
}

// Metadata is the metadata of every object.
type Metadata struct {
	// Name is metadata.name: 1 to 255 characters, none of them a space or
	// a control character. The specification requires RFC 1123 labels to
	// be accepted and encourages longer names with . | / \ as well; its
	// own examples use capitals ("OnCallDevopsMailNotification"), so
	// this package accepts all of those.
	Name        string
	DisplayName string
	// Labels are metadata.labels: a value written as one string holds
	// one member. Nil when there are none.
	Labels map[string][]string
	// Annotations are metadata.annotations. Nil when there are none.
	// Keys under slamath.github.io/ carry what OpenSLO has no field for;
	// see the package documentation.
	Annotations map[string]string
}

// Ref is a place where the specification lets an object be given inline
// or by name (indicator / indicatorRef, conditions[].conditionRef, ...).
// Name is the name referred to, "" when the object is given inline;
// Object is the object, inline or the one Name refers to. The zero value
// means "not given".
type Ref[T any] struct {
	Name   string
	Object *T
}

// IsZero reports whether r is not given.
func (r Ref[T]) IsZero() bool { return r.Name == "" && r.Object == nil }

// Inline returns a Ref to an object given inline.
func Inline[T any](o *T) Ref[T] { return Ref[T]{Object: o} }

// ByName returns a Ref to the object named name; Write writes only the
// name, and Read resolves it.
func ByName[T any](name string) Ref[T] { return Ref[T]{Name: name} }

// Service is a grouping of SLOs.
type Service struct {
	Metadata
	Description string
}

// DataSource is the connection to a metric source, for an SLI to refer
// to. ConnectionDetails is kept as written.
type DataSource struct {
	Metadata
	Description       string
	Type              string
	ConnectionDetails Value
}

// SLI is a service level indicator: how to read the metrics. Exactly one
// of ThresholdMetric and RatioMetric is set.
type SLI struct {
	Metadata
	Description     string
	ThresholdMetric *MetricSource
	RatioMetric     *RatioMetric
}

// MetricSource is a query against a data source. Spec is kept as written.
type MetricSource struct {
	// SourceRef is metricSourceRef, the name of a DataSource; "" when the
	// source is given by Type alone. DataSource is the object it names.
	SourceRef  string
	DataSource *DataSource
	Type       string
	Spec       Value
}

// RawType says what a precomputed ratio holds.
type RawType string

// The raw types of a ratio metric.
const (
	RawSuccess RawType = "success" // good/total
	RawFailure RawType = "failure" // bad/total
)

// RatioMetric is an SLI of good (or bad) events out of all events: Good
// or Bad with Total, or Raw with RawType.
type RatioMetric struct {
	Counter bool
	Good    *MetricSource
	Bad     *MetricSource
	Total   *MetricSource
	RawType RawType
	Raw     *MetricSource
}

// BudgetingMethod says how an SLO counts against its budget.
type BudgetingMethod string

// The budgeting methods of the specification.
const (
	// Occurrences: good events out of all events.
	Occurrences BudgetingMethod = "Occurrences"
	// Timeslices: good time slices out of all slices; a slice is good
	// when its ratio of good events is at least the time-slice target.
	Timeslices BudgetingMethod = "Timeslices"
	// RatioTimeslices: the average of the slices' ratios of good events.
	RatioTimeslices BudgetingMethod = "RatioTimeslices"
)

// Operator compares an indicator with a threshold.
type Operator string

// The operators of the specification.
const (
	LT  Operator = "lt"
	LTE Operator = "lte"
	GT  Operator = "gt"
	GTE Operator = "gte"
)

// Holds reports whether x op v holds, exactly: a latency x of 499 is good
// for an objective with op lt and value 500. It reports false for an
// operator that is not one of lt, lte, gt, gte.
func (op Operator) Holds(x, v Decimal) bool {
	c := x.Cmp(v)
	switch op {
	case LT:
		return c < 0
	case LTE:
		return c <= 0
	case GT:
		return c > 0
	case GTE:
		return c >= 0
	}
	return false
}

func (op Operator) valid() bool { return op == LT || op == LTE || op == GT || op == GTE }

// SLO is a service level objective.
type SLO struct {
	Metadata
	Description string
	// Service is spec.service (serviceRef in v2alpha). The specification
	// says it "may refer" to a Service; ServiceObject is that Service when
	// the stream defines one of this name, and nil otherwise.
	Service       string
	ServiceObject *Service
	// Indicator is the SLI of the SLO, inline (indicator) or by name
	// (indicatorRef). It is zero for a composite SLO, whose objectives
	// carry their own indicators.
	Indicator       Ref[SLI]
	TimeWindow      *TimeWindow
	BudgetingMethod BudgetingMethod
	Objectives      []Objective
	AlertPolicies   []Ref[AlertPolicy]
}

// Objective is one threshold of an SLO.
type Objective struct {
	DisplayName string
	// Op and Value are the threshold of a threshold SLI: an indicator
	// reading x is good when x Op Value. Nil Value and empty Op when not
	// given.
	Op    Operator
	Value *Decimal
	// Target is target (a ratio) or targetPercent (a percentage), held
	// exactly; Percent records which of the two was written.
	Target  sla.Target
	Percent bool
	// TimeSliceTarget is the ratio of good events that makes a time slice
	// good (Timeslices only); 0 when not given, which is not a valid
	// time-slice target.
	TimeSliceTarget sla.Target
	// TimeSliceWindow is the length of a time slice (Timeslices and
	// RatioTimeslices); a bare number in the document means minutes.
	TimeSliceWindow Duration
	// Indicator and CompositeWeight belong to the objectives of a
	// composite SLO: each has its own SLI and a positive weight (zero
	// when not given).
	Indicator       Ref[SLI]
	CompositeWeight Decimal
}

// TimeWindow is the window an SLO is measured over: rolling (the span of
// its length that ends now) or calendar-aligned (consecutive periods
// from a start time in a time zone).
type TimeWindow struct {
	Duration Duration
	// Rolling is isRolling; Calendar is nil exactly when Rolling is true.
	Rolling  bool
	Calendar *Calendar
}

// Calendar anchors a calendar-aligned window.
type Calendar struct {
	// Start is calendar.startTime read as a wall-clock time in the time
	// zone calendar.timeZone; its Location is that zone. A start time
	// that the zone skips (a daylight-saving gap) is an error; one that
	// occurs twice is its first occurrence.
	Start time.Time
}

// AlertPolicy groups an alert condition with where to notify.
type AlertPolicy struct {
	Metadata
	Description        string
	AlertWhenNoData    bool
	AlertWhenResolved  bool
	AlertWhenBreaching bool
	// Conditions holds exactly one condition: the specification makes
	// the field a list "for future-proofing" but allows one.
	Conditions []Ref[AlertCondition]
	// NotificationTargets may be empty: where an alert goes does not
	// change whether it fires, so this package accepts a policy without
	// targets although the specification marks the field required.
	NotificationTargets []Ref[AlertNotificationTarget]
}

// The only alert condition kind of the specification.
const conditionBurnRate = "burnrate"

// AlertCondition is a burn-rate alert condition: the SLO's burn rate over
// LookbackWindow compared with Threshold by Op, for AlertAfter.
type AlertCondition struct {
	Metadata
	Description string
	Severity    string
	// Op is condition.op; empty when not given (earlier texts of v1 have
	// no op, and say the alert fires when the burn rate exceeds the
	// threshold).
	Op             Operator
	Threshold      Decimal
	LookbackWindow Duration
	// AlertAfter is zero when not given; the specification's default is
	// 0m.
	AlertAfter Duration
}

// AlertNotificationTarget is where alerts go.
type AlertNotificationTarget struct {
	Metadata
	Description string
	Target      string
}

func (o *Service) name() string                 { return o.Name }
func (o *DataSource) name() string              { return o.Name }
func (o *SLI) name() string                     { return o.Name }
func (o *SLO) name() string                     { return o.Name }
func (o *AlertPolicy) name() string             { return o.Name }
func (o *AlertCondition) name() string          { return o.Name }
func (o *AlertNotificationTarget) name() string { return o.Name }
