//go:build race

package prom_test

// The race detector makes the naive reference about ten times slower.
const referenceCases = 40
