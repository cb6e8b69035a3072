package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// TestAStoryInPiecesIsNotAskedTheSameQuestionAgain: a story typed in
// pieces (round seventeen: a writer's conversations sent 3–7 short texts
// in a row), in my own words. Before, every piece was asked "is this a
// message you received, or something that happened?"; from the second
// piece in a row the answer is what to hold back meanwhile and what has
// happened, and from the third a short line with the same buttons.
func TestAStoryInPiecesIsNotAskedTheSameQuestionAgain(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		turns []string
		want  []string // first text key of each turn's reply
	}{
		{locales.EN, []string{"my dad", "he got a call", "from 'Royal Mail'", "they said customs"},
			[]string{"understand.unclear", "understand.pieces", "understand.pieces.more", "understand.pieces.more"}},
		{locales.ZH, []string{"我外婆", "刚才接了个电话", "对面说是社保局的"},
			[]string{"understand.unclear", "understand.pieces", "understand.pieces.more"}},
		// An ask told in a piece gets its warning, and counts as a piece:
		// the next unclear piece is not asked the question again.
		{locales.EN, []string{"a guy on snap", "now he says send $300", "or he posts it"},
			[]string{"understand.unclear", "understand.story_asks", "understand.q.sextortion"}},
		{locales.ZH, []string{"网上认识的", "他问我要验证码", "然后说要给我寄东西"},
			[]string{"understand.unclear", "understand.story_asks", "understand.pieces.more"}},
		// Anything else in between starts the count again.
		{locales.EN, []string{"my mum", "thanks", "she got a call"},
			[]string{"understand.unclear", "understand.smalltalk.thanks", "understand.unclear"}},
	} {
		for i, got := range turnKeys(t, tt.lang, tt.turns) {
			if got != tt.want[i] {
				t.Errorf("%q turn %d %q: got first text %s, want %s", tt.turns, i, tt.turns[i], got, tt.want[i])
			}
		}
	}
}

// turnKeys types turns one after the other into a conversation started in
// lang, and gives the first text key of each turn's reply ("" for none).
// Every state on the way must be valid.
func turnKeys(t *testing.T, lang string, turns []string) []string {
	t.Helper()
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: lang})
	keys := make([]string, len(turns))
	for i, turn := range turns {
		var replies []Reply
		s, replies = Step(s, Event{Kind: EventText, Text: turn})
		if err := s.Validate(); err != nil {
			t.Fatalf("%q turn %d: invalid state: %v", turns, i, err)
		}
		if len(replies) > 0 && len(replies[0].Texts) > 0 {
			keys[i] = replies[0].Texts[0].Key
		}
	}
	return keys
}

// lastTurnRow is a conversation typed turn by turn and the first text key
// wanted in the reply to its last turn.
type lastTurnRow struct {
	lang  string
	turns []string
	want  string
}

// checkLastTurns types each row's turns from /start and checks the first
// text key of the reply to the last one.
func checkLastTurns(t *testing.T, rows []lastTurnRow) {
	t.Helper()
	for _, tt := range rows {
		keys := turnKeys(t, tt.lang, tt.turns)
		if got := keys[len(keys)-1]; got != tt.want {
			t.Errorf("%q: got first text %s, want %s", tt.turns, got, tt.want)
		}
	}
}

// TestPiecesAreNotStored: the count of pieces survives only the pieces;
// a button press or a command clears it, and a forged count is repaired.
func TestPiecesAreNotStored(t *testing.T) {
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: locales.EN})
	s, _ = Step(s, Event{Kind: EventText, Text: "my mum"})
	s, _ = Step(s, Event{Kind: EventText, Text: "she got a call"})
	if s.Pieces != 2 {
		t.Fatalf("after two pieces: got Pieces %d, want 2", s.Pieces)
	}
	s, _ = Step(s, Event{Kind: EventCommand, Command: "help"})
	if s.Pieces != 0 {
		t.Errorf("after /help: got Pieces %d, want 0", s.Pieces)
	}
	forged := s
	forged.Pieces = 200
	if forged.Validate() == nil {
		t.Errorf("Pieces 200: got a valid state, want an error")
	}
	if got, _ := Step(forged, Event{Kind: EventText, Text: "and then"}); got.Pieces > maxPieces {
		t.Errorf("forged Pieces 200, one more piece: got %d, want at most %d", got.Pieces, maxPieces)
	}
}

