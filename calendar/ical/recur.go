package ical

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/slamath/slamath/internal/quote"
)

// Bounds of the expansion of one file.
const (
	// MaxOccurrences is the most occurrences the recurrence rules of one
	// file may produce in one call, counting those before the span asked
	// for, which a rule with COUNT or an interval must step through, and,
	// for holidays, each day of a multi-day event.
	MaxOccurrences = 100_000
	// MaxScan bounds the work of expanding the rules of one file, in
	// steps of rrule-go's scan weighted by their cost (about the cost of a
	// step of FREQ=DAILY, some 30 ns; see BenchmarkScanStep): about half a
	// second of work at most. rrule-go scans period by period until it
	// finds the next occurrence, up to the year 9999 for a rule that
	// matches nothing more, such as FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, and
	// cannot be stopped in between. So each rule is charged before it is
	// expanded: from its first date to the end of the span, plus a year (or
	// its interval, or twelve years for a day of the month on a given
	// weekday) for a rule of a form that surely matches again that soon,
	// and to the year 9999 otherwise.
	MaxScan = 20_000_000
	// maxInterval and maxList bound INTERVAL and the number of values of a
	// BYxxx part, which multiply the cost of a scan step.
	maxInterval = 10_000
	maxList     = 64
)

// Cost of one scan step per frequency, in units of a step of FREQ=DAILY,
// measured with BenchmarkScanStep: a base, and what each value of BYSETPOS
// and of BYDAY adds.
var (
	stepBase   = map[rrule.Frequency]int64{rrule.YEARLY: 45, rrule.MONTHLY: 5, rrule.WEEKLY: 4, rrule.DAILY: 1}
	stepSetpos = map[rrule.Frequency]int64{rrule.YEARLY: 22, rrule.MONTHLY: 2, rrule.WEEKLY: 1, rrule.DAILY: 1}
	stepByday  = map[rrule.Frequency]int64{rrule.YEARLY: 3, rrule.MONTHLY: 2, rrule.WEEKLY: 0, rrule.DAILY: 0}
)

// stepsPerYear is the number of periods a rule scans per year.
var stepsPerYear = map[rrule.Frequency]int64{rrule.YEARLY: 1, rrule.MONTHLY: 12, rrule.WEEKLY: 53, rrule.DAILY: 366}

// recurrence is a parsed RRULE: the options rrule-go expands (without
// COUNT and UNTIL, which the package applies itself) and its end.
type recurrence struct {
	opt   rrule.ROption
	count int    // 0: no COUNT
	until *value // nil: no UNTIL
}

var weekdays = map[string]rrule.Weekday{
	"MO": rrule.MO, "TU": rrule.TU, "WE": rrule.WE, "TH": rrule.TH, "FR": rrule.FR, "SA": rrule.SA, "SU": rrule.SU,
}

