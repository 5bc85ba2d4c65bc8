package ukbank_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ukbank"
)

func TestParse(t *testing.T) {
	doc := `{
 "england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "Bank Holiday for the State Funeral of Queen Elizabeth II", "date": "2022-09-19", "notes": "", "bunting": false},
  {"title": "Christmas Day", "date": "2022-12-27", "notes": "Substitute day", "bunting": true, "added": {"later": [1]}}]},
 "scotland": {"division": "scotland", "events": []}
}`
	f, err := ukbank.Parse([]byte(doc))
	require.NoError(t, err)
	want := map[ukbank.Division][]ukbank.Event{
		ukbank.EnglandAndWales: {
			{Title: "Bank Holiday for the State Funeral of Queen Elizabeth II", Date: calendar.Date{Year: 2022, Month: 9, Day: 19}},
			{Title: "Christmas Day", Date: calendar.Date{Year: 2022, Month: 12, Day: 27}, Notes: "Substitute day", Bunting: true},
		},
		ukbank.Scotland: {},
	}
	if diff := cmp.Diff(want, f.Divisions); diff != "" {
		t.Errorf("divisions (-want +got):\n%s", diff)
	}
	rules, err := f.Rules(ukbank.EnglandAndWales)
	require.NoError(t, err)
	cal, err := calendar.New(time.UTC, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("09:00-17:00")), calendar.Holidays(rules...))
	require.NoError(t, err)
	require.Equal(t, []calendar.Holiday{
		{Name: "Bank Holiday for the State Funeral of Queen Elizabeth II", Date: calendar.Date{Year: 2022, Month: 9, Day: 19}, Observed: calendar.Date{Year: 2022, Month: 9, Day: 19}},
		{Name: "Christmas Day (Substitute day)", Date: calendar.Date{Year: 2022, Month: 12, Day: 27}, Observed: calendar.Date{Year: 2022, Month: 12, Day: 27}},
	}, cal.HolidaysIn(2022))
	_, err = f.Rules(ukbank.NorthernIreland)
	require.ErrorIs(t, err, ukbank.ErrNoDivision)
	require.EqualError(t, err, `ukbank: no such division "northern-ireland"; the file has "england-and-wales", "scotland"`)
}

func TestErrors(t *testing.T) {
	ev := func(s string) string {
		return `{"scotland": {"division": "scotland", "events": [` + "\n" + s + `]}}`
	}
	for _, tc := range []struct{ name, doc, want string }{
		{"not JSON", "bank holidays", "ukbank: line 1: invalid document: malformed JSON: invalid character 'b' looking for beginning of value"},
		{"an array", "[]", "ukbank: line 1: invalid document: got an array, want an object of divisions"},
		{"trailing data", `{} {}`, "ukbank: line 1: invalid document: malformed JSON: data after the document"},
		{"truncated", `{"scotland": {"events": [`, "ukbank: line 1: scotland.events: invalid document: malformed JSON: unexpected end of the document"},
		{"division twice", `{"scotland": {"events": []}, "scotland": {}}`, `ukbank: line 1: scotland: invalid document: key "scotland" given twice`},
		{"key twice", ev(`{"title": "a", "date": "2026-01-02", "date": "2026-01-03"}`), `ukbank: line 2: scotland.events[0].date: invalid document: key "date" given twice`},
		{"wrong division", `{"scotland": {"division": "england-and-wales"}}`, `ukbank: line 1: scotland.division: invalid document: "england-and-wales" under the key "scotland"`},
		{"no such date", ev(`{"title": "a", "date": "2026-02-29"}`), `ukbank: line 2: scotland.events[0].date: invalid document: invalid date "2026-02-29": no such day in that month`},
		{"date as number", ev(`{"title": "a", "date": 20260102}`), "ukbank: line 2: scotland.events[0].date: invalid document: got a number, want a string"},
		{"no title", ev(`{"date": "2026-01-02"}`), "ukbank: line 2: scotland.events[0].title: invalid document: an event needs a title"},
		{"no date", ev(`{"title": "x"}, {"title": "y"}`), "ukbank: line 2: scotland.events[0].date: invalid document: an event needs a date"},
		{"bunting as text", ev(`{"title": "x", "date": "2026-01-02", "bunting": "yes"}`), "ukbank: line 2: scotland.events[0].bunting: invalid document: got a string, want true or false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ukbank.Parse([]byte(tc.doc))
			require.EqualError(t, err, tc.want)
			require.ErrorIs(t, err, ukbank.ErrInvalid)
			var fe *ukbank.FieldError
			require.True(t, errors.As(err, &fe))
		})
	}
	_, err := ukbank.Read(strings.NewReader(strings.Repeat(" ", ukbank.MaxSize+1)))
	require.ErrorIs(t, err, ukbank.ErrTooLarge)
}

// bigFile returns a bank-holidays file of about size bytes: one division
// with as many events as fit.
func bigFile(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"england-and-wales": {"division": "england-and-wales", "events": [`)
	for i := 0; b.Len() < size-200; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true}`)
	}
	b.WriteString("]}}")
	return []byte(b.String())
}

