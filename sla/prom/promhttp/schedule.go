package promhttp

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla/prom"
)

// ScheduleHandler is an http.Handler that serves, for each schedule, its
// Calendar.IsOpen at the instant of the request as the gauge
// prom.ScheduleMetric in the Prometheus text exposition format (version 0.0.4):
//
//	# HELP slamath_schedule_open Whether the business schedule is open (1) or closed (0).
//	# TYPE slamath_schedule_open gauge
//	slamath_schedule_open{schedule="new-york"} 1
//
// Mount it on any ServeMux at a path of its own and point a scrape job at
// that path:
//
//	mux.Handle("GET /metrics/schedules", h)
//
// It answers GET and HEAD, and 405 to other methods. A ScheduleHandler is
// safe for concurrent use. Build one with NewScheduleHandler: the zero
// value answers every GET or HEAD with 500 and a message saying so.
type ScheduleHandler struct {
	now       func() time.Time
	schedules []prom.Schedule // sorted by name
}

// NewScheduleHandler returns a handler for the schedules that reads the
// instant of each request from now. Pass time.Now in a service; a test
// passes a fixed clock. It fails, wrapping prom.ErrSchedule, for a nil now, a
// nil calendar, a zero calendar.Calendar (wrapping
// calendar.ErrZeroCalendar too), an empty or invalid UTF-8 name, or a
// name given twice.
func NewScheduleHandler(now func() time.Time, schedules ...prom.Schedule) (*ScheduleHandler, error) {
	if now == nil {
		return nil, fmt.Errorf("promhttp: schedule handler: nil clock: %w", prom.ErrSchedule)
	}
	s := slices.Clone(schedules)
	for i, sc := range s {
		if sc.Name == "" || !utf8.ValidString(sc.Name) {
			return nil, fmt.Errorf("promhttp: schedules[%d]: name %s: want non-empty UTF-8: %w", i, quote.Text(sc.Name), prom.ErrSchedule)
		}
		if sc.Calendar == nil {
			return nil, fmt.Errorf("promhttp: schedules[%d] %s: nil calendar: %w", i, quote.Text(sc.Name), prom.ErrSchedule)
		}
		if sc.Calendar.IsZero() {
			return nil, fmt.Errorf("promhttp: schedules[%d] %s: %w: %w", i, quote.Text(sc.Name), prom.ErrSchedule, calendar.ErrZeroCalendar)
		}
	}
	slices.SortStableFunc(s, func(a, b prom.Schedule) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(s); i++ {
		if s[i].Name == s[i-1].Name {
			return nil, fmt.Errorf("promhttp: schedule %s given twice: %w", quote.Text(s[i].Name), prom.ErrSchedule)
		}
	}
	return &ScheduleHandler{now: now, schedules: s}, nil
}

// ServeHTTP writes the gauges at the handler's clock reading.
func (h *ScheduleHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if h.now == nil {
		// The zero value has no clock and no schedules: a scrape of it
		// fails loudly rather than report that nothing is scheduled.
		http.Error(w, "promhttp: the zero ScheduleHandler serves no schedules: build one with NewScheduleHandler", http.StatusInternalServerError)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	_, _ = h.WriteAt(w, h.now())
}

// WriteAt writes the exposition of the schedules at instant t, in the
// order of their names, and returns the bytes written. The zero
// ScheduleHandler writes nothing and returns an error wrapping
// prom.ErrSchedule: it has no schedules, and an empty exposition would read
// as "nothing scheduled".
func (h *ScheduleHandler) WriteAt(w io.Writer, t time.Time) (int64, error) {
	if h.now == nil {
		return 0, fmt.Errorf("promhttp: the zero ScheduleHandler serves no schedules: build one with NewScheduleHandler: %w", prom.ErrSchedule)
	}
	var b strings.Builder
	b.WriteString("# HELP " + prom.ScheduleMetric + " Whether the business schedule is open (1) or closed (0).\n")
	b.WriteString("# TYPE " + prom.ScheduleMetric + " gauge\n")
	for _, s := range h.schedules {
		v := "0"
		if s.Calendar.IsOpen(t) {
			v = "1"
		}
		b.WriteString(prom.ScheduleMetric + "{" + prom.ScheduleLabel + "=\"" + escapeLabelValue(s.Name) + "\"} " + v + "\n")
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// escapeLabelValue escapes a label value for the text exposition format,
// which knows three escapes: \\, \" and \n.
func escapeLabelValue(s string) string {
	if !strings.ContainsAny(s, "\\\"\n") {
		return s
	}
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}
