package contract

import (
	"maps"
	"slices"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/internal/quote"
)

// WithHolidays returns a copy of the contract whose calendar called name
// also has the holiday rules extra, such as a country's bank holidays read
// from an official file or a calendar feed (package
// calendar/holidayfile); an empty name adds them to every calendar the
// contract uses. Each term, segment and obligation that used a calendar
// uses the new one ([calendar.Calendar.With]). The contract itself is not
// modified. A contract whose calendars gained computed rules, as file
// holidays are, has no JSON form ([calendar.ErrComputedRule]).
//
// It fails with a *FieldError wrapping ErrContract: ErrUnknownName for a
// name that is not one of Calendars, or the calendar's own error for a
// rule it refuses, at the path of the calendar, the rule numbered after
// the calendar's own ("calendars.business.holidays[12]").
func (c Contract) WithHolidays(name string, extra ...calendar.Rule) (Contract, error) {
	if name != "" {
		if _, ok := c.Calendars[name]; !ok {
			return Contract{}, fieldError("calendars", ErrUnknownName, "no calendar named "+quote.Text(name)+" in calendars")
		}
	}
	names := map[*calendar.Calendar]string{}
	for n, cal := range c.Calendars {
		names[cal] = n
	}
	// The calendars the contract uses, named or not, each rebuilt once.
	rebuilt := map[*calendar.Calendar]*calendar.Calendar{}
	var failure error
	swap := func(cal *calendar.Calendar) *calendar.Calendar {
		if cal == nil || failure != nil {
			return cal
		}
		n, named := names[cal]
		if name != "" && n != name {
			return cal
		}
		if nc, ok := rebuilt[cal]; ok {
			return nc
		}
		nc, err := cal.With(calendar.Holidays(extra...))
		if err != nil {
			path := "calendars"
			if named {
				path += "." + n
			}
			failure = calendarError(path, err)
			return cal
		}
		rebuilt[cal] = nc
		return nc
	}

	out := c
	out.Calendars = maps.Clone(c.Calendars)
	for _, n := range slices.Sorted(maps.Keys(out.Calendars)) {
		out.Calendars[n] = swap(out.Calendars[n])
	}
	out.Terms = slices.Clone(c.Terms)
	for i, t := range out.Terms {
		if t.Availability != nil {
			a := *t.Availability
			a.Segments = slices.Clone(a.Segments)
			for j := range a.Segments {
				s := &a.Segments[j].Schedule
				s.cal = swap(s.cal)
			}
			out.Terms[i].Availability = &a
		}
		if t.Response != nil {
			r := *t.Response
			r.Calendar = swap(r.Calendar)
			out.Terms[i].Response = &r
		}
	}
	out.Obligations.Calendar = swap(c.Obligations.Calendar)
	if failure != nil {
		return Contract{}, failure
	}
	return out, nil
}
