package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// sample is a Sample at hh:mm:ss on 2 March 2026 UTC.
func sample(hh, mm, ss int, good, total uint64) sla.Sample {
	return sla.Sample{At: at(hh, mm, ss), Good: good, Total: total}
}

// TestMeasureTimeSlicesThreshold: a minute is bad when its error rate is
// strictly above the threshold, with at least the minimum of requests.
// The rule is "bad above 5% errors, with at least 10 requests"; each case
// is one minute of the hour 10:00–11:00, whose other 59 minutes have no
// requests and count as good, so the ratio is 60/60 or 59/60.
func TestMeasureTimeSlicesThreshold(t *testing.T) {
	hour := sla.Scope{Period: span(at(10, 0, 0), at(11, 0, 0))}
	rules := sla.SliceRules{MaxErrors: sla.MustTarget("5%"), MinEvents: 10}
	tests := []struct {
		name    string
		samples []sla.Sample
		good    uint64 // of 60 minutes
	}{
		// 1 error in 20 requests is 5% exactly: not above 5%.
		{"an error rate of exactly 5% is good", []sla.Sample{sample(10, 7, 0, 19, 20)}, 60},
		// 1 in 21 is 4.76…%: under.
		{"an error rate just under 5% is good", []sla.Sample{sample(10, 7, 0, 20, 21)}, 60},
		// 1 in 19 is 5.26…%: over.
		{"an error rate just over 5% is bad", []sla.Sample{sample(10, 7, 0, 18, 19)}, 59},
		// 50 in 1000 is 5%; 51 in 1000 is 5.1%.
		{"50 errors in 1000 requests are good", []sla.Sample{sample(10, 7, 0, 950, 1000)}, 60},
		{"51 errors in 1000 requests are bad", []sla.Sample{sample(10, 7, 0, 949, 1000)}, 59},
		// 9 errors in 9 requests: 100%, but fewer than 10 requests.
		{"a minute under the minimum of requests is good", []sla.Sample{sample(10, 7, 0, 0, 9)}, 60},
		// 1 error in 10 requests is 10%, with exactly the minimum.
		{"a minute at the minimum of requests can be bad", []sla.Sample{sample(10, 7, 0, 9, 10)}, 59},
		// Two samples in one minute add up: 10 of 10 and 8 of 10 are 2
		// errors in 20 requests, 10%. Alone, neither would be bad.
		{"samples of one minute add up", []sla.Sample{sample(10, 7, 0, 10, 10), sample(10, 7, 30, 8, 10)}, 59},
		// The same counts in two minutes: 0% and 20% of 10 requests, one
		// bad minute.
		{"samples of two minutes stay apart", []sla.Sample{sample(10, 7, 0, 10, 10), sample(10, 8, 30, 8, 10)}, 59},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := sla.MeasureTimeSlices(hour, time.Minute, tc.samples, rules)
			require.NoError(t, err)
			assert.Equal(t, "60", totalOf(m.Ratio()))
			assert.Equal(t, tc.good, m.Ratio().Good())
		})
	}
}

func totalOf(r sla.Ratio) string { return sla.RationalOf(r.Total(), 1).String() }

