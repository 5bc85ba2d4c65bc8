package breach

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"

	"github.com/slamath/slamath/internal/quote"
)

// lockByFile takes the lock of the ledger at path by creating
// path+".lock" exclusively, naming its owner (process ID and host) in
// it, and releases it by removing that file. It is the fallback where
// the platform offers no file lock to the standard library. Unlike a
// kernel lock it outlives a process that dies holding it: the error then
// names the owner, so that a person can check that it is gone and remove
// the lock file.
func lockByFile(path string) (unlock func() error, err error) {
	name := path + ".lock"
	host, _ := os.Hostname()
	owner := "process " + strconv.Itoa(os.Getpid()) + " on host " + strconv.Quote(host)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		held, _ := os.ReadFile(name)
		return nil, fmt.Errorf("lock file %s held by %s (remove it if that process is gone): %w",
			name, quote.Message(string(bytes.TrimSpace(held))), ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	_, werr := f.WriteString(owner + "\n")
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return nil, fmt.Errorf("lock file %s: %w", name, err)
	}
	return func() error { return os.Remove(name) }, nil
}
