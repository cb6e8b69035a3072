package classifier

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNeedsSecondOpinion(t *testing.T) {
	weak := Signal{ID: "weak_sign", Weight: 0.5}
	urgent := Signal{ID: "urgency", Weight: 0.8}
	ask := Signal{ID: "ask_transfer", Weight: 1}
	genuine := Signal{ID: "genuine_warning", Weight: -3}
	optout := Signal{ID: "marketing_optout", Weight: -1}
	long := "Please have a look at the attached note before our meeting tomorrow."
	tests := []struct {
		name string
		v    Verdict
		text string
		want bool
	}{
		{"high is never sent", Verdict{Level: LevelHigh}, long, false},
		{"high with a link is never sent", Verdict{Level: LevelHigh}, "Pay the fee now at https://example.test/pay", false},
		{"empty text", Verdict{Level: LevelLow}, "", false},
		{"only spaces", Verdict{Level: LevelMedium}, "   \n\t ", false},
		{"trivial en", Verdict{Level: LevelLow}, "ok thanks", false},
		{"trivial zh", Verdict{Level: LevelLow}, "在吗？", false},
		{"trivial emoji", Verdict{Level: LevelLow}, "👍👍👍👍👍👍👍👍👍👍👍👍👍👍", false},
		{"trivial with a link word", Verdict{Level: LevelNone}, "pay me", false},
		{"low", Verdict{Level: LevelLow}, long, true},
		{"medium", Verdict{Level: LevelMedium}, long, true},
		{"none with one weak sign", Verdict{Level: LevelNone, Signals: []Signal{weak}}, long, true},
		{"none with two weak signs", Verdict{Level: LevelNone, Signals: []Signal{urgent, weak}}, long, true},
		{"none with a clear ask", Verdict{Level: LevelNone, Signals: []Signal{ask}}, long, true},
		{"none, ask and a genuine marker", Verdict{Level: LevelNone, Signals: []Signal{ask, optout}}, long, true},
		{"none, weak sign and a link", Verdict{Level: LevelNone, Signals: []Signal{urgent}}, "Act today: https://example.test/claim your refund before it expires", true},
		{"none, genuine warning with a number", Verdict{Level: LevelNone, Signals: []Signal{genuine}}, "Police will never ask you to transfer money. Report fraud on 0300 123 2040", true},
		{"none, unsubscribe line with a link", Verdict{Level: LevelNone, Signals: []Signal{optout}}, "会员日全场五折 https://shop.example/sale 回复TD退订", true},
		{"none, genuine marker alone", Verdict{Level: LevelNone, Signals: []Signal{genuine}}, long, false},
		{"none, nothing at all", Verdict{Level: LevelNone}, long, false},
		{"none, chat", Verdict{Level: LevelNone}, "晚上一起吃饭吗？我请客，老地方见。", false},
		{"none with a link", Verdict{Level: LevelNone}, "Your parcel is waiting, confirm the address at www.parcel-example.test today", true},
		{"none with a phone number", Verdict{Level: LevelNone}, "Your card is blocked, call +44 20 7946 0000 to restore it", true},
		{"none with a full-width number", Verdict{Level: LevelNone}, "您的快递异常请联系客服０２０１２３４５６７", true},
		{"none with an amount", Verdict{Level: LevelNone, Entities: &Entities{Money: []Money{{Text: "$120"}}}}, "The tickets are $120 each, see you at 7:30", true},
		{"none with a handle", Verdict{Level: LevelNone}, "Nice talking to you, find me on Telegram as @sunny_days_88", true},
		{"none with an e-mail", Verdict{Level: LevelNone}, "Send your details to hr.office@example.test this week", true},
		{"none with a zh contact cue", Verdict{Level: LevelNone}, "同学你好，有空的话加我微信聊聊，有个好机会", true},
		{"none with an en ask", Verdict{Level: LevelNone}, "Hi, please verify your details so we can finish the setup", true},
		{"none with a zh ask", Verdict{Level: LevelNone}, "你好，麻烦把验证码发给我，我在帮你弄账号", true},
		{"an ask word inside another word", Verdict{Level: LevelNone}, "The spinning class was fun, shall we go again on Sunday?", false},
		{"zh low, long enough", Verdict{Level: LevelLow}, "您好，这里是学校国际处，请尽快回电", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsSecondOpinion(tt.v, tt.text); got != tt.want {
				t.Errorf("NeedsSecondOpinion(level %s, %q) = %v, want %v", tt.v.Level, tt.text, got, tt.want)
			}
		})
	}
}

