package prom_test

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/window"
)

// exactOf reads a finite Rational from its exact text ("14.4", "14/15").
func exactOf(x sla.Rational) *big.Rat {
	r, ok := new(big.Rat).SetString(x.String())
	if !ok {
		panic("not a finite rational: " + x.String())
	}
	return r
}

// refRatio is the error ratio of a window in the reference: present, and
// errors/events (events may be 0).
type refRatio struct {
	ok   bool
	e, t *big.Rat
}

// refExtrapolated is Prometheus 2.42's extrapolated increase of one
// counter over the range [start, end] (seconds), from the samples inside
// it, written from the documented algorithm without the shortcuts of the
// package: the increase with resets; the gaps to both ends; no
// extrapolation below zero; an end within 1.1 average intervals extended
// to the edge, otherwise by half an interval.
func refExtrapolated(ts []int64, vs []uint64, start, end int64) *big.Rat {
	inc := new(big.Rat)
	for i := 1; i < len(vs); i++ {
		if vs[i] < vs[i-1] {
			inc.Add(inc, new(big.Rat).SetUint64(vs[i]))
		} else {
			inc.Add(inc, new(big.Rat).SetUint64(vs[i]-vs[i-1]))
		}
	}
	sampled := new(big.Rat).SetInt64(ts[len(ts)-1] - ts[0])
	toStart := new(big.Rat).SetInt64(ts[0] - start)
	toEnd := new(big.Rat).SetInt64(end - ts[len(ts)-1])
	avg := new(big.Rat).Quo(sampled, new(big.Rat).SetInt64(int64(len(ts)-1)))
	if inc.Sign() > 0 {
		zero := new(big.Rat).Mul(sampled, new(big.Rat).Quo(new(big.Rat).SetUint64(vs[0]), inc))
		if zero.Cmp(toStart) < 0 {
			toStart = zero
		}
	}
	limit := new(big.Rat).Mul(avg, big.NewRat(11, 10))
	ext := new(big.Rat).Set(sampled)
	for _, d := range []*big.Rat{toStart, toEnd} {
		if d.Cmp(limit) < 0 {
			ext.Add(ext, d)
		} else {
			ext.Add(ext, new(big.Rat).Quo(avg, big.NewRat(2, 1)))
		}
	}
	return inc.Mul(inc, ext.Quo(ext, sampled))
}

// reference evaluates a replay naively: at every evaluation and for
// every window it collects the samples again.
func reference(r prom.Replay, samples []prom.CounterSample, span window.Interval) []window.Set {
	step := r.Step
	budget := new(big.Rat).Sub(big.NewRat(1, 1), exactOf(r.Target.Rational()))
	ratio := func(t time.Time, w time.Duration) refRatio {
		if r.Schedule != nil {
			e, n := new(big.Rat), new(big.Rat)
			for i := 1; i < len(samples); i++ {
				a, b := samples[i-1], samples[i]
				if !b.T.After(t.Add(-w)) || b.T.After(t) || b.T.Sub(a.T) != step || !r.Schedule.Contains(a.T) {
					continue
				}
				for _, p := range []struct {
					acc  *big.Rat
					x, y uint64
				}{{e, a.Errors, b.Errors}, {n, a.Total, b.Total}} {
					if p.y < p.x {
						p.acc.Add(p.acc, new(big.Rat).SetUint64(p.y))
					} else {
						p.acc.Add(p.acc, new(big.Rat).SetUint64(p.y-p.x))
					}
				}
			}
			return refRatio{true, e, n}
		}
		var ts []int64
		var es, tots []uint64
		for _, s := range samples {
			if !s.T.Before(t.Add(-w)) && !s.T.After(t) {
				ts = append(ts, s.T.UnixMilli())
				es, tots = append(es, s.Errors), append(tots, s.Total)
			}
		}
		if len(ts) < 2 {
			return refRatio{}
		}
		start, end := t.Add(-w).UnixMilli(), t.UnixMilli()
		return refRatio{true, refExtrapolated(ts, es, start, end), refExtrapolated(ts, tots, start, end)}
	}
	above := func(x refRatio, tau *big.Rat) bool {
		switch {
		case !x.ok:
			return false
		case x.t.Sign() == 0:
			return x.e.Sign() > 0
		}
		return new(big.Rat).Quo(x.e, x.t).Cmp(tau) > 0
	}
	out := make([]window.Set, len(r.Policy.Rules))
	for i, rule := range r.Policy.Rules {
		tau := new(big.Rat).Mul(exactOf(rule.Burn()), budget)
		var fired []window.Interval
		for t := span.Start; t.Before(span.End); t = t.Add(step) {
			if above(ratio(t, rule.Long), tau) && above(ratio(t, rule.Short), tau) {
				fired = append(fired, window.Between(t, t.Add(step)))
			}
		}
		out[i] = window.NewSet(fired...)
	}
	return out
}

