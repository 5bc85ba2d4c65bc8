package breach

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// FileOptions configure a [File].
type FileOptions struct {
	// SyncEvery is how many appends go between syncs to stable storage.
	// 1 or less (the zero value) syncs after every append: an append that returned nil
	// survives a crash of the machine. With N > 1 the file is synced
	// after every Nth append and by [File.Flush] and [File.Close]; a
	// crash of the machine (not of the process alone, since every
	// append is a complete write to the operating system) can lose up
	// to N−1 appends that returned nil, and leave a torn final line.
	SyncEvery int

	// Recover makes OpenFile repair a damaged ledger instead of refusing
	// it: every damaged line and the torn final line are set aside,
	// every record the other lines rebuild is kept, and the File
	// appends again at once. OpenFile then returns the File together
	// with a [*DamageError] that lists each line set aside with its
	// line number, byte offset, length and cause, as they were in the
	// file before the repair.
	//
	// A torn final line alone is cut off, as [File.TruncateTorn] does.
	// Damage before the end is removed by writing the complete lines,
	// byte for byte, to a new file beside the ledger, syncing it,
	// renaming it over the ledger and syncing the directory, so that a
	// crash during recovery leaves either the old ledger or the
	// repaired one. The new file's name is the ledger's with
	// ".recovering-" and a random suffix added; it is created only if
	// no file or link of that name exists (O_EXCL), so recovery never
	// writes through a link or over a file already there. A crash
	// before the rename can leave that file behind: later recoveries
	// neither read nor reuse it, and it may be removed by hand.
	// (Windows refuses the rename while another process has the
	// ledger open, even to read it; OpenFile then fails and the
	// ledger stays as it was.)
	Recover bool

	// SetAside, with Recover, names a file to which the lines set
	// aside are appended before the ledger is repaired; it is created
	// (mode 0644) if needed and synced. Without it the damaged bytes
	// are described in the DamageError only. For each line the file
	// holds a JSON header line
	//
	//	{"ledger":"<path>","line":2,"offset":120,"len":35,"torn":false,"cause":"…"}
	//
	// followed by the line's exact bytes, len of them (a torn line is
	// followed by a newline that it lacked). It must not be the ledger
	// itself.
	SetAside string
}

// File is a [Ledger] kept in a file: it appends with O_APPEND and never
// rewrites a byte in place. Opening an existing file replays it and
// appends after it; a new file is created with mode 0644 and its
// directory synced, so that the file itself survives a crash.
//
// A File holds an exclusive lock on its file from [OpenFile] to
// [File.Close] — flock(2) on Unix systems, LockFileEx on Windows, and
// elsewhere a lock file beside the ledger (its name with ".lock" added)
// that names the owning process — so that one path has one writer: a
// second OpenFile of the path, from this process or another, fails with
// [ErrLocked]. The lock does not keep readers out: [Replay] and
// [Recover] read a locked ledger. A flock or LockFileEx lock ends with
// the process that holds it; a lock file outlives a crash and must then
// be removed by hand.
//
// A File is safe for concurrent use by many goroutines.
//
// Build a File with [OpenFile]. The zero File (File{}, new(File)) holds
// no file and a nil *Ledger, and never panics: its [Ledger] methods
// behave as on the zero Ledger (changes fail with [ErrInvalid], reads
// answer as for an empty ledger), and [File.TruncateTorn], [File.Flush]
// and [File.Close] return an error wrapping [ErrInvalid] that says to
// build one with OpenFile. Close included: a File that was never opened
// was not closed either, and succeeding would hide the misuse.
type File struct {
	*Ledger
	path    string
	f       *os.File
	unlock  func() error // releases the lock after f is closed
	every   int
	pending int        // appends since the last sync
	torn    *TornError // the torn tail that blocks appends, if any
}

// OpenFile opens the ledger at path, creating it if it does not exist,
// locks it (see [File]), replays it, and returns a File that appends to
// it. A path another File holds fails with an error wrapping
// [ErrLocked].
//
// A ledger with damaged lines — lines that are not valid events, or
// cannot be applied — is refused: OpenFile returns no File and a
// [*DamageError] that names every damaged line, not only the first, and
// changes nothing. [FileOptions] Recover opens it anyway, setting the
// damage aside; [Recover] reads every complete record without opening
// the file for writing.
//
// A torn final line alone (see [Replay]) returns a File holding every
// record before it, together with the [*TornError]: the File reads, but
// refuses to append (errors wrap [ErrTorn]) until [File.TruncateTorn] is
// called with the error's Offset — a crash's leftovers are never dropped
// silently. With Recover the torn line is cut off and the File appends.
//
// Whenever OpenFile returns a File, with or without an error, the File
// holds the lock until [File.Close].
func OpenFile(path string, opts FileOptions) (*File, error) {
	f, unlock, err := openLocked(path)
	if err != nil {
		return nil, err
	}
	lf := &File{path: path, f: f, unlock: unlock, every: max(opts.SyncEvery, 1)}
	st := newState()
	replayErr := st.replay(io.NewSectionReader(f, 0, 1<<62), false)
	var dmg *DamageError
	if replayErr != nil && !errors.As(replayErr, &dmg) {
		lf.release()
		return nil, fmt.Errorf("breach: ledger file %s: %w", path, replayErr)
	}
	lf.Ledger = &Ledger{w: f, st: st, after: lf.afterWrite}
	switch {
	case dmg == nil:
		return lf, nil
	case opts.Recover:
		dmg.Path = path
		if err := lf.repair(dmg, st.end, opts.SetAside); err != nil {
			lf.release()
			return nil, fmt.Errorf("breach: ledger file %s: recover: %w", path, err)
		}
		return lf, dmg
	case len(dmg.Lines) > 0:
		lf.release()
		dmg.Path = path
		return nil, fmt.Errorf("%w; refused: open with FileOptions.Recover to keep the %d complete records and set the damage aside",
			dmg, len(st.records))
	}
	lf.torn = dmg.Torn
	lf.Ledger.err = fmt.Errorf("breach: ledger file %s: appends refused until TruncateTorn(%d): %w", path, lf.torn.Offset, lf.torn)
	return lf, lf.torn
}

