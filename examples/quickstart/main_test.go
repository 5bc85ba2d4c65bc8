package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// runArgs runs the program with args and returns its exit status, stdout
// and stderr.
func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got); run go test -update if the change is intended:\n%s", path, diff)
	}
}

func TestDefaultRunText(t *testing.T) {
	code, stdout, stderr := runArgs(t)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Empty(t, stderr)
	golden(t, "report.golden", stdout)

	// The figures a reader looks for first, independent of the golden file.
	for _, want := range []string{
		"Period:        Sun 2026-03-01 00:00 EST to Wed 2026-04-01 00:00 EDT (743h, America/New_York)",
		"  availability    99.3560%",
		"  remaining       -19m ",
		"Response term \"tickets\": 6 tickets, 3 breached (T-102, T-104, T-105)",
		"Breaches: 4",
		"Credit owed: 10% of the period's bill",
	} {
		assert.Contains(t, stdout, want)
	}
}

func TestDefaultRunMarkdown(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--format", "markdown")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	golden(t, "report.md.golden", stdout)
	assert.True(t, strings.HasPrefix(stdout, "# Example API, March 2026\n"))
	for _, want := range []string{
		"| business hours | during business | 99.5% | 220h | 99.3560% | 1h6m | 1h25m | -19m | MISSED | Wed 2026-03-04 17:56 EST | [99%, 99.5%) → 10% | 10% |",
		"| other times | outside business | 99% | 523h | 99.0599% | 5h13m48s | 4h55m | 18m48s | met | - | none | 0% |",
		"| T-104 | P2 | resolve #2 | 17h | 16h business | 106.25% | 0s | Wed 2026-03-18 15:00 EDT | stopped | BREACHED |",
		"**Credit owed:** 10%",
	} {
		assert.Contains(t, stdout, want)
	}
	// Every table row has as many cells as its header.
	var cols int
	for i, line := range strings.Split(stdout, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		}
		assert.Equal(t, cols, n, "line %d: %s", i+1, line)
	}
}

// jsonSeconds is a duration of the JSON report: exact seconds and ISO
// 8601 text.
type jsonSeconds struct {
	Seconds json.Number `json:"seconds"`
	ISO8601 string      `json:"iso8601"`
}