// randomSamples returns minutes of counter samples from time 0: about
// 1000 events a minute, errors around the page threshold, gaps where a
// scrape failed, and resets where the process restarted.
func randomSamples(rng *rand.Rand, minutes int, gaps, resets float64) []prom.CounterSample {
	var out []prom.CounterSample
	var e, t uint64
	rate := rng.IntN(40)
	for k := 0; k <= minutes; k++ {
		if rng.Float64() < 0.05 {
			rate = rng.IntN(40)
		}
		if k > 0 {
			if rng.Float64() < resets {
				e, t = 0, 0
			}
			n := uint64(900 + rng.IntN(200))
			t += n
			e += min(n, uint64(rng.IntN(rate+1)))
		}
		if rng.Float64() < gaps {
			continue
		}
		out = append(out, prom.CounterSample{T: epoch.Add(time.Duration(k) * time.Minute), Errors: e, Total: t})
	}
	return out
}

// shortPolicy is the fast page rule of 99.9% over 30 days (burn 14.4) on
// windows of 10 and 2 minutes, and the 6h rule (burn 6) on 30 and 5:
// short enough that gaps and resets often fall at their edges.
func shortPolicy() sla.AlertPolicy {
	p := sla.DefaultAlertPolicy(30 * day)
	p.Rules = p.Rules[:2]
	p.Rules[0].Long, p.Rules[0].Short = 10*time.Minute, 2*time.Minute
	p.Rules[1].Long, p.Rules[1].Short = 30*time.Minute, 5*time.Minute
	return p
}

// TestReplayReference compares the replay with the naive reference on
// random counters with gaps and resets, with and without a schedule.
func TestReplayReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range referenceCases {
		samples := randomSamples(rng, 120, 0.5*rng.Float64(), 0.02*rng.Float64())
		r := prom.Replay{Target: sla.MustTarget("99.9%"), Policy: shortPolicy()}
		if i%2 == 1 {
			var open []window.Interval
			for k := 0; k < 130; k += 1 + rng.IntN(20) {
				d := 1 + rng.IntN(15)
				open = append(open, window.Between(epoch.Add(time.Duration(k)*time.Minute), epoch.Add(time.Duration(k+d)*time.Minute)))
				k += d
			}
			s := window.NewSet(open...)
			r.Schedule = &s
		}
		r.Step = time.Minute
		span := window.Between(epoch, epoch.Add(121*time.Minute))
		got, err := r.Run(samples, span)
		require.NoError(t, err)
		want := reference(r, samples, span)
		for j := range want {
			if !want[j].Equal(got.Rules[j]) {
				t.Fatalf("case %d rule %d: replay fires at %s, reference at %s", i, j, got.Rules[j], want[j])
			}
		}
	}
}

// TestReplayKnown checks the replay against answers derived by hand.
func TestReplayKnown(t *testing.T) {
	at := func(m int) time.Time { return epoch.Add(time.Duration(m) * time.Minute) }
	constant := func(minutes int, e, n uint64) []prom.CounterSample {
		var out []prom.CounterSample
		for k := 0; k <= minutes; k++ {
			out = append(out, prom.CounterSample{T: at(k), Errors: e * uint64(k), Total: n * uint64(k)})
		}
		return out
	}
	page := sla.DefaultAlertPolicy(30 * day)
	page.Rules = page.Rules[:1] // 1h and 5m above 0.0144
	tests := []struct {
		name    string
		samples []prom.CounterSample
		policy  sla.AlertPolicy
		span    window.Interval
		want    window.Set
	}{
		{
			// 144 errors of 10,000 a minute is exactly 0.0144: not strictly
			// above, never fires.
			name: "exactly at the threshold", samples: constant(120, 144, 10000), policy: page,
			span: window.Between(at(0), at(121)),
		},
		{
			// 145 of 10,000 = 0.0145 > 0.0144 in both windows as soon as
			// they have two samples: at minute 1 (counters from 0 are not
			// extrapolated below zero) through 120.
			name: "just above from the start", samples: constant(120, 145, 10000), policy: page,
			span: window.Between(at(0), at(121)),
			want: window.NewSet(window.Between(at(1), at(121))),
		},
		{
			// One sample: no rate, nothing fires.
			name: "one sample", samples: constant(0, 145, 10000), policy: page,
			span: window.Between(at(0), at(10)),
		},
		{
			// No events at all: 0/0, nothing fires.
			name: "no events", samples: constant(60, 0, 0), policy: page,
			span: window.Between(at(0), at(61)),
		},
		{
			// Errors counted against no events burn infinitely fast.
			name: "errors without events", samples: constant(10, 5, 0), policy: page,
			span: window.Between(at(0), at(11)),
			want: window.NewSet(window.Between(at(1), at(11))),
		},
		{
			// The span starts later and ends earlier than the samples:
			// evaluations only inside it.
			name: "span inside the samples", samples: constant(120, 145, 10000), policy: page,
			span: window.Between(at(30), at(40)),
			want: window.NewSet(window.Between(at(30), at(40))),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := prom.Replay{Target: sla.MustTarget("99.9%"), Policy: tc.policy}.Run(tc.samples, tc.span)
			require.NoError(t, err)
			got := f.Severity(sla.SeverityPage)
			if !tc.want.Equal(got) {
				t.Fatalf("fires at %s, want %s", got, tc.want)
			}
		})
	}
}

