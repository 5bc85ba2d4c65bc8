package calendar_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
)

// TestWith: a calendar with holidays added keeps its own definition and
// adds theirs; the calendar it came from is unchanged. In a Berlin desk of
// Monday to Friday 09:00-17:00 with Christmas Day, the week of Monday 21
// December 2026 has 4 × 8 = 32 open hours; with 24 December added, 24
// hours.
func TestWith(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	base, err := calendar.New(berlin,
		calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")),
		calendar.Holidays(calendar.Fixed("Christmas Day", time.December, 25)))
	require.NoError(t, err)
	week := func(c *calendar.Calendar) time.Duration {
		return c.Between(time.Date(2026, 12, 21, 0, 0, 0, 0, berlin), time.Date(2026, 12, 28, 0, 0, 0, 0, berlin))
	}
	more, err := base.With(calendar.Holidays(calendar.OnDate("Christmas Eve", calendar.Date{Year: 2026, Month: time.December, Day: 24})))
	require.NoError(t, err)
	assert.Equal(t, 32*time.Hour, week(base), "unchanged")
	assert.Equal(t, 24*time.Hour, week(more))
	assert.Len(t, more.Spec().Holidays, 2)
	assert.Equal(t, base.Location(), more.Location())

	_, err = base.With(calendar.Holidays(calendar.Fixed("Nowhere", time.February, 30)))
	var fe *calendar.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "holidays[1].day", fe.Path, "numbered after the calendar's own rule")
	assert.ErrorIs(t, err, calendar.ErrNoSuchDate)
}