// maxOpenAttempts bounds how often OpenFile retries when the file at the
// path is replaced (by a recovery elsewhere) between opening and
// locking it.
const maxOpenAttempts = 8

// openLocked opens path for appending and locks it. It makes sure that
// the locked file is still the one at path: a recovery elsewhere may
// have renamed a repaired ledger over it in the meantime, and a lock on
// the replaced file would guard nothing.
func openLocked(path string) (*os.File, func() error, error) {
	for range maxOpenAttempts {
		_, statErr := os.Stat(path)
		created := errors.Is(statErr, fs.ErrNotExist)
		f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("breach: ledger file: %w", err)
		}
		if created {
			if err := syncDir(filepath.Dir(path)); err != nil {
				f.Close()
				return nil, nil, fmt.Errorf("breach: ledger file %s: sync directory: %w", path, err)
			}
		}
		unlock, err := lockFile(f, path)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("breach: ledger file %s: lock: %w", path, err)
		}
		same, err := isFileAt(f, path)
		if err != nil {
			f.Close()
			unlock()
			return nil, nil, fmt.Errorf("breach: ledger file %s: %w", path, err)
		}
		if same {
			return f, unlock, nil
		}
		f.Close()
		unlock()
	}
	return nil, nil, fmt.Errorf("breach: ledger file %s: replaced %d times while opening: %w", path, maxOpenAttempts, ErrLocked)
}

// isFileAt reports whether f is the file now at path.
func isFileAt(f *os.File, path string) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return os.SameFile(fi, pi), nil
}

// syncDir makes a new directory entry durable, where the platform allows.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// errZeroFile is the error of the File methods of the zero File.
var errZeroFile = fmt.Errorf("breach: the zero File is not usable: build one with OpenFile: %w", ErrInvalid)

// afterWrite runs under the Ledger's lock after each append.
func (lf *File) afterWrite() error {
	lf.pending++
	if lf.pending < lf.every {
		return nil
	}
	lf.pending = 0
	return lf.f.Sync()
}

// release closes the file and drops its lock, for a File that OpenFile
// does not return.
func (lf *File) release() {
	lf.f.Close()
	lf.unlock()
}

// TruncateTorn cuts the torn final line reported by [OpenFile] off the
// file and lets appends resume. offset must be the TornError's Offset;
// any other value, or a File without a torn line, is an error and
// changes nothing.
func (lf *File) TruncateTorn(offset int64) error {
	if lf.Ledger == nil {
		return errZeroFile
	}
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.f == nil {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): %w", offset, ErrClosed)
	}
	if lf.torn == nil {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): no torn line: %w", offset, ErrInvalid)
	}
	if offset != lf.torn.Offset {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): the torn line starts at %d: %w", offset, lf.torn.Offset, ErrInvalid)
	}
	if err := truncateSync(lf.f, offset); err != nil {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): %w", offset, err)
	}
	lf.torn = nil
	lf.err = nil
	return nil
}

func truncateSync(f *os.File, size int64) error {
	if err := f.Truncate(size); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}

// Flush syncs every append so far to stable storage.
func (lf *File) Flush() error {
	if lf.Ledger == nil {
		return errZeroFile
	}
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.f == nil {
		return fmt.Errorf("breach: ledger file: flush: %w", ErrClosed)
	}
	lf.pending = 0
	if err := lf.f.Sync(); err != nil {
		return fmt.Errorf("breach: ledger file: flush: %w", err)
	}
	return nil
}

// Close syncs and closes the file and releases its lock. Appends after
// Close fail with [ErrClosed]; the records stay readable.
func (lf *File) Close() error {
	if lf.Ledger == nil {
		return errZeroFile
	}
	lf.mu.Lock()
	defer lf.mu.Unlock()
	if lf.f == nil {
		return fmt.Errorf("breach: ledger file: close: %w", ErrClosed)
	}
	f := lf.f
	lf.f = nil
	lf.err = fmt.Errorf("breach: ledger file: %w", ErrClosed)
	syncErr := f.Sync()
	closeErr := f.Close()
	unlockErr := lf.unlock()
	if err := errors.Join(syncErr, closeErr, unlockErr); err != nil {
		return fmt.Errorf("breach: ledger file: close: %w", err)
	}
	return nil
}
