package breach

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla/contract"
)

// MaxLine is the longest ledger line, newline included, that a [Ledger]
// writes and [Replay] reads. It bounds what a hostile or damaged file
// can make the reader allocate.
const MaxLine = 1 << 20

// LineError reports a ledger line that cannot be applied: not a valid
// event, empty, or longer than [MaxLine] ([ErrCorrupt]), a duplicate
// record ([ErrDuplicateID]), an event for an unknown record
// ([ErrUnknownID]), or a step in the wrong order. Err says which;
// errors.Is sees through it.
type LineError struct {
	Line   int   // 1-based line number
	Offset int64 // byte offset of the line's start
	Len    int64 // length of the line in bytes, its newline included
	Err    error
}

// Error returns the message, naming the line, its offset and length, and
// the cause; a LineError without a cause (Err nil) is told by the line
// alone.
func (e *LineError) Error() string {
	if e.Err == nil {
		return "breach: ledger " + e.where()
	}
	return "breach: ledger " + e.where() + ": " + e.Err.Error()
}

func (e *LineError) where() string {
	return fmt.Sprintf("line %d (byte offset %d, %d bytes)", e.Line, e.Offset, e.Len)
}

// Unwrap returns Err.
func (e *LineError) Unwrap() error { return e.Err }

// TornError reports a ledger whose final line has no newline: a write
// cut short by a crash, whatever its length — a few bytes of a record,
// or megabytes of zeros that a file system left after a power loss.
// Every line before Offset is complete and was applied; the torn bytes
// were not. It wraps [ErrTorn].
type TornError struct {
	Line   int   // 1-based number of the torn line
	Offset int64 // byte offset where the torn line starts: the length of the intact ledger
	Len    int64 // number of torn bytes
}

// Error returns the message, naming the torn line and its offset.
func (e *TornError) Error() string {
	return "breach: ledger " + e.where() + ": " + ErrTorn.Error()
}

func (e *TornError) where() string {
	return fmt.Sprintf("line %d (byte offset %d): torn final line, %d bytes without a newline", e.Line, e.Offset, e.Len)
}

// Unwrap returns ErrTorn.
func (e *TornError) Unwrap() error { return ErrTorn }

// DamageError lists what a ledger holds besides complete, applicable
// lines: every damaged line and the torn final line, if any. [Recover]
// and a [File] opened with [FileOptions] Recover set these aside and
// keep every record that the other lines rebuild; [OpenFile] without
// Recover refuses a ledger with damaged lines and returns this error,
// so that the first damaged line never hides the ones after it.
//
// errors.As finds each [*LineError] (the first one first) and the
// [*TornError] through it; errors.Is sees their causes.
type DamageError struct {
	Path  string       // the ledger file, or "" for a ledger read from an io.Reader
	Lines []*LineError // the damaged lines, in the order of the ledger
	Torn  *TornError   // the torn final line, or nil
}

// damageListed bounds how many damaged lines Error names; Lines holds
// all of them.
const damageListed = 3

// Error names the first few damaged lines with their offsets, lengths
// and causes, and counts the rest.
func (e *DamageError) Error() string {
	var b strings.Builder
	b.WriteString("breach: ledger")
	if e.Path != "" {
		b.WriteString(" file ")
		b.WriteString(e.Path)
	}
	fmt.Fprintf(&b, ": %d damaged line", len(e.Lines))
	if len(e.Lines) != 1 {
		b.WriteString("s")
	}
	for i, le := range e.Lines[:min(len(e.Lines), damageListed)] {
		sep := "; "
		if i == 0 {
			sep = ": "
		}
		fmt.Fprintf(&b, "%s%s: %v", sep, le.where(), le.Err)
	}
	if more := len(e.Lines) - damageListed; more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	if e.Torn != nil {
		fmt.Fprintf(&b, "; %s", e.Torn.where())
	}
	return b.String()
}

// Unwrap returns each *LineError, then the *TornError if there is one.
func (e *DamageError) Unwrap() []error {
	errs := make([]error, 0, len(e.Lines)+1)
	for _, le := range e.Lines {
		errs = append(errs, le)
	}
	if e.Torn != nil {
		errs = append(errs, e.Torn)
	}
	return errs
}

// spans returns the byte ranges of the damage, in order.
func (e *DamageError) spans() [][2]int64 {
	s := make([][2]int64, 0, len(e.Lines)+1)
	for _, le := range e.Lines {
		s = append(s, [2]int64{le.Offset, le.Len})
	}
	if e.Torn != nil {
		s = append(s, [2]int64{e.Torn.Offset, e.Torn.Len})
	}
	return s
}

