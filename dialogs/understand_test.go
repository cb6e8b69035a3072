package dialogs

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// intentRow is one row of the intent table: a typed text, the state the
// conversation was in, and what it is.
type intentRow struct {
	Text   string `json:"text"`
	Lang   string `json:"lang"`
	State  string `json:"state"`
	Intent Intent `json:"intent"`
}

// readIntentRows reads a JSON-lines intent table; unknown keys, states or
// intents fail, so a typo in the table cannot pass unseen.
func readIntentRows(t *testing.T, path string) []intentRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("intent table: %v", err)
	}
	defer f.Close()
	valid := map[Intent]bool{}
	for _, in := range Intents {
		valid[in] = true
	}
	var rows []intentRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var r intentRow
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		if !tableStates[r.State] || !valid[r.Intent] || (r.Lang != locales.ZH && r.Lang != locales.EN) {
			t.Fatalf("%s:%d: state %q, intent %q, lang %q", path, line, r.State, r.Intent, r.Lang)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// stateFor builds a conversation in the table's state, the way a person
// gets there.
func stateFor(t *testing.T, state, lang string) State {
	t.Helper()
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: lang})
	press := func(id string) {
		s, _ = Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, id)})
	}
	switch state {
	case "start":
	case "verdict":
		s, _ = Step(s, Event{Kind: EventText, Forwarded: true, Text: "forwarded", Verdict: verdict(2, "impersonate_official", "sig.transfer")})
	case "quiz":
		press("call")
		press("quiz")
	case "country":
		press("where")
	case "steps":
		press("paid")
		press("cc:GB")
	}
	if got := tableState(s); got != state {
		t.Fatalf("setting up state %q: got %q (node %q)", state, got, s.Node)
	}
	return s
}

// ownIntentRows are examples written beside the writer's table: every
// example of issue 11 in both languages, and more in each language's own
// words (typos, no punctuation, emoji).
var ownIntentRows = []intentRow{
	// Told as it happened (issue #12's sixth round, the lead): details
	// typed into a page are given, a gift card asked for is not yet
	// bought, the isolation script and "must not hang up" are what a
	// caller does now, and a relative's own account is a threat to them.
	{"I clicked the link and entered my card details", "en", "start", IntentPaid},
	{"我刚才点了那个链接填了银行卡信息", "zh", "start", IntentPaid},
	{"someone claiming to be my professor emailed asking me to buy gift cards for him", "en", "start", IntentAccount},
	{"刚才有人加我微信说是我的辅导员，让我交资料费", "zh", "start", IntentUnclear},
	{"They told me to go to a hotel and stay alone", "en", "start", IntentThreatened},
	{"对方让我开视频，还让我把门关上", "zh", "start", IntentThreatened},
	{"the man says he is from the embassy and I must not hang up", "en", "start", IntentOnCall},
	{"我奶奶接到电话说她的养老金账户异常", "zh", "start", IntentThreatened},
	{"my grandma got a call from the tax office saying she owes money and must pay today", "en", "start", IntentThreatened},
	{"i am scared they said police will come to my home today", "en", "start", IntentThreatened},
	{"我已经按他们说的去酒店住了", "zh", "start", IntentThreatened},
	{"a man on the phone says he is a police officer in Shanghai and needs my ID number", "en", "start", IntentOnCall},
	{"我给他们念了身份证号", "zh", "start", IntentPaid},
	{"i think my grandma is talking to a scammer right now", "en", "start", IntentOnCall},
	{"someone took over my wechat and is messaging my friends for money", "en", "start", IntentAccount},
	// A paste or a voice note's transcript that speaks to its reader is a
	// message to check, whatever story words it holds (the lead, after
	// dialogs2 made "安全账户" and "not to tell" story words).
	{"这里是北京市公安局，你的银行卡涉嫌一起洗钱案，请把存款转到安全账户，不要告诉家人", "zh", "start", IntentCheck},
	{"您好，杭州市公安局刑侦支队，你的护照涉嫌洗钱案件，请立即把资金转到安全账户配合调查，此事保密", "zh", "start", IntentCheck},
	{"police department here, you are suspected of laundering, you must move your money to a safe account and cooperate with the investigation, do not tell your family", "en", "start", IntentCheck},
	{"This is the fraud team, your account is under investigation, move your savings to a safe account and do not tell anyone", "en", "start", IntentCheck},
	{"the police guy says i have to transfer to a safe account", "en", "start", IntentThreatened},
	// The lead's last probes (seventh round): a relative named without 我,
	// a parcel said to hold drugs, a number asked about by its digits,
	// "who are you".
	{"妈妈刚才接到电话说我在英国出车祸了要五万块手术费", "zh", "start", IntentThreatened},
	{"he says he is from DHL and my parcel has drugs", "en", "start", IntentThreatened},
	{"is 95588 real", "en", "start", IntentQuestion},
	{"这个95588是真的吗", "zh", "start", IntentQuestion},
	{"你们是谁", "zh", "start", IntentQuestion},
	{"I already paid 2000", "en", "verdict", IntentPaid},
	{"he is still on the phone", "en", "verdict", IntentOnCall},
	{"what should I do?", "en", "verdict", IntentQuestion},
	{"ok", "en", "verdict", IntentSmalltalk},
	{"yes", "en", "verdict", IntentYes},
	{"thanks", "en", "verdict", IntentSmalltalk},
	{"I think I've been scammed, I sent 5000 dollars to them", "en", "start", IntentPaid},
	{"help", "en", "start", IntentQuestion},
	{"Mum I need help, I've been arrested in Bangkok, please send 2000 dollars to this lawyer now, don't call dad", "en", "start", IntentCheck},
	{"Mum I need help, I've been arrested in Bangkok, please send 2000 dollars to this lawyer now, don't call dad", "en", "verdict", IntentCheck},
	{"🙏", "en", "start", IntentSmalltalk},
	{"i alredy payed them 300", "en", "verdict", IntentPaid},
	{"stil on the phone with him", "en", "verdict", IntentOnCall},
	{"wat now", "en", "steps", IntentQuestion},
	{"they are calling me right now", "en", "start", IntentOnCall},
	{"he says im under investigation", "en", "start", IntentThreatened},
	{"i let them control my laptop with anydesk", "en", "verdict", IntentApp},
	{"no", "en", "verdict", IntentNone},
	{"No.", "en", "quiz", IntentNo},
	{"scam", "en", "start", IntentUnclear},
	{"我已经转账了", "zh", "verdict", IntentPaid},
	{"他还在电话上", "zh", "verdict", IntentOnCall},
	{"怎么办", "zh", "verdict", IntentQuestion},
	{"好的谢谢", "zh", "verdict", IntentSmalltalk},
	{"嗯", "zh", "verdict", IntentSmalltalk},
	{"是", "zh", "verdict", IntentYes},
	{"我刚刚转了两万块给一个自称领事馆的人", "zh", "start", IntentPaid},
	{"我被骗了怎么办", "zh", "start", IntentQuestion},
	{"妈我出事了被警察抓了，快转两万块给这个律师，别告诉爸爸", "zh", "start", IntentCheck},
	{"🙏", "zh", "start", IntentSmalltalk},
	{"我已经转了五千", "zh", "verdict", IntentPaid},
	{"还在通话中", "zh", "verdict", IntentOnCall},
	{"现在咋办", "zh", "steps", IntentQuestion},
	{"他们现在一直在给我打电话", "zh", "start", IntentOnCall},
	{"他说我涉嫌洗钱要被调查", "zh", "start", IntentThreatened},
	{"他让我装了个远程软件", "zh", "verdict", IntentApp},
	{"没有", "zh", "verdict", IntentNone},
	{"否", "zh", "quiz", IntentNo},
	{"诈骗", "zh", "start", IntentUnclear},
	{"謝謝", "zh", "steps", IntentSmalltalk},
	{"i told him my id number", "en", "verdict", IntentPaid},
	{"hello i got a weird text", "en", "start", IntentQuestion},
	{"is 12308 a real number", "en", "start", IntentQuestion},
	{"I received a message saying my parcel is held", "en", "start", IntentQuestion},
	{"someone from wechat pay said my account is frozen and asked for the code", "en", "start", IntentThreatened},
	{"我把身份证号告诉他了", "zh", "verdict", IntentPaid},
	{"我收到一条短信说我的包裹被扣了", "zh", "start", IntentQuestion},
	{"12308这个号码是真的吗", "zh", "start", IntentQuestion},
	{"还没付，但是他一直催我", "zh", "verdict", IntentNone},
	{"有个自称微信支付的人说我账户被冻结了，要我的验证码", "zh", "start", IntentThreatened},
	// The second pass over the person's own words (dialogs2): accounts
	// taken over, codes and papers given, a parent's side of a
	// kidnapping call, numbers and fines asked about, anger.
	{"我的QQ被盗了 好友都收到我借钱的消息", "zh", "start", IntentAccount},
	{"my insta got hacked and its dming people for money", "en", "start", IntentAccount},
	{"我表姐的微信找我借三千 说今天就还", "zh", "start", IntentAccount},
	{"my roommates whatsapp asked me to lend her 300 tonight", "en", "verdict", IntentAccount},
	{"我刚把验证码发给他了", "zh", "verdict", IntentPaid},
	{"我把护照的照片拍给他了", "zh", "start", IntentPaid},
	{"he has a copy of my passport now", "en", "start", IntentPaid},
	{"有人打电话说我儿子被绑架了要五万，我打他电话一直没人接", "zh", "start", IntentThreatened},
	{"他一直让我开着视频不要挂", "zh", "start", IntentOnCall},
	{"the bank number on this letter is 0800 123 4567 is it real", "en", "start", IntentQuestion},
	{"大使馆的电话号码是真的吗 0044 20 1111 2222", "zh", "start", IntentQuestion},
	{"do I have to pay the fine they said", "en", "start", IntentQuestion},
	{"this bot is useless", "en", "start", IntentUnclear},
	{"you are useless", "en", "verdict", IntentSmalltalk},
	{"垃圾", "zh", "start", IntentSmalltalk},
	{"你有什么用", "zh", "start", IntentQuestion},
}

// intentRows is the whole table the tests hold: the writer's rows and
// ownIntentRows.
func intentRows(t *testing.T) []intentRow {
	t.Helper()
	var rows []intentRow
	for _, f := range []string{"written_en.jsonl", "written_zh.jsonl"} {
		rows = append(rows, readIntentRows(t, filepath.Join("testdata", "intents", f))...)
	}
	return append(rows, ownIntentRows...)
}

// firstKeys are the messages a reply to each intent may start with, by
// the state it is typed in ("" for any): the steps a frightened person
// needs come first.
var firstKeys = map[Intent]map[string][]string{
	IntentPaid:    {"": {"paid.now", "paid.id.now", "understand.family.paid.now", "understand.giftcard_paid"}},
	IntentAccount: {"": {"account."}},
	IntentOnCall:  {"": {"oncall.hangup", "understand.family.oncall"}},
	IntentApp:     {"": {"app.now", "understand.app_asked", "understand.family.app"}},
	IntentThreatened: {"": {"understand.threatened.rule", "understand.threatened.bank.rule", "understand.threatened.service.rule",
		"understand.threatened.tax.rule", "understand.threatened.visa.rule", "understand.family.call_first", "understand.family.me", "understand.family.them"}},
	IntentNone:      {"start": {"understand.none_start", "understand.q.hung_up"}, "": {"none.steps", "understand.q.hung_up"}},
	IntentYes:       {"quiz": {"quiz.q.", "quiz.level."}, "verdict": {"understand.yes_which"}, "": {"understand.smalltalk."}},
	IntentNo:        {"quiz": {"quiz.q.", "quiz.level."}, "verdict": {"none.steps"}, "": {"understand.smalltalk."}},
	IntentQuestion:  {"quiz": {"understand.q.quiz"}, "country": {"understand.q.country"}, "": {"understand.q.", "understand.scammed"}},
	IntentSmalltalk: {"quiz": {"quiz.yes_or_no", "understand.smalltalk.bye"}, "": {"understand.smalltalk."}},
	IntentRequest:   {"": {"menu.prompt", "check.prompt", "call.first", "quiz.intro", "where.ask", "where.more", "share.title", "lang.ask", "lang.done"}},
	IntentCheck:     {"": {"verdict.", "understand.none_asks"}},
	IntentPlace:     {"": {"where.title", "where.org", "where.other", "where.unknown"}},
	IntentUnclear:   {"quiz": {"quiz.yes_or_no"}, "country": {"understand.q.country", "verdict."}, "": {"understand.unclear", "verdict.", "understand.none_asks", "understand.story_asks", "understand.scammed", "understand.called_back", "understand.called_or_paid", "understand.q.verdict"}},
}

