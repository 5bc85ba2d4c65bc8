package calendar

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slamath/slamath/window"
	"github.com/stretchr/testify/require"
)

func mustNew(t testing.TB, loc *time.Location, opts ...Option) *Calendar {
	t.Helper()
	c, err := New(loc, opts...)
	require.NoError(t, err)
	return c
}

// TestKnownAnswers pins the cases of the issue. Each answer is derived in
// its comment from the hours and the zone rules, not from the code.
func TestKnownAnswers(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	ny := loadZone(t, "America/New_York")
	nineToFive := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	tests := []struct {
		name string
		cal  *Calendar
		a, b time.Time
		want time.Duration
	}{
		{
			// Friday 16:00–17:00 is one hour, Monday 09:00–10:00 another; the
			// clocks change on Sunday 29 March, outside business hours.
			name: "Berlin Friday to Monday across the spring change",
			cal:  nineToFive,
			a:    at(ber, 2026, 3, 27, 16, 0), b: at(ber, 2026, 3, 30, 10, 0),
			want: 2 * time.Hour,
		},
		{
			// Saturday is closed; Monday 09:00–10:00 is one hour.
			name: "Saturday to Monday",
			cal:  nineToFive,
			a:    at(ber, 2026, 3, 7, 10, 0), b: at(ber, 2026, 3, 9, 10, 0),
			want: time.Hour,
		},
		{
			// New York springs forward at 02:00 on Sunday 8 March 2026: the
			// wall clock skips 02:00–03:00, so 00:00–08:00 holds 7 hours.
			name: "New York 00:00-08:00 on the spring-forward Sunday",
			cal:  mustNew(t, ny, Weekly(EveryDay, MustSpan("00:00-08:00"))),
			a:    at(ny, 2026, 3, 8, 0, 0), b: at(ny, 2026, 3, 9, 0, 0),
			want: 7 * time.Hour,
		},
		{
			// New York falls back at 02:00 EDT on Sunday 1 November 2026:
			// 01:00–02:00 happens twice, so 00:00 EDT to 08:00 EST is 9 hours.
			name: "New York 00:00-08:00 on the fall-back Sunday",
			cal:  mustNew(t, ny, Weekly(EveryDay, MustSpan("00:00-08:00"))),
			a:    at(ny, 2026, 11, 1, 0, 0), b: at(ny, 2026, 11, 2, 0, 0),
			want: 9 * time.Hour,
		},
		{
			// A span that ends inside the repeated hour ends at the first
			// 01:30 (EDT): 00:00 to 01:30 EDT is 1h30m, not 2h30m.
			name: "New York span ending in the repeated hour",
			cal:  mustNew(t, ny, Weekly(EveryDay, MustSpan("00:00-01:30"))),
			a:    at(ny, 2026, 11, 1, 0, 0), b: at(ny, 2026, 11, 2, 0, 0),
			want: 90 * time.Minute,
		},
		{
			// 02:30 does not exist on 8 March 2026 in New York; it maps to
			// the end of the gap, 03:00 EDT, so 02:30–04:00 is one hour.
			name: "New York span starting in the spring gap",
			cal:  mustNew(t, ny, Weekly(EveryDay, MustSpan("02:30-04:00"))),
			a:    at(ny, 2026, 3, 8, 0, 0), b: at(ny, 2026, 3, 9, 0, 0),
			want: time.Hour,
		},
		{
			// FACTS.md: a 24-hour Berlin calendar has a 23-hour day on
			// 2026-03-29 ...
			name: "Berlin 24-hour day of the spring change",
			cal:  Always(ber),
			a:    at(ber, 2026, 3, 29, 0, 0), b: at(ber, 2026, 3, 30, 0, 0),
			want: 23 * time.Hour,
		},
		{
			// ... and a 25-hour day on 2026-10-25.
			name: "Berlin 24-hour day of the autumn change",
			cal:  mustNew(t, ber, Weekly(EveryDay, MustSpan("00:00-24:00"))),
			a:    at(ber, 2026, 10, 25, 0, 0), b: at(ber, 2026, 10, 26, 0, 0),
			want: 25 * time.Hour,
		},
		{
			// Lord Howe Island moves its clocks by 30 minutes, at 02:00 on
			// the first Sunday of October (2026-10-04): that day lasts 23h30m.
			name: "Lord Howe 24-hour day of the half-hour change",
			cal:  Always(loadZone(t, "Australia/Lord_Howe")),
			a:    at(loadZone(t, "Australia/Lord_Howe"), 2026, 10, 4, 0, 0),
			b:    at(loadZone(t, "Australia/Lord_Howe"), 2026, 10, 5, 0, 0),
			want: 23*time.Hour + 30*time.Minute,
		},
		{
			// The shift starting Tuesday 22:00 runs to Wednesday 06:00: 8h.
			name: "overnight shift Tuesday 21:00 to Wednesday 07:00",
			cal:  mustNew(t, ber, Weekly(MondayToFriday, MustSpan("22:00-06:00"))),
			a:    at(ber, 2026, 3, 10, 21, 0), b: at(ber, 2026, 3, 11, 7, 0),
			want: 8 * time.Hour,
		},
		{
			// The Friday shift belongs to Friday and runs into Saturday
			// 06:00; nothing starts on Saturday or Sunday; Monday's starts
			// at 22:00. Friday 21:00 to Monday 23:00: 8h + 1h.
			name: "overnight shift over a weekend",
			cal:  mustNew(t, ber, Weekly(MondayToFriday, MustSpan("22:00-06:00"))),
			a:    at(ber, 2026, 3, 13, 21, 0), b: at(ber, 2026, 3, 16, 23, 0),
			want: 9 * time.Hour,
		},
		{
			// FACTS.md: Monday–Friday 08:00–18:00 in New York has 22
			// weekdays and 792,000 seconds of business time in March 2026.
			name: "New York March 2026 business time",
			cal:  mustNew(t, ny, Weekly(MondayToFriday, MustSpan("08:00-18:00"))),
			a:    at(ny, 2026, 3, 1, 0, 0), b: at(ny, 2026, 4, 1, 0, 0),
			want: 792000 * time.Second,
		},
		{
			// Reversed arguments give the negative.
			name: "reversed span",
			cal:  nineToFive,
			a:    at(ber, 2026, 3, 30, 10, 0), b: at(ber, 2026, 3, 27, 16, 0),
			want: -2 * time.Hour,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.Between(tt.a, tt.b); got != tt.want {
				t.Errorf("Between(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestOpenOnChangeDays pins the open instants of a seven-day Berlin
// calendar on the days the clocks change: 09:00–17:00 CEST (UTC+2) is
// 07:00–15:00 UTC on 2026-03-29, and 09:00–17:00 CET (UTC+1) is
// 08:00–16:00 UTC on 2026-10-25.
func TestOpenOnChangeDays(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	c := mustNew(t, ber, Weekly(EveryDay, MustSpan("09:00-17:00")))
	utc := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		day  window.Interval
		want window.Interval
	}{
		{"spring", window.Between(utc(3, 28, 22), utc(3, 29, 22)), window.Between(utc(3, 29, 7), utc(3, 29, 15))},
		{"autumn", window.Between(utc(10, 24, 22), utc(10, 25, 23)), window.Between(utc(10, 25, 8), utc(10, 25, 16))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Open(tt.day).Intervals()
			if diff := cmp.Diff([]window.Interval{tt.want}, got, cmp.Comparer(window.Interval.Equal)); diff != "" {
				t.Errorf("Open (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAdd pins Add in both directions.
func TestAdd(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	nineToFive := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
	christmas := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Holidays(Fixed("Christmas Day", time.December, 25)),
		Override(Date{2026, 12, 24}, MustSpan("09:00-12:00")))
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ber) }
	tests := []struct {
		name string
		cal  *Calendar
		t    time.Time
		d    time.Duration
		want time.Time
	}{
		// A full day ends at the close of that day, not at the next opening.
		{"Monday 09:00 + 8h", nineToFive, at(2026, 3, 9, 9), 8 * time.Hour, at(2026, 3, 9, 17)},
		// Friday 16:00–17:00 then Monday 09:00–10:00.
		{"Friday 16:00 + 2h", nineToFive, at(2026, 3, 13, 16), 2 * time.Hour, at(2026, 3, 16, 10)},
		// Thursday 24 December closes at 12:00 (1h), Friday 25 is Christmas,
		// the weekend is closed, Monday 28 09:00 + 3h = 12:00.
		{"Christmas Eve half day", christmas, at(2026, 12, 24, 11), 4 * time.Hour, at(2026, 12, 28, 12)},
		// Backwards: Monday 10:00 − 2h is Friday 16:00.
		{"Monday 10:00 - 2h", nineToFive, at(2026, 3, 16, 10), -2 * time.Hour, at(2026, 3, 13, 16)},
		// Backwards to the latest instant: Monday 10:00 − 1h is Monday 09:00.
		{"Monday 10:00 - 1h", nineToFive, at(2026, 3, 16, 10), -time.Hour, at(2026, 3, 16, 9)},
		// Zero from a closed instant stays put.
		{"Saturday + 0", nineToFive, at(2026, 3, 14, 10), 0, at(2026, 3, 14, 10)},
		// From a closed instant the clock starts at the next opening.
		{"Saturday 10:00 + 1h", nineToFive, at(2026, 3, 14, 10), time.Hour, at(2026, 3, 16, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.Add(tt.t, tt.d); !got.Equal(tt.want) {
				t.Errorf("Add(%v, %v) = %v, want %v", tt.t, tt.d, got, tt.want)
			}
		})
	}
}

// TestNextOpenClose pins the two look-ups and the never-closing case.
func TestNextOpenClose(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	c := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Weekly(WeekdaysOf(time.Friday), MustSpan("17:00-20:00")))
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, ber) }
	tests := []struct {
		name            string
		t               time.Time
		nextOpen, close time.Time
	}{
		{"open", at(11, 10), at(11, 10), at(11, 17)},
		{"closed evening", at(11, 18), at(12, 9), at(11, 18)},
		// Friday's two spans meet at 17:00 and form one stretch.
		{"spans that meet", at(13, 10), at(13, 10), at(13, 20)},
		{"weekend", at(14, 10), at(16, 9), at(14, 10)},
		{"at closing time", at(11, 17), at(12, 9), at(11, 17)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.NextOpen(tt.t); !got.Equal(tt.nextOpen) {
				t.Errorf("NextOpen(%v) = %v, want %v", tt.t, got, tt.nextOpen)
			}
			if got := c.NextClose(tt.t); !got.Equal(tt.close) {
				t.Errorf("NextClose(%v) = %v, want %v", tt.t, got, tt.close)
			}
		})
	}
	t.Run("never closes", func(t *testing.T) {
		if got := Always(ber).NextClose(at(11, 10)); !got.IsZero() {
			t.Errorf("Always.NextClose = %v, want the zero Time", got)
		}
	})
}

// TestHolidays pins holiday dates and observed days against published
// calendars.
func TestHolidays(t *testing.T) {
	ny := loadZone(t, "America/New_York")
	lon := loadZone(t, "Europe/London")
	us := mustNew(t, ny, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(
		Fixed("New Year's Day", time.January, 1).Observed(NearestWeekday),
		Fixed("Independence Day", time.July, 4).Observed(NearestWeekday),
		LastWeekday("Memorial Day", time.Monday, time.May),
		NthWeekday("Thanksgiving", 4, time.Thursday, time.November),
		Fixed("Leap Day", time.February, 29),
		NthWeekday("Fifth Monday", 5, time.Monday, time.March),
	))
	uk := mustNew(t, lon, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(
		Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay),
		Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay),
		EasterOffset("Good Friday", -2),
	))
	d := func(y int, m time.Month, day int) Date { return Date{y, m, day} }
	tests := []struct {
		name string
		cal  *Calendar
		on   Date
		want Holiday
	}{
		// US federal rule: 4 July 2026 is a Saturday, observed Friday 3 July.
		{"Independence Day on a Saturday", us, d(2026, 7, 3), Holiday{"Independence Day", d(2026, 7, 4), d(2026, 7, 3)}},
		// 1 January 2022 was a Saturday, observed Friday 31 December 2021.
		{"New Year observed in the year before", us, d(2021, 12, 31), Holiday{"New Year's Day", d(2022, 1, 1), d(2021, 12, 31)}},
		// Memorial Day 2026 is the last Monday of May, 25 May.
		{"last Monday", us, d(2026, 5, 25), Holiday{"Memorial Day", d(2026, 5, 25), d(2026, 5, 25)}},
		// Thanksgiving 2026 is the fourth Thursday of November, 26 November.
		{"fourth Thursday", us, d(2026, 11, 26), Holiday{"Thanksgiving", d(2026, 11, 26), d(2026, 11, 26)}},
		{"29 February in a leap year", us, d(2028, 2, 29), Holiday{"Leap Day", d(2028, 2, 29), d(2028, 2, 29)}},
		// March 2026 has five Mondays (2, 9, 16, 23, 30).
		{"fifth Monday", us, d(2026, 3, 30), Holiday{"Fifth Monday", d(2026, 3, 30), d(2026, 3, 30)}},
		// UK 2021: Christmas Saturday and Boxing Day Sunday, bank holidays
		// Monday 27 and Tuesday 28 December.
		{"UK Christmas 2021", uk, d(2021, 12, 27), Holiday{"Christmas Day", d(2021, 12, 25), d(2021, 12, 27)}},
		{"UK Boxing Day 2021", uk, d(2021, 12, 28), Holiday{"Boxing Day", d(2021, 12, 26), d(2021, 12, 28)}},
		// UK 2022: Christmas Sunday, Boxing Day Monday 26; the substitute
		// for Christmas chains past it to Tuesday 27.
		{"UK Boxing Day 2022", uk, d(2022, 12, 26), Holiday{"Boxing Day", d(2022, 12, 26), d(2022, 12, 26)}},
		{"UK Christmas 2022", uk, d(2022, 12, 27), Holiday{"Christmas Day", d(2022, 12, 25), d(2022, 12, 27)}},
		// Easter Sunday: 31 March 2024, 20 April 2025, 5 April 2026,
		// 25 April 2038 (the latest possible), 23 March 2008.
		{"Good Friday 2024", uk, d(2024, 3, 29), Holiday{"Good Friday", d(2024, 3, 29), d(2024, 3, 29)}},
		{"Good Friday 2025", uk, d(2025, 4, 18), Holiday{"Good Friday", d(2025, 4, 18), d(2025, 4, 18)}},
		{"Good Friday 2026", uk, d(2026, 4, 3), Holiday{"Good Friday", d(2026, 4, 3), d(2026, 4, 3)}},
		{"Good Friday 2038", uk, d(2038, 4, 23), Holiday{"Good Friday", d(2038, 4, 23), d(2038, 4, 23)}},
		{"Good Friday 2008", uk, d(2008, 3, 21), Holiday{"Good Friday", d(2008, 3, 21), d(2008, 3, 21)}},
		// A look-up by the actual date finds a moved holiday too.
		{"by actual date", uk, d(2021, 12, 25), Holiday{"Christmas Day", d(2021, 12, 25), d(2021, 12, 27)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.cal.HolidayOn(tt.on)
			require.True(t, ok, "no holiday on %v", tt.on)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("HolidayOn(%v) (-want +got):\n%s", tt.on, diff)
			}
		})
	}
	t.Run("no 29 February in 2027", func(t *testing.T) {
		for _, h := range us.HolidaysIn(2027) {
			if h.Name == "Leap Day" {
				t.Errorf("HolidaysIn(2027) has %v", h)
			}
		}
		if _, ok := us.HolidayOn(d(2027, 3, 1)); ok {
			t.Error("29 February rolled to 1 March 2027")
		}
	})
	t.Run("no fifth Monday in March 2028", func(t *testing.T) {
		// 1 March 2028 is a Wednesday: its Mondays are 6, 13, 20 and 27.
		for _, h := range us.HolidaysIn(2028) {
			if h.Name == "Fifth Monday" {
				t.Errorf("HolidaysIn(2028) has %v", h)
			}
		}
	})
	t.Run("holidays of a year", func(t *testing.T) {
		got := uk.HolidaysIn(2021)
		want := []Holiday{
			{"Good Friday", d(2021, 4, 2), d(2021, 4, 2)},
			{"Christmas Day", d(2021, 12, 25), d(2021, 12, 27)},
			{"Boxing Day", d(2021, 12, 26), d(2021, 12, 28)},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("HolidaysIn(2021) (-want +got):\n%s", diff)
		}
	})
	t.Run("observed day is closed", func(t *testing.T) {
		mon := time.Date(2021, 12, 27, 12, 0, 0, 0, lon)
		require.False(t, uk.IsOpen(mon), "open on the substitute for Christmas")
		require.True(t, uk.IsOpen(mon.AddDate(0, 0, 2)), "closed on Wednesday 29 December 2021")
	})
}

