package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// TestOwnWordsRoundNineteen: the person's own words that got an answer
// saying nothing was wrong, or a verdict on their words, in round
// nineteen's blind conversations and first lines (two writers who read
// only the seed reports), in my own words. Each turn's first text key is
// what is checked; the turns before the last set the conversation up.
// Rows that passed before the round guard what must not change.
func TestOwnWordsRoundNineteen(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		// Papers, an app or an account handed over, then "no money went":
		// not "Good, nothing is lost".
		{locales.EN, []string{"a man from the consulate said my passport was used in a crime", "he wanted a photo of my passport so i sent him one", "i didn't send any money though"}, "understand.none_but_gave"},
		{locales.ZH, []string{"我妈接到一个电话说是银行客服", "对方让她下了一个会议软件 开了共享屏幕", "后来她觉得不对挂了 一分钱没转"}, "understand.none_but_gave"},
		{locales.ZH, []string{"我把身份证号和出生日期都告诉他了 不过钱一分没给"}, "paid.id.now"},
		// Nothing handed over: nothing is lost stays the answer.
		{locales.EN, []string{"a man from the consulate said my passport was used in a crime", "i didn't send any money"}, "none.steps"},
		// A card payment the person did not make: the bank blocks and
		// disputes it.
		{locales.EN, []string{"i never made that purchase on my card, what do i do"}, "understand.q.unknown_charge"},
		{locales.ZH, []string{"银行卡上有一笔不是我消费的扣款 怎么办"}, "understand.q.unknown_charge"},
		{locales.ZH, []string{"我那天一直在家 根本没刷卡 怎么会有这笔"}, "understand.q.unknown_charge"},
		{locales.EN, []string{"is my card info leaked? an email says my card was used at a restaurant i never went to"}, "understand.q.unknown_charge"},
		{locales.ZH, []string{"卡被盗了吗 账单上有一笔在我没去过的商场消费的两千"}, "understand.q.unknown_charge"},
		// A relative's call about a pension, typed for them: tell them to
		// hang up and send nothing (before, "is this a message?").
		{locales.EN, []string{"typing this for my grandad, someone rang him about his pension"}, "understand.family.them"},
		// A refusal, and 盗刷 told by a caller, are not that.
		{locales.ZH, []string{"他说我的社保卡被盗刷了 要我配合警察调查"}, "understand.threatened.rule"},
		// A caller's words quoted and told: the rule for the threat.
		{locales.EN, []string{"\"you'll be deported within 24 hours\" that's what he keeps telling me"}, "understand.threatened.rule"},
		{locales.EN, []string{"\"your visa will be cancelled tonight\" is what the officer keeps saying on the phone"}, "understand.story_asks"},
		// Someone met online, told with the I dropped.
		{locales.EN, []string{"matched with a guy on tinder, we have not met yet, he is an engineer on a ship"}, "understand.romance"},
		// A question about what was told, mid-story.
		{locales.EN, []string{"my aunt joined a trading group run by a teacher", "is it possible the group is real? they have hundreds of members"}, "understand.q.real_after"},
		// Papers of an office sent by a stranger.
		{locales.EN, []string{"someone sent me a police notice with my name on whatsapp, do i have to answer"}, "understand.threatened.rule"},
		// "Not done it yet" under a threat still going on.
		{locales.EN, []string{"the officer says i need to undress on camera for the body check", "i havent done it yet"}, "understand.story_asks"},
		// What to tell the old people at home.
		{locales.EN, []string{"our residents' committee put up a poster about scams, what should my grandparents know"}, "share.title"},
	})
}

// TestChargeAlertNote: a card payment alert with no warning signs gets,
// under the verdict, what to do if the payment was not the person's; other
// messages, and alerts with warning signs, do not (round nineteen).
func TestChargeAlertNote(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		level      classifier.Level
		want       bool
	}{
		{locales.ZH, "【某银行】您尾号0417的借记卡12月3日网上支付2,980.00元，若非本人操作请拨打卡背面客服电话。", classifier.LevelNone, true},
		{locales.EN, "Northway Bank: was this you? A card payment of £310.50 to TRAVELHUB LTD. Reply Y or N. We will never ask for your PIN.", classifier.LevelNone, true},
		{locales.EN, "Northway Bank: your statement for November is ready in the app.", classifier.LevelNone, false},
		{locales.EN, "Northway Bank: was this you? A payment of £310.50. If not, call 0800 000 000 now to cancel it.", classifier.LevelHigh, false},
	} {
		s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: tt.lang})
		_, replies := Step(s, Event{Kind: EventText, Text: tt.text, Verdict: classifier.Verdict{Level: tt.level}, Forwarded: true})
		got := false
		for _, r := range replies {
			for _, x := range r.Texts {
				got = got || x.Key == "verdict.none.charge"
			}
		}
		if got != tt.want {
			t.Errorf("%q at %v: got the note %v, want %v", tt.text, tt.level, got, tt.want)
		}
	}
}

