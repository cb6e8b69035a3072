package dialogs

import (
	"github.com/scamcheck/scamcheck/classifier"
)

// told answers a person telling what happened to them: the steps for it
// straight away, led by the scam's name when their words were classified
// with strong signs of one.
func told(s State, p Placement, v classifier.Verdict) (State, []Reply) {
	var named *Text
	// An account taken over is named by what happened to it: a type
	// the rules give its messages ("someone pretending to be a
	// friend") would describe the scam done with it, not to the person.
	ownAccount := p.Intent == IntentAccount && p.Topic != "friend"
	if p.Story && !ownAccount && v.Level >= classifier.LevelMedium && v.Type.Valid() {
		named = &Text{Key: "understand.sounds_like", Refs: map[string]string{"type": "type." + string(v.Type)}, Optional: true}
		s.Last = summarize(v)
	}
	var replies []Reply
	switch {
	case p.Intent == IntentAccount && p.Family && p.AboutMe:
		// "奶奶收到“我”发的短信说换号了要钱": someone posing as the person
		// typing to their relative; they are the one to call back.
		s, replies = familyStory(s, p)
	case p.Intent == IntentAccount:
		s, replies = accountSteps(s, p)
	case p.Family:
		s, replies = familyStory(s, p)
	case p.Intent == IntentPaid && p.Topic == "id":
		s, replies = identitySteps(s)
	case p.Intent == IntentPaid && p.Topic == "withdraw":
		s, replies = paid(s)
		replies[0].Texts = append([]Text{{Key: "understand.withdraw"}}, replies[0].Texts...)
	case p.Intent == IntentPaid && p.Topic == "giftcard":
		// Gift cards are stopped by the company that issued them, not
		// by the bank: said first, then the bank's steps for anything
		// else that went.
		s, replies = paid(s)
		replies[0].Texts = append([]Text{{Key: "understand.giftcard_paid"}}, replies[0].Texts...)
	case p.Intent == IntentPaid:
		s, replies = paid(s)
	case p.Intent == IntentOnCall:
		s, replies = onCall(s)
	case p.Intent == IntentApp && p.Topic == "asked":
		s, replies = appAskedSteps(s)
	case p.Intent == IntentApp && p.Topic == "link":
		s, replies = linkOpenedSteps(s)
	case p.Intent == IntentApp:
		s, replies = appSteps(s)
	default:
		s, replies = threatened(s, p.Topic)
	}
	if p.Intent != IntentPaid {
		// A warning given for what they told: a remark next is about it
		// (followsWarning).
		s.Warned = true
	}
	if named != nil {
		// After the first steps: a person on the phone reads "hang up",
		// one who paid "call your bank", before the scam's name.
		replies[0].Texts = append(replies[0].Texts, *named)
	}
	return s, replies
}

// threatened answers someone told they are part of a crime, or pressed
// by a caller with authority: the rule that unmasks the call, and how to
// check without the caller's help. posed is who the caller claimed to be
// (posedAs): a bank, customer service or a tax office has its own rule
// and its own number to check on; the police, a court or an embassy ("")
// the consular hotline's. "relative" is a call about a relative said to
// be held or hurt: that relative is reached first.
func threatened(s State, posed string) (State, []Reply) {
	s.Node = NodeSteps
	texts := []Text{
		{Key: "understand.threatened.rule"},
		{Key: "understand.threatened.verify", Params: map[string]string{"consular": consularPhone()}},
	}
	switch posed {
	case "relative":
		// A relative said to be in trouble: reach them first; the rule
		// about loved ones in trouble, not about the person accused.
		texts = []Text{{Key: "understand.family.call_first"}, {Key: "understand.family.rule"}}
	case "bank", "service", "tax", "visa":
		texts = []Text{{Key: "understand.threatened." + posed + ".rule"}, {Key: "understand.threatened." + posed + ".verify"}}
	}
	return s, []Reply{{
		Texts: texts,
		Choices: keyboard(&s,
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"a:app", "btn.a.app",
			"where", "btn.where",
			"share", "btn.share",
		),
	}}
}

