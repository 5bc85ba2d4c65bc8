package contract_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want contract.Money
	}{
		{"1200.00 USD", contract.Money{Minor: 120000, Places: 2, Currency: "USD"}},
		{"1200 USD", contract.Money{Minor: 1200, Places: 0, Currency: "USD"}},
		{"5000 JPY", contract.Money{Minor: 5000, Currency: "JPY"}},
		{"0.005 KWD", contract.Money{Minor: 5, Places: 3, Currency: "KWD"}},
		{"0.00 EUR", contract.Money{Minor: 0, Places: 2, Currency: "EUR"}},
	}
	for _, tc := range tests {
		got, err := contract.ParseMoney(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got)
		assert.Equal(t, tc.in, got.String())
		var back contract.Money
		require.NoError(t, back.UnmarshalText([]byte(tc.in)))
		assert.Equal(t, got, back)
	}
	for _, tc := range []struct {
		in   string
		kind error
	}{
		{"", contract.ErrSyntax},
		{"1200.00", contract.ErrSyntax},
		{"1200.00 usd", contract.ErrSyntax},
		{"1200.00  USD", contract.ErrSyntax},
		{"12,00 USD", contract.ErrSyntax},
		{"1200. USD", contract.ErrSyntax},
		{".5 USD", contract.ErrSyntax},
		{"-5.00 USD", contract.ErrRange},
		{"1.00001 USD", contract.ErrRange},
		{"99999999999999999999 USD", contract.ErrRange},
		{strings.Repeat("9", 1<<20) + " USD", contract.ErrRange},
	} {
		_, err := contract.ParseMoney(tc.in)
		assert.ErrorIs(t, err, tc.kind, "%.40q", tc.in)
		if err != nil {
			assert.Less(t, len(err.Error()), 200, "an error quotes a short prefix of the value")
		}
	}
	assert.True(t, contract.Money{}.IsZero())
	assert.Equal(t, "", contract.Money{}.String())
}

// TestMoneyTimes: credits in money, rounded to the nearest minor unit,
// halves up. 10% of 1200.00 USD is 120.00 USD; 1/8 of 0.20 USD is 2.5
// cents, 0.03 USD; 1/3 of 1.00 USD is 33.3… cents, 0.33 USD; 2/3 is
// 66.6…, 0.67 USD; more than the whole fee is the whole fee.
func TestMoneyTimes(t *testing.T) {
	m := func(s string) contract.Money {
		v, err := contract.ParseMoney(s)
		require.NoError(t, err)
		return v
	}
	tests := []struct {
		fee   string
		share sla.Rational
		want  string
	}{
		{"1200.00 USD", sla.MustShare("10%").Rational(), "120.00 USD"},
		{"0.20 USD", sla.RationalOf(1, 8), "0.03 USD"},
		{"1.00 USD", sla.RationalOf(1, 3), "0.33 USD"},
		{"1.00 USD", sla.RationalOf(2, 3), "0.67 USD"},
		{"1.00 USD", sla.RationalOf(3, 2), "1.00 USD"},
		{"1.00 USD", sla.Rational{}, "0.00 USD"},
		{"9223372036854775807 JPY", sla.RationalOf(1, 1), "9223372036854775807 JPY"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, m(tc.fee).Times(tc.share).String(), "%s × %v", tc.fee, tc.share)
	}
	assert.True(t, contract.Money{}.Times(sla.RationalOf(1, 2)).IsZero())
}

