// Package dialogs is ScamCheck's conversation as a pure state machine:
// Step(State, Event) returns the next State and the replies to send.
//
// It knows nothing of Telegram, storage or goroutines. A Reply names locale
// messages and choices; each channel renders it its own way (inline keyboards
// on Telegram, numbered choices in the terminal). State never holds the text
// of a message a person forwarded: only the verdict's level, type and reason
// ids, so it can be stored without storing what people received.
//
// The conversation (golden transcripts in testdata/transcripts, one per
// path and language):
//
//   - /start [code]: a greeting (an organisation's, with its numbers, for a
//     known start code) and the menu: check a message, "I got a call",
//     "I already paid", help numbers where I am, language.
//   - Free text: a message to check. The verdict comes first, then the type
//     in plain words, up to three reasons, the model's reason, and "what has
//     happened so far?" (paid, still on the phone, installed an app, none).
//   - "I got a call": hang up first; then the on-call steps or a yes/no
//     questionnaire that ends in a verdict and the same question.
//   - Already paid: bank first, payment apps, the police for the person's
//     place (asked if unknown), cards and passwords, evidence, recovery fees.
//   - Where are you: that place's numbers from locales' help directory and
//     the consular hotline outside China.
//   - Warn my family: a self-contained warning to forward, in either language.
//   - A relative's story ("my grandma got a call saying her grandson was
//     arrested", "my dad already sent them money"): steps for helping
//     them, their bank first if money was sent, and the call to the
//     person said to be in trouble.
//   - An account taken over ("my WeChat was hacked and is borrowing money
//     from my friends"): lock it through the platform's own process, warn
//     the contacts another way, the bank if money or codes went out; a
//     friend's account asking for money: call the friend before paying.
//   - /help, /lang, /privacy, /cancel, /forget.
//
// Buttons carry the Seq of their keyboard (and the owner's tag); a press on
// anything but the latest keyboard of the same person is answered politely
// and changes nothing, except the buttons that lead to help steps (already
// paid, still on the phone, installed an app, help numbers), which work
// from any keyboard.
//
// Typed text is first understood in the conversation's context
// (Understand, understand.go): only a message to check gets a verdict; a
// person telling what happened gets the steps for it, an answer moves the
// dialog as its button would, a question gets a short answer and small
// talk a friendly line.
package dialogs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// StateVersion is the current State schema. Decoders of older versions keep
// the fields they know; unknown fields are ignored. Fields added since
// version 1 are all optional, so version 1 states decode unchanged.
const StateVersion = 1

// Node is a place in the conversation.
type Node string

// Nodes.
const (
	NodeStart   Node = ""        // nothing asked; free text is a message to check
	NodeVerdict Node = "verdict" // a verdict was given; asking what happened so far
	NodeSteps   Node = "steps"   // steps were given
	NodeCall    Node = "call"    // "I got a call": offered the on-call steps or the questions
	NodeQuiz    Node = "quiz"    // in the yes/no questionnaire; Answers holds the answers so far
	NodeCountry Node = "country" // asked where the person is
	NodeLang    Node = "lang"    // asked for a language
	// NodeCheck: asked to paste or forward a message ("Check a message",
	// "It's a message I received"); the next text is taken for one even
	// when it speaks in the first person.
	NodeCheck Node = "check"
)

var nodes = map[Node]bool{
	NodeStart: true, NodeVerdict: true, NodeSteps: true, NodeCall: true,
	NodeQuiz: true, NodeCountry: true, NodeLang: true, NodeCheck: true,
}

// directory is the help directory the conversation names; tests replace
// it with a fixed one so transcripts do not change with contacts.json.
var directory = locales.Dir

// CountryOther is State.Country when the person is somewhere the directory
// does not list.
const CountryOther = "other"

// State is one person's conversation. The zero value is a new conversation.
type State struct {
	Version int    `json:"v"`
	Lang    string `json:"lang,omitempty"`
	// LangSet is true once the person chose the language (a button,
	// /lang, "中文" typed at the question); until then the language
	// follows the words they type (ownWordsLang).
	LangSet bool `json:"lang_set,omitempty"`
	Node    Node `json:"node,omitempty"`
	// Seq counts the keyboards sent; a button carries the Seq of its
	// keyboard, so a press on an older keyboard is recognised as stale.
	Seq uint32 `json:"seq,omitempty"`
	// Last summarises the last verdict, without the message text.
	Last *CheckSummary `json:"last,omitempty"`
	// Answers are the questionnaire's answers so far, one byte each:
	// 'y' or 'n', in the order of the questions. Empty outside NodeQuiz.
	Answers string `json:"answers,omitempty"`
	// Paid is set once the person said they paid or gave details, so the
	// numbers for their country come with the steps to report a loss.
	Paid bool `json:"paid,omitempty"`
	// Country is where the person said they are: a directory country code,
	// CountryOther, or empty when not asked yet.
	Country string `json:"country,omitempty"`
	// Mission is the contact id of the Chinese embassy or consulate in the
	// city the person typed, shown before the country's other missions;
	// empty when they named no city with a mission.
	Mission string `json:"mission,omitempty"`
	// Org is the start code (lower case) of the organisation that shared
	// the bot with this person; its numbers are shown first.
	Org string `json:"org,omitempty"`
	// Warned is set when the last answer warned of a scam the person told
	// in their own words (a job's fee, a deposit before a viewing, a
	// "better rate"): a remark typed after it is about that, not a new
	// message (followsWarning).
	Warned bool `json:"warned,omitempty"`
	// Gave is set once the person was given the steps for something
	// handed over that is not money: a passport or ID, an app installed
	// or a screen shared, an account taken over. "Didn't pay anything"
	// after it is no "nothing is lost" (round nineteen).
	Gave bool `json:"gave,omitempty"`
	// Owner is Event.Owner, carried in every button so that a press by
	// someone else (a shared keyboard in a group) is recognised as stale.
	Owner string `json:"owner,omitempty"`
	// Pieces counts the texts in a row answered "is this a message, or
	// something that happened?" (unclear): a story sent in pieces ("he
	// said police", "my passport", "he wants money now"). From the second
	// piece the answer is what to hold back meanwhile and what has
	// happened, not the same question again. At most maxPieces.
	Pieces uint8 `json:"pieces,omitempty"`
	// piecesBefore is Pieces as the event found it: Step clears Pieces
	// for every event, and only unclear counts on from piecesBefore.
	// Never stored.
	piecesBefore uint8
}

// maxPieces bounds State.Pieces: from the third piece on, the answer
// stays the short one.
const maxPieces = 3

// Step advances the conversation by one event. It is total: any state (even
// one decoded from damaged storage) and any event give a valid state.
func Step(s State, e Event) (State, []Reply) {
	s = repair(s)
	if s.Lang == "" {
		s.Lang = locales.Normalize(e.Lang)
	}
	s.Version = StateVersion
	if validOwner(e.Owner) {
		s.Owner = e.Owner
	}
	s.piecesBefore, s.Pieces = s.Pieces, 0
	var replies []Reply
	switch e.Kind {
	case EventCommand:
		s, replies = command(s, e)
	case EventText:
		s, replies = text(s, e)
	case EventChoice:
		s, replies = choose(s, e)
	case EventImage:
		s, replies = image(s, e)
	case EventVoice:
		s, replies = voice(s)
	default:
		return s, nil
	}
	if s.Node != NodeQuiz {
		// Any way out of the questionnaire forgets its answers.
		s.Answers = ""
	}
	s.piecesBefore = 0
	return s, replies
}

func command(s State, e Event) (State, []Reply) {
	arg := strings.TrimSpace(e.Arg)
	switch e.Command {
	case "start":
		return start(s, arg)
	case "cancel", "menu":
		s = resetFlow(s)
		return s, []Reply{menuReply(&s, "cancel.done")}
	case "help":
		return s, []Reply{say("help.text")}
	case "privacy":
		return s, []Reply{say("privacy.text")}
	case "forget":
		// The engine has already deleted the stored session; only the
		// language survives, to confirm in it.
		return State{Version: StateVersion, Lang: s.Lang, LangSet: s.LangSet}, []Reply{say("forget.done")}
	case "lang", "language":
		if lang, ok := parseLang(arg); ok {
			return setLang(s, lang)
		}
		return askLang(s)
	case "check":
		s = resetFlow(s)
		s.Node = NodeCheck
		return s, []Reply{say("check.prompt")}
	case "call":
		return callMenu(resetFlow(s))
	case "paid":
		return paid(resetFlowKeepLast(s))
	case "where", "help_numbers":
		return askCountry(s, "where.ask")
	case "share":
		return share(s)
	}
	return s, []Reply{say("command.unknown")}
}

// Command is a slash command, for a channel's command menu (Telegram's
// setMyCommands).
type Command struct {
	Name        string // without the slash, lower case
	Description Text   // at most 256 characters once rendered
}

// Commands lists the commands a channel should offer, in menu order.
func Commands() []Command {
	names := []string{"start", "check", "paid", "call", "where", "share", "lang", "privacy", "forget", "cancel", "help"}
	out := make([]Command, len(names))
	for i, n := range names {
		out[i] = Command{Name: n, Description: Text{Key: "cmd." + n}}
	}
	return out
}

