package calendar

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func d(y int, m time.Month, day int) Date { return Date{y, m, day} }

// observedIn returns the observed dates of every holiday of c observed in
// the years first to last, in order.
func observedIn(c *Calendar, first, last int) []Date {
	var out []Date
	for y := first - 1; y <= last+1; y++ {
		for _, h := range c.HolidaysIn(y) {
			if h.Observed.Year >= first && h.Observed.Year <= last {
				out = append(out, h.Observed)
			}
		}
	}
	slices.SortFunc(out, Date.Compare)
	return slices.Compact(out)
}

// TestOrthodoxEaster pins Orthodox Easter Sunday against a published
// table: the dates of Pascha in the Eastern column of the "List of dates
// for Easter" (Wikipedia), as published by the Greek Orthodox Archdiocese
// of America: 16 April 2023, 5 May 2024, 20 April 2025 (the same day as
// Western Easter), 12 April 2026, 2 May 2027 and 28 April 2030.
func TestOrthodoxEaster(t *testing.T) {
	c := mustNew(t, loadZone(t, "Europe/Athens"), Weekly(EveryDay, MustSpan("09:00-17:00")), Holidays(
		OrthodoxEasterOffset("Pascha", 0),
		OrthodoxEasterOffset("Orthodox Good Friday", -2),
		OrthodoxEasterOffset("Orthodox Easter Monday", 1),
	))
	for _, want := range []Date{d(2023, 4, 16), d(2024, 5, 5), d(2025, 4, 20), d(2026, 4, 12), d(2027, 5, 2), d(2030, 4, 28)} {
		t.Run(want.String(), func(t *testing.T) {
			h, ok := c.Holiday("Pascha", want.Year)
			require.True(t, ok)
			require.Equal(t, want, h.Date)
			require.Equal(t, time.Sunday, h.Date.Weekday())
			gf, _ := c.Holiday("Orthodox Good Friday", want.Year)
			require.Equal(t, want.AddDays(-2), gf.Date)
			em, _ := c.Holiday("Orthodox Easter Monday", want.Year)
			require.Equal(t, want.AddDays(1), em.Date)
		})
	}
}

// TestOrthodoxEasterAgainstGauss checks the Julian computus against a
// second, independent formulation for the years 1583 to 4099: Gauss's
// Easter rule for the Julian calendar (d = (19a + 15) mod 30, e = (2b +
// 4c + 6d + 6) mod 7 with a, b, c the year mod 19, 4 and 7; Easter is
// d + e days after 22 March, Julian), converted to the Gregorian calendar
// by adding the difference of the two calendars in that spring, y/100 −
// y/400 − 2 days.
func TestOrthodoxEasterAgainstGauss(t *testing.T) {
	for y := 1583; y <= 4099; y++ {
		a, b, c := y%19, y%4, y%7
		dd := (19*a + 15) % 30
		e := (2*b + 4*c + 6*dd + 6) % 7
		julian := time.Date(y, time.March, 22+dd+e, 0, 0, 0, 0, time.UTC) // normalizes into April
		want := julian.AddDate(0, 0, y/100-y/400-2)
		got := dateFromDays(orthodoxEasterDays(y))
		if got != (Date{want.Year(), want.Month(), want.Day()}) {
			t.Fatalf("Orthodox Easter %d: got %v, Gauss gives %v", y, got, want.Format(time.DateOnly))
		}
	}
}

// TestWesternEasterRange checks the Gregorian computus against what
// defines Easter for every year of the Gregorian calendar in range: it is
// a Sunday from 22 March to 25 April.
func TestWesternEasterRange(t *testing.T) {
	for y := 1583; y <= 9999; y++ {
		e := dateFromDays(easterDays(y))
		if e.Weekday() != time.Sunday || e.Compare(Date{y, 3, 22}) < 0 || e.Compare(Date{y, 4, 25}) > 0 {
			t.Fatalf("Easter %d = %v", y, e)
		}
	}
}

