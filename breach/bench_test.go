package breach

import (
	"bytes"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// benchFacts returns facts for the i-th record, cheaply.
func benchFacts(base Facts, i int) Facts {
	base.ID = "b-" + strconv.Itoa(i)
	return base
}

// BenchmarkFileAppend measures opened-record appends to a file-backed
// ledger: with a sync to disk after each append, in batches of 1,000,
// and never (the operating system's write alone).
func BenchmarkFileAppend(b *testing.B) {
	for _, bc := range []struct {
		name  string
		every int
	}{
		{"sync=each", 1},
		{"sync=every1000", 1000},
		{"sync=never", 1 << 62},
	} {
		b.Run(bc.name, func(b *testing.B) {
			lf, err := OpenFile(filepath.Join(b.TempDir(), "bench.jsonl"), FileOptions{SyncEvery: bc.every})
			if err != nil {
				b.Fatal(err)
			}
			defer lf.Close()
			base := availabilityFacts("")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := lf.Open(benchFacts(base, i), wallDay); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
		})
	}
}

// BenchmarkLedgerAppend measures the cost of an append without any I/O:
// checking, encoding and keeping the record.
func BenchmarkLedgerAppend(b *testing.B) {
	l, err := NewLedger(io.Discard, nil)
	if err != nil {
		b.Fatal(err)
	}
	base := availabilityFacts("")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := l.Open(benchFacts(base, i), wallDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplay100k replays a ledger of 100,000 events: 50,000 records
// opened, 30,000 reported, 20,000 resolved.
func BenchmarkReplay100k(b *testing.B) {
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	if err != nil {
		b.Fatal(err)
	}
	base := availabilityFacts("")
	events := 0
	for i := 0; events < 100_000; i++ {
		r, err := l.Open(benchFacts(base, i), wallDay)
		if err != nil {
			b.Fatal(err)
		}
		events++
		if i%5 < 3 && events < 100_000 {
			if _, err := l.Report(r.ID(), "upstream network outage", r.Facts().DetectedAt.Add(time.Minute)); err != nil {
				b.Fatal(err)
			}
			events++
		}
		if i%5 < 2 && events < 100_000 {
			if _, err := l.Resolve(r.ID(), r.Facts().DetectedAt.Add(time.Hour)); err != nil {
				b.Fatal(err)
			}
			events++
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs, err := Replay(bytes.NewReader(data))
		if err != nil || len(recs) != 50_000 {
			b.Fatalf("Replay: %d records, %v", len(recs), err)
		}
	}
	b.ReportMetric(float64(b.N)*100_000/b.Elapsed().Seconds(), "events/s")
}
