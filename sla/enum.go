package sla

import (
	"fmt"
	"strings"
)

// The text forms of the package's enumerations: the name of each value,
// indexed by value; an empty name is not a value.
var (
	exclusionNames = []string{ExcludeFromMeasured: "exclude", CountAsAvailable: "available"}
	emptyNames     = []string{EmptyGood: "good", EmptyBad: "bad", EmptyExcluded: "excluded"}
	severityNames  = []string{SeverityPage: "page", SeverityTicket: "ticket"}
	minuteNames    = []string{ExactTime: "exact", WholeMinutes: "whole", PartialMinutes: "partial"}
	orderNames     = []string{MinOutageFirst: "min-outage-first", MinutesFirst: "minutes-first"}
)

// enumName returns the name of v, or "Type(n)" for a value that has none.
func enumName[T ~int8](typ string, names []string, v T) string {
	if v >= 0 && int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// marshalEnum returns the name of v; a value without one is an error
// wrapping ErrRange.
func marshalEnum[T ~int8](what string, names []string, v T) ([]byte, error) {
	if v >= 0 && int(v) < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("sla: %s %d: %w", what, v, ErrRange)
}

// unmarshalEnum reads a name into *v; any other text is a *ParseError
// wrapping ErrSyntax that lists the names.
func unmarshalEnum[T ~int8](what string, names []string, text []byte, v *T) error {
	var valid []string
	for i, n := range names {
		if n == "" {
			continue
		}
		if n == string(text) {
			*v = T(i)
			return nil
		}
		valid = append(valid, n)
	}
	return parseError(what, string(text), ErrSyntax, "want %s", strings.Join(valid, " or "))
}

// String returns "exclude" or "available".
func (p ExclusionPolicy) String() string { return enumName("ExclusionPolicy", exclusionNames, p) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a policy.
func (p ExclusionPolicy) MarshalText() ([]byte, error) {
	return marshalEnum("exclusion policy", exclusionNames, p)
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads "exclude"
// or "available"; anything else is a *ParseError wrapping ErrSyntax.
func (p *ExclusionPolicy) UnmarshalText(text []byte) error {
	return unmarshalEnum("exclusion policy", exclusionNames, text, p)
}

// String returns "good", "bad" or "excluded".
func (p EmptyPolicy) String() string { return enumName("EmptyPolicy", emptyNames, p) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a policy.
func (p EmptyPolicy) MarshalText() ([]byte, error) {
	return marshalEnum("empty policy", emptyNames, p)
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads "good",
// "bad" or "excluded"; anything else is a *ParseError wrapping ErrSyntax.
func (p *EmptyPolicy) UnmarshalText(text []byte) error {
	return unmarshalEnum("empty policy", emptyNames, text, p)
}

// String returns "page" or "ticket".
func (s Severity) String() string { return enumName("Severity", severityNames, s) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a severity (the
// zero value is none).
func (s Severity) MarshalText() ([]byte, error) {
	return marshalEnum("severity", severityNames, s)
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads "page" or
// "ticket"; anything else is a *ParseError wrapping ErrSyntax.
func (s *Severity) UnmarshalText(text []byte) error {
	return unmarshalEnum("severity", severityNames, text, s)
}

// String returns "exact", "whole" or "partial".
func (m MinuteRule) String() string { return enumName("MinuteRule", minuteNames, m) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not a minute rule.
func (m MinuteRule) MarshalText() ([]byte, error) {
	return marshalEnum("minute rule", minuteNames, m)
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads "exact",
// "whole" or "partial"; anything else is a *ParseError wrapping
// ErrSyntax.
func (m *MinuteRule) UnmarshalText(text []byte) error {
	return unmarshalEnum("minute rule", minuteNames, text, m)
}

// String returns "min-outage-first" or "minutes-first".
func (o RuleOrder) String() string { return enumName("RuleOrder", orderNames, o) }

// MarshalText implements encoding.TextMarshaler with the form of String;
// it fails, wrapping ErrRange, for a value that is not an order.
func (o RuleOrder) MarshalText() ([]byte, error) {
	return marshalEnum("rule order", orderNames, o)
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads
// "min-outage-first" or "minutes-first"; anything else is a *ParseError
// wrapping ErrSyntax.
func (o *RuleOrder) UnmarshalText(text []byte) error {
	return unmarshalEnum("rule order", orderNames, text, o)
}
