package breach

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
)

// FromReport returns the facts of every breach of a contract evaluation
// report ([contract.Contract.Evaluate]) that belongs to the report's
// period, in the order of the report: one for each missed availability
// segment, and one for each cycle of a ticket clock that breached within
// the period.
//
// The period is half-open, [Start, End), as every span of the module: a
// ticket breach belongs to the report whose period holds its instant
// (OccurredAt, the clock's BreachedAt), so a breach at the first instant
// of April is April's, not March's. A report carries in tickets opened
// before its period and still open at its start; their breaches before
// the period were given by the earlier period's report and are left out
// here, as are breaches after the period's end that a report made late
// sees. Thus the reports of consecutive periods give every ticket breach
// once, and their facts can all be opened in one ledger. The report
// judges a carried-in ticket by the same start: a breach before the
// period does not miss the term ([contract.TicketResult]). A missed
// segment is always the period's own: it is measured inside the period,
// and its ID names it.
//
// IDs are derived from what was missed, so that evaluating the same
// period again gives the same IDs: "TERM/SEGMENT/PERIOD-START" for a
// segment, "TERM/TICKET/GOAL/CYCLE" for a ticket (GOAL is respond or
// resolve, CYCLE counts from 1). A ledger does not merge records of one
// ID: [Ledger.Open] refuses a second with [ErrDuplicateID], which a
// caller that evaluates a period again can take as "already recorded".
//
// An availability breach is detected when the report was made (its Now),
// never back-dated to the instant the budget ran out, which is its
// OccurredAt. A ticket breach is detected when its clock detected it: at
// the breach itself, or later for a clock attached after the fact.
func FromReport(rep contract.Report) []Facts {
	var out []Facts
	for _, term := range rep.Terms {
		for _, seg := range term.Segments {
			if seg.Met {
				continue
			}
			out = append(out, Facts{
				ID:         fmt.Sprintf("%s/%s/%s", term.Name, seg.Name, rep.Period.Start.UTC().Format(time.RFC3339)),
				Kind:       Availability,
				Term:       term.Name,
				Segment:    seg.Name,
				Period:     rep.Period,
				Target:     seg.Target,
				Measured:   seg.Ratio,
				Shortfall:  seg.Down - seg.Allowance,
				OccurredAt: seg.BreachedAt,
				DetectedAt: later(rep.Now, seg.BreachedAt),
				Credit:     seg.Credit,
			})
		}
		// in reports whether c is a breach of the report's period.
		in := func(c *ticket.Cycle) bool { return c != nil && c.Breached && rep.Period.Contains(c.BreachedAt) }
		for _, tk := range term.Tickets {
			if in(tk.Respond) {
				out = append(out, ticketFacts(rep, term.Name, tk.ID, "respond", 1, *tk.Respond))
			}
			for i := range tk.EarlierResolves {
				if c := &tk.EarlierResolves[i]; in(c) {
					out = append(out, ticketFacts(rep, term.Name, tk.ID, "resolve", i+1, *c))
				}
			}
			if in(tk.Resolve) {
				out = append(out, ticketFacts(rep, term.Name, tk.ID, "resolve", len(tk.EarlierResolves)+1, *tk.Resolve))
			}
		}
	}
	return out
}

func ticketFacts(rep contract.Report, term, id, goal string, cycle int, c ticket.Cycle) Facts {
	detected := c.BreachDetected
	if detected.IsZero() {
		detected = c.BreachedAt
	}
	return Facts{
		ID:             fmt.Sprintf("%s/%s/%s/%d", term, id, goal, cycle),
		Kind:           Response,
		Term:           term,
		Segment:        id + " " + goal,
		Period:         rep.Period,
		TargetDuration: c.Target,
		Elapsed:        c.Elapsed,
		OccurredAt:     c.BreachedAt,
		DetectedAt:     later(detected, c.BreachedAt),
	}
}

func later(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}
