package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-03-27", Date{2026, time.March, 27}, true},
		{"2028-02-29", Date{2028, time.February, 29}, true},
		{"2026-02-29", Date{}, false}, // 2026 is not a leap year
		{"1900-02-29", Date{}, false}, // divisible by 100, not by 400
		{"2000-02-29", Date{2000, time.February, 29}, true},
		{"2026-04-31", Date{}, false},
		{"2026-13-01", Date{}, false},
		{"2026-3-27", Date{}, false},
		{"0000-01-01", Date{}, false},
		{"", Date{}, false},
		{"2026-03-2x", Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.in == "0000-01-01" {
				// The year is out of range, not the day.
				require.ErrorIs(t, err, ErrOutOfRange)
				require.EqualError(t, err, `calendar: invalid date "0000-01-01": out of the supported years: year 0 is not in 1–9999`)
			}
			if !tt.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.in, got.String())
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Date{2026, time.March, 27}
	// 27 March 2026 is a Friday; 1 January 1970 was a Thursday.
	require.Equal(t, time.Friday, d.Weekday())
	require.Equal(t, time.Thursday, Date{1970, 1, 1}.Weekday())
	require.Equal(t, time.Wednesday, Date{1969, 12, 31}.Weekday())
	require.Equal(t, Date{2026, time.April, 3}, d.AddDays(7))
	require.Equal(t, Date{2025, time.December, 31}, Date{2026, 1, 1}.AddDays(-1))
	require.True(t, d.Before(d.AddDays(1)))
	require.True(t, d.After(d.AddDays(-1)))
	require.Equal(t, 0, d.Compare(d))
	// 23:30 UTC on 27 March is already 28 March in Berlin.
	ber := loadZone(t, "Europe/Berlin")
	require.Equal(t, Date{2026, 3, 28}, DateOf(time.Date(2026, 3, 27, 23, 30, 0, 0, time.UTC), ber))
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want Clock
		ok   bool
	}{
		{"00:00", 0, true},
		{"09:30", 9*3600 + 30*60, true},
		{"23:59:59", 86399, true},
		{"24:00", EndOfDay, true},
		{"24:01", 0, false},
		{"25:00", 0, false},
		{"12:60", 0, false},
		{"12:00:60", 0, false},
		{"9:00", 0, false},
		{"09-00", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if !tt.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.in, got.String())
		})
	}
	c, err := NewClock(17, 45, 0)
	require.NoError(t, err)
	require.Equal(t, "17:45", c.String())
	_, err = NewClock(24, 0, 1)
	require.ErrorIs(t, err, ErrInvalid)
}

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in        string
		length    time.Duration
		overnight bool
		ok        bool
	}{
		{"09:00-17:00", 8 * time.Hour, false, true},
		{"22:00-06:00", 8 * time.Hour, true, true},
		{"00:00-24:00", 24 * time.Hour, false, true},
		{"09:00-09:00", 24 * time.Hour, true, true},
		{"18:00-24:00", 6 * time.Hour, false, true},
		{"24:00-06:00", 0, false, false},
		{"09:00", 0, false, false},
		{"09:00-25:00", 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSpan(tt.in)
			if !tt.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.length, got.Duration())
			require.Equal(t, tt.overnight, got.Overnight())
			require.Equal(t, tt.in, got.String())
		})
	}
}

func TestParseWeekdays(t *testing.T) {
	tests := []struct {
		in, canonical string
		want          Weekdays
	}{
		{"Mon-Fri", "Mon-Fri", MondayToFriday},
		{"Sat,Sun", "Sat,Sun", Weekend},
		{"sat, SUNDAY", "Sat,Sun", Weekend},
		{"Mon-Sun", "Mon-Sun", EveryDay},
		{"Fri-Mon", "Mon,Fri-Sun", WeekdaysOf(time.Friday, time.Saturday, time.Sunday, time.Monday)},
		{"Wed", "Wed", WeekdaysOf(time.Wednesday)},
		{"Mon,Wed-Fri", "Mon,Wed-Fri", WeekdaysOf(time.Monday, time.Wednesday, time.Thursday, time.Friday)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseWeekdays(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.canonical, got.String())
		})
	}
	for _, bad := range []string{"", "Mon-", "Funday", "Mon,,Tue"} {
		_, err := ParseWeekdays(bad)
		require.Error(t, err, "ParseWeekdays(%q)", bad)
	}
	require.Equal(t, 5, MondayToFriday.Len())
}