// TestNotYetIsNeverNothingLost: "not yet" with the ask still open or the
// money about to go (round seventeen), in my own words. Before, each got
// "Good, nothing is lost" after a verdict, or "Good. Forward a message"
// at the start.
func TestNotYetIsNeverNothingLost(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "verdict", "还没转 我正准备转", "understand.q.at_bank"},
		{locales.ZH, "start", "还没汇 他叫我去银行", "understand.story_asks"},
		{locales.ZH, "verdict", "还没有 他还在一直要验证码", "understand.story_asks"},
		{locales.EN, "verdict", "nothing sent yet but she wants me to go to the bank now", "understand.story_asks"},
		{locales.EN, "start", "not yet, he keeps asking for the code", "understand.story_asks"},
		{locales.EN, "verdict", "not yet, i'm buying them now", "understand.q.at_bank"},
		// Refused, or the call ended: nothing lost stays the answer.
		{locales.ZH, "verdict", "他让我转账 我没转", "none.steps"},
		// Since round twenty the hang-up's own answer, which says the
		// same and what to do when they call again.
		{locales.EN, "verdict", "he asked for the code, i said no and hung up", "understand.q.hung_up"},
	})
}

// TestPiecesOfWhatHappenedRoundSeventeen: a step told in a few words
// (round seventeen), in my own words; before, each was asked "is this a
// message?" or given the verdict on a fragment.
func TestPiecesOfWhatHappenedRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "I clicked", "app.now"},
		{locales.EN, "start", "clicked but didnt type anything", "app.now"},
		{locales.ZH, "start", "我点了 还没输东西", "app.now"},
		{locales.ZH, "start", "我拨了短信上的号码", "understand.called_back"},
		{locales.EN, "verdict", "ok hanging up now", "understand.q.hung_up"},
		// A bare topic as the first text is asked about, not judged.
		{locales.ZH, "start", "闲鱼兼职", "understand.unclear"},
		{locales.EN, "start", "parcel text", "understand.unclear"},
		// A short message that speaks to its reader keeps its verdict.
		{locales.ZH, "start", "您的包裹已签收", "verdict.none"},
	})
}

// TestOwnWordsRoundSeventeen: the person's own words of this round that
// were answered wrongly, in my own words. Before: a job abroad with the
// flight paid and a pickup at the border was asked "is this a message?";
// "dad sent 8000 to them" and "mum paid 20000 this morning" got "no known
// warning signs" (a bare "dad" read as a text to dad); gift cards bought
// and not given, the bank at night and a video posted forever were asked
// about; a relative transferring now was not stopped; "没有了 谢谢" after
// the steps got "Good, nothing is lost".
func TestOwnWordsRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "my brother got a job offer in myanmar, 4000 a month, they paid his flight and a driver meets him at the border. legit?", "understand.q.job_abroad"},
		{locales.ZH, "start", "同学介绍我去柬埔寨做客服 包机票 说到了边境有人接 能去吗", "understand.q.job_abroad"},
		{locales.EN, "start", "dad sent 8000 to them an hour ago", "understand.family.paid.now"},
		{locales.EN, "start", "mum paid 20000 this morning", "understand.family.paid.now"},
		{locales.EN, "start", "i bought the cards, 3 x 200, havent given the numbers yet", "understand.q.giftcard_bought"},
		{locales.ZH, "start", "礼品卡买好了 卡号还没给他 能退吗", "understand.q.giftcard_bought"},
		{locales.EN, "start", "it's 3am, is the bank even open", "understand.q.bank_unreachable"},
		{locales.EN, "steps", "will the video be online forever", "understand.q.sextortion"},
		{locales.ZH, "verdict", "我妈她正在转 怎么办", "understand.q.at_bank"},
		// The offer pasted as it came is a message to check.
		{locales.EN, "start", "Hiring now: customer service in Cambodia, 3000 USD a month, we pay your flight. WhatsApp +855 12 345 678", "verdict.none"},
	})
}

