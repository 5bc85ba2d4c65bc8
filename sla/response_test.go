package sla

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestResponseLimitText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want ResponseLimit
		text string // String of the result
	}{
		{"business by default", "4h", ResponseLimit{4 * time.Hour, ResponseBusiness}, "4h business"},
		{"business", "4h business", ResponseLimit{4 * time.Hour, ResponseBusiness}, "4h business"},
		{"wall", "15m wall", ResponseLimit{15 * time.Minute, ResponseWall}, "15m wall"},
		{"mixed units", "1h30m wall", ResponseLimit{90 * time.Minute, ResponseWall}, "1h30m wall"},
		{"seconds kept", "1h0m5s", ResponseLimit{time.Hour + 5*time.Second, ResponseBusiness}, "1h0m5s business"},
		{"empty is zero", "", ResponseLimit{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got ResponseLimit
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

func TestResponseLimitTextErrors(t *testing.T) {
	for _, in := range []string{"4", "-1h", "0s", "4h hourly", "four hours", "4h wall extra", "1d"} {
		t.Run(in, func(t *testing.T) {
			var l ResponseLimit
			err := l.UnmarshalText([]byte(in))
			if !errors.Is(err, ErrResponseTerm) {
				t.Fatalf("error = %v, want one wrapping ErrResponseTerm", err)
			}
			if !strings.Contains(err.Error(), in) {
				t.Errorf("error %q does not quote the input %q", err, in)
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

func TestResponseTermJSON(t *testing.T) {
	var term ResponseTerm
	require.NoError(t, json.Unmarshal([]byte(rcTermJSON), &term))
	want := ResponseTerm{
		Priorities: []ResponsePriority{
			{Name: "P1", Respond: ResponseLimit{15 * time.Minute, ResponseWall}, Resolve: ResponseLimit{4 * time.Hour, ResponseBusiness}},
			{Name: "P3", Resolve: ResponseLimit{40 * time.Hour, ResponseBusiness}},
		},
		Warnings: []int{50, 90},
	}
	if diff := cmp.Diff(want, term); diff != "" {
		t.Fatalf("term (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(term)
	require.NoError(t, err)
	var back ResponseTerm
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(term, back); diff != "" {
		t.Errorf("round trip through %s (-want +got):\n%s", b, diff)
	}
}

func TestResponseTermErrors(t *testing.T) {
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
			var term ResponseTerm
			err := json.Unmarshal([]byte(tt.json), &term)
			if !errors.Is(err, ErrResponseTerm) {
				t.Fatalf("error = %v, want one wrapping ErrResponseTerm", err)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name %s", err, tt.path)
			}
		})
	}
	neg := ResponseTerm{Priorities: []ResponsePriority{{Name: "P1", Resolve: ResponseLimit{Within: -time.Hour}}}}
	if err := neg.Validate(); !errors.Is(err, ErrResponseTerm) || !strings.Contains(err.Error(), "priorities[0].resolve") {
		t.Errorf("negative goal: error = %v", err)
	}
}

// TestResponseTermClocks: the term hands out clocks in the right time. P1
// responds in 15 minutes of wall time even when a business schedule is
// given, and resolves in 4h of it; the term's warnings carry over.
func TestResponseTermClocks(t *testing.T) {
	var term ResponseTerm
	require.NoError(t, json.Unmarshal([]byte(rcTermJSON), &term))
	business := rcReference{open: 9 * time.Hour, close: 17 * time.Hour}

	respond, err := term.Respond("P1", business)
	require.NoError(t, err)
	if respond.Target != 15*time.Minute || respond.Schedule != (ClockWallTime{}) {
		t.Errorf("P1 respond clock = %+v, want 15m of wall time", respond)
	}
	resolve, err := term.Resolve("P1", business)
	require.NoError(t, err)
	if resolve.Target != 4*time.Hour || resolve.Schedule == (ClockWallTime{}) || !cmp.Equal(resolve.Warnings, []int{50, 90}) {
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

	if _, err := term.Respond("P3", business); !errors.Is(err, ErrResponsePriority) {
		t.Errorf("P3 has no respond goal: error = %v", err)
	}
	if _, err := term.Resolve("P9", business); !errors.Is(err, ErrResponsePriority) {
		t.Errorf("P9 does not exist: error = %v", err)
	}
}

// TestResponseTermNoWarningsRoundTrip: "warnings": [] (no warnings) once
// marshalled without the field, which reads back as the default levels.
func TestResponseTermNoWarningsRoundTrip(t *testing.T) {
	term := ResponseTerm{Priorities: []ResponsePriority{{Name: "P1", Respond: ResponseLimit{Within: time.Hour}}}, Warnings: []int{}}
	b, err := json.Marshal(term)
	require.NoError(t, err)
	var back ResponseTerm
	require.NoError(t, json.Unmarshal(b, &back))
	if back.Warnings == nil || len(back.Warnings) != 0 {
		t.Errorf("%s read back warnings %#v, want an empty non-nil slice", b, back.Warnings)
	}
	b, err = json.Marshal(ResponseTerm{Priorities: term.Priorities})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	if back.Warnings != nil {
		t.Errorf("%s read back warnings %#v, want nil (the defaults)", b, back.Warnings)
	}
}
