package nager_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/calendar/nager"
)

// Three of Germany's public holidays of 2026 in the shape of Nager.Date's
// answer: Epiphany holds in three states only, so Bavaria (DE-BY) has it
// and Berlin (DE-BE) does not.
func ExampleRules() {
	const doc = `[
	  {"date": "2026-01-01", "localName": "Neujahr", "name": "New Year's Day", "countryCode": "DE",
	   "fixed": true, "global": true, "counties": null, "launchYear": null, "types": ["Public"]},
	  {"date": "2026-01-06", "localName": "Heilige Drei Könige", "name": "Epiphany", "countryCode": "DE",
	   "fixed": true, "global": false, "counties": ["DE-BW", "DE-BY", "DE-ST"], "launchYear": null, "types": ["Public"]},
	  {"date": "2026-04-03", "localName": "Karfreitag", "name": "Good Friday", "countryCode": "DE",
	   "fixed": false, "global": true, "counties": null, "launchYear": null, "types": ["Public"]}]`
	hs, err := nager.Read(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, county := range []string{"DE-BY", "DE-BE"} {
		cal, err := calendar.New(berlin,
			calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-16:00")),
			calendar.Holidays(nager.Rules(hs, nager.Select{County: county, Local: true})...))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(county)
		for _, h := range cal.HolidaysIn(2026) {
			fmt.Println(" ", h.Date, h.Name)
		}
	}
	// Output:
	// DE-BY
	//   2026-01-01 Neujahr
	//   2026-01-06 Heilige Drei Könige
	//   2026-04-03 Karfreitag
	// DE-BE
	//   2026-01-01 Neujahr
	//   2026-04-03 Karfreitag
}
