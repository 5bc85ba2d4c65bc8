package sla_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// The downtime each target allows, exactly, over common periods.
func ExampleTarget_Allowance() {
	periods := []time.Duration{24 * time.Hour, 30 * 24 * time.Hour, 31 * 24 * time.Hour, 365 * 24 * time.Hour}
	fmt.Println("target   1 day     30 days   31 days   365 days")
	for _, s := range []string{"99%", "99.9%", "99.95%", "99.99%", "99.999%"} {
		target := sla.MustTarget(s)
		line := fmt.Sprintf("%-8s", target)
		for _, p := range periods {
			line += fmt.Sprintf(" %-9v", target.Allowance(p))
		}
		fmt.Println(strings.TrimSpace(line))
	}
	// Output:
	// target   1 day     30 days   31 days   365 days
	// 99%      14m24s    7h12m0s   7h26m24s  87h36m0s
	// 99.9%    1m26.4s   43m12s    44m38.4s  8h45m36s
	// 99.95%   43.2s     21m36s    22m19.2s  4h22m48s
	// 99.99%   8.64s     4m19.2s   4m27.84s  52m33.6s
	// 99.999%  864ms     25.92s    26.784s   5m15.36s
}

func ExampleParseTarget() {
	a, _ := sla.ParseTarget("99.95%")
	b, _ := sla.ParseTarget("0.9995")
	fmt.Println(a, b, a == b)
	_, err := sla.ParseTarget("99.95")
	fmt.Println(err)
	// Output:
	// 99.95% 99.95% true
	// sla: invalid target "99.95": a number without % is a ratio and must be in [0, 1]; for a percentage write "99.95%"
}

// How much error budget is left this month, measured in business hours.
func ExampleMeasureOutages() {
	day := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	// Business hours 09:00–17:00 on 2–6 March: 40 hours.
	var hours []window.Interval
	for d := 2; d <= 6; d++ {
		hours = append(hours, window.Between(day(d, 9, 0), day(d, 17, 0)))
	}
	business := window.NewSet(hours...)
	down := window.NewSet(
		window.Between(day(3, 16, 50), day(3, 17, 20)), // 10 minutes in business hours
		window.Between(day(4, 2, 0), day(4, 3, 0)),     // at night: not measured
	)
	m := sla.MeasureOutages(sla.Scope{
		Period:   window.Between(day(2, 0, 0), day(9, 0, 0)),
		Schedule: &business,
	}, down, sla.OutageRules{})
	b := m.Budget(sla.MustTarget("99.5%"))
	fmt.Println("measured:", m.Measured, "down:", m.Down, "availability:", m.Ratio().Percent(3))
	fmt.Println("allowed:", b.Allowed(), "remaining:", b.Remaining(), "consumed:", b.FractionConsumed().Percent(1))
	// Output:
	// measured: 40h0m0s down: 10m0s availability: 99.583%
	// allowed: 12m0s remaining: 2m0s consumed: 83.3%
}

// Whether to page: evaluate the multiwindow burn-rate policy of a
// 30-day SLO against error ratios measured over each window.
func ExampleAlertPolicy_Evaluate() {
	target := sla.MustTarget("99.9%")
	policy := sla.DefaultAlertPolicy(30 * 24 * time.Hour)
	// 2% errors over the last hour, 3% over the last 5 minutes, 0.05%
	// over anything longer.
	observed := func(w time.Duration) sla.Ratio {
		var r sla.Ratio
		switch {
		case w <= 5*time.Minute:
			r, _ = sla.NewRatio(970, 1000)
		case w <= time.Hour:
			r, _ = sla.NewRatio(9800, 10000)
		default:
			r, _ = sla.NewRatio(99950, 100000)
		}
		return r
	}
	for _, a := range policy.Evaluate(target, observed, nil) {
		fmt.Printf("%-6s %v/%v burn > %v: long %v, short %v, firing %v\n",
			a.Rule.Severity, a.Rule.Long, a.Rule.Short, a.Threshold(), a.LongBurn(), a.ShortBurn(), a.Firing)
	}
	// Output:
	// page   1h0m0s/5m0s burn > 14.4: long 20, short 30, firing true
	// page   6h0m0s/30m0s burn > 6: long 0.5, short 20, firing false
	// ticket 24h0m0s/2h0m0s burn > 3: long 0.5, short 0.5, firing false
	// ticket 72h0m0s/6h0m0s burn > 1: long 0.5, short 0.5, firing false
}

// The credit owed for a month's measured availability.
func ExampleCreditSchedule_Credit() {
	p := sla.MustTarget
	credits := sla.CreditSchedule{Tiers: []sla.CreditTier{
		{Lower: sla.AtLeast(p("99%")), Upper: sla.Below(p("99.95%")), Credit: sla.MustShare("10%")},
		{Lower: sla.AtLeast(p("95%")), Upper: sla.Below(p("99%")), Credit: sla.MustShare("25%")},
		{Upper: sla.Below(p("95%")), Credit: sla.MustShare("100%")},
	}}
	if err := credits.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	month := 30 * 24 * time.Hour
	for _, down := range []time.Duration{21*time.Minute + 36*time.Second, 22 * time.Minute, 4 * time.Hour, 3 * 24 * time.Hour} {
		r := sla.TimeRatio(month, down)
		credit, tier := credits.Credit(r)
		fmt.Printf("down %-9v availability %s: credit %v (tier %d)\n", down, r.Percent(3), credit, tier)
	}
	// Output:
	// down 21m36s    availability 99.950%: credit 0% (tier -1)
	// down 22m0s     availability 99.949%: credit 10% (tier 0)
	// down 4h0m0s    availability 99.444%: credit 10% (tier 0)
	// down 72h0m0s   availability 90.000%: credit 100% (tier 2)
}

func ExampleSerial() {
	p := sla.MustTarget
	fmt.Println(sla.Serial(p("99.9%"), p("99.9%")).Percent(4))
	fmt.Println(sla.Redundant(p("99%"), p("99%")).Percent(4))
	// Output:
	// 99.8001%
	// 99.9900%
}

// A burn-rate threshold given directly, as OpenSLO and Prometheus users
// write it: burn 14.4 over an hour in a 28-day SLO spends 3/140 of the
// budget, a share no decimal holds, and the rule holds the threshold
// exactly.
func ExampleNewBurnRule() {
	burn, _ := sla.ParseRational("14.4")
	rule, err := sla.NewBurnRule(sla.SeverityPage, burn, time.Hour, 5*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("burn >", rule.Burn(), "over", rule.Long, "and", rule.Short)
	fmt.Println("share of a 28-day budget:", rule.BudgetShare(28*24*time.Hour))
	fmt.Println("share of a 30-day budget:", rule.BudgetShare(30*24*time.Hour))
	// Output:
	// burn > 14.4 over 1h0m0s and 5m0s
	// share of a 28-day budget: 3/140
	// share of a 30-day budget: 0.02
}