// accountSteps answers an account taken over. A friend's account that
// asks for money (or one pretending to be a relative, a friend or a
// teacher) is checked by calling that person, before anything is sent;
// the person's own account (or a relative's, p.Family) is locked through
// the platform's official process, the contacts are warned that the asks
// are not from them, and money or codes that went out are stopped at the
// bank.
func accountSteps(s State, p Placement) (State, []Reply) {
	s.Node = NodeSteps
	if p.Topic == "friend" {
		return s, []Reply{{
			Texts: []Text{{Key: "account.friend.first"}, {Key: "account.friend.why"}},
			Choices: keyboard(&s,
				"a:paid", "btn.account.sent",
				"share", "btn.share",
				"menu", "btn.menu",
			),
		}}
	}
	s.Gave = true
	var texts []Text
	if p.Family {
		texts = append(texts, Text{Key: "account.family"})
	}
	texts = append(texts, Text{Key: "account.lock"}, Text{Key: "account.contacts"}, Text{Key: "account.money"})
	return stepsThenPaid(s, texts...)
}

// stepsThenPaid gives steps that come before any money is lost (an app,
// an account, papers), with the way on to the bank's steps if money, a
// card or a code went too.
func stepsThenPaid(s State, texts ...Text) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts: texts,
		Choices: keyboard(&s,
			"a:paid", "btn.paid_too",
			"where", "btn.where",
			"share", "btn.share",
			"menu", "btn.menu",
		),
	}}
}

// appAskedSteps answers someone asked to install an app, share the
// screen or join a meeting who has not said it was done: not to do it,
// and why; the steps after an app are a button away, for when it was.
func appAskedSteps(s State) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts: []Text{{Key: "understand.app_asked"}, {Key: "understand.app_asked.if_done"}},
		Choices: keyboard(&s,
			"a:app", "btn.a.app",
			"a:paid", "btn.a.paid",
			"where", "btn.where",
			"share", "btn.share",
		),
	}}
}

// linkOpenedSteps answers a link opened with nothing said to be typed
// into it or installed from it: close it and type nothing, and the steps
// for details given or an app installed a button away, for when that
// happened too. Opening a page alone takes nothing the person must now
// stop.
func linkOpenedSteps(s State) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts: []Text{{Key: "understand.link_opened"}, {Key: "understand.link_opened.if_more"}},
		Choices: keyboard(&s,
			"a:paid", "btn.a.paid",
			"a:app", "btn.a.app",
			"where", "btn.where",
			"share", "btn.share",
		),
	}}
}

// identitySteps answers a passport or ID (or its photo) given, and no
// money, card or code: no bank call to make yet, but the papers are
// reported and the next call, which will quote them, is expected.
func identitySteps(s State) (State, []Reply) {
	s.Gave = true
	return stepsThenPaid(s, Text{Key: "paid.id.now"}, Text{Key: "paid.id.report"})
}

// whichHappened asks again what has happened so far, with the buttons
// that lead to each set of steps.
func whichHappened(s State, key string) (State, []Reply) {
	s.Node = NodeVerdict
	return s, []Reply{keyedReply(&s, []string{key},
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"a:none", "btn.a.none",
	)}
}

// storyAsks answers an ask told in the person's own words ("now says
// send $500", "他问我验证码"): the warning about asks, and what has
// happened. It is a piece of a story too, so an unclear piece after it
// ("or she sends to my followers") is not asked "is this a message?".
func storyAsks(s State) (State, []Reply) {
	before := s.piecesBefore
	s, replies := whichHappened(resetFlowKeepLast(s), "understand.story_asks")
	s.Pieces = min(before+1, maxPieces)
	// A warning given for what they told: a remark next is about it
	// (followsWarning: "wait the text says do not share this code").
	s.Warned = true
	return s, replies
}

// scammedAsk answers "I got scammed" said without how: the first step
// differs (the bank for money, hanging up for a call, the phone for an
// app), so it asks what happened, with the buttons that lead to each
// and the way to have the message checked. Said of a relative or friend
// (family), it asks what happened to them, with their bank's steps.
func scammedAsk(s State, family bool) (State, []Reply) {
	s = resetFlowKeepLast(s)
	s.Node = NodeVerdict
	if family {
		return s, []Reply{keyedReply(&s, []string{"understand.scammed_family"},
			"f:paid", "btn.f.paid",
			"check", "btn.check",
			"where", "btn.where",
			"share", "btn.share",
		)}
	}
	return s, []Reply{keyedReply(&s, []string{"understand.scammed"},
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"check", "understand.btn.received",
		"where", "btn.where",
	)}
}