func TestDefaultRunJSON(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--format", "json")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	var doc struct {
		Contract string `json:"contract"`
		Zone     string `json:"zone"`
		Period   struct {
			Start, End string
		} `json:"period"`
		Met    bool   `json:"met"`
		Credit string `json:"credit"`
		Result struct {
			Terms []struct {
				Name     string `json:"name"`
				Segments []struct {
					Name      string      `json:"name"`
					Measured  jsonSeconds `json:"measured"`
					Down      jsonSeconds `json:"down"`
					Allowance jsonSeconds `json:"allowance"`
					Remaining jsonSeconds `json:"remaining"`
					Met       bool        `json:"met"`
					Credit    struct {
						Share string `json:"share"`
					} `json:"credit"`
					Ratio struct {
						Good, Total uint64
						Percent     string
					} `json:"ratio"`
				} `json:"segments"`
				Tickets []struct {
					ID       string `json:"id"`
					Breached bool   `json:"breached"`
				} `json:"tickets"`
			} `json:"terms"`
		} `json:"result"`
		Breaches []struct {
			ID         string `json:"id"`
			DetectedAt string `json:"detected_at"`
			ReportDue  string `json:"report_due"`
			ResolveDue string `json:"resolve_due"`
			Status     string `json:"status"`
		} `json:"breaches"`
		Summary []struct {
			Term     string `json:"term"`
			Breaches int    `json:"breaches"`
		} `json:"summary"`
		Tickets struct {
			Evaluated, Breached int
		} `json:"tickets"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))

	assert.Equal(t, "Example API", doc.Contract)
	assert.Equal(t, "America/New_York", doc.Zone)
	assert.Equal(t, "2026-03-01T00:00:00-05:00", doc.Period.Start)
	assert.Equal(t, "2026-04-01T00:00:00-04:00", doc.Period.End)
	assert.False(t, doc.Met)
	assert.Equal(t, "10%", doc.Credit)
	require.Len(t, doc.Result.Terms, 2)
	segs := doc.Result.Terms[0].Segments
	require.Len(t, segs, 2)
	// Figures derived in TestSampleAvailability.
	assert.Equal(t, jsonSeconds{"792000", "PT220H"}, segs[0].Measured)
	assert.Equal(t, jsonSeconds{"5100", "PT1H25M"}, segs[0].Down)
	assert.Equal(t, jsonSeconds{"3960", "PT1H6M"}, segs[0].Allowance)
	assert.Equal(t, jsonSeconds{"-1140", "-PT19M"}, segs[0].Remaining)
	assert.Equal(t, uint64(786900e9), segs[0].Ratio.Good)
	assert.Equal(t, uint64(792000e9), segs[0].Ratio.Total)
	assert.False(t, segs[0].Met)
	assert.Equal(t, "10%", segs[0].Credit.Share)
	assert.Equal(t, jsonSeconds{"17700", "PT4H55M"}, segs[1].Down)
	assert.Equal(t, jsonSeconds{"1128", "PT18M48S"}, segs[1].Remaining)
	assert.True(t, segs[1].Met)
	assert.Len(t, doc.Result.Terms[1].Tickets, 6)
	assert.Equal(t, 6, doc.Tickets.Evaluated)
	assert.Equal(t, 3, doc.Tickets.Breached)

	require.Len(t, doc.Breaches, 4)
	b := doc.Breaches[0]
	assert.Equal(t, "availability/business hours/2026-03-01T05:00:00Z", b.ID)
	assert.Equal(t, "2026-04-01T00:00:00-04:00", b.DetectedAt)
	assert.Equal(t, "2026-04-01T12:00:00-04:00", b.ReportDue, "deadlines are in the obligations calendar's zone")
	assert.Equal(t, "2026-04-06T18:00:00-04:00", b.ResolveDue)
	assert.Equal(t, "open", b.Status)
	assert.Equal(t, "report overdue", doc.Breaches[3].Status)
	require.Len(t, doc.Summary, 2)
	assert.Equal(t, 1, doc.Summary[0].Breaches)
	assert.Equal(t, 3, doc.Summary[1].Breaches)
}

// TestFilesGiveTheSameReport: the sample written to files and given by
// flag gives the report of the embedded sample.
func TestFilesGiveTheSameReport(t *testing.T) {
	dir := t.TempDir()
	paths := map[string][]byte{"contract.json": sampleContract, "outages.csv": sampleOutages, "tickets.csv": sampleTickets}
	for name, data := range paths {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	_, want, _ := runArgs(t)
	code, got, stderr := runArgs(t,
		"--contract", filepath.Join(dir, "contract.json"),
		"--outages", filepath.Join(dir, "outages.csv"),
		"--tickets", filepath.Join(dir, "tickets.csv"),
		"--period", "2026-03", "--format=text")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report from files (-want +got):\n%s", diff)
	}
}

// TestPeriod: --period picks a local month in the contract's zone.
// February 2026 in New York has no clock change: 28 × 24 = 672 h. A
// contract without calendars is measured in UTC: March is 31 × 24 = 744 h.
func TestPeriod(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--period", "2026-02")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Sun 2026-02-01 00:00 EST to Sun 2026-03-01 00:00 EST (672h, America/New_York)")
	assert.Contains(t, stdout, `Response term "tickets": 0 tickets, 0 breached`)
	assert.Contains(t, stdout, "(6 tickets opened outside the period are left out)")

	dir := t.TempDir()
	contract := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(contract, []byte(`{"name": "Plain", "terms": [
		{"name": "up", "kind": "availability", "segments": [{"name": "all", "target": "99.9%"}]}]}`), 0o644))
	outages := filepath.Join(dir, "o.csv")
	require.NoError(t, os.WriteFile(outages, []byte(
		"2026-03-10T23:30:00Z,2026-03-11T00:45:00Z\n"+
			"2026-03-31T23:00:00Z,2026-04-01T01:00:00Z,up\n"), 0o644))
	code, stdout, stderr = runArgs(t, "--contract", contract, "--outages", outages)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Sun 2026-03-01 00:00 UTC to Wed 2026-04-01 00:00 UTC (744h, UTC)")
	// 1 h 15 min, and the first hour of an outage that runs past the end
	// of the month: 2 h 15 min. 0.1% of 744 h is 44 min 38.4 s.
	assert.Contains(t, stdout, "  downtime        2h15m\n")
	assert.Contains(t, stdout, "  allowance       44m38.4s\n")
	assert.Contains(t, stdout, "Breaches: 1\n")
	assert.Contains(t, stdout, "the contract sets no obligations, so every deadline is the instant of detection")
}

func TestHelp(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--help")
	assert.Equal(t, 0, code)
	assert.Empty(t, stdout)
	for _, want := range []string{"-contract FILE", "start,end[,term]", "id,priority,event,at[,term]", "open, respond, pause, resume, resolve or reopen", "--period YYYY-MM"} {
		assert.Contains(t, stderr, want)
	}
}

// TestErrors: every bad flag or input exits with status 2, writes
// nothing to stdout, and says on stderr what was wrong and where.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	badOutages := write("outages.csv", `start,end
# a comment
2026-03-02T09:00:00-05:00,2026-03-02T09:40:00-05:00

# line 4 is blank; line 7 is wrong
2026-03-04T17:30:00-05:00,2026-03-04T18:20:00-05:00
2026-03-31T10:00:00Z,2026-03-32T10:00:00Z
`)
	badTarget := write("target.json", strings.Replace(string(sampleContract), `"target": "99%"`, `"target": "101%"`, 1))
	badSyntax := write("syntax.json", strings.Replace(string(sampleContract), `"parties": [`, `"parties": [,`, 1))
	badTickets := write("tickets.csv", "id,priority,event,at\nT-1,P1,open,2026-03-02T09:00:00Z\nT-1,P1,resume,2026-03-02T10:00:00Z\n")

	tests := []struct {
		name string
		args []string
		want string // stderr, exactly
	}{
		{"missing contract", []string{"--contract", "/no/such/file"},
			"quickstart: /no/such/file: cannot read: no such file or directory\n"},
		{"missing outages", []string{"--outages", "/no/such/outages.csv"},
			"quickstart: /no/such/outages.csv: cannot read: no such file or directory\n"},
		{"malformed outages", []string{"--outages", badOutages},
			"quickstart: " + badOutages + `:7: end: "2026-03-32T10:00:00Z" is not an RFC 3339 instant` + "\n"},
		{"malformed contract value", []string{"--contract", badTarget},
			"quickstart: " + badTarget + `:17: terms[0].segments[1].target: invalid target "101%": above 100%` + "\n"},
		{"malformed contract syntax", []string{"--contract", badSyntax},
			"quickstart: " + badSyntax + ":3: malformed JSON: invalid character ',' looking for beginning of value\n"},
		{"ticket event out of state", []string{"--tickets", badTickets},
			"quickstart: " + badTickets + ":3: event: resume: the ticket is not paused\n"},
		{"unknown format", []string{"--format", "xml"},
			"quickstart: --format: \"xml\" is not one of text, json, markdown\n"},
		{"bad period", []string{"--period", "2026-13"},
			"quickstart: --period: \"2026-13\" is not a month such as 2026-03\n"},
		{"stray argument", []string{"report.txt"},
			"quickstart: unexpected argument \"report.txt\"; see --help\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(t, tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, stdout, "no partial report")
			assert.Equal(t, tt.want, stderr)
		})
	}

	t.Run("endless file", func(t *testing.T) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero")
		}
		code, stdout, stderr := runArgs(t, "--tickets", "/dev/zero")
		assert.Equal(t, 2, code)
		assert.Empty(t, stdout)
		assert.Equal(t, "quickstart: /dev/zero: larger than 64 MiB\n", stderr)
	})

	t.Run("unknown flag", func(t *testing.T) {
		code, stdout, stderr := runArgs(t, "--colour")
		assert.Equal(t, 2, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "flag provided but not defined: -colour")
	})
}

// TestCreditIsTheLargestNotTheSum: with both segments missed, the credit
// owed is the larger of their credits, as the contract says, not their sum.
// Business hours: 2 h down of 792,000 s is 99.0909…%, in the contract's
// tier [99%, 99.5%): 10%. Other times: 8 h of 1,882,800 s is 98.4703…%,
// in the segment's own tier [98%, 99%): 5%. Owed: 10%, not 15%.
func TestCreditIsTheLargestNotTheSum(t *testing.T) {
	outages := filepath.Join(t.TempDir(), "o.csv")
	require.NoError(t, os.WriteFile(outages, []byte(
		"2026-03-03T09:00:00-05:00,2026-03-03T11:00:00-05:00\n"+
			"2026-03-07T09:00:00-05:00,2026-03-07T17:00:00-05:00\n"), 0o644))
	code, stdout, stderr := runArgs(t, "--outages", outages, "--format", "markdown")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "| 99.0909% |")
	assert.Contains(t, stdout, "| 98.4703% |")
	assert.Contains(t, stdout, "**Credit owed:** 10% of the period's bill")
	assert.NotContains(t, stdout, "15%")
}

// TestOwnContractWithoutData: with a contract of one's own and no other
// file, the month has no outages and no tickets, rather than the sample's.
func TestOwnContractWithoutData(t *testing.T) {
	contract := filepath.Join(t.TempDir(), "c.json")
	require.NoError(t, os.WriteFile(contract, sampleContract, 0o644))
	code, stdout, stderr := runArgs(t, "--contract", contract)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Verdict:       all levels met\n")
	assert.Contains(t, stdout, `Response term "tickets": 0 tickets, 0 breached`)
	assert.Contains(t, stdout, "Breaches: 0\n")
}
