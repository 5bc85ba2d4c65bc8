package contract_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// The terms of real SLAs, each stated twice — as a JSON document and as a
// contract built in Go — and checked to be the same contract (both write
// the same JSON) before either is evaluated. The values in each test are
// derived in its comment.

// april is April 2026 in UTC: 30 days, 720 hours, 43,200 minutes.
var april = window.Between(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))

// apr returns an instant of April 2026, UTC.
func apr(day, hh, mm, ss int) time.Time { return time.Date(2026, 4, day, hh, mm, ss, 0, time.UTC) }

// sameContract parses doc, checks that it is the contract built in Go
// (their JSON forms are equal), and returns both, so that a test can
// evaluate each.
func sameContract(t *testing.T, doc string, built contract.Contract) []contract.Contract {
	t.Helper()
	parsed, err := contract.Parse([]byte(doc))
	require.NoError(t, err)
	_, err = built.Validate()
	require.NoError(t, err)
	a, err := json.Marshal(parsed)
	require.NoError(t, err)
	b, err := json.Marshal(built)
	require.NoError(t, err)
	if diff := cmp.Diff(string(a), string(b)); diff != "" {
		t.Fatalf("the document and the Go contract differ (-json +go):\n%s", diff)
	}
	return []contract.Contract{parsed, built}
}

func always(name, target string) contract.Segment {
	return contract.Segment{Name: name, Schedule: contract.Always(), Target: sla.MustTarget(target)}
}

func outages(ivs ...window.Interval) contract.Observations {
	return contract.Observations{Outages: map[string]window.Set{"": window.NewSet(ivs...)}}
}

// TestClockBuckets: "an hour counts as unavailable when more than 6
// minutes of it are down" — one provider's rule for a single instance.
// April has 720 hours. 10:00:00–10:06:00 on 1 April is exactly 6 minutes
// of the hour 10:00–11:00, not more: nothing counts, 100%. Ending one
// second later, 6 min 1 s is more than 6 minutes: the whole hour counts,
// 1 h down, 719/720 = 99.8611…%, under a 99.9% target.
func TestClockBuckets(t *testing.T) {
	cs := sameContract(t, `{"name": "instance", "terms": [{"name": "vm", "kind": "availability",
		"clock_buckets": {"length": "1h", "more_than": "6m"},
		"segments": [{"name": "monthly", "target": "99.9%"}]}]}`,
		contract.Contract{Name: "instance", Terms: []contract.Term{{Name: "vm", Availability: &contract.AvailabilityTerm{
			Segments: []contract.Segment{always("monthly", "99.9%")},
			Rules:    sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
		}}}})
	tests := []struct {
		name    string
		outage  window.Interval
		down    time.Duration
		percent string
		met     bool
	}{
		{"an hour with 6 minutes down counts as available", window.Between(apr(1, 10, 0, 0), apr(1, 10, 6, 0)), 0, "100.0000%", true},
		{"an hour with 6m01s down counts as unavailable", window.Between(apr(1, 10, 0, 0), apr(1, 10, 6, 1)), time.Hour, "99.8611%", false},
	}
	for _, c := range cs {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				rep, err := c.Evaluate(april, outages(tc.outage))
				require.NoError(t, err)
				s := rep.Terms[0].Segments[0]
				assert.Equal(t, 720*time.Hour, s.Measured)
				assert.Equal(t, tc.down, s.Down)
				assert.Equal(t, tc.percent, s.Ratio.Percent(4))
				assert.Equal(t, tc.met, s.Met)
			})
		}
	}
}

