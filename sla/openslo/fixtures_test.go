package openslo_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
	"github.com/slamath/slamath/window"
)

// readFixture reads testdata/name with the file name in errors.
func readFixture(t *testing.T, name string) *openslo.File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	f, err := openslo.Options{Name: name}.Read(data)
	require.NoError(t, err)
	return f
}

func newYork(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return loc
}

// The fixtures are written from the values and shapes of the
// specification's examples; each test pins what the fixture maps to.

func TestFixtureCheckout(t *testing.T) {
	f := readFixture(t, "checkout.yaml")
	counts := []int{len(f.DataSources), len(f.Services), len(f.SLIs), len(f.SLOs), len(f.AlertPolicies), len(f.AlertConditions), len(f.NotificationTargets)}
	if diff := cmp.Diff([]int{1, 1, 1, 1, 1, 1, 1}, counts); diff != "" {
		t.Fatalf("objects by kind (-want +got):\n%s", diff)
	}
	s := f.SLO("checkout")
	require.NotNil(t, s)
	if f.AlertPolicy("checkout-page") != f.AlertPolicies[0] || f.SLI("checkout-success") != f.SLIs[0] || f.SLO("no-such-slo") != nil {
		t.Error("look-ups by name do not find the objects")
	}
	if got := []sla.Target{s.Objectives[0].Target, s.Objectives[1].Target}; got[0] != sla.MustTarget("99.9%") || got[1] != sla.MustTarget("99.95%") {
		t.Errorf("targets = %v, want 99.9%% and 99.95%%", got)
	}
	if s.Objectives[0].Percent || !s.Objectives[1].Percent {
		t.Errorf("Percent = %v, %v; want false (target), true (targetPercent)", s.Objectives[0].Percent, s.Objectives[1].Percent)
	}
	// indicatorRef and metricSourceRef resolve across documents.
	sli := s.Indicator.Object
	require.NotNil(t, sli)
	if s.Indicator.Name != "checkout-success" || sli != f.SLIs[0] {
		t.Errorf("indicator = %q %p, want the SLI checkout-success %p", s.Indicator.Name, sli, f.SLIs[0])
	}
	if sli.RatioMetric.Good.DataSource != f.DataSources[0] || sli.RatioMetric.Total.DataSource != f.DataSources[0] {
		t.Error("metricSourceRef did not resolve to the DataSource prometheus-main")
	}
	if s.ServiceObject != f.Services[0] {
		t.Error("service did not link the Service checkout")
	}
	if diff := cmp.Diff(map[string][]string{"team": {"payments"}, "tier": {"tier-1", "revenue"}}, sli.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	wantDetails := openslo.MapValue(
		openslo.Field{Key: "url", Value: openslo.StringValue("http://prometheus.example:9090")},
		openslo.Field{Key: "timeout", Value: openslo.Value{Kind: openslo.Scalar, Tag: "!!int", Text: "30"}},
	)
	if diff := cmp.Diff(wantDetails, f.DataSources[0].ConnectionDetails); diff != "" {
		t.Errorf("connectionDetails (-want +got):\n%s", diff)
	}

	// March 2026 in New York, local midnight to local midnight, is 743
	// hours (FACTS.md: DST starts on Sunday 8 March).
	ny := newYork(t)
	at := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	p, err := s.Period(at)
	require.NoError(t, err)
	want := window.Between(time.Date(2026, 3, 1, 0, 0, 0, 0, ny), time.Date(2026, 4, 1, 0, 0, 0, 0, ny))
	if !p.Equal(want) || p.Duration() != 743*time.Hour {
		t.Errorf("period = %v (%v), want %v (743h)", p, p.Duration(), want)
	}
	// 99.9% of 743 h allows 743 × 3600 s × 0.001 = 2674.8 s; 99.95%
	// allows half of it, 1337.4 s.
	if got := s.Objectives[0].Target.Allowance(p.Duration()); got != 2674800*time.Millisecond {
		t.Errorf("allowance at 99.9%% = %v, want 44m34.8s", got)
	}
	if got := s.Objectives[1].Target.Allowance(p.Duration()); got != 1337400*time.Millisecond {
		t.Errorf("allowance at 99.95%% = %v, want 22m17.4s", got)
	}

	// The policy pages at burn 14.4 over 1 h with the 5 m short window of
	// its annotation (the SRE Workbook's fast-burn pair).
	pol, err := s.AlertPolicy(at)
	require.NoError(t, err)
	require.Len(t, pol.Rules, 1)
	r := pol.Rules[0]
	if pol.Period != 743*time.Hour || r.Severity != sla.SeverityPage || r.Long != time.Hour || r.Short != 5*time.Minute || r.Burn().String() != "14.4" {
		t.Errorf("policy = %v %+v; want 743h, page 1h/5m at burn 14.4", pol.Period, r)
	}
	c := f.AlertConditions[0]
	if c.AlertAfter != openslo.MustDuration("2m") || c.Op != openslo.GT {
		t.Errorf("condition alertAfter %v op %v, want 2m gt", c.AlertAfter, c.Op)
	}
	if got := f.AlertPolicies[0].NotificationTargets[0].Object; got != f.NotificationTargets[0] {
		t.Errorf("targetRef resolved to %p, want %p", got, f.NotificationTargets[0])
	}
}

func TestFixtureFooInline(t *testing.T) {
	f := readFixture(t, "foo-inline.yaml")
	require.Len(t, f.SLOs, 1)
	s := f.SLOs[0]
	if s.Objectives[0].Target != sla.MustTarget("98%") {
		t.Errorf("target 0.98 read as %v, want 98%%", s.Objectives[0].Target)
	}
	// An inline SLI is not listed among the file's SLIs.
	if len(f.SLIs) != 0 || s.Indicator.Name != "" || s.Indicator.Object == nil || s.Indicator.Object.Name != "foo-error" {
		t.Errorf("indicator = %+v, SLIs = %d; want foo-error inline and no top-level SLI", s.Indicator, len(f.SLIs))
	}
	if ds := s.Indicator.Object.RatioMetric.Good.DataSource; ds == nil || ds.Type != "Datadog" {
		t.Errorf("the inline SLI's metricSourceRef did not resolve: %+v", ds)
	}
	// The specification lets the time window out; then there is no period.
	if _, err := s.Period(time.Now()); !errors.Is(err, openslo.ErrMissingField) {
		t.Errorf("Period of an SLO without a window: %v, want ErrMissingField", err)
	}
}

func TestFixtureSearchThreshold(t *testing.T) {
	f := readFixture(t, "search-threshold.yaml")
	s := f.SLOs[0]
	o := s.Objectives[0]
	if o.Op != openslo.LT || o.Value == nil || *o.Value != openslo.MustDecimal("500") || o.Target != sla.MustTarget("99%") {
		t.Errorf("objective = %+v, want lt 500 at 99%%", o)
	}
	// A search of 499 ms is good, one of 500 ms is not (op lt).
	if !o.Op.Holds(openslo.MustDecimal("499.999"), *o.Value) || o.Op.Holds(openslo.MustDecimal("500"), *o.Value) {
		t.Error("lt 500 should hold for 499.999 and not for 500")
	}
	// A metric spec of comments only is null, kept as such.
	if got := s.Indicator.Object.ThresholdMetric.Spec; got.Kind != openslo.Scalar || got.Tag != "!!null" {
		t.Errorf("spec = %+v, want a null scalar", got)
	}
	if s.AlertPolicies != nil {
		t.Errorf("alertPolicies: (null) read as %v, want none", s.AlertPolicies)
	}
	// A rolling 2w window is the 336 hours before the instant.
	at := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	p, err := s.Period(at)
	require.NoError(t, err)
	if !p.Equal(window.Last(336*time.Hour, at)) {
		t.Errorf("period = %v, want the 336 h before %v", p, at)
	}
}

func TestFixtureAvailabilityTimeslices(t *testing.T) {
	f := readFixture(t, "availability-timeslices.yaml")
	s := f.SLOs[0]
	ny := newYork(t)
	// The months start at 12:00 New York time on the 1st (startTime
	// 2022-01-01 12:00:00). The one holding 10 March 2026 runs from
	// 1 March 12:00 EST to 1 April 12:00 EDT: 31 days less the hour DST
	// takes on 8 March, 743 h. An instant at 11:00 on 1 March still lies
	// in February's period: 28 days of 24 h (no change in February).
	cases := []struct {
		name string
		at   time.Time
		want window.Interval
		hrs  time.Duration
	}{
		{"march", time.Date(2026, 3, 10, 12, 0, 0, 0, ny), window.Between(time.Date(2026, 3, 1, 12, 0, 0, 0, ny), time.Date(2026, 4, 1, 12, 0, 0, 0, ny)), 743 * time.Hour},
		{"before noon on the 1st", time.Date(2026, 3, 1, 11, 0, 0, 0, ny), window.Between(time.Date(2026, 2, 1, 12, 0, 0, 0, ny), time.Date(2026, 3, 1, 12, 0, 0, 0, ny)), 672 * time.Hour},
		{"at the boundary", time.Date(2026, 3, 1, 12, 0, 0, 0, ny), window.Between(time.Date(2026, 3, 1, 12, 0, 0, 0, ny), time.Date(2026, 4, 1, 12, 0, 0, 0, ny)), 743 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.Period(tc.at)
			require.NoError(t, err)
			if !p.Equal(tc.want) || p.Duration() != tc.hrs {
				t.Errorf("period = %v (%v), want %v (%v)", p, p.Duration(), tc.want, tc.hrs)
			}
		})
	}
	for i, o := range s.Objectives {
		// Both write one-minute slices: "1m" and the bare number 1.
		if o.TimeSliceWindow != openslo.MustDuration("1m") || o.TimeSliceTarget != sla.MustTarget("99%") {
			t.Errorf("objective %d: slices %v at %v, want 1m at 99%%", i, o.TimeSliceWindow, o.TimeSliceTarget)
		}
		// A slice is bad when more than 1% of its events fail.
		if got := o.SliceRules(); got.MaxErrors != sla.MustTarget("1%") || got.MinEvents != 0 || got.Empty != sla.EmptyGood {
			t.Errorf("objective %d: slice rules %+v, want errors above 1%%, no minimum, empty slices good", i, got)
		}
		// 743 h of one-minute slices: 743 × 60 = 44,580.
		if got := o.Slices(743 * time.Hour); got != 44580 {
			t.Errorf("objective %d: %d slices in 743 h, want 44580", i, got)
		}
	}
	if s.Objectives[0].Target != sla.MustTarget("99.5%") || s.Objectives[1].Target != sla.MustTarget("99%") {
		t.Errorf("targets %v, %v; want 99.5%%, 99%%", s.Objectives[0].Target, s.Objectives[1].Target)
	}
}

