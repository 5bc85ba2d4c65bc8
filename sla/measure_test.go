package sla_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// at returns 2 March 2026 (a Monday) at hh:mm:ss UTC.
func at(hh, mm, ss int) time.Time { return time.Date(2026, 3, 2, hh, mm, ss, 0, time.UTC) }

func span(a, b time.Time) window.Interval { return window.Between(a, b) }

func TestMeasureOutages(t *testing.T) {
	dayPeriod := span(at(0, 0, 0), at(24, 0, 0))
	business := window.NewSet(span(at(9, 0, 0), at(17, 0, 0)))
	maintenance := window.NewSet(span(at(2, 0, 0), at(4, 0, 0)))
	// A zone 5h30m17s east of UTC: the whole-minute grid must stay on UTC
	// minutes whatever the Location of the instants.
	odd := time.FixedZone("odd", 5*3600+30*60+17)

	tests := []struct {
		name  string
		scope sla.Scope
		down  []window.Interval
		rules sla.OutageRules
		want  sla.TimeMeasurement
	}{
		{
			// 4 min 30 s from 10:00:00 holds the whole minutes 10:00–10:04:
			// 4 minutes. A 40 s blip in 11:00 holds no whole minute.
			name:  "whole minutes: 4m30s counts 4m, a 40s blip none",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0), at(10, 4, 30)), span(at(11, 0, 10), at(11, 0, 50))},
			rules: sla.OutageRules{Minutes: sla.WholeMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 4 * time.Minute},
		},
		{
			// 12:00:30–12:05:15 holds the whole minutes 12:01–12:05: 4 minutes.
			name:  "whole minutes: an outage starting mid-minute",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(12, 0, 30), at(12, 5, 15))},
			rules: sla.OutageRules{Minutes: sla.WholeMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 4 * time.Minute},
		},
		{
			// The same instants as the first case, written in a zone whose
			// offset is not whole minutes: still 4 minutes, UTC-aligned.
			name:  "whole minutes: grid is the UTC minute in any Location",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0).In(odd), at(10, 4, 30).In(odd))},
			rules: sla.OutageRules{Minutes: sla.WholeMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 4 * time.Minute},
		},
		{
			// Runs shorter than 5 minutes are ignored: 4m59s goes, exactly
			// 5m stays (it is not shorter), so 5 minutes count.
			name:  "minimum outage of 5 minutes",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0), at(10, 4, 59)), span(at(11, 0, 0), at(11, 5, 0))},
			rules: sla.OutageRules{MinOutage: 5 * time.Minute},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 5 * time.Minute},
		},
		{
			// Two touching 3-minute outages form one 6-minute run, which is
			// not shorter than 5 minutes.
			name:  "minimum outage applies to merged runs",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0), at(10, 3, 0)), span(at(10, 3, 0), at(10, 6, 0))},
			rules: sla.OutageRules{MinOutage: 5 * time.Minute},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 6 * time.Minute},
		},
		{
			// 16:58–17:04 lasts 6 minutes, so it passes the 5-minute rule,
			// but only 16:58–17:00 lies in business hours: 2 minutes. The
			// measured time is 09:00–17:00, 8 hours.
			name:  "minimum outage judged before clipping to the schedule",
			scope: sla.Scope{Period: dayPeriod, Schedule: &business},
			down:  []window.Interval{span(at(16, 58, 0), at(17, 4, 0))},
			rules: sla.OutageRules{MinOutage: 5 * time.Minute},
			want:  sla.TimeMeasurement{Measured: 8 * time.Hour, Down: 2 * time.Minute},
		},
		{
			// 08:00–10:00 down, of which 09:00–10:00 is in business hours.
			name:  "outage clipped to the schedule",
			scope: sla.Scope{Period: dayPeriod, Schedule: &business},
			down:  []window.Interval{span(at(8, 0, 0), at(10, 0, 0))},
			want:  sla.TimeMeasurement{Measured: 8 * time.Hour, Down: time.Hour},
		},
		{
			// 23:00 to 01:00 the next day: only the hour before midnight is
			// inside the period.
			name:  "outage clipped to the period",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(23, 0, 0), at(25, 0, 0))},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: time.Hour},
		},
		{
			// Maintenance 02:00–04:00 is removed: measured 22 h. Down
			// 02:30–05:00 keeps only 04:00–05:00: 1 h.
			name:  "exclusion removed from measured time",
			scope: sla.Scope{Period: dayPeriod, Exclusions: maintenance},
			down:  []window.Interval{span(at(2, 30, 0), at(5, 0, 0))},
			want:  sla.TimeMeasurement{Measured: 22 * time.Hour, Down: time.Hour},
		},
		{
			// Maintenance counts as available: measured stays 24 h and the
			// down time inside it (02:30–04:00) does not count: 1 h down.
			name:  "exclusion counted as available",
			scope: sla.Scope{Period: dayPeriod, Exclusions: maintenance, Exclusion: sla.CountAsAvailable},
			down:  []window.Interval{span(at(2, 30, 0), at(5, 0, 0))},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: time.Hour},
		},
		{
			// "An hour is unavailable when more than 6 minutes of it are
			// down": 10:00–10:06 is exactly 6 minutes of the hour
			// 10:00–11:00, not more, so the hour counts as available.
			name:  "clock buckets: an hour with 6 minutes down counts nothing",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0), at(10, 6, 0))},
			rules: sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 0},
		},
		{
			// 10:00:00–10:06:01 is 6 min 1 s, more than 6 minutes: the
			// whole hour 10:00–11:00 is unavailable.
			name:  "clock buckets: an hour with 6m01s down counts whole",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 0), at(10, 6, 1))},
			rules: sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: time.Hour},
		},
		{
			// 10:57–11:04 puts 3 minutes in the hour 10:00 and 4 in the hour
			// 11:00: neither has more than 6. 13:50–16:10 puts 10 minutes in
			// 13:00 and 16:00 and all of 14:00 and 15:00: 4 hours.
			name:  "clock buckets: each hour on its own",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 57, 0), at(11, 4, 0)), span(at(13, 50, 0), at(16, 10, 0))},
			rules: sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 4 * time.Hour},
		},
		{
			// Business hours end at 17:00. 16:50–17:30 has 10 minutes in
			// the hour 16:00 within business hours: that hour counts, 1 h;
			// the hour 17:00 is outside the measured time.
			name:  "clock buckets: only the hour's measured time counts",
			scope: sla.Scope{Period: dayPeriod, Schedule: &business},
			down:  []window.Interval{span(at(16, 50, 0), at(17, 30, 0))},
			rules: sla.OutageRules{Buckets: sla.ClockBuckets{Length: time.Hour, MoreThan: 6 * time.Minute}},
			want:  sla.TimeMeasurement{Measured: 8 * time.Hour, Down: time.Hour},
		},
		{
			// A partial minute counts whole: a 40 s blip inside 10:00 is
			// one minute; 10:05:50–10:06:10 touches 10:05 and 10:06, two.
			name:  "partial minutes: a blip counts its minutes whole",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 10), at(10, 0, 50)), span(at(10, 5, 50), at(10, 6, 10))},
			rules: sla.OutageRules{Minutes: sla.PartialMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 3 * time.Minute},
		},
		{
			// Two blips in the minute 10:00 round out to the same minute,
			// which counts once.
			name:  "partial minutes: a minute counts once",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 10), at(10, 0, 20)), span(at(10, 0, 40), at(10, 0, 50))},
			rules: sla.OutageRules{Minutes: sla.PartialMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: time.Minute},
		},
		{
			// 5 min 10 s from 10:00:30 to 10:05:40 holds the whole minutes
			// 10:01–10:05: 4 minutes, fewer than 5 consecutive whole
			// minutes, so with the minutes judged first nothing counts.
			name:  "5 consecutive whole minutes: 5m10s from hh:mm:30 counts nothing",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 30), at(10, 5, 40))},
			rules: sla.OutageRules{MinOutage: 5 * time.Minute, Minutes: sla.WholeMinutes, Order: sla.MinutesFirst},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 0},
		},
		{
			// The same outage judged by its recorded length first: 5m10s is
			// not shorter than 5 minutes, and its 4 whole minutes count.
			name:  "minimum outage judged first: 5m10s from hh:mm:30 counts 4 minutes",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 30), at(10, 5, 40))},
			rules: sla.OutageRules{MinOutage: 5 * time.Minute, Minutes: sla.WholeMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 4 * time.Minute},
		},
		{
			// Blips at 10:00:10 and 10:01:30, 10 s each, touch the
			// consecutive minutes 10:00 and 10:01: with partial minutes
			// judged first, a 2-minute run that passes a 2-minute minimum;
			// judged by their recorded 10 s, neither passes.
			name:  "partial minutes judged first join blips into a run",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 10), at(10, 0, 20)), span(at(10, 1, 30), at(10, 1, 40))},
			rules: sla.OutageRules{MinOutage: 2 * time.Minute, Minutes: sla.PartialMinutes, Order: sla.MinutesFirst},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 2 * time.Minute},
		},
		{
			name:  "partial minutes with the recorded length judged first",
			scope: sla.Scope{Period: dayPeriod},
			down:  []window.Interval{span(at(10, 0, 10), at(10, 0, 20)), span(at(10, 1, 30), at(10, 1, 40))},
			rules: sla.OutageRules{MinOutage: 2 * time.Minute, Minutes: sla.PartialMinutes},
			want:  sla.TimeMeasurement{Measured: 24 * time.Hour, Down: 0},
		},
		{
			name:  "empty schedule measures nothing",
			scope: sla.Scope{Period: dayPeriod, Schedule: &window.Set{}},
			down:  []window.Interval{span(at(8, 0, 0), at(10, 0, 0))},
			want:  sla.TimeMeasurement{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sla.MeasureOutages(tc.scope, window.NewSet(tc.down...), tc.rules)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MeasureOutages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExclusionRatios(t *testing.T) {
	// The two exclusion cases above as ratios: 21 h of 22 h up versus
	// 23 h of 24 h up. 21/22 = 95.4545…%, 23/24 = 95.8333…%.
	removed := sla.TimeMeasurement{Measured: 22 * time.Hour, Down: time.Hour}.Ratio()
	available := sla.TimeMeasurement{Measured: 24 * time.Hour, Down: time.Hour}.Ratio()
	if got := removed.Percent(4); got != "95.4545%" {
		t.Errorf("removed = %s, want 95.4545%%", got)
	}
	if got := available.Percent(4); got != "95.8333%" {
		t.Errorf("available = %s, want 95.8333%%", got)
	}
	target := sla.MustTarget("95.5%")
	if removed.Met(target) || !available.Met(target) {
		t.Errorf("95.5%%: removed met %v (want false), available met %v (want true)", removed.Met(target), available.Met(target))
	}
}

// TestMeasureOutagesAgainstMinuteOracle checks whole-minute counting in a
// business-hours schedule against a reference that walks every minute.
func TestMeasureOutagesAgainstMinuteOracle(t *testing.T) {
	period := span(at(0, 0, 0), at(24, 0, 0))
	business := window.NewSet(span(at(9, 0, 0), at(12, 0, 0)), span(at(13, 0, 0), at(17, 30, 0)))
	seed := uint64(12345)
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	for round := range 50 {
		var down []window.Interval
		for range 30 {
			s := at(0, 0, 0).Add(time.Duration(next(24*3600)) * time.Second)
			down = append(down, span(s, s.Add(time.Duration(next(600))*time.Second)))
		}
		downSet := window.NewSet(down...)
		got := sla.MeasureOutages(sla.Scope{Period: period, Schedule: &business}, downSet, sla.OutageRules{Minutes: sla.WholeMinutes})
		var want time.Duration
		for m := at(0, 0, 0); m.Before(at(24, 0, 0)); m = m.Add(time.Minute) {
			minute := span(m, m.Add(time.Minute))
			if downSet.DurationIn(minute) == time.Minute && business.Contains(m) {
				want += time.Minute
			}
		}
		if got.Down != want {
			t.Fatalf("round %d: Down = %v, minute oracle %v", round, got.Down, want)
		}
	}
}

// monthFixture is March 2026 in UTC with business hours 08:00–18:00 on
// weekdays, one 2-hour maintenance window and 10,000 outages of 1 s to
// 10 min spread over the month.
func monthFixture() (sla.Scope, window.Set) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	var hours []window.Interval
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			hours = append(hours, span(d.Add(8*time.Hour), d.Add(18*time.Hour)))
		}
	}
	business := window.NewSet(hours...)
	outages := make([]window.Interval, 10000)
	step := end.Sub(start) / 10000
	for i := range outages {
		s := start.Add(time.Duration(i)*step + time.Duration(i%7)*time.Second)
		outages[i] = span(s, s.Add(time.Duration(1+i%600)*time.Second))
	}
	scope := sla.Scope{Period: span(start, end), Schedule: &business,
		Exclusions: window.NewSet(span(start.Add(9*24*time.Hour), start.Add(9*24*time.Hour+2*time.Hour)))}
	return scope, window.NewSet(outages...)
}

