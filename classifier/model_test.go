package classifier

import (
	"slices"
	"testing"

	"github.com/scamcheck/scamcheck/classifier/model"
	"github.com/scamcheck/scamcheck/locales"
)

// constModel scores every text logit: above its threshold when fire.
func constModel(fire bool) *model.Model {
	m := &model.Model{Features: model.WordUni, Bits: 8, Scale: 1, Bias: 5, Threshold: 1, ThresholdZH: 1, Weights: make([]int8, 256)}
	if !fire {
		m.Bias = -5
	}
	return m
}

// modelTexts span every level of the rules: scams of each type, weak
// signs, genuine notices and chat, in our own words.
func modelTexts(tb testing.TB) []string {
	texts := []string{
		"晚上一起吃饭吗？我请客，老地方见。",
		"Running late, see you at the station in 10 minutes.",
		"【某银行】您尾号1234的卡于10:02消费58.00元。",
		"Your verification code is 482913. Do not share it with anyone.",
		"Please hurry, the offer ends today.",
		"快点回我，急事。",
		"Someone from the bank called about my card, should I worry?",
		"",
		"\xff\xfe",
	}
	for _, tc := range loadCases(tb, "every_type") {
		texts = append(texts, tc.Text)
	}
	return texts
}

// The model lifts a verdict below medium to medium, never to high, and
// never lowers: with a model that always fires, every rules verdict below
// medium becomes medium with the model's reason first and the rules'
// signals after it; medium and high stay as they were.
func TestModelLiftsToMediumOnlyAndNeverLowers(t *testing.T) {
	rules, err := NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	always, err := NewWithModel(constModel(true))
	if err != nil {
		t.Fatal(err)
	}
	never, err := NewWithModel(constModel(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range modelTexts(t) {
		r, a, n := rules.Classify(text), always.Classify(text), never.Classify(text)
		if n.String() != r.String() {
			t.Errorf("%q: a model that does not fire changed the verdict: got %v, want %v", text, n, r)
		}
		if a.Level < r.Level {
			t.Errorf("%q: the model lowered %v to %v", text, r.Level, a.Level)
		}
		if r.Level >= LevelMedium {
			if a.String() != r.String() {
				t.Errorf("%q: the model changed a %v verdict: got %v", text, r.Level, a)
			}
			continue
		}
		if a.Level != LevelMedium {
			t.Errorf("%q: rules %v with a firing model: got level %v, want medium", text, r.Level, a.Level)
		}
		if len(a.Signals) != len(r.Signals)+1 || a.Signals[0].ID != ModelSignalID || a.Signals[0].Explain != modelExplain {
			t.Errorf("%q: got signals %v, want the model's first, then the rules' %v", text, a.Signals, r.Signals)
			continue
		}
		if !slices.EqualFunc(a.Signals[1:], r.Signals, func(x, y Signal) bool { return x == y }) {
			t.Errorf("%q: the rules' signals changed: got %v, want %v", text, a.Signals[1:], r.Signals)
		}
		if a.Score != always.rs.levels.Medium {
			t.Errorf("%q: score %v, want the medium threshold %v", text, a.Score, always.rs.levels.Medium)
		}
		checkSpans(t, text, a)
	}
}

// The shipped model never makes high alone either: every verdict of the
// shipped classifier that the rules put below high is at most medium, and
// no verdict is below the rules'.
func TestShippedModelNeverHighAlone(t *testing.T) {
	rules, err := NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := classifier(t)
	for _, text := range modelTexts(t) {
		r, v := rules.Classify(text), c.Classify(text)
		if v.Level < r.Level {
			t.Errorf("%q: lowered from %v to %v", text, r.Level, v.Level)
		}
		if r.Level < LevelHigh && v.Level == LevelHigh {
			t.Errorf("%q: rules %v, got high", text, r.Level)
		}
	}
}

// Same weights, same scores: two classifiers with the shipped model give
// the same verdicts, and so does one classifier asked twice.
func TestModelScoresAreDeterministic(t *testing.T) {
	a := classifier(t)
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range modelTexts(t) {
		if x, y, z := a.Classify(text), b.Classify(text), a.Classify(text); x.String() != y.String() || x.String() != z.String() {
			t.Errorf("%q: verdicts differ: %v, %v, %v", text, x, y, z)
		}
		if s1, s2 := m.Score(Fold(text)), m.Score(Fold(text)); s1 != s2 {
			t.Errorf("%q: scores differ: %v, %v", text, s1, s2)
		}
	}
}

// The model reads the folded text, so traditional and simplified writing,
// and full-width letters, score alike.
func TestModelScoresFoldedText(t *testing.T) {
	m, err := model.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ a, b string }{
		{"兼职刷单，日结，加微信详聊", "兼職刷單，日結，加微信詳聊"},
		{"verify your account now", "ＶＥＲＩＦＹ your account now"},
	} {
		if sa, sb := m.Score(Fold(tc.a)), m.Score(Fold(tc.b)); sa != sb {
			t.Errorf("%q scores %v, %q scores %v: want the same", tc.a, sa, tc.b, sb)
		}
	}
}

// The model's reason is a message of the catalog in every language.
func TestModelExplainInCatalog(t *testing.T) {
	cat, err := locales.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range locales.Langs {
		if !cat.Has(lang, modelExplain) {
			t.Errorf("catalog %s: no message %s", lang, modelExplain)
		}
	}
}

// BenchmarkClassifyDevRulesOnly is BenchmarkClassifyDev without the learned
// model: the difference is what the model costs.
func BenchmarkClassifyDevRulesOnly(b *testing.B) {
	c, err := NewWithModel(nil)
	if err != nil {
		b.Fatal(err)
	}
	benchClassifyDev(b, c)
}

// TestModelNeedsAChannelBesideAGenreSign: a shop's promotion with its
// opt-out line and nothing to click, call or write to is not made medium
// by the model's wording alone; the same promotion with a link is.
func TestModelNeedsAChannelBesideAGenreSign(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const promo = "【鑫源理财】尊敬的会员，您有一笔888元的体验金待领取，收益可直接提现，名额有限，回T退订"
	if !c.model.Fires(foldForModel(promo), true) {
		t.Fatalf("the model does not fire on %q: the test needs a text it fires on", promo)
	}
	for _, tt := range []struct {
		text string
		want Level
	}{
		{promo, LevelNone},
		{"【鑫源理财】尊敬的会员，您有一笔888元的体验金待领取，收益可直接提现，详情 xinyuan-lc.top ，回T退订", LevelMedium},
	} {
		if got := c.Classify(tt.text).Level; got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

// foldForModel is text folded as Classify hands it to the model.
func foldForModel(s string) []byte {
	var f folded
	fold(&f, s)
	return f.text
}
