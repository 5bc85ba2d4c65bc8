package contracttest

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// Suite is a contract under test and the zone its cases are written in.
// Build one with For; its methods build the observations and
// expectations of cases. A Suite is used by one test.
//
// The zero Suite (Suite{}, new(Suite)) and a nil *Suite have no test to
// report to and no zone: every method panics at once with the message
// "contracttest: the zero Suite is not usable: build one with For". A
// test helper misused is a mistake in the test's code, not a failure of
// the contract under test, and there is no test to fail.
type Suite struct {
	t   testing.TB
	c   contract.Contract
	loc *time.Location
}

// For returns the suite of contract c, whose cases write instants in the
// IANA zone named zone. It fails the test if the zone cannot be loaded.
func For(t testing.TB, c contract.Contract, zone string) *Suite {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatalf("contracttest: zone %q: %v", zone, err)
	}
	return &Suite{t: t, c: c, loc: loc}
}

// errZeroSuite is the panic message of the methods of the zero Suite.
const errZeroSuite = "contracttest: the zero Suite is not usable: build one with For"

// mustBeBuilt panics with errZeroSuite when s is nil or the zero Suite.
func (s *Suite) mustBeBuilt() {
	if s == nil || s.t == nil {
		panic(errZeroSuite)
	}
}

// Item is an observation or an expectation of a case.
type Item interface {
	apply(*Case)
}

// item is an Item from a function.
type item func(*Case)

func (f item) apply(c *Case) { f(c) }

// Case is one case: a name, what happened, and what the contract should
// make of it. Build one with Suite.Case.
type Case struct {
	name   string
	where  string // file:line of the call to Suite.Case
	obs    contract.Observations
	period window.Interval
	first  time.Time // the first instant of the observations
	checks []check
}

// check is one expectation: a key, the value wanted, and how to read the
// value got from the report.
type check struct {
	key  string
	want string
	got  func(contract.Report) (string, error)
}

// Case returns the case called name, the sentence it checks, with its
// observations and expectations.
func (s *Suite) Case(name string, items ...Item) Case {
	s.mustBeBuilt()
	c := Case{name: name}
	if _, file, line, ok := runtime.Caller(1); ok {
		c.where = fmt.Sprintf("%s:%d: ", filepath.Base(file), line)
	}
	for _, it := range items {
		it.apply(&c)
	}
	return c
}

// Run evaluates each case in a subtest named by the case and reports
// every expectation that does not hold as a diff (-want +got).
func (s *Suite) Run(cases ...Case) {
	s.mustBeBuilt()
	s.t.Helper()
	for _, c := range cases {
		run := func(t testing.TB) {
			t.Helper()
			rep := s.evaluate(t, c)
			want, got := map[string]string{}, map[string]string{}
			for _, ch := range c.checks {
				g, err := ch.got(rep)
				if err != nil {
					t.Fatalf("contracttest: case %q: %v", c.name, err)
				}
				want[ch.key], got[ch.key] = ch.want, g
			}
			if d := diff(want, got); d != "" {
				t.Errorf("%s%s (-want +got):\n%s", c.where, c.name, d)
			}
		}
		if tt, ok := s.t.(*testing.T); ok {
			tt.Run(c.name, func(t *testing.T) { run(t) })
			continue
		}
		run(s.t)
	}
}

// Evaluate returns the report of the case made of items, for checks a
// case cannot state.
func (s *Suite) Evaluate(items ...Item) contract.Report {
	s.mustBeBuilt()
	s.t.Helper()
	return s.evaluate(s.t, s.Case("", items...))
}

func (s *Suite) evaluate(t testing.TB, c Case) contract.Report {
	t.Helper()
	period := c.period
	if period.IsZero() {
		if c.first.IsZero() {
			t.Fatalf("contracttest: case %q has no observation to take its month from; give Month or Period", c.name)
		}
		period = window.Month.Containing(c.first, s.loc)
	}
	rep, err := s.c.Evaluate(period, c.obs)
	if err != nil {
		t.Fatalf("contracttest: case %q: %v", c.name, err)
	}
	return rep
}

