package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// fakeClock is the injected "now" of a test server.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// batch is n requests, all ending at the same instant, answered with
// status.
type batch struct {
	at     time.Time
	n      int
	status int
}

// serve sends the batches through the service's middleware, in order,
// with the clock set to each batch's instant.
func serve(t *testing.T, h http.Handler, clock *fakeClock, batches []batch) {
	t.Helper()
	for _, b := range batches {
		clock.Set(b.at)
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/?status=%d", b.status), nil)
		for range b.n {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, b.status, rec.Code)
		}
	}
}

// getSLO fetches /slo at now and decodes it.
func getSLO(t *testing.T, h http.Handler, clock *fakeClock, now time.Time) report {
	t.Helper()
	clock.Set(now)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/slo", nil))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var rep report
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &rep), rec.Body.String())
	return rep
}

// burns is what a test pins of one alert rule.
type burns struct {
	Long, Short string
	Firing      bool
}

// TestBudget drives known sequences of requests through the middleware
// and checks the budget and the alert decision of /slo, with a 99.9%
// target over 30 days. Every figure is derived by hand:
//
//   - The default policy for 30 days (SRE Workbook table 5-8 with the
//     24h/2h ticket pair) pages at burn 14.4 over 1h and 5m, and at 6 over
//     6h and 30m; it tickets at 3 over 24h and 2h, and at 1 over 3d and 6h.
//     A rule fires when both windows burn strictly faster.
//   - Burn = (bad/total) / 0.001; a window without requests burns at 0.
//   - The allowance is floor(total × 0.001) bad requests.
//   - "now" is 12:00:30, so every window ends at 12:01:00, the end of the
//     current minute: the 5m window is [11:56, 12:01), the 1h window
//     [11:01, 12:01), the 30-day period [8 February 12:01, 10 March 12:01).
func TestBudget(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	const day = 24 * time.Hour

	tests := []struct {
		name     string
		batches  []batch
		requests requests
		budget   budget
		alerts   [4]burns // page 1h/5m, page 6h/30m, ticket 24h/2h, ticket 3d/6h
		decision string
	}{
		{
			// Period: 100 000 + 980 + 20 = 101 000 requests, 20 bad:
			// allowance 101, 81 left, 20/101 consumed. Every window from 1h
			// to 3d holds the last 1000 requests with 20 bad: burn
			// 0.02/0.001 = 20. The 5m, 30m and 2h windows: 20 of 20 bad,
			// burn 1000; the 6h window as the long ones, 20. All four fire.
			name: "errors in the last minutes page",
			batches: []batch{
				{ago(10 * day), 100000, 200},
				{ago(50 * time.Minute), 980, 200},
				{ago(2 * time.Minute), 20, 500},
			},
			requests: requests{Good: 100980, Bad: 20, Total: 101000},
			budget:   budget{Allowed: 101, Consumed: 20, Remaining: 81, FractionConsumed: "20/101"},
			alerts:   [4]burns{{"20", "1000", true}, {"20", "1000", true}, {"20", "20", true}, {"20", "20", true}},
			decision: "page",
		},
		{
			// The same errors 50 minutes ago, and nothing since: the 5m
			// and 30m windows are empty (burn 0), so neither page fires
			// although the 1h burn is 20. The 2h window still holds them:
			// burn 20 > 3, a ticket.
			name: "errors that stopped do not page but ticket",
			batches: []batch{
				{ago(10 * day), 100000, 200},
				{ago(50 * time.Minute), 980, 200},
				{ago(50 * time.Minute), 20, 503},
			},
			requests: requests{Good: 100980, Bad: 20, Total: 101000},
			budget:   budget{Allowed: 101, Consumed: 20, Remaining: 81, FractionConsumed: "20/101"},
			alerts:   [4]burns{{"20", "0", false}, {"20", "0", false}, {"20", "20", true}, {"20", "20", true}},
			decision: "ticket",
		},
		{
			// 1h: 9856 + 144 = 10 000 requests, 144 bad: burn exactly
			// 0.0144/0.001 = 14.4, not above the page threshold. 6h: 14 000
			// more good ones, 144 of 24 000 bad, burn exactly 6, not above
			// the other. (In float64, (bad/total)/(1 − 0.999) gives
			// 14.399999999999986 and 5.999999999999995: a float
			// implementation lands on the right side of these edges only by
			// luck.) 2h: burn 14.4 > 3 and 24h: 6 > 3, a ticket;
			// 6h and 3d: 6 > 1. Period: 24 000 requests, allowance 24, 144
			// bad: 120 over, 144/24 = 6 consumed.
			name: "burns exactly at the page thresholds do not page",
			batches: []batch{
				{ago(3 * time.Hour), 14000, 200},
				{ago(50 * time.Minute), 9856, 200},
				{ago(2 * time.Minute), 144, 500},
			},
			requests: requests{Good: 23856, Bad: 144, Total: 24000},
			budget:   budget{Allowed: 24, Consumed: 144, Remaining: -120, FractionConsumed: "6", Exhausted: true, Overspent: true},
			alerts:   [4]burns{{"14.4", "1000", false}, {"6", "1000", false}, {"6", "14.4", true}, {"6", "6", true}},
			decision: "ticket",
		},
		{
			// One more failed request: 1h holds 145 bad of 10 001, burn
			// 145/10001 × 1000 = 145000/10001 ≈ 14.4986 > 14.4, and the 5m
			// window 145 of 145: the fast page fires. 6h: 145 of 24 001,
			// 145000/24001 ≈ 6.0414 > 6, and the 30m window burns 1000: the
			// slow page fires too. Period: 24 001 requests, allowance
			// floor(24.001) = 24, 145 bad: 121 over, 145/24 consumed.
			name: "one request over the threshold pages",
			batches: []batch{
				{ago(3 * time.Hour), 14000, 200},
				{ago(50 * time.Minute), 9856, 200},
				{ago(2 * time.Minute), 145, 500},
			},
			requests: requests{Good: 23856, Bad: 145, Total: 24001},
			budget:   budget{Allowed: 24, Consumed: 145, Remaining: -121, FractionConsumed: "145/24", Exhausted: true, Overspent: true},
			alerts:   [4]burns{{"145000/10001", "1000", true}, {"145000/24001", "1000", true}, {"145000/24001", "145000/10001", true}, {"145000/24001", "145000/24001", true}},
			decision: "page",
		},
		{
			// 31 days ago is outside the period; its bucket's slot in the
			// 30-day ring is reused by the bucket 30 days later (1 day ago).
			// Period: 1000 good, allowance 1, nothing consumed; windows up
			// to 6h are empty, 24h and 3d hold no errors: burn 0.
			name: "requests older than the period are forgotten",
			batches: []batch{
				{ago(31 * day), 500, 500},
				{ago(day), 1000, 200},
			},
			requests: requests{Good: 1000, Total: 1000},
			budget:   budget{Allowed: 1, FractionConsumed: "0", Remaining: 1},
			alerts:   [4]burns{{"0", "0", false}, {"0", "0", false}, {"0", "0", false}, {"0", "0", false}},
			decision: "none",
		},
		{
			// The same requests arriving late, after the newer bucket that
			// took their slot: they are dropped, not added to it.
			name: "late requests older than the period are dropped",
			batches: []batch{
				{ago(day), 1000, 200},
				{ago(31 * day), 500, 500},
			},
			requests: requests{Good: 1000, Total: 1000},
			budget:   budget{Allowed: 1, FractionConsumed: "0", Remaining: 1},
			alerts:   [4]burns{{"0", "0", false}, {"0", "0", false}, {"0", "0", false}, {"0", "0", false}},
			decision: "none",
		},
		{
			// The period starts at 8 February 12:01:00. A failure at
			// 12:00:59 falls in the bucket before it and does not count; one
			// at 12:01:00 does. Period: 999 good + 1 bad = 1000, allowance
			// 1, consumed 1: exhausted (nothing left) but not overspent.
			name: "the edge of the rolling period",
			batches: []batch{
				{time.Date(2026, 2, 8, 12, 0, 59, 0, time.UTC), 1, 500},
				{time.Date(2026, 2, 8, 12, 1, 0, 0, time.UTC), 1, 500},
				{ago(day), 999, 200},
			},
			requests: requests{Good: 999, Bad: 1, Total: 1000},
			budget:   budget{Allowed: 1, Consumed: 1, Remaining: 0, FractionConsumed: "1", Exhausted: true},
			alerts:   [4]burns{{"0", "0", false}, {"0", "0", false}, {"0", "0", false}, {"0", "0", false}},
			decision: "none",
		},
		{
			// 4xx responses are the client's fault and count as good.
			// 10 requests allow floor(10 × 0.001) = 0 bad ones: nothing is
			// consumed, yet nothing remains, so the budget is exhausted.
			name:     "client errors are good requests",
			batches:  []batch{{ago(time.Minute), 10, 404}},
			requests: requests{Good: 10, Total: 10},
			budget:   budget{FractionConsumed: "0", Exhausted: true},
			alerts:   [4]burns{{"0", "0", false}, {"0", "0", false}, {"0", "0", false}, {"0", "0", false}},
			decision: "none",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := &fakeClock{}
			s := newServer(sla.MustTarget("99.9%"), 30*day, clock.Now)
			h := s.handler(http.HandlerFunc(demo))
			serve(t, h, clock, tc.batches)

			rep := getSLO(t, h, clock, now)
			assert.Equal(t, "99.9%", rep.Target.String())
			assert.Equal(t, "720h0m0s", rep.Period)
			assert.Equal(t, "2026-02-08T12:01:00Z/2026-03-10T12:01:00Z", rep.Window.String())
			if diff := cmp.Diff(tc.requests, rep.Requests); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			gotBudget := rep.Budget
			gotBudget.FractionConsumedDisplay = nil // display only
			if diff := cmp.Diff(tc.budget, gotBudget); diff != "" {
				t.Errorf("budget (-want +got):\n%s", diff)
			}
			require.Len(t, rep.Alerts, 4)
			var got [4]burns
			for i, a := range rep.Alerts {
				got[i] = burns{a.LongBurn, a.ShortBurn, a.Firing}
			}
			if diff := cmp.Diff(tc.alerts, got); diff != "" {
				t.Errorf("alerts: page 1h/5m, page 6h/30m, ticket 24h/2h, ticket 3d/6h (-want +got):\n%s", diff)
			}
			assert.Equal(t, tc.decision, rep.Decision)
		})
	}
}

