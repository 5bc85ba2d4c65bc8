package prom

import (
	"errors"

	"github.com/slamath/slamath/calendar"
)

// ScheduleMetric is the gauge a schedule series holds — as
// promhttp.ScheduleHandler serves it — 1 while the schedule named by its
// ScheduleLabel is open, 0 while it is closed; the business-hours rules
// gate errors and requests with it.
const (
	ScheduleMetric = "slamath_schedule_open"
	ScheduleLabel  = "schedule"
)

// ErrSchedule is wrapped by the errors about schedules, such as those of
// promhttp.NewScheduleHandler.
var ErrSchedule = errors.New("invalid schedule")

// Schedule is a named business calendar to serve.
type Schedule struct {
	// Name is the value of the schedule label: any non-empty UTF-8 text.
	Name     string
	Calendar *calendar.Calendar
}