// diff returns the expectations whose values differ, one pair of lines
// each in the order of their keys, or "".
func diff(want, got map[string]string) string {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		if want[k] != got[k] {
			fmt.Fprintf(&b, "-%s: %s\n+%s: %s\n", k, want[k], k, got[k])
		}
	}
	return b.String()
}

// at reads an instant written in the suite's zone: "2026-03-10 10:00" or
// "2026-03-10 10:00:30". A text that does not parse fails the test.
func (s *Suite) at(text string) time.Time {
	s.t.Helper()
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, text, s.loc); err == nil {
			return t
		}
	}
	s.t.Fatalf("contracttest: %q is not an instant such as \"2026-03-10 10:00\" in %v", text, s.loc)
	return time.Time{}
}

// show writes an instant as cases do, in the suite's zone, with its
// zone's abbreviation: "2026-03-09 09:30 EDT".
func (s *Suite) show(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	t = t.In(s.loc)
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.999999999 MST")
	}
	return t.Format("2006-01-02 15:04 MST")
}

// seen notes an instant of the observations, for the default period.
func (c *Case) seen(t time.Time) {
	if c.first.IsZero() || t.Before(c.first) {
		c.first = t
	}
}

// Outage is down time from start for d, counted against every term
// measured by outages.
func (s *Suite) Outage(start string, d time.Duration) Item {
	s.mustBeBuilt()
	return s.OutageOf("", start, d)
}

// OutageOf is down time from start for d, counted against the term
// called term only.
func (s *Suite) OutageOf(term, start string, d time.Duration) Item {
	s.mustBeBuilt()
	from := s.at(start)
	return item(func(c *Case) {
		c.seen(from)
		c.obs.Incidents = append(c.obs.Incidents, contract.Incident{Term: term, Span: window.Between(from, from.Add(d))})
	})
}

// Maintenance is the period's maintenance, from start for d.
func (s *Suite) Maintenance(start string, d time.Duration) Item {
	s.mustBeBuilt()
	from := s.at(start)
	return item(func(c *Case) {
		c.obs.Maintenance = c.obs.Maintenance.Union(window.NewSet(window.Between(from, from.Add(d))))
	})
}

// Requests is a sample of requests at an instant for the term called
// term (empty for every term measured by requests): good of total.
func (s *Suite) Requests(term, at string, good, total uint64) Item {
	s.mustBeBuilt()
	when := s.at(at)
	return item(func(c *Case) {
		c.seen(when)
		if c.obs.Requests == nil {
			c.obs.Requests = map[string][]sla.Sample{}
		}
		c.obs.Requests[term] = append(c.obs.Requests[term], sla.Sample{At: when, Good: good, Total: total})
	})
}

// Ticket is a ticket of the contract's only response term, with its
// events written "KIND INSTANT": "open 2026-03-06 17:30", "respond
// 2026-03-06 17:40". Kinds are those of ticket.ParseEventKind.
func (s *Suite) Ticket(id, priority string, events ...string) Item {
	s.mustBeBuilt()
	tk := contract.Ticket{ID: id, Priority: priority}
	for _, e := range events {
		kind, at, ok := strings.Cut(e, " ")
		k, err := ticket.ParseEventKind(kind)
		if !ok || err != nil {
			s.t.Fatalf("contracttest: ticket %s: %q is not an event such as \"open 2026-03-06 17:30\"", id, e)
		}
		tk.Events = append(tk.Events, ticket.Event{Kind: k, At: s.at(at)})
	}
	return item(func(c *Case) {
		if len(tk.Events) > 0 {
			c.seen(tk.Events[0].At)
		}
		c.obs.Tickets = append(c.obs.Tickets, tk)
	})
}

// Now is the instant of evaluation; without it, the end of the period.
func (s *Suite) Now(at string) Item {
	s.mustBeBuilt()
	now := s.at(at)
	return item(func(c *Case) { c.obs.Now = now })
}

// Month makes the case's period the local month of year and month.
func (s *Suite) Month(year int, month time.Month) Item {
	s.mustBeBuilt()
	p := window.Month.Containing(time.Date(year, month, 15, 12, 0, 0, 0, s.loc), s.loc)
	return item(func(c *Case) { c.period = p })
}

// Period makes the case's period [start, end).
func (s *Suite) Period(start, end string) Item {
	s.mustBeBuilt()
	p := window.Between(s.at(start), s.at(end))
	return item(func(c *Case) { c.period = p })
}

