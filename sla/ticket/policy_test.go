package ticket

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestLimitText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Limit
		text string // String of the result
	}{
		{"business by default", "4h", Limit{4 * time.Hour, Business}, "4h business"},
		{"business", "4h business", Limit{4 * time.Hour, Business}, "4h business"},
		{"wall", "15m wall", Limit{15 * time.Minute, Wall}, "15m wall"},
		{"mixed units", "1h30m wall", Limit{90 * time.Minute, Wall}, "1h30m wall"},
		{"seconds kept", "1h0m5s", Limit{time.Hour + 5*time.Second, Business}, "1h0m5s business"},
		{"empty is zero", "", Limit{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Limit
			require.NoError(t, got.UnmarshalText([]byte(tt.in)))
			if got != tt.want {
				t.Errorf("UnmarshalText(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			b, err := got.MarshalText()
			require.NoError(t, err)
			if string(b) != tt.text {
				t.Errorf("MarshalText = %q, want %q", b, tt.text)
			}
		})
	}
}

func TestLimitTextErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"4", ErrSyntax},
		{"-1h", ErrRange},
		{"0s", ErrRange},
		{"4h hourly", ErrSyntax},
		{"four hours", ErrSyntax},
		{"4h wall extra", ErrSyntax},
		{"1d", ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var l Limit
			err := l.UnmarshalText([]byte(tt.in))
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			if pe.What != "limit" || pe.Input != tt.in {
				t.Errorf("ParseError{What: %q, Input: %q}, want limit %q", pe.What, pe.Input, tt.in)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want one wrapping %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q does not quote the input %q", err, tt.in)
			}
		})
	}
}

const rcTermJSON = `{
  "priorities": [
    {"name": "P1", "respond": "15m wall", "resolve": "4h"},
    {"name": "P3", "resolve": "40h business"}
  ],
  "warnings": [50, 90]
}`

