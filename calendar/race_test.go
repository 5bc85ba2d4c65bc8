//go:build race

package calendar

// The race detector makes the cross-check about ten times slower.
const (
	oracleCalendars = 30
	oracleQueries   = 40
)
