//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package breach

import "os"

// lockIsPerFile: the lock belongs to the path, not to the open file.
const lockIsPerFile = false

// lockFile uses a lock file beside the ledger on platforms without flock
// or LockFileEx; see lockByFile.
func lockFile(f *os.File, path string) (unlock func() error, err error) {
	return lockByFile(path)
}
