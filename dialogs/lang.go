package dialogs

import (
	"strings"
	"unicode"

	"github.com/scamcheck/scamcheck/locales"
)

// ownWordsLang is the language of a person's own typed words when it is
// plain: Chinese when Han characters are at least half the letters
// ("我send了code给他了" is Chinese), English when there are three or more
// Latin words, two of them common English words, and no Han ("they are
// still on the phone"). Pinyin ("wo bei pian le"), a name, "ok" or a
// mix too short to tell are "": the language stays.
func ownWordsLang(text string) string {
	han, latin := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			latin++
		}
	}
	if han >= 2 && 2*han >= latin {
		return locales.ZH
	}
	if han > 0 {
		return ""
	}
	words, common := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	}) {
		words++
		if commonEnglish[w] {
			common++
		}
	}
	if words >= 3 && common >= 2 {
		return locales.EN
	}
	return ""
}

// commonEnglish are English words that pinyin never spells, so that two of
// them mark a sentence as English.
var commonEnglish = map[string]bool{
	"i": true, "i'm": true, "im": true, "my": true, "me": true, "you": true, "your": true, "the": true,
	"is": true, "are": true, "was": true, "were": true, "they": true, "them": true, "he": true,
	"she": true, "it": true, "what": true, "to": true, "and": true, "of": true, "on": true, "in": true,
	"do": true, "did": true, "have": true, "has": true, "not": true, "this": true, "that": true,
	"from": true, "with": true, "now": true, "still": true, "said": true, "says": true, "call": true,
	"called": true, "phone": true, "money": true, "paid": true, "sent": true, "someone": true,
	"should": true, "can": true, "how": true, "it's": true, "got": true, "just": true,
}
