package contract

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// The JSON form of a report. Durations are objects of exact seconds (a
// JSON number written from the nanoseconds, never through a float) and
// ISO 8601 text beside them, {"seconds": 2678.4, "iso8601": "PT44M38.4S"};
// a negative duration, such as an overspent budget, is "-PT19M", as XML
// Schema writes one. Credit tiers are their bounds and credit, never an
// index into a list the reader does not have.

// Duration is the JSON form of a time.Duration in a report.
type Duration struct {
	Seconds json.Number `json:"seconds"`
	ISO8601 string      `json:"iso8601"`
}

// DurationOf returns the JSON form of d: its exact seconds and its ISO
// 8601 text ("PT220H", "PT44M38.4S", "-PT19M", "PT0S"). Hours are not
// gathered into days: a day of a report may be 23 or 25 hours.
func DurationOf(d time.Duration) Duration {
	return Duration{Seconds: json.Number(seconds(d)), ISO8601: iso8601(d)}
}

// seconds writes d in seconds exactly: "2678.4", "-1140", "0".
func seconds(d time.Duration) string {
	neg := d < 0
	u := uint64(d)
	if neg {
		u = uint64(-(d + 1)) + 1 // |math.MinInt64| fits a uint64
	}
	s := strconv.FormatUint(u/1e9, 10)
	if frac := u % 1e9; frac != 0 {
		s += "." + strings.TrimRight(strconv.FormatUint(frac+1e9, 10)[1:], "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

func iso8601(d time.Duration) string {
	if d == 0 {
		return "PT0S"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
	}
	b.WriteString("PT")
	u := uint64(d)
	if d < 0 {
		u = uint64(-(d + 1)) + 1
	}
	if h := u / uint64(time.Hour); h > 0 {
		b.WriteString(strconv.FormatUint(h, 10) + "H")
	}
	if m := u / uint64(time.Minute) % 60; m > 0 {
		b.WriteString(strconv.FormatUint(m, 10) + "M")
	}
	if rest := u % uint64(time.Minute); rest > 0 {
		b.WriteString(seconds(time.Duration(rest)) + "S")
	}
	return b.String()
}

// tierJSON (marshal.go) is also the JSON form of a tier in a report.
func tierOf(t sla.CreditTier) *tierJSON {
	tiers := tiersJSON(sla.CreditSchedule{Tiers: []sla.CreditTier{t}})
	return &tiers[0]
}

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

// creditJSON is a credit: a share, its exact value when the share is not
// exact, and the amount when the contract states a fee.
type creditJSON struct {
	Share  sla.Share     `json:"share"`
	Exact  *sla.Rational `json:"exact,omitempty"`
	Amount string        `json:"amount,omitempty"`
}

func newCreditJSON(s sla.Share, exact sla.Rational, amount Money) creditJSON {
	c := creditJSON{Share: s, Amount: amount.String()}
	if !s.Rational().Equal(exact) {
		c.Exact = &exact
	}
	return c
}

// MarshalJSON implements json.Marshaler.
func (r Report) MarshalJSON() ([]byte, error) {
	terms := r.Terms
	if terms == nil {
		terms = []TermResult{}
	}
	return json.Marshal(struct {
		Contract     string            `json:"contract"`
		Period       window.Interval   `json:"period"`
		Now          time.Time         `json:"now"`
		Met          bool              `json:"met"`
		Availability ratioJSON         `json:"availability"`
		Credit       creditJSON        `json:"credit"`
		Terms        []TermResult      `json:"terms"`
		Incidents    []IncidentResult  `json:"incidents,omitempty"`
		Maintenance  []window.Interval `json:"maintenance,omitempty"`
		LeftOut      *leftOutJSON      `json:"left_out,omitempty"`
	}{
		r.Contract, r.Period, r.Now, r.Met, newRatioJSON(r.Availability),
		newCreditJSON(r.Credit, r.CreditExact, r.CreditAmount), terms, r.Incidents, r.Maintenance,
		newLeftOutJSON(r.LeftOut),
	})
}

type leftOutJSON struct {
	Outages       int      `json:"outages"`
	OutageTime    Duration `json:"outage_time"`
	Samples       int      `json:"samples"`
	TicketsBefore []string `json:"tickets_before,omitempty"`
	TicketsAfter  []string `json:"tickets_after,omitempty"`
}

func newLeftOutJSON(l LeftOut) *leftOutJSON {
	if l.IsZero() {
		return nil
	}
	return &leftOutJSON{l.Outages, DurationOf(l.OutageTime), l.Samples, l.TicketsBefore, l.TicketsAfter}
}

// MarshalJSON implements json.Marshaler.
func (t TermResult) MarshalJSON() ([]byte, error) {
	var method string
	if t.Kind == "availability" {
		method = t.Method.String()
	}
	return json.Marshal(struct {
		Name       string            `json:"name"`
		Kind       string            `json:"kind"`
		Measure    string            `json:"measure,omitempty"`
		Segments   []SegmentResult   `json:"segments,omitempty"`
		Tickets    []TicketResult    `json:"tickets,omitempty"`
		Met        bool              `json:"met"`
		Credit     creditJSON        `json:"credit"`
		Exclusions []window.Interval `json:"exclusions,omitempty"`
	}{t.Name, t.Kind, method, t.Segments, t.Tickets, t.Met, newCreditJSON(t.Credit, t.CreditExact, Money{}), t.Exclusions})
}

// eventsJSON is an event budget: bad requests or slices allowed, seen,
// and remaining.
type eventsJSON struct {
	Allowed   uint64 `json:"allowed"`
	Consumed  uint64 `json:"consumed"`
	Remaining int64  `json:"remaining"`
}

// MarshalJSON implements json.Marshaler.
func (s SegmentResult) MarshalJSON() ([]byte, error) {
	v := struct {
		Name         string        `json:"name"`
		Schedule     string        `json:"schedule"`
		Measure      Method        `json:"measure"`
		Target       sla.Target    `json:"target"`
		Measured     Duration      `json:"measured"`
		Down         *Duration     `json:"down,omitempty"`
		Ratio        ratioJSON     `json:"ratio"`
		Average      *sla.Rational `json:"average,omitempty"`
		Allowance    *Duration     `json:"allowance,omitempty"`
		Remaining    *Duration     `json:"remaining,omitempty"`
		Events       *eventsJSON   `json:"events,omitempty"`
		Met          bool          `json:"met"`
		BreachedAt   time.Time     `json:"breached_at,omitzero"`
		Credit       creditJSON    `json:"credit"`
		Tier         *tierJSON     `json:"credit_tier,omitempty"`
		Proportional bool          `json:"proportional_credit,omitempty"`
		NoTier       bool          `json:"below_target_no_tier,omitempty"`
	}{
		Name: s.Name, Schedule: s.Schedule, Measure: s.Method, Target: s.Target, Measured: DurationOf(s.Measured),
		Ratio: newRatioJSON(s.Ratio), Met: s.Met, BreachedAt: s.BreachedAt,
		Credit:       newCreditJSON(s.Credit, s.CreditExact, Money{}),
		Proportional: s.Proportional, NoTier: s.NoTier,
	}
	switch s.Method {
	case Events, TimeSlices:
		v.Events = &eventsJSON{s.Events.Allowed(), s.Events.Consumed(), s.Events.Remaining()}
	case SliceAverage:
		v.Average = &s.Average
	default:
		down, allowance, remaining := DurationOf(s.Down), DurationOf(s.Allowance), DurationOf(s.Remaining)
		v.Down, v.Allowance, v.Remaining = &down, &allowance, &remaining
	}
	if s.CreditTier >= 0 {
		v.Tier = tierOf(s.Tier)
	}
	return json.Marshal(v)
}

// MarshalJSON implements json.Marshaler.
func (r IncidentResult) MarshalJSON() ([]byte, error) {
	type segment struct {
		Term    string   `json:"term"`
		Segment string   `json:"segment"`
		Down    Duration `json:"down"`
	}
	segs := make([]segment, len(r.Segments))
	for i, s := range r.Segments {
		segs[i] = segment{s.Term, s.Segment, DurationOf(s.Down)}
	}
	return json.Marshal(struct {
		ID       string          `json:"id,omitempty"`
		Title    string          `json:"title,omitempty"`
		Term     string          `json:"term,omitempty"`
		Span     window.Interval `json:"span"`
		Affected sla.Share       `json:"affected"`
		Counted  Duration        `json:"counted"`
		Segments []segment       `json:"segments,omitempty"`
		Outside  bool            `json:"outside_period,omitempty"`
	}{r.ID, r.Title, r.Term, r.Span, r.affected(), DurationOf(r.Counted), segs, r.Outside})
}

// cycleJSON is the JSON form of a clock cycle in a report.
type cycleJSON struct {
	State          string    `json:"state"`
	Start          time.Time `json:"start"`
	End            time.Time `json:"end,omitzero"`
	Target         Duration  `json:"target"`
	Elapsed        Duration  `json:"elapsed"`
	Actual         Duration  `json:"actual"`
	Paused         Duration  `json:"paused"`
	Remaining      Duration  `json:"remaining"`
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
		Target: DurationOf(c.Target), Elapsed: DurationOf(c.Elapsed), Actual: DurationOf(c.Actual),
		Paused: DurationOf(c.Paused), Remaining: DurationOf(c.Remaining()),
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
		Title           string       `json:"title,omitempty"`
		Priority        string       `json:"priority"`
		CarriedIn       bool         `json:"carried_in,omitempty"`
		Respond         *cycleJSON   `json:"respond,omitempty"`
		Resolve         *cycleJSON   `json:"resolve,omitempty"`
		EarlierResolves []*cycleJSON `json:"earlier_resolves,omitempty"`
		Breached        bool         `json:"breached"`
	}{t.ID, t.Title, t.Priority, t.CarriedIn, newCycleJSON(t.Respond), newCycleJSON(t.Resolve), earlier, t.Breached})
}
