package breach

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/slamath/slamath/sla/contract"
)

// MaxLine is the longest ledger line, newline included, that a [Ledger]
// writes and [Replay] reads. It bounds what a hostile or damaged file
// can make the reader allocate.
const MaxLine = 1 << 20

// LineError reports a ledger line that cannot be applied: not a valid
// event ([ErrCorrupt]), a duplicate record ([ErrDuplicateID]), an event
// for an unknown record ([ErrUnknownID]), or a step in the wrong order.
// Err says which; errors.Is sees through it.
type LineError struct {
	Line   int   // 1-based line number
	Offset int64 // byte offset of the line's start
	Err    error
}

// Error returns the message, naming the line and its offset.
func (e *LineError) Error() string {
	return fmt.Sprintf("breach: ledger line %d (byte offset %d): %v", e.Line, e.Offset, e.Err)
}

// Unwrap returns Err.
func (e *LineError) Unwrap() error { return e.Err }

// TornError reports a ledger whose final line has no newline: a write
// cut short by a crash. Every line before Offset is complete and was
// applied; the torn bytes were not. It wraps [ErrTorn].
type TornError struct {
	Line   int   // 1-based number of the torn line
	Offset int64 // byte offset where the torn line starts: the length of the intact ledger
	Len    int64 // number of torn bytes
}

// Error returns the message, naming the torn line and its offset.
func (e *TornError) Error() string {
	return fmt.Sprintf("breach: ledger line %d (byte offset %d): torn final line, %d bytes without a newline: %v",
		e.Line, e.Offset, e.Len, ErrTorn)
}

// Unwrap returns ErrTorn.
func (e *TornError) Unwrap() error { return ErrTorn }

// Replay reads a ledger written by a [Ledger] and rebuilds every record,
// in the order they were opened, with every report and resolution
// applied.
//
// A line counts once its newline is written. A final line without one is
// torn: Replay returns every record before it and a [*TornError] with its
// offset. Any other bad line — not a valid event, longer than [MaxLine],
// a duplicate ID, an unknown ID, a step out of order — stops the replay
// with a [*LineError] naming the line; the records rebuilt from the lines
// before it are returned with it. A read error from r is returned
// wrapped, with the records so far.
func Replay(r io.Reader) ([]Record, error) {
	st := newState()
	err := st.replay(r)
	return st.records, err
}

// state is the set of records a ledger holds, in the order opened.
type state struct {
	index   map[string]int
	records []Record
}

func newState() *state { return &state{index: make(map[string]int)} }

func (st *state) replay(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		line   []byte
		offset int64
	)
	for n := 1; ; n++ {
		var complete bool
		var err error
		line, complete, err = readLine(br, line[:0])
		switch {
		case errors.Is(err, errLineTooLong):
			return &LineError{Line: n, Offset: offset, Err: fmt.Errorf("%w: longer than %d bytes", ErrCorrupt, MaxLine)}
		case err != nil:
			return fmt.Errorf("breach: ledger line %d (byte offset %d): read: %w", n, offset, err)
		case !complete && len(line) == 0:
			return nil
		case !complete:
			return &TornError{Line: n, Offset: offset, Len: int64(len(line))}
		}
		if err := st.applyLine(line[:len(line)-1]); err != nil {
			return &LineError{Line: n, Offset: offset, Err: err}
		}
		offset += int64(len(line))
	}
}

var errLineTooLong = errors.New("line too long")

// readLine appends the next line, newline included, to buf. complete is
// false at the end of the input, when the line (possibly empty) has no
// newline. A line longer than MaxLine fails with errLineTooLong.
func readLine(br *bufio.Reader, buf []byte) (line []byte, complete bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if len(buf)+len(frag) > MaxLine {
			return buf, false, errLineTooLong
		}
		buf = append(buf, frag...)
		switch {
		case err == nil:
			return buf, true, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return buf, false, nil
		default:
			return buf, false, err
		}
	}
}

func (st *state) applyLine(line []byte) error {
	ev, err := decodeEvent(line)
	if err != nil {
		return err
	}
	return st.apply(ev)
}

