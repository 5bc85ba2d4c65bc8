package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// report is everything the output formats show: the contract's evaluation,
// the periods beside it, the timeline, and the breach records it opens
// with their summary at the evaluation instant.
type report struct {
	Contract contract.Contract
	Warnings contract.Warnings
	// Notes are warnings about the inputs, written to stderr.
	Notes []string
	// Zone is where instants are shown and the period was measured.
	Zone   *time.Location
	Choice choice
	Result contract.Report
	// Maintenance is the maintenance of the period, with titles.
	Maintenance []maintenance
	// Beside are the periods shown beside this one: the month before and
	// the year to date, when the data reaches back to them.
	Beside []periodResult
	// Days is the timeline of the period, a local day a row.
	Days []day
	// Columns are the segments of the terms measured by outages, in the
	// order of Days' Down.
	Columns []column
	// Breaches are the first records opened from the evaluation (at most
	// maxBreaches), with their report and resolution due instants;
	// BreachCount counts them all.
	Breaches    []breach.Record
	BreachCount int
	// Tickets are the counts of each response term, by the index of the
	// term in Result.Terms; Result lists the tickets the report shows.
	Tickets []ticketCounts
	// Summaries count the breaches and open obligations per term at
	// Result.Now. Their Credit is not shown: it adds the credits of a
	// term's segments, while the contract owes what its credit policy
	// says (contract.Report.Credit).
	Summaries []breach.Summary
	// Data is the span of the data read, and Samples the number of
	// request samples in it.
	Data    dataSpan
	Samples int
}

// periodResult is the evaluation of another period, shown beside this
// one. Billed reports a period a credit is owed for: a month, not the
// year to date.
type periodResult struct {
	Label  string
	Result contract.Report
	Billed bool
}

// column is a segment of a term measured by outages: its term, its index
// in the term, and its name.
type column struct {
	Term, Segment int
	Name          string
}

// day is one local day of the period: its start, the down time counted
// in each column, the measured time and down time of all of them, and
// the incidents that counted that day.
type day struct {
	Start          time.Time
	Down           []time.Duration
	Measured, Lost time.Duration
	Incidents      []string
}

// Bounds on what a report lists, so that its size and the memory it
// takes stay near those of the input: the counts cover every ticket and
// breach, the lists the first ones.
const (
	// ticketChunk is the number of tickets evaluated at a time: their
	// results are counted and dropped, except those the report lists.
	ticketChunk = 4096
	// maxTicketRows is the most tickets of a term a report lists in
	// full; past it, only tickets that breached or are still open are
	// listed, at most 2 × maxTicketRows of them.
	maxTicketRows = 60
	// maxBreaches is the most breach records a report lists.
	maxBreaches = 50
)

// ticketCounts are the counts of a response term over every ticket, and
// the tickets the report lists.
type ticketCounts struct {
	Total, CarriedIn, Breached int
	// BreachedIDs are the first IDs of breached tickets.
	BreachedIDs []string
	// first are the first maxTicketRows+1 tickets; notable the first
	// tickets that breached or are still open.
	first, notable []contract.TicketResult
}

// listed returns the tickets the report lists.
func (tc *ticketCounts) listed() []contract.TicketResult {
	if tc.Total <= maxTicketRows {
		return tc.first
	}
	return tc.notable
}

// Omitted returns the number of tickets the report does not list.
func (tc *ticketCounts) Omitted() int { return tc.Total - len(tc.listed()) }

func (tc *ticketCounts) add(tk contract.TicketResult) {
	tc.Total++
	if tk.CarriedIn {
		tc.CarriedIn++
	}
	if tk.Breached {
		tc.Breached++
		if len(tc.BreachedIDs) < 11 {
			tc.BreachedIDs = append(tc.BreachedIDs, tk.ID)
		}
	}
	if len(tc.first) <= maxTicketRows {
		tc.first = append(tc.first, tk)
	}
	if (tk.Breached || open(tk)) && len(tc.notable) < 2*maxTicketRows {
		tc.notable = append(tc.notable, tk)
	}
}

