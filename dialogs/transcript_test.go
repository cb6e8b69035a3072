package dialogs

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/golden"
	"github.com/scamcheck/scamcheck/locales"
)

// Telegram's limits, and ours for button labels.
const (
	maxMessage   = 4096
	maxRows      = 8
	maxLabelRune = 40
)

// action is one thing a person does in a transcript.
type action struct {
	show  string // how the transcript shows it
	event func(t *testing.T, s State, last [][]Choice) Event
}

func cmd(name, arg string) action {
	show := "/" + name
	if arg != "" {
		show += " " + arg
	}
	return action{show: show, event: func(*testing.T, State, [][]Choice) Event {
		return Event{Kind: EventCommand, Command: name, Arg: arg}
	}}
}

// msg sends a message whose verdict the engine has computed.
func msg(text string, v classifier.Verdict) action {
	return action{show: "text: " + text, event: func(*testing.T, State, [][]Choice) Event {
		return Event{Kind: EventText, Text: text, Verdict: v}
	}}
}

// fwd forwards a message whose verdict the engine has computed: always a
// message to check.
func fwd(text string, v classifier.Verdict) action {
	return action{show: "forward: " + text, event: func(*testing.T, State, [][]Choice) Event {
		return Event{Kind: EventText, Text: text, Verdict: v, Forwarded: true}
	}}
}

// press taps the button with id on the latest keyboard.
func press(id string) action {
	return action{show: "press " + id, event: func(t *testing.T, _ State, last [][]Choice) Event {
		for _, row := range last {
			for _, c := range row {
				if _, got, ok := ParseChoice(c.Data); ok && got == id {
					return Event{Kind: EventChoice, Data: c.Data}
				}
			}
		}
		t.Fatalf("no button %q on the latest keyboard %v", id, last)
		return Event{}
	}}
}

// pressOld taps a button with id from the keyboard before the latest one.
func pressOld(id string) action {
	return action{show: "press an old button " + id, event: func(_ *testing.T, s State, _ [][]Choice) Event {
		return Event{Kind: EventChoice, Data: EncodeChoice(s.Seq-1, id)}
	}}
}

// raw sends button data as received, possibly forged.
func raw(data string) action {
	return action{show: "press forged " + data, event: func(*testing.T, State, [][]Choice) Event {
		return Event{Kind: EventChoice, Data: data}
	}}
}

func verdict(l classifier.Level, typ classifier.Type, explain ...string) classifier.Verdict {
	v := classifier.Verdict{Level: l, Type: typ, Source: classifier.SourceRules}
	for _, e := range explain {
		v.Signals = append(v.Signals, classifier.Signal{ID: e, Explain: e, Type: typ})
	}
	return v
}

