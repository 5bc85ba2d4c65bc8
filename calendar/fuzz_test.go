package calendar

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FuzzSpec checks that no JSON document makes the package panic or hang,
// that every accepted document round-trips, and that the calendar it
// builds obeys the laws.
func FuzzSpec(f *testing.F) {
	f.Add([]byte(sampleSpec))
	f.Add([]byte(`{"zone":"America/New_York","hours":[{"days":"Sun-Sat","spans":["00:00-08:00"]}]}`))
	f.Add([]byte(`{"zone":"Australia/Lord_Howe","hours":[{"days":"Fri-Mon","spans":["22:00-22:00"]}],"holidays":[{"name":"x","month":2,"day":29,"observed":"previous-open-day"}]}`))
	f.Add([]byte(`{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-25:00"]}]}`))
	f.Add([]byte(`{"zone":"UTC",`))
	f.Add(hostileSpec())
	f.Add([]byte(`{"zone":"Europe/London","hours":[{"days":"Mon-Fri","spans":["09:00-17:00"]},{"days":"Sat","spans":["09:00-12:00"]}],"holidays":[{"name":"Boxing Day","month":12,"day":26,"observed":"next-open-day","weekend":"Sat,Sun"},{"name":"Pascha","orthodox_easter":0},{"name":"Election Day","nth":1,"weekday":"Mon","month":11,"add_days":1},{"name":"Midsummer","weekday":"Sat","on_or_after":"06-20"},{"name":"Victoria","weekday":"Mon","on_or_before":"05-24","first_year":1,"last_year":9999}]}`))
	f.Add([]byte(`{"zone":"UTC","zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSpec(data)
		if err != nil {
			return
		}
		cal, err := s.Calendar()
		if err != nil {
			return
		}
		again, err := json.Marshal(cal)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		s2, err := ParseSpec(again)
		if err != nil {
			t.Fatalf("reparse %s: %v", again, err)
		}
		if diff := cmp.Diff(cal.Spec(), s2); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		if _, err := s2.Calendar(); err != nil {
			t.Fatalf("rebuild %s: %v", again, err)
		}
		a := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		checkLaws(t, cal, a, a.AddDate(0, 1, 3), a.AddDate(1, -1, 0), 1000*time.Hour)
		checkDayLaws(t, cal, Date{2026, 3, 1}, Date{2026, 4, 4}, Date{2027, 2, 1}, 100)
	})
}

// FuzzLaws checks the laws on a fixed holiday-rich calendar in a zone with
// a half-hour change, at fuzzed instants and durations.
func FuzzLaws(f *testing.F) {
	lh, err := time.LoadLocation("Australia/Lord_Howe")
	if err != nil {
		f.Fatal(err)
	}
	cal, err := New(lh,
		Weekly(MondayToFriday, MustSpan("09:00-12:00"), MustSpan("13:00-02:30")),
		Weekly(Weekend, MustSpan("02:15-24:00")),
		Holidays(germanHolidays()...),
		Holidays(Fixed("Boxing Day", time.December, 26).Observed(NextOpenDay)),
		Override(Date{2026, 10, 4}, MustSpan("01:00-03:00")),
	)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(int64(1775000000), int64(3600), int64(-7200), int64(time.Hour))
	f.Add(int64(0), int64(-1), int64(1<<40), int64(-1))
	f.Fuzz(func(t *testing.T, a, db, dc, d int64) {
		at := time.Unix(0, 0).Add(time.Duration(a))
		checkLaws(t, cal, at, at.Add(time.Duration(db)), at.Add(time.Duration(dc)), time.Duration(d))
		day := func(x time.Time) Date { return DateOf(x, lh) }
		checkDayLaws(t, cal, day(at), day(at.Add(time.Duration(db))), day(at.Add(time.Duration(dc))), int(d%100000))
	})
}

// FuzzParse checks the text parsers: no panics, and accepted texts
// round-trip through their canonical form.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-03-27", "24:00", "09:00-17:00", "22:00-06:00", "Mon-Fri", "Sat,Sun", "Fri-Mon", "next-open-day", "12:00:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil {
			if d2, err := ParseDate(d.String()); err != nil || d2 != d {
				t.Fatalf("date %q: %v %v", s, d2, err)
			}
		}
		if c, err := ParseClock(s); err == nil {
			if c2, err := ParseClock(c.String()); err != nil || c2 != c {
				t.Fatalf("clock %q: %v %v", s, c2, err)
			}
		}
		if sp, err := ParseSpan(s); err == nil {
			if sp2, err := ParseSpan(sp.String()); err != nil || sp2 != sp {
				t.Fatalf("span %q: %v %v", s, sp2, err)
			}
		}
		if w, err := ParseWeekdays(s); err == nil {
			if w2, err := ParseWeekdays(w.String()); err != nil || w2 != w {
				t.Fatalf("weekdays %q: %v %v", s, w2, err)
			}
		}
		if p, err := ParseSubstitute(s); err == nil {
			if p2, err := ParseSubstitute(p.String()); err != nil || p2 != p {
				t.Fatalf("observed %q: %v %v", s, p2, err)
			}
		}
	})
}
