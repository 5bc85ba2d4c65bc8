package prom_test

import (
	"bytes"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promtest"
)

var update = flag.Bool("update", false, "rewrite the golden rule files in testdata")

const day = 24 * time.Hour

// apiErrors and apiTotal select the 5xx and all requests of job "api";
// each call returns new matchers, so tests may change them.
func apiErrors() prom.Selector {
	return prom.Selector{Metric: "http_requests_total", Matchers: []prom.Matcher{
		{Label: "job", Op: prom.Equal, Value: "api"}, {Label: "code", Op: prom.Regexp, Value: "5.."}}}
}

func apiTotal() prom.Selector {
	return prom.Selector{Metric: "http_requests_total", Matchers: []prom.Matcher{
		{Label: "job", Op: prom.Equal, Value: "api"}}}
}

// availability999 is 99.9% of requests over 30 days with the SRE
// Workbook's policy.
func availability999() prom.Objective {
	return prom.Objective{
		Service: "checkout", Name: "availability",
		Target: sla.MustTarget("99.9%"), Period: 30 * day,
		SLI:    prom.SLI{Errors: apiErrors(), Total: apiTotal()},
		Labels: map[string]string{"team": "payments"},
		Alerts: prom.Alerting{
			Name:            "CheckoutErrorBudgetBurn",
			Annotations:     map[string]string{"summary": "Checkout is spending its error budget too fast"},
			PageLabels:      map[string]string{"routing": "pager"},
			TicketLabels:    map[string]string{"routing": "queue"},
			PageAnnotations: map[string]string{"runbook": "https://runbooks.example/checkout"},
		},
	}
}

// probe9995 is 99.95% of blackbox probes succeeding over 28 days.
func probe9995() prom.Objective {
	return prom.Objective{
		Service: "checkout", Name: "probe",
		Target: sla.MustTarget("99.95%"), Period: 28 * day,
		SLI: prom.SLI{Availability: prom.Selector{Metric: "probe_success", Matchers: []prom.Matcher{
			{Label: "job", Op: prom.Equal, Value: "blackbox"}}}},
	}
}

// businessHours is 99.5% of requests in New York business hours over 28
// days. Four weeks of Monday–Friday 08:00–18:00 hold 200 open hours, and
// the policy is derived from them, so that burning 2% of the budget in
// an open hour pages: burns 2%·200 = 4, 5%·200/6 = 5/3, 10%·200/24 = 5/6
// and 10%·200/72 = 5/18.
func businessHours() prom.Objective {
	return prom.Objective{
		Service: "checkout", Name: "business-hours",
		Target: sla.MustTarget("99.5%"), Period: 28 * day,
		Policy:   sla.DefaultAlertPolicy(200 * time.Hour),
		SLI:      prom.SLI{Errors: apiErrors(), Total: apiTotal()},
		Schedule: "new-york-business",
	}
}

var goldens = []struct {
	file string
	obj  func() prom.Objective
}{
	{"availability-99.9-30d.rules.yml", availability999},
	{"probe-99.95-28d.rules.yml", probe9995},
	{"business-hours-99.5-28d.rules.yml", businessHours},
}

// TestGolden compares the rules written for each golden objective with
// its file in testdata, and checks the file with promtool.
func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, prom.WriteRules(&buf, g.obj()))
			path := filepath.Join("testdata", g.file)
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Fatalf("rules differ from %s (-want +got); run go test -update to accept:\n%s", path, diff)
			}
			promtest.CheckRules(t, path)
		})
	}
}

// rat is an exact fraction written in a test.
func rat(num, den int64) *big.Rat { return big.NewRat(num, den) }

