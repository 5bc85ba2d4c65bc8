package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/holidayfile"
	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/calendar/ukbank"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// inputError is a problem with one input file: the file, the line when
// known (1-based, 0 when not), the field when known, and what is wrong.
// Its text is "FILE:LINE: FIELD: MESSAGE", the form compilers use, so
// that editors can jump to it.
type inputError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *inputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Bounds on what the program reads, so that a wrong path such as
// /dev/zero, or a field that swallowed a file, fails instead of filling
// memory or the screen.
const (
	maxInputBytes = 64 << 20 // an input file
	maxFieldBytes = 1 << 10  // a field of a CSV file
	maxQuoted     = 40       // the bytes of a value an error quotes
)

// quote returns s quoted for a message, cut to its first maxQuoted bytes
// (at a character boundary) with an ellipsis: an error quotes a short
// prefix of an offending value, never all of it.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// bom is the UTF-8 byte-order mark some programs, spreadsheets among them,
// put at the start of a CSV file.
var bom = []byte("\xef\xbb\xbf")

// readInput returns the contents of the file at path, or the embedded
// default when path is empty. name is what errors call the file.
func readInput(path string, embedded []byte, embeddedName string) (data []byte, name string, err error) {
	if path == "" {
		return embedded, embeddedName, nil
	}
	f, err := openInput(path)
	if err != nil {
		return nil, path, err
	}
	defer f.Close()
	if data, err = readAll(f); err != nil {
		return nil, path, &inputError{File: path, Msg: "cannot read: " + err.Error()}
	}
	if len(data) > maxInputBytes {
		return nil, path, &inputError{File: path, Msg: fmt.Sprintf("larger than %d MiB", maxInputBytes>>20)}
	}
	return data, path, nil
}

// readAll reads f, up to maxInputBytes and one more byte, into a buffer
// sized from the file's size when it has one, so that a large file is
// not copied as it grows.
func readAll(f *os.File) ([]byte, error) {
	size := int64(0)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = min(fi.Size(), maxInputBytes)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(f, maxInputBytes+1))
	return buf.Bytes(), err
}

// loadContract parses a contract document. Its errors name the file, the
// line where the JSON decoder stopped when there is one, and the field path.
func loadContract(data []byte, name string) (contract.Contract, error) {
	c, err := contract.Parse(bytes.TrimPrefix(data, bom))
	if err == nil {
		return c, nil
	}
	var fe *contract.FieldError
	if errors.As(err, &fe) {
		return contract.Contract{}, &inputError{
			File: name, Line: fe.Line, Field: fe.Path,
			Msg: strings.TrimPrefix(fe.Err.Error(), "sla: "),
		}
	}
	return contract.Contract{}, &inputError{File: name, Msg: strings.TrimPrefix(err.Error(), "sla: ")}
}

// table is the shape of a CSV input: the columns a line has in order
// when the file has no header, of which the first required must be
// given, and the further columns a header may name. A header is a first
// line whose first field names a column, in any case; it may name the
// columns in any order, and a line may leave out trailing fields.
type table struct {
	name       string
	positional []string
	required   int
	named      []string
}

// columns returns every column of the table: positional, then named.
func (tb table) columns() []string { return append(slices.Clip(tb.positional), tb.named...) }

// fields is one line of a table: get(i) is the field of column i of
// tb.columns(), "" when the file does not have that column.
type fields struct {
	rec []string
	at  []int // the index in rec of each column, -1 if absent
}

func (f fields) get(i int) string {
	if j := f.at[i]; j >= 0 && j < len(f.rec) {
		return f.rec[j]
	}
	return ""
}

