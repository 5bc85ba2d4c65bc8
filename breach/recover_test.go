package breach

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// sampleLedger returns the bytes of a ledger written by writeSample with
// n records, and the records.
func sampleLedger(t testing.TB, n int) ([]byte, []Record) {
	t.Helper()
	var buf bytes.Buffer
	l, err := NewLedger(&buf, nil)
	require.NoError(t, err)
	writeSample(t, l, n)
	return buf.Bytes(), l.Records()
}

// TestZeroTailIsTorn: a power loss can leave a file longer than what was
// written, the rest zeros, without a newline. 2 MiB of that — twice
// MaxLine — is a torn tail, not a corrupt line: Replay keeps every
// record, OpenFile returns the File, TruncateTorn or Recover clears it.
func TestZeroTailIsTorn(t *testing.T) {
	intact, want := sampleLedger(t, 12)
	zeros := make([]byte, 2<<20)
	data := append(append([]byte(nil), intact...), zeros...)
	wantTorn := TornError{Line: bytes.Count(intact, []byte("\n")) + 1, Offset: int64(len(intact)), Len: int64(len(zeros))}

	recs, err := Replay(bytes.NewReader(data))
	var torn *TornError
	require.ErrorAs(t, err, &torn)
	if diff := cmp.Diff(wantTorn, *torn); diff != "" {
		t.Errorf("Replay: TornError (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, recs); diff != "" {
		t.Errorf("Replay: records (-want +got):\n%s", diff)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	lf, err := OpenFile(path, FileOptions{})
	require.ErrorAs(t, err, &torn)
	require.NotNil(t, lf, "OpenFile returns the File with a torn tail")
	if diff := cmp.Diff(want, lf.Records()); diff != "" {
		t.Errorf("OpenFile: records (-want +got):\n%s", diff)
	}
	require.NoError(t, lf.TruncateTorn(torn.Offset))
	require.NoError(t, lf.Close())
	if got := fileSize(t, path); got != int64(len(intact)) {
		t.Errorf("size after TruncateTorn = %d, want %d", got, len(intact))
	}

	// The same with Recover, keeping the zeros in a side file.
	require.NoError(t, os.WriteFile(path, data, 0o644))
	side := filepath.Join(dir, "set-aside")
	lf, err = OpenFile(path, FileOptions{Recover: true, SetAside: side})
	var dmg *DamageError
	require.ErrorAs(t, err, &dmg)
	require.NotNil(t, lf)
	if len(dmg.Lines) != 0 || dmg.Torn == nil || *dmg.Torn != wantTorn {
		t.Errorf("Recover: DamageError{Lines %v, Torn %+v}, want only the torn tail %+v", dmg.Lines, dmg.Torn, wantTorn)
	}
	_, err = lf.Open(availabilityFacts("after-power-loss"), wallDay)
	require.NoError(t, err, "a recovered File appends")
	want = lf.Records()
	require.NoError(t, lf.Close())
	checkLedgerFile(t, path, want)
	entries := readSideFile(t, side)
	require.Len(t, entries, 1)
	if e := entries[0]; !e.Torn || e.Offset != wantTorn.Offset || !bytes.Equal(e.data, zeros) {
		t.Errorf("side file entry: torn %v offset %d, %d bytes; want the torn zeros at %d", e.Torn, e.Offset, len(e.data), wantTorn.Offset)
	}
}

// TestLongDamagedLine: a line longer than MaxLine with a newline is
// damaged, not torn, and costs no record after it.
func TestLongDamagedLine(t *testing.T) {
	intact, want := sampleLedger(t, 6)
	long := append(bytes.Repeat([]byte{0}, 3*MaxLine/2), '\n')
	data := append(append([]byte(nil), intact...), long...)
	more, _ := sampleLedger(t, 0)
	r := mustOpen(t, availabilityFacts("after-the-long-line"), wallDay)
	data = append(append(data, more...), line(t, openedEvent(r))+"\n"...)
	want = append(want, r)

	recs, err := Recover(bytes.NewReader(data))
	var dmg *DamageError
	require.ErrorAs(t, err, &dmg)
	wantLine := &LineError{Line: bytes.Count(intact, []byte("\n")) + 1, Offset: int64(len(intact)), Len: int64(len(long))}
	require.Len(t, dmg.Lines, 1)
	if got := dmg.Lines[0]; got.Line != wantLine.Line || got.Offset != wantLine.Offset || got.Len != wantLine.Len || !errors.Is(got, ErrCorrupt) {
		t.Errorf("damaged line %+v, want %+v wrapping ErrCorrupt", got, wantLine)
	}
	if diff := cmp.Diff(want, recs); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

// damagedMiddle is a ledger of 10 records whose fourth line is followed
// by four damaged lines — not JSON, empty, a repeated key, a duplicate
// record — with complete records after them.
type damagedMiddle struct {
	data    []byte
	want    []Record // every record the complete lines hold
	damage  []damage // what should be set aside
	wantErr []error  // the cause of each damaged line
}

type damage struct {
	line        int
	offset, len int64
	text        string
}

func newDamagedMiddle(t testing.TB) damagedMiddle {
	t.Helper()
	good, want := sampleLedger(t, 10)
	lines := strings.SplitAfter(string(good), "\n")
	lines = lines[:len(lines)-1] // the empty string after the last newline
	require.Greater(t, len(lines), 6)
	first := lines[0]
	require.Contains(t, first, `"id":"b-0"`)
	bad := []string{
		"{not json}\n",
		"\n",
		strings.Replace(first, `"id":"b-0"`, `"id":"b-0","id":"b-0"`, 1),
		first, // b-0 opened again
	}
	var m damagedMiddle
	var out []string
	offset := int64(0)
	for i, l := range lines {
		out = append(out, l)
		offset += int64(len(l))
		if i == 3 {
			for _, b := range bad {
				m.damage = append(m.damage, damage{line: len(out) + 1, offset: offset, len: int64(len(b)), text: b})
				out = append(out, b)
				offset += int64(len(b))
			}
		}
	}
	m.data = []byte(strings.Join(out, ""))
	m.want = want
	m.wantErr = []error{ErrCorrupt, ErrCorrupt, ErrCorrupt, ErrDuplicateID}
	return m
}

func (m damagedMiddle) check(t *testing.T, err error) *DamageError {
	t.Helper()
	var dmg *DamageError
	require.ErrorAs(t, err, &dmg)
	require.Len(t, dmg.Lines, len(m.damage), "%v", err)
	for i, le := range dmg.Lines {
		d := m.damage[i]
		if le.Line != d.line || le.Offset != d.offset || le.Len != d.len || !errors.Is(le, m.wantErr[i]) {
			t.Errorf("damaged line %d: {Line %d, Offset %d, Len %d, %v}, want {%d, %d, %d, %v}",
				i, le.Line, le.Offset, le.Len, le.Err, d.line, d.offset, d.len, m.wantErr[i])
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("line %d (byte offset %d, %d bytes)", d.line, d.offset, d.len)) && i < damageListed {
			t.Errorf("error text does not name line %d with its offset and length: %v", d.line, err)
		}
	}
	if dmg.Torn != nil {
		t.Errorf("unexpected torn line %+v", dmg.Torn)
	}
	return dmg
}

// TestRecoverDamagedMiddle: Replay stops at the first damaged line;
// Recover sets every damaged line aside, reports each, and keeps every
// record, including those after the damage.
func TestRecoverDamagedMiddle(t *testing.T) {
	m := newDamagedMiddle(t)
	partial, err := Replay(bytes.NewReader(m.data))
	var le *LineError
	require.ErrorAs(t, err, &le)
	if le.Line != m.damage[0].line || len(partial) >= len(m.want) {
		t.Errorf("Replay stopped at line %d with %d records; want line %d and fewer than %d", le.Line, len(partial), m.damage[0].line, len(m.want))
	}

	recs, err := Recover(bytes.NewReader(m.data))
	dmg := m.check(t, err)
	if diff := cmp.Diff(m.want, recs); diff != "" {
		t.Errorf("Recover: records (-want +got):\n%s", diff)
	}
	if !errors.Is(dmg, ErrDuplicateID) {
		t.Errorf("errors.Is(%v, ErrDuplicateID) = false", dmg)
	}
	for _, want := range []string{"empty line", `duplicate key "id"`, "and 1 more"} {
		if !strings.Contains(dmg.Error(), want) {
			t.Errorf("Recover error does not say %q: %v", want, dmg)
		}
	}
	if strings.Contains(dmg.Error(), "EOF") {
		t.Errorf("an empty line is reported as EOF: %v", dmg)
	}
}

// TestOpenFileDamagedMiddle: the default OpenFile refuses the damaged
// ledger, names every damaged line, and changes nothing; Recover opens
// it, keeps every record, sets the damage aside to the side file byte
// for byte, and leaves a ledger that the default OpenFile accepts.
func TestOpenFileDamagedMiddle(t *testing.T) {
	m := newDamagedMiddle(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, m.data, 0o644))

	lf, err := OpenFile(path, FileOptions{})
	if lf != nil {
		t.Fatal("OpenFile returned a File for a damaged ledger")
	}
	m.check(t, err)
	for _, want := range []string{path, "FileOptions.Recover", fmt.Sprintf("keep the %d complete records", len(m.want))} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say %q: %v", want, err)
		}
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, m.data, got, "a refused OpenFile changed the file")
	// The refusal released the lock.
	if _, err := OpenFile(path, FileOptions{}); errors.Is(err, ErrLocked) {
		t.Fatalf("a refused OpenFile kept the lock: %v", err)
	}

	side := filepath.Join(dir, "breaches.damaged")
	lf, err = OpenFile(path, FileOptions{Recover: true, SetAside: side})
	require.NotNil(t, lf, "OpenFile with Recover: %v", err)
	m.check(t, err)
	if diff := cmp.Diff(m.want, lf.Records()); diff != "" {
		t.Errorf("recovered records (-want +got):\n%s", diff)
	}
	// The repaired ledger is still locked, and appends.
	if _, err := OpenFile(path, FileOptions{}); !errors.Is(err, ErrLocked) {
		t.Errorf("OpenFile of a recovered, open ledger: %v, want ErrLocked", err)
	}
	_, err = lf.Open(availabilityFacts("after-recovery"), wallDay)
	require.NoError(t, err)
	want := lf.Records()
	require.NoError(t, lf.Close())
	checkLedgerFile(t, path, want)
	if left, err := filepath.Glob(path + ".recovering*"); err != nil || len(left) > 0 {
		t.Errorf("temporary files left behind: %v %v", left, err)
	}

	entries := readSideFile(t, side)
	require.Len(t, entries, len(m.damage))
	for i, e := range entries {
		d := m.damage[i]
		if e.Ledger != path || e.Line != d.line || e.Offset != d.offset || e.Len != d.len || e.Torn || string(e.data) != d.text || e.Cause == "" {
			t.Errorf("side file entry %d: %+v %q, want line %d at %d, %d bytes %q", i, e.setAsideHeader, e.data, d.line, d.offset, d.len, d.text)
		}
	}
}

