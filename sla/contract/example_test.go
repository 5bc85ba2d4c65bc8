package contract_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

func ExampleContract_Evaluate() {
	c, err := contract.Parse([]byte(`{
	  "name": "Example API",
	  "calendars": {"business": {"zone": "America/New_York",
	    "hours": [{"days": "Mon-Fri", "spans": ["08:00-18:00"]}]}},
	  "terms": [{"name": "availability", "kind": "availability", "segments": [
	    {"name": "business hours", "during": "business", "target": "99.5%"},
	    {"name": "other times", "outside": "business", "target": "99%"}]}],
	  "credits": [{"below": "99.5%", "at_least": "99%", "credit": "10%"},
	              {"below": "99%", "credit": "25%"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ny, _ := time.LoadLocation("America/New_York")
	at := func(day, hh, mm int) time.Time { return time.Date(2026, 3, day, hh, mm, 0, 0, ny) }
	// A 90-minute outage on a Tuesday morning and a 2-hour one on a Saturday.
	down := window.NewSet(
		window.Between(at(3, 9, 0), at(3, 10, 30)),
		window.Between(at(7, 1, 0), at(7, 3, 0)),
	)
	march := window.Month.Containing(at(15, 12, 0), ny)

	report, err := c.Evaluate(march, contract.Observations{Outages: map[string]window.Set{"availability": down}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range report.Terms[0].Segments {
		verdict := "met"
		if !s.Met {
			verdict = "missed"
		}
		fmt.Printf("%-15s %s of %v: down %v, allowed %v, %s, credit %v\n",
			s.Name, s.Ratio.Percent(3), s.Target, s.Down, s.Allowance, verdict, s.Credit)
	}
	fmt.Println("credit owed:", report.Credit)
	// Output:
	// business hours  99.318% of 99.5%: down 1h30m0s, allowed 1h6m0s, missed, credit 10%
	// other times     99.617% of 99%: down 2h0m0s, allowed 5h13m48s, met, credit 0%
	// credit owed: 10%
}

// A contract document with an exclusion written as an object: the error
// names the element by its index and its line, says which form was
// expected, and wraps ErrContract and the sentinel of its kind.
func ExampleParse_errors() {
	_, err := contract.Parse([]byte(`{
	  "name": "Example API",
	  "terms": [{"name": "availability", "kind": "availability",
	    "exclusions": ["2026-03-07T02:00:00Z/2026-03-07T04:00:00Z",
	                   {"start": "2026-03-08T02:00:00Z", "end": "2026-03-08T04:00:00Z"}],
	    "segments": [{"name": "all", "target": "99.9%"}]}]
	}`))
	var fe *contract.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Path, "on line", fe.Line)
		fmt.Println(errors.Is(err, contract.ErrContract), errors.Is(err, contract.ErrType))
	}
	fmt.Println(err)
	// Output:
	// terms[0].exclusions[1] on line 5
	// true true
	// contract: line 5: terms[0].exclusions[1]: got an object, want "start/end" text, such as "2026-03-07T02:00:00Z/2026-03-07T04:00:00Z"
}

// A CDN's proportional credit: down minutes × the share of customers
// affected ÷ the scheduled minutes, as a share of the monthly fee. April
// has 43,200 minutes, 43,080 once two hours of maintenance are excluded;
// 90 minutes affecting half the customers earn 90 × 1/2 ÷ 43,080 =
// 3/2872 of 1000.00 USD: 104.4568… cents, 1.04 USD to the nearest cent.
func ExampleContract_Evaluate_proportional() {
	c, err := contract.Parse([]byte(`{"name": "CDN",
	  "terms": [{"name": "delivery", "kind": "availability",
	    "segments": [{"name": "monthly", "target": "99.9%", "proportional_credit": true}]}],
	  "credit_policy": {"fee": "1000.00 USD"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	at := func(d, h, m int) time.Time { return time.Date(2026, 4, d, h, m, 0, 0, time.UTC) }
	report, err := c.Evaluate(window.Between(at(1, 0, 0), at(31, 0, 0)), contract.Observations{
		Incidents: []contract.Incident{{ID: "INC-7", Title: "Cache misses in one region",
			Span: window.Between(at(20, 14, 0), at(20, 15, 30)), Affected: sla.MustShare("50%")}},
		Maintenance: window.NewSet(window.Between(at(12, 2, 0), at(12, 4, 0))),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := report.Terms[0].Segments[0]
	fmt.Println("measured:", s.Measured, "down:", s.Down)
	fmt.Println("credit:", report.CreditExact, "of the fee,", report.CreditAmount)
	// Output:
	// measured: 718h0m0s down: 1h30m0s
	// credit: 3/2872 of the fee, 1.04 USD
}

// A published credit table that owes nothing at exactly 99% is valid,
// and Validate says what it likely did not mean as a warning.
func ExampleContract_Validate() {
	c, err := contract.Parse([]byte(`{"name": "gap",
	  "terms": [{"name": "api", "kind": "availability", "segments": [{"name": "monthly", "target": "99.9%"}]}],
	  "credits": [{"below": "99.9%", "above": "99%", "credit": "10%"}, {"below": "99%", "credit": "25%"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	warnings, err := c.Validate()
	fmt.Println(err)
	fmt.Println(warnings)
	// Output:
	// <nil>
	// contract: warning: terms[0].segments[0]: credit schedule has a gap below the target: below the target 99.9%, no tier of credits admits exactly 99%: a ratio there earns no credit
}