// TestConsecutiveWholeMinutes: "a downtime period is 5 consecutive
// minutes of downtime; partial minutes do not count". 10:00:30–10:05:40
// is 5 min 10 s, but its whole minutes are 10:01–10:05, four: not a
// downtime period, nothing counts. 10:00:00–10:05:10 holds five,
// 10:00–10:05: 5 minutes count. With the minimum judged first (the other
// order), the first outage would count its 4 whole minutes.
func TestConsecutiveWholeMinutes(t *testing.T) {
	doc := `{"name": "db", "terms": [{"name": "db", "kind": "availability",
		"min_outage": "5m", "whole_minutes": true, "rule_order": "minutes-first",
		"segments": [{"name": "monthly", "target": "99.99%"}]}]}`
	rules := sla.OutageRules{MinOutage: 5 * time.Minute, Minutes: sla.WholeMinutes, Order: sla.MinutesFirst}
	cs := sameContract(t, doc, contract.Contract{Name: "db", Terms: []contract.Term{{Name: "db", Availability: &contract.AvailabilityTerm{
		Segments: []contract.Segment{always("monthly", "99.99%")}, Rules: rules,
	}}}})
	tests := []struct {
		name   string
		outage window.Interval
		down   time.Duration
	}{
		{"5m10s from hh:mm:30 counts nothing", window.Between(apr(7, 10, 0, 30), apr(7, 10, 5, 40)), 0},
		{"5m10s from hh:mm:00 counts 5 minutes", window.Between(apr(7, 10, 0, 0), apr(7, 10, 5, 10)), 5 * time.Minute},
	}
	for _, c := range cs {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				rep, err := c.Evaluate(april, outages(tc.outage))
				require.NoError(t, err)
				assert.Equal(t, tc.down, rep.Terms[0].Segments[0].Down)
			})
		}
	}
	other := cs[1]
	other.Terms[0].Availability.Rules.Order = sla.MinOutageFirst
	rep, err := other.Evaluate(april, outages(tests[0].outage))
	require.NoError(t, err)
	assert.Equal(t, 4*time.Minute, rep.Terms[0].Segments[0].Down, "judged by its recorded length first")
}

// TestPartialMinutes: a partial minute counts as a whole one. A 40 s
// blip at 10:00:10 is one minute; 10:05:50–10:06:10 touches two.
func TestPartialMinutes(t *testing.T) {
	cs := sameContract(t, `{"name": "cdn", "terms": [{"name": "edge", "kind": "availability", "partial_minutes": true,
		"segments": [{"name": "monthly", "target": "99.9%"}]}]}`,
		contract.Contract{Name: "cdn", Terms: []contract.Term{{Name: "edge", Availability: &contract.AvailabilityTerm{
			Segments: []contract.Segment{always("monthly", "99.9%")}, Rules: sla.OutageRules{Minutes: sla.PartialMinutes},
		}}}})
	for _, c := range cs {
		rep, err := c.Evaluate(april, outages(
			window.Between(apr(2, 10, 0, 10), apr(2, 10, 0, 50)),
			window.Between(apr(2, 10, 5, 50), apr(2, 10, 6, 10)),
		))
		require.NoError(t, err)
		assert.Equal(t, 3*time.Minute, rep.Terms[0].Segments[0].Down)
	}
}

