package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/slamath/slamath/window"
)

// choice is the period the report covers and the instant it is
// evaluated at.
type choice struct {
	Period window.Interval
	// Now is the instant of evaluation: the end of the period, or --now.
	Now time.Time
	// ToDate reports a period cut short at Now: month to date.
	ToDate bool
}

// choosePeriod picks the period from the flags and the data: --period
// names a local month; without it, the month that holds --now, or else
// the month of the data's last record. With --now inside the month the
// period ends at now: month to date.
func choosePeriod(periodText, nowText string, loc *time.Location, data dataSpan) (choice, error) {
	var now time.Time
	if nowText != "" {
		t, err := time.Parse(time.RFC3339, nowText)
		if err != nil {
			return choice{}, fmt.Errorf("--now: %s is not an RFC 3339 instant such as 2026-03-15T14:00:00-04:00", quote(nowText))
		}
		if y := t.UTC().Year(); y < 1 || y > 9999 {
			return choice{}, fmt.Errorf("--now: %s is in year %d (UTC), outside years 1-9999", nowText, y)
		}
		now = t
	}
	var month window.Interval
	switch {
	case periodText != "":
		m, err := time.Parse("2006-01", periodText)
		if err != nil {
			return choice{}, fmt.Errorf("--period: %s is not a month such as 2026-03", quote(periodText))
		}
		if m.Year() < 1 {
			return choice{}, fmt.Errorf("--period: %s is in year 0, outside years 1-9999", quote(periodText))
		}
		month = window.Month.Containing(time.Date(m.Year(), m.Month(), 15, 12, 0, 0, 0, loc), loc)
	case !now.IsZero():
		month = window.Month.Containing(now, loc)
	case !data.last.IsZero():
		month = window.Month.Containing(data.last, loc)
	default:
		return choice{}, errors.New("--period: the files hold no outage, ticket or request to take a month from; give --period YYYY-MM")
	}
	if now.IsZero() {
		return choice{Period: month, Now: month.End}, nil
	}
	switch {
	case !now.After(month.Start):
		return choice{}, fmt.Errorf("--now: %s is not after the start of the period, %s", nowText, month.Start.Format(time.RFC3339))
	case now.Before(month.End):
		return choice{Period: window.Between(month.Start, now), Now: now, ToDate: true}, nil
	}
	return choice{Period: month, Now: now}, nil
}

// dataSpan is the first and last instant of the data.
type dataSpan struct{ first, last time.Time }

func (s *dataSpan) add(t time.Time) {
	if s.first.IsZero() || t.Before(s.first) {
		s.first = t
	}
	if s.last.IsZero() || t.After(s.last) {
		s.last = t
	}
}

// covers reports whether the data covers the span from start: whether
// its first record lies in the month of start or before.
func (s dataSpan) covers(start time.Time, loc *time.Location) bool {
	return !s.first.IsZero() && !window.Month.Containing(s.first, loc).Start.After(start)
}

// periodText writes a span of days as people write it, in loc: "1–31
// March 2026", "28 February – 6 March 2026", "30 December 2025 – 2
// January 2026", "8 March 2026". A span that ends at a local midnight
// ends with the day before; one that ends at another time says so: "1–15
// March 2026, to 14:00 EDT".
func periodText(p window.Interval, loc *time.Location) string {
	start, end := p.Start.In(loc), p.End.In(loc)
	last := end
	cut := ""
	if end.Hour() == 0 && end.Minute() == 0 && end.Second() == 0 && end.Nanosecond() == 0 {
		last = end.AddDate(0, 0, -1)
	} else {
		cut = ", to " + end.Format("15:04 MST")
	}
	var s string
	switch {
	case start.Year() != last.Year():
		s = fmt.Sprintf("%d %s %d – %d %s %d", start.Day(), start.Month(), start.Year(), last.Day(), last.Month(), last.Year())
	case start.Month() != last.Month():
		s = fmt.Sprintf("%d %s – %d %s %d", start.Day(), start.Month(), last.Day(), last.Month(), last.Year())
	case start.Day() != last.Day():
		s = fmt.Sprintf("%d–%d %s %d", start.Day(), last.Day(), last.Month(), last.Year())
	default:
		s = fmt.Sprintf("%d %s %d", last.Day(), last.Month(), last.Year())
	}
	return s + cut
}
