package contract_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
)

// TestParseErrors: invalid contract documents, each one edit of the seed
// contract (testdata/seed-contract.json, whose line numbers the comments
// use). Every error is a *FieldError that wraps ErrContract and the
// sentinel of its kind, whatever package found it, and names the exact
// path with indexes and the line of the field.
func TestParseErrors(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	tests := []struct {
		name     string
		old, new string // the edit: the first old becomes new
		path     string
		line     int
		sentinel error
		text     string // part of the message
	}{
		{"target above 100%", `"target": "99%"`, `"target": "101%"`,
			"terms[0].segments[1].target", 16, sla.ErrRange, "above 100%"},
		{"bare number target", `"target": "99.5%"`, `"target": "99.5"`,
			"terms[0].segments[0].target", 15, sla.ErrRange, "a number without % is a ratio"},
		{"target with more digits than held", `"target": "99.5%"`, `"target": "99.12345678901234567%"`,
			"terms[0].segments[0].target", 15, sla.ErrPrecision, "more than 16 fractional digits"},
		{"target written as a number", `"target": "99.5%"`, `"target": 99.5`,
			"terms[0].segments[0].target", 15, contract.ErrType, `got a number, want a target as text, such as "99.5%"`},
		{"segment without a name", `"name": "business hours"`, `"name": ""`,
			"terms[0].segments[0].name", 15, contract.ErrMissing, "a segment needs a name"},
		{"duplicate segment names", `"name": "other times"`, `"name": "business hours"`,
			"terms[0].segments[1].name", 16, contract.ErrDuplicateName, `"business hours" is also the name of segments[0]`},
		{"unknown calendar", `"during": "business"`, `"during": "office"`,
			"terms[0].segments[0].during", 15, contract.ErrUnknownName, `no calendar named "office"`},
		{"both during and outside", `"during": "business",`, `"during": "business", "outside": "business",`,
			"terms[0].segments[0]", 15, contract.ErrConflict, "not both"},
		{"unknown field in a segment", `"during": "business",`, `"during": "business", "colour": "blue",`,
			"terms[0].segments[0].colour", 15, contract.ErrUnknownField, `unknown field "colour"`},
		{"key given twice", `"target": "99.5%"`, `"target": "99.5%", "target": "99%"`,
			"terms[0].segments[0].target", 15, contract.ErrDuplicateKey, `"target" is given twice`},
		// encoding/json matches a key to a field whatever its case, so
		// "Target" would silently replace "target"; keys are exact, so it
		// is a field the segment does not have.
		{"key given twice in another case", `"target": "99.5%"`, `"target": "99.5%", "Target": "99%"`,
			"terms[0].segments[0].Target", 15, contract.ErrUnknownField, `unknown field "Target"; keys are exact: want "target"`},
		{"overlapping tiers of a segment", `{"below": "98%", "credit": "10%"}`, `{"below": "98.5%", "credit": "10%"}`,
			"terms[0].segments[1].credits[1]", 19, sla.ErrTierOverlap, "tiers overlap"},
		{"exclusion written as an object", `"kind": "availability",`,
			`"kind": "availability", "exclusions": ["2026-03-07T02:00:00Z/2026-03-07T04:00:00Z", {"start": "2026-03-08T02:00:00Z", "end": "2026-03-08T03:00:00Z"}],`,
			"terms[0].exclusions[1]", 13, contract.ErrType, `got an object, want "start/end" text, such as "2026-03-07T02:00:00Z/2026-03-07T04:00:00Z"`},
		{"exclusion ending before it starts", `"kind": "availability",`,
			`"kind": "availability", "exclusions": ["2026-03-07T04:00:00Z/2026-03-07T02:00:00Z"],`,
			"terms[0].exclusions[0]", 13, contract.ErrSyntax, `window: invalid interval "2026-03-07T04:00:00Z/2026-03-07T02:00:00Z"`},
		{"unknown exclusion policy", `"kind": "availability",`, `"kind": "availability", "exclusion": "ignore",`,
			"terms[0].exclusion", 13, sla.ErrSyntax, `want exclude or available`},
		{"unknown kind", `"kind": "response"`, `"kind": "latency"`,
			"terms[1].kind", 25, contract.ErrUnknownName, `"latency": want "availability" or "response"`},
		{"missing kind, reported on the line of its term", `"kind": "response",`, ``,
			"terms[1].kind", 23, contract.ErrMissing, `want "availability" or "response"`},
		{"duplicate term names", `"name": "tickets"`, `"name": "availability"`,
			"terms[1].name", 24, contract.ErrDuplicateName, "also the name of terms[0]"},
		{"segments on a response term", `"calendar": "business",`, `"calendar": "business", "segments": [{"name": "x", "target": "1%"}],`,
			"terms[1]", 23, contract.ErrConflict, "no segments"},
		{"unknown calendar of a response term", `"calendar": "business",`, `"calendar": "helpdesk",`,
			"terms[1].calendar", 26, contract.ErrUnknownName, `no calendar named "helpdesk"`},
		{"limit that is not a duration", `"resolve": "40h business"`, `"resolve": "40 hours"`,
			"terms[1].priorities[1].resolve", 29, ticket.ErrSyntax, `ticket: invalid limit "40 hours"`},
		// A policy in a contract is read as ticket.Policy reads one: the
		// limit's error says what form is wanted, and a goal given twice
		// is an error at its path.
		{"limit in words", `"resolve": "8h business"`, `"resolve": "8 hours"`,
			"terms[1].priorities[0].resolve", 28, ticket.ErrSyntax, `want a Go duration, then business or wall, such as "4h business"`},
		{"goal given twice", `"respond": "4h business"`, `"respond": "4h business", "respond": "1h"`,
			"terms[1].priorities[1].respond", 29, contract.ErrDuplicateKey, `"respond" is given twice`},
		{"limit that is not positive", `"resolve": "40h business"`, `"resolve": "0s business"`,
			"terms[1].priorities[1].resolve", 29, ticket.ErrRange, "not positive"},
		{"priority without a goal", `, "respond": "1h business", "resolve": "8h business"`, ``,
			"terms[1].priorities[0]", 28, ticket.ErrPolicy, `priority "P1" has neither respond nor resolve`},
		{"priority name used twice", `"name": "P2"`, `"name": "P1"`,
			"terms[1].priorities[1].name", 29, ticket.ErrPolicy, `"P1" given twice`},
		{"warning level out of range", `"calendar": "business",`, `"calendar": "business", "warnings": [50, 1001],`,
			"terms[1].warnings[1]", 26, ticket.ErrRange, "1001 is not in 1..1000"},
		{"type error in the third element of an array", `"calendar": "business",`, `"calendar": "business", "warnings": [50, 75, "100"],`,
			"terms[1].warnings[2]", 26, contract.ErrType, "got a string, want a whole number of percent"},
		{"type error in the third credit tier", `{"below": "95%", "credit": "100%"}`, `{"below": "95%", "credit": 100}`,
			"credits[2].credit", 36, contract.ErrType, `got a number, want a share as text, such as "10%"`},
		{"bad bound of the third credit tier", `{"below": "95%", "credit": "100%"}`, `{"below": "95", "credit": "100%"}`,
			"credits[2].below", 36, sla.ErrRange, "[0, 1]"},
		{"empty credit tier", `{"below": "95%", "credit": "100%"}`, `{"below": "95%", "above": "96%", "credit": "100%"}`,
			"credits[2]", 36, sla.ErrEmptyTier, "(96%, 95%) → 100%: tier admits no ratio"},
		{"overlapping credit tiers", `{"below": "99%", "at_least": "95%", "credit": "25%"}`, `{"below": "99.2%", "at_least": "95%", "credit": "25%"}`,
			"credits[1]", 35, sla.ErrTierOverlap, "[95%, 99.2%) → 25% and credits[0] [99%, 99.5%) → 10%: tiers overlap"},
		{"two lower bounds", `{"below": "95%", "credit": "100%"}`, `{"above": "90%", "at_least": "91%", "credit": "100%"}`,
			"credits[2].above", 36, contract.ErrConflict, "one lower and one upper bound"},
		{"negative obligation", `"report_within": "4h"`, `"report_within": "-4h"`,
			"obligations.report_within", 38, contract.ErrRange, `"-4h" is negative`},
		{"obligation that is not a duration", `"resolve_within": "40h"`, `"resolve_within": "forty hours"`,
			"obligations.resolve_within", 38, contract.ErrSyntax, `"forty hours" is not a duration`},
		{"unknown calendar of the obligations", `"calendar": "business"}`, `"calendar": "office"}`,
			"obligations.calendar", 38, contract.ErrUnknownName, `no calendar named "office"`},
		{"calendar name given twice", `"calendars": {`, `"calendars": {"business": {"zone": "UTC", "hours": [{"days": "Mon", "spans": ["09:00-17:00"]}]},`,
			"calendars.business", 4, contract.ErrDuplicateKey, `"business" is given twice`},
		{"bad zone", `America/New_York`, `Mars/Olympus_Mons`,
			"calendars.business.zone", 6, calendar.ErrUnknownZone, "Mars/Olympus_Mons"},
		{"party that is not a string", `"parties": ["Provider Ltd", "Customer plc"]`, `"parties": ["Provider Ltd", "Customer plc", 7]`,
			"parties[2]", 3, contract.ErrType, "got a number, want a string"},
		{"whole and partial minutes", `"kind": "availability",`, `"kind": "availability", "whole_minutes": true, "partial_minutes": true,`,
			"terms[0].partial_minutes", 13, contract.ErrConflict, "not both"},
		{"unknown method", `"kind": "availability",`, `"kind": "availability", "measure": "latency",`,
			"terms[0].measure", 13, contract.ErrUnknownName, `method "latency": want outages, events, time-slices, slice-average`},
		{"outage rules on a term measured by events", `"kind": "availability",`, `"kind": "availability", "measure": "events", "min_outage": "5m",`,
			"terms[0].min_outage", 13, contract.ErrConflict, "a term measured by events takes no outage rules"},
		{"slice rules on a term measured by outages", `"kind": "availability",`, `"kind": "availability", "max_errors": "5%",`,
			"terms[0].max_errors", 13, contract.ErrConflict, "a term measured by outages takes no slice rules"},
		{"time slices without a slice length, on the line of the term", `"kind": "availability",`, `"kind": "availability", "measure": "time-slices",`,
			"terms[0].slice", 11, contract.ErrRange, "a slice is a whole number of 1s that divides 24h"},
		{"slice that does not divide a day", `"kind": "availability",`, `"kind": "availability", "measure": "time-slices", "slice": "7m",`,
			"terms[0].slice", 13, contract.ErrRange, "7m0s: a slice is a whole number of 1s that divides 24h"},
		{"minimum of requests as text", `"kind": "availability",`, `"kind": "availability", "measure": "time-slices", "slice": "1m", "min_requests": "10",`,
			"terms[0].min_requests", 13, contract.ErrType, "got a string, want a whole number of requests, such as 10"},
		{"threshold on an average of slices", `"kind": "availability",`, `"kind": "availability", "measure": "slice-average", "slice": "1m", "max_errors": "5%",`,
			"terms[0].max_errors", 13, contract.ErrConflict, "an average of slices has no threshold"},
		{"bucket that counts nothing", `"kind": "availability",`, `"kind": "availability", "clock_buckets": {"length": "1h", "more_than": "1h"},`,
			"terms[0].clock_buckets.more_than", 13, contract.ErrRange, "1h0m0s is not between 0 and the bucket length 1h0m0s"},
		{"bucket without a length", `"kind": "availability",`, `"kind": "availability", "clock_buckets": {"more_than": "6m"},`,
			"terms[0].clock_buckets.length", 13, contract.ErrMissing, "a bucket needs a length"},
		{"unknown rule order", `"kind": "availability",`, `"kind": "availability", "rule_order": "random",`,
			"terms[0].rule_order", 13, sla.ErrSyntax, "want min-outage-first or minutes-first"},
		{"proportional credit and tiers of its own", `"target": "99%",`, `"target": "99%", "proportional_credit": true,`,
			"terms[0].segments[1].proportional_credit", 16, contract.ErrConflict, "proportional or by its own tiers, not both"},
		{"measure on a response term", `"calendar": "business",`, `"calendar": "business", "measure": "events",`,
			"terms[1]", 23, contract.ErrConflict, "no segments, measurement rules or exclusions"},
		{"fee that is not money", `"obligations":`, `"credit_policy": {"fee": "12 dollars"}, "obligations":`,
			"credit_policy.fee", 38, contract.ErrSyntax, `money "12 dollars": want an amount and an ISO 4217 code`},
		{"unknown way to combine credits", `"obligations":`, `"credit_policy": {"combine": "average"}, "obligations":`,
			"credit_policy.combine", 38, contract.ErrUnknownName, `combine "average": want largest, sum`},
		{"cap of nothing", `"obligations":`, `"credit_policy": {"cap": "0%"}, "obligations":`,
			"credit_policy.cap", 38, contract.ErrRange, "a cap of 0% would owe nothing"},
		{"name of the wrong type", `"name": "Example API"`, `"name": 42`,
			"name", 2, contract.ErrType, "got a number, want a string"},
		{"unknown field at the top", `"name": "Example API",`, `"name": "Example API", "colour": "blue",`,
			"colour", 2, contract.ErrUnknownField, `unknown field "colour"`},
	}
	require.GreaterOrEqual(t, len(tests), 20)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(string(seed), tt.old, tt.new, 1)
			require.NotEqual(t, string(seed), doc, "the edit must change the document")
			_, err := contract.Parse([]byte(doc))
			require.Error(t, err)
			var fe *contract.FieldError
			require.True(t, errors.As(err, &fe), "want a *FieldError, got %T: %v", err, err)
			assert.ErrorIs(t, err, contract.ErrContract)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Equal(t, tt.path, fe.Path, "error: %v", err)
			assert.Equal(t, tt.line, fe.Line, "error: %v", err)
			prefix := "contract: line " + strconv.Itoa(tt.line) + ": " + tt.path + ": "
			assert.True(t, strings.HasPrefix(err.Error(), prefix), "error text %q does not start %q", err, prefix)
			assert.Contains(t, err.Error(), tt.text)
			assert.NotContains(t, err.Error(), tt.path+": "+tt.path, "the path is said once")
		})
	}
}

