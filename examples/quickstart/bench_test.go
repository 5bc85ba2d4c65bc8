package main

import (
	"io"
	"testing"
)

// BenchmarkRun measures a whole default run: parsing the embedded
// contract and CSV files, evaluating the month, opening the breaches and
// rendering the report.
func BenchmarkRun(b *testing.B) {
	for _, format := range []string{"text", "json", "markdown"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"--format", format}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit status %d", code)
				}
			}
		})
	}
}

// BenchmarkEvaluate measures the evaluation alone, inputs already loaded.
func BenchmarkEvaluate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (inputs{period: "2026-03"}).evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}
