package breach

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/window"
)

// Kind says which sort of level was missed, and so which measured fields
// a [Record] holds.
type Kind uint8

const (
	// Availability is a missed availability level: a measured ratio below
	// a target over a period. Such a record holds Target, Measured and a
	// Shortfall in time.
	Availability Kind = iota + 1
	// Response is a missed response or resolution time on a ticket: an
	// elapsed time strictly greater than a target duration. Such a record
	// holds TargetDuration, Elapsed and their difference as Shortfall.
	Response
)

// String returns "availability" or "response", or "Kind(n)" for any other
// value.
func (k Kind) String() string {
	switch k {
	case Availability:
		return "availability"
	case Response:
		return "response"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler]; it fails for a Kind
// other than Availability and Response.
func (k Kind) MarshalText() ([]byte, error) {
	if k != Availability && k != Response {
		return nil, fmt.Errorf("breach: kind %d: %w", uint8(k), ErrInvalid)
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts
// "availability" and "response".
func (k *Kind) UnmarshalText(text []byte) error {
	switch string(text) {
	case "availability":
		*k = Availability
	case "response":
		*k = Response
	default:
		return fmt.Errorf("breach: kind %s: want availability or response: %w", quote.Text(string(text)), ErrInvalid)
	}
	return nil
}

// Facts are what was missed: the plain fields a breach is opened from.
// Adapters fill them from a contract evaluation (availability) or from a
// response clock (tickets).
//
// Facts is a plain value, safe for concurrent use.
type Facts struct {
	// ID names the record; it must be unique within a ledger. Any
	// non-empty UTF-8 text.
	ID string
	// Kind is Availability or Response.
	Kind Kind
	// Term and Segment name the contract term and, for a term with
	// several segments, the segment that was missed. Term is required.
	Term, Segment string
	// Period is the period that was measured, for availability; for a
	// response breach, the reporting period the ticket counts in. It is
	// either the zero Interval or a non-empty one within the years of the
	// window package (see "Years" in its doc): its End may be the end of
	// year 9999 in any zone. Its Start may not be the zero time.Time,
	// 0001-01-01T00:00:00Z, which reads as no period.
	Period window.Interval

	// Target and Measured hold an availability breach: Measured is
	// strictly below Target. Both are zero for a response breach.
	Target   sla.Target
	Measured sla.Ratio

	// TargetDuration and Elapsed hold a response breach: Elapsed is
	// strictly greater than TargetDuration. Both are zero for an
	// availability breach.
	TargetDuration, Elapsed time.Duration

	// Shortfall is how far the level was missed. For availability it is
	// the downtime beyond the allowance (zero when the level is counted
	// in events rather than time). For a response breach it is
	// Elapsed − TargetDuration; leave it zero and Open fills it in.
	Shortfall time.Duration

	// OccurredAt is when the breach happened; DetectedAt when it was
	// detected, which is never before OccurredAt. Obligations run from
	// DetectedAt: a breach found late is not back-dated.
	OccurredAt, DetectedAt time.Time

	// Credit is the service credit owed for the breach, an exact share
	// of the bill.
	Credit sla.Share
}

// Record is a breach and the obligations it brought: the facts of what
// was missed, the instants by which it must be reported and resolved,
// and, once they happen, the reason given and the instants it was
// reported and resolved.
//
// A Record is made by [Open] and changed only by [Record.Report] and
// [Record.Resolve], which return a new Record. All its instants are in
// UTC without a monotonic reading, so == and [Record.Equal] compare
// values. The zero value is not a valid record. Record is immutable and
// safe for concurrent use.
type Record struct {
	facts      Facts
	reportDue  time.Time
	resolveDue time.Time
	reason     string
	reportedAt time.Time
	resolvedAt time.Time
}

// Open returns a new open Record for f, with its report and resolution
// due instants computed by ob from f.DetectedAt ([contract.Obligations.Due]):
// in wall time, or in the business time of ob.Calendar. Due instants past
// the largest instant a ledger can hold (the end of year 9999) stop
// there. It fails, wrapping [ErrInvalid], when a field of f or ob is
// invalid; the error names the field and its value, and also wraps the
// contract's error for a negative duration of ob.
func Open(f Facts, ob contract.Obligations) (Record, error) {
	f, err := f.normalize()
	if err != nil {
		return Record{}, err
	}
	reportDue, resolveDue, err := ob.Due(f.DetectedAt)
	if err != nil {
		return Record{}, fmt.Errorf("breach: record %s: %w: %w", quote.Text(f.ID), ErrInvalid, err)
	}
	last := lastInstant()
	return Record{facts: f, reportDue: earlier(reportDue, last), resolveDue: earlier(resolveDue, last)}, nil
}

// lastInstant returns the latest instant RFC 3339, and so the ledger,
// can write.
func lastInstant() time.Time { return time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC) }

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// normalize checks f and returns it with instants in UTC and a response
// shortfall filled in.
func (f Facts) normalize() (Facts, error) {
	bad := func(field string, value any, why string) (Facts, error) {
		return Facts{}, fmt.Errorf("breach: record %s: %s %v: %s: %w", quote.Text(f.ID), field, value, why, ErrInvalid)
	}
	if f.ID == "" || !utf8.ValidString(f.ID) {
		return bad("ID", quote.Text(f.ID), "want non-empty UTF-8 text")
	}
	if f.Term == "" || !utf8.ValidString(f.Term) {
		return bad("Term", quote.Text(f.Term), "want non-empty UTF-8 text")
	}
	if !utf8.ValidString(f.Segment) {
		return bad("Segment", quote.Text(f.Segment), "want UTF-8 text")
	}
	if !f.Period.IsZero() {
		if !f.Period.End.After(f.Period.Start) {
			return bad("Period", f.Period, "want End after Start, or the zero Interval")
		}
		if err := checkInstant(f.Period.Start); err != nil {
			return bad("Period.Start", f.Period.Start, err.Error())
		}
		// The End of a period may be the end of year 9999 in any zone, as
		// window's rule of years allows; the ledger writes the period in
		// window's text form, so window decides.
		if err := f.Period.CheckYears(); err != nil {
			return Facts{}, fmt.Errorf("breach: record %s: Period.End %v: %w: %w", quote.Text(f.ID), f.Period.End, ErrInvalid, err)
		}
		f.Period = window.Between(f.Period.Start.UTC(), f.Period.End.UTC())
	}
	switch f.Kind {
	case Availability:
		if f.Measured.Met(f.Target) {
			return bad("Measured", f.Measured.Percent(6), "meets Target "+f.Target.String()+", not a breach")
		}
		if f.TargetDuration != 0 || f.Elapsed != 0 {
			return bad("TargetDuration/Elapsed", f.TargetDuration.String()+"/"+f.Elapsed.String(), "want zero for an availability breach")
		}
		if f.Shortfall < 0 {
			return bad("Shortfall", f.Shortfall, "want zero or more")
		}
	case Response:
		if f.TargetDuration < 0 {
			return bad("TargetDuration", f.TargetDuration, "want zero or more")
		}
		if f.Elapsed <= f.TargetDuration {
			return bad("Elapsed", f.Elapsed, "not more than TargetDuration "+f.TargetDuration.String()+", not a breach")
		}
		if f.Target != (sla.Target{}) || f.Measured != (sla.Ratio{}) {
			return bad("Target/Measured", f.Target.String()+"/"+f.Measured.String(), "want zero for a response breach")
		}
		// Elapsed > TargetDuration ≥ 0, so the difference cannot overflow.
		d := f.Elapsed - f.TargetDuration
		if f.Shortfall != 0 && f.Shortfall != d {
			return bad("Shortfall", f.Shortfall, "want Elapsed − TargetDuration = "+d.String())
		}
		f.Shortfall = d
	default:
		return bad("Kind", f.Kind, "want availability or response")
	}
	if err := checkInstant(f.OccurredAt); err != nil {
		return bad("OccurredAt", f.OccurredAt, err.Error())
	}
	if err := checkInstant(f.DetectedAt); err != nil {
		return bad("DetectedAt", f.DetectedAt, err.Error())
	}
	if f.DetectedAt.Before(f.OccurredAt) {
		return bad("DetectedAt", f.DetectedAt, "before OccurredAt "+f.OccurredAt.String())
	}
	f.OccurredAt = f.OccurredAt.UTC()
	f.DetectedAt = f.DetectedAt.UTC()
	return f, nil
}

// checkInstant rejects the zero time and instants outside the years 1
// to 9999 in UTC, the instants of window's rule of years, which the
// ledger writes in UTC.
func checkInstant(t time.Time) error {
	if t.IsZero() {
		return errors.New("want a non-zero instant")
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("year %d in UTC is outside years 1-9999", y)
	}
	return nil
}

// Facts returns what was missed, as given to [Open] (instants in UTC, a
// response shortfall filled in).
func (r Record) Facts() Facts { return r.facts }

// ID returns the record's ID.
func (r Record) ID() string { return r.facts.ID }

// ReportDue returns the instant by which the breach must be reported.
func (r Record) ReportDue() time.Time { return r.reportDue }

// ResolveDue returns the instant by which the breach must be resolved.
func (r Record) ResolveDue() time.Time { return r.resolveDue }

// Reason returns the reason given when the breach was reported, or "".
func (r Record) Reason() string { return r.reason }

// ReportedAt returns when the breach was reported, or the zero time.
func (r Record) ReportedAt() time.Time { return r.reportedAt }

// ResolvedAt returns when the breach was resolved, or the zero time.
func (r Record) ResolvedAt() time.Time { return r.resolvedAt }

// IsReported reports whether the breach has been reported.
func (r Record) IsReported() bool { return !r.reportedAt.IsZero() }

// IsResolved reports whether the breach has been resolved.
func (r Record) IsResolved() bool { return !r.resolvedAt.IsZero() }

// Equal reports whether r and s are the same record in the same state.
func (r Record) Equal(s Record) bool { return r == s }
