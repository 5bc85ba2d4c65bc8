package sla

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/slamath/slamath/internal/quote"
	"github.com/slamath/slamath/internal/wide"
)

// one is the fixed-point value of 1 (100%): a Target counts parts per 10^18.
const one = 1_000_000_000_000_000_000

// Digits a Target holds: 18 fractional digits of ratio, 16 of percent.
const (
	ratioDigits   = 18
	percentDigits = 16
)

// Errors wrapped by a *ParseError, for errors.Is.
var (
	// ErrSyntax: the text is not of the accepted form: not a number, or
	// not one of an enumeration's names.
	ErrSyntax = errors.New("invalid syntax")
	// ErrRange: the value is outside 0% to 100%.
	ErrRange = errors.New("out of range")
	// ErrPrecision: the text has more significant digits than a Target
	// holds; it would have to be rounded, which a Target never does.
	ErrPrecision = errors.New("too many digits")
)

// ParseError is the error for a text that is not a valid value of the
// package: a target, a share, a rational, or the name of an exclusion
// policy, empty-slice policy, severity, minute rule or rule order. It has
// the shape every package of the module uses for texts: What was being
// read, the Input as given, and Err, which says what was wrong and wraps
// ErrSyntax, ErrRange or ErrPrecision. The message quotes the input, or a
// short prefix of a long one (64 bytes in all, then its length).
//
// A ParseError built by hand may leave fields empty: without What it
// names a "value", without Err the message ends after the input, and
// without Err or Input after What, so the zero ParseError reads
// "sla: invalid value".
type ParseError struct {
	What  string // "target", "share", "rational", "exclusion policy", "empty policy", "severity", "minute rule" or "rule order"
	Input string // the text as given
	Err   error  // why it was rejected; wraps ErrSyntax, ErrRange or ErrPrecision
}

func (e *ParseError) Error() string {
	what := e.What
	if what == "" {
		what = "value"
	}
	switch {
	case e.Err != nil:
		return fmt.Sprintf("sla: invalid %s %s: %v", what, quote.Text(e.Input), e.Err)
	case e.Input != "":
		return fmt.Sprintf("sla: invalid %s %s", what, quote.Text(e.Input))
	}
	return "sla: invalid " + what
}

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

// reason is the Err of a ParseError: a message for people that wraps a
// sentinel, whose text it does not repeat.
type reason struct {
	why  string
	kind error
}

func (r *reason) Error() string { return r.why }
func (r *reason) Unwrap() error { return r.kind }

func parseError(what, input string, kind error, format string, args ...any) *ParseError {
	return &ParseError{What: what, Input: input, Err: &reason{why: fmt.Sprintf(format, args...), kind: kind}}
}

// Target is an exact fraction in [0, 1], written as a percentage
// ("99.95%") or a ratio ("0.9995"). It is mostly an availability
// objective; the package also uses it for other exact percentages, such
// as a credit (a share of the bill) or an error-ratio threshold.
//
// A Target holds 18 fractional digits of ratio (16 of percent) exactly,
// so that "99.95%" and "0.9995" are the same value, == compares values,
// and String is canonical. The zero value is 0%. Target is a plain value,
// safe for concurrent use.
type Target struct {
	ppe uint64 // parts per 10^18, at most one
}

// ParseTarget parses a percentage ("99.95%", "100%", "0%") or a ratio
// ("0.9995", "1"). A number without "%" is a ratio and must lie in
// [0, 1], so "99.95" is rejected rather than guessed at. Signs,
// exponents, spaces and more significant fractional digits than a Target
// holds (16 of percent, 18 of ratio) are rejected: a Target never rounds.
// Errors are *ParseError; for a text not of the form, the message names
// what stands where (as a 0-based byte offset) and then the form wanted:
// "a space at byte 5, before %; want digits, …".
func ParseTarget(s string) (Target, error) {
	v, err := parseFixed("target", s)
	return Target{ppe: v}, err
}