func TestTextMarshalling(t *testing.T) {
	type doc struct {
		D Date
		C Clock
		S Span
		W Weekdays
		P Substitute
	}
	in := doc{Date{2026, 12, 24}, Clock(12 * 3600), MustSpan("22:00-06:00"), MondayToFriday, NearestWeekday}
	text := []string{}
	for _, m := range []interface{ MarshalText() ([]byte, error) }{in.D, in.C, in.S, in.W, in.P} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		text = append(text, string(b))
	}
	want := []string{"2026-12-24", "12:00", "22:00-06:00", "Mon-Fri", "nearest-weekday"}
	if diff := cmp.Diff(want, text); diff != "" {
		t.Errorf("MarshalText (-want +got):\n%s", diff)
	}
	var out doc
	require.NoError(t, out.D.UnmarshalText([]byte(text[0])))
	require.NoError(t, out.C.UnmarshalText([]byte(text[1])))
	require.NoError(t, out.S.UnmarshalText([]byte(text[2])))
	require.NoError(t, out.W.UnmarshalText([]byte(text[3])))
	require.NoError(t, out.P.UnmarshalText([]byte(text[4])))
	require.Equal(t, in, out)
	_, err := Date{}.MarshalText()
	require.Error(t, err)
	_, err = Clock(-1).MarshalText()
	require.Error(t, err)
	_, err = Weekdays(0).MarshalText()
	require.Error(t, err)
}

// TestErrorsQuoteAPrefix: an error about a 1 MiB text, or a document
// holding one, quotes a short prefix of it. A cut text takes at most 95
// bytes (64 quoted, then its length); an error that cuts one text stays
// under 200 bytes, one that cuts two (the input and the part of it that
// failed, or a path and the key that ends it) under 300.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	doc := func(field string) []byte {
		return []byte(`{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],` + field + `}`)
	}
	tests := []struct {
		name  string
		cuts  int // the texts the error cuts
		parse func() error
	}{
		{"ParseDate", 1, func() error { _, err := ParseDate(long); return err }},
		{"ParseClock", 1, func() error { _, err := ParseClock(long); return err }},
		{"ParseSpan", 1, func() error { _, err := ParseSpan(long); return err }},
		{"ParseSpan, long clock", 2, func() error { _, err := ParseSpan("09:00-" + long); return err }},
		{"ParseWeekdays", 2, func() error { _, err := ParseWeekdays(long); return err }},
		{"ParseWeekdays, long day", 2, func() error { _, err := ParseWeekdays("Mon," + long); return err }},
		{"ParseSubstitute", 1, func() error { _, err := ParseSubstitute(long); return err }},
		{"Weekdays.UnmarshalText", 2, func() error { var w Weekdays; return w.UnmarshalText([]byte(long)) }},
		{"zone", 1, func() error { _, err := mustParse(t, `{"zone":"`+long+`","hours":[]}`).Calendar(); return err }},
		{"unknown field", 2, func() error { _, err := ParseSpec(doc(`"` + long + `":1`)); return err }},
		{"key twice", 2, func() error { _, err := ParseSpec(doc(`"` + long + `":1,"` + long + `":2`)); return err }},
		{"long number", 1, func() error { _, err := ParseSpec(doc(`"holidays":[{"name":"x","month":` + long + `}]`)); return err }},
		{"holiday date", 1, func() error {
			_, err := mustParse(t, string(doc(`"holidays":[{"name":"x","date":"`+long+`"}]`))).Calendar()
			return err
		}},
		{"on_or_after", 1, func() error {
			_, err := mustParse(t, string(doc(`"holidays":[{"name":"x","weekday":"Mon","on_or_after":"`+long+`"}]`))).Calendar()
			return err
		}},
		{"deep nesting", 1, func() error {
			_, err := ParseSpec([]byte(strings.Repeat(`{"hours":[`, 5000)))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse()
			require.Error(t, err)
			if n, most := len(err.Error()), 100+100*tt.cuts; n > most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, most, err)
			}
		})
	}
}

// mustParse reads a Spec document that is well formed.
func mustParse(t *testing.T, doc string) Spec {
	t.Helper()
	s, err := ParseSpec([]byte(doc))
	require.NoError(t, err)
	return s
}
