package classifier

import (
	"strings"
	"unicode"
)

// Opinion is a model's validated answer about one message: how risky it is,
// which scam it looks like (TypeNone or one of Types) and up to three
// reasons, as the locale keys of signal explanations. It holds no words of
// the model's: the person reads only the project's own sentences.
type Opinion struct {
	Level   Level
	Type    Type
	Reasons []string
}

// minMeaningful is the weight of letters and digits below which a text is too
// trivial to be worth a paid second opinion ("hi", "在吗", "ok thx"). A Han
// character weighs two, since one carries about as much as a short word.
const minMeaningful = 12

// NeedsSecondOpinion reports whether a model should be asked about text too.
// It never asks about a message the rules already call high (the model could
// only agree, at a cost and a delay), nor about empty or trivial text. It
// asks about every other message that carries a lead (see carriesLead): a
// link, a handle, a phone number, an amount or an ask. Saying "no sign of a
// scam" about a message that asks for something is the costliest mistake
// the bot can make, so a message that does ask is always checked twice,
// even when something in it argues that it is genuine (a scam can quote an
// unsubscribe line or a police warning). It always asks when the rules call
// it low or medium.
func NeedsSecondOpinion(v Verdict, text string) bool {
	if v.Level >= LevelHigh || trivial(text) {
		return false
	}
	return v.Level > LevelNone || carriesLead(v, text)
}

// Combine folds a model's opinion into the rules' verdict. The final level is
// the higher of the two: the model can raise a verdict, never lower it, so a
// message that talks the model into "this is safe" changes nothing. The
// model's reasons are kept only when the model raised the level or agreed
// with a warning. An opinion with a level
// out of range is not an answer: the rules' verdict comes back marked
// ModelUnavailable.
func Combine(rules Verdict, op Opinion) Verdict {
	v := rules
	if op.Level < LevelNone || op.Level > LevelHigh {
		v.ModelStatus = ModelUnavailable
		return v
	}
	v.Source = SourceRulesLLM
	v.ModelStatus = ModelAnswered
	v.ModelReasons = nil
	opType := op.Type
	if !opType.Valid() {
		opType = TypeNone
	}
	switch {
	case op.Level > rules.Level:
		v.Level = op.Level
		if opType != TypeNone {
			v.Type = opType
		}
		v.ModelReasons = op.Reasons
	case op.Level == rules.Level && op.Level > LevelNone:
		if v.Type == TypeNone {
			v.Type = opType
		}
		v.ModelReasons = op.Reasons
	}
	return v
}

// trivial reports whether text has too few letters and digits to judge.
func trivial(text string) bool {
	n := 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			n += 2
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		}
		if n >= minMeaningful {
			return false
		}
	}
	return true
}

// minPhoneDigits is the shortest digit run counted as a phone number: local
// numbers have seven or more digits; shorter runs are prices, dates, codes.
const minPhoneDigits = 7

// hasLinkOrNumber reports whether text contains a web link or a phone-number
// shaped run of digits (separators such as spaces, dashes, dots and brackets
// allowed inside it).
func hasLinkOrNumber(text string) bool {
	lower := strings.ToLower(text)
	if strings.Contains(lower, "http://") || strings.Contains(lower, "https://") || strings.Contains(lower, "www.") {
		return true
	}
	digits, gap := 0, 0
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			digits++
			gap = 0
			if digits >= minPhoneDigits {
				return true
			}
		case strings.ContainsRune(" -.()+", r) && digits > 0 && gap == 0:
			gap++ // one separator may sit between digit groups
		default:
			digits, gap = 0, 0
		}
	}
	return false
}