// TestDayOffsets pins rules with a day offset. US Election Day is "the
// Tuesday next after the first Monday in the month of November" (2 U.S.C.
// § 7): 8 November 2022, 5 November 2024 and 3 November 2026 (the Federal
// Election Commission's election dates). In 2022 November began on a
// Tuesday, so the rule is not "the first Tuesday": the first Monday was 7
// November. The day after Thanksgiving (the fourth Thursday of November,
// 5 U.S.C. § 6103) was Friday 26 November 2021 and is Friday 27 November
// 2026.
func TestDayOffsets(t *testing.T) {
	c := mustNew(t, loadZone(t, "America/New_York"), Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(
		NthWeekday("Election Day", 1, time.Monday, time.November).AddDays(1),
		NthWeekday("Thanksgiving", 4, time.Thursday, time.November),
		NthWeekday("Day after Thanksgiving", 4, time.Thursday, time.November).AddDays(1),
		Fixed("New Year's Eve eve", time.January, 1).AddDays(-2),
	))
	tests := []struct {
		name string
		year int
		want Date
	}{
		{"Election Day", 2022, d(2022, 11, 8)},
		{"Election Day", 2024, d(2024, 11, 5)},
		{"Election Day", 2026, d(2026, 11, 3)},
		{"Day after Thanksgiving", 2021, d(2021, 11, 26)},
		{"Day after Thanksgiving", 2026, d(2026, 11, 27)},
		// An offset may carry the holiday into the year before: 1 January
		// 2027 less two days is 30 December 2026, listed under 2026.
		{"New Year's Eve eve", 2026, d(2026, 12, 30)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.name, tt.year), func(t *testing.T) {
			h, ok := c.Holiday(tt.name, tt.year)
			require.True(t, ok)
			require.Equal(t, tt.want, h.Date)
			require.Equal(t, tt.want, h.Observed)
		})
	}
	_, ok := c.Holiday("New Year's Eve eve", 2027) // from 1 January 2028: 30 December 2027
	require.True(t, ok)
}

// TestWeekdayOnOrAfterBefore pins the weekday rules. Victoria Day is the
// Monday preceding 25 May, so the Monday on or before 24 May (Government
// of Canada, "Public holidays"): 22 May 2023, 20 May 2024, 19 May 2025,
// 18 May 2026. Swedish Midsummer Day is the Saturday from 20 to 26 June
// (Lag (1989:253) om allmänna helgdagar): 24 June 2023, 22 June 2024, 21
// June 2025, 20 June 2026.
func TestWeekdayOnOrAfterBefore(t *testing.T) {
	c := mustNew(t, time.UTC, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(
		WeekdayOnOrBefore("Victoria Day", time.Monday, time.May, 24),
		WeekdayOnOrAfter("Midsommardagen", time.Saturday, time.June, 20),
		WeekdayOnOrAfter("Leap Monday", time.Monday, time.February, 29),
	))
	tests := []struct {
		name string
		want Date
	}{
		{"Victoria Day", d(2023, 5, 22)},
		{"Victoria Day", d(2024, 5, 20)},
		{"Victoria Day", d(2025, 5, 19)},
		{"Victoria Day", d(2026, 5, 18)},
		{"Midsommardagen", d(2023, 6, 24)},
		{"Midsommardagen", d(2024, 6, 22)},
		{"Midsommardagen", d(2025, 6, 21)},
		{"Midsommardagen", d(2026, 6, 20)},
		// 29 February 2028 is a Tuesday; the next Monday is 6 March.
		{"Leap Monday", d(2028, 3, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want.String(), func(t *testing.T) {
			h, ok := c.Holiday(tt.name, tt.want.Year)
			require.True(t, ok)
			require.Equal(t, tt.want, h.Date)
		})
	}
	_, ok := c.Holiday("Leap Monday", 2027) // no 29 February in 2027
	require.False(t, ok)
}

// englandAndWales returns the bank holiday rules of England and Wales,
// with the one-off changes of 2020–2023, and substitute days decided by
// the Saturday–Sunday weekend as the Banking and Financial Dealings Act
// 1971 does, whatever the desk's hours.
func englandAndWales() []Rule {
	return []Rule{
		Fixed("New Year's Day", time.January, 1).Observed(NextOpenDay).Weekend(Weekend),
		EasterOffset("Good Friday", -2),
		EasterOffset("Easter Monday", 1),
		NthWeekday("Early May bank holiday", 1, time.Monday, time.May).Until(2019),
		OnDate("Early May bank holiday", d(2020, 5, 8)), // moved for VE Day
		NthWeekday("Early May bank holiday", 1, time.Monday, time.May).From(2021),
		LastWeekday("Spring bank holiday", time.Monday, time.May).Until(2021),
		OnDate("Spring bank holiday", d(2022, 6, 2)), // moved for the Platinum Jubilee
		LastWeekday("Spring bank holiday", time.Monday, time.May).From(2023),
		OnDate("Platinum Jubilee bank holiday", d(2022, 6, 3)),
		OnDate("Bank Holiday for the State Funeral of Queen Elizabeth II", d(2022, 9, 19)),
		OnDate("Bank holiday for the coronation of King Charles III", d(2023, 5, 8)),
		LastWeekday("Summer bank holiday", time.Monday, time.August),
		Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay).Weekend(Weekend),
		Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay).Weekend(Weekend),
	}
}