// TestDurationOf: durations in a report are exact seconds with ISO 8601
// text beside them.
func TestDurationOf(t *testing.T) {
	tests := []struct {
		d       time.Duration
		seconds string
		iso     string
	}{
		{0, "0", "PT0S"},
		{220 * time.Hour, "792000", "PT220H"},
		{44*time.Minute + 38*time.Second + 400*time.Millisecond, "2678.4", "PT44M38.4S"},
		{-19 * time.Minute, "-1140", "-PT19M"},
		{5*time.Hour + 13*time.Minute + 48*time.Second, "18828", "PT5H13M48S"},
		{time.Nanosecond, "0.000000001", "PT0.000000001S"},
		{time.Duration(-1 << 63), "-9223372036.854775808", "-PT2562047H47M16.854775808S"},
	}
	for _, tc := range tests {
		got := contract.DurationOf(tc.d)
		assert.Equal(t, tc.seconds, string(got.Seconds), "%v", tc.d)
		assert.Equal(t, tc.iso, got.ISO8601, "%v", tc.d)
		data, err := json.Marshal(got)
		require.NoError(t, err)
		var back struct {
			Seconds json.Number
			ISO     string `json:"iso8601"`
		}
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, tc.seconds, back.Seconds.String())
		if tc.d > 0 {
			// The ISO text reads back through window's own parser.
			iv, err := window.ParseInterval("2026-01-01T00:00:00Z/" + tc.iso)
			require.NoError(t, err, tc.iso)
			assert.Equal(t, tc.d, iv.Duration(), tc.iso)
		}
	}
}

func TestMethodText(t *testing.T) {
	for m, text := range map[contract.Method]string{contract.Outages: "outages", contract.Events: "events", contract.TimeSlices: "time-slices", contract.SliceAverage: "slice-average"} {
		got, err := m.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, text, string(got))
		var back contract.Method
		require.NoError(t, back.UnmarshalText(got))
		assert.Equal(t, m, back)
	}
	_, err := contract.Method(9).MarshalText()
	assert.ErrorIs(t, err, contract.ErrRange)
	assert.Equal(t, "Method(9)", contract.Method(9).String())
	var c contract.Combine
	assert.ErrorIs(t, c.UnmarshalText([]byte("most")), contract.ErrUnknownName)
}

// TestWithHolidays: holidays added to a contract's calendar for a
// period, as from an official file. Tuesday 10 March 2026 made a holiday
// takes 10 hours from March's 220 business hours: 210, and the 10 hours
// go to "other times" (523 + 10 = 533). The original contract is
// unchanged.
func TestWithHolidays(t *testing.T) {
	c := loadSeedContract(t)
	ny := newYork(t)
	march := window.Month.Containing(time.Date(2026, 3, 15, 12, 0, 0, 0, ny), ny)
	tenth := calendar.Date{Year: 2026, Month: time.March, Day: 10}
	extra, err := c.WithHolidays("business", calendar.OnDate("Company day", tenth))
	require.NoError(t, err)
	rep, err := extra.Evaluate(march, contract.Observations{})
	require.NoError(t, err)
	assert.Equal(t, 210*time.Hour, rep.Terms[0].Segments[0].Measured)
	assert.Equal(t, 533*time.Hour, rep.Terms[0].Segments[1].Measured)
	assert.NotSame(t, c.Calendars["business"], extra.Calendars["business"])
	assert.Same(t, extra.Calendars["business"], extra.Obligations.Calendar)
	_, cal := extra.Terms[0].Availability.Segments[1].Schedule.Calendar()
	assert.Same(t, extra.Calendars["business"], cal)
	assert.Same(t, extra.Calendars["business"], extra.Terms[1].Response.Calendar)
	data, err := json.Marshal(extra)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"Company day"`)

	rep, err = c.Evaluate(march, contract.Observations{})
	require.NoError(t, err)
	assert.Equal(t, 220*time.Hour, rep.Terms[0].Segments[0].Measured, "the original is unchanged")

	// A computed rule, as holiday files and country sets give: the same
	// day, in 2026 only. Such a contract has no JSON form.
	computed, err := c.WithHolidays("", calendar.Computed("From a file", func(year int) (calendar.Date, calendar.Date, bool) {
		return tenth, tenth, year == 2026
	}))
	require.NoError(t, err)
	rep, err = computed.Evaluate(march, contract.Observations{})
	require.NoError(t, err)
	assert.Equal(t, 210*time.Hour, rep.Terms[0].Segments[0].Measured)
	_, err = json.Marshal(computed)
	assert.ErrorIs(t, err, calendar.ErrComputedRule)

	_, err = c.WithHolidays("office", calendar.OnDate("x", tenth))
	assert.ErrorIs(t, err, contract.ErrUnknownName)
	_, err = c.WithHolidays("business", calendar.Fixed("x", time.February, 30))
	var fe *contract.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "calendars.business.holidays[0].day", fe.Path)
	assert.ErrorIs(t, err, contract.ErrContract)
}
