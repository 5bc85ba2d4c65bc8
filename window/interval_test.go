package window_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/window"
)

func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

func TestParseInterval(t *testing.T) {
	plus1 := time.FixedZone("", 3600)
	tests := []struct {
		name string
		in   string
		want window.Interval
	}{
		{"start/end in UTC", "2026-03-01T00:00:00Z/2026-04-01T00:00:00Z",
			window.Between(utc(2026, 3, 1, 0, 0, 0), utc(2026, 4, 1, 0, 0, 0))},
		{"empty interval is allowed", "2026-03-01T00:00:00Z/2026-03-01T00:00:00Z",
			window.Between(utc(2026, 3, 1, 0, 0, 0), utc(2026, 3, 1, 0, 0, 0))},
		{"Go duration", "2026-03-01T09:00:00Z/4h30m",
			window.Between(utc(2026, 3, 1, 9, 0, 0), utc(2026, 3, 1, 13, 30, 0))},
		{"ISO duration with time part", "2026-03-01T09:00:00Z/PT4H30M",
			window.Between(utc(2026, 3, 1, 9, 0, 0), utc(2026, 3, 1, 13, 30, 0))},
		{"ISO month is a calendar month: March has 31 days", "2026-03-01T00:00:00Z/P1M",
			window.Between(utc(2026, 3, 1, 0, 0, 0), utc(2026, 4, 1, 0, 0, 0))},
		{"ISO weeks and days add up", "2026-03-01T00:00:00Z/P1W2D",
			window.Between(utc(2026, 3, 1, 0, 0, 0), utc(2026, 3, 10, 0, 0, 0))},
		{"ISO fractional seconds", "2026-03-01T00:00:00Z/PT1.5S",
			window.Between(utc(2026, 3, 1, 0, 0, 0), utc(2026, 3, 1, 0, 0, 1).Add(500*time.Millisecond))},
		{"offsets are kept", "2026-03-01T00:00:00+01:00/PT1H",
			window.Between(time.Date(2026, 3, 1, 0, 0, 0, 0, plus1), time.Date(2026, 3, 1, 1, 0, 0, 0, plus1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := window.ParseInterval(tt.in)
			require.NoError(t, err)
			assert.True(t, got.Start.Equal(tt.want.Start) && got.End.Equal(tt.want.End),
				"(-want +got)\n%s", cmp.Diff(tt.want.String(), got.String()))
		})
	}
}

func TestParseIntervalErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"no slash", "2026-03-01T00:00:00Z"},
		{"end before start", "2026-03-02T00:00:00Z/2026-03-01T00:00:00Z"},
		{"negative Go duration", "2026-03-01T00:00:00Z/-1h"},
		{"bad start", "yesterday/PT1H"},
		{"bad end", "2026-03-01T00:00:00Z/2026-13-01T00:00:00Z"},
		{"lower-case t is not RFC 3339", "2026-03-01t00:00:00Z/PT1H"},
		{"empty ISO duration", "2026-03-01T00:00:00Z/P"},
		{"ISO T with nothing after", "2026-03-01T00:00:00Z/PT"},
		{"ISO components out of order", "2026-03-01T00:00:00Z/P1D1Y"},
		{"ISO repeated component", "2026-03-01T00:00:00Z/PT1H1H"},
		{"ISO number without designator", "2026-03-01T00:00:00Z/PT15"},
		{"ISO huge number", "2026-03-01T00:00:00Z/P99999999999D"},
		{"past the end of year 9999 at -12:00", "9999-12-31T12:00:01Z/P1D"},
		{"Go duration overflow", "2026-03-01T00:00:00Z/9999999999h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := window.ParseInterval(tt.in)
			require.Error(t, err)
			var pe *window.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
			assert.Contains(t, err.Error(), tt.in, "the error quotes the input")
		})
	}
	_, err := window.ParseInterval("2026-03-02T00:00:00Z/2026-03-01T00:00:00Z")
	assert.True(t, errors.Is(err, window.ErrEndBeforeStart))
}

func TestIntervalMethods(t *testing.T) {
	a := window.Between(utc(2026, 1, 1, 9, 0, 0), utc(2026, 1, 1, 17, 0, 0))
	b := window.Between(utc(2026, 1, 1, 17, 0, 0), utc(2026, 1, 1, 18, 0, 0))
	c := window.Between(utc(2026, 1, 1, 16, 0, 0), utc(2026, 1, 1, 18, 0, 0))
	assert.Equal(t, 8*time.Hour, a.Duration())
	assert.False(t, a.Overlaps(b), "touching intervals do not overlap")
	assert.True(t, a.Overlaps(c))
	assert.True(t, a.Intersect(c).Equal(window.Between(utc(2026, 1, 1, 16, 0, 0), utc(2026, 1, 1, 17, 0, 0))))
	assert.True(t, a.Intersect(b).Empty())
	assert.True(t, a.Contains(a.Start), "start is inside")
	assert.False(t, a.Contains(a.End), "end is outside")
	backwards := window.Between(a.End, a.Start)
	assert.True(t, backwards.Empty())
	assert.Equal(t, time.Duration(0), backwards.Duration())
	assert.True(t, window.Interval{}.IsZero())
	assert.True(t, window.Last(time.Hour, a.End).Equal(window.Between(utc(2026, 1, 1, 16, 0, 0), a.End)))

	// The monotonic reading must not change a result.
	now := time.Now()
	iv := window.Between(now, now.Add(time.Hour))
	assert.True(t, iv.Contains(now.Round(0)))
}

func TestIntervalText(t *testing.T) {
	var iv window.Interval
	require.NoError(t, iv.UnmarshalText([]byte("2026-03-01T09:00:00.5+05:30/PT1H")))
	text, err := iv.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01T09:00:00.5+05:30/2026-03-01T10:00:00.5+05:30", string(text))
	_, err = window.Between(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10001, 1, 1, 0, 0, 0, 0, time.UTC)).MarshalText()
	assert.Error(t, err)
}
