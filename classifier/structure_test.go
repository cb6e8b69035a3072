package classifier

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/classifier/rules"
)

// The disguises of social-platform lures fold to the plain words, and the
// evidence still points at the original text.
func TestFoldDisguises(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"兼[em]e400655[/em]职", "兼职"},
		{"[em]e100[/em]兼职", "兼职"},
		{"兼[em]x[/em]职", "兼em x em职"}, // not a QQ code: left alone
		{"QQ①⑧⑤②", "qq1852"},
		{"扣扣1️⃣2️⃣3️⃣", "扣扣123"},
		{"赚*钱 兼 职", "赚钱兼职"},
		{"伽V", "加v"},
		{"➕薇", "加薇"},
		{"🈶意者", "有意者"},
		{"ＶＸ：ａｂｃ", "vx abc"},
		{"赚💰", "赚钱"},
		{"加✌", "加v"},
		{"ⅴ：lily", "v lily"},
	} {
		var f folded
		fold(&f, tc.in)
		if got := string(f.text); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A disguised lure is caught, and its evidence is the original text.
func TestDisguisedLureEvidence(t *testing.T) {
	c := classifier(t)
	text := "兼[em]e400655[/em]只，一小时六百，有意 伽 V：xyz_12345"
	v := c.Classify(text)
	if !v.Level.Flagged() {
		t.Fatalf("got level %s signals %v, want flagged", v.Level, signalIDs(v))
	}
	checkSpans(t, text, v)
}

func TestEmojiCodeEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"[em]e400655[/em]", 16},
		{"[em]E1[/em]x", 11},
		{"[em]e[/em]", 0},
		{"[em]e12", 0},
		{"[em]400655[/em]", 0},
		{"[e]e1[/em]", 0},
		{"[em]e1234567890123[/em]", 0}, // too long to be a code
	} {
		if got := emojiCodeEnd(tc.in, 0); got != tc.want {
			t.Errorf("emojiCodeEnd(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func FuzzEmojiCodeEnd(f *testing.F) {
	for _, s := range []string{"[em]e400655[/em]", "[em]e[/em]", "[em]e1[/em", "x[em]e1[/em]"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		j := emojiCodeEnd(s, i)
		if j == i {
			return
		}
		if j < i || j > len(s) || !strings.HasPrefix(s[i:j], "[em]") || !strings.HasSuffix(s[i:j], "[/em]") {
			t.Fatalf("emojiCodeEnd(%q, %d) = %d: not a code", s, i, j)
		}
	})
}

// Which link is a brand's own: the table, not the look of the name.
func TestBrandLinks(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text    string
		notOf   string // the NotBrandOf of the first link, "" for none
		comment string
	}{
		{"Wells Fargo alert: review at https://wellsfargo.com/alerts", "", "own domain"},
		{"Wells Fargo alert: review at https://connect.secure.wellsfargo.com/x", "", "own subdomain"},
		{"Wells Fargo alert: review at https://wellsfargo.account-check.net", "wells fargo", "the brand as a subdomain of another"},
		{"Wells Fargo alert: review at https://sites.google.com/view/wf", "wells fargo", "a free hosting page"},
		{"HMRC: sign in at https://www.tax.service.gov.uk", "", "a government suffix"},
		{"Your parcel from Royal Mail: https://bit.ly/3xYz", "", "a shortener hides the domain: another signal says so"},
		{"USPS: your package is waiting at https://usps.com-track.top", "usps", "a cheap TLD is no one's own"},
		{"Nothing named here: https://example-shop.net", "", "no brand named"},
		{"大使馆通知：请在 https://mp.weixin.qq.com/s/abc 查看", "", "an embassy's WeChat article"},
		{"【中国移动】积分兑换请访问 https://jifen-10086.com", "中国移动", "not 10086.cn"},
	} {
		v := c.Classify(tc.text)
		got := ""
		if v.Entities != nil && len(v.Entities.URLs) > 0 {
			got = v.Entities.URLs[0].NotBrandOf
		} else {
			t.Errorf("%s: no link found in %q", tc.comment, tc.text)
			continue
		}
		if got != tc.notOf {
			t.Errorf("%s: got NotBrandOf %q, want %q\n  %s", tc.comment, got, tc.notOf, tc.text)
		}
	}
}

// A broken brands file fails with an error that names it and what is
// wrong: rules.LoadData checks its shape, compileBrands the names.
func TestBrandsFileRejects(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "brands:\n  - {names: [x], domains: [x.com], color: red}\n", "field color not found"},
		{"no names", "brands:\n  - {domains: [x.com]}\n", "brands.yaml: brands[0]: no names"},
		{"no domains nor gov", "brands:\n  - {names: [acme]}\n", `brands[0]: "acme" has neither domains nor gov`},
		{"upper-case domain", "brands:\n  - {names: [acme], domains: [Acme.com]}\n", `domain "Acme.com" is not a lower-case host`},
		{"domain with a path", "brands:\n  - {names: [acme], domains: [acme.com/x]}\n", `domain "acme.com/x" is not a lower-case host`},
		{"name twice", "brands:\n  - {names: [acme], domains: [acme.com]}\n  - {names: [ACME], domains: [acme.org]}\n", `name "ACME" in entries 0 and 1`},
		{"name of nothing", "brands:\n  - {names: [\"..\"], domains: [acme.com]}\n", `name ".." folds to nothing`},
		{"two documents", "brands: []\n---\nbrands: []\n", "brands.yaml: more than one YAML document"},
		{"bad hosting", "hosting: [Sites]\nbrands: []\n", `hosting: "Sites" is not a lower-case host`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range []string{"links.yaml", "money.yaml", "apps.yaml", "folding.yaml"} {
				b, err := fs.ReadFile(rules.FS, "data/"+name)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "brands.yaml"), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := rules.LoadData(os.DirFS(dir), ".")
			if err == nil {
				_, err = compileBrands(d.Brands)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := compileBrands(data.Brands); err != nil {
		t.Errorf("the shipped brands file: %v", err)
	}
}
