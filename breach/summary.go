package breach

import (
	"cmp"
	"math/big"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/window"
)

// Summary counts the breaches of one term in one period, as known at an
// instant.
//
// Summary is a plain value, safe for concurrent use.
type Summary struct {
	Term   string
	Period window.Interval
	// Breaches is the number of records detected at or before the
	// instant.
	Breaches int
	// Unreported and Unresolved count the open obligations: breaches not
	// yet reported, and not yet resolved, at the instant.
	Unreported, Unresolved int
	// ReportOverdue and ResolutionOverdue count the obligations overdue
	// at the instant (see [Record.Status] for when a due instant is
	// passed).
	ReportOverdue, ResolutionOverdue int
	// Credit is the total credit of the breaches, exactly.
	Credit CreditSum
}

// Summarize returns one Summary per term and period among records, as
// known at at: records detected after at are left out, and reports and
// resolutions dated after at have not happened yet. Summaries are
// ordered by term, then period start, then period end.
func Summarize(records []Record, at time.Time) []Summary {
	type key struct {
		term       string
		start, end time.Time
	}
	index := make(map[key]int)
	var out []Summary
	for _, r := range records {
		f := r.facts
		if f.ID == "" || f.DetectedAt.After(at) {
			continue
		}
		k := key{f.Term, f.Period.Start, f.Period.End}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Summary{Term: f.Term, Period: f.Period})
		}
		s := &out[i]
		s.Breaches++
		if r.reportedAt.IsZero() || r.reportedAt.After(at) {
			s.Unreported++
		}
		if r.resolvedAt.IsZero() || r.resolvedAt.After(at) {
			s.Unresolved++
		}
		if r.ReportOverdue(at) {
			s.ReportOverdue++
		}
		if r.ResolutionOverdue(at) {
			s.ResolutionOverdue++
		}
		s.Credit = s.Credit.Add(f.Credit)
	}
	slices.SortFunc(out, func(a, b Summary) int {
		return cmp.Or(
			strings.Compare(a.Term, b.Term),
			a.Period.Start.Compare(b.Period.Start),
			a.Period.End.Compare(b.Period.End))
	})
	return out
}

// Summarize returns the summaries of the ledger's records at at; see
// [Summarize].
func (l *Ledger) Summarize(at time.Time) []Summary {
	return Summarize(l.Records(), at)
}

// CreditSum is an exact sum of credits. Each credit is a share of the
// bill in [0, 100%]; their sum may pass 100%, which is why it is not an
// sla.Target. It holds parts per 10^18 in 128 bits, enough for more
// credits than a program can hold. The zero value is 0%. CreditSum is a
// plain value, safe for concurrent use; == compares values.
type CreditSum struct {
	hi, lo uint64
}

// e18 is 10^18, a Target's denominator.
const e18 = 1_000_000_000_000_000_000

// Add returns c + t.
func (c CreditSum) Add(t sla.Target) CreditSum {
	k := targetParts(t)
	lo, carry := bits.Add64(c.lo, k, 0)
	return CreditSum{hi: c.hi + carry, lo: lo}
}

// targetParts returns t in parts per 10^18, exactly: a Target holds 18
// fractional digits of ratio, so its reduced denominator divides 10^18.
func targetParts(t sla.Target) uint64 {
	r := t.Rational()
	k := new(big.Int).Mul(r.Num(), big.NewInt(e18))
	return k.Quo(k, r.Den()).Uint64()
}

// big returns c as a big.Int of parts per 10^18.
func (c CreditSum) big() *big.Int {
	x := new(big.Int).SetUint64(c.hi)
	x.Lsh(x, 64)
	return x.Or(x, new(big.Int).SetUint64(c.lo))
}

// Cmp compares c with the single credit t: -1 if c < t, 0 if equal, +1
// if c > t.
func (c CreditSum) Cmp(t sla.Target) int {
	if c.hi != 0 {
		return 1
	}
	return cmp.Compare(c.lo, targetParts(t))
}

// Capped returns c, or 100% if c is more: the most a bill can be
// credited.
func (c CreditSum) Capped() sla.Target {
	full := sla.MustTarget("100%")
	if c.Cmp(full) >= 0 {
		return full
	}
	t, err := sla.ParseTarget(c.String())
	if err != nil {
		// Unreachable: a sum below 100% with at most 16 fractional
		// digits of percent is a valid Target.
		panic("breach: CreditSum.Capped: " + err.Error())
	}
	return t
}

// IsZero reports whether c is 0%.
func (c CreditSum) IsZero() bool { return c == CreditSum{} }

// String returns c as an exact percentage with as few fractional digits
// as it needs: "10%", "110%", "12.5%".
func (c CreditSum) String() string {
	// Percent = parts / 10^16: write the integer, then insert the point.
	s := c.big().String()
	if len(s) <= 16 {
		s = strings.Repeat("0", 17-len(s)) + s
	}
	whole, frac := s[:len(s)-16], strings.TrimRight(s[len(s)-16:], "0")
	if frac == "" {
		return whole + "%"
	}
	return whole + "." + frac + "%"
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [CreditSum.String].
func (c CreditSum) MarshalText() ([]byte, error) { return []byte(c.String()), nil }