// TestIntentTable places every row of the table in its state and steps the
// conversation as the engine would (classifying only what Understand
// says needs a verdict): each row must get its intent, a reply that starts
// where that intent leads, and no verdict unless it is a message to check.
func TestIntentTable(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	rows := intentRows(t)
	perLang := map[string]int{}
	for _, r := range rows {
		perLang[r.Lang]++
	}
	if len(rows) < 200 || perLang[locales.ZH]*10 < len(rows)*4 || perLang[locales.EN]*10 < len(rows)*4 {
		t.Errorf("table of %d rows (%v), want at least 200, about half in each language", len(rows), perLang)
	}
	for _, r := range rows {
		s := stateFor(t, r.State, r.Lang)
		p := Understand(s, r.Text, false)
		if p.Intent != r.Intent {
			t.Errorf("%s %q: got intent %s, want %s", r.State, r.Text, p.Intent, r.Intent)
			continue
		}
		e := Event{Kind: EventText, Text: r.Text}
		if p.NeedsVerdict() {
			e.Verdict = rules.Classify(r.Text)
		}
		_, replies := Step(s, e)
		if len(replies) == 0 || len(replies[0].Texts) == 0 {
			t.Errorf("%s %q (%s): no reply", r.State, r.Text, r.Intent)
			continue
		}
		first := replies[0].Texts[0].Key
		want := firstKeys[r.Intent][r.State]
		if want == nil {
			want = firstKeys[r.Intent][""]
		}
		if !hasAnyPrefix(first, want) {
			t.Errorf("%s %q (%s): reply starts with %s, want one of %v", r.State, r.Text, r.Intent, first, want)
		}
		if r.Intent != IntentCheck && r.Intent != IntentUnclear && strings.HasPrefix(first, "verdict.") {
			t.Errorf("%s %q (%s): got a verdict (%s), want none for what is not a message to check", r.State, r.Text, r.Intent, first)
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestBlindIntentShare measures the blind part of the writer's table: the
// rows nobody tuned the phrase lists on. It reports the share placed
// right, never the rows: they stay blind.
func TestBlindIntentShare(t *testing.T) {
	for _, lang := range locales.Langs {
		rows := readIntentRows(t, filepath.Join("testdata", "intents", "blind", "written_"+lang+"_blind.jsonl"))
		right := 0
		for _, r := range rows {
			if Understand(stateFor(t, r.State, r.Lang), r.Text, false).Intent == r.Intent {
				right++
			}
		}
		t.Logf("blind %s: %d of %d placed right (%.0f%%)", lang, right, len(rows), 100*float64(right)/float64(len(rows)))
	}
}

// FuzzUnderstand: any text, in any state, is placed in exactly one of the
// intents without panicking, and a forwarded one is always checked.
func FuzzUnderstand(f *testing.F) {
	for _, s := range []string{"I already paid 2000", "妈 我手机掉水里了", "", "\xff\xfe", "^", "{num}", strings.Repeat("转了", 3000), "👍", "?"} {
		f.Add(s, uint8(0))
	}
	valid := map[Intent]bool{}
	for _, in := range Intents {
		valid[in] = true
	}
	nodesList := []Node{NodeStart, NodeVerdict, NodeQuiz, NodeCountry, NodeSteps, NodeCall, NodeLang}
	f.Fuzz(func(t *testing.T, text string, node uint8) {
		s := State{Node: nodesList[int(node)%len(nodesList)]}
		p := Understand(s, text, false)
		if !valid[p.Intent] {
			t.Fatalf("Understand(%q) = %q, not an intent", text, p.Intent)
		}
		if p.Story && !isTelling(p.Intent) {
			t.Fatalf("Understand(%q) = %+v: a story of intent %s", text, p, p.Intent)
		}
		if got := Understand(s, text, true); got.Intent != IntentCheck {
			t.Fatalf("forwarded %q: got %s, want check", text, got.Intent)
		}
	})
}

// TestUnderstandDataIsStrict: the phrase data is decoded strictly, so a
// typo in a key, an unknown intent or a one-language list fails.
func TestUnderstandDataIsStrict(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"unknown key", `{"groups":[{"name":"x","intent":"paid","en":["a"],"zh":["甲"],"weigth":2}]}`},
		{"unknown intent", `{"groups":[{"name":"x","intent":"paied","en":["a"],"zh":["甲"]}]}`},
		{"one language", `{"groups":[{"name":"x","intent":"paid","en":["a"]}]}`},
		{"bad kind", `{"groups":[{"name":"x","kind":"other","en":["a"],"zh":["甲"]}]}`},
		{"bad state", `{"groups":[{"name":"x","intent":"yes","states":["nowhere"],"en":["a"],"zh":["甲"]}]}`},
		{"bad fold", `{"fold":{"還錢":"还"},"groups":[]}`},
		{"empty phrase", `{"groups":[{"name":"x","intent":"paid","whole":true,"en":["!!"],"zh":["甲"]}]}`},
		// '‘我’' loses its curly quotes as apostrophes: a flag on every
		// 我 would hide the person from every text.
		{"first person alone", `{"groups":[{"name":"x","kind":"me","en":["saying i"],"zh":["‘我’"]}]}`},
		{"first person alone en", `{"groups":[{"name":"x","kind":"posing","en":["'me'"],"zh":["冒充我"]}]}`},
	} {
		if _, err := newUnderstander([]byte(tc.data)); err == nil {
			t.Errorf("%s: got no error for %s", tc.name, tc.data)
		}
	}
}

// BenchmarkUnderstand places the table's texts, typed and pasted.
func BenchmarkUnderstand(b *testing.B) {
	var texts []string
	var states []State
	for _, f := range []string{"written_en.jsonl", "written_zh.jsonl"} {
		t := &testing.T{}
		for _, r := range readIntentRows(t, filepath.Join("testdata", "intents", f)) {
			texts = append(texts, r.Text)
			states = append(states, State{Node: map[string]Node{"start": NodeStart, "verdict": NodeVerdict, "quiz": NodeQuiz, "country": NodeCountry, "steps": NodeSteps}[r.State]})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := i % len(texts)
		Understand(states[j], texts[j], false)
	}
}

// TestPastedPleaIsNeverCalledSafe: the plea of issue 11, pasted in its
// sender's first person, is checked, and whatever the classifier finds it
// never gets the all-clear: it asks for money and secrecy.
func TestPastedPleaIsNeverCalledSafe(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	pleas := map[string][]string{
		locales.EN: {"Mum I need help, I've been arrested in Bangkok, please send 2000 dollars to this lawyer now, don't call dad",
			"Dad its me, lost my phone, this is my new number. Can you send 800 for the rent today? Dont tell mum x"},
		locales.ZH: {"妈我出事了被警察抓了，快转两万块给这个律师，别告诉爸爸",
			"爸，我手机坏了这是新号，急需交房租，先转三千到这个卡上，别跟妈说"},
	}
	for _, lang := range locales.Langs {
		for _, text := range pleas[lang] {
			for _, state := range []string{"start", "verdict", "steps"} {
				s := stateFor(t, state, lang)
				p := Understand(s, text, false)
				if p.Intent != IntentCheck || !p.Asks {
					t.Errorf("%s %q: got %+v, want a message to check that asks", state, text, p)
					continue
				}
				_, replies := Step(s, Event{Kind: EventText, Text: text, Verdict: rules.Classify(text)})
				if k := replies[0].Texts[0].Key; k == "verdict.none" {
					t.Errorf("%s %q: got %s, want anything but the all-clear", state, text, k)
				}
			}
		}
	}
}

// TestHelpListsEveryCommand: /help names every command of the menu the
// channel sets, in both languages.
func TestHelpListsEveryCommand(t *testing.T) {
	for _, lang := range locales.Langs {
		_, replies := Step(State{}, Event{Kind: EventCommand, Command: "help", Lang: lang})
		out, err := Render(realCat, lang, replies[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range Commands() {
			if !strings.Contains(out.Text, "/"+c.Name+" ") {
				t.Errorf("/help in %s does not list /%s:\n%s", lang, c.Name, out.Text)
			}
		}
	}
}

// TestTypedLabelDoesWhatThePressDoes: a button's label typed instead of
// pressed, in either language and in any state it is offered in, gets the
// reply the press gets.
func TestTypedLabelDoesWhatThePressDoes(t *testing.T) {
	ids := map[string]string{
		"btn.check": "check", "understand.btn.received": "check", "btn.call": "call", "btn.quiz": "quiz",
		"btn.menu": "menu", "btn.stop": "menu", "btn.where": "where", "btn.where_else": "where",
		"btn.share": "share", "btn.share_other": "share:other", "btn.lang": "lang",
		"btn.paid": "paid", "btn.paid_too": "a:paid", "btn.a.paid": "a:paid", "btn.f.paid": "f:paid",
		"btn.still_on_call": "call:on", "btn.a.call": "a:call", "btn.a.app": "a:app",
	}
	for key := range labelPlacements {
		if _, ok := ids[key]; !ok && key != "btn.more_numbers" && key != "btn.a.none" && key != "btn.lang.zh" && key != "btn.lang.en" {
			t.Errorf("label %s: no press to compare with", key)
		}
	}
	for _, lang := range locales.Langs {
		for _, label := range locales.Langs {
			for key, id := range ids {
				text, err := realCat.Render(label, key, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, state := range []string{"start", "verdict", "steps"} {
					s := stateFor(t, state, lang)
					_, typed := Step(s, Event{Kind: EventText, Text: text})
					_, pressed := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, id)})
					if got, want := typed[0].Texts[0].Key, pressed[0].Texts[0].Key; got != want {
						t.Errorf("%s, %s: typed %q starts with %s, want %s as the press of %s", lang, state, text, got, want, id)
					}
				}
			}
		}
	}
	// A language's name switches to it from anywhere; "more numbers"
	// before a place asks for the place.
	for _, lang := range locales.Langs {
		s := stateFor(t, "verdict", lang)
		for _, to := range locales.Langs {
			text, _ := realCat.Render(lang, "btn.lang."+to, nil)
			ns, r := Step(s, Event{Kind: EventText, Text: text})
			if ns.Lang != to || r[0].Texts[0].Key != "lang.done" {
				t.Errorf("%s: typed %q: got language %s and %s, want %s and lang.done", lang, text, ns.Lang, r[0].Texts[0].Key, to)
			}
		}
		text, _ := realCat.Render(lang, "btn.more_numbers", nil)
		if _, r := Step(s, Event{Kind: EventText, Text: text}); r[0].Texts[0].Key != "where.ask" {
			t.Errorf("%s: typed %q before a place: got %s, want where.ask", lang, text, r[0].Texts[0].Key)
		}
	}
}

// TestFamilyStoryWhoToCall checks what a family story is told to do
// first, by what the caller claimed: someone else in trouble (call that
// one), the person typing (call the family back), or only the relative's
// own money or papers (hang up and check with the official number: there
// is nobody else to call).
func TestFamilyStoryWhoToCall(t *testing.T) {
	tests := []struct {
		lang, text string
		want       string // the first text key of the reply
	}{
		{locales.ZH, "我奶奶接到一个电话说她孙子被抓了", "understand.family.call_first"},
		{locales.ZH, "我爸接到电话说我弟在国外出了车祸要交医药费", "understand.family.call_first"},
		{locales.ZH, "我妈接到电话说我被绑架了", "understand.family.me"},
		{locales.ZH, "妈妈刚才接到电话说我在英国出车祸了要五万块手术费", "understand.family.me"},
		{locales.ZH, "有人打电话说我儿子在他们手上", "understand.family.call_first"},
		{locales.ZH, "我妈刚收到一个电话说她医保卡被冻结了要转账到安全账户", "understand.family.them"},
		{locales.ZH, "我外婆接到电话说她涉嫌洗钱，让她把存款转到安全账户", "understand.family.them"},
		{locales.EN, "my grandma got a call saying my cousin was arrested and needs bail", "understand.family.call_first"},
		{locales.EN, "My mum got a call saying I was kidnapped", "understand.family.me"},
		{locales.EN, "i think my grandma is talking to a scammer right now", "understand.family.oncall"},
		{locales.ZH, "我担心我奶奶正在跟骗子打电话", "understand.family.oncall"},
		{locales.EN, "my dad got a call saying his bank account was used for money laundering", "understand.family.them"},
		{locales.EN, "my grandma got a call from someone claiming to be police, they said her bank account is frozen", "understand.family.them"},
		{locales.EN, "my grandpa is on the phone with someone saying his pension is frozen", "understand.family.oncall"},
		{locales.ZH, "我妈接到电话说我妹在学校打伤了同学要赔钱", "understand.family.call_first"},
	}
	for _, tt := range tests {
		s := stateFor(t, "start", tt.lang)
		p := Understand(s, tt.text, false)
		if !p.Family {
			t.Errorf("%q: got placement %+v, want a family story", tt.text, p)
			continue
		}
		if got := firstReplyKey(s, tt.text); got != tt.want {
			t.Errorf("%q: got first text %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestAccountTakenOverWhoseAccount: an account taken over gets the steps for
// whose account it is: the person's own (lock it, warn the contacts), a
// relative's (help them do it), or one that pretends to be a relative, a
// friend or a teacher and asks the person (send nothing, call them).
func TestAccountTakenOverWhoseAccount(t *testing.T) {
	tests := []struct {
		lang, text string
		want       string // the first text key of the reply
	}{
		{locales.ZH, "有人冒充我在朋友圈里借钱", "account.lock"},
		{locales.EN, "someone is using my whatsapp to ask my family for money", "account.lock"},
		{locales.EN, "My dad's account got hacked and it is messaging everyone", "account.family"},
		{locales.EN, "someone pretending to be my dad is messaging me asking for money", "account.friend.first"},
		{locales.ZH, "有人冒充我爸在微信上找我要钱", "account.friend.first"},
		{locales.ZH, "有人假装是我妈加我好友，让我转学费", "account.friend.first"},
		{locales.EN, "someone made a fake account of my sister and asked me for a loan", "account.friend.first"},
		{locales.EN, "someone is pretending to be my tutor and wants a deposit", "account.friend.first"},
		{locales.ZH, "有人冒充我老师在群里收资料费", "account.friend.first"},
		{locales.ZH, "我奶奶说有人冒充我给她打电话借钱", "understand.family.me"},
	}
	for _, tt := range tests {
		s := stateFor(t, "start", tt.lang)
		if got := firstReplyKey(s, tt.text); got != tt.want {
			t.Errorf("%q: got first text %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestOwnWordsAreNeverAllClear: a person telling what is happening to
// them, above all that someone asked them for money, a gift card or a fee,
// never gets the all-clear wording even when the rules found nothing; a
// received message that speaks to its reader still can.
func TestOwnWordsAreNeverAllClear(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       []string // allowed first text keys
	}{
		{locales.ZH, "刚才有人加我微信说是我的辅导员，让我交资料费", []string{"understand.story_asks"}},
		{locales.ZH, "有个人说是我表哥的同学，要我先转两千块给他", []string{"understand.story_asks"}},
		{locales.EN, "someone claiming to be my professor emailed asking me to buy gift cards for him", []string{"understand.story_asks", "account.friend.first"}},
		{locales.EN, "a guy who says he's my landlord's agent wants me to pay the deposit today", []string{"understand.story_asks"}},
		{locales.EN, "someone asked me for the code", []string{"understand.story_asks"}},
		{locales.ZH, "有人找我要验证码", []string{"understand.story_asks"}},
		{locales.ZH, "有人在小红书上让我做刷单兼职", []string{"understand.unclear", "understand.q.task_job"}},
		{locales.EN, "someone is threatening to send my videos to my friends unless I pay", []string{"understand.unclear", "understand.q.sextortion"}},
		{locales.EN, "I've been chatting with someone online for weeks and now he needs money for a flight", []string{"understand.unclear", "understand.story_asks"}},
		{locales.EN, "someone on telegram says they can get me a visa faster for a fee", []string{"understand.unclear"}},
		{locales.EN, "Your parcel was delivered today at 14:02. Thanks for shopping with us.", []string{"verdict.none"}},
		{locales.ZH, "您的快递已放在小区驿站，请凭取件码取件。", []string{"verdict.none"}},
	} {
		s := stateFor(t, "start", tt.lang)
		_, replies := Step(s, Event{Kind: EventText, Text: tt.text, Verdict: classifier.Verdict{}})
		if len(replies) == 0 || len(replies[0].Texts) == 0 {
			t.Errorf("%q: got no reply", tt.text)
			continue
		}
		if got := replies[0].Texts[0].Key; !contains(tt.want, got) {
			t.Errorf("%q with no warning signs: got first text %s, want one of %v", tt.text, got, tt.want)
		}
	}
}

// TestOwnWordsSecondPass checks the first thing said to the stories of
// the second pass: an account taken over is locked through the
// platform, a friend's account asking for money is checked by calling
// the friend, papers given are reported without a bank step, a number
// is never vouched for, and none of them gets a verdict.
func TestOwnWordsSecondPass(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       string // the first text key of the reply
	}{
		{locales.ZH, "我的微信被盗了，有人用我的号借钱", "account.lock"},
		{locales.EN, "someone hacked my whatsapp and is messaging my contacts for money", "account.lock"},
		{locales.EN, "i got hacked what do i do", "account.lock"},
		{locales.ZH, "我爸的微信号被盗了，在找亲戚借钱", "account.family"},
		{locales.ZH, "同学qq找我借2000块 说明天还 是他本人吗", "account.friend.first"},
		{locales.EN, "my cousins wechat asked me to send money urgently", "account.friend.first"},
		{locales.EN, "a friend messaged me from a new number asking for money", "account.friend.first"},
		{locales.ZH, "我把验证码给他了", "paid.now"},
		{locales.ZH, "我点了链接输了银行卡号", "paid.now"},
		{locales.EN, "they have a photo of my passport", "paid.id.now"},
		{locales.ZH, "他们有我护照的照片", "paid.id.now"},
		{locales.EN, "I sent them my passport and my card number", "paid.now"},
		{locales.EN, "someone says they have my daughter, they want money, i cant reach her", "understand.family.call_first"},
		{locales.ZH, "有人说绑架了我女儿，要钱，我联系不上她", "understand.family.call_first"},
		{locales.ZH, "妈妈接到电话说我被抓了", "understand.family.me"},
		{locales.EN, "the police guy says i have to transfer to a safe acount", "understand.threatened.rule"},
		{locales.ZH, "对方让我开视频不要挂", "oncall.hangup"},
		{locales.EN, "the consulate number is +44 20 7946 0000, is it real?", "understand.q.number"},
		{locales.ZH, "领事馆电话是+44 20 1234 5678，是真的吗", "understand.q.number"},
		{locales.EN, "is the chinese embassy number real", "understand.q.number"},
		{locales.ZH, "要不要交罚款", "understand.q.fine"},
		{locales.EN, "you are useless", "understand.smalltalk.sorry"},
		{locales.ZH, "你们都是骗子", "understand.smalltalk.sorry"},
		{locales.ZH, "你有什么用", "understand.q.about"},
		{locales.ZH, "我的wechat被hack了", "account.lock"},
		{locales.EN, "someone made a fake account with my photos and is asking my friends for money", "account.lock"},
		{locales.EN, "my gf's insta asked me for 100 bucks is that really her", "account.friend.first"},
		{locales.ZH, "这个电话+86 10 12308 是真的领事保护热线吗", "understand.q.number_listed"},
		{locales.EN, "is +86 10 12308 the real consular number?", "understand.q.number_listed"},
		{locales.EN, "a guy on the phone still says i must pay bail for my brother", "oncall.hangup"},
		{locales.EN, "he said not to tell my parents", "understand.threatened.rule"},
		{locales.ZH, "我奶奶说有人冒充我给她打电话借钱", "understand.family.me"},
		{locales.EN, "I dont trust you", "understand.smalltalk.sorry"},
		{locales.ZH, "说了你也不懂", "understand.smalltalk.sorry"},
		{locales.EN, "my daughters wechat was hacked and now it keeps asking me for money from it", "account.friend.first"},
		{locales.ZH, "我住进酒店了 他们说不能联系任何人", "understand.threatened.rule"},
		{locales.EN, "they told me to wait in a hotel room and not to contact anyone", "understand.threatened.rule"},
		{locales.ZH, "验证码已经告诉他了，还来得及吗", "paid.now"},
		{locales.ZH, "对方拿到了我的身份证正反面照片", "paid.id.now"},
		{locales.ZH, "帮我查一下这个号码 020 7946 0000", "understand.q.number"},
		{locales.ZH, "这是不是官方电话 0800 123 456", "understand.q.number"},
		// Speaks to a reader: a message to check (handed no signs here).
		{locales.ZH, "请拨打官方电话 400 123 4567 办理退款", "verdict.none"},
		{locales.EN, "can i get a refund from my bank", "understand.q.refund"},
		{locales.ZH, "滚", "understand.smalltalk.sorry"},
		{locales.ZH, "我女儿在英国 有人打电话给我说她被抓了 要交保释金 她电话关机", "understand.family.call_first"},
		{locales.EN, "someone called me saying my son was kidnapped and i cant reach him", "understand.family.call_first"},
		{locales.EN, "a man called me saying my brother was arrested and i paid 2000 for bail", "paid.now"},
		{locales.ZH, "有人打电话给我说我涉嫌洗钱，我妈很着急", "understand.threatened.rule"},
	} {
		s := stateFor(t, "start", tt.lang)
		_, replies := Step(s, Event{Kind: EventText, Text: tt.text, Verdict: classifier.Verdict{}})
		if len(replies) == 0 || len(replies[0].Texts) == 0 {
			t.Errorf("%q: got no reply", tt.text)
			continue
		}
		if got := replies[0].Texts[0].Key; got != tt.want {
			t.Errorf("%q: got first text %s, want %s", tt.text, got, tt.want)
		}
	}
}

// firstReplyKey steps s with a typed text, unclassified, and returns the key
// of the first text of the first reply ("" when there is none).
func firstReplyKey(s State, text string) string {
	_, replies := Step(s, Event{Kind: EventText, Text: text})
	if len(replies) == 0 || len(replies[0].Texts) == 0 {
		return ""
	}
	return replies[0].Texts[0].Key
}

// firstKeyRow is a typed text in a conversation state, and the key of the
// first text the reply must start with.
type firstKeyRow struct {
	lang, state, text string
	want              string
}

// checkFirstKeys types each row's text in its state and checks the first
// text key of the reply.
func checkFirstKeys(t *testing.T, rows []firstKeyRow) {
	t.Helper()
	for _, tt := range rows {
		s := stateFor(t, tt.state, tt.lang)
		if got := firstReplyKey(s, tt.text); got != tt.want {
			t.Errorf("%s %q: got first text %s, want %s", tt.state, tt.text, got, tt.want)
		}
	}
}

// TestWarningShowsNoReassuringReason: a sign that lowered the score ("reads
// like a genuine notice", "already refused") is never shown as a reason
// under a warning; it would tell the person the opposite of the verdict.
func TestWarningShowsNoReassuringReason(t *testing.T) {
	for _, lvl := range []classifier.Level{classifier.LevelLow, classifier.LevelMedium, classifier.LevelHigh} {
		v := classifier.Verdict{Level: lvl, Type: classifier.TypePhishing, Signals: []classifier.Signal{
			{ID: "account_link", Type: classifier.TypePhishing, Explain: "sig.phishing_link", Weight: 2},
			{ID: "urgency", Explain: "sig.urgency", Weight: 0.8},
			{ID: "negated_ask_only", Explain: "sig.genuine_warning", Weight: -2.3},
			{ID: "already_refused", Explain: "sig.already_refused", Weight: -4},
		}}
		got := summarize(v).Reasons
		want := []string{"sig.phishing_link", "sig.urgency"}
		if !slices.Equal(got, want) {
			t.Errorf("level %v: got reasons %v, want %v", lvl, got, want)
		}
	}
}

// TestOwnWordsThirdPass checks the first thing said to the person's own
// words of the third pass (dialogs3): being scammed said without how is
// asked what happened, not whether it is a message; an app asked for
// and not installed is "don't install it", not "stop sharing your screen";
// "打过去了" is asked about, and a call back is told it lost nothing; an
// elderly person's words and a grandchild's call get the family's steps.
func TestOwnWordsThirdPass(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我被骗了", "understand.scammed"},
		{locales.EN, "start", "i think i got scammed", "understand.scammed"},
		{locales.ZH, "start", "我好像上当了", "understand.scammed"},
		{locales.EN, "start", "wo bei pian le", "understand.scammed"},
		{locales.EN, "start", "I was scammed, what do I do now", "understand.scammed"},
		{locales.ZH, "steps", "我被骗了怎么办啊", "understand.scammed"},
		// Said with what happened, or of someone else: the steps or the
		// question as before.
		{locales.EN, "start", "i got scammed and sent 500 pounds", "paid.now"},
		{locales.ZH, "start", "我被骗了五千", "paid.now"},
		{locales.EN, "start", "my friend got scammed what should she do", "understand.scammed_family"},
		{locales.ZH, "start", "我妈被骗了", "understand.scammed_family"},
		{locales.EN, "start", "my dad got scammed", "understand.scammed_family"},
		{locales.EN, "start", "I got scammed and my mum is angry", "understand.scammed"},
		// Someone helping a student or a member: the steps for helping
		// them; a warning to pass on.
		{locales.EN, "start", "a student came to our office, she transferred money to fake police, what should she do", "understand.family.paid.now"},
		{locales.ZH, "start", "有个学生给假警察转了钱，我们怎么帮她", "understand.family.paid.now"},
		{locales.ZH, "start", "我是学生会的，有同学被冒充公安骗了，我该怎么帮他", "understand.family.them"},
		{locales.EN, "start", "I volunteer at our student union, a member says she paid fake police, how can I help her", "understand.family.paid.now"},
		{locales.ZH, "start", "我是领事馆的工作人员，怎么提醒同学们防范这类电话", "share.title"},
		{locales.EN, "start", "how can we warn our students about fake police calls", "share.title"},
		// Asked to install an app, share the screen or join a meeting,
		// and not said to be done: don't; done: the steps after it.
		{locales.ZH, "start", "他让我下载一个app开会", "understand.app_asked"},
		{locales.ZH, "start", "对方叫我装个远程软件，说是帮我查账户", "understand.app_asked"},
		{locales.ZH, "verdict", "他们要我进会议 共享屏幕", "understand.app_asked"},
		{locales.EN, "start", "he wants me to install an app so he can check my bank", "understand.app_asked"},
		{locales.EN, "start", "they want me to join a meeting right now", "understand.app_asked"},
		{locales.EN, "verdict", "the officer asked me to share my screen on zoom", "understand.app_asked"},
		{locales.ZH, "start", "他让我下载了一个app", "app.now"},
		{locales.ZH, "start", "他让我装的软件我已经装好了", "app.now"},
		{locales.EN, "start", "they told me to install anydesk and i did", "app.now"},
		{locales.EN, "start", "he asked me to download teamviewer and now he can see my screen", "app.now"},
		{locales.EN, "start", "my mum says the caller wants her to install an app", "understand.family.app_asked"},
		// "打过去了" alone may be a call or money: asked. With money or
		// an amount it is money; a call back alone loses nothing.
		{locales.ZH, "start", "我已经打过去了", "understand.called_or_paid"},
		{locales.ZH, "verdict", "打过去了", "understand.called_or_paid"},
		{locales.ZH, "verdict", "钱已经打过去了", "paid.now"},
		{locales.ZH, "start", "已经打过去两万了", "paid.now"},
		{locales.ZH, "verdict", "我回拨了那个号码", "understand.called_back"},
		{locales.ZH, "start", "我打了他给的电话", "understand.called_back"},
		{locales.EN, "verdict", "i called the number back", "understand.called_back"},
		{locales.EN, "start", "I rang them back, what now", "understand.called_back"},
		{locales.EN, "verdict", "i called them back and paid the fee", "paid.now"},
		// An elderly person's words (俺, 咋整, 老伴, 孙子), a call said to
		// be about a grandchild or a pension, a call put through to
		// "the police", a PIN asked for.
		{locales.ZH, "start", "俺已经把钱转过去了咋整", "paid.now"},
		{locales.ZH, "start", "咋整啊", "understand.q.start"},
		{locales.ZH, "start", "老伴接到电话说孙子在外面打架被抓了要交钱", "understand.family.call_first"},
		{locales.ZH, "start", "孙子打电话说他出事了要钱 是真的吗", "understand.family.call_first"},
		{locales.EN, "start", "MY GRANDSON CALLED HE NEEDS MONEY FOR BAIL", "understand.family.call_first"},
		{locales.EN, "start", "i got a call saying my grandson was arrested", "understand.family.call_first"},
		{locales.ZH, "start", "我接到电话说我儿子被抓了", "understand.family.call_first"},
		{locales.EN, "start", "i got a call saying i am under investigation", "understand.threatened.rule"},
		{locales.ZH, "start", "有人说俺医保卡在外地被盗刷了让俺配合公安", "understand.threatened.rule"},
		{locales.ZH, "start", "我爷爷接到电话说他的医保卡违规了", "understand.family.them"},
		{locales.EN, "start", "i'm helping my grandma, she got a text saying her pension is stopped", "understand.family.them"},
		{locales.ZH, "start", "俺买的保健品说可以退款让俺加微信", "understand.unclear"},
		{locales.EN, "start", "SOMEONE CALLED SAYING THEY ARE FROM THE BANK AND NEED MY PIN", "understand.threatened.bank.rule"},
		{locales.ZH, "start", "我刚才按了9 现在转到一个警察那里了", "oncall.hangup"},
		{locales.EN, "start", "i pressed 1 and now im talking to a police officer", "oncall.hangup"},
		// A relative named first without "my" is the one it happened
		// to, not a vocative: never a verdict on the person's words.
		{locales.EN, "start", "mom got call from \"police\" need money", "understand.family.them"},
		{locales.EN, "start", "grandma on phone with scammer right now what do i do", "understand.family.oncall"},
		{locales.ZH, "start", "我奶奶现在正在接骗子电话怎么办", "understand.family.oncall"},
		{locales.EN, "start", "my dad is about to send money to a guy who says hes from the embassy", "understand.family.oncall"},
		{locales.ZH, "start", "爸爸要转钱给一个自称公安的人 我拦不住", "understand.family.oncall"},
		{locales.EN, "start", "Mum I need help, I've been arrested, please send 2000 dollars now", "understand.none_asks"},
		// An ask told after "he", a hang-up after "我说我要报警", fear of
		// prison, a number that keeps calling.
		{locales.EN, "verdict", "he wants me to pay tomorrow", "understand.story_asks"},
		{locales.ZH, "verdict", "我说我要报警 他就挂了", "none.steps"},
		{locales.ZH, "steps", "我会不会坐牢", "understand.threatened.rule"},
		{locales.EN, "steps", "am i in trouble with the police", "understand.threatened.rule"},
		{locales.ZH, "start", "这个号码给我打了三次 +44 20 7946 0123", "oncall.hangup"},
		// A quoted message with the person's comment around it is a
		// message to check, unless they tell what happened too.
		{locales.EN, "start", "my landlord sent this, is it legit? \"Please pay the deposit of 500 GBP to sort code 20-00-00 by today\"", "verdict.none"},
		{locales.EN, "start", "\"Please pay the deposit of 500 GBP to sort code 20-00-00 by today\" my landlord sent this, is it legit?", "verdict.none"},
		{locales.ZH, "start", "我室友收到这个「你的签证已被注销，请于今日内联系移民局处理」我们该信吗", "verdict.none"},
		{locales.EN, "start", "he said \"you are under investigation, do not tell anyone\" and I paid 2000", "paid.now"},
		{locales.ZH, "start", "他说“你的银行卡涉嫌洗钱，必须配合调查”，我已经转了五千", "paid.now"},
		// Fear and shame said in a word or two: what to tell, and that
		// it is not their fault; still texting, or only a name given,
		// is nothing lost; a spouse's payment is money gone.
		{locales.ZH, "start", "完了", "understand.q.start"},
		{locales.EN, "start", "im so scared", "understand.q.start"},
		{locales.ZH, "start", "我好怕", "understand.q.start"},
		{locales.EN, "start", "pls", "understand.q.start"},
		{locales.EN, "verdict", "i feel so stupid", "understand.q.shame"},
		{locales.ZH, "start", "我太蠢了", "understand.q.shame"},
		{locales.EN, "verdict", "he's still texting me", "none.steps"},
		{locales.ZH, "verdict", "他一直在微信上催我", "none.steps"},
		{locales.EN, "verdict", "i only told him my name", "understand.q.address_only"}, // what a name can and cannot do (round nineteen)
		{locales.ZH, "verdict", "我只告诉了他我的名字", "understand.q.address_only"},              // what a name can and cannot do (round nineteen)
		{locales.EN, "verdict", "i told him my name and my university", "none.steps"},
		{locales.ZH, "verdict", "给了他我的学号", "none.steps"},
		{locales.EN, "verdict", "i told him my name and my card number", "paid.now"},
		{locales.ZH, "start", "俺老伴把养老钱转给一个卖保健品的了", "understand.family.paid.now"},
		// An app asked for and refused; a clicked text; a sister's
		// account asking for money; a fee before a job; taxes owed; a
		// caller id; being scammed said at the place question.
		{locales.ZH, "start", "他叫我开屏幕共享 我还没开", "understand.app_asked"},
		{locales.EN, "start", "they asked me to share my screen but i said no", "understand.app_asked"},
		{locales.EN, "start", "my grandad got a text saying his parcel is waiting and he clicked it", "understand.family.link_opened"},
		{locales.EN, "start", "my sister's wechat is asking me to send money to a card, is that her?", "account.friend.first"},
		{locales.EN, "start", "some guy on linkedin offered me a remote job but i have to buy equipment first", "understand.story_asks"},
		{locales.ZH, "start", "有个招聘说要先交培训费才能上岗", "understand.story_asks"},
		{locales.EN, "start", "A WOMAN CALLED SAYING SHE IS FROM THE TAX OFFICE AND I OWE TAXES", "understand.threatened.tax.rule"},
		{locales.EN, "start", "the caller id said 999", "understand.q.number"},
		{locales.ZH, "start", "来电显示是110", "understand.q.number"},
		{locales.ZH, "country", "我被骗了", "understand.scammed"},
		{locales.EN, "country", "scammed", "understand.scammed"},
		// "Nothing" to a yes/no question is no; a union asking for a
		// warning to post gets it.
		{locales.ZH, "quiz", "没装", "quiz.q.service"},
		{locales.EN, "start", "I'm the president of our CSSA, can you give us a warning to post in our group?", "share.title"},
		{locales.ZH, "start", "我是学联主席，能给个防骗提醒发群里吗", "share.title"},
		// A pasted message that names the reader's relative is still
		// a message; a quote inside a longer story is the person's.
		{locales.ZH, "start", "你儿子在我们手上，马上准备十万打到这个账户，不准报警，不然后果自负", "understand.none_asks"},
		{locales.ZH, "start", "你孙子在我们这里，不许给他打电话，一小时内转二十万", "verdict.none"},
		{locales.EN, "start", "we have your son, do not call the police, wire 20000 today or you will never see him", "understand.none_asks"},
		{locales.EN, "start", "i got a text saying \"your account will be closed today\" and then a man called asking for the code, he said he was from my bank and sounded real", "understand.q.real"},
		// Asked why the place is needed, or not to tell the parents: an
		// answer, never a verdict on the words; "idk" to "what has
		// happened so far?" asks again.
		{locales.EN, "country", "why do you need that", "understand.q.country"},
		{locales.ZH, "country", "为什么要问这个", "understand.q.country"},
		{locales.EN, "start", "please dont tell my parents", "understand.q.private"},
		{locales.ZH, "verdict", "不要告诉我爸妈", "understand.q.private"},
		{locales.EN, "verdict", "idk", "understand.q.verdict"},
		{locales.ZH, "verdict", "可能吧", "understand.q.verdict"},
		// More of the person's and the family's own words.
		{locales.EN, "start", "I AM 78 YEARS OLD AND A MAN SAYS HE IS FROM MY BANK AND I MUST MOVE MY SAVINGS", "understand.threatened.bank.rule"},
		{locales.ZH, "start", "俺家老头子接了个电话说儿子在外地被抓了要五万块钱", "understand.family.call_first"},
		{locales.ZH, "start", "刚才有个人打电话说是俺孙子 声音有点不像 要俺给他转钱", "understand.story_asks"},
		{locales.ZH, "start", "俺已经按他说的把钱存到那个安全账户了", "paid.now"},
		// Since dialogs4 a relative scammed by someone met online gets
		// how to help them with that scam, their bank a button away.
		{locales.EN, "start", "i think my dad is being scammed by a woman online", "understand.family.romance"},
		{locales.EN, "start", "my 爸爸 got a call from 公安局", "understand.family.them"},
		{locales.ZH, "country", "我在他们让我住的酒店里", "understand.threatened.rule"},
		// A relative's story said with "my" only is the person's words,
		// never a verdict; how to convince a parent is the warning to
		// forward; a step done is acknowledged; "nothing is lost" is
		// never said after a loss.
		{locales.EN, "start", "my grandmother keeps buying health supplements from a guy who calls her every day", "understand.unclear"},
		{locales.EN, "start", "my mum wont believe me that its a scam", "share.title"},
		{locales.ZH, "start", "我妈天天听保健品讲座 买了好多东西 怎么劝她", "share.title"},
		{locales.EN, "start", "can you write something i can send to my grandma", "share.title"},
		{locales.ZH, "start", "我爸不信我说的 非要转钱", "understand.family.oncall"},
		{locales.EN, "steps", "ok i called my bank", "understand.smalltalk.done"},
		{locales.ZH, "steps", "已经报警了", "understand.smalltalk.done"},
		{locales.ZH, "steps", "银行已经冻结了", "understand.smalltalk.done"},
		{locales.ZH, "steps", "要不要拉黑", "understand.q.paid"},
		{locales.EN, "steps", "thank you so much you saved me", "understand.smalltalk.thanks"},
		// Told asks, threats and a child out of reach.
		{locales.EN, "start", "my landlord wants the deposit before i see the flat", "understand.q.rental"},
		// Since dialogs4 the scam is named (someone met online who
		// talks of investing); the reply still says to send nothing.
		{locales.ZH, "start", "网上认识的男朋友让我跟他一起投资虚拟币", "understand.romance"},
		{locales.EN, "start", "someone from the chinese embassy called and said i have a legal document to collect", "understand.threatened.rule"},
		{locales.EN, "start", "i sent nudes and now he wants money or he will send them to my friends", "understand.threatened.rule"},
		{locales.ZH, "start", "警察说要远程验伤 让我脱衣服", "understand.threatened.rule"},
		{locales.ZH, "start", "他们让我别告诉室友", "understand.threatened.rule"},
		{locales.EN, "start", "they said i am not allowed to tell my roommate", "understand.threatened.rule"},
		{locales.EN, "start", "I lost contact with my son in Sydney and someone says they have him", "understand.family.call_first"},
		{locales.ZH, "start", "儿子在澳洲联系不上了 有人发视频说绑了他", "understand.family.call_first"},
	})
}

// TestCalledOrPaidButtons: after "我已经打过去了", "I only called them"
// leads to what a call back means, and "I sent money" to the bank.
func TestCalledOrPaidButtons(t *testing.T) {
	for _, lang := range locales.Langs {
		s, _ := Step(stateFor(t, "start", lang), Event{Kind: EventText, Text: "我已经打过去了"})
		for id, want := range map[string]string{"a:called": "understand.called_back", "a:paid": "paid.now"} {
			_, replies := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, id)})
			if got := replies[0].Texts[0].Key; got != want {
				t.Errorf("%s: press %s: got first text %s, want %s", lang, id, got, want)
			}
		}
	}
}

// TestLinkOpenedOnly: a link opened, with nothing typed into it or
// installed from it, is told to close it and type nothing, with the
// steps for more a button away; "stop sharing your screen" would answer
// something that did not happen. Details typed in stay the paid steps,
// an app from it the app steps.
func TestLinkOpenedOnly(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "i clicked the link but didnt enter anything", "understand.link_opened"},
		{locales.EN, "start", "I clicked on the link in that text, what now?", "understand.link_opened"},
		{locales.ZH, "start", "我点开了那个链接 怎么办", "understand.link_opened"},
		{locales.ZH, "start", "不小心点了链接", "understand.link_opened"},
		{locales.ZH, "start", "我打开了链接，但是什么都没填", "understand.link_opened"},
		{locales.EN, "start", "my mum clicked the link in the text", "understand.family.link_opened"},
		{locales.EN, "start", "i clicked the link and entered my card number", "paid.now"},
		{locales.ZH, "start", "我点了链接输了银行卡号", "paid.now"},
		{locales.EN, "start", "i clicked the link and it made me install an app", "app.now"},
		{locales.ZH, "start", "点了链接以后下载了一个软件", "app.now"},
	})
}

