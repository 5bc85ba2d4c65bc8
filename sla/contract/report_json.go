package contract

import (
	"encoding/json"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
)

// ratioJSON is the JSON form of a Ratio in a report: exact counts and a
// percentage truncated to four places, for people.
type ratioJSON struct {
	Good    uint64 `json:"good"`
	Total   uint64 `json:"total"`
	Percent string `json:"percent"`
}

func newRatioJSON(r sla.Ratio) ratioJSON {
	return ratioJSON{Good: r.Good(), Total: r.Total(), Percent: r.Percent(4)}
}

// MarshalJSON implements json.Marshaler.
func (s SegmentResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name       string     `json:"name"`
		Schedule   string     `json:"schedule"`
		Target     sla.Target `json:"target"`
		Measured   string     `json:"measured"`
		Down       string     `json:"down"`
		Ratio      ratioJSON  `json:"ratio"`
		Allowance  string     `json:"allowance"`
		Remaining  string     `json:"remaining"`
		Met        bool       `json:"met"`
		BreachedAt time.Time  `json:"breached_at,omitzero"`
		Credit     sla.Share  `json:"credit"`
		CreditTier int        `json:"credit_tier"`
	}{
		s.Name, s.Schedule, s.Target, s.Measured.String(), s.Down.String(), newRatioJSON(s.Ratio),
		s.Allowance.String(), s.Remaining.String(), s.Met, s.BreachedAt, s.Credit, s.CreditTier,
	})
}

// cycleJSON is the JSON form of a clock cycle in a report.
type cycleJSON struct {
	State          string    `json:"state"`
	Start          time.Time `json:"start"`
	End            time.Time `json:"end,omitzero"`
	Target         string    `json:"target"`
	Elapsed        string    `json:"elapsed"`
	Actual         string    `json:"actual"`
	Paused         string    `json:"paused"`
	Remaining      string    `json:"remaining"`
	OriginalDue    time.Time `json:"original_due"`
	Due            time.Time `json:"due"`
	Breached       bool      `json:"breached"`
	BreachedAt     time.Time `json:"breached_at,omitzero"`
	BreachDetected time.Time `json:"breach_detected,omitzero"`
	Warnings       []int     `json:"warnings_crossed,omitempty"`
}

func newCycleJSON(c *ticket.Cycle) *cycleJSON {
	if c == nil {
		return nil
	}
	v := &cycleJSON{
		State: c.State.String(), Start: c.Start, End: c.End,
		Target: c.Target.String(), Elapsed: c.Elapsed.String(), Actual: c.Actual.String(),
		Paused: c.Paused.String(), Remaining: c.Remaining().String(),
		OriginalDue: c.OriginalDue, Due: c.Due,
		Breached: c.Breached, BreachedAt: c.BreachedAt, BreachDetected: c.BreachDetected,
	}
	for _, w := range c.Warnings {
		v.Warnings = append(v.Warnings, w.Level)
	}
	return v
}

// MarshalJSON implements json.Marshaler.
func (t TicketResult) MarshalJSON() ([]byte, error) {
	var earlier []*cycleJSON
	for i := range t.EarlierResolves {
		earlier = append(earlier, newCycleJSON(&t.EarlierResolves[i]))
	}
	return json.Marshal(struct {
		ID              string       `json:"id"`
		Priority        string       `json:"priority"`
		Respond         *cycleJSON   `json:"respond,omitempty"`
		Resolve         *cycleJSON   `json:"resolve,omitempty"`
		EarlierResolves []*cycleJSON `json:"earlier_resolves,omitempty"`
		Breached        bool         `json:"breached"`
	}{t.ID, t.Priority, newCycleJSON(t.Respond), newCycleJSON(t.Resolve), earlier, t.Breached})
}
