package prom_test

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"text/template"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/internal/promtext"
	"github.com/slamath/slamath/sla/prom/promtest"
)

// promtoolAccepts writes a one-alert rule file whose annotation "d" and
// label "l" are the values given, and reports whether promtool check
// rules accepts it and what it printed. It shows that a value the package
// refuses is one Prometheus refuses too.
func promtoolAccepts(t *testing.T, annotation, label string) (bool, string) {
	t.Helper()
	q := promtext.Quote
	file := promtest.WriteFile(t, "rules.yml", []byte("groups:\n  - name: \"g\"\n    rules:\n"+
		"      - alert: \"MyAlert\"\n        expr: \"vector(1)\"\n"+
		"        labels:\n          l: "+q(label)+"\n"+
		"        annotations:\n          d: "+q(annotation)+"\n"))
	out, err := exec.Command(promtest.Promtool(t), "check", "rules", file).CombinedOutput()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatalf("promtool: %v", err)
	}
	return err == nil && bytes.Contains(out, []byte("SUCCESS")), string(out)
}

// TestAlertTemplatesInvalid: a label or annotation value of Alerting that
// Prometheus cannot parse as a template is refused by Validate and
// WriteRules, with an error naming the objective, the field, the key, the
// alert and the value, and Prometheus's parser refuses the same value.
func TestAlertTemplatesInvalid(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 200) + "{{"
	tests := []struct {
		name, value, message string
	}{
		{"lone opening", "{{", "unclosed action"},
		{"field not closed", "{{ .Foo", "unclosed action"},
		{"variable Prometheus does not define", "{{ $x }}", `undefined variable "$x"`},
		{"end without a block", "{{ end }}", "unexpected {{end}}"},
		{"if never ended", "{{ if $value }}high", "unexpected EOF"},
		{"string not closed", `{{ "a }}`, "unterminated quoted string"},
		{"comment not closed", "{{/* note", "unclosed comment"},
		{"long value", long, "unclosed action"},
	}
	fields := []struct {
		field, which string
		set          func(a *prom.Alerting, k, v string)
	}{
		{"Alerts.Labels", "every alert", func(a *prom.Alerting, k, v string) { a.Labels = map[string]string{k: v} }},
		{"Alerts.PageLabels", "the page alert", func(a *prom.Alerting, k, v string) { a.PageLabels = map[string]string{k: v} }},
		{"Alerts.TicketLabels", "the ticket alert", func(a *prom.Alerting, k, v string) { a.TicketLabels = map[string]string{k: v} }},
		{"Alerts.Annotations", "every alert", func(a *prom.Alerting, k, v string) { a.Annotations = map[string]string{k: v} }},
		{"Alerts.PageAnnotations", "the page alert", func(a *prom.Alerting, k, v string) { a.PageAnnotations = map[string]string{k: v} }},
		{"Alerts.TicketAnnotations", "the ticket alert", func(a *prom.Alerting, k, v string) { a.TicketAnnotations = map[string]string{k: v} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, out := promtoolAccepts(t, tc.value, "x")
			require.False(t, ok, "promtool accepts annotation %q:\n%s", tc.value, out)
			require.Contains(t, out, tc.message, "promtool's reason")
			ok, out = promtoolAccepts(t, "x", tc.value)
			require.False(t, ok, "promtool accepts label %q:\n%s", tc.value, out)

			for _, f := range fields {
				o := availability999()
				o.Alerts = prom.Alerting{Name: "MyAlert"}
				f.set(&o.Alerts, "d", tc.value)
				err := o.Validate()
				require.Error(t, err, f.field)
				require.True(t, errors.Is(err, prom.ErrObjective), "%v", err)
				msg := err.Error()
				for _, want := range []string{
					`prom: objective "checkout-availability": `,
					f.field + `: "d": value `,
					`, on ` + f.which + ` "MyAlert", is not a Prometheus template: ` + tc.message,
				} {
					require.Contains(t, msg, want)
				}
				if len(tc.value) < 40 {
					require.Contains(t, msg, fmt.Sprintf("value %q,", tc.value))
				} else {
					// A prefix of the value, never all of it.
					require.Contains(t, msg, `value "xxxxxxxx`)
					require.NotContains(t, msg, tc.value[:100])
				}
				var buf bytes.Buffer
				require.ErrorIs(t, prom.WriteRules(&buf, o), prom.ErrObjective)
				require.Zero(t, buf.Len(), "nothing is written on error")
			}
		})
	}
}

