package nager_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/nager"
)

// germany2026 is written from the public holidays of Germany in 2026 in
// the shape of Nager.Date's answer: the nine national ones, and the
// regional ones with the states (ISO 3166-2) that keep them. The dates
// follow from Easter Sunday 2026, 5 April (Gregorian computus): Good
// Friday −2, Easter Monday +1, Ascension +39 (14 May), Whit Monday +50
// (25 May), Corpus Christi +60 (4 June).
const germany2026 = `[
{"date":"2026-01-01","localName":"Neujahr","name":"New Year's Day","countryCode":"DE","fixed":true,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-01-06","localName":"Heilige Drei Könige","name":"Epiphany","countryCode":"DE","fixed":true,"global":false,"counties":["DE-BW","DE-BY","DE-ST"],"launchYear":null,"types":["Public"]},
{"date":"2026-04-03","localName":"Karfreitag","name":"Good Friday","countryCode":"DE","fixed":false,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-04-06","localName":"Ostermontag","name":"Easter Monday","countryCode":"DE","fixed":false,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-05-01","localName":"Tag der Arbeit","name":"Labour Day","countryCode":"DE","fixed":true,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-05-14","localName":"Christi Himmelfahrt","name":"Ascension Day","countryCode":"DE","fixed":false,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-05-25","localName":"Pfingstmontag","name":"Whit Monday","countryCode":"DE","fixed":false,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-06-04","localName":"Fronleichnam","name":"Corpus Christi","countryCode":"DE","fixed":false,"global":false,"counties":["DE-BW","DE-BY","DE-HE","DE-NW","DE-RP","DE-SL"],"launchYear":null,"types":["Public"]},
{"date":"2026-10-03","localName":"Tag der Deutschen Einheit","name":"German Unity Day","countryCode":"DE","fixed":true,"global":true,"counties":null,"launchYear":1990,"types":["Public"]},
{"date":"2026-11-01","localName":"Allerheiligen","name":"All Saints' Day","countryCode":"DE","fixed":true,"global":false,"counties":["DE-BW","DE-BY","DE-NW","DE-RP","DE-SL"],"launchYear":null,"types":["Public"]},
{"date":"2026-12-25","localName":"Erster Weihnachtstag","name":"Christmas Day","countryCode":"DE","fixed":true,"global":true,"counties":null,"launchYear":null,"types":["Public"]},
{"date":"2026-12-26","localName":"Zweiter Weihnachtstag","name":"St. Stephen's Day","countryCode":"DE","fixed":true,"global":true,"counties":null,"launchYear":null,"types":["Public"]}
]`

