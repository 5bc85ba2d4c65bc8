package rickar

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"

	"github.com/slamath/slamath/calendar"
)

// Rule returns h as a holiday rule named h.Name, computed each year by
// h.Calc: its actual date and the date rickar/cal observes it on. A year
// in which h does not occur (outside StartYear–EndYear, one of Except, or
// one its function gives no date for) has no holiday. A nil h gives a
// rule that [calendar.New] rejects.
func Rule(h *cal.Holiday) calendar.Rule {
	if h == nil {
		return calendar.Computed("", nil)
	}
	c := *h
	c.Except = slices.Clone(h.Except)
	c.Observed = slices.Clone(h.Observed)
	return calendar.Computed(c.Name, func(year int) (date, observed calendar.Date, ok bool) {
		actual, obs := c.Calc(year)
		if actual.IsZero() {
			return calendar.Date{}, calendar.Date{}, false
		}
		return dateOf(actual), dateOf(obs), true
	})
}

// Rules returns the rules of hs, in order (see [Rule]).
func Rules(hs ...*cal.Holiday) []calendar.Rule {
	rules := make([]calendar.Rule, len(hs))
	for i, h := range hs {
		rules[i] = Rule(h)
	}
	return rules
}

// dateOf returns the civil date of t in its own location, where
// rickar/cal puts the start of the day.
func dateOf(t time.Time) calendar.Date {
	y, m, d := t.Date()
	return calendar.Date{Year: y, Month: m, Day: d}
}