// calledOrPaid answers "我已经打过去了", which says a call made as well
// as money sent: it asks which, money first, since then the bank is the
// first call.
func calledOrPaid(s State) (State, []Reply) {
	s.Node = NodeVerdict
	return s, []Reply{keyedReply(&s, []string{"understand.called_or_paid"},
		"a:paid", "btn.a.paid",
		"a:called", "btn.a.called",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
	)}
}

// unclear asks one short question instead of guessing: the text cannot be
// checked later (it is not kept), so the buttons lead to the steps, or to
// sending the message again.
func unclear(s State) (State, []Reply) {
	if s.Node == NodeQuiz {
		return askAgain(s, "quiz.yes_or_no")
	}
	if s.Paid && s.piecesBefore == 0 {
		// "一共进去了一万八 是我这个月的生活费和房租" after the steps for a
		// loss: what comes first after a loss, not "is this a message?"
		// (round twenty).
		return answerQuestion(s, "what")
	}
	before := s.piecesBefore
	s = resetFlowKeepLast(s)
	s.Pieces = min(before+1, maxPieces)
	if before > 0 {
		// The second piece of a story in a row ("my mum", "she got a
		// call", "from 'DHL'"): the same question again would stall a
		// person who may be on the phone with the scammer as they type.
		// What to hold back meanwhile, and what has happened, with the
		// way to have a message checked; from the third piece, briefly.
		key := "understand.pieces"
		if before > 1 {
			key = "understand.pieces.more"
		}
		return s, []Reply{keyedReply(&s, []string{key},
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"a:app", "btn.a.app",
			"a:none", "btn.a.none",
			"check", "understand.btn.received",
		)}
	}
	return s, []Reply{keyedReply(&s, []string{"understand.unclear"},
		"check", "understand.btn.received",
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"menu", "btn.menu",
	)}
}

// warningTopics are the answers that warn of a scam the person told in
// their own words: an offer, a payment asked for, a threat. A remark after
// one ("but the recruiter has 500+ connections") is about it.
var warningTopics = map[string]bool{"job_fee": true, "task_job": true, "currency_exchange": true, "rental": true,
	"invest_offer": true, "recovery": true, "marketplace": true, "payee_change": true, "prize_fee": true,
	"job_unsolicited": true, "tuition": true, "health_sales": true, "freebie_group": true, "lookalike_link": true,
	"doorstep": true, "credit_fear": true, "mule": true, "wrong_number": true, "sextortion": true, "lawyer": true,
	"qr_refund": true, "overpaid": true, "mistaken": true, "job_abroad": true, "visa_agent": true, "about_to_pay": true}

// lossTopics are the answers to a loss told as a question: no later
// "nothing happened" is answered "nothing is lost" (State.Paid). A card
// payment the person did not make is one (round nineteen); so are cash,
// gold or a card handed over in person (round twenty).
var lossTopics = map[string]bool{"unknown_charge": true, "valuables": true}

// Buttons under the answers that are one text of steps, "understand.q."
// and the topic: after it, money sent, a place's numbers, or another
// message to check.
var (
	stepsThenPlace = []string{"a:paid", "btn.a.paid", "where", "btn.where", "menu", "btn.menu"}
	stepsThenCheck = []string{"a:paid", "btn.a.paid", "check", "btn.check", "menu", "btn.menu"}
)