func BenchmarkMeasureOutagesMonth(b *testing.B) {
	scope, down := monthFixture()
	rules := sla.OutageRules{MinOutage: 30 * time.Second, Minutes: sla.WholeMinutes}
	b.ReportAllocs()
	for b.Loop() {
		_ = sla.MeasureOutages(scope, down, rules)
	}
}

// measureNaive is the simple reference: every outage against every
// measured interval, O(outages × intervals), no rules.
func measureNaive(scope sla.Scope, outages []window.Interval) time.Duration {
	var down time.Duration
	measured := scope.Measured().Intervals()
	for _, o := range outages {
		for _, m := range measured {
			down += o.Intersect(m).Duration()
		}
	}
	return down
}

func TestMeasureNaiveAgrees(t *testing.T) {
	scope, down := monthFixture()
	if got, want := sla.MeasureOutages(scope, down, sla.OutageRules{}).Down, measureNaive(scope, down.Intervals()); got != want {
		t.Errorf("MeasureOutages Down = %v, naive reference %v", got, want)
	}
}

func BenchmarkMeasureOutagesMonthNaive(b *testing.B) {
	scope, down := monthFixture()
	outages := down.Intervals()
	b.ReportAllocs()
	for b.Loop() {
		_ = measureNaive(scope, outages)
	}
}