// TestProportionalCredit: one CDN provider's credit is down minutes ×
// share of customers affected ÷ scheduled minutes, as a share of the
// monthly fee. April has 30 × 1440 = 43,200 minutes; this month's
// maintenance, 2 hours given with the observations, leaves 43,080
// scheduled minutes. An incident of 90 minutes that affects half the
// customers earns 90 × 1/2 ÷ 43,080 = 45/43,080 = 3/2872 of the fee.
// Of a fee of 1000.00 USD, 100,000 cents, that is 104.4568… cents: 1.04
// USD rounded to the nearest cent; of 2872.00 USD it is exactly 3.00 USD.
func TestProportionalCredit(t *testing.T) {
	fee, err := contract.ParseMoney("1000.00 USD")
	require.NoError(t, err)
	seg := always("monthly", "99.9%")
	seg.Proportional = true
	cs := sameContract(t, `{"name": "cdn", "terms": [{"name": "delivery", "kind": "availability",
		"segments": [{"name": "monthly", "target": "99.9%", "proportional_credit": true}]}],
		"credit_policy": {"fee": "1000.00 USD"}}`,
		contract.Contract{Name: "cdn", Terms: []contract.Term{{Name: "delivery", Availability: &contract.AvailabilityTerm{
			Segments: []contract.Segment{seg},
		}}}, CreditPolicy: contract.CreditPolicy{Fee: fee}})
	maintenance := window.NewSet(window.Between(apr(12, 2, 0, 0), apr(12, 4, 0, 0)))
	obs := contract.Observations{
		Incidents:   []contract.Incident{{ID: "INC-7", Title: "Edge cache misses in one region", Span: window.Between(apr(20, 14, 0, 0), apr(20, 15, 30, 0)), Affected: sla.MustShare("50%")}},
		Maintenance: maintenance,
	}
	for _, c := range cs {
		rep, err := c.Evaluate(april, obs)
		require.NoError(t, err)
		s := rep.Terms[0].Segments[0]
		assert.Equal(t, 43080*time.Minute, s.Measured)
		assert.Equal(t, 90*time.Minute, s.Down)
		assert.True(t, s.Proportional)
		assert.Equal(t, "3/2872", s.CreditExact.String())
		assert.Equal(t, "3/2872", rep.CreditExact.String())
		assert.Equal(t, "1.04 USD", rep.CreditAmount.String())
		assert.Equal(t, []window.Interval{maintenance.Intervals()[0]}, rep.Maintenance, "the report lists the period's maintenance")
		require.Len(t, rep.Incidents, 1)
		assert.Equal(t, "Edge cache misses in one region", rep.Incidents[0].Title)
		assert.Equal(t, 90*time.Minute, rep.Incidents[0].Counted)
	}
	c := cs[1]
	c.CreditPolicy.Fee = contract.Money{Minor: 287200, Places: 2, Currency: "USD"}
	rep, err := c.Evaluate(april, obs)
	require.NoError(t, err)
	assert.Equal(t, "3.00 USD", rep.CreditAmount.String())

	// Two incidents that overlap weigh what they affect together, at
	// most every customer: 30 minutes at 50% + 70% = 100% (not 120%) and
	// 60 more at 50% are 30 + 30 = 60 weighed minutes of 43,080: 1/718.
	obs.Incidents = append(obs.Incidents, contract.Incident{ID: "INC-8", Span: window.Between(apr(20, 14, 0, 0), apr(20, 14, 30, 0)), Affected: sla.MustShare("70%")})
	rep, err = c.Evaluate(april, obs)
	require.NoError(t, err)
	assert.Equal(t, "1/718", rep.CreditExact.String())
}

// TestTimeSliceTerm: requests in minutes; a minute is bad when more than
// 5% of its requests fail, with at least 10 requests. 1 failure in 20 is
// exactly 5% (good), 1 in 21 just under (good), 1 in 19 just over (bad).
// Minutes without requests are good. A day has 1440 minutes, so one bad
// minute leaves 1439/1440 = 99.9305…%: it meets 99.9% and misses 99.95%,
// whose allowance is floor(0.05% × 1440) = floor(0.72) = 0 bad minutes.
func TestTimeSliceTerm(t *testing.T) {
	doc := `{"name": "api", "terms": [{"name": "requests", "kind": "availability",
		"measure": "time-slices", "slice": "1m", "max_errors": "5%", "min_requests": 10,
		"segments": [{"name": "daily", "target": "99.9%"}, {"name": "strict", "target": "99.95%"}]}]}`
	cs := sameContract(t, doc, contract.Contract{Name: "api", Terms: []contract.Term{{Name: "requests", Availability: &contract.AvailabilityTerm{
		Method:     contract.TimeSlices,
		Slice:      time.Minute,
		SliceRules: sla.SliceRules{MaxErrors: sla.MustTarget("5%"), MinEvents: 10},
		Segments:   []contract.Segment{always("daily", "99.9%"), always("strict", "99.95%")},
	}}}})
	day := window.Between(apr(3, 0, 0, 0), apr(4, 0, 0, 0))
	tests := []struct {
		name        string
		good, total uint64
		badMinutes  uint64
	}{
		{"an error rate of exactly 5% is a good minute", 19, 20, 0},
		{"an error rate just under 5% is a good minute", 20, 21, 0},
		{"an error rate just over 5% is a bad minute", 18, 19, 1},
		{"fewer than 10 requests are a good minute", 0, 9, 0},
	}
	for _, c := range cs {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				rep, err := c.Evaluate(day, contract.Observations{Requests: map[string][]sla.Sample{
					"requests": {{At: apr(3, 10, 7, 0), Good: tc.good, Total: tc.total}},
				}})
				require.NoError(t, err)
				daily, strict := rep.Terms[0].Segments[0], rep.Terms[0].Segments[1]
				assert.Equal(t, uint64(1440), daily.Ratio.Total())
				assert.Equal(t, 1440-tc.badMinutes, daily.Ratio.Good())
				assert.Equal(t, tc.badMinutes, daily.Events.Consumed())
				assert.True(t, daily.Met)
				assert.Equal(t, tc.badMinutes == 0, strict.Met)
				if tc.badMinutes > 0 {
					assert.Equal(t, apr(3, 10, 7, 0), strict.BreachedAt, "the bad minute spent the budget")
				}
			})
		}
	}
}

