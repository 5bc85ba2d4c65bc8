package breach

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slamath/slamath/internal/quote"
)

// Status is the state of a breach's obligations at an instant.
type Status uint8

const (
	// StatusOpen: detected, not reported, and the report is not overdue.
	StatusOpen Status = iota + 1
	// StatusReported: reported, not resolved, and the resolution is not
	// overdue.
	StatusReported
	// StatusResolved: resolved (whether on time or late).
	StatusResolved
	// StatusReportOverdue: not reported, and past the report due instant.
	StatusReportOverdue
	// StatusResolutionOverdue: not resolved, and past the resolution due
	// instant, whether or not it was reported.
	StatusResolutionOverdue
)

// String returns "open", "reported", "resolved", "report overdue" or
// "resolution overdue", or "Status(n)" for any other value.
func (s Status) String() string {
	switch s {
	case StatusOpen:
		return "open"
	case StatusReported:
		return "reported"
	case StatusResolved:
		return "resolved"
	case StatusReportOverdue:
		return "report overdue"
	case StatusResolutionOverdue:
		return "resolution overdue"
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Status returns the state of r at instant at, as it was known then: a
// report or resolution dated after at has not happened yet.
//
// A due instant is met by anything done at or before it. At the due
// instant itself an obligation is not yet overdue; it is overdue from the
// next instant on (one nanosecond later) — as a level is breached only
// when strictly exceeded. When both deadlines have passed, resolution
// overdue wins over report overdue. Before its detection a breach is
// reported as StatusOpen.
func (r Record) Status(at time.Time) Status {
	reported := !r.reportedAt.IsZero() && !r.reportedAt.After(at)
	resolved := !r.resolvedAt.IsZero() && !r.resolvedAt.After(at)
	switch {
	case resolved:
		return StatusResolved
	case at.After(r.resolveDue):
		return StatusResolutionOverdue
	case !reported && at.After(r.reportDue):
		return StatusReportOverdue
	case reported:
		return StatusReported
	}
	return StatusOpen
}

// ReportOverdue reports whether the report obligation is overdue at at:
// not reported by at, and at is after the report due instant.
func (r Record) ReportOverdue(at time.Time) bool {
	reported := !r.reportedAt.IsZero() && !r.reportedAt.After(at)
	return !reported && at.After(r.reportDue)
}

// ResolutionOverdue reports whether the resolution obligation is overdue
// at at: not resolved by at, and at is after the resolution due instant.
func (r Record) ResolutionOverdue(at time.Time) bool {
	resolved := !r.resolvedAt.IsZero() && !r.resolvedAt.After(at)
	return !resolved && at.After(r.resolveDue)
}

// ReportedLate reports whether the breach was reported after its report
// due instant.
func (r Record) ReportedLate() bool {
	return r.IsReported() && r.reportedAt.After(r.reportDue)
}

// ResolvedLate reports whether the breach was resolved after its
// resolution due instant.
func (r Record) ResolvedLate() bool {
	return r.IsResolved() && r.resolvedAt.After(r.resolveDue)
}

// Report returns r reported at at with the given reason. The reason must
// hold more than white space ([ErrNoReason]) and be UTF-8; it is kept as
// given. Reporting twice fails with [ErrAlreadyReported], and a report
// dated before detection with [ErrBackdated]. A late report is accepted;
// [Record.ReportedLate] tells.
func (r Record) Report(reason string, at time.Time) (Record, error) {
	fail := func(format string, args ...any) (Record, error) {
		return Record{}, fmt.Errorf("breach: record %s: report: "+format, append([]any{quote.Text(r.facts.ID)}, args...)...)
	}
	switch {
	case r.facts.ID == "":
		return fail("zero Record: %w", ErrInvalid)
	case r.IsReported():
		return fail("reported at %s: %w", r.reportedAt.Format(time.RFC3339Nano), ErrAlreadyReported)
	case strings.TrimSpace(reason) == "":
		return fail("reason %s: %w", quote.Text(reason), ErrNoReason)
	case !utf8.ValidString(reason):
		return fail("reason %s: want UTF-8 text: %w", quote.Text(reason), ErrInvalid)
	}
	if err := checkInstant(at); err != nil {
		return fail("at %v: %v: %w", at, err, ErrInvalid)
	}
	if at.Before(r.facts.DetectedAt) {
		return fail("at %s, detected at %s: %w", at.UTC().Format(time.RFC3339Nano), r.facts.DetectedAt.Format(time.RFC3339Nano), ErrBackdated)
	}
	r.reason = reason
	r.reportedAt = at.UTC()
	return r, nil
}

// Resolve returns r resolved at at. A breach is resolved only after it
// was reported ([ErrNotReported]), once ([ErrAlreadyResolved]), and not
// before its report ([ErrBackdated]). A late resolution is accepted;
// [Record.ResolvedLate] tells.
func (r Record) Resolve(at time.Time) (Record, error) {
	fail := func(format string, args ...any) (Record, error) {
		return Record{}, fmt.Errorf("breach: record %s: resolve: "+format, append([]any{quote.Text(r.facts.ID)}, args...)...)
	}
	switch {
	case r.facts.ID == "":
		return fail("zero Record: %w", ErrInvalid)
	case r.IsResolved():
		return fail("resolved at %s: %w", r.resolvedAt.Format(time.RFC3339Nano), ErrAlreadyResolved)
	case !r.IsReported():
		return fail("%w", ErrNotReported)
	}
	if err := checkInstant(at); err != nil {
		return fail("at %v: %v: %w", at, err, ErrInvalid)
	}
	if at.Before(r.reportedAt) {
		return fail("at %s, reported at %s: %w", at.UTC().Format(time.RFC3339Nano), r.reportedAt.Format(time.RFC3339Nano), ErrBackdated)
	}
	r.resolvedAt = at.UTC()
	return r, nil
}