// goldenNumbers are the numbers each golden file holds, derived by hand.
//
// 99.9% over 30 days (720 h): budget 1 − 0.999 = 0.001. Burn = share ×
// period / long window: 2%·720/1 = 14.4, 5%·720/6 = 6, 10%·720/24 = 3,
// 10%·720/72 = 1; the error-ratio thresholds are burn × budget: 0.0144,
// 0.006, 0.003 and 0.001, all exact decimals.
//
// 99.95% over 28 days (672 h): budget 0.0005. Burns 2%·672 = 13.44,
// 5%·672/6 = 5.6, 10%·672/24 = 2.8 and 10%·672/72 = 14/15 = 0.9333…;
// thresholds 0.00672, 0.0028, 0.0014 and 14/15 × 1/2000 = 7/15000 =
// 0.000466…, which has no finite decimal and is written rounded (see
// checkLiteral).
//
// Business hours, 99.5%, policy of 200 h: budget 0.005. Burns 4, 5/3, 5/6
// and 5/18; thresholds 0.02, 1/120 = 0.008333…, 1/240 = 0.0041666… and
// 1/720 = 0.0013888…, the last three rounded.
//
// Every file also holds the objective (0.999, 0.9995, 0.995), the budget
// (again as the divisor of the burn-rate series), the period in days (30,
// 28), the 1 of "1 − …" and the 0 of "or vector(0)".
var goldenNumbers = map[string]map[string][]*big.Rat{
	"availability-99.9-30d.rules.yml": {
		"slo:objective:ratio":                     {rat(999, 1000)},
		"slo:error_budget:ratio":                  {rat(1, 1000)},
		"slo:time_period:days":                    {rat(30, 1)},
		"slo:current_burn_rate:ratio":             {rat(1, 1000)},
		"slo:period_burn_rate:ratio":              {rat(1, 1000)},
		"slo:period_error_budget_remaining:ratio": {rat(1, 1)},
		"slo:sli_error:ratio_rate":                {rat(0, 1)},
		"alert page":                              {rat(144, 10000), rat(144, 10000), rat(6, 1000), rat(6, 1000)},
		"alert ticket":                            {rat(3, 1000), rat(3, 1000), rat(1, 1000), rat(1, 1000)},
	},
	"probe-99.95-28d.rules.yml": {
		"slo:objective:ratio":                     {rat(9995, 10000)},
		"slo:error_budget:ratio":                  {rat(5, 10000)},
		"slo:time_period:days":                    {rat(28, 1)},
		"slo:current_burn_rate:ratio":             {rat(5, 10000)},
		"slo:period_burn_rate:ratio":              {rat(5, 10000)},
		"slo:period_error_budget_remaining:ratio": {rat(1, 1)},
		"slo:sli_error:ratio_rate":                {rat(1, 1)},
		"alert page":                              {rat(672, 100000), rat(672, 100000), rat(28, 10000), rat(28, 10000)},
		"alert ticket":                            {rat(14, 10000), rat(14, 10000), rat(7, 15000), rat(7, 15000)},
	},
	"business-hours-99.5-28d.rules.yml": {
		"slo:objective:ratio":                     {rat(995, 1000)},
		"slo:error_budget:ratio":                  {rat(5, 1000)},
		"slo:time_period:days":                    {rat(28, 1)},
		"slo:current_burn_rate:ratio":             {rat(5, 1000)},
		"slo:period_burn_rate:ratio":              {rat(5, 1000)},
		"slo:period_error_budget_remaining:ratio": {rat(1, 1)},
		"slamath:sli_errors:open_increase1m":      {rat(0, 1)},
		"slamath:sli_events:open_increase1m":      {},
		"slo:sli_error:ratio_rate":                {},
		"alert page":                              {rat(2, 100), rat(2, 100), rat(1, 120), rat(1, 120)},
		"alert ticket":                            {rat(1, 240), rat(1, 240), rat(1, 720), rat(1, 720)},
	},
}

var (
	reStrings = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	reRanges  = regexp.MustCompile(`\[[^\]]*\]|offset [0-9a-z]+`)
	reNumber  = regexp.MustCompile(`(?:^|[\s(,])([0-9]+(?:\.[0-9]+)?)(?:$|[\s),])`)
)

// numbersIn returns the numeric literals of a PromQL expression, leaving
// out strings, range and offset durations, and digits inside names.
func numbersIn(expr string) []string {
	expr = reStrings.ReplaceAllString(expr, `""`)
	expr = reRanges.ReplaceAllString(expr, " ")
	var out []string
	// Numbers may share a separator ("(1 - x)"), so match repeatedly.
	for rest := expr; ; {
		m := reNumber.FindStringSubmatchIndex(rest)
		if m == nil {
			return out
		}
		out = append(out, rest[m[2]:m[3]])
		rest = rest[m[3]:]
	}
}