// TestEventTerm: good requests of all requests over the period. 999,000
// good of 1,000,000 is 99.9% exactly: it meets 99.9%, with an allowance
// of exactly 1,000 bad requests all spent.
func TestEventTerm(t *testing.T) {
	cs := sameContract(t, `{"name": "api", "terms": [{"name": "requests", "kind": "availability", "measure": "events",
		"segments": [{"name": "monthly", "target": "99.9%"}]}]}`,
		contract.Contract{Name: "api", Terms: []contract.Term{{Name: "requests", Availability: &contract.AvailabilityTerm{
			Method: contract.Events, Segments: []contract.Segment{always("monthly", "99.9%")},
		}}}})
	for _, c := range cs {
		rep, err := c.Evaluate(april, contract.Observations{Requests: map[string][]sla.Sample{"": {
			{At: apr(1, 0, 0, 0), Good: 500_000, Total: 500_000},
			{At: apr(15, 12, 0, 0), Good: 499_000, Total: 500_000},
			{At: apr(30, 23, 59, 59).Add(time.Second), Good: 0, Total: 7}, // 1 May: left out
		}}})
		require.NoError(t, err)
		s := rep.Terms[0].Segments[0]
		assert.Equal(t, "999000/1000000", s.Ratio.String())
		assert.True(t, s.Met)
		assert.Equal(t, uint64(1000), s.Events.Allowed())
		assert.Equal(t, int64(0), s.Events.Remaining())
		assert.Equal(t, 1, rep.LeftOut.Samples)
	}
}

// TestSliceAverageTerm: the mean of per-hour ratios. Of a day's 24 hours,
// one has 1 good of 2 requests and one 2 of 3; hours without requests are
// left out. The mean of 1/2 and 2/3 is 7/12 = 58.33…%: it meets 58%
// and misses 59%, and the ratio shown is the mean truncated to 18 places.
func TestSliceAverageTerm(t *testing.T) {
	cs := sameContract(t, `{"name": "api", "terms": [{"name": "requests", "kind": "availability",
		"measure": "slice-average", "slice": "1h", "empty_slices": "excluded",
		"segments": [{"name": "low", "target": "58%"}, {"name": "high", "target": "59%"}]}]}`,
		contract.Contract{Name: "api", Terms: []contract.Term{{Name: "requests", Availability: &contract.AvailabilityTerm{
			Method: contract.SliceAverage, Slice: time.Hour, SliceRules: sla.SliceRules{Empty: sla.EmptyExcluded},
			Segments: []contract.Segment{always("low", "58%"), always("high", "59%")},
		}}}})
	day := window.Between(apr(3, 0, 0, 0), apr(4, 0, 0, 0))
	for _, c := range cs {
		rep, err := c.Evaluate(day, contract.Observations{Requests: map[string][]sla.Sample{"": {
			{At: apr(3, 9, 15, 0), Good: 1, Total: 2},
			{At: apr(3, 17, 0, 0), Good: 2, Total: 3},
		}}})
		require.NoError(t, err)
		low, high := rep.Terms[0].Segments[0], rep.Terms[0].Segments[1]
		assert.Equal(t, "7/12", low.Average.String())
		assert.Equal(t, "583333333333333333/1000000000000000000", low.Ratio.String())
		assert.True(t, low.Met)
		assert.False(t, high.Met)
		assert.Equal(t, day.End, high.BreachedAt, "an average is missed as a whole, at the end")
	}
}

