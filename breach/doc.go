// Package breach keeps breach records: what level of a service agreement
// was missed, by how much, when, what it costs in credit, and the
// obligations it brings — report the breach with a reason, and resolve
// it, each within a time frame counted from its detection in business or
// wall time.
//
// # Records
//
// A [Record] is opened by [Open] from plain [Facts] (the term and
// segment, the period, the target and the measured value, the shortfall,
// when the breach happened and when it was detected, the credit) and the
// contract's [contract.Obligations], which fix the report and resolution
// due instants. Two
// kinds of breach exist: [Availability] (a measured ratio below a target
// over a period) and [Response] (a ticket's elapsed time strictly above
// its target duration). Detection is never back-dated: deadlines run
// from DetectedAt, which is kept beside OccurredAt.
//
// [FromReport] turns a contract evaluation ([contract.Contract.Evaluate])
// into Facts: one per missed availability segment and one per ticket
// clock cycle that breached within the report's period, [Start, End),
// with IDs derived from what was missed so that evaluating the same
// period twice cannot open the same breach twice in a ledger, and the
// reports of consecutive periods give a breach of a ticket carried from
// one into the next only once.
//
// The obligations are package contract's type, not one of this
// package's: a contract states them, and this package imports contract,
// never the other way round, so the one type lives below, in contract.
//
// # Lifecycle
//
// A record goes from open to reported ([Record.Report], which needs a
// reason) to resolved ([Record.Resolve]); any other order, or a repeated
// step, is an error. [Record.Status] tells the state at an instant: open,
// reported, resolved, report overdue or resolution overdue. A due
// instant is met by anything done at or before it; the obligation is
// overdue only strictly after it.
//
// # Ledger
//
// A [Ledger] appends record events — opened, reported, resolved — as
// JSON Lines to an io.Writer, one complete line per write, from any
// number of goroutines. [Replay] reads such a log back and rebuilds every
// record, rejecting duplicate IDs, events for unknown records, steps in
// the wrong order and corrupt lines — not JSON, empty, with a key
// written twice, longer than [MaxLine] — naming the line, its byte
// offset and length, and the cause. A torn final line, left by a crash
// in mid-write, is reported as a [*TornError] with its byte offset, while
// every record before it is returned; it is torn whatever its length, so
// that megabytes of zeros left by a power loss are torn too.
//
// # Files, locks and recovery
//
// [OpenFile] keeps a ledger in a file, synced to disk on every append or
// in batches; nothing is ever rewritten in place. A [File] holds an
// exclusive lock on its file while it is open, so a second writer — a
// second OpenFile in this process or in another — is refused with
// [ErrLocked], while readers still replay the file.
//
// A damaged line never costs the records after it. OpenFile refuses a
// ledger with damaged lines, returning a [*DamageError] that names every
// one of them; [Recover] reads past them and returns every record the
// complete lines hold, listing what it set aside; and [FileOptions]
// Recover repairs the file under its lock — the damaged lines go, byte
// for byte, to a side file if one is named, the rest is kept, and
// appends resume. No input — a damaged file, a hostile line — makes the
// package panic, hang, or hold more than [MaxLine] bytes of one line.
//
// # Summaries
//
// [Summarize] counts, per term and period, the breaches, the open and
// overdue obligations at an instant, and the credit owed: the largest of
// the period's credits, since credits of one period do not add up.
//
// For example, a breach of a 99.9% monthly term detected on Friday 30
// October 2026 at 16:00 with a report due within 4 business hours is
// opened with [Open] and Obligations whose Calendar is the provider's
// business calendar; its report is due on Monday, and [Record.Status]
// reports "report overdue" from the next nanosecond after that instant
// until [Record.Report] is called with a reason.
package breach
