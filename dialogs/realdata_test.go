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
// contacts.json, in both languages: the bank comes first; the place's first
// screen shows its police or fraud line before the consular line (outside
// mainland China, Hong Kong and Macao), fits maxTopLines lines and repeats
// no line; "more numbers" shows the rest, so that every number of the place
// is shown exactly once; money that left a Chinese account goes through
// family in China. Wording may change; these facts may not.
func TestRealData(t *testing.T) {
	useReal(t)
	d := locales.Dir()
	if len(d.Countries) == 0 {
		t.Fatal("the shipped directory is empty")
	}
	consular := d.Consular()
	if consular == nil {
		t.Fatal("the shipped directory has no consular hotline")
	}
	cnPolice, cnAntiFraud := cnParams()["police"], cnParams()["antifraud"]
	places := append(append([]locales.Country(nil), d.Countries...), locales.Country{Code: CountryOther})
	for _, lang := range locales.Langs {
		for _, c := range places {
			s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: lang})
			s, replies := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "paid")})
			if len(replies) == 0 || len(replies[0].Texts) < 2 || replies[0].Texts[1].Key != "paid.bank" {
				t.Fatalf("%s/%s: first steps %+v, want the bank step first", lang, c.Code, replies)
			}
			s, replies = Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "cc:"+c.Code)})
			if s.Country != c.Code || len(replies) != 1 {
				t.Fatalf("%s: pressing cc:%s left country %q and %d replies", lang, c.Code, s.Country, len(replies))
			}
			top := renderReal(t, lang, replies[0])
			lines := textLines(top.Text)
			if len(lines) > maxTopLines {
				t.Errorf("%s/%s: the first screen has %d lines, want at most %d:\n%s", lang, c.Code, len(lines), maxTopLines, top.Text)
			}
			checkOnce(t, lang+"/"+c.Code+" first screen", lines)

			local := strings.Index(top.Text, firstNumber(c, locales.KindEmergency, locales.KindPolice, locales.KindFraudReport, locales.KindAntiFraudHotline, locales.KindWebsite))
			consularAt := strings.Index(top.Text, consular.Phone)
			switch {
			case c.Code == CountryOther:
				if consularAt < 0 {
					t.Errorf("%s/other: no consular hotline:\n%s", lang, top.Text)
				}
			case !consularPlace(c.Code):
				if local < 0 || consularAt >= 0 {
					t.Errorf("%s/%s: police line at %d, consular hotline at %d; want the police and no consular line:\n%s", lang, c.Code, local, consularAt, top.Text)
				}
			default:
				mission := strings.Index(top.Text, firstNumber(c, locales.KindEmbassy, locales.KindConsulate))
				if local < 0 || consularAt < 0 || consularAt < local || mission >= 0 && mission < local {
					t.Errorf("%s/%s: police or fraud line at %d, mission at %d, consular hotline at %d; want police or fraud first, then the consular lines:\n%s",
						lang, c.Code, local, mission, consularAt, top.Text)
				}
			}
			if c.Code != "CN" {
				for _, w := range []string{cnPolice, cnAntiFraud} {
					if !strings.Contains(top.Text, w) {
						t.Errorf("%s/%s: the paid steps do not name %q for family in China:\n%s", lang, c.Code, w, top.Text)
					}
				}
			}

			all := lines
			if hasChoice(replies[0], "more") {
				_, more := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "more")})
				if len(more) != 1 || hasChoice(more[0], "more") {
					t.Fatalf("%s/%s: more numbers gave %+v", lang, c.Code, more)
				}
				all = append(all, textLines(renderReal(t, lang, more[0]).Text)...)
			}
			want := append([]locales.Contact(nil), c.Contacts...)
			if consularPlace(c.Code) {
				for _, other := range d.Countries {
					for _, k := range other.Contacts {
						if k.Kind == locales.KindConsularHotline {
							want = append(want, k)
						}
					}
				}
			}
			for _, k := range want {
				if k.Kind == locales.KindConsularHotline && !consularPlace(c.Code) {
					continue
				}
				line := textLines(renderReal(t, lang, Reply{Texts: contactLine(&k, false)}).Text)[0]
				if n := count(all, line); n != 1 {
					t.Errorf("%s/%s: %q is shown %d times on the two screens, want once", lang, c.Code, line, n)
				}
			}
		}
	}
}

// TestRealPlaces finds every shipped place by its names, in both
// languages, alone and in a short sentence.
func TestRealPlaces(t *testing.T) {
	useReal(t)
	for _, c := range locales.Dir().Countries {
		names := append([]string{c.Code, c.Name.EN, c.Name.ZH, "I'm in " + c.Name.EN, "我在" + c.Name.ZH}, c.Aliases...)
		for _, city := range c.Cities {
			names = append(names, city.EN, city.ZH, "I'm in "+city.EN, "im in "+strings.ToLower(city.EN)+" now", "我在"+city.ZH, "我现在在"+city.ZH+"读书")
			names = append(names, city.Also...)
		}
		for _, n := range names {
			if got, ok := matchCountry(n); !ok || got != c.Code {
				t.Errorf("matchCountry(%q) = %q, %v; want %s", n, got, ok, c.Code)
			}
		}
	}
}

