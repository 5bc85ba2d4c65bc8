package main

import (
	"io"
	"testing"
)

// The whole run on the sample: read the OpenSLO file and the counts,
// build the report, write it.
func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if code := run(nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
