package classifier

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestWarningCostume: a script that borrows a warning's slogan as its first
// or last sentence is judged without it and named (warning_costume); a real
// warning, a notice's closing disclaimer, a person's question and a
// person's retold story keep their verdict.
func TestWarningCostume(t *testing.T) {
	c := classifier(t)
	tests := []struct {
		name, text string
		costume    bool  // the verdict names the costume
		atLeast    Level // for a costume: the least level
	}{
		{"slogan header, then a safe account zh", "【反诈提醒】谨防电信诈骗，提高警惕。您好，这里是市公安局，您的身份证涉嫌洗钱，请把存款转到安全账户配合调查，不要告诉家人。", true, LevelHigh},
		{"a line of the person's, then the slogan and a task job zh", "转发：\n【防骗提醒】谨防电信诈骗，提高警惕。兼职刷单，日结300元，加微信 jz_6688 详聊。", true, LevelMedium},
		{"slogan first, then a courier fee link en", "Stay alert: scammers are everywhere these days. Your parcel is on hold at customs, pay the £2.99 release fee at parcel-release-uk.top today.", true, LevelMedium},
		{"slogan last, after a loan fee zh", "您的贷款已审批通过，放款前请先缴纳1000元解冻金到财务账户，联系专员微信 dk_5566。谨防诈骗，提高警惕！", true, LevelMedium},
		{"slogan aside last, after a task job en", "Earn $300 a day liking videos from home, message our manager on WhatsApp +44 7700 900123 to start. (Beware of scams - stay safe.)", true, LevelMedium},
		{"a denial copied under a kidnapper's script zh", "你儿子现在在我们手上，马上准备五万块，不许报警。任何人索要验证码都是诈骗，切勿泄露。", true, LevelHigh},
		{"a denial copied under a WhatsApp job lure en", "Earn $300 a day liking videos from home, message our manager on WhatsApp to start today. Never share your code with anyone.", true, LevelMedium},
		{"a bill that closes with a denial en", "Octopus Energy: your bill of £84.20 is due on 12 March and will be taken by direct debit. We will never ask for your card details by text.", false, LevelNone},
		{"a warning that keeps warning zh", "警方提醒：谨防诈骗。凡是自称公检法要求视频做笔录、转账到安全账户的都是骗子，请立即挂断并拨打110。", false, LevelNone},
		{"a warning that describes the script in the third person en", "Police warning: beware of the virtual kidnapping scam. Callers say a relative is being held and demand a ransom by wire. Try to reach the relative directly and call 911.", false, LevelNone},
		{"a code with a closing disclaimer zh", "【工商银行】验证码：604217，您正在进行网上支付，金额¥88.00。任何索要验证码的人都是骗子，切勿泄露。", false, LevelNone},
		{"a person asking about what follows zh", "这个是不是诈骗？有个人私信我说要卖二手电饭煲，让我先付定金。", false, LevelNone},
		{"a person's verdict on a story retold zh", "妈妈 你那个“领导”加你微信让你先垫付五万给他朋友，你先别动，打他办公室电话问一下。肯定是骗子。", false, LevelNone},
	}
	for _, tt := range tests {
		v := c.Classify(tt.text)
		named := len(v.Signals) > 0 && v.Signals[0].ID == costumeSignalID
		if named != tt.costume {
			t.Errorf("%s: got costume %v (level %s, %v), want %v", tt.name, named, v.Level, signalIDs(v), tt.costume)
		}
		if tt.costume && v.Level < tt.atLeast {
			t.Errorf("%s: got level %s (score %.1f, %v), want at least %s", tt.name, v.Level, v.Score, signalIDs(v), tt.atLeast)
		}
		checkSpans(t, tt.text, v)
	}
}

// TestCostumeDoesNotHideWrittenScams puts a warning's slogan before and
// after every scam of the project's written sets: most must still be
// flagged. Before the costume was taken off (2026-12-05), with the model,
// the same slogans left 1,370 of the 2,330 written scams flagged when put
// first and 1,845 when put last, the denial 1,534, a forwarded slogan
// ("转发：" on a line before it) 1,325; after, 2,179, 2,215, 1,782 and 2,173
// of the 2,303 flagged without them.
func TestCostumeDoesNotHideWrittenScams(t *testing.T) {
	c := classifier(t)
	files, err := filepath.Glob("testdata/messages/written_[a-k]*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no written sets: %v", err)
	}
	wear := map[string][4]string{
		"zh": {"【防骗提醒】谨防电信诈骗，提高警惕。", "谨防诈骗，提高警惕！", "验证码请勿泄露给他人，谨防诈骗。", "转发：\n"},
		"en": {"Fraud alert: scammers are active, stay vigilant. ", " Stay alert to fraud!", " Never share your code with anyone.", "Fwd:\n"},
	}
	var scams, plain, first, last, denial, forwarded int
	for _, f := range files {
		readJSONLines(t, f, func(n int, line []byte) {
			var r struct{ Text, Label, Lang string }
			if err := json.Unmarshal(line, &r); err != nil {
				t.Fatalf("%s:%d: %v", f, n, err)
			}
			if r.Label != "scam" || !c.Classify(r.Text).Level.Flagged() {
				return
			}
			w, ok := wear[r.Lang]
			if !ok {
				w = wear["en"]
			}
			scams++
			plain++
			if c.Classify(w[0] + r.Text).Level.Flagged() {
				first++
			}
			end := "。"
			if r.Lang != "zh" {
				end = "."
			}
			if c.Classify(r.Text + end + w[1]).Level.Flagged() {
				last++
			}
			if c.Classify(r.Text + end + w[2]).Level.Flagged() {
				denial++
			}
			if c.Classify(w[3] + w[0] + r.Text).Level.Flagged() {
				forwarded++
			}
		})
	}
	// A closing denial is what real notices close with too, so only a rest
	// that asks what no notice asks is judged alone: the floor is lower.
	for _, got := range []struct {
		where string
		n     int
		want  float64
	}{{"a slogan first", first, 0.9}, {"a slogan last", last, 0.9}, {"a denial last", denial, 0.75},
		{"a line of the person's, then a slogan", forwarded, 0.9}} {
		if share := float64(got.n) / float64(plain); share < got.want {
			t.Errorf("%s: %d of %d flagged scams still flagged (%.3f), want at least %.2f", got.where, got.n, plain, share, got.want)
		}
	}
	t.Logf("%d flagged scams: still flagged with a slogan first %d, last %d, a denial last %d, a forwarded slogan first %d",
		scams, first, last, denial, forwarded)
}
