package prom

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"time"

	"github.com/slamath/slamath/internal/wide"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// MaxReplayEvaluations bounds the evaluations of one Replay.Run: about 19
// years at one-minute steps.
const MaxReplayEvaluations = 10_000_000

// ErrReplay is wrapped by the errors of Replay.Run about its
// configuration or its samples.
var ErrReplay = errors.New("invalid replay")

// CounterSample is one scrape of an SLI's two counters: the errors (bad
// events) and the total events counted so far.
type CounterSample struct {
	T             time.Time
	Errors, Total uint64
}

// Replay decides, evaluation by evaluation, when the alerts of a policy
// fire over counter samples, as the rules WriteRules writes for an
// Objective with an events SLI, the same Target, Policy, Step and (with
// Schedule) the open time of its schedule would decide in Prometheus 2.
// It takes at most one sample per step, on the evaluation grid, as a
// scrape at every evaluation gives; gaps are allowed. It computes exactly
// what the engine computes in float64, so the two can differ only at
// exact ties, or with counters beyond 2^53, which float64 does not hold
// exactly; see "Replaying a policy" in the package documentation. A plain
// value, safe for concurrent use as long as Policy.Rules and Schedule are
// not modified.
type Replay struct {
	Target sla.Target
	// Policy holds the rules; it must have at least one.
	Policy sla.AlertPolicy
	// Step is the evaluation interval; zero means one minute. Every window
	// of the policy must be a whole number of steps.
	Step time.Duration
	// Schedule, when not nil, is the open time of the objective's schedule:
	// a step counts only if the instant it begins is in it.
	Schedule *window.Set
}

// Firing is the outcome of a replay: for each rule of the policy, the
// steps [t, t+Step) of the evaluations t at which it fired. A plain value,
// safe for concurrent use as long as it is not modified.
type Firing struct {
	Policy sla.AlertPolicy
	Step   time.Duration
	Rules  []window.Set
}

// Severity returns the steps at which any rule of the severity fired: the
// alert of that severity that WriteRules writes.
func (f Firing) Severity(sev sla.Severity) window.Set {
	var s window.Set
	for i, r := range f.Policy.Rules {
		if r.Severity == sev && i < len(f.Rules) {
			s = s.Union(f.Rules[i])
		}
	}
	return s
}

// First returns the first evaluation at which the alert of a severity
// fired, and false if it never did.
func (f Firing) First(sev sla.Severity) (time.Time, bool) {
	s := f.Severity(sev)
	if s.IsEmpty() {
		return time.Time{}, false
	}
	return s.Bounds().Start, true
}

func replayErr(format string, args ...any) error {
	return fmt.Errorf("prom: replay: %s: %w", fmt.Sprintf(format, args...), ErrReplay)
}

// Run evaluates the policy at span.Start, span.Start+Step, … before
// span.End over the samples, which must be in strictly increasing time
// order and lie on the same grid (span.Start plus whole steps, before or
// after it); missing samples are gaps. Samples after the last evaluation
// are ignored, as are those older than any window reaches.
//
// It fails, wrapping ErrReplay, for a policy without rules, a window that
// is not a whole number of steps, a step or span start
// that is not a whole number of milliseconds, samples out of order or
// off the grid, or more than MaxReplayEvaluations evaluations.
func (r Replay) Run(samples []CounterSample, span window.Interval) (Firing, error) {
	step := r.Step
	if step == 0 {
		step = time.Minute
	}
	if step < 0 || step%time.Millisecond != 0 {
		return Firing{}, replayErr("step %v: want a positive whole number of milliseconds", r.Step)
	}
	if span.Start.Nanosecond()%int(time.Millisecond) != 0 {
		return Firing{}, replayErr("span start %s: want a whole number of milliseconds", span.Start.Format(time.RFC3339Nano))
	}
	if len(r.Policy.Rules) == 0 {
		return Firing{}, replayErr("policy without rules")
	}
	ev := int64(0)
	if d := span.Duration(); d > 0 {
		ev = int64(d / step)
		if d%step != 0 {
			ev++
		}
	}
	if ev > MaxReplayEvaluations {
		return Firing{}, replayErr("%d evaluations of %v in %s: more than %d", ev, step, span, MaxReplayEvaluations)
	}
	p, err := r.compile(step)
	if err != nil {
		return Firing{}, err
	}
	if err := p.load(samples, span.Start, step, int(ev)); err != nil {
		return Firing{}, err
	}
	out := Firing{Policy: r.Policy, Step: step, Rules: make([]window.Set, len(r.Policy.Rules))}
	builders := make([]spans, len(p.rules))
	p.run(int(ev), func(rule, i int) {
		t := span.Start.Add(time.Duration(i) * step)
		builders[rule].add(window.Between(t, t.Add(step)))
	})
	for i := range builders {
		out.Rules[i] = builders[i].set()
	}
	return out, nil
}

