package dialogs

import (
	"strings"

	"github.com/scamcheck/scamcheck/classifier"
)

// maxReasons is how many explanations a verdict shows: enough to be
// convincing, few enough to read while frightened.
const maxReasons = 3

// check answers a forwarded message: the verdict first, then what it looks
// like and why, then what has happened so far.
//
// asks is set when the message asks its reader for money, a code or
// secrecy (Placement.Asks): without warning signs it is then not given
// the all-clear wording, but that ask named and the question of what has
// happened so far.
func check(s State, v classifier.Verdict, asks bool) (State, []Reply) {
	// A loss or papers told before the message was pasted still stand
	// after its verdict (resetFlowKeepLast): "i havent paid anything" next
	// is not "nothing is lost" when the passport number went two turns
	// ago (round twenty).
	s = resetFlowKeepLast(s)
	s.Last = summarize(v)
	if s.Last.Level == classifier.LevelNone && asks {
		s.Node = NodeVerdict
		return s, []Reply{{Texts: []Text{{Key: "understand.none_asks"}, {Key: "verdict.question"}}, Choices: verdictKeyboard(&s)}}
	}
	var model []string
	if v.Source == classifier.SourceRulesLLM && s.Last.Level > classifier.LevelNone {
		model = v.ModelReasons
	}
	return verdictReply(s, "verdict.", model)
}

// verdictReply renders s.Last (a checked message or the questionnaire's
// result); prefix picks the wording of the level line.
func verdictReply(s State, prefix string, model []string) (State, []Reply) {
	sum := s.Last
	texts := []Text{{Key: prefix + sum.Level.String()}}
	if sum.Type != classifier.TypeNone && sum.Level >= classifier.LevelLow {
		texts = append(texts, Text{Key: "verdict.type", Refs: map[string]string{"type": "type." + string(sum.Type)}, Optional: true})
	}
	for i, r := range sum.Reasons {
		texts = append(texts, Text{Key: "verdict.reason", Refs: map[string]string{"reason": r}, Optional: true, Line: i > 0})
	}
	// The model's reasons are locale keys; its own words are never shown.
	shown := 0
	for _, r := range model {
		if validKey(r) && !contains(sum.Reasons, r) {
			texts = append(texts, Text{Key: "verdict.model", Refs: map[string]string{"reason": r}, Optional: true, Line: shown > 0})
			shown++
		}
	}
	if sum.Level == classifier.LevelNone {
		s.Node = NodeStart
		return s, []Reply{{Texts: texts}}
	}
	texts = append(texts, Text{Key: "verdict.question"})
	s.Node = NodeVerdict
	return s, []Reply{{Texts: texts, Choices: verdictKeyboard(&s)}}
}

// verdictKeyboard asks what has happened so far.
func verdictKeyboard(s *State) [][]Choice {
	return keyboard(s,
		"a:paid", "btn.a.paid",
		"a:call", "btn.a.call",
		"a:app", "btn.a.app",
		"a:none", "btn.a.none",
		"share", "btn.share",
	)
}

// question is one yes/no question for someone with no message to forward.
// The facts behind them are the scripts in the seeds: an authority or a
// service, then money, secrecy or an app.
type question struct {
	id string
}

// Questions, in the order asked. Their ids name the quiz.q.* and
// quiz.why.* messages.
var questions = []question{
	{"official"}, {"service"}, {"money"}, {"secrecy"}, {"app"}, {"invest"}, {"fee"},
}

// QuestionCount is the number of yes/no questions.
var QuestionCount = len(questions)

func startQuiz(s State) (State, []Reply) {
	s.Node, s.Answers, s.Last = NodeQuiz, "", nil
	ns, r := ask(s)
	r[0].Texts = append([]Text{{Key: "quiz.intro"}}, r[0].Texts...)
	return ns, r
}

func ask(s State) (State, []Reply) {
	q := questions[len(s.Answers)]
	s.Seq++
	return s, []Reply{{
		Texts: []Text{{Key: "quiz.q." + q.id}},
		Choices: [][]Choice{
			{choice(&s, "y", "btn.yes"), choice(&s, "n", "btn.no")},
			{choice(&s, "menu", "btn.stop")},
		},
	}}
}

// answer records a yes/no and asks the next question, or ends with a
// verdict as soon as it cannot get any worse.
func answer(s State, yes bool) (State, []Reply) {
	if yes {
		s.Answers += "y"
	} else {
		s.Answers += "n"
	}
	lvl, typ, reasons := quizVerdict(s.Answers)
	if len(s.Answers) < len(questions) && lvl < classifier.LevelHigh {
		return ask(s)
	}
	s.Answers = ""
	s.Last = &CheckSummary{Level: lvl, Type: typ, Reasons: reasons}
	return verdictReply(s, "quiz.level.", nil)
}

// quizVerdict scores the answers so far (unanswered counts as no). More
// yes answers never lower the level, so stopping early at high is safe.
func quizVerdict(answers string) (classifier.Level, classifier.Type, []string) {
	yes := map[string]bool{}
	n := 0
	for i := 0; i < len(answers) && i < len(questions); i++ {
		if answers[i] == 'y' {
			yes[questions[i].id] = true
			n++
		}
	}
	official, service, money, secrecy := yes["official"], yes["service"], yes["money"], yes["secrecy"]
	app, invest, fee := yes["app"], yes["invest"], yes["fee"]
	var lvl classifier.Level
	switch {
	case n == 0:
		lvl = classifier.LevelNone
	case money && (official || service || secrecy || app),
		secrecy && (official || service),
		(official || service) && app,
		invest && money,
		fee:
		lvl = classifier.LevelHigh
	case n >= 2, money, secrecy, app, invest:
		lvl = classifier.LevelMedium
	default:
		lvl = classifier.LevelLow
	}
	typ := classifier.TypeNone
	switch {
	case official:
		typ = classifier.TypeImpersonateOfficial
	case invest:
		typ = classifier.TypeInvestment
	case service:
		typ = classifier.TypeFakeCustomerService
	}
	var reasons []string
	for _, id := range []string{"money", "secrecy", "official", "service", "app", "invest", "fee"} {
		if yes[id] && len(reasons) < maxReasons {
			reasons = append(reasons, "quiz.why."+id)
		}
	}
	return lvl, typ, reasons
}

// yesNo reads a typed answer to a yes/no question.
func yesNo(text string) (yes, ok bool) {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(text), ".!。！ "))
	switch t {
	case "y", "yes", "yeah", "yep", "是", "是的", "对", "有", "嗯":
		return true, true
	case "n", "no", "nope", "否", "不", "不是", "没有", "没", "无":
		return false, true
	}
	return false, false
}

func clampLevel(l classifier.Level) classifier.Level {
	if l < classifier.LevelNone {
		return classifier.LevelNone
	}
	if l > classifier.LevelHigh {
		return classifier.LevelHigh
	}
	return l
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
