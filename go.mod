module github.com/slamath/slamath

go 1.24

require (
	// Read by calendar/ical only (its iCalendar parser); no other package may import it.
	github.com/emersion/go-ical v0.0.0-20250329121855-f41e73efc392
	github.com/google/go-cmp v0.7.0
	// Read by calendar/rickar only; no other package may import it.
	github.com/rickar/cal/v2 v2.1.13
	github.com/stretchr/testify v1.12.1
	// Read by calendar/ical only (its recurrence expander); no other package may import it.
	github.com/teambition/rrule-go v1.8.2
	// Read by sla/openslo only; no other package may import it.
	go.yaml.in/yaml/v3 v3.0.5
)
