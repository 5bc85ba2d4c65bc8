//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package breach

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockIsPerFile: the lock belongs to the open file, not to its path.
const lockIsPerFile = true

// lockFile takes an exclusive flock(2) on f without waiting. The lock
// belongs to f's open file description: a second os.File on the same
// path, in this process or another, cannot take it while f is open, and
// the kernel drops it when f is closed or its process dies. Readers are
// not affected: flock is advisory.
func lockFile(f *os.File, path string) (unlock func() error, err error) {
	var lockErr error
	ctlErr := control(f, func(fd uintptr) {
		for {
			lockErr = syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB)
			if !errors.Is(lockErr, syscall.EINTR) {
				return
			}
		}
	})
	if ctlErr != nil {
		return nil, ctlErr
	}
	if errors.Is(lockErr, syscall.EWOULDBLOCK) || errors.Is(lockErr, syscall.EAGAIN) {
		return nil, fmt.Errorf("held by another open File, in this process or another: %w", ErrLocked)
	}
	if lockErr != nil {
		return nil, fmt.Errorf("flock: %w", lockErr)
	}
	// Closing f releases the lock.
	return func() error { return nil }, nil
}

// control runs fn with f's descriptor, without switching it to blocking
// mode as f.Fd would.
func control(f *os.File, fn func(fd uintptr)) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	return rc.Control(fn)
}