// newReport evaluates c over the chosen period, and the periods beside
// it, and opens a breach record for every missed level. Tickets are
// evaluated ticketChunk at a time, so that the results of a month of
// many tickets need not all be held at once.
func newReport(c contract.Contract, loc *time.Location, ch choice, obs contract.Observations, maint []maintenance, data dataSpan) (*report, error) {
	tickets := obs.Tickets
	obs.Tickets = nil
	res, err := c.Evaluate(ch.Period, obs)
	if err != nil {
		return nil, fmt.Errorf("evaluating the contract: %w", err)
	}
	warnings, _ := c.Validate() // Parse validated it; this reads the warnings
	r := &report{Contract: c, Warnings: warnings, Zone: loc, Choice: ch, Result: res, Data: data,
		Tickets: make([]ticketCounts, len(res.Terms))}
	for _, samples := range obs.Requests {
		r.Samples += len(samples)
	}
	for _, m := range maint {
		if m.Span.Overlaps(ch.Period) {
			r.Maintenance = append(r.Maintenance, m)
		}
	}
	if err := r.addBreaches(res); err != nil {
		return nil, err
	}
	for start := 0; start < len(tickets); start += ticketChunk {
		end := min(start+ticketChunk, len(tickets))
		part, err := c.Evaluate(ch.Period, contract.Observations{Tickets: tickets[start:end], Now: ch.Now})
		if err != nil {
			var te *contract.TicketError
			if errors.As(err, &te) {
				te.Index += start
			}
			return nil, fmt.Errorf("evaluating the contract: %w", err)
		}
		for i, t := range part.Terms {
			if t.Kind != "response" {
				continue
			}
			for _, tk := range t.Tickets {
				r.Tickets[i].add(tk)
			}
			r.Result.Terms[i].Met = r.Result.Terms[i].Met && t.Met
			r.Result.Met = r.Result.Met && t.Met
		}
		lo := &r.Result.LeftOut
		lo.TicketsBefore = append(lo.TicketsBefore, part.LeftOut.TicketsBefore...)
		lo.TicketsAfter = append(lo.TicketsAfter, part.LeftOut.TicketsAfter...)
		if err := r.addBreaches(part); err != nil {
			return nil, err
		}
	}
	for i := range r.Result.Terms {
		if r.Result.Terms[i].Kind == "response" {
			r.Result.Terms[i].Tickets = r.Tickets[i].listed()
		}
	}
	if err := r.beside(c, obs); err != nil {
		return nil, err
	}
	r.timeline()
	return r, nil
}

// addBreaches opens the breach records of an evaluation, counts them
// into the summaries, and keeps the first maxBreaches.
func (r *report) addBreaches(res contract.Report) error {
	facts := breach.FromReport(res)
	records := make([]breach.Record, 0, len(facts))
	for _, f := range facts {
		rec, err := breach.Open(f, r.Contract.Obligations)
		if err != nil {
			return fmt.Errorf("opening breach %s: %w", f.ID, err)
		}
		records = append(records, rec)
	}
	r.BreachCount += len(records)
	keep := min(len(records), maxBreaches-len(r.Breaches))
	r.Breaches = append(r.Breaches, records[:max(keep, 0)]...)
	r.Summaries = mergeSummaries(r.Summaries, breach.Summarize(records, r.Result.Now))
	return nil
}

// mergeSummaries adds the summaries more to sums: counts of one term and
// period add up, and its credit is the larger.
func mergeSummaries(sums, more []breach.Summary) []breach.Summary {
	for _, m := range more {
		i := slices.IndexFunc(sums, func(s breach.Summary) bool { return s.Term == m.Term && s.Period.Equal(m.Period) })
		if i < 0 {
			sums = append(sums, m)
			continue
		}
		s := &sums[i]
		s.Breaches += m.Breaches
		s.Unreported += m.Unreported
		s.Unresolved += m.Unresolved
		s.ReportOverdue += m.ReportOverdue
		s.ResolutionOverdue += m.ResolutionOverdue
		if m.Credit.Cmp(s.Credit) > 0 {
			s.Credit = m.Credit
		}
	}
	slices.SortStableFunc(sums, func(a, b breach.Summary) int { return strings.Compare(a.Term, b.Term) })
	return sums
}