// TestEnglandAndWalesBankHolidays pins the bank holidays of England and
// Wales 2020–2027 as GOV.UK publishes them ("UK bank holidays",
// www.gov.uk/bank-holidays), on a desk that is also open on Saturday
// mornings: a holiday that falls on a Saturday is still observed on the
// next Monday (Boxing Day 2020, Christmas Day 2021 and 2027, New Year's
// Day 2022, Boxing Day 2026), and the desk is open that Saturday morning.
func TestEnglandAndWalesBankHolidays(t *testing.T) {
	lon := loadZone(t, "Europe/London")
	c := mustNew(t, lon,
		Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Weekly(WeekdaysOf(time.Saturday), MustSpan("09:00-12:00")),
		Holidays(englandAndWales()...))
	want := []Date{
		d(2020, 1, 1), d(2020, 4, 10), d(2020, 4, 13), d(2020, 5, 8), d(2020, 5, 25), d(2020, 8, 31), d(2020, 12, 25), d(2020, 12, 28),
		d(2021, 1, 1), d(2021, 4, 2), d(2021, 4, 5), d(2021, 5, 3), d(2021, 5, 31), d(2021, 8, 30), d(2021, 12, 27), d(2021, 12, 28),
		d(2022, 1, 3), d(2022, 4, 15), d(2022, 4, 18), d(2022, 5, 2), d(2022, 6, 2), d(2022, 6, 3), d(2022, 8, 29), d(2022, 9, 19), d(2022, 12, 26), d(2022, 12, 27),
		d(2023, 1, 2), d(2023, 4, 7), d(2023, 4, 10), d(2023, 5, 1), d(2023, 5, 8), d(2023, 5, 29), d(2023, 8, 28), d(2023, 12, 25), d(2023, 12, 26),
		d(2024, 1, 1), d(2024, 3, 29), d(2024, 4, 1), d(2024, 5, 6), d(2024, 5, 27), d(2024, 8, 26), d(2024, 12, 25), d(2024, 12, 26),
		d(2025, 1, 1), d(2025, 4, 18), d(2025, 4, 21), d(2025, 5, 5), d(2025, 5, 26), d(2025, 8, 25), d(2025, 12, 25), d(2025, 12, 26),
		d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 4), d(2026, 5, 25), d(2026, 8, 31), d(2026, 12, 25), d(2026, 12, 28),
		d(2027, 1, 1), d(2027, 3, 26), d(2027, 3, 29), d(2027, 5, 3), d(2027, 5, 31), d(2027, 8, 30), d(2027, 12, 27), d(2027, 12, 28),
	}
	if diff := cmp.Diff(want, observedIn(c, 2020, 2027)); diff != "" {
		t.Errorf("observed bank holidays 2020–2027 (-want +got):\n%s", diff)
	}
	for _, day := range want {
		require.False(t, c.IsOpen(time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, lon)), "open on the bank holiday %v", day)
	}
	// Saturday 26 December 2020 (Boxing Day) is a working Saturday morning.
	require.True(t, c.IsOpen(time.Date(2020, 12, 26, 10, 0, 0, 0, lon)))
	h, ok := c.Holiday("Early May bank holiday", 2020)
	require.True(t, ok)
	require.Equal(t, Holiday{"Early May bank holiday", d(2020, 5, 8), d(2020, 5, 8)}, h)

	// Without the weekend set the substitute follows the desk's hours: the
	// desk is open on Saturday, so Boxing Day 2020 stays on the Saturday.
	byHours := mustNew(t, lon,
		Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Weekly(WeekdaysOf(time.Saturday), MustSpan("09:00-12:00")),
		Holidays(Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay)))
	h, _ = byHours.Holiday("Boxing Day", 2020)
	require.Equal(t, d(2020, 12, 26), h.Observed)
}