// TestOwnWordsFourthPass checks the first thing said to the person's own
// words of the fourth pass (dialogs4): a two-letter place beside
// "police"; "both" or "all of them" to what has happened so far; the
// bank or the police saying the money is gone; a tuition discount or a
// "payment failed" email; a relative drawn in by someone met online;
// someone posing as the person to their grandmother; pinyin stories.
func TestOwnWordsFourthPass(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// A two-letter place next to "police": that place's numbers.
		{locales.EN, "start", "uk police", "where.title"},
		{locales.EN, "start", "police uk", "where.title"},
		{locales.EN, "country", "uk police", "where.title"},
		{locales.ZH, "start", "英国警察", "where.title"},
		// Everything happened: the call ended first, then the bank.
		{locales.ZH, "verdict", "都有", "understand.all.first"},
		{locales.ZH, "verdict", "以上都有", "understand.all.first"},
		{locales.EN, "verdict", "all of them", "understand.all.first"},
		{locales.EN, "verdict", "both", "understand.all.first"},
		// The bank or the police say the money cannot be got back.
		{locales.EN, "start", "my bank says they cant stop it", "understand.q.lost"},
		{locales.EN, "steps", "the police said there is nothing they can do", "understand.q.lost"},
		{locales.ZH, "start", "银行说追不回来了", "understand.q.lost"},
		{locales.ZH, "start", "警察说没办法", "understand.q.lost"},
		// Tuition: an agent's discount, a "payment failed" email.
		{locales.ZH, "start", "中介说通过他交学费可以打折", "understand.q.tuition"},
		{locales.ZH, "start", "学校发邮件说我学费没交成功", "understand.q.tuition"},
		{locales.EN, "start", "the agent says i get a discount if i pay my tuition through him", "understand.q.tuition"},
		{locales.EN, "start", "my uni emailed saying my tuition payment failed", "understand.q.tuition"},
		// A relative and someone met online who talks of investing.
		{locales.ZH, "start", "我爸在网上认识了一个女的 天天让他投资", "understand.family.romance"},
		{locales.EN, "start", "my dad met a woman online and she keeps pushing him to invest", "understand.family.romance"},
		// Someone posing as the person typing, to their grandmother.
		{locales.ZH, "start", "奶奶收到\"我\"发的短信说换号了要钱", "understand.family.me"},
		{locales.ZH, "start", "奶奶收到我发的短信说换号了要钱", "understand.family.me"},
		{locales.EN, "start", "my grandma got a text from \"me\" saying i changed my number and need money", "understand.family.me"},
		{locales.EN, "start", "someone is texting my nan pretending to be me and asking for money", "understand.family.me"},
		// Pinyin, typed without a Chinese keyboard.
		{locales.EN, "start", "wo zhuan le qian", "paid.now"},
		{locales.EN, "start", "wo gei le yan zheng ma", "paid.now"},
		{locales.EN, "start", "ta hai zai dian hua shang", "oncall.hangup"},
		{locales.EN, "start", "ta shuo wo xi qian", "understand.threatened.rule"},
		{locales.EN, "start", "wo xia zai le ta de app", "app.now"},
		{locales.EN, "start", "ta hai zai gen wo shi pin", "oncall.hangup"},
		{locales.EN, "start", "wo gei ta le yin hang ka hao", "paid.now"},
		// A loss told without the bank's word is the bank's steps; the
		// police's "very hard to get back" after a report is what still
		// helps, not "that was the right step".
		{locales.ZH, "start", "钱都没了 怎么办", "paid.now"},
		{locales.EN, "start", "i lost everything what do i do", "paid.now"},
		{locales.ZH, "start", "报警了 警察说很难追回", "understand.q.lost"},
		{locales.EN, "start", "my bank rejected my claim", "understand.q.lost"},
		// Tuition in the person's words, with an "our" or an account.
		{locales.EN, "start", "a senior in our wechat group offers to pay my fees at a discount", "understand.q.tuition"},
		{locales.ZH, "start", "学长说可以帮我代交学费 便宜两千", "understand.q.tuition"},
		{locales.EN, "start", "my school says my fees are unpaid and wants me to pay to a personal account", "understand.q.tuition"},
		{locales.ZH, "start", "学校说我学费没交 要我转到一个私人账户", "understand.q.tuition"},
		// Someone met online who talks of investing, told of oneself;
		// met online and nothing more is still asked about.
		{locales.EN, "start", "i met a girl on tinder and she wants me to invest in crypto", "understand.romance"},
		{locales.ZH, "start", "我在探探上认识一个男的 他带我炒币", "understand.romance"},
		{locales.EN, "start", "i met someone online and we are dating", "understand.unclear"},
		{locales.EN, "start", "my mum has an online boyfriend who wants her to buy crypto", "understand.family.romance"},
		{locales.ZH, "start", "我妈在抖音上认识了一个男的 让她投资黄金", "understand.family.romance"},
		// Someone posing as the person: named after the relative, or
		// denied ("but i didnt"), it is about the person typing.
		{locales.ZH, "start", "有人冒充我给我妈发微信借钱", "understand.family.me"},
		{locales.ZH, "start", "爷爷说我给他打电话要钱 可是我没打", "understand.family.me"},
		{locales.EN, "start", "my grandpa says i called him asking for bail money but i didnt", "understand.family.me"},
		{locales.ZH, "start", "外婆收到短信 说是我 手机丢了 让她转钱", "understand.family.me"},
		{locales.EN, "start", "grandma got a whatsapp from a new number saying its me and i need money", "understand.family.me"},
		{locales.EN, "start", "my grandma got a text from me saying i need money but it wasnt me", "understand.family.me"},
		// "from me" and 我发的 in the person's own story stay theirs.
		{locales.EN, "start", "he stole money from me", "paid.now"},
		{locales.ZH, "start", "这是我发的截图 你看看", "understand.unclear"},
		// "They can't stop it" with an ask is the scam itself: the
		// warning about asks, never what helps after a loss.
		{locales.EN, "start", "my bank called and said they cant stop the transfer unless i give them the code", "understand.story_asks"},
		{locales.ZH, "start", "银行打电话说拦截不了 要我把钱转到安全账户", "understand.threatened.bank.rule"},
		// An ask told beside "帮我": the warning about asks.
		{locales.ZH, "start", "中介说可以帮我办签证 要先交钱", "understand.story_asks"},
		{locales.EN, "start", "the agent says he can help me find a flat but i have to pay first", "understand.story_asks"},
		// Everything, said other ways.
		{locales.EN, "verdict", "all 3", "understand.all.first"},
		{locales.ZH, "verdict", "三个都有", "understand.all.first"},
		// Pinyin, more of it.
		{locales.EN, "start", "ta shuo ta shi jing cha", "understand.threatened.rule"},
		{locales.EN, "start", "wo gen ta shuo le yan zheng ma", "paid.now"},
		{locales.EN, "start", "wo de zhang hao bei dao le", "account.lock"},
		{locales.EN, "start", "wo hai zai gen ta tong hua", "oncall.hangup"},
		{locales.EN, "start", "wo ba zai gen pian zi da dian hua", "understand.family.oncall"},
		{locales.EN, "start", "wo dian le lian jie", "understand.link_opened"},
		// Since round fifteen pinyin is also read through the Chinese
		// phrases: the answer the same words in characters get.
		{locales.EN, "start", "ta rang wo zhuan qian dao an quan zhang hu", "understand.threatened.bank.rule"},
		{locales.EN, "start", "shi bu shi pian zi", "understand.q.real"},
		// The money said to be beyond reach, in other words; the police
		// the person reported to are not a threat's start.
		{locales.ZH, "start", "银行说这笔钱已经到了对方账户 没办法撤回", "understand.q.lost"},
		{locales.EN, "start", "my bank says the money already left and they cant reverse it", "understand.q.lost"},
		{locales.ZH, "start", "警察说这种案子很多 基本追不回来", "understand.q.lost"},
		{locales.EN, "start", "police gave me a crime number but said its unlikely ill see the money again", "understand.q.lost"},
		{locales.ZH, "start", "支付宝说不能退", "understand.q.lost"},
		// Tuition paid at a cheap exchange rate or through someone's
		// account.
		{locales.ZH, "start", "群里有人说可以用人民币帮我换英镑交学费 汇率很便宜", "understand.q.tuition"},
		{locales.EN, "start", "a guy offered to exchange rmb for pounds at a good rate to pay my fees", "understand.q.tuition"},
		// A relative in love with someone met online: how to help; with
		// money gone, their bank first and then the fee to withdraw.
		{locales.EN, "start", "how do i help my mom shes in love with a scammer", "understand.family.romance"},
		{locales.EN, "start", "my grandma has an online friend who says he is a soldier and needs money to come home", "understand.family.romance"},
		{locales.ZH, "start", "我奶奶在网上认识了一个\"军官\" 说要给她寄东西 要她交关税", "understand.family.romance"},
		{locales.EN, "start", "my dad keeps sending money to a woman he met on facebook", "understand.family.paid.now"},
		{locales.ZH, "start", "我爸网上认识的女的说投资平台能赚钱 我爸已经投了五万 现在提现要交税", "understand.family.paid.now"},
		// A voice faked, a call denied: about the person typing.
		{locales.EN, "start", "someone used ai to fake my voice and called my mum", "understand.family.me"},
		{locales.ZH, "start", "我妈说我打电话给她要钱 其实不是我", "understand.family.me"},
		{locales.ZH, "start", "骗子用我的声音给我妈打电话说我被绑架了", "understand.family.me"},
		{locales.ZH, "start", "奶奶说收到我新号码的短信 要她打钱", "understand.family.me"},
		// A fee or a tax asked before money can be withdrawn: say not
		// to pay it, then the bank's steps; never the app's steps.
		{locales.EN, "start", "i cant withdraw my money from the platform", "understand.withdraw"},
		{locales.EN, "start", "they say i need to pay tax before i can withdraw", "understand.withdraw"},
		{locales.EN, "start", "i cant get my money back from the trading app", "understand.withdraw"},
		{locales.ZH, "start", "平台提现不了 要交保证金", "understand.withdraw"},
		{locales.ZH, "start", "提现要先交税 怎么办", "understand.withdraw"},
		// Tuition: a refund that asks for bank details, how to pay.
		{locales.EN, "start", "uni email says i am owed a tuition refund and asks for my bank details", "understand.q.tuition"},
		{locales.ZH, "start", "有人说我学费多交了 要退给我 让我提供银行卡号", "understand.q.tuition"},
		{locales.ZH, "start", "学费怎么交才安全", "understand.q.tuition"},
		// Money asked by someone met online, for a flight.
		{locales.EN, "start", "my online boyfriend wants me to send him money for a flight", "understand.romance"},
		{locales.ZH, "start", "网友说要来看我 让我先给他打机票钱", "understand.romance"},
		{locales.ZH, "start", "我同学被网恋骗了十万", "understand.family.paid.now"},
		// "Both" said with more words.
		{locales.EN, "verdict", "all of them what do i do", "understand.all.first"},
		{locales.ZH, "verdict", "都有了怎么办", "understand.all.first"},
		{locales.ZH, "verdict", "都有啊", "understand.all.first"},
		// Asked to install or open a video, in pinyin: don't.
		{locales.EN, "start", "ta rang wo xia zai app", "understand.app_asked"},
		{locales.EN, "start", "ta men rang wo kai shi pin", "understand.app_asked"},
		{locales.EN, "start", "ta shuo wo de hu zhao you wen ti", "understand.threatened.rule"},
		// A comma after 骗了 is no amount: a student scammed, untold how
		// much, is still helped as before.
		{locales.ZH, "start", "有同学被冒充公安骗了，我该怎么帮他", "understand.family.them"},
		// Words that fit an ordinary question or the bot itself are not
		// a withdrawal fee or a loss.
		{locales.ZH, "start", "支付宝提现要手续费吗", "understand.q.start"},
		{locales.EN, "start", "you cant help me", "understand.smalltalk.sorry"},
		{locales.ZH, "start", "你帮不了我", "understand.smalltalk.sorry"},
		{locales.ZH, "start", "这个商品不能退", "understand.unclear"},
		{locales.EN, "start", "the police wont help me", "understand.q.lost"},
		// Met online with nothing of money or a scam is not the romance
		// scam; a dating app is no app installed.
		{locales.EN, "start", "my friend uses a dating app, is that safe", "understand.unclear"},
		{locales.ZH, "start", "我朋友在交友软件上认识了一个人", "understand.unclear"},
		{locales.ZH, "start", "我妈在网上看到网友说有个理财产品很好", "understand.unclear"},
		{locales.EN, "start", "my sister has an online boyfriend she never met who asks for money", "understand.family.romance"},
		{locales.EN, "start", "my mom is talking to a man online who says hes a doctor on an oil rig and needs money", "understand.family.romance"},
		// An offer to get the money back for a fee: a second scam,
		// whoever makes it; "can I get it back" is still the refund
		// answer.
		{locales.EN, "start", "a lawyer says he can get my money back for 10% upfront", "understand.q.recovery"},
		{locales.EN, "start", "someone says they can recover my money for a fee", "understand.q.recovery"},
		{locales.ZH, "start", "律师说能帮我追回 先交一万", "understand.q.recovery"},
		{locales.ZH, "start", "银行客服说我的钱追不回来了 但是可以帮我走保险理赔 要先交手续费", "understand.q.recovery"},
		{locales.EN, "start", "can i get a refund from my bank", "understand.q.refund"},
		// A call or a text "from me" the person never made; an ask to a
		// grandmother to send an amount is not money sent.
		{locales.ZH, "start", "外公说接到我电话 说我出车祸了", "understand.family.me"},
		{locales.EN, "start", "my mum got a text from my number asking for money but i never sent it", "understand.family.me"},
		{locales.ZH, "start", "我奶奶收到短信 说是我 换了号码 让她转五千到新卡", "understand.family.me"},
		{locales.ZH, "start", "我奶奶已经转了五千", "understand.family.paid.now"},
		// Pinyin: a frozen card, an arrest, a call ended, nothing done,
		// thanks and hello.
		// Since round fifteen pinyin is also read through the Chinese
		// phrases: the answer the same words in characters get.
		{locales.EN, "start", "wo de yin hang ka bei dong jie le", "understand.q.frozen"},
		{locales.EN, "start", "ta shuo yao dai bu wo", "understand.threatened.rule"},
		{locales.EN, "verdict", "wo gang gua le dian hua", "understand.q.hung_up"},
		{locales.EN, "verdict", "wo shen me dou mei zuo", "none.steps"},
		{locales.EN, "start", "xie xie", "understand.smalltalk.thanks"},
		{locales.EN, "start", "ni hao", "understand.smalltalk.hello"},
		// More of the same, in other words: a partner met online who
		// asks to borrow, savings put in a platform, tuition "never
		// received", the police's "hard to get back", "both, which
		// first".
		{locales.ZH, "start", "我男朋友是网上认识的 一直没见过面 他让我借钱给他", "understand.romance"},
		{locales.EN, "start", "a man i met online wants me to put my savings in his gold platform", "understand.romance"},
		{locales.EN, "start", "the school says they never got my fees and i have to pay again", "understand.q.tuition"},
		{locales.EN, "start", "wo men xue xiao shuo wo xue fei mei jiao", "understand.q.tuition"},
		{locales.ZH, "start", "俺在派出所报了案 民警说难追", "understand.q.lost"},
		{locales.EN, "start", "my grandson says he got a new number and needs money for rent", "account.friend.first"},
		{locales.ZH, "verdict", "两样都有 先做哪个", "understand.all.first"},
		// A relative's worry beside the person is still the relative's.
		{locales.ZH, "start", "我爸网上认识的女的让他投资 我很担心", "understand.family.romance"},
		{locales.ZH, "start", "我爸网上认识的女的让他投资 我该怎么办", "understand.family.romance"},
		{locales.ZH, "start", "俺在网上认识了个老伴 他让俺投资", "understand.romance"},
		{locales.ZH, "start", "我老伴在网上认识了一个女的 让他投资", "understand.family.romance"},
	})
}

// TestRomancePaidWarnsOfWithdrawalFee: a relative's money sent to someone
// met online gets their bank first, then the warning that a "tax" to
// withdraw is the next loss, and no "call the one said to be in trouble".
func TestRomancePaidWarnsOfWithdrawalFee(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{locales.ZH, "我爸网上认识的女的说投资平台能赚钱 我爸已经投了五万 现在提现要交税"},
		{locales.EN, "my dad keeps sending money to a woman he met on facebook"},
	} {
		_, replies := Step(stateFor(t, "start", tt.lang), Event{Kind: EventText, Text: tt.text})
		var got []string
		for _, x := range replies[0].Texts {
			got = append(got, x.Key)
		}
		want := []string{"understand.family.paid.now", "understand.family.paid.bank", "understand.family.romance.paid", "understand.family.paid.rest"}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got texts %v, want %v", tt.text, got, want)
		}
	}
}

// TestThreatenedByWhoTheyPosedAs: a caller who pressed the person with
// authority is unmasked by the rule of whom they claimed to be. A bank's
// "fraud team" and a shop's customer service are checked on the card's
// number or in the app, not on the consular hotline; the police, a court
// or an embassy, named alone or beside a bank, keep the police rule.
func TestThreatenedByWhoTheyPosedAs(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "someone says they are from my bank fraud team and need me to move my money to a safe account", "understand.threatened.bank.rule"},
		{locales.ZH, "start", "银行客服打电话说我的账户有风险 让我把钱转到安全账户", "understand.threatened.bank.rule"},
		{locales.ZH, "start", "刚才有个自称京东客服的说我开通了百万保障要关闭 不关会影响征信", "understand.threatened.service.rule"},
		{locales.EN, "start", "amazon customer service called and said my account will be frozen unless i pay", "understand.threatened.service.rule"},
		{locales.ZH, "start", "一个陌生人说我的快递丢了要赔我钱", "understand.threatened.service.rule"},
		{locales.ZH, "start", "有人说我的支付宝账户异常", "understand.threatened.service.rule"},
		{locales.EN, "start", "I got a voicemail from HMRC saying I owe tax and will be arrested", "understand.threatened.tax.rule"},
		{locales.ZH, "start", "有人打电话说我欠税 不交就要抓我", "understand.threatened.tax.rule"},
		{locales.EN, "start", "a man in a taxi uniform said my account will be frozen unless i pay him", "understand.threatened.rule"},
		{locales.EN, "start", "someone from the university said my visa will be cancelled unless i pay a fee today", "understand.threatened.visa.rule"},
		{locales.ZH, "start", "自称移民局的人说我的签证要被注销 要交罚款", "understand.threatened.visa.rule"},
		{locales.EN, "start", "the bank called and said the police are investigating me", "understand.threatened.rule"},
		{locales.ZH, "start", "有人打电话说我涉嫌洗钱 要配合公安调查", "understand.threatened.rule"},
	})
}

