package rules

import (
	"os"
	"strings"
	"testing"
)

func TestSetValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  Set
		want string // substring of the error; "" for none
	}{
		{"phrases", Set{ID: "a", Phrases: []string{"x"}}, ""},
		{"include", Set{ID: "a", Include: []string{"b"}}, ""},
		{"phrases and include", Set{ID: "a", Phrases: []string{"x"}, Include: []string{"b"}}, ""},
		{"negatable phrases with include", Set{ID: "a", Phrases: []string{"x"}, Include: []string{"b"}, Negatable: true}, ""},
		{"entity", Set{ID: "a", Entity: "url"}, ""},
		{"aliases of one phrase", Set{ID: "a", Phrases: []string{"微信"}, Aliases: []string{"vx"}}, ""},
		{"nothing to match", Set{ID: "a"}, "phrases: a set needs"},
		{"entity and phrases", Set{ID: "a", Entity: "url", Phrases: []string{"x"}}, "entity: an entity set has"},
		{"aliases with include", Set{ID: "a", Phrases: []string{"x"}, Include: []string{"b"}, Aliases: []string{"y"}}, "aliases:"},
		{"negatable include only", Set{ID: "a", Include: []string{"b"}, Negatable: true}, "negatable:"},
		{"negatable regex", Set{ID: "a", Phrases: []string{"x"}, Regex: []string{"y"}, Gate: []string{"z"}, Negatable: true}, "negatable:"},
		{"regex without gate", Set{ID: "a", Regex: []string{"y"}}, "regex: needs gate"},
		{"gate without regex", Set{ID: "a", Phrases: []string{"x"}, Gate: []string{"z"}}, "gate: without regex"},
		{"unknown negator", Set{ID: "a", Phrases: []string{"x"}, Negator: "maybe"}, "negator:"},
		{"blank phrase", Set{ID: "a", Phrases: []string{"x", " * "}}, "phrases[1]: empty phrase"},
		{"bad id", Set{ID: "A", Phrases: []string{"x"}}, "id: id \"A\""},
		{"address cue", Set{ID: "a", Phrases: []string{"x"}, Address: "cue"}, ""},
		{"address needed, negatable", Set{ID: "a", Phrases: []string{"x"}, Address: "needed", Negatable: true}, ""},
		{"unknown address", Set{ID: "a", Phrases: []string{"x"}, Address: "maybe"}, "address:"},
		{"address of an include", Set{ID: "a", Include: []string{"b"}, Address: "needed"}, "address:"},
		{"negatable cue", Set{ID: "a", Phrases: []string{"x"}, Address: "cue", Negatable: true}, "address:"},
		{"address noun", Set{ID: "a", Phrases: []string{"x"}, Address: "noun"}, ""},
		{"address cue_en", Set{ID: "a", Phrases: []string{"x"}, Address: "cue_en"}, ""},
		{"address needed_en, negatable", Set{ID: "a", Phrases: []string{"x"}, Address: "needed_en", Negatable: true}, ""},
		{"negatable cue_en", Set{ID: "a", Phrases: []string{"x"}, Address: "cue_en", Negatable: true}, "address:"},
		{"noun negator", Set{ID: "a", Phrases: []string{"x"}, Address: "noun", Negator: "clause"}, "address:"},
		{"mask", Set{ID: "a", Phrases: []string{"日结束"}, Mask: true}, ""},
		{"mask with include", Set{ID: "a", Phrases: []string{"x"}, Include: []string{"b"}, Mask: true}, "mask:"},
		{"negatable mask", Set{ID: "a", Phrases: []string{"x"}, Mask: true, Negatable: true}, "mask:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkErr(t, tc.set.Validate(), tc.want)
		})
	}
}

