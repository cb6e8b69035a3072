package dialogs

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// secret marks message text; it must never appear in a stored state.
const secret = "SECRETMSG"

var (
	fuzzCommands = []string{"start", "help", "lang", "privacy", "cancel", "forget", "check", "where", "share", "call", "paid", "menu", "nope", ""}
	fuzzArgs     = []string{"", "cn-cg-la", "CN-EMB-FR", "zh", "en", "中文", "no-such", "../../etc", strings.Repeat("x", 300), "a b"}
	fuzzExplain  = []string{"sig.safe_account", "sig.authority", "sig.transfer", "sig.secrecy", "sig.missing_key", "", "Transfer " + secret + " now", "SIG.UPPER", strings.Repeat("k", 80)}
	fuzzTypes    = append([]classifier.Type{classifier.TypeNone, "bogus"}, classifier.Types...)
	fuzzTexts    = []string{secret + " transfer to the safe account", "yes", "是", "no", "否", "", "  ", secret,
		"I already paid " + secret, "他还在电话上", "i shared my screen", "he says im under investigation", "怎么办", "can I get my money back",
		"thanks", "🙏", "Berlin", "idk", "Mum I need help " + secret + " please send money now"}
)

// driver turns a stream of small numbers into events, so the same code
// serves the seeded property test and the fuzzer.
type driver struct {
	next func(n int) int // a number in [0, n)
}

func (d driver) pick(list []string) string { return list[d.next(len(list))] }

func (d driver) event(s State, last [][]Choice) Event {
	e := d.event1(s, last)
	e.Owner = []string{"", "", "ab12cd34", "zz", "NOT-OK", "123456789"}[d.next(6)]
	return e
}

func (d driver) event1(s State, last [][]Choice) Event {
	lang := []string{"", locales.ZH, locales.EN}[d.next(3)]
	switch d.next(6) {
	case 0:
		return Event{Kind: EventCommand, Command: d.pick(fuzzCommands), Arg: d.pick(fuzzArgs), Lang: lang}
	case 1:
		v := classifier.Verdict{
			Level: classifier.Level(d.next(6) - 1),
			Type:  fuzzTypes[d.next(len(fuzzTypes))],
		}
		for i := d.next(6); i > 0; i-- {
			v.Signals = append(v.Signals, classifier.Signal{Explain: d.pick(fuzzExplain), Evidence: secret})
		}
		if d.next(2) == 0 {
			v.Source, v.ModelReasons = classifier.SourceRulesLLM, []string{d.pick(fuzzExplain), "reason {x} " + secret}
		}
		return Event{Kind: EventText, Text: d.pick(fuzzTexts), Verdict: v, Lang: lang, Forwarded: d.next(4) == 0}
	case 2, 3: // a button on the latest keyboard: the common case
		var all []Choice
		for _, row := range last {
			all = append(all, row...)
		}
		if len(all) > 0 {
			return Event{Kind: EventChoice, Data: all[d.next(len(all))].Data, Lang: lang}
		}
		return Event{Kind: EventChoice, Data: EncodeChoice(s.Seq, "menu"), Lang: lang}
	case 4: // a stale or forged button with a plausible id
		ids := []string{"menu", "a:paid", "y", "n", "cc:US", "cc:ZZ", "cc:other", "lang:zh", "lang:xx", "share:other", "quiz", "call:on"}
		seq := s.Seq + uint32(d.next(3)) - 1
		owner := []string{"", s.Owner, "other1"}[d.next(3)]
		return Event{Kind: EventChoice, Data: encodeChoice(seq, owner, d.pick(ids)), Lang: lang}
	default: // raw junk
		junk := []string{"", "c", "c:", "c1", "c01:menu", "c4294967296:menu", "c-1:menu", "c1:我", "c1:" + strings.Repeat("a", 70), "\x00", "c1:cc:us"}
		return Event{Kind: EventChoice, Data: d.pick(junk), Lang: lang}
	}
}

