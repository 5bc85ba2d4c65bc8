package openslo_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// fileOptions compare Files: targets by value, instants by value and
// zone name (Write must keep the time zone), and Decimals by their Equal.
var fileOptions = cmp.Options{
	cmp.Comparer(func(a, b sla.Target) bool { return a == b }),
	cmp.Comparer(func(a, b time.Time) bool {
		return a.Equal(b) && a.Location().String() == b.Location().String()
	}),
}

// gen builds random but valid Files whose references name existing
// objects. Names are numbered, so they never clash, even across Files.
type gen struct {
	r   *rand.Rand
	seq int
	f   *openslo.File
}

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// name returns a new object name; names may use capitals and dots, as
// the specification's examples do.
func (g *gen) name(prefix string) string {
	g.seq++
	n := fmt.Sprintf("%s-%d", prefix, g.seq)
	if g.chance(0.2) {
		n = strings.ToUpper(n[:1]) + n[1:] + ".v" + fmt.Sprint(g.pick(9))
	}
	return n
}

// text returns a string that is awkward for YAML.
func (g *gen) text() string {
	awkward := []string{"", "true", "null", "~", "123", "0.999", "a: b", "- x", "#hash", "multi\nline", "tab\there", "ünïcödé", "'quoted'", `"dq"`, "2020-01-21 12:30:00", "yes", " lead", "trail "}
	if g.chance(0.5) {
		return awkward[g.pick(len(awkward))]
	}
	return fmt.Sprintf("text %d", g.pick(100000))
}

func (g *gen) labelKey() string {
	keys := []string{"team", "tier", "cost-centre", "a.b_c", "Env9", "x"}
	return keys[g.pick(len(keys))] + fmt.Sprint(g.pick(5))
}

func (g *gen) metadata(prefix string) openslo.Metadata {
	md := openslo.Metadata{Name: g.name(prefix)}
	if g.chance(0.5) {
		md.DisplayName = g.text()
	}
	if g.chance(0.5) {
		md.Labels = map[string][]string{}
		for range 1 + g.pick(3) {
			var v []string
			for range g.pick(4) {
				v = append(v, g.text())
			}
			if v == nil {
				v = []string{}
			}
			md.Labels[g.labelKey()] = v
		}
	}
	if g.chance(0.5) {
		md.Annotations = map[string]string{}
		prefixes := []string{"", "example.com/", "openslo.com/", "a-b.c/"}
		for range 1 + g.pick(3) {
			md.Annotations[prefixes[g.pick(len(prefixes))]+g.labelKey()] = g.text()
		}
	}
	return md
}

func (g *gen) value(depth int) openslo.Value {
	switch k := g.pick(3); {
	case depth > 2 || k == 0:
		scalars := []openslo.Value{
			openslo.StringValue(g.text()),
			{Kind: openslo.Scalar, Tag: "!!int", Text: fmt.Sprint(g.r.Int64N(1e12) - 5e11)},
			{Kind: openslo.Scalar, Tag: "!!float", Text: "0.25"},
			{Kind: openslo.Scalar, Tag: "!!bool", Text: "true"},
			{Kind: openslo.Scalar, Tag: "!!null"},
		}
		return scalars[g.pick(len(scalars))]
	case k == 1:
		v := openslo.Value{Kind: openslo.Sequence}
		for range g.pick(4) {
			v.Items = append(v.Items, g.value(depth+1))
		}
		return v
	default:
		v := openslo.Value{Kind: openslo.Mapping}
		for i := range g.pick(4) {
			v.Fields = append(v.Fields, openslo.Field{Key: fmt.Sprintf("k%d%s", i, g.text()), Value: g.value(depth + 1)})
		}
		return v
	}
}