func TestOpenFileSetAsideIsTheLedger(t *testing.T) {
	m := newDamagedMiddle(t)
	path := filepath.Join(t.TempDir(), "breaches.jsonl")
	require.NoError(t, os.WriteFile(path, m.data, 0o644))
	lf, err := OpenFile(path, FileOptions{Recover: true, SetAside: path})
	if lf != nil || !errors.Is(err, ErrInvalid) {
		t.Errorf("OpenFile with the ledger as its own side file = %v, %v; want ErrInvalid", lf, err)
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, m.data, got, "the ledger changed")
}

// checkLedgerFile opens the ledger at path with the default options and
// compares its records.
func checkLedgerFile(t *testing.T, path string, want []Record) {
	t.Helper()
	lf, err := OpenFile(path, FileOptions{})
	require.NoError(t, err, "OpenFile of the repaired ledger")
	defer lf.Close()
	if diff := cmp.Diff(want, lf.Records()); diff != "" {
		t.Errorf("records of %s (-want +got):\n%s", path, diff)
	}
}

type sideEntry struct {
	setAsideHeader
	data []byte
}

// readSideFile parses a side file as FileOptions.SetAside describes it.
func readSideFile(t *testing.T, name string) []sideEntry {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	br := bufio.NewReader(f)
	var entries []sideEntry
	for {
		header, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return entries
		}
		require.NoError(t, err)
		var e sideEntry
		dec := json.NewDecoder(bytes.NewReader(header))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&e.setAsideHeader), "header %q", header)
		e.data = make([]byte, e.Len)
		_, err = io.ReadFull(br, e.data)
		require.NoError(t, err)
		if e.Torn {
			nl, err := br.ReadByte()
			require.NoError(t, err)
			require.Equal(t, byte('\n'), nl)
		}
		entries = append(entries, e)
	}
}