// TestNothingMoreThanksAfterTheSteps: "没有了 谢谢" after steps that were
// not for a loss is thanks, not "Good, nothing is lost"; after a loss the
// steps' question answers it (round seventeen).
func TestNothingMoreThanksAfterTheSteps(t *testing.T) {
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: locales.ZH})
	s, _ = Step(s, Event{Kind: EventText, Text: "我点了链接 装了个app"})
	if s.Node != NodeSteps || s.Paid {
		t.Fatalf("after an app told: got node %s paid %v, want steps, not paid", s.Node, s.Paid)
	}
	if got := firstReplyKey(s, "没有了 谢谢你"); got != "understand.smalltalk.thanks" {
		t.Errorf("steps, nothing paid, \"没有了 谢谢你\": got first text %s, want understand.smalltalk.thanks", got)
	}
	if got := firstReplyKey(stateFor(t, "steps", locales.ZH), "没有了 谢谢你"); got != "understand.q.paid" {
		t.Errorf("steps after a loss, \"没有了 谢谢你\": got first text %s, want understand.q.paid", got)
	}
}

// TestStillAboutToHappenRoundSeventeen: a second writer's conversations
// of this round (measured blind first, then read), in my own words: money
// ready or a scan about to happen, a relative unreachable during a kidnap
// call, a romance's excuses, the bank stepping in, a place confused with
// an app. Before, each got "Good, nothing is lost", "no known warning
// signs", "is this a message?" or the place buttons.
func TestStillAboutToHappenRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "verdict", "还没汇 现金已经取出来了 五万", "understand.q.at_bank"},
		{locales.ZH, "start", "还没给 他说我到了银行再联系我", "understand.q.at_bank"},
		{locales.EN, "start", "I have the cash ready and he's waiting for me to send it", "understand.q.at_bank"},
		{locales.EN, "start", "standing at a cashpoint now, he said take out 1000", "understand.q.at_bank"},
		{locales.ZH, "verdict", "还没扫码 这样正常吗", "understand.story_asks"},
		{locales.ZH, "verdict", "正在发生 还没转钱", "understand.story_asks"},
		{locales.ZH, "verdict", "还没转 他让我先把余额截图发给他", "understand.story_asks"},
		{locales.EN, "start", "he's in Madrid on exchange, his phone goes straight to voicemail", "understand.family.call_first"},
		{locales.EN, "start", "we have never video called, he says his camera doesn't work on the oil rig", "understand.romance"},
		{locales.ZH, "start", "银行的人不让我汇 还叫了民警来", "understand.q.intervention"},
		{locales.ZH, "start", "我在探探上认识一个男生 后来他要跟我视频", "understand.unclear"},
		{locales.EN, "start", "there's no link in it, it just says reply Y", "understand.q.real"},
		{locales.EN, "start", "Paid, clicked, gave my details, all of your buttons", "paid.now"},
		// Nothing pending: "didn't" and a chat's "还没" stay as they were.
		{locales.EN, "verdict", "I didn't click anything", "none.steps"},
		// An opener that speaks to its reader is not the person's romance.
		{locales.EN, "start", "Hi dear, I work on an oil rig and I would love to know you more", "understand.unclear"},
	})
}

// TestCallsAndCouriersRoundSeventeen: more of the first writer's
// conversations, in my own words. Before: calling the grandchild
// directly was answered "tell me what happened"; a courier sent for the
// cash read as a violent threat; a code typed, and the caller back on
// the line, typed at the place question, got the place question again.
func TestCallsAndCouriersRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我是不是应该直接给儿子本人打个电话", "understand.q.really_them"},
		{locales.EN, "start", "my grandson says he's in trouble abroad, should I call his parents first?", "understand.q.really_them"},
		{locales.EN, "start", "my grandson is in jail and a courier is coming to my house for the bail money", "understand.family.call_first"},
		{locales.ZH, "start", "他说等会派人来我家拿钱", "understand.q.doorstep"},
		{locales.EN, "country", "oh and they sent me a code and I typed it in", "paid.now"},
		{locales.EN, "country", "Leeds. wait, hes back, he says I must hurry", "oncall.hangup"},
	})
	// An ad for a job abroad, with its own contact, is a message to check.
	checkClassified(t,
		"迪拜高薪招客服 包机票 到了有人接 想赚钱的加我 微信：dubai-job88",
		"Customer support jobs in Bangkok, $2,800/month, flights paid, pickup at the airport. DM me for details",
	)
}