func TestFixtureRatioTimeslices(t *testing.T) {
	f := readFixture(t, "main-page-ratio-timeslices.yaml")
	s := f.SLOs[0]
	o := s.Objectives[0]
	if s.BudgetingMethod != openslo.RatioTimeslices || o.Target != sla.MustTarget("99%") || o.TimeSliceWindow != openslo.MustDuration("1m") || o.Op != openslo.GT {
		t.Errorf("SLO %v objective %+v; want RatioTimeslices, 99%%, 1m slices, op gt kept", s.BudgetingMethod, o)
	}
	// The average of the slice ratios 1, 1/2 and 3/4 is 3/4; the empty
	// slice has no ratio and is left out.
	got, err := s.Measure(0, []sla.Slice{{Good: 10, Total: 10}, {Good: 1, Total: 2}, {}, {Good: 3, Total: 4}})
	require.NoError(t, err)
	if got.String() != "0.75" || got.Met(o.Target) {
		t.Errorf("measured %v (met %v), want 0.75, missed", got, got.Met(o.Target))
	}
}

func TestFixtureCPUAlert(t *testing.T) {
	f := readFixture(t, "cpu-alert.yaml")
	require.Len(t, f.AlertPolicies, 2)
	inline, byRef := f.AlertPolicies[0], f.AlertPolicies[1]
	c := inline.Conditions[0]
	if c.Name != "" || c.Object == nil || c.Object.Name != "cpu-usage-breach" || c.Object.Metadata.DisplayName != "CPU Usage breaching" {
		t.Errorf("inline condition = %+v", c)
	}
	if got := byRef.Conditions[0].Object; got != f.AlertConditions[0] {
		t.Errorf("conditionRef resolved to %p, want %p", got, f.AlertConditions[0])
	}
	want := openslo.AlertCondition{
		Metadata:       openslo.Metadata{Name: "cpu-usage-breach", DisplayName: "CPU usage breach"},
		Description:    "If the CPU usage is too high for given period then it should alert",
		Severity:       "page",
		Op:             openslo.LTE,
		Threshold:      openslo.MustDecimal("2"),
		LookbackWindow: openslo.MustDuration("1h"),
		AlertAfter:     openslo.MustDuration("5m"),
	}
	if diff := cmp.Diff(&want, f.AlertConditions[0]); diff != "" {
		t.Errorf("condition (-want +got):\n%s", diff)
	}
	// op lte has no counterpart in the library's rules, which fire when
	// the burn rate exceeds the threshold.
	if _, err := f.AlertConditions[0].Rule(); !errors.Is(err, openslo.ErrUnsupported) {
		t.Errorf("Rule with op lte: %v, want ErrUnsupported", err)
	}
	if got := inline.NotificationTargets[0].Object.Target; got != "email" {
		t.Errorf("target = %q, want email", got)
	}
	if got := byRef.NotificationTargets[0].Object.Target; got != "slack" {
		t.Errorf("target = %q, want slack", got)
	}
}