// TestCreditPolicy: how segment credits add up. Two segments in April,
// each 99.9% with tiers "below 99.9% → 10%", "below 99% → 25%": 3 hours
// down in the first (717/720 = 99.58%, 10%) and 9 in the second (711/720
// = 98.75%, 25%). The largest is 25%; the sum 35%, capped at 30%. Of a
// fee of 5000 JPY (no minor units), 30% is 1500 JPY and 25% is 1250 JPY.
func TestCreditPolicy(t *testing.T) {
	doc := `{"name": "pair", "terms": [
		{"name": "a", "kind": "availability", "segments": [{"name": "monthly", "target": "99.9%"}]},
		{"name": "b", "kind": "availability", "segments": [{"name": "monthly", "target": "99.9%"}]}],
		"credits": [{"below": "99.9%", "at_least": "99%", "credit": "10%"}, {"below": "99%", "credit": "25%"}],
		"credit_policy": {"combine": "sum", "cap": "30%", "fee": "5000 JPY"}}`
	tiers := sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.AtLeast(sla.MustTarget("99%")), Upper: sla.Below(sla.MustTarget("99.9%")), Credit: sla.MustShare("10%")},
		{Upper: sla.Below(sla.MustTarget("99%")), Credit: sla.MustShare("25%")},
	}}
	term := func(name string) contract.Term {
		return contract.Term{Name: name, Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{always("monthly", "99.9%")}}}
	}
	cs := sameContract(t, doc, contract.Contract{Name: "pair", Terms: []contract.Term{term("a"), term("b")}, Credits: tiers,
		CreditPolicy: contract.CreditPolicy{Combine: contract.Sum, Cap: sla.MustShare("30%"), Fee: contract.Money{Minor: 5000, Currency: "JPY"}}})
	obs := contract.Observations{Outages: map[string]window.Set{
		"a": window.NewSet(window.Between(apr(5, 0, 0, 0), apr(5, 3, 0, 0))),
		"b": window.NewSet(window.Between(apr(6, 0, 0, 0), apr(6, 9, 0, 0))),
	}}
	for _, c := range cs {
		rep, err := c.Evaluate(april, obs)
		require.NoError(t, err)
		assert.Equal(t, "10%", rep.Terms[0].Credit.String())
		assert.Equal(t, "25%", rep.Terms[1].Credit.String())
		assert.Equal(t, "30%", rep.Credit.String(), "35% capped at 30%")
		assert.Equal(t, "1500 JPY", rep.CreditAmount.String())
		// Overall: 3 + 9 = 12 of 1440 hours down, 1428/1440 = 99.1666…%.
		assert.Equal(t, "99.1666%", rep.Availability.Percent(4))
	}
	largest := cs[1]
	largest.CreditPolicy.Combine = contract.Largest
	rep, err := largest.Evaluate(april, obs)
	require.NoError(t, err)
	assert.Equal(t, "25%", rep.Credit.String())
	assert.Equal(t, "1250 JPY", rep.CreditAmount.String())
}

