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
	"strings"
	"time"

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

// readInput returns the contents of the file at path, or the embedded
// default when path is empty. name is what errors call the file.
func readInput(path string, embedded []byte, embeddedName string) (data []byte, name string, err error) {
	if path == "" {
		return embedded, embeddedName, nil
	}
	f, err := os.Open(path)
	if err == nil {
		defer f.Close()
		data, err = io.ReadAll(io.LimitReader(f, maxInputBytes+1))
	}
	if err != nil {
		var pe *fs.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = "cannot read: " + pe.Err.Error()
		}
		return nil, path, &inputError{File: path, Msg: msg}
	}
	if len(data) > maxInputBytes {
		return nil, path, &inputError{File: path, Msg: fmt.Sprintf("larger than %d MiB", maxInputBytes>>20)}
	}
	return data, path, nil
}

// maxInputBytes bounds what an input file can make the program read, so
// that a wrong path such as /dev/zero fails instead of filling memory.
const maxInputBytes = 64 << 20

// loadContract parses a contract document. Its errors name the file, the
// line where the JSON decoder stopped when there is one, and the field path.
func loadContract(data []byte, name string) (contract.Contract, error) {
	c, err := contract.Parse(data)
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

// csvRows reads the records of a CSV file: '#' comment lines and blank
// lines are skipped, fields are trimmed of surrounding spaces, and a first
// record whose first field is header (any case) is a header line and is
// skipped. fn gets each record and its line number; the first error stops
// the reading.
func csvRows(data []byte, name, header string, fn func(line int, rec []string) error) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &inputError{File: name, Line: pe.Line, Msg: "not valid CSV: " + pe.Err.Error()}
			}
			return &inputError{File: name, Msg: err.Error()}
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			if strings.EqualFold(rec[0], header) {
				continue
			}
		}
		if err := fn(line, rec); err != nil {
			return err
		}
	}
}

// parseInstant reads an RFC 3339 instant from a CSV field.
func parseInstant(name string, line int, field, text string) (time.Time, error) {
	if text == "" {
		return time.Time{}, &inputError{File: name, Line: line, Field: field, Msg: "missing: want an RFC 3339 instant such as 2026-03-02T09:00:00-05:00"}
	}
	t, err := time.Parse(time.RFC3339, text)
	if err != nil {
		return time.Time{}, &inputError{File: name, Line: line, Field: field, Msg: fmt.Sprintf("%q is not an RFC 3339 instant", text)}
	}
	return t, nil
}

// termNames returns the names of the contract's availability terms and
// of its response terms.
func termNames(c contract.Contract) (availability, response []string) {
	for _, t := range c.Terms {
		switch {
		case t.Availability != nil:
			availability = append(availability, t.Name)
		case t.Response != nil:
			response = append(response, t.Name)
		}
	}
	return availability, response
}