func TestDamageErrorText(t *testing.T) {
	le := func(n int, off, l int64, err error) *LineError {
		return &LineError{Line: n, Offset: off, Len: l, Err: err}
	}
	tests := []struct {
		name string
		err  *DamageError
		want string
	}{
		{"one line", &DamageError{Lines: []*LineError{le(2, 10, 3, ErrCorrupt)}},
			"breach: ledger: 1 damaged line: line 2 (byte offset 10, 3 bytes): corrupt ledger line"},
		{"torn only, in a file", &DamageError{Path: "x.jsonl", Torn: &TornError{Line: 4, Offset: 30, Len: 7}},
			"breach: ledger file x.jsonl: 0 damaged lines; line 4 (byte offset 30): torn final line, 7 bytes without a newline"},
		{"more than listed", &DamageError{Lines: []*LineError{le(1, 0, 1, ErrCorrupt), le(2, 1, 1, ErrCorrupt), le(3, 2, 1, ErrCorrupt), le(4, 3, 1, ErrCorrupt), le(5, 4, 1, ErrCorrupt)}},
			"breach: ledger: 5 damaged lines: line 1 (byte offset 0, 1 bytes): corrupt ledger line; line 2 (byte offset 1, 1 bytes): corrupt ledger line; line 3 (byte offset 2, 1 bytes): corrupt ledger line; and 2 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}