// Replay reads a ledger written by a [Ledger] and rebuilds every record,
// in the order they were opened, with every report and resolution
// applied.
//
// A line counts once its newline is written. A final line without one is
// torn, whatever its length: Replay returns every record before it and a
// [*TornError] with its offset. Any other bad line — not a valid event,
// empty, longer than [MaxLine], a duplicate ID, an unknown ID, a step out
// of order — stops the replay with a [*LineError] naming the line; the
// records rebuilt from the lines before it are returned with it, and
// [Recover] reads past it. A read error from r is returned wrapped, with
// the records so far.
func Replay(r io.Reader) ([]Record, error) {
	st := newState()
	err := st.replay(r, true)
	return st.records, err
}

// Recover reads a ledger as [Replay] does but never stops at a damaged
// line: it sets aside every line that cannot be applied, and the torn
// final line, and applies all the others in order. It returns every
// record they rebuild and, when it set anything aside, a [*DamageError]
// naming each such line with its number, offset, length and cause;
// otherwise the error is nil. A line that fails only because an earlier
// one was set aside — the report of a record whose opened line is
// damaged — is set aside too, and listed. A read error from r is
// returned wrapped, with the records so far.
//
// Recover reads; it changes nothing. To repair a ledger file, open it
// with [FileOptions] Recover.
func Recover(r io.Reader) ([]Record, error) {
	st := newState()
	err := st.replay(r, false)
	return st.records, err
}

// state is the set of records a ledger holds, in the order opened.
type state struct {
	index   map[string]int
	records []Record
	end     int64 // bytes read by replay
}

func newState() *state { return &state{index: make(map[string]int)} }

// replay applies the lines of r. With stop, the first damaged line ends
// it with a *LineError, and a torn tail with a *TornError; without, each
// damaged line is set aside and the rest applied, and a *DamageError
// lists what was set aside.
func (st *state) replay(r io.Reader, stop bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		buf    []byte
		offset int64
		dmg    DamageError
	)
	for n := 1; ; n++ {
		l, err := readLine(br, buf[:0])
		if l.text != nil {
			buf = l.text
		}
		if err != nil {
			st.end = offset
			return fmt.Errorf("breach: ledger line %d (byte offset %d): read: %w", n, offset, err)
		}
		if l.size == 0 {
			break
		}
		if !l.complete {
			dmg.Torn = &TornError{Line: n, Offset: offset, Len: l.size}
			offset += l.size
			break
		}
		var cause error
		if l.long {
			cause = fmt.Errorf("%w: longer than %d bytes", ErrCorrupt, MaxLine)
		} else {
			cause = st.applyLine(l.text[:len(l.text)-1])
		}
		if cause != nil {
			le := &LineError{Line: n, Offset: offset, Len: l.size, Err: cause}
			if stop {
				st.end = offset
				return le
			}
			dmg.Lines = append(dmg.Lines, le)
		}
		offset += l.size
	}
	st.end = offset
	switch {
	case stop && dmg.Torn != nil:
		return dmg.Torn
	case dmg.Lines == nil && dmg.Torn == nil:
		return nil
	}
	return &dmg
}

// rawLine is one line as readLine found it.
type rawLine struct {
	text     []byte // the line, newline included; nil when long
	size     int64  // bytes the line spans; 0 at the end of the input
	complete bool   // the line ends in a newline
	long     bool   // the line is longer than MaxLine; its bytes were skipped
}