// text answers typed text by what it is (Understand): only a message to
// check gets a verdict; the person's own words lead to the steps, an
// answer moves the dialog as its button would.
func text(s State, e Event) (State, []Reply) {
	if s.Node == NodeLang {
		if lang, ok := parseLang(e.Text); ok {
			return setLang(s, lang)
		}
	}
	if strings.TrimSpace(e.Text) == "" {
		return s, []Reply{say("check.empty")}
	}
	// "wo yi jing zhuan le liang wan": the answers below read the
	// phrases found in it, in characters, as Understand did.
	p, read := understandRead(s, e.Text, e.Forwarded)
	e.Text = read
	if !s.LangSet && !e.Forwarded && p.Intent != IntentCheck && s.Node != NodeQuiz && !placeAnswer(s, e.Text) {
		// "他还在电话上" typed on a phone set to English: the answer in
		// the words the person used, not the phone's. A message to check
		// is in its sender's language and changes nothing; nor does an
		// answer to a question asked with buttons ("没有", "法国"). At
		// the place question, "怎么办" is no answer: it is the person's
		// own words, and the steps come in them.
		if lang := ownWordsLang(e.Text); lang != "" {
			s.Lang = lang
		}
	}
	if !s.LangSet && !e.Forwarded && p.Intent == IntentCheck {
		// "这个是真的吗 【工商银行】…": the person's own words before the
		// message they paste say which language to answer in.
		if lang := framingLang(e.Text); lang != "" {
			s.Lang = lang
		}
	}
	if pl, ok := placeSaid(s, e, p); ok {
		// "I'm in China but my son is in London", "在伯明翰。好的我先打
		// 银行电话": where the person is, said with more; its numbers.
		return showContacts(setPlace(s, pl))
	}
	switch p.Intent {
	case IntentCheck:
		if followsWarning(s, e) {
			return whichHappened(s, "understand.q.real_after")
		}
		if e.Verdict.Level == classifier.LevelNone {
			if s, replies, ok := nothingFound(s, e, p); ok {
				return s, replies
			}
		}
		s, replies := check(s, e.Verdict, p.Asks)
		return s, chargeAlertNote(replies, e.Verdict, p.CheckText(e.Text))
	case IntentUnclear:
		if e.Verdict.Level >= classifier.LevelMedium {
			// Strong warning signs: whatever it is, it is a message to
			// check, and the warning must not wait for an answer.
			return check(s, e.Verdict, p.Asks)
		}
		if (p.Topic == "scammed" || p.Topic == "scammed_family") && s.Node == NodeCountry {
			// "我被骗了" at the place question: what happened comes
			// first; the place is asked again with the steps.
			return scammedAsk(s, p.Topic == "scammed_family")
		}
		if p.Asks && s.Node != NodeQuiz {
			// "Someone says he's my tutor and wants a fee": whatever the
			// rules found, being asked for money is the warning; at the
			// place question too ("they tell me go buy apple cards… i am
			// in the store"), where the numbers can wait a button away.
			return storyAsks(s)
		}
		if (p.Topic == "scammed" || p.Topic == "scammed_family") && s.Node != NodeQuiz {
			// "我被骗了": something happened; ask what, not whether it
			// is a message.
			return scammedAsk(s, p.Topic == "scammed_family")
		}
		if p.Topic == "all" && s.Node == NodeVerdict {
			// "都有", "both" to "what has happened so far?": the call is
			// ended first, then the money's steps.
			return allSteps(s)
		}
		if p.Topic == "unsure" && s.Node == NodeVerdict {
			// "idk" to "what has happened so far?": the question again,
			// with what to do meanwhile, not "is this a message?".
			return whichHappened(s, "understand.q.verdict")
		}
		if p.Topic == "called" && s.Node != NodeQuiz {
			return whichHappened(resetFlowKeepLast(s), "understand.called_back")
		}
		if p.Topic == "called_or_paid" && s.Node != NodeQuiz {
			return calledOrPaid(resetFlowKeepLast(s))
		}
		if p.Topic == "" && followsWarning(s, e) {
			return whichHappened(s, "understand.q.real_after")
		}
		if p.Topic == "" && s.Seq >= 2 && !e.Forwarded && answerDoubtedRe.MatchString(understanding.normalize(e.Text)) {
			// "你说号码能伪造我不信啊这可是大使馆的号", "i showed her ur
			// answer and she said…", "我到底该信谁啊": the person weighing
			// the bot's answer, not a message; what to trust and how to
			// check (round twenty-one: "is this a message?").
			return whichHappened(s, "understand.q.real_after")
		}
		if p.Topic == "" && !p.Asks {
			if s, replies, ok := ownQuestion(s, e); ok {
				return s, replies
			}
		}
		if p.Topic == "" && thanksSaidRe.MatchString(e.Text) {
			// "thanks for yesterday, the bank managed to freeze part of
			// it", "好的，我直接去问学校了。真的很感谢": thanks with news,
			// not a message to ask about.
			return smalltalk(s, "thanks")
		}
		if s.Node == NodeCountry {
			// "Not sure" to "where are you now?": say why the place is
			// asked and keep its buttons, rather than a question about
			// something else. A longer piece of the story ("wait… his
			// whatsapp name is…") gets what to hold back meanwhile first
			// (round eighteen).
			if p.Topic == "unsure" || utf8.RuneCountInString(strings.TrimSpace(e.Text)) <= 12 {
				return askCountry(s, "understand.q.country")
			}
			return askCountry(s, "understand.q.country.meanwhile")
		}
		if p.Topic == "" && s.Node != NodeQuiz && e.Verdict.Level == classifier.LevelNone && placeOpened(e.Text) {
			// "we're in Leicester", "我在加拿大一个小城 Sherbrooke": where
			// the person is, in a place the directory lacks; say so and
			// offer the places it has, not "is this a message?".
			return askCountry(s, "where.unknown")
		}
		if pl, ok := matchPlace(e.Text); ok && pl.Country != CountryOther {
			// "I'm in Leeds" typed before any place question: the
			// numbers for that place, not a question about a message.
			return showContacts(setPlace(s, pl))
		}
		if pl, ok := helpPlace(e.Text); ok {
			// "police in the uk", "us police": the numbers for that
			// place.
			return showContacts(setPlace(s, pl))
		}
		if p.Topic == "" && s.Node != NodeQuiz && describesMessage(e.Text) {
			// "text from student finance saying my loan is on hold,
			// update details": a message told, not pasted; it is what
			// to check, so it is asked for, with the rule meanwhile.
			return answerQuestion(s, "real")
		}
		return unclear(s)
	case IntentPaid, IntentOnCall, IntentApp, IntentAccount, IntentThreatened:
		return told(s, p, e.Verdict)
	case IntentNone:
		if s.Node == NodeQuiz {
			// "没装", "nothing" to a yes/no question: no.
			return answer(s, false)
		}
		if s.Paid {
			// "要不要拉黑" after the steps for a loss: never "nothing is
			// lost".
			return answerQuestion(s, "what")
		}
		if s.piecesBefore > 0 {
			// "haven't paid yet" after "he said to go to a bitcoin ATM",
			// "I'm in the car now outside…": nothing gone yet in a story
			// still being told; what to hold back, not "Good. Forward a
			// message" (round seventeen).
			return storyAsks(s)
		}
		if n := understanding.normalize(e.Text); payingWeighedRe.MatchString(n) {
			// "没转 他给了个支付宝账号 我在想要不要先转一部分？？": nothing
			// paid yet, and paying weighed; not "Good, nothing is lost"
			// (round twenty-one).
			return answerQuestion(s, "about_to_pay")
		}
		if n := understanding.normalize(e.Text); s.Node == NodeSteps && s.Warned && bareNoRe.MatchString(n) {
			// "no" right after the steps for a relative said to be held
			// ("call them first… if you can't reach them…"), or for a
			// caller's threat: no question was asked, and the "no" may be
			// "I can't reach her" as well as "nothing paid"; what to hold
			// back and what has happened, not "Good, nothing is lost"
			// (round twenty-one).
			return storyAsks(s)
		}
		if unreachableRe.MatchString(understanding.normalize(e.Text)) {
			// "我没转钱 可是还是联系不上她", "haven't paid but still can't
			// reach him": nothing is paid, but "Good, nothing is lost"
			// would answer the wrong fear; reaching them comes first.
			return threatened(s, "relative")
		}
		if n := understanding.normalize(e.Text); (s.Node == NodeSteps && (s.Warned || s.Last != nil && s.Last.Level >= classifier.LevelMedium) ||
			s.Node == NodeVerdict && s.Warned) && notYetDoneRe.MatchString(n) && !hungUpRe.MatchString(n) {
			// "我还没转 我在江西赣州于都县" right after the rule for fake
			// police the person told of: not paid yet, in a scam still
			// going on; the warning about asks, not "Good, nothing is
			// lost" (round eighteen). So after a story told in pieces
			// whose piece was judged a scam ("他被绑着", medium) and a
			// question answered since ("不许报警"), or a remark under the
			// warning ("要五十万"). After a verdict on a message, "还没转"
			// keeps "nothing lost" and "block the sender".
			return storyAsks(s)
		}
		if p.Topic == "hung_up" {
			// A call ended: nothing lost if nothing was given, and what
			// to do when they call again (stepAnswers).
			return answerQuestion(s, "hung_up")
		}
		if s.Node == NodeSteps && thanksSaidRe.MatchString(e.Text) {
			// "没有了 谢谢" after the steps: nothing more, thanks; not
			// "Good, nothing is lost", which would speak of a loss the
			// steps may have been for (round seventeen).
			return smalltalk(s, "thanks")
		}
		if s.Gave {
			// "so i did, and my uk address. didnt pay anything tho", "她觉得
			// 不对就挂了 没转" after a passport photo sent or a meeting app
			// installed: no money went, but what was handed over still
			// needs its steps (round nineteen).
			return gaveNoMoney(s)
		}
		if s.Node == NodeVerdict || s.Node == NodeSteps || s.Last != nil {
			return noneSteps(s)
		}
		if thanksSaidRe.MatchString(e.Text) {
			// "还好我没转!! 谢谢 差点就信了", "谢谢你啊姑娘 要不是你我那三万块
			// 就转出去了": relief and thanks for yesterday's answer, not
			// "Good. Forward a message".
			return smalltalk(s, "thanks")
		}
		s = resetFlowKeepLast(s)
		return s, []Reply{menuReply(&s, "understand.none_start")}
	case IntentYes, IntentNo:
		if s.Node == NodeQuiz {
			return answer(s, p.Intent == IntentYes)
		}
		if s.Node == NodeVerdict {
			if p.Intent == IntentNo {
				return noneSteps(s)
			}
			return whichHappened(s, "understand.yes_which")
		}
		return smalltalk(s, "ok")
	case IntentQuestion, IntentRequest:
		if (p.Topic == "report" || p.Topic == "where") && s.Node != NodeQuiz {
			named := e.Text
			if p.Topic == "where" {
				named = chinaMissionRe.ReplaceAllString(named, "$1")
			}
			if pl, ok := placeNamed(named); ok {
				// "how do I report it in the UK", "澳洲报警电话多少": the
				// numbers of the place named, not a question back.
				s, replies := showContacts(setPlace(resetFlowKeepLast(s), pl))
				if p.Topic == "report" {
					replies[0].Texts = append([]Text{{Key: "understand.q.report_here"}}, replies[0].Texts...)
				}
				return s, replies
			}
		}
		if p.Intent == IntentRequest {
			return request(s, p.Topic)
		}
		if (p.Topic == "real" || p.Topic == "what" || p.Topic == "") && e.Verdict.Level >= classifier.LevelMedium &&
			s.Node != NodeCountry && s.Node != NodeQuiz && !followsWarning(s, e) {
			// "Buyer wants to pay via Zelle, then an email from 'Zelle'
			// says I must upgrade to a business account… is this real?",
			// "妈妈收到一个FaceTime, someone claiming to be 京东客服…": the
			// scam is told in the question; its warning, not "paste the
			// message" or "tell me what happened".
			return check(s, e.Verdict, p.Asks)
		}
		if p.Topic == "number" && s.Node != NodeQuiz && s.Node != NodeCountry && !callerIDRe.MatchString(e.Text) {
			if k := directory().ContactByPhone(typedPhoneRe.FindString(e.Text)); k != nil {
				// "is +86 10 12308 the real number": one of the sourced
				// numbers the bot itself gives; say whose it is, and that
				// a call showing it can still be faked.
				s = resetFlowKeepLast(s)
				texts := append([]Text{{Key: "understand.q.number_listed"}}, contactLines(k)...)
				texts = append(texts, Text{Key: "understand.q.number_listed.spoof"})
				return s, []Reply{{Texts: texts, Choices: keyboard(&s, "where", "btn.where", "check", "btn.check", "menu", "btn.menu")}}
			}
		}
		if s.Node == NodeCountry && (p.Topic == "" || p.Topic == "what") && whyAskedRe.MatchString(strings.ToLower(strings.TrimSpace(e.Text))) {
			// "why do you need that" at the place question: why the
			// place is asked is the answer.
			return askCountry(s, "understand.q.country")
		}
		if s.Node == NodeCountry && s.Paid && (p.Topic == "" || p.Topic == "what") && !moreMoneyRe.MatchString(strings.ToLower(e.Text)) {
			// "what now", "怎么办" right after the steps for a loss: which
			// comes first, the bank, not what to hold back meanwhile;
			// "should i send more?" still gets that.
			return askCountry(s, "understand.q.country.paid")
		}
		return answerQuestion(s, p.Topic)
	case IntentSmalltalk:
		return smalltalk(s, p.Topic)
	case IntentPlace:
		if p, ok := matchPlace(e.Text); ok {
			return showContacts(setPlace(s, p))
		}
		if !looksLikePlace(e.Text) {
			if q := Understand(State{Node: NodeSteps}, e.Text, false); q.Intent != IntentPlace && q.Intent != IntentSmalltalk &&
				(q.Intent != IntentUnclear || q.Asks) || e.Verdict.Level >= classifier.LevelMedium {
				// "他们叫我去银行把定期存款取出来…我现在就在银行门口排队",
				// typed at the place question: a scam going on now,
				// told in a short sentence that read as a place. It is
				// answered as it would be after the steps; the numbers
				// stay a button away.
				s.Node = NodeSteps
				return text(s, e)
			}
			if thanksSaidRe.MatchString(e.Text) {
				// "好的，我让他用手机号申诉，我在群里发了通知。谢谢！":
				// thanks with news, not a place.
				return smalltalk(s, "thanks")
			}
			// "will the police actually do anything", "我还告诉了他们我的
			// 住址", "他说五分钟内不补 账户就清零": a sentence, not a place
			// the directory lacks. What to hold back meanwhile comes
			// first: a story still going on was answered with the place
			// question alone (round eighteen).
			return askCountry(s, "understand.q.country.meanwhile")
		}
		return askCountry(s, "where.unknown")
	}
	return unclear(s)
}

