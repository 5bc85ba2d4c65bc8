package openslo_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// validSLO returns a File of one SLO that Write accepts.
func validSLO() (*openslo.File, *openslo.SLO) {
	slo := &openslo.SLO{
		Metadata:        openslo.Metadata{Name: "checkout"},
		Service:         "shop",
		Indicator:       openslo.ByName[openslo.SLI]("ok"),
		BudgetingMethod: openslo.Occurrences,
		Objectives:      []openslo.Objective{{Target: sla.MustTarget("99.9%")}},
	}
	sli := &openslo.SLI{Metadata: openslo.Metadata{Name: "ok"}, ThresholdMetric: &openslo.MetricSource{Type: "P", Spec: openslo.StringValue("q")}}
	slo.Indicator.Object = sli
	slo.Objectives[0].Op, slo.Objectives[0].Value = openslo.LT, new(openslo.Decimal)
	return &openslo.File{SLIs: []*openslo.SLI{sli}, SLOs: []*openslo.SLO{slo}}, slo
}

// Write refuses a File it cannot write as OpenSLO that reads back, and
// says which object and field.
func TestWriteErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func(*openslo.File, *openslo.SLO)
		want error
		msg  string
	}{
		{"a 100% target (the specification's range is [0, 1))", func(_ *openslo.File, s *openslo.SLO) { s.Objectives[0].Target = sla.MustTarget("100%") },
			openslo.ErrRange, `document 1: SLO "checkout" spec.objectives[0].target`},
		{"a reference to an object the file lacks", func(f *openslo.File, _ *openslo.SLO) { f.SLIs = nil },
			openslo.ErrMissingRef, `SLO "checkout" spec.indicatorRef`},
		{"a reference with neither name nor object", func(_ *openslo.File, s *openslo.SLO) {
			s.AlertPolicies = []openslo.Ref[openslo.AlertPolicy]{{}}
		}, openslo.ErrMissingField, `SLO "checkout" spec.alertPolicies[0]`},
		{"an invalid duration", func(_ *openslo.File, s *openslo.SLO) {
			s.TimeWindow = &openslo.TimeWindow{Duration: openslo.Duration{Count: 1, Unit: 's'}, Rolling: true}
		}, openslo.ErrInvalid, `spec.timeWindow[0].duration`},
		{"a calendar without a start", func(_ *openslo.File, s *openslo.SLO) {
			s.TimeWindow = &openslo.TimeWindow{Duration: openslo.MustDuration("1M"), Calendar: &openslo.Calendar{}}
		}, openslo.ErrMissingField, `spec.timeWindow[0].calendar.startTime`},
		{"a calendar in Local", func(_ *openslo.File, s *openslo.SLO) {
			s.TimeWindow = &openslo.TimeWindow{Duration: openslo.MustDuration("1M"), Calendar: &openslo.Calendar{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)}}
		}, openslo.ErrInvalid, `spec.timeWindow[0].calendar.timeZone`},
		{"a name with a space", func(_ *openslo.File, s *openslo.SLO) { s.Name = "check out" }, openslo.ErrInvalid, `metadata.name`},
		{"a Value of no kind", func(f *openslo.File, _ *openslo.SLO) {
			f.SLIs[0].ThresholdMetric.Spec = openslo.Value{Kind: openslo.Sequence, Items: []openslo.Value{{Kind: 9}}}
		}, openslo.ErrInvalid, `SLI "ok" spec.thresholdMetric.metricSource.spec[0]`},
		{"a threshold SLI without op", func(_ *openslo.File, s *openslo.SLO) { s.Objectives[0].Op = "" }, openslo.ErrMissingField, `spec.objectives[0]`},
		{"two objects of one name", func(f *openslo.File, _ *openslo.SLO) { f.SLIs = append(f.SLIs, f.SLIs[0]) }, openslo.ErrDuplicateName, `SLI "ok" metadata`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, s := validSLO()
			_, err := openslo.Marshal(f)
			require.NoError(t, err)
			tc.edit(f, s)
			_, err = openslo.Marshal(f)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v\nwant %v and %q", err, tc.want, tc.msg)
			}
			var e *openslo.Error
			if errors.As(err, &e) && (e.Line != 0 || e.File != "") {
				t.Errorf("the error points into output the caller has not seen: %+v", e)
			}
		})
	}
}

// An empty File writes as nothing, which reads as an empty File.
func TestWriteEmpty(t *testing.T) {
	out, err := openslo.Marshal(&openslo.File{})
	require.NoError(t, err)
	f, err := openslo.Read(out)
	require.NoError(t, err)
	if len(out) != 0 || len(f.SLOs) != 0 {
		t.Errorf("wrote %q, read %+v", out, f)
	}
}