// expect returns an Item that adds a check.
func expect(key, want string, got func(contract.Report) (string, error)) Item {
	return item(func(c *Case) { c.checks = append(c.checks, check{key, want, got}) })
}

// Credit expects the credit of the period, a share such as "10%".
func (s *Suite) Credit(share string) Item {
	s.mustBeBuilt()
	return expect("credit", canonicalShare(s.t, share), func(r contract.Report) (string, error) { return r.Credit.String(), nil })
}

// Amount expects the credit of the period in money, such as "120.00 USD".
func (s *Suite) Amount(money string) Item {
	s.mustBeBuilt()
	return expect("credit amount", money, func(r contract.Report) (string, error) { return r.CreditAmount.String(), nil })
}

// Met expects every level of the contract met in the period.
func (s *Suite) Met() Item {
	s.mustBeBuilt()
	return expect("verdict", "met", verdict)
}

// Missed expects some level of the contract missed in the period.
func (s *Suite) Missed() Item {
	s.mustBeBuilt()
	return expect("verdict", "missed", verdict)
}

func verdict(r contract.Report) (string, error) { return metText(r.Met), nil }

func metText(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

func canonicalShare(t testing.TB, text string) string {
	t.Helper()
	v, err := sla.ParseShare(text)
	if err != nil {
		t.Fatalf("contracttest: %v", err)
	}
	return v.String()
}

// SegmentWant is what a case expects of one segment. Its methods add
// expectations; it is itself an Item of the case. Build one with
// Suite.Segment: the zero SegmentWant names no segment of no suite, and
// its methods, and a case given it as an Item, panic at once with the
// message "contracttest: the zero SegmentWant is not usable: build one
// with Suite.Segment".
type SegmentWant struct {
	s      *Suite
	name   string
	checks []check
}

// Segment returns the expectations of the segment called name, in
// whichever availability term has it; "TERM/SEGMENT" names one in a
// given term.
func (s *Suite) Segment(name string) *SegmentWant {
	s.mustBeBuilt()
	return &SegmentWant{s: s, name: name}
}

// suite returns the suite of w; it panics when w is nil or the zero
// SegmentWant.
func (w *SegmentWant) suite() *Suite {
	if w == nil || w.s == nil {
		panic("contracttest: the zero SegmentWant is not usable: build one with Suite.Segment")
	}
	return w.s
}

func (w *SegmentWant) apply(c *Case) {
	w.suite()
	c.checks = append(c.checks, w.checks...)
}

func (w *SegmentWant) add(what, want string, read func(contract.SegmentResult) string) *SegmentWant {
	w.suite()
	name := w.name
	w.checks = append(w.checks, check{key: name + ": " + what, want: want, got: func(r contract.Report) (string, error) {
		seg, err := segment(r, name)
		if err != nil {
			return "", err
		}
		return read(seg), nil
	}})
	return w
}

// Down expects the down time the segment counted.
func (w *SegmentWant) Down(d time.Duration) *SegmentWant {
	return w.add("down", d.String(), func(s contract.SegmentResult) string { return s.Down.String() })
}

// Measured expects the segment's measured time.
func (w *SegmentWant) Measured(d time.Duration) *SegmentWant {
	return w.add("measured", d.String(), func(s contract.SegmentResult) string { return s.Measured.String() })
}

// Availability expects the segment's ratio as a percentage with four
// decimal places, truncated: "99.3560%".
func (w *SegmentWant) Availability(percent string) *SegmentWant {
	return w.add("availability", percent, func(s contract.SegmentResult) string { return s.Ratio.Percent(4) })
}

// Met expects the segment to meet its target.
func (w *SegmentWant) Met() *SegmentWant {
	return w.add("verdict", "met", func(s contract.SegmentResult) string { return metText(s.Met) })
}

// Missed expects the segment to miss its target.
func (w *SegmentWant) Missed() *SegmentWant {
	return w.add("verdict", "missed", func(s contract.SegmentResult) string { return metText(s.Met) })
}

// Credit expects the credit the segment earns, a share such as "10%".
func (w *SegmentWant) Credit(share string) *SegmentWant {
	return w.add("credit", canonicalShare(w.suite().t, share), func(s contract.SegmentResult) string { return s.Credit.String() })
}

// segment finds the segment called name ("SEGMENT" or "TERM/SEGMENT").
func segment(r contract.Report, name string) (contract.SegmentResult, error) {
	term, seg, scoped := strings.Cut(name, "/")
	if !scoped {
		seg = term
	}
	var found []contract.SegmentResult
	var names []string
	for _, t := range r.Terms {
		for _, s := range t.Segments {
			names = append(names, t.Name+"/"+s.Name)
			if s.Name == seg && (!scoped || t.Name == term) {
				found = append(found, s)
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return contract.SegmentResult{}, fmt.Errorf("the report has no segment %q (it has %s)", name, strings.Join(names, ", "))
	}
	return contract.SegmentResult{}, fmt.Errorf("several terms have a segment %q; write TERM/SEGMENT", name)
}

// ClockWant is what a case expects of one clock of one ticket. Its
// methods add expectations; it is itself an Item of the case. Build one
// with Suite.Clock: the zero ClockWant names no ticket of no suite, and
// its methods, and a case given it as an Item, panic at once with the
// message "contracttest: the zero ClockWant is not usable: build one
// with Suite.Clock".
type ClockWant struct {
	s      *Suite
	id     string
	goal   string
	checks []check
}

// Clock returns the expectations of the clock of ticket id for goal,
// "respond" or "resolve" (the current resolution cycle).
func (s *Suite) Clock(id, goal string) *ClockWant {
	s.mustBeBuilt()
	return &ClockWant{s: s, id: id, goal: goal}
}

// suite returns the suite of w; it panics when w is nil or the zero
// ClockWant.
func (w *ClockWant) suite() *Suite {
	if w == nil || w.s == nil {
		panic("contracttest: the zero ClockWant is not usable: build one with Suite.Clock")
	}
	return w.s
}

func (w *ClockWant) apply(c *Case) {
	w.suite()
	c.checks = append(c.checks, w.checks...)
}

func (w *ClockWant) add(what, want string, read func(ticket.Cycle) string) *ClockWant {
	w.suite()
	id, goal := w.id, w.goal
	w.checks = append(w.checks, check{key: id + " " + goal + ": " + what, want: want, got: func(r contract.Report) (string, error) {
		c, err := clock(r, id, goal)
		if err != nil {
			return "", err
		}
		return read(c), nil
	}})
	return w
}

// Elapsed expects the business time the clock counted.
func (w *ClockWant) Elapsed(d time.Duration) *ClockWant {
	return w.add("elapsed", d.String(), func(c ticket.Cycle) string { return c.Elapsed.String() })
}

// Due expects the clock's due instant, written in the suite's zone.
func (w *ClockWant) Due(at string) *ClockWant {
	s := w.suite()
	return w.add("due", s.show(s.at(at)), func(c ticket.Cycle) string { return s.show(c.Due) })
}

// Breached expects the clock breached.
func (w *ClockWant) Breached() *ClockWant {
	return w.add("verdict", "breached", breachText)
}

// OnTime expects the clock not breached.
func (w *ClockWant) OnTime() *ClockWant {
	return w.add("verdict", "on time", breachText)
}

func breachText(c ticket.Cycle) string {
	if c.Breached {
		return "breached"
	}
	return "on time"
}

// clock finds the cycle of goal of ticket id.
func clock(r contract.Report, id, goal string) (ticket.Cycle, error) {
	var ids []string
	for _, t := range r.Terms {
		for _, tk := range t.Tickets {
			ids = append(ids, tk.ID)
			if tk.ID != id {
				continue
			}
			var c *ticket.Cycle
			switch goal {
			case "respond":
				c = tk.Respond
			case "resolve":
				c = tk.Resolve
			default:
				return ticket.Cycle{}, fmt.Errorf("goal %q: want respond or resolve", goal)
			}
			if c == nil {
				return ticket.Cycle{}, fmt.Errorf("ticket %s has no %s goal", id, goal)
			}
			return *c, nil
		}
	}
	slices.Sort(ids)
	return ticket.Cycle{}, fmt.Errorf("the report has no ticket %q (it has %s)", id, strings.Join(ids, ", "))
}