// walk runs n events from s and checks every invariant after each step.
func walk(t *testing.T, d driver, s State, n int) {
	t.Helper()
	var last [][]Choice
	for i := 0; i < n; i++ {
		e := d.event(s, last)
		prev := s
		var replies []Reply
		s, replies = Step(s, e)
		if err := s.Validate(); err != nil {
			t.Fatalf("step %d: event %+v from %+v gave an invalid state %+v: %v", i, e, prev, s, err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal state: %v", err)
		}
		if strings.Contains(string(b), secret) {
			t.Fatalf("state holds message text: %s", b)
		}
		var back State
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(normal(back), normal(s)) {
			t.Fatalf("state does not survive JSON: %s → %+v (%v)", b, back, err)
		}
		if len(replies) == 0 && e.Kind != 0 {
			t.Fatalf("event %+v got no reply", e)
		}
		for _, r := range replies {
			checkReply(t, r)
			if len(r.Choices) > 0 {
				last = r.Choices
			}
		}
	}
}

// normal makes empty and nil reason lists compare equal.
func normal(s State) State {
	if s.Last != nil && len(s.Last.Reasons) == 0 {
		c := *s.Last
		c.Reasons = nil
		s.Last = &c
	}
	return s
}

func TestRandomConversations(t *testing.T) {
	for seed := uint64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewPCG(seed, 42))
		walk(t, driver{next: r.IntN}, State{}, 60)
	}
}

// FuzzStep drives conversations from fuzzed bytes, starting from a fuzzed
// stored state as well: damaged storage must not break anyone's chat.
func FuzzStep(f *testing.F) {
	f.Add([]byte(`{"v":1,"lang":"zh","node":"verdict","seq":3}`), []byte{0, 0, 2, 0, 2, 1, 1, 3, 2, 2})
	f.Add([]byte(`{"v":9,"node":"quiz","answers":"yyyyyyyyyy","country":"ZZ","org":"x"}`), []byte{2, 2, 2, 2, 4, 4, 5, 5})
	f.Add([]byte(`{}`), []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"))
	f.Add([]byte(`{"last":{"level":"high","type":"bogus","reasons":["Transfer now"]}}`), []byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, stored, script []byte) {
		var s State
		if json.Unmarshal(stored, &s) != nil {
			s = State{}
		}
		i := 0
		next := func(n int) int {
			if i >= len(script) {
				return 0
			}
			b := int(script[i])
			i++
			return b % n
		}
		steps := len(script)/2 + 1
		if steps > 40 {
			steps = 40
		}
		walk(t, driver{next: next}, s, steps)
	})
}

func FuzzParseChoice(f *testing.F) {
	for _, s := range []string{"c1:menu", "c0:cc:US", "c4294967295:y", "c4294967296:y", "c01:y", "c1:", "c:menu", "x1:menu", "c1:我",
		"", "c7.ab12cd34:a:paid", "c7.:y", "c7.AB:y", "c7.abcdefghi:y", "c7.a.b:y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		seq, owner, id, ok := parseChoice(data)
		if !ok {
			if _, _, ok2 := ParseChoice(data); ok2 {
				t.Fatalf("ParseChoice(%q) accepts what parseChoice rejects", data)
			}
			return
		}
		if !validChoiceID(id) || len(data) > MaxChoiceData || (owner != "" && !validOwner(owner)) {
			t.Fatalf("parseChoice(%q) accepted owner %q id %q", data, owner, id)
		}
		if got := encodeChoice(seq, owner, id); got != data {
			t.Fatalf("encodeChoice(parseChoice(%q)) = %q, want the same data", data, got)
		}
	})
}

// In a group, everyone sees everyone's keyboards; a press by someone
// whose own conversation happens to be at the same Seq is still not theirs,
// except a button that leads to help steps: those are given to whoever
// presses them, in their own conversation.
func TestButtonOfSomeoneElse(t *testing.T) {
	alice, replies := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: "en", Owner: "a11ce"})
	bob, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: "en", Owner: "b0b"})
	if alice.Seq != bob.Seq {
		t.Fatalf("setup: seqs %d and %d, want equal", alice.Seq, bob.Seq)
	}
	check := replies[0].Choices[0][0].Data // Alice's "Check a message"
	got, r := Step(bob, Event{Kind: EventChoice, Data: check, Lang: "en", Owner: "b0b"})
	if !reflect.DeepEqual(got, bob) || len(r) != 1 || r[0].Texts[0].Key != "choice.stale" {
		t.Errorf("Bob pressing Alice's button %q: state %+v replies %+v, want Bob's state unchanged and the stale answer", check, got, r)
	}
	paid := replies[0].Choices[2][0].Data // Alice's "I already paid"
	if got, r := Step(bob, Event{Kind: EventChoice, Data: paid, Lang: "en", Owner: "b0b"}); !got.Paid || got.Owner != "b0b" || r[0].Texts[0].Key != "paid.now" {
		t.Errorf("Bob pressing Alice's %q: paid=%v owner %q first reply %+v, want the paid steps in Bob's own conversation", paid, got.Paid, got.Owner, r[0])
	}
	if got, r := Step(alice, Event{Kind: EventChoice, Data: paid, Lang: "en", Owner: "a11ce"}); !got.Paid || r[0].Texts[0].Key != "paid.now" {
		t.Errorf("Alice pressing her own button %q: paid=%v first reply %+v, want the paid steps", paid, got.Paid, r[0])
	}
}