// read reads the lines of a CSV file of the table: a byte-order mark is
// skipped, '#' comment lines and blank lines are skipped, fields are
// trimmed of surrounding spaces, and a header names the columns. fn gets
// each line and its number; the first error stops the reading.
func (tb table) read(data []byte, fn func(line int, f fields) error) error {
	cols := tb.columns()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.ReuseRecord = true
	at := make([]int, len(cols))
	for i := range at {
		at[i] = -1
		if i < len(tb.positional) {
			at[i] = i
		}
	}
	header := -1 // fields of the header, once read
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &inputError{File: tb.name, Line: pe.Line, Msg: "not valid CSV: " + pe.Err.Error()}
			}
			return &inputError{File: tb.name, Msg: err.Error()}
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			if len(rec[i]) > maxFieldBytes {
				return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("field %d is longer than %d bytes: %s", i+1, maxFieldBytes, quote(rec[i]))}
			}
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			if slices.ContainsFunc(cols, func(c string) bool { return strings.EqualFold(c, rec[0]) }) {
				if err := tb.header(line, rec, at); err != nil {
					return err
				}
				header = len(rec)
				continue
			}
		}
		switch {
		case header >= 0 && (len(rec) > header || len(rec) <= tb.lastRequired(at)):
			return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("want %d fields, as the header names (trailing ones may be left out), got %d", header, len(rec))}
		case header < 0 && (len(rec) < tb.required || len(rec) > len(tb.positional)):
			return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("want %s fields (%s), got %d", tb.counts(), tb.shape(), len(rec))}
		}
		if err := fn(line, fields{rec: rec, at: at}); err != nil {
			return err
		}
	}
}

// header reads a header line into at, the index of each column.
func (tb table) header(line int, rec []string, at []int) error {
	cols := tb.columns()
	for i := range at {
		at[i] = -1
	}
	for j, name := range rec {
		i := slices.IndexFunc(cols, func(c string) bool { return strings.EqualFold(c, name) })
		switch {
		case i < 0:
			return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("unknown column %s in the header; the columns are %s", quote(name), strings.Join(cols, ", "))}
		case at[i] >= 0:
			return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("column %s named twice in the header", quote(name))}
		}
		at[i] = j
	}
	for i := range tb.required {
		if at[i] < 0 {
			return &inputError{File: tb.name, Line: line, Msg: fmt.Sprintf("the header has no column %q", tb.positional[i])}
		}
	}
	return nil
}

// lastRequired returns the highest index in a line of a required column.
func (tb table) lastRequired(at []int) int {
	last := 0
	for i := range tb.required {
		last = max(last, at[i])
	}
	return last
}

// counts says how many fields a line without a header has: "2 or 3".
func (tb table) counts() string {
	if tb.required == len(tb.positional) {
		return strconv.Itoa(tb.required)
	}
	if tb.required+1 == len(tb.positional) {
		return fmt.Sprintf("%d or %d", tb.required, len(tb.positional))
	}
	return fmt.Sprintf("%d to %d", tb.required, len(tb.positional))
}

// shape writes the columns of a line without a header: "start,end[,term]".
func (tb table) shape() string {
	s := strings.Join(tb.positional[:tb.required], ",")
	for _, c := range tb.positional[tb.required:] {
		s += "[," + c
	}
	return s + strings.Repeat("]", len(tb.positional)-tb.required)
}

// parseInstant reads an RFC 3339 instant from a CSV field.
func parseInstant(name string, line int, field, text string) (time.Time, error) {
	if text == "" {
		return time.Time{}, &inputError{File: name, Line: line, Field: field, Msg: "missing: want an RFC 3339 instant such as 2026-03-02T09:00:00-05:00"}
	}
	t, err := time.Parse(time.RFC3339, text)
	if err != nil {
		return time.Time{}, &inputError{File: name, Line: line, Field: field, Msg: fmt.Sprintf("%s is not an RFC 3339 instant", quote(text))}
	}
	// The instant in UTC: an offset parses into a zone of its own for
	// each field, which a large file would keep by the thousand.
	return t.UTC(), nil
}

// parseSpan reads the start and end of a line, end after start.
func parseSpan(name string, line int, start, end string) (window.Interval, error) {
	from, err := parseInstant(name, line, "start", start)
	if err != nil {
		return window.Interval{}, err
	}
	to, err := parseInstant(name, line, "end", end)
	if err != nil {
		return window.Interval{}, err
	}
	if !to.After(from) {
		return window.Interval{}, &inputError{File: name, Line: line, Field: "end", Msg: fmt.Sprintf("%s is not after start %s", quote(end), quote(start))}
	}
	return window.Between(from, to), nil
}