// TestAlertTemplatesValid writes values that are valid Prometheus
// templates, or plain text with braces, quotes and newlines, on every
// map of Alerting, and has promtool check each file; a literal "{{" in
// the objective's own labels is escaped and passes too.
func TestAlertTemplatesValid(t *testing.T) {
	t.Parallel()
	for _, v := range []string{
		"{{ $value | humanizePercentage }}",
		"{{ $labels.job }} of {{ $labels.sloth_service }}",
		"{{ $externalLabels.cluster }} {{ $externalURL }}",
		"{{ if gt $value 0.5 }}high{{ else }}low{{ end }}",
		`{{ printf "%.2f" $value }}`,
		"{{/* a comment */}}",
		`{{ "{{" }} is how a literal is written`,
		"plain { braces } and }} closing ones",
		`quotes ' " and a backslash \`,
		"a newline\nand a tab\t",
		"",
	} {
		t.Run(v, func(t *testing.T) {
			o := availability999()
			o.Labels = map[string]string{"team": "{{ not a template", "escaped": "{{{ {{- x }}"}
			o.Alerts = prom.Alerting{
				Labels: map[string]string{"l": v}, PageLabels: map[string]string{"pl": v}, TicketLabels: map[string]string{"tl": v},
				Annotations: map[string]string{"a": v}, PageAnnotations: map[string]string{"pa": v}, TicketAnnotations: map[string]string{"ta": v},
			}
			require.NoError(t, o.Validate())
			writeRules(t, o) // runs promtool check rules
		})
	}
}

// TestAlertLabelsPrometheusSets: alertname and alertstate are refused as
// keys of the objective's labels and of the alerts' labels, since
// Prometheus would silently replace their values.
func TestAlertLabelsPrometheusSets(t *testing.T) {
	for _, key := range []string{"alertname", "alertstate"} {
		for _, tc := range []struct {
			field string
			set   func(o *prom.Objective)
		}{
			{"Labels", func(o *prom.Objective) { o.Labels = map[string]string{key: "x"} }},
			{"Alerts.Labels", func(o *prom.Objective) { o.Alerts.Labels = map[string]string{key: "x"} }},
			{"Alerts.PageLabels", func(o *prom.Objective) { o.Alerts.PageLabels = map[string]string{key: "x"} }},
			{"Alerts.TicketLabels", func(o *prom.Objective) { o.Alerts.TicketLabels = map[string]string{key: "x"} }},
		} {
			t.Run(key+" in "+tc.field, func(t *testing.T) {
				o := availability999()
				tc.set(&o)
				err := o.Validate()
				require.ErrorIs(t, err, prom.ErrObjective)
				require.Contains(t, err.Error(), tc.field+`: "`+key+`": Prometheus sets it`)
				require.Error(t, prom.WriteRules(&bytes.Buffer{}, o))
			})
		}
	}
	// An annotation may be named alertname: Prometheus sets no annotation.
	o := availability999()
	o.Alerts.Annotations = map[string]string{"alertname": "x"}
	require.NoError(t, o.Validate())
}

// FuzzAlertTemplates: for any text, Validate does not panic, and accepts
// as an annotation only what WriteRules then writes; as a label of the
// objective any UTF-8 text is accepted, and Go's text/template, expanding
// the alert's labels after Prometheus's variable definitions as
// Prometheus does, gives the text back unchanged.
func FuzzAlertTemplates(f *testing.F) {
	for _, s := range []string{"{{", "{{{", "x{{`", "}}{{ $value }}", "{{- 1 -}}", "`{{`}}", "\xff{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		o := availability999()
		o.Alerts.Annotations = map[string]string{"d": v}
		if err := o.Validate(); err == nil {
			require.NoError(t, prom.WriteRules(&bytes.Buffer{}, o))
		}

		o = availability999()
		o.Labels = map[string]string{"note": v}
		var buf bytes.Buffer
		err := prom.WriteRules(&buf, o)
		if !utf8.ValidString(v) {
			require.ErrorIs(t, err, prom.ErrObjective)
			return
		}
		require.NoError(t, err)
		data := struct {
			Labels, ExternalLabels map[string]string
			ExternalURL            string
			Value                  float64
		}{}
		var alerts int
		for _, r := range parseRules(t, buf.Bytes()) {
			if r.alert == "" {
				require.Equal(t, v, r.labels["note"], "record %s", r.record)
				continue
			}
			alerts++
			tmpl, err := template.New("__alert_" + r.alert).Parse(
				"{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}" + r.labels["note"])
			require.NoError(t, err, "label %q", r.labels["note"])
			var out strings.Builder
			require.NoError(t, tmpl.Execute(&out, data))
			require.Equal(t, v, out.String())
		}
		require.Equal(t, 2, alerts)
	})
}