// whyAskedRe finds the person asking why the bot asks ("why do you need
// that", "为什么要问这个").
var whyAskedRe = regexp.MustCompile(`^(?:why|what for|whats that for|what's that for|为什么|为啥|干嘛|干吗)`)

// choose handles a button press. Data is untrusted: it is honoured only if
// it carries the current keyboard's Seq and names a choice that makes sense
// where the conversation is; anything else is stale and changes nothing.
func choose(s State, e Event) (State, []Reply) {
	seq, owner, id, ok := parseChoice(e.Data)
	if !ok {
		return s, []Reply{say("choice.stale")}
	}
	if seq != s.Seq || owner != s.Owner {
		if !helpChoices[id] {
			return s, []Reply{say("choice.stale")}
		}
		// A person who has paid, or is still on the phone, is never
		// turned away because the button was on an older message: these
		// lead to steps and change no question that is pending.
		switch id {
		case "paid", "a:paid":
			return paid(resetFlowKeepLast(s))
		case "f:paid", "f:paid:me":
			return familyPaid(resetFlowKeepLast(s), id == "f:paid:me")
		case "call":
			return callMenu(resetFlow(s))
		case "call:on", "a:call":
			return onCall(resetFlowKeepLast(s))
		case "a:app":
			return appSteps(resetFlowKeepLast(s))
		case "where":
			return askCountry(resetFlowKeepLast(s), "where.ask")
		}
	}
	if ns, r, ok := navigate(s, id); ok {
		return ns, r
	}
	switch id {
	case "call:on", "a:call":
		return onCall(s)
	case "paid", "a:paid":
		return paid(s)
	case "a:app":
		return appSteps(s)
	case "f:paid", "f:paid:me":
		return familyPaid(s, id == "f:paid:me")
	case "a:none":
		return noneSteps(s)
	case "a:called":
		return whichHappened(s, "understand.called_back")
	case "where":
		return askCountry(s, "where.ask")
	case "more":
		return moreNumbers(s)
	case "lang":
		return askLang(s)
	case "y", "n":
		if s.Node == NodeQuiz {
			return answer(s, id == "y")
		}
	}
	if code, ok := strings.CutPrefix(id, "cc:"); ok && s.Node == NodeCountry {
		if code == CountryOther || directory().Country(code) != nil {
			return showContacts(setPlace(s, locales.Place{Country: code}))
		}
	}
	if lang, ok := strings.CutPrefix(id, "lang:"); ok && s.Node == NodeLang {
		if l, ok := parseLang(lang); ok {
			return setLang(s, l)
		}
	}
	return s, []Reply{say("choice.stale")}
}

// helpChoices are the buttons that lead to help steps: they work whenever
// they are pressed, from any old keyboard (and anyone's: the steps are
// the presser's own).
var helpChoices = map[string]bool{
	"paid": true, "a:paid": true, "f:paid": true, "f:paid:me": true, "call": true, "call:on": true, "a:call": true, "a:app": true, "where": true,
}

// HelpChoice reports whether button data names a choice that leads to help
// steps, which Step honours from any keyboard: a channel that cannot load
// the conversation may still step a fresh one with it.
func HelpChoice(data string) bool {
	_, _, id, ok := parseChoice(data)
	return ok && helpChoices[id]
}

// resetFlow leaves whatever was being asked; language, place and
// organisation stay.
func resetFlow(s State) State {
	s.Node, s.Last, s.Answers, s.Paid, s.Warned, s.Gave = NodeStart, nil, "", false, false, false
	return s
}

// resetFlowKeepLast leaves the flow but keeps the last verdict, so a
// warning for family still names the scam, and what the person lost or
// gave: a loss told earlier in the conversation is still a loss when the
// next answer is about an app or a call ("现在要不要把手机恢复出厂设置 照片
// 还没备份" after money went is not "Good, nothing is lost"; round twenty).
func resetFlowKeepLast(s State) State {
	last, paid, gave := s.Last, s.Paid, s.Gave
	s = resetFlow(s)
	s.Last, s.Paid, s.Gave = last, paid, gave
	return s
}

func start(s State, code string) (State, []Reply) {
	s = resetFlow(s)
	org := directory().Org(code)
	if org == nil || code == "" {
		return s, []Reply{menuReply(&s, "start.greeting")}
	}
	s.Org = strings.ToLower(org.Code)
	s.Country, s.Mission = org.Country, ""
	ref := map[string]string{"org": "org." + s.Org}
	texts := []Text{{Key: "start.org", Refs: ref}, {Key: "start.org_numbers", Refs: ref}}
	for _, id := range org.Contacts {
		texts = append(texts, contactLines(directory().Contact(id))...)
	}
	r := menuReply(&s, "menu.prompt")
	return s, []Reply{{Texts: texts}, r}
}

func menuReply(s *State, key string) Reply {
	return Reply{Texts: []Text{{Key: key}}, Choices: keyboard(s,
		"check", "btn.check",
		"call", "btn.call",
		"paid", "btn.paid",
		"where", "btn.where",
		"lang", "btn.lang",
	)}
}

func askLang(s State) (State, []Reply) {
	s.Node = NodeLang
	s.Seq++
	return s, []Reply{{Texts: []Text{{Key: "lang.ask"}}, Choices: [][]Choice{{
		choice(&s, "lang:zh", "btn.lang.zh"),
		choice(&s, "lang:en", "btn.lang.en"),
	}}}}
}

func setLang(s State, lang string) (State, []Reply) {
	s.Lang, s.LangSet = lang, true
	s = resetFlowKeepLast(s)
	return s, []Reply{menuReply(&s, "lang.done")}
}

func parseLang(arg string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(arg)) {
	case "zh", "cn", "中文", "汉语", "chinese":
		return locales.ZH, true
	case "en", "english", "英文", "英语":
		return locales.EN, true
	}
	return "", false
}

func callMenu(s State) (State, []Reply) {
	s.Node = NodeCall
	return s, []Reply{{
		Texts: []Text{{Key: "call.first"}, {Key: "call.ask"}},
		Choices: keyboard(&s,
			"call:on", "btn.still_on_call",
			"quiz", "btn.quiz",
			"paid", "btn.paid",
			"menu", "btn.menu",
		),
	}}
}

func onCall(s State) (State, []Reply) {
	s.Node = NodeSteps
	texts := []Text{
		{Key: "oncall.hangup"},
		{Key: onCallWhy(s.Last)},
		{Key: "oncall.verify", Params: map[string]string{"consular": consularPhone()}},
	}
	var kb []string
	if s.Last == nil {
		kb = append(kb, "quiz", "btn.quiz")
	}
	kb = append(kb, "a:paid", "btn.paid", "where", "btn.where", "share", "btn.share", "menu", "btn.menu")
	return s, []Reply{{Texts: texts, Choices: keyboard(&s, kb...)}}
}

// onCallWhy explains why hanging up is safe in the terms of the scam the
// person checked: the police and consulates' rule for calls that claim an
// authority (or when no message was checked), and the rule for companies
// and strangers after, say, a parcel or investment scam, where "real
// police never…" would not match what is happening.
func onCallWhy(last *CheckSummary) string {
	if last == nil || last.Level == classifier.LevelNone {
		return "oncall.why"
	}
	switch last.Type {
	case classifier.TypeNone, classifier.TypeImpersonateOfficial, classifier.TypeVirtualKidnapping:
		return "oncall.why"
	}
	return "oncall.why_other"
}

// allSteps answers "all of them" to what has happened so far: money
// sent and still on the phone (and perhaps an app), the most urgent
// first. The call is ended and any screen sharing stopped, then the
// steps after a loss, bank first.
func allSteps(s State) (State, []Reply) {
	s, replies := paid(s)
	texts := replies[0].Texts
	if len(texts) > 0 && texts[0].Key == "paid.now" {
		texts = texts[1:]
	}
	replies[0].Texts = append([]Text{{Key: "understand.all.first"}}, texts...)
	return s, replies
}

func appSteps(s State) (State, []Reply) {
	s.Gave = true
	return stepsThenPaid(s, Text{Key: "app.now"}, Text{Key: "app.remove"}, Text{Key: "app.passwords"})
}

// gaveNoMoney answers "no money went" after the steps for papers, an app
// or an account handed over: good, but those steps still stand.
func gaveNoMoney(s State) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts:   []Text{{Key: "understand.none_but_gave"}},
		Choices: keyboard(&s, "a:paid", "btn.a.paid", "where", "btn.where", "menu", "btn.menu"),
	}}
}

func noneSteps(s State) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts:   []Text{{Key: "none.steps"}},
		Choices: keyboard(&s, "share", "btn.share", "menu", "btn.menu"),
	}}
}

// paid gives the steps after a loss, bank first. The police step needs to
// know where the person is; if they have not said, it is asked last, after
// the steps that do not depend on it.
func paid(s State) (State, []Reply) {
	s.Paid = true
	s.Answers = ""
	first := Reply{Texts: []Text{{Key: "paid.now"}, {Key: "paid.bank"}, {Key: "paid.wallets"}}}
	rest := []Text{{Key: "paid.cards"}, {Key: "paid.identity"}, {Key: "paid.evidence"}, {Key: "paid.recovery"}}
	if s.Country == "" {
		s.Node = NodeSteps
		ns, ask := askCountry(s, "paid.police.ask")
		return ns, []Reply{first, {Texts: rest}, ask[0]}
	}
	s.Node = NodeSteps
	contacts := Reply{Texts: contactsTexts(s)}
	return s, []Reply{first, contacts, {Texts: rest, Choices: keyboard(&s, placeChoices(s)...)}}
}

// cnParams are mainland China's police and anti-fraud numbers, taken from
// the directory; 110 and 96110 are the fallback the issue itself names.
func cnParams() map[string]string {
	p := map[string]string{"police": "110", "antifraud": "96110"}
	d := directory()
	if k := d.FirstOfKind("CN", locales.KindEmergency); k != nil && k.Phone != "" {
		p["police"] = k.Phone
	} else if k := d.FirstOfKind("CN", locales.KindPolice); k != nil && k.Phone != "" {
		p["police"] = k.Phone
	}
	if k := d.FirstOfKind("CN", locales.KindAntiFraudHotline); k != nil && k.Phone != "" {
		p["antifraud"] = k.Phone
	}
	return p
}