// apply checks ev against the state and applies it.
func (st *state) apply(ev eventJSON) error {
	if ev.ID == "" {
		return fmt.Errorf("%w: event %q without an id", ErrCorrupt, ev.Event)
	}
	switch ev.Event {
	case evOpened:
		if ev.Record == nil || ev.Reason != "" {
			return fmt.Errorf("%w: opened event %q: want a record and no reason", ErrCorrupt, ev.ID)
		}
		r, err := ev.Record.record()
		if err != nil {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		if r.facts.ID != ev.ID || !r.facts.DetectedAt.Equal(ev.At) {
			return fmt.Errorf("%w: opened event %q: record id %q detected at %s, event at %s",
				ErrCorrupt, ev.ID, r.facts.ID, r.facts.DetectedAt.Format(time.RFC3339Nano), ev.At.Format(time.RFC3339Nano))
		}
		return st.add(r)
	case evReported, evResolved:
		if ev.Record != nil || (ev.Event == evResolved && ev.Reason != "") {
			return fmt.Errorf("%w: %s event %q: unexpected record or reason", ErrCorrupt, ev.Event, ev.ID)
		}
		i, ok := st.index[ev.ID]
		if !ok {
			return fmt.Errorf("%s event %q: %w", ev.Event, ev.ID, ErrUnknownID)
		}
		var r Record
		var err error
		if ev.Event == evReported {
			r, err = st.records[i].Report(ev.Reason, ev.At)
		} else {
			r, err = st.records[i].Resolve(ev.At)
		}
		if err != nil {
			return err
		}
		st.records[i] = r
		return nil
	}
	return fmt.Errorf("%w: event %q: want opened, reported or resolved", ErrCorrupt, ev.Event)
}

func (st *state) add(r Record) error {
	if _, dup := st.index[r.facts.ID]; dup {
		return fmt.Errorf("breach: record %q: %w", r.facts.ID, ErrDuplicateID)
	}
	st.index[r.facts.ID] = len(st.records)
	st.records = append(st.records, r)
	return nil
}

// Ledger is an append-only log of breach records, written as JSON Lines
// to an io.Writer, that also keeps the current state of every record.
//
// Each change — [Ledger.Open], [Ledger.Report], [Ledger.Resolve] — is
// checked against that state, written as one complete line in one Write
// call, and only then applied: a change the log does not hold is not in
// the state. If a Write (or, for a [File], a sync) fails, the log may end
// in a torn or unsynced line, so the Ledger refuses every later change
// with an error wrapping [ErrClosed]; replay the log to recover.
//
// A Ledger is safe for concurrent use by many goroutines; changes are
// written in the order they take its lock. One Ledger per log: two
// writers to the same log interleave unchecked.
type Ledger struct {
	mu    sync.Mutex
	w     io.Writer
	st    *state
	buf   bytes.Buffer
	err   error        // why changes are refused, if they are
	after func() error // run under mu after each write; a File's sync
}

// NewLedger returns a Ledger that appends to w and starts from existing,
// the records already in the log (as returned by [Replay]), or none. It
// fails with [ErrDuplicateID] or [ErrInvalid] for an existing record
// that repeats an ID or is the zero Record.
func NewLedger(w io.Writer, existing []Record) (*Ledger, error) {
	st := newState()
	for _, r := range existing {
		if r.facts.ID == "" {
			return nil, fmt.Errorf("breach: ledger: zero Record among existing records: %w", ErrInvalid)
		}
		if err := st.add(r); err != nil {
			return nil, err
		}
	}
	return &Ledger{w: w, st: st}, nil
}

// Open opens a record for f with ob, as [Open] does, and appends its
// opened event. It fails with [ErrDuplicateID] when the ledger holds the
// ID already.
func (l *Ledger) Open(f Facts, ob contract.Obligations) (Record, error) {
	r, err := Open(f, ob)
	if err != nil {
		return Record{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, dup := l.st.index[r.facts.ID]; dup {
		return Record{}, fmt.Errorf("breach: record %q: %w", r.facts.ID, ErrDuplicateID)
	}
	if err := l.write(openedEvent(r)); err != nil {
		return Record{}, err
	}
	l.st.index[r.facts.ID] = len(l.st.records)
	l.st.records = append(l.st.records, r)
	return r, nil
}

// Report reports record id with reason at at, as [Record.Report] does,
// appends the event, and returns the updated record. It fails with
// [ErrUnknownID] for an ID the ledger does not hold.
func (l *Ledger) Report(id, reason string, at time.Time) (Record, error) {
	return l.change(id, evReported, func(r Record) (Record, error) { return r.Report(reason, at) })
}

// Resolve resolves record id at at, as [Record.Resolve] does, appends the
// event, and returns the updated record. It fails with [ErrUnknownID] for
// an ID the ledger does not hold.
func (l *Ledger) Resolve(id string, at time.Time) (Record, error) {
	return l.change(id, evResolved, func(r Record) (Record, error) { return r.Resolve(at) })
}

func (l *Ledger) change(id, event string, step func(Record) (Record, error)) (Record, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	i, ok := l.st.index[id]
	if !ok {
		return Record{}, fmt.Errorf("breach: %s record %q: %w", event, id, ErrUnknownID)
	}
	r, err := step(l.st.records[i])
	if err != nil {
		return Record{}, err
	}
	ev := eventJSON{Event: event, ID: id}
	if event == evReported {
		ev.At, ev.Reason = r.reportedAt, r.reason
	} else {
		ev.At = r.resolvedAt
	}
	if err := l.write(ev); err != nil {
		return Record{}, err
	}
	l.st.records[i] = r
	return r, nil
}

// write encodes ev as one line and writes it; the caller holds l.mu.
func (l *Ledger) write(ev eventJSON) error {
	if l.err != nil {
		return l.err
	}
	l.buf.Reset()
	if err := encodeEvent(&l.buf, ev); err != nil {
		return fmt.Errorf("breach: ledger: encode %s event %q: %w", ev.Event, ev.ID, err)
	}
	if l.buf.Len() > MaxLine {
		return fmt.Errorf("breach: ledger: %s event %q: %d bytes, longer than MaxLine (%d): %w",
			ev.Event, ev.ID, l.buf.Len(), MaxLine, ErrInvalid)
	}
	if _, err := l.w.Write(l.buf.Bytes()); err != nil {
		l.err = fmt.Errorf("breach: ledger: write failed, further changes refused: %w: %w", ErrClosed, err)
		return fmt.Errorf("breach: ledger: write %s event %q: %w", ev.Event, ev.ID, err)
	}
	if l.after != nil {
		if err := l.after(); err != nil {
			l.err = fmt.Errorf("breach: ledger: sync failed, further changes refused: %w: %w", ErrClosed, err)
			return fmt.Errorf("breach: ledger: sync after %s event %q: %w", ev.Event, ev.ID, err)
		}
	}
	return nil
}

// Record returns the current state of record id, and whether the ledger
// holds it.
func (l *Ledger) Record(id string) (Record, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	i, ok := l.st.index[id]
	if !ok {
		return Record{}, false
	}
	return l.st.records[i], true
}

// Records returns every record in the ledger, in the order opened, as a
// new slice.
func (l *Ledger) Records() []Record {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Record(nil), l.st.records...)
}

// Len returns the number of records in the ledger.
func (l *Ledger) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.st.records)
}
