package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// The sample: a contract, its outages, tickets and maintenance from
// January to March 2026.
var (
	//go:embed data/contract.json
	sampleContract []byte
	//go:embed data/outages.csv
	sampleOutages []byte
	//go:embed data/tickets.csv
	sampleTickets []byte
	//go:embed data/maintenance.csv
	sampleMaintenance []byte
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses of run.
const (
	exitOK     = 0
	exitOutput = 1 // the report could not be written
	exitUsage  = 2 // bad flags or bad input
)

const usageText = `Usage: quickstart [flags]

Evaluates a service level contract over a month of outages, requests and
tickets and prints the report a provider sends its customer: the overall
availability, each term and segment, the incidents, a day-by-day timeline,
the months before, ticket response and resolution times, breaches with
their deadlines, and the credit owed. Without flags it evaluates an
embedded sample: March 2026.

Flags:
`

const formatsText = `
Files (CSV files may start with a byte-order mark; lines starting with #
are comments; a first line that names the columns is a header, and then
the columns may come in any order):
  --contract  a contract document in JSON, as contract.Parse reads it.
              With --contract, the other files default to none.
  --outages   one outage a line: start,end[,term]; a header may also name
              id, title, description (shown when there is no title) and
              affected (the share of customers, such as 50%)
                start, end  RFC 3339 instants, end after start; the outage is
                            the half-open span [start, end)
                term        the availability term it counts against; empty
                            means every term measured by outages
  --requests  requests at an instant: at,good,total[,term], for terms
              measured by requests
  --tickets   one ticket event a line: id,priority,event,at[,term]; a header
              may also name title or description
                priority    one of the term's priorities, the same on every
                            line of a ticket
                event       open, respond, pause, resume, resolve or reopen;
                            open first, then the ticket's events in time order
                at          an RFC 3339 instant
                term        the response term of the ticket; may be left out
                            when the contract has only one

Period:
  --period YYYY-MM is a local month, from midnight to midnight, in the time
  zone of the calendar of the contract's obligations, else of its first
  calendar by name, else UTC. Without it: the month of --now, or else the
  month of the last record in the files, in the years 1 to 9999. --now
  evaluates at that instant; inside the month, the report covers the
  month to date. The months before
  and the year to date are shown beside the period when the files reach
  back to them. Outages, requests and tickets outside the period are
  counted nowhere, and the report says how many there are.

Formats: text (the default), markdown, json, svg (a chart of the error
budget left over the period).

Exit status: 0 on success; 2 for bad flags or a missing or malformed file,
with a message naming the file, line and field on stderr and nothing on
stdout.
`

// maxMessage bounds an error message on stderr: an error quotes a short
// prefix of an offending value, not a whole field.
const maxMessage = 400

// run is the whole program: it parses args, evaluates the contract and
// writes the report to stdout, or a message to stderr, and returns the
// exit status. The report is built in full before any of it is written.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputs
	fs.StringVar(&in.contract, "contract", "", "contract `FILE` (JSON); default: the embedded sample")
	fs.StringVar(&in.outages, "outages", "", "outages `FILE` (CSV: start,end[,term]); default: the embedded sample, or none with --contract")
	fs.StringVar(&in.requests, "requests", "", "requests `FILE` (CSV: at,good,total[,term]); default: none")
	fs.StringVar(&in.tickets, "tickets", "", "tickets `FILE` (CSV: id,priority,event,at[,term]); default: the embedded sample, or none with --contract")
	fs.StringVar(&in.period, "period", "", "the `MONTH` to evaluate, YYYY-MM, in the contract's zone; default: the month of --now or of the last record")
	fs.StringVar(&in.now, "now", "", "evaluate at `INSTANT` (RFC 3339); inside the month, the month to date")
	fs.StringVar(&in.holidaysFile, "holidays", "", "holidays `FILE` added to every calendar of the contract: GOV.UK bank-holidays JSON, Nager.Date JSON or iCalendar (all-day events)")
	fs.StringVar(&in.region, "region", "", "the `PLACE` to take from --holidays (needs it): a GOV.UK division such as england-and-wales, or a Nager.Date subdivision such as DE-BY")
	fs.StringVar(&in.maintenanceFile, "maintenance", "", "maintenance `FILE` (iCalendar: timed events, recurring ones included), excluded from the measured time")
	format := fs.String("format", "text", "output `FORMAT`: text, markdown, json or svg")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
		fmt.Fprint(stderr, formatsText)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "quickstart: unexpected argument %s; see --help\n", quote(fs.Arg(0)))
		return exitUsage
	}
	if in.region != "" && in.holidaysFile == "" {
		fmt.Fprintln(stderr, "quickstart: --region needs --holidays: it chooses the division or subdivision of that file")
		return exitUsage
	}
	render, ok := renderers[*format]
	if !ok {
		fmt.Fprintf(stderr, "quickstart: --format: %s is not one of text, markdown, json, svg\n", quote(*format))
		return exitUsage
	}
	r, err := in.evaluate()
	if err != nil {
		fmt.Fprintf(stderr, "quickstart: %s\n", shorten(err.Error()))
		return exitUsage
	}
	for _, note := range r.Notes {
		fmt.Fprintf(stderr, "quickstart: warning: %s\n", note)
	}
	var buf bytes.Buffer
	if err := render(&buf, r); err != nil {
		fmt.Fprintf(stderr, "quickstart: %s\n", shorten(err.Error()))
		return exitOutput
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "quickstart: writing the report: %v\n", err)
		return exitOutput
	}
	if r.nothingInPeriod() {
		fmt.Fprintf(stderr, "quickstart: warning: %s\n", r.emptyWarning())
	}
	return exitOK
}

