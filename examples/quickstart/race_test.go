//go:build race

package main

// raceEnabled reports a build with the race detector, under which memory
// figures mean nothing.
const raceEnabled = true