// TestPolicyInReport checks the rules /slo reports for a 30-day period
// against table 5-8 of the SRE Workbook (FACTS.md): 2% in 1h (5m) at
// 14.4, 5% in 6h (30m) at 6, 10% in 3d (6h) at 1, and the 24h/2h ticket
// pair at 3. Budget consumed in the long window at a burn of 20 over 1h is
// 20 × 1h / 720h = 1/36.
func TestPolicyInReport(t *testing.T) {
	clock := &fakeClock{}
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, clock.Now)
	now := time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)
	h := s.handler(http.HandlerFunc(demo))
	serve(t, h, clock, []batch{{now.Add(-10 * time.Minute), 980, 200}, {now, 20, 500}})
	rep := getSLO(t, h, clock, now)

	type rule struct{ Severity, Share, Long, Short, Threshold string }
	want := []rule{
		{"page", "0.02", "1h0m0s", "5m0s", "14.4"},
		{"page", "0.05", "6h0m0s", "30m0s", "6"},
		{"ticket", "0.1", "24h0m0s", "2h0m0s", "3"},
		{"ticket", "0.1", "72h0m0s", "6h0m0s", "1"},
	}
	var got []rule
	for _, a := range rep.Alerts {
		got = append(got, rule{a.Severity, a.BudgetShare, a.LongWindow, a.ShortWindow, a.Threshold})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	require.Len(t, rep.Alerts, 4)
	assert.Equal(t, "1/36", rep.Alerts[0].BudgetConsumed)
	require.NotNil(t, rep.Alerts[0].LongBurnDisplay)
	assert.InDelta(t, 20.0, *rep.Alerts[0].LongBurnDisplay, 1e-9)
	assert.Equal(t, "98.000%", rep.Availability) // 980 of 1000
}

