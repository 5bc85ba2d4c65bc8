package oneoff_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/internal/oneoff"
)

func d(y int, m time.Month, day int) calendar.Date { return calendar.Date{Year: y, Month: m, Day: day} }

func TestRulesGiveExactlyTheDays(t *testing.T) {
	days := []oneoff.Day{
		{"Closure", d(2026, 12, 28)}, {"Closure", d(2026, 12, 24)}, // out of order, twice a year
		{"Christmas", d(2026, 12, 25)}, {"Closure", d(2027, 12, 24)},
		{"Christmas", d(2026, 12, 25)},                        // given twice: once
		{"Bad", calendar.Date{Year: 2026, Month: 2, Day: 30}}, // invalid: left out
		{"Christmas", d(2030, 12, 25)},                        // years between have none
	}
	rules := oneoff.Rules(days)
	require.Len(t, rules, 3, "Closure twice a year, Christmas once")
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
	require.NoError(t, err)
	var got []string
	for y := 2025; y <= 2031; y++ {
		for _, h := range cal.HolidaysIn(y) {
			require.Equal(t, h.Date, h.Observed, "never moved")
			got = append(got, h.Date.String()+" "+h.Name)
		}
	}
	want := []string{"2026-12-24 Closure", "2026-12-25 Christmas", "2026-12-28 Closure", "2027-12-24 Closure", "2030-12-25 Christmas"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("holidays (-want +got):\n%s", diff)
	}
}

// Ten years of days under a dozen names are a dozen rules, not 120.
func TestManyYearsFewRules(t *testing.T) {
	var days []oneoff.Day
	for y := 2020; y < 2030; y++ {
		for m := time.January; m <= time.December; m++ {
			days = append(days, oneoff.Day{Name: m.String(), Date: d(y, m, 1)})
		}
	}
	rules := oneoff.Rules(days)
	require.Len(t, rules, 12)
	_, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
	require.NoError(t, err)
}

// A calendar of such rules answers from several goroutines at once (run
// with -race): the rules only read their tables.
func TestConcurrentLookups(t *testing.T) {
	var days []oneoff.Day
	for y := 1990; y < 2060; y++ {
		days = append(days, oneoff.Day{Name: "Founders' Day", Date: d(y, 3, 3)})
	}
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(oneoff.Rules(days)...))
	require.NoError(t, err)
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func() {
			n := 0
			for y := 1990; y < 2060; y++ {
				n += len(cal.HolidaysIn(y))
			}
			done <- n
		}()
	}
	for g := 0; g < 4; g++ {
		require.Equal(t, 70, <-done)
	}
}
