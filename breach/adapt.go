package breach

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
)

// FromReport returns the facts of every breach in a contract evaluation
// report ([contract.Contract.Evaluate]), in the order of the report: one for each missed availability
// segment, and one for each breached cycle of a ticket clock.
//
// IDs are derived from what was missed, so that evaluating the same
// period again gives the same IDs and a ledger rejects the duplicates:
// "TERM/SEGMENT/PERIOD-START" for a segment, "TERM/TICKET/GOAL/CYCLE" for
// a ticket (GOAL is respond or resolve, CYCLE counts from 1).
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
		for _, tk := range term.Tickets {
			if tk.Respond != nil && tk.Respond.Breached {
				out = append(out, ticketFacts(rep, term.Name, tk.ID, "respond", 1, *tk.Respond))
			}
			for i, c := range tk.EarlierResolves {
				if c.Breached {
					out = append(out, ticketFacts(rep, term.Name, tk.ID, "resolve", i+1, c))
				}
			}
			if tk.Resolve != nil && tk.Resolve.Breached {
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
