package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
)

// maxPeriod bounds the SLO period, and with it the ring of buckets: 400
// days of one-minute buckets take about 14 MB.
const maxPeriod = 400 * 24 * time.Hour

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		os.Exit(2)
	}
	s := newServer(cfg.target, cfg.period, time.Now)
	schedules, err := loadSchedules(cfg.schedules)
	if err == nil {
		err = s.serveSchedules(schedules...)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "budgetservice:", err)
		os.Exit(2)
	}
	srv := &http.Server{
		Addr:              cfg.addr,
		Handler:           s.handler(http.HandlerFunc(demo)),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("budgetservice: %v over %s, listening on %s; GET /slo for the budget, /metrics/schedules for Prometheus", cfg.target, cfg.period, cfg.addr)
	log.Fatal(srv.ListenAndServe())
}

type config struct {
	target sla.Target
	period time.Duration
	addr   string
	// schedules are the business calendars to serve, by name; none means
	// the sample schedule.
	schedules []scheduleFile
}

// scheduleFile is a schedule named on the command line: a name and a
// calendar file.
type scheduleFile struct{ name, path string }

// parseFlags reads the flags. Errors name the flag and are written to
// stderr; the returned error only says that there was one.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{target: sla.MustTarget("99.9%"), period: 30 * 24 * time.Hour}
	fs := flag.NewFlagSet("budgetservice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.TextVar(&cfg.target, "target", cfg.target, "availability `target` of the requests, such as 99.9% or 0.999")
	fs.Func("period", "rolling SLO `period`: whole days such as 30d, or a Go duration in whole minutes (default 30d)", func(s string) error {
		d, err := parsePeriod(s)
		cfg.period = d
		return err
	})
	fs.StringVar(&cfg.addr, "addr", "localhost:8080", "`address` to listen on")
	fs.Func("schedule", "serve the business calendar in `NAME=FILE` (JSON, as calendar.ParseSpec reads it) as schedule NAME at /metrics/schedules; repeatable (default: the sample schedule business, Monday–Friday 08:00–18:00 in New York)", func(s string) error {
		name, path, ok := strings.Cut(s, "=")
		if !ok || name == "" || path == "" {
			return errors.New("want NAME=FILE")
		}
		for _, f := range cfg.schedules {
			if f.name == name {
				return fmt.Errorf("schedule %q is given twice", name)
			}
		}
		cfg.schedules = append(cfg.schedules, scheduleFile{name, path})
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "budgetservice: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return cfg, errors.New("arguments")
	}
	return cfg, nil
}

// parsePeriod reads "30d" as 30 days of 24 hours, or a Go duration. The
// period must be a whole number of buckets and at most maxPeriod.
func parsePeriod(s string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > int(maxPeriod/(24*time.Hour)) {
			return 0, fmt.Errorf("want a whole number of days from 1d to %dd", maxPeriod/(24*time.Hour))
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, err
		}
	}
	switch {
	case d <= 0 || d > maxPeriod:
		return 0, fmt.Errorf("want a period from %v to %v", bucketWidth, maxPeriod)
	case d%bucketWidth != 0:
		return 0, fmt.Errorf("want a whole number of %v buckets", bucketWidth)
	}
	return d, nil
}