// threshold is an error-ratio threshold p/q in lowest terms.
type threshold struct {
	tau   *big.Rat
	p, q  *big.Int
	small bool // p and q fit in a uint64
	p64   uint64
	q64   uint64
}

type compiledRule struct {
	long, short int // indexes into windows
	th          threshold
}

// replayer holds a compiled policy and its samples.
type replayer struct {
	gated   bool
	open    *window.Set
	stepMS  int64
	windows []int // window lengths in steps
	rules   []compiledRule
	maxK    int

	// samples, from the first any window reaches to the last evaluation
	k       []int    // grid index of each sample
	vals    []sample // their raw values
	ce, ct  []uint64 // ce[j]: errors counted from sample 0 to sample j, resets corrected
	ge, gt  []uint64 // gated: ge[j+1] − ge[j] is what sample j adds to the open steps
	scratch big.Rat
	scr     [2]big.Int
	left    []int // per window, first sample index in the window
	right   int   // first sample after the evaluation
	res     []windowResult
}

type sample struct{ e, t uint64 }

// windowResult is the error ratio over one window at one evaluation.
type windowResult struct {
	present bool
	// exact counts when the window's value is a ratio of integers
	small bool
	e, t  uint64
	// otherwise the extrapolated increases
	re, rt big.Rat
}

func (r Replay) compile(step time.Duration) (*replayer, error) {
	budget := new(big.Rat).Sub(big.NewRat(1, 1), targetRat(r.Target))
	p := &replayer{gated: r.Schedule != nil, open: r.Schedule, stepMS: step.Milliseconds()}
	idx := map[int]int{}
	win := func(i int, name string, d time.Duration) (int, error) {
		if d <= 0 || d%step != 0 {
			return 0, replayErr("rule %d: %s window %v: want a positive whole number of steps of %v", i, name, d, step)
		}
		k := int(d / step)
		if j, ok := idx[k]; ok {
			return j, nil
		}
		idx[k] = len(p.windows)
		p.windows = append(p.windows, k)
		p.maxK = max(p.maxK, k)
		return len(p.windows) - 1, nil
	}
	for i, rule := range r.Policy.Rules {
		l, err := win(i, "long", rule.Long)
		if err != nil {
			return nil, err
		}
		s, err := win(i, "short", rule.Short)
		if err != nil {
			return nil, err
		}
		burn, _, err := ratOf(rule.Burn()) // a rule's threshold is finite
		if err != nil {
			return nil, replayErr("rule %d: %v", i, err)
		}
		tau := new(big.Rat).Mul(burn, budget)
		th := threshold{tau: tau, p: new(big.Int).Set(tau.Num()), q: new(big.Int).Set(tau.Denom())}
		if th.p.IsUint64() && th.q.IsUint64() {
			th.small, th.p64, th.q64 = true, th.p.Uint64(), th.q.Uint64()
		}
		p.rules = append(p.rules, compiledRule{long: l, short: s, th: th})
	}
	p.left = make([]int, len(p.windows))
	p.res = make([]windowResult, len(p.windows))
	return p, nil
}

