package prom_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

// BenchmarkReplay30Days replays 30 days at one-minute resolution (43,200
// evaluations) through the SRE Workbook's four-rule policy for 99.9%
// over 30 days, with the three days of samples before the month that its
// longest window reads: the work of deciding a month's alerts offline.
func BenchmarkReplay30Days(b *testing.B) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	const minutes = 33 * 24 * 60
	samples := make([]prom.CounterSample, 0, minutes+1)
	var e, n uint64
	for k := 0; k <= minutes; k++ {
		n += 1000
		e += uint64(k % 7) // 0.3% errors on average, bursts every few hours
		if k%600 < 10 {
			e += 100
		}
		samples = append(samples, prom.CounterSample{T: start.Add(time.Duration(k-3*24*60) * time.Minute), Errors: e, Total: n})
	}
	r := prom.Replay{Target: sla.MustTarget("99.9%"), Policy: sla.DefaultAlertPolicy(30 * 24 * time.Hour)}
	span := window.Between(start, start.Add(30*24*time.Hour))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Run(samples, span); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMatrixMonth parses a month of one-minute points of one
// series, the answer to one Client.QueryRange of up over a month.
func BenchmarkParseMatrixMonth(b *testing.B) {
	body := []byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"api"},"values":[`)
	for k := range 44641 {
		if k > 0 {
			body = append(body, ',')
		}
		body = append(body, []byte(`[`+strconv.Itoa(1772323200+60*k)+`,"1"]`)...)
	}
	body = append(body, []byte(`]}]}}`)...)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prom.ParseMatrix(body); err != nil {
			b.Fatal(err)
		}
	}
}