// loadOutages reads an outages file: lines "start,end" or
// "start,end,term". An outage without a term counts against every
// availability term of the contract; one with a term only against that
// term, which must be an availability term of the contract.
func loadOutages(data []byte, name string, c contract.Contract) (map[string]window.Set, error) {
	availability, _ := termNames(c)
	var common []window.Interval
	own := make(map[string][]window.Interval)
	err := csvRows(data, name, "start", func(line int, rec []string) error {
		if len(rec) < 2 || len(rec) > 3 {
			return &inputError{File: name, Line: line, Msg: fmt.Sprintf("want 2 or 3 fields (start,end[,term]), got %d", len(rec))}
		}
		start, err := parseInstant(name, line, "start", rec[0])
		if err != nil {
			return err
		}
		end, err := parseInstant(name, line, "end", rec[1])
		if err != nil {
			return err
		}
		if !end.After(start) {
			return &inputError{File: name, Line: line, Field: "end", Msg: fmt.Sprintf("%q is not after start %q", rec[1], rec[0])}
		}
		iv := window.Between(start, end)
		if len(rec) == 2 || rec[2] == "" {
			common = append(common, iv)
			return nil
		}
		if !slices.Contains(availability, rec[2]) {
			return &inputError{File: name, Line: line, Field: "term", Msg: fmt.Sprintf("%q is not an availability term of the contract (%s)", rec[2], list(availability))}
		}
		own[rec[2]] = append(own[rec[2]], iv)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// contract.Observations applies the entry with the empty name only to terms
	// without an entry of their own, so an outage without a term is added
	// to every term explicitly.
	outages := make(map[string]window.Set, len(availability))
	for _, term := range availability {
		outages[term] = window.NewSet(append(slices.Clone(common), own[term]...)...)
	}
	return outages, nil
}

// loadTickets reads a tickets file: lines "id,priority,event,at" or
// "id,priority,event,at,term", one event per line, the events of each
// ticket in the order they happened. A ticket without a term belongs to
// the contract's only response term.
//
// Each event is checked against the ticket's events before it with
// ticket.Validate, the library's rules for what may follow what, so that
// a refused event is reported with its line: the index of the event that
// Validate names maps back to the line it came from.
func loadTickets(data []byte, name string, c contract.Contract) ([]contract.Ticket, error) {
	_, response := termNames(c)
	var tickets []contract.Ticket
	index := make(map[string]int)
	lines := make(map[string][]int) // the line of each event of a ticket
	err := csvRows(data, name, "id", func(line int, rec []string) error {
		fail := func(field, format string, args ...any) error {
			return &inputError{File: name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
		}
		if len(rec) < 4 || len(rec) > 5 {
			return fail("", "want 4 or 5 fields (id,priority,event,at[,term]), got %d", len(rec))
		}
		id, priority, kindText := rec[0], rec[1], rec[2]
		term := ""
		if len(rec) == 5 {
			term = rec[4]
		}
		if id == "" {
			return fail("id", "missing")
		}
		kind, err := ticket.ParseEventKind(kindText)
		if err != nil {
			return fail("event", "%q: want open, respond, pause, resume, resolve or reopen", kindText)
		}
		at, err := parseInstant(name, line, "at", rec[3])
		if err != nil {
			return err
		}
		i, seen := index[id]
		if !seen {
			resolved, err := responseTerm(c, response, term)
			if err != nil {
				return fail("term", "%s", err)
			}
			rt := findTerm(c, resolved).Response
			if _, ok := rt.Policy.Priority(priority); !ok {
				return fail("priority", "%q is not a priority of term %q (%s)", priority, resolved, list(priorityNames(rt.Policy)))
			}
			i = len(tickets)
			index[id] = i
			tickets = append(tickets, contract.Ticket{ID: id, Term: resolved, Priority: priority})
		}
		tk := &tickets[i]
		if priority != tk.Priority {
			return fail("priority", "%q, but ticket %s has priority %q", priority, id, tk.Priority)
		}
		if term != "" && term != tk.Term {
			return fail("term", "%q, but ticket %s belongs to term %q", term, id, tk.Term)
		}
		tk.Events = append(tk.Events, ticket.Event{Kind: kind, At: at})
		lines[id] = append(lines[id], line)
		var ee *ticket.EventError
		if err := ticket.Validate(tk.Events); errors.As(err, &ee) {
			msg := fmt.Sprintf("%s: %v", kindText, ee.Err)
			if errors.Is(err, ticket.ErrEventOrder) {
				msg += fmt.Sprintf(" (line %d)", lines[id][ee.Index-1])
			}
			return &inputError{File: name, Line: lines[id][ee.Index], Field: "event", Msg: msg}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return tickets, nil
}

// responseTerm returns the response term a ticket belongs to: the named
// one, or the contract's only response term when name is empty.
func responseTerm(c contract.Contract, response []string, name string) (string, error) {
	switch {
	case name != "" && slices.Contains(response, name):
		return name, nil
	case name != "":
		return "", fmt.Errorf("%q is not a response term of the contract (%s)", name, list(response))
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
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// parsePeriod reads a month such as "2026-03" and returns that month in
// loc, from local midnight to local midnight.
func parsePeriod(text string, loc *time.Location) (window.Interval, error) {
	m, err := time.Parse("2006-01", text)
	if err != nil {
		return window.Interval{}, fmt.Errorf("--period: %q is not a month such as 2026-03", text)
	}
	mid := time.Date(m.Year(), m.Month(), 15, 12, 0, 0, 0, loc)
	return window.Month.Containing(mid, loc), nil
}
