// Package contracttest shows how a team pins the meaning of its service
// level agreement with table-driven tests.
//
// The contract lives in contract.json, the document contract.Parse
// reads: business hours in New York, a 99.5% availability target in them
// and 99% at other times, credit tiers, and response goals for support
// tickets in business time. contract_test.go states, one case per line,
// what the contract means in plain terms — "a 4-hour outage on a weekday in
// March costs a 10% credit", "a 30-minute outage at 03:00 on a Sunday costs
// nothing", "a P1 ticket opened Friday 17:30 is due Monday 09:30" — with
// each expectation derived by hand in a comment, and checks it with the
// helper package sla/contract/contracttest, which evaluates each case and
// prints what does not hold as a diff (-want +got). When someone edits the
// contract, the cases that change meaning fail.
//
// Run it with:
//
//	go test ./examples/contracttest
//
// The package has no code of its own: the tests are the example.
package contracttest
