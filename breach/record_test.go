package breach

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

func TestOpen(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	f := availabilityFacts("b-1")
	// Instants given in another zone come back in UTC, the same instants.
	f.DetectedAt = f.DetectedAt.In(berlin)
	r, err := Open(f, wallDay)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	want := availabilityFacts("b-1")
	if diff := cmp.Diff(want, r.Facts(), cmpOpts); diff != "" {
		t.Errorf("Facts() (-want +got):\n%s", diff)
	}
	if r.Facts().DetectedAt.Location() != time.UTC {
		t.Errorf("DetectedAt location = %v, want UTC", r.Facts().DetectedAt.Location())
	}
	// Detected 1 December 00:00 UTC; wall-time obligation 4h and 24h.
	if got, want := r.ReportDue(), time.Date(2026, 12, 1, 4, 0, 0, 0, time.UTC); got != want {
		t.Errorf("ReportDue = %v, want %v", got, want)
	}
	if got, want := r.ResolveDue(), time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC); got != want {
		t.Errorf("ResolveDue = %v, want %v", got, want)
	}
	if r.IsReported() || r.IsResolved() || r.Reason() != "" {
		t.Errorf("new record is reported/resolved: %+v", r)
	}
}

func TestOpenResponseShortfall(t *testing.T) {
	// 9h30m elapsed against an 8h target: 1h30m short.
	r := mustOpen(t, responseFacts("t-1"), wallDay)
	if got, want := r.Facts().Shortfall, 90*time.Minute; got != want {
		t.Errorf("Shortfall = %v, want %v", got, want)
	}
	f := responseFacts("t-1")
	f.Shortfall = 90 * time.Minute
	if _, err := Open(f, wallDay); err != nil {
		t.Errorf("Open with the right shortfall given: %v", err)
	}
}

func TestOpenInvalid(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Facts)
		field  string // the error must name it
	}{
		{"empty ID", func(f *Facts) { f.ID = "" }, "ID"},
		{"ID not UTF-8", func(f *Facts) { f.ID = "\xff" }, "ID"},
		{"empty term", func(f *Facts) { f.Term = "" }, "Term"},
		{"segment not UTF-8", func(f *Facts) { f.Segment = "a\xffb" }, "Segment"},
		{"empty period", func(f *Facts) { f.Period.End = f.Period.Start }, "Period"},
		{"period end after year 9999 ends at -12:00", func(f *Facts) { f.Period.End = time.Date(10000, 1, 1, 12, 0, 0, 1, time.UTC) }, "Period.End"},
		{"no kind", func(f *Facts) { f.Kind = 0 }, "Kind"},
		{"unknown kind", func(f *Facts) { f.Kind = 9 }, "Kind"},
		{"measured meets target", func(f *Facts) { f.Measured = sla.TimeRatio(novemberUTC.Duration(), 2592*time.Second) }, "Measured"},
		{"measured empty", func(f *Facts) { f.Measured = sla.Ratio{} }, "Measured"},
		{"availability with elapsed", func(f *Facts) { f.Elapsed = time.Hour }, "TargetDuration/Elapsed"},
		{"negative shortfall", func(f *Facts) { f.Shortfall = -1 }, "Shortfall"},
		{"zero occurred", func(f *Facts) { f.OccurredAt = time.Time{} }, "OccurredAt"},
		{"zero detected", func(f *Facts) { f.DetectedAt = time.Time{} }, "DetectedAt"},
		{"detected before occurred", func(f *Facts) { f.DetectedAt = f.OccurredAt.Add(-time.Nanosecond) }, "DetectedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := availabilityFacts("b-1")
			tt.modify(&f)
			_, err := Open(f, wallDay)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Open error = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), " "+tt.field+" ") || !strings.HasPrefix(err.Error(), "breach: ") {
				t.Errorf("error %q does not name field %s", err, tt.field)
			}
		})
	}
	responseTests := []struct {
		name   string
		modify func(*Facts)
		field  string
	}{
		{"elapsed equals target", func(f *Facts) { f.Elapsed = f.TargetDuration }, "Elapsed"},
		{"negative target", func(f *Facts) { f.TargetDuration = -time.Hour }, "TargetDuration"},
		{"wrong shortfall", func(f *Facts) { f.Shortfall = time.Hour }, "Shortfall"},
		{"response with target", func(f *Facts) { f.Target = sla.MustTarget("99%") }, "Target/Measured"},
	}
	for _, tt := range responseTests {
		t.Run(tt.name, func(t *testing.T) {
			f := responseFacts("t-1")
			tt.modify(&f)
			_, err := Open(f, wallDay)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Open error = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), " "+tt.field+" ") {
				t.Errorf("error %q does not name field %s", err, tt.field)
			}
		})
	}
	t.Run("bad obligation", func(t *testing.T) {
		_, err := Open(availabilityFacts("b-1"), contract.Obligations{ReportWithin: -time.Second})
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "report_within") {
			t.Fatalf("Open error = %v, want ErrInvalid naming report_within", err)
		}
	})
}

func TestOpenZeroPeriod(t *testing.T) {
	f := responseFacts("t-1")
	f.Period = window.Interval{}
	r := mustOpen(t, f, wallDay)
	if !r.Facts().Period.IsZero() {
		t.Errorf("Period = %v, want zero", r.Facts().Period)
	}
}

func TestKindText(t *testing.T) {
	for _, k := range []Kind{Availability, Response} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%v): %v", k, err)
		}
		var got Kind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, k)
		}
	}
	if _, err := Kind(7).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarshalText(Kind(7)) error = %v, want ErrInvalid", err)
	}
	var k Kind
	if err := k.UnmarshalText([]byte("Availability")); !errors.Is(err, ErrInvalid) {
		t.Errorf("UnmarshalText(Availability) error = %v, want ErrInvalid", err)
	}
	if got := Kind(7).String(); got != "Kind(7)" {
		t.Errorf("Kind(7).String() = %q", got)
	}
}
