package contracttest_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/contract/contracttest"
)

// printer is a testing.TB that prints what a suite reports, so that the
// example shows it; a test passes its *testing.T instead.
type printer struct{ testing.TB }

func (printer) Helper()                           {}
func (printer) Errorf(format string, args ...any) { fmt.Printf(format, args...) }
func (printer) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// Each case is one line of a table: what happened and what it costs. The
// second case expects the wrong credit, and the suite says so as a diff.
func ExampleSuite_Run() {
	c, err := contract.Parse([]byte(`{"name": "Widget API",
	  "calendars": {"business": {"zone": "America/New_York", "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
	  "terms": [{"name": "availability", "kind": "availability", "segments": [
	    {"name": "business hours", "during": "business", "target": "99.5%"},
	    {"name": "other times", "outside": "business", "target": "99%"}]}],
	  "credits": [{"below": "99.5%", "at_least": "98%", "credit": "10%"}, {"below": "98%", "credit": "25%"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := contracttest.For(printer{}, c, "America/New_York")
	s.Run(
		s.Case("a 4-hour outage on a weekday in March costs a 10% credit",
			s.Outage("2026-03-10 10:00", 4*time.Hour), s.Credit("10%")),
		s.Case("a 5-hour outage on a weekday in March costs a 10% credit",
			s.Outage("2026-03-10 10:00", 5*time.Hour), s.Credit("10%"), s.Segment("business hours").Down(5*time.Hour)),
	)
	// Output:
	// example_test.go:37: a 5-hour outage on a weekday in March costs a 10% credit (-want +got):
	// -credit: 10%
	// +credit: 25%
}