// Bavaria's 2026 holidays read from the file agree with the same holidays
// written as calendar rules.
func TestBavariaAgreesWithRules(t *testing.T) {
	hs, err := nager.Parse([]byte(germany2026))
	require.NoError(t, err)
	require.Len(t, hs, 12)
	require.Equal(t, nager.Holiday{
		Date: calendar.Date{Year: 2026, Month: 1, Day: 6}, LocalName: "Heilige Drei Könige", Name: "Epiphany", CountryCode: "DE",
		Fixed: true, Counties: []string{"DE-BW", "DE-BY", "DE-ST"}, Types: []string{"Public"},
	}, hs[1])
	require.Equal(t, 1990, hs[8].LaunchYear, "German Unity Day, first held on 3 October 1990")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	days := func(rules []calendar.Rule) []calendar.Date {
		cal, err := calendar.New(berlin, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-16:00")), calendar.Holidays(rules...))
		require.NoError(t, err)
		var out []calendar.Date
		for _, h := range cal.HolidaysIn(2026) {
			out = append(out, h.Date)
		}
		return out
	}
	byHand := []calendar.Rule{
		calendar.Fixed("Neujahr", time.January, 1), calendar.Fixed("Heilige Drei Könige", time.January, 6),
		calendar.EasterOffset("Karfreitag", -2), calendar.EasterOffset("Ostermontag", 1),
		calendar.Fixed("Tag der Arbeit", time.May, 1), calendar.EasterOffset("Christi Himmelfahrt", 39),
		calendar.EasterOffset("Pfingstmontag", 50), calendar.EasterOffset("Fronleichnam", 60),
		calendar.Fixed("Tag der Deutschen Einheit", time.October, 3), calendar.Fixed("Allerheiligen", time.November, 1),
		calendar.Fixed("Erster Weihnachtstag", time.December, 25), calendar.Fixed("Zweiter Weihnachtstag", time.December, 26),
	}
	if diff := cmp.Diff(days(byHand), days(nager.Rules(hs, nager.Select{County: "DE-BY"}))); diff != "" {
		t.Errorf("Bavaria (-rules +file):\n%s", diff)
	}
	// Berlin (DE-BE) keeps none of the regional ones here; the whole
	// country's are the nine global ones.
	require.Len(t, nager.Rules(hs, nager.Select{County: "DE-BE"}), 9)
	require.Len(t, nager.Rules(hs, nager.Select{}), 9)
	require.Empty(t, nager.Rules(hs, nager.Select{County: "DE-BY", Types: []string{"Bank"}}))
	st, err := calendar.New(berlin, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-16:00")), calendar.Holidays(nager.Rules(hs, nager.Select{County: "DE-ST"})...))
	require.NoError(t, err)
	h, ok := st.HolidayOn(calendar.Date{Year: 2026, Month: 1, Day: 6})
	require.True(t, ok)
	require.Equal(t, "Epiphany", h.Name)
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"an object", `{}`, "nager: line 1: invalid document: got an object, want an array of holidays"},
		{"key twice", "[\n{\"date\": \"2026-01-01\", \"name\": \"a\", \"name\": \"b\"}]", `nager: line 2: [0].name: invalid document: key "name" given twice`},
		{"no date", `[{"name": "a"}]`, "nager: line 1: [0].date: invalid document: a holiday needs a date"},
		{"no name", `[{"date": "2026-01-01"}]`, "nager: line 1: [0].name: invalid document: a holiday needs a name or a localName"},
		{"bad date", `[{"date": "2026-13-01", "name": "a"}]`, `nager: line 1: [0].date: invalid document: invalid date "2026-13-01": month out of range`},
		{"launch year", `[{"date": "2026-01-01", "name": "a", "launchYear": 19.5}]`, `nager: line 1: [0].launchYear: invalid document: "19.5" is not a whole number of at most 4 digits`},
		{"counties", `[{"date": "2026-01-01", "name": "a", "counties": "DE-BY"}]`, "nager: line 1: [0].counties: invalid document: got a string, want an array of strings or null"},
		{"county number", `[{"date": "2026-01-01", "name": "a", "counties": [1]}]`, "nager: line 1: [0].counties[0]: invalid document: got a number, want a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nager.Parse([]byte(tc.doc))
			require.EqualError(t, err, tc.want)
			require.ErrorIs(t, err, nager.ErrInvalid)
			var fe *nager.FieldError
			require.True(t, errors.As(err, &fe))
		})
	}
	_, err := nager.Read(strings.NewReader(strings.Repeat(" ", nager.MaxSize+1)))
	require.ErrorIs(t, err, nager.ErrTooLarge)
}

// A 1 MiB file (about 4,000 holidays) reads with memory bounded by a
// multiple of its size (see the same test of package ukbank).
func TestOneMebibyteReadsInBoundedMemory(t *testing.T) {
	one := strings.Split(germany2026, "\n")[2]
	var b strings.Builder
	b.WriteString("[")
	for i := 0; b.Len() < 1<<20-len(one)-2; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(strings.TrimSuffix(one, ","))
	}
	b.WriteString("]")
	data := []byte(b.String())
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	hs, err := nager.Parse(data)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Greater(t, len(hs), 4000)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes for %d bytes of input", allocated, len(data))
	require.Less(t, allocated, uint64(24*len(data)), "bytes allocated")
}

// TestErrorsQuoteAPrefix: a 1 MiB value or key gives an error that
// quotes a short prefix of it (at most 95 bytes a text): under 200
// bytes for one cut text, 300 for two.
func TestErrorsQuoteAPrefix(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	for _, tc := range []struct {
		name, doc string
		cuts      int
	}{
		{"date", `[{"date": "` + long + `", "name": "a"}]`, 1},
		{"launch year", `[{"date": "2026-01-01", "name": "a", "launchYear": ` + long + `}]`, 1},
		{"key twice", `[{"date": "2026-01-01", "name": "a", "` + long + `": 1, "` + long + `": 2}]`, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nager.Parse([]byte(tc.doc))
			require.ErrorIs(t, err, nager.ErrInvalid)
			if n, most := len(err.Error()), 100+100*tc.cuts; n > most {
				t.Errorf("error of %d bytes, more than %d: %.300s…", n, most, err)
			}
		})
	}
}

// TestByteOrderMark: a file that starts with a UTF-8 byte order mark, as
// files saved by editors on Windows often do, was refused ("invalid
// character 'ï' looking for beginning of value"). Parse and Read skip
// the mark, and lines count as before.
func TestByteOrderMark(t *testing.T) {
	want, err := nager.Parse([]byte(germany2026))
	require.NoError(t, err)
	got, err := nager.Parse([]byte("\ufeff" + germany2026))
	require.NoError(t, err)
	require.Equal(t, want, got)
	got, err = nager.Read(strings.NewReader("\ufeff" + germany2026))
	require.NoError(t, err)
	require.Equal(t, want, got)
	_, err = nager.Parse([]byte("\ufeff" + strings.Replace(germany2026, "2026-01-06", "2026-01-32", 1)))
	require.ErrorContains(t, err, "nager: line 3: [1].date: ")
}
