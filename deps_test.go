package slamath_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// thirdParty lists, for each package that may use modules from outside
// this one, the modules it may use; every other package of the module
// lists none. An adapter imports only the library its format needs.
var thirdParty = map[string][]string{
	"calendar/ical":        {"github.com/emersion/go-ical", "github.com/teambition/rrule-go"},
	"calendar/holidayfile": {"github.com/emersion/go-ical", "github.com/teambition/rrule-go"}, // through calendar/ical
	"calendar/rickar":      {"github.com/rickar/cal/v2"},
	"sla/openslo":          {"go.yaml.in/yaml/v3"},
}

// TestDependencies checks with `go list -deps -test=false` that every
// package of the module but the programs under examples/ — among them the
// core packages window, calendar, sla, sla/ticket, sla/contract, sla/prom
// and breach, and the adapters for formats the standard library reads,
// calendar/ukbank and calendar/nager — builds from the standard library
// and this module alone, except the adapters listed in thirdParty, which
// use exactly their own libraries. Test code may use more (testify,
// go-cmp).
func TestDependencies(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goBin, "list", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if rel, ok := strings.CutPrefix(p, module+"/"); ok && !strings.HasPrefix(rel, "examples/") {
			pkgs = append(pkgs, rel)
		}
	}
	for _, want := range append([]string{"window", "calendar", "sla", "sla/ticket", "sla/contract", "sla/prom", "breach", "calendar/ukbank", "calendar/nager"}, keys(thirdParty)...) {
		if !slices.Contains(pkgs, want) {
			t.Errorf("go list does not report %s", want)
		}
	}
	for _, pkg := range pkgs {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command(goBin, "list", "-deps", "-test=false",
				"-f", "{{if not .Standard}}{{with .Module}}{{.Path}}{{end}}{{end}}", module+"/"+pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			var used []string
			for _, m := range strings.Fields(string(out)) {
				if m != module && !slices.Contains(used, m) {
					used = append(used, m)
				}
			}
			slices.Sort(used)
			want := slices.Clone(thirdParty[pkg])
			slices.Sort(want)
			if !slices.Equal(used, want) {
				t.Errorf("%s builds with modules %v; want %v", pkg, used, want)
			}
		})
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