func TestFixtureV2alpha(t *testing.T) {
	f := readFixture(t, "web-v2alpha.yaml")
	require.Len(t, f.SLOs, 1)
	s := f.SLOs[0]
	if s.Service != "web" || s.ServiceObject != f.Services[0] {
		t.Errorf("serviceRef = %q linked %v, want web linked", s.Service, s.ServiceObject != nil)
	}
	ds := f.DataSources[0]
	if ds.Type != "prometheus" || ds.ConnectionDetails.Fields[0].Key != "url" {
		t.Errorf("v2alpha DataSource = %+v, want type prometheus with its url", ds)
	}
	if m := s.Indicator.Object.RatioMetric.Good; m.SourceRef != "my-prometheus" || m.DataSource != ds {
		t.Errorf("dataSourceRef = %q resolved %v", m.SourceRef, m.DataSource != nil)
	}
	o := s.Objectives[0]
	if o.Target != sla.MustTarget("99.5%") || o.TimeSliceTarget != sla.MustTarget("95%") {
		t.Errorf("objective = %+v", o)
	}
	// Weeks from Saturday 2022-01-01 12:00 New York time. The one holding
	// Tuesday 10 March 2026 runs from Saturday 7 March 12:00 EST to
	// Saturday 14 March 12:00 EDT: 168 h less the DST hour of 8 March.
	ny := newYork(t)
	p, err := s.Period(time.Date(2026, 3, 10, 9, 0, 0, 0, ny))
	require.NoError(t, err)
	want := window.Between(time.Date(2026, 3, 7, 12, 0, 0, 0, ny), time.Date(2026, 3, 14, 12, 0, 0, 0, ny))
	if !p.Equal(want) || p.Duration() != 167*time.Hour {
		t.Errorf("period = %v (%v), want %v (167h)", p, p.Duration(), want)
	}
}

