//go:build windows

package breach

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

var procLockFileEx = syscall.NewLazyDLL("kernel32.dll").NewProc("LockFileEx")

const (
	lockfileFailImmediately = 0x1 // LOCKFILE_FAIL_IMMEDIATELY
	lockfileExclusiveLock   = 0x2 // LOCKFILE_EXCLUSIVE_LOCK
	errorLockViolation      = syscall.Errno(33)
)

// lockIsPerFile: the lock belongs to the open file, not to its path.
const lockIsPerFile = true

// lockFile takes an exclusive LockFileEx lock on f without waiting. The
// lock belongs to f's handle: a second handle on the same path, in this
// process or another, cannot take it while f is open, and Windows drops
// it when the handle is closed or its process ends.
//
// Windows byte-range locks are mandatory, so the lock covers one byte
// far past any ledger's end (offset 2^63−2), where no read or append
// ever reaches: readers replaying the file are not blocked.
func lockFile(f *os.File, path string) (unlock func() error, err error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var lockErr error
	ctlErr := rc.Control(func(fd uintptr) {
		ol := syscall.Overlapped{Offset: 0xFFFFFFFE, OffsetHigh: 0x7FFFFFFF}
		r, _, e := procLockFileEx.Call(fd, lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
		if r == 0 {
			lockErr = e
		}
	})
	if ctlErr != nil {
		return nil, ctlErr
	}
	if errors.Is(lockErr, errorLockViolation) || errors.Is(lockErr, syscall.ERROR_IO_PENDING) {
		return nil, fmt.Errorf("held by another open File, in this process or another: %w", ErrLocked)
	}
	if lockErr != nil {
		return nil, fmt.Errorf("LockFileEx: %w", lockErr)
	}
	// Closing the handle releases the lock.
	return func() error { return nil }, nil
}