// TestOverrides pins closed dates, extra open dates and the precedence of
// overrides over holidays.
func TestOverrides(t *testing.T) {
	ber := loadZone(t, "Europe/Berlin")
	c := mustNew(t, ber, Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Holidays(Fixed("Tag der Deutschen Einheit", time.October, 3).Observed(NextOpenDay)),
		Closed(Date{2026, 3, 11}),
		Override(Date{2026, 3, 14}, MustSpan("10:00-14:00")), // a Saturday
		Override(Date{2025, 10, 3}, MustSpan("09:00-12:00")), // a Friday holiday, worked half
	)
	day := func(y int, m time.Month, d int) window.Interval {
		s := time.Date(y, m, d, 0, 0, 0, 0, ber)
		return window.Interval{Start: s, End: s.AddDate(0, 0, 1)}
	}
	tests := []struct {
		name string
		day  window.Interval
		want time.Duration
	}{
		{"closed Wednesday", day(2026, 3, 11), 0},
		{"extra open Saturday", day(2026, 3, 14), 4 * time.Hour},
		{"override beats holiday", day(2025, 10, 3), 3 * time.Hour},
		// 3 October 2026 is a Saturday: observed on Monday 5 October.
		{"holiday moved to Monday", day(2026, 10, 5), 0},
		{"ordinary Tuesday", day(2026, 10, 6), 8 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Between(tt.day.Start, tt.day.End); got != tt.want {
				t.Errorf("Between over %v = %v, want %v", tt.day, got, tt.want)
			}
			if got := c.Open(tt.day).Duration(); got != tt.want {
				t.Errorf("Open(%v).Duration() = %v, want %v", tt.day, got, tt.want)
			}
		})
	}
	require.Equal(t, []Span{MustSpan("10:00-14:00")}, c.HoursOn(Date{2026, 3, 14}))
	require.Empty(t, c.HoursOn(Date{2026, 10, 5}))
	require.Contains(t, c.String(), "Europe/Berlin Mon-Fri 09:00-17:00")
}

