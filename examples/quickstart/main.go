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
)

// The sample month: a contract, its outages and its tickets.
var (
	//go:embed data/contract.json
	sampleContract []byte
	//go:embed data/outages.csv
	sampleOutages []byte
	//go:embed data/tickets.csv
	sampleTickets []byte
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

Evaluates a service level contract over a month of outages and tickets and
prints a report: availability per term and segment, ticket response and
resolution times, breaches with their report and resolution deadlines, and
the credit owed. Without flags it evaluates an embedded sample: March 2026.

Flags:
`

const formatsText = `
Files:
  --contract  a contract document in JSON, as contract.Parse reads it.
              With --contract, --outages and --tickets default to none.
  --outages   CSV, one outage a line: start,end[,term]
                start, end  RFC 3339 instants, end after start; the outage is
                            the half-open span [start, end)
                term        optional: the availability term it counts against;
                            empty means every availability term
  --tickets   CSV, one ticket event a line: id,priority,event,at[,term]
                priority    one of the term's priorities, the same on every
                            line of a ticket
                event       open, respond, pause, resume, resolve or reopen;
                            open first, then the ticket's events in time order
                at          an RFC 3339 instant
                term        optional: the response term of the ticket; may be
                            left out when the contract has only one
              In both files lines starting with # are comments, blank lines are
              skipped, and a first line starting with "start" (outages) or
              "id" (tickets) is a header.

Period:
  --period YYYY-MM is a local month, from midnight to midnight, in the time
  zone of the calendar of the contract's obligations, else of its first
  calendar by name, else UTC. The report is evaluated at the end of the
  month. Instants in the report are shown in the same zone.

Exit status: 0 on success; 2 for bad flags or a missing or malformed file,
with a message naming the file, line and field on stderr and nothing on
stdout.
`

// run is the whole program: it parses args, evaluates the contract and
// writes the report to stdout, or a message to stderr, and returns the
// exit status. The report is built in full before any of it is written.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	contractPath := fs.String("contract", "", "contract `FILE` (JSON); default: the embedded sample")
	outagesPath := fs.String("outages", "", "outages `FILE` (CSV: start,end[,term]); default: the embedded sample, or none with --contract")
	ticketsPath := fs.String("tickets", "", "tickets `FILE` (CSV: id,priority,event,at[,term]); default: the embedded sample, or none with --contract")
	periodText := fs.String("period", "2026-03", "the `MONTH` to evaluate, YYYY-MM, in the contract's zone")
	format := fs.String("format", "text", "output `FORMAT`: text, json or markdown")
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
		fmt.Fprintf(stderr, "quickstart: unexpected argument %q; see --help\n", fs.Arg(0))
		return exitUsage
	}
	render, ok := renderers[*format]
	if !ok {
		fmt.Fprintf(stderr, "quickstart: --format: %q is not one of text, json, markdown\n", *format)
		return exitUsage
	}

	in := inputs{
		contract: *contractPath, outages: *outagesPath, tickets: *ticketsPath,
		period: *periodText,
	}
	r, err := in.evaluate()
	if err != nil {
		fmt.Fprintf(stderr, "quickstart: %v\n", err)
		return exitUsage
	}
	var buf bytes.Buffer
	if err := render(&buf, r); err != nil {
		fmt.Fprintf(stderr, "quickstart: %v\n", err)
		return exitOutput
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "quickstart: writing the report: %v\n", err)
		return exitOutput
	}
	return exitOK
}

// renderers write a report in each output format.
var renderers = map[string]func(io.Writer, *report) error{
	"text":     writeText,
	"json":     writeJSON,
	"markdown": writeMarkdown,
}

// inputs are the paths given on the command line; an empty path means the
// embedded sample.
type inputs struct {
	contract, outages, tickets string
	period                     string
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
	loc := reportZone(c)
	period, err := parsePeriod(in.period, loc)
	if err != nil {
		return nil, err
	}
	// The sample month belongs to the sample contract: with a contract of
	// one's own, a file not given means no outages or no tickets.
	outagesDefault, ticketsDefault := sampleOutages, sampleTickets
	if in.contract != "" {
		outagesDefault, ticketsDefault = nil, nil
	}
	if data, name, err = readInput(in.outages, outagesDefault, "data/outages.csv"); err != nil {
		return nil, err
	}
	outages, err := loadOutages(data, name, c)
	if err != nil {
		return nil, err
	}
	if data, name, err = readInput(in.tickets, ticketsDefault, "data/tickets.csv"); err != nil {
		return nil, err
	}
	tickets, err := loadTickets(data, name, c)
	if err != nil {
		return nil, err
	}
	return newReport(c, loc, period, contract.Observations{Outages: outages, Tickets: tickets})
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
