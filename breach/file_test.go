package breach

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestFileReopenAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	lf, err := OpenFile(path, FileOptions{})
	require.NoError(t, err)
	writeSample(t, lf.Ledger, 10)
	want := lf.Records()
	require.NoError(t, lf.Close())
	if _, err := lf.Open(availabilityFacts("late"), wallDay); !errors.Is(err, ErrClosed) {
		t.Errorf("Open after Close: %v, want ErrClosed", err)
	}
	if err := lf.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v, want ErrClosed", err)
	}
	if err := lf.Flush(); !errors.Is(err, ErrClosed) {
		t.Errorf("Flush after Close: %v, want ErrClosed", err)
	}
	size := fileSize(t, path)

	lf, err = OpenFile(path, FileOptions{SyncEvery: 3})
	require.NoError(t, err)
	if diff := cmp.Diff(want, lf.Records()); diff != "" {
		t.Fatalf("reopened records (-want +got):\n%s", diff)
	}
	_, err = lf.Open(availabilityFacts("b-new"), wallDay)
	require.NoError(t, err)
	require.NoError(t, lf.Flush())
	want = lf.Records()
	require.NoError(t, lf.Close())
	if got := fileSize(t, path); got <= size {
		t.Errorf("file did not grow: %d → %d bytes", size, got)
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got, err := Replay(f)
	require.NoError(t, err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Replay (-want +got):\n%s", diff)
	}
}

func TestOpenFileCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	r := mustOpen(t, availabilityFacts("b-1"), wallDay)
	text := line(t, openedEvent(r)) + "\n{not json}\n" + line(t, openedEvent(mustOpen(t, responseFacts("t-1"), wallDay))) + "\n"
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	lf, err := OpenFile(path, FileOptions{})
	var le *LineError
	require.ErrorAs(t, err, &le)
	if lf != nil || le.Line != 2 {
		t.Errorf("OpenFile = %v, error on line %d; want no File and line 2", lf, le.Line)
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	if string(data) != text {
		t.Error("OpenFile changed a corrupt file")
	}
}

func fileSize(t testing.TB, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.Size()
}

// TestCrashTornLastLine writes N records, then cuts the file at every
// byte offset inside the last line, as a crash in mid-write would, and
// replays: every earlier record is intact and the error names the
// offset where the torn line starts.
func TestCrashTornLastLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "full.jsonl")
	lf, err := OpenFile(path, FileOptions{SyncEvery: 1000})
	require.NoError(t, err)
	const n = 20
	for i := range n {
		_, err := lf.Open(availabilityFacts(fmt.Sprintf("b-%d", i)), wallDay)
		require.NoError(t, err)
	}
	all := lf.Records()
	require.NoError(t, lf.Close())
	full, err := os.ReadFile(path)
	require.NoError(t, err)
	lastStart := int64(len(full)) - int64(len(line(t, openedEvent(all[n-1])))) - 1

	// Cutting at lastStart leaves n−1 whole lines and nothing torn.
	cut := filepath.Join(dir, "cut.jsonl")
	for size := lastStart; size < int64(len(full)); size++ {
		require.NoError(t, os.WriteFile(cut, full[:size], 0o644))
		f, err := os.Open(cut)
		require.NoError(t, err)
		got, err := Replay(f)
		f.Close()
		if diff := cmp.Diff(all[:n-1], got); diff != "" {
			t.Fatalf("cut at %d: records (-want +got):\n%s", size, diff)
		}
		if size == lastStart {
			if err != nil {
				t.Fatalf("cut at the line boundary %d: %v", size, err)
			}
			continue
		}
		var torn *TornError
		if !errors.As(err, &torn) || !errors.Is(err, ErrTorn) {
			t.Fatalf("cut at %d: error = %v, want a *TornError", size, err)
		}
		if torn.Offset != lastStart || torn.Line != n || torn.Len != size-lastStart {
			t.Fatalf("cut at %d: TornError{Line %d, Offset %d, Len %d}, want {%d, %d, %d}",
				size, torn.Line, torn.Offset, torn.Len, n, lastStart, size-lastStart)
		}
		// OpenFile keeps the same records and reports the same offset.
		lf, err := OpenFile(cut, FileOptions{})
		if !errors.As(err, &torn) || torn.Offset != lastStart || lf == nil {
			t.Fatalf("cut at %d: OpenFile error = %v, want a *TornError at %d", size, err, lastStart)
		}
		if diff := cmp.Diff(all[:n-1], lf.Records()); diff != "" {
			t.Fatalf("cut at %d: OpenFile records (-want +got):\n%s", size, diff)
		}
		require.NoError(t, lf.Close())
	}
}

func TestOpenFileTornTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	lf, err := OpenFile(path, FileOptions{})
	require.NoError(t, err)
	writeSample(t, lf.Ledger, 4)
	want := lf.Records()
	require.NoError(t, lf.Close())
	intact := fileSize(t, path)
	// A crash in mid-write leaves half a line.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = f.WriteString(`{"event":"opened","id":"b-9","at":"2026-12-`)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	lf, err = OpenFile(path, FileOptions{})
	var torn *TornError
	require.ErrorAs(t, err, &torn)
	require.NotNil(t, lf, "OpenFile returns the File with a torn tail")
	defer lf.Close()
	if torn.Offset != intact {
		t.Errorf("torn line at offset %d, want %d", torn.Offset, intact)
	}
	if diff := cmp.Diff(want, lf.Records()); diff != "" {
		t.Errorf("records before the torn line (-want +got):\n%s", diff)
	}
	if _, err := lf.Open(availabilityFacts("b-9"), wallDay); !errors.Is(err, ErrTorn) {
		t.Errorf("append to a torn file: %v, want ErrTorn", err)
	}
	if err := lf.TruncateTorn(intact - 1); !errors.Is(err, ErrInvalid) {
		t.Errorf("TruncateTorn at the wrong offset: %v, want ErrInvalid", err)
	}
	if got := fileSize(t, path); got <= intact {
		t.Fatalf("the torn line was dropped without TruncateTorn (size %d)", got)
	}
	require.NoError(t, lf.TruncateTorn(torn.Offset))
	if got := fileSize(t, path); got != intact {
		t.Errorf("size after TruncateTorn = %d, want %d", got, intact)
	}
	if err := lf.TruncateTorn(torn.Offset); !errors.Is(err, ErrInvalid) {
		t.Errorf("second TruncateTorn: %v, want ErrInvalid", err)
	}
	_, err = lf.Open(availabilityFacts("b-9"), wallDay)
	require.NoError(t, err)
	want = lf.Records()
	require.NoError(t, lf.Close())
	if err := lf.TruncateTorn(0); !errors.Is(err, ErrClosed) {
		t.Errorf("TruncateTorn after Close: %v, want ErrClosed", err)
	}
	lf, err = OpenFile(path, FileOptions{})
	require.NoError(t, err)
	defer lf.Close()
	if diff := cmp.Diff(want, lf.Records()); diff != "" {
		t.Errorf("records after recovery (-want +got):\n%s", diff)
	}
}

// TestFileConcurrentAppends has 8 goroutines append 1,000 events each
// (500 records opened and reported); the replay sees all 8,000 exactly
// once. Run it with -race.
func TestFileConcurrentAppends(t *testing.T) {
	const goroutines, perGoroutine = 8, 1000
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	lf, err := OpenFile(path, FileOptions{SyncEvery: 500})
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perGoroutine / 2 {
				id := fmt.Sprintf("g%d-%d", g, i)
				r, err := lf.Open(availabilityFacts(id), wallDay)
				if err != nil {
					errs <- err
					return
				}
				if _, err := lf.Report(id, "cause of "+id, r.Facts().DetectedAt.Add(time.Duration(i)*time.Second)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	require.NoError(t, lf.Close())

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := 0
	for _, b := range data {
		if b == '\n' {
			lines++
		}
	}
	if lines != goroutines*perGoroutine {
		t.Errorf("file has %d lines, want %d", lines, goroutines*perGoroutine)
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	// Replay rejects a repeated ID or report, so a clean replay with
	// every record reported once means every event is there once.
	recs, err := Replay(f)
	require.NoError(t, err)
	seen := make(map[string]bool)
	for _, r := range recs {
		if seen[r.ID()] {
			t.Fatalf("record %s twice", r.ID())
		}
		seen[r.ID()] = true
		if r.Reason() != "cause of "+r.ID() {
			t.Errorf("record %s: reason %q", r.ID(), r.Reason())
		}
	}
	for g := range goroutines {
		for i := range perGoroutine / 2 {
			if id := fmt.Sprintf("g%d-%d", g, i); !seen[id] {
				t.Errorf("record %s missing", id)
			}
		}
	}
}