// TestMeasureOutagesAgainstSecondOracle compares MeasureOutages with a
// reference that walks every second of the period, for random schedules,
// exclusions, outages and rules — every minute rule, both orders of the
// minimum outage and the minute rule, clock buckets of 5 minutes and of
// an hour with random thresholds — under both exclusion policies. All
// instants are whole seconds, so per-second stepping is exact.
//
// The reference states each rule from its definition, second by second:
// a second is down by the rules when it lies in a run (a maximal stretch
// of down seconds) that passes the minimum, fitted to minutes — the
// minutes the run covers wholly (whole minutes) or touches (partial
// minutes) — and, when the minimum comes after the minute rule, in a
// stretch of such seconds at least the minimum long. It counts when it is
// in the counting time. With buckets, a bucket with more than MoreThan of
// counted seconds counts every second of it in the counting time.
func TestMeasureOutagesAgainstSecondOracle(t *testing.T) {
	start := at(6, 0, 0)
	const seconds = 6 * 3600
	const margin = 30 * 60 // seconds of the oracle's arrays before and after the period
	period := span(start, start.Add(seconds*time.Second))
	seed := uint64(977)
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	randomSet := func(count, maxLen uint64) window.Set {
		var ivs []window.Interval
		for range count {
			// Start a little before the period so that clipping matters.
			s := start.Add(time.Duration(next(seconds+1200)) * time.Second).Add(-10 * time.Minute)
			ivs = append(ivs, span(s, s.Add(time.Duration(1+next(maxLen))*time.Second)))
		}
		return window.NewSet(ivs...)
	}
	// sec returns the index of second s in the oracle's arrays.
	base := start.Add(-margin * time.Second)
	const n = seconds + 2*margin
	sec := func(s time.Time) int { return int(s.Sub(base) / time.Second) }
	instant := func(i int) time.Time { return base.Add(time.Duration(i) * time.Second) }
	minuteOf := func(i int) int { return i - int(instant(i).Unix()%60) } // first second of i's UTC minute

	for round := range 300 {
		schedule := randomSet(1+next(6), 7200)
		exclusions := randomSet(next(3), 1800)
		down := randomSet(1+next(40), 900)
		rules := sla.OutageRules{
			MinOutage: time.Duration(next(400)) * time.Second,
			Minutes:   sla.MinuteRule(next(3)),
			Order:     sla.RuleOrder(next(2)),
		}
		switch next(3) {
		case 1:
			rules.Buckets = sla.ClockBuckets{Length: 5 * time.Minute, MoreThan: time.Duration(next(320)) * time.Second}
		case 2:
			rules.Buckets = sla.ClockBuckets{Length: time.Hour, MoreThan: time.Duration(next(900)) * time.Second}
		}
		policy := sla.ExclusionPolicy(next(2))
		scope := sla.Scope{Period: period, Schedule: &schedule, Exclusions: exclusions, Exclusion: policy}

		// Down seconds by the rules, before clipping.
		var marked [n]bool
		for _, run := range down.Intervals() {
			if rules.Order == sla.MinOutageFirst && run.Duration() < rules.MinOutage {
				continue
			}
			a, b := sec(run.Start), sec(run.End)
			for i := a; i < b; i++ {
				m := minuteOf(i)
				switch rules.Minutes {
				case sla.ExactTime:
					marked[i] = true
				case sla.WholeMinutes:
					if m >= a && m+60 <= b {
						marked[i] = true
					}
				case sla.PartialMinutes:
					for j := m; j < m+60; j++ {
						marked[j] = true
					}
				}
			}
		}
		if rules.Order == sla.MinutesFirst {
			for i := 0; i < n; {
				if !marked[i] {
					i++
					continue
				}
				j := i
				for j < n && marked[j] {
					j++
				}
				if time.Duration(j-i)*time.Second < rules.MinOutage {
					for k := i; k < j; k++ {
						marked[k] = false
					}
				}
				i = j
			}
		}
		// Counting time, and the down seconds in it.
		var counting, counted [n]bool
		var want sla.TimeMeasurement
		for i := margin; i < margin+seconds; i++ {
			s := instant(i)
			if !schedule.Contains(s) {
				continue
			}
			excluded := exclusions.Contains(s)
			if excluded && policy == sla.ExcludeFromMeasured {
				continue
			}
			want.Measured += time.Second
			counting[i] = !excluded
			counted[i] = counting[i] && marked[i]
		}
		if l := int(rules.Buckets.Length / time.Second); l > 0 {
			// Buckets start at whole multiples of l seconds of Unix time;
			// the partial bucket before the first lies outside the period.
			b0 := (l - int(instant(0).Unix()%int64(l))) % l
			for b := b0; b < n; b += l {
				var down time.Duration
				for i := b; i < b+l && i < n; i++ {
					if counted[i] {
						down += time.Second
					}
				}
				for i := b; i < b+l && i < n; i++ {
					counted[i] = counting[i] && down > rules.Buckets.MoreThan
				}
			}
		}
		for i := range counted {
			if counted[i] {
				want.Down += time.Second
			}
		}
		got := sla.MeasureOutages(scope, down, rules)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d (rules %+v, exclusions %v) (-want +got):\n%s", round, rules, policy, diff)
		}
	}
}

