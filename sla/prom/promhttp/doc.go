// Package promhttp is the HTTP side of package prom: a [Client] that asks
// a Prometheus server (or Thanos, Mimir, Cortex) for range queries and
// reads the answers with prom.ParseMatrix, and a [ScheduleHandler] that
// serves business calendars as the schedule series prom's business-hours
// rules gate errors and requests with.
//
// It is a package of its own so that package prom, one of the core
// packages, builds from the standard library without net/http, which
// brings crypto/tls and the FIPS module's packages into every program
// that imports it: a program that only writes rule files or reads saved
// query results does not carry an HTTP stack. The names are those the
// design gives prom.Client and prom.ScheduleHandler, one package down.
//
// Like prom, it reads no clock of its own: a ScheduleHandler reads the
// clock function it is given, and a Client the context it is given.
package promhttp
