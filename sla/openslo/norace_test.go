//go:build !race

package openslo_test

// Generated files for the round-trip property test.
const roundTripFiles = 300