// TestMuleAndOverpaidStories: asked to take money in and pass it on (or
// to lend an account), told a buyer "overpaid", asked for a deposit
// before any viewing by a landlord "abroad", or sent a QR code to "get a
// refund", the person hears what the ask is before anything is sent, not
// "is this a message?" (nor, for a rent "upfront", the recovery answer). An ad
// that names no one, or a message that speaks to its reader, is still
// checked as a message.
func TestMuleAndOverpaidStories(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我朋友让我帮他收一笔钱再转出去 给我好处费", "understand.q.mule"},
		{locales.EN, "start", "a guy on instagram wants to use my bank account and i keep 10%", "understand.q.mule"},
		{locales.EN, "start", "I already forwarded the money he sent me to another account", "understand.q.mule"},
		{locales.ZH, "start", "同学说借我的银行卡用一下 帮他收学费", "understand.q.mule"},
		{locales.EN, "start", "i sold my ps5 on facebook marketplace and the buyer overpaid and wants the difference back", "understand.q.overpaid"},
		{locales.ZH, "start", "租客说押金多转了500 让我退回差价", "understand.q.overpaid"},
		{locales.EN, "start", "my landlord says i have to pay 3 months rent upfront before viewing, he's abroad", "understand.q.rental"},
		{locales.ZH, "start", "房东说他在国外 先把押金转给他 再寄钥匙给我", "understand.q.rental"},
		{locales.EN, "start", "he sent me a qr code to scan to get my refund", "understand.q.qr_refund"},
		{locales.ZH, "start", "对方让我扫码领取退款", "understand.q.qr_refund"},
		// "upfront" alone is no recovery offer; a fee to get money back is.
		{locales.EN, "start", "a lawyer says he can get my money back if i pay upfront", "understand.q.recovery"},
		{locales.EN, "start", "someone sent money to my account by mistake and asked me to send it back", "understand.q.mistaken"},
		{locales.ZH, "start", "有人误转到我卡上5000 让我转回去", "understand.q.mistaken"},
		{locales.ZH, "start", "有人误转到我卡上5000 我已经转回去了", "paid.now"},
		{locales.EN, "start", "i lent my friend's friend my bank card", "understand.q.mule"},
		{locales.EN, "start", "my account got frozen after i received money from a stranger", "understand.q.frozen"},
		{locales.ZH, "start", "我的银行卡被冻结了 说是收到了涉案资金", "understand.q.frozen"},
		{locales.ZH, "start", "有人打电话说我的银行卡被冻结了 要我转到安全账户", "understand.threatened.bank.rule"},
		{locales.EN, "start", "i did some tasks on a job app and now they want me to top up to withdraw", "understand.withdraw"},
		{locales.EN, "start", "i applied for a job and they want me to pay for training first", "understand.story_asks"},
		// Asked to try or sign up on an app, not installed: "don't install it".
		{locales.EN, "start", "a guy on hinge wants me to try his crypto app", "understand.app_asked"},
		{locales.ZH, "start", "网上认识的男生让我注册一个投资平台", "understand.app_asked"},
		// Checked as messages (Step's event carries no verdict here, so
		// the check's first key is the empty verdict's).
		{locales.ZH, "start", "【招聘】帮忙收款转账 日结 给好处费 加V xx123", "verdict.none"},
		{locales.EN, "start", "Hi, I overpaid you by £300 by mistake, please send back the difference to this account", "understand.none_asks"},
	})
}

// TestQuestionsAboutHowScamsWork: a question about how real officials
// behave, or how a caller knew the person's details, is answered, not
// met with "tell me what happened" or the rule for a threat told. A
// threat told beside it keeps the rule first; money paid keeps the bank's
// steps.
func TestQuestionsAboutHowScamsWork(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "is it normal for police to video call", "understand.q.officials"},
		{locales.ZH, "start", "真的警察会视频通话吗", "understand.q.officials"},
		{locales.ZH, "start", "领事馆会打电话给我吗", "understand.q.officials"},
		{locales.EN, "start", "how can I tell if a call is really from the embassy", "understand.q.officials"},
		{locales.EN, "start", "how do scammers get my number", "understand.q.leaked"},
		{locales.ZH, "start", "他怎么知道我的护照号的", "understand.q.leaked"},
		{locales.ZH, "start", "他们说我涉嫌洗钱，他们怎么知道我的护照号", "understand.threatened.rule"},
		{locales.EN, "start", "he knew my passport number so i believed him and paid", "paid.now"},
		{locales.EN, "verdict", "but he knows my passport number", "understand.q.leaked_knows"},
		{locales.ZH, "verdict", "他知道我的身份证号 还知道我的学校", "understand.q.leaked_knows"},
		{locales.EN, "verdict", "i gave him my passport number", "paid.id.now"},
		{locales.EN, "start", "i bought concert tickets from someone on xiaohongshu and never got them", "paid.now"},
		{locales.EN, "start", "I never received the code, can you check this message?", "understand.q.start"},
		{locales.EN, "start", "the police video called me and showed me a warrant", "understand.threatened.rule"},
	})
}

// TestDescribedMessageIsNeverAllClear: a text that opens by telling of a
// message received ("收到一个短信说我中奖了") is the person's account of
// it; when the rules find nothing in the account, the answer asks for
// the message itself instead of "no known warning signs in this
// message". The message itself, pasted, still gets its verdict.
func TestDescribedMessageIsNeverAllClear(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "收到一个短信说我中奖了", "understand.q.real"},
		{locales.ZH, "start", "我刚收到一条短信说我的积分要过期了", "understand.q.real"},
		// A named topic answers before "is it real" (round thirteen): a
		// prize that asks for a fee is never real.
		{locales.EN, "start", "i got a text saying i won a prize", "understand.q.prize_fee"},
		{locales.EN, "start", "I got an email from netflix saying my payment failed", "understand.q.real"},
		{locales.ZH, "start", "恭喜您中奖了，请回复领取", "verdict.none"},
		{locales.EN, "start", "Your Netflix payment failed. Update your details today.", "verdict.none"},
	})
}

// TestSecondTurnQuestions: what people ask after a verdict — whether to
// tell their parents, whether they are safe now, whether to block, what
// the bot is and what it keeps — is answered, not met with "is this a
// message?". "He said not to tell my parents" is still the threat told.
func TestSecondTurnQuestions(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "verdict", "should i tell my parents", "understand.q.tell_family"},
		{locales.ZH, "verdict", "我该不该告诉我爸妈", "understand.q.tell_family"},
		{locales.EN, "verdict", "is it safe now", "understand.q.safe_now"},
		{locales.EN, "verdict", "should I block him", "understand.q.safe_now"},
		{locales.ZH, "verdict", "要不要拉黑他", "understand.q.safe_now"},
		{locales.EN, "verdict", "are you a real person", "understand.q.bot"},
		{locales.EN, "start", "is this bot official", "understand.q.bot"},
		{locales.EN, "verdict", "do you store my messages", "privacy.text"},
		{locales.ZH, "start", "你会保存我的消息吗", "privacy.text"},
		{locales.EN, "verdict", "he said not to tell my parents", "understand.threatened.rule"},
	})
}

// TestFamilyTextOrRefused: a relative who got a message, not a call, is
// told not to reply or click (there is no call to hang up); one who
// already hung up, ignored it or reported it hears they did right and what
// to do if it comes again, not "hang up now". A relative still on the
// call, or one whose story names a call beside the message, keeps the
// steps for a call.
func TestFamilyTextOrRefused(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我妈收到一条短信说她的医保卡被冻结了", "understand.family.text"},
		{locales.EN, "start", "my grandma got a text saying her bank account is frozen", "understand.family.text"},
		{locales.ZH, "start", "我爸接到电话说是公安局的，说他卡涉嫌洗钱，让他转钱到安全账户，他没转，来问我，我说是假的，已经报警了", "understand.family.refused"},
		{locales.EN, "start", "my dad got a call from the police saying he is involved in money laundering, he hung up and reported it", "understand.family.refused"},
		{locales.ZH, "start", "我妈接到电话说她医保卡被冻结", "understand.family.them"},
		{locales.ZH, "start", "我妈收到短信说她医保卡被冻结 然后又打来电话让她转钱", "understand.family.oncall"},
		{locales.ZH, "start", "我妈现在还在和自称警察的人通电话 说她涉嫌洗钱", "understand.family.oncall"},
	})
}

// TestCallerClaimTold: a call from someone posing as an office, told with
// nothing more ("my daughter got a call from the chinese embassy", "a guy
// said he is from the bank and asked me to confirm my details"), gets the
// rule that unmasks who they posed as (for a relative's call, the steps
// for helping them), not "is this a message?".
func TestCallerClaimTold(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "my daughter got a call from 'chinese embassy'", "understand.family.them"},
		{locales.ZH, "start", "我女儿接到一个自称中国大使馆的电话", "understand.family.them"},
		{locales.EN, "start", "a guy said he is from the bank and asked me to confirm my details", "understand.threatened.bank.rule"},
		{locales.ZH, "start", "一个人说他是银行的 让我核实一下信息", "understand.threatened.bank.rule"},
		{locales.EN, "start", "a woman called saying she was from HSBC fraud team and asked for my card number", "understand.threatened.bank.rule"},
		{locales.EN, "start", "someone claiming to be police called me", "understand.threatened.rule"},
		{locales.ZH, "start", "有个自称警察的人给我打电话", "understand.threatened.rule"},
		// Who the caller claimed to be, said alone.
		{locales.EN, "start", "it was uk police", "understand.threatened.rule"},
		{locales.EN, "verdict", "it was the police", "understand.threatened.rule"},
		{locales.ZH, "start", "说是警察", "understand.threatened.rule"},
		{locales.EN, "start", "it was my bank", "understand.threatened.bank.rule"},
		{locales.EN, "verdict", "it was nothing", "none.steps"},
	})
}

// TestOwnWordsRoundTen: the person's words of the tenth round. Someone
// posing as their child asks for money (call the child), blackmail with
// images (pay nothing, keep the evidence, report), a bank that won't
// answer after a loss (freeze in the app, the 24-hour line, a branch), a
// relative who won't believe it (time, and a call together), a caller who
// knows their details (leaked data, not "you gave them away"), a video
// call with "police" under way (hang up).
func TestOwnWordsRoundTen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "someone on whatsapp says he is my son and needs money", "account.friend.first"},
		{locales.EN, "start", "im being blackmailed with my photos", "understand.q.sextortion"},
		{locales.ZH, "start", "裸聊被录了视频 对方说不给钱就发给我通讯录", "understand.q.sextortion"},
		{locales.EN, "start", "he is blackmailing me and i already paid him 300", "paid.now"},
		{locales.EN, "verdict", "my bank wont answer", "understand.q.bank_unreachable"},
		{locales.ZH, "verdict", "银行电话打不通怎么办", "understand.q.bank_unreachable"},
		{locales.ZH, "verdict", "我妈不听我的", "understand.q.wont_listen"},
		{locales.EN, "verdict", "my dad wont listen to me, he thinks its real", "understand.q.wont_listen"},
		{locales.EN, "start", "the caller knows my address and my passport number", "understand.q.leaked_knows"},
		{locales.EN, "start", "i gave the caller my passport number", "paid.id.now"},
		{locales.ZH, "start", "我在跟一个警察视频 他说我涉嫌洗钱", "oncall.hangup"},
		{locales.EN, "start", "my grandpa keeps getting calls from the embassy", "understand.family.them"},
		// Second turns: a link clicked or not, a reply sent, a fear
		// for the phone, a threat to post photos, "what else".
		{locales.EN, "verdict", "i didnt click it", "none.steps"},
		{locales.ZH, "verdict", "我没回复", "none.steps"},
		{locales.EN, "verdict", "I clicked it", "understand.link_opened"},
		{locales.ZH, "verdict", "我已经点了", "understand.link_opened"},
		{locales.EN, "verdict", "i replied to it", "understand.q.replied"},
		{locales.ZH, "verdict", "我回复了", "understand.q.replied"},
		{locales.EN, "verdict", "can they hack my phone", "understand.q.hack_phone"},
		{locales.EN, "verdict", "he knows where i live", "understand.q.leaked_knows"},
		{locales.EN, "steps", "he says he will post my photos", "understand.q.sextortion"},
		{locales.ZH, "steps", "我还需要做什么", "understand.q.paid"},
		// Cash about to be handed over: stop it now.
		{locales.EN, "start", "my nan is about to go to the bank to withdraw cash for a courier", "understand.family.oncall"},
		{locales.ZH, "start", "我爸要去银行取钱给一个快递员", "understand.family.oncall"},
		// A third probe: marketplaces, task jobs, threats to hurt, a
		// classmate asking to borrow, a video call under way.
		{locales.ZH, "start", "我在淘宝买东西 卖家让我加微信付款", "understand.q.marketplace"},
		{locales.ZH, "start", "闲鱼买家说我没开通保证金 收不到钱 要我先交两千", "understand.q.marketplace"},
		{locales.EN, "start", "a vinted buyer sent me a link to receive the payment", "understand.q.marketplace"},
		{locales.ZH, "start", "我同学在群里发了一个兼职 说点赞就能赚钱 我加了", "understand.q.task_job"},
		{locales.ZH, "start", "我被拉进一个群 说做任务返佣金 我充了500", "paid.now"},
		{locales.EN, "start", "he said he would kill my family if i dont pay", "understand.q.violent_threat"},
		{locales.ZH, "start", "有人加我微信说是我高中同学 借钱", "account.friend.first"},
		{locales.ZH, "start", "男朋友是网上认识的 说他在叙利亚当兵 要我帮他付运费", "understand.romance"},
		{locales.EN, "start", "someone from the chinese police is video calling me and says i cant leave my room", "oncall.hangup"},
		{locales.EN, "start", "i am the scammer's target right now he is texting me", "oncall.hangup"},
		{locales.EN, "start", "they know my parents phone number", "understand.q.leaked_knows"},
		{locales.EN, "start", "my flatmate sent his passport photo and bank details to a \"recruiter\"", "understand.family.paid.now"},
		{locales.ZH, "verdict", "这个是假的对吧", "understand.q.real_after"},
		{locales.EN, "verdict", "he wants me to go to the bank tomorrow", "understand.story_asks"},
		// The bank or the police stepping in is the help: listen to them.
		{locales.ZH, "start", "我在银行 工作人员说我可能被骗了 怎么办", "understand.q.intervention"},
		{locales.EN, "start", "the bank stopped my payment and says it might be a scam but the guy says it's fine", "understand.q.intervention"},
		{locales.ZH, "start", "警察来我家了 说我被骗了 我不信", "understand.q.intervention"},
		{locales.EN, "start", "the police came to my door and said i was being scammed", "understand.q.intervention"},
		{locales.ZH, "start", "我在银行柜台 准备汇款给一个领事馆的人", "understand.q.at_bank"},
		{locales.EN, "start", "my mum is at the bank right now about to transfer money to a safe account", "understand.family.oncall"},
		{locales.EN, "start", "my dad says the caller is a real police officer because he showed his badge on video", "understand.q.fake_id"},
		{locales.ZH, "verdict", "但是他说他是真的警察 还给我看了警官证", "understand.q.fake_id"},
		{locales.EN, "steps", "do i need a lawyer", "understand.q.lawyer"},
		{locales.EN, "start", "my son in australia says someone is using his wechat to borrow money from us", "account.family"},
		{locales.ZH, "start", "我妈买了很多保健品 说是专家推荐的 现在又要她交会员费", "understand.story_asks"},
		// A fifth probe: mixed words, doors, jobs, spoofed numbers.
		{locales.ZH, "start", "我send了code给他了", "paid.now"},
		{locales.EN, "start", "someone came to my flat saying they are from the gas company and wanted cash", "understand.q.doorstep"},
		{locales.EN, "start", "i got a job offer from a company i never applied to", "understand.q.job_unsolicited"},
		{locales.EN, "start", "he is asking me to invest in crypto with him", "understand.story_asks"},
		{locales.ZH, "start", "我同学推荐了一个换汇的人 汇率比银行好很多", "understand.q.currency_exchange"},
		{locales.ZH, "steps", "银行说钱已经被转走了", "understand.q.lost"},
		{locales.ZH, "steps", "警察让我等消息", "understand.q.lost"},
		{locales.EN, "verdict", "thats my real bank number though", "understand.q.spoofed"},
		{locales.ZH, "verdict", "可是号码是银行的官方号码啊", "understand.q.spoofed"},
		{locales.EN, "verdict", "the email came from the real domain", "understand.q.spoofed"},
		// A sixth probe: openers, returns, numbers asked about.
		{locales.EN, "start", "someone texted me is this sarah and now keeps chatting with me", "understand.q.wrong_number"},
		{locales.ZH, "start", "有人加错微信 然后一直跟我聊天 现在让我一起炒币", "understand.q.wrong_number"},
		{locales.EN, "start", "my friend told me about a crypto platform with 30% monthly returns", "understand.q.invest_offer"},
		{locales.EN, "start", "can you check this number for me 07700900123", "understand.q.number"},
		{locales.EN, "start", "is 95588 really icbc", "understand.q.number"},
		// A seventh probe: second turns about the message just checked.
		{locales.EN, "verdict", "what should i reply", "understand.q.reply_q"},
		{locales.ZH, "verdict", "我要回复他吗", "understand.q.reply_q"},
		{locales.EN, "verdict", "can i just ignore it", "understand.q.ignore_ok"},
		{locales.ZH, "verdict", "可以不理吗", "understand.q.ignore_ok"},
		{locales.ZH, "verdict", "我已经删了", "none.steps"},
		{locales.EN, "verdict", "i forwarded it to my friends", "share.title"},
		{locales.ZH, "verdict", "我室友也收到了", "share.title"},
		{locales.ZH, "verdict", "会不会影响我的征信", "understand.q.credit_fear"},
		{locales.EN, "verdict", "will it affect my credit score", "understand.q.credit_fear"},
		// An eighth probe: a prize to pay for, a 医保卡 "stolen" told.
		{locales.ZH, "start", "有人打电话说我中了大奖 要先交个人所得税", "understand.q.prize_fee"},
		{locales.EN, "start", "someone called saying i won a prize but i have to pay the tax first", "understand.q.prize_fee"},
		{locales.ZH, "start", "刚才接到电话 说我的医保卡被人盗刷了 要我联系公安", "understand.threatened.rule"},
		{locales.ZH, "start", "我的银行卡被盗刷了五千", "paid.now"},
	})
}

// TestPastedMessagesKeepTheirVerdict: a scam message pasted whole is a
// message to check (its verdict, its reasons), even when its words are
// those of a story this round answers directly: a task job, a buyer's
// "deposit", a threat to hurt, blackmail, a caller who claims an office.
func TestPastedMessagesKeepTheirVerdict(t *testing.T) {
	for _, text := range []string{
		"点赞赚钱，日结300，加V：abc123",
		"兼职招聘：抖音点赞就能赚钱，一单一结，有意私聊",
		"Hi! Earn £200 a day, paid to like videos for money. WhatsApp +44 7700 900123",
		"【闲鱼】您的账户未开通保证金服务，买家已付款，请点击开通保证金以收款",
		"Vinted: your buyer has paid. To receive the payment, verify your card at vinted-pay.example",
		"We have your daughter. If you call the police we will kill her. Pay £5000 now.",
		"I recorded you. Pay 500 or I will send the video to all your contacts.",
		"你好，你的裸聊视频在我手上，不给钱就发给你通讯录所有人",
		"This is John calling from Barclays fraud department. Your account has been compromised, please call us back on 020 7946 0123 immediately.",
		"您好，我是中国大使馆工作人员，您有一份重要文件未领取，请按9转人工",
		"【XX银行】您的转账被银行拦截，请点击链接解除：bank-unlock.example 否则资金将被冻结",
		"燃气公司上门安检，请提前准备好现金缴纳检测费",
		"留学生换汇 英镑 人民币 大额优先 汇率美丽 秒到 需要的私我 不走银行",
		"Hi, is this Sarah? Sorry, wrong number! You seem nice though, where are you from?",
		"加入我们的理财平台，月收益30%，稳赚不赔，名额有限，加V：lc8888",
		"我是你的外孙子，刚给你打电话了。我被警察抓起来了，需要交罚款才能出来。我已经把钱转到你银行卡上了，你查一下",
		"【京东金融】您的校园贷账户未注销，不处理会影响征信，请尽快联系客服办理",
		"恭喜您中了大奖！领奖前需先交个人所得税800元，请联系客服QQ 88990011",
		"Your account will be closed in 24 hours. If you ignore this message your credit score will be affected. Call 0800 555 0142",
		"裸 聊 视 频已保存，通 讯 录已导出。加扣扣 2938840115 处理，一小时内不处理直接群发，别怪我没提醒",
	} {
		// Check or unclear: both are classified, and a warning makes an
		// unclear text a message to check.
		if got := Understand(State{}, text, false); got.Intent != IntentCheck && got.Intent != IntentUnclear {
			t.Errorf("%q: got intent %s (topic %q), want check or unclear", text, got.Intent, got.Topic)
		}
	}
}

// TestWrittenScamsAreClassified: of the scam rows of the project's written
// sets (pasted messages, and some persons' own stories), those placed where
// no verdict is shown (a question's answer) stay few: a direct answer this
// round added for a person's story (blackmail, a marketplace deposit, a
// task job, a bank stepping in…) must not swallow a pasted scam. 83 rows
// before the tenth round; 85 after it: four persons' own stories got a
// direct answer (at the bank about to pay, two blackmail stories, and a
// tuition "better rate" that was already answered), and a pasted "加错人了"
// opener is classified again. 82 at the end of the fourteenth round
// (86 at its peak: two written stories of a person's own loss got their
// direct answers, a "反诈律师" who can recover the money for a fee and
// "first day they paid me $47"; later phrases placed three pasted scams
// as messages again), with the round's new sets cc, ee, ff and hh. A rise
// means a direct answer now takes pasted messages: look at which. 84 in
// the fifteenth round (with its sets pp, qq and rr): two written stories
// in the person's own voice now get their direct answers, a task job's
// "前三单都返了钱…我该做完吗" (task_job) and a senior's "把银行卡借给他用一个月…
// 我可以借吗" (mule); 83 at the round's end, after the phrases for simple
// English placed one more pasted scam as a message. 85 in the seventeenth
// round: three written stories of a relative's or friend's job offer in
// Myanmar or Laos, flight paid and a driver across the border ("my friend
// got a job offer in Myanmar… she's leaving on friday"), now get the
// answer that says don't go, where they got a verdict on the offer; one
// message from a child to her mother about such a job is checked again.
// 84 after the round's "not yet" answers: a pasted ask whose "还没发" had
// read as the person's "nothing happened yet" is checked again. 83 of
// 2,970 in the eighteenth round, with its set af: a friend's pitch that
// asks its reader "你要不要先放500试试水" is checked (it was the person's
// "what do I do"), and so is set f_blind's pitch of a bank's "inside"
// product that ends "你要不要". 82 after the round's second pair of
// writers: set f's "虽然我们还没见面…我想带你一起投资" is checked again, its
// "还没见面" no longer read as the person's "nothing happened yet". 80 at
// the round's end: "你有没有闲钱" and "有没有想在宿舍躺着赚米的" are checked, their
// 有没有 (does anyone, have you) no longer read as "nothing happened".
// 81 of 3,000 in the nineteenth round (set aj added none): set d's
// story of a "mistaken" text turned to gold trading, typed as the person
// ("Someone texted me by \"mistake\"… Now she says her uncle taught her
// gold trading"), gets the wrong-number warning directly.
func TestWrittenScamsAreClassified(t *testing.T) {
	files, err := filepath.Glob("../classifier/testdata/messages/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("written sets: %v, %d files", err, len(files))
	}
	const most = 81
	scams, unclassified := 0, 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			var r struct{ Text, Label string }
			if len(line) == 0 || json.Unmarshal(line, &r) != nil || r.Label != "scam" {
				continue
			}
			scams++
			if !Understand(State{}, r.Text, false).NeedsVerdict() {
				unclassified++
			}
		}
	}
	if unclassified > most {
		t.Errorf("got %d of %d written scam rows placed without a verdict, want at most %d", unclassified, scams, most)
	}
}