// TestCalendarNamesKeepTheirCase: calendar names are the keys of a map,
// so two that differ only in case are two calendars, not a key given
// twice.
func TestCalendarNamesKeepTheirCase(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	doc := strings.Replace(string(seed), `"calendars": {`, `"calendars": {"Business": {"zone": "UTC", "hours": [{"days": "Mon", "spans": ["09:00-17:00"]}]},`, 1)
	c, err := contract.Parse([]byte(doc))
	require.NoError(t, err)
	assert.Len(t, c.Calendars, 2)
	assert.NotSame(t, c.Calendars["Business"], c.Calendars["business"])
}

// TestParseErrorsKeepTheirCause: the error of the package that found the
// problem stays reachable with errors.As.
func TestParseErrorsKeepTheirCause(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	_, err = contract.Parse([]byte(strings.Replace(string(seed), `"target": "99%"`, `"target": "101%"`, 1)))
	var pe *sla.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, sla.ParseError{What: "target", Input: "101%", Err: pe.Err}, *pe)

	_, err = contract.Parse([]byte(strings.Replace(string(seed), `America/New_York`, `Mars/Olympus_Mons`, 1)))
	var ce *calendar.FieldError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "zone", ce.Path)

	_, err = contract.Parse([]byte(strings.Replace(string(seed), `"resolve": "40h business"`, `"resolve": "40 hours"`, 1)))
	var le *ticket.ParseError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "limit", le.What)

	_, err = contract.Parse([]byte(strings.Replace(string(seed), `{"below": "98%", "credit": "10%"}`, `{"below": "98.5%", "credit": "10%"}`, 1)))
	var te *sla.TierError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 1, te.Tier)
	assert.Equal(t, 0, te.Other)
}

