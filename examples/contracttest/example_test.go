package contracttest

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// Example evaluates the contract over March 2026 with one outage, from
// 10:00 to 14:00 New York time on Tuesday 10 March, and prints what each
// segment measured and what the month costs.
func Example() {
	c, err := contract.Parse(contractJSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	ny, _ := time.LoadLocation("America/New_York")
	at := func(hh int) time.Time { return time.Date(2026, 3, 10, hh, 0, 0, 0, ny) }
	rep, err := c.Evaluate(window.Month.Containing(at(10), ny), contract.Observations{
		Outages: map[string]window.Set{"availability": window.NewSet(window.Between(at(10), at(14)))},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, seg := range rep.Terms[0].Segments {
		fmt.Printf("%-14s target %-6v measured %-10v down %-8v availability %v allowed %-9v met %-5v credit %v\n",
			seg.Name, seg.Target, seg.Measured, seg.Down, seg.Ratio.Percent(3), seg.Allowance, seg.Met, seg.Credit)
	}
	fmt.Println("credit for March:", rep.Credit)
	// Output:
	// business hours target 99.5%  measured 220h0m0s   down 4h0m0s   availability 98.181% allowed 1h6m0s    met false credit 10%
	// other times    target 99%    measured 523h0m0s   down 0s       availability 100.000% allowed 5h13m48s  met true  credit 0%
	// credit for March: 10%
}
