package breach

import "errors"

// Sentinel errors, for errors.Is. Errors returned by the package wrap one
// of them and name the record, field or line concerned.
var (
	// ErrInvalid: a field of a record, an obligation or an event is
	// missing or out of range, or a [Ledger] or [File] is the zero value,
	// which no constructor built.
	ErrInvalid = errors.New("invalid")
	// ErrNoReason: a breach was reported without a reason.
	ErrNoReason = errors.New("no reason given")
	// ErrAlreadyReported: a breach was reported twice.
	ErrAlreadyReported = errors.New("already reported")
	// ErrNotReported: a breach was resolved before it was reported.
	ErrNotReported = errors.New("not reported yet")
	// ErrAlreadyResolved: a breach was resolved twice.
	ErrAlreadyResolved = errors.New("already resolved")
	// ErrBackdated: a transition is dated before the one it follows
	// (a report before detection, a resolution before the report).
	ErrBackdated = errors.New("dated before the previous event")
	// ErrDuplicateID: a record was opened with an ID already in the
	// ledger.
	ErrDuplicateID = errors.New("duplicate record ID")
	// ErrUnknownID: an event names a record the ledger has not opened.
	ErrUnknownID = errors.New("unknown record ID")
	// ErrCorrupt: a ledger line is not a valid event.
	ErrCorrupt = errors.New("corrupt ledger line")
	// ErrTorn: the ledger ends in a torn line; see [TornError].
	ErrTorn = errors.New("torn final line")
	// ErrClosed: the ledger was closed, or failed and refuses further
	// appends.
	ErrClosed = errors.New("ledger closed")
	// ErrLocked: a ledger file is already open for appending, by
	// another [File] in this process or in another process.
	ErrLocked = errors.New("ledger file locked by another writer")
)