// termNames returns the names of the contract's availability terms
// measured by outages, by requests, and of its response terms.
func termNames(c contract.Contract) (outages, requests, response []string) {
	for _, t := range c.Terms {
		switch {
		case t.Availability != nil && t.Availability.Method == contract.Outages:
			outages = append(outages, t.Name)
		case t.Availability != nil:
			requests = append(requests, t.Name)
		case t.Response != nil:
			response = append(response, t.Name)
		}
	}
	return outages, requests, response
}

// The outages file: one outage a line. An outage without a term counts
// against every availability term measured by outages; title, or else
// description, is shown with the id in the report; affected is the
// share of customers affected, for proportional credits.
var outageTable = table{
	positional: []string{"start", "end", "term"}, required: 2,
	named: []string{"id", "title", "description", "affected"},
}

const (
	colStart = iota
	colEnd
	colTerm
	colID
	colTitle
	colDescription
	colAffected
)

// loadOutages reads an outages file into incidents, in the order of the
// file.
func loadOutages(data []byte, name string, c contract.Contract) ([]contract.Incident, error) {
	terms, _, _ := termNames(c)
	tb := outageTable
	tb.name = name
	var out []contract.Incident
	err := tb.read(data, func(line int, f fields) error {
		span, err := parseSpan(name, line, f.get(colStart), f.get(colEnd))
		if err != nil {
			return err
		}
		inc := contract.Incident{ID: f.get(colID), Title: f.get(colTitle), Term: f.get(colTerm), Span: span}
		if inc.Title == "" {
			inc.Title = f.get(colDescription)
		}
		if inc.Term != "" && !slices.Contains(terms, inc.Term) {
			return &inputError{File: name, Line: line, Field: "term", Msg: fmt.Sprintf("%s is not an availability term of the contract measured by outages (%s)", quote(inc.Term), list(terms))}
		}
		if text := f.get(colAffected); text != "" {
			share, err := sla.ParseShare(text)
			if err != nil || share.IsZero() {
				return &inputError{File: name, Line: line, Field: "affected", Msg: fmt.Sprintf("%s is not a share of customers such as 50%%", quote(text))}
			}
			inc.Affected = share
		}
		out = append(out, inc)
		return nil
	})
	return out, err
}

// The requests file: good of total requests at an instant, for a term
// measured by requests (or every such term).
var requestTable = table{positional: []string{"at", "good", "total", "term"}, required: 3}

// loadRequests reads a requests file into samples by term.
func loadRequests(data []byte, name string, c contract.Contract) (map[string][]sla.Sample, error) {
	_, terms, _ := termNames(c)
	tb := requestTable
	tb.name = name
	out := map[string][]sla.Sample{}
	err := tb.read(data, func(line int, f fields) error {
		at, err := parseInstant(name, line, "at", f.get(0))
		if err != nil {
			return err
		}
		var n [2]uint64
		for i, field := range []string{"good", "total"} {
			if n[i], err = strconv.ParseUint(f.get(1+i), 10, 64); err != nil {
				return &inputError{File: name, Line: line, Field: field, Msg: fmt.Sprintf("%s is not a count of requests", quote(f.get(1+i)))}
			}
		}
		if n[0] > n[1] {
			return &inputError{File: name, Line: line, Field: "good", Msg: fmt.Sprintf("%d good of %d requests", n[0], n[1])}
		}
		term := f.get(3)
		if term != "" && !slices.Contains(terms, term) {
			return &inputError{File: name, Line: line, Field: "term", Msg: fmt.Sprintf("%s is not an availability term of the contract measured by requests (%s)", quote(term), list(terms))}
		}
		out[term] = append(out[term], sla.Sample{At: at, Good: n[0], Total: n[1]})
		return nil
	})
	return out, err
}

// maintenance is a maintenance window of the period, with its title.
type maintenance struct {
	Span  window.Interval
	Title string
}

// The maintenance file: start,end[,title].
var maintenanceTable = table{positional: []string{"start", "end", "title"}, required: 2}

func loadMaintenance(data []byte, name string) ([]maintenance, error) {
	tb := maintenanceTable
	tb.name = name
	var out []maintenance
	err := tb.read(data, func(line int, f fields) error {
		span, err := parseSpan(name, line, f.get(0), f.get(1))
		if err != nil {
			return err
		}
		out = append(out, maintenance{Span: span, Title: f.get(2)})
		return nil
	})
	return out, err
}

