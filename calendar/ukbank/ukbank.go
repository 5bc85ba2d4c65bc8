package ukbank

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/internal/oneoff"
	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
)

// MaxSize is the largest input [Read] and [Parse] accept, in bytes: the
// published file is about 20 KiB.
const MaxSize = 4 << 20

// Sentinel errors a caller may branch on with [errors.Is].
var (
	// ErrInvalid reports a document that is not of the expected shape.
	ErrInvalid = jsonkey.ErrInvalid
	// ErrTooLarge reports an input longer than MaxSize.
	ErrTooLarge = jsonkey.ErrTooLarge
	// ErrNoDivision reports a division the file does not hold.
	ErrNoDivision = errors.New("no such division")
)

// FieldError is the error for a document that is not valid: Path names
// the field with its indexes ("scotland.events[3].date"), empty for the
// document as a whole, and Line is the 1-based line where reading stopped.
// Its message reads "ukbank: line 12: scotland.events[3].date: ...".
type FieldError = jsonkey.FieldError

// Division is a division of the UK as the file names it.
type Division string

// The divisions of the published file.
const (
	EnglandAndWales Division = "england-and-wales"
	Scotland        Division = "scotland"
	NorthernIreland Division = "northern-ireland"
)

// Event is one day off of a division.
type Event struct {
	Title   string        // "Early May bank holiday"
	Date    calendar.Date // the day off
	Notes   string        // "Substitute day", or ""
	Bunting bool          // whether flags fly
}

// Name returns the name a rule made from e carries: the title, followed by
// the notes in brackets when there are any.
func (e Event) Name() string {
	if e.Notes == "" {
		return e.Title
	}
	return e.Title + " (" + e.Notes + ")"
}

// File is a bank-holidays file read by [Parse]: the events of each
// division, in the order of the document. The zero value holds no
// division. A File is plain data, safe for concurrent reading.
type File struct {
	Divisions map[Division][]Event
}

// Read reads a bank-holidays file from r (at most [MaxSize] bytes) and
// parses it with [Parse].
func Read(r io.Reader) (File, error) {
	data, err := jsonkey.ReadAll("ukbank", r, MaxSize)
	if err != nil {
		return File{}, err
	}
	return Parse(data)
}

// Parse parses a bank-holidays file; a UTF-8 byte order mark at its start
// is skipped. Errors are [FieldError] values wrapping [ErrInvalid] or
// [ErrTooLarge].
func Parse(data []byte) (File, error) {
	if len(data) > MaxSize {
		return File{}, jsonkey.TooLarge("ukbank", MaxSize)
	}
	r := jsonkey.NewReader(data, ErrInvalid, jsonkey.FieldErrors("ukbank"))
	f := File{Divisions: map[Division][]Event{}}
	err := r.Object("", "an object of divisions", false, func(key, path string) error {
		events, err := division(r, Division(key), path)
		f.Divisions[Division(key)] = events
		return err
	})
	if err != nil {
		return File{}, err
	}
	if err := r.End(); err != nil {
		return File{}, err
	}
	return f, nil
}

// division reads the object of one division.
func division(r *jsonkey.Reader, name Division, path string) ([]Event, error) {
	events := []Event{}
	err := r.Object(path, "an object with division and events", false, func(key, kp string) error {
		switch key {
		case "division":
			s, err := r.String(kp, false)
			if err == nil && s != string(name) {
				return r.Failf(kp, "%s under the key %s", quote.Text(s), quote.Text(string(name)))
			}
			return err
		case "events":
			return r.Array(kp, "an array of events", false, func(_ int, ep string) error {
				e, err := event(r, ep)
				events = append(events, e)
				return err
			})
		}
		return r.Skip(kp)
	})
	return events, err
}

// event reads one event.
func event(r *jsonkey.Reader, path string) (Event, error) {
	var e Event
	var hasDate bool
	err := r.Object(path, "an event object", false, func(key, kp string) error {
		var err error
		switch key {
		case "title":
			e.Title, err = r.String(kp, false)
		case "date":
			if e.Date, err = oneoff.ReadDate(r, kp); err == nil {
				hasDate = true
			}
		case "notes":
			e.Notes, err = r.String(kp, true)
		case "bunting":
			e.Bunting, err = r.Bool(kp, true)
		default:
			err = r.Skip(kp)
		}
		return err
	})
	switch {
	case err != nil:
		return e, err
	case strings.TrimSpace(e.Title) == "":
		return e, r.Failf(path+".title", "an event needs a title")
	case !hasDate:
		return e, r.Failf(path+".date", "an event needs a date")
	}
	return e, nil
}

// Rules returns the events of division d as holiday rules that give each
// event's date, named by [Event.Name], never moved (the dates are the days
// off). There is a rule per name (and per occurrence of the name within a
// year, if a name comes back within one), computed from the file's dates,
// rather than a rule per day, so that ten years of a division stay well
// within [calendar.MaxHolidays]. It fails, wrapping [ErrNoDivision], when
// the file has no such division; the message lists the divisions it has,
// or says it has none (an empty file, or the zero File).
func (f File) Rules(d Division) ([]calendar.Rule, error) {
	events, ok := f.Divisions[d]
	if !ok {
		if len(f.Divisions) == 0 {
			return nil, fmt.Errorf("ukbank: %w %s; the file has no divisions", ErrNoDivision, quote.Text(string(d)))
		}
		var have []string
		for k := range f.Divisions {
			have = append(have, string(k))
		}
		slices.Sort(have)
		return nil, fmt.Errorf("ukbank: %w %s; the file has %s", ErrNoDivision, quote.Text(string(d)), quote.List(have))
	}
	days := make([]oneoff.Day, len(events))
	for i, e := range events {
		days[i] = oneoff.Day{Name: e.Name(), Date: e.Date}
	}
	return oneoff.Rules(days), nil
}
