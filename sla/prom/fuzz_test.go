package prom_test

import (
	"testing"
	"time"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

// FuzzParseMatrix: no response body makes the parser or the readers
// panic or hang; whatever parses reads back on the grid of its points.
func FuzzParseMatrix(f *testing.F) {
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"api"},"values":[[1772323200,"1"],[1772323260,"0"],[1772323320,"NaN"]]}]}}`))
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[0.001,"5"],[0.003,"3"],[0.004,"0.25"]]}]}}`))
	f.Add([]byte(`{"status":"error","errorType":"bad_data","error":"x"}`))
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[-5,"1"],[1e3,"1"]]}]}}`))
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1","A":"2"},"values":[[1,"1"]],"Values":[]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := prom.ParseMatrix(data)
		if err != nil {
			return
		}
		if d, dup := jsonkey.Find(data, jsonkey.Exact); dup {
			t.Fatalf("parsed a body with %q given twice at %s", d.Key, d.Path)
		}
		for _, s := range m {
			if len(s.Points) == 0 {
				continue
			}
			for i := 1; i < len(s.Points); i++ {
				if !s.Points[i].T.After(s.Points[i-1].T) {
					t.Fatalf("points out of order: %v", s.Points)
				}
			}
			first, last := s.Points[0].T, s.Points[len(s.Points)-1].T
			step := time.Millisecond
			if len(s.Points) > 1 {
				step = max(s.Points[1].T.Sub(first), time.Millisecond)
			}
			g := prom.Grid{Start: first, End: last, Step: step}
			if g.Validate() != nil || g.Len() > 100_000 {
				continue
			}
			_, _ = prom.DownTime(s, g)
			_, _ = prom.Increase(s, g)
			_, _, _ = prom.RatioSlices(s, g)
			_, _ = prom.Events(s, s, g)
			_, _, _ = prom.Slices(s, s, g)
		}
	})
}

// FuzzReplay: on any samples, the replay agrees with the naive reference,
// with and without a schedule.
func FuzzReplay(f *testing.F) {
	f.Add([]byte{0, 10, 100, 1, 20, 100, 0, 30, 50, 2, 1, 10}, uint16(0b1010101))
	f.Add([]byte{255, 255, 255, 0, 0, 0, 1, 1, 1}, uint16(0xffff))
	f.Fuzz(func(t *testing.T, data []byte, sched uint16) {
		// Each sample: a gap byte (odd: skip a minute), error and total
		// increments; a total increment of 0 with an error is a reset.
		var samples []prom.CounterSample
		var e, n uint64
		k := 0
		for len(data) >= 3 && k < 60 {
			if data[0]%2 == 1 {
				k++
			}
			de, dn := uint64(data[1]%64), uint64(data[2])
			if dn == 0 && de > 0 {
				e, n = de, de
			} else {
				e, n = e+de, n+dn
			}
			samples = append(samples, prom.CounterSample{T: epoch.Add(time.Duration(k) * time.Minute), Errors: e, Total: n})
			data = data[3:]
			k++
		}
		var open []window.Interval
		for i := range 16 {
			if sched&(1<<i) != 0 {
				open = append(open, window.Between(epoch.Add(time.Duration(5*i)*time.Minute), epoch.Add(time.Duration(5*i+5)*time.Minute)))
			}
		}
		span := window.Between(epoch, epoch.Add(time.Duration(k+2)*time.Minute))
		for _, schedule := range []*window.Set{nil, ptr(window.NewSet(open...))} {
			r := prom.Replay{Target: sla.MustTarget("99.9%"), Policy: shortPolicy(), Step: time.Minute, Schedule: schedule}
			got, err := r.Run(samples, span)
			if err != nil {
				t.Fatal(err)
			}
			want := reference(r, samples, span)
			for j := range want {
				if !want[j].Equal(got.Rules[j]) {
					t.Fatalf("rule %d: replay %s, reference %s (samples %v)", j, got.Rules[j], want[j], samples)
				}
			}
		}
	})
}

func ptr[T any](v T) *T { return &v }