func consularPhone() string {
	if k := directory().Consular(); k != nil && k.Phone != "" {
		return k.Phone
	}
	return locales.ConsularHotline
}

// share gives a warning a son or daughter can forward to a parent: what
// the scam is and the one rule that defeats it.
func share(s State) (State, []Reply) {
	warning := Reply{Texts: shareTexts(s)}
	return s, []Reply{warning, {
		Texts: []Text{{Key: "share.done"}},
		Choices: keyboard(&s,
			"share:other", "btn.share_other",
			"menu", "btn.menu",
		),
	}}
}

func shareOther(s State) (State, []Reply) {
	return s, []Reply{{Lang: otherLang(s.Lang), Texts: shareTexts(s)}}
}

func shareTexts(s State) []Text {
	key := "share.generic"
	if s.Last != nil && s.Last.Type.Valid() {
		key = "share." + string(s.Last.Type)
	}
	return []Text{{Key: "share.title"}, {Key: key}, {Key: "share.footer"}}
}

func otherLang(lang string) string {
	if lang == locales.ZH {
		return locales.EN
	}
	return locales.ZH
}

// keyboard builds one button per row from (id, label key) pairs and marks
// it with a new Seq, which makes every older keyboard stale.
func keyboard(s *State, pairs ...string) [][]Choice {
	s.Seq++
	rows := make([][]Choice, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		rows = append(rows, []Choice{choice(s, pairs[i], pairs[i+1])})
	}
	return rows
}

func choice(s *State, id, label string) Choice {
	return Choice{Data: encodeChoice(s.Seq, s.Owner, id), Label: Text{Key: label}}
}

func say(key string) Reply { return Reply{Texts: []Text{{Key: key}}} }

// EncodeChoice builds button data without an owner: "c<seq>:<id>".
func EncodeChoice(seq uint32, id string) string {
	return encodeChoice(seq, "", id)
}

// encodeChoice builds button data: "c<seq>:<id>", or "c<seq>.<owner>:<id>"
// when the conversation knows its owner. Both fit Telegram's 64 bytes: the
// seq has at most 10 digits, the owner 8 characters, the ids are short.
func encodeChoice(seq uint32, owner, id string) string {
	d := "c" + strconv.FormatUint(uint64(seq), 10)
	if owner != "" {
		d += "." + owner
	}
	return d + ":" + id
}

// ParseChoice decodes button data made by this package; ok is false for
// anything else (old formats, forged data). The owner, if any, is dropped.
func ParseChoice(data string) (seq uint32, id string, ok bool) {
	seq, _, id, ok = parseChoice(data)
	return seq, id, ok
}

func parseChoice(data string) (seq uint32, owner, id string, ok bool) {
	if len(data) > MaxChoiceData || !strings.HasPrefix(data, "c") {
		return 0, "", "", false
	}
	head, id, found := strings.Cut(data[1:], ":")
	if !found || !validChoiceID(id) {
		return 0, "", "", false
	}
	num, owner, hasOwner := strings.Cut(head, ".")
	if hasOwner && !validOwner(owner) {
		return 0, "", "", false
	}
	if num == "" || (len(num) > 1 && num[0] == '0') {
		return 0, "", "", false
	}
	n, err := strconv.ParseUint(num, 10, 32)
	if err != nil {
		return 0, "", "", false
	}
	return uint32(n), owner, id, true
}

