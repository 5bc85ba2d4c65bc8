package breach

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

// TestPeriodYears: a period may end where year 9999 ends in any zone, as
// window's rule of years says; such a record goes through a ledger and
// back. Year 0 and ends past the end of year 9999 at -12:00 are refused.
func TestPeriodYears(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	minus12 := time.FixedZone("", -12*3600)
	dec9999 := func(loc *time.Location) window.Interval {
		return window.Month.Containing(time.Date(9999, 12, 15, 0, 0, 0, 0, loc), loc)
	}
	tests := []struct {
		name    string
		period  window.Interval
		wantErr string // "" for a period that is accepted
	}{
		// December 9999 in New York (EST, -05:00) ends at 10000-01-01T05:00:00Z.
		{"December 9999 in New York", dec9999(ny), ""},
		{"December 9999 at -12:00", dec9999(minus12), ""},
		{"the year 9999 in UTC", window.Year.Containing(time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC), time.UTC), ""},
		// The zero time.Time is 0001-01-01T00:00:00Z and means "not set"; in
		// New York (LMT, -4:56:02) year 1 starts 4h56m02s later.
		{"January of year 1 in New York", window.Month.Containing(time.Date(1, 1, 15, 0, 0, 0, 0, ny), ny), ""},
		{"January of year 0", window.Month.Containing(time.Date(0, 1, 15, 0, 0, 0, 0, time.UTC), time.UTC),
			"Period.Start 0000-01-01 00:00:00 +0000 UTC: year 0 in UTC is outside years 1-9999"},
		{"an end past the end of year 9999 at -12:00",
			window.Between(time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 12, 0, 1, 0, time.UTC)),
			"Period.End 10000-01-01 12:00:01 +0000 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := responseFacts("r-1")
			f.Period = tt.period
			f.OccurredAt = time.Date(9999, 12, 20, 10, 0, 0, 0, time.UTC)
			f.DetectedAt = f.OccurredAt
			var buf bytes.Buffer
			l, err := NewLedger(&buf, nil)
			require.NoError(t, err)
			r, err := l.Open(f, wallDay)
			if tt.wantErr != "" {
				require.Error(t, err)
				require.True(t, errors.Is(err, ErrInvalid), "%v does not wrap ErrInvalid", err)
				require.Contains(t, err.Error(), tt.wantErr)
				require.Contains(t, err.Error(), "outside years 1-9999")
				return
			}
			require.NoError(t, err)
			if !r.Facts().Period.Equal(tt.period) {
				t.Errorf("Period = %v, want %v", r.Facts().Period, tt.period)
			}
			got, err := Replay(strings.NewReader(buf.String()))
			require.NoError(t, err, "ledger:\n%s", buf.String())
			if diff := cmp.Diff(l.Records(), got, cmpOpts); diff != "" {
				t.Errorf("Replay (-want +got):\n%s", diff)
			}
		})
	}
}