// TestOwnWordsRoundEleven: the eleventh round's typed stories and second
// turns (issue #12's round 11, the lead), each answered wrongly before:
// still on the call in the person's words, a relative's arrest or a
// kidnap video told, an office's caller told of a parent, a gift card or
// a deposit before a viewing asked, a question about the message just
// checked, and a step already done.
func TestOwnWordsRoundEleven(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// Unclear before: the person is on the call now.
		{locales.ZH, "start", "我正在跟他们打电话", "oncall.hangup"},
		{locales.ZH, "start", "我还在和对方通话 他让我别挂", "oncall.hangup"},
		// Unclear, or the rule for calls accusing the person: a
		// relative said to be held, whom the person is to reach first.
		{locales.ZH, "start", "我是他奶奶 我孙子在国外读书 刚才电话里说他被警察抓了", "understand.family.call_first"},
		{locales.EN, "start", "they said i have to pay 3000 pounds bail for my brother", "understand.family.call_first"},
		{locales.EN, "start", "my son hasn't answered his phone for 2 days and someone sent me a video of him tied up", "understand.family.call_first"},
		{locales.ZH, "start", "有人给我发了我儿子被绑的视频 要我打钱", "understand.family.call_first"},
		// Unclear: a parent called by someone posing as social security.
		{locales.EN, "start", "my mum is 78 and keeps getting calls from 'social security'", "understand.family.them"},
		{locales.ZH, "start", "我妈老是接到说是社保局的电话", "understand.family.them"},
		// Unclear: an ask told (gift cards; a deposit before viewing).
		{locales.ZH, "start", "他让我去买苹果卡", "understand.story_asks"},
		{locales.ZH, "start", "房东说要先交押金才能看房", "understand.q.rental"},
		// Unclear: a question about the number or the message just checked.
		{locales.ZH, "start", "这个电话是不是大使馆的", "understand.q.number"},
		{locales.EN, "verdict", "but they know my name and student number", "understand.q.leaked_knows"},
		{locales.EN, "verdict", "it says my account will be closed in 24 hours what happens if i ignore", "understand.q.ignore_ok"},
		// Unclear: a step done.
		{locales.EN, "steps", "i already called the bank", "understand.smalltalk.done"},
		// Unclear, second probe: a transfer to "police", a warrant photo,
		// a courier's compensation, a marketplace payment link, an
		// account "changed" by a landlord.
		{locales.EN, "start", "they transferred me to a police officer in china", "understand.threatened.rule"},
		{locales.EN, "start", "they sent me a photo of an arrest warrant with my name", "understand.threatened.rule"},
		{locales.EN, "start", "a courier called saying my parcel was lost and they will compensate me", "understand.threatened.service.rule"},
		{locales.EN, "start", "buyer on facebook marketplace wants me to click a link to receive payment", "understand.q.marketplace"},
		{locales.EN, "start", "my landlord asked for rent to a different account this month", "understand.q.payee_change"},
		{locales.ZH, "start", "房东说换了收款账户", "understand.q.payee_change"},
		// Third probe: a parent who won't be stopped, health products, a
		// "teacher's" gift cards (got the visa rule), a son's school
		// fight to pay for (got the visa rule), a parcel with a QR code
		// and the code scanned, a subscription to cancel, officers
		// "outside".
		{locales.ZH, "start", "老人家不听劝 非要去银行转钱", "understand.q.wont_listen"},
		// Health products sold at a seminar have their own answer since
		// round thirteen (it asked what happened).
		{locales.EN, "start", "my grandma spent 5000 on health products from a seminar", "understand.q.health_sales"},
		{locales.ZH, "start", "有个人说他是我大学的老师 让我帮他买购物卡", "understand.story_asks"},
		{locales.ZH, "start", "刚才有人打电话说我儿子在学校打架了 要赔钱", "understand.family.call_first"},
		{locales.EN, "start", "someone called saying my son hit someone at school and we must pay", "understand.family.call_first"},
		{locales.EN, "start", "i got a parcel i never ordered with a qr code inside", "understand.q.qr_refund"},
		{locales.ZH, "start", "我扫了那个二维码", "understand.link_opened"},
		{locales.EN, "start", "customer service says i signed up for a service and will be charged monthly unless i cancel", "understand.threatened.service.rule"},
		{locales.EN, "verdict", "he said officers are outside my house", "understand.threatened.rule"},
		// Kept: the same words pasted as a message, or said of the person.
		{locales.EN, "start", "they said if i hang up i will be arrested", "understand.threatened.rule"},
		{locales.ZH, "start", "我女儿接到一个自称中国大使馆的电话", "understand.family.them"},
	})
	// A pasted notice of new bank details is a message to check, not the
	// person's question about one.
	for _, text := range []string{
		"温馨提示：本人收款账户已变更，请将本月房租转至新账户 6222 0210 1234 5678，户名张伟。",
		"Dear tenant, please note our bank details have changed. Pay this month's rent to sort code 20-11-44, account 43218765.",
		"Hey bro, can I use your bank account to receive some money from my cousin? My account got frozen. I'll send you 200 for your trouble.",
	} {
		if got := Understand(State{}, text, false); got.Intent != IntentCheck {
			t.Errorf("%q: got intent %s, want %s", text, got.Intent, IntentCheck)
		}
	}
}

// TestOwnWordsRoundTwelve checks the first thing said to the lines of the
// twelfth round's probe: a scam asked about by its name is explained
// ("what is virtual kidnapping" got the rule for calls accusing the
// person, "what is pig butchering" and "什么是杀猪盘" were unclear); the
// person who hung up is told what that cost and what comes next (it was
// "Good. Forward or paste a message"), but a caller who hung up is not the
// person; a hotel-review job is the task scam (unclear); gift cards paid
// are stopped by their issuer first; "us police" and "police in the uk"
// get that place's numbers.
func TestOwnWordsRoundTwelve(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "what is virtual kidnapping", "understand.q.explain_kidnap"},
		{locales.EN, "start", "explain virtual kidnapping to my parents", "understand.q.explain_kidnap"},
		{locales.ZH, "start", "什么是虚拟绑架", "understand.q.explain_kidnap"},
		{locales.ZH, "start", "虚拟绑架是怎么回事", "understand.q.explain_kidnap"},
		{locales.EN, "start", "what is pig butchering", "understand.q.explain_pig"},
		{locales.ZH, "start", "什么是杀猪盘", "understand.q.explain_pig"},
		{locales.EN, "start", "what is the chinese police scam", "understand.q.officials"},
		{locales.EN, "start", "what does 帮信罪 mean", "understand.q.mule"},
		{locales.EN, "start", "i hung up what now", "understand.q.hung_up"},
		{locales.ZH, "start", "我已经挂了电话 接下来怎么办", "understand.q.hung_up"},
		{locales.EN, "start", "ok i hung up", "understand.q.hung_up"},
		{locales.EN, "start", "someone on xiaohongshu offered me a job reviewing hotels", "understand.q.task_job"},
		{locales.ZH, "start", "有人在小红书找我给酒店写好评 一单30", "understand.q.task_job"},
		// Unclear: the police where the person is, asked in two words.
		{locales.EN, "start", "us police", "where.title"},
		{locales.EN, "start", "police in the uk", "where.title"},
		{locales.EN, "start", "the police called us", "understand.unclear"},
		{locales.EN, "start", "i paid with apple gift cards", "understand.giftcard_paid"},
		{locales.ZH, "start", "我已经买了5张苹果卡把卡号发给他了", "understand.giftcard_paid"},
		// Second probe of the round: unclear, or "nothing happened".
		{locales.ZH, "start", "对方说是顺丰的 快递丢了要赔我钱 让我加他微信", "understand.threatened.service.rule"},
		{locales.EN, "start", "the scammer has my address and is threatening me", "understand.q.violent_threat"},
		{locales.EN, "start", "how do i know if this bot is real", "understand.q.bot"},
		{locales.ZH, "start", "这个机器人靠谱吗", "understand.q.bot"},
		{locales.EN, "start", "my mom keeps forwarding me these messages and i dont know which are real", "understand.q.real"},
		{locales.EN, "start", "he is still texting me what should i reply", "understand.q.reply_q"},
		{locales.EN, "start", "he keeps texting me can i just ignore it", "understand.q.ignore_ok"},
		{locales.EN, "start", "they threatened me with deportation", "understand.threatened.rule"},
		{locales.ZH, "start", "他们说我要被遣返", "understand.threatened.rule"},
		// Third probe: second turns after a parcel scam's verdict. The
		// tracking question read as a message ("I found no known warning
		// signs"); the others were unclear.
		{locales.EN, "verdict", "is there a way to check the tracking number", "understand.q.track"},
		{locales.ZH, "verdict", "怎么查快递", "understand.q.track"},
		{locales.EN, "verdict", "but it has my real name and address", "understand.q.leaked_knows"},
		{locales.EN, "verdict", "can you tell my mum", "share.title"},
		// Fourth probe, parents' words in Chinese: a caller posing as a
		// son's teacher got "tell your family you are safe" (the 我 of 我
		// 儿子 was read as the person posed as).
		{locales.ZH, "start", "刚才有个人打电话说是我儿子的老师 说孩子在学校受伤了 要马上交手术费", "understand.family.call_first"},
		{locales.ZH, "start", "派出所打电话让我去一趟 是真的吗", "understand.q.police_visit"},
		{locales.EN, "start", "the police called and asked me to come to the police station", "understand.q.police_visit"},
		{locales.ZH, "start", "我想给群里的老人发个提醒", "share.title"},
		{locales.ZH, "start", "我妈在直播间买了好几千的保健品", "understand.q.health_sales"},
		// Fifth probe, English: a PIN given at the door got "don't hand
		// over PINs at the door"; an account lent and frozen got the
		// bank caller's rule; the rest were unclear.
		{locales.EN, "start", "my grandpa gave his card pin to a man who came to the door", "understand.family.paid.now"},
		{locales.EN, "start", "i let someone use my bank account and now it's frozen", "understand.q.mule"},
		{locales.EN, "start", "someone from amazon called about a charge of 899 and said press 1", "understand.threatened.service.rule"},
		{locales.EN, "start", "i sold my laptop on ebay and the buyer wants to pay by cheque for more than the price", "understand.q.overpaid"},
		{locales.EN, "start", "they asked for my mother's maiden name and date of birth", "understand.story_asks"},
		{locales.EN, "start", "the caller knew my last 4 digits of card", "understand.q.leaked_knows"},
		// Sixth probe, second turns at the place question after a loss:
		// a sentence read as a place got "I don't have numbers for that
		// place yet"; a question with an answer was not answered; "my
		// parents will kill me" got the answer to a threat of violence.
		// Round eighteen: what to hold back meanwhile comes before the
		// place question again.
		{locales.EN, "country", "will the police actually do anything", "understand.q.country.meanwhile"},
		{locales.ZH, "country", "我还告诉了他们我的住址", "understand.q.country.meanwhile"},
		{locales.EN, "country", "Ulaanbaatar", "where.unknown"},
		{locales.EN, "country", "i feel so stupid", "understand.q.shame"},
		{locales.EN, "country", "my parents will kill me", "understand.q.shame"},
		{locales.EN, "country", "what should i reply", "understand.q.reply_q"},
		// Eighth probe, on the call now: a threat for hanging up said in
		// the present, and a video call with a "police officer" who
		// wants the camera on, were the police rule or unclear.
		{locales.EN, "start", "he says if i hang up i will be arrested", "oncall.hangup"},
		{locales.ZH, "start", "我正在和一个警官视频 他让我不要关摄像头", "oncall.hangup"},
		// Ninth probe: a number the bot itself gives, asked about, got "I
		// can't confirm a phone number"; now whose it is, and that a call
		// showing it can still be forged. Numbers it does not list, or
		// that two listings share (999), keep the general answer.
		{locales.EN, "start", "is +86 10 12308 the real number", "understand.q.number_listed"},
		{locales.ZH, "start", "12308是真的领事保护热线吗", "understand.q.number_listed"},
		{locales.EN, "start", "is +86 10 12309 the real number", "understand.q.number"},
		// Tenth probe, grandparents' words: a grandson's call without
		// "my" got the police rule; a "microsoft" caller fixing the
		// computer now, a "bank man" coming for the card, gift cards'
		// numbers asked were unclear; gift cards bought and not given got
		// the steps after a loss.
		{locales.EN, "start", "grandson called crying said he was in jail needs bail money dont tell his mother", "understand.family.call_first"},
		{locales.EN, "start", "a man from microsoft said my computer has a virus and he is fixing it now", "app.now"},
		{locales.EN, "start", "the bank man is coming to collect my card", "understand.q.doorstep"},
		{locales.EN, "start", "they want me to scratch the back of the cards and read the numbers", "understand.story_asks"},
		{locales.EN, "start", "i bought the gift cards what do i do with them now", "understand.q.giftcard_bought"},
		{locales.EN, "start", "i bought the gift cards and sent him the codes", "understand.giftcard_paid"},
		// Eleventh probe, second turns after a parcel scam's verdict in
		// Chinese: card numbers typed into the page were unclear, a
		// friend's "it's real" too.
		{locales.ZH, "verdict", "我把银行卡号填进去了", "paid.now"},
		{locales.EN, "verdict", "i entered my card number on the site", "paid.now"},
		{locales.ZH, "verdict", "我朋友说这是真的", "understand.q.real_after"},
		// At the place question, any question with an answer is answered
		// first ("银行说追不回来了": what still helps; it was the place
		// question again).
		{locales.ZH, "country", "银行说追不回来了", "understand.q.lost"},
		{locales.EN, "country", "the bank says they cant do anything", "understand.q.lost"},
		// Twelfth probe, second turns after a parcel scam's verdict in
		// English (all unclear or a generic question back before).
		{locales.EN, "verdict", "but it came from the official royal mail number", "understand.q.spoofed"},
		{locales.EN, "verdict", "what if the parcel is real", "understand.q.real_after"},
		{locales.EN, "verdict", "i dont have any parcel coming", "none.steps"},
		{locales.EN, "verdict", "can they steal money with just my address", "understand.q.address_only"},
		{locales.ZH, "start", "只有我的地址会不会被骗钱", "understand.q.address_only"},
		// Thirteenth probe, after the steps for a loss, Chinese.
		{locales.ZH, "steps", "银行说要我去柜台", "understand.q.bank_visit"},
		{locales.ZH, "steps", "我是不是很蠢", "understand.q.shame"},
		{locales.ZH, "steps", "他让我去银行柜台转账到安全账户", "understand.threatened.bank.rule"},
		// Fourteenth probe: blackmail with nude photos, a job's cheque to
		// buy equipment, a friend's transfer to receive and send back
		// (all unclear before).
		{locales.EN, "start", "someone has my nude photos and wants 500 dollars", "understand.q.sextortion"},
		{locales.EN, "start", "i got a job offer and they sent me a cheque to buy equipment", "understand.q.overpaid"},
		{locales.EN, "start", "my friend asked me to receive a transfer for him and send it back", "understand.q.mule"},
		{locales.EN, "country", "should i change my phone number", "understand.q.change_number"},
		{locales.ZH, "start", "要不要换手机号", "understand.q.change_number"},
		// Fifteenth probe, students abroad: the Home Office and the BRP,
		// the AFP and the TFN were unclear; a group of stock tips too;
		// a ticket sale paid first, told, read "no known warning signs"
		// (the classifier now flags it; see the rules).
		{locales.EN, "start", "someone from the home office called and said my brp is invalid", "understand.threatened.visa.rule"},
		{locales.EN, "start", "the caller said he was from the australian federal police and my tfn is suspended", "understand.threatened.rule"},
		{locales.EN, "start", "i was added to a whatsapp group about stock tips", "understand.q.invest_offer"},
		{locales.ZH, "start", "我被拉进了一个炒股群", "understand.q.invest_offer"},
		// Someone told of in the person's own words, where the rules find
		// nothing, is never "no known warning signs": the warning about
		// asks, or the message itself asked for. A message pasted as it
		// came keeps its verdict.
		{locales.EN, "start", "someone on facebook is selling a laptop and wants me to pay the deposit first", "understand.story_asks"},
		{locales.EN, "start", "a guy on discord is selling a graphics card", "understand.unclear"},
		{locales.EN, "start", "someone on wechat is selling cheap concert tickets but wants payment first", "understand.q.real"},
		{locales.ZH, "start", "有人在闲鱼上卖一个相机 看起来挺便宜", "understand.unclear"},
		{locales.EN, "start", "Your Amazon order 114-2238 has been cancelled. Your refund will arrive in 3-5 days.", "verdict.none"},
		// Sixteenth probe, asks told in the person's words.
		{locales.EN, "start", "my classmate wants to borrow my bank card for a week", "understand.q.mule"},
		{locales.EN, "start", "a company wants me to receive packages at home and reship them", "understand.q.mule"},
		{locales.EN, "start", "there is a job where i just need to open a bank account for them", "understand.q.mule"},
		{locales.EN, "start", "the buyer wants my email to send the payment", "understand.q.marketplace"},
		{locales.EN, "start", "someone wants to pay my rent for me if i send them my login", "understand.story_asks"},
		{locales.EN, "start", "my landlord says the previous tenant's deposit needs to be paid to his new account", "understand.q.payee_change"},
		{locales.EN, "start", "the university accommodation office emailed asking me to confirm my card details", "understand.story_asks"},
		{locales.ZH, "start", "卖家让我去另一个网站付款", "understand.q.marketplace"},
		{locales.ZH, "start", "有个公司让我在家收快递再转寄出去", "understand.q.mule"},
		// Seventeenth probe, a relative drawn in: all unclear or generic.
		{locales.EN, "start", "my dad thinks the scammer is his friend now", "understand.q.wont_listen"},
		{locales.EN, "start", "how do i stop my grandma from sending more money", "understand.q.wont_listen"},
		{locales.EN, "start", "my grandma is at western union right now", "understand.q.at_bank"},
		// Eighteenth probe, parents' stories in Chinese (unclear, or the
		// steps after a loss for an impostor's messages: 充了 inside 冒充了).
		{locales.ZH, "start", "我妈在给一个客服打电话 说要注销什么百万保障", "understand.family.oncall"},
		{locales.ZH, "start", "我爸接到电话说他的养老金要升级 要交费", "understand.family.them"},
		{locales.ZH, "start", "我奶奶说有人上门免费体检 然后卖给她药", "understand.scammed_family"},
		{locales.ZH, "start", "有人让我妈加一个群 说每天签到领鸡蛋", "understand.q.freebie_group"},
		{locales.ZH, "start", "我爸的微信被人冒充了 在找亲戚借钱", "account.family"},
		// Nineteenth probe: a video call holding the ID was unclear.
		{locales.EN, "start", "they asked me to do a video call holding my id", "understand.story_asks"},
		{locales.ZH, "start", "他们让我手持身份证视频", "understand.story_asks"},
		// Unchanged: a relative's kidnapping call is still "reach them
		// first"; money sent without gift cards is still the bank first.
		{locales.EN, "start", "someone called my mum saying i was kidnapped", "understand.family.me"},
		{locales.EN, "start", "i sent 2000 pounds to them", "paid.now"},
	})
	// Seventh probe, second turns after a relative's call: "she already
	// paid 5000" got the person's own bank steps ("call your bank"); a
	// relative on the phone with them got "Hang up now". "He is still on
	// the phone" is the caller, and stays the person's hang-up.
	s0 := stateFor(t, "start", locales.EN)
	s0, _ = Step(s0, Event{Kind: EventText, Text: "my mum got a call from someone saying they are chinese police"})
	for _, tt := range []struct{ text, want string }{
		{"she already paid 5000", "understand.family.paid.now"},
		{"她已经转了两万", "understand.family.paid.now"},
		{"she gave them her bank card number", "understand.family.paid.now"},
		{"she is still on the phone with them", "understand.family.oncall"},
		{"她还在跟对方通话", "understand.family.oncall"},
		{"he is still on the phone", "oncall.hangup"},
		{"他还在电话上", "oncall.hangup"},
		{"i already paid 5000", "paid.now"},
	} {
		if got := firstReplyKey(s0, tt.text); got != tt.want {
			t.Errorf("after a relative's call, %q: got %s, want %s", tt.text, got, tt.want)
		}
	}
	// A pasted romance ask that ends "Can you help?" is a message to
	// check, not the person's question.
	if p := Understand(State{}, "Hey babe, my trading account is about to hit the withdrawal threshold but I need 3,000 USDT more to unlock it. Can you help? I'll pay you back double tomorrow", false); !p.NeedsVerdict() {
		t.Errorf("pasted romance ask: got %s/%s, want a verdict", p.Intent, p.Topic)
	}
	// After money was lost, "i hung up" is never "you have lost
	// nothing".
	if got := firstReplyKey(stateFor(t, "steps", locales.EN), "ok i hung up"); got == "understand.q.hung_up" {
		t.Errorf("steps after a loss: got %s, want anything but", got)
	}
	// The caller hanging up is not the person's step.
	s := stateFor(t, "verdict", locales.ZH)
	if got := firstReplyKey(s, "我说我要报警 他就挂了"); got == "understand.q.hung_up" {
		t.Errorf("他就挂了: got %s, want the caller's hang-up not read as the person's", got)
	}
}