// stepAnswers are the topics answered by one text of steps
// ("understand.q." + topic) and these buttons.
var stepAnswers = map[string][]string{
	// An offer to get lost money back for a fee: the second scam.
	"recovery": stepsThenPlace,
	// Cash, gold or a card handed over in person: the police first,
	// while the trail is fresh, then the bank for a card.
	"valuables": stepsThenPlace,
	// Asked to take money in and pass it on, or to lend an account:
	// laundering, whoever asks; say no, and what to do if it began.
	"mule": stepsThenPlace,
	// An account frozen, maybe for real: check with the bank, and no
	// one unfreezes it for a fee.
	"frozen": stepsThenPlace,
	// "Paid too much, send back the difference": the payment will be
	// reversed, the difference sent is lost.
	"overpaid": stepsThenCheck,
	// A "mistaken transfer" asked back: the bank returns it.
	"mistaken": stepsThenCheck,
	// A deposit before any viewing to a landlord "abroad".
	"rental": stepsThenCheck,
	// A landlord, a school or a supplier whose account "changed": call
	// them on the number already had before paying.
	"payee_change": stepsThenCheck,
	// A QR code to scan to "get a refund": it takes, not gives.
	"qr_refund": stepsThenCheck,
	// An agent's discount, a "payment failed" email: the school's own
	// portal is the only way to pay or check.
	"tuition": stepsThenCheck,
	// The bank not answering after a loss: the app's freeze, the card's
	// 24-hour line, the branch, and the police meanwhile.
	"bank_unreachable": stepsThenPlace,
	// Blackmail with intimate images: pay nothing, keep the evidence,
	// report.
	"sextortion": stepsThenPlace,
	// A relative who won't believe it is a scam: time and a call together.
	"wont_listen": {"f:paid", "btn.f.paid", "where", "btn.where", "share", "btn.share"},
	// A reply sent to a scam: nothing lost, more to come.
	"replied": stepsThenCheck,
	// "Can they hack my phone?": what does give a phone away, and the
	// steps for it a button away.
	"hack_phone": {"a:app", "btn.a.app", "a:paid", "btn.a.paid", "menu", "btn.menu"},
	// A buyer or seller who moves the payment off the platform, or asks a
	// "deposit" to release the money.
	"marketplace": stepsThenCheck,
	// Paid to like, follow or rate: the task scam's first step.
	"task_job": stepsThenCheck,
	// A threat to hurt: the emergency number first (the place's numbers).
	"violent_threat": stepsThenPlace,
	// A well-paid job abroad with the flight paid and a pickup at a
	// border: the road into scam compounds; don't go (round seventeen).
	"job_abroad": stepsThenPlace,
	// Credit records cleaned for a fee: no one can (round seventeen).
	"credit_repair": stepsThenCheck,
	// A fee before a loan or funds are released: never pay it.
	"fee_to_release": stepsThenCheck,
	// An agent promising a visa, or a faster one, for money first.
	"visa_agent": stepsThenCheck,
	// Money about to go, away from a counter: wait and check first.
	"about_to_pay": stepsThenCheck,
	// A card payment the person did not make: the bank, on the card's
	// own number, blocks and disputes it (round nineteen).
	"unknown_charge": stepsThenCheck,
	// The bank or the police stepping in: listen to them.
	"intervention": stepsThenPlace,
	// At the bank, about to pay: stop, tell the staff.
	"at_bank": stepsThenPlace,
	// A badge or uniform shown on video proves nothing.
	"fake_id": stepsThenPlace,
	// No lawyer needed to report or to ask the bank; fee-charging
	// "recovery lawyers" are a second scam.
	"lawyer": stepsThenPlace,
	// Someone at the door who wants cash, a card or a PIN.
	"doorstep": stepsThenPlace,
	// A job offer never applied for.
	"job_unsolicited": stepsThenCheck,
	// Currency swapped privately at a better rate.
	"currency_exchange": stepsThenPlace,
	// "But it was the bank's real number": caller ID and senders can be
	// faked.
	"spoofed": stepsThenCheck,
	// A "wrong number" that turned into a chat: the romance and investment
	// scams' usual start.
	"wrong_number": stepsThenCheck,
	// Returns too good to be real, told by a friend or a stranger.
	"invest_offer": stepsThenCheck,
	// "What should I reply?": nothing.
	"reply_q": stepsThenCheck,
	// "Can I just ignore it?": ignoring a scam costs nothing; a real
	// sender is checked through its own channel.
	"ignore_ok": stepsThenCheck,
	// "Will it affect my credit record?": a message cannot.
	"credit_fear": stepsThenCheck,
	// A prize that must be paid for first.
	"prize_fee": stepsThenCheck,
	// "Is there a way to check the tracking number?": on the courier's
	// own app or site, with the number from the order.
	"track": stepsThenCheck,
	// "The police station called and asked me to come in": going in
	// person is safe; check the station's own number first.
	"police_visit": stepsThenPlace,
	// Gift cards bought for a caller, the numbers not yet given: keep them.
	"giftcard_bought": {"a:paid", "btn.a.paid", "share", "btn.share", "menu", "btn.menu"},
	// A call the person ended: nothing lost if nothing was given, what to
	// do when they call again; the steps a button away if something was.
	"hung_up": {"a:paid", "btn.a.paid", "a:app", "btn.a.app", "where", "btn.where", "menu", "btn.menu"},
	// "The bank asked me to come to the branch": safe in person, at a
	// branch the person looks up.
	"bank_visit": stepsThenPlace,
	// Free eggs for a daily check-in: the group's bait for what it sells.
	"freebie_group": {"f:paid", "btn.f.paid", "share", "btn.share", "menu", "btn.menu"},
	// "Should I change my phone number?": rarely needed; block and filter.
	"change_number": stepsThenCheck,
	// "Can they steal money with just my address?": not alone; what can.
	"address_only": stepsThenCheck,
	// "What is virtual kidnapping?": how it goes, what the family and the
	// student do; the police where they are a button away.
	"explain_kidnap": {"f:paid", "btn.f.paid", "where", "btn.where", "share", "btn.share"},
	// "What is pig butchering?": the long con, and never paying to
	// withdraw.
	"explain_pig": {"a:paid", "btn.a.paid", "share", "btn.share", "menu", "btn.menu"},
	// Health products sold to an older relative at a free talk or check:
	// a sales trap; buy no more, keep the receipts, ask for a refund.
	"health_sales": {"f:paid", "btn.f.paid", "share", "btn.share", "menu", "btn.menu"},
	// "The url is weird, amaz0n-refund…": a copy of the site; close it,
	// and the steps a button away if something was typed into it.
	"lookalike_link": stepsThenCheck,
	// "Can you check a screenshot?": yes, sent as a photo.
	"screenshot": {"check", "btn.check", "menu", "btn.menu"},
	// "Someone is using my photos on a dating site": report the profile
	// to the platform; warn friends; pay no one to remove it.
	"photos_used": stepsThenCheck,
	// A job that wants money before it starts: training, a deposit, a
	// uniform; no real employer asks.
	"job_fee": stepsThenCheck,
	// Someone who may hurt themselves after a loss, or a friend who might:
	// their life first, the emergency numbers where they are a button
	// away.
	"crisis": {"where", "btn.where", "menu", "btn.menu"},
	// The 国家反诈中心 app: the state's own, from the phone's official
	// store only; any app a caller asks for is the scam.
	"antifraud_app": {"share", "btn.share", "menu", "btn.menu"},
	// A web address sent alone, in which the rules found nothing: a
	// link alone is no message to judge; don't open it, send the message
	// it came in.
	"link_alone": stepsThenCheck,
	// No signal all of a sudden, then password-reset emails: a SIM swap
	// under way; the carrier from another phone, then the bank.
	"sim_swap": stepsThenPlace,
	// "Should I change my password?": yes, now, from a device they never
	// touched; the steps after a loss a button away.
	"change_password": stepsThenPlace,
	// "How do I know it's really my son?": the number already had, or
	// a question only they could answer; nothing sent before.
	"really_them": {"f:paid", "btn.f.paid", "share", "btn.share", "menu", "btn.menu"},
	// "Is it safe to give my student ID number?": only to an office the
	// person reached themselves; never a code.
	"safe_to_give": stepsThenCheck,
	// Calls from unknown numbers, a missed call from abroad, "how do I
	// stop them calling": don't answer or call back; block and filter.
	"unknown_calls": stepsThenCheck,
}

