package calendar

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

const sampleSpec = `{
  "zone": "Europe/Berlin",
  "hours": [
    {"days": "Mon-Fri", "spans": ["09:00-12:30", "13:30-17:00"]},
    {"days": "Sat", "spans": ["22:00-06:00"]}
  ],
  "holidays": [
    {"name": "New Year's Day", "month": 1, "day": 1, "observed": "next-open-day"},
    {"name": "Good Friday", "easter": -2},
    {"name": "Easter Sunday", "easter": 0},
    {"name": "Thanksgiving", "nth": 4, "weekday": "Thu", "month": 11, "first_year": 1942},
    {"name": "Last Friday", "nth": -1, "weekday": "Fri", "month": 6, "last_year": 2030},
    {"name": "Royal wedding", "date": "2011-04-29"},
    {"name": "Orthodox Easter Monday", "orthodox_easter": 1},
    {"name": "Election Day", "nth": 1, "weekday": "Mon", "month": 11, "add_days": 1},
    {"name": "Victoria Day", "weekday": "Mon", "on_or_before": "05-24"},
    {"name": "Midsummer Day", "weekday": "Sat", "on_or_after": "06-20"},
    {"name": "Boxing Day", "month": 12, "day": 26, "observed": "next-open-day", "weekend": "Sat,Sun"}
  ],
  "overrides": [
    {"date": "2026-12-24", "hours": ["09:00-12:00"]},
    {"date": "2026-12-31", "closed": true}
  ]
}`

func TestSpecRoundTrip(t *testing.T) {
	s, err := ParseSpec([]byte(sampleSpec))
	require.NoError(t, err)
	c, err := s.Calendar()
	require.NoError(t, err)
	if diff := cmp.Diff(s, c.Spec()); diff != "" {
		t.Errorf("Calendar().Spec() (-want +got):\n%s", diff)
	}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	s2, err := ParseSpec(data)
	require.NoError(t, err)
	if diff := cmp.Diff(s, s2); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	// The rebuilt calendar answers the same: one year of business time.
	c2, err := s2.Calendar()
	require.NoError(t, err)
	a := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := a.AddDate(1, 0, 0)
	require.Equal(t, c.Between(a, b), c2.Between(a, b))
	// Christmas Eve closes at 12:00.
	eve := time.Date(2026, 12, 24, 12, 30, 0, 0, c.Location())
	require.False(t, c2.IsOpen(eve))
}

