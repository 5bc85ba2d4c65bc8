//go:build race

package openslo_test

// The race detector makes reading and writing YAML about fifteen times
// slower; the property test runs fewer files under it.
const roundTripFiles = 40