func TestQuizNeverLowersWithMoreYes(t *testing.T) {
	n := len(questions)
	for mask := 0; mask < 1<<n; mask++ {
		base := answers(mask, n)
		lvl, _, _ := quizVerdict(base)
		for q := 0; q < n; q++ {
			if mask&(1<<q) != 0 {
				continue
			}
			more := answers(mask|1<<q, n)
			if l2, _, _ := quizVerdict(more); l2 < lvl {
				t.Errorf("answers %s give %s, but %s give %s: a yes lowered the level", base, lvl, more, l2)
			}
		}
	}
}

func answers(mask, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'n'
		if mask&(1<<i) != 0 {
			b[i] = 'y'
		}
	}
	return string(b)
}

func TestEveryTypeHasWords(t *testing.T) {
	for _, typ := range classifier.Types {
		for _, lang := range locales.Langs {
			for _, key := range []string{"type." + string(typ), "share." + string(typ)} {
				if !realCat.Has(lang, key) {
					t.Errorf("%s: message %q missing", lang, key)
				}
			}
		}
	}
	for _, q := range questions {
		for _, lang := range locales.Langs {
			for _, key := range []string{"quiz.q." + q.id, "quiz.why." + q.id} {
				if !catalog.Has(lang, key) {
					t.Errorf("%s: message %q missing", lang, key)
				}
			}
		}
	}
}

func TestForgetOnZeroState(t *testing.T) {
	for _, lang := range locales.Langs {
		s, replies := Step(State{}, Event{Kind: EventCommand, Command: "forget", Lang: lang})
		want := State{Version: StateVersion, Lang: lang}
		if !reflect.DeepEqual(s, want) {
			t.Errorf("forget: state %+v, want %+v", s, want)
		}
		if len(replies) != 1 || replies[0].Texts[0].Key != "forget.done" {
			t.Errorf("forget in %s: replies %+v, want the forget.done confirmation", lang, replies)
		}
	}
}

// A version 1 state stored before this change still works.
func TestOldStateDecodes(t *testing.T) {
	var s State
	old := `{"v":1,"lang":"zh","node":"verdict","seq":3,"last":{"level":"high","type":"courier","reasons":["sig.transfer"]}}`
	if err := json.Unmarshal([]byte(old), &s); err != nil {
		t.Fatalf("decode: %v", err)
	}
	s, replies := Step(s, Event{Kind: EventChoice, Data: EncodeChoice(3, "a:none")})
	if s.Node != NodeSteps || len(replies) != 1 || replies[0].Texts[0].Key != "none.steps" {
		t.Errorf("pressing a:none on an old state: node %q, replies %+v; want the none steps", s.Node, replies)
	}
}

func TestStartCodes(t *testing.T) {
	tests := []struct {
		arg, wantOrg, wantCountry string
	}{
		{"cn-cg-la", "cn-cg-la", "US"},
		{"CN-EMB-FR", "cn-emb-fr", "FR"},
		{"unknown", "", ""},
		{"bad code!", "", ""},
		{strings.Repeat("a", 100), "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		s, replies := Step(State{}, Event{Kind: EventCommand, Command: "start", Arg: tt.arg, Lang: "en"})
		if s.Org != tt.wantOrg || s.Country != tt.wantCountry {
			t.Errorf("/start %q: org %q country %q, want %q %q", tt.arg, s.Org, s.Country, tt.wantOrg, tt.wantCountry)
		}
		if len(replies) == 0 || len(replies[len(replies)-1].Choices) == 0 {
			t.Errorf("/start %q: no menu", tt.arg)
		}
	}
}

func TestCommandsRender(t *testing.T) {
	for _, c := range Commands() {
		if c.Name == "" || len(c.Name) > 32 || strings.ToLower(c.Name) != c.Name {
			t.Errorf("command name %q: want 1-32 lower-case characters", c.Name)
		}
		for _, lang := range locales.Langs {
			got, err := realCat.Render(lang, c.Description.Key, nil)
			if err != nil || got == "" || len([]rune(got)) > 256 {
				t.Errorf("/%s description in %s = %q, %v; want 1-256 characters", c.Name, lang, got, err)
			}
		}
		if _, replies := Step(State{}, Event{Kind: EventCommand, Command: c.Name}); len(replies) == 0 || replies[0].Texts[0].Key == "command.unknown" {
			t.Errorf("/%s is offered but Step does not know it", c.Name)
		}
	}
}