// answerQuestion gives a short answer for where the conversation is, and the
// choices that lead on.
func answerQuestion(s State, topic string) (State, []Reply) {
	switch s.Node {
	case NodeQuiz:
		return askAgain(s, "understand.q.quiz")
	case NodeCountry:
		if topic != "" && topic != "what" {
			// "银行说追不回来了", "i feel so stupid" at the place
			// question: the answer's words, then the place question
			// again with its buttons, since the numbers come next.
			answered := s
			answered.Node = NodeSteps
			_, a := answerQuestion(answered, topic)
			s, replies := askCountry(s, "understand.q.country")
			if len(a) > 0 {
				replies[0].Texts = append(append([]Text{}, a[0].Texts...), replies[0].Texts...)
			}
			return s, replies
		}
		// "should i send it?", "what do i do now" at the place
		// question: what to hold back meanwhile, then the place again,
		// not the place question alone (round eighteen).
		return askCountry(s, "understand.q.country.meanwhile")
	}
	if buttons, ok := stepAnswers[topic]; ok {
		s = resetFlowKeepLast(s)
		s.Node = NodeSteps
		s.Warned = warningTopics[topic]
		s.Paid = s.Paid || lossTopics[topic]
		return s, []Reply{keyedReply(&s, []string{"understand.q." + topic}, buttons...)}
	}
	switch topic {
	case "scammed", "scammed_family":
		return scammedAsk(s, topic == "scammed_family")
	case "shame":
		// "I feel so stupid": not their fault, then what happened.
		s = resetFlowKeepLast(s)
		s.Node = NodeVerdict
		return s, []Reply{keyedReply(&s, []string{"understand.q.shame"},
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"a:app", "btn.a.app",
			"check", "understand.btn.received",
		)}
	case "about":
		s = resetFlowKeepLast(s)
		return s, []Reply{menuReply(&s, "understand.q.about")}
	case "private":
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.private"},
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"check", "btn.check",
			"menu", "btn.menu",
		)}
	case "visa":
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.visa"},
			"check", "btn.check",
			"call", "btn.call",
			"menu", "btn.menu",
		)}
	case "number", "fine":
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q." + topic},
			"where", "btn.where",
			"check", "btn.check",
			"menu", "btn.menu",
		)}
	case "lost":
		// "银行说追不回来了": what is still worth doing, and the second
		// scam that follows a loss.
		s.Node = NodeSteps
		return s, []Reply{keyedReply(&s, []string{"understand.q.lost", "paid.evidence", "paid.recovery"},
			"where", "btn.where",
			"share", "btn.share",
			"menu", "btn.menu",
		)}
	case "officials":
		// "is it normal for police to video call": how real officials
		// behave, and how to check one without the caller's help.
		s = resetFlowKeepLast(s)
		s.Node = NodeSteps
		r := keyedReply(&s, []string{"understand.q.officials"},
			"a:call", "btn.a.call",
			"where", "btn.where",
			"menu", "btn.menu",
		)
		r.Texts[0].Params = map[string]string{"consular": consularPhone()}
		return s, []Reply{r}
	case "leaked", "leaked_knows":
		// "how did they know my passport number", "but he knows my
		// name": leaked data, and why knowing it proves nothing.
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q." + topic},
			"check", "btn.check",
			"a:call", "btn.a.call",
			"menu", "btn.menu",
		)}
	case "leaked_threat":
		// A threat told, and "how did they know my passport number":
		// the rule that unmasks the call first, then why their
		// knowing proves nothing.
		s.Node = NodeSteps
		r := keyedReply(&s, []string{"understand.threatened.rule", "understand.q.leaked", "understand.threatened.verify"},
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"where", "btn.where",
			"menu", "btn.menu",
		)
		r.Texts[2].Params = map[string]string{"consular": consularPhone()}
		return s, []Reply{r}
	case "tell_family":
		// "should I tell my parents": yes; secrecy is the scam's.
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.tell_family"},
			"share", "btn.share",
			"where", "btn.where",
			"menu", "btn.menu",
		)}
	case "safe_now":
		// "is it safe now", "should I block him": nothing lost if
		// nothing went; block, and hang up on the next call.
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.safe_now"},
			"a:paid", "btn.a.paid",
			"share", "btn.share",
			"menu", "btn.menu",
		)}
	case "bot":
		// "are you a real person": what the bot is and is not.
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.bot"},
			"check", "btn.check",
			"where", "btn.where",
			"menu", "btn.menu",
		)}
	case "privacy":
		// "do you store my messages": what /privacy says.
		return s, []Reply{say("privacy.text")}
	case "romance":
		// Someone met online who talks of investing: the scam named,
		// and what not to do.
		s = resetFlowKeepLast(s)
		s.Node = NodeSteps
		return s, []Reply{keyedReply(&s, []string{"understand.romance"},
			"a:paid", "btn.a.paid",
			"a:app", "btn.a.app",
			"share", "btn.share",
			"menu", "btn.menu",
		)}
	case "romance_family":
		// A relative drawn in by someone met online: how to help them.
		s = resetFlowKeepLast(s)
		s.Node = NodeSteps
		return s, []Reply{keyedReply(&s, []string{"understand.family.romance", "understand.family.romance.how"},
			"f:paid", "btn.f.paid",
			"share", "btn.share",
			"where", "btn.where",
			"menu", "btn.menu",
		)}
	case "refund", "report", "bank":
		s.Node = NodeSteps
		return s, []Reply{keyedReply(&s, []string{"understand.q." + topic},
			"a:paid", "btn.paid",
			"where", "btn.where",
			"menu", "btn.menu",
		)}
	case "real":
		if s.Last != nil && s.Last.Level >= classifier.LevelLow {
			return whichHappened(s, "understand.q.real_after")
		}
		s = resetFlowKeepLast(s)
		return s, []Reply{keyedReply(&s, []string{"understand.q.real"},
			"check", "btn.check",
			"call", "btn.call",
			"menu", "btn.menu",
		)}
	}
	if s.Node == NodeVerdict {
		return whichHappened(s, "understand.q.verdict")
	}
	if s.Paid {
		s.Node = NodeSteps
		return s, []Reply{keyedReply(&s, []string{"understand.q.paid"},
			"where", "btn.where",
			"share", "btn.share",
			"menu", "btn.menu",
		)}
	}
	s = resetFlowKeepLast(s)
	return s, []Reply{keyedReply(&s, []string{"understand.q.start"},
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"check", "btn.check",
		"where", "btn.where",
	)}
}