// load checks the samples and builds the prefix sums.
func (p *replayer) load(samples []CounterSample, start time.Time, step time.Duration, evals int) error {
	lo := -p.maxK - 1 // the oldest grid index any window or step reaches
	startMS := start.UnixMilli()
	p.k, p.vals = make([]int, 0, len(samples)), make([]sample, 0, len(samples))
	for j, s := range samples {
		if s.T.Nanosecond()%int(time.Millisecond) != 0 {
			return replayErr("samples[%d] at %s: not a whole millisecond", j, s.T.Format(time.RFC3339Nano))
		}
		d := s.T.UnixMilli() - startMS
		if d%p.stepMS != 0 {
			return replayErr("samples[%d] at %s: not on the grid of %v from %s", j, s.T.Format(time.RFC3339Nano), step, start.Format(time.RFC3339Nano))
		}
		if j > 0 && !s.T.After(samples[j-1].T) {
			return replayErr("samples[%d] at %s: not after the sample before", j, s.T.Format(time.RFC3339Nano))
		}
		k64 := d / p.stepMS
		if k64 < int64(lo) || k64 >= int64(evals) {
			continue
		}
		k := int(k64)
		p.k = append(p.k, k)
		p.vals = append(p.vals, sample{s.Errors, s.Total})
	}
	m := len(p.k)
	p.ce, p.ct = make([]uint64, m), make([]uint64, m)
	if p.gated {
		p.ge, p.gt = make([]uint64, m+1), make([]uint64, m+1)
	}
	for j := 1; j < m; j++ {
		ie := increase(p.vals[j-1].e, p.vals[j].e)
		it := increase(p.vals[j-1].t, p.vals[j].t)
		var c1, c2 uint64
		p.ce[j], c1 = bits.Add64(p.ce[j-1], ie, 0)
		p.ct[j], c2 = bits.Add64(p.ct[j-1], it, 0)
		if c1|c2 != 0 {
			return replayErr("the counters' increases add up beyond %d", uint64(1<<64-1))
		}
		if p.gated {
			// The rule's increase over one step exists only with a sample
			// at each end, and counts if the step began in the schedule.
			p.ge[j+1], p.gt[j+1] = p.ge[j], p.gt[j]
			if p.k[j] == p.k[j-1]+1 && p.open.Contains(start.Add(time.Duration(p.k[j-1])*step)) {
				p.ge[j+1] += ie
				p.gt[j+1] += it
			}
		}
	}
	return nil
}

// run evaluates at grid indexes 0 … evals−1 and calls fire for each rule
// that fires.
func (p *replayer) run(evals int, fire func(rule, i int)) {
	for i := range evals {
		for p.right < len(p.k) && p.k[p.right] <= i {
			p.right++
		}
		for w, K := range p.windows {
			if p.gated {
				p.gatedWindow(w, i, K)
			} else {
				p.window(w, i, K)
			}
		}
		for ri, rule := range p.rules {
			if p.exceeds(&p.res[rule.long], &rule.th) && p.exceeds(&p.res[rule.short], &rule.th) {
				fire(ri, i)
			}
		}
	}
}

// gatedWindow sums the open steps that ended in (t − K steps, t]: the
// steps whose later sample has a grid index in [i−K+1, i].
func (p *replayer) gatedWindow(w, i, K int) {
	for p.left[w] < len(p.k) && p.k[p.left[w]] < i-K+1 {
		p.left[w]++
	}
	res := &p.res[w]
	l, r := p.left[w], p.right
	res.present, res.small = r > l, true
	res.e, res.t = p.ge[r]-p.ge[l], p.gt[r]-p.gt[l]
}

