package openslo_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/slamath/slamath/sla/openslo"
)

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "checkout.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openslo.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// A generated stream of at least 50 SLOs and the objects they use.
func BenchmarkReadLarge(b *testing.B) {
	g := &gen{r: rand.New(rand.NewPCG(1, 2))}
	f := &openslo.File{}
	for len(f.SLOs) < 50 {
		h := g.file()
		f.DataSources = append(f.DataSources, h.DataSources...)
		f.Services = append(f.Services, h.Services...)
		f.SLIs = append(f.SLIs, h.SLIs...)
		f.NotificationTargets = append(f.NotificationTargets, h.NotificationTargets...)
		f.AlertConditions = append(f.AlertConditions, h.AlertConditions...)
		f.AlertPolicies = append(f.AlertPolicies, h.AlertPolicies...)
		f.SLOs = append(f.SLOs, h.SLOs...)
	}
	data, err := openslo.Marshal(f)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openslo.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// The YAML parse alone of the same input, into nodes (reference): what
// Read costs beyond it is the checks and the exact numbers.
func BenchmarkReadParseOnlyReference(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "checkout.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var n yaml.Node
			if err := dec.Decode(&n); err != nil {
				break
			}
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "checkout.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	f, err := openslo.Read(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openslo.Marshal(f); err != nil {
			b.Fatal(err)
		}
	}
}

// The refusal of a 1 MiB document of nested aliases.
func BenchmarkAliasBomb1MiB(b *testing.B) {
	data := []byte(aliasBomb(1<<20, 1000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openslo.Read(data); err == nil {
			b.Fatal("accepted")
		}
	}
}

func benchPeriod(b *testing.B, w openslo.TimeWindow) {
	at := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Period(at); err != nil {
			b.Fatal(err)
		}
	}
}

// A calendar month from the 1st: window's Month.Containing.
func BenchmarkPeriodMonth(b *testing.B) {
	ny, _ := time.LoadLocation("America/New_York")
	benchPeriod(b, calendarWindow("1M", time.Date(2026, 1, 1, 0, 0, 0, 0, ny)))
}

// A month from the 21st at 12:30: the general grid.
func BenchmarkPeriodGrid(b *testing.B) {
	ny, _ := time.LoadLocation("America/New_York")
	benchPeriod(b, calendarWindow("1M", time.Date(2020, 1, 21, 12, 30, 0, 0, ny)))
}

func BenchmarkDecimalCmp(b *testing.B) {
	x, v := openslo.MustDecimal("499.999"), openslo.MustDecimal("500")
	b.ReportAllocs()
	for b.Loop() {
		if !openslo.LT.Holds(x, v) {
			b.Fatal("wrong")
		}
	}
}
