package contract

import (
	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/window"
)

// scheduleKind says how a Schedule relates to its calendar.
type scheduleKind uint8

const (
	scheduleAlways scheduleKind = iota
	scheduleDuring
	scheduleOutside
)

// Schedule is when a segment's target applies: always, during the open
// hours of a calendar, or outside them ("other times"). The zero value is
// Always. A Schedule is a plain value, safe for concurrent use.
type Schedule struct {
	kind scheduleKind
	cal  *calendar.Calendar
	name string
}

// Always returns the schedule that covers every instant.
func Always() Schedule { return Schedule{} }

// During returns the schedule of the open hours of cal. The name is how
// the contract's JSON refers to cal; it may be empty for a contract built
// in Go. It panics if cal is nil.
func During(name string, cal *calendar.Calendar) Schedule {
	if cal == nil {
		panic("contract: During with a nil calendar")
	}
	return Schedule{kind: scheduleDuring, cal: cal, name: name}
}

// Outside returns the schedule of the instants when cal is closed: the
// "other times" of a term whose first segment is During the same calendar.
// It panics if cal is nil.
func Outside(name string, cal *calendar.Calendar) Schedule {
	if cal == nil {
		panic("contract: Outside with a nil calendar")
	}
	return Schedule{kind: scheduleOutside, cal: cal, name: name}
}

// Calendar returns the schedule's calendar and its name, or nil for Always.
func (s Schedule) Calendar() (string, *calendar.Calendar) { return s.name, s.cal }

// Open returns the instants of period that the schedule covers.
func (s Schedule) Open(period window.Interval) window.Set {
	switch s.kind {
	case scheduleDuring:
		return s.cal.Open(period)
	case scheduleOutside:
		return s.cal.Open(period).Complement(period)
	}
	return window.NewSet(period)
}

// String describes the schedule: "always", "during NAME" or "outside NAME".
func (s Schedule) String() string {
	switch s.kind {
	case scheduleDuring:
		return "during " + s.name
	case scheduleOutside:
		return "outside " + s.name
	}
	return "always"
}
