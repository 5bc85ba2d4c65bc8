// Package promtest runs the real Prometheus tools for tests: promtool's
// rule checks and rule unit tests, TSDB blocks built from OpenMetrics
// text, and a Prometheus server on 127.0.0.1 over such blocks.
//
// # Tools
//
// The binaries are looked up on PATH. Debian and Ubuntu ship both in the
// prometheus package (apt-get install prometheus); the tests of slamath
// are written against 2.42, the version of Debian 12. Where a binary is
// absent, Promtool and PrometheusBinary skip the test with a message
// that says how to install it — unless the environment variable
// SLAMATH_REQUIRE_TOOLS is 1, as in continuous integration, where they
// fail it instead.
//
// # Server
//
// StartServer starts prometheus on a free port of 127.0.0.1 with its own
// storage directory and stops it (kill, then wait) when the test ends, so
// no process outlives the test.
//
// # Rule unit tests
//
// RuleTest writes a promtool test file (input series in promtool's
// expanding notation, alert and expression checks) and runs it; Notation
// and ScheduleValues write input series, the latter from a business
// calendar, since PromQL cannot compute a local schedule itself.
package promtest
