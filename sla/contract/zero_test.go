package contract_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slamath/slamath/calendar"
	"github.com/slamath/slamath/sla"
	"github.com/slamath/slamath/sla/contract"
	"github.com/slamath/slamath/sla/ticket"
	"github.com/slamath/slamath/window"
)

// TestZeroCalendar: a contract built in Go that holds a zero
// calendar.Calendar anywhere is refused by Validate, Evaluate and
// MarshalJSON with the path of the field, and Obligations.Due returns an
// error, where the calendar's queries would panic (they used to loop
// forever).
func TestZeroCalendar(t *testing.T) {
	zero := &calendar.Calendar{}
	good := calendar.Always(time.UTC)
	avail := func(s contract.Schedule) []contract.Term {
		return []contract.Term{{Name: "api", Availability: &contract.AvailabilityTerm{Segments: []contract.Segment{
			{Name: "hours", Schedule: s, Target: sla.MustTarget("99%")},
		}}}}
	}
	response := []contract.Term{{Name: "tickets", Response: &contract.ResponseTerm{
		Policy:   ticket.Policy{Priorities: []ticket.Priority{{Name: "P1", Respond: ticket.Limit{Within: time.Hour}}}},
		Calendar: zero,
	}}}
	tests := []struct {
		name string
		c    contract.Contract
		path string
	}{
		{"named in Calendars", contract.Contract{Terms: avail(contract.During("b", good)), Calendars: map[string]*calendar.Calendar{"b": good, "z": zero}}, "calendars.z"},
		{"during", contract.Contract{Terms: avail(contract.During("b", zero))}, "terms[0].segments[0].schedule"},
		{"outside", contract.Contract{Terms: avail(contract.Outside("b", zero))}, "terms[0].segments[0].schedule"},
		{"response term", contract.Contract{Terms: response}, "terms[0].calendar"},
		{"obligations", contract.Contract{Terms: avail(contract.Always()), Obligations: contract.Obligations{ReportWithin: time.Hour, Calendar: zero}}, "obligations.calendar"},
	}
	month := window.Month.Containing(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(what string, err error) {
				t.Helper()
				var fe *contract.FieldError
				require.ErrorAs(t, err, &fe, what)
				assert.Equal(t, tt.path, fe.Path, what)
				assert.ErrorIs(t, err, contract.ErrContract, what)
				assert.ErrorIs(t, err, calendar.ErrZeroCalendar, what)
			}
			_, err := tt.c.Validate()
			check("Validate", err)
			_, err = tt.c.Evaluate(month, contract.Observations{})
			check("Evaluate", err)
			_, err = json.Marshal(tt.c)
			check("MarshalJSON", err)
		})
	}

	t.Run("Obligations.Due", func(t *testing.T) {
		ob := contract.Obligations{ReportWithin: time.Hour, Calendar: zero}
		_, _, err := ob.Due(time.Date(2026, 3, 6, 18, 0, 0, 0, time.UTC))
		var fe *contract.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "obligations.calendar", fe.Path)
		assert.ErrorIs(t, err, contract.ErrContract)
		assert.ErrorIs(t, err, calendar.ErrZeroCalendar)
	})

	t.Run("WithHolidays", func(t *testing.T) {
		c := contract.Contract{Terms: avail(contract.During("z", zero)), Calendars: map[string]*calendar.Calendar{"z": zero}}
		_, err := c.WithHolidays("z", calendar.Fixed("New Year's Day", time.January, 1))
		assert.ErrorIs(t, err, contract.ErrContract)
		assert.ErrorIs(t, err, calendar.ErrZeroCalendar)
	})
}

// TestZeroValues: the zero Contract evaluated reported Met with nothing
// measured; it is an error, as Validate says. The zero values of the
// package's error types read sensibly instead of dereferencing a nil Err.
func TestZeroValues(t *testing.T) {
	period := window.Between(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	_, err := contract.Contract{}.Evaluate(period, contract.Observations{})
	var fe *contract.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "terms", fe.Path)
	require.ErrorIs(t, err, contract.ErrMissing)
	require.ErrorIs(t, err, contract.ErrContract)

	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"FieldError", new(contract.FieldError), "contract: invalid contract"},
		{"TicketError", new(contract.TicketError), `contract: tickets[0] "": invalid contract`},
		{"IncidentError", new(contract.IncidentError), `contract: incidents[0] "": invalid contract`},
		{"Warning", contract.Warning{}, "contract: warning: : invalid contract"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tc.err.Error())
		})
	}
}
