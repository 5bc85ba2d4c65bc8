package breach

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// Summary counts the breaches of one term in one period, as known at an
// instant.
//
// Summary is a plain value, safe for concurrent use.
type Summary struct {
	Term   string
	Period window.Interval
	// Breaches is the number of records detected at or before the
	// instant.
	Breaches int
	// Unreported and Unresolved count the open obligations: breaches not
	// yet reported, and not yet resolved, at the instant.
	Unreported, Unresolved int
	// ReportOverdue and ResolutionOverdue count the obligations overdue
	// at the instant (see [Record.Status] for when a due instant is
	// passed).
	ReportOverdue, ResolutionOverdue int
	// Credit is the credit owed for the term in the period: the largest
	// credit of its breaches. Credits of one period do not add up, as in
	// [contract.Report], where a month that misses two segments owes the
	// larger of their two credits.
	Credit sla.Share
}

// Summarize returns one Summary per term and period among records, as
// known at at: records detected after at are left out, and reports and
// resolutions dated after at have not happened yet. Summaries are
// ordered by term, then period start, then period end.
func Summarize(records []Record, at time.Time) []Summary {
	type key struct {
		term       string
		start, end time.Time
	}
	index := make(map[key]int)
	var out []Summary
	for _, r := range records {
		f := r.facts
		if f.ID == "" || f.DetectedAt.After(at) {
			continue
		}
		k := key{f.Term, f.Period.Start, f.Period.End}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Summary{Term: f.Term, Period: f.Period})
		}
		s := &out[i]
		s.Breaches++
		if r.reportedAt.IsZero() || r.reportedAt.After(at) {
			s.Unreported++
		}
		if r.resolvedAt.IsZero() || r.resolvedAt.After(at) {
			s.Unresolved++
		}
		if r.ReportOverdue(at) {
			s.ReportOverdue++
		}
		if r.ResolutionOverdue(at) {
			s.ResolutionOverdue++
		}
		if f.Credit.Cmp(s.Credit) > 0 {
			s.Credit = f.Credit
		}
	}
	slices.SortFunc(out, func(a, b Summary) int {
		return cmp.Or(
			strings.Compare(a.Term, b.Term),
			a.Period.Start.Compare(b.Period.Start),
			a.Period.End.Compare(b.Period.End))
	})
	return out
}

// Summarize returns the summaries of the ledger's records at at; see
// [Summarize].
func (l *Ledger) Summarize(at time.Time) []Summary {
	return Summarize(l.Records(), at)
}
