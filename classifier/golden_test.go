package classifier

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden from the current classifier")

// goldenSets are the labelled messages whose verdicts testdata/golden
// pins: the public dev sets beside the repository (absent on a fresh
// checkout) and the messages written for the project. The blind sets
// (testdata/messages/blind) are left out on purpose: a golden diff would
// show a rule author which blind rows their change moved, and a blind set
// is worth something only while nobody tuning rules sees its errors.
var goldenSets = []struct {
	name string // the golden file's directory under testdata/golden
	glob string
}{
	{"dev", devGlob()},
	{"messages", "testdata/messages/*.jsonl"},
	{"messages/cases", "testdata/messages/cases/*.jsonl"},
}

// TestVerdictsMatchGolden classifies every dev row and every written
// message and compares level, type, score and signals (id and evidence
// span) with testdata/golden: a change of the rules' shape must not change
// a verdict, and a change of the rules shows every verdict it changes.
// Rows are keyed by line number and a hash of their text; the golden
// files hold no message text. `go test ./classifier -run Golden -update`
// rewrites them. The golden files pin the rules alone: the learned model
// is held by its own tests (model_test.go, classifier/model), and a
// retraining must not rewrite every pinned verdict.
func TestVerdictsMatchGolden(t *testing.T) {
	c, err := NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range goldenSets {
		files, err := filepath.Glob(set.glob)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Logf("%s: no files match %s; its verdicts are not checked", set.name, set.glob)
			continue
		}
		for _, in := range files {
			golden := filepath.Join("testdata", "golden", set.name, strings.TrimSuffix(filepath.Base(in), ".jsonl")+".golden")
			t.Run(set.name+"/"+filepath.Base(in), func(t *testing.T) {
				got := goldenLines(t, c, in)
				if *updateGolden {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				b, err := os.ReadFile(golden)
				if os.IsNotExist(err) {
					t.Skipf("%s has no golden file %s yet (go test ./classifier -run Golden -update writes it)", in, golden)
				}
				if err != nil {
					t.Fatal(err)
				}
				want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
				if len(got) != len(want) {
					t.Fatalf("%s: got %d rows, want %d as in %s", in, len(got), len(want), golden)
				}
				diffs := 0
				for i := range got {
					if got[i] != want[i] {
						if diffs++; diffs <= 20 {
							t.Errorf("%s:\n got %s\nwant %s", in, got[i], want[i])
						}
					}
				}
				if diffs > 20 {
					t.Errorf("%s: %d verdicts differ in all", in, diffs)
				}
			})
		}
	}
}

// goldenLines returns one line per row of the JSON-lines file in:
// "line hash level type score signals", where hash is a short SHA-256 of
// the text (so that a changed data file is told from a changed verdict)
// and signals are "id@start-end" in the verdict's order.
func goldenLines(t *testing.T, c *Classifier, in string) []string {
	t.Helper()
	var lines []string
	readJSONLines(t, in, func(n int, line []byte) {
		var row struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatalf("%s:%d: %v", in, n, err)
		}
		sum := sha256.Sum256([]byte(row.Text))
		v := c.Classify(row.Text)
		var b bytes.Buffer
		fmt.Fprintf(&b, "%d %s %s %s %s", n, hex.EncodeToString(sum[:6]), v.Level, orDash(string(v.Type)), strconv.FormatFloat(v.Score, 'g', 6, 64))
		for i, s := range v.Signals {
			sep := ","
			if i == 0 {
				sep = " "
			}
			fmt.Fprintf(&b, "%s%s@%d-%d", sep, s.ID, s.Span.Start, s.Span.End)
		}
		lines = append(lines, b.String())
	})
	return lines
}

// readJSONLines calls fn with each line of the file at path and its
// number, from 1.
func readJSONLines(tb testing.TB, path string, fn func(n int, line []byte)) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		fn(n, sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// devGlob is the pattern of the public dev sets: ../shared/datasets/dev
// beside the checkout (../../ from this package), or beside the directory
// of worktrees that holds it.
func devGlob() string {
	if dir := os.Getenv("SCAMCHECK_DEV_DATA"); dir != "" {
		return filepath.Join(dir, "*.jsonl")
	}
	for _, dir := range []string{"../../shared/datasets/dev", "../../../shared/datasets/dev"} {
		if _, err := os.Stat(dir); err == nil {
			return filepath.Join(dir, "*.jsonl")
		}
	}
	return "../../shared/datasets/dev/*.jsonl"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