// window computes rate(errors[w]) / rate(total[w]) at grid index i as
// Prometheus 2 does: the samples in [t − w, t], both ends included, their
// increase with resets corrected, extrapolated towards the ends of the
// range when the samples stop short of them.
func (p *replayer) window(w, i, K int) {
	for p.left[w] < len(p.k) && p.k[p.left[w]] < i-K {
		p.left[w]++
	}
	res := &p.res[w]
	f, l := p.left[w], p.right-1
	if l-f < 1 { // fewer than two samples: no rate
		res.present = false
		return
	}
	res.present = true
	re, rt := p.ce[l]-p.ce[f], p.ct[l]-p.ct[f]
	if p.k[f] == i-K && p.k[l] == i {
		// Samples at both ends: no extrapolation, the ratio is re/rt.
		res.small, res.e, res.t = true, re, rt
		return
	}
	res.small = false
	sampled := int64(p.k[l]-p.k[f]) * p.stepMS
	toStart := int64(p.k[f]-(i-K)) * p.stepMS
	toEnd := int64(i-p.k[l]) * p.stepMS
	n := int64(l - f) // intervals between samples
	extrapolate(&res.re, re, p.vals[f].e, sampled, toStart, toEnd, n)
	extrapolate(&res.rt, rt, p.vals[f].t, sampled, toStart, toEnd, n)
}

// extrapolate sets out to the extrapolated increase of one counter whose
// n+1 samples in the range span sampled ms, increased by inc from a first
// value first, and stop toStart and toEnd ms short of the range's ends. It
// follows Prometheus 2.42's extrapolatedRate, exactly where the engine
// rounds:
//
//   - the average interval between samples is sampled/n;
//   - a counter that increased is not extrapolated below zero: the
//     distance to the start is at most sampled × first / inc;
//   - each end is extended to the range's edge if it is less than 1.1
//     average intervals away, otherwise by half an average interval;
//   - the increase is scaled by (sampled + both extensions) / sampled.
func extrapolate(out *big.Rat, inc, first uint64, sampled, toStart, toEnd, n int64) {
	if inc == 0 {
		out.SetInt64(0)
		return
	}
	S := new(big.Rat).SetInt64(sampled)
	avg := new(big.Rat).SetFrac64(sampled, n)
	limit := new(big.Rat).Mul(avg, big.NewRat(11, 10))
	half := new(big.Rat).Mul(avg, big.NewRat(1, 2))
	start := new(big.Rat).SetInt64(toStart)
	zero := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(sampled), new(big.Int).SetUint64(first)), new(big.Int).SetUint64(inc))
	if zero.Cmp(start) < 0 {
		start = zero
	}
	ext := new(big.Rat).Set(S)
	for _, d := range []*big.Rat{start, new(big.Rat).SetInt64(toEnd)} {
		if d.Cmp(limit) < 0 {
			ext.Add(ext, d)
		} else {
			ext.Add(ext, half)
		}
	}
	out.SetUint64(inc)
	out.Mul(out, ext)
	out.Quo(out, S)
}

// exceeds reports whether a window's error ratio is strictly above a
// threshold: false when the window has no value or its ratio is 0/0
// (NaN), true when errors were counted against no events (+Inf).
func (p *replayer) exceeds(w *windowResult, th *threshold) bool {
	if !w.present {
		return false
	}
	if w.small {
		if w.t == 0 {
			return w.e > 0
		}
		if th.small {
			return wide.Cmp(w.e, th.q64, th.p64, w.t) > 0
		}
		a := p.scr[0].Mul(p.scr[0].SetUint64(w.e), th.q)
		b := p.scr[1].Mul(p.scr[1].SetUint64(w.t), th.p)
		return a.Cmp(b) > 0
	}
	if w.rt.Sign() == 0 {
		return w.re.Sign() > 0
	}
	ratio := p.scratch.Quo(&w.re, &w.rt)
	return ratio.Cmp(th.tau) > 0
}
