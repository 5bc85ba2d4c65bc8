package openslo_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/slamath/slamath/sla/openslo"
)

// aliasBomb returns a DataSource whose connection details nest aliases:
// each of the layers is a list of width aliases to the layer before, so
// that expanding it would take width^layers nodes. It grows layers until
// the document reaches size bytes.
func aliasBomb(size, width int) string {
	var b strings.Builder
	b.WriteString("apiVersion: openslo/v1\nkind: DataSource\nmetadata: {name: bomb}\nspec:\n  type: x\n  connectionDetails:\n")
	b.WriteString("    l0: &l0 [x" + strings.Repeat(", x", width-1) + "]\n")
	for i := 1; b.Len() < size; i++ {
		ref := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "    l%d: &l%d [%s%s]\n", i, i, ref, strings.Repeat(", "+ref, width-1))
	}
	return b.String()
}

// A 1 MiB document of nested aliases (166 layers of 1,000 members, each
// layer aliasing the one before: about 1000^166 nodes if expanded) is
// refused with ErrTooLarge, in memory proportional to its size: the
// expansion is measured on the parsed nodes before anything is built
// from them. The bound asserted is 50 bytes allocated per input byte
// (parsing alone takes about 34); building the expanded values would
// pass it within the second layer.
func TestAliasBombRefusedInBoundedMemory(t *testing.T) {
	in := []byte(aliasBomb(1<<20, 1000))
	if len(in) < 1<<20 {
		t.Fatalf("bomb of %d bytes, want 1 MiB", len(in))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := openslo.Read(in)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, openslo.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	t.Log(err)
	if !strings.Contains(err.Error(), `DataSource "bomb" spec.connectionDetails.l`) {
		t.Errorf("error %q does not name the object and field", err)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d input bytes, %d bytes allocated (%.1f per input byte)", len(in), allocated, float64(allocated)/float64(len(in)))
	if allocated > 50*uint64(len(in)) {
		t.Errorf("allocated %d bytes for %d input bytes; want at most 50 per byte", allocated, len(in))
	}
}

// Aliases that stay within the budget are expanded: a shared metric spec
// is read once per use.
func TestAliasesWithinBudget(t *testing.T) {
	in := `apiVersion: openslo/v1
kind: SLI
metadata: {name: s}
spec:
  ratioMetric:
    good: {metricSource: {type: P, spec: &q {query: a, labels: [x, y]}}}
    total: {metricSource: {type: P, spec: *q}}
`
	f, err := openslo.Read([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	r := f.SLIs[0].RatioMetric
	if got, ok := r.Total.Spec.Get("labels"); !ok || len(got.Items) != 2 {
		t.Errorf("the alias was not expanded: %+v", r.Total.Spec)
	}
}

func TestLimits(t *testing.T) {
	cases := []struct {
		name string
		opts openslo.Options
		in   string
		want error
	}{
		{"over MaxBytes", openslo.Options{MaxBytes: 100}, strings.Repeat("#", 101), openslo.ErrTooLarge},
		{"at MaxBytes", openslo.Options{MaxBytes: 100}, strings.Repeat("#", 100), nil},
		{"over the default size", openslo.Options{}, strings.Repeat("#", openslo.DefaultMaxBytes+1), openslo.ErrTooLarge},
		{"an alias to itself", openslo.Options{}, "apiVersion: openslo/v1\nkind: DataSource\nmetadata: {name: a}\nspec:\n  type: x\n  connectionDetails: &c [*c]\n", openslo.ErrTooLarge},
		{"MaxNodes", openslo.Options{MaxNodes: 20}, "apiVersion: openslo/v1\nkind: DataSource\nmetadata: {name: a}\nspec:\n  type: x\n  connectionDetails: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]\n", openslo.ErrTooLarge},
		{"deep nesting", openslo.Options{}, "apiVersion: openslo/v1\nkind: DataSource\nmetadata: {name: a}\nspec:\n  type: x\n  connectionDetails: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", openslo.ErrTooLarge},
		{"parser depth", openslo.Options{}, strings.Repeat("[", 20000), openslo.ErrSyntax},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.opts.Read([]byte(tc.in))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestReadAllStopsAtTheLimit(t *testing.T) {
	r := strings.NewReader(strings.Repeat("#", 1000))
	_, err := openslo.Options{MaxBytes: 10}.ReadAll(r)
	if !errors.Is(err, openslo.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if read := 1000 - r.Len(); read != 11 {
		t.Errorf("ReadAll read %d bytes, want MaxBytes + 1 = 11", read)
	}
}

// A large stream without aliases stays within the budget: reading costs
// about one visit per node, and the budget is twice the nodes.
func TestLargeStreamWithinBudget(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: slo-%d
  labels: {team: [a, b, c], tier: "1"}
  annotations: {example.com/a: x, example.com/b: y}
spec:
  service: shop
  indicator:
    metadata: {name: sli-%d}
    spec:
      ratioMetric:
        good: {metricSource: {type: P, spec: {query: good, labels: {a: 1, b: [1, 2, 3]}}}}
        total: {metricSource: {type: P, spec: {query: total}}}
  timeWindow: [{duration: 28d, isRolling: true}]
  budgetingMethod: Occurrences
  objectives: [{target: 0.999}, {targetPercent: 99.95, displayName: x}]
`, i, i)
	}
	f, err := openslo.Read([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.SLOs) < 1000 {
		t.Errorf("read %d SLOs", len(f.SLOs))
	}
}

// A literal reached through an alias is quoted in errors as written, not
// by its alias.
func TestAliasedLiteralInErrors(t *testing.T) {
	_, err := openslo.Read([]byte(sloWith("- target: &t 0.999\n- targetPercent: *t\n  target: *t")))
	if !errors.Is(err, openslo.ErrConflict) {
		t.Fatalf("error %v, want ErrConflict", err)
	}
	_, err = openslo.Read([]byte(sloWith("- {displayName: &p 99.9, target: 0.9}\n- targetPercent: *p\n- target: *p")))
	if !errors.Is(err, openslo.ErrRange) || !strings.Contains(err.Error(), "spec.objectives[2].target: 99.9") {
		t.Fatalf("error %v, want ErrRange quoting 99.9", err)
	}
}
