package dialogs

import (
	"regexp"
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

// framingLang is the language of the words a person types before a
// message they paste: "这个是真的吗", "我妈收到的：", "is this real:", "my
// mum got this:". "" when the text opens with none of them (a message
// pasted alone is in its sender's language, not the reader's).
func framingLang(text string) string {
	t := strings.ToLower(strings.TrimSpace(text))
	switch {
	case framingZHRe.MatchString(t):
		return locales.ZH
	case framingENRe.MatchString(t):
		return locales.EN
	}
	return ""
}

var (
	framingZHRe = regexp.MustCompile(`^(?:这个|这条|这是|这|请问|帮我看看|帮我看一下|帮忙看看|帮我看下)?(?:短信|消息|信息|邮件)?(?:是真的吗|是不是真的|是不是诈骗|是不是骗子|是骗子吗|是诈骗吗|靠谱吗|可信吗)|^(?:帮我看看|帮我看一下|帮忙看看|帮我看下)|^(?:我|我妈|我爸|我奶奶|我爷爷|我外婆|我外公|我家人|家里人|我朋友|我同学)(?:刚|刚刚|今天|昨天)?收到(?:的|了|一条|这个)`)
	framingENRe = regexp.MustCompile(`^(?:is this (?:real|legit|a scam|true|genuine|fake)|is it (?:real|legit|a scam)|legit\?|real or fake|(?:my (?:mum|mom|dad|grandma|grandpa|nan|friend|parents)|i) (?:just )?(?:got|received) this)`)
)

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