// TestCreditGap: a published schedule "below 99.9% and above 99% → 10%,
// below 99% → 25%" owes nothing at exactly 99%. Validate says so as a
// warning, not an error; a month at exactly 99% (7.2 of 720 hours down)
// misses the target and is marked "below target, no tier".
func TestCreditGap(t *testing.T) {
	c, err := contract.Parse([]byte(`{"name": "gap", "terms": [{"name": "a", "kind": "availability",
		"segments": [{"name": "monthly", "target": "99.9%"}]}],
		"credits": [{"below": "99.9%", "above": "99%", "credit": "10%"}, {"below": "99%", "credit": "25%"}]}`))
	require.NoError(t, err, "a gap is not an error")
	warnings, err := c.Validate()
	require.NoError(t, err)
	require.Len(t, warnings, 1)
	assert.ErrorIs(t, warnings[0], contract.ErrCreditGap)
	assert.NotErrorIs(t, warnings[0], contract.ErrContract)
	assert.Equal(t, "terms[0].segments[0]", warnings[0].Path)
	assert.Equal(t, "contract: warning: terms[0].segments[0]: credit schedule has a gap below the target: below the target 99.9%, no tier of credits admits exactly 99%: a ratio there earns no credit", warnings.String())

	rep, err := c.Evaluate(april, outages(window.Between(apr(9, 0, 0, 0), apr(9, 7, 12, 0))))
	require.NoError(t, err)
	s := rep.Terms[0].Segments[0]
	assert.Equal(t, "99.0000%", s.Ratio.Percent(4))
	assert.False(t, s.Met)
	assert.True(t, s.NoTier)
	assert.Equal(t, -1, s.CreditTier)
	assert.True(t, s.Credit.IsZero())
}

// TestMaintenancePerPeriod: the period's maintenance, given with the
// observations, is excluded besides the term's own exclusions and listed
// in the report. April's 720 hours less 2 fixed in the contract and 3
// given for the period are 715; an outage inside the maintenance counts
// nothing.
func TestMaintenancePerPeriod(t *testing.T) {
	c, err := contract.Parse([]byte(`{"name": "m", "terms": [{"name": "a", "kind": "availability",
		"exclusions": ["2026-04-01T00:00:00Z/PT2H"], "segments": [{"name": "monthly", "target": "99.9%"}]}]}`))
	require.NoError(t, err)
	maintenance := window.NewSet(window.Between(apr(14, 1, 0, 0), apr(14, 4, 0, 0)))
	rep, err := c.Evaluate(april, contract.Observations{
		Outages:     map[string]window.Set{"a": window.NewSet(window.Between(apr(14, 2, 0, 0), apr(14, 3, 0, 0)))},
		Maintenance: maintenance,
	})
	require.NoError(t, err)
	s := rep.Terms[0].Segments[0]
	assert.Equal(t, 715*time.Hour, s.Measured)
	assert.Equal(t, time.Duration(0), s.Down)
	assert.Equal(t, maintenance.Intervals(), rep.Maintenance)
	assert.Len(t, rep.Terms[0].Exclusions, 2)
}

// TestLeftOut: outages wholly outside the period are counted in
// LeftOut, not dropped without a word, and an observation for a term
// that does not exist is an error.
func TestLeftOut(t *testing.T) {
	c, err := contract.Parse([]byte(`{"name": "m", "terms": [{"name": "a", "kind": "availability",
		"segments": [{"name": "monthly", "target": "99.9%"}]}]}`))
	require.NoError(t, err)
	march := window.Between(apr(1, 0, 0, 0).AddDate(0, -1, 0), apr(1, 0, 0, 0))
	rep, err := c.Evaluate(march, contract.Observations{
		Outages:   map[string]window.Set{"a": window.NewSet(window.Between(apr(2, 1, 0, 0), apr(2, 2, 0, 0)))},
		Incidents: []contract.Incident{{ID: "INC-1", Span: window.Between(apr(3, 1, 0, 0), apr(3, 1, 30, 0))}},
	})
	require.NoError(t, err)
	assert.True(t, rep.Met, "nothing in March")
	assert.Equal(t, 2, rep.LeftOut.Outages)
	assert.Equal(t, 90*time.Minute, rep.LeftOut.OutageTime)
	assert.True(t, rep.Incidents[0].Outside)

	_, err = c.Evaluate(march, contract.Observations{Outages: map[string]window.Set{"b": {}}})
	assert.ErrorIs(t, err, contract.ErrUnknownName)
	_, err = c.Evaluate(march, contract.Observations{Requests: map[string][]sla.Sample{"a": nil}})
	assert.ErrorIs(t, err, contract.ErrUnknownName, "a is measured by outages")
	_, err = c.Evaluate(march, contract.Observations{Incidents: []contract.Incident{{ID: "INC-2"}}})
	var ie *contract.IncidentError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "INC-2", ie.ID)
}

