package dialogs

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/locales"
)

// Typed answers to the place question, against the shipped directory.
func TestMatchCountry(t *testing.T) {
	useReal(t)
	tests := []struct {
		text string
		want string // "" for no place
	}{
		{"Berlin", "DE"},
		{"Toronto", "CA"},
		{"多伦多", "CA"},
		{"I'm in Berlin", "DE"},
		{"I\u2019m in Berlin now", "DE"},
		{"i am in toronto right now", "CA"},
		{"我在多伦多", "CA"},
		{"我现在在加拿大多伦多读书", "CA"},
		{"Toronto, Canada", "CA"},
		{"toronto ON", "CA"},
		{"ＴＯＲＯＮＴＯ", "CA"},
		{"München", "DE"},
		{"in new york", "US"},
		{"中国香港", "HK"},
		{"我在国内", "CN"},
		{"uk", "GB"},
		{"其他", CountryOther},
		{"Somewhere else", CountryOther}, // the button's words, typed
		{"somewhere else.", CountryOther},
		{"别的地方", CountryOther},
		{"我在Berlin", "DE"},
		{"not sure, maybe Berlin", "DE"}, // a hedge before the place
		{"i think toronto", "CA"},
		{"可能在多伦多吧", "CA"},
		{"back home in china", "CN"},
		{"Berlin or Paris", ""},             // two countries: no answer
		{"I'll be in Berlin", ""},           // "be" is no country code inside a sentence
		{"转账到美国的账户", ""},                    // a place inside a message is no answer
		{"Springfield", ""},                 // not in the directory
		{"hello", ""},                       // no place at all
		{"", ""},                            // nothing
		{strings.Repeat("Berlin ", 10), ""}, // too long to be an answer
	}
	for _, tt := range tests {
		got, ok := matchCountry(tt.text)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("matchCountry(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

// A press on "more" where there is nothing more (an old or forged button)
// changes nothing.
func TestMoreWithoutPlace(t *testing.T) {
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: "en"})
	ns, replies := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "more")})
	if len(replies) != 1 || replies[0].Texts[0].Key != "choice.stale" || ns.Node != s.Node || ns.Seq != s.Seq {
		t.Errorf("more without a place: state %+v, replies %+v; want the stale answer and no change", ns, replies)
	}
}

// matchCountry reads untrusted text: it never panics and names only
// places the directory has.
func FuzzMatchCountry(f *testing.F) {
	for _, s := range []string{"Berlin", "我在多伦多读书", "Toronto, Canada", "be", "ＮＹＣ", "\xff\xfe", "在在在在"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		code, ok := matchCountry(text)
		if !ok {
			return
		}
		if code != CountryOther && directory().Country(code) == nil {
			t.Errorf("matchCountry(%q) = %q, which the directory does not hold", text, code)
		}
		if !utf8.ValidString(code) {
			t.Errorf("matchCountry(%q) = %q", text, code)
		}
	})
}

// BenchmarkMatchCountry measures the place question's reading of a typed
// answer against the shipped directory.
func BenchmarkMatchCountry(b *testing.B) {
	directory = locales.Dir
	b.Cleanup(func() { directory = func() *locales.Directory { return fixtureDir } })
	answers := []string{"Toronto", "我现在在加拿大多伦多读书", "I'm in New York right now", "Springfield"}
	for i := 0; b.Loop(); i++ {
		matchCountry(answers[i%len(answers)])
	}
}

// TestPlaceTypedFromTheMenu: "I'm in Leeds" typed at the menu, before any
// place question, shows that place's numbers instead of asking whether it
// is a message received.
func TestPlaceTypedFromTheMenu(t *testing.T) {
	useReal(t)
	for _, tt := range []struct{ lang, text, country string }{
		{"en", "I'm in Leeds", "GB"},
		{"en", "Melbourne Australia", "AU"},
		{"zh", "我在悉尼", "AU"},
	} {
		s := stateFor(t, "start", tt.lang)
		ns, replies := Step(s, Event{Kind: EventText, Text: tt.text})
		if len(replies) == 0 || len(replies[0].Texts) == 0 || !strings.HasPrefix(replies[0].Texts[0].Key, "where.") {
			t.Errorf("%q: first reply %+v, want the place's numbers", tt.text, replies)
			continue
		}
		if ns.Country != tt.country {
			t.Errorf("%q: country %q, want %q", tt.text, ns.Country, tt.country)
		}
	}
}

// TestQuestionNamingAPlace: a question about reporting or the police number
// that names a place gets that place's numbers at once; one that names no
// place, or two countries, or "us" as a pronoun, is answered as before.
func TestQuestionNamingAPlace(t *testing.T) {
	tests := []struct {
		lang, text  string
		wantFirst   string // the key of the reply's first text
		wantCountry string // the place recorded ("" for none)
	}{
		{locales.EN, "what's the police number in france", "where.title", "FR"},
		{locales.EN, "how do I report it in the UK", "understand.q.report_here", "GB"},
		{locales.ZH, "在英国怎么报警", "understand.q.report_here", "GB"},
		{locales.ZH, "法国报警电话多少", "where.title", "FR"},
		{locales.ZH, "我在纽约，报警电话多少", "where.title", "US"},
		{locales.EN, "how do i report it, they told us to pay", "understand.q.report", ""},
		{locales.EN, "police number uk", "where.title", "GB"}, // the place last, without "in"
		{locales.EN, "france police number", "where.title", "FR"},
		{locales.EN, "how do I report it france", "understand.q.report_here", "FR"},
		{locales.EN, "police number us", "where.ask", ""}, // "us" alone at the end is the word
		{locales.ZH, "中国驻英国大使馆让我报案怎么办", "understand.q.report", ""},
		// Asked for a mission's number: China owns the embassy, the place
		// is where it is.
		{locales.ZH, "中国驻英国大使馆电话多少", "where.title", "GB"},
		{locales.EN, "what is the number of the chinese embassy in london", "where.title", "GB"},
	}
	for _, tt := range tests {
		s := stateFor(t, "start", tt.lang)
		got, replies := Step(s, Event{Kind: EventText, Text: tt.text})
		if len(replies) == 0 || len(replies[0].Texts) == 0 {
			t.Errorf("%q: got no reply", tt.text)
			continue
		}
		if first := replies[0].Texts[0].Key; first != tt.wantFirst {
			t.Errorf("%q: got first text %s, want %s", tt.text, first, tt.wantFirst)
		}
		if got.Country != tt.wantCountry {
			t.Errorf("%q: got place %q, want %q", tt.text, got.Country, tt.wantCountry)
		}
	}
}
