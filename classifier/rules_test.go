package classifier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

func TestEmbeddedRulesCompile(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatalf("New() error: %v", err)
	}
	if len(c.rs.rules) < 50 {
		t.Errorf("got %d rules, want at least 50", len(c.rs.rules))
	}
}

func TestGoodFixtureClassifiesAndVetoes(t *testing.T) {
	c, err := newFromFS(os.DirFS("testdata"), "rules_good")
	if err != nil {
		t.Fatalf("good fixture: %v", err)
	}
	for _, tc := range []struct {
		name, text string
		want       Level
		wantType   Type
	}{
		{"included set and a suffix phrase", "Please wire transfer it to a Safe Accounts now", LevelHigh, TypeImpersonateOfficial},
		{"genuine context vetoes positive rules", "We will never ask you to wire transfer to a safe account", LevelNone, TypeNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := c.Classify(tc.text)
			if v.Level != tc.want || v.Type != tc.wantType {
				t.Errorf("got level %s type %q, want %s %q (%v)", v.Level, v.Type, tc.want, tc.wantType, v)
			}
		})
	}
}

// Every bad fixture fails to compile with the error its want_error.txt
// holds, naming the file, the set or rule and the field: rules are
// checked at start, not when a message happens to reach a broken rule.
func TestBadFixturesFailWithTheirError(t *testing.T) {
	dirs, err := filepath.Glob("testdata/rules_bad/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no bad fixtures: %v", err)
	}
	for _, d := range dirs {
		name := filepath.Base(d)
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(d, "want_error.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = newFromFS(os.DirFS("testdata/rules_bad"), name)
			if err == nil {
				t.Fatalf("got no error, want %q", want)
			}
			if w := strings.TrimSuffix(string(want), "\n"); !strings.Contains(err.Error(), w) {
				t.Errorf("got error %q, want it to contain %q", err, w)
			}
		})
	}
}

// Every rule's explanation must render in both languages: the dialogs show
// it to a person next to the words that triggered it.
func TestExplanationsRender(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locales.Load()
	if err != nil {
		t.Fatalf("locales: %v", err)
	}
	for _, r := range c.rs.rules {
		for _, lang := range locales.Langs {
			s, err := cat.Render(lang, r.explain, nil)
			if err != nil {
				t.Errorf("rule %s: explain %q in %s: %v", r.id, r.explain, lang, err)
				continue
			}
			if strings.TrimSpace(s) == "" || len([]rune(s)) > 140 {
				t.Errorf("rule %s: explain %q in %s: got %d runes, want 1..140", r.id, r.explain, lang, len([]rune(s)))
			}
		}
	}
	for _, ty := range Types {
		for _, lang := range locales.Langs {
			if !cat.Has(lang, "type."+string(ty)) {
				t.Errorf("type.%s missing in %s", ty, lang)
			}
		}
	}
}

// Every scam type has rules in both languages.
func TestEveryTypeHasRulesInBothLanguages(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	zh, en := map[Type]bool{}, map[Type]bool{}
	for _, r := range c.rs.rules {
		zh[r.typ] = zh[r.typ] || r.langZH
		en[r.typ] = en[r.typ] || r.langEN
	}
	for _, ty := range Types {
		if !zh[ty] || !en[ty] {
			t.Errorf("type %s: zh rules %v, en rules %v; want both", ty, zh[ty], en[ty])
		}
	}
}

func TestExpandAliases(t *testing.T) {
	got := expandAliases("加微信", map[string][]string{"微信": {"vx", "威信"}})
	want := []string{"加微信", "加vx", "加威信"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
	// A Latin key is a word: line in "online" is no LINE handle.
	got = expandAliases("online line id", map[string][]string{"line": {"赖"}})
	want = []string{"online line id", "online 赖 id"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
}