// TestIncidents: each incident is reported with the down time it
// counted, found by rounding its span out to what the rules count by.
// Under "an hour is down when more than 6 minutes of it are", INC-1
// (10:00–10:07) makes the hour 10:00 down: 60 minutes, all in INC-1's
// hour, and INC-2 (10:30–10:31), inside the same hour, is held by it too:
// an instant counts in each incident that holds it. INC-3 (12:00–12:05)
// leaves its hour available and counts nothing. Under partial minutes,
// INC-4, a 10 s blip at 14:00:10, counts its minute.
func TestIncidents(t *testing.T) {
	buckets := contract.Contract{Name: "vm", Terms: []contract.Term{{Name: "vm", Availability: &contract.AvailabilityTerm{
		Segments: []contract.Segment{always("monthly", "99.9%")},
		Rules:    sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
	}}}}
	incidents := []contract.Incident{
		{ID: "INC-1", Title: "Host reboot", Span: window.Between(apr(2, 10, 0, 0), apr(2, 10, 7, 0))},
		{ID: "INC-2", Span: window.Between(apr(2, 10, 30, 0), apr(2, 10, 31, 0))},
		{ID: "INC-3", Span: window.Between(apr(2, 12, 0, 0), apr(2, 12, 5, 0))},
	}
	rep, err := buckets.Evaluate(april, contract.Observations{Incidents: incidents})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, rep.Terms[0].Segments[0].Down)
	got := []time.Duration{rep.Incidents[0].Counted, rep.Incidents[1].Counted, rep.Incidents[2].Counted}
	assert.Equal(t, []time.Duration{time.Hour, time.Hour, 0}, got)
	assert.Equal(t, []contract.IncidentSegment{{Term: "vm", Segment: "monthly", Down: time.Hour}}, rep.Incidents[0].Segments)
	data, err := json.Marshal(rep.Incidents[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"id": "INC-1", "title": "Host reboot", "span": "2026-04-02T10:00:00Z/2026-04-02T10:07:00Z", "affected": "100%",
		"counted": {"seconds": 3600, "iso8601": "PT1H"},
		"segments": [{"term": "vm", "segment": "monthly", "down": {"seconds": 3600, "iso8601": "PT1H"}}]}`, string(data))

	partial := buckets
	partial.Terms = []contract.Term{{Name: "vm", Availability: &contract.AvailabilityTerm{
		Segments: []contract.Segment{always("monthly", "99.9%")},
		Rules:    sla.OutageRules{Minutes: sla.PartialMinutes},
	}}}
	rep, err = partial.Evaluate(april, contract.Observations{Incidents: []contract.Incident{
		{ID: "INC-4", Term: "vm", Span: window.Between(apr(2, 14, 0, 10), apr(2, 14, 0, 20))},
	}})
	require.NoError(t, err)
	assert.Equal(t, time.Minute, rep.Incidents[0].Counted)

	_, err = partial.Evaluate(april, contract.Observations{Incidents: []contract.Incident{{ID: "INC-5", Term: "db", Span: incidents[0].Span}}})
	assert.EqualError(t, err, `contract: incidents[0] "INC-5": invalid contract: unknown name: "db" is not a term measured by outages`)
}
