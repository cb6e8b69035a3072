package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// TestOwnWordsRoundTwentyOne: the person's own words that got the wrong
// answer in round twenty-one (seen at the end of round twenty, and in its
// blind writers' conversations and first lines), in my own words. Each
// turn's first text key is what is checked. Rows that passed before the
// round guard what must not change.
func TestOwnWordsRoundTwentyOne(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		// An ask told, then answered: what was given decides.
		{locales.EN, []string{"she asked for my passport number and home address and i told her"}, "paid.id.now"},
		{locales.EN, []string{"they asked what my card number was and i told them"}, "paid.now"},
		{locales.EN, []string{"he asked for my address and i told him. is that bad"}, "understand.q.address_only"},
		{locales.ZH, []string{"她问我要护照号和家庭地址 我就告诉她了"}, "paid.id.now"},
		// Told no is no answer; told something else neither.
		{locales.EN, []string{"he asked for my passport number and i told him no"}, "understand.story_asks"},
		// A name asked about, quoted or not, is no message: "no known
		// warning signs" judged the name alone.
		{locales.EN, []string{"is 'Global Police Liaison Office' a real thing?"}, "understand.q.officials"},
		{locales.EN, []string{"is \"Global Police Liaison Office\" a real thing?"}, "understand.q.officials"},
		{locales.EN, []string{"is the Overseas Police Liaison Office a real thing?"}, "understand.q.officials"},
		// Money put into a platform, told as a total, is a loss: the
		// bank first; someone else's gets their bank's steps.
		{locales.EN, []string{"ive been on this trading site for a month", "now im about 9k in, half of it borrowed"}, "paid.now"},
		{locales.EN, []string{"so far ive recharged about 1200 to clear the negative balance"}, "paid.now"},
		{locales.EN, []string{"my roommate moved around 30k into that app her mentor gave her"}, "understand.family.paid.now"},
		{locales.ZH, []string{"前后一共投进去十二万了"}, "paid.now"},
		{locales.EN, []string{"im 20 in two weeks"}, "understand.unclear"},
		// A piece of a story still being told is no message: "no known
		// warning signs" judged the piece alone.
		{locales.EN, []string{"this guy from a dating app", "he runs a crypto group", "there are hundreds of people in the group and they all post their profits"}, "understand.pieces.more"},
		{locales.EN, []string{"my mum got a call", "the man sounds very polite and speaks slowly"}, "understand.pieces"},
		{locales.EN, []string{"a girl i met online", "we have never facetimed, her camera is \"broken\""}, "understand.romance"},
		// Told, not pasted (fresh89): a password typed into a form, a
		// deal moved off the platform, keys to be posted, a cheque with
		// the rest to send back. Were "is this a message?".
		{locales.ZH, []string{"扫了海报上的码 要我填学号和邮箱密码 我都填好了"}, "understand.q.change_password"},
		{locales.ZH, []string{"他说学校邮箱密码没填也行 我就没填"}, "understand.unclear"},
		{locales.ZH, []string{"二手群里有人卖显卡 让我直接支付宝转他 不走平台"}, "understand.q.marketplace"},
		{locales.EN, []string{"found a room on gumtree, the landlord is overseas and says he'll post the keys once i send the deposit"}, "understand.q.rental"},
		{locales.EN, []string{"a company sent me a cheque for 2500 and wants me to buy software from their vendor and send back the difference"}, "understand.q.overpaid"},
		// Older people's long first lines (fresh87): a card's number read
		// out before the caller hung up, a hang-up told with nothing
		// given, money put in by a husband, gold to be bought for a
		// collector.
		{locales.EN, []string{"The caller said he was from customs and wanted my card number to confirm who I am. I read it to him and he rang off."}, "paid.now"},
		{locales.EN, []string{"A recorded voice in Mandarin said my parcel was held. I simply hung up. I have given nothing. Is there anything else to do?"}, "understand.q.hung_up"},
		{locales.ZH, []string{"有个人打电话说是我孙子 要我打钱 我问他小名他就挂了 我没上当"}, "understand.q.hung_up"},
		{locales.EN, []string{"My wife has put in about 40,000 dollars on that trading site and cannot get it out."}, "understand.family.paid.now"},
		{locales.EN, []string{"The officer wants me to buy gold coins with my savings and keep them at home until his colleague collects them."}, "understand.q.at_bank"},
		// Pushing back (fresh86): papers given when asked, then a number
		// not called yet; the bot's answer doubted or shown; money put
		// in; an officer who adds the person on a chat app.
		{locales.ZH, []string{"他问我身份证号和住址 我都说了"}, "paid.id.now"},
		{locales.ZH, []string{"刚才有个自称大使馆的人打电话说我有文件要领", "他问我护照号和住址我都告诉他了", "他给的那个警官电话我还没打"}, "understand.none_but_gave"},
		{locales.ZH, []string{"有人打电话说是大使馆的 说我护照涉案", "你说号码能伪造 我不信 来电显示就是大使馆的号"}, "understand.q.number"},
		{locales.EN, []string{"my mum got a call from the chinese police", "i showed her your answer and she still believes him"}, "understand.q.real_after"},
		{locales.EN, []string{"ive already put in around 25k total"}, "paid.now"},
		{locales.EN, []string{"an officer from the beijing police added me on whatsapp"}, "understand.threatened.rule"},
		// Questions and crises typed as first lines (fresh91): a help
		// line, a warning to share, what real police do, kept on video
		// all day, a recovery firm, money changed privately.
		{locales.EN, []string{"is there a 24 hour hotline for chinese students in trouble abroad"}, "understand.q.report"},
		{locales.EN, []string{"im in the student union, could you write us a quick warning to post in our wechat group about fake embassy calls"}, "share.title"},
		{locales.EN, []string{"would the real chinese police ever call me on wechat video"}, "understand.q.officials"},
		{locales.EN, []string{"they make me keep the video on all day so they can monitor me"}, "oncall.hangup"},
		{locales.EN, []string{"a fund recovery company says they can get my 8000 back for a 10% fee"}, "understand.q.recovery"},
		{locales.ZH, []string{"找人私下换汇会不会被冻卡"}, "understand.q.currency_exchange"},
		// A long con's pieces (fresh90, fresh86): a teacher who trades
		// "with" the person on inside data, a relative's name known to
		// the caller, the bot quoted back with "u".
		{locales.ZH, []string{"有个人让我在一个平台开户 说有内幕消息 带着我一起操作"}, "understand.q.invest_offer"},
		{locales.EN, []string{"the caller knew his full name and his university"}, "understand.q.leaked_knows"},
		{locales.EN, []string{"someone from customer service called about my credit record", "u said they cant change credit records, how do u know that"}, "understand.q.real_after"},
		// An account opened in the person's name, told in Traditional
		// Chinese or English (fresh88): the steps for papers given.
		{locales.ZH, []string{"收到銀行email說信用卡已經批核 可是我根本沒申請過"}, "paid.id.now"},
		{locales.EN, []string{"i never opened a revolut account but today there's a welcome email saying my account is opened"}, "paid.id.now"},
		// Paying weighed, and a bare "no" right after the steps for a
		// relative said to be held (fresh92, fresh93): not "Good,
		// nothing is lost".
		{locales.ZH, []string{"有人说我儿子在医院要交押金", "没转 他给了个账号 我在想要不要先转一点"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"nothing sent yet but should i just pay half so they stop calling"}, "understand.q.about_to_pay"},
		{locales.ZH, []string{"刷单群的老师一直催我马上充值 要不要充"}, "understand.q.about_to_pay"},
		{locales.EN, []string{"someone sent us a video of our son tied up and wants money, we cant reach him", "no"}, "understand.story_asks"},
		// After "has any of these happened?" a "no" stays nothing lost.
		{locales.EN, []string{"a man from the embassy says my passport is in a case", "i hung up", "no"}, "none.steps"},
		// Something given, told beside a "nothing" or as a process
		// (fresh94): a card and its PIN posted, a chat login scanned
		// away, a linked payment, a bank login typed, a card's two
		// sides photographed, debits after a scan, a release fee, a
		// video for an "officer", a login confirmed, a friend's money
		// put in, a link tapped and closed.
		{locales.ZH, []string{"我没转账 他让我把新卡和密码一起寄给他们保管"}, "paid.now"},
		{locales.EN, []string{"the officer told me to post my credit card to an address so it can be checked"}, "paid.now"},
		{locales.ZH, []string{"没给密码 就是扫了他的二维码帮他辅助验证 然后微信掉线了"}, "account.lock"},
		{locales.ZH, []string{"没转钱 他让我开了个亲情付 绑了他给的号"}, "paid.now"},
		{locales.ZH, []string{"我没点短信链接 自己在浏览器打开的 输了网银密码"}, "paid.now"},
		{locales.ZH, []string{"只是把银行卡正反面都拍了给中介看"}, "paid.now"},
		{locales.ZH, []string{"我妈扫了个码领补贴 后来手机收到好几条扣款短信"}, "understand.family.paid.now"},
		{locales.EN, []string{"i havent lost anything, my balance shows 9k, i just need to pay a tax deposit before they release it"}, "understand.withdraw"},
		{locales.EN, []string{"the officer said he had to check for tattoos so i filmed myself"}, "understand.q.sextortion"},
		{locales.EN, []string{"the tax office email asked me to confirm my login and my tax number. i did that"}, "paid.now"},
		{locales.EN, []string{"is this trading site real? my friend put in around 15k and can only take out small amounts"}, "understand.family.paid.now"},
		{locales.EN, []string{"i tapped the link in that parcel text by mistake but closed it, didnt type anything"}, "understand.link_opened"},
		{locales.ZH, []string{"请把银行卡正反面拍照发给我们核实身份"}, "verdict.none"},
		// In the middle of it and for someone else (fresh95, fresh96):
		// gift card codes read out, a cheque deposited for a job, papers
		// sent with "no money involved", a card number and CVV typed
		// into a page.
		{locales.EN, []string{"a man from immigration says i must pay a fine in gift cards", "read 3 of the codes to him. the home office doesnt take apple cards does it"}, "understand.giftcard_paid"},
		{locales.EN, []string{"the company sent me a cheque for 2000 and i mobile deposited it this morning"}, "understand.q.overpaid"},
		{locales.EN, []string{"my sister sent a photo of her passport and a selfie to a recruiter, no money involved though"}, "paid.id.now"},
		{locales.EN, []string{"my flatmate typed her card number and cvv into a parcel redelivery page, no money gone yet"}, "understand.family.paid.now"},
		// Short first lines (fresh98): each told one step and was asked
		// "is this a message?", or told "Good. Forward a message".
		{locales.ZH, []string{"帮别人收了一笔钱 现在银行卡被冻了"}, "understand.q.mule"},
		{locales.EN, []string{"someone from the embassy just called me"}, "understand.threatened.rule"},
		{locales.EN, []string{"a guy on snap recorded me and wants 500"}, "understand.q.sextortion"},
		{locales.EN, []string{"is this crypto exchange legit"}, "understand.q.explain_pig"},
		{locales.EN, []string{"an agent says 10% off my tuition if i pay through him"}, "understand.q.tuition"},
		{locales.EN, []string{"the scammer keeps messaging me what should i reply"}, "understand.q.reply_q"},
		{locales.EN, []string{"she says shes held at customs and needs money to get through"}, "understand.romance"},
		{locales.EN, []string{"a guy on discord is selling a graphics card"}, "understand.unclear"},
		// Cash taken out for the caller (fresh97): stop first.
		{locales.ZH, []string{"他说我的社保号被暂停了 要我把钱存进比特币机", "我已经取了三千现金"}, "understand.q.at_bank"},
		// Answers in words (fresh100): a code read out beside an app
		// denied, a passport number told to a caller, a card's CVV typed
		// into a form beside a fee not paid, a visa agent's promise.
		{locales.ZH, []string{"没下载软件 但是我把短信验证码念给他了"}, "paid.now"},
		{locales.ZH, []string{"有人说是海关的 说我包裹里有银行卡", "我告诉他我身份证号了"}, "paid.id.now"},
		{locales.EN, []string{"i didnt pay the fee but i filled in the form with my card number and cvv"}, "paid.now"},
		{locales.ZH, []string{"签证还没下来 有个中介说能加急 有内部渠道"}, "understand.q.visa_agent"},
		// Hong Kong, Cantonese and Singapore words (fresh99): money
		// transferred (過數), a deposit paid then blocked, money put in,
		// an identity login scanned away.
		{locales.ZH, []string{"我阿媽接到電話話我出咗事 佢已經過咗三萬港紙 其實我冇事"}, "understand.family.paid.now"},
		{locales.ZH, []string{"業主話人喺外地 叫我俾按金 俾咗之後佢block晒我"}, "paid.now"},
		{locales.ZH, []string{"我阿媽已經過咗三萬港紙俾個自稱警察嘅人"}, "understand.family.paid.now"},
		{locales.ZH, []string{"個app話要再入錢先提得返 我已經入咗800蚊"}, "paid.now"},
		{locales.EN, []string{"the man ask me scan qr code to log in singpass, i did it already"}, "paid.id.now"},
		// Typing for someone else (fresh102, fresh101): the caller still
		// listening on speaker, hanging up asked about, a grandson who
		// has not replied, a payment told with the service it went
		// through.
		{locales.ZH, []string{"那个人还在我妈另一个手机上开着免提听着 怎么办"}, "oncall.hangup"},
		{locales.ZH, []string{"有人打给奶奶说我弟被抓了", "我要不要直接把电话抢过来挂了"}, "oncall.hangup"},
		{locales.ZH, []string{"有人打给奶奶说我弟被抓了要交保释金", "我弟确实在国外 但我给他发微信了还没回"}, "understand.family.call_first"},
		{locales.EN, []string{"i used wise to pay a fake letting agent, wise got back 200 of the 1500"}, "paid.now"},
		// Not a call still on, not an office's call: a speakerphone
		// between family, the local police returning a call.
		{locales.ZH, []string{"我开着免提跟我妈说话"}, "understand.unclear"},
		{locales.EN, []string{"the police called me back about my stolen bike"}, "understand.unclear"},
		// Gift card codes read out, told with the call in one message.
		{locales.EN, []string{"a man from immigration says i must pay a fine in gift cards. read 2 of the codes to him"}, "understand.giftcard_paid"},
	})
}

// TestMoreOfTheStoryAtThePlaceQuestion: a remark typed when the bot had
// asked where the person is, after a scam told, is more of the story
// (fresh92: "the sender ends in @outlook.com, not the uni domain, but it
// has the uni logo" got "no known warning signs").
func TestMoreOfTheStoryAtThePlaceQuestion(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "country", "the sender ends in @hotmail.com, not the uni domain, but it has the uni logo", "understand.q.country.meanwhile"},
		{locales.ZH, "country", "发件人是个qq邮箱 但是有学校的标志", "understand.q.country.meanwhile"},
		// A place is still a place.
		{locales.EN, "country", "london", "where.title"},
	})
}
