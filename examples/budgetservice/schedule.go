package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
)

// readBounded reads the file at path, refusing one longer than limit
// bytes after reading at most limit+1 of them: a path that never ends
// (/dev/zero, a pipe someone keeps writing to) costs limit bytes, not
// all the memory there is.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes, the most a calendar document may hold", path, limit)
	}
	return data, nil
}

// sampleSchedule is served when no --schedule is given: business hours,
// Monday to Friday 08:00–18:00 in New York.
const sampleSchedule = "business"

// maxCalendarFile bounds a calendar file read.
const maxCalendarFile = 1 << 20

// loadSchedules reads the calendars named on the command line, or builds
// the sample schedule when there are none.
func loadSchedules(files []scheduleFile) ([]prom.Schedule, error) {
	if len(files) == 0 {
		ny, err := time.LoadLocation("America/New_York")
		if err != nil {
			return nil, fmt.Errorf("the sample schedule: %w", err)
		}
		cal, err := calendar.New(ny, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
		if err != nil {
			return nil, fmt.Errorf("the sample schedule: %w", err)
		}
		return []prom.Schedule{{Name: sampleSchedule, Calendar: cal}}, nil
	}
	var out []prom.Schedule
	for _, f := range files {
		data, err := readBounded(f.path, maxCalendarFile)
		if err != nil {
			return nil, fmt.Errorf("-schedule %s: %w", f.name, err)
		}
		cal, err := calendar.ParseCalendar(data)
		if err != nil {
			return nil, fmt.Errorf("-schedule %s: %s: %w", f.name, f.path, err)
		}
		out = append(out, prom.Schedule{Name: f.name, Calendar: cal})
	}
	return out, nil
}

// serveSchedules has the server serve the schedules at /metrics/schedules
// as the gauge slamath_schedule_open, read at the server's clock, for a
// Prometheus scrape job: the series the business-hours rules of sla/prom
// gate errors and requests with. Requests there are not counted.
func (s *server) serveSchedules(schedules ...prom.Schedule) error {
	h, err := promhttp.NewScheduleHandler(s.now, schedules...)
	if err != nil {
		return err
	}
	s.schedules = h
	return nil
}

// schedulesPath is where the schedules are served.
const schedulesPath = "/metrics/schedules"

// mountSchedules adds the schedule handler to mux, if there is one. It
// answers GET and HEAD, and 405 to other methods.
func (s *server) mountSchedules(mux *http.ServeMux) {
	if s.schedules != nil {
		mux.Handle(schedulesPath, s.schedules)
	}
}
