package classifier

import (
	"math"
	"testing"
)

// Each stage of Classify tested alone, on the shipped rules.

func newScratch(t *testing.T) (*Classifier, *scratch) {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c, c.pool.Get().(*scratch)
}

// termOf returns the index of the term of the set id.
func termOf(t *testing.T, rs *ruleSet, id string) int32 {
	t.Helper()
	for i, tm := range rs.terms {
		if tm.id == id {
			return int32(i)
		}
	}
	t.Fatalf("no term %q", id)
	return -1
}

// runTo runs the stages up to and including the entities.
func runTo(c *Classifier, sc *scratch, text string) bool {
	fold(&sc.f, text)
	zh := langOf(&sc.f) == "zh"
	c.rs.match(sc)
	c.rs.scopeNegations(sc, text, zh)
	c.rs.matchRegexes(sc)
	c.rs.findEntities(sc, text)
	return zh
}

// wantHit checks whether the set id has a hit after the stages up to the
// entities ran on text.
func wantHit(t *testing.T, c *Classifier, sc *scratch, id, text string, want bool) {
	t.Helper()
	runTo(c, sc, text)
	if got := sc.hits[termOf(t, c.rs, id)].ok; got != want {
		t.Errorf("%q: got a hit of %s %v, want %v", text, id, got, want)
	}
}

func TestMatchForgetsThePreviousMessage(t *testing.T) {
	c, sc := newScratch(t)
	wantHit(t, c, sc, "urgency_en", "Reply immediately", true)
	wantHit(t, c, sc, "urgency_en", "See you at dinner", false)
}

func TestScopeNegationsDropsAWordInsideAMask(t *testing.T) {
	c, sc := newScratch(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"暑假工日结300", true},
		{"申报将于12月31日结束", false},
		{"报名于3月8日截止", false},
	} {
		wantHit(t, c, sc, "paid_daily", tc.text, tc.want)
	}
	// Nor does 取证件 leave its 取证 (evidence) to the accusation words.
	wantHit(t, c, sc, "accusation_zh", "请凭回执领取证件", false)
}

func TestCompilerMatchesAccountPhrasesSpeltWith帐(t *testing.T) {
	c, sc := newScratch(t)
	for _, text := range []string{"请转入安全账户", "請轉入安全帳戶", "请转入安全帐户", "請轉入安全賬戶"} {
		wantHit(t, c, sc, "safe_account", text, true)
	}
}

func TestMatchRegexesRunOnlyBehindTheirGate(t *testing.T) {
	c, sc := newScratch(t)
	wantHit(t, c, sc, "premium_call", "txt WIN to 87066 now", true)
	wantHit(t, c, sc, "premium_call", "WIN to 87066 now", false) // no gate word
}

func TestScopeNegationsCountsANegatedAskForItsCompanion(t *testing.T) {
	c, sc := newScratch(t)
	ask, not := termOf(t, c.rs, "ask_transfer_en"), termOf(t, c.rs, "not.ask_transfer_en")
	for _, tc := range []struct {
		name, text   string
		wantAsk, not bool
	}{
		{"asked", "Please transfer the money today", true, false},
		{"denied", "We will never ask you to transfer money", false, true},
		{"a condition is no denial", "If you do not transfer the money today, you will be arrested", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runTo(c, sc, tc.text)
			if got := sc.hits[ask].ok; got != tc.wantAsk {
				t.Errorf("got ask hit %v, want %v", got, tc.wantAsk)
			}
			if got := sc.hits[not].ok; got != tc.not {
				t.Errorf("got not.ask hit %v, want %v", got, tc.not)
			}
		})
	}
}

// addressCase is a text and whether the ask set, or its bare.<id>
// companion, must match it.
type addressCase struct {
	name, text    string
	wantAsk, bare bool
}

// checkAddressed runs each case to the scope stage and checks the hits of
// the ask set id and of bare.<id>.
func checkAddressed(t *testing.T, id string, cases []addressCase) {
	t.Helper()
	c, sc := newScratch(t)
	ask, bare := termOf(t, c.rs, id), termOf(t, c.rs, "bare."+id)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runTo(c, sc, tc.text)
			if got := sc.hits[ask].ok; got != tc.wantAsk {
				t.Errorf("%s: got ask hit %v, want %v", id, got, tc.wantAsk)
			}
			if got := sc.hits[bare].ok; got != tc.bare {
				t.Errorf("%s: got bare hit %v, want %v", id, got, tc.bare)
			}
		})
	}
}

// A Chinese money word is an ask only when its sentence addresses the
// reader; otherwise it counts for the companion bare.<id> (issue #12).
func TestScopeNegationsCountsAnUnaddressedAskForItsBareCompanion(t *testing.T) {
	checkAddressed(t, "ask_transfer_zh", []addressCase{
		{"a request", "请把钱转到这个账户。", true, false},
		{"the reader to act", "你先转五千过去，明天我还你。", true, false},
		{"the price of a promise", "交完保证金才能提现。", false, false}, // a fee, not a transfer
		{"a system notice", "你本次转账已延迟2小时到账。", false, true},
		{"a report of pay", "我的生活费打到英国银行卡上。", false, true},
		{"an ask in the next sentence", "你本次转账已延迟。请转到以下账户。", true, true},
		{"a decimal point is no sentence end", "学费打8.5折，你把钱转过来。", true, false},
		{"denied before unaddressed", "绝不会要求转账。", false, false},
		// A noun takes its cue from its own clause only.
		{"a noun with a cue in another clause", "您向尾号4430的转账已被暂缓，请致电95555核实。", false, true},
		{"a noun asked for in its clause", "请把转账记录发给我。", true, false},
		{"a verb with a cue in another clause", "钱不多，请转到这个账户。", true, false},
		{"English needs no address", "Please transfer the money today", false, false},
	})
}

