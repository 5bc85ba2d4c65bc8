package contracttest_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/contract/contracttest"
)

// sample is a contract of business hours in New York and a P1 ticket
// term, with credits of 10% below 99.5% and 25% below 98%.
const sample = `{
  "name": "Widget API",
  "calendars": {"business": {"zone": "America/New_York", "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
  "terms": [
    {"name": "availability", "kind": "availability", "whole_minutes": true, "segments": [
      {"name": "business hours", "during": "business", "target": "99.5%"},
      {"name": "other times", "outside": "business", "target": "99%"}]},
    {"name": "support", "kind": "response", "calendar": "business",
     "priorities": [{"name": "P1", "respond": "15m wall", "resolve": "2h business"}]}],
  "credits": [{"below": "99.5%", "at_least": "98%", "credit": "10%"}, {"below": "98%", "credit": "25%"}],
  "credit_policy": {"fee": "1000.00 USD"}
}`

func parse(t testing.TB) contract.Contract {
	t.Helper()
	c, err := contract.Parse([]byte(sample))
	require.NoError(t, err)
	return c
}

// recorder is a testing.TB that keeps what a suite reports. Fatalf ends
// the goroutine, as testing's does, so that Run is called in one.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	r.fatal = fmt.Sprintf(format, args...)
	r.mu.Unlock()
	runtime.Goexit()
}

// record runs f with a recorder and returns it once f has returned or
// failed fatally.
func record(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// TestSuitePasses: the cases of the package doc, derived as in
// examples/contracttest: 4 hours of March's 220 business hours is
// 98.18%, in the 10% tier, 100.00 USD of the fee; 30 minutes on a Sunday
// is 0.1% of 523 other hours; a P1 opened Friday 17:30 has 30 business
// minutes on Friday and the other 90 from 08:00 on Monday: due 09:30.
func TestSuitePasses(t *testing.T) {
	s := contracttest.For(t, parse(t), "America/New_York")
	s.Run(
		s.Case("a 4-hour outage on a weekday in March costs a 10% credit",
			s.Outage("2026-03-10 10:00", 4*time.Hour), s.Credit("10%"), s.Amount("100.00 USD"), s.Missed()),
		s.Case("a 30-minute outage at 03:00 on a Sunday costs nothing",
			s.Outage("2026-03-15 03:00", 30*time.Minute), s.Credit("0%"), s.Met(),
			s.Segment("other times").Down(30*time.Minute).Measured(523*time.Hour).Met(),
			s.Segment("availability/business hours").Down(0).Availability("100.0000%")),
		s.Case("a P1 opened Friday 17:30 is due Monday 09:30",
			s.Ticket("T-1", "P1", "open 2026-03-06 17:30", "respond 2026-03-06 17:40"), s.Now("2026-03-09 09:00"),
			s.Clock("T-1", "resolve").Due("2026-03-09 09:30").Elapsed(90*time.Minute).OnTime(),
			s.Clock("T-1", "respond").OnTime()),
		s.Case("maintenance counts nothing",
			s.Maintenance("2026-03-10 09:00", 2*time.Hour), s.Outage("2026-03-10 09:30", time.Hour),
			s.Segment("business hours").Down(0).Measured(218*time.Hour)),
		s.Case("a named period",
			s.Month(2026, time.February), s.Segment("business hours").Measured(200*time.Hour)),
	)
}

// TestSuiteReportsDiffs: expectations that do not hold are reported as
// one diff per case, (-want +got), a pair of lines per expectation, in
// the order of their keys.
func TestSuiteReportsDiffs(t *testing.T) {
	c := parse(t)
	r := record(t, func(tb testing.TB) {
		s := contracttest.For(tb, c, "America/New_York")
		s.Run(s.Case("a 5-hour outage costs 10%",
			s.Outage("2026-03-10 10:00", 5*time.Hour), s.Credit("10%"), s.Met(),
			s.Segment("business hours").Down(5*time.Hour).Credit("10%")))
	})
	require.Empty(t, r.fatal)
	require.Len(t, r.errors, 1)
	// 5 hours of 220 is 97.72%: the 25% tier.
	assert.Equal(t, "suite_test.go:110: a 5-hour outage costs 10% (-want +got):\n"+
		"-business hours: credit: 10%\n+business hours: credit: 25%\n"+
		"-credit: 10%\n+credit: 25%\n"+
		"-verdict: met\n+verdict: missed\n", r.errors[0])
}

// TestSuiteMistakes: a case that cannot be checked fails with a message
// that says why.
func TestSuiteMistakes(t *testing.T) {
	c := parse(t)
	tests := []struct {
		name string
		run  func(s *contracttest.Suite)
		want string
	}{
		{"an instant that does not parse", func(s *contracttest.Suite) { s.Outage("10 March", time.Hour) },
			`"10 March" is not an instant`},
		{"no observation to take a month from", func(s *contracttest.Suite) { s.Run(s.Case("empty", s.Credit("0%"))) },
			`case "empty" has no observation`},
		{"a segment the report does not have", func(s *contracttest.Suite) {
			s.Run(s.Case("x", s.Outage("2026-03-10 10:00", time.Hour), s.Segment("weekends").Down(0)))
		}, `no segment "weekends" (it has availability/business hours, availability/other times)`},
		{"a ticket the report does not have", func(s *contracttest.Suite) {
			s.Run(s.Case("x", s.Outage("2026-03-10 10:00", time.Hour), s.Clock("T-9", "respond").OnTime()))
		}, `no ticket "T-9"`},
		{"an event that is not one", func(s *contracttest.Suite) { s.Ticket("T-1", "P1", "opened 2026-03-06 17:30") },
			`"opened 2026-03-06 17:30" is not an event`},
		{"an evaluation that fails", func(s *contracttest.Suite) {
			s.Run(s.Case("x", s.Ticket("T-1", "P7", "open 2026-03-06 17:30")))
		}, `"P7" is not a priority`},
		{"a share that is not one", func(s *contracttest.Suite) { s.Credit("ten") }, `invalid share "ten"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := record(t, func(tb testing.TB) { tc.run(contracttest.For(tb, c, "America/New_York")) })
			assert.Contains(t, r.fatal, tc.want)
			assert.True(t, strings.HasPrefix(r.fatal, "contracttest: "), r.fatal)
		})
	}
	r := record(t, func(tb testing.TB) { contracttest.For(tb, c, "Mars/Olympus_Mons") })
	assert.Contains(t, r.fatal, `zone "Mars/Olympus_Mons"`)
}

// TestSuiteEvaluate: a report for checks a case cannot state.
func TestSuiteEvaluate(t *testing.T) {
	s := contracttest.For(t, parse(t), "America/New_York")
	rep := s.Evaluate(s.Outage("2026-03-10 10:00", 4*time.Hour), s.Requests("", "2026-03-10 10:00", 1, 1))
	assert.Equal(t, 743*time.Hour, rep.Period.Duration())
	assert.Equal(t, 4*time.Hour, rep.Terms[0].Segments[0].Down)
}