// parseRule parses the value of an RRULE property: FREQ=DAILY, WEEKLY,
// MONTHLY or YEARLY, with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals for
// MONTHLY and YEARLY), BYMONTHDAY, BYMONTH, BYSETPOS and WKST.
func (z *zones) parseRule(text string) (*recurrence, error) {
	rec := &recurrence{opt: rrule.ROption{Interval: 1, Wkst: rrule.MO}}
	seen := map[string]bool{}
	for _, part := range strings.Split(text, ";") {
		name, val, ok := strings.Cut(part, "=")
		name = strings.ToUpper(name)
		if !ok || val == "" {
			return nil, errf(ErrInvalid, "%s is not a NAME=value rule part", quote.Text(part))
		}
		if seen[name] {
			return nil, errf(ErrInvalid, "%s given twice", quote.Text(name))
		}
		seen[name] = true
		var err error
		switch name {
		case "FREQ":
			switch strings.ToUpper(val) {
			case "YEARLY":
				rec.opt.Freq = rrule.YEARLY
			case "MONTHLY":
				rec.opt.Freq = rrule.MONTHLY
			case "WEEKLY":
				rec.opt.Freq = rrule.WEEKLY
			case "DAILY":
				rec.opt.Freq = rrule.DAILY
			case "HOURLY", "MINUTELY", "SECONDLY":
				return nil, errf(ErrUnsupported, "FREQ=%s (only DAILY, WEEKLY, MONTHLY and YEARLY are read)", quote.Text(val))
			default:
				return nil, errf(ErrInvalid, "FREQ=%s", quote.Text(val))
			}
		case "INTERVAL":
			rec.opt.Interval, err = ints1(name, val, 1, maxInterval)
		case "COUNT":
			rec.count, err = ints1(name, val, 1, MaxOccurrences)
		case "UNTIL":
			var v value
			if v, err = z.parseValue(val, nil); err == nil {
				rec.until = &v
			}
		case "BYMONTH":
			rec.opt.Bymonth, err = intList(name, val, 1, 12, false)
		case "BYMONTHDAY":
			rec.opt.Bymonthday, err = intList(name, val, 1, 31, true)
		case "BYSETPOS":
			rec.opt.Bysetpos, err = intList(name, val, 1, 366, true)
		case "BYDAY":
			rec.opt.Byweekday, err = dayList(val)
		case "WKST":
			wd, ok := weekdays[strings.ToUpper(val)]
			if !ok {
				return nil, errf(ErrInvalid, "WKST=%s", quote.Text(val))
			}
			rec.opt.Wkst = wd
		case "BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO":
			return nil, errf(ErrUnsupported, "rule part %s", quote.Text(name))
		default:
			return nil, errf(ErrUnsupported, "rule part %s", quote.Text(name))
		}
		if err != nil {
			return nil, err
		}
	}
	switch {
	case !seen["FREQ"]:
		return nil, errf(ErrInvalid, "no FREQ")
	case rec.count > 0 && rec.until != nil:
		return nil, errf(ErrInvalid, "COUNT and UNTIL together (RFC 5545, 3.3.10)")
	case seen["BYSETPOS"] && len(rec.opt.Bymonth)+len(rec.opt.Bymonthday)+len(rec.opt.Byweekday) == 0:
		return nil, errf(ErrInvalid, "BYSETPOS without another BYxxx part (RFC 5545, 3.3.10)")
	}
	for _, wd := range rec.opt.Byweekday {
		n := wd.N()
		switch {
		case n != 0 && rec.opt.Freq != rrule.MONTHLY && rec.opt.Freq != rrule.YEARLY:
			return nil, errf(ErrInvalid, "BYDAY with an ordinal (%s) needs FREQ=MONTHLY or YEARLY", wd)
		case n != 0 && rec.opt.Freq == rrule.MONTHLY && (n > 5 || n < -5):
			return nil, errf(ErrInvalid, "BYDAY=%s: a month has at most five of a weekday", wd)
		}
	}
	return rec, nil
}

// ints1 parses one integer in [lo, hi].
func ints1(name, val string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(val)
	if err != nil || n < lo || n > hi {
		return 0, errf(ErrInvalid, "%s=%s, want a whole number from %d to %d", name, quote.Text(val), lo, hi)
	}
	return n, nil
}

// intList parses a list of integers in [lo, hi], or also in [-hi, -lo]
// when negative values are allowed, dropping repeats.
func intList(name, val string, lo, hi int, negative bool) ([]int, error) {
	var out []int
	for _, s := range strings.Split(val, ",") {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
		ok := err == nil && ((n >= lo && n <= hi) || (negative && n <= -lo && n >= -hi))
		if !ok {
			return nil, errf(ErrInvalid, "%s value %s out of range", name, quote.Text(s))
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
		if len(out) > maxList {
			return nil, errf(ErrUnsupported, "%s with more than %d values", name, maxList)
		}
	}
	return out, nil
}

// dayList parses a BYDAY list such as "MO,1TU,-1FR".
func dayList(val string) ([]rrule.Weekday, error) {
	var out []rrule.Weekday
	for _, s := range strings.Split(val, ",") {
		s = strings.ToUpper(s)
		if len(s) < 2 {
			return nil, errf(ErrInvalid, "BYDAY value %s", quote.Text(s))
		}
		wd, ok := weekdays[s[len(s)-2:]]
		if !ok {
			return nil, errf(ErrInvalid, "BYDAY value %s", quote.Text(s))
		}
		if ord := s[:len(s)-2]; ord != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(ord, "+"))
			if err != nil || n == 0 || n > 53 || n < -53 || ord == "+" || strings.HasPrefix(ord, "+-") {
				return nil, errf(ErrInvalid, "BYDAY value %s: the ordinal must be 1 to 53 or -53 to -1", quote.Text(s))
			}
			wd = wd.Nth(n)
		}
		if !slices.Contains(out, wd) {
			out = append(out, wd)
		}
		if len(out) > maxList {
			return nil, errf(ErrUnsupported, "BYDAY with more than %d values", maxList)
		}
	}
	return out, nil
}

