package nager_test

import (
	"testing"

	"github.com/slamath/slamath/calendar/nager"
)

// BenchmarkParse reads Germany's 2026 holidays (12) and selects Bavaria's.
func BenchmarkParse(b *testing.B) {
	data := []byte(germany2026)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		hs, err := nager.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		nager.Rules(hs, nager.Select{County: "DE-BY"})
	}
}
