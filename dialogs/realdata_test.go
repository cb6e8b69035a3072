package dialogs

import (
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// useReal runs f with the directory and catalog the program ships.
func useReal(t *testing.T) {
	t.Helper()
	directory = locales.Dir
	t.Cleanup(func() { directory = func() *locales.Directory { return fixtureDir } })
}

// TestRealData walks the already-paid path for every place in the shipped
// contacts.json, in both languages: the bank comes first, then the police
// and every number listed for that place, the consular hotline outside
// China, and the route through family for money that left a Chinese
// account. Wording may change; these facts may not.
func TestRealData(t *testing.T) {
	useReal(t)
	d := locales.Dir()
	if len(d.Countries) == 0 {
		t.Fatal("the shipped directory is empty")
	}
	consular := d.Consular()
	cnPolice, cnAntiFraud := cnParams()["police"], cnParams()["antifraud"]
	for _, lang := range locales.Langs {
		for _, c := range append(append([]locales.Country(nil), d.Countries...), locales.Country{Code: CountryOther}) {
			s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: lang})
			s, replies := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "paid")})
			if len(replies) == 0 || replies[0].Texts[1].Key != "paid.bank" {
				t.Fatalf("%s/%s: first steps %+v, want the bank step first", lang, c.Code, replies)
			}
			s, replies = Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "cc:"+c.Code)})
			if s.Country != c.Code {
				t.Fatalf("%s: pressing cc:%s left country %q", lang, c.Code, s.Country)
			}
			var text strings.Builder
			for _, r := range replies {
				checkReplyIn(t, realCat, r)
				out, err := Render(realCat, lang, r)
				if err != nil {
					t.Fatal(err)
				}
				text.WriteString(out.Text)
			}
			got := text.String()
			want := []string{}
			for _, k := range c.Contacts {
				if k.Kind == locales.KindConsularHotline {
					continue
				}
				want = append(want, k.Phone, k.URL)
			}
			switch c.Code {
			case "CN":
				want = append(want, cnPolice, cnAntiFraud)
			case "HK", "MO":
				want = append(want, cnPolice, cnAntiFraud)
			default:
				want = append(want, consular.Phone, cnPolice, cnAntiFraud)
			}
			for _, w := range want {
				if w != "" && !strings.Contains(got, w) {
					t.Errorf("%s/%s: the paid steps do not show %q:\n%s", lang, c.Code, w, got)
				}
			}
			if c.Code == "CN" && consular != nil && strings.Contains(got, consular.Phone) {
				t.Errorf("%s/CN: shows the consular hotline, which is for people abroad", lang)
			}
		}
	}
}

// Every shipped start code greets with the organisation and its numbers.
func TestRealOrgs(t *testing.T) {
	useReal(t)
	for _, o := range locales.Dir().Orgs {
		for _, lang := range locales.Langs {
			s, replies := Step(State{}, Event{Kind: EventCommand, Command: "start", Arg: o.Code, Lang: lang})
			if s.Org != strings.ToLower(o.Code) || s.Country != o.Country {
				t.Errorf("/start %s: org %q country %q, want %q %q", o.Code, s.Org, s.Country, o.Code, o.Country)
			}
			out, err := Render(realCat, lang, replies[0])
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.Text, o.Name.In(lang)) {
				t.Errorf("/start %s in %s: greeting %q does not name %q", o.Code, lang, out.Text, o.Name.In(lang))
			}
			for _, id := range o.Contacts {
				if k := locales.Dir().Contact(id); !strings.Contains(out.Text, k.Phone+k.URL) && !strings.Contains(out.Text, k.Phone) {
					t.Errorf("/start %s in %s: greeting lacks %s", o.Code, lang, id)
				}
			}
		}
	}
}

// A random walk over the shipped data, as TestRandomConversations does
// over the fixture.
func TestRealDataRandomConversations(t *testing.T) {
	useReal(t)
	saved := catalog
	catalog = realCat
	defer func() { catalog = saved }()
	TestRandomConversations(t)
}