// smalltalk answers in one friendly line, and shows the menu; in the
// questionnaire it asks the question again. A goodbye gets the one rule
// that always holds and no question, wherever it is said.
func smalltalk(s State, topic string) (State, []Reply) {
	if topic == "bye" {
		s = resetFlowKeepLast(s)
		// Earlier keyboards go stale, except the help buttons.
		s.Seq++
		return s, []Reply{say("understand.smalltalk.bye")}
	}
	if s.Node == NodeQuiz {
		return askAgain(s, "quiz.yes_or_no")
	}
	key := "understand.smalltalk.ok"
	switch topic {
	case "thanks", "hello", "sorry", "done":
		key = "understand.smalltalk." + topic
	}
	s = resetFlowKeepLast(s)
	return s, []Reply{menuReply(&s, key)}
}

// summarize keeps what the conversation may store of a verdict: its level,
// type and the locale keys of the reasons that belong to it.
func summarize(v classifier.Verdict) *CheckSummary {
	sum := &CheckSummary{Level: clampLevel(v.Level)}
	if v.Type.Valid() {
		sum.Type = v.Type
	}
	if sum.Level == classifier.LevelNone {
		// No warning sign was found: no warning bullets either.
		sum.Type = classifier.TypeNone
		return sum
	}
	for _, sig := range v.Signals {
		if len(sum.Reasons) == maxReasons {
			break
		}
		// A reason of another scam type would explain a scam the
		// verdict does not name; generic signs (urgency, secrecy)
		// belong to every type.
		if sig.Type != classifier.TypeNone && sig.Type != sum.Type {
			continue
		}
		// A sign that lowered the score ("reads like a genuine notice",
		// "already refused") is no reason to be wary: under a warning it
		// would tell the person the opposite of the verdict.
		if sig.Weight < 0 {
			continue
		}
		if validKey(sig.Explain) && !contains(sum.Reasons, sig.Explain) {
			sum.Reasons = append(sum.Reasons, sig.Explain)
		}
	}
	return sum
}

