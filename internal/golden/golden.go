// Package golden compares test output with golden files in testdata.
//
// A test binary that imports it accepts -update, which rewrites the files
// instead of comparing them: run it when a change of output is intended and
// read the diff in review.
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// Compare fails t with a line diff when got differs from the file at path,
// or rewrites the file when the test runs with -update.
func Compare(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: reading %s (run the test with -update to create it): %v", path, err)
	}
	if got != string(want) {
		t.Errorf("%s differs (got -, want +; rerun with -update if the change is intended):\n%s", path, LineDiff(got, string(want)))
	}
}

// LineDiff shows the lines that differ, from the first difference on (at
// most 12 lines), numbered.
func LineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	line := func(lines []string, j int) string {
		if j < len(lines) {
			return lines[j]
		}
		return "(end of file)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d\n", i+1)
	for j := i; j < max(len(g), len(w)) && j < i+12; j++ {
		if gl, wl := line(g, j), line(w, j); gl != wl {
			fmt.Fprintf(&b, "%4d - %s\n%4d + %s\n", j+1, gl, j+1, wl)
		}
	}
	return b.String()
}