// readLine reads the next line, appending it to buf. A line longer than
// MaxLine is read to its end and measured, but not kept, so that no line
// makes the reader hold more than MaxLine bytes.
func readLine(br *bufio.Reader, buf []byte) (rawLine, error) {
	var l rawLine
	for {
		frag, err := br.ReadSlice('\n')
		l.size += int64(len(frag))
		if !l.long && len(buf)+len(frag) > MaxLine {
			l.long, buf = true, nil
		}
		if !l.long {
			buf = append(buf, frag...)
		}
		switch {
		case err == nil:
			l.complete = true
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
		default:
			return l, err
		}
		l.text = buf
		return l, nil
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
		return fmt.Errorf("%w: event %s without an id", ErrCorrupt, quote.Text(ev.Event))
	}
	switch ev.Event {
	case evOpened:
		if ev.Record == nil || ev.Reason != "" {
			return fmt.Errorf("%w: opened event %s: want a record and no reason", ErrCorrupt, quote.Text(ev.ID))
		}
		r, err := ev.Record.record()
		if err != nil {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		if r.facts.ID != ev.ID || !r.facts.DetectedAt.Equal(ev.At) {
			return fmt.Errorf("%w: opened event %s: record id %s detected at %s, event at %s",
				ErrCorrupt, quote.Text(ev.ID), quote.Text(r.facts.ID), r.facts.DetectedAt.Format(time.RFC3339Nano), ev.At.Format(time.RFC3339Nano))
		}
		return st.add(r)
	case evReported, evResolved:
		if ev.Record != nil || (ev.Event == evResolved && ev.Reason != "") {
			return fmt.Errorf("%w: %s event %s: unexpected record or reason", ErrCorrupt, ev.Event, quote.Text(ev.ID))
		}
		i, ok := st.index[ev.ID]
		if !ok {
			return fmt.Errorf("%s event %s: %w", ev.Event, quote.Text(ev.ID), ErrUnknownID)
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
	return fmt.Errorf("%w: event %s: want opened, reported or resolved", ErrCorrupt, quote.Text(ev.Event))
}

func (st *state) add(r Record) error {
	if _, dup := st.index[r.facts.ID]; dup {
		return fmt.Errorf("breach: record %s: %w", quote.Text(r.facts.ID), ErrDuplicateID)
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
//
// Build a Ledger with [NewLedger], or a [File] with [OpenFile]. The zero
// Ledger (Ledger{}, new(Ledger)) and a nil *Ledger — the one a zero File
// holds — have no log to append to, and never panic: [Ledger.Open],
// [Ledger.Report] and [Ledger.Resolve] return an error wrapping
// [ErrInvalid] that says to build one with NewLedger, and change
// nothing, while [Ledger.Len], [Ledger.Records], [Ledger.Record] and
// [Ledger.Summarize] answer as for an empty ledger (0, none, not found,
// none). Empty answers are true ones here, since no record was ever
// written to it; any misuse still surfaces at the first change, as an
// error, rather than as a panic in a reader that cannot return one.
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
// that repeats an ID or is the zero Record, and with ErrInvalid for a nil
// w (give io.Discard for a ledger kept in memory only).
func NewLedger(w io.Writer, existing []Record) (*Ledger, error) {
	if w == nil {
		// Every change writes its line first; without a writer the first
		// one would dereference nil.
		return nil, fmt.Errorf("breach: ledger: a nil writer: give io.Discard to keep records in memory only: %w", ErrInvalid)
	}
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

// errZeroLedger is the error of a change to the zero Ledger.
var errZeroLedger = fmt.Errorf("breach: the zero Ledger is not usable: build one with NewLedger, or a File with OpenFile: %w", ErrInvalid)

// isZero reports whether l is nil or the zero Ledger, which no
// constructor built. l.st is set by the constructors only, never changed
// after, so it is read without the lock.
func (l *Ledger) isZero() bool { return l == nil || l.st == nil }

// Open opens a record for f with ob, as [Open] does, and appends its
// opened event. It fails with [ErrDuplicateID] when the ledger holds the
// ID already.
func (l *Ledger) Open(f Facts, ob contract.Obligations) (Record, error) {
	if l.isZero() {
		return Record{}, errZeroLedger
	}
	r, err := Open(f, ob)
	if err != nil {
		return Record{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, dup := l.st.index[r.facts.ID]; dup {
		return Record{}, fmt.Errorf("breach: record %s: %w", quote.Text(r.facts.ID), ErrDuplicateID)
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
	if l.isZero() {
		return Record{}, errZeroLedger
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	i, ok := l.st.index[id]
	if !ok {
		return Record{}, fmt.Errorf("breach: %s record %s: %w", event, quote.Text(id), ErrUnknownID)
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
		return fmt.Errorf("breach: ledger: encode %s event %s: %w", ev.Event, quote.Text(ev.ID), err)
	}
	if l.buf.Len() > MaxLine {
		return fmt.Errorf("breach: ledger: %s event %s: %d bytes, longer than MaxLine (%d): %w",
			ev.Event, quote.Text(ev.ID), l.buf.Len(), MaxLine, ErrInvalid)
	}
	if _, err := l.w.Write(l.buf.Bytes()); err != nil {
		l.err = fmt.Errorf("breach: ledger: write failed, further changes refused: %w: %w", ErrClosed, err)
		return fmt.Errorf("breach: ledger: write %s event %s: %w", ev.Event, quote.Text(ev.ID), err)
	}
	if l.after != nil {
		if err := l.after(); err != nil {
			l.err = fmt.Errorf("breach: ledger: sync failed, further changes refused: %w: %w", ErrClosed, err)
			return fmt.Errorf("breach: ledger: sync after %s event %s: %w", ev.Event, quote.Text(ev.ID), err)
		}
	}
	return nil
}

// Record returns the current state of record id, and whether the ledger
// holds it.
func (l *Ledger) Record(id string) (Record, bool) {
	if l.isZero() {
		return Record{}, false
	}
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
	if l.isZero() {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Record(nil), l.st.records...)
}

// Len returns the number of records in the ledger.
func (l *Ledger) Len() int {
	if l.isZero() {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.st.records)
}
