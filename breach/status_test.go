package breach

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla/contract"
)

func TestStatusAtDueInstants(t *testing.T) {
	// Detected 1 December 2026 00:00 UTC; report due 04:00, resolve due
	// 2 December 00:00 (wall time, 4h and 24h).
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	detected := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	reportDue := time.Date(2026, 12, 1, 4, 0, 0, 0, time.UTC)
	resolveDue := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	reported, err := r.Report("fibre cut at the upstream provider", reportDue)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	resolved, err := reported.Resolve(resolveDue)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	lateReported, err := r.Report("late", reportDue.Add(time.Nanosecond))
	if err != nil {
		t.Fatalf("Report late: %v", err)
	}
	ns := time.Nanosecond
	tests := []struct {
		name string
		r    Record
		at   time.Time
		want Status
	}{
		{"open at detection", r, detected, StatusOpen},
		{"open before detection", r, detected.Add(-time.Hour), StatusOpen},
		{"open at the report due instant itself", r, reportDue, StatusOpen},
		{"report overdue one nanosecond after", r, reportDue.Add(ns), StatusReportOverdue},
		{"report overdue at the resolve due instant", r, resolveDue, StatusReportOverdue},
		{"resolution overdue wins one nanosecond after", r, resolveDue.Add(ns), StatusResolutionOverdue},
		{"reported on the due instant: open just before", reported, reportDue.Add(-ns), StatusOpen},
		{"reported on the due instant", reported, reportDue, StatusReported},
		{"reported, still in time at resolve due", reported, resolveDue, StatusReported},
		{"reported, resolution overdue after", reported, resolveDue.Add(ns), StatusResolutionOverdue},
		{"resolved on the due instant", resolved, resolveDue, StatusResolved},
		{"resolved: reported just before resolution", resolved, resolveDue.Add(-ns), StatusReported},
		{"resolved stays resolved", resolved, resolveDue.Add(1000 * time.Hour), StatusResolved},
		{"late report: open at the due instant", lateReported, reportDue, StatusOpen},
		{"late report: reported from then", lateReported, reportDue.Add(ns), StatusReported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Status(tt.at); got != tt.want {
				t.Errorf("Status(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
	if reported.ReportedLate() {
		t.Error("report on the due instant counts as late")
	}
	if !lateReported.ReportedLate() {
		t.Error("report one nanosecond after the due instant is not late")
	}
	if resolved.ResolvedLate() {
		t.Error("resolution on the due instant counts as late")
	}
	if late, _ := reported.Resolve(resolveDue.Add(ns)); !late.ResolvedLate() {
		t.Error("resolution one nanosecond after the due instant is not late")
	}
	if !r.ReportOverdue(reportDue.Add(ns)) || r.ReportOverdue(reportDue) {
		t.Error("ReportOverdue disagrees with the due-instant rule")
	}
	if !r.ResolutionOverdue(resolveDue.Add(ns)) || r.ResolutionOverdue(resolveDue) {
		t.Error("ResolutionOverdue disagrees with the due-instant rule")
	}
}

func TestLifecycleErrors(t *testing.T) {
	open := mustOpen(t, availabilityFacts("b-1"), wallDay)
	detected := open.Facts().DetectedAt
	reported, err := open.Report("power failure in rack 12", detected.Add(time.Hour))
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	resolved, err := reported.Resolve(detected.Add(2 * time.Hour))
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	tests := []struct {
		name string
		do   func() (Record, error)
		want error
	}{
		{"report with an empty reason", func() (Record, error) { return open.Report("", detected) }, ErrNoReason},
		{"report with a blank reason", func() (Record, error) { return open.Report(" \t\n", detected) }, ErrNoReason},
		{"report with a reason not UTF-8", func() (Record, error) { return open.Report("\xfe", detected) }, ErrInvalid},
		{"report twice", func() (Record, error) { return reported.Report("again", detected.Add(3*time.Hour)) }, ErrAlreadyReported},
		{"report after resolution", func() (Record, error) { return resolved.Report("again", detected.Add(3*time.Hour)) }, ErrAlreadyReported},
		{"report before detection", func() (Record, error) { return open.Report("early", detected.Add(-time.Nanosecond)) }, ErrBackdated},
		{"report at the zero time", func() (Record, error) { return open.Report("when?", time.Time{}) }, ErrInvalid},
		{"resolve before report", func() (Record, error) { return open.Resolve(detected.Add(time.Hour)) }, ErrNotReported},
		{"resolve twice", func() (Record, error) { return resolved.Resolve(detected.Add(3 * time.Hour)) }, ErrAlreadyResolved},
		{"resolve dated before the report", func() (Record, error) { return reported.Resolve(detected.Add(time.Hour - 1)) }, ErrBackdated},
		{"report a zero Record", func() (Record, error) { return Record{}.Report("x", detected) }, ErrInvalid},
		{"resolve a zero Record", func() (Record, error) { return Record{}.Resolve(detected) }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.do()
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if got != (Record{}) {
				t.Errorf("a failed step returned a record: %+v", got)
			}
		})
	}
	// Steps return new values and leave the receiver as it was.
	if open.IsReported() || reported.IsResolved() {
		t.Error("Report or Resolve changed its receiver")
	}
	if got := resolved.Reason(); got != "power failure in rack 12" {
		t.Errorf("Reason = %q", got)
	}
	// The instant's location does not matter: it is kept in UTC.
	newYork := mustLoad(t, "America/New_York")
	inNY, err := open.Report("cause", detected.Add(time.Hour).In(newYork))
	require.NoError(t, err)
	if got := inNY.ReportedAt(); got != detected.Add(time.Hour) || got.Location() != time.UTC {
		t.Errorf("ReportedAt = %v, want %v in UTC", got, detected.Add(time.Hour))
	}
	if inNY != reported.withReason("cause") {
		t.Error("a report given in New York time differs from the same instant in UTC")
	}
	// Reporting exactly at detection and resolving exactly at the report
	// are in order.
	r, err := open.Report("found and explained at once", detected)
	if err != nil {
		t.Fatalf("Report at detection: %v", err)
	}
	if _, err := r.Resolve(detected); err != nil {
		t.Fatalf("Resolve at the report instant: %v", err)
	}
}

func TestStatusString(t *testing.T) {
	want := map[Status]string{
		StatusOpen: "open", StatusReported: "reported", StatusResolved: "resolved",
		StatusReportOverdue: "report overdue", StatusResolutionOverdue: "resolution overdue",
		0: "Status(0)",
	}
	for s, w := range want {
		if got := s.String(); got != w {
			t.Errorf("Status(%d).String() = %q, want %q", uint8(s), got, w)
		}
	}
}

// TestStatusProperty checks Status on random records and instants
// against a reference that works on plain nanosecond offsets from
// detection.
func TestStatusProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2026))
	base := availabilityFacts("p")
	detected := base.DetectedAt
	for i := range 20000 {
		// Offsets from detection, in a small range so that ties with the
		// due instants are common.
		reportIn := time.Duration(rng.IntN(8))
		resolveIn := time.Duration(rng.IntN(8))
		r := mustOpen(t, base, contract.Obligations{ReportWithin: reportIn, ResolveWithin: resolveIn})
		reportedAt, resolvedAt := time.Duration(-1), time.Duration(-1) // -1: never
		if rng.IntN(3) > 0 {
			reportedAt = time.Duration(rng.IntN(10))
			var err error
			if r, err = r.Report("cause", detected.Add(reportedAt)); err != nil {
				t.Fatal(err)
			}
			if rng.IntN(2) > 0 {
				resolvedAt = reportedAt + time.Duration(rng.IntN(10))
				if r, err = r.Resolve(detected.Add(resolvedAt)); err != nil {
					t.Fatal(err)
				}
			}
		}
		at := time.Duration(rng.IntN(24) - 2)
		var want Status
		done := func(x time.Duration) bool { return x >= 0 && x <= at }
		switch {
		case done(resolvedAt):
			want = StatusResolved
		case at > resolveIn:
			want = StatusResolutionOverdue
		case !done(reportedAt) && at > reportIn:
			want = StatusReportOverdue
		case done(reportedAt):
			want = StatusReported
		default:
			want = StatusOpen
		}
		if got := r.Status(detected.Add(at)); got != want {
			t.Fatalf("case %d: report within %d, resolve within %d, reported %d, resolved %d: Status(+%d) = %v, want %v",
				i, reportIn, resolveIn, reportedAt, resolvedAt, at, got, want)
		}
		if got, want := r.ReportOverdue(detected.Add(at)), !done(reportedAt) && at > reportIn; got != want {
			t.Fatalf("case %d: ReportOverdue = %v, want %v", i, got, want)
		}
		if got, want := r.ResolutionOverdue(detected.Add(at)), !done(resolvedAt) && at > resolveIn; got != want {
			t.Fatalf("case %d: ResolutionOverdue = %v, want %v", i, got, want)
		}
	}
}

// withReason returns r with its reason replaced, for comparisons.
func (r Record) withReason(reason string) Record {
	r.reason = reason
	return r
}
