package holidayfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/ical"
	"github.com/slamath/slamath/calendar/nager"
	"github.com/slamath/slamath/calendar/ukbank"
	"github.com/slamath/slamath/internal/quote"
)

// ErrFormat reports a file that is none of the formats read.
var ErrFormat = errors.New("not a holiday file of a known format")

// Format is a holiday file format.
type Format int8

// The formats read.
const (
	Unknown   Format = iota
	UKBank           // GOV.UK bank-holidays JSON: an object of divisions
	Nager            // Nager.Date public-holiday JSON: an array of holidays
	ICalendar        // RFC 5545 iCalendar: BEGIN:VCALENDAR
)

// String returns a short name of f.
func (f Format) String() string {
	switch f {
	case UKBank:
		return "UK bank holidays"
	case Nager:
		return "Nager.Date"
	case ICalendar:
		return "iCalendar"
	}
	return "unknown format"
}

// Options chooses the holidays to take from a file. The zero value takes
// every day of a file that holds one place.
type Options struct {
	// Division is the division of a UK bank-holidays file, such as
	// "england-and-wales". Empty takes the only division of a file that
	// has one; a file of several divisions then is an error naming them.
	Division string
	// County is the ISO 3166-2 subdivision of a Nager.Date file, such as
	// "DE-BY", whose holidays are taken besides those of the whole
	// country; empty takes the country's holidays only.
	County string
	// Types keeps the Nager.Date holidays of these types ("Public",
	// "Bank", …); empty keeps every type.
	Types []string
	// First and Last keep the days from First through Last, in every
	// format. Both zero keep every day; an iCalendar recurrence with
	// neither COUNT nor UNTIL then is an error.
	First, Last calendar.Date
}

// MaxSize is the largest input read, in bytes: that of the format that
// allows the most ([ical.MaxSize]).
const MaxSize = ical.MaxSize

// Detect returns the format of a file by its first characters, after
// white space and a byte order mark: "BEGIN:VCALENDAR" (any case) is
// iCalendar, "[" Nager.Date and "{" UK bank holidays.
func Detect(data []byte) Format {
	t := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("\ufeff")), " \t\r\n")
	switch {
	case len(t) >= 15 && strings.EqualFold(string(t[:15]), "BEGIN:VCALENDAR"):
		return ICalendar
	case len(t) > 0 && t[0] == '[':
		return Nager
	case len(t) > 0 && t[0] == '{':
		return UKBank
	}
	return Unknown
}

// ReadFile reads the holiday file at path with [Read]; errors name the
// file.
func ReadFile(path string, o Options) ([]calendar.Rule, Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Unknown, fmt.Errorf("holidayfile: %w", err)
	}
	defer f.Close()
	rules, format, err := Read(f, o)
	if err != nil {
		return nil, format, fmt.Errorf("holidayfile: %s (%v): %w", path, format, err)
	}
	return rules, format, nil
}

// Read reads a holiday file from r (at most [MaxSize] bytes), detects its
// format with [Detect] and returns its holidays chosen by o as rules that
// give exactly the file's days and are never moved (a rule per name, as
// the format's package makes them), with the format.
// Errors are those of the format's package, or wrap [ErrFormat].
func Read(r io.Reader, o Options) ([]calendar.Rule, Format, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, Unknown, fmt.Errorf("holidayfile: reading: %w", err)
	}
	if len(data) > MaxSize {
		return nil, Unknown, fmt.Errorf("holidayfile: %w: more than %d bytes", ical.ErrTooLarge, MaxSize)
	}
	format := Detect(data)
	if o.First != o.Last || o.First != (calendar.Date{}) {
		if !o.First.IsValid() || !o.Last.IsValid() || o.Last.Before(o.First) {
			return nil, format, fmt.Errorf("holidayfile: %w: Options.First %v and Last %v are not a range of valid dates", calendar.ErrNoSuchDate, o.First, o.Last)
		}
	}
	var rules []calendar.Rule
	switch format {
	case ICalendar:
		rules, err = ical.Holidays(bytes.NewReader(data), o.First, o.Last)
		return rules, format, err
	case Nager:
		var hs []nager.Holiday
		if hs, err = nager.Parse(data); err == nil {
			hs = slices.DeleteFunc(hs, func(h nager.Holiday) bool { return !o.keeps(h.Date) })
			rules = nager.Rules(hs, nager.Select{County: o.County, Types: o.Types})
		}
	case UKBank:
		rules, err = o.ukRules(data)
	default:
		return nil, Unknown, fmt.Errorf("holidayfile: %w: want iCalendar (BEGIN:VCALENDAR), a Nager.Date array or a GOV.UK bank-holidays object", ErrFormat)
	}
	if err != nil {
		return nil, format, err
	}
	return rules, format, nil
}

// ukRules returns the rules of one division of a bank-holidays file.
func (o Options) ukRules(data []byte) ([]calendar.Rule, error) {
	f, err := ukbank.Parse(data)
	if err != nil {
		return nil, err
	}
	division := ukbank.Division(o.Division)
	if division == "" {
		if len(f.Divisions) != 1 {
			var names []string
			for d := range f.Divisions {
				names = append(names, string(d))
			}
			slices.Sort(names)
			return nil, fmt.Errorf("holidayfile: the file has %d divisions (%s); choose one with Options.Division", len(names), quote.List(names))
		}
		for d := range f.Divisions {
			division = d
		}
	}
	if _, err := f.Rules(division); err != nil {
		return nil, err
	}
	kept := ukbank.File{Divisions: map[ukbank.Division][]ukbank.Event{division: nil}}
	for _, e := range f.Divisions[division] {
		if o.keeps(e.Date) {
			kept.Divisions[division] = append(kept.Divisions[division], e)
		}
	}
	return kept.Rules(division)
}

// keeps reports whether d lies in [o.First, o.Last], or whether both are
// zero.
func (o Options) keeps(d calendar.Date) bool {
	if o.First == (calendar.Date{}) && o.Last == (calendar.Date{}) {
		return true
	}
	return !d.Before(o.First) && !d.After(o.Last)
}