// TestHundredPercent checks that a 100% target, whose budget is zero,
// reports infinite burns and fractions as text and leaves out the float
// fields, which JSON cannot carry.
func TestHundredPercent(t *testing.T) {
	clock := &fakeClock{}
	s := newServer(sla.MustTarget("100%"), 30*24*time.Hour, clock.Now)
	now := time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)
	h := s.handler(http.HandlerFunc(demo))
	serve(t, h, clock, []batch{{now, 9, 200}, {now, 1, 500}})
	rep := getSLO(t, h, clock, now)
	assert.Equal(t, budget{Allowed: 0, Consumed: 1, Remaining: -1, FractionConsumed: "+Inf", Exhausted: true, Overspent: true}, rep.Budget)
	require.Len(t, rep.Alerts, 4)
	assert.Equal(t, "+Inf", rep.Alerts[0].LongBurn)
	assert.Nil(t, rep.Alerts[0].LongBurnDisplay)
	assert.Equal(t, "page", rep.Decision)
}

// TestOverHTTP runs the service on a real listener: the demo handler's
// responses are counted, /slo itself is not, and a handler that panics
// counts as a failure.
func TestOverHTTP(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)}
	s := newServer(sla.MustTarget("99%"), 7*24*time.Hour, clock.Now)
	mux := http.NewServeMux()
	mux.HandleFunc("/panic", func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) })
	mux.HandleFunc("/", demo)
	srv := httptest.NewServer(s.handler(mux))
	defer srv.Close()

	for _, path := range []string{"/", "/?status=204", "/?status=500", "/?status=oops", "/slo", "/panic"} {
		if path == "/panic" {
			// The server aborts the response and the client sees an
			// error. A POST, since the client retries an idempotent GET
			// on a connection that broke before any response.
			resp, err := srv.Client().Post(srv.URL+path, "text/plain", nil)
			if err == nil {
				resp.Body.Close()
			}
			continue
		}
		resp, err := srv.Client().Get(srv.URL + path)
		require.NoError(t, err, path)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	resp, err := srv.Client().Get(srv.URL + "/slo")
	require.NoError(t, err)
	defer resp.Body.Close()
	var rep report
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&rep))
	// Good: 200, 204 and the 400 for "oops"; bad: the 500 and the panic.
	assert.Equal(t, requests{Good: 3, Bad: 2, Total: 5}, rep.Requests)
	assert.Equal(t, "60.000%", rep.Availability)
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    config
		wantErr string // in the standard error; "" for success
	}{
		{name: "defaults", want: config{target: sla.MustTarget("99.9%"), period: 720 * time.Hour, addr: "localhost:8080"}},
		{name: "days", args: []string{"-target", "99.95%", "-period", "28d", "-addr", ":9000"},
			want: config{target: sla.MustTarget("99.95%"), period: 28 * 24 * time.Hour, addr: ":9000"}},
		{name: "go duration", args: []string{"-period", "90m"}, want: config{target: sla.MustTarget("99.9%"), period: 90 * time.Minute, addr: "localhost:8080"}},
		{name: "target without percent", args: []string{"-target", "99.9"}, wantErr: `invalid value "99.9" for flag -target`},
		{name: "period not whole minutes", args: []string{"-period", "90s"}, wantErr: `invalid value "90s" for flag -period`},
		{name: "period too long", args: []string{"-period", "401d"}, wantErr: `invalid value "401d" for flag -period`},
		{name: "period zero", args: []string{"-period", "0d"}, wantErr: `invalid value "0d" for flag -period`},
		{name: "stray argument", args: []string{"serve"}, wantErr: `unexpected argument "serve"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			cfg, err := parseFlags(tc.args, &stderr)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, stderr.String(), tc.wantErr)
				return
			}
			require.NoError(t, err, stderr.String())
			assert.Equal(t, tc.want, cfg)
		})
	}
}

// TestConcurrentRequests counts requests from many goroutines while /slo
// is read; run with -race.
func TestConcurrentRequests(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)}
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, clock.Now)
	h := s.handler(http.HandlerFunc(demo))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				status := 200
				if (g+i)%10 == 0 {
					status = 500
				}
				h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, fmt.Sprintf("/?status=%d", status), nil))
				if i%25 == 0 {
					h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/slo", nil))
				}
			}
		}()
	}
	wg.Wait()
	rep := getSLO(t, h, clock, clock.Now())
	// 800 requests; (g+i) % 10 == 0 for 10 of every 100 values of i.
	assert.Equal(t, requests{Good: 720, Bad: 80, Total: 800}, rep.Requests)
}

// TestReadOnlyEndpoints: the report and the schedules answer GET and
// HEAD only; any other method gets 405 with an Allow header, reaches
// neither the service nor its counts.
func TestReadOnlyEndpoints(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 10, 12, 0, 30, 0, time.UTC)}
	s := newServer(sla.MustTarget("99.9%"), 30*24*time.Hour, clock.Now)
	schedules, err := loadSchedules(nil)
	require.NoError(t, err)
	require.NoError(t, s.serveSchedules(schedules...))
	h := s.handler(http.HandlerFunc(demo))
	for _, path := range []string{"/slo", "/metrics/schedules"} {
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
			t.Run(method+" "+path, func(t *testing.T) {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
				assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
				assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
			})
		}
		t.Run("HEAD "+path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, path, nil))
			assert.Equal(t, http.StatusOK, rec.Code)
		})
	}
	rep := getSLO(t, h, clock, clock.Now())
	assert.Equal(t, requests{}, rep.Requests, "refused methods are not counted as requests")
}