func TestRuleValidate(t *testing.T) {
	ok := Rule{ID: "r", Weight: 1, Lang: []string{"zh"}, Explain: "sig.x", All: []string{"a"}}
	with := func(f func(*Rule)) Rule { r := ok; f(&r); return r }
	for _, tc := range []struct {
		name string
		rule Rule
		want string
	}{
		{"weight", ok, ""},
		{"scale", with(func(r *Rule) { r.Weight, r.Scale = 0, 0.5 }), ""},
		{"negative weight", with(func(r *Rule) { r.Weight = -1 }), ""},
		{"zero weight", with(func(r *Rule) { r.Weight = 0 }), "weight: must not be 0"},
		{"scale and weight", with(func(r *Rule) { r.Scale = 0.5 }), "scale: a rule has a weight or a scale"},
		{"scale of one", with(func(r *Rule) { r.Weight, r.Scale = 0, 1 }), "scale: must be between 0 and 1"},
		{"explain not a message id", with(func(r *Rule) { r.Explain = "hi" }), "explain: must be a sig.*"},
		{"no lang", with(func(r *Rule) { r.Lang = nil }), "lang: missing"},
		{"unknown lang", with(func(r *Rule) { r.Lang = []string{"fr"} }), "lang: unknown language"},
		{"no condition", with(func(r *Rule) { r.All = nil }), "all: the rule matches nothing"},
		{"min above any", with(func(r *Rule) { r.Any, r.Min = []string{"b"}, 2 }), "min: 2 with 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkErr(t, tc.rule.Validate(), tc.want)
		})
	}
}

func TestLevelsValidate(t *testing.T) {
	checkErr(t, Levels{Low: 1, Medium: 2, High: 3}.Validate(), "")
	checkErr(t, Levels{Low: 1, Medium: 1, High: 3}.Validate(), "must rise")
	checkErr(t, Levels{Low: 0, Medium: 1, High: 3}.Validate(), "must rise")
}

// The shipped files load: every spec in them validates on its own.
func TestShippedFilesLoad(t *testing.T) {
	files, err := Load(FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Errorf("got %d rule files, want several", len(files))
	}
}

// An error names the file, the spec and the field.
func TestLoadErrorNamesFileRuleAndField(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/a.yaml", []byte("levels: {low: 1, medium: 2, high: 3}\nrules:\n  - {id: r, weight: 1, lang: [en], explain: x, all: [a]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(os.DirFS(dir), ".")
	checkErr(t, err, `a.yaml: rule "r": explain: must be a sig.* message id, got "x"`)
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("got error %v, want none", err)
	case want != "" && err == nil:
		t.Errorf("got no error, want one containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("got error %q, want it to contain %q", err, want)
	}
}

func TestShippedDataLoads(t *testing.T) {
	d, err := LoadData(FS, "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Links.Imitated) == 0 || len(d.Money.Units) == 0 || len(d.Apps.Remote) == 0 || len(d.Folding.Lookalikes) == 0 {
		t.Errorf("got empty sections in %+v, want every file's data", d)
	}
}

func TestDataValidateNamesFileAndField(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Data)
		want string
	}{
		{"shipped", func(*Data) {}, ""},
		{"empty shortener", func(d *Data) { d.Links.Shorteners = append(d.Links.Shorteners, "") }, "data/links.yaml: shorteners: entry"},
		{"two-letter look-alike", func(d *Data) { d.Folding.Lookalikes = map[string]string{"ab": "c"} }, "data/folding.yaml: lookalikes: key \"ab\""},
		{"Cantonese to a word", func(d *Data) { d.Folding.Cantonese = map[string]string{"唔": "不要"} }, "data/folding.yaml: cantonese:"},
		{"digit to a word", func(d *Data) { d.Folding.WordDigits = map[string]string{"0": "oo"} }, "data/folding.yaml: word_digits:"},
		{"app without a name", func(d *Data) { d.Apps.Remote = append(d.Apps.Remote, App{Spelling: "x"}) }, "data/apps.yaml: remote["},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := LoadData(FS, "data")
			if err != nil {
				t.Fatal(err)
			}
			tc.edit(&d)
			checkErr(t, d.Validate("data"), tc.want)
		})
	}
}
