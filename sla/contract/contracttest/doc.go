// Package contracttest pins what the terms of a contract mean with
// table-driven tests: each case is one line that reads as the sentence it
// checks.
//
//	s := contracttest.For(t, c, "America/New_York")
//	s.Run(
//		s.Case("a 4-hour outage on a weekday in March costs a 10% credit",
//			s.Outage("2026-03-10 10:00", 4*time.Hour), s.Credit("10%")),
//		s.Case("a 30-minute outage at 03:00 on a Sunday costs nothing",
//			s.Outage("2026-03-15 03:00", 30*time.Minute), s.Credit("0%")),
//		s.Case("a P1 opened Friday 17:30 is due Monday 09:30",
//			s.Ticket("T-1", "P1", "open 2026-03-06 17:30"), s.Now("2026-03-09 09:00"),
//			s.Clock("T-1", "resolve").Due("2026-03-09 09:30")),
//	)
//
// A [Suite] binds the contract under test to the zone its cases are
// written in: instants are wall-clock text of that zone ("2026-03-10
// 10:00", seconds optional), lengths are time.Durations. A case gives
// observations — outages, maintenance, request samples, tickets, the
// instant of evaluation, the period — and expectations — the credit, the
// credit in money, the verdict, and per segment ([Suite.Segment]) or
// ticket clock ([Suite.Clock]) what it measured. The period is the local
// month that holds the case's first observation unless the case names
// one ([Suite.Month], [Suite.Period]).
//
// Run evaluates each case with [contract.Contract.Evaluate] in a subtest
// named by the case and compares only what the case expects; a mismatch
// is reported with the line of the case, as a diff "(-want +got)", a
// pair of lines per expectation:
//
//	contract_test.go:58: a 5-hour outage costs 10% (-want +got):
//	-credit: 10%
//	+credit: 25%
//
// Mistakes in a case itself (an instant that does not parse, a segment
// or ticket the report does not have) fail the test with a message that
// names the case. The package imports the standard library and the
// module's own packages only.
package contracttest
