package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeJSONL(t *testing.T, dir, name string, rows ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runMain(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = realMain(context.Background(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func TestEvalJSON(t *testing.T) {
	dir := t.TempDir()
	a := writeJSONL(t, dir, "a.jsonl",
		`{"text":"警察说你涉嫌洗钱，把钱转到安全账户，不要告诉任何人。","label":"scam","extra":1}`,
		`{"text":"晚上一起吃饭吗？","label":"benign"}`,
		`{"text":"Running late, see you soon","label":"benign"}`,
		`{"text":"Win a FREE ringtone! Txt TONE to 80808 now. 150p/msg 18+","label":"spam"}`,
	)
	b := writeJSONL(t, dir, "b.jsonl", `{"text":"hello","label":"scam"}`)
	code, out, errOut := runMain(t, "", "eval", "--json", a, b)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var got struct {
		Total map[string]any            `json:"total"`
		Files map[string]map[string]any `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	fa := got.Files["a.jsonl"]
	for k, want := range map[string]float64{"n": 4, "tp": 1, "fp": 0, "tn": 2, "fn": 0, "spam": 1, "spam_flagged": 1, "recall": 1, "fpr": 0, "precision": 1} {
		if fa[k] != want {
			t.Errorf("a.jsonl %s: got %v, want %v", k, fa[k], want)
		}
	}
	if got.Total["n"] != 5.0 || got.Total["fn"] != 1.0 || got.Total["recall"] != 0.5 {
		t.Errorf("total: got %v, want n 5, fn 1, recall 0.5", got.Total)
	}
	if got.Files["b.jsonl"]["fpr"] != nil {
		t.Errorf("b.jsonl fpr: got %v, want null (no benign rows)", got.Files["b.jsonl"]["fpr"])
	}
}

func TestEvalTextErrorsAndTargets(t *testing.T) {
	dir := t.TempDir()
	a := writeJSONL(t, dir, "a.jsonl",
		`{"text":"hello there","label":"scam"}`,
		`{"text":"警察说你涉嫌洗钱，把钱转到安全账户，不要告诉任何人。","label":"benign"}`,
	)
	targets := filepath.Join(dir, "targets.json")
	os.WriteFile(targets, []byte(`{"files":{"a.jsonl":{"min_recall":0.9,"max_fpr":0.01},"missing.jsonl":{"min_recall":1}}}`), 0o644)
	code, out, errOut := runMain(t, "", "eval", "--errors", "5", "--targets", targets, a)
	if code != 1 {
		t.Errorf("exit %d, want 1 (targets missed)", code)
	}
	for _, want := range []string{"a.jsonl", "total", "hello there", "scam → none"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{"target missed: a.jsonl recall 0.000 < 0.900", "target missed: a.jsonl fpr 1.000 > 0.010"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "missing.jsonl") {
		t.Errorf("a target for a file not evaluated was checked:\n%s", errOut)
	}
}

// A blind set's figures are measured, but its errors are never listed,
// even when asked for: whoever tunes the rules must not see them.
func TestEvalNeverListsBlindErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "blind")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	a := writeJSONL(t, dir, "x_blind.jsonl", `{"text":"hello there, a missed row","label":"scam"}`)
	code, out, errOut := runMain(t, "", "eval", "--errors", "5", a)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if strings.Contains(out, "a missed row") {
		t.Errorf("stdout lists a blind row:\n%s", out)
	}
	if !strings.Contains(out, "x_blind.jsonl") {
		t.Errorf("stdout lacks the blind set's figures:\n%s", out)
	}
	if !strings.Contains(errOut, "blind set") {
		t.Errorf("stderr does not say why no errors are listed:\n%s", errOut)
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := writeJSONL(t, dir, "bad.jsonl", `{"text":"x","label":"maybe"}`)
	if code, _, errOut := runMain(t, "", "eval", bad); code != 1 || !strings.Contains(errOut, `unknown label "maybe"`) {
		t.Errorf("got exit %d stderr %q, want 1 and the unknown label", code, errOut)
	}
	// Without files eval measures the written sets from the repository
	// root; here (cmd/scamcheck) there are none, and it says so.
	if code, _, errOut := runMain(t, "", "eval", "--dev", t.TempDir()); code != 1 || !strings.Contains(errOut, "no public dev sets") || !strings.Contains(errOut, "run from the repository root") {
		t.Errorf("eval without files outside the root: exit %d stderr %q, want 1, the missing dev sets and where to run it", code, errOut)
	}
	targets := filepath.Join(dir, "t.json")
	os.WriteFile(targets, []byte(`{"files":{},"colour":"red"}`), 0o644)
	if code, _, errOut := runMain(t, "", "eval", "--targets", targets, bad); code != 1 || !strings.Contains(errOut, "colour") {
		t.Errorf("unknown key in targets: exit %d stderr %q, want 1 naming the key", code, errOut)
	}
}

// The targets file of the repository decodes and names the dev files.
func TestRepositoryTargets(t *testing.T) {
	b, err := os.ReadFile("../../classifier/targets.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var tg evalTargets
	if err := dec.Decode(&tg); err != nil {
		t.Fatalf("decode: %v", err)
	}
	for _, f := range []string{"telecom_zh.jsonl", "nagato_zh.jsonl", "mendeley_en.jsonl", "nus_zh.jsonl", "nus_en.jsonl"} {
		if _, ok := tg.Files[f]; !ok {
			t.Errorf("no target for %s", f)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, errOut := runMain(t, "", "check", "--json", "Transfer your savings to a safe account now, police case, tell no one")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Level   string `json:"level"`
		Type    string `json:"type"`
		Lang    string `json:"lang"`
		Signals []struct {
			ID       string `json:"id"`
			Type     string `json:"type"`
			Evidence string `json:"evidence"`
		} `json:"signals"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	if v.Level != "high" || v.Type != "impersonate_official" || v.Lang != "en" || len(v.Signals) == 0 || v.Signals[0].Evidence == "" {
		t.Errorf("got %+v, want high impersonate_official en with evidence", v)
	}
	// Text from stdin, plain output.
	code, out, _ = runMain(t, "你女儿在我们手上，马上准备赎金，不要报警。", "check")
	if code != 0 || !strings.Contains(out, "level: high") || !strings.Contains(out, "virtual_kidnapping") {
		t.Errorf("stdin check: exit %d output %q, want high virtual_kidnapping", code, out)
	}
}

// TestWrittenMessagesMeetTargets runs `scamcheck eval --targets` on the
// messages written for the project (classifier/testdata/messages): unlike
// the public dev sets they are in the repository, so every test run holds
// the rules to them.
func TestWrittenMessagesMeetTargets(t *testing.T) {
	files, _ := filepath.Glob("../../classifier/testdata/messages/*.jsonl")
	blind, _ := filepath.Glob("../../classifier/testdata/messages/blind/*.jsonl")
	files = append(files, blind...)
	if len(files) < 5 {
		t.Fatalf("written message sets: got %d files, want at least 5", len(files))
	}
	code, out, errOut := runMain(t, "", append([]string{"eval", "--targets", "../../classifier/targets.json"}, files...)...)
	if code != 0 || !strings.Contains(errOut, "all targets met") {
		t.Errorf("eval of the written messages: exit %d, stderr %q, want 0 and all targets met\n%s", code, errOut, out)
	}
}

// Without files, eval measures the written sets (and the dev sets when
// they are present), and reports by source and by type.
func TestEvalDefaultsToWrittenSets(t *testing.T) {
	t.Chdir("../..")
	code, out, errOut := runMain(t, "", "eval", "--dev", t.TempDir(), "--targets", "classifier/targets.json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"written_a.jsonl", "written_e.jsonl", "source", "label/type", "scam/phishing", "benign/bank_alert"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "measuring the project's written sets only") {
		t.Errorf("stderr %q: want a note that the dev sets are absent", errOut)
	}
}

// --json reports by source (the row's, or the file's name) and by label and
// type; --rules-only measures without the model.
func TestEvalBySourceAndType(t *testing.T) {
	dir := t.TempDir()
	a := writeJSONL(t, dir, "a.jsonl",
		`{"text":"警察说你涉嫌洗钱，把钱转到安全账户，不要告诉任何人。","label":"scam","type":"impersonate_official","source":"up"}`,
		`{"text":"晚上一起吃饭吗？","label":"benign","type":"chat"}`,
	)
	for _, args := range [][]string{{"eval", "--json", a}, {"eval", "--json", "--rules-only", a}} {
		code, out, errOut := runMain(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
		}
		var got struct {
			Sources map[string]map[string]any `json:"sources"`
			Types   map[string]map[string]any `json:"types"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Sources["up"]["tp"] != 1.0 || got.Sources["a"]["tn"] != 1.0 {
			t.Errorf("%v sources: got %v, want up with 1 tp and a (the file) with 1 tn", args, got.Sources)
		}
		if got.Types["scam/impersonate_official"]["recall"] != 1.0 || got.Types["benign/chat"]["fpr"] != 0.0 {
			t.Errorf("%v types: got %v, want recall 1 on scam/impersonate_official, fpr 0 on benign/chat", args, got.Types)
		}
	}
}
