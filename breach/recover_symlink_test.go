//go:build !windows

package breach

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRecoverDoesNotFollowSymlinkAtTempName: a symbolic link waiting at
// the name recovery used to write its temporary copy to
// ("<ledger>.recovering") made OpenFile with Recover truncate and
// rewrite the file it pointed to, and rename the link over the ledger.
// Recovery must create a file of its own that no existing path can be,
// leave the link and its target alone, and keep the ledger a regular
// file.
func TestRecoverDoesNotFollowSymlinkAtTempName(t *testing.T) {
	dir := t.TempDir()
	good, want := sampleLedger(t, 1)
	path := filepath.Join(dir, "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, append([]byte("garbage\n"), good...), 0o644))
	victim := filepath.Join(dir, "victim")
	victimData := []byte("not the ledger's to write\n")
	require.NoError(t, os.WriteFile(victim, victimData, 0o644))
	require.NoError(t, os.Symlink(victim, path+".recovering"))

	lf, err := OpenFile(path, FileOptions{Recover: true})
	var dmg *DamageError
	require.ErrorAs(t, err, &dmg)
	require.NotNil(t, lf, "OpenFile with Recover: %v", err)
	require.NoError(t, lf.Close())

	got, err := os.ReadFile(victim)
	require.NoError(t, err)
	require.Equal(t, string(victimData), string(got), "recovery wrote to the symlink's target")
	fi, err := os.Lstat(path)
	require.NoError(t, err)
	if !fi.Mode().IsRegular() {
		t.Errorf("the ledger is %v after recovery, want a regular file", fi.Mode())
	}
	if target, err := os.Readlink(path + ".recovering"); err != nil || target != victim {
		t.Errorf("the link at .recovering = %q, %v; want it left pointing at %s", target, err, victim)
	}
	checkLedgerFile(t, path, want)
}

// TestRecoverIgnoresStaleTempFiles: a crash during an earlier recovery
// leaves its temporary file behind. Leftovers — under the old fixed name
// and under the names recovery now uses — neither break a later recovery
// nor end up in the ledger, and that recovery leaves no file of its own.
func TestRecoverIgnoresStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	good, want := sampleLedger(t, 3)
	path := filepath.Join(dir, "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, append([]byte("garbage\n"), good...), 0o644))
	stale := []string{path + ".recovering", path + ".recovering-1234567890", path + ".recovering-"}
	for _, s := range stale {
		require.NoError(t, os.WriteFile(s, []byte("stale half-written copy\n"), 0o600))
	}

	lf, err := OpenFile(path, FileOptions{Recover: true})
	var dmg *DamageError
	require.ErrorAs(t, err, &dmg)
	require.NotNil(t, lf, "OpenFile with Recover: %v", err)
	require.NoError(t, lf.Close())
	checkLedgerFile(t, path, want)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantNames := []string{"breaches.jsonl"}
	for _, s := range stale {
		wantNames = append(wantNames, filepath.Base(s))
	}
	require.ElementsMatch(t, wantNames, names, "files beside the ledger after recovery")
}

// TestCreateExclusiveRetriesTakenNames: createExclusive never opens an
// existing path (a file or a link); it tries another name instead, and
// gives up with an error after a bounded number of tries.
func TestCreateExclusiveRetriesTakenNames(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "l.jsonl")
	require.NoError(t, os.WriteFile(base+".recovering-a", []byte("x"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere"), base+".recovering-b"))
	suffixes := []string{"a", "b", "c"}
	next := func() string { s := suffixes[0]; suffixes = suffixes[1:]; return s }

	f, name, err := createExclusive(base+".recovering-", 0o644, next)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.Equal(t, base+".recovering-c", name)
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("createExclusive followed a dangling link: %v", err)
	}

	always := func() string { return "a" }
	_, _, err = createExclusive(base+".recovering-", 0o644, always)
	if err == nil || !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "tries") {
		t.Errorf("createExclusive with every name taken = %v, want an error wrapping fs.ErrExist that says how many tries", err)
	}
}