// askAgain asks the questionnaire's question again, after a word on how
// to answer it.
func askAgain(s State, key string) (State, []Reply) {
	ns, r := ask(s)
	r[0].Texts = append([]Text{{Key: key}}, r[0].Texts...)
	return ns, r
}

// request does what the button whose words were typed does ("menu",
// "提醒家人", "English"), from wherever the conversation is: a typed
// request is never stale, and one that needs what is not there yet (more
// numbers before a place) asks for it.
func request(s State, id string) (State, []Reply) {
	if ns, r, ok := navigate(s, id); ok {
		return ns, r
	}
	switch id {
	case "more":
		if s.Country != "" && len(placeNumbers(s).more) > 0 {
			return moreNumbers(s)
		}
		return askCountry(resetFlowKeepLast(s), "where.ask")
	case "where":
		return askCountry(resetFlowKeepLast(s), "where.ask")
	case "lang:zh", "lang:en":
		return setLang(s, id[len("lang:"):])
	}
	return askLang(s)
}

// navigate does what the buttons that only move the conversation do (the
// menu, "check a message", the numbers, the quiz, sharing), the same
// whether the button was pressed or its words typed; ok is false for any
// other id.
func navigate(s State, id string) (ns State, replies []Reply, ok bool) {
	switch id {
	case "menu":
		s = resetFlow(s)
		return s, []Reply{menuReply(&s, "menu.prompt")}, true
	case "check":
		s = resetFlow(s)
		s.Node = NodeCheck
		return s, []Reply{say("check.prompt")}, true
	case "call":
		ns, replies = callMenu(resetFlow(s))
	case "quiz":
		ns, replies = startQuiz(s)
	case "share":
		ns, replies = share(s)
	case "share:other":
		ns, replies = shareOther(s)
	default:
		return s, nil, false
	}
	return ns, replies, true
}