// TestMeasureTimeSlicesScope: slices belong to the scope by their start,
// slices without samples count as the empty policy says, and exclusions
// either remove slices or make them good.
func TestMeasureTimeSlicesScope(t *testing.T) {
	day := span(at(0, 0, 0), at(24, 0, 0))
	business := window.NewSet(span(at(9, 0, 0), at(17, 0, 0)))
	maintenance := window.NewSet(span(at(12, 0, 0), at(12, 30, 0)))
	// Bad minutes at 08:59 (before business hours), 09:00, 12:10 (in the
	// maintenance window) and 16:59; the rest of the day has no samples.
	samples := []sla.Sample{
		sample(16, 59, 10, 0, 100), sample(8, 59, 0, 0, 100),
		sample(9, 0, 59, 0, 100), sample(12, 10, 0, 0, 100),
	}
	bad := sla.SliceRules{MaxErrors: sla.MustTarget("1%")}
	tests := []struct {
		name        string
		scope       sla.Scope
		empty       sla.EmptyPolicy
		good, total uint64
	}{
		// 24 × 60 = 1440 minutes, 4 bad.
		{"a day", sla.Scope{Period: day}, sla.EmptyGood, 1436, 1440},
		// 8 × 60 = 480 minutes of business hours; 08:59 is outside.
		{"business hours", sla.Scope{Period: day, Schedule: &business}, sla.EmptyGood, 477, 480},
		// Only the 4 minutes with samples are counted, 3 in business hours.
		{"empty minutes excluded", sla.Scope{Period: day, Schedule: &business}, sla.EmptyExcluded, 0, 3},
		// The 477 minutes without samples are bad too.
		{"empty minutes bad", sla.Scope{Period: day, Schedule: &business}, sla.EmptyBad, 0, 480},
		// Maintenance removes 30 minutes, one of them bad: 450, 2 bad.
		{"maintenance removed", sla.Scope{Period: day, Schedule: &business, Exclusions: maintenance}, sla.EmptyGood, 448, 450},
		// Maintenance counted as available: 480 minutes, the 30 of
		// maintenance good whatever their samples; with empty minutes
		// bad, 30 good.
		{"maintenance available", sla.Scope{Period: day, Schedule: &business, Exclusions: maintenance, Exclusion: sla.CountAsAvailable}, sla.EmptyBad, 30, 480},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules := bad
			rules.Empty = tc.empty
			m, err := sla.MeasureTimeSlices(tc.scope, time.Minute, samples, rules)
			require.NoError(t, err)
			assert.Equal(t, [2]uint64{tc.good, tc.total}, [2]uint64{m.Ratio().Good(), m.Ratio().Total()})
		})
	}
}

// TestMeasureEvents: good of all events of the samples in the measured
// time; in an exclusion counted as available every event is good.
func TestMeasureEvents(t *testing.T) {
	day := span(at(0, 0, 0), at(24, 0, 0))
	business := window.NewSet(span(at(9, 0, 0), at(17, 0, 0)))
	maintenance := window.NewSet(span(at(12, 0, 0), at(12, 30, 0)))
	samples := []sla.Sample{
		sample(8, 0, 0, 90, 100),    // before business hours
		sample(9, 0, 0, 990, 1000),  // 10 bad
		sample(12, 15, 0, 0, 50),    // in maintenance: 50 bad
		sample(16, 59, 59, 95, 100), // 5 bad
		sample(17, 0, 0, 0, 100),    // business hours end at 17:00
	}
	tests := []struct {
		name        string
		scope       sla.Scope
		good, total uint64
	}{
		{"a day", sla.Scope{Period: day}, 1175, 1350},
		{"business hours", sla.Scope{Period: day, Schedule: &business}, 1085, 1150},
		{"maintenance removed", sla.Scope{Period: day, Schedule: &business, Exclusions: maintenance}, 1085, 1100},
		{"maintenance available", sla.Scope{Period: day, Schedule: &business, Exclusions: maintenance, Exclusion: sla.CountAsAvailable}, 1135, 1150},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := sla.MeasureEvents(tc.scope, samples)
			require.NoError(t, err)
			assert.Equal(t, [2]uint64{tc.good, tc.total}, [2]uint64{m.Ratio().Good(), m.Ratio().Total()})
		})
	}
}

