// Command budgetservice is an HTTP service that computes its own live error
// budget with slamath.
//
// A middleware counts every response of the wrapped handler as good, or as
// bad when its status is 5xx (a client's 4xx is not the service's fault),
// into fixed one-minute buckets kept in a ring that spans the SLO period,
// so memory stays bounded however long the service runs. GET /slo serves,
// as JSON, the event error budget over the rolling SLO period
// (window.Last): the target, the period, the bad requests allowed and
// consumed, what remains and the fraction consumed; the burn rates over the
// windows of the period's multiwindow alert policy (sla.DefaultAlertPolicy);
// and the decision: page, ticket or none.
//
// Budgets and alert decisions come from sla's exact types
// (sla.EventBudget, sla.Rational); the JSON gives each exact value as text
// and adds float fields, named *_display, for dashboards only.
//
// GET /metrics/schedules serves business schedules for Prometheus to
// scrape, through sla/prom/promhttp's ScheduleHandler: whether each schedule is
// open now, as the gauge slamath_schedule_open{schedule="…"} in the text
// exposition format. That series is what the business-hours rules of
// sla/prom gate errors and requests with, since PromQL cannot compute a
// local schedule with daylight saving and holidays itself. -schedule
// NAME=FILE serves a calendar file (JSON, as calendar.ParseSpec reads it)
// under NAME, and may be repeated; without it the service serves a
// sample, business: Monday to Friday 08:00–18:00 in New York. Requests to
// /slo and /metrics/schedules are not counted.
//
// Run it and try it with curl:
//
//	go run ./examples/budgetservice -target 99.9% -period 30d -addr localhost:8080
//	curl localhost:8080/               # the demo handler: 200, a good request
//	curl localhost:8080/?status=503    # the demo handler fails: a bad request
//	curl localhost:8080/slo
//	curl localhost:8080/metrics/schedules
//
// Windows are aligned to the buckets: every window ends at the end of the
// current minute, so "the last 5 minutes" is the current minute and the
// four before it.
package main