// TestParseTypeErrors: a value of the wrong JSON type, anywhere in a
// document, is named by its path and says which form was expected.
func TestParseTypeErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{"terms": {}}`, `contract: line 1: terms: got an object, want an array`},
		{`{"terms": [5]}`, `contract: line 1: terms[0]: got a number, want an object`},
		{`{"obligations": 5, "terms": []}`, `contract: line 1: obligations: got a number, want an object`},
		{`{"terms": [{"name": "a", "kind": "availability", "whole_minutes": "yes"}]}`,
			`contract: line 1: terms[0].whole_minutes: got a string, want true or false`},
		{`{"terms": [{"name": "a", "kind": "availability", "segments": [{"name": "s", "target": "99%", "credits": {}}]}]}`,
			`contract: line 1: terms[0].segments[0].credits: got an object, want an array`},
		{`{"terms": [{"name": true}]}`, `contract: line 1: terms[0].name: got a boolean, want a string`},
		{"\n[1, 2]", `contract: line 2: got an array, want an object`},
		{`{"terms": [{"name": "t", "kind": "response", "priorities": [{"name": "P1", "respond": 15}]}]}`,
			`contract: line 1: terms[0].priorities[0].respond: got a number, want a limit as text, such as "15m wall" or "4h business"`},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			_, err := contract.Parse([]byte(tt.doc))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.ErrorIs(t, err, contract.ErrContract)
			assert.ErrorIs(t, err, contract.ErrType)
		})
	}
}

// TestLinesOfKeysWithDots: the line of an error found after decoding was
// looked up by splitting its path at every dot, so in a calendar named
// "ops.eu" a holiday on 31 April was reported on the line of "calendars",
// not of its day. The one locator of lines in the module matches a key
// whole, dots and all.
func TestLinesOfKeysWithDots(t *testing.T) {
	doc := `{
  "name": "x",
  "calendars": {
    "ops": {"zone": "UTC", "hours": [{"days": "Mon", "spans": ["09:00-17:00"]}]},
    "ops.eu": {
      "zone": "Europe/Berlin",
      "hours": [{"days": "Mon-Fri", "spans": ["09:00-17:00"]}],
      "holidays": [
        {"name": "no such day", "month": 4, "day": 31}
      ]
    }
  },
  "terms": [{"name": "t", "kind": "availability", "segments": [{"name": "s", "during": "ops.eu", "target": "99%"}]}]
}`
	_, err := contract.Parse([]byte(doc))
	var fe *contract.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "calendars.ops.eu.holidays[0].day", fe.Path, "error: %v", err)
	assert.Equal(t, 9, fe.Line, "error: %v", err)
	assert.ErrorIs(t, err, calendar.ErrNoSuchDate)
}

// TestKeysInAnotherCase: the decoder matched a key to a field whatever
// its case, as encoding/json does, so a priority inside a contract
// accepted "Respond" while ticket.Policy, read alone, refused it. Keys are
// exact in every document of the module: a key in another case is an
// unknown field whose error suggests the spelling of the field.
func TestKeysInAnotherCase(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	tests := []struct {
		name, old, new, path string
		line                 int
		want                 string
	}{
		{"a goal of a priority", `"respond": "1h business"`, `"Respond": "1h business"`,
			"terms[1].priorities[0].Respond", 28, `unknown field "Respond"; keys are exact: want "respond"`},
		{"the top", `"name": "Example API"`, `"NAME": "Example API"`,
			"NAME", 2, `unknown field "NAME"; keys are exact: want "name"`},
		{"a term", `"kind": "response"`, `"Kind": "response"`,
			"terms[1].Kind", 25, `unknown field "Kind"; keys are exact: want "kind"`},
		{"a segment", `"target": "99.5%"`, `"target": "99.5%", "Target": "99%"`,
			"terms[0].segments[0].Target", 15, `unknown field "Target"; keys are exact: want "target"`},
		{"a credit tier", `"at_least": "98%"`, `"At_Least": "98%"`,
			"terms[0].segments[1].credits[0].At_Least", 18, `unknown field "At_Least"; keys are exact: want "at_least"`},
		{"the obligations", `"report_within"`, `"Report_Within"`,
			"obligations.Report_Within", 38, `unknown field "Report_Within"; keys are exact: want "report_within"`},
		// The Kelvin sign folds to k in encoding/json's matching.
		{"a key that folds under Unicode", `"kind": "response"`, "\"\u212aind\": \"response\"",
			"terms[1].\u212aind", 25, "unknown field \"\u212aind\"; keys are exact: want \"kind\""},
		{"a key of no field", `"kind": "response"`, `"kinds": "response"`,
			"terms[1].kinds", 25, `unknown field "kinds"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(string(seed), tt.old, tt.new, 1)
			require.NotEqual(t, string(seed), doc)
			_, err := contract.Parse([]byte(doc))
			var fe *contract.FieldError
			require.ErrorAs(t, err, &fe)
			assert.ErrorIs(t, err, contract.ErrUnknownField)
			assert.Equal(t, tt.path, fe.Path, "error: %v", err)
			assert.Equal(t, tt.line, fe.Line, "error: %v", err)
			assert.True(t, strings.HasSuffix(err.Error(), ": "+tt.want), "error %q does not end %q", err, tt.want)
		})
	}
	// The same policy read alone by ticket.Policy is refused alike.
	var p ticket.Policy
	err = p.UnmarshalJSON([]byte(`{"priorities": [{"name": "P1", "Respond": "1h business"}]}`))
	assert.ErrorContains(t, err, `unknown field "Respond"; keys are exact: want "respond"`)
}

// TestByteOrderMark: a contract saved by an editor that writes a UTF-8
// byte order mark first was refused as malformed JSON. The mark is
// skipped, and an error after it is on the same line as without it.
func TestByteOrderMark(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	require.NoError(t, err)
	want, err := contract.Parse(seed)
	require.NoError(t, err)
	got, err := contract.Parse(append([]byte("\ufeff"), seed...))
	require.NoError(t, err)
	require.Equal(t, want, got)

	bad := strings.Replace(string(seed), `"kind": "response"`, `"Kind": "response"`, 1)
	require.NotEqual(t, string(seed), bad)
	_, err = contract.Parse([]byte("\ufeff" + bad))
	var fe *contract.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "terms[1].Kind", fe.Path)
	require.Equal(t, 25, fe.Line) // as in TestKeysInAnotherCase, without the mark

	// A mark anywhere but the start is not white space in JSON.
	_, err = contract.Parse([]byte(" \ufeff" + string(seed)))
	require.ErrorIs(t, err, contract.ErrContract)
}