// TestComputedRule plugs in a holiday set kept elsewhere: a Go function
// that gives the date and observed date of a year, or none.
func TestComputedRule(t *testing.T) {
	// Juneteenth as 5 U.S.C. § 6103 gives it since 2021, with the federal
	// rule for a Saturday (the Friday before) and a Sunday (the Monday
	// after): 19 June 2021 was a Saturday, observed Friday 18 June; 19
	// June 2022 a Sunday, observed Monday 20 June.
	juneteenth := func(year int) (Date, Date, bool) {
		if year < 2021 {
			return Date{}, Date{}, false
		}
		day := Date{year, time.June, 19}
		switch day.Weekday() {
		case time.Saturday:
			return day, day.AddDays(-1), true
		case time.Sunday:
			return day, day.AddDays(1), true
		}
		return day, day, true
	}
	ny := loadZone(t, "America/New_York")
	c := mustNew(t, ny, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(Computed("Juneteenth", juneteenth)))
	tests := []struct {
		year int
		want Holiday
		ok   bool
	}{
		{2020, Holiday{}, false},
		{2021, Holiday{"Juneteenth", d(2021, 6, 19), d(2021, 6, 18)}, true},
		{2022, Holiday{"Juneteenth", d(2022, 6, 19), d(2022, 6, 20)}, true},
		{2023, Holiday{"Juneteenth", d(2023, 6, 19), d(2023, 6, 19)}, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			h, ok := c.Holiday("Juneteenth", tt.year)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, h)
		})
	}
	require.False(t, c.IsOpen(time.Date(2021, 6, 18, 10, 0, 0, 0, ny)))
	require.True(t, c.IsOpen(time.Date(2021, 6, 21, 10, 0, 0, 0, ny)))

	// Answers the calendar cannot use are no holiday: a date in another
	// year than the one asked, an observed date more than 366 days away,
	// an invalid date.
	odd := mustNew(t, ny, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(
		Computed("far", func(y int) (Date, Date, bool) { return Date{y + 5, 1, 1}, Date{y + 5, 1, 1}, true }),
		Computed("drifting", func(y int) (Date, Date, bool) { return Date{y, 1, 1}, Date{y + 2, 1, 1}, true }),
		Computed("invalid", func(y int) (Date, Date, bool) { return Date{y, 2, 30}, Date{y, 2, 30}, true }),
	))
	require.Empty(t, odd.HolidaysIn(2026))

	// A computed rule cannot be refined by what it decides itself.
	for _, r := range []Rule{
		Computed("x", juneteenth).AddDays(1),
		Computed("x", juneteenth).Observed(NextOpenDay),
		Computed("x", juneteenth).Weekend(Weekend),
		Computed("x", nil),
	} {
		_, err := New(ny, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(r))
		require.ErrorIs(t, err, ErrInvalid, "%v", r)
	}
}

// TestHolidayLookups pins HolidaysOn and Holiday on a date that is one
// holiday's date and another's observed day. A museum open Tuesday to
// Sunday observes the bank holidays of England and Wales by their
// Saturday–Sunday weekend, and its own Founders' Day, 27 December, moves
// to its next open day. In 2021 Christmas Day fell on a Saturday and moves
// to Monday 27 (no holiday stays on that day: Founders' Day moves away
// from the closed Monday), Boxing Day (Sunday) to Tuesday 28, and
// Founders' Day, searching from Tuesday 28, to Wednesday 29.
func TestHolidayLookups(t *testing.T) {
	c := mustNew(t, loadZone(t, "Europe/London"),
		Weekly(WeekdaysOf(time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday), MustSpan("10:00-18:00")),
		Holidays(
			Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay).Weekend(Weekend),
			Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay).Weekend(Weekend),
			Fixed("Founders' Day", time.December, 27).Observed(NextOpenDay),
		))
	christmas := Holiday{"Christmas Day", d(2021, 12, 25), d(2021, 12, 27)}
	boxing := Holiday{"Boxing Day", d(2021, 12, 26), d(2021, 12, 28)}
	founders := Holiday{"Founders' Day", d(2021, 12, 27), d(2021, 12, 29)}
	tests := []struct {
		on   Date
		want []Holiday
	}{
		{d(2021, 12, 24), nil},
		{d(2021, 12, 25), []Holiday{christmas}},
		{d(2021, 12, 27), []Holiday{christmas, founders}},
		{d(2021, 12, 28), []Holiday{boxing}},
		{d(2021, 12, 29), []Holiday{founders}},
	}
	for _, tt := range tests {
		t.Run(tt.on.String(), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, c.HolidaysOn(tt.on)); diff != "" {
				t.Errorf("HolidaysOn(%v) (-want +got):\n%s", tt.on, diff)
			}
		})
	}
	// HolidayOn prefers the holiday observed on the day.
	h, ok := c.HolidayOn(d(2021, 12, 27))
	require.True(t, ok)
	require.Equal(t, christmas, h)
	h, ok = c.Holiday("Founders' Day", 2021)
	require.True(t, ok)
	require.Equal(t, founders, h)
	_, ok = c.Holiday("Founders' Day", 0)
	require.False(t, ok)
}