// checkClassified checks that each text, typed first, is placed as a
// message to classify.
func checkClassified(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if p := Understand(State{}, text, false); !p.NeedsVerdict() {
			t.Errorf("%q: got %s/%s, want a message to check", text, p.Intent, p.Topic)
		}
	}
}

// TestFeelingsAndQuestionsRoundSeventeen: the person's feelings and
// questions from both writers' conversations, in my own words. Before,
// each was asked "is this a message?" (a video call with "police" under
// way among them).
func TestFeelingsAndQuestionsRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "right now I'm on a whatsapp video with an officer from the police", "oncall.hangup"},
		{locales.ZH, "start", "他说晚上要跟我视频做笔录", "understand.threatened.rule"},
		{locales.EN, "start", "will you tell my parents about this?", "privacy.text"},
		{locales.ZH, "start", "你问来问去有什么用啊", "understand.q.bot"},
		{locales.ZH, "start", "这事太丢人了 不好意思跟家里说", "understand.q.shame"},
		{locales.EN, "start", "this may sound silly but I think I was fooled", "understand.q.shame"},
		{locales.EN, "start", "a man from 'Amazon' says they refunded us too much and wants it back", "understand.q.overpaid"},
		{locales.EN, "start", "is this a normal job? they found me on linkedin", "understand.q.real"},
		{locales.ZH, "start", "可是那个号的头像是我女儿的照片", "understand.q.really_them"},
	})
}

// TestFirstLinesRoundSeventeen: a third writer's first messages (measured
// blind at 28b96f3 and at ce69528: 3 all-clear answers of 100 both times,
// then read), in my own words. Before: a code read out was asked about;
// "我等下就去转了" got the steps after a loss; papers given beside "no bank
// stuff" or "钱也没转" got the bank's steps; a credit record cleaned for a
// fee got "no known warning signs"; a fee before a loan got the steps
// after a payment; wanting to disappear got the bank.
func TestFirstLinesRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "i read out the code from the text, he said it was for my refund", "paid.now"},
		{locales.ZH, "start", "他说天黑前不交保证金就抓我 我一会儿就去转", "understand.q.at_bank"},
		{locales.EN, "start", "I gave him my date of birth and address, no bank details though. is that bad?", "paid.id.now"},
		{locales.ZH, "start", "我把护照照片发给他了 钱也没转 会怎么样", "paid.id.now"},
		{locales.ZH, "start", "有人说花钱能帮我删除逾期记录 靠谱吗", "understand.q.credit_repair"},
		{locales.ZH, "start", "网贷app说我流水不够 要先交三千才能放款 交了就行吧", "understand.q.fee_to_release"},
		{locales.EN, "start", "lost everything to them, i just want to disappear", "understand.q.crisis"},
		{locales.EN, "start", "my 14 year old says a man is threatening to post photos of her", "understand.q.sextortion"},
		{locales.EN, "start", "an agency on facebook says it can recover my crypto for a fee, is it legit", "understand.q.recovery"},
		{locales.EN, "start", "they had remote access to my computer for an hour", "app.now"},
		{locales.ZH, "start", "要不要把他拉黑 还是留着聊天记录", "understand.q.safe_now"},
		{locales.EN, "start", "Does the IRS ever call and say they'll arrest you?", "understand.q.officials"},
		{locales.ZH, "start", "国内的警察会加微信吗", "understand.q.officials"},
		{locales.ZH, "start", "他晓得我屋头地址 咋个晓得的", "understand.q.leaked_knows"},
		{locales.ZH, "start", "我已经提现过两次了 怎么可能是骗子", "understand.q.invest_offer"},
		{locales.EN, "start", "If an email says it's from my uni and asks me to log in, is that real?", "understand.q.real"},
		// The ads themselves are checked.
		{locales.ZH, "start", "专业修复征信，逾期记录可消除，先付定金，加微信：zx-fix01", "verdict.none"},
	})
}

