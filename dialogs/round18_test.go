package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// TestOwnWordsRoundEighteen: the person's own words that got an answer
// saying nothing was wrong, or "is this a message?", in round eighteen's
// blind conversations and first lines (fourteen writers who read only the
// seed reports), in my own words. Each turn's first text key is what is
// checked; the turns before the last set the conversation up. Rows that
// passed before the round guard what must not change.
func TestOwnWordsRoundEighteen(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		// Money about to go, typed by the person: wait and check first,
		// not "no known warning signs".
		{locales.EN, []string{"was about to transfer the deposit in 5 mins, my flatmate says just do it"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"she says pay by tonight, im going to send it now"}, "understand.q.about_to_pay"},
		{locales.ZH, []string{"我等会儿就转过去 他说今天必须交"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"im not going to pay them anything"}, "understand.unclear"},
		// A relative about to pay keeps the relative's answer.
		{locales.EN, []string{"my dad is about to send money to a guy who says hes from the embassy"}, "understand.family.oncall"},
		// A student who vanished, told by a volunteer; told to hide
		// alone: virtual kidnapping.
		{locales.EN, []string{"one of our students hasnt answered anyone since friday, her flatmate says she packed a bag and left"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"我还没给钱 他刚才让我找个没人的房间"}, "understand.q.explain_kidnap"},
		// With the video call on, hanging up comes first.
		{locales.ZH, []string{"我还没给钱 他刚才让我找个没人的房间开着视频"}, "oncall.hangup"},
		// What to do first, asked after a loss.
		{locales.EN, []string{"whats the order of things, police first or bank first?"}, "understand.q.report"},
		{locales.ZH, []string{"先报警还是先找银行"}, "understand.q.report"},
		// A payment promised a result is no payment.
		{locales.ZH, []string{"他说交五万保证金 交了就不抓我"}, "understand.threatened.rule"},
		// Calls going on from new numbers after a block.
		{locales.EN, []string{"blocked the number but now they keep calling from different numbers"}, "understand.q.unknown_calls"},
		{locales.EN, []string{"got a call, hung up, then they called again from another number"}, "understand.q.unknown_calls"},
		// A flat far below the going rate.
		{locales.EN, []string{"looking at a studio near uni, only £600/month which is super cheap for the area"}, "understand.q.rental"},
		// A remark about "him" in the middle of a story is a piece of
		// it, however long: never judged as a message. At the place
		// question, what to hold back meanwhile, and the place again.
		{locales.EN, []string{"i bought two gift cards for my manager and sent him the codes", `hold on, his profile name says "Tom Reed" but everyone at work calls him Thomas Reedman`}, "understand.q.country.meanwhile"},
		{locales.ZH, []string{"我已经转了两万", "他说五分钟内不补 账户就清零"}, "understand.q.country.meanwhile"},
		{locales.EN, []string{"i already sent her 300 dollars", "shes crying on voice msg rn. should i send more?"}, "understand.q.country.meanwhile"},
		{locales.EN, []string{"i already sent her 300 dollars", "why do you need that"}, "understand.q.country"},
		// A "why" that asks something else keeps its own answer.
		{locales.ZH, []string{"我已经转了两万", "为什么他们知道我的护照号"}, "understand.q.leaked_knows"},
		// Questions about what offices, employers and landlords do.
		{locales.EN, []string{"is it normal that a job asks me to pay for training first"}, "understand.q.job_fee"},
		{locales.EN, []string{"does the bank ever ask for my pin over the phone"}, "understand.q.safe_to_give"},
		{locales.EN, []string{"is it a scam if the landlord wants the deposit before I've even seen the flat?"}, "understand.q.rental"},
		{locales.ZH, []string{"房东没见面就让先交押金 正常吗"}, "understand.q.rental"},
		{locales.ZH, []string{"银行会不会打电话问验证码"}, "understand.q.safe_to_give"},
		{locales.ZH, []string{"公安会不会打电话让人转账"}, "understand.q.officials"},
		// A relative's caller and a classmate's claim.
		{locales.ZH, []string{"我妈最近老接到自称京东客服的电话"}, "understand.q.unknown_calls"},
		{locales.ZH, []string{"我爸问能不能把钱借给一个说自己是我同学的人"}, "understand.q.really_them"},
		// Nothing sent yet, and the person defends someone met online:
		// how the long con works, not "Good, nothing is lost".
		{locales.EN, []string{"i havent sent him anything yet. hes been really kind to me, i dont want to accuse him"}, "understand.romance"},
		{locales.ZH, []string{"钱还没转 他对我真的很好 我不想冤枉他"}, "understand.romance"},
		// "Nothing" said of someone else, or of a meeting that never
		// happened, is not "nothing happened" (the second blind pair of
		// writers): a kidnapping told and a romance's ask.
		{locales.ZH, []string{"女儿在英国 说警察让她一个人住酒店 手机要关机 让我打三十万过去 她说她没事叫我别问"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"网恋的男朋友说在机场被扣了要交罚款 让我先帮他垫一万五 我们还没见过面"}, "understand.romance"},
		{locales.ZH, []string{"对方问我有几张银行卡 每张余额多少 我还没说"}, "understand.story_asks"},
		{locales.EN, []string{"i didnt do anything wrong i just lent it to him for a week"}, "understand.q.mule"},
		{locales.EN, []string{"met a guy on instagram @gold.trader.leo, he lives in singapore and trades gold and crypto"}, "understand.romance"},
		{locales.EN, []string{"my balance says 60k but to withdraw need pay 15% tax first"}, "understand.withdraw"},
		// A flat told in the person's own words, whose "a month" reads
		// like an ad's; the keys by courier once paid.
		{locales.EN, []string{"found a 1 bed near campus for $800 a month which is crazy cheap"}, "understand.q.rental"},
		{locales.EN, []string{"she says she'll courier the keys once i pay the deposit"}, "understand.q.rental"},
		// What a page said, told mid-story, is no message to check.
		{locales.EN, []string{"i typed my card number and the code into the page", `then it said "payment verified successfully"`}, "understand.q.country.meanwhile"},
		// The elders' blind conversations: money being got together,
		// a link told, a relative's story opened, "not yet" right after
		// the rule for fake police.
		{locales.ZH, []string{"还没转呢 我儿子去借钱了"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"not sent yet, my husband went to get the cash"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"then they texted me a link fine-pay-visa.top and said pay today"}, "understand.q.link_alone"},
		{locales.ZH, []string{"他们又发了个链接 让我点进去交保证金"}, "understand.q.link_alone"},
		{locales.EN, []string{"typing this for my mum, she is 76 and lives in Wuhan, my brother studies in Sydney"}, "understand.unclear"},
		{locales.ZH, []string{"刚才有个公安打电话说我涉嫌洗钱 要我配合调查", "我还没转 我在湖南岳阳"}, "understand.story_asks"},
		// A relative about to withdraw cash keeps the relative's answer.
		{locales.ZH, []string{"我爸要去银行取钱给一个快递员"}, "understand.family.oncall"},
		// The last blind pair: a caller's promise that nothing bad
		// happens, a student hiding things from her teacher, not yet
		// with a deadline, someone met online pushing a platform, a
		// volunteer's talk.
		{locales.EN, []string{"he promised nothing bad happens to me, i just post my card and sim to him"}, "understand.q.mule"},
		{locales.EN, []string{"one of my students missed classes all week and keeps leaving the room with her phone"}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"我还没操作 他说下午3点前不弄就来不及了"}, "understand.story_asks"},
		{locales.ZH, []string{"在探探上认识一个说在香港做基金的 一直让我上他的平台 我还没投"}, "understand.romance"},
		{locales.EN, []string{"what are the key rules to put on one slide for our freshers"}, "share.title"},
		{locales.EN, []string{"who should students contact if it happens here?"}, "where.ask"},
		// The final blind pair: a volunteer's student hiding in a hotel
		// under "police" orders, a voice call still on, a call told with
		// its number, a practice refused by a buyer, a group's fee by QR.
		{locales.EN, []string{"one of our freshers hasnt been to class all week, her flatmate says she moved into a hotel"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{`i reached him for a minute, he said "i cant talk, its a police matter in china, i signed confidentiality"`}, "understand.q.explain_kidnap"},
		{locales.ZH, []string{"我现在还跟他语音着 他说挂了就算逃避调查"}, "oncall.hangup"},
		{locales.EN, []string{"weird call just now from 0161 555 0199"}, "understand.q.unknown_calls"},
		{locales.EN, []string{"buying a used laptop off someone on facebook, they want paypal friends and family. sus?"}, "understand.q.marketplace"},
		{locales.EN, []string{"a member keeps transferring to the fake police, she wont listen to us"}, "understand.q.wont_listen"},
		// The last two blind sets: pressed to pay now, a payment's
		// promised "nothing happens", a named offer asked about, a
		// screen moving by itself with no money seen going yet.
		{locales.ZH, []string{"急 对方一直催我转账"}, "understand.story_asks"},
		{locales.ZH, []string{"他让我马上转五万过去 说是保证金 交了就没事了"}, "understand.q.about_to_pay"},
		{locales.EN, []string{`is "like videos and earn" a real job?`}, "understand.unclear"},
		{locales.EN, []string{`is paying "guarantee money" to the police an actual thing in china?`}, "understand.q.officials"},
		{locales.EN, []string{"met a guy on hinge, says he works in finance in hong kong, we text every day"}, "understand.romance"},
		{locales.ZH, []string{"有人打电话说是客服 让我下个会议软件 我下了 他还在电话上", "还没看到扣钱 我该先干嘛"}, "understand.story_asks"},
		// "有没有" asks; it is no "nothing happened".
		{locales.ZH, []string{"有没有懂炒币的 我想问问"}, "understand.unclear"},
		// The last blind pair: parents about to pay for a child who did
		// nothing wrong, a kidnapping told in pieces then "not yet", a
		// handle told mid-story, a loss asked about.
		{locales.EN, []string{`my parents want to pay 100k to the "court" to cancel my warrant, i've done nothing wrong. how do i stop them`}, "understand.q.wont_listen"},
		{locales.ZH, []string{"女儿在悉尼", "打不通", "有人发来视频 她被绑着", "要五十万", "我还没转"}, "understand.story_asks"},
		{locales.EN, []string{"i paid 400 to unlock my task earnings", "the coach @gold_team_amy said everyone has to do this"}, "understand.q.country.meanwhile"},
		{locales.EN, []string{"we reported it to the police in both countries. the money went to a bank in hong kong. can it be recovered?"}, "understand.q.refund"},
		// A caller who will ring again, a phishing page "just for fun",
		// a wire asked about, a volunteer's poster.
		{locales.ZH, []string{"他说明天上午再打给我 那我现在是不是没事了"}, "understand.story_asks"},
		{locales.EN, []string{"nothing happened yet, they said they'll call me back tomorrow at 9"}, "understand.story_asks"},
		{locales.ZH, []string{"点了短信里的链接 填了个手机号 没事吧"}, "paid.now"},
		{locales.EN, []string{"how long does a transfer to a hong kong account take from hsbc"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"one of our members hasnt shown up since monday, she packed a bag and said its police business"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{"we're making a poster about phone scams for freshers"}, "share.title"},
		// Still "nothing lost": refused and hung up, someone just pushy.
		// Since round twenty the hang-up's own answer, which says nothing
		// is lost if nothing was given and what to do when they call again.
		{locales.ZH, []string{"他让我转钱 我没转 直接挂了"}, "understand.q.hung_up"},
		// A fee asked in a parents' group: the warning about asks.
		{locales.ZH, []string{"群里老师让交资料费 扫码交 180"}, "understand.story_asks"},
	})
}

// TestInvitationToTheReaderIsChecked: a friend's pitch that asks its
// reader "你要不要…" is a message to check, not the person asking the bot
// what to do (round eighteen, set af).
func TestInvitationToTheReaderIsChecked(t *testing.T) {
	for _, text := range []string{
		"我表姐最近跟着一个老师做黄金，一周赚了两千多，你要不要也放一点试试？链接我发你",
		"been trading with my cousin's signals, up 30% this month, do you want to try it with me? ill send the invite link",
	} {
		if p := Understand(State{}, text, false); p.Intent != IntentCheck {
			t.Errorf("%q: got intent %s, want check", text, p.Intent)
		}
	}
}
