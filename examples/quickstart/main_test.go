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
func runArgs(t testing.TB, args ...string) (int, string, string) {
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

// TestDefaultRunText: the report of the embedded sample, as a golden
// file, and the figures a reader looks for first, each derived in
// TestSampleAvailability, TestSampleTickets or TestSampleBreaches.
func TestDefaultRunText(t *testing.T) {
	code, stdout, stderr := runArgs(t)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Empty(t, stderr)
	golden(t, "report.golden", stdout)
	for _, want := range []string{
		"Example API: service report, 1–31 March 2026\n",
		"Period:        1–31 March 2026 (743h, America/New_York)",
		"Availability:  99.2812% of 742h measured",
		"  availability    99.3560%                  99.2496%",
		"  remaining       -19m ",
		"  excluded        Sat 2026-03-07 10:00 EST to Sat 2026-03-07 11:00 EST, 1h (Search index rebuild)",
		"Credit owed:   10% of the fee of 12000.00 USD: 1200.00 USD",
		"Not counted:   2 outages (1h55m) and 1 ticket recorded outside 1–31 March 2026",
		`Response term "tickets": 7 tickets (1 carried in), 3 breached (T-102, T-104, T-105)`,
		"  T-099*  P3    resolve     32h",
		"  INC-104  Search index rebuild overran its maintenance window  Sat 2026-03-07 10:00 EST     2h      1h (other times 1h)",
		"  Outside the period, not counted: INC-090, INC-095",
		"  Sun 8 Mar   -               1h           95.6521%      INC-105",
		"Breaches: 4",
	} {
		assert.Contains(t, stdout, want)
	}
	assert.NotContains(t, stdout, " \n", "no line ends in a space")
}

func TestDefaultRunMarkdown(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--format", "markdown")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	golden(t, "report.md.golden", stdout)
	assert.True(t, strings.HasPrefix(stdout, "# Example API: service report, 1–31 March 2026\n"))
	for _, want := range []string{
		"| business hours | during business | 99.5% | 220h | 99.3560% | 1h6m | 1h25m | -19m | MISSED | Wed 2026-03-04 17:56 EST | [99%, 99.5%) → 10% | 10% |",
		"| other times | outside business | 99% | 522h | 99.2496% | 5h13m12s | 3h55m | 1h18m12s | met | - | none | 0% |",
		"| T-104 | P2 | resolve #2 | 17h | 16h business | 106.25% | 0s | Wed 2026-03-18 15:00 EDT | stopped | BREACHED |",
		`| T-099\* | P3 | resolve | 32h |`,
		"**Credit owed:** 10% of the fee of 12000.00 USD: 1200.00 USD",
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
	golden(t, "report.json.golden", stdout)
	var doc struct {
		Contract string `json:"contract"`
		Zone     string `json:"zone"`
		Period   struct {
			Start, End, Text string
		} `json:"period"`
		Met          bool   `json:"met"`
		Availability string `json:"availability"`
		Credit       struct {
			Share, Exact, Amount string
		} `json:"credit"`
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
					Tier  map[string]string `json:"credit_tier"`
					Ratio struct {
						Good, Total uint64
						Percent     string
					} `json:"ratio"`
				} `json:"segments"`
				Tickets []struct {
					ID        string `json:"id"`
					Title     string `json:"title"`
					CarriedIn bool   `json:"carried_in"`
					Breached  bool   `json:"breached"`
				} `json:"tickets"`
				Exclusions []string `json:"exclusions"`
			} `json:"terms"`
			Incidents []struct {
				ID, Title string
				Counted   jsonSeconds
			} `json:"incidents"`
		} `json:"result"`
		Beside []struct {
			Label        string
			Availability string
		} `json:"beside"`
		Days     []struct{ Date, Availability string } `json:"days"`
		Breaches []struct {
			ID         string      `json:"id"`
			DetectedAt string      `json:"detected_at"`
			ReportDue  string      `json:"report_due"`
			ResolveDue string      `json:"resolve_due"`
			Status     string      `json:"status"`
			Shortfall  jsonSeconds `json:"shortfall"`
		} `json:"breaches"`
		Summary []struct {
			Term     string `json:"term"`
			Breaches int    `json:"breaches"`
		} `json:"summary"`
		Tickets struct {
			Evaluated     int `json:"evaluated"`
			CarriedIn     int `json:"carried_in"`
			Breached      int `json:"breached"`
			OutsidePeriod int `json:"outside_period"`
		} `json:"tickets"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))

	assert.Equal(t, "Example API", doc.Contract)
	assert.Equal(t, "America/New_York", doc.Zone)
	assert.Equal(t, "2026-03-01T00:00:00-05:00", doc.Period.Start)
	assert.Equal(t, "2026-04-01T00:00:00-04:00", doc.Period.End)
	assert.Equal(t, "1–31 March 2026", doc.Period.Text)
	assert.False(t, doc.Met)
	assert.Equal(t, "99.2812%", doc.Availability)
	assert.Equal(t, "10%", doc.Credit.Share)
	assert.Equal(t, "1200.00 USD", doc.Credit.Amount)
	require.Len(t, doc.Result.Terms, 2)
	segs := doc.Result.Terms[0].Segments
	require.Len(t, segs, 2)
	// Figures derived in TestSampleAvailability: durations as exact
	// seconds with ISO 8601 text, tiers as their bounds.
	assert.Equal(t, jsonSeconds{"792000", "PT220H"}, segs[0].Measured)
	assert.Equal(t, jsonSeconds{"5100", "PT1H25M"}, segs[0].Down)
	assert.Equal(t, jsonSeconds{"3960", "PT1H6M"}, segs[0].Allowance)
	assert.Equal(t, jsonSeconds{"-1140", "-PT19M"}, segs[0].Remaining)
	assert.Equal(t, uint64(786900e9), segs[0].Ratio.Good)
	assert.Equal(t, uint64(792000e9), segs[0].Ratio.Total)
	assert.False(t, segs[0].Met)
	assert.Equal(t, "10%", segs[0].Credit.Share)
	assert.Equal(t, map[string]string{"at_least": "99%", "below": "99.5%", "credit": "10%"}, segs[0].Tier)
	assert.Equal(t, jsonSeconds{"1879200", "PT522H"}, segs[1].Measured)
	assert.Equal(t, jsonSeconds{"14100", "PT3H55M"}, segs[1].Down)
	assert.Equal(t, jsonSeconds{"4692", "PT1H18M12S"}, segs[1].Remaining)
	assert.Nil(t, segs[1].Tier)
	assert.True(t, segs[1].Met)
	assert.Equal(t, []string{"2026-03-07T15:00:00Z/2026-03-07T16:00:00Z"}, doc.Result.Terms[0].Exclusions)
	tickets := doc.Result.Terms[1].Tickets
	require.Len(t, tickets, 7)
	assert.Equal(t, "API returns 502 for all calls", tickets[1].Title)
	assert.True(t, tickets[0].CarriedIn)
	assert.Equal(t, 7, doc.Tickets.Evaluated)
	assert.Equal(t, 1, doc.Tickets.CarriedIn)
	assert.Equal(t, 3, doc.Tickets.Breached)
	assert.Equal(t, 1, doc.Tickets.OutsidePeriod)
	require.Len(t, doc.Result.Incidents, 10)
	assert.Equal(t, "INC-104", doc.Result.Incidents[5].ID)
	assert.Equal(t, jsonSeconds{"3600", "PT1H"}, doc.Result.Incidents[5].Counted)
	require.Len(t, doc.Days, 31)
	assert.Equal(t, "2026-03-08", doc.Days[7].Date)
	require.Len(t, doc.Beside, 2)
	assert.Equal(t, "1–28 February 2026", doc.Beside[0].Label)
	assert.Equal(t, "2026 to date", doc.Beside[1].Label)

	require.Len(t, doc.Breaches, 4)
	b := doc.Breaches[0]
	assert.Equal(t, "availability/business hours/2026-03-01T05:00:00Z", b.ID)
	assert.Equal(t, "2026-04-01T00:00:00-04:00", b.DetectedAt)
	assert.Equal(t, "2026-04-01T12:00:00-04:00", b.ReportDue, "deadlines are in the obligations calendar's zone")
	assert.Equal(t, "2026-04-06T18:00:00-04:00", b.ResolveDue)
	assert.Equal(t, "open", b.Status)
	assert.Equal(t, jsonSeconds{"1140", "PT19M"}, b.Shortfall)
	assert.Equal(t, "report overdue", doc.Breaches[3].Status)
	require.Len(t, doc.Summary, 2)
	assert.Equal(t, 1, doc.Summary[0].Breaches)
	assert.Equal(t, 3, doc.Summary[1].Breaches)
}

// TestFilesGiveTheSameReport: the sample written to files and given by
// flag gives the report of the embedded sample.
func TestFilesGiveTheSameReport(t *testing.T) {
	dir := t.TempDir()
	paths := map[string][]byte{"outages.csv": sampleOutages, "tickets.csv": sampleTickets}
	for name, data := range paths {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	_, want, _ := runArgs(t)
	code, got, stderr := runArgs(t,
		"--outages", filepath.Join(dir, "outages.csv"),
		"--tickets", filepath.Join(dir, "tickets.csv"),
		"--period", "2026-03", "--format=text")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report from files (-want +got):\n%s", diff)
	}
}

// TestPeriod: --period picks a local month in the contract's zone, and
// without it the month of the last record. February 2026 in New York has
// no clock change: 28 × 24 = 672 h; its only outage, INC-095, is 1 h 30
// min on a Saturday night, and T-099 was opened on 26 February. January
// is before it and the year to date beside it. A contract without
// calendars is measured in UTC: March is 31 × 24 = 744 h.
func TestPeriod(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--period", "2026-02")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Period:        1–28 February 2026 (672h, America/New_York)")
	assert.Contains(t, stdout, `Response term "tickets": 1 ticket, 0 breached`)
	assert.Contains(t, stdout, "  INC-095  Storage controller failover  Sat 2026-02-07 02:00 EST  1h30m   1h30m (other times 1h30m)")
	assert.Contains(t, stdout, "                  1–31 January 2026  1–28 February 2026  2026 to date\n")
	assert.Contains(t, stdout, "Not counted:   9 outages (7h15m45s) and 7 tickets recorded outside 1–28 February 2026")

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
	assert.Contains(t, stdout, "Period:        1–31 March 2026 (744h, UTC)")
	// 1 h 15 min, and the first hour of an outage that runs past the end
	// of the month: 2 h 15 min. 0.1% of 744 h is 44 min 38.4 s.
	assert.Contains(t, stdout, "  downtime        2h15m\n")
	assert.Contains(t, stdout, "  allowance       44m38.4s\n")
	assert.Contains(t, stdout, "Breaches: 1\n")
	assert.Contains(t, stdout, "the contract sets no obligations, so every deadline is the instant of detection")
	assert.NotContains(t, stdout, "Beside this period", "the data does not reach back to February")
}

// TestPeriodYear9999: the last month of the calendar can be reported on;
// it ends at 10000-01-01T05:00:00Z, the end of year 9999 in New York.
// December keeps EST throughout, so it lasts 31 × 24 = 744 h.
func TestPeriodYear9999(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--period", "9999-12")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Period:        1–31 December 9999 (744h, America/New_York)")

	// A ticket resolved ten days after it opened misses both P1 levels of
	// the sample contract; the breach records hold the period, whose end
	// is in year 10000 in UTC.
	tickets := filepath.Join(t.TempDir(), "t.csv")
	require.NoError(t, os.WriteFile(tickets, []byte("id,priority,event,at\n"+
		"T-1,P1,open,9999-12-10T09:00:00-05:00\n"+
		"T-1,P1,resolve,9999-12-20T09:00:00-05:00\n"), 0o644))
	code, stdout, stderr = runArgs(t, "--period", "9999-12", "--tickets", tickets)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Breaches: 2\n")
	assert.Contains(t, stdout, "tickets/T-1/resolve/1")
}

// TestWrongPeriod: a period the data does not touch is not "all levels
// met" without a word: the report and stderr say that nothing was
// recorded in it and what lies outside.
func TestWrongPeriod(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--period", "2025-03")
	require.Equal(t, 0, code)
	const warning = "no outage, request or ticket of the files was recorded in 1–31 March 2025; they run from 15 January 2026 to 30 March 2026. Is --period right?"
	assert.Equal(t, "quickstart: warning: "+warning+"\n", stderr)
	assert.Contains(t, stdout, "WARNING:       "+warning+"\n")
	assert.Contains(t, stdout, "Not counted:   10 outages (8h45m45s) and 8 tickets recorded outside 1–31 March 2025")
	assert.NotContains(t, stdout, "  id  title", "no table of incidents without one in the period")
}

// TestMonthToDate: --now inside a month reports the month to date. From
// Sunday 1 March 00:00 EST to Sunday 15 March 14:00 EDT: 14 days and 14
// hours, one lost to the clock change, 349 h. Business hours are the 10
// weekdays of 2–6 and 9–13 March, 100 h, whose 0.5% is 30 min; 40 min on
// 2 March and 30 on 4 March are 70 min, 40 over, 98.8333…%: the 25%
// tier (below 99%). The budget ran out 30 minutes into INC-101, at 09:30
// EST on 2 March. Other times are 349 − 100 − 1 (maintenance) = 248 h.
func TestMonthToDate(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--now", "2026-03-15T14:00:00-04:00")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	for _, want := range []string{
		"Example API: service report, 1–15 March 2026, to 14:00 EDT (month to date)\n",
		"Period:         1–15 March 2026, to 14:00 EDT (349h, America/New_York)",
		"Evaluated at:   Sun 2026-03-15 14:00 EDT",
		"  measured time   100h                      248h",
		"  availability    98.8333%",
		"  budget ran out  Mon 2026-03-02 09:30 EST",
		"Credit so far:  25% of the fee of 12000.00 USD: 3000.00 USD",
	} {
		assert.Contains(t, stdout, want)
	}
	code, _, stderr = runArgs(t, "--now", "2026-03-01T00:00:00-05:00")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--now: 2026-03-01T00:00:00-05:00 is not after the start of the period")
}

func TestHelp(t *testing.T) {
	code, stdout, stderr := runArgs(t, "--help")
	assert.Equal(t, 0, code)
	assert.Empty(t, stdout)
	for _, want := range []string{"-contract FILE", "start,end[,term]", "id,priority,event,at[,term]", "at,good,total[,term]",
		"open, respond, pause, resume, resolve or reopen", "--period YYYY-MM", "-now INSTANT", "byte-order mark", "svg"} {
		assert.Contains(t, stderr, want)
	}
}

// TestErrors: every bad flag or input exits with status 2, writes
// nothing to stdout, and says on stderr what was wrong and where,
// quoting at most a short prefix of a bad value.
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
	hugeTarget := write("huge.json", strings.Replace(string(sampleContract), `"target": "99%"`, `"target": "`+strings.Repeat("9", 500_000)+`%"`, 1))
	badTickets := write("tickets.csv", "id,priority,event,at\nT-1,P1,open,2026-03-02T09:00:00Z\nT-1,P1,resume,2026-03-02T10:00:00Z\n")
	hugeField := write("field.csv", "start,end\n2026-03-02T09:00:00Z,\""+strings.Repeat("x", 30<<20)+"\"\n")

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
		{"a 30 MiB field", []string{"--outages", hugeField},
			"quickstart: " + hugeField + `:2: field 2 is longer than 1024 bytes: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"…` + "\n"},
		{"unknown format", []string{"--format", "xml"},
			"quickstart: --format: \"xml\" is not one of text, markdown, json, svg\n"},
		{"bad period", []string{"--period", "2026-13"},
			"quickstart: --period: \"2026-13\" is not a month such as 2026-03\n"},
		{"period in year 0", []string{"--period", "0000-01"},
			"quickstart: --period: \"0000-01\" is in year 0, outside years 1-9999\n"},
		{"now in year 0", []string{"--now", "0000-12-31T23:00:00Z"},
			"quickstart: --now: 0000-12-31T23:00:00Z is in year 0 (UTC), outside years 1-9999\n"},
		{"bad now", []string{"--now", "tomorrow"},
			"quickstart: --now: \"tomorrow\" is not an RFC 3339 instant such as 2026-03-15T14:00:00-04:00\n"},
		{"own contract, no data, no period", []string{"--contract", write("c.json", string(sampleContract))},
			"quickstart: --period: the files hold no outage, ticket or request to take a month from; give --period YYYY-MM\n"},
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

	t.Run("a huge value in the contract is quoted short", func(t *testing.T) {
		code, stdout, stderr := runArgs(t, "--contract", hugeTarget)
		assert.Equal(t, 2, code)
		assert.Empty(t, stdout)
		assert.LessOrEqual(t, len(stderr), len("quickstart: \n")+maxMessage+len("…"))
		assert.Contains(t, stderr, "terms[0].segments[1].target")
	})

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
// tier [99%, 99.5%): 10%. Other times: 8 h on Saturday 7 March, of which
// the hour of maintenance is excluded: 7 h = 25,200 s of 1,879,200 s,
// 98.6590…%, in the segment's own tier [98%, 99%): 5%. Owed: 10%, not
// 15%.
func TestCreditIsTheLargestNotTheSum(t *testing.T) {
	outages := filepath.Join(t.TempDir(), "o.csv")
	require.NoError(t, os.WriteFile(outages, []byte(
		"2026-03-03T09:00:00-05:00,2026-03-03T11:00:00-05:00\n"+
			"2026-03-07T09:00:00-05:00,2026-03-07T17:00:00-05:00\n"), 0o644))
	code, stdout, stderr := runArgs(t, "--outages", outages, "--format", "markdown", "--period", "2026-03")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "| 99.0909% |")
	assert.Contains(t, stdout, "| 98.6590% |")
	assert.Contains(t, stdout, "**Credit owed:** 10% of the fee of 12000.00 USD: 1200.00 USD (the largest credit of any segment")
	assert.NotContains(t, stdout, "15%")
}