// TestEndOfRoundBlindSetRoundSeventeen: a fourth writer's lines and
// conversations, written at the round's end and measured blind (6
// all-clear answers of 190 turns at 28b96f3, 5 at 8529f11), then read; in
// my own words. Before: money to be taken out tomorrow, a deadline
// tonight and "haven't paid yet" told mid-story got "Good, nothing is
// lost" or "Good. Forward a message"; an OTP read out, a father's banking
// taken over remotely, a wife on the phone with the "consulate", an aunt
// engaged to a soldier she never met were asked about; a loss the bank
// won't refund got "Good. Forward a message".
func TestEndOfRoundBlindSetRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "还没给 我爸说明天上午去银行把定期取出来", "understand.q.at_bank"},
		{locales.ZH, "verdict", "钱还没转 他们说今晚八点前必须转", "understand.story_asks"},
		{locales.EN, "start", "i just read my OTP out to the caller, how fast can they use it", "paid.now"},
		{locales.EN, "start", "my mum is 80 and a 'technician' was in her online banking remotely this morning", "understand.family.app"},
		{locales.EN, "start", "my husband is on the phone with someone from the embassy and won't hang up", "understand.family.oncall"},
		{locales.EN, "start", "my uncle is engaged to a woman in the US army he has never met, she needs money for leave papers", "understand.family.romance"},
		{locales.EN, "start", "the bank won't refund it, they say I authorised it myself", "understand.q.lost"},
		{locales.EN, "start", "you're just a bot, how would you even know", "understand.q.bot"},
		{locales.EN, "start", "is it normal for a recruiter to ask for my passport and bank details before an interview", "understand.q.job_fee"},
		{locales.EN, "start", "a courier is coming tonight to collect cash for my grandson's bail", "understand.q.doorstep"},
	})
	// "haven't paid yet" in the middle of a story still being told.
	s, _ := Step(State{}, Event{Kind: EventCommand, Command: "start", Lang: locales.EN})
	for _, turn := range []string{"a man rang", "about my taxes"} {
		s, _ = Step(s, Event{Kind: EventText, Text: turn})
	}
	if got := firstReplyKey(s, "haven't paid yet"); got != "understand.story_asks" {
		t.Errorf("mid-story \"haven't paid yet\": got first text %s, want understand.story_asks", got)
	}
}

// TestFinalBlindSetRoundSeventeen: a fifth writer's lines and
// conversations, written last and measured blind (8 all-clear answers of
// 212 turns at 28b96f3, 3 at e104a1e), then read; in my own words. A
// message described in full with nothing done and "is this a thing?" is
// judged, not "Good. Forward a message"; moving to WeChat told with
// "nothing paid yet" is the warning about asks.
func TestFinalBlindSetRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "还没转钱 他让我加个微信 我已经加了", "understand.story_asks"},
	})
	checkClassified(t, "Royal Mail text says my parcel is held for a £2.99 fee, the link is royalmail-redeliver dot info. Didn't click. Is this real?")
	const told = "I got an email saying my bank account is locked. I didn't click anything. Anything else I should do?"
	if p := Understand(State{}, told, false); p.NeedsVerdict() {
		t.Errorf("%q: got %s/%s, want the person's own words, not a message to check", told, p.Intent, p.Topic)
	}
}

// TestFinalBlindSetAskedRoundSeventeen: more of the fifth writer's lines,
// read after the blind figures were taken, in my own words; each was
// asked "is this a message you received, or something that happened?"
// or got "tell me what happened".
func TestFinalBlindSetAskedRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "我妈接到电话说我被绑架了 她说要去银行 我打她电话占线", "understand.family.me"},
		{locales.ZH, "start", "验证码已经发出去了", "paid.now"},
		{locales.EN, "start", "oh no i just paid them", "paid.now"},
		{locales.EN, "start", "a man from the gas company says they'll cut us off tonight if I don't pay", "understand.story_asks"},
		{locales.EN, "start", "the airline says they need my card number and the 3 digit code for the refund", "understand.story_asks"},
		{locales.EN, "start", "my cousin got a job just for letting someone use his bank account, is that ok", "understand.q.mule"},
		{locales.EN, "start", "i logged in with steam on his site and put in my steam guard code", "paid.now"},
		{locales.ZH, "start", "有人说是我姑姑的朋友 要我先给他300块运费 人已经在楼下了", "understand.q.doorstep"},
		{locales.ZH, "start", "捐款群里发了个收款码 我扫码付了两百", "paid.now"},
		{locales.EN, "start", "the fees email says pay today, but the bank details are different from last term", "understand.q.payee_change"},
		{locales.EN, "start", "the guy I dated online wasn't real, he took $9k", "paid.now"},
	})
}