// A 1 MiB file (about 12,000 events) reads with memory bounded by a
// multiple of its size: encoding/json's Token boxes every token in an
// interface, and each field's path is built as it is read (about 18 bytes
// allocated per byte of input when measured); nothing grows faster than
// the input.
func TestOneMebibyteReadsInBoundedMemory(t *testing.T) {
	data := bigFile(1 << 20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := ukbank.Parse(data)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Greater(t, len(f.Divisions[ukbank.EnglandAndWales]), 10000)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes for %d bytes of input", allocated, len(data))
	require.Less(t, allocated, uint64(24*len(data)), "bytes allocated")
}

// TestErrorsQuoteAPrefix: a 1 MiB value, key or division name gives an
// error that quotes a short prefix of it (at most 95 bytes a text):
// under 200 bytes for one cut text, 300 for two.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	ev := func(s string) string {
		return `{"scotland": {"division": "scotland", "events": [` + s + `]}}`
	}
	for _, tc := range []struct {
		name, doc string
		cuts      int
	}{
		{"date", ev(`{"title": "a", "date": "` + long + `"}`), 1},
		{"date as a long number", ev(`{"title": "a", "date": ` + long + `}`), 0},
		{"division under another key", `{"scotland": {"division": "` + long + `"}}`, 1},
		{"division twice", `{"` + long + `": {}, "` + long + `": {}}`, 2},
		{"key twice in a skipped value", ev(`{"title": "a", "date": "2026-01-01", "x": {"` + long + `": 1, "` + long + `": 2}}`), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ukbank.Parse([]byte(tc.doc))
			require.ErrorIs(t, err, ukbank.ErrInvalid)
			if n, most := len(err.Error()), 100+100*max(tc.cuts, 1); n > most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, most, err)
			}
		})
	}
	names := []string{long, long + "8", long + "7"}
	f := ukbank.File{Divisions: map[ukbank.Division][]ukbank.Event{}}
	for _, n := range names {
		f.Divisions[ukbank.Division(n)] = nil
	}
	_, err := f.Rules(ukbank.Division(long + "6"))
	require.ErrorIs(t, err, ukbank.ErrNoDivision)
	if n := len(err.Error()); n > 500 {
		t.Errorf("Rules: error of %d bytes for four long names: %.300s…", n, err)
	}
}

// TestByteOrderMark: a file that starts with a UTF-8 byte order mark, as
// files saved by editors on Windows often do, was refused ("invalid
// character 'ï' looking for beginning of value"). Parse and Read skip
// the mark, and lines count as before.
func TestByteOrderMark(t *testing.T) {
	doc := `{"scotland": {"division": "scotland", "events": [
  {"title": "St Andrew's Day", "date": "2026-11-30", "notes": "", "bunting": true}]}}`
	want, err := ukbank.Parse([]byte(doc))
	require.NoError(t, err)
	got, err := ukbank.Parse([]byte("\ufeff" + doc))
	require.NoError(t, err)
	require.Equal(t, want, got)
	got, err = ukbank.Read(strings.NewReader("\ufeff" + doc))
	require.NoError(t, err)
	require.Equal(t, want, got)
	_, err = ukbank.Parse([]byte("\ufeff" + strings.Replace(doc, "2026-11-30", "2026-11-31", 1)))
	require.ErrorContains(t, err, "ukbank: line 2: scotland.events[0].date: ")
}

// TestRulesOfAFileWithoutDivisions: asking a file with no divisions (an
// empty document, or the zero File) for one says the file has none;
// before, the message ended in "the file has " and nothing after it.
func TestRulesOfAFileWithoutDivisions(t *testing.T) {
	empty, err := ukbank.Parse([]byte(`{}`))
	require.NoError(t, err)
	one := ukbank.File{Divisions: map[ukbank.Division][]ukbank.Event{ukbank.Scotland: nil}}
	tests := []struct {
		name string
		file ukbank.File
		ask  ukbank.Division
		want string
	}{
		{"zero File", ukbank.File{}, ukbank.Scotland, `ukbank: no such division "scotland"; the file has no divisions`},
		{"empty document", empty, ukbank.Scotland, `ukbank: no such division "scotland"; the file has no divisions`},
		{"another division", one, ukbank.EnglandAndWales, `ukbank: no such division "england-and-wales"; the file has "scotland"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules, err := tc.file.Rules(tc.ask)
			require.ErrorIs(t, err, ukbank.ErrNoDivision)
			require.Nil(t, rules)
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("Rules(%q) error (-want +got):\n%s", tc.ask, diff)
			}
		})
	}
	// FieldError is the module's shared document error; its zero value
	// has no package to name, and says so without panicking.
	if diff := cmp.Diff("invalid value", new(ukbank.FieldError).Error()); diff != "" {
		t.Errorf("new(FieldError).Error() (-want +got):\n%s", diff)
	}
}
