package classifier

import (
	"bytes"
	"cmp"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// labelledCase is one row of testdata/messages/cases: a message written by
// the rule authors, with the verdict it must get. The messages written by
// writers who never saw the rules sit beside it (testdata/messages), held
// to the floors of targets.json; these rows are held one by one.
type labelledCase struct {
	Name  string `json:"name"`
	Text  string `json:"text"`
	Label string `json:"label"` // "scam" or "benign"
	// Lang, when set, is the language the classifier must see.
	Lang string `json:"lang"`
	// Type, when set, is the scam type a scam row must get.
	Type Type `json:"type"`
	// MinLevel is the least level a scam row must get (medium when
	// absent); MaxLevel the most a benign row may get (low when absent).
	MinLevel Level `json:"min_level"`
	MaxLevel Level `json:"max_level"`
	// Signal, when set, is a signal the verdict must carry; NotSignal one
	// it must not.
	Signal    string `json:"signal"`
	NotSignal string `json:"not_signal"`
}

// loadCases reads testdata/messages/cases/<name>.jsonl.
func loadCases(tb testing.TB, name string) []labelledCase {
	tb.Helper()
	path := filepath.Join("testdata", "messages", "cases", name+".jsonl")
	var cases []labelledCase
	readJSONLines(tb, path, func(n int, line []byte) {
		var c labelledCase
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			tb.Fatalf("%s:%d: %v", path, n, err)
		}
		if c.Name == "" || c.Text == "" || c.Label != "scam" && c.Label != "benign" || c.Type != TypeNone && !c.Type.Valid() {
			tb.Fatalf("%s:%d: want a name, a text, label scam or benign and a known type, got %+v", path, n, c)
		}
		cases = append(cases, c)
	})
	return cases
}

// TestLabelledCasesGetTheirVerdict: every scam row is flagged at its level
// at least, with its type; every genuine look-alike stays at its level at
// most (none or low); the signals a row names are there, or not; spans and
// evidence are consistent.
func TestLabelledCasesGetTheirVerdict(t *testing.T) {
	c := classifier(t)
	files, err := filepath.Glob("testdata/messages/cases/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".jsonl")
		t.Run(name, func(t *testing.T) {
			for _, tc := range loadCases(t, name) {
				checkCase(t, tc, c.Classify(tc.Text))
			}
		})
	}
}

// checkCase reports where v is not the verdict tc asks for.
func checkCase(t *testing.T, tc labelledCase, v Verdict) {
	t.Helper()
	minLevel, maxLevel := cmp.Or(tc.MinLevel, LevelMedium), cmp.Or(tc.MaxLevel, LevelLow)
	switch {
	case tc.Label == "benign" && v.Level > maxLevel:
		t.Errorf("%s: got level %s (score %.1f, %v), want at most %s\n  %s", tc.Name, v.Level, v.Score, signalIDs(v), maxLevel, tc.Text)
	case tc.Label == "scam" && (v.Level < minLevel || tc.Type != TypeNone && v.Type != tc.Type):
		t.Errorf("%s: got level %s type %q (score %.1f, %v), want at least %s type %q\n  %s",
			tc.Name, v.Level, v.Type, v.Score, signalIDs(v), minLevel, tc.Type, tc.Text)
	}
	if tc.Lang != "" && v.Lang != tc.Lang {
		t.Errorf("%s: got lang %s, want %s", tc.Name, v.Lang, tc.Lang)
	}
	if tc.Signal != "" && !hasSignal(v, tc.Signal) {
		t.Errorf("%s: got signals %v, want %s\n  %s", tc.Name, signalIDs(v), tc.Signal, tc.Text)
	}
	if tc.NotSignal != "" && hasSignal(v, tc.NotSignal) {
		t.Errorf("%s: got signals %v, want no %s\n  %s", tc.Name, signalIDs(v), tc.NotSignal, tc.Text)
	}
	checkSpans(t, tc.Text, v)
}

// langsOf returns, for each key of the cases of file name, the languages
// it has cases in.
func langsOf(t *testing.T, name string, key func(labelledCase) string) map[string]map[string]bool {
	langs := map[string]map[string]bool{}
	for _, tc := range loadCases(t, name) {
		k := key(tc)
		if langs[k] == nil {
			langs[k] = map[string]bool{}
		}
		langs[k][tc.Lang] = true
	}
	return langs
}

// Every structural rule (issue #12) has a case in Chinese and in English
// that must carry it.
func TestEveryStructuralRuleHasACaseInZhAndEn(t *testing.T) {
	langs := langsOf(t, "structural_signals", func(tc labelledCase) string { return tc.Signal })
	for _, r := range classifier(t).rs.rules {
		if strings.HasPrefix(r.id, "struct_") && (!langs[r.id]["zh"] || !langs[r.id]["en"]) {
			t.Errorf("rule %s: got zh %v, en %v in structural_signals.jsonl, want both", r.id, langs[r.id]["zh"], langs[r.id]["en"])
		}
	}
}

// Every scam type has a flagged case in Chinese and one in English.
func TestEveryTypeHasACaseInZhAndEn(t *testing.T) {
	langs := langsOf(t, "every_type", func(tc labelledCase) string { return string(tc.Type) })
	for _, ty := range Types {
		if l := langs[string(ty)]; !l["zh"] || !l["en"] {
			t.Errorf("type %s: got zh %v, en %v in every_type.jsonl, want both", ty, l["zh"], l["en"])
		}
	}
}
