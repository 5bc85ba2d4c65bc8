//go:build !race

package calendar

// 200 calendars × 60 queries: 12,000 cross-checked cases per run.
const (
	oracleCalendars = 200
	oracleQueries   = 60
)