// TestOutageRulesReach: the reach of an outage is the outage rounded out
// to what the rules count by. Known answers for 10:00:30–10:05:10:
// partial minutes count 10:00 to 10:06 (the minutes it touches); one-hour
// buckets count the hour 10:00–11:00; whole minutes count only inside
// the outage, so its reach is itself.
func TestOutageRulesReach(t *testing.T) {
	outage := span(at(10, 0, 30), at(10, 5, 10))
	hour := sla.ClockBuckets{Length: time.Hour, MoreThan: 0}
	onGrid := span(at(10, 0, 0), at(10, 5, 0))
	for _, tc := range []struct {
		name     string
		rules    sla.OutageRules
		in, want window.Interval
	}{
		{"as it is", sla.OutageRules{}, outage, outage},
		{"whole minutes", sla.OutageRules{Minutes: sla.WholeMinutes}, outage, outage},
		{"partial minutes", sla.OutageRules{Minutes: sla.PartialMinutes}, outage, span(at(10, 0, 0), at(10, 6, 0))},
		{"hour buckets", sla.OutageRules{Buckets: hour}, outage, span(at(10, 0, 0), at(11, 0, 0))},
		{"partial minutes and buckets", sla.OutageRules{Minutes: sla.PartialMinutes, Buckets: hour}, outage, span(at(10, 0, 0), at(11, 0, 0))},
		{"on the grid already", sla.OutageRules{Minutes: sla.PartialMinutes}, onGrid, onGrid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.rules.Reach(tc.in); !got.Equal(tc.want) {
				t.Errorf("Reach(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}

	// Property: what CountedDown counts for one outage lies within its
	// reach, under every combination of rules, for random outages.
	period := span(at(0, 0, 0), at(24, 0, 0))
	seed := uint64(99)
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	for round := range 500 {
		s := at(0, 0, 0).Add(time.Duration(next(23*3600)) * time.Second)
		o := span(s, s.Add(time.Duration(1+next(900))*time.Second))
		rules := sla.OutageRules{
			MinOutage: time.Duration(next(3)) * time.Minute,
			Minutes:   []sla.MinuteRule{0, sla.WholeMinutes, sla.PartialMinutes}[next(3)],
		}
		if next(2) == 1 {
			rules.Buckets = sla.ClockBuckets{Length: 15 * time.Minute, MoreThan: time.Duration(next(5)) * time.Minute}
		}
		counted := sla.CountedDown(sla.Scope{Period: period}, window.NewSet(o), rules)
		if d := counted.Duration() - counted.DurationIn(rules.Reach(o)); d != 0 {
			t.Fatalf("round %d: %v under %+v counts %v outside its reach %v", round, o, rules, d, rules.Reach(o))
		}
	}
}