// TestOwnWordsLang checks which typed words are plainly one language.
func TestOwnWordsLang(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"他还在电话上", locales.ZH},
		{"我send了code给他了", locales.ZH},
		{"怎么办", locales.ZH},
		{"they are still on the phone", locales.EN},
		{"i already paid what do i do", locales.EN},
		{"wo bei pian le", ""},
		{"ok", ""},
		{"thanks a lot", ""},
		{"是", ""},
		{"HSBC code 1234", ""},
		{"my 妈妈 got a call from the police", ""},
	} {
		if got := ownWordsLang(tt.text); got != tt.want {
			t.Errorf("ownWordsLang(%q): got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestReplyLanguageFollowsOwnWords: a person whose phone is set to English
// and who types Chinese is answered in Chinese, and the other way round;
// a pasted message, an answer to a question with buttons, or a language
// the person chose changes nothing.
func TestReplyLanguageFollowsOwnWords(t *testing.T) {
	type row struct {
		name, lang, state, text string
		forwarded               bool
		want                    string
	}
	for _, tt := range []row{
		{"own words zh on an English phone", locales.EN, "start", "他还在电话上 我该怎么办", false, locales.ZH},
		{"own words en on a Chinese phone", locales.ZH, "start", "they are still on the phone with me", false, locales.EN},
		{"forwarded Chinese message", locales.EN, "start", "【顺丰】您的快递因地址不详被退回，请点击链接 http://sf-x.top 补填地址", true, locales.EN},
		{"pasted Chinese message", locales.EN, "start", "【顺丰】您的快递因地址不详被退回，请点击链接 http://sf-x.top 补填地址", false, locales.EN},
		{"quiz answer", locales.EN, "quiz", "没有", false, locales.EN},
		{"place answer", locales.EN, "country", "我在旧金山读书", false, locales.EN},
		{"Chinese words before a Chinese paste", locales.EN, "start", "这个是真的吗 【工商银行】您的账户存在异常，请于今日内登录 http://icbc-vip.cc 完成认证，否则将冻结", false, locales.ZH},
		{"a mother's message framed in English", locales.ZH, "start", "my mum got this: 【顺丰】您的快递因地址不详被退回，请点击链接 http://sf-x.top 补填地址", false, locales.EN},
		{"a Chinese paste with no framing", locales.EN, "start", "您好：您的快递因地址不详被退回，请点击链接 http://sf-x.top 补填地址", false, locales.EN},
	} {
		s := stateFor(t, tt.state, tt.lang)
		got, _ := Step(s, Event{Kind: EventText, Text: tt.text, Forwarded: tt.forwarded})
		if got.Lang != tt.want {
			t.Errorf("%s: got lang %s, want %s", tt.name, got.Lang, tt.want)
		}
	}
	// Chosen: "English" pressed, then Chinese typed: English stays.
	s := stateFor(t, "start", locales.ZH)
	s, _ = Step(s, Event{Kind: EventCommand, Command: "lang", Arg: "en"})
	s, _ = Step(s, Event{Kind: EventText, Text: "他还在电话上 我该怎么办"})
	if s.Lang != locales.EN {
		t.Errorf("after choosing English: got lang %s, want en", s.Lang)
	}
}

// TestOwnWordsRoundThirteen holds the lines of the thirteenth round's
// probes (my own typed lines and a fresh writer's, varied here) that were
// answered wrongly or left unclear: each row failed before its fix.
func TestOwnWordsRoundThirteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// Told as a message to check and answered "no known warning
		// signs": a relative's health products, a look-alike address
		// described, an email from an "embassy" described.
		{locales.ZH, "start", "外婆参加了一个养生讲座 买了一万多的保健品", "understand.q.health_sales"},
		{locales.EN, "start", "my nan spent 2000 on a magnetic mattress at a free health talk", "understand.q.health_sales"},
		{locales.EN, "start", "the page says its the official paypal login but the url looks weird, paypa1-secure or something", "understand.q.lookalike_link"},
		{locales.ZH, "start", "说是京东退款 但是网址很奇怪 是jd-tuikuan什么的", "understand.q.lookalike_link"},
		{locales.EN, "start", "got an email from the consulate with an official stamp, says i must call officer li today", "understand.threatened.rule"},
		// On the call now, typed in a hurry: hang up first.
		{locales.EN, "start", "still on call rn he wants me to go to western union", "oncall.hangup"},
		// Almost paid is not paid.
		{locales.ZH, "start", "好险 差点就转给他了", "understand.none_start"},
		{locales.EN, "start", "thank god i almost sent it", "understand.none_start"},
		// Unclear before.
		{locales.EN, "start", "my mum keeps getting calls from 00 numbers at night", "understand.q.unknown_calls"},
		{locales.EN, "start", "i have a missed call from +44 20 7946 0999 should i call them back", "understand.q.unknown_calls"},
		{locales.EN, "start", "they keep calling me from different numbers after i stopped answering", "understand.q.unknown_calls"},
		{locales.EN, "start", "can i send you a screenshot instead", "understand.q.screenshot"},
		{locales.ZH, "start", "可以发截图给你吗", "understand.q.screenshot"},
		{locales.EN, "start", "am i going to jail for this", "understand.q.officials"},
		{locales.EN, "start", "he was in uniform on the video call, can that be fake", "understand.q.officials"},
		{locales.EN, "start", "i think my account is being used to move money for someone", "understand.q.mule"},
		{locales.EN, "start", "the remote job wants my bank login for payroll, normal?", "understand.q.mule"},
		{locales.EN, "start", "is an 0800 number always safe", "understand.q.spoofed"},
		{locales.EN, "start", "my grandad thinks im overreacting about the call", "understand.q.wont_listen"},
		{locales.ZH, "start", "我爸不听我的 还说我被洗脑了", "understand.q.wont_listen"},
		{locales.EN, "start", "i feel so stupid, i really fell for it", "understand.q.shame"},
		{locales.EN, "start", "who made this bot, is it the government", "understand.q.bot"},
		{locales.ZH, "start", "你是机器人还是真人", "understand.q.bot"},
		{locales.EN, "start", "do u save what i write here", "privacy.text"},
		{locales.EN, "start", "is it legit if a site pays you to like youtube videos", "understand.q.task_job"},
		{locales.ZH, "start", "怎么知道一个投资群是不是真的", "understand.q.invest_offer"},
		{locales.EN, "start", "she says her cousin runs a crypto platform", "understand.q.invest_offer"},
		{locales.EN, "start", "scammer has my photos and is threatening to send them to my contacts unless i pay", "understand.q.sextortion"},
		{locales.EN, "start", "the landlord wont let me view the room, says hes overseas", "understand.q.rental"},
		{locales.ZH, "start", "快递发了个链接让我填地址 我点进去了 没输东西", "understand.link_opened"},
		{locales.ZH, "start", "谢谢 我这就去银行冻结卡", "understand.smalltalk.done"},
		// A relative's gift cards: the issuer first, as for the person's own.
		{locales.EN, "start", "my grandpa bought 800 of steam cards for the tax office", "understand.family.giftcard_paid"},
		// An ask told without the words "asked me to": the warning about asks.
		{locales.EN, "start", "they asked for my bank password to verify me", "understand.story_asks"},
		// A relative named first, then what they did, and nothing the
		// rules know: never "no known warning signs", the message asked
		// for instead (tellsOfSomeone).
		{locales.ZH, "start", "奶奶被一个小伙子天天陪着聊天", "understand.q.real"},
		// "Should I give…?": only to an office reached by the person.
		{locales.EN, "start", "is it safe to give my student id number", "understand.q.safe_to_give"},
		{locales.ZH, "start", "要不要把我的身份证号给他", "understand.q.safe_to_give"},
		// A fresh writer's 70 two-turn conversations (varied here):
		// remote access now, an unknown charge, gift card numbers read
		// out, money moved or handed over, a kidnapper's threat, days
		// without the family, questions at the place question.
		{locales.EN, "verdict", "hes on my computer rn should i unplug it", "app.now"},
		{locales.ZH, "verdict", "我已经开了 赶紧挂吗", "oncall.hangup"},
		{locales.EN, "verdict", "now theres a charge for 250 from a shop i never used", "paid.now"},
		{locales.EN, "verdict", "i bought 3 apple cards and read them the numbers", "understand.giftcard_paid"},
		{locales.EN, "verdict", "i moved 3k from my savings like he said", "paid.now"},
		{locales.ZH, "verdict", "外婆已经把钱给来家里拿的人了", "understand.family.paid.now"},
		{locales.EN, "start", "the man says if we call police he dies", "understand.family.call_first"},
		{locales.ZH, "start", "我已经三天没跟家里联系了", "understand.threatened.rule"},
		{locales.ZH, "country", "我拉黑他了 钱还能要回来吗", "understand.q.refund"},
		{locales.ZH, "country", "现在要改密码吗", "understand.q.change_password"},
		{locales.EN, "verdict", "should i freeze my card", "understand.q.safe_now"},
		{locales.ZH, "verdict", "那我删了就行吗", "understand.q.ignore_ok"},
		{locales.ZH, "verdict", "他让我打开手机银行看余额", "understand.app_asked"},
		{locales.EN, "verdict", "i already gave my student id and date of birth", "paid.id.now"},
		{locales.ZH, "verdict", "我跟他说是骗子他骂我", "understand.q.wont_listen"},
		{locales.EN, "verdict", "should i pick up when he calls back", "understand.q.unknown_calls"},
		{locales.EN, "start", "my phone suddenly has no signal and now im getting password reset emails", "understand.q.sim_swap"},
		{locales.ZH, "start", "手机突然没信号了 还收到好几条验证码", "understand.q.sim_swap"},
		// At the place question, a scam going on now told in a short
		// sentence (it read as a place and got the place question again).
		{locales.ZH, "country", "他们叫我去银行把存款取出来 不要告诉柜员 我现在就在银行门口", "understand.q.at_bank"},
		{locales.EN, "country", "they told me to buy apple cards and read them the code im in the shop", "understand.story_asks"},
		{locales.EN, "country", "i got an email about an amazon order and i called the number, they want remote access", "app.now"},
		// A third writer's typed lines, things going on now: a boss's
		// new account, gift cards bought for a grandson's "bail", a video
		// of a daughter tied up, a man coming to collect, a transfer to
		// cancel, a father locked in with the "police", a chat to delete.
		{locales.ZH, "start", "老板微信让我马上给一个新账户打款 说他在开会", "account.friend.first"},
		{locales.EN, "start", "we got a video of our son crying and tied to a chair", "understand.family.call_first"},
		{locales.EN, "start", "my mum says a man is coming to the house to pick up her cards", "understand.q.doorstep"},
		{locales.EN, "start", "can i still cancel a bank transfer i made this morning", "paid.now"},
		{locales.ZH, "start", "一个小时前转的账还能撤回吗", "paid.now"},
		{locales.ZH, "start", "我妈说警察不让她告诉家里 现在锁着门不开", "understand.family.oncall"},
		{locales.EN, "start", "they told me to delete the chat history after i pay", "understand.story_asks"},
		{locales.EN, "start", "just wanted to ask how to tell if a call from customs is fake, nothing happened", "understand.q.officials"},
		// At a cash machine now: stop, as at the counter.
		{locales.EN, "start", "im at the atm now should i send it", "understand.q.at_bank"},
		{locales.ZH, "start", "我现在在ATM机前面 他让我转账", "understand.q.at_bank"},
		// My own last probe: a consulate-general, a confession letter,
		// a bank account opened for someone, a card lent, a mother who
		// believes the "bank" because it knew her balance.
		{locales.ZH, "start", "我在德国 有人说是中国驻法兰克福总领馆 让我加一个警官的QQ", "understand.threatened.rule"},
		{locales.ZH, "start", "他们让我写一份悔过书 还要拍视频", "understand.threatened.rule"},
		{locales.EN, "start", "they asked me to open a new bank account and give them the card", "understand.q.mule"},
		{locales.EN, "start", "my roommate lent her bank card to a guy for 500 a week", "understand.q.mule"},
		{locales.EN, "start", "my mom thinks the man from the bank is real because he knew her account balance", "understand.q.wont_listen"},
		// Someone using the person's photos (got the steps to lock an
		// account taken over).
		{locales.EN, "start", "someone is using my photos on a dating site", "understand.q.photos_used"},
		{locales.ZH, "start", "有人盗用我的照片在抖音上开了个号", "understand.q.photos_used"},
		// A relative on the call now who won't hang up, reading out
		// numbers (got the warning to share); an app still installed
		// (got "hang up now"); what real police do, asked with a "you".
		{locales.ZH, "start", "我妈正在跟银行客服打电话 一直在念数字 怎么劝都不挂", "understand.family.oncall"},
		{locales.EN, "start", "the app they asked me to install is still on my phone, should i delete it", "app.now"},
		{locales.ZH, "start", "请问真的警察会让你对家人保密吗", "understand.q.officials"},
		{locales.EN, "start", "quick question, do real police ever ask you to keep it secret", "understand.q.officials"},
		// A relative on the way to the bank to pay: how to stop them.
		{locales.EN, "start", "my dad is driving to the bank right now, someone told him he owes tax", "understand.q.wont_listen"},
		{locales.ZH, "start", "我妈现在正开车去银行 说社保卡被冒用要转钱 我拦不住她", "understand.q.wont_listen"},
		// The last probe: a roommate on a video call in their room (一直
		// was read as an amount lost), a union president's warning, the
		// bot shared, church investment, police on WhatsApp, fear of
		// going out, the police telling a victim to wait.
		{locales.ZH, "start", "我室友好像被骗了 一直在房间里跟人视频 不出来", "understand.family.oncall"},
		{locales.EN, "start", "im the cssa president, how do i warn our new students about the police scam", "share.title"},
		{locales.EN, "start", "someone from my church asked everyone to invest in his company", "understand.q.invest_offer"},
		{locales.EN, "start", "is it normal for the uk police to call you on whatsapp", "understand.q.officials"},
		{locales.EN, "start", "im scared to go outside, they know where i live", "understand.q.violent_threat"},
		{locales.ZH, "start", "我报警了 警察说要等 但是我很急", "understand.q.lost"},
		// The last read as the person: thanks said with more words, a
		// grandfather's magnets, secrecy told, a son's new number.
		{locales.EN, "start", "ok thanks, i feel better now", "understand.smalltalk.thanks"},
		{locales.ZH, "start", "好的谢谢 我明白了", "understand.smalltalk.thanks"},
		{locales.EN, "start", "my grandpa went to a seminar and bought magnets for 2000", "understand.q.health_sales"},
		{locales.EN, "start", "they said dont tell my parents", "understand.story_asks"},
		{locales.EN, "start", "my son says the new number is really him", "understand.q.really_them"},
		// Second turns (the round's two-turn probe).
		{locales.EN, "verdict", "how do i know its really my daughter", "understand.q.really_them"},
		{locales.ZH, "verdict", "怎么确认是不是我儿子本人", "understand.q.really_them"},
		{locales.EN, "verdict", "i clicked it and entered my card number", "paid.now"},
		{locales.EN, "start", "i installed anydesk and typed my password while he watched", "app.now"},
		{locales.EN, "start", "he says i will be arrested if i hang up", "oncall.hangup"},
		{locales.ZH, "country", "对方又发消息说再交一笔就能退回", "understand.q.recovery"},
	})
}

// TestOwnVoiceNeverAllClear: a typed text in the person's own voice that
// the phrase table does not place, and where the rules find nothing, is
// asked about, never told "no known warning signs" (speaksAsPerson); once
// the person has said it is a message they received ("Check a message"),
// the verdict is given as it stands.
func TestOwnVoiceNeverAllClear(t *testing.T) {
	for _, text := range []string{
		"thank u so much, called my dad and he was fine, the new number was fake",
		"idk if this is the right place but does it work for japanese messages",
		"hello hello i am using the voice typing my granddaughter set up",
	} {
		if got := firstReplyKey(stateFor(t, "start", locales.EN), text); got == "verdict.none" {
			t.Errorf("%q: got %s, want anything but the all-clear", text, got)
		}
	}
	// "It's a message I received" pressed: the next text is the message.
	text := "I've received your deposit of 500, thanks. I'll send the keys on Friday."
	s := stateFor(t, "start", locales.EN)
	s, _ = Step(s, Event{Kind: EventText, Text: text})
	s, _ = Step(s, Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "check")})
	if s.Node != NodeCheck {
		t.Fatalf("after the check button: got node %q, want %q", s.Node, NodeCheck)
	}
	if got := firstReplyKey(s, text); got != "verdict.none" {
		t.Errorf("pasted after the check button: got %s, want verdict.none", got)
	}
	// A voice note is as often a message received: its "I" changes nothing.
	_, replies := Step(stateFor(t, "start", locales.EN), Event{Kind: EventText, Text: text, Transcribed: true})
	if got := replies[0].Texts[0].Key; got != "verdict.none" {
		t.Errorf("transcribed voice note: got %s, want verdict.none", got)
	}
}

// TestOwnWordsRoundFourteen: the fourteenth round's typed lines and
// conversations, each in my own words. Remarks on a warning just given
// ("the sender is …@outlook.com", "my flatmate used her and it worked")
// were checked as messages and told "no known warning signs"; a pinyin
// account of a fake embassy call was too. A call transferred to a
// "police officer" (转过去那个警官, 转到公安局) was read as money sent.
func TestOwnWordsRoundFourteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// Remarks right under a warning: the warning stands.
		{locales.EN, "verdict", "the sender is bursar-office@gmail.com", "understand.q.real_after"},
		{locales.EN, "verdict", "my cousin used them last year and it was fine", "understand.q.real_after"},
		{locales.ZH, "verdict", "群里好多人都说换过没问题", "understand.q.real_after"},
		{locales.EN, "verdict", "it shows her name though", "understand.q.spoofed"},
		{locales.EN, "verdict", "they paid me for the first few tasks, real money", "understand.q.task_job"},
		// Pinyin, and questions about what real officials do.
		{locales.EN, "start", "you ren shuo shi dashiguan de, shuo wo de baoguo bei kou le", "understand.threatened.rule"},
		{locales.EN, "start", "does the embassy ever call you about a visa or only email", "understand.q.officials"},
		{locales.EN, "start", "so real chinese police would never ask me to move money? never?", "understand.q.officials"},
		{locales.ZH, "start", "他们说只要我配合 案件结束后钱会原路退回 真的吗", "understand.q.officials"},
		{locales.ZH, "start", "怎么区分真的大使馆电话和假的", "understand.q.officials"},
		// The call transferred, not money sent.
		{locales.ZH, "steps", "转过去那个警官说我涉嫌洗钱 要我保密", "understand.threatened.rule"},
		{locales.ZH, "start", "我妈接到电话说她社保卡被盗刷 要给她转到公安局处理", "understand.family.them"},
		{locales.EN, "start", "he says hes transferring me to an officer from the cyber police now", "oncall.hangup"},
		// What they are told to do, and the threats that go with it.
		{locales.ZH, "start", "他们要我每小时报告一次位置 我两天没去上课了", "understand.threatened.rule"},
		{locales.ZH, "start", "他们说我名下有张电话卡用来诈骗别人 要我自证清白", "understand.threatened.rule"},
		{locales.EN, "start", "they said if i tell anyone ill be charged with obstruction", "understand.threatened.rule"},
		{locales.EN, "start", "my friend told me its a scam but the caller said she could be part of the gang", "understand.threatened.rule"},
		{locales.EN, "start", "he was so polite, he said hes protecting me", "understand.threatened.rule"},
		{locales.EN, "start", "they told me to go to a different branch so staff dont ask questions", "understand.q.at_bank"},
		// Given or paid, said in other words.
		{locales.ZH, "start", "我把验证码念给他了 是不是完了", "paid.now"},
		{locales.ZH, "start", "我已经把钱转到他们给的比特币地址了", "paid.now"},
		{locales.ZH, "start", "转账以后多久找银行还能拦下来", "paid.now"},
		{locales.EN, "start", "i already transferred, called the police and froze my card, anything else?", "paid.now"},
		{locales.EN, "start", "nothing paid, i just chatted for half an hour and gave my name and uni, am i ok", "understand.q.leaked_knows"},
		{locales.EN, "start", "he knew my name and my dads name, im shaking", "understand.q.leaked_knows"},
		{locales.EN, "start", "they knew the exact amount i lost, how if theyre fake", "understand.q.leaked_knows"},
		{locales.EN, "start", "how did they get my passport photo", "understand.q.leaked"},
		// A second scam after a loss comes before the loss's steps.
		{locales.ZH, "start", "我之前被骗了两万 现在有人说是反诈中心的 可以帮我追回 要先交手续费", "understand.q.recovery"},
		// Steps done, said as news.
		{locales.ZH, "start", "我把银行卡冻结了 然后呢", "understand.smalltalk.done"},
		{locales.EN, "start", "update: the bank froze the transfer", "understand.smalltalk.done"},
		{locales.EN, "start", "ok she called back, she was in class", "understand.smalltalk.done"},
		{locales.ZH, "start", "已经报了110了 还要做什么", "understand.smalltalk.done"},
		{locales.ZH, "start", "已经报警了 警察说追回希望不大", "understand.q.lost"},
		// Questions with their own answers.
		{locales.EN, "start", "should i call my banks fraud line or go in person", "understand.q.bank"},
		{locales.ZH, "start", "我现在要给银行打电话 好紧张", "understand.q.bank"},
		{locales.ZH, "start", "国内打96110有用吗", "understand.q.number_listed"},
		{locales.EN, "start", "an ICBC agent video called about closing my student loan account to protect my credit", "understand.q.credit_fear"},
		{locales.EN, "start", "how do i stop this from happening to my sister who goes abroad next month", "share.title"},
		{locales.ZH, "start", "想在群里提醒大家 怎么说", "share.title"},
		{locales.EN, "start", "already sent me a screenshot of my followers list", "understand.q.sextortion"},
		{locales.ZH, "start", "我删了她 视频会不会真的被发出去", "understand.q.sextortion"},
		{locales.EN, "start", "will i get in trouble, i didnt know it was illegal", "understand.q.mule"},
		{locales.ZH, "start", "卡被冻结了 怎么解冻", "understand.q.frozen"},
		{locales.EN, "start", "i got an offer but have to pay for training and background check first", "understand.q.job_fee"},
		{locales.EN, "start", "I run our CSSA group. Someone keeps posting ads for RMB to GBP exchange, lots of members asking if its ok", "understand.q.currency_exchange"},
		{locales.EN, "steps", "I clicked it but didnt type anything, only saw a login page", "understand.link_opened"},
		{locales.EN, "start", "thanks. you probably saved me tonight", "understand.smalltalk.thanks"},
		{locales.EN, "start", "my flatmate has been on the phone whispering for hours", "understand.family.oncall"},
		// Where the person is, said with more (ownPlace): the numbers.
		{locales.EN, "start", "I'm in London but my mum is in Beijing", "where.title"},
		{locales.ZH, "start", "我在巴黎，我妈在国内", "where.title"},
		{locales.EN, "country", "ok fine im in new york. sorry for not answering", "where.title"},
		{locales.ZH, "country", "在伦敦。好的我先打银行电话", "where.title"},
		{locales.ZH, "verdict", "我们在英国，曼彻斯特", "where.title"},
		// A sentence at the place question is no place.
		{locales.ZH, "country", "可是那个网站看起来就是真的啊", "understand.q.country.meanwhile"},
		// Thanks with news, and news of steps done.
		{locales.EN, "start", "thank you, this has been really helpful", "understand.smalltalk.thanks"},
		{locales.ZH, "start", "好的，我自己去问学校了。真的很感谢", "understand.smalltalk.thanks"},
		{locales.ZH, "start", "谢谢你 上次你说那个是骗子 我没上当", "understand.smalltalk.thanks"},
		{locales.EN, "start", "I followed your steps and got a crime reference number, now what", "understand.smalltalk.done"},
		{locales.EN, "start", "we found him, he was hiding in a motel", "understand.smalltalk.done"},
		// A story the rules call medium or high with a generic question:
		// its warning, not "tell me what happened".
		// Questions and stories with their own answers.
		{locales.EN, "start", "the officer had a badge though, and a police station behind him", "understand.q.officials"},
		{locales.ZH, "start", "但是那个警官有警号和证件啊", "understand.q.officials"},
		{locales.EN, "start", "but how can they fake the number", "understand.q.spoofed"},
		{locales.EN, "start", "she says they know her name and uni", "understand.q.leaked_knows"},
		{locales.EN, "start", "they say theyll release it if i dont pay", "understand.q.sextortion"},
		{locales.EN, "start", "i just checked and theres a 1900 charge at some shop", "paid.now"},
		{locales.ZH, "start", "刚收到提示，卡被刷了两千多", "paid.now"},
		{locales.ZH, "start", "但是视频里就是我女儿在哭啊 怎么可能是假的", "understand.q.explain_kidnap"},
		{locales.ZH, "start", "我今天去银行取钱 柜台的小姑娘不让我取", "understand.q.intervention"},
		{locales.ZH, "start", "有人到我家上门推销净水器 当场做实验 要五千", "understand.q.doorstep"},
		{locales.ZH, "start", "我妈被拉去听课 他们说床垫能治腰疼 要两万", "understand.q.health_sales"},
		{locales.ZH, "start", "外地号码打来让我猜猜他是谁", "understand.q.really_them"},
		{locales.ZH, "start", "我听说有个国家反诈中心APP 在国外能用吗", "understand.q.antifraud_app"},
		{locales.EN, "start", "how do i install the anti-fraud app for my mum", "understand.q.antifraud_app"},
		{locales.ZH, "start", "我不敢跟儿子说我被骗了 要不要告诉他", "understand.q.tell_family"},
		{locales.EN, "start", "can you give me a short script to tape next to my parents phone", "share.title"},
		{locales.ZH, "start", "要是被骗了到底打哪个电话", "understand.q.report"},
	})
}