// decimal returns a random exact decimal, negative when neg.
func (g *gen) decimal(neg bool) openslo.Decimal {
	s := fmt.Sprint(g.r.Int64N(1_000_000_000))
	if sc := g.pick(10); sc > 0 {
		s += "." + fmt.Sprintf("%0*d", sc, g.r.Int64N(1_000_000_000)%int64(pow10(sc)))
	}
	if neg && g.chance(0.5) {
		s = "-" + s
	}
	return openslo.MustDecimal(s)
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// target returns a random target below 100%, in either form.
func (g *gen) target() sla.Target {
	digits := fmt.Sprintf("%016d", g.r.Int64N(1e16))
	s := fmt.Sprintf("%d.%s%%", g.pick(100), strings.TrimRight(digits[:g.pick(17)], "0"))
	s = strings.Replace(s, ".%", "%", 1)
	return sla.MustTarget(s)
}

func (g *gen) fixed() openslo.Duration {
	units := []openslo.Unit{openslo.Minute, openslo.Hour, openslo.Day, openslo.Week}
	return openslo.Duration{Count: 1 + g.r.Int64N(90), Unit: units[g.pick(len(units))]}
}

func (g *gen) metric() *openslo.MetricSource {
	m := &openslo.MetricSource{Spec: g.value(0)}
	if len(g.f.DataSources) > 0 && g.chance(0.6) {
		ds := g.f.DataSources[g.pick(len(g.f.DataSources))]
		m.SourceRef, m.DataSource = ds.Name, ds
		if g.chance(0.5) {
			m.Type = ds.Type
		}
	} else {
		m.Type = "Prometheus"
	}
	return m
}

func (g *gen) sli() *openslo.SLI {
	s := &openslo.SLI{Metadata: g.metadata("sli")}
	if g.chance(0.3) {
		s.Description = g.text()
	}
	switch g.pick(4) {
	case 0:
		s.ThresholdMetric = g.metric()
	case 1:
		s.RatioMetric = &openslo.RatioMetric{Counter: g.chance(0.5), Good: g.metric(), Total: g.metric()}
	case 2:
		s.RatioMetric = &openslo.RatioMetric{Bad: g.metric(), Total: g.metric()}
	default:
		s.RatioMetric = &openslo.RatioMetric{Raw: g.metric(), RawType: []openslo.RawType{openslo.RawSuccess, openslo.RawFailure}[g.pick(2)]}
	}
	return s
}

func (g *gen) condition() *openslo.AlertCondition {
	c := &openslo.AlertCondition{
		Metadata:       g.metadata("cond"),
		Severity:       []string{"page", "ticket", "sev1"}[g.pick(3)],
		Op:             []openslo.Operator{"", openslo.GT, openslo.GTE, openslo.LT, openslo.LTE}[g.pick(5)],
		Threshold:      g.decimal(false),
		LookbackWindow: g.fixed(),
	}
	if g.chance(0.5) {
		c.AlertAfter = openslo.Duration{Count: g.r.Int64N(10), Unit: openslo.Minute}
	}
	if g.chance(0.3) {
		c.Description = g.text()
	}
	return c
}

func (g *gen) conditionRef() openslo.Ref[openslo.AlertCondition] {
	if len(g.f.AlertConditions) > 0 && g.chance(0.5) {
		c := g.f.AlertConditions[g.pick(len(g.f.AlertConditions))]
		return openslo.Ref[openslo.AlertCondition]{Name: c.Name, Object: c}
	}
	return openslo.Inline(g.condition())
}

func (g *gen) policy() *openslo.AlertPolicy {
	p := &openslo.AlertPolicy{
		Metadata:           g.metadata("policy"),
		AlertWhenNoData:    g.chance(0.5),
		AlertWhenResolved:  g.chance(0.5),
		AlertWhenBreaching: g.chance(0.5),
		Conditions:         []openslo.Ref[openslo.AlertCondition]{g.conditionRef()},
	}
	for range g.pick(3) {
		if len(g.f.NotificationTargets) > 0 && g.chance(0.5) {
			t := g.f.NotificationTargets[g.pick(len(g.f.NotificationTargets))]
			p.NotificationTargets = append(p.NotificationTargets, openslo.Ref[openslo.AlertNotificationTarget]{Name: t.Name, Object: t})
		} else {
			p.NotificationTargets = append(p.NotificationTargets, openslo.Inline(&openslo.AlertNotificationTarget{Metadata: g.metadata("target"), Target: "email"}))
		}
	}
	return p
}

func (g *gen) sliRef() (openslo.Ref[openslo.SLI], *openslo.SLI) {
	if len(g.f.SLIs) > 0 && g.chance(0.5) {
		s := g.f.SLIs[g.pick(len(g.f.SLIs))]
		return openslo.Ref[openslo.SLI]{Name: s.Name, Object: s}, s
	}
	s := g.sli()
	return openslo.Inline(s), s
}

var zones = []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham"}

func (g *gen) timeWindow() *openslo.TimeWindow {
	units := []openslo.Unit{openslo.Minute, openslo.Hour, openslo.Day, openslo.Week, openslo.Month, openslo.Quarter, openslo.Year}
	w := &openslo.TimeWindow{Duration: openslo.Duration{Count: 1 + g.r.Int64N(30), Unit: units[g.pick(len(units))]}}
	if g.chance(0.4) {
		w.Rolling = true
		return w
	}
	loc, err := time.LoadLocation(zones[g.pick(len(zones))])
	if err != nil {
		panic(err)
	}
	// Hours from 8 to 20 occur once a day in these zones.
	w.Calendar = &openslo.Calendar{Start: time.Date(1990+g.pick(60), time.Month(1+g.pick(12)), 1+g.pick(28), 8+g.pick(13), g.pick(60), g.pick(60), 0, loc)}
	return w
}

func (g *gen) objective(method openslo.BudgetingMethod, sli *openslo.SLI) openslo.Objective {
	o := openslo.Objective{Target: g.target(), Percent: g.chance(0.5)}
	if g.chance(0.5) {
		o.DisplayName = g.text()
	}
	if sli.ThresholdMetric != nil || g.chance(0.2) {
		o.Op = []openslo.Operator{openslo.GT, openslo.GTE, openslo.LT, openslo.LTE}[g.pick(4)]
		v := g.decimal(true)
		o.Value = &v
	}
	switch method {
	case openslo.Timeslices:
		o.TimeSliceTarget = g.target()
		if o.TimeSliceTarget == (sla.Target{}) || g.chance(0.1) {
			o.TimeSliceTarget = sla.MustTarget("100%")
		}
		o.TimeSliceWindow = g.fixed()
	case openslo.RatioTimeslices:
		o.TimeSliceWindow = g.fixed()
	}
	return o
}

func (g *gen) slo() *openslo.SLO {
	s := &openslo.SLO{Metadata: g.metadata("slo")}
	if len(g.f.Services) > 0 && g.chance(0.5) {
		svc := g.f.Services[g.pick(len(g.f.Services))]
		s.Service, s.ServiceObject = svc.Name, svc
	} else {
		s.Service = "elsewhere-" + fmt.Sprint(g.pick(10))
	}
	if g.chance(0.3) {
		s.Description = g.text()
	}
	if g.chance(0.8) {
		s.TimeWindow = g.timeWindow()
	}
	s.BudgetingMethod = []openslo.BudgetingMethod{openslo.Occurrences, openslo.Timeslices, openslo.RatioTimeslices}[g.pick(3)]
	composite := g.chance(0.25)
	var sli *openslo.SLI
	if !composite {
		s.Indicator, sli = g.sliRef()
	}
	for range 1 + g.pick(3) {
		osli := sli
		var ref openslo.Ref[openslo.SLI]
		if composite {
			ref, osli = g.sliRef()
		}
		o := g.objective(s.BudgetingMethod, osli)
		o.Indicator = ref
		if composite && g.chance(0.7) {
			o.CompositeWeight = openslo.MustDecimal(fmt.Sprintf("%d.%d", 1+g.pick(9), g.pick(10)))
		}
		s.Objectives = append(s.Objectives, o)
	}
	for range g.pick(3) {
		if len(g.f.AlertPolicies) > 0 && g.chance(0.5) {
			p := g.f.AlertPolicies[g.pick(len(g.f.AlertPolicies))]
			s.AlertPolicies = append(s.AlertPolicies, openslo.Ref[openslo.AlertPolicy]{Name: p.Name, Object: p})
		} else {
			s.AlertPolicies = append(s.AlertPolicies, openslo.Inline(g.policy()))
		}
	}
	return s
}

// file returns a random File whose references are resolved.
func (g *gen) file() *openslo.File {
	g.f = &openslo.File{}
	for range g.pick(3) {
		g.f.DataSources = append(g.f.DataSources, &openslo.DataSource{Metadata: g.metadata("ds"), Type: "Prometheus", ConnectionDetails: g.value(0)})
	}
	for range g.pick(3) {
		g.f.Services = append(g.f.Services, &openslo.Service{Metadata: g.metadata("svc"), Description: g.text()})
	}
	for range g.pick(3) {
		g.f.SLIs = append(g.f.SLIs, g.sli())
	}
	for range g.pick(3) {
		g.f.NotificationTargets = append(g.f.NotificationTargets, &openslo.AlertNotificationTarget{Metadata: g.metadata("target"), Target: g.text() + "x"})
	}
	for range g.pick(3) {
		g.f.AlertConditions = append(g.f.AlertConditions, g.condition())
	}
	for range g.pick(3) {
		g.f.AlertPolicies = append(g.f.AlertPolicies, g.policy())
	}
	for range 1 + g.pick(3) {
		g.f.SLOs = append(g.f.SLOs, g.slo())
	}
	return g.f
}

// Write then Read gives the same File, and writing that again gives the
// same bytes: over generated Files with references, inline objects,
// awkward strings, labels, annotations, exact numbers and time zones.
func TestRoundTripGenerated(t *testing.T) {
	g := &gen{r: rand.New(rand.NewPCG(13, 2026))}
	n := roundTripFiles
	if testing.Short() {
		n = 50
	}
	for i := range n {
		f := g.file()
		out, err := openslo.Marshal(f)
		require.NoError(t, err, "file %d", i)
		back, err := openslo.Read(out)
		require.NoError(t, err, "file %d:\n%s", i, out)
		if diff := cmp.Diff(f, back, fileOptions); diff != "" {
			t.Fatalf("file %d: read(write(f)) differs (-want +got):\n%s\n%s", i, diff, out)
		}
		again, err := openslo.Marshal(back)
		require.NoError(t, err)
		if !bytes.Equal(out, again) {
			t.Fatalf("file %d: writing twice differs:\n%s\n---- then ----\n%s", i, out, again)
		}
	}
}

// Every fixture, v2alpha included, reads back the same after being
// written as v1.
func TestRoundTripFixtures(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			f, err := openslo.Read(data)
			require.NoError(t, err)
			out, err := openslo.Marshal(f)
			require.NoError(t, err)
			back, err := openslo.Read(out)
			require.NoError(t, err)
			if diff := cmp.Diff(f, back, fileOptions); diff != "" {
				t.Errorf("(-read +read after write):\n%s", diff)
			}
			if bytes.Contains(out, []byte("v2alpha")) {
				t.Error("Write wrote a v2alpha apiVersion")
			}
		})
	}
}
