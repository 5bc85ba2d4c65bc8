package main

import (
	"encoding"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and outputs, so that tests can
// call it; "now" is the current time unless -now says otherwise. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(args, stdout, stderr, time.Now)
}

// usageError is bad input: a flag, a file or a missing argument. It
// exits with status 2, like the flag package's own errors.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// options are the parsed flags.
type options struct {
	calendarPath string
	start, now   time.Time
	within       time.Duration
	target       sla.Target
	zone         string
	set          map[string]bool // the flags given on the command line
}

func execute(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		// The flag package has already said what was wrong.
		return 2
	}
	if !opts.set["now"] {
		opts.now = clock()
	}
	if err := report(opts, stdout); err != nil {
		fmt.Fprintln(stderr, "deadline:", err)
		var ue *usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("deadline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.calendarPath, "calendar", "", "business calendar, a JSON `file` (calendar.Spec)")
	fs.Func("start", "start `instant` of the clock, RFC 3339", textFlag(&o.start))
	fs.DurationVar(&o.within, "within", 0, "target `duration` in business time, such as 8h or 90m")
	fs.Func("now", "the `instant` to measure elapsed time and periods at, RFC 3339 (default the current time)", textFlag(&o.now))
	fs.Func("target", "availability `target` for the downtime table, such as 99.95% or 0.9995", textFlag(&o.target))
	fs.StringVar(&o.zone, "zone", "", "IANA `zone` of the calendar periods in the downtime table (default the calendar's zone, or UTC)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: deadline [-calendar file -start instant -within duration] [-target percent] [-now instant] [-zone name]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "deadline: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return o, errors.New("arguments")
	}
	return o, nil
}

// textFlag parses a flag's value with v's UnmarshalText. Unlike
// flag.TextVar it prints no default for an unset instant or target.
func textFlag(v encoding.TextUnmarshaler) func(string) error {
	return func(s string) error { return v.UnmarshalText([]byte(s)) }
}

// report checks which questions the flags ask and answers them.
func report(o options, w io.Writer) error {
	deadlineFlags := []string{"calendar", "start", "within"}
	given := 0
	for _, name := range deadlineFlags {
		if o.set[name] {
			given++
		}
	}
	if given > 0 && given < len(deadlineFlags) {
		var have, missing []string
		for _, name := range deadlineFlags {
			if o.set[name] {
				have = append(have, "-"+name)
			} else {
				missing = append(missing, "-"+name)
			}
		}
		verb := "is"
		if len(missing) > 1 {
			verb = "are"
		}
		return usagef("%s %s needed with %s: a deadline takes -calendar, -start and -within",
			strings.Join(missing, " and "), verb, strings.Join(have, " and "))
	}
	// Instants lie in the years 1 to 9999, as in package window ("Years").
	for _, f := range []struct {
		name string
		t    time.Time
	}{{"start", o.start}, {"now", o.now}} {
		if y := f.t.UTC().Year(); o.set[f.name] && (y < 1 || y > 9999) {
			return usagef("-%s: %s is in year %d (UTC), outside years 1-9999", f.name, f.t.Format(time.RFC3339Nano), y)
		}
	}
	if given == 0 && !o.set["target"] {
		return usagef("nothing to do: give -calendar, -start and -within for a deadline, or -target for allowed downtime")
	}

	var cal *calendar.Calendar
	if o.set["calendar"] {
		var err error
		if cal, err = loadCalendar(o.calendarPath); err != nil {
			return err
		}
	}
	loc := time.UTC
	switch {
	case o.zone != "":
		var err error
		if loc, err = time.LoadLocation(o.zone); err != nil {
			return usagef("-zone %q: %v", o.zone, err)
		}
	case cal != nil:
		loc = cal.Location()
	}

	if cal != nil {
		if o.within <= 0 {
			return usagef("-within %v: the target duration must be positive", o.within)
		}
		printDeadline(w, cal, o.start, o.within, o.now)
	}
	if o.set["target"] {
		if cal != nil {
			fmt.Fprintln(w)
		}
		printDowntime(w, o.target, o.now, loc)
	}
	return nil
}

// maxCalendarBytes bounds the calendar file the tool reads: a calendar
// document of the largest size calendar.New accepts (100 holiday rules,
// 2,000 overrides) is well under it, and a wrong path such as /dev/zero
// or an endless pipe stops here instead of filling memory.
const maxCalendarBytes = 1 << 20

func loadCalendar(path string) (*calendar.Calendar, error) {
	data, err := readBounded(path, maxCalendarBytes)
	if err != nil {
		return nil, usagef("-calendar: %v", err)
	}
	cal, err := calendar.ParseCalendar(data)
	if err != nil {
		return nil, usagef("-calendar %s: %v", path, err)
	}
	return cal, nil
}

// readBounded reads the file at path, refusing one longer than limit
// bytes after reading at most limit+1 of them.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes, the most a calendar document may hold", path, limit)
	}
	return data, nil
}