// TestOwnWordsRoundFourteenStudents: a third writer's lines (students
// abroad), in my own words. What the "officer" tells them to do (buy a
// new phone, take out loans, report their location every hour, hide in
// another city, ask a roommate for money) was unclear; a buyer who "paid"
// and a second-hand purchase paid and blocked were read the wrong way
// round; and someone who may hurt themselves had no answer at all.
func TestOwnWordsRoundFourteenStudents(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "the officer says my phone is bugged and i have to buy a new phone just for talking to him", "understand.threatened.rule"},
		{locales.EN, "start", "the police officer wants me to apply for loans to prove my funds are clean", "understand.threatened.rule"},
		{locales.ZH, "start", "他们要我每隔一小时发一次定位 说是监视居住", "understand.threatened.rule"},
		{locales.ZH, "start", "警察让我去外地躲几天 说是保护证人", "understand.threatened.rule"},
		{locales.ZH, "start", "他让我找室友借钱 说案子结了就还", "understand.threatened.rule"},
		{locales.ZH, "start", "对方说我不配合会连累我爸妈", "understand.threatened.rule"},
		{locales.EN, "start", "they made me sign a confidentiality agreement, can i even tell anyone", "understand.threatened.rule"},
		{locales.EN, "start", "the bank asked what the transfer is for and he told me to say its for rent, should i lie to them", "understand.q.intervention"},
		{locales.ZH, "start", "闲鱼买家说已经付款了 让我点链接激活收款", "understand.q.marketplace"},
		{locales.ZH, "start", "在网上买了个二手耳机 付完钱对方就拉黑了", "paid.now"},
		{locales.ZH, "start", "做家教要先交培训费才能上岗 正常吗", "understand.q.job_fee"},
		{locales.EN, "start", "i sent intimate pics and now she wants 500 or she posts them", "understand.q.sextortion"},
		{locales.EN, "start", "i just told them my address and my uni", "paid.id.now"},
		{locales.ZH, "start", "在日本 有人说是入管局的 说我在留卡有问题", "understand.threatened.rule"},
		{locales.EN, "start", "why should i trust you over the officer, he gave me his badge number", "understand.q.officials"},
		{locales.EN, "start", "a man knocked on my door saying hes from the consulate and needs my passport", "understand.threatened.rule"},
		// A life at risk comes before any money.
		{locales.EN, "start", "i lost all my savings i want to die", "understand.q.crisis"},
		{locales.ZH, "start", "我朋友被骗了二十万 她说想不开", "understand.q.crisis"},
		{locales.ZH, "start", "被骗了这么多钱 我不想活了", "understand.q.crisis"},
		// A shop's rock-bottom price is no crisis.
		{locales.ZH, "start", "跳楼价清仓 全场五折", "understand.unclear"},
	})
}

// TestOwnWordsAfterPaste: a fourth writer's conversations that start
// with a pasted message (round fourteen), in my own words: money sent
// after a warning ("我已经先转了一万", "I already moved £2,000", gift
// cards bought and their codes read out) was read as a message or a
// question; an overpayment "refund" about to be sent back got the place
// question; an app named in a question about a genuine notice got the
// steps after a remote app.
func TestOwnWordsAfterPaste(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "verdict", "我已经先转了五千过去了 还能追回来吗", "paid.now"},
		{locales.EN, "verdict", "I already moved 1500 to the account he gave me", "paid.now"},
		{locales.EN, "verdict", "I bought $300 of gift cards and read him the codes", "understand.giftcard_paid"},
		{locales.EN, "country", "my balance shows +£900 though, so i should send it back right?", "understand.q.overpaid"},
		{locales.ZH, "start", "这条是真的吗？我确实在APP里申请过换护照", "understand.q.real"},
		{locales.EN, "verdict", "now she wants me to pay a bill for her because her banking app is locked", "understand.q.really_them"},
		{locales.ZH, "verdict", "前面做了十几单 确实收到了几十块钱 应该不是骗子吧", "understand.q.task_job"},
		{locales.ZH, "country", "我想把剩下的都提出来 平台说要先交税", "understand.withdraw"},
		{locales.ZH, "country", "短信里这个95588可以信吗", "understand.q.number"},
		{locales.ZH, "country", "能帮我写一段群公告吗", "share.title"},
	})
	// Thanks after a check.
	s := stateFor(t, "start", locales.EN)
	s, _ = Step(s, Event{Kind: EventText, Text: "IT Services: from 1 October you will sign in with the Authenticator app. No action is needed now.", Verdict: classifier.Verdict{}})
	if got := firstReplyKey(s, "found the same notice on the uni website. thanks!"); got != "understand.smalltalk.thanks" {
		t.Errorf("thanks after a check: got %s, want understand.smalltalk.thanks", got)
	}
}

// TestOwnWordsForRelatives: a fifth writer's conversations typed for a
// relative, and a sixth writer's very short lines (round fourteen), in
// my own words. A relative named bare and what they do ("dad paying now
// stop him", "外婆去银行了") was checked as a message and told "no known
// warning signs"; thanks and news of steps done in a conversation under
// way got the warning again or the place question.
func TestOwnWordsForRelatives(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "mum paying now stop her", "understand.q.wont_listen"},
		{locales.EN, "start", "grandpa already went to the bank", "understand.q.at_bank"},
		{locales.ZH, "start", "外公去银行了", "understand.q.at_bank"},
		{locales.ZH, "start", "我妈在转账", "understand.q.at_bank"},
		{locales.EN, "start", "call dropped, hell call back", "oncall.hangup"},
		{locales.EN, "start", "who do i call", "where.ask"},
		{locales.ZH, "start", "该打给谁", "where.ask"},
		{locales.EN, "start", "sorry english bad", "lang.done"},
		{locales.EN, "start", "hes threatening deportation", "understand.threatened.rule"},
		{locales.EN, "start", "gave passport photo", "paid.id.now"},
		{locales.ZH, "start", "给了银行卡号", "paid.now"},
		{locales.EN, "start", "shud i block him", "understand.q.safe_now"},
		{locales.EN, "start", "real or scam", "understand.q.real"},
		{locales.ZH, "start", "卧槽", "understand.q.start"},
		{locales.EN, "start", "how can she get her account back", "account.lock"},
		{locales.EN, "start", "he refuses to believe me, says the teacher is always right", "understand.q.wont_listen"},
		{locales.ZH, "start", "我跟她说是骗子 她说那对方怎么知道她名字", "understand.q.leaked_knows"},
		{locales.EN, "start", "my son says another account is threatening to send the videos to his parents", "understand.q.sextortion"},
		{locales.EN, "steps", "He's with us now. Thank you for your help.", "understand.smalltalk.thanks"},
		{locales.ZH, "country", "好的，我让他去申诉了。谢谢！", "understand.smalltalk.thanks"},
		{locales.EN, "verdict", "we've called the bank and reported it. thanks for this", "understand.smalltalk.thanks"},
	})
}

// TestOwnWordsPushingBack: a seventh writer's conversations where the
// person corrects the bot or sends things in pieces (round fourteen), in
// my own words. A phone number sent alone got "no known warning signs";
// a request to say it again in the other language was checked as a
// message; a code read out after "I didn't move it" was told nothing
// was lost.
func TestOwnWordsPushingBack(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "+44 20 7946 0958", "understand.q.number"},
		{locales.ZH, "start", "0086-10-6512 3456", "understand.q.number"},
		{locales.EN, "start", "can you say that in chinese so i can send it to my mum", "lang.done"},
		{locales.ZH, "start", "能用英文再说一遍吗 我同学看不懂中文", "lang.done"},
		{locales.EN, "start", "i didnt move the money, but i did read them the one-time code", "paid.now"},
		{locales.EN, "start", "you said 911 but im in France not the US", "where.title"},
		{locales.EN, "start", "no no she's safe. she's in Paris btw", "where.title"},
		{locales.EN, "start", "someone called pretending to be my bank, Monzo", "understand.threatened.bank.rule"},
		{locales.EN, "start", "they said theyll call back in an hour, what do i say when they do", "understand.q.safe_now"},
		{locales.EN, "start", "how do i make them stop messaging me", "understand.q.unknown_calls"},
		{locales.ZH, "start", "你前面说大使馆会打电话 现在又说是诈骗 到底哪个是对的", "understand.q.officials"},
		{locales.ZH, "start", "我点了一个链接 说是快递要交税", "understand.link_opened"},
		{locales.EN, "start", "the sender address isnt the unis normal domain", "understand.q.lookalike_link"},
	})
}

// TestTraditionalAndCantonese: a writer's lines in traditional
// characters, written Cantonese and Taiwan's usage (round fourteen), in
// my own words. The phrase table is in simplified Mandarin; the person's
// words are read through OpenCC's traditional-to-simplified table (the
// classifier's own) and a few Cantonese words folded to Mandarin (佢 他,
// 咗 了, 喺 在, 冇 没, 唔 不…), and places through the same table.
func TestTraditionalAndCantonese(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我已經匯款了", "paid.now"},
		{locales.ZH, "start", "我已經轉咗錢俾佢", "paid.now"},
		{locales.ZH, "start", "佢仲喺電話度，話唔可以收線", "oncall.hangup"},
		{locales.ZH, "start", "我喺倫敦讀緊書", "where.title"},
		{locales.ZH, "start", "我已經收咗線", "understand.none_start"},
		{locales.ZH, "start", "我頭先過咗數俾佢", "paid.now"},
		{locales.ZH, "start", "佢仲喺電話度未收線", "oncall.hangup"},
	})
}

// TestHappeningNow: an eighth writer's lines typed while the scam goes
// on (round fourteen), in my own words. Each must be told to stop or
// hang up, never asked what it is or told nothing was found.
func TestHappeningNow(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "grandma is in a pharmacy buying google play cards for the tech support guy", "understand.q.at_bank"},
		{locales.EN, "start", "about to hit send on 3000 to the bank security account, answer fast", "understand.q.at_bank"},
		{locales.EN, "start", "about to wire 20k, the teller went to get a manager and the caller says leave", "understand.q.at_bank"},
		{locales.EN, "start", "caller id shows the real police number and he wants me to go to the atm now", "understand.q.at_bank"},
		{locales.EN, "start", "the teller is asking what its for and the man on the phone says to say its for a car", "oncall.hangup"},
		{locales.EN, "start", "im on hold for an officer now", "oncall.hangup"},
		{locales.EN, "start", "my husband is on the phone in the other room with the tax office and keeps saying yes ok ok", "understand.family.oncall"},
		{locales.ZH, "start", "现在在比特币机器前面 他让我扫码 我还没扫", "understand.q.at_bank"},
		{locales.ZH, "start", "他让我把钱转到他给的卡 说是安全账户 我正在转", "understand.q.at_bank"},
		{locales.ZH, "start", "对方让我把手机卡拔出来换一张新的", "understand.threatened.rule"},
		// A longer follow-up that tells what the warning was about.
		{locales.EN, "verdict", "She already took the cash out of the bank this afternoon and put it in an envelope by the door. The courier from the lawyer is coming to collect it in about thirty minutes.", "understand.q.doorstep"},
	})
}

// TestNotPaidYetWithAWarning: "I haven't paid yet" beside an ask the
// person tells of (a training fee, a task job's first payouts, a private
// currency exchange) got "Good, nothing is lost"; the warning on the ask
// is the answer.
func TestNotPaidYetWithAWarning(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "no I haven't paid anything, they actually paid ME £15 for the first tasks", "understand.q.task_job"},
		{locales.EN, "start", "i havent sent anything yet but the job says i need to pay a training fee first", "understand.q.job_fee"},
		{locales.ZH, "start", "我还没转钱，但是他说先交500培训费才能上岗", "understand.q.job_fee"},
		{locales.ZH, "start", "没付钱 只是换汇的学长说先转人民币给他", "understand.q.currency_exchange"},
	})
}

// TestSenderToldIsNoMessage: where a message came from, typed alone ("the
// sender is fees@uni-payments.top"), got "no known warning signs" in the
// last read as the person (round fourteen); the message itself is asked
// for.
func TestSenderToldIsNoMessage(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "the sender is fees@uni-payments.top", "understand.q.real"},
		{locales.ZH, "start", "发件人是 admin@school-pay.top", "understand.q.real"},
	})
}

// TestRemarkAfterToldWarning: a remark after the warning given for what
// the person told ("but it looks real, it has the crown logo" after the
// rule for a call accusing them) was checked as a message and told "no
// known warning signs" (round fourteen); the warning stands.
func TestRemarkAfterToldWarning(t *testing.T) {
	s := stateFor(t, "start", locales.EN)
	s, _ = Step(s, Event{Kind: EventText, Text: "got an email from customs saying a parcel in my name has drugs and i must pay a clearance fee"})
	if got := firstReplyKey(s, "but it looks real, it has the crown logo and a case number"); got != "understand.q.real_after" {
		t.Errorf("a remark after the warning: got %s, want understand.q.real_after", got)
	}
}

// TestRemarkAfterWarnedAnswer: a remark typed after a direct answer that
// warned of what the person told (a job's training fee) is about that
// answer: the warning stands, never "no known warning signs". After the
// steps for a loss it is not (State.Paid), and every warning topic is an
// answer that exists.
func TestRemarkAfterWarnedAnswer(t *testing.T) {
	for topic := range warningTopics {
		if _, ok := stepAnswers[topic]; !ok {
			t.Errorf("warning topic %q has no answer in stepAnswers", topic)
		}
	}
	s := stateFor(t, "start", locales.EN)
	s, replies := Step(s, Event{Kind: EventText, Text: "got a job offer but i have to pay for training and background check first"})
	if got := replies[0].Texts[0].Key; got != "understand.q.job_fee" {
		t.Fatalf("the offer: got %s, want understand.q.job_fee", got)
	}
	if got := firstReplyKey(s, "the recruiter has 500+ connections and works at the bank"); got != "understand.q.real_after" {
		t.Errorf("a remark after the warning: got %s, want understand.q.real_after", got)
	}
}

// TestCrisisNotInPassing: suicide named in a pasted threat or in news is
// no person at risk; the message is checked as a message.
func TestCrisisNotInPassing(t *testing.T) {
	for _, text := range []string{
		"不给钱就把视频发给你所有同学，逼你自杀都有可能",
		"Police say the scam has driven several victims to suicide this year.",
	} {
		if p := Understand(State{}, text, false); p.Topic == "crisis" {
			t.Errorf("%q: got the crisis answer, want the message checked", text)
		}
	}
}

// TestOwnWordsRoundFifteen: the fifteenth round's writers (Chinese with
// English words in it, as students abroad type; older people dictating
// by voice; a message told rather than pasted), in my own words. The
// English words of a Chinese sentence are read through the mixed table
// (转, 安全账户, 验证码…); before it most of these were "is this a
// message or something that happened?". Some got worse: "I already wired
// it" and "转到对方一个私人账户了" got the answer for a message that asks
// for money, a signed "confidentiality letter" and an investment offer
// not yet taken got "Good.", a payment made on a bank card was read as
// being at the bank.
func TestOwnWordsRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// English words in a Chinese sentence.
		{locales.ZH, "start", "我刚刚transfer了500镑到他说的safe account", "paid.now"},
		{locales.ZH, "start", "卧槽 我把bank card的verification code给他了", "paid.now"},
		{locales.ZH, "start", "刚zelle了800给那个officer 还能拿回来吗", "paid.now"},
		{locales.ZH, "start", "我把online banking的password告诉他了", "paid.now"},
		{locales.ZH, "start", "他说我的passport被suspend了 让我confirm一下信息", "understand.threatened.rule"},
		{locales.ZH, "start", "那个平台现在cant login了 客服也把我block了", "understand.scammed"},
		{locales.ZH, "start", "有个人说自己是financial master 拉我进了理财群", "understand.q.invest_offer"},
		{locales.ZH, "start", "thx 我已经报警了 police说会跟进", "understand.smalltalk.done"},
		// What the "officer" orders, told.
		{locales.ZH, "start", "他说我不能告诉任何人 不然就是泄露国家机密", "understand.threatened.rule"},
		{locales.ZH, "start", "他叫我坐车去另一个城市的酒店等警官", "understand.threatened.rule"},
		{locales.ZH, "start", "那个人让我把微信聊天记录都删了 说是保护我", "understand.threatened.rule"},
		{locales.ZH, "start", "他让我每个钟头给他打电话说在哪", "understand.threatened.rule"},
		{locales.ZH, "start", "他给我寄了个资产证明保密函 叫我签了字拍照发过去 签了就没事了", "understand.threatened.rule"},
		{locales.EN, "start", "they wanted photos without clothes for the investigation, i refused", "understand.threatened.rule"},
		// Older people's words.
		{locales.ZH, "start", "我孙女叫我装国家反炸中心的APP 我不会弄", "understand.q.antifraud_app"},
		{locales.ZH, "start", "我妈信了卖药的 说这药治老年痴呆 只卖有缘人 一盒三千", "understand.q.health_sales"},
		{locales.EN, "start", "i already wire 9000 dollar today at the bank what now", "paid.now"},
		{locales.ZH, "start", "钱是用卡转的 转到对方一个私人账户了", "paid.now"},
		{locales.ZH, "start", "刚被骗了 我在银行卡上转的钱 现在找谁", "paid.now"},
		{locales.ZH, "start", "我在邮政储蓄 柜员不让我转 说是诈骗", "understand.q.at_bank"},
		{locales.ZH, "start", "我现在在农业银行柜台这里 电话那边不让我挂", "understand.q.at_bank"},
		{locales.ZH, "start", "法院寄来的信上有个电话叫我打过去 我打过去了 他说我欠了三万", "understand.threatened.rule"},
		// A message told, not pasted.
		{locales.EN, "start", "text from the student loans company saying my account is on hold, update details", "understand.q.real"},
		{locales.ZH, "start", "一个女的加我微信说是股票研究员 免费教炒股 我还没答应", "understand.q.invest_offer"},
		// Relief and thanks told as a story, first thing: thanks, not
		// "Good. Forward a message".
		{locales.ZH, "start", "幸亏没转 谢谢你 我差点就信了", "understand.smalltalk.thanks"},
		{locales.ZH, "start", "多谢 昨天问你那个事 我去派出所问了 说就是骗子 还好没给钱", "understand.smalltalk.thanks"},
		// A written notice told with no money asked, or with the office's
		// own channel, and "is it real?": how to check it, not "this is
		// how a well-known scam starts". A call stays the scam's opener.
		{locales.EN, "start", "the embassy emailed that my visa application lacks a bank statement, upload it in the online system, no payment asked. legit?", "understand.q.real"},
		{locales.ZH, "start", "领事馆发邮件说我的旅行证材料少一份户口本复印件 让我补交 没让交钱 应该是真的吧", "understand.q.real"},
		{locales.EN, "start", "letter from HMRC says i underpaid £120 tax, pay through gov.uk. no phone calls. probably fine?", "understand.q.real"},
		{locales.ZH, "start", "有人打电话说是领事馆的 说我护照有问题 没让交钱 是真的吗", "understand.threatened.rule"},
		// A call told and "hung up" said last: the answer for a call
		// ended, not "Good. Forward a message".
		{locales.EN, "start", "a woman from 'the phone company' said my sim was sending fraud texts and the police wanted to talk to me. hung up.", "understand.q.hung_up"},
	})
}

// TestUnmix: English words beside Chinese characters are read in Chinese;
// an English sentence, or a long English run inside a Chinese one, keeps
// its words for the English lists.
func TestUnmix(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"刚刚transfer了3000刀到safe account", "刚刚转了3000刀到安全账户"},
		{"我把bank card的verification code发给他了", "我把银行卡的验证码发给他了"},
		{"我Online Banking的pasword", "我网银的密码"},
		{"那个 officer 说", "那个 警官 说"},
		{"i sent the code to the officer", "i sent the code to the officer"},
		{"he says hes from the bank 大使馆", "he says hes from the bank 大使馆"},
		{"我在Toronto", "我在Toronto"},
		{"我的part-time工作", "我的兼职工作"},
	} {
		if got := understanding.unmix(tt.in); got != tt.want {
			t.Errorf("unmix(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFollowUpsRoundFifteen: what a person reports while following the
// advice (the fifteenth round's conversations), in my own words. A fee to
// recover the money got the answer on getting it back rather than "that
// is a second scam"; the scammer turning to a parent after being blocked
// got "well done"; a call to 110 was read as money sent; "we haven't
// paid, but still can't reach her" got "Good, nothing is lost".
func TestFollowUpsRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "steps", "now a man is emailing her saying he can recover the money for a fee", "understand.q.recovery"},
		{locales.EN, "verdict", "i blocked him but now he's texting my dad saying i'm in trouble and need money", "understand.family.call_first"},
		{locales.ZH, "verdict", "我打了110 警察说要联系那边的警方", "understand.smalltalk.done"},
		{locales.ZH, "verdict", "我没给钱 可是一直联系不上我儿子", "understand.family.call_first"},
		{locales.EN, "verdict", "we haven't paid but we still can't reach her", "understand.family.call_first"},
		// A busy line is no person unreached.
		{locales.ZH, "verdict", "我没转 但是客服电话打不通", "none.steps"},
		{locales.EN, "start", "i was transferred to an officer who held up his badge on video", "understand.threatened.rule"},
		{locales.EN, "start", "a man on facetime says it will hurt my credit if i dont close my student account", "understand.q.credit_fear"},
		{locales.EN, "verdict", "he keeps facetiming me, how do i make it stop", "understand.q.unknown_calls"},
		{locales.ZH, "verdict", "我跟我爸说了 他不信 说群里的人都赚到钱了", "understand.q.wont_listen"},
		{locales.EN, "verdict", "called the bank, they froze my card and are sending a new one", "understand.smalltalk.done"},
		// Payments the person did not make: the bank blocks the card and
		// disputes them (round nineteen; before, the steps after a loss).
		{locales.EN, "verdict", "there are two payments i didnt make on my card", "understand.q.unknown_charge"},
	})
}

// TestConversationsRoundFifteen: turns of the fifteenth round's longer
// conversations, in my own words. A senior borrowing the person's bank
// card got the answer for a message that asks for money; "what if I
// already gave him the card and PIN" got "hang up"; a fake passport told
// of a call, an online friend who "teaches" crypto, paid likes, a page
// that "really shows my photo" and a purchase the person never made were
// asked what they are; an app to download from a group's link was read
// as installed.
func TestConversationsRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "有个学姐说借我的银行卡用一下 帮她收款 每个月给我两千", "understand.q.mule"},
		{locales.ZH, "verdict", "如果我已经把卡和密码给他了呢", "paid.now"},
		{locales.ZH, "start", "在ins上认识一个男的 聊了两个月 说要带我买虚拟币", "understand.romance"},
		{locales.ZH, "start", "有人在抖音私信我 说点赞关注就有佣金", "understand.q.task_job"},
		{locales.ZH, "verdict", "那个网站上真的有我的照片和名字", "understand.threatened.rule"},
		// A charge the person did not make: the bank blocks the card and
		// disputes it (round nineteen; before, the steps after a loss).
		{locales.ZH, "verdict", "这笔不是我消费的啊", "understand.q.unknown_charge"},
		{locales.EN, "start", "a man called and said a fake passport in my name was stopped at customs in guangzhou", "understand.threatened.rule"},
		{locales.EN, "start", "i lost $8k to a fake trading site and now i cant log in", "paid.now"},
		{locales.EN, "verdict", "the teacher says download the app from their link, not the app store", "understand.app_asked"},
		{locales.ZH, "verdict", "群主叫大家点链接下载一个新app", "understand.app_asked"},
	})
}

// TestHelpersAndSlangRoundFifteen: people asking for someone else
// (student unions, classmates) and young students' slang (the fifteenth
// round), in my own words. A union asking for a pinned warning got "no
// known warning signs"; a classmate's rented-out bank card and a bank
// login offered for a "bonus" got "Good."; "被我转给骗子…没脸活了" got the
// answer for a message that asks for money.
func TestHelpersAndSlangRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我们班群里已经有两个人被骗了 都是假警察 学校能不能管管", "share.title"},
		{locales.ZH, "start", "爸妈给我的学费 被我转给骗子两万 我没脸活了", "understand.q.crisis"},
		{locales.ZH, "start", "帮朋友问一下 她的钱是转到一个香港账户的 该去哪报案", "understand.family.paid.now"},
		{locales.ZH, "start", "我室友把银行卡租给别人了 一个月给他一千五 应该没事吧", "understand.q.mule"},
		{locales.EN, "start", "we run a wechat group for our society, can you suggest a pinned message about these scams", "share.title"},
		{locales.EN, "start", "the man says he will send someone to arrest him in an hour, what do we do", "understand.threatened.rule"},
		{locales.ZH, "start", "他让我把钱分三次转给不同的人 说是避开限额", "understand.q.mule"},
		{locales.EN, "start", "someone on discord offers me $40 for my bank login so he can test a transfer", "understand.q.mule"},
	})
}