// TestReplayResets: a counter that restarts from zero keeps counting, as
// Prometheus counts it. Errors 10, 20, then a restart at 5, then 15: the
// errors counted are 10 + 5 + 10 = 25 of 3 × 1000 events.
func TestReplayResets(t *testing.T) {
	at := func(m int) time.Time { return epoch.Add(time.Duration(m) * time.Minute) }
	samples := []prom.CounterSample{
		{T: at(0), Errors: 10, Total: 1000}, {T: at(1), Errors: 20, Total: 2000},
		{T: at(2), Errors: 5, Total: 1000}, {T: at(3), Errors: 15, Total: 2000},
	}
	// One rule whose windows are both 3m, with burn 25/3000 ÷ 0.001 = 25/3
	// exactly at 25/3000 errors: not above. A burn a hair lower fires.
	p := sla.DefaultAlertPolicy(30 * day)
	for _, tc := range []struct {
		burn string
		want bool
	}{{"25/3", false}, {"8.333", true}} {
		b, err := sla.ParseRational(tc.burn)
		require.NoError(t, err)
		rule, err := sla.NewBurnRule(sla.SeverityPage, b, 3*time.Minute, 3*time.Minute)
		require.NoError(t, err)
		p.Rules = []sla.AlertRule{rule}
		f, err := prom.Replay{Target: sla.MustTarget("99.9%"), Policy: p}.Run(samples, window.Between(at(3), at(4)))
		require.NoError(t, err)
		require.Equal(t, tc.want, f.Severity(sla.SeverityPage).Contains(at(3)), "burn %s", tc.burn)
	}
}

// TestReplayErrors: bad configurations and samples are errors wrapping
// ErrReplay, never panics.
func TestReplayErrors(t *testing.T) {
	at := func(m int) time.Time { return epoch.Add(time.Duration(m) * time.Minute) }
	ok := sla.DefaultAlertPolicy(30 * day)
	odd := sla.DefaultAlertPolicy(30 * day)
	odd.Rules = []sla.AlertRule{odd.Rules[0]}
	odd.Rules[0].Short = 90 * time.Second
	span := window.Between(at(0), at(10))
	tests := []struct {
		name    string
		r       prom.Replay
		samples []prom.CounterSample
		span    window.Interval
	}{
		{"no rules", prom.Replay{}, nil, span},
		{"window not whole steps", prom.Replay{Policy: odd}, nil, span},
		{"negative step", prom.Replay{Policy: ok, Step: -time.Minute}, nil, span},
		{"sub-millisecond step", prom.Replay{Policy: ok, Step: time.Microsecond}, nil, span},
		{"out of order", prom.Replay{Policy: ok}, []prom.CounterSample{{T: at(2)}, {T: at(1)}}, span},
		{"duplicate", prom.Replay{Policy: ok}, []prom.CounterSample{{T: at(1)}, {T: at(1)}}, span},
		{"off the grid", prom.Replay{Policy: ok}, []prom.CounterSample{{T: at(1).Add(time.Second)}}, span},
		{"too many evaluations", prom.Replay{Policy: ok, Step: time.Millisecond}, nil, window.Between(at(0), at(0).Add(time.Hour*24*365))},
		{"overflow", prom.Replay{Policy: ok}, []prom.CounterSample{{T: at(0)}, {T: at(1), Total: 1<<64 - 1}, {T: at(2), Total: 5}, {T: at(3), Total: 1<<64 - 1}}, span},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.r.Run(tc.samples, tc.span)
			require.Error(t, err)
			require.True(t, errors.Is(err, prom.ErrReplay), "%v", err)
		})
	}
}

// TestFiringSeverity: the alert of a severity fires when any of its rules
// does.
func TestFiringSeverity(t *testing.T) {
	at := func(m int) time.Time { return epoch.Add(time.Duration(m) * time.Minute) }
	f := prom.Firing{
		Policy: sla.DefaultAlertPolicy(30 * day),
		Step:   time.Minute,
		Rules: []window.Set{
			window.NewSet(window.Between(at(1), at(3))), window.NewSet(window.Between(at(2), at(5))),
			{}, window.NewSet(window.Between(at(7), at(8))),
		},
	}
	if diff := cmp.Diff(window.NewSet(window.Between(at(1), at(5))).String(), f.Severity(sla.SeverityPage).String()); diff != "" {
		t.Errorf("page (-want +got):\n%s", diff)
	}
	first, ok := f.First(sla.SeverityTicket)
	require.True(t, ok)
	require.Equal(t, at(7), first)
	_, ok = prom.Firing{}.First(sla.SeverityPage)
	require.False(t, ok)
}
