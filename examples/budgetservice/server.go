package main

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/prom/promhttp"
	"github.com/slamath/slamath/window"
)

// bucketWidth is the resolution of the counts. It divides every window of
// sla.DefaultAlertPolicy, the shortest of which is 5 minutes.
const bucketWidth = time.Minute

// server counts the requests of the handler it wraps and reports the error
// budget they leave. It is safe for concurrent use.
type server struct {
	target sla.Target
	period time.Duration
	policy sla.AlertPolicy
	counts *counter
	now    func() time.Time
	// schedules, when set, serves business schedules for Prometheus.
	schedules *promhttp.ScheduleHandler
}

// newServer returns a server for target over a rolling period, with now as
// its clock. period must be a positive multiple of bucketWidth.
func newServer(target sla.Target, period time.Duration, now func() time.Time) *server {
	policy := sla.DefaultAlertPolicy(period)
	history := period
	for _, r := range policy.Rules {
		history = max(history, r.Long, r.Short)
	}
	return &server{target: target, period: period, policy: policy, counts: newCounter(bucketWidth, history), now: now}
}

// handler returns the service: next, counted, at / and the report at /slo
// and the schedules at /metrics/schedules (see serveSchedules), which are
// not counted.
func (s *server) handler(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", s.count(next))
	mux.HandleFunc("GET /slo", s.serveSLO)
	// Without this pattern a POST to /slo would fall through to "/":
	// answered by the service and counted as one of its requests.
	mux.HandleFunc("/slo", readOnly)
	s.mountSchedules(mux)
	return mux
}

// readOnly answers 405 with an Allow header, for methods other than GET
// and HEAD on a read-only endpoint, as RFC 9110 §15.5.6 asks.
func readOnly(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

// count wraps next so that each of its responses is counted when it ends:
// bad if its status is 5xx or the handler panicked, good otherwise.
func (s *server) count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				s.counts.record(s.now(), false)
				panic(p) // net/http logs it and closes the connection
			}
			s.counts.record(s.now(), rec.status < 500)
		}()
		next.ServeHTTP(rec, r)
	})
}

// statusRecorder remembers the status a handler sent.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// demo is the handler the example wraps: it answers 200, or the status
// asked for with ?status=503, so that failures can be tried out.
func demo(w http.ResponseWriter, r *http.Request) {
	code := http.StatusOK
	if q := r.URL.Query().Get("status"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 200 || n > 599 {
			http.Error(w, "status must be a number from 200 to 599", http.StatusBadRequest)
			return
		}
		code = n
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(http.StatusText(code) + "\n"))
}

// report is the JSON document of /slo. Exact values are text; fields named
// *_display are floats for dashboards and decide nothing.
type report struct {
	Now    time.Time       `json:"now"`
	Target sla.Target      `json:"target"`
	Period string          `json:"period"`
	Window window.Interval `json:"window"`

	Requests            requests `json:"requests"`
	Availability        string   `json:"availability"` // truncated, so a miss never reads as met
	AvailabilityDisplay float64  `json:"availability_display"`

	Budget   budget  `json:"budget"`
	Alerts   []alert `json:"alerts"`
	Decision string  `json:"decision"` // "page", "ticket" or "none"
}

type requests struct {
	Good  uint64 `json:"good"`
	Bad   uint64 `json:"bad"`
	Total uint64 `json:"total"`
}

// budget is the event error budget: bad requests allowed and consumed.
type budget struct {
	Allowed                 uint64   `json:"allowed"`
	Consumed                uint64   `json:"consumed"`
	Remaining               int64    `json:"remaining"`
	FractionConsumed        string   `json:"fraction_consumed"`
	FractionConsumedDisplay *float64 `json:"fraction_consumed_display,omitempty"` // absent when infinite
	Exhausted               bool     `json:"exhausted"`
	Overspent               bool     `json:"overspent"`
}

// alert is one rule of the policy, evaluated.
type alert struct {
	Severity         string   `json:"severity"`
	BudgetShare      string   `json:"budget_share"`
	LongWindow       string   `json:"long_window"`
	ShortWindow      string   `json:"short_window"`
	Threshold        string   `json:"threshold"`
	LongBurn         string   `json:"long_burn"`
	ShortBurn        string   `json:"short_burn"`
	LongBurnDisplay  *float64 `json:"long_burn_display,omitempty"` // absent when infinite
	ShortBurnDisplay *float64 `json:"short_burn_display,omitempty"`
	BudgetConsumed   string   `json:"budget_consumed"`
	Firing           bool     `json:"firing"`
}

func (s *server) serveSLO(w http.ResponseWriter, _ *http.Request) {
	rep := s.report(s.now())
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// report computes the budget and the alerts at now, every window ending at
// the end of now's bucket.
func (s *server) report(now time.Time) report {
	end := s.counts.end(now)
	period := window.Last(s.period, end)
	rep := report{Now: now.UTC(), Target: s.target, Period: s.period.String(), Window: period, Decision: "none"}
	s.counts.read(func(ratio func(window.Interval) sla.Ratio) {
		observed := ratio(period)
		rep.Requests = requests{Good: observed.Good(), Bad: observed.Bad(), Total: observed.Total()}
		rep.Availability = observed.Percent(3)
		rep.AvailabilityDisplay = observed.Float64()

		b := sla.NewEventBudget(s.target, observed)
		rep.Budget = budget{
			Allowed:                 b.Allowed(),
			Consumed:                b.Consumed(),
			Remaining:               b.Remaining(),
			FractionConsumed:        b.FractionConsumed().String(),
			FractionConsumedDisplay: display(b.FractionConsumed()),
			Exhausted:               b.Exhausted(),
			Overspent:               b.Overspent(),
		}

		evaluated := s.policy.Evaluate(s.target, func(d time.Duration) sla.Ratio {
			return ratio(window.Last(d, end))
		}, nil)
		for _, a := range evaluated {
			rep.Alerts = append(rep.Alerts, alert{
				Severity:         a.Rule.Severity.String(),
				BudgetShare:      a.Rule.BudgetShare(a.Period).String(),
				LongWindow:       a.Rule.Long.String(),
				ShortWindow:      a.Rule.Short.String(),
				Threshold:        a.Threshold().String(),
				LongBurn:         a.LongBurn().String(),
				ShortBurn:        a.ShortBurn().String(),
				LongBurnDisplay:  display(a.LongBurn()),
				ShortBurnDisplay: display(a.ShortBurn()),
				BudgetConsumed:   a.Consumed().String(),
				Firing:           a.Firing,
			})
			switch {
			case !a.Firing:
			case a.Rule.Severity == sla.SeverityPage:
				rep.Decision = "page"
			case rep.Decision == "none":
				rep.Decision = "ticket"
			}
		}
	})
	return rep
}

// display returns x as a float for dashboards, or nil when it is infinite
// (any error against a 100% target), which JSON cannot carry.
func display(x sla.Rational) *float64 {
	f := x.Float64()
	if math.IsInf(f, 0) {
		return nil
	}
	return &f
}