// beside evaluates the month before the period and the year to date,
// when the data reaches back to their starts. Only availability is shown
// for them, so tickets are left out of their evaluation.
func (r *report) beside(c contract.Contract, obs contract.Observations) error {
	p := r.Choice.Period
	obs.Tickets, obs.Now = nil, time.Time{}
	var spans []periodResult
	prev := window.Month.Containing(p.Start.Add(-time.Nanosecond), r.Zone)
	if r.Data.covers(prev.Start, r.Zone) {
		spans = append(spans, periodResult{Label: periodText(prev, r.Zone), Result: contract.Report{Period: prev}, Billed: true})
	}
	year := window.Year.Containing(p.Start, r.Zone)
	if ytd := window.Between(year.Start, p.End); !year.Start.Equal(p.Start) && r.Data.covers(year.Start, r.Zone) {
		spans = append(spans, periodResult{Label: fmt.Sprintf("%d to date", year.Start.Year()), Result: contract.Report{Period: ytd}})
	}
	for i := range spans {
		res, err := c.Evaluate(spans[i].Result.Period, obs)
		if err != nil {
			return fmt.Errorf("evaluating %s: %w", spans[i].Label, err)
		}
		spans[i].Result = res
	}
	r.Beside = spans
	return nil
}

// periods returns the periods beside this one with this one, in order:
// the month before, this period, the year to date.
func (r *report) periods() []periodResult {
	var out []periodResult
	here := periodResult{Label: r.periodText(), Result: r.Result, Billed: true}
	for _, b := range r.Beside {
		if here.Label != "" && !b.Result.Period.End.Before(r.Result.Period.End) {
			out = append(out, here)
			here.Label = ""
		}
		out = append(out, b)
	}
	if here.Label != "" {
		out = append(out, here)
	}
	return out
}

// timeline fills Days, a row for each local day of the period.
func (r *report) timeline() {
	terms := 0
	for _, t := range r.Result.Terms {
		if t.Kind == "availability" && t.Method == contract.Outages {
			terms++
		}
	}
	for i, t := range r.Result.Terms {
		if t.Kind != "availability" || t.Method != contract.Outages {
			continue
		}
		for j, s := range t.Segments {
			name := s.Name
			if terms > 1 {
				name = t.Name + "/" + s.Name
			}
			r.Columns = append(r.Columns, column{Term: i, Segment: j, Name: name})
		}
	}
	p := r.Choice.Period
	for d := window.Day.Containing(p.Start, r.Zone); d.Start.Before(p.End); d = window.Day.Containing(d.End, r.Zone) {
		iv := d.Intersect(p)
		row := day{Start: iv.Start, Down: make([]time.Duration, len(r.Columns))}
		for k, col := range r.Columns {
			s := r.Result.Terms[col.Term].Segments[col.Segment]
			row.Down[k] = s.CountedDown.DurationIn(iv)
			row.Lost += row.Down[k]
			row.Measured += s.MeasuredTime.DurationIn(iv)
		}
		for _, inc := range r.Result.Incidents {
			if inc.Counted > 0 && inc.Span.Overlaps(iv) && inc.ID != "" {
				row.Incidents = append(row.Incidents, inc.ID)
			}
		}
		r.Days = append(r.Days, row)
	}
}

// title names the contract and the period: "Example API: service report,
// 1–31 March 2026".
func (r *report) title() string {
	t := fmt.Sprintf("%s: service report, %s", r.Result.Contract, r.periodText())
	if r.Choice.ToDate {
		t += " (month to date)"
	}
	return t
}

func (r *report) periodText() string { return periodText(r.Result.Period, r.Zone) }

// when shows an instant in the report's zone, with seconds only when it
// has them: "Wed 2026-03-04 17:56 EST".
func (r *report) when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	t = t.In(r.Zone)
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("Mon 2006-01-02 15:04:05.999999999 MST")
	}
	return t.Format("Mon 2006-01-02 15:04 MST")
}

// span shows a duration in hours, minutes and seconds, leaving out zero
// parts: "220h", "1h25m", "5h13m48s", "-19m", "0s". A duration with a
// fraction of a second is shown as time.Duration shows it.
func span(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	if d%time.Second != 0 || d == -d {
		return d.String()
	}
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	var b strings.Builder
	b.WriteString(sign)
	for _, p := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / p.unit; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, p.name)
			d -= n * p.unit
		}
	}
	return b.String()
}

// availabilityText is the overall figure: "99.2496% over 3,039 hours
// measured, all terms measured by outages".
func (r *report) availabilityText() string {
	a := r.Result.Availability
	if a.IsEmpty() {
		return "no term measured by outages"
	}
	return fmt.Sprintf("%s of %s measured, every term measured by outages", a.Percent(4), span(time.Duration(a.Total())))
}