// An English fee word is an ask only when its sentence addresses the
// reader (a request, a must, a command verb, a link); a receipt or a
// statement counts for bare.<id> (issue #12).
func TestScopeNegationsCountsAnUnaddressedEnglishFeeForItsBareCompanion(t *testing.T) {
	checkAddressed(t, "ask_fee_word_en", []addressCase{
		{"a command", "Pay the £2 fee to release your parcel.", true, false},
		{"a must", "A customs fee of £3 must be paid today.", true, false},
		{"a request after it", "The release fee is $500, please send it today.", true, false},
		{"a link in the sentence", "Redelivery fee due: http://parcel-fee.example", true, false},
		{"a receipt", "Your payment of £30 was received on 2 May.", false, true},
		{"a statement", "The award has been taken off your tuition fees.", false, true},
		{"a command opening the next sentence", "A customs fee of £2 applies. Pay it here: parcel.example", true, false},
		{"a cue inside the next sentence", "The award comes off your fees. No payment is required from you.", false, true},
		{"denied before unaddressed", "We will never ask you for a fee.", false, false},
		// In a Chinese message the English test does not apply.
		{"an English word in Chinese", "他说要先交fee才能放款，我没交。", true, false},
	})
}

func TestFindEntitiesHitsTheEntitySets(t *testing.T) {
	c, sc := newScratch(t)
	text := "Pay at http://bit.ly/x1 or call +44 20 7946 0958"
	runTo(c, sc, text)
	for _, id := range []string{"entity.url", "entity.url_shortener", "entity.phone"} {
		h := sc.hits[termOf(t, c.rs, id)]
		if !h.ok || !h.entity {
			t.Errorf("%s: got hit %+v, want an entity hit", id, h)
		}
	}
	if h := sc.hits[termOf(t, c.rs, "entity.crypto_address")]; h.ok {
		t.Errorf("entity.crypto_address: got a hit, want none")
	}
}

func TestApplyRulesHonoursLanguageAndVeto(t *testing.T) {
	c, sc := newScratch(t)
	has := func(id string) bool {
		for _, s := range sc.sigs {
			if s.ID == id {
				return true
			}
		}
		return false
	}
	// ask_screen adds weight, so the genuine-context veto applies to it.
	text := "Download AnyDesk so that I can share your screen"
	zh := runTo(c, sc, text)
	c.rs.applyRules(sc, text, zh)
	if !has("ask_screen") {
		t.Fatalf("got signals %v, want ask_screen", sc.sigs)
	}
	text = "Beware of scams: a caller who asks you to download AnyDesk and share your screen is a fraudster"
	zh = runTo(c, sc, text)
	c.rs.applyRules(sc, text, zh)
	if has("ask_screen") {
		t.Errorf("got ask_screen on a warning, want it vetoed by genuine context")
	}
}

func TestCombineScalesOrdersAndTypes(t *testing.T) {
	c, sc := newScratch(t)
	clear(sc.typeW)
	sc.sigs = append(sc.sigs[:0],
		Signal{ID: "a", Weight: 2},
		Signal{ID: "cut", Weight: 0},
		Signal{ID: "b", Weight: 3},
	)
	sc.scaleSigs = append(sc.scaleSigs[:0], scaled{sig: 1, scale: 0.5})
	// impersonate_official weighs more, but virtual_kidnapping has its
	// precedence's minimum weight.
	sc.typeW[0], sc.typeW[1] = 4, c.rs.precMin
	var v Verdict
	c.rs.combine(sc, &v)
	if v.Score != 2.5 {
		t.Errorf("got score %v, want (2+3)*0.5 = 2.5", v.Score)
	}
	var ids []string
	for _, s := range v.Signals {
		ids = append(ids, s.ID)
	}
	if len(ids) != 3 || ids[0] != "b" || ids[1] != "a" || ids[2] != "cut" || math.Abs(v.Signals[2].Weight+2.5) > 1e-9 {
		t.Errorf("got signals %v, want b, a, then cut weighing -2.5", v.Signals)
	}
	if v.Type != TypeVirtualKidnapping {
		t.Errorf("got type %q, want virtual_kidnapping by precedence", v.Type)
	}
}

func TestLevelThresholds(t *testing.T) {
	c, _ := newScratch(t)
	l := c.rs.levels
	for _, tc := range []struct {
		score float64
		want  Level
	}{
		{0, LevelNone}, {l.Low - 0.01, LevelNone}, {l.Low, LevelLow}, {l.Medium, LevelMedium}, {l.High, LevelHigh}, {l.High * 3, LevelHigh},
	} {
		v := Verdict{Score: tc.score, Type: TypePhishing}
		c.rs.level(&v)
		if v.Level != tc.want {
			t.Errorf("score %v: got level %s, want %s", tc.score, v.Level, tc.want)
		}
		if v.Level == LevelNone && v.Type != TypeNone {
			t.Errorf("score %v: got type %q without a level, want none", tc.score, v.Type)
		}
	}
}

// Every kind of entity the entity stage finds is declared by a set of the
// shipped rules, so none is found for nothing.
func TestEveryEntityKindHasASet(t *testing.T) {
	c, _ := newScratch(t)
	for k, ti := range c.rs.entity {
		if ti < 0 {
			t.Errorf("entity %s: got no set declaring it, want one (entity: %s)", entityKindNames[k], entityKindNames[k])
		}
	}
}
