package openslo_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/openslo"
)

// sloWith returns a stream of one SLO named checkout with the given
// objectives (a YAML list, indented by the caller or not at all).
func sloWith(objectives string) string {
	return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
spec:
  service: shop
  indicator:
    metadata:
      name: ok
    spec:
      ratioMetric:
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}}
  budgetingMethod: Occurrences
  objectives:
` + indent(objectives, "    ")
}

func indent(s, by string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = by + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// condition returns a stream of one AlertCondition with the given
// annotations and condition fields.
func condition(annotations, cond string) string {
	md := "  name: burn\n"
	if annotations != "" {
		md += "  annotations:\n" + indent(annotations, "    ")
	}
	return "apiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n" + md +
		"spec:\n  severity: page\n  condition:\n" + indent(cond, "    ")
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want error
		// msg must appear in the message: the document, object and path.
		msg string
	}{
		{
			name: "targetPercent with more digits than a target holds",
			in:   sloWith("- target: 0.99\n- targetPercent: 99.9999999999999999999"),
			want: openslo.ErrPrecision,
			msg:  `document 0: SLO "checkout" spec.objectives[1].targetPercent: 99.9999999999999999999`,
		},
		{
			name: "the library's own error is wrapped too",
			in:   sloWith("- target: 0.9999999999999999999"),
			want: sla.ErrPrecision,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "target and targetPercent both",
			in:   sloWith("- target: 0.999\n  targetPercent: 99.9"),
			want: openslo.ErrConflict,
			msg:  `SLO "checkout" spec.objectives[0].targetPercent`,
		},
		{
			name: "neither target nor targetPercent",
			in:   sloWith("- displayName: x"),
			want: openslo.ErrMissingField,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "target of 1 is outside [0, 1)",
			in:   sloWith("- target: 1"),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "targetPercent of 100 is outside [0, 100)",
			in:   sloWith("- targetPercent: 100.0"),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].targetPercent`,
		},
		{
			name: "a ratio above 1 is out of range",
			in:   sloWith("- target: 99.9"),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "negative target",
			in:   sloWith("- target: -0.5"),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "a quoted number is a string",
			in:   sloWith(`- target: "0.999"`),
			want: openslo.ErrSyntax,
			msg:  `spec.objectives[0].target: want a number`,
		},
		{
			name: "hexadecimal",
			in:   sloWith("- target: 0x1"),
			want: openslo.ErrSyntax,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "infinity",
			in:   sloWith("- target: .inf"),
			want: openslo.ErrSyntax,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "exponent beyond any value",
			in:   sloWith("- target: 1e-99999"),
			want: openslo.ErrTooLarge,
			msg:  `spec.objectives[0].target`,
		},
		{
			name: "duplicate key",
			in:   sloWith("- target: 0.99\n  target: 0.999"),
			want: openslo.ErrDuplicateKey,
			msg:  `spec.objectives[0].target: key "target" appears twice`,
		},
		{
			name: "duplicate key inside a metric's spec",
			in:   strings.Replace(sloWith("- target: 0.99"), "{query: good}", "{query: good, query: bad}", 1),
			want: openslo.ErrDuplicateKey,
			msg:  `spec.indicator.spec.ratioMetric.good.metricSource.spec.query`,
		},
		{
			name: "unknown field",
			in:   sloWith("- target: 0.99\n  timeSliceWIndow: 5m"),
			want: openslo.ErrUnknownField,
			msg:  `spec.objectives[0].timeSliceWIndow`,
		},
		{
			name: "unknown kind",
			in:   "apiVersion: openslo/v1\nkind: Dashboard\nmetadata: {name: x}\nspec: {}\n",
			want: openslo.ErrUnknownKind,
			msg:  `Dashboard "x" kind`,
		},
		{
			name: "unsupported version",
			in:   "apiVersion: openslo/v0.1.0-beta\nkind: Service\nmetadata: {name: x}\n",
			want: openslo.ErrVersion,
			msg:  `Service "x" apiVersion`,
		},
		{
			name: "missing reference names the reference",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  alertPolicies:\n    - alertPolicyRef: pager\n  budgetingMethod", 1),
			want: openslo.ErrMissingRef,
			msg:  `SLO "checkout" spec.alertPolicies[0].alertPolicyRef: no AlertPolicy named "pager"`,
		},
		{
			name: "missing SLI",
			in: strings.Replace(sloWith("- target: 0.99"), `  indicator:
    metadata:
      name: ok
    spec:
      ratioMetric:
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}}
`, "  indicatorRef: availability\n", 1),
			want: openslo.ErrMissingRef,
			msg:  `spec.indicatorRef: no SLI named "availability"`,
		},
		{
			name: "duplicate name",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: openslo/v1\nkind: Service\nmetadata: {name: a}\n",
			want: openslo.ErrDuplicateName,
			msg:  `document 1: Service "a" metadata`,
		},
		{
			name: "indicator and indicatorRef",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  indicatorRef: other\n  budgetingMethod", 1),
			want: openslo.ErrConflict,
			msg:  `spec.indicatorRef`,
		},
		{
			name: "threshold SLI without op and value",
			in: strings.Replace(sloWith("- target: 0.99"), `      ratioMetric:
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}}`, `      thresholdMetric: {metricSource: {type: Prometheus, spec: {query: latency}}}`, 1),
			want: openslo.ErrMissingField,
			msg:  `spec.objectives[0]: the SLI "ok" is a threshold metric`,
		},
		{
			name: "Timeslices without timeSliceTarget",
			in:   strings.Replace(sloWith("- target: 0.99\n  timeSliceWindow: 5m"), "Occurrences", "Timeslices", 1),
			want: openslo.ErrMissingField,
			msg:  `spec.objectives[0].timeSliceTarget`,
		},
		{
			name: "timeSliceTarget with Occurrences",
			in:   sloWith("- target: 0.99\n  timeSliceTarget: 0.9"),
			want: openslo.ErrInvalid,
			msg:  `spec.objectives[0].timeSliceTarget`,
		},
		{
			name: "timeSliceTarget of 0",
			in:   strings.Replace(sloWith("- target: 0.99\n  timeSliceTarget: 0\n  timeSliceWindow: 1m"), "Occurrences", "Timeslices", 1),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].timeSliceTarget`,
		},
		{
			name: "a slice of a month",
			in:   strings.Replace(sloWith("- target: 0.99\n  timeSliceWindow: 1M"), "Occurrences", "RatioTimeslices", 1),
			want: openslo.ErrInvalid,
			msg:  `spec.objectives[0].timeSliceWindow`,
		},
		{
			name: "compositeWeight of 0",
			in:   sloWith("- target: 0.99\n  compositeWeight: 0"),
			want: openslo.ErrRange,
			msg:  `spec.objectives[0].compositeWeight`,
		},
		{
			name: "value with too many digits",
			in:   sloWith("- target: 0.99\n  op: lt\n  value: 0.1234567890123456789"),
			want: openslo.ErrPrecision,
			msg:  `spec.objectives[0].value`,
		},
		{
			name: "value too large",
			in:   sloWith("- target: 0.99\n  op: lt\n  value: 1e19"),
			want: openslo.ErrTooLarge,
			msg:  `spec.objectives[0].value`,
		},
		{
			name: "bad op",
			in:   sloWith("- target: 0.99\n  op: le"),
			want: openslo.ErrInvalid,
			msg:  `spec.objectives[0].op`,
		},
		{
			name: "duration with a space",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 28 d\n      isRolling: true\n  budgetingMethod", 1),
			want: openslo.ErrSyntax,
			msg:  `spec.timeWindow[0].duration`,
		},
		{
			name: "two time windows",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - {duration: 28d, isRolling: true}\n    - {duration: 7d, isRolling: true}\n  budgetingMethod", 1),
			want: openslo.ErrInvalid,
			msg:  `spec.timeWindow: want exactly one`,
		},
		{
			name: "rolling with a calendar",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 1M\n      isRolling: true\n      calendar: {startTime: 2026-01-01 00:00:00, timeZone: UTC}\n  budgetingMethod", 1),
			want: openslo.ErrConflict,
			msg:  `spec.timeWindow[0].calendar`,
		},
		{
			name: "calendar-aligned without a calendar",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 1M\n  budgetingMethod", 1),
			want: openslo.ErrMissingField,
			msg:  `spec.timeWindow[0].calendar`,
		},
		{
			name: "unknown time zone",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 1M\n      calendar: {startTime: 2026-01-01 00:00:00, timeZone: Mars/Olympus}\n  budgetingMethod", 1),
			want: openslo.ErrInvalid,
			msg:  `spec.timeWindow[0].calendar.timeZone`,
		},
		{
			name: "start time the clocks skip",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 1M\n      calendar: {startTime: 2026-03-08 02:30:00, timeZone: America/New_York}\n  budgetingMethod", 1),
			want: openslo.ErrInvalid,
			msg:  `spec.timeWindow[0].calendar.startTime: 2026-03-08 02:30:00 does not occur`,
		},
		{
			name: "start time with a zone",
			in:   strings.Replace(sloWith("- target: 0.99"), "  budgetingMethod", "  timeWindow:\n    - duration: 1M\n      calendar: {startTime: 2026-03-01T00:00:00Z, timeZone: UTC}\n  budgetingMethod", 1),
			want: openslo.ErrSyntax,
			msg:  `spec.timeWindow[0].calendar.startTime`,
		},
		{
			name: "merge key",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata: &m {name: a}\nspec:\n  <<: {description: x}\n",
			want: openslo.ErrUnsupported,
			msg:  `Service "a" spec.<<`,
		},
		{
			name: "label key with a space",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: a\n  labels: {\"my team\": x}\n",
			want: openslo.ErrInvalid,
			msg:  `metadata.labels.my team`,
		},
		{
			name: "annotation prefix not a DNS subdomain",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: a\n  annotations: {\"Example.COM/x\": y}\n",
			want: openslo.ErrInvalid,
			msg:  `metadata.annotations.Example.COM/x`,
		},
		{
			name: "name with a space",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: my service}\n",
			want: openslo.ErrInvalid,
			msg:  `metadata.name`,
		},
		{
			name: "description longer than 1050 characters",
			in:   "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: a}\nspec: {description: " + strings.Repeat("é", 1051) + "}\n",
			want: openslo.ErrInvalid,
			msg:  `Service "a" spec.description`,
		},
		{
			name: "YAML syntax error",
			in:   "apiVersion: openslo/v1\nkind: [SLO\n",
			want: openslo.ErrSyntax,
			msg:  `document 0`,
		},
		{
			name: "not an object",
			in:   "just text\n",
			want: openslo.ErrSyntax,
			msg:  `want an OpenSLO object`,
		},
		{
			name: "second item of a list",
			in:   "- {apiVersion: openslo/v1, kind: Service, metadata: {name: a}}\n- {apiVersion: openslo/v1, kind: Service, metadata: {name: b}, spec: {what: x}}\n",
			want: openslo.ErrUnknownField,
			msg:  `document 0 item 1: Service "b" spec.what`,
		},
		{
			name: "condition op unknown",
			in:   condition("", "op: above\nthreshold: 2\nlookbackWindow: 1h"),
			want: openslo.ErrInvalid,
			msg:  `AlertCondition "burn" spec.condition.op`,
		},
		{
			name: "negative burn threshold",
			in:   condition("", "threshold: -1\nlookbackWindow: 1h"),
			want: openslo.ErrRange,
			msg:  `spec.condition.threshold`,
		},
		{
			name: "lookback of a month",
			in:   condition("", "threshold: 2\nlookbackWindow: 1M"),
			want: openslo.ErrInvalid,
			msg:  `spec.condition.lookbackWindow`,
		},
		{
			name: "burn-rate annotation that disagrees with the threshold",
			in:   condition("slamath.github.io/burn-rate: 14/15", "threshold: 0.93\nlookbackWindow: 3d"),
			want: openslo.ErrConflict,
			msg:  `metadata.annotations.slamath.github.io/burn-rate`,
		},
		{
			// Regression: the annotation was read with big.Rat's syntax,
			// so a hexadecimal float equal to the threshold passed.
			name: "burn-rate annotation in a form a Rational does not have",
			in:   condition(`slamath.github.io/burn-rate: "0x1p-1"`, "threshold: 0.5\nlookbackWindow: 3d"),
			want: openslo.ErrSyntax,
			msg:  `metadata.annotations.slamath.github.io/burn-rate`,
		},
		{
			name: "short window longer than the lookback",
			in:   condition("slamath.github.io/short-window: 2h", "threshold: 2\nlookbackWindow: 1h"),
			want: openslo.ErrRange,
			msg:  `metadata.annotations.slamath.github.io/short-window`,
		},
		{
			name: "two conditions in a policy",
			in:   "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: {name: p}\nspec:\n  conditions:\n    - conditionRef: a\n    - conditionRef: b\n",
			want: openslo.ErrInvalid,
			msg:  `AlertPolicy "p" spec.conditions: want exactly one condition`,
		},
		{
			name: "conditionRef with more",
			in:   "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: {name: p}\nspec:\n  conditions:\n    - {conditionRef: a, spec: {}}\n",
			want: openslo.ErrConflict,
			msg:  `spec.conditions[0].spec`,
		},
		{
			name: "ratio metric with good and bad",
			in: strings.Replace(sloWith("- target: 0.99"), "        total:", `        bad: {metricSource: {type: Prometheus, spec: {query: bad}}}
        total:`, 1),
			want: openslo.ErrConflict,
			msg:  `spec.indicator.spec.ratioMetric.bad`,
		},
		{
			name: "metric source without type or reference",
			in:   strings.Replace(sloWith("- target: 0.99"), "{type: Prometheus, spec: {query: good}}", "{spec: {query: good}}", 1),
			want: openslo.ErrMissingField,
			msg:  `ratioMetric.good.metricSource.type`,
		},
		{
			name: "inline v2alpha data source",
			in: `apiVersion: openslo.com/v2alpha