func TestFixtureComposite(t *testing.T) {
	f := readFixture(t, "composite.yaml")
	s := f.SLOs[0]
	if !s.Indicator.IsZero() {
		t.Errorf("a composite SLO has no indicator of its own: %+v", s.Indicator)
	}
	lat, errs := s.Objectives[0], s.Objectives[1]
	if lat.Indicator.Object != f.SLI("api-latency") || errs.Indicator.Object != f.SLI("api-errors") {
		t.Error("objective indicatorRefs did not resolve")
	}
	if lat.CompositeWeight != openslo.MustDecimal("2") || errs.CompositeWeight != openslo.MustDecimal("0.5") {
		t.Errorf("weights %v, %v; want 2, 0.5", lat.CompositeWeight, errs.CompositeWeight)
	}
	if lat.Target != sla.MustTarget("99%") || errs.Target != sla.MustTarget("99.9%") || *lat.Value != openslo.MustDecimal("0.25") {
		t.Errorf("objectives = %+v, %+v", lat, errs)
	}
	// A 28-day rolling window: the default policy's thresholds are 13.44,
	// 5.6 and 14/15 (FACTS.md, burn = share × period / long window).
	p, err := s.Period(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	if p.Duration() != 28*24*time.Hour {
		t.Errorf("period %v, want 672h", p.Duration())
	}
}

// "targetPercent: 99.95 and target: 0.9995 give equal targets" (the
// specification's Notes (Objectives) say they are equivalent).
func TestTargetAndTargetPercentAreEqual(t *testing.T) {
	read := func(objective string) sla.Target {
		t.Helper()
		f, err := openslo.Read([]byte(sloWith(objective)))
		require.NoError(t, err)
		return f.SLOs[0].Objectives[0].Target
	}
	cases := []struct{ a, b string }{
		{"targetPercent: 99.95", "target: 0.9995"},
		{"targetPercent: 99.95", "target: 9.995e-1"},
		{"targetPercent: 99.999", "target: 0.99999"},
		{"targetPercent: 0", "target: 0"},
		{"targetPercent: 99.9999999999999999", "target: 0.999999999999999999"},
	}
	for _, tc := range cases {
		a, b := read("- "+tc.a), read("- "+tc.b)
		if a != b {
			t.Errorf("%s gives %v, %s gives %v", tc.a, a, tc.b, b)
		}
	}
	if got := read("- targetPercent: 99.95"); got != sla.MustTarget("99.95%") {
		t.Errorf("targetPercent 99.95 = %v", got)
	}
}
