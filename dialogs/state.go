package dialogs

import (
	"errors"
	"fmt"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// maxKeyLen bounds a stored locale key; keys are short ids, never text.
const maxKeyLen = 64

// validKey accepts locale keys ("sig.safe_account", "quiz.why.money"):
// lower-case ASCII, digits and "._-". Anything else (a forged or damaged
// state, a classifier bug) is not stored, so text can never leak into State.
func validKey(k string) bool {
	if k == "" || len(k) > maxKeyLen {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Validate reports the first way s is not a state Step produces. The
// engine may use it on states loaded from storage; Step repairs them anyway.
func (s State) Validate() error {
	if s.Version != StateVersion {
		return fmt.Errorf("version %d, want %d", s.Version, StateVersion)
	}
	if s.Lang != locales.ZH && s.Lang != locales.EN {
		return fmt.Errorf("language %q", s.Lang)
	}
	if !nodes[s.Node] {
		return fmt.Errorf("node %q", s.Node)
	}
	if s.Node == NodeQuiz {
		if len(s.Answers) >= len(questions) {
			return fmt.Errorf("%d answers for %d questions", len(s.Answers), len(questions))
		}
	} else if s.Answers != "" {
		return fmt.Errorf("answers %q outside the questionnaire", s.Answers)
	}
	for i := 0; i < len(s.Answers); i++ {
		if s.Answers[i] != 'y' && s.Answers[i] != 'n' {
			return fmt.Errorf("answer %q", s.Answers[i])
		}
	}
	if s.Pieces > maxPieces {
		return fmt.Errorf("%d pieces, at most %d", s.Pieces, maxPieces)
	}
	if s.Last != nil {
		if s.Last.Level < classifier.LevelNone || s.Last.Level > classifier.LevelHigh {
			return fmt.Errorf("level %d", int(s.Last.Level))
		}
		if s.Last.Type != classifier.TypeNone && !s.Last.Type.Valid() {
			return fmt.Errorf("type %q", s.Last.Type)
		}
		if len(s.Last.Reasons) > maxReasons {
			return fmt.Errorf("%d reasons", len(s.Last.Reasons))
		}
		for _, r := range s.Last.Reasons {
			if !validKey(r) {
				return fmt.Errorf("reason %q is not a locale key", r)
			}
		}
	}
	if s.Country != "" && s.Country != CountryOther && directory().Country(s.Country) == nil {
		return fmt.Errorf("country %q", s.Country)
	}
	if s.Mission != "" && !missionIn(s.Country, s.Mission) {
		s.Mission = ""
	}
	if s.Org != "" && directory().Org(s.Org) == nil {
		return errors.New("unknown organisation")
	}
	if s.Owner != "" && !validOwner(s.Owner) {
		return fmt.Errorf("owner %q", s.Owner)
	}
	return nil
}

// repair turns any decoded state into one Step can work from, dropping
// what it cannot trust rather than failing: a person mid-conversation
// should never be stuck because storage held something odd.
func repair(s State) State {
	if s.Lang != locales.ZH && s.Lang != locales.EN {
		s.Lang = ""
	}
	if !nodes[s.Node] {
		s.Node = NodeStart
	}
	bad := len(s.Answers) >= len(questions)
	for i := 0; i < len(s.Answers); i++ {
		if s.Answers[i] != 'y' && s.Answers[i] != 'n' {
			bad = true
		}
	}
	if s.Node != NodeQuiz || bad {
		if s.Node == NodeQuiz {
			s.Node = NodeStart
		}
		s.Answers = ""
	}
	s.Pieces = min(s.Pieces, maxPieces)
	if l := s.Last; l != nil {
		fixed := &CheckSummary{Level: clampLevel(l.Level)}
		if l.Type.Valid() {
			fixed.Type = l.Type
		}
		for _, r := range l.Reasons {
			if validKey(r) && len(fixed.Reasons) < maxReasons {
				fixed.Reasons = append(fixed.Reasons, r)
			}
		}
		s.Last = fixed
	}
	if s.Country != "" && s.Country != CountryOther && directory().Country(s.Country) == nil {
		s.Country = ""
	}
	if s.Mission != "" && !missionIn(s.Country, s.Mission) {
		s.Mission = ""
	}
	if s.Org != "" && directory().Org(s.Org) == nil {
		s.Org = ""
	}
	if s.Owner != "" && !validOwner(s.Owner) {
		s.Owner = ""
	}
	return s
}