// checkLiteral checks that text is the literal written for the exact
// value x: x's decimal itself when x has a finite one; otherwise the
// shortest decimal that strconv.ParseFloat (and so Prometheus) reads as
// the float64 nearest to x. The rounding moves the threshold by at most
// half a unit in the last place of a float64 (a relative 2^-53), which
// is the rounding the engine applies to any literal, 0.0144 included: a
// comparison in the engine can only differ from the exact one for ratios
// that close to the threshold, where the engine's own rounding of the
// rates already decides (see TestPromtoolBoundary).
func checkLiteral(t *testing.T, where, text string, x *big.Rat) {
	t.Helper()
	if n, exact := x.FloatPrec(); exact {
		require.Equal(t, x.FloatString(n), text, "%s: the exact decimal of %s", where, x.RatString())
		return
	}
	f, err := strconv.ParseFloat(text, 64)
	require.NoError(t, err, where)
	nearest, _ := x.Float64()
	require.Equal(t, nearest, f, "%s: %s does not read as the float64 nearest %s", where, text, x.RatString())
	require.Equal(t, strconv.FormatFloat(nearest, 'f', -1, 64), text, "%s: not the shortest such decimal", where)
	// |text − x| ≤ ½ ulp: the literal and x read as the same float64, and
	// the literal is within the same half unit of x as that float64.
	lit, _ := new(big.Rat).SetString(text)
	diff := new(big.Rat).Sub(lit, x)
	ulp := new(big.Rat).SetFloat64(nearest)
	ulp.Mul(ulp, new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 52)))
	require.True(t, diff.Abs(diff).Cmp(ulp) <= 0, "%s: %s is more than an ulp from %s", where, text, x.RatString())
}

// parsedRule is one rule read back from a rule file in the fixed shape
// WriteRules writes.
type parsedRule struct {
	record, alert string
	expr          string
	labels        map[string]string
}

func parseRules(t *testing.T, data []byte) []parsedRule {
	t.Helper()
	var out []parsedRule
	var inLabels bool
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		key, val, ok := strings.Cut(strings.TrimPrefix(trimmed, "- "), ": ")
		if !ok {
			inLabels = trimmed == "labels:"
			continue
		}
		s, err := strconv.Unquote(val)
		require.NoError(t, err, "not a quoted scalar: %s", line)
		switch {
		case key == "record" || key == "alert":
			r := parsedRule{labels: map[string]string{}}
			if key == "record" {
				r.record = s
			} else {
				r.alert = s
			}
			out = append(out, r)
			inLabels = false
		case key == "expr":
			out[len(out)-1].expr = s
		case inLabels && strings.HasPrefix(line, "          "):
			k, err := strconv.Unquote(key)
			require.NoError(t, err)
			out[len(out)-1].labels[k] = s
		}
	}
	return out
}

var reWindow = regexp.MustCompile(`\[([0-9a-z]+)\]`)

// TestGoldenNumbers reads every number of every expression of the golden
// files and checks it against the value derived by hand above: exact
// where the value has a finite decimal, the stated rounding where not.
// It also checks the windows: the range of each error-ratio series
// against its name and sloth_window label (less half a one-minute step
// for a business-hours objective, whose ranges hold whole steps).
func TestGoldenNumbers(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", g.file))
			require.NoError(t, err)
			rules := parseRules(t, data)
			require.NotEmpty(t, rules)
			want := goldenNumbers[g.file]
			for _, r := range rules {
				name := r.record
				if r.alert != "" {
					name = "alert " + r.labels["sloth_severity"]
				}
				if w, ok := strings.CutPrefix(r.record, "slo:sli_error:ratio_rate"); ok {
					name = "slo:sli_error:ratio_rate"
					require.Equal(t, w, r.labels["sloth_window"], "%s: window label", r.record)
					ranges := reWindow.FindAllStringSubmatch(r.expr, -1)
					require.NotEmpty(t, ranges, r.expr)
					wantRange := w
					if g.obj().Schedule != "" {
						wantRange = halfStepLess[w]
					}
					for _, m := range ranges {
						require.Equal(t, wantRange, m[1], "%s: range", r.record)
					}
				}
				exp, ok := want[name]
				require.True(t, ok, "no numbers derived for %s", name)
				got := numbersIn(r.expr)
				require.Len(t, got, len(exp), "%s: numbers %v in %s", name, got, r.expr)
				for i, text := range got {
					checkLiteral(t, g.file+": "+name, text, exp[i])
				}
			}
		})
	}
}

// halfStepLess maps a window to its range in a business-hours objective
// with one-minute steps: the window less 30 seconds.
var halfStepLess = map[string]string{
	"5m": "4m30s", "30m": "29m30s", "1h": "59m30s", "2h": "1h59m30s",
	"6h": "5h59m30s", "1d": "23h59m30s", "3d": "2d23h59m30s", "28d": "27d23h59m30s",
}
