package promtest

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slamath/slamath/sla/prom"
	"github.com/slamath/slamath/sla/prom/promhttp"
)

// escape escapes a label value as OpenMetrics does: \\, \" and \n.
var escape = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// OpenMetrics writes series as OpenMetrics text for `promtool tsdb
// create-blocks-from openmetrics`: each series' name is its "__name__"
// label, the other labels follow in key order, timestamps are decimal
// seconds and values are written as given. Series of one name must be
// given together, and points in time order.
func OpenMetrics(series ...prom.Series) []byte {
	var b bytes.Buffer
	for _, s := range series {
		var labels []string
		for _, k := range slices.Sorted(maps.Keys(s.Metric)) {
			if k != "__name__" {
				labels = append(labels, k+`="`+escape.Replace(s.Metric[k])+`"`)
			}
		}
		head := s.Metric["__name__"]
		if len(labels) > 0 {
			head += "{" + strings.Join(labels, ",") + "}"
		}
		for _, p := range s.Points {
			ms := p.T.UnixMilli()
			fmt.Fprintf(&b, "%s %s %d.%03d\n", head, p.Value, ms/1000, ms%1000)
		}
	}
	b.WriteString("# EOF\n")
	return b.Bytes()
}

// BuildTSDB writes the series as OpenMetrics text and turns them into
// TSDB blocks with `promtool tsdb create-blocks-from openmetrics`, in a
// new directory of the test, which it returns: the storage directory to
// start a server on.
//
// promtool 2.42 reads its whole input once for every two-hour block it
// writes, so a month in one file takes minutes; BuildTSDB gives it one
// UTC day at a time (a day holds whole blocks, so no two blocks overlap),
// which takes seconds.
func BuildTSDB(tb testing.TB, series ...prom.Series) string {
	tb.Helper()
	const day = 24 * time.Hour
	chunks := map[int64][]prom.Series{}
	for _, s := range series {
		byDay := map[int64][]prom.Point{}
		for _, p := range s.Points {
			d := p.T.UnixMilli() / day.Milliseconds()
			if p.T.UnixMilli() < 0 && p.T.UnixMilli()%day.Milliseconds() != 0 {
				d--
			}
			byDay[d] = append(byDay[d], p)
		}
		for d, pts := range byDay {
			chunks[d] = append(chunks[d], prom.Series{Metric: s.Metric, Points: pts})
		}
	}
	dir := tb.TempDir()
	in := tb.TempDir()
	days := slices.Sorted(maps.Keys(chunks))
	for _, d := range days {
		input := filepath.Join(in, strconv.FormatInt(d, 10)+".om")
		if err := os.WriteFile(input, OpenMetrics(chunks[d]...), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	// promtool spends most of a block's time waiting, so a few run at once.
	promtool := Promtool(tb)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		fail string
		sem  = make(chan struct{}, 8)
	)
	for _, d := range days {
		input := filepath.Join(in, strconv.FormatInt(d, 10)+".om")
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out, ok, err := runTool(promtool, "", "tsdb", "create-blocks-from", "openmetrics", "--quiet", input, dir)
			if err != nil || !ok {
				mu.Lock()
				fail += fmt.Sprintf("promtool tsdb create-blocks-from openmetrics %s failed: %v\n%s\n", input, err, out)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if fail != "" {
		tb.Fatal(fail)
	}
	return dir
}

// Server is a Prometheus server started for a test. Build one with
// StartServer. The zero Server runs no process: Log returns "", as no
// server has logged anything, and Client returns a Client of the empty
// URL, whose queries fail with an error.
type Server struct {
	// URL is the server's base URL, http://127.0.0.1:port.
	URL string
	cmd *exec.Cmd
	log *lockedBuffer
}

// Client returns a promhttp.Client for the server.
func (s *Server) Client() promhttp.Client {
	return promhttp.Client{URL: s.URL, HTTP: &http.Client{Timeout: time.Minute}}
}

// Log returns what the server has logged so far; "" for the zero
// Server.
func (s *Server) Log() string {
	if s.log == nil {
		return ""
	}
	return s.log.String()
}

// StartServer starts prometheus on a free port of 127.0.0.1 with storage
// in dataDir (such as BuildTSDB made), no scrape targets, a retention of
// 100 years (so that no test data is old enough to be deleted), and the
// extra command-line flags given, and waits until it is ready. It stops
// the server — kill, then wait — when the test ends. It fails the test if
// the server does not become ready within a minute, with its log.
func StartServer(tb testing.TB, dataDir string, flags ...string) *Server {
	tb.Helper()
	bin := PrometheusBinary(tb)
	config := WriteFile(tb, "prometheus.yml", []byte("global:\n  scrape_interval: 1m\n"))
	var lastErr string
	for range 3 { // a port found free may be taken before the server binds it
		port, err := freePort()
		if err != nil {
			tb.Fatal(err)
		}
		s, err := start(tb, bin, config, dataDir, port, flags)
		if err == nil {
			return s
		}
		lastErr = err.Error()
	}
	tb.Fatalf("prometheus did not start: %s", lastErr)
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func start(tb testing.TB, bin, config, dataDir string, port int, flags []string) (*Server, error) {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	args := append([]string{
		"--config.file=" + config,
		"--storage.tsdb.path=" + dataDir,
		"--storage.tsdb.retention.time=100y",
		"--web.listen-address=" + addr,
		"--log.level=warn",
	}, flags...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Dir(config)
	log := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stop := func() {
		_ = cmd.Process.Kill()
		<-done
	}
	s := &Server{URL: "http://" + addr, cmd: cmd, log: log}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	probe := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case err := <-done:
			done <- err // for stop
			stop()
			return nil, fmt.Errorf("exited (%v) before it was ready:\n%s", err, log.String())
		case <-ctx.Done():
			stop()
			tb.Fatalf("prometheus not ready after a minute:\n%s", log.String())
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := probe.Get(s.URL + "/-/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				tb.Cleanup(stop)
				return s, nil
			}
		}
	}
}

// lockedBuffer collects a process's output for error messages.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
