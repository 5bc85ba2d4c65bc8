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
}

// File is a [Ledger] kept in a file: it appends with O_APPEND and never
// rewrites a byte in place. Opening an existing file replays it and
// appends after it; a new file is created with mode 0644 and its
// directory synced, so that the file itself survives a crash.
//
// A File is safe for concurrent use by many goroutines. One File per
// path: two processes appending to one file are not coordinated.
type File struct {
	*Ledger
	f       *os.File
	every   int
	pending int        // appends since the last sync
	torn    *TornError // the torn tail that blocks appends, if any
}

// OpenFile opens the ledger at path, creating it if it does not exist,
// replays it, and returns a File that appends to it.
//
// A corrupt line fails with its [*LineError] and no File. A torn final
// line (see [Replay]) returns a File holding every record before it,
// together with the [*TornError]: the File reads, but refuses to append
// (errors wrap [ErrTorn]) until [File.TruncateTorn] is called with the
// error's Offset — a crash's leftovers are never dropped silently.
func OpenFile(path string, opts FileOptions) (*File, error) {
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("breach: ledger file: %w", err)
	}
	if created {
		if err := syncDir(filepath.Dir(path)); err != nil {
			f.Close()
			return nil, fmt.Errorf("breach: ledger file %s: sync directory: %w", path, err)
		}
	}
	st := newState()
	replayErr := st.replay(io.NewSectionReader(f, 0, 1<<62))
	var torn *TornError
	if replayErr != nil && !errors.As(replayErr, &torn) {
		f.Close()
		return nil, fmt.Errorf("breach: ledger file %s: %w", path, replayErr)
	}
	lf := &File{Ledger: &Ledger{w: f, st: st}, f: f, every: max(opts.SyncEvery, 1)}
	lf.Ledger.after = lf.afterWrite
	if torn != nil {
		lf.torn = torn
		lf.Ledger.err = fmt.Errorf("breach: ledger file %s: appends refused until TruncateTorn(%d): %w", path, torn.Offset, torn)
		return lf, torn
	}
	return lf, nil
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

// afterWrite runs under the Ledger's lock after each append.
func (lf *File) afterWrite() error {
	lf.pending++
	if lf.pending < lf.every {
		return nil
	}
	lf.pending = 0
	return lf.f.Sync()
}

// TruncateTorn cuts the torn final line reported by [OpenFile] off the
// file and lets appends resume. offset must be the TornError's Offset;
// any other value, or a File without a torn line, is an error and
// changes nothing.
func (lf *File) TruncateTorn(offset int64) error {
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
	if err := lf.f.Truncate(offset); err != nil {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): %w", offset, err)
	}
	if err := lf.f.Sync(); err != nil {
		return fmt.Errorf("breach: ledger file: TruncateTorn(%d): sync: %w", offset, err)
	}
	lf.torn = nil
	lf.err = nil
	return nil
}

// Flush syncs every append so far to stable storage.
func (lf *File) Flush() error {
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

// Close syncs and closes the file. Appends after Close fail with
// [ErrClosed]; the records stay readable.
func (lf *File) Close() error {
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
	if err := errors.Join(syncErr, closeErr); err != nil {
		return fmt.Errorf("breach: ledger file: close: %w", err)
	}
	return nil
}