// validOwner accepts 1-8 lower-case letters or digits.
func validOwner(o string) bool {
	if o == "" || len(o) > 8 {
		return false
	}
	for i := 0; i < len(o); i++ {
		if c := o[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// validChoiceID accepts the ids this package makes: lower-case ASCII
// letters, digits and ":_-", plus upper-case letters for country codes.
func validChoiceID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Rendered is a Reply in words.
type Rendered struct {
	Lang    string
	Text    string
	Choices [][]RenderedChoice
}

// RenderedChoice is a button in words.
type RenderedChoice struct {
	Data  string
	Label string
}

// Render puts a reply into words in lang (or the reply's own language).
func Render(c *locales.Catalog, lang string, r Reply) (Rendered, error) {
	if r.Lang != "" {
		lang = r.Lang
	}
	out := Rendered{Lang: lang}
	var b strings.Builder
	for _, t := range r.Texts {
		s, ok, err := renderText(c, lang, t)
		if err != nil {
			return Rendered{}, fmt.Errorf("render reply: %w", err)
		}
		if !ok {
			continue
		}
		if b.Len() > 0 {
			if t.Line {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(s)
	}
	out.Text = b.String()
	for _, row := range r.Choices {
		var rr []RenderedChoice
		for _, ch := range row {
			label, _, err := renderText(c, lang, ch.Label)
			if err != nil {
				return Rendered{}, fmt.Errorf("render choice: %w", err)
			}
			rr = append(rr, RenderedChoice{Data: ch.Data, Label: label})
		}
		out.Choices = append(out.Choices, rr)
	}
	return out, nil
}

// renderText renders one text; ok is false when an optional text is left
// out because a message it needs is missing.
func renderText(c *locales.Catalog, lang string, t Text) (string, bool, error) {
	if t.Optional && !c.Has(lang, t.Key) {
		return "", false, nil
	}
	params := t.Params
	if len(t.Refs) > 0 {
		params = make(map[string]string, len(t.Params)+len(t.Refs))
		for k, v := range t.Params {
			params[k] = v
		}
		for name, key := range t.Refs {
			if t.Optional && !c.Has(lang, key) {
				return "", false, nil
			}
			v, err := c.Render(lang, key, nil)
			if err != nil {
				return "", false, err
			}
			params[name] = v
		}
	}
	s, err := c.Render(lang, t.Key, params)
	if err != nil {
		return "", false, err
	}
	return s, true, nil
}

// moreMoneyRe is a question about paying, sending or giving (more): after
// a loss, what to hold back is its answer.
var moreMoneyRe = regexp.MustCompile(`\b(?:send|sent|pay|paid|transfer|give|buy|more)\b|转|付|汇|给他|给她|买|再`)

// placeAnswer reports whether text answers the place question asked at
// NodeCountry with a place the directory knows ("法国", "other").
func placeAnswer(s State, text string) bool {
	if s.Node != NodeCountry {
		return false
	}
	_, ok := matchPlace(text)
	return ok
}

// placeSaid finds where the person says they are in a typed text that
// is not a story or a warning's message: at the place question, in
// anything short that is no story; elsewhere in words that are otherwise
// unclear, a plain question, small talk, or a text that opens with "I'm
// in" or 我在 and holds no warning sign.
func placeSaid(s State, e Event, p Placement) (locales.Place, bool) {
	if e.Forwarded || s.Node == NodeQuiz || s.Node == NodeLang || s.Node == NodeCheck ||
		e.Verdict.Level >= classifier.LevelMedium || utf8.RuneCountInString(e.Text) > maxOwnPlaceRunes {
		return locales.Place{}, false
	}
	switch p.Intent {
	case IntentPaid, IntentOnCall, IntentApp, IntentAccount, IntentThreatened, IntentYes, IntentNo, IntentRequest:
		return locales.Place{}, false
	case IntentPlace:
		if _, ok := matchPlace(e.Text); ok {
			// matchPlace's own answer, below.
			return locales.Place{}, false
		}
	case IntentCheck:
		if s.Node != NodeCountry {
			loc := ownPlaceOpenRe.FindStringIndex(foldPlace(strings.TrimSpace(e.Text)))
			if e.Verdict.Level != classifier.LevelNone || loc == nil || loc[0] != 0 {
				return locales.Place{}, false
			}
		}
	case IntentQuestion:
		switch p.Topic {
		case "", "what", "start", "bank":
		default:
			if s.Node != NodeCountry {
				return locales.Place{}, false
			}
		}
	}
	if pl, ok := ownPlace(e.Text); ok {
		return pl, true
	}
	if s.Node == NodeCountry && !placeCorrectedRe.MatchString(e.Text) {
		// "洛杉矶 具体是尔湾" to "where are you now?": the answer opens
		// with the place, and says more after it.
		return hanPlacePrefix(foldPlace(e.Text))
	}
	return locales.Place{}, false
}

// placeCorrectedRe finds a place taken back ("温哥华 不对 我这学期在多伦多"):
// the first place named is then not the answer.
var placeCorrectedRe = regexp.MustCompile(`不对|不是|搬到|搬去|其实|\b(?:not|actually|moved)\b`)

// thanksOpenRe finds a text that opens with thanks.
var thanksOpenRe = regexp.MustCompile(`(?i)^\W*(?:(?:just )?wanted to say thank|thanks|thank (?:you|u)|thx|tq\b|` + thanksZH + `)`)

// thanksZH is thanks in Chinese: simplified, traditional, Cantonese.
const thanksZH = `谢谢|感谢|多谢|謝謝|感謝|多謝|唔該|唔该`

// thanksSaidRe finds thanks said anywhere in a text.
var thanksSaidRe = regexp.MustCompile(`(?i)\bthanks\b|\bthank (?:you|u)\b|\bthx\b|\btq\b|\bappreciate it\b|` + thanksZH)

// maxOwnPlaceRunes bounds the texts read for where the person is: a
// longer one is a story or a message, whose places are not theirs.
const maxOwnPlaceRunes = 120

// followsWarning reports whether a typed text comes straight after a
// warning and reads as a remark on it, not a new message: short, no link,
// nothing the rules warn of; after a verdict, or after a direct answer
// that warned of what the person told (State.Warned: "the recruiter's
// profile has 500+ connections" under the warning on a job's training
// fee). "the sender is ucl-finance-dept@outlook.com",
// "one member says she swapped with them and got her pounds fine", "it
// shows his name though" (round fourteen) were checked as messages and
// told "no known warning signs", or asked whether they were a message,
// right under "this is a scam". The warning stands; how to check it is
// said again.
func followsWarning(s State, e Event) bool {
	return afterWarning(s) && !e.Forwarded && !thanksSaidRe.MatchString(e.Text) &&
		e.Verdict.Level < classifier.LevelMedium && utf8.RuneCountInString(e.Text) <= followUpMaxRunes &&
		!linkRe.MatchString(emailRe.ReplaceAllString(e.Text, ""))
}

// afterWarning reports whether the last answer warned of a scam: a verdict
// of medium or high, or a direct answer to what the person told.
func afterWarning(s State) bool {
	return s.Node == NodeVerdict && s.Last != nil && s.Last.Level >= classifier.LevelMedium ||
		s.Node == NodeSteps && s.Warned && !s.Paid
}

// senderAddrRe finds an email address or its domain told: "the sender
// ends in @outlook.com" names where a message came from, no link to open.
var senderAddrRe = regexp.MustCompile(`[\w.+-]*@[\w-]+(?:\.[\w-]+)+`)

// emailRe finds an email address: "the sender is ucl-finance-dept@outlook.com"
// names where the message came from, it is no new link.
var emailRe = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)

// followUpMaxRunes is the longest text read as a remark on the warning
// just given; a longer one is more likely another message to check.
const followUpMaxRunes = 200

// nothingFound answers a text placed as a message to check in which the
// rules found nothing, when that says nothing of a message: a bare web
// address, a piece of the person's account, or their own words (ok is
// false for a message, whose verdict stands).
func nothingFound(s State, e Event, p Placement) (State, []Reply, bool) {
	if bareLinkRe.MatchString(e.Text) {
		// "link is parcel-hold-release.info/pay88": the rules found
		// nothing in a bare address, which says nothing of the message
		// it came in; don't open it, send that message.
		s, replies := answerQuestion(s, "link_alone")
		return s, replies, true
	}
	if !e.Forwarded && p.Quote != "" && partnerDefended(strings.Replace(e.Text, p.Quote, " ", 1)) {
		// '他给我发语音说："宝贝你相信我，交完我们就一起去旅行…"我真的很爱
		// 他，我觉得他不是那种人': a partner's words quoted, with no sign
		// alone, and the person defending him; how the long con works,
		// not "no known warning signs" (round nineteen).
		s, replies := answerQuestion(s, "romance")
		return s, replies, true
	}
	if s.Paid && !e.Forwarded && framingLang(e.Text) == "" && !thanksSaidRe.MatchString(e.Text) {
		// 'he says "the tax is normal baby, i will cover half"', "now
		// the assistant says vip round need min 5000", a bank's debit
		// text pasted with "他看不懂": typed after a loss was told, the
		// words belong to that scam, however clean they are alone. What
		// comes first after a loss, not "no known warning signs" (round
		// twenty). A message framed as one to check ("is this real:
		// …") keeps its verdict; thanks ("He's with us now. Thank you")
		// are answered as thanks.
		s, replies := answerQuestion(s, "what")
		return s, replies, true
	}
	if s.Node == NodeVerdict && s.Warned && !s.Paid && !e.Forwarded && framingLang(e.Text) == "" &&
		!thanksSaidRe.MatchString(e.Text) && utf8.RuneCountInString(e.Text) <= followUpMaxRunes {
		// "wait the text literally says do not share this code with
		// anyone", right after the warning about a code asked for: the
		// person's remark on what they told, not a message with "no
		// known warning signs" (round twenty).
		s, replies := whichHappened(s, "understand.q.real_after")
		return s, replies, true
	}
	n := understanding.normalize(e.Text)
	if !e.Forwarded {
		// The person's words that tell what was done, beside a quote or
		// not, decide over a verdict with no sign (round twenty): '我妈
		// 说她没转账哦 "只是把银行卡拍给那个客服看了一下"', a card shown, is
		// the bank's steps; '录音说"…请按九" 我直接挂了' the hang-up's
		// answer. A message that asks its reader for a card's photo
		// ("请把银行卡拍照发给我们") is no telling.
		switch {
		case cardShownRe.MatchString(n) && !secondPersonRe.MatchString(n) && !strings.Contains(n, "请"):
			s, replies := paid(s)
			return s, replies, true
		case hungUpTold(n):
			s, replies := answerQuestion(s, "hung_up")
			return s, replies, true
		case p.Quote != "" && relativeWroteRe.MatchString(n) && quotedPaidRe.MatchString(understanding.normalize(p.Quote)):
			// 'my mum in Chengdu just texted "police said you were
			// arrested…, I sent 80,000 to the lawyer they gave me, are
			// you ok??"': a relative's own words that money went; their
			// bank first (round twenty).
			s, replies := familyPaid(s, false)
			return s, replies, true
		}
		quoteN := understanding.normalize(p.Quote)
		if p.Quote != "" && officialsRe.MatchString(quoteN) && officialAskRe.MatchString(quoteN) && !linkRe.MatchString(e.Text) {
			// 'a first-year told me "the embassy already called me…, I
			// just need to pay to clear it"', 'dads words: "someone from
			// the public security bureau… asked for your passport
			// number"': an office's ask passed on in someone's words;
			// what real offices never do (round twenty).
			s, replies := answerQuestion(s, "officials")
			return s, replies, true
		}
		if reportWhereRe.MatchString(n) {
			// '我爸问"如果钱是从国内银行卡转走的 但人在国外 要在哪边报案"':
			// where to report is the numbers' answer.
			s, replies := answerQuestion(s, "report")
			return s, replies, true
		}
		if (generalQuestionRe.MatchString(n) || p.Quote != "" && generalQuestionRe.MatchString(quoteN)) && !linkRe.MatchString(e.Text) && !phoneRe.MatchString(e.Text) &&
			utf8.RuneCountInString(e.Text) <= generalQuestionMaxRunes {
			// "are there any signs a crypto trading platform is fake before
			// you put money in?": a question about scams, not a message;
			// "no known warning signs" would answer one that was not asked
			// (round twenty). Investing gets how the platforms work; the
			// rest what the bot needs to answer.
			s, replies := answerQuestion(s, generalTopic(n))
			return s, replies, true
		}
	}
	if !e.Forwarded && s.Node == NodeCountry && p.Quote == "" && framingLang(e.Text) == "" && !linkRe.MatchString(senderAddrRe.ReplaceAllString(e.Text, "")) &&
		utf8.RuneCountInString(e.Text) <= followUpMaxRunes {
		// "the sender ends in @outlook.com, not the uni domain, but it has
		// the uni logo", typed when the bot had asked where the person
		// is, after a scam told: more of the story, not a message with
		// "no known warning signs" (round twenty-one). What to hold back
		// meanwhile, and the place asked again.
		s, replies := askCountry(s, "understand.q.country.meanwhile")
		return s, replies, true
	}
	if !e.Forwarded && s.piecesBefore > 0 && framingLang(e.Text) == "" && !linkRe.MatchString(e.Text) {
		// "theres a group chat where everyone posts their withdrawals so
		// it seems legit", typed between the pieces of a story still
		// being told (round twenty-one): a piece of it, quoted words or
		// not, whose "no known warning signs" would judge the piece
		// alone. What the piece tells, or the next piece's answer; a
		// message framed as one to check keeps its verdict.
		if topic := toldTopic(n, true); topic != "" {
			s, replies := answerQuestion(s, topic)
			return s, replies, true
		}
		s, replies := unclear(s)
		return s, replies, true
	}
	if e.Forwarded || p.Quote != "" {
		// Forwarded, or quoted or pasted beside the person's words and
		// checked alone (Placement.Quote): the verdict is on a message.
		return s, nil, false
	}
	if s.Seq >= 2 && !e.Forwarded && youSaidRe.MatchString(n) {
		// "you said embassy doesnt do residence cards. makes sense",
		// "but you said dont trust anything claiming to be the
		// consulate??": the person answering the bot, not a message;
		// what to trust and how to check (round twenty).
		s, replies := whichHappened(s, "understand.q.real_after")
		return s, replies, true
	}
	if lockedOutRe.MatchString(n) && (investRe.MatchString(n) || moneyInRe.MatchString(n)) {
		// "跟着群里的老师买那个币 开始还能取出来 后来加到四十几万 现在帐号登
		// 不上 群也把我们踢了": money put into a platform that now shuts
		// the person out is a loss told, not a message with "no known
		// warning signs"; the steps after a payment (round twenty).
		s, replies := paid(s)
		return s, replies, true
	}
	if helpNumberAskedRe.MatchString(n) {
		// "外交部那个全球领事保护热线是多少 是不是+86 10 12308": a help
		// number asked for, with the number the person half remembers;
		// where they are and its numbers (round twenty).
		s, replies := answerQuestion(s, "report")
		return s, replies, true
	}
	if warnWhatRe.MatchString(n) {
		// "学联这边想问下 新生来的第一周我们应该提醒哪几件事": what to tell
		// others is the warning to share.
		s, replies := share(s)
		return s, replies, true
	}
	if s, replies, ok := ownQuestion(s, e); ok {
		// "can you write a short warning we can post…", "would the
		// chinese police ever contact me on whatsapp": the questions a
		// text left unclear gets answered, here too (round twenty-one).
		return s, replies, true
	}
	if numberRealRe.MatchString(n) {
		// "is +1 213 807 8052 really the LA consulate?": a number asked
		// about is no message; what a number can and cannot prove (round
		// twenty).
		s, replies := answerQuestion(s, "number")
		return s, replies, true
	}
	if realThingRe.MatchString(n) && !linkRe.MatchString(e.Text) {
		// "is \"Interpol China Division\" a real thing?": a name asked
		// about; what real offices never do, or what the bot needs.
		topic := "start"
		if officialsRe.MatchString(n) {
			topic = "officials"
		}
		s, replies := answerQuestion(s, topic)
		return s, replies, true
	}
	if scammedByRe.MatchString(n) {
		// "有个新生说被"大使馆"骗了 人在我们办公室哭": scammed, with the
		// scam's name quoted in between; what happened first.
		s, replies := scammedAsk(s, tellsOfSomeone(e.Text))
		return s, replies, true
	}
	if ringingNowRe.MatchString(n) {
		// "视频请求现在一直在响": a call still coming in, read as a
		// message (round nineteen: "is this a message?").
		s, replies := onCall(s)
		return s, replies, true
	}
	runes := utf8.RuneCountInString(strings.TrimSpace(e.Text))
	if s.Seq >= 2 && s.Node != NodeCheck && runes <= maxFragmentRunes {
		// "from 'JD customer service'", "customer service 3k
		// usd/month", "做兼职": a piece of the person's account sent on
		// its own in a conversation under way, not a message; "no known
		// warning signs" would judge a fragment.
		var replies []Reply
		switch {
		case s.Paid:
			s, replies = answerQuestion(s, "what")
		case followsWarning(s, e):
			s, replies = whichHappened(s, "understand.q.real_after")
		default:
			s, replies = unclear(s)
		}
		return s, replies, true
	}
	if s.Seq >= 2 && s.Node != NodeCheck && realQuestionRe.MatchString(n) &&
		runes <= followUpMaxRunes && !linkRe.MatchString(e.Text) && !phoneRe.MatchString(e.Text) {
		// "is there any chance the platform is real? the website looks
		// really professional", mid-story: a question about what was
		// told, not a message; "no known warning signs" would answer it
		// "yes" (round nineteen). A message pasted with its link or
		// number keeps its verdict.
		if afterWarning(s) {
			s, replies := whichHappened(s, "understand.q.real_after")
			return s, replies, true
		}
		s, replies := storyAsks(s)
		return s, replies, true
	}
	if s, replies, ok := ownWordsNotClear(s, e, p, n); ok {
		return s, replies, true
	}
	if s.Node != NodeCheck && runes <= maxFirstFragmentRunes && !anyDigitRe.MatchString(e.Text) &&
		!secondPersonRe.MatchString(n) {
		// "小红书兼职", "text about parcel" as the first text: a topic or
		// a piece of an account, not a message ("恭喜您中奖了，请回复领取"
		// speaks to its reader and keeps its verdict).
		s, replies := unclear(s)
		return s, replies, true
	}
	return s, nil, false
}

// stillListeningRe finds a caller still listening in: "还在她另一个手机上开
// 着免提听着", "he's still on speaker on her other phone".
var stillListeningRe = regexp.MustCompile(`(?:那个人|对方|骗子|他|她)[^。！？]{0,12}(?:开着|开了)免提|(?:开着|开了)免提[^。！？]{0,6}(?:听着|在听)|还在[^。！？]{0,10}(?:手机|电话)上[^。！？]{0,8}听着|\bstill (?:on|listening on) (?:speaker|the (?:other )?(?:phone|line))\b`)

// shouldHangUpRe finds hanging up asked about while the call goes on: "我
// 要不要直接把电话抢过来挂了", "我让她挂了行吗", "should i make her hang up".
var shouldHangUpRe = regexp.MustCompile(`要不要(?:直接)?(?:把电话)?(?:抢过来)?(?:让(?:她|他))?(?:挂(?:了|掉|断)|挂电话|挂(?:吗|呢|[？?]|$))|让(?:她|他)挂了行(?:吗|不)|\bshould i (?:make (?:her|him|them) )?hang up\b|\bcan i (?:just )?hang up\b`)

// payingWeighedRe finds paying weighed: "我在想要不要先转一部分", "should i
// just send some of it", "thinking of paying half".
var payingWeighedRe = regexp.MustCompile(`要不要(?:先)?(?:转|汇|付|给|打|充)|(?:先)?(?:转|汇|付)一部分|\bshould i (?:just )?(?:send|pay|transfer|give)\b|\b(?:thinking|thought) (?:of|about) (?:sending|paying|transferring)\b|\b(?:send|pay) (?:part|some|half) of it\b`)

// bareNoRe finds a bare no: "no", "not yet", "没有", "还没".
var bareNoRe = regexp.MustCompile(`^(?:no|nope|nah|not yet|no not yet|none|没有|没|还没|还没有|没呢|还没呢)\s*[.!。！]*$`)

// answerDoubtedRe finds the bot's answer quoted, shown or doubted: "你说号
// 码能伪造", "i showed her ur answer", "我到底该信谁", "who do i believe".
var answerDoubtedRe = regexp.MustCompile(`^(?:but |ok |so |wait )?(?:you|u) (?:said|told me|say)\b|^(?:可是|但是|那)?你(?:刚才|刚刚|之前|不是)?说|\b(?:showed|sent|forwarded|read) (?:her|him|them|my \w+) (?:ur|your|the bots?) (?:answer|reply|message|advice)\b|给(?:她|他|我妈|我爸)看了你的(?:回答|回复)|(?:到底)?(?:该|应该)(?:相)?信谁|\bwho (?:do|should) i (?:believe|trust)\b`)

// generalTopic is the answer to a question about scams in general
// (generalQuestionRe) in n: how the investment platforms work, credit
// repair, a number shown on the screen, where to report, a scam's step
// it names (toldTopics), or what the bot needs to answer.
func generalTopic(n string) string {
	told := toldTopic(n, true)
	switch {
	case investRe.MatchString(n):
		return "explain_pig"
	case creditRecordRe.MatchString(n):
		return "credit_repair"
	case callerIDRe.MatchString(n):
		return "spoofed"
	case numberAskedRe.MatchString(n) || hotlineAskedRe.MatchString(n):
		return "report"
	case told != "":
		return told
	}
	return "start"
}

// ownQuestion answers a text left unclear that asks something of the bot
// (round twenty-one: each was asked "is this a message?"): a help line's
// number ("is there a 24h hotline for chinese citizens overseas"), a
// warning to share ("can you write a short warning we can post"), what
// real officials do ("would the chinese police ever contact me on
// whatsapp"), a question about scams in general. ok is false for
// anything else.
func ownQuestion(s State, e Event) (State, []Reply, bool) {
	if e.Forwarded || s.Node == NodeQuiz || linkRe.MatchString(e.Text) || phoneRe.MatchString(e.Text) ||
		utf8.RuneCountInString(e.Text) > generalQuestionMaxRunes {
		return s, nil, false
	}
	n := understanding.normalize(e.Text)
	switch {
	case helpNumberAskedRe.MatchString(n) || hotlineAskedRe.MatchString(n):
		s, replies := answerQuestion(s, "report")
		return s, replies, true
	case warnWhatRe.MatchString(n) || warningAskedRe.MatchString(n):
		s, replies := share(s)
		return s, replies, true
	case officialsWouldRe.MatchString(n):
		s, replies := answerQuestion(s, "officials")
		return s, replies, true
	case generalQuestionRe.MatchString(n):
		s, replies := answerQuestion(s, generalTopic(n))
		return s, replies, true
	case questionAskedRe.MatchString(n) && toldTopic(n, false) != "":
		// "找人私下换汇会不会被冻卡": a question about a scam's step.
		s, replies := answerQuestion(s, toldTopic(n, false))
		return s, replies, true
	}
	return s, nil, false
}

// hotlineAskedRe finds a help line asked for: "is there a 24h hotline for
// chinese citizens overseas", "有没有24小时的热线".
var hotlineAskedRe = regexp.MustCompile(`\bis there (?:a|an|any) (?:24 ?h(?:ou)?r?s? |24/7 |emergency |official )?(?:hotline|helpline|help line|number to call)\b|有没有[^。！？]{0,10}(?:热线|求助电话)`)

// warningAskedRe finds a warning to share asked for: "can you write a
// short warning we can post in the freshers group", "帮我们写个提醒".
var warningAskedRe = regexp.MustCompile(`\b(?:write|draft|give) (?:us |me )?(?:a |an )?(?:short |quick |brief )?(?:warning|notice|reminder|alert)\b[^.!?]{0,60}\b(?:post|share|send|forward)\b|帮(?:我们|忙)?写(?:一?个|一?段|一?条)?(?:防骗)?(?:提醒|通知|警示)`)

// officialsWouldRe finds what real officials do asked about: "would the
// chinese police ever contact me on whatsapp", "do real police ever ask
// you to keep a case secret", "公安会不会用微信联系".
var officialsWouldRe = regexp.MustCompile(`^(?:would|do|does|can|will|could|is it (?:normal|possible) for) (?:the )?(?:real )?(?:chinese )?(?:police|embassy|consulate|court|courts|prosecutors?|officials?|government|immigration)\b|(?:公安|警察|大使馆|领事馆|法院|检察院)(?:会不会|会|能不能)(?:用|通过|在)?(?:微信|QQ|whatsapp|电话|视频)`)

// youSaidRe finds the person quoting the bot back: "you said…", "but you
// said…", "你刚才说…".
var youSaidRe = regexp.MustCompile(`^(?:but |ok |so |wait )?(?:you|u) (?:said|told me|say)\b|^(?:可是|但是|那)?你(?:刚才|刚刚|之前|不是)?说`)

// generalQuestionRe finds a question about scams in general, asked in the
// person's words: "are there any signs…", "how do i know if…", "有没有办法
// 分辨…".
var generalQuestionRe = regexp.MustCompile(`^(?:[^?:]{0,40}\bhere\s*[:,]\s*)?(?:are there|is there|how (?:do|can|does|would|should|to)|what (?:are|should|do)|what'?s the (?:number|phone number|hotline)|what is the (?:number|phone number|hotline)|which|should i|can (?:i|you) (?:tell|know|check|spot)|can (?:someone|anyone|they|scammers|a scammer|people)|do scammers|are scammers|why do scammers|how can i tell|is it (?:normal|common|usual|safe|legal|ok|okay) (?:for|to)|can (?:money|the money|a transfer|a payment)|if (?:someone|anyone|a caller|scammers|a scammer))\b[^?]{0,160}(?:\?|$)|^(?:有没有(?:办法|什么)|怎么(?:分辨|判断|识别|辨别|看出|知道)|如何(?:分辨|判断|识别|辨别)|哪些)[^？?]{0,80}(?:[？?]|吗)`)

// lockedOutRe finds a platform or group that shuts the person out after
// money went in: "帐号登不上", "群也把我们踢了", "can't withdraw", "they
// removed me from the group".
var lockedOutRe = regexp.MustCompile(`(?:账号|帐号|账户|帐户|app|平台|网站)(?:也|都)?(?:登不上|登录不了|登陆不了|打不开|进不去|提不了现|提不出来|取不出来)|群(?:也|都)?(?:把我们|把我)?(?:踢了|解散了)|把(?:我们|我)踢出(?:了)?群|\b(?:kicked|removed|blocked) (?:me|us)\b|\bcan'?t (?:log ?in|withdraw|access (?:my|the|our) account)\b|\b(?:the )?(?:site|app|platform|website) (?:is |has )?(?:gone|down|disappeared|vanished)\b`)

// moneyInRe finds money put in or taken out of a platform: "买那个币",
// "取出来", "加到四十几万", "deposited".
var moneyInRe = regexp.MustCompile(`买(?:那个|这个|了)?币|取出来|提现|投了|充了|加到|\bdeposit(?:ed)?\b|\bwithdr[ae]w`)

// officialAskRe finds an office's ask in quoted words: to pay, to transfer,
// a passport number, a code asked for.
var officialAskRe = regexp.MustCompile(`\b(?:pay|paid|transfer|deposit|fee|fine|bail)\b|\basked (?:for|me for)\b|\bpassport number\b|\bcode\b|交钱|转账|保证金|要(?:你|我)?(?:的)?(?:护照|身份证|验证码|卡号)|缴纳|罚款`)

// reportWhereRe finds where to report asked: "要在哪边报案", "do you report
// it there or here".
var reportWhereRe = regexp.MustCompile(`(?:在|去|到)(?:哪边|哪里|哪儿|哪)(?:报案|报警)|(?:哪边|哪里)报案|\bwhere (?:do|should|can) (?:i|we|you|they|she|he) report\b|\breport it (?:there|here) or\b`)

// relativeWroteRe finds a relative who wrote or said what follows: "my mum
// just texted", "我妈刚发微信说".
var relativeWroteRe = regexp.MustCompile(`\bmy (?:mum|mom|dad|mother|father|grandma|grandpa|nan|nana|granny|aunt|uncle|sister|brother|wife|husband|parents)\b[^"“]{0,40}\b(?:texted|messaged|said|wrote|called|sent me|told me)\b|(?:我妈|我爸|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|我姐|我哥|我老公|我老婆)[^“"]{0,12}(?:发消息|发微信|发来|说|打电话|告诉我)`)

// quotedPaidRe finds, in a relative's quoted words, money they sent: "I
// sent 80,000", "我已经转了".
var quotedPaidRe = regexp.MustCompile(`\bi (?:already |just )?(?:sent|paid|transferred|wired)\b|我(?:已经|刚刚?|都)?(?:转了|汇了|付了|打了|交了)`)

// cardShownRe finds a bank card shown or photographed for someone: "把银行
// 卡拍给那个客服看", "sent a photo of my card", "showed them my card".
var cardShownRe = regexp.MustCompile(`(?:银行卡|信用卡|卡)(?:正反面|的正反面|的照片)?(?:拍给|拍照给|拍照发给|照片发给|给[^。！？]{0,8}看)|\b(?:photo|picture|pic|photos|pictures) of (?:my|her|his|the) (?:bank |debit |credit )?cards?\b|\bshowed (?:them|him|her) (?:my|her|his) (?:bank |debit |credit )?card\b`)

// helpNumberAskedRe finds a help line's number asked for: "领事保护热线是多
// 少", "反诈中心电话多少", "what's the number for the consulate".
var helpNumberAskedRe = regexp.MustCompile(`(?:热线|电话|号码)(?:是)?多少|\bwhat'?s the (?:number|phone number|hotline) (?:for|of|to)\b|\bwhat is the (?:number|phone number|hotline) (?:for|of|to)\b`)

// warnWhatRe finds someone asking what to warn others about: "应该提醒哪几件
// 事", "什么套路最多", "what should we warn freshers about".
var warnWhatRe = regexp.MustCompile(`(?:应该|要|需要)(?:提醒|告诉|注意)(?:他们|新生|大家|家长)?(?:哪些|哪几|什么)|(?:什么|哪些)套路(?:最多|多)|常见(?:的)?(?:骗局|套路)(?:有哪些|是什么)|\bwhat should (?:we|i) (?:warn|tell) (?:them|new students|freshers|students|parents|our members)\b`)

// numberRealRe finds a phone number asked about: "is +1 213 807 8052
// really the consulate?", "这个号码是大使馆的吗".
var numberRealRe = regexp.MustCompile(`^(?:is|was|are) (?:this |that )?(?:number )?\+?[0-9][0-9 ()-]{6,}[0-9] (?:really|actually|the|a|an|from|legit|real)\b|^\+?[0-9][0-9 ()-]{6,}[0-9][^0-9]{0,12}(?:是不是|是)[^。]{0,12}(?:的)?(?:电话|号码)?(?:吗|？|\?)`)

// realThingRe finds a name asked about: "is 'Interpol China Division' a
// real thing?", "有没有'国际刑警中国分部'这个机构".
var realThingRe = regexp.MustCompile(`^is ["'“‘]?[^?]{2,60}?["'”’]? (?:a )?real (?:thing|organi[sz]ation|agency|department|office|unit|company|place)\b`)

// officialsRe finds an office that enforces the law: "interpol",
// "police", "embassy", "公安".
var officialsRe = regexp.MustCompile(`\b(?:interpol|police|embassy|consulate|court|prosecutor|ministry|public security|psb)\b|公安|警察|检察|法院|大使馆|领事馆|国际刑警`)

// scammedByRe finds "scammed by" told with a name between: "被"大使馆"骗
// 了", "got scammed by a fake 'embassy'".
var scammedByRe = regexp.MustCompile(`被[^，。！？]{1,10}骗了|\bscammed by\b`)

// creditRecordRe finds a credit record named: "fix or delete your credit
// record", "征信".
var creditRecordRe = regexp.MustCompile(`\bcredit (?:record|score|report|history)\b|征信|信用记录`)

// numberAskedRe finds a help number asked for: "what's the number to call
// in China to reach the anti-fraud centre?".
var numberAskedRe = regexp.MustCompile(`\bwhat'?s the (?:number|phone number|hotline)\b|\bwhat is the (?:number|phone number|hotline)\b`)

// generalQuestionMaxRunes is the longest text read as a general question:
// longer, it is a story or a message.
const generalQuestionMaxRunes = 200

// maxFragmentRunes is the longest text read as a fragment of the person's
// account when it comes on its own in a conversation under way.
const maxFragmentRunes = 40

// maxFirstFragmentRunes is the longest text without a digit read as a
// fragment even as the first text ("小红书兼职", "text about parcel"): a
// message that short and bare gives the rules nothing to judge, and "no
// known warning signs" would judge a topic (round seventeen).
const maxFirstFragmentRunes = 12

// anyDigitRe finds a digit: a code, an amount or a number makes a short
// text a message ("Your code is 4821").
var anyDigitRe = regexp.MustCompile(`\p{Nd}`)

// bareLinkRe matches a text that is a web address and nothing else, or
// the address after "link is", "链接是"; its last label starts with a
// letter, so "3.5" is no address.
var bareLinkRe = regexp.MustCompile(`(?i)^\s*(?:(?:the )?(?:link|url|site|website)(?: is|:)?\s+|(?:链接|网址)(?:是|：|:)?\s*)?(?:https?://)?(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+(?:[/?#]\S*)?\s*$`)

// chargeAlertNote adds, under a verdict with no warning signs on a card
// payment alert ("如非本人交易请致电…", "Did you attempt a payment…? Reply
// YES or NO"), what to do if the payment was not the person's: a real
// alert's payment may be a thief's, and a fake one's number is the
// scammer's, so the card's own number either way (round nineteen: such
// alerts got only "no known warning signs").
func chargeAlertNote(replies []Reply, v classifier.Verdict, text string) []Reply {
	if v.Level != classifier.LevelNone || len(replies) == 0 || !chargeAlertRe.MatchString(understanding.normalize(text)) {
		return replies
	}
	replies[0].Texts = append(replies[0].Texts, Text{Key: "verdict.none.charge", Line: true})
	return replies
}

// chargeAlertRe finds a card payment alert's question whether it was the
// reader.
var chargeAlertRe = regexp.MustCompile(`非本人(?:交易|操作|消费|支付)|若非本人|如不是本人|\bif (?:this|it) (?:wasnt|was not|isnt|is not) you\b|\bif you (?:did not|didnt|do not|dont) (?:make|authori[sz]e|recogni[sz]e) (?:this|the|it)\b|\bdid you (?:make|attempt|authori[sz]e|try to make) (?:a|this|the) (?:payment|purchase|transaction)\b|\bwas this you\b`)

// partnerDefended reports the person's words beside a quote defending
// the one quoted (romanceDoubtRe, partnerDefenceRe).
func partnerDefended(rest string) bool {
	n := understanding.normalize(rest)
	return romanceDoubtRe.MatchString(n) || partnerDefenceRe.MatchString(n)
}

// realQuestionRe finds the person asking whether what they told of is
// real: "is there any chance the platform is real", "could it be legit",
// "这个平台是真的吗".
var realQuestionRe = regexp.MustCompile(`\b(?:any chance|is|are|could|can|might) (?:the|this|that|it|they|he|she|his|her|their)\b[^.?!]{0,30}\b(?:be )?(?:real|legit|genuine|legitimate)\b|(?:是真的吗|是不是真的|靠谱吗|靠不靠谱|正规吗|正不正规|有没有可能是真的)`)

// numberMatchedRe finds a caller's number said to match an official one.
var numberMatchedRe = regexp.MustCompile(`\b(?:number|caller id|phone number)\b[^.?!]{0,60}\b(?:matched|matches|is the same|was the same|same as)\b|\bnumber\b[^.?!]{0,40}\b(?:was|is) (?:literally |exactly |actually |really )?(?:the )?(?:real |official |actual )?(?:[a-z]+ ){0,3}(?:embassys?|consulates?|banks?|polices?|embassies) ?number\b|号码[^，。,.]{0,20}(?:一样|一致|对得上|相同|是真的)`)

// toldTopics are the steps of a scam that, told in the person's words,
// have one answer whatever else the text says, in order. Those marked
// checkedOnly answer a text only once it was checked and had no sign: a
// text left unclear that holds them may be the ad itself, to be checked.
var toldTopics = []struct {
	re          *regexp.Regexp
	topic       string
	checkedOnly bool
}{
	// "…my mom says that means someone will call to return her money,
	// so we just wait?": a call promising money back opens the second
	// scam.
	{recoveryCallRe, "recovery", false},
	// "he sent a photo of his police ID so": a badge shown proves
	// nothing.
	{idShownRe, "fake_id", false},
	// "在小红书看到一个日本的兼职，给商品点赞截图就给钱，是真的吗": paid to
	// like, follow or rate is the task scam's first step.
	{taskPayRe, "task_job", true},
	// "a first year says fake police make her send location every hour
	// for 2 days": the virtual kidnapping.
	{kidnapTellRe, "explain_kidnap", false},
	// "mum looked up the number on the embassy website and it matched":
	// a number shown can be faked.
	{numberMatchedRe, "spoofed", false},
	// "never met him irl. we videocalled once but his camera was
	// broken": the online partner who cannot be seen (round twenty).
	{partnerUnseenRe, "romance", false},
	// "been talking to this girl for 2 months, met on instagram": where
	// the long con begins (round twenty).
	{metOnlineToldRe, "romance", false},
	// "帮忙收快递再寄出去一单给100", "open a monzo account and give them the
	// login": a parcel re-sent or an account opened or lent for someone is
	// the money mule's work (round twenty). Checked only: a recruiter's
	// pasted ad says the same ("帮忙收一笔款再转出去，每单抽成").
	{muleToldRe, "mule", true},
	// "hey long time no see! do u still remember me from the gym?"
	// random number… is this the pig butchering thing": the opener of
	// the long con, asked about (round twenty). Checked only: the opener
	// itself pasted is a message.
	{openerToldRe, "wrong_number", true},
	// "the link was like airbnb-secure-rentals dot something not
	// airbnb.co.uk but it looked exactly the same": a look-alike site
	// told (round twenty).
	{lookalikeToldRe, "lookalike_link", false},
	// "rent is 550 a month all bills incl… way cheaper than anything
	// else": the rental scam's bait told.
	{cheapRentToldRe, "rental", false},
	// "the owner says he's a missionary in africa and will mail keys
	// after i e-transfer": keys posted after the money is the rental
	// scam's promise (round twenty-one).
	{keysPostedRe, "rental", false},
	// "要我微信直接转账 不走平台": a deal moved off the platform to pay
	// (round twenty-one).
	{offPlatformRe, "marketplace", false},
	// "they mailed me a cheque for 3k to buy equipment… send back what's
	// left": the cheque bounces after the money returned has gone.
	{chequeBackRe, "overpaid", false},
	// "should i pay one of those recovery companies thats messaging
	// me": the second scam, after the first (round twenty-one).
	{recoveryFirmRe, "recovery", false},
	// "私下换汇到底犯不犯法": the informal exchange and the frozen card.
	{privateExchangeRe, "currency_exchange", false},
}

// recoveryFirmRe finds a firm that promises lost money back: "recovery
// companies", "追回损失的公司".
var recoveryFirmRe = regexp.MustCompile(`\b(?:fund |money |asset |crypto )?recovery (?:company|companies|firm|firms|service|services|agent|agents|agency|expert|experts|lawyer|lawyers|team)\b|(?:追回|追款)(?:损失|资金)?的?(?:公司|机构|团队|律师)|帮(?:你|我|忙)?追回(?:损失|钱|款|资金)`)

// privateExchangeRe finds money changed privately: "私下换汇", "a guy on
// wechat who exchanges rmb".
var privateExchangeRe = regexp.MustCompile(`私下换汇|找人换汇|民间换汇|\b(?:private|informal|black market|underground) (?:currency )?exchange\b`)

// keysPostedRe finds keys to be posted, told of the owner: "the owner
// says he's a missionary… and will mail keys", "房东说钥匙寄给我". An
// ad's own "I'll mail the keys" is a message to check.
var keysPostedRe = regexp.MustCompile(`\b(?:he|she|they|owner|landlord|landlady)\b[^.!?]{0,50}\b(?:mail|post|courier)(?:s|ed|ing)? (?:me |you |us )?(?:the )?keys\b|(?:他|她|房东)[^。！？]{0,12}(?:寄|快递)(?:给我)?钥匙`)

// offPlatformRe finds a deal moved off the platform to pay, told of the
// other side: "要我微信直接转账 不走平台", "the seller wants me to pay
// outside the app". A seller's own "不走平台" is a message to check.
var offPlatformRe = regexp.MustCompile(`(?:要我|让我|叫我|他说|她说|对方说|卖家说|买家说)[^。！？]{0,12}(?:不走平台|绕开平台|绕过平台|私下(?:转账|交易|付款))|\b(?:he|she|they|seller|buyer)\b[^.!?]{0,30}\b(?:wants?|asked|told|says?|said)\b[^.!?]{0,30}\b(?:outside|off) (?:of )?(?:the )?(?:platform|app|site|vinted|ebay|depop|marketplace)\b`)

// chequeBackRe finds a cheque sent to the person with some to send back
// or spend for the sender: "mailed me a cheque for 3k to buy equipment
// from their vendor and send back what's left".
var chequeBackRe = regexp.MustCompile(`\b(?:sent|mailed|gave|posted) (?:me )?a (?:check|cheque)\b[^.!?]{0,60}\b(?:i )?(?:mobile )?deposit(?:ed)?\b|\b(?:cheque|check)\b[^.!?]{0,80}\b(?:send (?:back|the rest)|what'?s left|the rest back|the difference|their vendor|from their (?:supplier|vendor)|buy (?:the )?equipment)\b|支票[^。！？]{0,30}(?:退回|转回|多出|差额|剩下)`)

// lookalikeToldRe finds a site told to look like the real one: "not
// airbnb.co.uk but it looked exactly the same", "网址跟官网一模一样".
var lookalikeToldRe = regexp.MustCompile(`\bnot (?:the real |the actual |the official )?[a-z0-9-]+(?:\.[a-z]{2,3}){1,2}\b[^.!?]{0,40}\b(?:looked|looks|look) (?:exactly |just )?(?:the same|like (?:it|the real))\b|(?:网址|网站|链接|页面)[^。！？]{0,12}(?:跟|和)(?:官网|真的)(?:一模一样|差不多)`)

// cheapRentToldRe finds a rent told as far below the rest: "way cheaper
// than anything else", "比别的便宜很多".
var cheapRentToldRe = regexp.MustCompile(`\b(?:rent|flat|room|apartment|studio)\b[^.!?]{0,80}\b(?:way|much|so|really) cheaper than (?:anything|everything|all the|the others|the rest|other)\b|(?:房租|租金|房子)[^。！？]{0,20}比(?:别的|其他|周围|附近)[^。！？]{0,6}便宜(?:很多|好多|一半)`)

// openerToldRe finds the long con's opener or its name told: "long time no
// see", "do u still remember me", "wrong number", "杀猪盘", "好久不见".
var openerToldRe = regexp.MustCompile(`\bpig ?butcher|杀猪盘|\blong time no see\b|\bdo (?:u|you) (?:still )?remember me\b|好久不见|还记得我吗`)

// muleToldRe finds parcels received and re-sent, or an account opened or
// handed over for someone: "收快递再寄出去", "receiving iphones at her
// address and re-posting them", "open a new account and give them the
// login", "把银行卡借给他".
var muleToldRe = regexp.MustCompile(`(?:进来|到账|收到|打进来)[^。！？]{0,10}(?:买成|换成|换)(?:usdt|USDT|币|泰达币)[^。！？]{0,6}转给(?:他|她|对方)|(?:收|代收)(?:快递|包裹)(?:再|然后)?(?:寄|转寄)|帮(?:他|她|别人|对方|人)?收(?:了)?(?:一笔|几笔)?(?:货款|款项|款|钱)|收(?:一笔|个|笔)?(?:款|钱)(?:再|然后)?转(?:出去|给)|\b(?:rent(?:ed|ing|s)? out|lend(?:s|ing)?|lent|sold|sell(?:s|ing)?) (?:(?:his|her|my|their) (?:\w+ )?(?:bank )?card|a (?:bank|debit|atm|sim) card)\b|\bre-?(?:ship|post|send)(?:s|ing|ed)? (?:them|it|the (?:parcels|packages|phones|items))\b|\breceiv(?:e|es|ing) (?:parcels|packages|iphones|phones)\b[^.!?]{0,40}\b(?:re-?post|re-?send|forward|send them on|ship them)|\bopen (?:a|an|another) (?:new )?(?:\w+ )?(?:bank )?account\b[^.!?]{0,30}\b(?:give|send|hand) (?:them|him|her) (?:the|my) (?:login|password|card|details)\b|(?:把)?(?:银行卡|卡)(?:借给|租给)|手机卡[^。！？]{0,6}(?:给|借|卖)|\b(?:lend|give|sell|hand over) (?:them |him |her )?(?:my |his |her )?sim(?: card)?\b|开(?:个|一个)(?:新的?)?(?:银行)?(?:卡|账户)给(?:他|她|他们|对方)`)

// metOnlineToldRe finds someone met on an app or online, told in passing:
// "met on instagram", "met him through a dating app". Chinese has its
// own phrases in Understand, which ask what happened first.
var metOnlineToldRe = regexp.MustCompile(`\bmet (?:her |him |them |this \w+ |a \w+ |someone )?(?:on|through|via) (?:tinder|hinge|bumble|instagram|ig|ins|facebook|whatsapp|wechat|linkedin|telegram|a dating (?:app|site)|an app|a game)\b`)

// partnerUnseenRe finds an online partner never seen: "his camera was
// broken", "never met him irl", "摄像头坏了", "从来没见过面".
var partnerUnseenRe = regexp.MustCompile(`\b(?:his|her) camera (?:was |is |is always |was always )?["'“‘]?(?:broken|not working|off)\b|\bnever (?:met|seen) (?:him|her) (?:irl|in person|in real life|face to face)\b|\b(?:we'?ve|we have|i'?ve|i have) never (?:facetimed|video ?called|had a video call|done a video call)\b|(?:他|她)(?:的)?(?:手机)?摄像头(?:一直)?坏了|(?:从来|一直)没(?:有)?(?:见过面|视频过)`)

// toldTopic is the answer of the first of toldTopics found in n, or "";
// checked says n was checked and had no sign.
func toldTopic(n string, checked bool) string {
	for _, t := range toldTopics {
		if (checked || !t.checkedOnly) && t.re.MatchString(n) {
			return t.topic
		}
	}
	return ""
}

// recoveryCallRe finds a call expected to return lost money: "someone will
// call to return her money", "会有人打电话来退钱".
var recoveryCallRe = regexp.MustCompile(`\b(?:call|contact|phone)s? (?:her|him|me|us|them)? ?(?:back )?to (?:return|refund|give back) (?:her|his|my|our|their|the) money\b|(?:会有人|有人会)(?:打电话|联系)[^。]{0,8}(?:退钱|返还|退还|还钱)`)

// idShownRe finds an officer's ID sent or shown: "he sent a photo of his
// police ID", "发了警官证".
var idShownRe = regexp.MustCompile(`\b(?:sent|showed|shown)\b[^.?!]{0,30}\b(?:police|officer|officers|his|her)\b[^.?!]{0,12}\b(?:id|badge|warrant card|credentials|id card)\b|(?:发|给)(?:了|我看了?|我)?(?:他的|她的|一张)?(?:警官证|警察证|工作证)`)

// taskPayRe finds pay for likes, follows, reviews or screenshots.
var taskPayRe = regexp.MustCompile(`(?:点赞|关注|好评|评论|截图|刷单|做任务)[^，。]{0,8}(?:就)?(?:给钱|赚钱|返钱|返现|有钱|给佣金|有佣金|结算|日结)|\b(?:like|likes|liking|follow|follows|rate|rating|review|reviews|screenshot|screenshots)\b[^.?!]{0,30}\b(?:for money|get paid|gets paid|paid per|earn money|pays? you)\b`)

// callerWordsRe finds the person telling what a caller keeps saying:
// "thats what they keep saying on the phone", "他在电话里一直说".
var callerWordsRe = regexp.MustCompile(`\b(?:thats|that is|this is|its|it is) what (?:they|he|she|the caller|the officer|the guy) (?:keeps? |kept )?(?:say|says|said|saying|told me|tells me|telling me)\b|\b(?:they|he|she|the caller|the officer) (?:keeps?|kept) (?:saying|telling me|repeating)\b|(?:他|她|对方|他们)(?:在电话里|电话里)(?:一直|老是|反复)?(?:说|讲)|(?:他|她|对方|他们)(?:一直|老是|反复)(?:在)?(?:说|讲|强调)`)

// arrestThreatRe finds a threat of arrest, deportation or a warrant.
var arrestThreatRe = regexp.MustCompile(`arrest|deport|repatriat|warrant|\bjail\b|prison|extradit|抓|逮捕|拘留|通缉|遣返|坐牢|判刑`)

// unreachableRe finds a relative or friend still not reached: the fear
// behind a "we haven't paid" during a kidnap call. A line that is busy
// ("客服电话打不通") is not a person unreached.
var unreachableRe = regexp.MustCompile(`联系不上|(?:发了?|发过)(?:微信|消息|短信)[^。！？]{0,6}(?:还)?没(?:有)?回|\b(?:texted|messaged|called) (?:him|her|them)\b[^.!?]{0,20}\b(?:no reply|hasn'?t replied|not replied|no answer|didn'?t answer)\b|(?:打了|打过)(?:好几|好多|几|很多|无数|多)(?:遍|次|个)[^。！？]{0,6}(?:都是|都|还是)?(?:关机|打不通|没人接|不接)|找不到(?:他|她)|(?:他|她|孩子|儿子|女儿|孙子|孙女|外孙|外孙女|弟弟|妹妹|哥哥|姐姐)(?:的)?(?:电话|手机)?(?:一直|还是)?(?:打不通|不接|没人接|关机)|\b(?:cant|can not|cannot|couldnt|still cant) (?:reach|get hold of|contact|get through to) (?:him|her|them|my|our)\b|\b(?:isnt|is not|still not|not) (?:answering|picking up)\b|\b(?:straight|goes|going|went) to voicemail\b|\bphone is (?:off|switched off|turned off|dead)\b`)

// ownWordsNotClear answers a text placed as a message to check, where the
// rules found nothing, when it is the person's own words rather than a
// message: an account of a message ("收到一个短信说我中奖了"), a retelling
// of someone ("someone on wechat is selling tickets but wants payment
// first") or the person's own voice ("thank u so much, called my mom and
// she was fine"). Finding nothing in them says nothing of what they tell:
// the message itself is asked for, an ask told is named as the warning,
// or what the text is, never the all-clear. ok is false for a message.
// n is e.Text normalised.
func ownWordsNotClear(s State, e Event, p Placement, n string) (State, []Reply, bool) {
	topic := toldTopic(n, true)
	switch {
	case describesMessage(e.Text):
		s, replies := answerQuestion(s, "real")
		return s, replies, true
	case !p.Asks && unreachableRe.MatchString(n):
		// "she's studying in Barcelona, her phone goes straight to
		// voicemail", typed during a kidnap call: reaching her comes
		// first, never "no known warning signs" (round seventeen).
		s, replies := threatened(s, "relative")
		return s, replies, true
	case topic != "":
		// A scam's step told in the person's words and read as a
		// message with no sign (round nineteen: "no known warning
		// signs"); its answer (toldTopics).
		s, replies := answerQuestion(s, topic)
		return s, replies, true
	case callerWordsRe.MatchString(n):
		// "\"you will be arrested and repatriated\" thats what they keep
		// saying on the phone. is that even possible": a caller's words
		// told by the person, often mid-call; judged as a message they
		// had no sign, and the answer was "no known warning signs"
		// (round nineteen). A threat of arrest gets the rule for it.
		if arrestThreatRe.MatchString(n) {
			s, replies := threatened(s, "")
			return s, replies, true
		}
		s, replies := storyAsks(s)
		return s, replies, true
	case tellsOfSomeone(e.Text) && p.Asks:
		s, replies := storyAsks(s)
		return s, replies, true
	case tellsOfSomeone(e.Text):
		s, replies := answerQuestion(s, "real")
		return s, replies, true
	case !p.Asks && !e.Transcribed && s.Node != NodeCheck && (thanksOpenRe.MatchString(e.Text) && speaksAsPerson(e.Text) ||
		(s.Last != nil || s.Node != NodeStart) && thanksSaidRe.MatchString(e.Text)):
		// "Just wanted to say thanks, the bot helped my grandma…",
		// "谢谢 your last answer helped a lot, my dad…": thanks first,
		// in the person's own voice, with news; or thanks anywhere in a
		// conversation under way ("found the same notice on the uni
		// website. thanks!", "He's with us now. Thank you for your help.").
		s, replies := smalltalk(s, "thanks")
		return s, replies, true
	case !p.Asks && !e.Transcribed && s.Node != NodeCheck && speaksAsPerson(e.Text):
		// A voice note is as often a message received, and after "It's
		// a message I received" the text is the message.
		s, replies := unclear(s)
		return s, replies, true
	}
	return s, nil, false
}