func TestPolicyJSON(t *testing.T) {
	var term Policy
	require.NoError(t, json.Unmarshal([]byte(rcTermJSON), &term))
	want := Policy{
		Priorities: []Priority{
			{Name: "P1", Respond: Limit{15 * time.Minute, Wall}, Resolve: Limit{4 * time.Hour, Business}},
			{Name: "P3", Resolve: Limit{40 * time.Hour, Business}},
		},
		Warnings: []int{50, 90},
	}
	if diff := cmp.Diff(want, term); diff != "" {
		t.Fatalf("term (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(term)
	require.NoError(t, err)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(term, back); diff != "" {
		t.Errorf("round trip through %s (-want +got):\n%s", b, diff)
	}
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		json string
		path string // must appear in the message
	}{
		{"no priorities", `{"priorities": []}`, "priorities"},
		{"empty name", `{"priorities": [{"name": "", "respond": "1h"}]}`, "priorities[0].name"},
		{"duplicate name", `{"priorities": [{"name": "P1", "respond": "1h"}, {"name": "P1", "respond": "2h"}]}`, "priorities[1].name"},
		{"no goal", `{"priorities": [{"name": "P1"}, {"name": "P2"}]}`, "priorities[0]"},
		{"bad duration", `{"priorities": [{"name": "P1", "respond": "soon"}]}`, `"soon"`},
		{"warning out of range", `{"priorities": [{"name": "P1", "respond": "1h"}], "warnings": [50, 1001]}`, "warnings[1]"},
		{"warnings not ascending", `{"priorities": [{"name": "P1", "respond": "1h"}], "warnings": [75, 75]}`, "warnings[1]"},
		{"unknown field", `{"priorities": [{"name": "P1", "respond": "1h"}], "warn": [50]}`, `"warn"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var term Policy
			err := json.Unmarshal([]byte(tt.json), &term)
			if !errors.Is(err, ErrPolicy) {
				t.Fatalf("error = %v, want one wrapping ErrPolicy", err)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name %s", err, tt.path)
			}
		})
	}
	neg := Policy{Priorities: []Priority{{Name: "P1", Resolve: Limit{Within: -time.Hour}}}}
	if err := neg.Validate(); !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), "priorities[0].resolve") {
		t.Errorf("negative goal: error = %v", err)
	}
}

// TestPolicyValidatePaths: Validate names the field it refuses in the
// Path of a *FieldError, as its doc says, and wraps ErrPolicy and, for
// values out of range, ErrRange.
func TestPolicyValidatePaths(t *testing.T) {
	goal := Limit{Within: time.Hour}
	tests := []struct {
		name   string
		policy Policy
		path   string
		rng    bool
	}{
		{"no priorities", Policy{}, "priorities", false},
		{"empty name", Policy{Priorities: []Priority{{Respond: goal}}}, "priorities[0].name", false},
		{"name given twice", Policy{Priorities: []Priority{{Name: "P1", Respond: goal}, {Name: "P2", Respond: goal}, {Name: "P1", Resolve: goal}}}, "priorities[2].name", false},
		{"no goal", Policy{Priorities: []Priority{{Name: "P1", Respond: goal}, {Name: "P2"}}}, "priorities[1]", false},
		{"respond not positive", Policy{Priorities: []Priority{{Name: "P1", Respond: Limit{Within: -1}}}}, "priorities[0].respond", true},
		{"resolve of an unknown basis", Policy{Priorities: []Priority{{Name: "P1", Respond: goal}, {Name: "P2", Resolve: Limit{Within: time.Hour, Basis: 7}}}}, "priorities[1].resolve", true},
		{"warning level 0", Policy{Priorities: []Priority{{Name: "P1", Respond: goal}}, Warnings: []int{0}}, "warnings[0]", true},
		{"warning levels not ascending", Policy{Priorities: []Priority{{Name: "P1", Respond: goal}}, Warnings: []int{50, 90, 75}}, "warnings[2]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.policy.Validate()
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			if fe.Path != tt.path {
				t.Errorf("Path = %q, want %q (%v)", fe.Path, tt.path, err)
			}
			if !errors.Is(err, ErrPolicy) || errors.Is(err, ErrRange) != tt.rng {
				t.Errorf("error %v: ErrPolicy %v, ErrRange %v; want true, %v", err, errors.Is(err, ErrPolicy), errors.Is(err, ErrRange), tt.rng)
			}
			if !strings.HasPrefix(err.Error(), "ticket: "+tt.path+": ") {
				t.Errorf("error %q does not start with its path", err)
			}
		})
	}
}

// TestPolicyClocks: the term hands out clocks in the right time. P1
// responds in 15 minutes of wall time even when a business schedule is
// given, and resolves in 4h of it; the term's warnings carry over.
func TestPolicyClocks(t *testing.T) {
	var term Policy
	require.NoError(t, json.Unmarshal([]byte(rcTermJSON), &term))
	business := rcReference{open: 9 * time.Hour, close: 17 * time.Hour}

	respond, err := term.RespondClock("P1", business)
	require.NoError(t, err)
	if respond.Target != 15*time.Minute || respond.Schedule != (WallTime{}) {
		t.Errorf("P1 respond clock = %+v, want 15m of wall time", respond)
	}
	resolve, err := term.ResolveClock("P1", business)
	require.NoError(t, err)
	if resolve.Target != 4*time.Hour || resolve.Schedule == (WallTime{}) || !cmp.Equal(resolve.Warnings, []int{50, 90}) {
		t.Errorf("P1 resolve clock = %+v, want 4h of business time with warnings 50, 90", resolve)
	}
	// Opened Friday 16:00, checked Monday 10:00 on 09:00–17:00: 1h + 1h of
	// business time; the wall-time respond goal counts 66h.
	events := []ClockEvent{rcEv(ClockStart, rcAt(6, 16, 0))}
	st, err := resolve.Status(events, rcAt(9, 10, 0))
	require.NoError(t, err)
	if got := st.Current().Elapsed; got != 2*time.Hour {
		t.Errorf("resolve elapsed = %v, want 2h", got)
	}
	st, err = respond.Status(events, rcAt(9, 10, 0))
	require.NoError(t, err)
	if got := st.Current().Elapsed; got != 66*time.Hour {
		t.Errorf("respond elapsed = %v, want 66h", got)
	}

	if _, err := term.RespondClock("P3", business); !errors.Is(err, ErrPriority) {
		t.Errorf("P3 has no respond goal: error = %v", err)
	}
	if _, err := term.ResolveClock("P9", business); !errors.Is(err, ErrPriority) {
		t.Errorf("P9 does not exist: error = %v", err)
	}
}

// TestPolicyNoWarningsRoundTrip: "warnings": [] (no warnings) once
// marshalled without the field, which reads back as the default levels.
func TestPolicyNoWarningsRoundTrip(t *testing.T) {
	term := Policy{Priorities: []Priority{{Name: "P1", Respond: Limit{Within: time.Hour}}}, Warnings: []int{}}
	b, err := json.Marshal(term)
	require.NoError(t, err)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	if back.Warnings == nil || len(back.Warnings) != 0 {
		t.Errorf("%s read back warnings %#v, want an empty non-nil slice", b, back.Warnings)
	}
	b, err = json.Marshal(Policy{Priorities: term.Priorities})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	if back.Warnings != nil {
		t.Errorf("%s read back warnings %#v, want nil (the defaults)", b, back.Warnings)
	}
}
