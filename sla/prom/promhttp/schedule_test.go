package promhttp_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
)

func TestScheduleHandler(t *testing.T) {
	ny := newYorkBusiness(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	always := calendar.Always(berlin)
	// 12:30 UTC on Friday 6 March 2026 is 07:30 in New York (EST, UTC−5):
	// closed; on Monday 9 March it is 08:30 (EDT, UTC−4): open.
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 3, 6, 12, 30, 0, 0, time.UTC), "0"},
		{time.Date(2026, 3, 9, 12, 30, 0, 0, time.UTC), "1"},
	} {
		h, err := promhttp.NewScheduleHandler(func() time.Time { return tc.now },
			prom.Schedule{Name: "new-york", Calendar: ny},
			prom.Schedule{Name: `odd "name"\` + "\n", Calendar: always})
		require.NoError(t, err)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics/schedules", nil))
		require.Equal(t, http.StatusOK, rec.Code)
		require.Equal(t, "text/plain; version=0.0.4; charset=utf-8", rec.Header().Get("Content-Type"))
		want := "# HELP slamath_schedule_open Whether the business schedule is open (1) or closed (0).\n" +
			"# TYPE slamath_schedule_open gauge\n" +
			`slamath_schedule_open{schedule="new-york"} ` + tc.want + "\n" +
			`slamath_schedule_open{schedule="odd \"name\"\\\n"} 1` + "\n"
		require.Equal(t, want, rec.Body.String())
	}
}

func TestScheduleHandlerMethods(t *testing.T) {
	h, err := promhttp.NewScheduleHandler(time.Now, prom.Schedule{Name: "x", Calendar: calendar.Always(time.UTC)})
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	require.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Empty(t, rec.Body.String())
}

func TestScheduleHandlerErrors(t *testing.T) {
	c := calendar.Always(time.UTC)
	for _, tc := range []struct {
		name      string
		now       func() time.Time
		schedules []prom.Schedule
	}{
		{"no clock", nil, nil},
		{"no calendar", time.Now, []prom.Schedule{{Name: "x"}}},
		{"no name", time.Now, []prom.Schedule{{Calendar: c}}},
		{"bad UTF-8", time.Now, []prom.Schedule{{Name: "\xff", Calendar: c}}},
		{"twice", time.Now, []prom.Schedule{{Name: "x", Calendar: c}, {Name: "x", Calendar: c}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := promhttp.NewScheduleHandler(tc.now, tc.schedules...)
			require.ErrorIs(t, err, prom.ErrSchedule)
		})
	}
}

// TestScheduleHandlerOnMux mounts the handler on a ServeMux with a
// method pattern and scrapes it over HTTP, as Prometheus would.
func TestScheduleHandlerOnMux(t *testing.T) {
	h, err := promhttp.NewScheduleHandler(func() time.Time { return time.Date(2026, 3, 9, 15, 0, 0, 0, time.UTC) },
		prom.Schedule{Name: "new-york", Calendar: newYorkBusiness(t)})
	require.NoError(t, err)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics/schedules", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/metrics/schedules")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.True(t, strings.HasSuffix(string(body), "slamath_schedule_open{schedule=\"new-york\"} 1\n"), string(body))
}

func ExampleScheduleHandler() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	hours, err := calendar.New(ny, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
	if err != nil {
		panic(err)
	}
	// A service passes time.Now; this example fixes the clock at 08:30 in
	// New York on Monday 9 March 2026, the first weekday of daylight time.
	now := func() time.Time { return time.Date(2026, 3, 9, 12, 30, 0, 0, time.UTC) }
	h, err := promhttp.NewScheduleHandler(now, prom.Schedule{Name: "new-york-business", Calendar: hours})
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics/schedules", h)

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics/schedules", nil))
	fmt.Print(rec.Body.String())
	// Output:
	// # HELP slamath_schedule_open Whether the business schedule is open (1) or closed (0).
	// # TYPE slamath_schedule_open gauge
	// slamath_schedule_open{schedule="new-york-business"} 1
}

// TestScheduleHandlerZeroCalendar: a zero calendar.Calendar is refused
// when the handler is built, not found by a panic at the first scrape.
func TestScheduleHandlerZeroCalendar(t *testing.T) {
	_, err := promhttp.NewScheduleHandler(time.Now, prom.Schedule{Name: "office", Calendar: &calendar.Calendar{}})
	require.ErrorIs(t, err, prom.ErrSchedule)
	require.ErrorIs(t, err, calendar.ErrZeroCalendar)
}

// TestZeroScheduleHandler: the zero ScheduleHandler, which has no clock,
// dereferenced nil when scraped; it now answers 500 with a message, so a
// handler mounted before it was built fails loudly.
func TestZeroScheduleHandler(t *testing.T) {
	var h promhttp.ScheduleHandler
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, "/metrics/schedules", nil))
		assert.Equal(t, http.StatusInternalServerError, rec.Code, method)
		if method == http.MethodGet {
			assert.Contains(t, rec.Body.String(), "build one with NewScheduleHandler")
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/metrics/schedules", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

// TestZeroScheduleHandlerWriteAt: WriteAt of the zero handler wrote the
// header of an empty exposition with no error; it is an error, as a
// scrape of it is.
func TestZeroScheduleHandlerWriteAt(t *testing.T) {
	var h promhttp.ScheduleHandler
	var b strings.Builder
	n, err := h.WriteAt(&b, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	require.ErrorIs(t, err, prom.ErrSchedule)
	assert.Zero(t, n)
	assert.Empty(t, b.String())
}

// TestScheduleNameErrorQuotesAPrefix: a long schedule name is quoted by
// a prefix in the error, as every error of the module quotes its input.
func TestScheduleNameErrorQuotesAPrefix(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	_, err := promhttp.NewScheduleHandler(time.Now, prom.Schedule{Name: long + "\xff"})
	require.ErrorIs(t, err, prom.ErrSchedule)
	if n := len(err.Error()); n > 200 {
		t.Errorf("error of %d bytes, more than 200: %.300s…", n, err)
	}
}

// newYorkBusiness is Monday to Friday 08:00–18:00 in New York.
func newYorkBusiness(t *testing.T) *calendar.Calendar {
	t.Helper()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	cal, err := calendar.New(ny, calendar.Weekly(calendar.MondayToFriday, calendar.MustSpan("08:00-18:00")))
	require.NoError(t, err)
	return cal
}
