package breach

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// novemberUTC is November 2026 in UTC: 30 days, 2,592,000 s.
var novemberUTC = window.Between(
	time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))

// availabilityFacts is a 99.9% monthly term missed by one hour of
// downtime in November 2026. FACTS.md: 99.9% of 30 days allows 2592 s,
// so the shortfall is 3600 − 2592 = 1008 s. Credit 10%.
func availabilityFacts(id string) Facts {
	return Facts{
		ID:         id,
		Kind:       Availability,
		Term:       "api availability",
		Segment:    "business hours",
		Period:     novemberUTC,
		Target:     sla.MustTarget("99.9%"),
		Measured:   sla.TimeRatio(novemberUTC.Duration(), time.Hour),
		Shortfall:  1008 * time.Second,
		OccurredAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC),
		DetectedAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Credit:     sla.MustShare("10%"),
	}
}

// responseFacts is a ticket with an 8-hour target that took 9h30m.
func responseFacts(id string) Facts {
	return Facts{
		ID:             id,
		Kind:           Response,
		Term:           "p1 response",
		Period:         novemberUTC,
		TargetDuration: 8 * time.Hour,
		Elapsed:        9*time.Hour + 30*time.Minute,
		OccurredAt:     time.Date(2026, 11, 10, 17, 0, 0, 0, time.UTC),
		DetectedAt:     time.Date(2026, 11, 10, 17, 5, 0, 0, time.UTC),
		Credit:         sla.MustShare("0.5%"),
	}
}

// wallDay is an obligation to report within 4 and resolve within 24
// hours of wall time.
var wallDay = contract.Obligations{ReportWithin: 4 * time.Hour, ResolveWithin: 24 * time.Hour}

func mustOpen(t testing.TB, f Facts, ob contract.Obligations) Record {
	t.Helper()
	r, err := Open(f, ob)
	if err != nil {
		t.Fatalf("Open(%s): %v", f.ID, err)
	}
	return r
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not available: %v", name, err)
	}
	return loc
}

// cmpOpts compare sla values by ==, which compares them exactly.
var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b sla.Target) bool { return a == b }),
	cmp.Comparer(func(a, b sla.Ratio) bool { return a == b }),
	cmp.Comparer(func(a, b sla.Share) bool { return a == b }),
}
