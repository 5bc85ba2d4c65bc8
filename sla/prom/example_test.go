package prom_test

import (
	"fmt"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

func ExampleReplay() {
	// Seven hours of one-minute scrapes: 1000 requests a minute, and from
	// 06:40 a fifth of them failing.
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	var samples []prom.CounterSample
	var errs, total uint64
	for k := 0; k <= 7*60; k++ {
		if k > 400 {
			errs += 200
		}
		if k > 0 {
			total += 1000
		}
		samples = append(samples, prom.CounterSample{T: start.Add(time.Duration(k) * time.Minute), Errors: errs, Total: total})
	}
	r := prom.Replay{
		Target: sla.MustTarget("99.9%"),
		Policy: sla.DefaultAlertPolicy(30 * 24 * time.Hour),
	}
	f, err := r.Run(samples, window.Between(start, start.Add(7*time.Hour)))
	if err != nil {
		panic(err)
	}
	// The 1h window passes 0.0144 when it holds 5 minutes of 20% errors.
	page, _ := f.First(sla.SeverityPage)
	fmt.Println("page from", page.Format("15:04"))
	// Output:
	// page from 06:45
}
