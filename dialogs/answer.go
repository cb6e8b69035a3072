package dialogs

import (
	"github.com/scamcheck/scamcheck/classifier"
)

// told answers a person telling what happened to them: the steps for it
// straight away, led by the scam's name when their words were classified
// with strong signs of one.
func told(s State, p Placement, v classifier.Verdict) (State, []Reply) {
	var named *Text
	if p.Story && v.Level >= classifier.LevelMedium && v.Type.Valid() {
		named = &Text{Key: "understand.sounds_like", Refs: map[string]string{"type": "type." + string(v.Type)}, Optional: true}
		s.Last = summarize(v)
	}
	var replies []Reply
	switch p.Intent {
	case IntentPaid:
		s, replies = paid(s)
	case IntentOnCall:
		s, replies = onCall(s)
	case IntentApp:
		s, replies = appSteps(s)
	default:
		s, replies = threatened(s)
	}
	if named != nil {
		// After the first steps: a person on the phone reads "hang up",
		// one who paid "call your bank", before the scam's name.
		replies[0].Texts = append(replies[0].Texts, *named)
	}
	return s, replies
}

// threatened answers someone told they are part of a crime: the rule that
// unmasks the call, and how to check without the caller's help.
func threatened(s State) (State, []Reply) {
	s.Node = NodeSteps
	return s, []Reply{{
		Texts: []Text{
			{Key: "understand.threatened.rule"},
			{Key: "understand.threatened.verify", Params: map[string]string{"consular": consularPhone()}},
		},
		Choices: keyboard(&s,
			"a:paid", "btn.a.paid",
			"a:call", "btn.a.call",
			"a:app", "btn.a.app",
			"where", "btn.where",
			"share", "btn.share",
		),
	}}
}

// whichHappened asks again what has happened so far, with the buttons
// that lead to each set of steps.
func whichHappened(s State, key string) (State, []Reply) {
	s.Node = NodeVerdict
	return s, []Reply{{Texts: []Text{{Key: key}}, Choices: keyboard(&s,
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"a:none", "btn.a.none",
	)}}
}

// unclear asks one short question instead of guessing: the text cannot be
// checked later (it is not kept), so the buttons lead to the steps, or to
// sending the message again.
func unclear(s State) (State, []Reply) {
	if s.Node == NodeQuiz {
		return askAgain(s, "quiz.yes_or_no")
	}
	s = resetFlowKeepLast(s)
	return s, []Reply{{Texts: []Text{{Key: "understand.unclear"}}, Choices: keyboard(&s,
		"check", "understand.btn.received",
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"menu", "btn.menu",
	)}}
}

// answerQuestion gives a short answer for where the conversation is, and the
// choices that lead on.
func answerQuestion(s State, topic string) (State, []Reply) {
	switch s.Node {
	case NodeQuiz:
		return askAgain(s, "understand.q.quiz")
	case NodeCountry:
		return askCountry(s, "understand.q.country")
	}
	switch topic {
	case "refund", "report", "bank":
		s.Node = NodeSteps
		return s, []Reply{{Texts: []Text{{Key: "understand.q." + topic}}, Choices: keyboard(&s,
			"a:paid", "btn.paid",
			"where", "btn.where",
			"menu", "btn.menu",
		)}}
	case "real":
		if s.Last != nil && s.Last.Level >= classifier.LevelLow {
			return whichHappened(s, "understand.q.real_after")
		}
		s = resetFlowKeepLast(s)
		return s, []Reply{{Texts: []Text{{Key: "understand.q.real"}}, Choices: keyboard(&s,
			"check", "btn.check",
			"call", "btn.call",
			"menu", "btn.menu",
		)}}
	}
	if s.Node == NodeVerdict {
		return whichHappened(s, "understand.q.verdict")
	}
	if s.Paid {
		s.Node = NodeSteps
		return s, []Reply{{Texts: []Text{{Key: "understand.q.paid"}}, Choices: keyboard(&s,
			"where", "btn.where",
			"share", "btn.share",
			"menu", "btn.menu",
		)}}
	}
	s = resetFlowKeepLast(s)
	return s, []Reply{{Texts: []Text{{Key: "understand.q.start"}}, Choices: keyboard(&s,
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"check", "btn.check",
		"where", "btn.where",
	)}}
}

// smalltalk answers in one friendly line, and shows the menu; in the
// questionnaire it asks the question again.
func smalltalk(s State, topic string) (State, []Reply) {
	if s.Node == NodeQuiz {
		return askAgain(s, "quiz.yes_or_no")
	}
	key := "understand.smalltalk.ok"
	switch topic {
	case "thanks", "hello":
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
