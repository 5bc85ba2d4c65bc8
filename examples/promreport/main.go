package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
	"github.com/slamath/slamath/window"
)

//go:embed data/contract.json
var sampleContract []byte

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses of run.
const (
	exitOK     = 0
	exitFailed = 1 // the server could not be queried, or the report not written
	exitUsage  = 2 // bad flags or bad input
)

// maxContract bounds the contract file read.
const maxContract = contract.MaxContractBytes

const usageText = `Usage: promreport --url URL [flags]

Queries a Prometheus server (or anything that serves its query_range API)
for a month of an up-like series, and prints the contract report of that
month. Without --contract it evaluates an embedded sample contract.

Flags:
`

// config is what the flags say.
type config struct {
	url       string
	contract  contract.Contract
	name      string // of the contract file, for people
	zone      *time.Location
	period    window.Interval
	step      time.Duration
	grid      prom.Grid         // the month at steps of step
	up        string            // the up-like expression of every availability term
	termUp    map[string]string // by term name, overriding up
	errors    string            // counters of bad and of all requests, optional
	total     string
	missingUp bool // steps without data count as up instead of down
	format    string
	timeout   time.Duration
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errFlags):
		return exitUsage // the flag package said why
	case err != nil:
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	client := promhttp.Client{URL: cfg.url, HTTP: &http.Client{}}
	data, err := query(ctx, client, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "promreport:", err)
		return exitFailed
	}
	rep, err := evaluate(cfg, data)
	if err != nil {
		fmt.Fprintln(stderr, "promreport:", err)
		return exitUsage
	}
	if err := write(stdout, cfg.format, rep); err != nil {
		fmt.Fprintln(stderr, "promreport: writing the report:", err)
		return exitFailed
	}
	return exitOK
}

// errFlags is returned by parseFlags when the flag package has already
// written what was wrong.
var errFlags = errors.New("bad flags")

// parseFlags reads the flags. A flag error is written to stderr by the
// flag package and returned as errFlags (flag.ErrHelp for -h); other
// errors are returned to be written.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{termUp: map[string]string{}}
	fs := flag.NewFlagSet("promreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.url, "url", "", "base `URL` of the Prometheus server, such as http://127.0.0.1:9090 (required)")
	contractPath := fs.String("contract", "", "contract `FILE` (JSON); default: the embedded sample")
	periodText := fs.String("period", "2026-03", "the `MONTH` to evaluate, YYYY-MM, in the contract's zone")
	fs.DurationVar(&cfg.step, "step", time.Minute, "the `step` of the range queries: the resolution of down time")
	fs.StringVar(&cfg.up, "up", `min(up{job="checkout"})`, "PromQL `expression` that is 1 while the service is up and 0 while it is down, for every availability term")
	fs.Func("term-up", "the up-like expression of one availability term, as `TERM=EXPR`, instead of --up (repeatable)", func(s string) error {
		term, expr, ok := strings.Cut(s, "=")
		if !ok || term == "" || expr == "" {
			return errors.New("want TERM=EXPR")
		}
		cfg.termUp[term] = expr
		return nil
	})
	fs.StringVar(&cfg.errors, "errors", "", "PromQL `expression` of a counter of failed requests, to report the month's requests with --total")
	fs.StringVar(&cfg.total, "total", "", "PromQL `expression` of a counter of all requests, with --errors")
	missing := fs.String("missing", "down", "how steps without data count: `down` or up")
	fs.StringVar(&cfg.format, "format", "text", "output `FORMAT`: text or json")
	fs.DurationVar(&cfg.timeout, "timeout", 2*time.Minute, "how long the queries may take in all")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, errFlags
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("promreport: unexpected argument %q", fs.Arg(0))
	case cfg.url == "":
		return cfg, errors.New("promreport: --url is required: the base URL of a Prometheus server")
	case *missing != "down" && *missing != "up":
		return cfg, fmt.Errorf("promreport: --missing %q: want down or up", *missing)
	case cfg.format != "text" && cfg.format != "json":
		return cfg, fmt.Errorf("promreport: --format %q: want text or json", cfg.format)
	case (cfg.errors == "") != (cfg.total == ""):
		return cfg, errors.New("promreport: give --errors and --total together")
	case cfg.step <= 0:
		return cfg, fmt.Errorf("promreport: --step %v: want a positive step", cfg.step)
	case cfg.timeout <= 0:
		return cfg, fmt.Errorf("promreport: --timeout %v: want a positive duration", cfg.timeout)
	}
	cfg.missingUp = *missing == "up"

	data, name := sampleContract, "the embedded sample (data/contract.json)"
	if *contractPath != "" {
		var err error
		if data, err = readFile(*contractPath); err != nil {
			return cfg, err
		}
		name = *contractPath
	}
	c, err := contract.Parse(data)
	if err != nil {
		return cfg, fmt.Errorf("promreport: %s: %w", name, err)
	}
	cfg.contract, cfg.name = c, name
	for term := range cfg.termUp {
		if !slices.ContainsFunc(c.Terms, func(t contract.Term) bool { return t.Name == term && t.Availability != nil }) {
			return cfg, fmt.Errorf("promreport: --term-up %s: the contract has no availability term of that name", term)
		}
	}
	cfg.zone = reportZone(c)
	m, err := time.Parse("2006-01", *periodText)
	if err != nil {
		return cfg, fmt.Errorf("promreport: --period %q: want a month such as 2026-03", *periodText)
	}
	cfg.period = window.Month.Containing(time.Date(m.Year(), m.Month(), 15, 12, 0, 0, 0, cfg.zone), cfg.zone)
	cfg.grid = prom.Grid{Start: cfg.period.Start, End: cfg.period.End, Step: cfg.step}
	if err := cfg.grid.Validate(); err != nil {
		return cfg, fmt.Errorf("promreport: --step %v does not divide the month %s: %w", cfg.step, cfg.period, err)
	}
	return cfg, nil
}

// reportZone returns the zone the month is measured and the report shown
// in: that of the calendar of the contract's obligations, else of its
// first calendar by name, else UTC — as the quickstart example does.
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

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("promreport: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxContract+1))
	if err != nil {
		return nil, fmt.Errorf("promreport: reading %s: %w", path, err)
	}
	if len(data) > maxContract {
		return nil, fmt.Errorf("promreport: %s is larger than %d bytes", path, maxContract)
	}
	return data, nil
}
