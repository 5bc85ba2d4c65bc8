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

// programsOnly are the adapters that no library package imports, only the
// programs under examples/: the YAML module stays out of every library
// but sla/openslo.
var programsOnly = []string{"sla/openslo"}

// TestDependencies checks with `go list -deps -test=false` what every
// package of the module builds with. A library package — among them the
// core packages window, calendar, sla, sla/ticket, sla/contract, sla/prom
// and breach, and the adapters for formats the standard library reads,
// calendar/ukbank and calendar/nager — builds from the standard library
// and this module alone, except the adapters listed in thirdParty, which
// use exactly their own libraries and import nothing else from outside.
// A program under examples/ imports no library from outside the module,
// and reaches one only through an adapter it imports: only the programs
// that use sla/openslo build with the YAML module. No library package
// imports an adapter of programsOnly. Test code may use more (testify,
// go-cmp).
func TestDependencies(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goBin, "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{} // by path within the module
	var pkgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, imps, _ := strings.Cut(line, "|")
		rel, ok := strings.CutPrefix(path, module+"/")
		if !ok {
			continue // the root package
		}
		pkgs = append(pkgs, rel)
		imports[rel] = strings.Fields(imps)
	}
	for _, want := range append([]string{"window", "calendar", "sla", "sla/ticket", "sla/contract", "sla/prom", "breach",
		"calendar/ukbank", "calendar/nager", "examples/openslo", "examples/quickstart"}, keys(thirdParty)...) {
		if !slices.Contains(pkgs, want) {
			t.Errorf("go list does not report %s", want)
		}
	}
	for _, pkg := range pkgs {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command(goBin, "list", "-deps", "-test=false",
				"-f", "{{if not .Standard}}{{.ImportPath}}|{{with .Module}}{{.Path}}{{end}}{{end}}", module+"/"+pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			var used, ours []string // modules from outside; packages of the module
			for _, line := range strings.Fields(string(out)) {
				path, mod, _ := strings.Cut(line, "|")
				switch {
				case mod == module:
					if rel, ok := strings.CutPrefix(path, module+"/"); ok && rel != pkg {
						ours = append(ours, rel)
					}
				case !slices.Contains(used, mod):
					used = append(used, mod)
				}
			}
			slices.Sort(used)
			program := strings.HasPrefix(pkg, "examples/")
			checkImports(t, pkg, imports[pkg], program)
			if !program {
				want := slices.Clone(thirdParty[pkg])
				slices.Sort(want)
				if !slices.Equal(used, want) {
					t.Errorf("%s builds with modules %v; want %v", pkg, used, want)
				}
				for _, a := range programsOnly {
					if slices.Contains(ours, a) && pkg != a {
						t.Errorf("%s builds with %s; only programs under examples/ may", pkg, a)
					}
				}
				return
			}
			var through []string // the modules of the adapters the program uses
			for _, a := range ours {
				through = append(through, thirdParty[a]...)
			}
			for _, m := range used {
				if !slices.Contains(through, m) {
					t.Errorf("%s builds with %s, which no adapter it imports uses", pkg, m)
				}
			}
		})
	}
}

// checkImports checks the direct imports of pkg: the standard library,
// the module, and for an adapter of thirdParty the packages of its own
// modules; for a program, the standard library and the module alone.
func checkImports(t *testing.T, pkg string, imports []string, program bool) {
	t.Helper()
	for _, imp := range imports {
		std := !strings.Contains(strings.Split(imp, "/")[0], ".")
		if std || strings.HasPrefix(imp, module+"/") {
			continue
		}
		own := false
		for _, m := range thirdParty[pkg] {
			own = own || !program && (imp == m || strings.HasPrefix(imp, m+"/"))
		}
		if !own {
			t.Errorf("%s imports %s; a program imports none from outside the module, an adapter only its own library", pkg, imp)
		}
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCoreBuildsWithoutDottedPaths: a core package builds from packages
// whose paths hold no dot, besides this module's: net/http would bring
// crypto/internal/entropy/v1.0.0 and the other versioned packages of Go's
// FIPS module into it, which a reader of the dependency list cannot tell
// from a module outside the standard library. The HTTP side of sla/prom
// is sla/prom/promhttp for this reason.
func TestCoreBuildsWithoutDottedPaths(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	for _, pkg := range []string{"window", "calendar", "sla", "sla/ticket", "sla/contract", "sla/prom", "breach"} {
		out, err := exec.Command(goBin, "list", "-deps", "-test=false", module+"/"+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if !strings.HasPrefix(dep, module) && strings.Contains(dep, ".") {
				t.Errorf("%s builds with %s", pkg, dep)
			}
		}
	}
}