// familyStory answers a person telling what happened to a relative or a
// friend: the steps are theirs to help with. The one said to be in
// trouble is called first, unless money already left: then the bank is.
// When the call was about the person typing (p.AboutMe) they are the one
// to call the family back; when it was about nobody else, the relative
// hangs up and checks with the official number.
func familyStory(s State, p Placement) (State, []Reply) {
	if p.Intent == IntentPaid {
		s, replies := familyPaid(s, p.AboutMe)
		if p.Topic == "romance" {
			// After their bank: the "tax" to withdraw is the next loss.
			// Nobody was said to be in trouble, so no one to call.
			t := replies[0].Texts
			replies[0].Texts = append(append(t[:2:2], Text{Key: "understand.family.romance.paid"}), t[3:]...)
		}
		if p.Topic == "giftcard" {
			// Gift cards are stopped by the company that issued them,
			// as for the person's own (answer), said first.
			replies[0].Texts = append([]Text{{Key: "understand.family.giftcard_paid"}}, replies[0].Texts...)
		}
		return s, replies
	}
	s.Node = NodeSteps
	// Who is to be called depends on what the caller claimed: the person
	// typing (they call the family back), someone else in trouble (call
	// that one), or nobody else: the call was about the relative's own
	// account, card or papers, and they are to hang up and check with the
	// official number themselves.
	call, paidID, rule := Text{Key: "understand.family.them"}, "f:paid", false
	switch {
	case p.Refused && !p.AboutMe && !p.OtherInTrouble:
		// Already hung up or reported: they did right; what if it
		// comes again, not "hang up now".
		call = Text{Key: "understand.family.refused"}
	case p.ByText && !p.AboutMe && !p.OtherInTrouble:
		// A message, not a call: nothing to hang up on.
		call = Text{Key: "understand.family.text"}
	case p.AboutMe:
		call, paidID, rule = Text{Key: "understand.family.me"}, "f:paid:me", true
	case p.OtherInTrouble:
		call, rule = Text{Key: "understand.family.call_first"}, true
	}
	var texts []Text
	switch p.Intent {
	case IntentOnCall:
		texts = []Text{{Key: "understand.family.oncall"}, call}
	case IntentApp:
		texts = []Text{{Key: "understand.family.app"}, {Key: "app.now", Line: true}, {Key: "app.remove", Line: true}, {Key: "app.passwords", Line: true}, call}
		s.Gave = p.Topic != "asked" && p.Topic != "link"
		switch p.Topic {
		case "asked":
			texts = []Text{{Key: "understand.family.app_asked"}, call}
		case "link":
			texts = []Text{{Key: "understand.family.link_opened"}, call}
		}
	default:
		texts = []Text{call}
	}
	if rule && p.Intent != IntentApp && p.Intent != IntentAccount {
		// The rule speaks of loved ones said to be in trouble; the
		// relative's own call has its rule in understand.family.them.
		texts = append(texts, Text{Key: "understand.family.rule"})
	}
	return s, []Reply{{Texts: texts, Choices: keyboard(&s,
		paidID, "btn.f.paid",
		"where", "btn.where",
		"share", "btn.share",
		"menu", "btn.menu",
	)}}
}

// familyPaid gives the steps after a relative sent money: their bank
// first, then the call to the one said to be in trouble, then nothing
// more sent, the evidence and the police.
func familyPaid(s State, aboutMe bool) (State, []Reply) {
	// A relative's loss is a loss: "she hung up with them" after it must
	// never be answered "Good, nothing is lost".
	s.Node, s.Paid = NodeSteps, true
	call := Text{Key: "understand.family.call"}
	if aboutMe {
		call = Text{Key: "understand.family.me"}
	}
	return s, []Reply{{
		Texts: []Text{
			{Key: "understand.family.paid.now"},
			{Key: "understand.family.paid.bank"},
			call,
			{Key: "understand.family.paid.rest"},
		},
		Choices: keyboard(&s,
			"where", "btn.where",
			"share", "btn.share",
			"menu", "btn.menu",
		),
	}}
}

// keyedReply is a reply of locale texts named by their keys, then the
// buttons of pairs (id, label key), as keyboard takes them.
func keyedReply(s *State, keys []string, pairs ...string) Reply {
	texts := make([]Text, len(keys))
	for i, k := range keys {
		texts[i] = Text{Key: k}
	}
	return Reply{Texts: texts, Choices: keyboard(s, pairs...)}
}
