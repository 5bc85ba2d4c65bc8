// Command promreport evaluates a service level contract over a month from
// what a Prometheus server recorded: it queries the server's HTTP API
// (query_range, through [promhttp.Client.QueryRange]) for the month at
// one-minute steps, reads the answers exactly ([prom.DownTime],
// [prom.Events]) and prints the report of [contract.Contract.Evaluate].
// Thanos, Mimir and Cortex serve the same API.
//
//	go run ./examples/promreport --url http://127.0.0.1:9090
//	go run ./examples/promreport --url http://prometheus:9090 --contract my.json --period 2026-04 \
//	    --up 'min(up{job="api"})' --errors 'sum(http_requests_total{job="api",code=~"5.."})' \
//	    --total 'sum(http_requests_total{job="api"})'
//
// # What it asks the server
//
// For every availability term, an up-like expression — 1 while the service
// is up, 0 while it is down, such as min(up{job="checkout"}) or
// min(probe_success{...}) — given by --up for every term, or by
// --term-up TERM=EXPR for one. The expression must give one series over
// the month: several (one per instance) are an error, since the report
// cannot guess how to combine them; aggregate them in the expression. A
// step whose point reads 0 is down. A step without a point — no sample
// within Prometheus's lookback of five minutes, or a stale series — has no
// data; --missing says whether it counts as down (the default, so that a
// gap in the data never reads as availability) or as up, and the report
// says how much there was.
//
// With --errors and --total, two counters (of failed and of all
// requests), the report adds the month's requests, their increases
// counted with resets as Prometheus counts them.
//
// # Period
//
// --period YYYY-MM (default 2026-03) is a local month, from midnight to
// midnight, in the time zone of the calendar of the contract's
// obligations, else of the contract's first calendar by name, else UTC —
// as in the quickstart example. --step (default 1m) is the resolution of
// the down time and must divide the month.
//
// # Report
//
// Per segment of each availability term: the measured time, the down
// time, the availability truncated to four places (a missed target never
// reads as met), the allowance, what remains of it, met or missed (and
// when the budget ran out), and the credit; then the credit owed.
// --format json writes the contract's report with the same data beside
// it.
//
// Without --contract it evaluates an embedded sample (data/contract.json):
// 99.5% Monday to Friday 08:00–18:00 New York time and 99% at other
// times, with a maintenance window excluded.
//
// The test of this program builds a month of data with promtool, starts a
// real Prometheus on 127.0.0.1 over it, runs the program against it, and
// checks that its report is the one the contract gives for the month's
// outages fed to it directly.
package main
