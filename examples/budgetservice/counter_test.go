package main

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// refEvent is one request as the reference keeps it: every one, forever.
type refEvent struct {
	bucket int64
	good   bool
}

// refRatio is what the ring should report for the buckets [first, last):
// a request counts if its bucket is in range, within the ring's reach of
// last, and no later bucket sharing its slot was ever recorded (the ring
// forgets a bucket when a later one takes its slot, and drops requests
// for a bucket older than the one in its slot).
func refRatio(events []refEvent, n, first, last int64) (good, total uint64) {
	first = max(first, last-n)
	for _, e := range events {
		if e.bucket < first || e.bucket >= last {
			continue
		}
		superseded := false
		for _, o := range events {
			if o.bucket > e.bucket && (o.bucket-e.bucket)%n == 0 {
				superseded = true
				break
			}
		}
		if superseded {
			continue
		}
		total++
		if e.good {
			good++
		}
	}
	return good, total
}

// TestCounterAgainstReference records requests at random instants, in
// random order and around a small ring, and compares the counts of random
// windows with the reference.
func TestCounterAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	base := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for round := range 200 {
		n := 1 + rng.IntN(12)
		c := newCounter(time.Minute, time.Duration(n)*time.Minute)
		var events []refEvent
		for range rng.IntN(60) {
			at := base.Add(time.Duration(rng.Int64N(int64(40 * time.Minute))))
			good := rng.IntN(3) > 0
			c.record(at, good)
			events = append(events, refEvent{bucket: c.index(at), good: good})
		}
		for range 20 {
			first := c.index(base) - 2 + rng.Int64N(45)
			last := first + rng.Int64N(20)
			iv := window.Between(time.Unix(0, first*int64(time.Minute)), time.Unix(0, last*int64(time.Minute)))
			var got sla.Ratio
			c.read(func(ratio func(window.Interval) sla.Ratio) { got = ratio(iv) })
			good, total := refRatio(events, int64(n), first, last)
			if got.Good() != good || got.Total() != total {
				t.Fatalf("round %d, ring of %d, buckets [%d, %d): got %v, want %d/%d", round, n, first, last, got, good, total)
			}
		}
	}
}

// TestCounterBeforeEpoch checks that buckets floor for instants before
// 1970, where integer division would round toward zero.
func TestCounterBeforeEpoch(t *testing.T) {
	c := newCounter(time.Minute, time.Hour)
	at := time.Unix(-30, 0) // 23:59:30 on 31 December 1969
	if got, want := c.index(at), int64(-1); got != want {
		t.Fatalf("index(%v) = %d, want %d", at, got, want)
	}
	if got, want := c.end(at), time.Unix(0, 0).UTC(); !got.Equal(want) {
		t.Fatalf("end(%v) = %v, want %v", at, got, want)
	}
}

func BenchmarkRecord(b *testing.B) {
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, time.Now)
	now := time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.counts.record(now.Add(time.Duration(i)*time.Millisecond), i%100 != 0)
	}
}

// BenchmarkMiddleware is one request through the counting middleware and
// the demo handler, recorder included.
func BenchmarkMiddleware(b *testing.B) {
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, time.Now)
	h := s.handler(http.HandlerFunc(demo))
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}

// BenchmarkReport computes /slo over a full 30-day ring of one-minute
// buckets (43 200), every bucket holding requests.
func BenchmarkReport(b *testing.B) {
	now := time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, func() time.Time { return now })
	for m := range 30 * 24 * 60 {
		at := now.Add(-time.Duration(m) * time.Minute)
		s.counts.record(at, true)
		s.counts.record(at, m%50 != 0)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = s.report(now)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"30d", "28d", "720h", "90m", "1m", "90s", "0d", "-1d", "401d", "d", "1e3d", "9223372036854775807d", "300000h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parsePeriod(s)
		if err != nil {
			return
		}
		if d <= 0 || d > maxPeriod || d%bucketWidth != 0 {
			t.Fatalf("parsePeriod(%q) = %v, outside (0, %v] or not whole minutes", s, d, maxPeriod)
		}
	})
}