// TestOwnContractWithoutData: with a contract of one's own and no other
// file, the month has no outages and no tickets, rather than the sample's.
func TestOwnContractWithoutData(t *testing.T) {
	contract := filepath.Join(t.TempDir(), "c.json")
	require.NoError(t, os.WriteFile(contract, sampleContract, 0o644))
	code, stdout, stderr := runArgs(t, "--contract", contract, "--period", "2026-03")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "Verdict:       all levels met\n")
	assert.Contains(t, stdout, `Response term "tickets": 0 tickets, 0 breached`)
	assert.Contains(t, stdout, "Breaches: 0\n")
	assert.NotContains(t, stdout, "Not counted")
}

// TestRequests: a contract with a term measured by requests reads its
// counts from --requests. March in UTC has 44,640 minutes; one bad minute
// (2 of 19 requests failed, 10.5% > 5%; 1 of 20 is 5%, not more) leaves
// 44,639/44,640 = 99.9977…%, under 99.999%, whose allowance is
// floor(0.001% × 44,640) = floor(0.4464) = 0 bad minutes.
func TestRequests(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(c, []byte(`{"name": "API", "terms": [{"name": "requests", "kind": "availability",
		"measure": "time-slices", "slice": "1m", "max_errors": "5%", "min_requests": 10,
		"segments": [{"name": "all", "target": "99.999%"}]}]}`), 0o644))
	r := filepath.Join(dir, "r.csv")
	require.NoError(t, os.WriteFile(r, []byte("\ufeffat,good,total\n2026-03-03T10:07:00Z,17,19\n2026-03-03T10:08:00Z,19,20\n"), 0o644))
	code, stdout, stderr := runArgs(t, "--contract", c, "--requests", r, "--period", "2026-03")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, `Availability term "requests", measured by time-slices: MISSED`)
	assert.Contains(t, stdout, "  availability    99.9977%")
	assert.Contains(t, stdout, "  bad             1 slices")
	assert.Contains(t, stdout, "  budget ran out  Tue 2026-03-03 10:07 UTC")
}