// TestPastedBlockRoundFifteen: a message pasted as its own paragraph, with
// the person's line above or below it (the fifteenth round's pasted chat
// logs, in my own words), is checked alone: before, the person's words
// made the whole text "is this a message or something that happened?".
// An officer's orders told with "I haven't paid yet" got "Good.".
func TestPastedBlockRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我自己刚在登录网银 收到这个正常吗\n\n【安和银行】验证码 771204，您正在登录网上银行，5分钟内有效，请勿告知他人。", "verdict.none"},
		{locales.EN, "start", "flatmate posted this in our house chat, fine right?\n\nWater bill is in: £88.40 for the quarter, so £22.10 each. I've paid it from my account, send me yours whenever.", "understand.none_asks"},
		{locales.EN, "start", "the officer says i must text him every hour with my location and the case is confidential. havent paid anything yet", "understand.threatened.rule"},
	})
	block, rest, ok := pastedBlock("is this real?\n \nYour parcel is held at customs. Pay the duty of £2.99 within 24 hours at parcel-duty-uk.top")
	if !ok || rest != "is this real?" || !strings.HasPrefix(block, "Your parcel") {
		t.Errorf("pastedBlock: got %q, %q, %v; want the notice and the question", block, rest, ok)
	}
	if _, _, ok := pastedBlock("hi\n\nok"); ok {
		t.Errorf("pastedBlock found a message in two short lines")
	}
}

// TestLinkAlone: a web address sent alone, in a message of its own
// (the fifteenth round's fragmented conversations: "text says my parcel
// is held at customs" / "link is parcel-hold-release.info/pay88"), got
// "no known warning signs": the rules find nothing in a bare address.
// It is no message to judge: don't open it, send the message it came in.
func TestLinkAlone(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "link is parcel-release-desk.info/pay12", "understand.q.link_alone"},
		{locales.EN, "verdict", "https://customs-fee-uk.net/track?id=88", "understand.q.link_alone"},
		{locales.ZH, "start", "链接是 kuaidi-buchang.info/p7", "understand.q.link_alone"},
		// A sentence with a link in it is a message, as before.
		{locales.EN, "start", "Your parcel is held, pay the fee at parcel-release-desk.info/pay12 today", "verdict.none"},
	})
}

// TestFragmentsRoundFifteen: a person who sends their account in pieces
// (the fifteenth round's fragmented conversations, in my own words). A
// short piece on its own in a conversation under way ("from 'JD customer
// service'") got "no known warning signs": it is no message, and the
// rules finding nothing in it decides nothing. A number given with "号码
// 是" is the number question.
func TestFragmentsRoundFifteen(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		turns []string
		want  string
	}{
		// From the second unclear piece in a row, what to hold back and
		// what has happened, not the same question (round seventeen).
		{locales.EN, []string{"odd facetime just now", "from 'Alipay customer service'"}, "understand.pieces"},
		{locales.EN, []string{"my cousin", "offered a job abroad", "data entry 4k usd a month"}, "understand.pieces.more"},
		{locales.ZH, []string{"我是不是被骗了", "做刷单兼职"}, "understand.unclear"},
		{locales.ZH, []string{"他让我回拨国际刑警", "号码是+33 1 40 00 12 34"}, "understand.q.number"},
		// A short message pasted first thing is still checked.
		{locales.EN, []string{"from 'Alipay customer service'"}, "verdict.none"},
	} {
		s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: tt.lang})
		var replies []Reply
		for _, turn := range tt.turns {
			s, replies = Step(s, Event{Kind: EventText, Text: turn})
		}
		if got := replies[0].Texts[0].Key; got != tt.want {
			t.Errorf("%q: got first text %s, want %s", tt.turns, got, tt.want)
		}
	}
}

// TestPinyinRoundFifteen: stories typed in pinyin on a device without a
// Chinese keyboard (the fifteenth round), in my own words. They are read
// through the Chinese phrase lists spelt in pinyin; before, most were
// checked as messages and got "no known warning signs". Pinyin in which
// no phrase is found is asked about, never checked.
func TestPinyinRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "ta shuo zhe ge an zi yao bao mi, bu neng gao su wo ba ma", "understand.story_asks"},
		{locales.EN, "start", "ta shuo yao ba wo de zhao pian fa chu qu, wo hao pa", "understand.q.sextortion"},
		{locales.EN, "start", "kuai di da dian hua shuo wo de bao guo li you wei jin pin", "understand.threatened.rule"},
		{locales.EN, "start", "wo3 zai4 yin2 hang2 men2 kou3, ta1 rang4 wo3 hui4 kuan3", "understand.q.at_bank"},
		{locales.EN, "start", "ta ba wo la hei le, qian dou mei le", "paid.now"},
		{locales.EN, "start", "jin tian tian qi bu cuo a", "understand.unclear"},
	})
}

// TestBrokenEnglishRoundFifteen: older parents and new arrivals writing
// simple English (the fifteenth round), in my own words. Before, most
// were asked whether they were a message; "he send me arrest paper with
// red stamp" and "my son he pay 15000 already" were checked as messages.
func TestBrokenEnglishRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "i am on phone now with police man from china", "oncall.hangup"},
		{locales.EN, "start", "i give him the code from my phone message", "paid.now"},
		{locales.EN, "start", "i pay already 3000, now he block me", "paid.now"},
		{locales.EN, "start", "they say i cannot tell my wife, is secret case", "understand.threatened.rule"},
		{locales.EN, "start", "he send me arrest paper with red stamp on wechat", "understand.threatened.rule"},
		{locales.EN, "start", "my daughter she pay 8000 already for guarantee, now they want more", "understand.family.paid.now"},
		{locales.EN, "start", "they ask me take photo no clothes for check my body", "understand.q.sextortion"},
		{locales.EN, "start", "ok i hang up. thank", "understand.q.hung_up"},
	})
}

// TestReactionsRoundFifteen: people reacting to the bot's answers (the
// fifteenth round), in my own words. A threat to send photos to the
// person's contacts got the place question alone; asking whether the bot
// keeps what they send was asked "is this a message?".
func TestReactionsRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "verdict", "now he says he will send my photos to my contacts if i dont pay", "understand.q.sextortion"},
		{locales.EN, "start", "before i send anything, do you store what i type", "privacy.text"},
		{locales.ZH, "start", "你们会存我发的东西吗 谁能看到", "privacy.text"},
		{locales.EN, "verdict", "can you delete what i just wrote", "privacy.text"},
	})
}

// TestCantoneseTaiwanMalaysiaRoundFifteen: written Cantonese, Taiwan usage
// and Malaysian Chinese (the fifteenth round), in my own words. An OTP
// given ("畀咗個OTP佢"), a login typed into a link ("撳咗條link"), a call
// under way ("同我講緊") and thanks in Cantonese were asked whether they
// were a message.
func TestCantoneseTaiwanMalaysiaRoundFifteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我畀咗個OTP佢，佢話係銀行嘅人", "paid.now"},
		{locales.ZH, "start", "我撳咗條link，仲入埋網銀密碼", "paid.now"},
		{locales.ZH, "start", "撳咗9字之後而家有個男人同我講緊電話", "oncall.hangup"},
		{locales.ZH, "start", "佢話唔可以同屋企人講，會影響調查", "understand.threatened.rule"},
		{locales.ZH, "start", "我媽被拉進一個股票LINE群組，老師每天都在報明牌", "understand.q.invest_offer"},
		{locales.ZH, "start", "唔該晒，我已經收咗線", "understand.smalltalk.thanks"},
		{locales.ZH, "start", "係咪呃人㗎", "understand.q.real"},
		{locales.EN, "start", "tq lah, almost kena", "understand.smalltalk.thanks"},
	})
}

// TestOwnWordsRoundSixteen: the sixteenth round's typed lines, in my own
// words: a step already done and a question about it ("I blocked him,
// is that enough?"), a little given and "should I worry?", doubts about
// the police and the bot, a roommate on a call in scare quotes, a number
// asked how to dial, a loss told as "already went out". Each got "Good.
// Forward a message", "is this a message?" or the wrong steps before.
func TestOwnWordsRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		// A step done, or nothing given, and a question: the question's
		// answer, never "Good. Forward a message".
		{locales.ZH, "start", "那个号码我已经拉黑了 还在群里举报了 还要做别的吗", "understand.q.safe_now"},
		{locales.EN, "start", "i already blocked the number and reported the profile, do i need to do anything more?", "understand.q.safe_now"},
		{locales.ZH, "start", "我就说了名字和学号 其他都没给 会不会有问题", "understand.q.safe_now"},
		{locales.EN, "start", "my grandad only read out the last four digits of his card before the caller rang off. is he ok?", "understand.q.safe_now"},
		{locales.EN, "start", "i didn't click anything, should i report it?", "understand.q.report"},
		{locales.EN, "start", "i said i would call back and hung up, now he keeps calling me", "understand.q.safe_now"},
		// Written after the writer's lines, to see the mechanisms reach
		// other words (each failed before its phrases were added).
		{locales.EN, "start", "blocked and reported him on wechat, anything else I should do?", "understand.q.safe_now"},
		{locales.ZH, "start", "只给了他我的邮箱 没别的 要紧吗", "understand.q.safe_now"},
		{locales.ZH, "start", "对方一直打电话过来 我没接", "understand.q.safe_now"},
		{locales.EN, "start", "they keep texting me from new numbers", "understand.q.safe_now"},
		{locales.ZH, "start", "我同学两天没回消息了 宿舍也没人", "understand.q.explain_kidnap"},
		{locales.EN, "start", "is it ok if I just ignore them?", "understand.q.ignore_ok"},
		{locales.ZH, "start", "我已经跟银行说了 卡也冻了 还要做什么", "understand.smalltalk.done"},
		{locales.EN, "start", "posted a warning in our society chat and made a report to campus police, do i also tell the consulate?", "understand.q.report"},
		{locales.ZH, "start", "你会把我的情况报给警察吗 我还没决定", "privacy.text"},
		{locales.EN, "start", "is this chat private? i'd rather no one knew", "privacy.text"},
		{locales.ZH, "start", "你们会不会也是骗子啊", "understand.q.bot"},
		{locales.EN, "start", "how do i know you're not part of the scam", "understand.q.bot"},
		// Told, not said "I was scammed": the scam's answer.
		{locales.EN, "start", "he says he recorded me on the video call and wants 500 or my friends see it", "understand.q.sextortion"},
		{locales.EN, "start", "pay up or he'll send the clip to my facebook friends", "understand.q.sextortion"},
		{locales.ZH, "start", "我表弟被要求每小时汇报位置 两天没回宿舍了", "understand.q.explain_kidnap"},
		{locales.EN, "start", "we haven't heard from her since sunday and her phone is off", "understand.q.explain_kidnap"},
		{locales.ZH, "start", "可是他说的都是真的 我确实寄过东西回国", "understand.q.leaked_knows"},
		{locales.EN, "start", "how did they know my address", "understand.q.leaked_knows"},
		{locales.EN, "start", "the officer showed me his badge over video, so he's real isn't he", "understand.threatened.rule"},
		{locales.ZH, "start", "到底是骗子还是真警察 快说", "understand.threatened.rule"},
		{locales.ZH, "start", "他把电话转给了一个自称公安的人", "understand.threatened.rule"},
		{locales.EN, "start", "my dad wont hang up, he thinks hes protecting me", "understand.family.oncall"},
		{locales.ZH, "start", "室友正在跟“警察”视频 把门锁了", "understand.family.oncall"},
		// A code typed, a loss told plainly: the steps.
		{locales.ZH, "start", "验证码我输进去了 后来又点了取消 还会扣钱吗", "paid.now"},
		{locales.EN, "start", "i typed in the code from the text and then cancelled, is my money safe", "paid.now"},
		{locales.EN, "start", "the bank froze the card but 3,000 had already gone out", "paid.now"},
		{locales.ZH, "start", "钱是从我国内的卡转出去的 一共五万", "paid.now"},
		{locales.ZH, "start", "银行说钱已经到账了拦不住 我现在去报案要带什么", "understand.q.lost"},
		// Questions after.
		{locales.ZH, "start", "领事保护热线12308在国外怎么打", "understand.q.number_listed"},
		{locales.ZH, "start", "被骗的事 怎么说他们才不会太生气", "understand.q.tell_family"},
		{locales.EN, "start", "i keep worrying i'll be kicked out of uni over this", "understand.q.shame"},
		{locales.EN, "start", "i took out 500 in profit last month so it can't be fake, right?", "understand.q.invest_offer"},
		{locales.ZH, "start", "可以把骗子的聊天截图发给你吗", "understand.q.screenshot"},
	})
}

// TestARelativesLossIsNeverNothingLost: after a relative's loss is told,
// "she hung up with them" got "Good, nothing is lost" (familyPaid did not
// set Paid).
func TestARelativesLossIsNeverNothingLost(t *testing.T) {
	for _, tc := range []struct{ lang, loss, after string }{
		{locales.EN, "my mum already transferred 20,000 yuan to them", "she hung up with them now. what number first"},
		{locales.ZH, "我妈已经给他们转了两万", "她已经挂了电话 先打哪个号码"},
	} {
		s := stateFor(t, "start", tc.lang)
		s, r := Step(s, Event{Kind: EventText, Text: tc.loss})
		if got := r[0].Texts[0].Key; got != "understand.family.paid.now" {
			t.Fatalf("%q: got first text %s, want understand.family.paid.now", tc.loss, got)
		}
		_, r = Step(s, Event{Kind: EventText, Text: tc.after})
		for _, x := range r {
			for _, txt := range x.Texts {
				if txt.Key == "none.steps" || txt.Key == "understand.none_start" || txt.Key == "understand.q.safe_now" {
					t.Errorf("%q after %q: got %s, which says nothing is lost", tc.after, tc.loss, txt.Key)
				}
			}
		}
	}
}

// TestATaskJobAdWithItsHandleIsChecked: a task job's own ad, with the
// handle to add, was answered as the person's question about such jobs
// (round sixteen, set xx); it is a message, and checked. Told of, it
// stays the question.
func TestATaskJobAdWithItsHandleIsChecked(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Intent
	}{
		{"宝妈学生党看过来 给商家视频点赞关注 一单3元 做完马上结算 感兴趣加我V：jz_xiaomi77", IntentCheck},
		{"我同学在群里发了一个兼职 说点赞就能赚钱", IntentQuestion},
	} {
		if got := Understand(State{}, tc.text, false).Intent; got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestAtThePlaceQuestionRoundSixteen: at "where are you?", a volunteer's
// "她在洛杉矶…" is the place (the one helped, in the third person), a
// relative about to invest and a withdraw button gone are answered, not
// asked the place again (round sixteen's conversations).
func TestAtThePlaceQuestionRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "country", "她在洛杉矶 我们先陪她去哪", "where.title"},
		{locales.ZH, "country", "群里老师说明天全群一起冲 我爸也想投", "understand.q.invest_offer"},
		{locales.ZH, "country", "今天一看 提现按钮不见了 客服也不回", "paid.now"},
	})
}

// TestNothingLostNeverHidesADanger: "I didn't pay/click/reply, but …"
// with a card, a code, a password or a screen given after the "but" gets
// the steps for what was given, never "Good" or a question's answer
// (round sixteen: '…my dad did and typed his card number' got "Good.
// Forward a message").
func TestNothingLostNeverHidesADanger(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "i didnt click but my dad did and typed his card number, is that enough to block the card?", "paid.now"},
		{locales.EN, "start", "didnt lose anything, just let him control my screen for a bit. do i need to do anything?", "app.now"},
		{locales.EN, "start", "no money sent, but i gave them my online banking password. is it safe now?", "paid.now"},
		{locales.ZH, "start", "没给钱 就告诉了他网银密码 现在安全了吗", "paid.now"},
		{locales.ZH, "start", "已经拉黑了 但是押金两千已经转过去了 还用报警吗", "paid.now"},
		{locales.EN, "start", "I blocked the number after I sent the deposit. is that enough?", "paid.now"},
	})
}

// TestToldOpenersAndFeesRoundSixteen: lines of my own telling what a
// stranger wants: "a woman keeps messaging me saying we met at a
// conference" got "Good. Forward a message" ("keeps messaging me" read
// as nothing happened); a landlord's new account by email, a uniform fee
// and a visa for a fee were asked what they are.
func TestToldOpenersAndFeesRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "a woman keeps messaging me saying we met at a conference", "understand.q.wrong_number"},
		{locales.EN, "start", "my landlord's new account number came by email, should i just pay it?", "understand.q.payee_change"},
		{locales.EN, "start", "the recruiter wants 300 for a uniform before my first shift", "understand.q.job_fee"},
		{locales.EN, "start", "some guy in the group says he can get me a visa extension for 800", "understand.story_asks"},
	})
}

// TestOlderVoicesRoundSixteen: lines of my own in the words of a parent
// on the phone: a card number read out by a relative and a code scanned
// that "showed payment successful" were asked "is this a message?"; the
// caller's "tell no one" got a low verdict on the person's own words; a
// +86 number said to be the consulate was asked what it is.
func TestOlderVoicesRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我爸刚才在电话里把银行卡号报给人家了", "understand.family.paid.now"},
		{locales.ZH, "start", "那个码我扫了 扫完显示支付成功", "paid.now"},
		{locales.ZH, "start", "对方反复说不要告诉任何人", "understand.threatened.rule"},
		{locales.ZH, "start", "来电是+86开头的 说是领事馆的", "understand.threatened.rule"},
	})
}

// TestStudentsMidScamRoundSixteen: lines of my own in a student's words
// during the scam: hiding on the video call, a pending payment in the
// bank's app (the uninstall steps before), a code not asked for, the
// "money returned after the investigation", an address known, someone
// sent to the flat. Each was asked "is this a message?" or got the wrong
// steps.
func TestStudentsMidScamRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "hiding in the bathroom, they said dont leave the video call", "oncall.hangup"},
		{locales.EN, "start", "the bank app says the transfer is pending, can i stop it", "paid.now"},
		{locales.EN, "start", "got a code i didnt ask for, someone has access to my email i think", "account.lock"},
		{locales.EN, "start", "he promised the money will be returned once the case is closed", "understand.threatened.rule"},
		{locales.EN, "start", "he knows where i live and my parents names", "understand.q.leaked_knows"},
		{locales.EN, "start", "now they say theyre sending someone to my house", "understand.q.violent_threat"},
	})
}

// TestRepliesToTheBotsQuestionsRoundSixteen: a writer's answers typed to
// the bot's own questions (message or happening? what happened? where are
// you?), paraphrased. "he won't listen to me" after the dad hung up on the
// person got "Good, nothing is lost"; "照片我不想说" after a fake police
// "验身" too; the others were asked again or got the wrong steps.
func TestRepliesToTheBotsQuestionsRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "my dad hung up on me, he won't listen to me", "understand.q.wont_listen"},
		{locales.ZH, "verdict", "钱没给 照片的事我不想说", "understand.q.sextortion"},
		{locales.ZH, "steps", "银行客服一直打不进去 排队半小时了", "understand.q.bank_unreachable"},
		{locales.EN, "steps", "do i need to factory reset my phone?", "understand.q.hack_phone"},
		{locales.EN, "start", "does replying 'who is this' count as engaging?", "understand.q.replied"},
		{locales.EN, "start", "the scammer still has my login, what first", "account.lock"},
		{locales.EN, "start", "the police told me to call 101 not 999, is that right?", "understand.q.report"},
		{locales.EN, "start", "my roommate has been locked in her room for two days not talking to anyone", "understand.q.explain_kidnap"},
		{locales.EN, "steps", "we're in Leicester", "where.unknown"},
		{locales.ZH, "country", "洛杉矶 具体是尔湾", "where.title"},
	})
}

// TestHelpNumbersAskedRoundSixteen: help numbers asked in my own words.
// "is 999 the right number in the uk for a scam that already happened"
// was checked as a message and got "no known warning signs"; "what is the
// anti fraud number in china", "新加坡的反诈热线" and "领事保护电话是多少" were
// asked what they are.
func TestHelpNumbersAskedRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "is 999 the right number in the uk for a scam that already happened", "where.title"},
		{locales.EN, "start", "what is the anti fraud number in china", "where.title"},
		{locales.ZH, "start", "中国的反诈热线是多少", "where.title"},
		{locales.ZH, "start", "领事保护电话是多少", "where.ask"},
	})
}

// TestAMessageNamingAHelpLineIsStillChecked: the help-number questions of
// the round must not take a message that names a hotline to its reader.
func TestAMessageNamingAHelpLineIsStillChecked(t *testing.T) {
	checkClassified(t,
		"This is the Barclays fraud hotline: your card was used in Lagos. Call 0330 555 0199 now to block it.",
		"【领事保护中心】您的护照涉嫌违法，请立即拨打领事保护电话 +86 10 6555 0199 核实并缴纳保证金",
		"您好，这里是反诈热线，您的账户存在风险，请下载我们的App配合核查",
	)
}

// TestMixedWordsRoundSixteen: lines of my own in Chinese with English
// words. "中介说帮我pay tuition能打八折 我已经转了一半" was read as a message
// that asks ("帮我付"): the money already sent is the steps; a classmate's
// location reported every day, a card's details typed into a link, a
// part-time job offered by a stranger and a name used to borrow money in
// a group were asked what they are or got the wrong answer.
func TestMixedWordsRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "中介说帮我pay tuition可以打九折 我已经转了一半", "paid.now"},
		{locales.ZH, "start", "我同学被要求每天report她的location 两天没回消息", "understand.q.explain_kidnap"},
		{locales.ZH, "start", "点了那个link之后输了我的card details", "paid.now"},
		{locales.ZH, "start", "小红书上有人说可以帮我找part time 一小时300", "understand.q.job_unsolicited"},
		{locales.ZH, "start", "有人用我的name在班级群里借钱", "account.friend.first"},
	})
}

// TestParentsWordsRoundSixteen: lines of my own in a parent's English.
// "my son says he's fine but the kidnapper keeps calling us" got "get them
// to hang up" (the son is safe; the calls go on); unknown foreign numbers
// and a caller who knew the daughter's school were asked "is this a
// message?".
func TestParentsWordsRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "our daughter says she's fine but the kidnapper keeps calling us", "understand.q.explain_kidnap"},
		{locales.EN, "start", "my mum keeps getting calls from +86 numbers she doesn't know", "understand.q.unknown_calls"},
		{locales.EN, "start", "the caller knew my son's university and his student number", "understand.q.leaked_knows"},
	})
}

// TestThePersonsOwnPlaceComesFirst: with the third person's place now
// read ("她在洛杉矶…"), the person's own place still wins: "他在深圳 我在
// 伦敦" gives London's numbers.
func TestThePersonsOwnPlaceComesFirst(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{locales.ZH, "他在深圳 我在伦敦", "GB"},
		{locales.ZH, "我在伦敦 他在深圳", "GB"},
		{locales.EN, "he's in shanghai, i'm in london", "GB"},
	} {
		s, _ := Step(stateFor(t, "start", tc.lang), Event{Kind: EventText, Text: tc.text})
		if s.Country != tc.want {
			t.Errorf("%q: got country %q, want %q", tc.text, s.Country, tc.want)
		}
	}
}

// TestOlderVoicesTwoRoundSixteen: a parent's words of my own. "老伴说他在银
// 行 柜员不给他转钱" got the steps after a relative's loss (the teller stopped
// the transfer); "那个人让我把存折里的钱取出来…" got the steps after a
// payment (only asked, not done).
func TestOlderVoicesTwoRoundSixteen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我爸在银行 柜员不让他转 他跟人家吵起来了", "understand.q.at_bank"},
		{locales.ZH, "start", "那个人叫我把钱取出来 放到他说的地方", "understand.story_asks"},
	})
}