// segmentView is a segment's result as text.
type segmentView struct {
	Name, Schedule, Target, Measured, Availability string
	Allowance, Downtime, Remaining, Verdict        string
	BreachedAt, Tier, Credit                       string
}

func (r *report) segmentViews(term contract.TermResult) []segmentView {
	var out []segmentView
	for _, s := range term.Segments {
		v := segmentView{
			Name: s.Name, Schedule: s.Schedule, Target: s.Target.String(),
			Measured: span(s.Measured), Availability: s.Ratio.Percent(4),
			Allowance: span(s.Allowance), Downtime: span(s.Down), Remaining: span(s.Remaining),
			Verdict: "met", BreachedAt: "-", Tier: "none", Credit: s.Credit.String(),
		}
		switch s.Method {
		case contract.Events, contract.TimeSlices:
			unit := "requests"
			if s.Method == contract.TimeSlices {
				unit = "slices"
			}
			v.Allowance = fmt.Sprintf("%d %s", s.Events.Allowed(), unit)
			v.Downtime = fmt.Sprintf("%d %s", s.Events.Consumed(), unit)
			v.Remaining = fmt.Sprintf("%d %s", s.Events.Remaining(), unit)
		case contract.SliceAverage:
			v.Allowance, v.Downtime, v.Remaining = "-", "-", "-"
		}
		if !s.Met {
			v.Verdict = "MISSED"
			v.BreachedAt = r.when(s.BreachedAt)
		}
		switch {
		case s.Proportional:
			v.Tier = "proportional"
		case s.CreditTier >= 0:
			v.Tier = s.Tier.String()
		case s.NoTier:
			v.Tier = "below target, no tier"
		}
		out = append(out, v)
	}
	return out
}

// goalRow is one clock cycle of a ticket as text.
type goalRow struct {
	Ticket, Priority, Goal, Elapsed, Target, Used, Paused, Due, State, Verdict string
}

// goalRows returns the rows of the tickets a term lists.
func (r *report) goalRows(term contract.TermResult) (rows []goalRow) {
	var rt ticket.Policy
	if def := findTerm(r.Contract, term.Name); def.Response != nil {
		rt = def.Response.Policy
	}
	for _, tk := range term.Tickets {
		p, _ := rt.Priority(tk.Priority)
		id := tk.ID
		if tk.CarriedIn {
			id += "*"
		}
		add := func(goal string, limit ticket.Limit, c ticket.Cycle) {
			row := goalRow{
				Ticket: id, Priority: tk.Priority, Goal: goal,
				Elapsed: span(c.Elapsed), Target: limit.String(), Used: c.Percent(2),
				Paused: span(c.Paused), Due: r.when(c.Due), State: c.State.String(), Verdict: "met",
			}
			if c.Breached {
				row.Verdict = "BREACHED"
			}
			rows = append(rows, row)
		}
		if tk.Respond != nil {
			add("respond", p.Respond, *tk.Respond)
		}
		if tk.Resolve != nil {
			if len(tk.EarlierResolves) == 0 {
				add("resolve", p.Resolve, *tk.Resolve)
				continue
			}
			for i, c := range tk.EarlierResolves {
				add(fmt.Sprintf("resolve #%d", i+1), p.Resolve, c)
			}
			add(fmt.Sprintf("resolve #%d", len(tk.EarlierResolves)+1), p.Resolve, *tk.Resolve)
		}
	}
	return rows
}

// open reports whether a ticket is still open at the evaluation instant.
func open(tk contract.TicketResult) bool {
	return tk.Resolve != nil && (tk.Resolve.State == ticket.ClockRunning || tk.Resolve.State == ticket.ClockPaused)
}

// idList lists IDs for a line of text, at most ten of total.
func idList(ids []string, total int) string {
	if total > 10 {
		return strings.Join(ids[:min(10, len(ids))], ", ") + fmt.Sprintf(" and %d more", total-10)
	}
	return strings.Join(ids, ", ")
}

// breachView is a breach record as text.
type breachView struct {
	ID, What, Occurred, Detected, ReportDue, ResolveDue, Status string
}

