package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSample(t *testing.T) {
	f, err := os.Open("testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := parse(f)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	// 阪 maps to itself (dropped), 電話 is two characters (dropped), the
	// second 轉 line is a duplicate (first wins).
	want := []pair{{'乾', '干'}, {'國', '国'}, {'戶', '户'}, {'著', '着'}, {'賬', '账'}, {'轉', '转'}, {'錢', '钱'}}
	if len(pairs) != len(want) {
		t.Fatalf("got %d pairs %q, want %d", len(pairs), pairs, len(want))
	}
	for i := range want {
		if pairs[i] != want[i] {
			t.Errorf("pair %d: got %c→%c, want %c→%c", i, pairs[i].trad, pairs[i].simp, want[i].trad, want[i].simp)
		}
	}
}

func TestParseRejectsBadLines(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"no tab", "# comment\n賬 账\n"},
		{"no value", "賬\t \n"},
		{"not UTF-8", "\xff\t账\n"},
		{"nothing", "# only a comment\n\n"},
	} {
		if pairs, err := parse(strings.NewReader(tc.text)); err == nil {
			t.Errorf("%s: got %d pairs and no error, want an error", tc.name, len(pairs))
		}
	}
}

func TestRenderIsGoSource(t *testing.T) {
	code, err := render("x", "1.1.6", []pair{{'賬', '账'}})
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	for _, want := range []string{"0x8CEC: 0x8D26", "DO NOT EDIT", "Debian's opencc package 1.1.6", "Apache License 2.0"} {
		if !strings.Contains(string(code), want) {
			t.Errorf("output lacks %q:\n%s", want, code)
		}
	}
}

func TestDumpMissingDictionaryNamesThePackage(t *testing.T) {
	_, _, err := dump(filepath.Join(t.TempDir(), "missing.ocd2"))
	if err == nil || !strings.Contains(err.Error(), "apt-get install opencc") {
		t.Errorf("got %v, want an error naming apt-get install opencc", err)
	}
}

// TestDumpInstalledDictionary runs the real dump when Debian's opencc is
// installed; the generator needs it, the other tests do not.
func TestDumpInstalledDictionary(t *testing.T) {
	if _, err := os.Stat(debianOCD2); err != nil {
		t.Skipf("%s missing (apt-get install opencc): %v", debianOCD2, err)
	}
	if _, err := exec.LookPath("opencc_dict"); err != nil {
		t.Skipf("opencc_dict missing (apt-get install opencc): %v", err)
	}
	txt, cleanup, err := dump(debianOCD2)
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	defer cleanup()
	f, err := os.Open(txt)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := parse(f)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(pairs) < minPairs {
		t.Errorf("got %d mappings, want at least %d", len(pairs), minPairs)
	}
	want := map[rune]rune{'賬': '账', '戶': '户', '轉': '转', '錢': '钱', '國': '国'}
	for _, p := range pairs {
		if w, ok := want[p.trad]; ok {
			if p.simp != w {
				t.Errorf("%c: got %c, want %c", p.trad, p.simp, w)
			}
			delete(want, p.trad)
		}
	}
	for tr := range want {
		t.Errorf("%c missing from the installed dictionary", tr)
	}
}