// TestHolidaysEveryYear checks that holidays apply in every year from 1 to
// 9999 by the same rules, with no cut-off: Christmas Day and Easter Monday
// in years 1, 1600, 2500, 9999 and others.
func TestHolidaysEveryYear(t *testing.T) {
	c := mustNew(t, loadZone(t, "Europe/Berlin"), Weekly(EveryDay, MustSpan("09:00-17:00")), Holidays(
		Fixed("Christmas Day", time.December, 25),
		EasterOffset("Easter Monday", 1),
	))
	for _, y := range []int{1, 2, 1600, 1899, 2201, 2500, 9998, 9999} {
		h, ok := c.Holiday("Christmas Day", y)
		require.True(t, ok, "year %d", y)
		require.Equal(t, d(y, 12, 25), h.Observed)
		require.Empty(t, c.HoursOn(d(y, 12, 25)), "year %d", y)
		em, ok := c.Holiday("Easter Monday", y)
		require.True(t, ok, "year %d", y)
		require.Equal(t, time.Monday, em.Date.Weekday())
	}
	require.Empty(t, c.HolidaysIn(0))
	require.Empty(t, c.HolidaysIn(10000))
}

// TestRulesInJSON checks that each rule kind reads from a Spec document as
// the Go rule it names: the JSON calendar and the Go calendar hold the
// same holidays, observed on the same days, in 2018–2032.
func TestRulesInJSON(t *testing.T) {
	doc := `{
	  "zone": "Europe/London",
	  "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}, {"days": "Sat", "spans": ["09:00-12:00"]}],
	  "holidays": [
	    {"name": "Pascha", "orthodox_easter": 0},
	    {"name": "Orthodox Good Friday", "orthodox_easter": -2},
	    {"name": "Election Day", "nth": 1, "weekday": "Mon", "month": 11, "add_days": 1},
	    {"name": "Day after Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11, "add_days": 1},
	    {"name": "Victoria Day", "weekday": "Mon", "on_or_before": "05-24"},
	    {"name": "Midsommardagen", "weekday": "Sat", "on_or_after": "06-20"},
	    {"name": "Christmas Day", "month": 12, "day": 25, "observed": "next-open-day", "weekend": "Sat,Sun"},
	    {"name": "Boxing Day", "month": 12, "day": 26, "observed": "next-open-day", "weekend": "Sat,Sun"},
	    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "nearest-weekday", "weekend": "Sat,Sun", "first_year": 2020}
	  ]
	}`
	s, err := ParseSpec([]byte(doc))
	require.NoError(t, err)
	fromJSON, err := s.Calendar()
	require.NoError(t, err)
	lon := loadZone(t, "Europe/London")
	fromGo := mustNew(t, lon,
		Weekly(MondayToFriday, MustSpan("09:00-17:00")), Weekly(WeekdaysOf(time.Saturday), MustSpan("09:00-12:00")),
		Holidays(
			OrthodoxEasterOffset("Pascha", 0),
			OrthodoxEasterOffset("Orthodox Good Friday", -2),
			NthWeekday("Election Day", 1, time.Monday, time.November).AddDays(1),
			NthWeekday("Day after Thanksgiving", 4, time.Thursday, time.November).AddDays(1),
			WeekdayOnOrBefore("Victoria Day", time.Monday, time.May, 24),
			WeekdayOnOrAfter("Midsommardagen", time.Saturday, time.June, 20),
			Fixed("Christmas Day", time.December, 25).Observed(NextOpenDay).Weekend(Weekend),
			Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay).Weekend(Weekend),
			Fixed("New Year's Day", time.January, 1).Observed(NearestWeekday).Weekend(Weekend).From(2020),
		))
	for y := 2018; y <= 2032; y++ {
		want := fromGo.HolidaysIn(y)
		n := 9 // one holiday of each rule, and New Year's Day only from 2020
		if y < 2020 {
			n = 8
		}
		require.Len(t, want, n, "year %d", y)
		if diff := cmp.Diff(want, fromJSON.HolidaysIn(y)); diff != "" {
			t.Errorf("holidays of %d (-Go +JSON):\n%s", y, diff)
		}
	}
	// And the Go calendar's Spec is the document's.
	if diff := cmp.Diff(s, fromGo.Spec()); diff != "" {
		t.Errorf("Spec (-JSON +Go):\n%s", diff)
	}
}