// instant writes t in loc with its weekday, since a deadline is read by
// people who think in days of the week.
func instant(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return t.Format(time.RFC3339) + " (" + t.Weekday().String() + ")"
}

func printDeadline(w io.Writer, cal *calendar.Calendar, start time.Time, within time.Duration, now time.Time) {
	loc := cal.Location()
	due := cal.Add(start, within)
	elapsed := cal.Between(start, now)
	fmt.Fprintf(w, "calendar:  %v\n", cal)
	fmt.Fprintf(w, "start:     %s\n", instant(start, loc))
	fmt.Fprintf(w, "within:    %v of business time\n", within)
	fmt.Fprintf(w, "due:       %s\n", instant(due, loc))
	fmt.Fprintf(w, "now:       %s\n", instant(now, loc))
	if now.Before(start) {
		fmt.Fprintf(w, "elapsed:   none, now is before the start\n")
		fmt.Fprintf(w, "status:    not started\n")
		return
	}
	// The share is exact and truncated, so 7h59m59s of 8h never reads as
	// 100%; whether the target is missed is decided on the durations.
	share := sla.RationalOf(uint64(elapsed), uint64(within)).Percent(2)
	fmt.Fprintf(w, "elapsed:   %v of business time (%s of the target), %v of wall time\n", elapsed, share, now.Sub(start))
	fmt.Fprintf(w, "remaining: %v of business time\n", within-elapsed)
	status := "within the target"
	if elapsed > within {
		status = "breached: more business time than the target has elapsed"
	}
	fmt.Fprintf(w, "status:    %s\n", status)
}

// fixedPeriods are the lengths uptime calculators conventionally use.
var fixedPeriods = []struct {
	name   string
	length time.Duration
	note   string
}{
	{"day", 24 * time.Hour, "24 hours"},
	{"week", 7 * 24 * time.Hour, "7 days of 24 hours"},
	{"month", 30 * 24 * time.Hour, "30 days of 24 hours"},
	{"quarter", 90 * 24 * time.Hour, "90 days of 24 hours"},
	{"year", 365 * 24 * time.Hour, "365 days of 24 hours"},
}

func printDowntime(w io.Writer, target sla.Target, now time.Time, loc *time.Location) {
	fmt.Fprintf(w, "allowed downtime at %v, fixed periods:\n", target)
	for _, p := range fixedPeriods {
		a := target.Allowance(p.length)
		fmt.Fprintf(w, "  %-8s %-21s %-12v = %s\n", p.name, p.note, a, seconds(a))
	}
	fmt.Fprintf(w, "allowed downtime at %v, calendar periods containing %s in %s:\n", target, now.In(loc).Format(time.RFC3339), loc)
	for _, u := range []window.Unit{window.Day, window.Week, window.Month, window.Quarter, window.Year} {
		iv := u.Containing(now, loc)
		a := target.Allowance(iv.Duration())
		span := iv.Start.In(loc).Format(time.DateOnly) + " to " + iv.End.In(loc).Format(time.DateOnly)
		fmt.Fprintf(w, "  %-8s %-24s %-10s %-12v = %s\n", u, span, hours(iv.Duration()), a, seconds(a))
	}
}

// hours writes a period's length in hours, with minutes when a zone's
// half-hour shift makes it uneven.
func hours(d time.Duration) string {
	h, m := d/time.Hour, (d%time.Hour)/time.Minute
	if m == 0 {
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}

// seconds writes d in seconds with as many decimals as it needs and no
// rounding, the unit in which allowed downtime is usually published.
func seconds(d time.Duration) string {
	whole, frac := d/time.Second, d%time.Second
	if frac == 0 {
		return fmt.Sprintf("%d s", whole)
	}
	return fmt.Sprintf("%d.%s s", whole, strings.TrimRight(fmt.Sprintf("%09d", frac), "0"))
}
