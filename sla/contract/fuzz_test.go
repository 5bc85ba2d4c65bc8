package contract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/slamath/slamath/sla/contract"
)

// FuzzParse: no document makes Parse panic or hang; a document it
// refuses gets a *FieldError that wraps ErrContract and names a line of
// the document; a document it accepts writes back to JSON, and what it
// writes parses to the same document again.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"name":"x","terms":[{"name":"a","kind":"availability","segments":[{"name":"s","target":"99.9%"}]}]}`))
	f.Add([]byte(`{"name":"x","terms":[{"name":"t","kind":"response","priorities":[{"name":"P1","respond":"15m wall"}]}],"credits":[{"above":"1%","at_most":"2%","credit":"3%"}]}`))
	f.Add([]byte(`{"terms":[{"kind":"availability","exclusions":["2026-03-01T00:00:00Z/PT1H"],"exclusion":"available","min_outage":"5m","whole_minutes":true}]}`))
	f.Add([]byte(`{"name":"x","terms":[{"name":"a","kind":"availability","exclusions":[{"start":"x"}],"segments":[{"name":"s","target":"99.9%","target":1}]}]}`))
	f.Add([]byte("{\n\"terms\": [\n{\"name\": \"t\", \"kind\": \"response\", \"warnings\": [50, 75, \"x\"]}]}"))
	f.Add([]byte(`{"name":"x","terms":[{"name":"a","kind":"availability","partial_minutes":true,"min_outage":"5m","rule_order":"minutes-first","clock_buckets":{"length":"1h","more_than":"6m"},"segments":[{"name":"s","target":"99.9%","proportional_credit":true}]}],"credit_policy":{"combine":"sum","cap":"30%","fee":"1200.00 USD"}}`))
	f.Add([]byte(`{"name":"x","terms":[{"name":"r","kind":"availability","measure":"time-slices","slice":"1m","max_errors":"5%","min_requests":10,"empty_slices":"excluded","segments":[{"name":"s","target":"99.9%"}]}]}`))
	f.Add([]byte(`{"name":"x","terms":[{"name":"r","kind":"availability","measure":"slice-average","slice":"1h","segments":[{"name":"s","target":"99%"}]},{"name":"e","kind":"availability","measure":"events","segments":[{"name":"s","target":"99%"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := contract.Parse(data)
		if err != nil {
			var fe *contract.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, contract.ErrContract) {
				t.Fatalf("error %v (%T) is not a *FieldError wrapping ErrContract", err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; fe.Line < 0 || fe.Line > lines {
				t.Fatalf("error %v names line %d of a document of %d lines", err, fe.Line, lines)
			}
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("an accepted contract does not marshal: %v", err)
		}
		back, err := contract.Parse(out)
		if err != nil {
			t.Fatalf("written contract does not parse: %v\n%s", err, out)
		}
		again, err := json.Marshal(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("round trip changed the contract:\n%s\n%s", out, again)
		}
	})
}
