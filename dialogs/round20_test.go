package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// TestOwnWordsRoundTwenty: the person's own words that got an answer
// saying nothing was wrong, or a verdict on their words, in round
// twenty's blind conversations and first lines (writers who read only the
// seed reports), in my own words. Each turn's first text key is what is
// checked; the turns before the last set the conversation up. Rows that
// passed before the round guard what must not change.
func TestOwnWordsRoundTwenty(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		// A payment promised to the caller is a scam under way.
		{locales.ZH, []string{"我答应他明天一早去银行转 还没转"}, "understand.story_asks"},
		// What was done instead of paying is the scam's own step.
		{locales.ZH, []string{"钱没给 就是他叫我每天晚上视频报备 说案子要保密"}, "understand.q.explain_kidnap"},
		// Someone teaching a platform, whoever they are, nothing sent yet.
		{locales.EN, []string{"the guy showed me how to trade crypto on his platform but i havent sent any money"}, "understand.romance"},
		{locales.ZH, []string{"他教我在一个交易平台上买币 我还没充钱"}, "understand.romance"},
		{locales.ZH, []string{"一个网友带我炒币 我还没充钱"}, "understand.romance"},
		// A hang-up told after what the call was.
		{locales.EN, []string{"a recorded voice said it was the embassy and to press 2 for my case. so I hung up. should I call them?"}, "understand.q.hung_up"},
		{locales.EN, []string{"no i didnt pay, i hung up"}, "understand.q.hung_up"},
		// A "nothing" the person cannot vouch for, or takes back, or
		// someone else's.
		{locales.ZH, []string{"她一直说没有转钱 我也不知道是真是假"}, "understand.unclear"},
		{locales.ZH, []string{"我室友说她拍了 后来又说没有"}, "understand.unclear"},
		{locales.EN, []string{"i didnt send money. well i did send them a photo of my card"}, "understand.unclear"},
		{locales.EN, []string{"a man messaged me last night then deleted it"}, "understand.unclear"},
		// Nothing given, said plainly: nothing is lost stays.
		{locales.EN, []string{"a man from the consulate said my passport was used in a crime", "i didn't send any money"}, "none.steps"},
		// A question about scams in general is not a message to judge.
		{locales.EN, []string{"are there any signs a crypto platform is fake before you invest?"}, "understand.q.explain_pig"},
		{locales.EN, []string{"how can i tell if a job offer on telegram is fake?"}, "understand.q.start"},
		// After a loss, the scammer's words typed or quoted are not a
		// message with "no known warning signs": send nothing more.
		{locales.EN, []string{"I already paid 2000 to the fake police", "he says \"don't worry, it is refunded after the check\""}, "understand.q.country.meanwhile"},
		{locales.EN, []string{"I already paid 2000 to the fake police", "the platform looks legit, it has a customer service chat and everything"}, "understand.q.country.meanwhile"},
		{locales.ZH, []string{"我已经转了八千", "他说“这是正常流程，明天就退给你”"}, "understand.q.country.meanwhile"},
		// After a loss, "what now" asks what comes first: the bank.
		{locales.EN, []string{"I already paid", "what now"}, "understand.q.country.paid"},
		{locales.ZH, []string{"我已经转了五千", "怎么办啊"}, "understand.q.country.paid"},
		// "should i send more?" still gets what to hold back.
		{locales.EN, []string{"i already sent her 300 dollars", "should i send more?"}, "understand.q.country.meanwhile"},
		// Long first lines that tell a whole story (second pair of
		// writers): a loss beside a "nothing", a hang-up told, an offer
		// asked about, papers given but no money, a transfer pending, a
		// "no money" taken back.
		{locales.EN, []string{"I sold my bike online and the buyer sent a link to get paid, I typed my card number and the code in. 800 pounds left my account an hour later. at least I still have the bike"}, "paid.now"},
		{locales.ZH, []string{"我爸说他什么都没做 可是卡里少了两万"}, "paid.now"},
		{locales.EN, []string{"caller said he was from the embassy and I'm a suspect. I told him I'd ring the embassy myself and hung up. was that right?"}, "understand.q.hung_up"},
		{locales.EN, []string{"someone on wechat offered me a discount on my rent if I pay through their agent account. havent replied. is this a scam?"}, "understand.story_asks"},
		{locales.EN, []string{"my aunt sent a photo of her passport and her address to the caller but no money. what now?"}, "paid.id.now"},
		{locales.ZH, []string{"钱还没出去 银行说要第二天才到账"}, "paid.now"},
		{locales.ZH, []string{"刚才我说我爸没转钱 我搞错了"}, "paid.now"},
		{locales.ZH, []string{"我同学说没事的 但是我还是担心"}, "understand.unclear"},
		// After the bot's answer: a remark on it, the person quoting it
		// back, an online partner who cannot be seen.
		{locales.EN, []string{"he keeps asking for the code that just came by text", "but the message itself says not to share the code with anyone"}, "understand.q.real_after"},
		{locales.EN, []string{"a man called saying he's from the embassy", "you said the embassy never calls about cases"}, "understand.q.real_after"},
		{locales.EN, []string{"my online boyfriend wants me to invest", "we never met irl, his camera is always broken"}, "understand.romance"},
		// The third pair of writers (fresh72 conversations that paste and
		// talk, fresh73 first lines of older people and those around
		// them): a pension pitch with cash asked, a hang-up after "I'll
		// call them myself", a platform that locks the person out, a
		// question about scams in general, papers given by someone else,
		// someone met on an app.
		{locales.ZH, []string{"我姐拉我投一个养老项目 让我带现金过去 我还没答应"}, "understand.story_asks"},
		{locales.EN, []string{"a man said he was from my bank and I said I'd call the bank myself and hung up"}, "understand.q.hung_up"},
		{locales.ZH, []string{"我们跟着群里的老师买了那个币 开始还能提出来 后来加到二十万 现在帐号登不上 群也把我们踢了"}, "paid.now"},
		{locales.EN, []string{"can someone really clean your credit record if you pay them?"}, "understand.q.credit_repair"},
		{locales.EN, []string{"If an elderly person gave a scammer a copy of their passport but no money, what can they do with it?"}, "paid.id.now"},
		{locales.EN, []string{"been chatting with this guy for 3 weeks, met on hinge, he's really sweet"}, "understand.romance"},
		// The fourth pair (fresh74 in the middle of it, fresh75 said
		// sideways): crypto that went to a wallet, a caller who forbids
		// hanging up, on video with an "officer" now, a number or an
		// office asked about, someone else scammed with the name quoted,
		// a student watched on video, a transfer one tap away, cash taken
		// out to hand over, secrecy from parents told.
		{locales.EN, []string{"the btc went to some wallet that starts with bc1, can it be traced?"}, "paid.now"},
		{locales.EN, []string{"im on video w an officer from shanghai right now"}, "oncall.hangup"},
		{locales.EN, []string{"is 020 7946 0000 really the Chinese embassy in London?"}, "understand.q.number"},
		{locales.ZH, []string{"有个同学说被\"银行客服\"骗了 现在一直在哭 我们该怎么帮她"}, "understand.scammed"},
		{locales.EN, []string{"a student told us the scammers are watching her on video all night, what do we do"}, "understand.q.explain_kidnap"},
		{locales.EN, []string{"do scammers really call students pretending to be the embassy?"}, "understand.q.start"},
		{locales.ZH, []string{"转账信息都填好了 还没按确认"}, "understand.q.at_bank"},
		{locales.ZH, []string{"我取了三万现金出来 准备给他"}, "understand.q.at_bank"},
		{locales.EN, []string{"he told me not to contact my parents or the school"}, "understand.story_asks"},
		// The fifth pair (fresh76 the day after, fresh77 mixed and
		// messy): part-way through the scammer's steps, a robocall hung up
		// on (told beside its quoted words, or without "I"), someone
		// offering to manage money.
		{locales.EN, []string{"nothing sent yet but im on step 2 of their verification and the page is open"}, "understand.story_asks"},
		{locales.ZH, []string{"刚才电话录音说\"这里是大使馆 您有文件未领取 请按一\" 我直接挂了 是骗子吧"}, "understand.q.hung_up"},
		{locales.EN, []string{"got a robocall about embassy services, pressed nothing, hung up. can they do anything with my number?"}, "understand.q.hung_up"},
		{locales.ZH, []string{"有个人加我微信说带我理财 我还没给过钱"}, "understand.romance"},
		// The sixth pair (fresh78 minimising, fresh79 everything but
		// money): an account opened and handed over, parcels re-sent, a
		// QR code to be paid, a face scan with no money, someone met on
		// an app in passing; a face scan asked for and refused is a
		// hang-up.
		{locales.EN, []string{"they said instead of the deposit i can open a new revolut account and give them the login. no money from me so is that ok?"}, "understand.q.mule"},
		{locales.ZH, []string{"有人在抖音私信我 帮他收快递再寄出去 一单给80 我还没回"}, "understand.q.mule"},
		{locales.ZH, []string{"二手群里的买家让我扫他发的二维码收款 还没扫"}, "understand.q.qr_refund"},
		{locales.EN, []string{"my son says he only did a face scan for the \"police\" on video. no money sent he says"}, "paid.id.now"},
		{locales.EN, []string{"my roommate gets phones delivered to our flat and re-posts them to shenzhen for some guy, is that legal"}, "understand.q.mule"},
		{locales.EN, []string{"someone from the bank asked me to do face verification through a link, i said no and hung up"}, "understand.q.hung_up"},
		{locales.EN, []string{"met this girl on ig 2 weeks ago, she says shes a trader in dubai"}, "understand.romance"},
		// The seventh pair (fresh80 helping someone else, fresh81 a pasted
		// fragment with the person's own words): a video of themselves
		// made on request, an opener asked about by name, money to pass
		// on, a card rented out, a SIM card about to be handed over, a
		// caller who will ring the parents.
		{locales.EN, []string{"\"record yourself in an empty room for the verification\" they said. i did it. no money though. can they use it?"}, "paid.id.now"},
		{locales.EN, []string{"random number on whatsapp: \"hi long time no see, remember me?\" i havent replied. is this the pig butchering thing?"}, "understand.q.wrong_number"},
		{locales.ZH, []string{"网友说让我帮他收一笔款再转出去 说是公司货款 我还没答应"}, "understand.q.mule"},
		{locales.EN, []string{"my flatmate rented out his bank card for 300 a week, is he in trouble"}, "understand.q.mule"},
		{locales.ZH, []string{"我爸把银行卡借给别人用了", "他说手机卡还没给 准备明天给"}, "understand.q.mule"},
		{locales.EN, []string{"my cousin told a fake officer her passport number", "she hung up now. she says they told her they will call her parents"}, "understand.q.explain_kidnap"},
		// The last writer (fresh82, answers to the bot's questions): "no,
		// I called many times, it's switched off" is a relative not
		// reached, not "nothing is lost".
		{locales.ZH, []string{"外婆说有人打电话说我表弟在国外被扣住了", "没有 打了好多次 都是关机"}, "understand.family.call_first"},
		// A relative's own words quoted that money went (fresh83).
		{locales.EN, []string{"my dad just texted \"they said you were in hospital, I sent 5,000 to the doctor they gave me, call me!!\" im fine, what should he do"}, "understand.family.paid.now"},
		// The last pair (fresh84 the relative's words, fresh85 jobs,
		// rentals and shopping): a question passed on in quotes, a
		// look-alike site told, the rental's bait told, a hedged nothing.
		{locales.ZH, []string{"我妈问\"要是钱从国内卡转走了 人在国外 该在哪边报警\" 她没被骗 就是问问"}, "understand.q.report"},
		{locales.EN, []string{"my gran wants to know \"if someone calls and the screen shows the bank's number, can it still be a scam?\""}, "understand.q.start"},
		{locales.EN, []string{"the payment site was like paypal-secure-checkout dot something not paypal.com but it looked exactly the same"}, "understand.q.lookalike_link"},
		{locales.EN, []string{"the room is 450 a month bills included, way cheaper than anything else around the uni"}, "understand.q.rental"},
		{locales.EN, []string{"its my monzo card. nothing gone yet i think"}, "understand.unclear"},
		// Gold, cash or a card handed over in person: the police first,
		// then the bank for a card (was the steps after a payment, bank
		// first, or the rule for callers).
		{locales.ZH, []string{"钱我没转 就是把两个金手镯交给了上门的警察 说是登记完就送回来"}, "understand.q.valuables"},
		{locales.EN, []string{"i didnt send money, i just handed my gold necklace and bank card to the officer who came to the door"}, "understand.q.valuables"},
		// Typed into chat at the end of the round: told with no threat and
		// no door question, and to a "policeman".
		{locales.EN, []string{"my grandma handed her gold bracelet to the policeman at the door"}, "understand.q.valuables"},
		// A loss told earlier stays a loss through the answers after it.
		{locales.ZH, []string{"我被骗了两万 转到了一个安全账户", "他们让我装的那个会议软件还在手机上", "现在要不要把手机恢复出厂设置 照片还没备份"}, "understand.q.paid"},
		// The caller's hang-up is not the person's.
		{locales.ZH, []string{"我说我要报警 对方就挂了"}, "understand.none_start"},
		// Thanks after a loss stay thanks.
		{locales.EN, []string{"I already paid", "thank you, the bank froze it"}, "understand.smalltalk.thanks"},
	})
}