// The tickets file: one ticket event a line.
var ticketTable = table{
	positional: []string{"id", "priority", "event", "at", "term"}, required: 4,
	named: []string{"title", "description"},
}

// loadTickets reads a tickets file: one event per line, the events of
// each ticket in the order they happened. A ticket without a term
// belongs to the contract's only response term.
//
// The events of each ticket are checked with ticket.Validate, the
// library's rules for what may follow what, and a refused event is
// reported with its line: the index of the event that Validate names
// maps back to the line it came from; of several tickets with a refused
// event, the one whose line comes first is reported.
//
// Memory grows with the number of events, in a few flat arrays: the
// events of all tickets share one.
func loadTickets(data []byte, name string, c contract.Contract) ([]contract.Ticket, error) {
	_, _, response := termNames(c)
	tb := ticketTable
	tb.name = name
	// A row is an event as read: its instant in Unix seconds and
	// nanoseconds, 24 bytes where a ticket.Event and its line take 40.
	type row struct {
		sec                int64
		nsec, ticket, line int32
		kind               ticket.EventKind
	}
	var tickets []contract.Ticket
	rows := make([]row, 0, bytes.Count(data, []byte{'\n'})+1)
	count := []int32{} // events of each ticket
	index := make(map[string]int32)
	err := tb.read(data, func(line int, f fields) error {
		fail := func(field, format string, args ...any) error {
			return &inputError{File: name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
		}
		id, priority, kindText, term := f.get(0), f.get(1), f.get(2), f.get(4)
		if id == "" {
			return fail("id", "missing")
		}
		kind, err := ticket.ParseEventKind(kindText)
		if err != nil {
			return fail("event", "%s: want open, respond, pause, resume, resolve or reopen", quote(kindText))
		}
		at, err := parseInstant(name, line, "at", f.get(3))
		if err != nil {
			return err
		}
		i, seen := index[id]
		if !seen {
			resolved, err := responseTerm(response, term)
			if err != nil {
				return fail("term", "%s", err)
			}
			rt := findTerm(c, resolved).Response
			if _, ok := rt.Policy.Priority(priority); !ok {
				return fail("priority", "%s is not a priority of term %q (%s)", quote(priority), resolved, list(priorityNames(rt.Policy)))
			}
			i = int32(len(tickets))
			index[id] = i
			tickets = append(tickets, contract.Ticket{ID: id, Term: resolved, Priority: priority})
			count = append(count, 0)
		}
		tk := &tickets[i]
		if priority != tk.Priority {
			return fail("priority", "%s, but ticket %s has priority %q", quote(priority), id, tk.Priority)
		}
		if term != "" && term != tk.Term {
			return fail("term", "%s, but ticket %s belongs to term %q", quote(term), id, tk.Term)
		}
		if title := cmpOr(f.get(5), f.get(6)); title != "" && tk.Title == "" {
			tk.Title = title
		}
		rows = append(rows, row{sec: at.Unix(), nsec: int32(at.Nanosecond()), ticket: i, line: int32(line), kind: kind})
		count[i]++
		return nil
	})
	// A line that cannot be read stops the reading; a ticket's events on
	// the lines before it are still checked, so that whichever problem
	// comes first in the file is the one reported.
	var first *inputError
	if err != nil && !errors.As(err, &first) || first != nil && first.Line == 0 {
		return nil, err
	}
	// Gather the events of each ticket, in the order of the file, into
	// one array; the lines go alongside.
	events := make([]ticket.Event, len(rows))
	lines := make([]int32, len(rows))
	next := make([]int32, len(tickets)) // where the next event of each ticket goes
	var at int32
	for i, n := range count {
		next[i] = at
		tickets[i].Events = events[at : at : at+n]
		at += n
	}
	for _, r := range rows {
		k := next[r.ticket]
		events[k] = ticket.Event{Kind: r.kind, At: time.Unix(r.sec, int64(r.nsec)).UTC()}
		lines[k] = r.line
		next[r.ticket]++
	}
	rows = nil
	for i := range tickets {
		tk := &tickets[i]
		tk.Events = tk.Events[:count[i]]
		var ee *ticket.EventError
		if err := ticket.Validate(tk.Events); errors.As(err, &ee) {
			base := next[i] - count[i]
			line := int(lines[base+int32(ee.Index)])
			if first != nil && first.Line <= line {
				continue
			}
			msg := fmt.Sprintf("%s: %v", tk.Events[ee.Index].Kind, ee.Err)
			if errors.Is(err, ticket.ErrEventOrder) {
				msg += fmt.Sprintf(" (line %d)", lines[base+int32(ee.Index)-1])
			}
			first = &inputError{File: name, Line: line, Field: "event", Msg: msg}
		}
	}
	if first != nil {
		return nil, first
	}
	return tickets, nil
}

// cmpOr returns the first of its arguments that is not empty.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// responseTerm returns the response term a ticket belongs to: the named
// one, or the contract's only response term when name is empty.
func responseTerm(response []string, name string) (string, error) {
	switch {
	case name != "" && slices.Contains(response, name):
		return name, nil
	case name != "":
		return "", fmt.Errorf("%s is not a response term of the contract (%s)", quote(name), list(response))
	case len(response) == 1:
		return response[0], nil
	case len(response) == 0:
		return "", errors.New("the contract has no response term")
	default:
		return "", fmt.Errorf("missing: the contract has %d response terms (%s); name one", len(response), list(response))
	}
}

func findTerm(c contract.Contract, name string) contract.Term {
	for _, t := range c.Terms {
		if t.Name == name {
			return t
		}
	}
	return contract.Term{}
}

func priorityNames(t ticket.Policy) []string {
	names := make([]string, len(t.Priorities))
	for i, p := range t.Priorities {
		names[i] = p.Name
	}
	return names
}

// list quotes names for a message: `"a", "b"`, or "none".
func list(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, ", ")
}