func (r *report) breachViews() []breachView {
	var out []breachView
	for _, rec := range r.Breaches {
		f := rec.Facts()
		v := breachView{
			ID: rec.ID(), Occurred: r.when(f.OccurredAt), Detected: r.when(f.DetectedAt),
			ReportDue: r.when(rec.ReportDue()), ResolveDue: r.when(rec.ResolveDue()),
			Status: rec.Status(r.Result.Now).String(),
		}
		switch f.Kind {
		case breach.Availability:
			v.What = fmt.Sprintf("%s / %s: %s against %s, %s over the allowance, credit %s",
				f.Term, f.Segment, f.Measured.Percent(4), f.Target, span(f.Shortfall), f.Credit)
		default:
			v.What = fmt.Sprintf("%s / %s: %s against %s, %s over",
				f.Term, f.Segment, span(f.Elapsed), span(f.TargetDuration), span(f.Shortfall))
		}
		out = append(out, v)
	}
	return out
}

// obligationsText describes the contract's obligations, such as "report
// within 4h and resolve within 40h of business time (calendar "business")".
func (r *report) obligationsText() string {
	ob := r.Contract.Obligations
	if ob == (contract.Obligations{}) {
		return "the contract sets no obligations, so every deadline is the instant of detection"
	}
	basis := "wall time"
	if ob.Calendar != nil {
		basis = fmt.Sprintf("business time (calendar %q)", ob.CalendarName)
	}
	return fmt.Sprintf("report within %s and resolve within %s of %s", span(ob.ReportWithin), span(ob.ResolveWithin), basis)
}

// creditLabel names the credit: owed for a period, or so far for the
// month to date.
func (r *report) creditLabel() string {
	if r.Choice.ToDate {
		return "Credit so far"
	}
	return "Credit owed"
}

// creditText is the credit owed for the period: "10% of the period's fee,
// 1200.00 USD (the largest credit of any segment)".
func (r *report) creditText() string {
	res := r.Result
	p := r.Contract.CreditPolicy
	rule := "the largest credit of any segment"
	if p.Combine == contract.Sum {
		rule = "the sum of the credits of the segments"
	}
	if !p.Cap.IsZero() {
		rule += ", at most " + p.Cap.String()
	}
	share := res.Credit.String()
	if !res.Credit.Rational().Equal(res.CreditExact) {
		share = fmt.Sprintf("%s (exactly %v)", res.Credit, res.CreditExact)
	}
	if p.Fee.IsZero() {
		return fmt.Sprintf("%s of the period's bill (%s)", share, rule)
	}
	return fmt.Sprintf("%s of the fee of %s: %s (%s; rounded to the nearest cent, halves up)", share, p.Fee, res.CreditAmount, rule)
}

// leftOutText says what lies outside the period, or "".
func (r *report) leftOutText() string {
	lo := r.Result.LeftOut
	var parts []string
	if lo.Outages > 0 {
		parts = append(parts, fmt.Sprintf("%d outage%s (%s)", lo.Outages, plural(lo.Outages), span(lo.OutageTime)))
	}
	if n := len(lo.TicketsBefore) + len(lo.TicketsAfter); n > 0 {
		parts = append(parts, fmt.Sprintf("%d ticket%s", n, plural(n)))
	}
	if lo.Samples > 0 {
		parts = append(parts, fmt.Sprintf("%d request count%s", lo.Samples, plural(lo.Samples)))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s recorded outside %s, counted in no term of this report", strings.Join(parts, " and "), r.periodText())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// nothingInPeriod reports whether the files hold data, none of it
// recorded in the period (a ticket carried in from before does not
// count): most likely a wrong --period.
func (r *report) nothingInPeriod() bool {
	if r.Data.first.IsZero() || r.Samples > r.Result.LeftOut.Samples {
		return false
	}
	for _, inc := range r.Result.Incidents {
		if !inc.Outside {
			return false
		}
	}
	for _, tc := range r.Tickets {
		if tc.Total > tc.CarriedIn {
			return false
		}
	}
	return true
}

// emptyWarning is the warning for a period without data.
func (r *report) emptyWarning() string {
	return fmt.Sprintf("no outage, request or ticket of the files was recorded in %s; they run from %s to %s. Is --period right?",
		r.periodText(), r.Data.first.In(r.Zone).Format("2 January 2006"), r.Data.last.In(r.Zone).Format("2 January 2006"))
}

// maintenanceTitle returns the title of the maintenance window that
// holds iv, or "".
func (r *report) maintenanceTitle(iv window.Interval) string {
	for _, m := range r.Maintenance {
		if m.Span.Overlaps(iv) {
			return m.Title
		}
	}
	return ""
}
