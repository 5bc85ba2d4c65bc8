package breach

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/sla"
)

// writeSample appends n records to l: every record opened, every second
// one reported, every third one of those resolved. It returns the number
// of events written.
func writeSample(t testing.TB, l *Ledger, n int) int {
	t.Helper()
	events := 0
	for i := range n {
		f := availabilityFacts(fmt.Sprintf("b-%d", i))
		if i%2 == 1 {
			f = responseFacts(fmt.Sprintf("t-%d", i))
		}
		r, err := l.Open(f, wallDay)
		require.NoError(t, err)
		events++
		if i%2 == 0 {
			_, err := l.Report(r.ID(), fmt.Sprintf("reason %d: \"quoted\", <tagged> & ünïcode", i), r.Facts().DetectedAt.Add(time.Minute))
			require.NoError(t, err)
			events++
			if i%3 == 0 {
				_, err := l.Resolve(r.ID(), r.Facts().DetectedAt.Add(time.Hour))
				require.NoError(t, err)
				events++
			}
		}
	}
	return events
}

func TestLedgerRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	require.NoError(t, err)
	events := writeSample(t, l, 30)
	if got := bytes.Count(buf.Bytes(), []byte("\n")); got != events {
		t.Errorf("ledger has %d lines, want %d", got, events)
	}
	got, err := Replay(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	if diff := cmp.Diff(l.Records(), got); diff != "" {
		t.Errorf("Replay (-want +got):\n%s", diff)
	}
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	if diff := cmp.Diff(Summarize(got, at), l.Summarize(at), cmp.Comparer(func(a, b sla.Share) bool { return a == b })); diff != "" {
		t.Errorf("Ledger.Summarize (-want +got):\n%s", diff)
	}
	// A ledger resumed from the replay appends after it.
	l2, err := NewLedger(&buf, got)
	require.NoError(t, err)
	if _, err := l2.Open(availabilityFacts("b-0"), wallDay); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("Open of an existing ID: %v, want ErrDuplicateID", err)
	}
	if _, err := l2.Report("b-2", "again", time.Now()); !errors.Is(err, ErrAlreadyReported) {
		t.Errorf("second report of b-2: %v, want ErrAlreadyReported", err)
	}
	_, err = l2.Resolve("b-2", time.Date(2026, 12, 1, 5, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	again, err := Replay(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	if diff := cmp.Diff(l2.Records(), again); diff != "" {
		t.Errorf("Replay after resuming (-want +got):\n%s", diff)
	}
}

func TestLedgerRejects(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	require.NoError(t, err)
	if _, err := l.Report("nope", "why", time.Now()); !errors.Is(err, ErrUnknownID) {
		t.Errorf("Report of an unknown ID: %v, want ErrUnknownID", err)
	}
	if _, err := l.Resolve("nope", time.Now()); !errors.Is(err, ErrUnknownID) {
		t.Errorf("Resolve of an unknown ID: %v, want ErrUnknownID", err)
	}
	if buf.Len() != 0 {
		t.Errorf("rejected changes wrote %q", buf.String())
	}
	r, err := l.Open(availabilityFacts("b-1"), wallDay)
	require.NoError(t, err)
	before := buf.Len()
	if _, err := l.Resolve(r.ID(), r.Facts().DetectedAt); !errors.Is(err, ErrNotReported) {
		t.Errorf("Resolve before Report: %v, want ErrNotReported", err)
	}
	if _, err := l.Report(r.ID(), "", r.Facts().DetectedAt); !errors.Is(err, ErrNoReason) {
		t.Errorf("Report without a reason: %v, want ErrNoReason", err)
	}
	if _, err := l.Report(r.ID(), strings.Repeat("x", MaxLine), r.Facts().DetectedAt); !errors.Is(err, ErrInvalid) {
		t.Errorf("Report with a reason longer than a line: %v, want ErrInvalid", err)
	}
	if buf.Len() != before {
		t.Errorf("rejected changes wrote %d bytes", buf.Len()-before)
	}
	if got, _ := l.Record(r.ID()); got.IsReported() {
		t.Error("a rejected report changed the state")
	}
	if _, err := NewLedger(&buf, []Record{r, r}); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("NewLedger with a duplicate: %v, want ErrDuplicateID", err)
	}
	if _, err := NewLedger(&buf, []Record{{}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewLedger with a zero Record: %v, want ErrInvalid", err)
	}
}

// failingWriter accepts ok writes, then writes half a line and fails.
type failingWriter struct {
	buf bytes.Buffer
	ok  int
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.ok == 0 {
		w.buf.Write(p[:len(p)/2])
		return len(p) / 2, errors.New("disk full")
	}
	w.ok--
	return w.buf.Write(p)
}

func TestLedgerWriteFailureIsSticky(t *testing.T) {
	w := &failingWriter{ok: 1}
	l, err := NewLedger(w, nil)
	require.NoError(t, err)
	_, err = l.Open(availabilityFacts("b-1"), wallDay)
	require.NoError(t, err)
	if _, err := l.Open(availabilityFacts("b-2"), wallDay); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Open on a failing writer: %v, want the write error", err)
	}
	if _, ok := l.Record("b-2"); ok {
		t.Error("a record whose write failed is in the state")
	}
	w.ok = 100
	if _, err := l.Report("b-1", "after the failure", time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)); !errors.Is(err, ErrClosed) {
		t.Errorf("change after a failed write: %v, want ErrClosed", err)
	}
	// The log holds one good line and a torn one; replay says so.
	recs, err := Replay(bytes.NewReader(w.buf.Bytes()))
	var torn *TornError
	require.ErrorAs(t, err, &torn)
	if len(recs) != 1 || recs[0].ID() != "b-1" {
		t.Errorf("Replay kept %d records, want b-1 only", len(recs))
	}
}

