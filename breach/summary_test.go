package breach

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

func TestSummarize(t *testing.T) {
	october := window.Between(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	// Three availability breaches in November (credits 10%, 25%, 12.5%)
	// and one in October (10%); one response breach in November.
	// Detected 1 December 00:00; report due 04:00, resolve due 2
	// December 00:00.
	mk := func(id string, period window.Interval, credit string) Record {
		f := availabilityFacts(id)
		f.Period, f.Credit = period, sla.MustShare(credit)
		f.OccurredAt = period.Start
		return mustOpen(t, f, wallDay)
	}
	detected := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	n1 := mk("n1", novemberUTC, "10%")
	n2, err := mk("n2", novemberUTC, "25%").Report("cause", detected.Add(time.Hour))
	require.NoError(t, err)
	n3, err := mk("n3", novemberUTC, "12.5%").Report("cause", detected.Add(time.Hour))
	require.NoError(t, err)
	n3, err = n3.Resolve(detected.Add(2 * time.Hour))
	require.NoError(t, err)
	o1 := mk("o1", october, "10%")
	// Detected after the summary instant: left out of it.
	lateF := availabilityFacts("late")
	lateF.DetectedAt = detected.Add(10 * time.Hour)
	late := mustOpen(t, lateF, wallDay)
	resp := mustOpen(t, responseFacts("t1"), wallDay) // detected in November, report due 10 Nov 21:05

	at := detected.Add(5 * time.Hour) // 1 December 05:00: past every report due, before the resolve dues
	got := Summarize([]Record{n1, resp, n2, o1, late, n3}, at)
	want := []Summary{
		// n1 open and report overdue; n2 reported; n3 resolved.
		{Term: "api availability", Period: october, Breaches: 1, Unreported: 1, Unresolved: 1, ReportOverdue: 1,
			Credit: sla.MustShare("10%")},
		{Term: "api availability", Period: novemberUTC, Breaches: 3, Unreported: 1, Unresolved: 2, ReportOverdue: 1,
			Credit: sla.MustShare("25%")},
		// resp: report due 10 November 21:05 and resolve due 11
		// November 17:05 are both past: two overdue obligations, though
		// its Status names only the resolution.
		{Term: "p1 response", Period: novemberUTC, Breaches: 1, Unreported: 1, Unresolved: 1, ReportOverdue: 1, ResolutionOverdue: 1,
			Credit: sla.MustShare("0.5%")},
	}
	// November's credit is the largest of 10%, 25% and 12.5%: credits of
	// one term and period do not add up.
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b sla.Share) bool { return a == b })); diff != "" {
		t.Errorf("Summarize (-want +got):\n%s", diff)
	}
	// Before any report: at 00:30 nothing is overdue and n2, n3 are not
	// yet reported.
	early := Summarize([]Record{n2, n3}, detected.Add(30*time.Minute))
	if len(early) != 1 || early[0].Unreported != 2 || early[0].Unresolved != 2 || early[0].ReportOverdue != 0 {
		t.Errorf("Summarize at 00:30 = %+v", early)
	}
}
