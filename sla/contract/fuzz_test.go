package contract_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/slamath/slamath/sla/contract"
)

// FuzzParseContract: no document makes Parse panic or hang, a
// document it accepts writes back to JSON, and what it writes parses to
// the same document again.
func FuzzParseContract(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed-contract.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"name":"x","terms":[{"name":"a","kind":"availability","segments":[{"name":"s","target":"99.9%"}]}]}`))
	f.Add([]byte(`{"name":"x","terms":[{"name":"t","kind":"response","priorities":[{"name":"P1","respond":"15m wall"}]}],"credits":[{"above":"1%","at_most":"2%","credit":"3%"}]}`))
	f.Add([]byte(`{"terms":[{"kind":"availability","exclusions":["2026-03-01T00:00:00Z/PT1H"],"exclusion":"available","min_outage":"5m","whole_minutes":true}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := contract.Parse(data)
		if err != nil {
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
