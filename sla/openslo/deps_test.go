package openslo_test

import (
	"os/exec"
	"strings"
	"testing"
)

const (
	module  = "github.com/slamath/slamath"
	adapter = module + "/sla/openslo"
)

// isYAML reports whether a package path belongs to a YAML module.
func isYAML(path string) bool {
	for _, p := range []string{"go.yaml.in/", "gopkg.in/yaml.", "sigs.k8s.io/yaml", "github.com/goccy/go-yaml"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// Only this package imports a YAML library. For every other package of
// the module, what `go list -deps` reports (the .Deps of go list) holds no
// YAML module, unless the package is a program that uses this adapter; and
// this package itself imports nothing outside the standard library, the
// module and go.yaml.in/yaml/v3.
func TestOnlyTheAdapterImportsYAML(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command(goBin, "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list line %q", line)
		}
		pkg, imports, deps := parts[0], strings.Fields(parts[1]), strings.Fields(parts[2])
		seen++
		if pkg == adapter {
			yaml := false
			for _, imp := range imports {
				std := !strings.Contains(strings.Split(imp, "/")[0], ".")
				switch {
				case imp == "go.yaml.in/yaml/v3":
					yaml = true
				case std, strings.HasPrefix(imp, module+"/"):
				default:
					t.Errorf("%s imports %s; an adapter imports one pinned library", pkg, imp)
				}
			}
			if !yaml {
				t.Errorf("%s does not import go.yaml.in/yaml/v3 (the list may be stale)", pkg)
			}
			continue
		}
		usesAdapter := false
		for _, d := range deps {
			usesAdapter = usesAdapter || d == adapter
		}
		for _, d := range deps {
			if isYAML(d) && !usesAdapter {
				t.Errorf("go list -deps %s holds %s", pkg, d)
			}
		}
		for _, imp := range imports {
			if isYAML(imp) {
				t.Errorf("%s imports %s; only %s may", pkg, imp, adapter)
			}
		}
		if usesAdapter && !strings.HasPrefix(pkg, module+"/examples/") {
			t.Errorf("%s imports the adapter; only programs under examples/ may", pkg)
		}
	}
	if seen < 5 {
		t.Errorf("go list reported %d packages; want the whole module", seen)
	}
}
