package slamath_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeCodeIsCompiled checks that every Go block in README.md is a
// contiguous piece of the Example function named in the comment above it,
// so that README code is code that compiles and whose output is checked.
func TestReadmeCodeIsCompiled(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	marker := regexp.MustCompile(`^<!-- example: (\S+) (Example\w*) -->$`)
	lines := strings.Split(string(readme), "\n")
	blocks := 0
	for i := 0; i < len(lines); i++ {
		if lines[i] != "```go" {
			continue
		}
		blocks++
		if i == 0 || !marker.MatchString(lines[i-1]) {
			t.Errorf("README.md:%d: a Go block without an <!-- example: FILE ExampleName --> line above it", i+1)
			continue
		}
		m := marker.FindStringSubmatch(lines[i-1])
		var block []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			block = append(block, lines[i])
		}
		body, err := exampleBody(filepath.FromSlash(m[1]), m[2])
		if err != nil {
			t.Errorf("README.md: %v", err)
			continue
		}
		if !containsRun(normalize(body), normalize(block)) {
			t.Errorf("README.md: the block above line %d is not a contiguous part of %s in %s", i+1, m[2], m[1])
		}
	}
	if blocks == 0 {
		t.Fatal("README.md has no Go blocks; the tour is gone")
	}
}

// exampleBody returns the lines of the function name in file.
func exampleBody(file, name string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var body []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "func "+name+"()"):
			in = true
		case in && line == "}":
			return body, nil
		case in:
			body = append(body, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return nil, &os.PathError{Op: "find " + name, Path: file, Err: os.ErrNotExist}
}

// normalize trims each line and drops blank ones, so that indentation and
// spacing do not matter.
func normalize(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func containsRun(haystack, needle []string) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(haystack); i++ {
		match := true
		for j := range needle {
			if haystack[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