// TestCountExhaustedAt: the budget of 99% of the 1150 events of
// business hours allows floor(11.5) = 11 bad events; the 10 at 09:00
// leave 1, and the 5 at 16:59:59 pass it. Counted in minutes with empty
// minutes bad, 09:00 (1% errors, not above 1%) and 12:15 are the only
// good minutes of 480; 99% of 480 allows floor(4.8) = 4 bad minutes,
// 09:01–09:04, and the fifth, 09:05, passes the allowance.
func TestCountExhaustedAt(t *testing.T) {
	day := span(at(0, 0, 0), at(24, 0, 0))
	business := window.NewSet(span(at(9, 0, 0), at(17, 0, 0)))
	samples := []sla.Sample{sample(16, 59, 59, 95, 100), sample(9, 0, 0, 990, 1000), sample(12, 15, 0, 50, 50)}
	scope := sla.Scope{Period: day, Schedule: &business}
	target := sla.MustTarget("99%")

	events, err := sla.MeasureEvents(scope, samples)
	require.NoError(t, err)
	assert.Equal(t, uint64(11), events.Budget(target).Allowed())
	when, ok := events.ExhaustedAt(target)
	require.True(t, ok)
	assert.Equal(t, at(16, 59, 59), when)
	_, ok = events.ExhaustedAt(sla.MustTarget("98%"))
	assert.False(t, ok, "98% of 1150 allows 23 bad events, 15 were seen")

	slices, err := sla.MeasureTimeSlices(scope, time.Minute, samples, sla.SliceRules{MaxErrors: sla.MustTarget("1%"), Empty: sla.EmptyBad})
	require.NoError(t, err)
	assert.Equal(t, uint64(480), slices.Ratio().Total())
	assert.Equal(t, uint64(2), slices.Ratio().Good(), "09:00 and 12:15 are good")
	when, ok = slices.ExhaustedAt(target)
	require.True(t, ok)
	assert.Equal(t, at(9, 5, 0), when)
}

// TestTimeSlicesAgainstDense: MeasureTimeSlices and AverageTimeSlices,
// which never step through empty slices, agree with MeasureSlices and
// AverageSlices given every slice of the measured time, for random
// schedules, exclusions, samples and rules. The dense reference also
// gives ExhaustedAt: the start of the slice at which the running count of
// bad slices passes the allowance.
func TestTimeSlicesAgainstDense(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	base := at(0, 0, 0)
	randomSet := func(n int) window.Set {
		var ivs []window.Interval
		for range n {
			s := base.Add(time.Duration(r.IntN(6*3600)) * time.Second)
			ivs = append(ivs, span(s, s.Add(time.Duration(1+r.IntN(3600))*time.Second)))
		}
		return window.NewSet(ivs...)
	}
	for trial := range 300 {
		length := []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Second}[r.IntN(3)]
		schedule := randomSet(1 + r.IntN(4))
		scope := sla.Scope{
			Period:     span(base.Add(time.Duration(r.IntN(1800))*time.Second), base.Add(6*time.Hour)),
			Schedule:   &schedule,
			Exclusions: randomSet(r.IntN(3)),
			Exclusion:  sla.ExclusionPolicy(r.IntN(2)),
		}
		var samples []sla.Sample
		for range r.IntN(200) {
			total := uint64(r.IntN(30))
			good := total
			if total > 0 {
				good = uint64(r.IntN(int(total) + 1))
			}
			samples = append(samples, sla.Sample{At: base.Add(time.Duration(r.IntN(7*3600)) * time.Second), Good: good, Total: total})
		}
		rules := sla.SliceRules{MaxErrors: sla.MustTarget([]string{"0%", "5%", "20%"}[r.IntN(3)]), MinEvents: uint64(r.IntN(5)), Empty: sla.EmptyPolicy(r.IntN(3))}

		// The dense reference: every slice whose start is in the measured
		// time, in order, with the samples that fall in it.
		measured := scope.Measured()
		var starts []time.Time
		var dense []sla.Slice
		for s := base.Truncate(length); s.Before(base.Add(7 * time.Hour)); s = s.Add(length) {
			if !measured.Contains(s) {
				continue
			}
			var sl sla.Slice
			if scope.Exclusion == sla.CountAsAvailable && scope.Exclusions.Contains(s) {
				sl = sla.Slice{Good: 1, Total: 1}
			} else {
				for _, x := range samples {
					if x.At.Truncate(length).Equal(s) {
						sl.Good += x.Good
						sl.Total += x.Total
					}
				}
			}
			starts = append(starts, s)
			dense = append(dense, sl)
		}
		want, err := sla.MeasureSlices(dense, rules)
		require.NoError(t, err)
		got, err := sla.MeasureTimeSlices(scope, length, samples, rules)
		require.NoError(t, err)
		require.Equal(t, want, got.Ratio(), "trial %d", trial)

		target := sla.MustTarget("97%")
		allowed := target.EventAllowance(want.Total())
		var wantAt time.Time
		var seen uint64
		for i, sl := range dense {
			one, _ := sla.MeasureSlices([]sla.Slice{sl}, rules)
			if one.Total() == 1 && one.Good() == 0 {
				seen++
				if seen > allowed {
					wantAt = starts[i]
					break
				}
			}
		}
		gotAt, ok := got.ExhaustedAt(target)
		require.Equal(t, !wantAt.IsZero(), ok, "trial %d", trial)
		require.True(t, wantAt.Equal(gotAt), "trial %d: ExhaustedAt %v, dense %v", trial, gotAt, wantAt)

		wantAvg, err := sla.AverageSlices(dense, rules.Empty)
		require.NoError(t, err)
		gotAvg, err := sla.AverageTimeSlices(scope, length, samples, rules.Empty)
		require.NoError(t, err)
		require.True(t, wantAvg.Equal(gotAvg), "trial %d: average %v, dense %v", trial, gotAvg, wantAvg)
	}
}