// TestLastConversationsRoundSeventeen: the fifth writer's conversations,
// read after the blind figures, in my own words. Before: "我在家 在沈阳"
// and "在伯明翰 在家" were no place, a US state was unknown, a "legal
// team" offering to recover money got "what still helps", losing signal
// after giving a code was asked about, paying once more to get it back
// got only the steps, and "my parents are gonna kill me" got the answer
// to a violent threat.
func TestLastConversationsRoundSeventeen(t *testing.T) {
	useReal(t)
	for text, want := range map[string]string{"我在家呢 在成都": "CN", "在曼彻斯特 在宿舍": "GB", "we're in new jersey": "US", "在加州": "US"} {
		if p, ok := ownPlace(text); !ok || p.Country != want {
			if c, ok2 := matchCountry(text); !ok2 || c != want {
				t.Errorf("%q: got %v %v, want %s", text, p, ok, want)
			}
		}
	}
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "有个律师团队私信我说能帮我追回被骗的钱", "understand.q.recovery"},
		{locales.ZH, "start", "打完那个电话 手机就没信号了", "understand.q.sim_swap"},
		{locales.ZH, "steps", "要不要再充一次就能把钱拿回来", "understand.withdraw"},
		{locales.EN, "start", "they emptied my account, my dad is gonna kill me", "understand.q.shame"},
		// A threat from the caller is still one.
		{locales.EN, "start", "he says he's going to kill me if I don't pay", "understand.q.violent_threat"},
	})
}

// TestNonNativeEnglishRoundSeventeen: the fourth writer's remaining lines
// in simple English, read after the blind figures, in my own words; each
// was asked "is this a message?" or "tell me what happened".
func TestNonNativeEnglishRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.EN, "start", "man call me say from immigration, i must pay fine today or visa cancel", "understand.threatened.visa.rule"},
		{locales.EN, "start", "I got message from DHL that need pay customs fee", "understand.q.real"},
		{locales.EN, "start", "is the IRS allowed to threaten me with arrest?", "understand.q.officials"},
		{locales.EN, "start", "how do I tell my husband about the money", "understand.q.tell_family"},
	})
}

// TestDoubtsRoundSeventeen: the fifth writer's doubts, read after the
// blind figures, in my own words; each was asked "is this a message?".
func TestDoubtsRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "来电号码我对过了 跟大使馆官网上的一模一样", "understand.q.spoofed"},
		{locales.ZH, "start", "你这个机器人能判断什么 跟你说你也不懂", "understand.q.bot"},
	})
}

// TestVisaAgentRoundSeventeen: an agent promising a faster visa for a
// deposit (the fifth writer's line, read after the blind figures) got
// "tell me what happened". In my own words; the agent's own ad is
// checked.
func TestVisaAgentRoundSeventeen(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "朋友圈有个签证中介说包出签 要先交两千定金 靠谱吗", "understand.q.visa_agent"},
		{locales.EN, "start", "a visa agent on instagram says he can speed up my visa for $500 upfront, should I pay?", "understand.q.visa_agent"},
	})
	checkClassified(t, "专业签证加急 包出签 先付定金 加微信：visa-fast01")
}

// TestNotYetWithTheCallersAsk: "not yet", and what the caller told the
// person to do with the money (found typing into `scamcheck chat` at the
// round's end). "还没转 他让我今天之内转过去" got the steps after a loss,
// its 转过去 read as money sent; "还没汇 他叫我马上汇过去" got "Good.
// Forward a message". Money already part-sent keeps the steps.
func TestNotYetWithTheCallersAsk(t *testing.T) {
	checkFirstKeys(t, []firstKeyRow{
		{locales.ZH, "start", "还没转 他让我今天之内转过去", "understand.story_asks"},
		{locales.ZH, "start", "还没汇 对方叫我马上汇过去", "understand.story_asks"},
		{locales.EN, "start", "not yet, she told me to send it tonight", "understand.story_asks"},
		{locales.ZH, "start", "转了一半 另一半还没转 他让我今天转完", "paid.now"},
	})
}
