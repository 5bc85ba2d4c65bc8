package breach

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/slamath/slamath/internal/jsonkey"
	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// The JSON Lines form of the ledger. Each line is one event:
//
//	{"event":"opened","id":"…","at":"<detected>","record":{…}}
//	{"event":"reported","id":"…","at":"…","reason":"…"}
//	{"event":"resolved","id":"…","at":"…"}
//
// Instants are RFC 3339 in UTC, durations Go duration strings, targets
// and credits percentages. Unknown fields are rejected: the ledger is
// written by this package only, and a field it does not know is damage.

const (
	evOpened   = "opened"
	evReported = "reported"
	evResolved = "resolved"
)

type eventJSON struct {
	Event  string      `json:"event"`
	ID     string      `json:"id"`
	At     time.Time   `json:"at"`
	Reason string      `json:"reason,omitempty"`
	Record *recordJSON `json:"record,omitempty"`
}

type recordJSON struct {
	ID             string           `json:"id"`
	Kind           Kind             `json:"kind"`
	Term           string           `json:"term"`
	Segment        string           `json:"segment,omitempty"`
	Period         *window.Interval `json:"period,omitempty"`
	Target         *sla.Target      `json:"target,omitempty"`
	Measured       *ratioJSON       `json:"measured,omitempty"`
	TargetDuration jsonDuration     `json:"target_duration,omitempty"`
	Elapsed        jsonDuration     `json:"elapsed,omitempty"`
	Shortfall      jsonDuration     `json:"shortfall,omitempty"`
	OccurredAt     time.Time        `json:"occurred_at"`
	DetectedAt     time.Time        `json:"detected_at"`
	Credit         sla.Share        `json:"credit"`
	ReportDue      time.Time        `json:"report_due"`
	ResolveDue     time.Time        `json:"resolve_due"`
}

type ratioJSON struct {
	Good  uint64 `json:"good"`
	Total uint64 `json:"total"`
}

// jsonDuration is a time.Duration written as a Go duration string.
type jsonDuration time.Duration

func (d jsonDuration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *jsonDuration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = jsonDuration(v)
	return nil
}

func openedEvent(r Record) eventJSON {
	f := r.facts
	rj := &recordJSON{
		ID: f.ID, Kind: f.Kind, Term: f.Term, Segment: f.Segment,
		TargetDuration: jsonDuration(f.TargetDuration),
		Elapsed:        jsonDuration(f.Elapsed),
		Shortfall:      jsonDuration(f.Shortfall),
		OccurredAt:     f.OccurredAt, DetectedAt: f.DetectedAt,
		Credit: f.Credit, ReportDue: r.reportDue, ResolveDue: r.resolveDue,
	}
	if !f.Period.IsZero() {
		p := f.Period
		rj.Period = &p
	}
	if f.Kind == Availability {
		t := f.Target
		rj.Target = &t
		rj.Measured = &ratioJSON{Good: f.Measured.Good(), Total: f.Measured.Total()}
	}
	return eventJSON{Event: evOpened, ID: f.ID, At: f.DetectedAt, Record: rj}
}

// record rebuilds an open Record from its JSON form, checking it as Open
// does.
func (rj *recordJSON) record() (Record, error) {
	f := Facts{
		ID: rj.ID, Kind: rj.Kind, Term: rj.Term, Segment: rj.Segment,
		TargetDuration: time.Duration(rj.TargetDuration),
		Elapsed:        time.Duration(rj.Elapsed),
		Shortfall:      time.Duration(rj.Shortfall),
		OccurredAt:     rj.OccurredAt, DetectedAt: rj.DetectedAt,
		Credit: rj.Credit,
	}
	if rj.Period != nil {
		if rj.Period.IsZero() {
			return Record{}, fmt.Errorf("record %s: period: zero interval written: %w", quote.Text(rj.ID), ErrInvalid)
		}
		f.Period = *rj.Period
	}
	if (rj.Target != nil) != (rj.Measured != nil) {
		return Record{}, fmt.Errorf("record %s: target and measured: want both or neither: %w", quote.Text(rj.ID), ErrInvalid)
	}
	if rj.Target != nil {
		m, err := sla.NewRatio(rj.Measured.Good, rj.Measured.Total)
		if err != nil {
			return Record{}, fmt.Errorf("record %s: measured: %w: %w", quote.Text(rj.ID), err, ErrInvalid)
		}
		f.Target, f.Measured = *rj.Target, m
	}
	f, err := f.normalize()
	if err != nil {
		return Record{}, err
	}
	r := Record{facts: f, reportDue: rj.ReportDue.UTC(), resolveDue: rj.ResolveDue.UTC()}
	for _, d := range [...]struct {
		name string
		t    time.Time
	}{{"report_due", r.reportDue}, {"resolve_due", r.resolveDue}} {
		if err := checkInstant(d.t); err != nil {
			return Record{}, fmt.Errorf("record %s: %s %v: %v: %w", quote.Text(f.ID), d.name, d.t, err, ErrInvalid)
		}
		if d.t.Before(f.DetectedAt) {
			return Record{}, fmt.Errorf("record %s: %s %s: before detected_at %s: %w",
				quote.Text(f.ID), d.name, d.t.Format(time.RFC3339Nano), f.DetectedAt.Format(time.RFC3339Nano), ErrInvalid)
		}
	}
	return r, nil
}

// decodeEvent parses one line (without its newline) strictly: one JSON
// object, known fields only, no key twice in an object.
func decodeEvent(line []byte) (eventJSON, error) {
	var ev eventJSON
	if len(bytes.TrimSpace(line)) == 0 {
		return ev, fmt.Errorf("%w: empty line", ErrCorrupt)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ev); err != nil {
		return eventJSON{}, fmt.Errorf("%w: %s", ErrCorrupt, quote.Message(err.Error()))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return eventJSON{}, fmt.Errorf("%w: data after the event", ErrCorrupt)
	}
	// encoding/json lets the last of two equal keys win; in a ledger
	// line a repeated key is damage, whichever copy is right. Every
	// object of a line is a struct, so keys compare as struct fields do.
	if d, dup := jsonkey.Find(line, jsonkey.Fold); dup {
		return eventJSON{}, fmt.Errorf("%w: duplicate key %s", ErrCorrupt, quote.Text(d.Path))
	}
	ev.At = ev.At.UTC()
	return ev, nil
}

// encodeEvent appends ev and a newline to buf.
func encodeEvent(buf *bytes.Buffer, ev eventJSON) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc.Encode(ev)
}
