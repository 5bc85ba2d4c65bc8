package nager

import (
	"io"
	"slices"
	"strings"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/internal/oneoff"
	"github.com/slamath/slamath/internal/jsonkey"
)

// MaxSize is the largest input [Read] and [Parse] accept, in bytes: a
// country's year is a few KiB.
const MaxSize = 4 << 20

// Sentinel errors a caller may branch on with [errors.Is].
var (
	// ErrInvalid reports a document that is not of the expected shape.
	ErrInvalid = jsonkey.ErrInvalid
	// ErrTooLarge reports an input longer than MaxSize.
	ErrTooLarge = jsonkey.ErrTooLarge
)

// FieldError is the error for a document that is not valid: Path names
// the field with its index ("[3].date"), empty for the document as a
// whole, and Line is the 1-based line where reading stopped. Its message
// reads "nager: line 12: [3].date: ...".
type FieldError = jsonkey.FieldError

// Holiday is one public holiday as Nager.Date gives it.
type Holiday struct {
	Date        calendar.Date
	LocalName   string   // the name in the country's language
	Name        string   // the name in English
	CountryCode string   // ISO 3166-1 alpha-2, such as "DE"
	Fixed       bool     // whether it falls on the same date every year
	Global      bool     // whether it holds in the whole country
	Counties    []string // the ISO 3166-2 subdivisions it holds in, when not global
	LaunchYear  int      // the first year it was held, or 0 when not given
	Types       []string // "Public", "Bank", "School", "Authorities", "Optional", "Observance"
}

// Read reads a Nager.Date public-holiday file from r (at most [MaxSize]
// bytes) and parses it with [Parse].
func Read(r io.Reader) ([]Holiday, error) {
	data, err := jsonkey.ReadAll("nager", r, MaxSize)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse parses a Nager.Date public-holiday file; a UTF-8 byte order mark
// at its start is skipped. Errors are [FieldError] values wrapping
// [ErrInvalid] or [ErrTooLarge].
func Parse(data []byte) ([]Holiday, error) {
	if len(data) > MaxSize {
		return nil, jsonkey.TooLarge("nager", MaxSize)
	}
	r := jsonkey.NewReader(data, ErrInvalid, jsonkey.FieldErrors("nager"))
	hs := []Holiday{}
	err := r.Array("", "an array of holidays", false, func(_ int, path string) error {
		h, err := holiday(r, path)
		hs = append(hs, h)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := r.End(); err != nil {
		return nil, err
	}
	return hs, nil
}

// holiday reads one holiday object.
func holiday(r *jsonkey.Reader, path string) (Holiday, error) {
	var h Holiday
	var hasDate bool
	err := r.Object(path, "a holiday object", false, func(key, kp string) error {
		var err error
		switch key {
		case "date":
			if h.Date, err = oneoff.ReadDate(r, kp); err == nil {
				hasDate = true
			}
		case "localName":
			h.LocalName, err = r.String(kp, true)
		case "name":
			h.Name, err = r.String(kp, true)
		case "countryCode":
			h.CountryCode, err = r.String(kp, true)
		case "fixed":
			h.Fixed, err = r.Bool(kp, true)
		case "global":
			h.Global, err = r.Bool(kp, true)
		case "counties":
			h.Counties, err = r.Strings(kp)
		case "launchYear":
			h.LaunchYear, _, err = r.Whole(kp, 4)
		case "types":
			h.Types, err = r.Strings(kp)
		default:
			err = r.Skip(kp)
		}
		return err
	})
	switch {
	case err != nil:
		return h, err
	case !hasDate:
		return h, r.Failf(path+".date", "a holiday needs a date")
	case strings.TrimSpace(h.Name) == "" && strings.TrimSpace(h.LocalName) == "":
		return h, r.Failf(path+".name", "a holiday needs a name or a localName")
	}
	return h, nil
}

// Select chooses the holidays [Rules] turns into rules. The zero value
// takes the holidays of the whole country, of any type, by their English
// names.
type Select struct {
	// County is an ISO 3166-2 subdivision code such as "DE-BY": holidays
	// that hold there are taken besides those of the whole country. Empty
	// takes the holidays of the whole country only.
	County string
	// Types keeps the holidays that have at least one of these types;
	// empty keeps every type.
	Types []string
	// Local names the rules by the local name instead of the English one.
	Local bool
}

// HoldsIn reports whether h holds in the subdivision county: a global
// holiday holds everywhere, another one in the counties it lists.
func (h Holiday) HoldsIn(county string) bool {
	return h.Global || (county != "" && slices.Contains(h.Counties, county))
}

// Rules returns the holidays that s selects as holiday rules that give
// each holiday's date, named in English (or in the local language with
// s.Local, each falling back on the other when empty), never moved, since
// the date is the day the holiday is held on. There is a rule per name
// (and per occurrence of the name within a year), computed from the dates
// ([calendar.Computed]), in order of first appearance, so that several
// years of holidays stay within [calendar.MaxHolidays].
func Rules(hs []Holiday, s Select) []calendar.Rule {
	var days []oneoff.Day
	for _, h := range hs {
		if !h.HoldsIn(s.County) {
			continue
		}
		if len(s.Types) > 0 && !slices.ContainsFunc(h.Types, func(t string) bool { return slices.Contains(s.Types, t) }) {
			continue
		}
		name := h.Name
		if s.Local && h.LocalName != "" || name == "" {
			name = h.LocalName
		}
		days = append(days, oneoff.Day{Name: name, Date: h.Date})
	}
	return oneoff.Rules(days)
}
