package contracttest_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/contract/contracttest"
)

// panicOf calls f and returns what it panicked with, formatted, or "" if
// it returned.
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// TestZeroSuite calls every method of the zero Suite and of a nil *Suite:
// each panics at once with the message its doc gives, whatever its
// arguments.
func TestZeroSuite(t *testing.T) {
	const want = "contracttest: the zero Suite is not usable: build one with For"
	suites := []struct {
		name string
		s    func() *contracttest.Suite
	}{
		{"new(Suite)", func() *contracttest.Suite { return new(contracttest.Suite) }},
		{"&Suite{}", func() *contracttest.Suite { return &contracttest.Suite{} }},
		{"nil *Suite", func() *contracttest.Suite { return nil }},
	}
	calls := []struct {
		name string
		call func(*contracttest.Suite)
	}{
		{"Case no items", func(s *contracttest.Suite) { s.Case("x") }},
		{"Run no cases", func(s *contracttest.Suite) { s.Run() }},
		{"Run zero case", func(s *contracttest.Suite) { s.Run(contracttest.Case{}) }},
		{"Evaluate", func(s *contracttest.Suite) { s.Evaluate() }},
		{"Outage", func(s *contracttest.Suite) { s.Outage("2026-03-02 10:00", time.Hour) }},
		{"OutageOf", func(s *contracttest.Suite) { s.OutageOf("availability", "2026-03-02 10:00", time.Hour) }},
		{"Maintenance", func(s *contracttest.Suite) { s.Maintenance("2026-03-02 10:00", time.Hour) }},
		{"Requests", func(s *contracttest.Suite) { s.Requests("", "2026-03-02 10:00", 9, 10) }},
		{"Ticket no events", func(s *contracttest.Suite) { s.Ticket("T-1", "P1") }},
		{"Ticket", func(s *contracttest.Suite) { s.Ticket("T-1", "P1", "open 2026-03-02 10:00") }},
		{"Now", func(s *contracttest.Suite) { s.Now("2026-03-02 10:00") }},
		{"Month", func(s *contracttest.Suite) { s.Month(2026, time.March) }},
		{"Month zero", func(s *contracttest.Suite) { s.Month(0, 0) }},
		{"Period", func(s *contracttest.Suite) { s.Period("2026-03-01 00:00", "2026-04-01 00:00") }},
		{"Credit", func(s *contracttest.Suite) { s.Credit("10%") }},
		{"Amount", func(s *contracttest.Suite) { s.Amount("120.00 USD") }},
		{"Met", func(s *contracttest.Suite) { s.Met() }},
		{"Missed", func(s *contracttest.Suite) { s.Missed() }},
		{"Segment", func(s *contracttest.Suite) { s.Segment("business hours") }},
		{"Clock", func(s *contracttest.Suite) { s.Clock("T-1", "respond") }},
	}
	for _, sc := range suites {
		for _, c := range calls {
			t.Run(sc.name+"/"+c.name, func(t *testing.T) {
				if got := panicOf(func() { c.call(sc.s()) }); got != want {
					t.Errorf("panic = %q, want %q", got, want)
				}
			})
		}
	}
}

// TestZeroWants calls every method of the zero SegmentWant and ClockWant,
// and gives each to a case of a working suite: each panics at once with
// the message its doc gives.
func TestZeroWants(t *testing.T) {
	const (
		segment = "contracttest: the zero SegmentWant is not usable: build one with Suite.Segment"
		clock   = "contracttest: the zero ClockWant is not usable: build one with Suite.Clock"
	)
	s := contracttest.For(t, parse(t), "America/New_York")
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"SegmentWant.Down", func() { new(contracttest.SegmentWant).Down(time.Hour) }, segment},
		{"SegmentWant.Measured", func() { new(contracttest.SegmentWant).Measured(time.Hour) }, segment},
		{"SegmentWant.Availability", func() { new(contracttest.SegmentWant).Availability("99.5000%") }, segment},
		{"SegmentWant.Met", func() { new(contracttest.SegmentWant).Met() }, segment},
		{"SegmentWant.Missed", func() { new(contracttest.SegmentWant).Missed() }, segment},
		{"SegmentWant.Credit", func() { new(contracttest.SegmentWant).Credit("10%") }, segment},
		{"nil SegmentWant.Met", func() { (*contracttest.SegmentWant)(nil).Met() }, segment},
		{"Case with zero SegmentWant", func() { s.Case("x", new(contracttest.SegmentWant)) }, segment},
		{"ClockWant.Elapsed", func() { new(contracttest.ClockWant).Elapsed(time.Hour) }, clock},
		{"ClockWant.Due", func() { new(contracttest.ClockWant).Due("2026-03-02 10:00") }, clock},
		{"ClockWant.Breached", func() { new(contracttest.ClockWant).Breached() }, clock},
		{"ClockWant.OnTime", func() { new(contracttest.ClockWant).OnTime() }, clock},
		{"nil ClockWant.OnTime", func() { (*contracttest.ClockWant)(nil).OnTime() }, clock},
		{"Case with zero ClockWant", func() { s.Case("x", new(contracttest.ClockWant)) }, clock},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := panicOf(tt.call); got != tt.want {
				t.Errorf("panic = %q, want %q", got, tt.want)
			}
		})
	}
	// The wants a suite builds still work: Segment and Clock return
	// wants whose methods do not panic.
	if got := panicOf(func() {
		s.Case("built", s.Segment("business hours").Met().Credit("10%"), s.Clock("T-1", "respond").OnTime().Due("2026-03-02 10:00"))
	}); got != "" {
		t.Errorf("wants built by the suite panicked: %s", got)
	}
}