// TestBadInput checks that each kind of bad definition is an error that
// names the field, wraps the right sentinel, and never panics.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		path     string // the field the error must name
		sentinel error
	}{
		{"overlapping spans", `{"zone":"UTC","hours":[{"days":"Mon-Fri","spans":["09:00-17:00","16:00-18:00"]}]}`, "hours[0].spans[1]", ErrOverlap},
		{"overlapping entries", `{"zone":"UTC","hours":[{"days":"Mon-Fri","spans":["09:00-17:00"]},{"days":"Fri","spans":["16:30-18:00"]}]}`, "hours[1].spans[0]", ErrOverlap},
		{"never open", `{"zone":"UTC","hours":[]}`, "hours", ErrNeverOpen},
		{"never open, no hours key", `{"zone":"UTC"}`, "hours", ErrNeverOpen},
		{"entry without spans", `{"zone":"UTC","hours":[{"days":"Mon","spans":[]}]}`, "hours[0].spans", ErrInvalid},
		{"unknown zone", `{"zone":"Mars/Olympus_Mons","hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`, "zone", ErrUnknownZone},
		{"missing zone", `{"hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`, "zone", ErrUnknownZone},
		{"31 April", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":4,"day":31}]}`, "holidays[0].day", ErrNoSuchDate},
		{"30 February", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"ok","month":2,"day":29},{"name":"x","month":2,"day":30}]}`, "holidays[1].day", ErrNoSuchDate},
		{"month 13", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":13,"day":1}]}`, "holidays[0].month", ErrNoSuchDate},
		{"nth 6", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","nth":6,"weekday":"Mon","month":5}]}`, "holidays[0].nth", ErrNoSuchDate},
		{"25:00", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-25:00"]}]}`, "hours[0].spans[0]", nil},
		{"start at 24:00", `{"zone":"UTC","hours":[{"days":"Mon","spans":["24:00-06:00"]}]}`, "hours[0].spans[0]", ErrInvalid},
		{"bad weekday set", `{"zone":"UTC","hours":[{"days":"Mon-Funday","spans":["09:00-17:00"]}]}`, "hours[0].days", nil},
		{"no name", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"month":1,"day":1}]}`, "holidays[0].name", ErrInvalid},
		{"two kinds", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","easter":1,"date":"2026-01-01"}]}`, "holidays[0]", ErrInvalid},
		{"bad policy", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","easter":1,"observed":"someday"}]}`, "holidays[0].observed", nil},
		{"bad override date", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-04-31","closed":true}]}`, "overrides[0].date", nil},
		{"override out of range", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"0000-01-01","closed":true}]}`, "overrides[0].date", ErrOutOfRange},
		{"override twice", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","closed":true},{"date":"2026-01-01","closed":true}]}`, "overrides[1].date", ErrInvalid},
		{"override without hours", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01"}]}`, "overrides[0]", ErrInvalid},
		{"override overlap", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","hours":["10:00-12:00","11:00-13:00"]}]}`, "overrides[0].hours[1]", ErrOverlap},
		{"wrong JSON type", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":"May","day":1}]}`, "holidays[0].month", ErrInvalid},
		{"unknown field", `{"zone":"UTC","hourz":[]}`, "hourz", ErrInvalid},
		{"unknown field in an entry", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"],"span":"x"}]}`, "hours[0].span", ErrInvalid},
		{"malformed JSON", `{"zone":"UTC",`, "", nil},
		{"not an object", `[1,2,3]`, "", ErrInvalid},
		{"data after the document", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}]} {}`, "", nil},
		// Type errors keep the array index.
		{"spans not an array", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]},{"days":"Tue","spans":["09:00-17:00"]},{"days":"Wed","spans":"09:00-17:00"}]}`, "hours[2].spans", ErrInvalid},
		{"span not a string", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00", 9]}]}`, "hours[0].spans[1]", ErrInvalid},
		{"easter not a number", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"a","easter":1},{"name":"b","easter":"2"}]}`, "holidays[1].easter", ErrInvalid},
		{"fractional day", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"a","month":1,"day":1.5}]}`, "holidays[0].day", ErrInvalid},
		{"closed not a boolean", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","closed":"yes"}]}`, "overrides[0].closed", ErrInvalid},
		{"hours an object", `{"zone":"UTC","hours":{"days":"Mon"}}`, "hours", ErrInvalid},
		// Keys given twice.
		{"two zones", `{"zone":"UTC","zone":"Europe/Berlin","hours":[{"days":"Mon","spans":["09:00-17:00"]}]}`, "zone", ErrInvalid},
		{"two days in an entry", `{"zone":"UTC","hours":[{"days":"Mon","days":"Tue","spans":["09:00-17:00"]}]}`, "hours[0].days", ErrInvalid},
		{"two names", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"a","month":1,"day":1},{"name":"b","name":"c","month":1,"day":2}]}`, "holidays[1].name", ErrInvalid},
		{"two closed", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"overrides":[{"date":"2026-01-01","closed":true,"closed":false}]}`, "overrides[0].closed", ErrInvalid},
		// The new rule kinds.
		{"orthodox and western Easter", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","easter":1,"orthodox_easter":1}]}`, "holidays[0]", ErrInvalid},
		{"orthodox offset too far", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","orthodox_easter":400}]}`, "holidays[0].orthodox_easter", ErrInvalid},
		{"add_days too far", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":1,"day":1,"add_days":-367}]}`, "holidays[0].add_days", ErrInvalid},
		{"on_or_after without weekday", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","on_or_after":"06-20"}]}`, "holidays[0].weekday", ErrInvalid},
		{"on_or_after 31 June", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","weekday":"Sat","on_or_after":"06-31"}]}`, "holidays[0].on_or_after", ErrNoSuchDate},
		{"on_or_before with a month", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","weekday":"Mon","on_or_before":"05-24","month":5}]}`, "holidays[0].month", ErrInvalid},
		{"both on_or_after and on_or_before", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","weekday":"Mon","on_or_before":"05-24","on_or_after":"05-18"}]}`, "holidays[0]", ErrInvalid},
		{"weekday without nth", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","weekday":"Mon","month":5}]}`, "holidays[0].nth", ErrNoSuchDate},
		{"bad weekend", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":1,"day":1,"weekend":"Caturday"}]}`, "holidays[0].weekend", nil},
		{"weekend of every day", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","month":1,"day":1,"observed":"next-open-day","weekend":"Mon-Sun"}]}`, "holidays[0].weekend", ErrInvalid},
		{"year 0", `{"zone":"UTC","hours":[{"days":"Mon","spans":["09:00-17:00"]}],"holidays":[{"name":"x","date":"0000-01-01"}]}`, "holidays[0].date", ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSpec([]byte(tt.spec))
			if err == nil {
				_, err = s.Calendar()
			}
			require.Error(t, err)
			require.True(t, strings.HasPrefix(err.Error(), "calendar: "), "error %q lacks the package prefix", err)
			if tt.path != "" {
				var fe *FieldError
				require.True(t, errors.As(err, &fe), "error %q is not a *FieldError", err)
				require.Equal(t, tt.path, fe.Path, "error %q", err)
			}
			if tt.sentinel != nil {
				require.ErrorIs(t, err, tt.sentinel)
			}
		})
	}
}

// TestParseSpecLines checks that errors name the line of the document.
func TestParseSpecLines(t *testing.T) {
	doc := `{
  "zone": "UTC",
  "hours": [
    {"days": "Mon", "spans": ["09:00-17:00"]},
    {"days": "Tue", "days": "Wed", "spans": ["09:00-17:00"]}
  ]
}`
	_, err := ParseSpec([]byte(doc))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, FieldError{Path: "hours[1].days", Line: 5, Err: fe.Err}, *fe)
	require.Equal(t, `calendar: line 5: hours[1].days: invalid value: key "days" given twice`, err.Error())

	_, err = ParseSpec([]byte("{\n\"zone\": \"UTC\",\n\"hours\": [1,\n"))
	require.ErrorAs(t, err, &fe)
	require.Equal(t, 3, fe.Line)

	// Errors of Spec.Calendar have no document, and no line.
	_, err = Spec{Zone: "UTC"}.Calendar()
	require.ErrorAs(t, err, &fe)
	require.Zero(t, fe.Line)
	require.Equal(t, "calendar: hours: calendar is never open: no weekly hours", err.Error())
}

// TestParseSpecMessages pins the text of reader errors, which read as
// those of the calendar adapters and of contract documents do.
func TestParseSpecMessages(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"type in the third element", `{"zone":"UTC","hours":[{"days":"Mon","spans":[]},{"days":"Tue","spans":[]},
 {"days":"Wed","spans":"09:00-17:00"}]}`, `calendar: line 2: hours[2].spans: invalid value: got a string, want an array of strings or null`},
		{"a number as text", `{"zone":"UTC","holidays":[{"name":"x","month":"May"}]}`, `calendar: line 1: holidays[0].month: invalid value: got a string, want an integer or null`},
		{"a fraction", `{"zone":"UTC","holidays":[{"name":"x","day":1.5}]}`, `calendar: line 1: holidays[0].day: invalid value: "1.5" is not an integer of at most 9 digits`},
		{"unknown field", `{"zone":"UTC","hourz":[]}`, `calendar: line 1: hourz: invalid value: unknown field "hourz"`},
		{"truncated", "{\n\"zone\":\"UTC\",", `calendar: line 2: invalid value: malformed JSON: unexpected end of the document`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSpec([]byte(tt.doc))
			require.EqualError(t, err, tt.want)
			require.ErrorIs(t, err, ErrInvalid)
		})
	}
}

// TestSpecInsideAnotherDocument: a Spec read by encoding/json inside
// another document is read as strictly as by ParseSpec.
func TestSpecInsideAnotherDocument(t *testing.T) {
	var doc struct {
		Calendars map[string]Spec `json:"calendars"`
	}
	err := json.Unmarshal([]byte(`{"calendars": {"office": {"zone": "UTC", "zone": "Europe/Paris", "hours": []}}}`), &doc)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "zone", fe.Path)
	require.NoError(t, json.Unmarshal([]byte(`{"calendars": {"office": `+sampleSpec+`}}`), &doc))
	want, err := ParseSpec([]byte(sampleSpec))
	require.NoError(t, err)
	if diff := cmp.Diff(want, doc.Calendars["office"]); diff != "" {
		t.Errorf("embedded Spec (-want +got):\n%s", diff)
	}
}

// TestComputedRuleHasNoJSON: a calendar with a rule computed by a Go
// function round-trips through its Spec in Go, but marshalling it to JSON
// is an error that says why, not a silent drop.
func TestComputedRuleHasNoJSON(t *testing.T) {
	f := func(y int) (Date, Date, bool) { return Date{y, 3, 3}, Date{y, 3, 3}, true }
	c := mustNew(t, time.UTC, Weekly(MondayToFriday, MustSpan("09:00-17:00")),
		Holidays(Fixed("New Year's Day", time.January, 1), Computed("Kept elsewhere", f)))
	_, err := json.Marshal(c)
	require.ErrorIs(t, err, ErrComputedRule)
	require.ErrorContains(t, err, `holidays[1]: "Kept elsewhere": rule computed by a Go function, which has no JSON form`)

	s := c.Spec()
	require.NotNil(t, s.Holidays[1].Func)
	_, err = json.Marshal(s)
	require.ErrorIs(t, err, ErrComputedRule)
	c2, err := s.Calendar()
	require.NoError(t, err)
	h, ok := c2.Holiday("Kept elsewhere", 2026)
	require.True(t, ok)
	require.Equal(t, Date{2026, 3, 3}, h.Date)
}

// TestNeverOpenAndEmptyEntries pins what New promises: no weekly hours at
// all is ErrNeverOpen; an entry of weekly hours with no spans or no days
// is ErrInvalid, naming the entry, even when it is the only one.
func TestNeverOpenAndEmptyEntries(t *testing.T) {
	tests := []struct {
		name     string
		opts     []Option
		path     string
		sentinel error
	}{
		{"no hours", nil, "hours", ErrNeverOpen},
		{"only holidays", []Option{Holidays(Fixed("x", time.January, 1))}, "hours", ErrNeverOpen},
		{"entry without spans", []Option{Weekly(MondayToFriday)}, "hours[0].spans", ErrInvalid},
		{"second entry without spans", []Option{Weekly(MondayToFriday, MustSpan("09:00-17:00")), Weekly(Weekend)}, "hours[1].spans", ErrInvalid},
		{"entry without days", []Option{Weekly(0, MustSpan("09:00-17:00"))}, "hours[0].days", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(time.UTC, tt.opts...)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			require.Equal(t, tt.path, fe.Path)
			require.ErrorIs(t, err, tt.sentinel)
			if tt.sentinel == ErrInvalid {
				require.NotErrorIs(t, err, ErrNeverOpen)
			}
		})
	}
}

// TestNewErrors covers errors only the Go API can produce.
func TestNewErrors(t *testing.T) {
	_, err := New(nil, Weekly(MondayToFriday, MustSpan("09:00-17:00")))
	require.ErrorIs(t, err, ErrUnknownZone)
	_, err = New(time.UTC)
	require.ErrorIs(t, err, ErrNeverOpen)
	_, err = New(time.UTC, Weekly(MondayToFriday, MustSpan("09:00-17:00")), Holidays(Rule{name: "zero"}))
	require.ErrorIs(t, err, ErrInvalid)
	_, err = New(time.UTC, Weekly(MondayToFriday, Span{Clock(9 * 3600), Clock(90000)}))
	require.ErrorIs(t, err, ErrInvalid)
	_, err = New(time.UTC, Weekly(0, MustSpan("09:00-17:00")))
	require.ErrorIs(t, err, ErrInvalid)
}

// TestKeysInAnotherCase: keys are exact, and a key in another case said
// only "unknown field "Zone"", though the reader knew the field it
// meant. The error now gives the spelling, as a contract's and a ticket
// policy's do. Each key of each object of a Spec, as its json tag names
// it, is tried in upper case.
func TestKeysInAnotherCase(t *testing.T) {
	objects := []struct {
		typ  reflect.Type
		path string                  // where the object stands in doc
		doc  func(key string) string // a document with key in that object
	}{
		{reflect.TypeFor[Spec](), "", func(k string) string { return `{"zone":"UTC","` + k + `":null}` }},
		{reflect.TypeFor[HoursSpec](), "hours[0].", func(k string) string { return `{"zone":"UTC","hours":[{"` + k + `":null}]}` }},
		{reflect.TypeFor[HolidaySpec](), "holidays[0].", func(k string) string { return `{"zone":"UTC","holidays":[{"` + k + `":null}]}` }},
		{reflect.TypeFor[OverrideSpec](), "overrides[0].", func(k string) string { return `{"zone":"UTC","overrides":[{"` + k + `":null}]}` }},
	}
	for _, o := range objects {
		for i := range o.typ.NumField() {
			key, _, _ := strings.Cut(o.typ.Field(i).Tag.Get("json"), ",")
			if key == "-" {
				continue
			}
			upper := strings.ToUpper(key)
			_, err := ParseSpec([]byte(o.doc(upper)))
			want := `calendar: line 1: ` + o.path + upper + `: invalid value: unknown field "` + upper + `"; keys are exact: want "` + key + `"`
			if err == nil || err.Error() != want {
				t.Errorf("%s: error %v, want %s", upper, err, want)
			}
		}
	}
}

// TestByteOrderMark: a calendar document saved with a UTF-8 byte order
// mark first reads as without it, and its errors keep their lines.
func TestByteOrderMark(t *testing.T) {
	doc := "{\n\"zone\": \"Europe/London\",\n\"hours\": [{\"days\": \"Mon-Fri\", \"spans\": [\"09:00-17:00\"]}]\n}"
	want, err := ParseSpec([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseSpec([]byte("\ufeff" + doc))
	if err != nil {
		t.Fatalf("with a byte order mark: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spec (-want +got):\n%s", diff)
	}
	if _, err := ParseCalendar([]byte("\ufeff" + doc)); err != nil {
		t.Errorf("ParseCalendar with a byte order mark: %v", err)
	}
	// An error found by Spec.Calendar is placed by path on the same line.
	bad := strings.Replace(doc, "\n}", ",\n\"overrides\": [{\"date\": \"2026-02-30\", \"closed\": true}]\n}", 1)
	_, err = ParseCalendar([]byte("\ufeff" + bad))
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Path != "overrides[0].date" || fe.Line != 4 {
		t.Errorf("error %v, want overrides[0].date on line 4", err)
	}
}
