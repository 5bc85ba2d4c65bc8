package breach

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
)

// repair sets aside what dmg lists, copying it to the side file when one
// is named, and removes it from the ledger; end is the ledger's length.
// The caller holds the File's lock and owns lf alone.
func (lf *File) repair(dmg *DamageError, end int64, sideFile string) error {
	if sideFile != "" {
		if err := lf.setAside(dmg, sideFile); err != nil {
			return fmt.Errorf("set aside to %s: %w", sideFile, err)
		}
	}
	if len(dmg.Lines) == 0 {
		return truncateSync(lf.f, dmg.Torn.Offset)
	}
	return lf.rewrite(dmg, end)
}

// setAsideHeader introduces one line in a side file.
type setAsideHeader struct {
	Ledger string `json:"ledger"`
	Line   int    `json:"line"`
	Offset int64  `json:"offset"`
	Len    int64  `json:"len"`
	Torn   bool   `json:"torn"`
	Cause  string `json:"cause"`
}

// setAside appends each damaged line, after a header, to the side file
// and syncs it.
func (lf *File) setAside(dmg *DamageError, name string) (err error) {
	_, statErr := os.Stat(name)
	created := errors.Is(statErr, fs.ErrNotExist)
	side, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := side.Close(); err == nil {
			err = cerr
		}
	}()
	if same, err := sameFile(side, lf.f); err != nil || same {
		return errors.Join(err, fmt.Errorf("the side file is the ledger itself: %w", ErrInvalid))
	}
	write := func(h setAsideHeader) error {
		b, err := json.Marshal(h)
		if err != nil {
			return err
		}
		if _, err := side.Write(append(b, '\n')); err != nil {
			return err
		}
		_, err = io.Copy(side, io.NewSectionReader(lf.f, h.Offset, h.Len))
		return err
	}
	for _, le := range dmg.Lines {
		if err := write(setAsideHeader{lf.path, le.Line, le.Offset, le.Len, false, le.Err.Error()}); err != nil {
			return err
		}
	}
	if t := dmg.Torn; t != nil {
		if err := write(setAsideHeader{lf.path, t.Line, t.Offset, t.Len, true, ErrTorn.Error()}); err != nil {
			return err
		}
		if _, err := side.Write([]byte{'\n'}); err != nil {
			return err
		}
	}
	if err := side.Sync(); err != nil {
		return err
	}
	if created {
		return syncDir(filepath.Dir(name))
	}
	return nil
}

func sameFile(a, b *os.File) (bool, error) {
	ai, err := a.Stat()
	if err != nil {
		return false, err
	}
	bi, err := b.Stat()
	if err != nil {
		return false, err
	}
	return os.SameFile(ai, bi), nil
}

// rewrite writes every byte of the ledger outside the damage, in order,
// to a new file, syncs it, and renames it over the ledger. The new file
// is created beside the ledger under a name no existing path has (see
// [createExclusive]), so that no file or link already there is opened,
// truncated or renamed over the ledger. It is locked before it takes
// the ledger's name, so that no other writer can slip in; the File then
// appends to it.
func (lf *File) rewrite(dmg *DamageError, end int64) error {
	mode := fs.FileMode(0o644)
	if fi, err := lf.f.Stat(); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, tmpName, err := createExclusive(lf.path+tempInfix, mode, randomSuffix)
	if err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	unlock := func() error { return nil }
	if lockIsPerFile {
		if unlock, err = lockFile(tmp, tmpName); err != nil {
			tmp.Close()
			os.Remove(tmpName)
			return err
		}
	}
	fail := func(err error) error {
		tmp.Close()
		unlock()
		os.Remove(tmpName)
		return err
	}
	var at int64
	for _, s := range append(dmg.spans(), [2]int64{end, 0}) {
		if s[0] > at {
			if _, err := io.Copy(tmp, io.NewSectionReader(lf.f, at, s[0]-at)); err != nil {
				return fail(err)
			}
		}
		at = s[0] + s[1]
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	// Windows cannot rename over a file that is open; elsewhere the old
	// file stays open, and locked, until the new one has its name.
	if runtime.GOOS == "windows" {
		lf.f.Close()
	}
	if err := os.Rename(tmpName, lf.path); err != nil {
		return fail(err)
	}
	if err := syncDir(filepath.Dir(lf.path)); err != nil {
		return fail(err)
	}
	lf.f.Close()
	if lockIsPerFile {
		lf.unlock()
		lf.unlock = unlock
	}
	lf.f = tmp
	lf.Ledger.w = tmp
	return nil
}

// tempInfix goes between the ledger's name and a random suffix in the
// name of the temporary file that recovery writes.
const tempInfix = ".recovering-"

// maxCreateTries bounds how many names createExclusive tries.
const maxCreateTries = 100

// createExclusive creates a new file, open for reading and appending,
// named prefix followed by a suffix from next, and returns it with its
// name. It opens with O_CREATE|O_EXCL, so it never opens a path that
// exists — a file, or a symbolic link even when it dangles — and never
// follows a link; a name that exists is skipped for the next suffix,
// up to maxCreateTries names. (os.CreateTemp does the same but cannot
// open the file for appending, which the ledger's writes rely on.)
func createExclusive(prefix string, mode fs.FileMode, next func() string) (*os.File, string, error) {
	var err error
	for range maxCreateTries {
		name := prefix + next()
		var f *os.File
		f, err = os.OpenFile(name, os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, mode)
		if err == nil {
			return f, name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", err
		}
	}
	return nil, "", fmt.Errorf("no free name after %d tries: %w", maxCreateTries, err)
}

// randomSuffix returns 64 random bits in base 36.
func randomSuffix() string {
	return strconv.FormatUint(rand.Uint64(), 36)
}