func TestRuleString(t *testing.T) {
	tests := []struct {
		rule Rule
		want string
	}{
		{Fixed("Christmas Day", time.December, 25), `"Christmas Day" (December 25)`},
		{NthWeekday("Thanksgiving", 4, time.Thursday, time.November), `"Thanksgiving" (Thursday #4 of November)`},
		{LastWeekday("Memorial Day", time.Monday, time.May), `"Memorial Day" (last Monday of May)`},
		{EasterOffset("Good Friday", -2), `"Good Friday" (Easter-2)`},
		{OnDate("Royal wedding", Date{2011, 4, 29}), `"Royal wedding" (2011-04-29)`},
		{Rule{}, `"" (invalid rule)`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			require.Equal(t, tt.want, tt.rule.String())
			require.Equal(t, tt.rule.name, tt.rule.Name())
		})
	}
	require.Equal(t, "Substitute(9)", Substitute(9).String())
	require.Equal(t, "Clock(-5)", Clock(-5).String())
}

// TestLimits: definitions past the size limits are rejected with the field
// that passed them, before any work that grows with them.
func TestLimits(t *testing.T) {
	loc := time.UTC
	nineToFive := Weekly(MondayToFriday, MustSpan("09:00-17:00"))
	manySpans := make([]Span, MaxSpans+1)
	for i := range manySpans {
		manySpans[i] = Span{Clock(i * 60), Clock(i*60 + 30)}
	}
	manyRules := make([]Rule, MaxHolidays+1)
	for i := range manyRules {
		manyRules[i] = Fixed(fmt.Sprintf("h%d", i), time.Month(i%12+1), i%28+1)
	}
	var manyOverrides []Option
	for i := range MaxOverrides + 1 {
		manyOverrides = append(manyOverrides, Closed(Date{2000, time.January, 1}.AddDays(i)))
	}
	var twoEntries []Option
	for range 2 {
		twoEntries = append(twoEntries, Weekly(WeekdaysOf(time.Monday), manySpans[:MaxSpans/2+1]...))
	}
	tests := []struct {
		name string
		opts []Option
		path string
	}{
		{"too many spans in one entry", []Option{Weekly(MondayToFriday, manySpans...)}, "hours[0].spans"},
		{"too many spans on one weekday", twoEntries, "hours"},
		{"too many holiday rules", []Option{nineToFive, Holidays(manyRules...)}, "holidays"},
		{"too many overrides", append([]Option{nineToFive}, manyOverrides...), "overrides"},
		{"too many spans in an override", []Option{nineToFive, Override(Date{2026, time.March, 2}, manySpans...)}, "overrides[0].hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(loc, tt.opts...)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("want a *FieldError, got %v", err)
			}
			if fe.Path != tt.path || !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v: want path %q wrapping ErrInvalid", err, tt.path)
			}
		})
	}
}