// TestALossStandsAfterAVerdict: papers or money told before a message
// was pasted still stand after its verdict; "i havent paid anything" is
// not "nothing is lost" (round twenty: a passport number given, then a
// pasted message, then "no money").
func TestALossStandsAfterAVerdict(t *testing.T) {
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: locales.EN})
	s, _ = Step(s, Event{Kind: EventText, Text: "he asked my passport number, my address and which bank i use and i told him all of it"})
	if !s.Paid && !s.Gave {
		t.Fatalf("after papers given: got Paid %v Gave %v, want one set", s.Paid, s.Gave)
	}
	s, _ = Step(s, Event{Kind: EventText, Forwarded: true, Text: "Officer Li will call you tonight. Keep this confidential.",
		Verdict: classifier.Verdict{Level: classifier.LevelMedium, Type: classifier.TypeImpersonateOfficial}})
	s, replies := Step(s, Event{Kind: EventText, Text: "i havent paid anything"})
	if got := replies[0].Texts[0].Key; got == "none.steps" || got == "understand.none_start" {
		t.Errorf("after papers, a verdict and \"i havent paid anything\": got %s, want an answer that keeps the loss", got)
	}
}

// TestPlaceQuestionLanguage: "怎么办" at the place question of a
// conversation in English is no place; the answer comes in Chinese. A
// place typed in Chinese answers the question and changes nothing.
func TestPlaceQuestionLanguage(t *testing.T) {
	for _, tt := range []struct {
		turns []string
		want  string
	}{
		{[]string{"I already paid 500 dollars to a fake police", "怎么办"}, locales.ZH},
		{[]string{"I already paid 500 dollars to a fake police", "what now"}, locales.EN},
		{[]string{"I already paid 500 dollars to a fake police", "法国"}, locales.EN},
	} {
		s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: locales.EN})
		for _, turn := range tt.turns {
			s, _ = Step(s, Event{Kind: EventText, Text: turn})
		}
		if s.Lang != tt.want {
			t.Errorf("%q: got language %q, want %q", tt.turns, s.Lang, tt.want)
		}
	}
}