// shorten cuts a message to maxMessage bytes, at a character boundary.
func shorten(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && msg[cut]&0xC0 == 0x80 {
		cut--
	}
	return msg[:cut] + "…"
}

// renderers write a report in each output format.
var renderers = map[string]func(io.Writer, *report) error{
	"text":     writeText,
	"json":     writeJSON,
	"markdown": writeMarkdown,
	"svg":      writeSVG,
}

// inputs are what the command line gives: paths (empty for the embedded
// sample, or for none with --contract), the period and the instant.
type inputs struct {
	contract, outages, requests, tickets string
	period, now                          string
	// holidaysFile, region and maintenanceFile are the --holidays,
	// --region and --maintenance flags: files read with the calendar
	// adapters. Their holidays are added to every calendar of the
	// contract, their maintenance to the period's exclusions.
	holidaysFile, region, maintenanceFile string
}

// evaluate loads the inputs, evaluates the contract over the period, and
// returns the report.
func (in inputs) evaluate() (*report, error) {
	data, name, err := readInput(in.contract, sampleContract, "data/contract.json")
	if err != nil {
		return nil, err
	}
	c, err := loadContract(data, name)
	if err != nil {
		return nil, err
	}
	// The sample data belongs to the sample contract: with a contract of
	// one's own, a file not given means no outages, tickets or maintenance.
	sample := in.contract == ""
	pick := func(path string, embedded []byte, embeddedName string) ([]byte, string, error) {
		if !sample {
			embedded = nil
		}
		return readInput(path, embedded, embeddedName)
	}
	var obs contract.Observations
	var seen dataSpan
	if data, name, err = pick(in.outages, sampleOutages, "data/outages.csv"); err != nil {
		return nil, err
	}
	if obs.Incidents, err = loadOutages(data, name, c); err != nil {
		return nil, err
	}
	for _, inc := range obs.Incidents {
		seen.add(inc.Span.Start)
	}
	if data, name, err = readInput(in.requests, nil, ""); err != nil {
		return nil, err
	}
	if obs.Requests, err = loadRequests(data, name, c); err != nil {
		return nil, err
	}
	for _, samples := range obs.Requests {
		for _, s := range samples {
			seen.add(s.At)
		}
	}
	if data, name, err = pick(in.tickets, sampleTickets, "data/tickets.csv"); err != nil {
		return nil, err
	}
	if obs.Tickets, err = loadTickets(data, name, c); err != nil {
		return nil, err
	}
	for _, tk := range obs.Tickets {
		seen.add(tk.Events[0].At)
		seen.add(tk.Events[len(tk.Events)-1].At)
	}
	var maint []maintenance
	if sample {
		extra, err := loadMaintenance(sampleMaintenance, "data/maintenance.csv")
		if err != nil {
			return nil, err
		}
		maint = append(extra, maint...)
	}
	loc := reportZone(c)
	ch, err := choosePeriod(in.period, in.now, loc, seen)
	if err != nil {
		return nil, err
	}
	// The files of holidays and maintenance are read for the years the
	// report covers: the period's year for year to date, the year before
	// for the previous period, and the year after for deadlines that run
	// past the period's end.
	from := ch.Period.Start.In(loc).Year() - 1
	var notes []string
	if in.holidaysFile != "" {
		rules, warning, err := readHolidays(in.holidaysFile, in.region, from, from+2)
		if err != nil {
			return nil, err
		}
		if warning != "" {
			notes = append(notes, warning)
		}
		if c, err = c.WithHolidays("", rules...); err != nil {
			return nil, err
		}
	}
	if in.maintenanceFile != "" {
		span := window.Between(time.Date(from, time.January, 1, 0, 0, 0, 0, loc), ch.Period.End)
		extra, err := readMaintenance(in.maintenanceFile, span, loc)
		if err != nil {
			return nil, err
		}
		maint = append(maint, extra...)
	}
	spans := make([]window.Interval, len(maint))
	for i, m := range maint {
		spans[i] = m.Span
	}
	obs.Maintenance = window.NewSet(spans...)
	obs.Now = ch.Now
	r, err := newReport(c, loc, ch, obs, maint, seen)
	if err != nil {
		return nil, err
	}
	r.Notes = notes
	return r, nil
}

// reportZone returns the zone the period is measured and the report shown
// in: that of the calendar of the contract's obligations, else of its
// first calendar by name, else UTC.
func reportZone(c contract.Contract) *time.Location {
	if cal := c.Obligations.Calendar; cal != nil {
		return cal.Location()
	}
	names := make([]string, 0, len(c.Calendars))
	for name := range c.Calendars {
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) > 0 {
		return c.Calendars[names[0]].Location()
	}
	return time.UTC
}
