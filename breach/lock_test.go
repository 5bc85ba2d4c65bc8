package breach

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestFileLockedInProcess: two Files on one path in one process. The
// second is refused with ErrLocked and the file is untouched; readers
// still replay the locked ledger; after Close the path opens again.
func TestFileLockedInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	first, err := OpenFile(path, FileOptions{})
	require.NoError(t, err)
	writeSample(t, first.Ledger, 5)
	size := fileSize(t, path)

	second, err := OpenFile(path, FileOptions{})
	if second != nil || !errors.Is(err, ErrLocked) {
		t.Fatalf("second OpenFile = %v, %v; want no File and ErrLocked", second, err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("the error %q does not name the path", err)
	}
	// Recovery takes the lock too.
	if _, err := OpenFile(path, FileOptions{Recover: true}); !errors.Is(err, ErrLocked) {
		t.Errorf("OpenFile with Recover of a locked path: %v, want ErrLocked", err)
	}
	if got := fileSize(t, path); got != size {
		t.Errorf("a refused OpenFile changed the file: %d → %d bytes", size, got)
	}

	f, err := os.Open(path)
	require.NoError(t, err)
	recs, err := Replay(f)
	f.Close()
	require.NoError(t, err, "Replay of a locked ledger")
	if diff := cmp.Diff(first.Records(), recs); diff != "" {
		t.Errorf("Replay of the locked ledger (-want +got):\n%s", diff)
	}

	_, err = first.Open(availabilityFacts("after"), wallDay)
	require.NoError(t, err, "the first File still appends")
	want := first.Records()
	require.NoError(t, first.Close())
	again, err := OpenFile(path, FileOptions{})
	require.NoError(t, err, "OpenFile after Close")
	defer again.Close()
	if diff := cmp.Diff(want, again.Records()); diff != "" {
		t.Errorf("records after reopening (-want +got):\n%s", diff)
	}
}

// TestFileLockedAcrossProcesses: a child process cannot open a ledger
// this process holds, but replays it; once this process closes it, the
// child opens it.
func TestFileLockedAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	lf, err := OpenFile(path, FileOptions{})
	require.NoError(t, err)
	writeSample(t, lf.Ledger, 6)

	out, err := childCommand(t, "lock", path).Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, 2, "child output %q", out)
	if !strings.HasPrefix(lines[0], "locked: ") || !strings.Contains(lines[0], path) {
		t.Errorf("child's OpenFile of a held ledger: %q, want locked with the path named", lines[0])
	}
	if want := "replayed 6 records: <nil>"; lines[1] != want {
		t.Errorf("child's replay of the held ledger: %q, want %q", lines[1], want)
	}

	require.NoError(t, lf.Close())
	out, err = childCommand(t, "lock", path).Output()
	require.NoError(t, err)
	if want := "opened 6 records\nreplayed 6 records: <nil>\n"; string(out) != want {
		t.Errorf("child after Close:\n%s\nwant\n%s", out, want)
	}
}

// TestLockByFile checks the lock-file fallback used where the platform
// has no flock or LockFileEx: exclusive, naming its owner, released by
// unlock.
func TestLockByFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	unlock, err := lockByFile(path)
	require.NoError(t, err)
	owner, err := os.ReadFile(path + ".lock")
	require.NoError(t, err)
	if pid := "process " + strconv.Itoa(os.Getpid()) + " "; !strings.HasPrefix(string(owner), pid) {
		t.Errorf("lock file holds %q, want it to start with %q", owner, pid)
	}
	_, err = lockByFile(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), strings.TrimSpace(string(owner))) {
		t.Errorf("second lockByFile: %v, want ErrLocked naming the owner %q", err, owner)
	}
	require.NoError(t, unlock())
	unlock, err = lockByFile(path)
	require.NoError(t, err, "lockByFile after unlock")
	require.NoError(t, unlock())
}

// TestIsFileAt: OpenFile's check that the file it locked is still the
// one at the path, which a recovery elsewhere may have replaced.
func TestIsFileAt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows cannot rename over an open file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	same, err := isFileAt(f, path)
	require.NoError(t, err)
	if !same {
		t.Error("isFileAt of the file just opened = false")
	}
	other := filepath.Join(dir, "repaired")
	require.NoError(t, os.WriteFile(other, []byte("new\n"), 0o644))
	require.NoError(t, os.Rename(other, path))
	if same, err := isFileAt(f, path); err != nil || same {
		t.Errorf("isFileAt after the path was replaced = %v, %v; want false", same, err)
	}
	require.NoError(t, os.Remove(path))
	if same, err := isFileAt(f, path); err != nil || same {
		t.Errorf("isFileAt after the path was removed = %v, %v; want false", same, err)
	}
}