// scripts are the conversations of issue 4; each runs in zh and en.
var scripts = []struct {
	name string
	acts []action
}{
	{"start_help_privacy", []action{cmd("start", ""), cmd("help", ""), cmd("privacy", "")}},
	{"lang", []action{cmd("start", ""), press("lang"), press("lang:zh"), cmd("lang", "en"), cmd("lang", "")}},
	{"cancel", []action{cmd("start", ""), press("call"), press("quiz"), press("y"), cmd("cancel", "")}},
	{"forget", []action{cmd("forget", "")}},
	{"check_high_paid_country", []action{
		press0("check"),
		fwd("This is the police. Your passport was used in a crime. Transfer your savings to the safe account now and tell no one.",
			verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.safe_account", "sig.authority", "sig.secrecy", "sig.transfer")),
		press("a:paid"), press("cc:US"),
	}},
	{"check_model_oncall", []action{
		msg("Hi, I'm from your bank's security team, please stay on the line and read me the code we just sent.",
			func() classifier.Verdict {
				v := verdict(classifier.LevelMedium, classifier.TypePhishing, "sig.transfer")
				v.Source, v.ModelReasons, v.ModelStatus = classifier.SourceRulesLLM, []string{"sig.code_relay"}, classifier.ModelAnswered
				return v
			}()),
		press("a:call"), press("a:paid"), press("cc:CN"),
	}},
	{"check_low_app", []action{
		msg("Your parcel is waiting, install our tracking app to arrange delivery.", verdict(classifier.LevelLow, classifier.TypeCourier)),
		press("a:app"),
	}},
	{"check_none_then_nothing_share", []action{
		fwd("Dinner at seven? Mum says bring the dumplings.", verdict(classifier.LevelNone, classifier.TypeNone)),
		msg("Join our teacher's stock group, guaranteed 30% a month, deposit on the app today.",
			verdict(classifier.LevelHigh, classifier.TypeInvestment, "sig.transfer")),
		press("a:none"), press("share"), press("share:other"),
	}},
	{"call_now", []action{cmd("start", ""), press("call"), press("call:on"), press("share")}},
	{"quiz_high_paid", []action{
		cmd("start", ""), press("call"), press("quiz"), press("y"), press("n"), press("y"), press("a:paid"), press("cc:FR"),
	}},
	{"quiz_all_no", []action{
		cmd("start", ""), press("call"), press("quiz"), press("n"), press("n"), press("n"), press("n"), press("n"), press("n"), press("n"),
	}},
	{"quiz_typed_answers", []action{
		cmd("start", ""), press("call"), press("quiz"), typed("no"), typed("是"), typed("maybe"), typed("n"), typed("否"), typed("yes"), typed("没有"),
	}},
	{"paid_country_known", []action{cmd("start", ""), press("where"), press("cc:CN"), press("menu"), press("paid")}},
	{"paid_other_place", []action{cmd("start", ""), press("paid"), press("cc:other")}},
	{"where_change", []action{cmd("start", ""), press("where"), press("cc:GB"), press("where"), press("cc:HK"), press("where"), typed("Berlin"), typed("法国")}},
	{"share_generic", []action{cmd("share", ""), press("share:other")}},
	{"where_city", []action{
		cmd("start", ""), press("where"), typed("I'm in Los Angeles"), press("more"),
		press("where"), typed("我在旧金山读书"), cmd("paid", ""), press("more"),
	}},
	{"start_code_org", []action{cmd("start", "cn-cg-la"), press("paid")}},
	{"start_code_unknown", []action{cmd("start", "no-such-org"), cmd("start", "bad code!"), press("where")}},
	{"stale_and_forged", []action{
		cmd("start", ""), press("call"), pressOld("check"), raw("c999:a:paid"), raw("cx:menu"), raw("hello"),
		raw(EncodeChoice(2, "cc:ZZ")), raw(EncodeChoice(2, "y")), cmd("frobnicate", ""),
		msg("   ", classifier.Verdict{}), press("cc:other"),
	}},
}

// press0 is press for the first keyboard of a fresh conversation, which
// only /start shows: it starts the conversation first.
func press0(id string) action {
	a := press(id)
	return action{show: "/start, then press " + id, event: func(t *testing.T, s State, last [][]Choice) Event {
		return a.event(t, s, last)
	}}
}

// typed sends a typed answer during the questionnaire.
func typed(text string) action {
	return msg(text, classifier.Verdict{})
}

func TestTranscripts(t *testing.T) {
	for _, sc := range scripts {
		for _, lang := range locales.Langs {
			name := sc.name + "_" + lang
			t.Run(name, func(t *testing.T) {
				got := runScript(t, sc.acts, lang)
				path := filepath.Join("testdata", "transcripts", name+".txt")
				golden.Compare(t, path, got)
			})
		}
	}
}

func runScript(t *testing.T, acts []action, lang string) string {
	t.Helper()
	var b strings.Builder
	var s State
	var last [][]Choice
	for i, a := range acts {
		if i == 0 && strings.HasPrefix(a.show, "/start, then") {
			var replies []Reply
			s, replies = Step(s, Event{Kind: EventCommand, Command: "start", Lang: lang})
			last = latestKeyboard(last, replies)
		}
		e := a.event(t, s, last)
		e.Lang = lang
		fmt.Fprintf(&b, "> %s\n", a.show)
		var replies []Reply
		s, replies = Step(s, e)
		if err := s.Validate(); err != nil {
			t.Fatalf("after %q: invalid state %+v: %v", a.show, s, err)
		}
		for _, r := range replies {
			checkReply(t, r)
			out, err := Render(catalog, s.Lang, r)
			if err != nil {
				t.Fatalf("after %q: %v", a.show, err)
			}
			if out.Lang != s.Lang {
				fmt.Fprintf(&b, "<<< reply in %s\n", out.Lang)
			} else {
				fmt.Fprintf(&b, "<<< reply\n")
			}
			for _, line := range strings.Split(out.Text, "\n") {
				fmt.Fprintf(&b, "< %s\n", line)
			}
			for _, row := range out.Choices {
				var cells []string
				for _, c := range row {
					cells = append(cells, fmt.Sprintf("[%s] %s", c.Data, c.Label))
				}
				fmt.Fprintf(&b, "  %s\n", strings.Join(cells, " | "))
			}
		}
		last = latestKeyboard(last, replies)
		fmt.Fprintf(&b, "= node=%q seq=%d country=%q org=%q paid=%v answers=%q last=%s\n\n",
			s.Node, s.Seq, s.Country, s.Org, s.Paid, s.Answers, summary(s.Last))
	}
	return b.String()
}

func latestKeyboard(last [][]Choice, replies []Reply) [][]Choice {
	for _, r := range replies {
		if len(r.Choices) > 0 {
			last = r.Choices
		}
	}
	return last
}

func summary(c *CheckSummary) string {
	if c == nil {
		return "-"
	}
	return fmt.Sprintf("%s/%s/%s", c.Level, c.Type, strings.Join(c.Reasons, ","))
}

// checkReply renders r in both languages and checks Telegram's limits.
func checkReply(t *testing.T, r Reply) {
	t.Helper()
	checkReplyIn(t, catalog, r)
}

func checkReplyIn(t *testing.T, catalog *locales.Catalog, r Reply) {
	t.Helper()
	if len(r.Choices) > maxRows {
		t.Errorf("%d rows of buttons, want at most %d", len(r.Choices), maxRows)
	}
	for _, lang := range locales.Langs {
		out, err := Render(catalog, lang, r)
		if err != nil {
			t.Fatalf("render in %s: %v", lang, err)
		}
		if out.Text == "" {
			t.Errorf("empty reply in %s: %+v", lang, r)
		}
		if n := utf8.RuneCountInString(out.Text); n > maxMessage {
			t.Errorf("reply of %d characters in %s, want at most %d", n, lang, maxMessage)
		}
		for _, row := range out.Choices {
			if len(row) > 3 {
				t.Errorf("%d buttons in a row, want at most 3", len(row))
			}
			for _, c := range row {
				if len(c.Data) > MaxChoiceData {
					t.Errorf("button data %q is %d bytes, want at most %d", c.Data, len(c.Data), MaxChoiceData)
				}
				if n := utf8.RuneCountInString(c.Label); n == 0 || n > maxLabelRune {
					t.Errorf("button label %q is %d characters, want 1..%d", c.Label, n, maxLabelRune)
				}
			}
		}
	}
}

// diff shows the first differing line, enough to find what changed.
