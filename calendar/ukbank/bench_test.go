package ukbank_test

import (
	"os"
	"testing"

	"github.com/slamath/slamath/calendar/ukbank"
)

// BenchmarkParse reads the England and Wales fixture of 2018–2027 (83
// events, three divisions) and one of 1 MiB.
func BenchmarkParse(b *testing.B) {
	fixture, err := os.ReadFile("../holidayfile/testdata/bank-holidays.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		data []byte
	}{{"fixture", fixture}, {"1MiB", bigFile(1 << 20)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				f, err := ukbank.Parse(bc.data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := f.Rules(ukbank.EnglandAndWales); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
