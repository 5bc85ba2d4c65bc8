//go:build !race

package prom_test

// 300 random cases of two hours, with and without a schedule.
const referenceCases = 300
