package main

import (
	"os"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	// A real file is needed for the size check; the committed one must parse.
	f, err := os.Open("data/TSCharacters.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := parse(f)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	want := map[rune]rune{'賬': '账', '戶': '户', '轉': '转', '錢': '钱', '國': '国'}
	found := 0
	for _, p := range pairs {
		if w, ok := want[p.trad]; ok {
			found++
			if p.simp != w {
				t.Errorf("%c: got %c, want %c", p.trad, p.simp, w)
			}
		}
		if p.trad == p.simp {
			t.Errorf("%c maps to itself", p.trad)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of %d sample characters", found, len(want))
	}
}

func TestParseRejectsBadLines(t *testing.T) {
	if _, err := parse(strings.NewReader("# comment\n賬 账\n")); err == nil {
		t.Error("a line without a tab parsed")
	}
	if _, err := parse(strings.NewReader("賬\t账\n")); err == nil {
		t.Error("a tiny file parsed (want the size check to fail)")
	}
}

func TestRenderIsGoSource(t *testing.T) {
	code, err := render("x", []pair{{'賬', '账'}})
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	if !strings.Contains(string(code), "0x8CEC: 0x8D26") || !strings.Contains(string(code), "DO NOT EDIT") {
		t.Errorf("unexpected output:\n%s", code)
	}
}
