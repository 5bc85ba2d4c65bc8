package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slamath/slamath/sla/openslo"
)

// The sample: two SLOs and their counts.
var (
	//go:embed data/slos.yaml
	sampleSLOs []byte
	//go:embed data/counts.json
	sampleCounts []byte
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

// maxInput bounds the files read, so that a wrong path cannot fill memory.
const maxInput = 16 << 20

const usageText = `Usage: openslo [flags]

Reads SLOs in OpenSLO and reports this month's budget of each objective
given counts, and which burn-rate alerts fire; with --rules, also writes
exact Prometheus rules for them. Without flags it reads an embedded
sample: two SLOs and their counts on 20 March 2026.

Flags:
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("openslo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	sloPath := fs.String("slo", "", "OpenSLO `file` (default: the embedded sample)")
	countsPath := fs.String("counts", "", "counts `file` in JSON (default: the embedded sample's counts; none with --slo)")
	atText := fs.String("at", "", "the `instant` of the report, RFC 3339 (default: the \"at\" of the counts)")
	rulesPath := fs.String("rules", "", "also write Prometheus rules for the SLOs to `file`; - writes them to stdout instead of the report")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "openslo: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	in, err := load(*sloPath, *countsPath, *atText)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	rep, err := build(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *rulesPath != "" {
		rules, err := buildRules(in.file, in.at)
		if err == nil {
			var text []byte
			if text, err = renderRules(rules, in.name, in.at); err == nil {
				err = writeRules(*rulesPath, text, stdout)
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "openslo: rules:", err)
			return exitUsage
		}
		if *rulesPath == "-" {
			return exitOK
		}
	}
	if err := writeText(stdout, rep); err != nil {
		fmt.Fprintln(stderr, "openslo: writing the report:", err)
		return exitOutput
	}
	return exitOK
}

// input is what the report is built from.
type input struct {
	name   string // of the OpenSLO file, for people
	file   *openslo.File
	counts counts
	at     time.Time
}

// load reads the OpenSLO file and the counts, or the embedded sample.
func load(sloPath, countsPath, atText string) (input, error) {
	in := input{name: "the embedded sample (data/slos.yaml)"}
	slos, countData := sampleSLOs, sampleCounts
	if sloPath != "" {
		data, err := readFile(sloPath)
		if err != nil {
			return in, err
		}
		in.name, slos, countData = sloPath, data, nil
	}
	if countsPath != "" {
		data, err := readFile(countsPath)
		if err != nil {
			return in, err
		}
		countData = data
	}
	f, err := openslo.Options{Name: in.name}.Read(slos)
	if err != nil {
		return in, err
	}
	in.file = f
	if countData != nil {
		if in.counts, err = parseCounts(countData); err != nil {
			return in, fmt.Errorf("openslo: counts: %w", err)
		}
		in.at = in.counts.At
	}
	if atText != "" {
		if in.at, err = time.Parse(time.RFC3339, atText); err != nil {
			return in, fmt.Errorf("openslo: --at %q: want an RFC 3339 instant such as 2026-03-20T12:00:00-04:00", atText)
		}
	}
	if in.at.IsZero() {
		return in, errors.New("openslo: no instant for the report: give --at, or counts with \"at\"")
	}
	return in, nil
}

// writeRules writes the rule file to path, or to stdout for "-".
func writeRules(path string, text []byte, stdout io.Writer) error {
	if path == "-" {
		_, err := stdout.Write(text)
		return err
	}
	return os.WriteFile(path, text, 0o644)
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("openslo: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("openslo: reading %s: %w", path, err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("openslo: %s is larger than %d MiB", path, maxInput>>20)
	}
	return data, nil
}