// TestSampleErrors: a sample with more good events than events, counts
// past 2^64 − 1 and a slice length that is not positive are errors that
// name the sample.
func TestSampleErrors(t *testing.T) {
	day := sla.Scope{Period: span(at(0, 0, 0), at(24, 0, 0))}
	_, err := sla.MeasureEvents(day, []sla.Sample{sample(1, 0, 0, 1, 1), sample(2, 0, 0, 3, 2)})
	assert.ErrorIs(t, err, sla.ErrGoodAboveTotal)
	assert.EqualError(t, err, "sla: samples[1]: good 3 of total 2: good exceeds total")
	huge := []sla.Sample{sample(1, 0, 0, 0, 1<<63), sample(1, 0, 30, 0, 1<<63)}
	_, err = sla.MeasureEvents(day, huge)
	assert.ErrorIs(t, err, sla.ErrTooManyEvents)
	_, err = sla.MeasureTimeSlices(day, time.Minute, huge, sla.SliceRules{})
	assert.ErrorIs(t, err, sla.ErrTooManyEvents)
	assert.Contains(t, err.Error(), "samples[1]")
	_, err = sla.MeasureTimeSlices(day, 0, nil, sla.SliceRules{})
	assert.ErrorIs(t, err, sla.ErrSliceLength)
	_, err = sla.AverageTimeSlices(day, -time.Minute, nil, sla.EmptyGood)
	assert.ErrorIs(t, err, sla.ErrSliceLength)
}

// TestAverageSlicesManyTotals: the mean of 1/1, 1/2, …, 1/n is the nth
// harmonic number over n; H(10) = 7381/2520, so the mean of the ten
// ratios is 7381/25200. Slices with equal totals are one fraction.
func TestAverageSlicesManyTotals(t *testing.T) {
	var ss []sla.Slice
	for n := uint64(1); n <= 10; n++ {
		ss = append(ss, sla.Slice{Good: 1, Total: n})
	}
	got, err := sla.AverageSlices(ss, sla.EmptyGood)
	require.NoError(t, err)
	if diff := cmp.Diff("7381/25200", got.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// 1/2, 1/2 and 0/2 are 1/3 on average.
	got, err = sla.AverageSlices([]sla.Slice{{1, 2}, {1, 2}, {0, 2}}, sla.EmptyGood)
	require.NoError(t, err)
	assert.Equal(t, "1/3", got.String())
}