// line returns the JSON line of ev, without its newline.
func line(t testing.TB, ev eventJSON) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, encodeEvent(&b, ev))
	return strings.TrimSuffix(b.String(), "\n")
}

func TestReplayRejects(t *testing.T) {
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	at := r.Facts().DetectedAt
	opened := line(t, openedEvent(r))
	reported := line(t, eventJSON{Event: evReported, ID: "b-1", At: at.Add(time.Minute), Reason: "cause"})
	resolved := line(t, eventJSON{Event: evResolved, ID: "b-1", At: at.Add(time.Hour)})
	other := line(t, openedEvent(mustOpen(t, responseFacts("t-1"), wallDay)))
	mutate := func(s, old, new string) string {
		t.Helper()
		require.Contains(t, s, old)
		return strings.Replace(s, old, new, 1)
	}
	tests := []struct {
		name     string
		lines    []string
		wantLine int
		want     error
		wantRecs int
	}{
		{"duplicate ID", []string{opened, other, opened}, 3, ErrDuplicateID, 2},
		{"report of an unknown ID", []string{other, reported}, 2, ErrUnknownID, 1},
		{"resolved before reported", []string{opened, resolved, reported}, 2, ErrNotReported, 1},
		{"reported twice", []string{opened, reported, reported}, 3, ErrAlreadyReported, 1},
		{"resolved twice", []string{opened, reported, resolved, resolved}, 4, ErrAlreadyResolved, 1},
		{"report dated before detection", []string{opened, mutate(reported, `"at":"2026-12-01T00:01:00Z"`, `"at":"2026-11-30T23:59:00Z"`)}, 2, ErrBackdated, 1},
		{"report without a reason", []string{opened, mutate(reported, `,"reason":"cause"`, ``)}, 2, ErrNoReason, 1},
		{"corrupt line in the middle", []string{opened, `{"event":"reported","id":"b-1",`, reported}, 2, ErrCorrupt, 1},
		{"empty line in the middle", []string{opened, ``, reported}, 2, ErrCorrupt, 1},
		{"garbage line", []string{other, opened, "\x00\x00\x00\x00"}, 3, ErrCorrupt, 2},
		{"two events on one line", []string{opened + reported}, 1, ErrCorrupt, 0},
		{"unknown field", []string{mutate(opened, `{"event"`, `{"extra":1,"event"`)}, 1, ErrCorrupt, 0},
		{"unknown event", []string{mutate(opened, `"opened"`, `"reopened"`)}, 1, ErrCorrupt, 0},
		{"event without id", []string{mutate(resolved, `"id":"b-1",`, ``)}, 1, ErrCorrupt, 0},
		{"opened without record", []string{`{"event":"opened","id":"x","at":"2026-12-01T00:00:00Z"}`}, 1, ErrCorrupt, 0},
		{"opened at a different instant", []string{mutate(opened, `"at":"2026-12-01T00:00:00Z"`, `"at":"2026-12-01T00:00:01Z"`)}, 1, ErrCorrupt, 0},
		{"record id differs", []string{mutate(opened, `"record":{"id":"b-1"`, `"record":{"id":"b-2"`)}, 1, ErrCorrupt, 0},
		{"record measured meets target", []string{mutate(opened, `"good":2588400000000000`, `"good":2592000000000000`)}, 1, ErrInvalid, 0},
		{"record good above total", []string{mutate(opened, `"good":2588400000000000`, `"good":2592000000000001`)}, 1, ErrInvalid, 0},
		{"record target without measured", []string{mutate(opened, `"measured":{"good":2588400000000000,"total":2592000000000000},`, ``)}, 1, ErrInvalid, 0},
		{"record bad target", []string{mutate(opened, `"target":"99.9%"`, `"target":"99.9"`)}, 1, ErrCorrupt, 0},
		{"record due before detection", []string{mutate(opened, `"report_due":"2026-12-01T04:00:00Z"`, `"report_due":"2026-11-30T04:00:00Z"`)}, 1, ErrInvalid, 0},
		{"resolved with a reason", []string{opened, reported, mutate(resolved, `"at"`, `"reason":"x","at"`)}, 3, ErrCorrupt, 1},
		{"line too long", []string{opened, strings.Repeat(" ", MaxLine)}, 2, ErrCorrupt, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.lines, "\n") + "\n"
			recs, err := Replay(strings.NewReader(text))
			var le *LineError
			require.ErrorAs(t, err, &le, "Replay error = %v, want a *LineError", err)
			if le.Line != tt.wantLine {
				t.Errorf("error names line %d, want %d: %v", le.Line, tt.wantLine, err)
			}
			wantOffset := int64(0)
			for _, l := range tt.lines[:tt.wantLine-1] {
				wantOffset += int64(len(l)) + 1
			}
			if le.Offset != wantOffset {
				t.Errorf("error names offset %d, want %d", le.Offset, wantOffset)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("line %d ", tt.wantLine)) {
				t.Errorf("error text %q does not name line %d", err, tt.wantLine)
			}
			if len(recs) != tt.wantRecs {
				t.Errorf("Replay kept %d records, want %d", len(recs), tt.wantRecs)
			}
		})
	}
}

func TestReplayEmpty(t *testing.T) {
	recs, err := Replay(strings.NewReader(""))
	if err != nil || len(recs) != 0 {
		t.Errorf("Replay(empty) = %d records, %v; want none, nil", len(recs), err)
	}
}

// errReader returns its data, then an I/O error.
type errReader struct{ data []byte }

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("device gone")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReplayReadError(t *testing.T) {
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	recs, err := Replay(&errReader{data: []byte(line(t, openedEvent(r)) + "\n")})
	if err == nil || !strings.Contains(err.Error(), "device gone") {
		t.Fatalf("Replay error = %v, want the read error", err)
	}
	var le *LineError
	if errors.As(err, &le) {
		t.Errorf("a read error is reported as a bad line: %v", err)
	}
	if len(recs) != 1 {
		t.Errorf("Replay kept %d records, want 1", len(recs))
	}
}