func TestCombine(t *testing.T) {
	rules := func(l Level, typ Type) Verdict {
		return Verdict{Level: l, Type: typ, Score: 1.5, Lang: "en", Source: SourceRules,
			Signals: []Signal{{ID: "ask_transfer", Weight: 1.5}}}
	}
	tests := []struct {
		name       string
		rules      Verdict
		op         Opinion
		wantLevel  Level
		wantType   Type
		wantReason string // the model's reason keys, comma-joined
		wantSource string
		wantStatus string
	}{
		{"model raises low to high", rules(LevelLow, TypeNone),
			Opinion{LevelHigh, TypeCourier, []string{"sig.courier_fee"}},
			LevelHigh, TypeCourier, "sig.courier_fee", SourceRulesLLM, ModelAnswered},
		{"model raises and replaces a weak type", rules(LevelMedium, TypePhishing),
			Opinion{LevelHigh, TypeImpersonateOfficial, []string{"sig.official_money"}},
			LevelHigh, TypeImpersonateOfficial, "sig.official_money", SourceRulesLLM, ModelAnswered},
		{"model raises without a type keeps the rules' type", rules(LevelLow, TypeInvestment),
			Opinion{LevelMedium, TypeNone, []string{"sig.guaranteed_returns"}},
			LevelMedium, TypeInvestment, "sig.guaranteed_returns", SourceRulesLLM, ModelAnswered},
		{"model says safe, rules' medium stands, no reassurance shown", rules(LevelMedium, TypeCourier),
			Opinion{LevelNone, TypeNone, []string{"sig.genuine_warning"}},
			LevelMedium, TypeCourier, "", SourceRulesLLM, ModelAnswered},
		{"model lower, rules' low stands", rules(LevelLow, TypeNone),
			Opinion{LevelNone, TypeNone, []string{"sig.marketing_optout"}},
			LevelLow, TypeNone, "", SourceRulesLLM, ModelAnswered},
		{"model agrees on a warning, fills a missing type", rules(LevelMedium, TypeNone),
			Opinion{LevelMedium, TypeLoanCredit, []string{"sig.loan_fee"}},
			LevelMedium, TypeLoanCredit, "sig.loan_fee", SourceRulesLLM, ModelAnswered},
		{"model agrees on none", rules(LevelNone, TypeNone),
			Opinion{LevelNone, TypeNone, []string{"sig.genuine_warning"}},
			LevelNone, TypeNone, "", SourceRulesLLM, ModelAnswered},
		{"invalid model type is dropped", rules(LevelLow, TypeNone),
			Opinion{LevelHigh, Type("made_up"), []string{"sig.transfer"}},
			LevelHigh, TypeNone, "sig.transfer", SourceRulesLLM, ModelAnswered},
		{"level out of range is no answer", rules(LevelLow, TypeNone),
			Opinion{Level(7), TypeCourier, []string{"sig.transfer"}},
			LevelLow, TypeNone, "", SourceRules, ModelUnavailable},
		{"negative level is no answer", rules(LevelMedium, TypeCourier),
			Opinion{Level(-1), TypeNone, []string{"sig.genuine_warning"}},
			LevelMedium, TypeCourier, "", SourceRules, ModelUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Combine(tt.rules, tt.op)
			if got.Level != tt.wantLevel {
				t.Errorf("Level = %s, want %s", got.Level, tt.wantLevel)
			}
			if got.Type != tt.wantType {
				t.Errorf("Type = %q, want %q", got.Type, tt.wantType)
			}
			if got := strings.Join(got.ModelReasons, ","); got != tt.wantReason {
				t.Errorf("ModelReasons = %q, want %q", got, tt.wantReason)
			}
			if got.Source != tt.wantSource {
				t.Errorf("Source = %q, want %q", got.Source, tt.wantSource)
			}
			if got.ModelStatus != tt.wantStatus {
				t.Errorf("ModelStatus = %q, want %q", got.ModelStatus, tt.wantStatus)
			}
			if got.Score != tt.rules.Score || len(got.Signals) != len(tt.rules.Signals) || got.Lang != tt.rules.Lang {
				t.Errorf("Combine changed the rules' evidence: got score %v, %d signals, lang %q; want %v, %d, %q",
					got.Score, len(got.Signals), got.Lang, tt.rules.Score, len(tt.rules.Signals), tt.rules.Lang)
			}
		})
	}
}