// reach reports whether rec, started at dtstart, surely has an
// occurrence within gap years after any date, judged by its form alone
// and conservatively: every value of its BYxxx parts exists in every
// period it selects, and its interval cannot step over all of them.
func (rec *recurrence) reach(dtstart time.Time) (gap int, sure bool) {
	o := rec.opt
	for _, p := range o.Bysetpos {
		if p != 1 && p != -1 {
			return 0, false
		}
	}
	for _, d := range o.Bymonthday {
		if d > 28 || d < -28 {
			return 0, false
		}
	}
	ordinal, plain := false, false
	for _, w := range o.Byweekday {
		if n := w.N(); n == 0 {
			plain = true
		} else if ordinal = true; n > 4 || n < -4 {
			return 0, false
		}
	}
	monthday := len(o.Bymonthday) > 0
	if !monthday && len(o.Byweekday) == 0 && (o.Freq == rrule.MONTHLY || o.Freq == rrule.YEARLY) && dtstart.Day() > 28 {
		return 0, false // the default day of the month, DTSTART's, is not in every month
	}
	if monthday && ordinal {
		return 0, false
	}
	n := o.Interval
	if n > 1 {
		switch o.Freq {
		case rrule.DAILY:
			if monthday || (plain && n%7 == 0) || (len(o.Bymonth) > 0 && n > 28) {
				return 0, false
			}
		case rrule.WEEKLY:
			if monthday || (len(o.Bymonth) > 0 && n > 4) {
				return 0, false
			}
		case rrule.MONTHLY:
			if len(o.Bymonth) > 0 || (monthday && plain) {
				return 0, false
			}
		case rrule.YEARLY:
			if monthday && plain {
				return 0, false
			}
		}
	}
	gap = 1
	if o.Freq == rrule.YEARLY {
		gap = n
	}
	if monthday && plain {
		// A day of the month falls on each weekday within twelve years.
		gap += 12
	}
	return gap, true
}

// lastYear is the last year rrule-go scans.
const lastYear = rrule.MAXYEAR

// budget counts the work of one call.
type budget struct {
	scan     int64
	produced int
}

// expand calls yield with the wall clock (as a time in UTC) of each
// occurrence of rec from dtstart on, DTSTART excluded, that is not after
// limit and within COUNT, in order. UNTIL is left to the caller.
//
// rrule-go scans up to the year 9999 when a rule matches nothing more;
// to keep that scan short, the rule is expanded on a time line moved by
// a multiple of 400 years, the period of the Gregorian calendar (146,097
// days, a whole number of weeks), so that limit lands in the last 400
// years before 9999: dates, weekdays and leap days are the same there.
func (b *budget) expand(rec *recurrence, dtstart, limit time.Time, yield func(wall time.Time) error) error {
	if dtstart.After(limit) {
		return nil
	}
	shift := (lastYear - limit.Year()) / 400 * 400
	opt := rec.opt
	opt.Dtstart = dtstart.AddDate(shift, 0, 0)
	opt.Until = limit.AddDate(shift, 0, 0)
	years := int64(lastYear - opt.Dtstart.Year() + 1)
	if gap, sure := rec.reach(dtstart); sure {
		years = min(years, int64(limit.Year()-dtstart.Year()+1+gap))
	}
	step := stepBase[opt.Freq] + stepSetpos[opt.Freq]*int64(len(opt.Bysetpos)) + stepByday[opt.Freq]*int64(len(opt.Byweekday))
	cost := years * stepsPerYear[opt.Freq] * step / int64(opt.Interval)
	if b.scan += max(cost, 1); b.scan > MaxScan {
		return errf(ErrLimit, "expanding the file's recurrence rules would scan more than the package allows (MaxScan); a rule that matches no date, or that starts long before the span, costs the most")
	}
	r, err := rrule.NewRRule(opt)
	if err != nil {
		return errf(ErrInvalid, "%s", quote.Message(err.Error()))
	}
	next := r.Iterator()
	n := 1 // DTSTART is the first occurrence and counts for COUNT
	for {
		t, ok := next()
		if !ok {
			return nil
		}
		if b.produced++; b.produced > MaxOccurrences {
			return errf(ErrLimit, "the file's recurrence rules produce more than %d occurrences", MaxOccurrences)
		}
		w := t.AddDate(-shift, 0, 0)
		switch {
		case w.Equal(dtstart):
			continue
		case w.After(limit), rec.count > 0 && n >= rec.count:
			return nil
		}
		n++
		if err := yield(w); err != nil {
			return err
		}
	}
}
