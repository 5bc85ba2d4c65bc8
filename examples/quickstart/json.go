package main

import (
	"encoding/json"
	"io"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
)

// The JSON form of the report. Durations are exact seconds with ISO 8601
// text beside them (contract.DurationOf), instants are in the report's
// zone, and the contract's evaluation is under "result" as
// contract.Report writes it. As in the other formats, the tickets and
// breaches listed are bounded (see maxTicketRows and maxBreaches); the
// counts cover them all.
type (
	reportJSON struct {
		Contract     string          `json:"contract"`
		Zone         string          `json:"zone"`
		Period       periodJSON      `json:"period"`
		Met          bool            `json:"met"`
		Availability string          `json:"availability"`
		Credit       creditJSON      `json:"credit"`
		Warnings     []string        `json:"warnings,omitempty"`
		Result       contract.Report `json:"result"`
		Beside       []besideJSON    `json:"beside,omitempty"`
		Days         []dayJSON       `json:"days"`
		Maintenance  []maintJSON     `json:"maintenance,omitempty"`
		Breaches     []breachJSON    `json:"breaches"`
		BreachCount  int             `json:"breach_count"`
		Summary      []summaryJSON   `json:"summary"`
		Tickets      ticketsSummary  `json:"tickets"`
		NotCounted   string          `json:"not_counted,omitempty"`
	}
	periodJSON struct {
		Start  time.Time `json:"start"`
		End    time.Time `json:"end"`
		Text   string    `json:"text"`
		ToDate bool      `json:"month_to_date,omitempty"`
	}
	creditJSON struct {
		Share  sla.Share    `json:"share"`
		Exact  sla.Rational `json:"exact"`
		Amount string       `json:"amount,omitempty"`
	}
	besideJSON struct {
		Label        string          `json:"label"`
		Start        time.Time       `json:"start"`
		End          time.Time       `json:"end"`
		Availability string          `json:"availability"`
		Credit       *sla.Share      `json:"credit,omitempty"`
		Segments     []segmentBeside `json:"segments"`
	}
	segmentBeside struct {
		Segment      string `json:"segment"`
		Availability string `json:"availability"`
		Met          bool   `json:"met"`
	}
	dayJSON struct {
		Date         string              `json:"date"`
		Down         []contract.Duration `json:"down"`
		Availability string              `json:"availability"`
		Incidents    []string            `json:"incidents,omitempty"`
	}
	maintJSON struct {
		Start time.Time `json:"start"`
		End   time.Time `json:"end"`
		Title string    `json:"title,omitempty"`
	}
	ticketsSummary struct {
		Evaluated     int `json:"evaluated"`
		Listed        int `json:"listed"`
		CarriedIn     int `json:"carried_in"`
		Breached      int `json:"breached"`
		OutsidePeriod int `json:"outside_period"`
	}
	breachJSON struct {
		ID         string            `json:"id"`
		Kind       string            `json:"kind"`
		Term       string            `json:"term"`
		Segment    string            `json:"segment,omitempty"`
		OccurredAt time.Time         `json:"occurred_at"`
		DetectedAt time.Time         `json:"detected_at"`
		ReportDue  time.Time         `json:"report_due"`
		ResolveDue time.Time         `json:"resolve_due"`
		Status     string            `json:"status"`
		Shortfall  contract.Duration `json:"shortfall"`
		Credit     string            `json:"credit"`
	}
	summaryJSON struct {
		Term              string `json:"term"`
		Breaches          int    `json:"breaches"`
		Unreported        int    `json:"unreported"`
		Unresolved        int    `json:"unresolved"`
		ReportOverdue     int    `json:"report_overdue"`
		ResolutionOverdue int    `json:"resolution_overdue"`
	}
)

// writeJSON writes the report as one indented JSON document; instants are
// in the report's zone.
func writeJSON(w io.Writer, r *report) error {
	in := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.In(r.Zone)
	}
	res := r.Result
	doc := reportJSON{
		Contract:     res.Contract,
		Zone:         r.Zone.String(),
		Period:       periodJSON{in(res.Period.Start), in(res.Period.End), r.periodText(), r.Choice.ToDate},
		Met:          res.Met,
		Availability: res.Availability.Percent(4),
		Credit:       creditJSON{res.Credit, res.CreditExact, res.CreditAmount.String()},
		Result:       res,
		Days:         []dayJSON{},
		Breaches:     []breachJSON{},
		Summary:      []summaryJSON{},
		NotCounted:   r.leftOutText(),
	}
	for _, w := range r.Warnings {
		doc.Warnings = append(doc.Warnings, w.Error())
	}
	for _, pr := range r.Beside {
		b := besideJSON{Label: pr.Label, Start: in(pr.Result.Period.Start), End: in(pr.Result.Period.End),
			Availability: pr.Result.Availability.Percent(4)}
		if pr.Billed {
			b.Credit = &pr.Result.Credit
		}
		for _, col := range r.Columns {
			s := pr.Result.Terms[col.Term].Segments[col.Segment]
			b.Segments = append(b.Segments, segmentBeside{col.Name, s.Ratio.Percent(4), s.Met})
		}
		doc.Beside = append(doc.Beside, b)
	}
	for _, d := range r.Days {
		dj := dayJSON{Date: d.Start.In(r.Zone).Format(time.DateOnly), Availability: sla.TimeRatio(d.Measured, d.Lost).Percent(4), Incidents: d.Incidents}
		for _, down := range d.Down {
			dj.Down = append(dj.Down, contract.DurationOf(down))
		}
		doc.Days = append(doc.Days, dj)
	}
	for _, m := range r.Maintenance {
		doc.Maintenance = append(doc.Maintenance, maintJSON{in(m.Span.Start), in(m.Span.End), m.Title})
	}
	lo := res.LeftOut
	doc.Tickets.OutsidePeriod = len(lo.TicketsBefore) + len(lo.TicketsAfter)
	for i, t := range res.Terms {
		tc := r.Tickets[i]
		doc.Tickets.Evaluated += tc.Total
		doc.Tickets.Listed += len(t.Tickets)
		doc.Tickets.CarriedIn += tc.CarriedIn
		doc.Tickets.Breached += tc.Breached
	}
	doc.BreachCount = r.BreachCount
	for _, rec := range r.Breaches {
		f := rec.Facts()
		doc.Breaches = append(doc.Breaches, breachJSON{
			ID: rec.ID(), Kind: f.Kind.String(), Term: f.Term, Segment: f.Segment,
			OccurredAt: in(f.OccurredAt), DetectedAt: in(f.DetectedAt),
			ReportDue: in(rec.ReportDue()), ResolveDue: in(rec.ResolveDue()),
			Status: rec.Status(res.Now).String(), Shortfall: contract.DurationOf(f.Shortfall),
			Credit: f.Credit.String(),
		})
	}
	for _, s := range r.Summaries {
		doc.Summary = append(doc.Summary, summaryJSON{
			Term: s.Term, Breaches: s.Breaches, Unreported: s.Unreported, Unresolved: s.Unresolved,
			ReportOverdue: s.ReportOverdue, ResolutionOverdue: s.ResolutionOverdue,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
