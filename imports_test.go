package slamath_test

import (
	"go/build"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/slamath/slamath"

// TestImportsPointDown checks what README.md and doc.go say of the
// packages: listed from the ground floor up, each imports only packages
// listed above it, besides internal ones (the module's and its own);
// sla/ticket imports no package of the module at all, sla none of its
// sub-packages, and sla/prom and sla/openslo not each other.
func TestImportsPointDown(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| \\[`([a-z/]+)`\\]")
	var order []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		order = append(order, m[1])
	}
	if len(order) < 8 {
		t.Fatalf("README.md lists the packages %v; want the table of packages", order)
	}
	for i, pkg := range order {
		p, err := build.ImportDir(pkg, 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			rel, ours := strings.CutPrefix(imp, module+"/")
			switch {
			case !ours:
			case pkg == "sla/ticket":
				t.Errorf("sla/ticket imports %s; it imports nothing of the module", imp)
			case strings.HasPrefix(rel, "internal/") || strings.HasPrefix(rel, pkg+"/internal/"):
			case !slices.Contains(order[:i], rel):
				t.Errorf("%s imports %s, which README.md does not list above it", pkg, rel)
			}
			if pkg == "sla" && strings.HasPrefix(rel, "sla/") {
				t.Errorf("sla imports its sub-package %s", rel)
			}
			if (pkg == "sla/prom" || pkg == "sla/openslo") && (strings.HasPrefix(rel, "sla/prom") || strings.HasPrefix(rel, "sla/openslo")) && !strings.HasPrefix(rel, pkg+"/") {
				t.Errorf("%s imports %s; sla/prom and sla/openslo never import each other", pkg, rel)
			}
		}
	}
}