kind: SLI
metadata: {name: s}
spec:
  thresholdMetric:
    redshift: {accessKeyID: k}
    spec: {query: q}
`,
			want: openslo.ErrUnsupported,
			msg:  `SLI "s" spec.thresholdMetric.redshift`,
		},
		{
			name: "custom tag",
			in:   strings.Replace(sloWith("- target: 0.99"), "{query: good}", "{query: !secret good}", 1),
			want: openslo.ErrUnsupported,
			msg:  `metricSource.spec.query`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openslo.Options{Name: "slo.yaml"}.Read([]byte(tc.in))
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			var e *openslo.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not an *openslo.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "openslo: slo.yaml") || !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q\nwant it to start with openslo: slo.yaml and contain %q", msg, tc.msg)
			}
		})
	}
}

// The error of the example, whole: it names the file, line
// (17) and column (22: four spaces, "- ", "targetPercent: "),
// document, kind, name and field, and quotes the number.
func TestErrorMessage(t *testing.T) {
	_, err := openslo.Options{Name: "slo.yaml"}.Read([]byte(sloWith("- target: 0.99\n- targetPercent: 99.9999999999999999999")))
	want := `openslo: slo.yaml:17:22: document 0: SLO "checkout" spec.objectives[1].targetPercent: 99.9999999999999999999: more digits than can be held exactly (sla: invalid target "99.9999999999999999999%": more than 16 fractional digits; a target holds 16 digits of percent exactly and never rounds)`
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%v", err, want)
	}
}

// TestErrorsQuoteAPrefix: a 1 MiB value, key or name in a document gives
// an error that quotes a short prefix of it (64 bytes, then its length):
// under 250 bytes for one cut text after the document's place ("line 1,
// column 13: document 0: SLO apiVersion"), 300 for two (a kind and a
// value, a path and a key, or ParseDuration's and ParseDecimal's input
// quoted again by their reason).
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	num := strings.Repeat("9", 1<<20)
	slo := func(spec string) string {
		return "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n" + spec
	}
	for _, tc := range []struct {
		name, doc string
		most      int
	}{
		{"apiVersion", "apiVersion: " + long + "\nkind: SLO\n", 250},
		{"kind", "apiVersion: openslo/v1\nkind: " + long + "\n", 300},
		{"name", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: " + long + "\n", 300},
		{"unknown field", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: s\n  " + long + ": 1\n", 300},
		{"budgeting method", slo("  budgetingMethod: " + long + "\n"), 200},
		{"time window", slo("  timeWindow:\n    - duration: " + num + "d\n"), 200},
		{"target", slo("  objectives:\n    - target: 0." + num + "\n"), 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openslo.Read([]byte(tc.doc))
			require.Error(t, err)
			if n := len(err.Error()); n > tc.most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, tc.most, err)
			}
		})
	}
	for _, s := range []string{num + "d", "1" + long} {
		_, err := openslo.ParseDuration(s)
		require.Error(t, err)
		if n := len(err.Error()); n > 300 {
			t.Errorf("ParseDuration: error of %d bytes: %.300s…", n, err)
		}
	}
	_, err := openslo.ParseDecimal(num + "x")
	require.Error(t, err)
	if n := len(err.Error()); n > 300 {
		t.Errorf("ParseDecimal: error of %d bytes: %.300s…", n, err)
	}
}

// TestErrorWithoutAReason: an Error without Err, the zero one included,
// reads as a sentence with the package prefix and the fields that are
// set (Doc and Item 0 of the zero Error are document 0, item 0); before,
// Error panicked on a nil Err. A complete Error reads as it always has.
func TestErrorWithoutAReason(t *testing.T) {
	tests := []struct {
		name string
		err  *openslo.Error
		want string
	}{
		{"zero", new(openslo.Error), "openslo: document 0 item 0: invalid value"},
		{"nothing known", &openslo.Error{Doc: -1, Item: -1}, "openslo: invalid value"},
		{"place and subject", &openslo.Error{File: "slo.yaml", Line: 14, Column: 7, Doc: 0, Item: -1, Kind: "SLO", Name: "checkout", Path: "spec.objectives[1].targetPercent"},
			`openslo: slo.yaml:14:7: document 0: SLO "checkout" spec.objectives[1].targetPercent: invalid value`},
		{"complete", &openslo.Error{Line: 2, Column: 1, Doc: 1, Item: -1, Kind: "SLO", Err: openslo.ErrMissingField},
			"openslo: line 2, column 1: document 1: SLO: missing field"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
