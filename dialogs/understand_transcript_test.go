package dialogs

import (
	"path/filepath"
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/golden"
	"github.com/scamcheck/scamcheck/locales"
)

// Scam texts written for these transcripts; the verdicts are what the
// engine would hand over.
const (
	embassyScamEN = "Chinese Embassy notice: your passport is linked to a money laundering case. Call officer Wang back today and keep this confidential, or your visa will be cancelled."
	embassyScamZH = "【中国驻英国大使馆】您的护照涉嫌一起洗钱案件，请今天回电王警官配合调查，并对家人保密，否则将注销您的签证。"
	parcelScamEN  = "Royal Mail: your parcel could not be delivered. Pay the £1.99 fee to rebook: rm-redeliver-uk.top"
	parcelScamZH  = "【顺风快递】您的包裹地址异常无法派送，请点击 sf-kuaidi-cn.top 补缴1.99元运费。"
)

var (
	embassyVerdict = verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.authority", "sig.secrecy")
	parcelVerdict  = verdict(classifier.LevelMedium, classifier.TypeCourier, "sig.transfer")
)

// understandScripts are the conversations of issue 11, in each language's
// own words: the person answers in words, tells what happened, asks, or
// presses an old button.
var understandScripts = []struct {
	name string
	acts map[string][]action
}{
	{"words_paid_after_verdict", map[string][]action{
		"en": {fwd(embassyScamEN, embassyVerdict), msg("I already paid 2000", classifier.Verdict{})},
		"zh": {fwd(embassyScamZH, embassyVerdict), msg("我已经转账了", classifier.Verdict{})},
	}},
	{"words_on_call_after_verdict", map[string][]action{
		"en": {fwd(embassyScamEN, embassyVerdict), msg("he is still on the phone", classifier.Verdict{})},
		"zh": {fwd(embassyScamZH, embassyVerdict), msg("他还在电话上", classifier.Verdict{})},
	}},
	{"words_app_after_verdict", map[string][]action{
		"en": {fwd(parcelScamEN, parcelVerdict), msg("i shared my screen with them", classifier.Verdict{})},
		"zh": {fwd(parcelScamZH, parcelVerdict), msg("屏幕共享开过", classifier.Verdict{})},
	}},
	{"words_nothing_after_verdict", map[string][]action{
		"en": {fwd(parcelScamEN, parcelVerdict), msg("nothing happened", classifier.Verdict{})},
		"zh": {fwd(parcelScamZH, parcelVerdict), msg("都没有", classifier.Verdict{})},
	}},
	{"words_thanks_after_verdict", map[string][]action{
		"en": {fwd(embassyScamEN, embassyVerdict), msg("thanks", classifier.Verdict{}), msg("👍", classifier.Verdict{})},
		"zh": {fwd(embassyScamZH, embassyVerdict), msg("好的谢谢", classifier.Verdict{}), msg("👍", classifier.Verdict{})},
	}},
	{"words_question_yes_after_verdict", map[string][]action{
		"en": {fwd(embassyScamEN, embassyVerdict), msg("what should I do?", classifier.Verdict{}), msg("yes", classifier.Verdict{})},
		"zh": {fwd(embassyScamZH, embassyVerdict), msg("怎么办", classifier.Verdict{}), msg("是", classifier.Verdict{})},
	}},
	{"first_message_paid", map[string][]action{
		"en": {cmd("start", ""), msg("I think I've been scammed, I sent 5000 dollars to them", classifier.Verdict{})},
		"zh": {cmd("start", ""), msg("我刚刚转了两万块给一个自称领事馆的人", verdict(classifier.LevelMedium, classifier.TypeImpersonateOfficial, "sig.authority"))},
	}},
	{"first_message_threatened", map[string][]action{
		"en": {cmd("start", ""), msg("a guy called saying he's from the chinese embassy and my passport was used for money laundering", verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.authority"))},
		"zh": {cmd("start", ""), msg("刚才有个电话说我护照涉嫌洗钱 要我配合调查", verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.authority"))},
	}},
	{"question_at_start", map[string][]action{
		"en": {cmd("start", ""), msg("help", classifier.Verdict{}), msg("can I get my money back?", classifier.Verdict{})},
		"zh": {cmd("start", ""), msg("我被骗了怎么办", classifier.Verdict{}), msg("钱还能追回来吗", classifier.Verdict{})},
	}},
	{"smalltalk_and_unclear_at_start", map[string][]action{
		"en": {cmd("start", ""), msg("hi", classifier.Verdict{}), msg("😭😭", classifier.Verdict{}), msg("umm the thing from before", classifier.Verdict{})},
		"zh": {cmd("start", ""), msg("你好", classifier.Verdict{}), msg("😭", classifier.Verdict{}), msg("就是之前那个事情", classifier.Verdict{})},
	}},
	{"stale_paid_press", map[string][]action{
		"en": {fwd(embassyScamEN, embassyVerdict), fwd(parcelScamEN, parcelVerdict), pressOld("a:paid")},
		"zh": {fwd(embassyScamZH, embassyVerdict), fwd(parcelScamZH, parcelVerdict), pressOld("a:paid")},
	}},
	{"typed_buttons", map[string][]action{
		"en": {fwd(parcelScamEN, parcelVerdict), msg("Warn my family", classifier.Verdict{}), msg("menu", classifier.Verdict{}), msg("help numbers", classifier.Verdict{}), msg("中文", classifier.Verdict{})},
		"zh": {fwd(parcelScamZH, parcelVerdict), msg("提醒家人", classifier.Verdict{}), msg("菜单", classifier.Verdict{}), msg("求助电话", classifier.Verdict{}), msg("English", classifier.Verdict{})},
	}},
	{"about_visa_bye", map[string][]action{
		"en": {cmd("start", ""), msg("what can you do?", classifier.Verdict{}), msg("what about my visa", classifier.Verdict{}), msg("ok thanks bye", classifier.Verdict{})},
		"zh": {cmd("start", ""), msg("你能做什么", classifier.Verdict{}), msg("我的签证怎么办", classifier.Verdict{}), msg("明白了，谢谢", classifier.Verdict{}), msg("拜拜", classifier.Verdict{})},
	}},
	{"family_call", map[string][]action{
		"en": {cmd("start", ""), msg("my grandma got a call saying my cousin was arrested and needs bail", verdict(classifier.LevelMedium, classifier.TypeVirtualKidnapping, "sig.kidnap")), press("f:paid")},
		"zh": {cmd("start", ""), msg("我奶奶接到一个电话说她孙子被抓了", verdict(classifier.LevelMedium, classifier.TypeVirtualKidnapping, "sig.kidnap")), press("f:paid")},
	}},
	{"family_about_me", map[string][]action{
		"en": {cmd("start", ""), msg("My mum got a call saying I was kidnapped", verdict(classifier.LevelMedium, classifier.TypeVirtualKidnapping, "sig.kidnap")), press("f:paid:me")},
		"zh": {cmd("start", ""), msg("我妈接到电话说我被绑架了", verdict(classifier.LevelMedium, classifier.TypeVirtualKidnapping, "sig.kidnap")), press("f:paid:me")},
	}},
	// The call was about the relative's own money, not about someone in
	// trouble: nobody else to call, so they hang up and check themselves.
	{"family_own_call", map[string][]action{
		"en": {cmd("start", ""), msg("my dad got a call saying his bank account was used for money laundering and he has to move his savings to a safe account", verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.safe_account")), press("f:paid")},
		"zh": {cmd("start", ""), msg("我妈刚收到一个电话说她医保卡被冻结了要转账到安全账户", verdict(classifier.LevelHigh, classifier.TypeImpersonateOfficial, "sig.safe_account")), press("f:paid")},
	}},
	{"family_paid", map[string][]action{
		"en": {cmd("start", ""), msg("my dad already sent them money", classifier.Verdict{}), press("share")},
		"zh": {cmd("start", ""), msg("我爸已经把钱转给他们了", classifier.Verdict{}), press("share")},
	}},
	// An account taken over: the person's own (lock it, warn contacts,
	// the bank if money or codes went out), then a friend's account
	// asking for money (call the friend first; sent already: the bank).
	{"account_own_then_friend", map[string][]action{
		"en": {cmd("start", ""), msg("someone hacked my wechat and is asking my friends for money", classifier.Verdict{}), msg("my roommates whatsapp just asked me to lend her 200", verdict(classifier.LevelMedium, classifier.TypeImpersonateAcquaintance, "sig.transfer")), press("a:paid")},
		"zh": {cmd("start", ""), msg("我的微信被盗了，有人用我的号找朋友借钱", classifier.Verdict{}), msg("我室友的微信刚找我借两千", verdict(classifier.LevelMedium, classifier.TypeImpersonateAcquaintance, "sig.transfer")), press("a:paid")},
	}},
	// Papers given without money: report them, no bank step; a number
	// asked about is never vouched for, and anger gets an apology.
	{"passport_photo_number_anger", map[string][]action{
		"en": {cmd("start", ""), msg("they have a photo of my passport", classifier.Verdict{}), msg("the embassy number they gave is +44 20 7946 0000, is it real?", classifier.Verdict{}), msg("you are useless", classifier.Verdict{})},
		"zh": {cmd("start", ""), msg("我把护照照片发给他们了", classifier.Verdict{}), msg("他们给的大使馆电话是+44 20 7946 0000，是真的吗", classifier.Verdict{}), msg("没用", classifier.Verdict{})},
	}},
	{"none_verdict_no_bullets", map[string][]action{
		"en": {fwd("Your verification code is 402913. Do not share it with anyone.", verdict(classifier.LevelNone, classifier.TypePhishing, "sig.urgency"))},
		"zh": {fwd("【招商银行】您的验证码为402913，请勿泄露给任何人。", verdict(classifier.LevelNone, classifier.TypePhishing, "sig.urgency"))},
	}},
}

func TestUnderstandTranscripts(t *testing.T) {
	for _, sc := range understandScripts {
		for _, lang := range locales.Langs {
			name := sc.name + "_" + lang
			t.Run(name, func(t *testing.T) {
				got := runScript(t, sc.acts[lang], lang)
				golden.Compare(t, filepath.Join("testdata", "transcripts", "understand", name+".txt"), got)
			})
		}
	}
}