// parseFixed parses the text of an exact fraction in [0, 1], a
// percentage or a ratio, into parts per 10^18; what names the value in
// errors.
func parseFixed(what, s string) (uint64, error) {
	fail := func(err error, format string, args ...any) (uint64, error) {
		return 0, parseError(what, s, err, format, args...)
	}
	if s == "" {
		return fail(ErrSyntax, "%s", "empty; "+wantFixed)
	}
	body, percent := strings.CutSuffix(s, "%")
	digits := ratioDigits
	if percent {
		digits = percentDigits
	}
	if body == "" {
		return fail(ErrSyntax, "%s", "no number before %; "+wantFixed)
	}
	if body[0] == '-' && len(body) > 1 && body[1] >= '0' && body[1] <= '9' {
		return fail(ErrRange, "negative; a %s is between 0%% and 100%%", what)
	}
	intPart, fracPart, hasDot := strings.Cut(body, ".")
	if intPart == "" || !allDigits(intPart) || hasDot && (fracPart == "" || !allDigits(fracPart)) {
		return fail(ErrSyntax, "%s", syntaxFault(s, false)+"; "+wantFixed)
	}
	intPart = strings.TrimLeft(intPart, "0")
	fracPart = strings.TrimRight(fracPart, "0")
	if len(fracPart) > digits {
		form := "ratio"
		if percent {
			form = "percent"
		}
		return fail(ErrPrecision, "more than %d fractional digits; a %s holds %d digits of %s exactly and never rounds",
			digits, what, digits, form)
	}
	// Any value with more than three integer digits is out of range for
	// both forms; the check also keeps the arithmetic below from overflow.
	if len(intPart) > 3 {
		return 0, outOfRange(what, s, percent)
	}
	var whole, frac uint64
	if intPart != "" {
		whole, _ = strconv.ParseUint(intPart, 10, 64)
	}
	if fracPart != "" {
		frac, _ = strconv.ParseUint(fracPart, 10, 64)
		frac *= pow10[digits-len(fracPart)]
	}
	v := whole*pow10[digits] + frac
	if v > one {
		return 0, outOfRange(what, s, percent)
	}
	return v, nil
}

func outOfRange(what, s string, percent bool) error {
	reason := "above 100%"
	if !percent {
		reason = fmt.Sprintf("a number without %% is a ratio and must be in [0, 1]; for a percentage write %s", quote.Text(s+"%"))
	}
	return parseError(what, s, ErrRange, "%s", reason)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// MustTarget is like ParseTarget but panics on error. It is meant for
// constants written in code, such as MustTarget("99.95%").
func MustTarget(s string) Target {
	t, err := ParseTarget(s)
	if err != nil {
		panic(err)
	}
	return t
}

// String returns the percentage form with as few fractional digits as
// the value needs: "99.95%", "100%", "0%". Whichever form was parsed,
// equal targets print the same.
func (t Target) String() string { return formatPPE(t.ppe) }

// formatPPE returns parts per 10^18 as a percentage with as few
// fractional digits as the value needs.
func formatPPE(ppe uint64) string {
	whole := ppe / pow10[percentDigits]
	frac := ppe % pow10[percentDigits]
	if frac == 0 {
		return strconv.FormatUint(whole, 10) + "%"
	}
	f := fmt.Sprintf("%016d", frac)
	return strconv.FormatUint(whole, 10) + "." + strings.TrimRight(f, "0") + "%"
}

// MarshalText implements encoding.TextMarshaler with the form of String.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseTarget.
func (t *Target) UnmarshalText(text []byte) error {
	v, err := ParseTarget(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Cmp compares two targets: -1 if t < u, 0 if equal, +1 if t > u.
func (t Target) Cmp(u Target) int {
	switch {
	case t.ppe < u.ppe:
		return -1
	case t.ppe > u.ppe:
		return 1
	}
	return 0
}

// Complement returns 1 − t: the error budget as a fraction (0.05% for a
// 99.95% target).
func (t Target) Complement() Target { return Target{ppe: one - t.ppe} }

// Rational returns the exact value of t as a Rational.
func (t Target) Rational() Rational { return ratOf(t.ppe, one) }

// Float64 returns t as a ratio in [0, 1], for display only: it is not
// exact and must not decide anything.
func (t Target) Float64() float64 { return float64(t.ppe) / one }

// Allowance returns the downtime allowed in d of measured time, d × (1 −
// t), exact and rounded down to the nanosecond, so that downtime up to
// and including the allowance meets the target. A zero or negative d
// allows nothing. It does not allocate and cannot overflow: the result
// is never more than d.
func (t Target) Allowance(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return time.Duration(mulDivOne(uint64(d), one-t.ppe))
}

// EventAllowance returns the number of bad events allowed out of total,
// total × (1 − t) rounded down: up to that many bad events meet the
// target.
func (t Target) EventAllowance(total uint64) uint64 {
	return mulDivOne(total, one-t.ppe)
}

// mulDivOne returns floor(x × f / 10^18) for f ≤ 10^18, which always
// fits in 64 bits.
func mulDivOne(x, f uint64) uint64 {
	q, _ := wide.MulDiv(x, f, one)
	return q
}
