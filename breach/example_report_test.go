package breach_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/breach"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// A breach opened from a contract evaluation, reported with a reason.
func ExampleFromReport() {
	c, err := contract.Parse([]byte(`{
	  "name": "Example API",
	  "calendars": {"business": {"zone": "Europe/Berlin",
	    "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}]}},
	  "terms": [{"name": "api", "kind": "availability",
	    "segments": [{"name": "business hours", "during": "business", "target": "99.9%"}]}],
	  "credits": [{"below": "99.9%", "credit": "10%"}],
	  "obligations": {"report_within": "4h", "resolve_within": "16h", "calendar": "business"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(day, hh, mm int) time.Time { return time.Date(2026, 10, day, hh, mm, 0, 0, berlin) }
	october := window.Month.Containing(at(1, 12, 0), berlin)
	// Evaluated on Friday 30 October at 15:00, after a 20-minute outage
	// that afternoon: October has 22 working days of 8 hours, so 99.9%
	// allows 10 min 33.6 s.
	report, err := c.Evaluate(october, contract.Observations{
		Outages: map[string]window.Set{"api": window.NewSet(window.Between(at(30, 14, 0), at(30, 14, 20)))},
		Now:     at(30, 15, 0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, facts := range breach.FromReport(report) {
		r, err := breach.Open(facts, c.Obligations)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.ID())
		fmt.Println("occurred:", r.Facts().OccurredAt.In(berlin).Format(time.DateTime))
		fmt.Println("detected:", r.Facts().DetectedAt.In(berlin).Format(time.DateTime))
		// Four business hours from Friday 15:00: two on Friday, two on Monday.
		fmt.Println("report due:", r.ReportDue().In(berlin).Format(time.DateTime))
		monday := func(hh int) time.Time { return time.Date(2026, 11, 2, hh, 0, 0, 0, berlin) }
		fmt.Println("status Monday 12:00:", r.Status(monday(12)))
		r, err = r.Report("a failed certificate rotation", monday(10))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("status Monday 12:00:", r.Status(monday(12)))
		fmt.Println("credit:", r.Facts().Credit)
	}
	// Output:
	// api/business hours/2026-09-30T22:00:00Z
	// occurred: 2026-10-30 14:10:33
	// detected: 2026-10-30 15:00:00
	// report due: 2026-11-02 11:00:00
	// status Monday 12:00: report overdue
	// status Monday 12:00: reported
	// credit: 10%
}
