// Package oneoff turns a list of named days, as holiday files give them,
// into few holiday rules of package calendar: one rule per name and per
// occurrence of the name within a year, computed from the list, instead
// of a rule per day, so that a file of many years stays within
// calendar.MaxHolidays and a calendar looks its holidays up by name.
package oneoff

import (
	"cmp"
	"slices"

	"github.com/slamath/slamath/calendar"
)

// Day is a named day off.
type Day struct {
	Name string
	Date calendar.Date
}

// Rules returns rules that give exactly the days, each on its date and
// never moved: for each name, in order of first appearance, rule k gives
// the kth date of that name in each year. Days with an invalid date are
// left out, and a day given twice counts once. The rules are computed
// ([calendar.Computed]) from a table they own, safe for concurrent use.
func Rules(days []Day) []calendar.Rule {
	type table = map[int][]calendar.Date // year → dates of one name, sorted
	var names []string
	byName := map[string]table{}
	for _, d := range days {
		if !d.Date.IsValid() {
			continue
		}
		t, ok := byName[d.Name]
		if !ok {
			t = table{}
			byName[d.Name] = t
			names = append(names, d.Name)
		}
		if !slices.Contains(t[d.Date.Year], d.Date) {
			t[d.Date.Year] = append(t[d.Date.Year], d.Date)
		}
	}
	var rules []calendar.Rule
	for _, name := range names {
		t := byName[name]
		most := 0
		for _, dates := range t {
			slices.SortFunc(dates, func(a, b calendar.Date) int { return a.Compare(b) })
			most = max(most, len(dates))
		}
		first := slices.MinFunc(keys(t), cmp.Compare[int])
		last := slices.MaxFunc(keys(t), cmp.Compare[int])
		for k := range most {
			rules = append(rules, calendar.Computed(name, func(year int) (date, observed calendar.Date, ok bool) {
				dates := t[year]
				if k >= len(dates) {
					return calendar.Date{}, calendar.Date{}, false
				}
				return dates[k], dates[k], true
			}).From(first).Until(last))
		}
	}
	return rules
}

func keys(t map[int][]calendar.Date) []int {
	out := make([]int, 0, len(t))
	for y := range t {
		out = append(out, y)
	}
	return out
}