func renderReal(t *testing.T, lang string, r Reply) Rendered {
	t.Helper()
	checkReplyIn(t, realCat, r)
	out, err := Render(realCat, lang, r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// textLines are the lines of a rendered text that hold something.
func textLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func checkOnce(t *testing.T, what string, lines []string) {
	t.Helper()
	for i, l := range lines {
		if count(lines[:i], l) > 0 {
			t.Errorf("%s: %q is shown twice", what, l)
		}
	}
}

func count(lines []string, l string) int {
	n := 0
	for _, x := range lines {
		if x == l {
			n++
		}
	}
	return n
}

// firstNumber is the phone or URL of c's first contact of the first kind
// that has one, or a string no screen holds.
func firstNumber(c locales.Country, kinds ...string) string {
	for _, kind := range kinds {
		for _, k := range c.Contacts {
			if k.Kind == kind && k.Phone != "" {
				return k.Phone
			}
			if k.Kind == kind {
				return k.URL
			}
		}
	}
	return "\x00none"
}

func hasChoice(r Reply, id string) bool {
	for _, row := range r.Choices {
		for _, c := range row {
			if _, got, ok := ParseChoice(c.Data); ok && got == id {
				return true
			}
		}
	}
	return false
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

// TestRealCityMissionFirst: someone who types a city with a Chinese
// mission gets that mission on the first screen, before any other mission
// of the country, whether they are at the place question after a loss or
// asked for numbers; a country named alone keeps the country's order.
func TestRealCityMissionFirst(t *testing.T) {
	useReal(t)
	d := locales.Dir()
	checked := 0
	for _, c := range d.Countries {
		if !consularPlace(c.Code) {
			continue
		}
		for _, city := range c.Cities {
			var mission *locales.Contact
			for i := range c.Contacts {
				if k := &c.Contacts[i]; (k.Kind == locales.KindEmbassy || k.Kind == locales.KindConsulate) && k.City == city.EN {
					mission = k
					break
				}
			}
			if p, _ := d.FindPlace(city.EN); mission == nil || p.City == "" {
				// No mission there, or a city-state whose name is the
				// country's ("Singapore"): the country's order holds.
				continue
			}
			for _, lang := range locales.Langs {
				for _, typed := range []string{city.EN, "我在" + city.ZH} {
					s, _ := Step(State{}, Event{Kind: EventCommand, Command: "where", Lang: lang})
					s, replies := Step(s, Event{Kind: EventText, Text: typed})
					if s.Country != c.Code || s.Mission != mission.ID || len(replies) != 1 {
						t.Fatalf("%s: %q gave country %q, mission %q and %d replies; want %s, %s", lang, typed, s.Country, s.Mission, len(replies), c.Code, mission.ID)
					}
					top := renderReal(t, lang, replies[0]).Text
					at := strings.Index(top, mission.Phone)
					if at < 0 {
						t.Fatalf("%s: %q: the first screen lacks %s (%s):\n%s", lang, typed, mission.ID, mission.Phone, top)
					}
					for i := range c.Contacts {
						if k := &c.Contacts[i]; k.ID != mission.ID && (k.Kind == locales.KindEmbassy || k.Kind == locales.KindConsulate) && k.Phone != "" && k.Phone != mission.Phone {
							if other := strings.Index(top, k.Phone); other >= 0 && other < at {
								t.Errorf("%s: %q: %s comes before the city's own %s:\n%s", lang, typed, k.ID, mission.ID, top)
							}
						}
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no city with a mission was found in the shipped directory")
	}
	// A country named alone, or pressed, names no mission.
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "where", Lang: locales.EN})
	s, _ = Step(s, Event{Kind: EventText, Text: "Canada"})
	if s.Country != "CA" || s.Mission != "" {
		t.Errorf("\"Canada\" gave country %q, mission %q; want CA and no mission", s.Country, s.Mission)
	}
}

// TestParentsCitiesInChina: a parent in a Chinese city the directory
// lacked ("我在杭州 女儿在洛杉矶", "在家里 沈阳", round seventeen) got "I
// don't know that place" or was asked whether it was a message. A
// Chinese city is mainland China; a few student cities abroad the
// writers named are known too. A city names only its country: no number
// comes with it.
func TestParentsCitiesInChina(t *testing.T) {
	useReal(t)
	for _, text := range []string{"在家里 沈阳", "我人在成都", "I'm in Wuhan"} {
		if got, ok := matchCountry(text); !ok || got != "CN" {
			t.Errorf("matchCountry(%q) = %q, %v; want CN", text, got, ok)
		}
	}
	for text, want := range map[string]string{"we're in Leicester": "GB", "we are in tampa florida": "US", "Norwich": "GB"} {
		if got, ok := matchCountry(text); !ok || got != want {
			t.Errorf("matchCountry(%q) = %q, %v; want %s", text, got, ok, want)
		}
	}
}