// TestSignsToldRoundNineteen: round nineteen's second pair of blind sets
// (an elderly parent's voice typing, the hardest first lines), in my own
// words: a kidnapping's signs, a code or a card number read out, a
// relative not reached, something given beside "no money", a relative's
// words quoted, a caller's number said to match. Each got "is this a
// message?" or an answer saying nothing was wrong.
func TestSignsToldRoundNineteen(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		{locales.ZH, []string{"刚收到陌生人发的视频 我儿子被蒙着眼睛"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{"the officer wants me to find somewhere private so he can supervise me"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"我把位置共享给了那个警官 他说要随时知道我在哪"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"对方说要核实身份 发了个验证码过来 我就念给他了"}, "paid.now"},
		{locales.EN, []string{"no money went, i only read him the code from the text"}, "paid.now"},
		{locales.ZH, []string{"没给钱 就是把我爸妈的电话告诉他了"}, "understand.q.address_only"},
		{locales.ZH, []string{"没点链接 但是回了他一句"}, "understand.q.replied"},
		{locales.ZH, []string{"我妈跟我说“我又没转钱，就把卡号和有效期报给他了，能有啥事”，是这样吗"}, "paid.now"},
		{locales.EN, []string{"my dad goes \"I didn't pay a thing, I only told him the card number and the expiry date\" is he ok?"}, "paid.now"},
		{locales.ZH, []string{"儿子手机一直关机 我好着急"}, "understand.family.call_first"},
		{locales.EN, []string{"dad says the caller's number matched the one on the police website, so it must be real"}, "understand.q.spoofed"},
		// Round nineteen's third pair of writers (students abroad mid-way,
		// first lines of every kind).
		{locales.EN, []string{"i read out the 4 digit code to the guy from the bank"}, "paid.now"},
		{locales.EN, []string{"text said a parcel is stuck and i need to pay duty on a link, but i havent ordered anything"}, "understand.q.real"},
		{locales.EN, []string{"they said i am implicated in a smuggling case and there is a case file on me"}, "understand.threatened.rule"},
		{locales.EN, []string{"the number that called me was literally the consulate's number on their website"}, "understand.q.spoofed"},
		{locales.ZH, []string{"我打他微信视频 他秒挂 说在开会不方便接电话 只能打字"}, "understand.story_asks"},
		{locales.ZH, []string{"我问了他室友 说他昨天收拾了行李出去了 一直没回来"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{"he says my old student loan account on JD must be closed or it will hurt my credit record"}, "understand.q.credit_fear"},
		// Round nineteen's last pair of writers (the minutes after; one
		// sentence of what was given or not).
		{locales.EN, []string{"my online gf keeps pushing me to invest on a gold platform, i refused, sent nothing"}, "understand.romance"},
		{locales.EN, []string{"a first year told me the police make him report his location every hour"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{"a man from the consulate is on the phone with my mum", "she just said \"ok i will not tell my son about this\""}, "understand.story_asks"},
		{locales.ZH, []string{"他让我加公安的微信 继续做笔录"}, "understand.threatened.rule"},
		{locales.ZH, []string{"有个陌生号码一直打视频过来", "现在还在响"}, "oncall.hangup"},
		{locales.ZH, []string{"短信里有个链接", "我点了"}, "understand.link_opened"},
		{locales.EN, []string{"my cousin got a call saying he was arrested", "his phone is off now"}, "understand.family.call_first"},
		// The round's last writers (every way of typing; older people's
		// voice typing).
		{locales.ZH, []string{"有个人打视频叫我眨眨眼睛 张张嘴 说是社保认证"}, "paid.id.now"},
		{locales.EN, []string{"the caller had me blink and turn my head on camera to verify my identity"}, "paid.id.now"},
		{locales.ZH, []string{"他让我在担保书上签个字拍给他 说我外孙就能取保出来"}, "understand.family.call_first"},
		{locales.EN, []string{"my sister says the shanghai police told her she is a suspect and she keeps paying them, she won't listen to me"}, "understand.q.wont_listen"},
		// Typed about someone else (the round's last first lines), and
		// a pay-for-likes job asked about.
		{locales.ZH, []string{"我同学最近谁的消息都不回 她说自己在配合办案不能说"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"有个陌生人加了我外公 每天问候 最近说有内部渠道能带他赚钱"}, "understand.q.invest_offer"},
		{locales.EN, []string{"my grandad got added to a trading group on whatsapp, the teachers post picks every morning and he made some already"}, "understand.q.invest_offer"},
		{locales.ZH, []string{"一个学弟说接到“领事馆”电话 要先核对银行卡才能领文件"}, "understand.threatened.rule"},
		{locales.EN, []string{"the caller sent my flatmate a site to check her wanted status and her photo was on it"}, "understand.threatened.rule"},
		{locales.ZH, []string{"网上看到一个兼职 关注账号截图就返现 靠谱吗"}, "understand.q.task_job"},
		// Said the wrong way round (the round's last first lines).
		{locales.ZH, []string{"真棒 啥事没有 就是账户被清空了"}, "paid.now"},
		{locales.EN, []string{"great, nothing happened, except my account is empty now"}, "paid.now"},
		{locales.ZH, []string{"网址我点开了 不过啥也没输"}, "understand.link_opened"},
		{locales.EN, []string{"police arrested the gang, dad thinks someone will call him to return his money"}, "understand.q.recovery"},
		{locales.EN, []string{"i asked if he was really an officer and he sent me a picture of his police id"}, "understand.q.fake_id"},
		// What a search found is no "nothing happened".
		{locales.EN, []string{"i googled the trading site and found nothing except its own page. the 5k was my rent money"}, "understand.unclear"},
		{locales.EN, []string{"my online gf keeps pushing me to put money in her crypto app, i refused, sent nothing"}, "understand.romance"},
		// A partner's words quoted, then defended.
		{locales.ZH, []string{"他发消息说“相信我宝贝，这笔交了我们就能一起提现去度假”，他不是那种人"}, "understand.romance"},
		// A link not opened stays nothing done.
		{locales.ZH, []string{"我没有点开链接 也没回"}, "understand.none_start"},
		// A code kept stays nothing lost (since round twenty in the
		// hang-up's own answer).
		{locales.ZH, []string{"他让我念验证码 我没念 直接挂了"}, "understand.q.hung_up"},
	})
}
