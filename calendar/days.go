package calendar

// maxAbsDay bounds the day numbers the business-day arithmetic works with,
// as maxAbsSec bounds instants: dates further than about 35 million years
// from 1970 are taken as that far.
const maxAbsDay = maxAbsSec / secPerDay

func clampDay(d int64) int64 { return min(max(d, -maxAbsDay), maxAbsDay) }

// IsOpenOn reports whether d is an open day: whether the calendar has any
// hours that start on d (see [Calendar.HoursOn]). An overnight span that
// starts the evening before does not make d open.
func (c *Calendar) IsOpenOn(d Date) bool {
	c.mustBeBuilt()
	return len(c.dayPlan(d.days())) > 0
}

// OpenDays returns the number of open days (see [Calendar.IsOpenOn]) in
// [from, to): from is counted and to is not. It is negative when to is
// before from (OpenDays(a, b) = −OpenDays(b, a)). The business days of a
// month are OpenDays(first of the month, first of the next month).
//
// It costs a few look-ups per stretch of 1,024 days between the dates,
// and builds those stretches as [Calendar.Between] does; it never walks
// the days one by one.
func (c *Calendar) OpenDays(from, to Date) int {
	c.mustBeBuilt()
	a, b := clampDay(from.days()), clampDay(to.days())
	if b < a {
		return -int(c.openDays(b, a))
	}
	return int(c.openDays(a, b))
}

// openDays returns the open days in [a, b), a ≤ b.
func (c *Calendar) openDays(a, b int64) int64 {
	n := c.weeklyDays(a, b)
	if c.n == 0 {
		return n
	}
	lo, hi := max(a, dayOrigin), min(b, dayOrigin+int64(c.n)<<chunkShift)
	for d := lo; d < hi; {
		ci, first := chunkOfDayIndex(d)
		end := min(hi, first+chunkDays)
		n += c.extraDays(ci, d, end)
		d = end
	}
	return n
}

// chunkOfDayIndex returns the index and first day of the chunk of day d,
// which lies within the chunks.
func chunkOfDayIndex(d int64) (int, int64) {
	ci := int((d - dayOrigin) >> chunkShift)
	first, _ := chunkDayBounds(ci)
	return ci, first
}

// extraDays returns the open days in [a, b), a subrange of chunk ci's
// days, beyond those of the weekly hours: from the chunk's summary when
// the range is the whole chunk, so that a long range does not keep the
// chunks it passes.
func (c *Calendar) extraDays(ci int, a, b int64) int64 {
	if ch := c.kept(ci); ch != nil {
		return ch.openDays(a, b)
	}
	if first, end := chunkDayBounds(ci); a == first && b == end {
		_, days := c.summary(ci)
		return days
	}
	return c.chunk(ci).openDays(a, b)
}

// weeklyDays returns the days in [a, b), a ≤ b, whose weekday has hours.
func (c *Calendar) weeklyDays(a, b int64) int64 {
	n := (b - a) / 7 * c.weekOpen
	for d := a + (b-a)/7*7; d < b; d++ {
		if c.openWeekly[weekdayOf(d)] {
			n++
		}
	}
	return n
}

// AddOpenDays returns the date n open days after d (before d for negative
// n): the nth open day after d, not counting d itself, or for negative n
// the |n|th open day before d. AddOpenDays(d, 0) is d. So for an open day d
// and n > 0, OpenDays(d, AddOpenDays(d, n)) = n, and for any d and n < 0,
// OpenDays(AddOpenDays(d, n), d) = −n. Saturday 4 January 2020 plus three
// open days of a Monday-to-Friday calendar is Wednesday 8 January.
//
// It costs a few look-ups per stretch of 1,024 days it passes, and builds
// those stretches as [Calendar.Add] does. Dates further than about 35
// million years from 1970 saturate there.
func (c *Calendar) AddOpenDays(d Date, n int) Date {
	c.mustBeBuilt()
	if n == 0 {
		return d
	}
	a := clampDay(d.days())
	k := min(max(int64(n), -maxAbsDay), maxAbsDay)
	if k > 0 {
		return dateFromDays(c.forward(a+1, k))
	}
	return dateFromDays(c.backward(a, -k))
}

// forward returns the day e ≥ start with k open days in [start, e], the
// last of them e (k ≥ 1).
func (c *Calendar) forward(start, k int64) int64 {
	if c.n == 0 {
		return c.weeklyForward(start, k)
	}
	chunksEnd := dayOrigin + int64(c.n)<<chunkShift
	if start < dayOrigin {
		m := c.weeklyDays(start, dayOrigin)
		if m >= k {
			return c.weeklyForward(start, k)
		}
		k -= m
		start = dayOrigin
	}
	for start < chunksEnd {
		ci, first := chunkOfDayIndex(start)
		end := first + chunkDays
		if m := c.weeklyDays(start, end) + c.extraDays(ci, start, end); m < k {
			k -= m
			start = end
			continue
		}
		ch := c.chunk(ci)
		count := func(e int64) int64 { return c.weeklyDays(start, e) + ch.openDays(start, e) }
		lo, hi := start, end-1 // the first e with count(e+1) ≥ k
		for lo < hi {
			mid := lo + (hi-lo)/2
			if count(mid+1) >= k {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return lo
	}
	return c.weeklyForward(start, k)
}

// backward returns the day e < end with k open days in [e, end), the
// first of them e (k ≥ 1).
func (c *Calendar) backward(end, k int64) int64 {
	if c.n == 0 {
		return c.weeklyBackward(end, k)
	}
	chunksEnd := dayOrigin + int64(c.n)<<chunkShift
	if end > chunksEnd {
		m := c.weeklyDays(chunksEnd, end)
		if m >= k {
			return c.weeklyBackward(end, k)
		}
		k -= m
		end = chunksEnd
	}
	for end > dayOrigin {
		ci, start := chunkOfDayIndex(end - 1)
		if m := c.weeklyDays(start, end) + c.extraDays(ci, start, end); m < k {
			k -= m
			end = start
			continue
		}
		ch := c.chunk(ci)
		count := func(s int64) int64 { return c.weeklyDays(s, end) + ch.openDays(s, end) }
		lo, hi := start, end-1 // the last s with count(s) ≥ k
		for lo < hi {
			mid := hi - (hi-lo)/2
			if count(mid) >= k {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	return c.weeklyBackward(end, k)
}

// weeklyForward returns the day e ≥ start with k days whose weekday has
// hours in [start, e], the last of them e.
func (c *Calendar) weeklyForward(start, k int64) int64 {
	q := (k - 1) / c.weekOpen
	e := start + 7*q
	k -= q * c.weekOpen
	for ; e < maxAbsDay; e++ {
		if c.openWeekly[weekdayOf(e)] {
			if k--; k == 0 {
				break
			}
		}
	}
	return min(e, maxAbsDay)
}

// weeklyBackward returns the day e < end with k days whose weekday has
// hours in [e, end), the first of them e.
func (c *Calendar) weeklyBackward(end, k int64) int64 {
	q := (k - 1) / c.weekOpen
	e := end - 7*q - 1
	k -= q * c.weekOpen
	for ; e > -maxAbsDay; e-- {
		if c.openWeekly[weekdayOf(e)] {
			if k--; k == 0 {
				break
			}
		}
	}
	return max(e, -maxAbsDay)
}