// TestCombineNeverLowers checks the rule of combination over every pair of
// levels: whatever the model says, the result is never below the rules.
func TestCombineNeverLowers(t *testing.T) {
	for r := LevelNone; r <= LevelHigh; r++ {
		for m := Level(-2); m <= LevelHigh+2; m++ {
			got := Combine(Verdict{Level: r, Source: SourceRules}, Opinion{Level: m, Reasons: []string{"sig.genuine_warning"}})
			want := max(r, m)
			if m < LevelNone || m > LevelHigh {
				want = r
			}
			if got.Level != want {
				t.Errorf("Combine(rules %s, model %d).Level = %s, want %s", r, int(m), got.Level, want)
			}
		}
	}
}

// TestGreyBandShare measures how many messages of the dev datasets the rules
// would send to a model: the cost of the LLM fallback. It skips when the data
// is not there (it is outside the repository). Run it with
//
//	go test ./classifier -run TestGreyBandShare -v
//
// SCAMCHECK_DEV_DATA overrides the folder (default ../../shared/datasets/dev).
func TestGreyBandShare(t *testing.T) {
	dir := os.Getenv("SCAMCHECK_DEV_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "datasets", "dev")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if len(files) == 0 {
		t.Skipf("no dev datasets in %s", dir)
	}
	c, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	// leadOnly counts grey messages the rules call none, sent only for a
	// lead (a link, a handle, a number, an amount or an ask); greyRunes
	// sums the grey messages' length (cost per call).
	// missed counts scams the classifier leaves below medium, missedSent
	// those of them the model is asked about.
	type count struct{ rows, grey, high, leadOnly, greyRunes, missed, missedSent int }
	var all count
	for _, f := range files {
		byLabel := map[string]*count{}
		var total count
		fh, err := os.Open(f)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
		for sc.Scan() {
			var row struct {
				Text  string `json:"text"`
				Label string `json:"label"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			lc := byLabel[row.Label]
			if lc == nil {
				lc = &count{}
				byLabel[row.Label] = lc
			}
			v := c.Classify(row.Text)
			grey := NeedsSecondOpinion(v, row.Text)
			for _, k := range []*count{lc, &total, &all} {
				k.rows++
				if grey {
					k.grey++
					k.greyRunes += min(utf8.RuneCountInString(row.Text), 2000)
					if v.Level == LevelNone {
						k.leadOnly++
					}
				}
				if v.Level == LevelHigh {
					k.high++
				}
				if row.Label == "scam" && !v.Level.Flagged() {
					k.missed++
					if grey {
						k.missedSent++
					}
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		fh.Close()
		labels := make([]string, 0, len(byLabel))
		for l := range byLabel {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		logCount(t, filepath.Base(f), total)
		for _, l := range labels {
			logCount(t, "  "+l, *byLabel[l])
		}
	}
	logCount(t, "all", all)
}

func logCount(t *testing.T, name string, k struct{ rows, grey, high, leadOnly, greyRunes, missed, missedSent int }) {
	t.Helper()
	avg := 0
	if k.grey > 0 {
		avg = k.greyRunes / k.grey
	}
	t.Logf("%-18s rows %5d  grey %5d (%5.1f%%)  of which none but a lead %5d  avg grey length %4d runes  high %5d  missed scams sent %d/%d",
		name, k.rows, k.grey, pct(k.grey, k.rows), k.leadOnly, avg, k.high, k.missedSent, k.missed)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// FuzzNeedsSecondOpinion: for any text, a high verdict is never sent and a
// text without letters or digits is never sent.
func FuzzNeedsSecondOpinion(f *testing.F) {
	for _, s := range []string{"", "call 0207 946 0000 now", "https://x.test", "汇款到安全账户", "\xff\xfe 12-34-56-78"} {
		f.Add(s, 1.0)
	}
	f.Fuzz(func(t *testing.T, text string, w float64) {
		sig := []Signal{{ID: "x", Weight: w}}
		if NeedsSecondOpinion(Verdict{Level: LevelHigh, Signals: sig}, text) {
			t.Errorf("high verdict sent for %q", text)
		}
		none := Verdict{Level: LevelNone, Signals: sig}
		if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 &&
			(NeedsSecondOpinion(Verdict{Level: LevelMedium, Signals: sig}, text) || NeedsSecondOpinion(none, text)) {
			t.Errorf("text without letters or digits sent: %q", text)
		}
		if w > 0 && !trivial(text) && !NeedsSecondOpinion(none, text) {
			t.Errorf("a rule signal is an ask, but %q with weight %v was not sent", text, w)
		}
	})
}