// readHolidays reads a holiday file in any of the formats of
// calendar/holidayfile, taking the days of the years first through last,
// and for a file of several places the one region names. It returns a
// warning for an iCalendar file that holds no all-day event, from which
// no holiday is read.
func readHolidays(path, region string, first, last int) (rules []calendar.Rule, warning string, err error) {
	o := holidayfile.Options{
		First: calendar.Date{Year: first, Month: time.January, Day: 1},
		Last:  calendar.Date{Year: last, Month: time.December, Day: 31},
	}
	// A region names a GOV.UK division or a Nager.Date subdivision; the
	// option of the other format is ignored by its reader.
	o.Division, o.County = region, region
	data, _, err := readInput(path, nil, "")
	if err != nil {
		return nil, "", err
	}
	format := holidayfile.Detect(data)
	if format == holidayfile.UKBank && region == "" {
		// The reader would name its Options.Division; the command's
		// name for it is --region.
		if f, err := ukbank.Parse(data); err == nil && len(f.Divisions) > 1 {
			var names []string
			for d := range f.Divisions {
				names = append(names, string(d))
			}
			slices.Sort(names)
			return nil, "", &inputError{File: path, Msg: fmt.Sprintf("--holidays: the file has %d divisions (%s); choose one with --region", len(names), list(names))}
		}
	}
	rules, _, err = holidayfile.Read(bytes.NewReader(data), o)
	if err != nil {
		return nil, "", &inputError{File: path, Msg: "--holidays: " + err.Error()}
	}
	if format == holidayfile.ICalendar && len(rules) == 0 {
		warning = fmt.Sprintf("no all-day events in %s: no holidays read", path)
	}
	return rules, warning, nil
}

// openInput opens the file at path, with the error readInput gives for a
// file that cannot be read.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = "cannot read: " + pe.Err.Error()
		}
		return nil, &inputError{File: path, Msg: msg}
	}
	return f, nil
}

// readMaintenance reads an iCalendar file of maintenance windows: each
// occurrence of its timed events within span, titled by its SUMMARY.
// Floating times are read in loc, the report's zone.
func readMaintenance(path string, span window.Interval, loc *time.Location) ([]maintenance, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ws, err := ical.MaintenanceWindows(f, span, loc)
	if err != nil {
		return nil, &inputError{File: path, Msg: "--maintenance: " + err.Error()}
	}
	out := make([]maintenance, len(ws))
	for i, w := range ws {
		out[i] = maintenance{Span: w.Span, Title: w.Summary}
	}
	return out, nil
}
