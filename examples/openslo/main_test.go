package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden")

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// The sample report, whole.
func TestSampleReport(t *testing.T) {
	code, out, errOut := runArgs(t)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("report differs from %s; run go test -update and read the diff\n%s", golden, out)
	}
}

// The figures of the sample, each derived by hand from the counts in
// data/counts.json.
func TestSampleFigures(t *testing.T) {
	_, out, _ := runArgs(t)
	for _, want := range []string{
		// March 2026 in New York, local midnight to local midnight, is 743
		// hours (FACTS.md), not 30 days.
		"2026-03-01 00:00 EST to 2026-04-01 00:00 EDT, 743h0m0s",
		// 99.9% of 743 h: 2.6748e6 ms; 99.95%: half; 99% of 743 h: 7.43 h.
		"allows 44m34.8s of downtime",
		"allows 22m17.4s of downtime",
		"allows 7h25m48s of downtime",
		// 30,000 bad of 46,700,000: 99.93576…% good, truncated.
		"46700000 events so far, 30000 bad: 99.9357% good",
		// 99.9% allows 46,700 bad events (0.1%); 30,000 is 64.239…% of it.
		"met; budget 46700 bad events, spent 30000 (64.23%), remaining 16700",
		// 99.95% allows 23,350; 30,000 is 128.479…% of it.
		"MISSED; budget 23350 bad events, spent 30000 (128.47%), remaining -6650",
		// 1,600 bad of 100,000 in 1 h is 1.6%, burn 16 against 99.9%;
		// 150 of 8,000 in 5 m is 1.875%, burn 18.75: both above 14.4.
		"page   burn > 14.4  over   1h: 16     over   5m: 18.75  FIRING",
		// 300 of 50,000 in 30 m burns exactly 6: not above 6, so quiet.
		"page   burn > 6     over   6h: 10/3   over  30m: 6      quiet",
		// 9,000 of 7,200,000 in 3 d burns 1.25; 2,000 of 600,000 in 6 h
		// burns 10/3: both above 1.
		"ticket burn > 1     over   3d: 1.25   over   6h: 10/3   FIRING",
		// 743 h of 5-minute slices: 8,916; 1% of them is 89.16, so 89 bad
		// slices are allowed; 31 is 34.83…% of 89.
		"met; budget 89 bad slices, spent 31 (34.83%), remaining 58",
		// 5,573 good slices of 5,604: 99.44682…%.
		"5604 slices so far, 31 bad: 99.4468% good",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// --at picks another period: November 2026 in New York is 721 hours
// (FACTS.md).
func TestAt(t *testing.T) {
	code, out, errOut := runArgs(t, "--at", "2026-11-15T00:00:00Z")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2026-11-01 00:00 EDT to 2026-12-01 00:00 EST, 721h0m0s") {
		t.Errorf("no November period in\n%s", out)
	}
}

// SLO names are the keys of a map: two that differ in case are two SLOs,
// not a key given twice.
func TestCountsNamesKeepTheirCase(t *testing.T) {
	c, err := parseCounts([]byte(`{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"events": {"good": 1, "total": 1}}, "Checkout": {"events": {"good": 0, "total": 1}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.SLOs) != 2 || c.SLOs["checkout"].Events.Good != 1 || c.SLOs["Checkout"].Events.Good != 0 {
		t.Errorf("counts %+v, want two SLOs", c.SLOs)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badSLO := write("bad.yaml", "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x}\nspec:\n  service: s\n  indicatorRef: i\n  budgetingMethod: Occurrences\n  objectives: [{target: 0.999, targetPercent: 99.9}]\n")
	unknown := write("unknown.json", `{"at": "2026-03-20T12:00:00Z", "slos": {}, "extra": 1}`)
	noWindow := write("nowindow.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"windows": {"1h": {"good": 1, "total": 1}}}}}`)
	badWindow := write("badwindow.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"windows": {"1M": {"good": 1, "total": 1}}}}}`)
	goodAbove := write("above.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"events": {"good": 2, "total": 1}}}}`)
	// Keys given twice, which encoding/json would take silently, the last
	// copy winning.
	twiceAt := write("twice-at.json", `{"at": "2026-03-20T12:00:00Z", "slos": {}, "at": "2026-03-21T12:00:00Z"}`)
	twiceSLO := write("twice-slo.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {}, "checkout": {}}}`)
	twiceWindow := write("twice-window.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"windows": {"1h": {"good": 1, "total": 1}, "1h": {"good": 0, "total": 1}}}}}`)
	twiceGood := write("twice-good.json", `{"at": "2026-03-20T12:00:00Z", "slos": {"checkout": {"events": {"good": 1, "total": 2, "Good": 2}}}}`)
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown flag", []string{"--nope"}, exitUsage, "flag provided but not defined"},
		{"argument", []string{"extra"}, exitUsage, `unexpected argument "extra"`},
		{"missing file", []string{"--slo", filepath.Join(dir, "none.yaml")}, exitUsage, "no such file"},
		{"invalid OpenSLO", []string{"--slo", badSLO, "--at", "2026-03-20T12:00:00Z"}, exitUsage, `bad.yaml:8:47: document 0: SLO "x" spec.objectives[0].targetPercent: target and targetPercent are both given`},
		{"no instant", []string{"--slo", badSLO}, exitUsage, "targetPercent"},
		{"unknown counts field", []string{"--counts", unknown}, exitUsage, `unknown field "extra"`},
		{"window a rule needs", []string{"--counts", noWindow}, exitUsage, "no window of 5m0s, which a rule needs"},
		{"window of a month", []string{"--counts", badWindow}, exitUsage, `slos.checkout.windows.1M: "1M" is not a window length`},
		{"good above total", []string{"--counts", goodAbove}, exitUsage, "slos.checkout.events: good 2 exceeds total 1"},
		{"at given twice", []string{"--counts", twiceAt}, exitUsage, `counts: at: "at" is given twice`},
		{"SLO given twice", []string{"--counts", twiceSLO}, exitUsage, `counts: slos.checkout: "checkout" is given twice`},
		{"window given twice", []string{"--counts", twiceWindow}, exitUsage, `counts: slos.checkout.windows.1h: "1h" is given twice`},
		// encoding/json reads "Good" into the field good.
		{"good given twice in another case", []string{"--counts", twiceGood}, exitUsage, `counts: slos.checkout.events.Good: "Good" is given twice`},
		{"bad --at", []string{"--at", "tomorrow"}, exitUsage, `--at "tomorrow"`},
		{"help", []string{"-h"}, exitOK, "Usage: openslo"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runArgs(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.msg)
			}
		})
	}
}
