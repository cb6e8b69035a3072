package dialogs

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/scamcheck/scamcheck/classifier"
)

// Intent is what a typed text is, in the conversation's context. The set
// is closed: every text is placed in exactly one.
type Intent string

// Intents.
const (
	IntentPaid       Intent = "paid"       // they paid, sent money, gave a card number, a code or a password
	IntentOnCall     Intent = "on_call"    // still on the phone or a video call, or being contacted right now
	IntentApp        Intent = "app"        // installed an app, shared the screen, gave remote access
	IntentThreatened Intent = "threatened" // told they are under investigation, their passport or parcel is in a crime
	IntentAccount    Intent = "account"    // their account was taken over, or a friend's account asks them for money
	IntentNone       Intent = "none"       // nothing happened, no
	IntentYes        Intent = "yes"        // yes to the questionnaire's question
	IntentNo         Intent = "no"         // no to the questionnaire's question
	IntentQuestion   Intent = "question"   // what to do, can I get money back, is it real, help
	IntentSmalltalk  Intent = "smalltalk"  // greetings, thanks, ok, emoji
	IntentCheck      Intent = "check"      // a message the person received
	IntentPlace      Intent = "place"      // a country or a city, at the place question
	IntentRequest    Intent = "request"    // asks for what a button gives: the menu, a language, the numbers, a warning for family
	IntentUnclear    Intent = "unclear"    // cannot tell: ask instead of guessing
)

// Intents lists every intent.
var Intents = []Intent{
	IntentPaid, IntentOnCall, IntentApp, IntentAccount, IntentThreatened, IntentNone, IntentYes, IntentNo,
	IntentQuestion, IntentSmalltalk, IntentCheck, IntentPlace, IntentRequest, IntentUnclear,
}

// Placement is where a typed text was placed.
type Placement struct {
	Intent Intent
	// Topic narrows a question ("refund", "real", "number", "fine",
	// "report", "bank", "about", "visa", "what", "scammed": what to do
	// after being scammed, untold how), an unclear text ("scammed": the
	// person says they were scammed and not how; "called": they called
	// the number back; "called_or_paid": "打过去了", a call or money;
	// "scammed_family": a relative or friend was scammed, untold how;
	// "unsure": "idk", "maybe" said whole), a question ("private": "will
	// you tell my parents"; "shame": "I feel so stupid"),
	// small talk ("thanks",
	// "hello", "ok", "bye", "sorry"), what was given ("id": only a
	// passport or ID, no money, card or code), an account taken over
	// ("friend": a friend's account asked the person for money), small
	// talk that tells a step done ("done": "I called my bank"), an app
	// asked for ("asked": someone asked the person to install an app or
	// share the screen, and nothing says it was done) or a
	// request (the id of the button whose words were typed:
	// "menu", "check", "call", "quiz", "where", "more", "share",
	// "share:other", "lang", "lang:zh", "lang:en"); empty otherwise.
	Topic string
	// Story is set when the person tells what happened to them (paid,
	// on_call, app, threatened in their own words, beyond a bare answer):
	// the text is then also classified, so the steps can name the scam.
	Story bool
	// Asks is set when a message to check asks its reader for money, a
	// code or secrecy, or a story tells that someone asked the person for
	// them ("让我交资料费"): a verdict without warning signs must then not
	// sound like the all-clear.
	Asks bool
	// Family is set when the story is someone else's: a parent, a
	// grandparent or a friend got the call or paid ("my dad already sent
	// them money"). The steps are then written for helping them.
	Family bool
	// AboutMe is set on a family story whose call was about the person
	// typing ("my mum got a call saying I was kidnapped"): they are the
	// one to call the family back.
	AboutMe bool
	// OtherInTrouble is set on a family story whose caller claimed that
	// someone else is arrested, hurt or kidnapped ("my grandma got a call
	// saying her grandson was arrested"): calling that person unmasks it.
	// Without it the call was about the relative's own money or papers
	// ("我妈接到电话说她医保卡被冻结"), and "call the person the caller talked
	// about" would send them nowhere.
	OtherInTrouble bool
	// ByText is set on a family story whose contact came as a message, not
	// a call ("我妈收到一条短信说她的医保卡被冻结了"): there is no call to hang
	// up, only a message not to answer.
	ByText bool
	// Refused is set on a family story that tells the relative already
	// hung up, ignored it or reported it ("…他没转，来问我，我说是假的，
	// 已经报警了"): the steps then say they did right, not "hang up now".
	Refused bool
	// Quote is set on a message to check that the person quoted inside
	// their own words (`"这里是中国大使馆…请按9查询" 我没按 直接挂了 这是诈骗吧`):
	// the quoted message is what to classify. The whole text would carry
	// the person's "I hung up", which the rules read as a message's own
	// refusal and score down.
	Quote string
}

// CheckText is the text to classify for p: the quoted message when the
// person quoted one, else text.
func (p Placement) CheckText(text string) string {
	if p.Quote != "" {
		return p.Quote
	}
	return text
}

// NeedsVerdict reports whether the text should be classified before Step:
// a message to check, an unclear text (a strong warning sign makes it a
// message to check) and a story (to name the scam). Answers, questions
// and small talk are never classified.
func (p Placement) NeedsVerdict() bool {
	return p.Intent == IntentCheck || p.Intent == IntentUnclear || p.Story
}

// maxUnderstandBytes bounds the part of a text that is read for intent; a
// longer text is a pasted message anyway, and its head says so.
const maxUnderstandBytes = 2000

// longRunes is the length from which a text without any other sign is
// taken for a pasted message rather than something typed to the bot.
const longRunes = 60

//go:embed understand.json
var understandJSON []byte

// understandData is understand.json: phrase lists that place a text.
type understandData struct {
	// Fold maps a character to the one the phrase lists use where
	// OpenCC's traditional-to-simplified table (classifier.SimplifiedRune,
	// applied after it) does not: written Cantonese (佢 他, 咗 了, 喺 在),
	// 俺 我, and 帳 账 rather than the table's 帐.
	Fold map[string]string `json:"fold"`
	// Mixed maps English words that students abroad drop into Chinese
	// sentences ("刚刚transfer了3000刀到他给的safe account") to the
	// Chinese the phrase lists use (转, 安全账户). It is read only in a
	// short English run beside Chinese characters (unmix), so an
	// English sentence keeps its own words for the English lists.
	Mixed  map[string]string `json:"mixed"`
	Groups []phraseGroup     `json:"groups"`
}

// phraseGroup is one list of phrases, in both languages, that votes for an
// intent (Intent), tells that the person is narrating (Kind "story"), that
// the text addresses its reader (Kind "check"), asks its reader for money
// or secrecy (Kind "ask"), or tells that someone asked the person for them
// (Kind "told_ask": "he asked me to pay"). Five kinds are flags, found
// apart from the votes so that they never hide a phrase that overlaps
// them: someone else named as the one it happened to (Kind "family": "my
// mum", "我奶奶"), the call said to be about the person typing (Kind "me":
// "saying I", "说我"), someone claimed arrested, hurt or kidnapped (Kind
// "trouble": "被抓", "in custody"), and hedges (Kind "hedge": "I think",
// 我担心, "I'm helping", masked so that "I think my grandma is talking to
// a scammer" stays the grandma's story), and the person as the one called or told (Kind
// "recipient": "打电话给我", "told me"; see firstPersonBeforeOwn). Two
// more tell an app asked for from one installed: someone asked the
// person to install an app, share the screen or join a meeting (Kind
// "app_ask": "让我下载", "wants me to install"), and it was done (Kind
// "app_done": "装了", "downloaded") or not (Kind "app_not_done": "我没装",
// "i said no"). One tells of someone met online (Kind "romance": "网上
// 认识了一个女的", "met a woman online"), which, said of a relative who is
// pushed to invest or pay, is a known scam the family is told how to
// face; one tells of someone posing as the person typing (Kind "posing":
// "冒充我", "说是我", "from \"me\"", "but i didnt"), so that a relative's
// story of it is answered as about them.
//
// A phrase is matched in the normalised text (lower case, simplified
// characters, no apostrophes): English phrases on word boundaries, Chinese
// ones anywhere. "^" at its start anchors it at the text's start; "{num}"
// stands for a number in digits or Chinese numerals. A Whole group counts
// only when the entire text is one of its phrases; States limits a group to
// those nodes.
type phraseGroup struct {
	Name   string   `json:"name"`
	Intent Intent   `json:"intent"`
	Kind   string   `json:"kind"`
	Topic  string   `json:"topic"`
	Whole  bool     `json:"whole"`
	States []string `json:"states"`
	Weight int      `json:"weight"`
	// Addresses marks phrases that speak to a reader though they hold no
	// "you": the vocatives ("Mum, …", "奶奶，…").
	Addresses bool     `json:"addresses"`
	EN        []string `json:"en"`
	ZH        []string `json:"zh"`
}

// understander is understand.json compiled: the phrases of the groups
// that match anywhere, and the whole-text phrases.
type understander struct {
	// pinyin reads a text typed in pinyin through the Chinese phrases.
	pinyin *pinyinReader
	fold   map[rune]rune
	mixed  map[string]string // lower-case English words (one to three) → Chinese
	// mixedWords is the most words of a mixed key.
	mixedWords int
	groups     []phraseGroup
	phrases    []phrase
	flags      []phrase         // phrases of the flag groups (isFlag)
	whole      map[string][]int // core text → indexes of Whole groups
	// wholeUnits maps the units of a whole-text small-talk phrase
	// (unitKey) to its group, so that "ok thanks bye" is read as three.
	wholeUnits map[string][]int
	maxUnits   int
	// byBigram indexes phrases by the first two bytes they start with, so
	// a text is searched only for phrases that can start in it; short
	// lists the phrases of a single byte.
	byBigram map[uint16][]int
	short    []int
}

func bigram(s string, i int) uint16 { return uint16(s[i])<<8 | uint16(s[i+1]) }

// phrase is one compiled phrase: literal parts with a number between each
// two, and whether it must start the text or sit on word boundaries.
type phrase struct {
	index     int // in understander.phrases
	group     int
	anchored  bool
	parts     []string // literals; a number matches between consecutive parts
	wordStart bool     // starts with an ASCII letter or digit: a word boundary before
	wordEnd   bool     // ends with one: a word boundary after
}

var understanding = mustUnderstander(understandJSON)

func mustUnderstander(b []byte) *understander {
	u, err := newUnderstander(b)
	if err != nil {
		panic(fmt.Sprintf("dialogs: understand.json: %v", err))
	}
	return u
}

func newUnderstander(b []byte) (*understander, error) {
	var d understandData
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	u := &understander{fold: map[rune]rune{}, whole: map[string][]int{}, wholeUnits: map[string][]int{}}
	for k, v := range d.Fold {
		kr, kn := utf8.DecodeRuneInString(k)
		vr, vn := utf8.DecodeRuneInString(v)
		if kn != len(k) || vn != len(v) || kr == vr {
			return nil, fmt.Errorf("fold %q→%q: want two different single characters", k, v)
		}
		u.fold[kr] = vr
	}
	u.mixed = map[string]string{}
	for k, v := range d.Mixed {
		words := strings.Fields(k)
		if len(words) == 0 || len(words) > maxMixedRun || strings.Join(words, " ") != k || strings.ToLower(k) != k || !hasHan(v) {
			return nil, fmt.Errorf("mixed %q→%q: want one to %d lower-case words, single-spaced, and Chinese", k, v, maxMixedRun)
		}
		for _, r := range k {
			if r >= utf8.RuneSelf || !(unicode.IsLetter(r) || r == ' ') {
				return nil, fmt.Errorf("mixed %q: want ASCII letters only", k)
			}
		}
		u.mixed[k] = v
		u.mixedWords = max(u.mixedWords, len(words))
	}
	valid := map[Intent]bool{}
	for _, in := range Intents {
		valid[in] = true
	}
	for _, g := range d.Groups {
		switch {
		case g.Kind == "" && !valid[g.Intent]:
			return nil, fmt.Errorf("group %q: intent %q is not one of the intents", g.Name, g.Intent)
		case g.Kind != "" && (!groupKinds[g.Kind] || g.Intent != ""):
			return nil, fmt.Errorf("group %q: kind %q with intent %q; want story, check, ask, told_ask, family, me, trouble, hedge, recipient, app_ask, app_done, app_not_done, romance or posing without an intent", g.Name, g.Kind, g.Intent)
		case g.Whole && g.Kind != "":
			return nil, fmt.Errorf("group %q: a whole-text group of kind %q; want an intent", g.Name, g.Kind)
		case len(g.EN) == 0 || len(g.ZH) == 0:
			return nil, fmt.Errorf("group %q: phrases in one language only", g.Name)
		}
		for _, st := range g.States {
			if !tableStates[st] {
				return nil, fmt.Errorf("group %q: state %q", g.Name, st)
			}
		}
		if g.Weight == 0 {
			g.Weight = 1
		}
		idx := len(u.groups)
		u.groups = append(u.groups, g)
		if !g.Whole {
			continue
		}
		for _, p := range append(append([]string(nil), g.EN...), g.ZH...) {
			c := u.core(p)
			if c == "" {
				return nil, fmt.Errorf("group %q: phrase %q is empty once normalised", g.Name, p)
			}
			u.whole[c] = append(u.whole[c], idx)
			if g.Intent == IntentSmalltalk {
				units := u.units(c)
				k := unitKey(units)
				u.wholeUnits[k] = append(u.wholeUnits[k], idx)
				u.maxUnits = max(u.maxUnits, len(units))
			}
		}
	}
	for i, g := range u.groups {
		if g.Whole {
			continue
		}
		for _, p := range append(append([]string(nil), g.EN...), g.ZH...) {
			ph, err := u.compile(p)
			if err != nil {
				return nil, fmt.Errorf("group %q: %w", g.Name, err)
			}
			if n := u.normalize(p); isFlag(g.Kind) && (n == "我" || n == "i" || n == "me") {
				// "‘我’" once its quotes are read as apostrophes: it
				// would flag, and mask, every 我.
				return nil, fmt.Errorf("group %q: phrase %q is the person typing alone once normalised", g.Name, p)
			}
			if isFlag(g.Kind) {
				ph.group, ph.index = i, len(u.flags)
				u.flags = append(u.flags, ph)
				continue
			}
			ph.group, ph.index = i, len(u.phrases)
			u.phrases = append(u.phrases, ph)
		}
	}
	var zh []string
	for _, g := range d.Groups {
		for _, p := range g.ZH {
			if !strings.ContainsAny(p, "{^") {
				zh = append(zh, p)
			}
		}
	}
	u.pinyin = newPinyinReader(zh)
	u.byBigram = map[uint16][]int{}
	for i, ph := range u.phrases {
		if len(ph.parts[0]) < 2 {
			u.short = append(u.short, i)
			continue
		}
		b := bigram(ph.parts[0], 0)
		u.byBigram[b] = append(u.byBigram[b], i)
	}
	return u, nil
}

// groupKinds are the kinds a group may have instead of an intent.
var groupKinds = map[string]bool{"story": true, "check": true, "ask": true, "family": true, "me": true, "trouble": true, "told_ask": true, "hedge": true, "recipient": true, "app_ask": true, "app_done": true, "app_not_done": true, "romance": true, "posing": true}

// isFlag reports whether a group of kind marks the text rather than votes.
func isFlag(kind string) bool {
	return kind == "family" || kind == "me" || kind == "trouble" || kind == "hedge" || kind == "recipient" || kind == "app_ask" || kind == "app_done" || kind == "app_not_done" || kind == "romance" || kind == "posing"
}

// tableStates are the conversation states the phrase data and the intent
// table name.
var tableStates = map[string]bool{"start": true, "verdict": true, "quiz": true, "country": true, "steps": true}

// numPlaceholder in a phrase stands for a number.
const numPlaceholder = "{num}"

// compile turns one phrase of the data into a phrase.
func (u *understander) compile(p string) (phrase, error) {
	ph := phrase{anchored: strings.HasPrefix(p, "^")}
	n := u.normalize(strings.TrimPrefix(p, "^"))
	if n == "" {
		return ph, fmt.Errorf("empty phrase %q", p)
	}
	ph.parts = strings.Split(n, numPlaceholder)
	if ph.parts[0] == "" {
		return ph, fmt.Errorf("phrase %q starts with a number: it must start with words", p)
	}
	for i, part := range ph.parts {
		if i > 0 && i < len(ph.parts)-1 && part == "" {
			return ph, fmt.Errorf("phrase %q has two numbers in a row", p)
		}
	}
	first, _ := utf8.DecodeRuneInString(n)
	last, _ := utf8.DecodeLastRuneInString(n)
	ph.wordStart = isASCIIWord(first)
	ph.wordEnd = isASCIIWord(last) && !strings.HasSuffix(n, numPlaceholder)
	return ph, nil
}

// match is one phrase found in a text, by byte offsets; phrase is its
// index, which breaks ties in the data's order.
type match struct{ start, end, group, phrase int }

// find lists where the phrase occurs in n.
func (ph *phrase) find(n string, out []match) []match {
	for off := 0; off < len(n); {
		k := strings.Index(n[off:], ph.parts[0])
		if k < 0 {
			break
		}
		pos := off + k
		off = pos + 1
		if ph.anchored && pos != 0 {
			break
		}
		if ph.wordStart && pos > 0 {
			if r, _ := utf8.DecodeLastRuneInString(n[:pos]); isASCIIWord(r) {
				continue
			}
		}
		end, ok := pos+len(ph.parts[0]), true
		for _, part := range ph.parts[1:] {
			digits := numberLen(n[end:])
			if digits == 0 || !strings.HasPrefix(n[end+digits:], part) {
				ok = false
				break
			}
			end += digits + len(part)
		}
		if !ok {
			continue
		}
		if ph.wordEnd && end < len(n) {
			if r, _ := utf8.DecodeRuneInString(n[end:]); isASCIIWord(r) {
				continue
			}
		}
		out = append(out, match{start: pos, end: end, group: ph.group, phrase: ph.index})
	}
	return out
}

// numberLen is the length in bytes of the number n starts with: digits,
// Chinese numerals, "k" or "w" for thousands, separators. Separators or
// units alone are no number: "被骗了，我该怎么帮他" names no amount.
func numberLen(n string) int {
	i, numeral := 0, false
	for i < len(n) {
		r, size := utf8.DecodeRuneInString(n[i:])
		if !strings.ContainsRune("0123456789零一二两三四五六七八九十百千万亿kw.,", r) {
			break
		}
		numeral = numeral || !strings.ContainsRune("kw.,", r)
		i += size
	}
	if !numeral {
		return 0
	}
	if rest, ok := strings.CutPrefix(n[:i], "一"); ok && rest == "" {
		if r, _ := utf8.DecodeRuneInString(n[i:]); strings.ContainsRune("直起样下些定般切共边旦再路", r) {
			// 一直, 一起, 一样…: a word that starts with 一, not an
			// amount ("被骗了 一直在房间里跟人视频" is no sum lost).
			return 0
		}
	}
	return i
}

// matches finds the phrases of the groups that apply in state, leftmost
// first and longest first where two start together, without overlaps:
// "haven't paid" is read as one phrase, not as "paid".
func (u *understander) matches(n, state string) []match {
	var all []match
	try := func(list []int) {
		for _, i := range list {
			if inStates(u.groups[u.phrases[i].group], state) {
				all = u.phrases[i].find(n, all)
			}
		}
	}
	try(u.short)
	seen := make(map[uint16]bool, len(n))
	for i := 0; i+1 < len(n); i++ {
		if b := bigram(n, i); !seen[b] {
			seen[b] = true
			try(u.byBigram[b])
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		if pa, pb := len(u.phrases[a.phrase].parts), len(u.phrases[b.phrase].parts); pa != pb {
			// Over the same words, a literal phrase is more specific
			// than one with a number in it: "打了110" is a call to the
			// police, not "打了{num}" (money sent).
			return pa < pb
		}
		return a.phrase < b.phrase
	})
	out := all[:0]
	end := 0
	for _, m := range all {
		if m.start >= end {
			out = append(out, m)
			end = m.end
		}
	}
	return out
}

// maxMixedRun is the most English words in a run that unmix reads: a
// longer run is an English clause ("he says hes from 中国驻美大使馆"), left
// to the English lists.
const maxMixedRun = 3

// isHanRune reports whether r is a Chinese character (the range check
// first: most text is ASCII).
func isHanRune(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, isHanRune) >= 0
}

// unmix replaces the English words of a Chinese sentence with the Chinese
// of the mixed table: each run of at most maxMixedRun English words with
// a Chinese character beside it (spaces aside), longest keys first. Words
// not in the table stay as they are.
func (u *understander) unmix(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	last := 0
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		// A run: letters, apostrophes, hyphens and single spaces between
		// words.
		j := i
		for j < len(s) {
			switch c := s[j]; {
			case isASCIILetter(c) || c == '\'' || c == '-':
				j++
				continue
			case c == ' ' && j+1 < len(s) && isASCIILetter(s[j+1]):
				j++
				continue
			}
			break
		}
		run := s[i:j]
		words := strings.Fields(strings.ToLower(strings.NewReplacer("'", "", "-", " ").Replace(run)))
		if len(words) <= maxMixedRun && (hanBefore(s, i) || hanAfter(s, j)) {
			if out, ok := u.mixedRun(words); ok {
				b.WriteString(s[last:i])
				b.WriteString(out)
				last = j
			}
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// mixedRun translates words through the mixed table, longest keys first;
// ok is false when no word is in it.
func (u *understander) mixedRun(words []string) (string, bool) {
	var out []string
	found := false
	for k := 0; k < len(words); {
		n := min(u.mixedWords, len(words)-k)
		for ; n > 0; n-- {
			if zh, ok := u.mixed[strings.Join(words[k:k+n], " ")]; ok {
				out = append(out, zh)
				found = true
				break
			}
		}
		if n == 0 {
			out = append(out, words[k])
			n = 1
		}
		k += n
	}
	return strings.Join(out, " "), found
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hanBefore reports whether the last character before s[:i], spaces
// aside, is Chinese.
func hanBefore(s string, i int) bool {
	t := strings.TrimRight(s[:i], " ")
	r, _ := utf8.DecodeLastRuneInString(t)
	return isHanRune(r)
}

// hanAfter reports whether the first character from s[j:], spaces
// aside, is Chinese.
func hanAfter(s string, j int) bool {
	t := strings.TrimLeft(s[j:], " ")
	r, _ := utf8.DecodeRuneInString(t)
	return isHanRune(r)
}

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// scareQuotesRe finds a short Chinese word in quotes: 跟"警察"视频, 那个
// “客服”, quoted to doubt it, reads as the word itself ("正在跟警察视频").
// A single character keeps its quotes: 冒充“我” is a phrase of its own.
var scareQuotesRe = regexp.MustCompile(`["“「『](\p{Han}{2,8})["”」』]`)

// normalize folds a text for matching: NFKC (full-width letters and
// digits), lower case, simplified characters, no apostrophes ("I've" is
// "ive", as people type it), one space between words and none between
// Chinese characters ("我 转了" is "我转了").
func (u *understander) normalize(s string) string {
	s = norm.NFKC.String(s)
	if hasHan(s) {
		s = scareQuotesRe.ReplaceAllString(s, "$1")
	}
	if len(u.mixed) > 0 && hasHan(s) {
		s = u.unmix(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var prev rune
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := u.fold[r]; ok {
			r = f
		} else if r >= 0x3400 {
			r = classifier.SimplifiedRune(r)
		}
		if space && !(unicode.Is(unicode.Han, r) && unicode.Is(unicode.Han, prev)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// core is the normalised text without punctuation, symbols or emoji, for
// whole-text phrases: "ok!!" and "OK 👍" are "ok".
func (u *understander) core(s string) string {
	n := u.normalize(s)
	var b strings.Builder
	space := false
	for _, r := range n {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// features is what a text shows.
type features struct {
	intents map[Intent]int // phrase hits per intent
	topic   map[Intent]string
	whole   map[Intent]string // intent of a whole-text phrase → its topic
	story   int               // narration: "he said", "对方让我", "I got scammed"
	check   int               // addressed to its reader: "your", "您", links, handles, "Mum" first
	ask     int               // asks its reader for money, a code or secrecy
	// tellAt and tellEnd are the byte offsets of the first phrase of a
	// telling intent (paid, on_call, app, threatened); -1 when none.
	tellAt, tellEnd int
	// family is the offset of the first phrase naming someone else the
	// story happened to ("my dad", "我奶奶"); -1 when none.
	family int
	// me: the call was about the person typing ("saying I", "说我").
	me bool
	// trouble: the story claims someone is arrested, hurt or kidnapped.
	trouble bool
	// firstPersonBefore: "I", "me" or "我" (outside the family and me
	// phrases) before the end of the first telling phrase; firstPerson:
	// anywhere in the text; firstPersonAny: anywhere outside the family
	// phrases.
	firstPersonBefore, firstPerson, firstPersonAny bool
	// firstPersonBeforeOwn is firstPersonBefore without the person as the
	// one called or told ("有人打电话给我说她被抓了"): a parent who took
	// the call is not the subject of what the caller claimed.
	firstPersonBeforeOwn bool
	// secondPerson: "you", "your", 你 or 您 anywhere; addressed: a
	// vocative or an ask made to the reader. Either way the text speaks
	// to a reader.
	secondPerson, addressed bool
	// mine: "my" outside the family phrases ("someone took over my
	// WeChat"); 我的 is in firstPerson already. myFamily: the text
	// opens with a family phrase with "my" or 我 in it ("my grandmother
	// keeps buying…"): the person typing speaks, of a relative.
	mine, myFamily bool
	// paidID counts the paid phrases that name a passport or an ID
	// ("a photo of my passport"); paidDial those that may as well mean a
	// call as a transfer ("打过去").
	paidID, paidDial int
	// paidTyped: details typed into a page ("typed my password"), a
	// paid phrase of topic "typed".
	paidTyped int
	// asksReal: "is it real", "靠谱吗"; asksNumber: "is this number
	// real", "号码是真的吗". Either with a phone number in the text asks
	// about that number.
	asksReal, asksNumber bool
	// phraseCheck is check without links, handles, phone numbers and
	// lines: the words that speak to a reader ("请", "your").
	phraseCheck int
	// scammed: the person says they were scammed ("我被骗了", "i got
	// scammed"), a story phrase of topic "scammed".
	scammed bool
	// appAsk: someone asked the person to install an app, share the
	// screen or join a meeting ("他让我下载一个app"); appDone: it was
	// done ("装了", "I downloaded"); appNotDone: said not to be ("我还没
	// 开", "i said no"). An ask not done is answered with "don't install
	// it", not with the steps after it.
	appAsk, appDone, appNotDone bool
	// romance: someone met online ("我爸在网上认识了一个女的").
	romance bool
	// recovery: someone offers to get lost money back for a fee ("律师说
	// 能帮我追回 先交一万"): the second scam.
	recovery bool
	// mule: someone asks the person to take money in and pass it on, or
	// to lend their account or card ("帮他收一笔钱再转出去"); overpaid: a
	// buyer or tenant "paid too much" and wants the difference back.
	mule, overpaid bool
	// mistaken: money "sent by mistake" into the person's account, asked
	// back ("有人误转到我卡上5000 让我转回去").
	mistaken bool
	// rental: a deposit asked before any viewing, the landlord "abroad"
	// to post the keys; qrRefund: a QR code to scan to "get a refund".
	rental, qrRefund bool
	// sextortion: the person is blackmailed with intimate images ("im
	// being blackmailed with my photos", "裸聊被录了视频").
	sextortion bool
	// marketplace: a buyer or seller moves the payment off the platform
	// or asks a "deposit" to receive money ("闲鱼买家说我没开通保证金");
	// taskJob: paid to like, follow or rate ("点赞就能赚钱"); violent: a
	// threat to hurt the person or their family.
	marketplace, taskJob, violent bool
	// intervention: a bank or the police step in ("银行说我可能被骗了",
	// "the police came to my door"); atBank: the person is at the bank.
	intervention, atBank bool
	// prizeFee: a prize that must be paid for first ("说我中了大奖 要先交个人
	// 所得税").
	prizeFee bool
	// withdraw: money held by a platform that asks a fee or a tax
	// before it can be withdrawn ("提现要先交税").
	withdraw bool
	// posing: someone posed as the person typing ("有人冒充我给我妈发微信
	// 借钱", "grandpa says i called him but i didnt").
	posing bool
	// thirdOpen: the text opens with "she" or "he" (他, 她) as the one
	// it tells of.
	thirdOpen bool
	// withCaller: the caller named as the other party ("with them",
	// "跟对方").
	withCaller bool
}

// ownWords reports whether a text reads as the person's own words rather
// than a message they received: they speak of themselves ("someone is
// threatening to send my videos unless I pay", "有人让我做刷单") and to
// nobody. Such a text is never given a verdict's all-clear wording: that
// "no known warning signs" would answer what they told, not a message.
func (f features) ownWords() bool {
	return (f.firstPerson || f.mine || f.myFamily) && !f.secondPerson && !f.addressed
}

// scammedTopic is the topic of "I got scammed" said without how:
// "scammed", or "scammed_family" when it is said of a relative or friend
// and the person typing is not in it but as a hedge ("我妈被骗了", "my
// friend got scammed what should she do", "I think my dad is being
// scammed").
func (f features) scammedTopic() string {
	if f.family >= 0 && !f.firstPerson {
		return "scammed_family"
	}
	return "scammed"
}

// speaksToReaderOnly reports whether a text speaks to a reader and never
// of the person typing: a message they received (a paste, a voice note's
// transcript: "你的身份证涉嫌洗钱，请把钱转到安全账户，不要告诉家人"), however many
// of a story's words it holds. Its verdict, not the steps for a story,
// answers it.
func (f features) speaksToReaderOnly() bool {
	return f.secondPerson && !f.firstPerson && !f.mine && f.family < 0 && f.check > 0
}

// familyStory reports whether the story told is someone else's: a
// relative or friend is named, the person typing is not the subject of
// what was told ("I paid and my mum is angry" is their own), and the
// relative comes first unless the relative is the one claimed in
// trouble and either the person is not in the text at all ("a man said
// he kidnapped my son"; "I" inside a "said I" phrase counts: "a guy on
// the phone says I must pay bail for my brother" is the person's own
// call) or the call was not about them ("有人说绑架了我女儿，我联系不上
// 她": the parent's side). "He said not to tell my parents" is the
// person's own story.
func (f features) familyStory() bool {
	if f.family < 0 && f.tellAt >= 0 && f.thirdOpen && !f.firstPersonAny && f.intents[IntentPaid] > 0 && f.intents[IntentOnCall] == 0 {
		// "she already paid 5000", "她已经转了两万", typed after a
		// relative's story: someone else's loss, told as theirs. Only a
		// payment: "he is still on the phone" is the caller.
		return true
	}
	if f.family < 0 && f.tellAt >= 0 && f.thirdOpen && !f.firstPersonAny && f.intents[IntentOnCall] > 0 && f.withCaller {
		// "she is still on the phone with them", "她还在跟对方通话":
		// the caller is the other one; she is the one to reach.
		return true
	}
	if f.family < 0 || f.tellAt < 0 {
		return false
	}
	if f.posing && !f.firstPerson {
		// "有人冒充我给我妈发微信借钱": the relative is the one asked,
		// wherever they are named; the person typing is in it only as
		// the one posed as.
		return true
	}
	if f.firstPersonBefore && !(f.trouble && !f.me && f.intents[IntentPaid] == 0 && !f.firstPersonBeforeOwn) {
		// The person is in the story before what was told, unless only
		// as the one who took a call claiming a relative is in trouble
		// ("我女儿在英国，有人打电话给我说她被抓了"); a payment told
		// beside it stays theirs ("a man called me saying my brother
		// was arrested, I paid").
		return false
	}
	return f.family < f.tellAt || f.trouble && (!f.firstPersonAny || !f.me)
}

var (
	linkRe   = regexp.MustCompile(`(?i)(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|info|top|xyz|co|cn|uk|io|me|cc|vip|shop|site|online|link|app)\b)`)
	handleRe = regexp.MustCompile(`@[a-z0-9_]{3,}|\b[a-z]+_[a-z0-9_]*[0-9]{3,}\b|\b(qq|vx|wx|wechat|v)\s?[:：]\s?[a-z0-9_-]{5,}|\b(qq|vx|wx|wechat)\s?[a-z0-9_-]*[0-9]{5,}`)
	phoneRe  = regexp.MustCompile(`\+?[0-9][0-9 ()-]{6,}[0-9]`)
)

func (u *understander) features(s State, text string) features {
	f := features{intents: map[Intent]int{}, topic: map[Intent]string{}, whole: map[Intent]string{}, tellAt: -1, tellEnd: -1, family: -1}
	state := tableState(s)
	core := u.core(text)
	for _, c := range []string{core, strings.ReplaceAll(core, " ", "")} {
		for _, i := range u.whole[c] {
			if g := u.groups[i]; inStates(g, state) {
				if _, ok := f.whole[g.Intent]; !ok {
					f.whole[g.Intent] = g.Topic
				}
			}
		}
	}
	n := u.normalize(text)
	supposed := supposedPayRe.FindAllStringIndex(n, -1)
	for _, m := range u.matches(n, state) {
		g := u.groups[m.group]
		switch g.Kind {
		case "story":
			f.story += g.Weight
			f.scammed = f.scammed || g.Topic == "scammed"
		case "check":
			if m.start == 0 && (u.familyEnd(n) > m.end || g.Addresses && bareRelativeRe.MatchString(n)) {
				// "mom got a call from police" tells of mom; "Mum, I
				// need help" speaks to her. Nor is "our" in "our
				// daughter says…" a company's "our" (round sixteen),
				// nor "dad sent 5000 to them already" a text to dad
				// (round seventeen: it got "no known warning signs").
				continue
			}
			if ourPeopleRe.MatchString(n[m.start:]) {
				// "one of our first years hasn't answered anyone since
				// tuesday": a volunteer's or a teacher's own people, not
				// a company's "our" (round eighteen).
				continue
			}
			f.check += g.Weight
			f.addressed = f.addressed || g.Addresses
		case "ask":
			// Asking the reader for money, a code or secrecy addresses
			// the reader, and is the one sign that always matters.
			f.check += g.Weight
			f.ask += g.Weight
			f.addressed = true
		case "told_ask":
			// "He asked me to pay": an ask told, not made to the reader.
			f.story += g.Weight
			f.ask += g.Weight
		default:
			if g.Intent == IntentNone && !ownNothing(n, m.start, m.end, supposed) {
				continue
			}
			if g.Intent == IntentPaid && (inSpans(supposed, m.start, m.end) || toldPayBeforeRe.MatchString(n[:m.start])) {
				// "交了就不抓我", "if i pay they close the case": a
				// payment promised a result, not one made (round
				// eighteen: the steps after a loss answered it).
				continue
			}
			f.intents[g.Intent] += g.Weight
			if g.Intent == IntentPaid && g.Topic == "id" {
				f.paidID += g.Weight
			}
			if g.Intent == IntentPaid && g.Topic == "dial" {
				f.paidDial += g.Weight
			}
			if g.Intent == IntentPaid && g.Topic == "typed" {
				f.paidTyped += g.Weight
			}
			f.withdraw = f.withdraw || g.Intent == IntentPaid && g.Topic == "withdraw"
			f.recovery = f.recovery || g.Intent == IntentQuestion && g.Topic == "recovery"
			f.mule = f.mule || g.Intent == IntentQuestion && g.Topic == "mule"
			f.sextortion = f.sextortion || g.Intent == IntentQuestion && g.Topic == "sextortion"
			f.marketplace = f.marketplace || g.Intent == IntentQuestion && g.Topic == "marketplace"
			f.taskJob = f.taskJob || g.Intent == IntentQuestion && g.Topic == "task_job"
			f.violent = f.violent || g.Intent == IntentQuestion && g.Topic == "violent_threat"
			f.intervention = f.intervention || g.Intent == IntentQuestion && g.Topic == "intervention"
			f.atBank = f.atBank || g.Intent == IntentQuestion && g.Topic == "at_bank"
			f.prizeFee = f.prizeFee || g.Intent == IntentQuestion && g.Topic == "prize_fee"
			f.overpaid = f.overpaid || g.Intent == IntentQuestion && g.Topic == "overpaid"
			f.mistaken = f.mistaken || g.Intent == IntentQuestion && g.Topic == "mistaken"
			f.rental = f.rental || g.Intent == IntentQuestion && g.Topic == "rental"
			f.qrRefund = f.qrRefund || g.Intent == IntentQuestion && g.Topic == "qr_refund"
			if g.Intent == IntentQuestion && (g.Topic == "real" || g.Topic == "number") {
				f.asksReal = f.asksReal || g.Topic == "real"
				f.asksNumber = f.asksNumber || g.Topic == "number"
			}
			if t, ok := f.topic[g.Intent]; !ok || (t == "what" || t == "real") && g.Topic != "" && g.Topic != "real" && g.Topic != "what" || g.Topic == "friend" ||
				g.Topic == "at_bank" && g.Intent == IntentQuestion {
				// The first topic, but money about to leave at a bank or
				// a cash machine comes before any ("caller id shows the
				// real police number and he wants me to go to the atm
				// now"); the generic "what should I do"
				// or "is it legit" yields to a named one ("… about my
				// visa", "is it legit if a job pays u to like videos"),
				// and an
				// account that asks the person for money is a friend's
				// whatever came first ("my son's wechat got hacked and
				// is asking me for money from it").
				f.topic[g.Intent] = g.Topic
			}
			if f.tellAt < 0 && isTelling(g.Intent) {
				f.tellAt, f.tellEnd = m.start, m.end
			}
		}
	}
	u.flagFeatures(n, &f)
	f.phraseCheck = f.check
	if linkRe.MatchString(n) {
		f.check += 2
	}
	if handleRe.MatchString(n) {
		f.check += 2
	}
	if phoneRe.MatchString(n) {
		f.check++
	}
	if lines := nonEmptyLines(text); lines >= 3 {
		f.check++
	}
	return f
}

// supposedPayRe finds a payment only supposed, with what it is promised to
// bring ("交了就不抓我", "转了才能解冻", "if i pay they close the case"): the
// paid phrases inside it tell no payment. "交了就被拉黑了" (paid, then
// blocked) is no promise and stays a payment. It is narrower than
// conditionalPaidRe, which is read only beside a fee asked before a loan is
// released: a bare "交了能…" ("交了能退吗", paid, can it come back) masked
// everywhere would lose a payment.
var supposedPayRe = regexp.MustCompile(`(?:如果|要是|只要)?(?:交|转|付)了(?:就(?:不|能|可以|没事|行|好|放|到账|解冻|撤|给|办|会)|才(?:能|可以|给|放|会))|\bif (?:i|we|she|he|they) (?:pay|send|transfer|wire)\b|\bonce (?:i|we) (?:pay|send|transfer)\b`)

// ownNothing reports whether the "nothing" phrase at n[start:end] is the
// person's own "nothing happened" (round eighteen: a kidnapping told, a
// romance's ask and a son's 300,000 asked now got "nothing lost"). It is
// not when it is said of or by someone else ("孩子说他没事", "he said nothing
// bad happens to me"), of a meeting never had ("我们还没见过面"), inside a
// payment's promise ("交了就没事"), asked ("有没有懂投资的", "没事吧"), or
// innocence ("I've done nothing wrong").
func ownNothing(n string, start, end int, supposed [][]int) bool {
	before, from, after := n[:start], n[start:], n[end:]
	switch {
	case otherNoneBeforeRe.MatchString(before) && (noneNegRe.MatchString(from) || !hanCharRe.MatchString(n[start:end])):
	case strings.HasPrefix(after, "见"), inSpans(supposed, start, end):
	case strings.HasSuffix(before, "有") && noneNegRe.MatchString(from):
	case strings.HasPrefix(after, " wrong") && innocentBeforeRe.MatchString(before):
	case strings.HasPrefix(after, "吧"), strings.HasPrefix(after, "吗"):
	case conditionalBeforeRe.MatchString(before):
		// "they said if i hang up it counts as obstruction": a hang-up
		// supposed, not done; the person is still on the call (round
		// twenty).
	case contactedThenRe.MatchString(before) && !strings.HasPrefix(from, "i ") && !strings.HasPrefix(from, "we "):
		// "a girl in our group messaged me at 2am then deleted it": the
		// one who wrote did it, not the person (round twenty).
	case correctedAfterRe.MatchString(after), unsureNothingRe.MatchString(n):
		// "i didnt give bank details. actually i did send a screenshot
		// of my balance", "她有没有转钱 我不知道 她一直说没有": a nothing
		// taken back, or one the person cannot vouch for; "Good, nothing
		// is lost" would settle what they have not (round twenty).
	case foundBeforeRe.MatchString(before):
		// "I searched the platform name and found nothing except its
		// own site": what a search found, not what happened to the
		// person (round nineteen: "Good, nothing is lost" over $22k
		// put into a fake platform).
	default:
		return true
	}
	return false
}

// otherNoneBeforeRe finds, just before a "nothing" phrase, someone else
// it is said of or by ("孩子说他没事", "她说没事", "he said nothing bad
// happens to me").
var otherNoneBeforeRe = regexp.MustCompile(`(?:他|她|孩子|儿子|女儿|他们|她们|对方|室友|同学|朋友|同事|老师|家里人|妈妈|爸爸|我妈|我爸|男朋友|女朋友|老公|老婆)(?:一直|总是|老是|还是|又|都|也)?(?:说)?(?:他|她)?(?:都|也|还)?$|(?:又|然后又|后来又)说$|\b(?:he|she|they|it|the guy|the man|the woman) (?:said|says|told me|promised|promises)(?: that)? ?$`)

// innocentBeforeRe finds, before "nothing wrong", a deed denied ("i've
// done nothing wrong", "he did nothing wrong"): innocence, not nothing
// done; "I checked, nothing wrong" stays nothing.
var innocentBeforeRe = regexp.MustCompile(`\b(?:done|did|do)\s*$`)

// conditionalBeforeRe finds a condition just before a "nothing": "if i",
// "what if i", "如果我", "要是".
var conditionalBeforeRe = regexp.MustCompile(`\b(?:if|when|once|unless|should) (?:i|we|you)?\s*$|(?:如果|要是|假如|万一)(?:我|我们)?(?:现在)?$`)

// contactedThenRe finds someone else's contact told just before a
// "nothing" of theirs: "messaged me at 2am then", "called me and".
var contactedThenRe = regexp.MustCompile(`\b(?:messaged|texted|called|rang|emailed|wrote to|sent) me\b[^.!?]{0,30}\b(?:then|and)\s*$`)

// correctedAfterRe finds, after a "nothing", the person taking it back:
// "actually i did send…", "wait, i gave…", "其实转了", "不对 我发了".
var correctedAfterRe = regexp.MustCompile(`(?:我)?(?:搞错了|说错了|记错了)|\b(?:i was wrong|my mistake|i got (?:it|that) wrong)\b|\b(?:actually|wait|well|oh|but|ok|okay|though)\b[ ,.]*(?:i|we|she|he|they|my \w+)\s+(?:did|do|had|have|sent|gave|paid|told|read|typed|shared|showed|transferred)\b|\bi did (?:send|give|pay|share|tell|transfer|read)|其实(?:我|她|他|他们)?(?:已经|还是|也)?(?:转|给|发|付|拍|汇|说|告诉)|不对.{0,8}(?:转|给|发|付|汇|拍)了|好吧.{0,6}(?:转|给|发|付|汇)了`)

// unsureNothingRe finds a "nothing" the person cannot vouch for: "我不
// 知道", "不确定", "i don't know", "not sure if".
var unsureNothingRe = regexp.MustCompile(`我不知道|我也不知道|不确定|不清楚|说不清|\b(?:yet|taken|gone|lost|happened) i think\b|\bi (?:don'?t|dont|do not) know\b|\bidk\b|\bnot sure (?:if|whether)\b`)

// foundBeforeRe finds a search told right before a "nothing": "found",
// "搜了…没有", "查了…".
var foundBeforeRe = regexp.MustCompile(`\b(?:found|find|finds|searched|search|googled|shows|showed|turned up|came up with)\s*$|(?:搜|查|查了|搜了|搜到|查到|找到)\s*$`)

// hanCharRe finds a Chinese character: an English "nothing" phrase after
// "he said" is his, whatever it is.
var hanCharRe = regexp.MustCompile(`\p{Han}`)

// noneNegRe finds a "nothing" phrase that is a negation (没事, 还没), which
// otherNoneBeforeRe may make someone else's; "他一直在微信上催" stays.
var noneNegRe = regexp.MustCompile(`^(?:还|都|也)?没`)

// toldPayBeforeRe finds, just before a paid phrase, the words that make it
// an ask told ("他说交五万", "让我转", "必须交"), not a payment made.
var toldPayBeforeRe = regexp.MustCompile(`(?:他|她|对方|他们|她们)(?:说|让我|叫我|要我|要求我?)(?:先|马上|必须|得|要|再)?$|(?:必须|得要|需要)(?:先)?$`)

// inSpans reports whether [start, end) overlaps one of spans: "保证金交"
// matched across "交了就不抓我" is the supposed payment's 交.
func inSpans(spans [][]int, start, end int) bool {
	for _, sp := range spans {
		if start < sp[1] && end > sp[0] {
			return true
		}
	}
	return false
}

// firstPersonRe finds the person typing as a subject or object: "I",
// "I'm" (normalised "im"), "me", or 我 that is not 我们.
var firstPersonRe = regexp.MustCompile(`\b(i|im|ive|me|myself)\b|我([^们]|$)`)

// deniedValuablesRe finds money, a card or the bank named only to say it
// was not given: "no bank stuff", "钱也没转", "I not paid anything yet".
// A denial names no valuable, so papers given stay the steps for papers
// (round seventeen).
var deniedValuablesRe = regexp.MustCompile(`(?:residence|id|identity|student|national id|green|health|medicare|bsn) card|钱也没(?:转|给|付)|钱?一分(?:钱)?(?:都|也)?没(?:有)?(?:转|给|付)|钱(?:还)?没(?:有)?(?:转|给|付)|没(?:有)?(?:转钱|给钱|付钱|转账)|别的(?:啥|什么)都没给|\bno (?:bank|money|card|payment)(?: stuff| details| info)?\b|\b(?:not|havent|have not|didnt|did not|never) (?:paid|pay|sent|send|transferred|given|give)(?: (?:any|anything|money|a penny|them|him|her))*\b|\bnothing else\b`)

// identityRe finds papers or personal details named beside a paid
// phrase ("我只给了他身份证号 钱没给", "gave them my passport number,
// no money"): with no money, card or code named, the steps for papers
// (round nineteen; before, the bank's steps after a loss). An address
// alone has its own answer (address_only).
var identityRe = regexp.MustCompile(`passport|\bid (?:number|card|photo)\b|\bbrp\b|residence (?:card|permit)|date of birth|\bdob\b|driv(?:ing|ers) licen[cs]e|student (?:id|card)|\bssn\b|social security|护照|身份证|出生日期|学生证|驾照|居留`)

// valuablesRe finds what a paid story names beside papers: money, a
// card, a code or a password.
var valuablesRe = regexp.MustCompile(`money|card|code|\bpin\b|password|bank|transfer|\bpaid\b|\bpay|wire|[$£€¥]|钱|卡|验证码|密码|转|汇|付|元|块|镑|刀`)

// linkOnlyRe finds a link opened ("clicked the link", 点开了链接); with
// appBeyondLinkRe absent, nothing says an app was installed, a screen
// shared or anything typed into the page, so the story is a link opened
// and no more.
var linkOnlyRe = regexp.MustCompile(`\bscanned (?:the|a|that|their|this) (?:qr )?code\b|扫了(?:那个|这个)?(?:二维)?码|扫码了|\b(?:clicked|tapped|opened)(?: on)? it\b|已经点(?:了|开了)|^点开了|\bdian (kai )?le (na ge )?lian jie\b|\b(clicked|tapped|opened|pressed)( on)? (the|a|that|this|their|his|her)? ?(link|url)\b|(点|打)(了|开了?|进去了?)(那个|这个|一个)?(链接|网址|链结)|(?:链接|网址).{0,20}(?:我点了|点进去了|点开了|点开看了)`)

// remoteAppRe finds an app that lets someone else see or control the
// phone: a password typed under it was watched.
var remoteAppRe = regexp.MustCompile(`install|download|anydesk|teamviewer|rustdesk|quick ?support|screen|remote|zoom|装|下载|共享|远程|屏幕`)

// appBeyondLinkRe finds what goes past opening a link: an app or file
// installed, a screen shared, a login, or details typed in.
var appBeyondLinkRe = regexp.MustCompile(`install|download|\bapp\b|screen|remote|anydesk|teamviewer|zoom|meeting|logged|log in|login|\bentered (my|the|a|his|her)|\btyped (my|in my|the|his|her)|filled|装|下载|软件|屏幕|远程|会议|登录|登陆|输了|输入了|填了|填写了`)

// bareNumberRe finds a phone number sent alone: digits with the spaces,
// dashes, brackets and leading plus people type.
var bareNumberRe = regexp.MustCompile(`^(?:(?:the )?(?:number|no\.?|tel|phone)(?: is|:)?\s*|(?:号码|电话|手机号|电话号码)(?:是|：|:)?\s*)?[+＋]?\(?[0-9][0-9 ()\-.]{5,22}[0-9]$`)

// paidNowRe finds a payment under way, not done: "我正在转", "about to".
var paidNowRe = regexp.MustCompile(`正在转|我正在|正在操作|正在付|正在汇|\babout to\b|\bright now\b|\brn\b`)

// crisisRe finds someone who may hurt themselves, on normalised text (no
// apostrophes): "want to die", "kill myself", 想不开, 不想活了. Said of a
// person, not named in passing: not "suicide" or 自杀 alone, which news
// and threats quote, nor 跳楼, which a shop's "跳楼价" uses for a low
// price.
var crisisRe = regexp.MustCompile(`\b(?:wanna die|want to die|want to disappear|wanna disappear|dont want to be here anymore|wants to die|kill myself|killing myself|kill herself|kill himself|end my life|end it all|take my own life|thinking (?:of|about) suicide|suicidal|dont want to live|dont want to be alive|better off dead|no reason to live)\b|想不开|不想活|活不下去|没脸活|没法活了|活着没意思|不如死了|想死|想自杀|要自杀|去自杀|轻生|寻死|结束生命|了结自己`)

// appQuestionTopics are the questions an app named in passing leaves
// standing: is it real, is this number theirs, was it faked.
var appQuestionTopics = map[string]bool{"real": true, "number": true, "spoofed": true, "officials": true}

// appActionRe finds something done with or by an app: installed,
// downloaded, a screen shared, remote control, a link or code opened,
// something typed or logged into.
var appActionRe = regexp.MustCompile(`install|download|screen|remote|anydesk|teamviewer|zoom|click|scan|typed|entered|logged|log in|hack|control|regist|sign up|下载|装|下了|屏幕|远程|会议|共享|点了|点开|扫|登录|登陆|输入|填了|控制|被黑|注册`)

// loginPageRe finds a login page seen, not logged into: "I clicked it but
// didn't enter anything, just saw a login page" opened a link only.
var loginPageRe = regexp.MustCompile(`\b(?:log ?in|sign ?in) (?:page|screen)\b|登录(?:页面|界面)|登陆(?:页面|界面)`)

// lostAskRe finds an ask beside "they can't stop it": a condition, a
// code, a safe account, money to move. The "bank" that says so is then
// the scammer.
var lostAskRe = regexp.MustCompile(`unless|if i|if you|code|pin|password|safe account|secure account|move (my|the) money|transfer (it|my|the)|除非|要我|让我(?:[^等]|$)|叫我|验证码|密码|安全账户|转到|转给`)

// policeSaidRe finds the police quoted: with a loss said to be beyond
// recovery, the police the person reported to.
var policeSaidRe = regexp.MustCompile(`police (said|told me|say)|(警察|公安|民警)说`)

// romanceScamRe finds what makes someone met online a worry: money,
// investing, a fee, or the scam named ("my friend uses a dating app"
// alone is not one).
var romanceScamRe = regexp.MustCompile(`scam|money|invest|crypto|pay|send|fee|customs|bitcoin|platform|gold|loan|骗|钱|投资|理财|币|转|汇|付|交钱|要交|寄|费|平台|黄金|税`)

// investRe finds investing or lending named: with someone met online,
// the scam.
var investRe = regexp.MustCompile(`invest|crypto|bitcoin|usdt|trading|platform|forex|gold|savings|lend|borrow|loan|投资|理财|虚拟币|炒币|数字货币|比特币|平台|黄金|期货|外汇|充值|充钱|借钱|借给|贷款`)

// partnerRe finds a partner named ("我男朋友是网上认识的"): a family
// phrase that, beside the person in the story, is the one met online,
// not a relative the story happened to.
var partnerRe = regexp.MustCompile(`boyfriend|girlfriend|partner|男朋友|女朋友|对象|男友|女友|老伴`)

// posedAsBankRe, posedAsServiceRe, posedAsTaxRe and posedAsVisaRe find who a caller
// who threatened the person claimed to be, when it was not the police,
// a court or an embassy: a bank (its "fraud team", a "safe account"), a
// shop's or a platform's customer service (a membership to cancel, a
// credit record to fix), a tax office, or an immigration office or a
// university about a visa (a visa to be cancelled).
var (
	posedAsPoliceRe  = regexp.MustCompile(`police|polis|cop\b|officer|court|prosecutor|embassy|consulate|drugs|laundering|crime|criminal|warrant|警察|公安|警官|民警|法院|检察|使馆|领馆|领事|大使馆|违禁品|毒品|洗钱|犯罪|涉案|通缉`)
	posedAsBankRe    = regexp.MustCompile(`\bbank|fraud team|fraud department|safe account|银行|安全账户`)
	posedAsServiceRe = regexp.MustCompile(`customer service|customer support|amazon|paypal|courier|parcel|delivery|refund|客服|百万保障|会员|征信|注销|借呗|花呗|京东|淘宝|拼多多|抖音|快手|支付宝|微信支付|快递|理赔|赔偿|赔我|赔你|退款|退费`)
	posedAsVisaRe    = regexp.MustCompile(`\bvisa|home office|immigration|ukvi|uscis|\bcas\b|i-20|\bbrp\b|签证|移民局|内政部`)
	posedAsTaxRe     = regexp.MustCompile(`\btax(?:es)?\b|tax office|hmrc|\birs\b|\bato\b|\bcra\b|税务|税局|欠税|补税`)
)

// posedAs names who the caller claimed to be, by the person's words n:
// "bank", "service", "tax" or "visa" (a visa named, or an immigration
// office: a university or a school alone is no visa, "我儿子在学校打架了"),
// or "" for the police, a court, an embassy
// or anyone else, whose rule is the default one. Police or a crime named
// alongside ("the bank said the police are investigating me", "DHL says
// my parcel has drugs") keep the police rule.
func posedAs(n string) string {
	switch {
	case posedAsPoliceRe.MatchString(n):
		return ""
	case posedAsBankRe.MatchString(n):
		return "bank"
	case posedAsVisaRe.MatchString(n):
		// Before customer service, whose 注销 also cancels a visa.
		return "visa"
	case posedAsServiceRe.MatchString(n):
		return "service"
	case posedAsTaxRe.MatchString(n):
		return "tax"
	}
	return ""
}

// leakedOnlyRe finds a question about how a caller knew the person's
// details said in one clause: a second clause ("…, they said it was
// used for money laundering") tells more of the threat.
var leakedOnlyRe = regexp.MustCompile(`^[^,，。;；]*$`)

// describedMessageRe finds a text that opens by telling of a message
// received ("我收到一条短信说…", "i got a text saying…", "my mum got an
// email that…"): what follows is the person's account of it, in their
// words, not the message.
var describedMessageRe = regexp.MustCompile(`^(?:(?:我|俺|我妈|我爸|我妈妈|我爸爸|我奶奶|我爷爷|我姥姥|我外婆|老伴|我老婆|我老公|我朋友|我同学|室友)?(?:刚|刚才|刚刚|今天|昨天|早上|晚上)?(?:也)?(?:收到|接到)了?(?:一条|一个|一封|个|条|封|几条)?(?:奇怪的|陌生的)?(?:短信|消息|信息|邮件|微信|微信消息|qq消息|语音|留言)(?:说|讲|称|提示|通知)|(?:(?:i|my \w+|we) )?(?:just |also )?(?:got|received|get|have|had) (?:a|an|this|some|one) (?:weird |strange |random |new )?(?:text|message|msg|email|e-mail|sms|whatsapp|voicemail|dm)(?: from [^.!?,]{1,40}?)?,? (?:saying|that says|says|that said|telling me|telling her|telling him|about|offering|asking|claiming|with|who|that))` +
	// Where a message came from, told (round fourteen): "the sender is
	// fees@uni-payments.top", "发件人是…".
	`|^(?:the )?(?:sender|senders? (?:address|email)|email address) (?:is|was) |^发件人是|^发信人是` +
	// Told with the message first (round fifteen): "text from student
	// finance saying my loan is suspended", "my uni emailed me saying…",
	// "手机收到短信说…", "学校发邮件说…".
	`|^(?:a |an |the |this |some )?(?:weird |strange |random )?(?:text|message|msg|email|e-mail|sms|voicemail|letter|dm)(?: from [^.!?,]{1,40}?)?,? (?:saying|that says|says|said|telling me|asking me|claiming)\b` +
	`|^[^.!?,]{1,40}? (?:texted|emailed|e-mailed|messaged|dmed) (?:me )?(?:saying|that says|to say|telling me|asking me)\b` +
	`|^(?:手机|邮箱|微信)(?:上)?(?:刚|刚才|刚刚|今天|昨天)?(?:收到|接到)了?(?:一条|一个|一封|个|条|封)?(?:短信|消息|信息|邮件)(?:说|讲|称|通知)` +
	`|^[^。！？，,]{1,12}?(?:发了?|来了?)(?:一条|一封|个|条|封)?(?:短信|邮件)(?:来)?(?:说|讲|称|通知)` +
	// Round seventeen: a sender's message told ("HMRC text says I'm owed
	// a refund…", "I got message from PostNL that need pay small fee"),
	// one supposed ("If a text says its from DBS…"), and what
	// the message holds or lacks ("there's no link in it, just the reply
	// thing", "里面没有链接").
	`|^[^.!?,]{1,30}? (?:text|message|email|sms|letter) (?:says|said|saying)\b` +
	`|^i (?:got|get|received|receive) (?:a |an )?(?:message|msg|text|sms|email|mail) from [^.!?,]{1,30}? (?:that|saying|says)\b` +
	`|^(?:if|what if) (?:a|an|the|someone|somebody) (?:text|message|msg|email|sms|call|caller)\b(?: [^.!?]{0,30})? (?:says|said|asks|asked|claims)\b` +
	`|^(?:but )?(?:theres|there is|it has|it had) no (?:link|number|attachment)\b|^(?:but )?no link in it\b|^(?:但是?)?(?:里面|短信里|消息里)?没有链接`)

// howToTellRe finds a question about how to tell the real from the fake:
// "怎么知道…是不是真的", "how do i know if…".
var howToTellRe = regexp.MustCompile(`怎么知道|怎么判断|怎么分辨|如何判断|如何知道|\bso it (?:cant|can not|cannot) be (?:fake|a scam)\b|所以不可能是假的|所以应该不是骗子|怎么可能是骗子|怎么会是骗子|怎么可能是假的|\bhow (?:do|can|would) (?:i|you) (?:know|tell)\b|\bhow to tell\b`)

// thirdSaysRe finds someone else's words told: "she says", "他说".
var thirdSaysRe = regexp.MustCompile(`\b(?:she|he|they) (?:says|said|told me|tells me)\b|(?:他|她|他们|她们)说`)

// toldFrameRe finds someone telling of an offer: "told me about", "my
// friend says", "有人推荐", "让我投": an investment pitch told, not made.
var toldFrameRe = regexp.MustCompile(`\b(?:told me|tells me|says|said|recommended|showed me|wants me|asked me|invited me|added me|i was added|i got added|asked everyone|told everyone|asked us|told us)\b|推荐|说|让我|叫我|要我|给我看|拉我|被拉进|把我拉进`)

// storyTopics are the question topics that answer the person's own story
// (blackmail, a threat, a marketplace deposit, a task job): the same words
// in a pasted message ("你的裸聊视频已保存…") are the scam itself, to be
// checked, not answered as a question.
var storyTopics = map[string]bool{"sextortion": true, "violent_threat": true, "marketplace": true, "task_job": true,
	"intervention": true, "at_bank": true, "doorstep": true, "job_unsolicited": true, "currency_exchange": true,
	"wrong_number": true, "invest_offer": true, "reply_q": true, "ignore_ok": true, "credit_fear": true, "prize_fee": true,
	"payee_change": true, "track": true, "health_sales": true, "unknown_calls": true, "freebie_group": true, "job_fee": true,
	"job_abroad": true, "credit_repair": true, "fee_to_release": true, "visa_agent": true, "about_to_pay": true}

// callerClaimRe finds a call (or a caller) told as coming from an office
// the caller claimed to be: police, an embassy or consulate, a bank, a tax
// or immigration office ("got a call from the chinese embassy", "said he
// is from the bank", "自称警察", "大使馆打来的电话"), or papers of one sent
// ("they sent me a police certificate and a confidentiality letter").
var callerClaimRe = regexp.MustCompile(`\b(?:call|calls|called|calling|rang|phoned|voicemail|email|emailed|letter)\b.{0,90}\b(?:police|embassy|consulate|bank|fraud team|fraud department|hmrc|irs|immigration|home office|ukvi|customs|court|social security|medicare|pension office|tax office|ministry|interpol|procuratorate|prosecutor|public security|pension|benefits)\b|` +
	`\b(?:sent|showed|gave|emailed) (?:me |us |him |her )?(?:a |an |the |some )?(?:photo of (?:a |an |the )?)?(?:police|arrest|interpol|court|embassy|consulate|procuratorate|prosecutor)\b|` +
	`\b(?:said|says|saying|claiming|claimed|claims|pretending|posing)\b(?: to be| that)?(?: (?:he|she|they|it))?(?: (?:is|was|were|are|s))?(?: (?:from|with|calling from))?(?: (?:the|a|an|my|his|her))?(?: (?:chinese|uk|british|us|local|hsbc|barclays|lloyds|natwest|santander|monzo|halifax))?\s*(?:police|policeman|officer|embassy|consulate|bank|fraud team|fraud department|hmrc|irs|immigration)\b|` +
	`(?:自称|冒充|假冒|说他是|说她是|说自己是|说是)(?:中国)?(?:驻\S{0,6})?(?:警察|公安|民警|警官|大使馆|领事馆|总领馆|领馆|使馆|银行|检察院|法院|移民局|海关|税务局|社保局|医保局|人社局)|` +
	`(?:警察|公安|大使馆|领事馆|使馆|银行|社保局|医保局|人社局)["”」』]?(?:打来|的电话|来电|打电话|电话)`)

// noMoneyAskedRe finds a notice told with no money in it: "no payment
// asked", "没让付钱".
var noMoneyAskedRe = regexp.MustCompile(`\bno (?:payment|money|fee)s? (?:asked|involved|requested|needed)\b|\b(?:didnt|did not|doesnt|does not) ask (?:me )?for (?:money|payment|any money|a fee|anything)\b|\bnot asking (?:me )?for (?:money|payment)\b|没让(?:我)?(?:付钱|交钱|转钱|付款|交费|缴费)|没有让(?:我)?(?:付钱|交钱|转钱|付款|交费)|没要钱|没提钱|不用交钱|不用付钱|没让交钱`)

// ownChannelToldRe finds a notice told as sending the person to the
// office's own channel: gov.uk, the online system, the student portal,
// 官网, 学生系统.
var ownChannelToldRe = regexp.MustCompile(`\b(?:through|via|on|in) (?:gov\.uk|the (?:online system|official (?:site|website|portal|app)|student portal|portal))\b|(?:在|通过)(?:官网|官方网站|官方app|学生系统|网上系统|网上办事大厅)`)

// writtenNoticeRe finds a notice that came in writing, an email or a
// letter; a call claiming an office is the scam's opener whatever it
// asks.
var writtenNoticeRe = regexp.MustCompile(`\b(?:email|emailed|e-mail|letter)\b|邮件|来信|信件|挂号信`)

// noCallRe finds a call said not to have happened: "no phone calls,
// just the letter".
var noCallRe = regexp.MustCompile(`\bno (?:phone )?calls?\b|没(?:有)?(?:打|来)(?:过)?电话`)

// realAskedRe finds a question whether something is genuine, typed
// without a question mark: "probably fine", "这个应该是真的吧".
var realAskedRe = regexp.MustCompile(`\b(?:probably fine|legit|is (?:this|it|that) real|real or (?:not|fake|scam))\b|是真的吧|应该是真的|是不是真的|真的假的`)

// askedAfterNothingLost are the questions a person asks after saying
// nothing went ("I blocked him and reported it, is that enough?", "只念了
// 卡号后四位 他挂了 要紧吗", "I didn't click, do I report it?"): the
// question is the answer, not "Good. Forward a message".
var askedAfterNothingLost = map[string]bool{"safe_now": true, "report": true, "privacy": true, "bot": true,
	"leaked_knows": true, "safe_to_give": true, "tell_family": true, "shame": true, "wont_listen": true}

// questionAskedRe finds a question put: "我说我要报警 他就挂了" tells of
// the police, "do I report it?" asks about them.
var questionAskedRe = regexp.MustCompile(`[?？]|吗|么|要不要|会不会|有没有|能不能|是不是|还要|还用|还需要|怎么办|该怎么|\b(?:should i|should we|do i|do we|is that enough|is it enough|what else|am i|can they|will they|is it ok|is that ok|how do i)\b`)

// notYetRe finds "not yet": nothing has gone so far, and the story is
// still under way ("还没转 他让我现在去银行", "nothing yet, he keeps asking
// for the code"), unlike "didn't" ("他让我转账 我没转"), which tells a
// refusal.
var notYetRe = regexp.MustCompile(`还没|尚未|暂时没|\b(?:not yet|nothing yet|havent\b.*\byet|have not\b.*\byet|didnt\b.*\byet|yet)\b`)

// notYetDoneRe finds a payment, scan, click or download not done yet:
// "还没扫 这正常吗", "haven't sent it yet, is that ok?" ask about what
// may still happen; "你怎么还没回家" is no such thing.
var notYetDoneRe = regexp.MustCompile(`(?:还没|尚未|暂时没)(?:有)?(?:看到|发现)?(?:转|汇|付|扫|点|给|交|打钱|下载|装|买|发|操作|弄|办|扣|做|拍|录|去)|\b(?:not yet|havent|have not)\b[^.!?]*\b(?:done|do|did) (?:it|that|this|what)\b|\bno money (?:taken|gone|missing) yet\b|\b(?:not yet|havent|have not)\b[^.!?]*\b(?:paid|pay|sent|send|scanned|scan|clicked|click|given|give|transferred|transfer|bought|buy|downloaded|installed)\b`)

// adContactRe finds an ad's own contact line: "想改变生活的联系我，微信：
// bkk-hr668", "DM me on Telegram". A job abroad told by the person names
// who offered it, not where to apply.
var adContactRe = regexp.MustCompile(`(?:微信|微信号|v信|薇信|飞机|电报)\s?[:：]\s?[a-z0-9_-]{4,}|联系我|私信我|加我|\b(?:dm me|contact me|message me|whatsapp me|apply now|send your cv)\b`)

var (
	// futurePayRe finds a payment the person is about to make ("我等下就去转了",
	// "打算明早先转过去", "I'm going to send it tomorrow").
	futurePayRe = regexp.MustCompile(`(?:等下|等会|等一下|马上|待会|一会儿?|明天|明早|明天一早)(?:就)?(?:去)?(?:先)?(?:转|汇|付)|打算(?:明早|明天)|准备(?:去)?(?:转|汇|付)|\b(?:going to|gonna|will|about to|plan to|planning to|ready to) (?:send|pay|transfer|wire)\b`)
	// aboutToPayRe finds the person themselves about to pay ("was going to
	// send it by bank transfer in like 10 mins", "我一会儿就转过去", "how long
	// does a wire to a hong kong account take"), not a
	// relative ("my dad is about to send money") nor a threat ("he will
	// send them to my friends").
	aboutToPayRe = regexp.MustCompile(`\bhow long does (?:a|the|my) (?:wire|transfer|bank transfer|international transfer|swift transfer) (?:to|take)\b|(?:^|\b(?:i|we|im)\b ?)(?:was |am |m |were |are )?(?:just )?(?:going to|gonna|about to|planning to|ready to) (?:send|pay|transfer|wire)\b|(?:^|我)(?:等下|等会儿?|等一下|马上|待会儿?|一会儿?|明天|明早)(?:就)?(?:去)?(?:先)?(?:转|汇|付)|我(?:正)?准备(?:去)?(?:转|汇|付)`)
	// gatheringMoneyRe finds the money being got together to pay
	// ("还没转 我老公去借钱了", "she went to get the cash"): with "not yet",
	// not gone, and about to. Without it, "我爸要去银行取钱给一个快递员" is
	// the relative's story.
	gatheringMoneyRe = regexp.MustCompile(`去借钱|借钱去了|在借钱|在凑钱|去凑钱|凑钱去了|去取钱|取钱去了|去银行取钱|钱准备好了|把钱准备好|\b(?:borrowing money to pay|getting the money together|went to get the money|gone to get the money|went to get the cash|gone to get the cash|withdrawing the cash)\b`)
	// notPayingRe finds a payment refused ("i'm not going to send
	// anything", "我不打算转"), inside which aboutToPayRe's words are
	// found too.
	notPayingRe = regexp.MustCompile(`\b(?:not|never|wont|won t|will not) (?:going to |gonna |about to |planning to |plan to |ready to )?(?:send|pay|transfer|wire)\b|不(?:会|打算|准备|想)(?:去)?(?:转|汇|付)`)
	// paidAlreadyRe finds a payment already made beside it ("已经转了一半"),
	// whose steps come first.
	paidAlreadyRe = regexp.MustCompile(`已经转|已转|已经交|已交|交过了|转了一|转过(?:钱|了|一次|两次|几次)|\b(?:already|i have|ive) (?:paid|sent|transferred|wired)\b`)
	// conditionalPaidRe finds a payment only supposed ("交了就行吧", "if I
	// pay it"), which reads like one made.
	conditionalPaidRe = regexp.MustCompile(`交了(?:就|才|能)|\bif i pay\b`)
)

// practiceQuestionRe finds a question about what someone usually does
// ("is it normal that…", "does the bank ever…", "would a real landlord…",
// "银行会不会…", "正常吗"). practiceTopic then reads who and what.
var practiceQuestionRe = regexp.MustCompile(`^(?:is it|is that|is this|its|it is) (?:normal|usual|common|ok|okay|legit|safe|a scam|true)\b|\b(?:does|do|would|will|can|could|should|is it normal for|is it usual for) (?:a |an |the |my |real |any |your |legit |legitimate )?(?:real )?(?:bank|banks|police|cops|officers?|embassy|embassies|consulate|consulates|employer|employers|job|jobs|company|companies|recruiter|recruiters|landlord|landlords|letting agents?|agent|agents|university|uni|school|courier|couriers|post office|tax office|immigration)\b|会不会|正常吗|正不正常|一般会|是不是都(?:要|会)|都会这样`)

// practiceActors are who a practice question is about, with the asks
// that make it a scam's, and the answer for them; the first pair that
// both occur wins.
var practiceActors = []struct {
	who, what *regexp.Regexp
	topic     string
}{
	// A code, a PIN or a password: no one real asks for them, whoever
	// the question names.
	{regexp.MustCompile(`\b(?:banks?|police|cops|officers?|embassy|embassies|consulate|school|university|uni|employer|company|courier|post office|tax office|immigration)\b|银行|警察|公安|大使馆|领事馆|使馆|学校|公司|快递|税务`),
		regexp.MustCompile(`\b(?:pin|pins|password|passwords|otp|one time code|verification code|security code|cvv|the code)\b|验证码|密码`), "safe_to_give"},
	{regexp.MustCompile(`\b(?:police|cops|officers?|embassy|embassies|consulate|consulates|court|immigration)\b|警察|公安|民警|大使馆|领事馆|使馆|法院|检察院`),
		regexp.MustCompile(`\b(?:call|calls|ring|video|facetime|ask|asks|want|wants|money|transfer|pay|arrest|warrant|secret|freeze)\b|打电话|来电|视频|转账|要钱|交钱|保密|抓|冻结|通缉`), "officials"},
	{regexp.MustCompile(`\b(?:job|jobs|employer|employers|recruiter|recruiters|company|companies|agency)\b|工作|兼职|招聘|公司|入职|上岗|中介`),
		regexp.MustCompile(`\b(?:pay|paying|fee|fees|deposit|training|uniform|money)\b|交钱|费|押金|保证金|定金`), "job_fee"},
	{regexp.MustCompile(`\b(?:landlord|landlords|letting agents?|flat|apartment|room|rent)\b|房东|租房|房子`),
		regexp.MustCompile(`\b(?:deposit|pay|paying|rent|money)\b|押金|定金|房租|交钱`), "rental"},
}

// practiceTopic is the answer to a question about what an office, an
// employer or a landlord usually does, when text is one.
func practiceTopic(n string) (string, bool) {
	if !practiceQuestionRe.MatchString(n) {
		return "", false
	}
	for _, a := range practiceActors {
		if a.who.MatchString(n) && a.what.MatchString(n) {
			return a.topic, true
		}
	}
	return "", false
}

// isItNormalRe finds a question about what is usual ("is it normal for a
// recruiter to…", "这样正常吗"); practiceTopics the answers about a
// practice it may ask about.
var (
	isItNormalRe   = regexp.MustCompile(`^is it (?:normal|usual|common) (?:for|that|to)\b|\bis (?:this|that) normal\b|正常吗|正不正常`)
	practiceTopics = map[string]bool{"job_fee": true, "job_unsolicited": true, "rental": true, "marketplace": true, "tuition": true}
)

// describedRealRe finds the person asking whether a message they
// describe is real ("Is this a thing?", "是真的吗").
var describedRealRe = regexp.MustCompile(`\bis (?:this|it|that) (?:a thing|real|legit|a scam|true|genuine)\b|是真的吗|是不是真的|真的假的|是骗子吗|是不是骗|靠谱吗`)

// ourPeopleRe finds "our" said of the person's own people, a volunteer's
// or a teacher's ("one of our first years", "our students"), at the start
// of a check phrase's match.
var ourPeopleRe = regexp.MustCompile(`^our (?:first ?years?|freshers?|new students?|international students?|chinese students?|students?|members?|classmates?|student union|students union|cssa|office|union office|wechat group|group chat)\b`)

// sentLinkRe finds, at the start of a text, a link told as sent by someone
// ("they sent a link …", "then he texted me a website", "他们发了个链接").
var sentLinkRe = regexp.MustCompile(`^(?:and |then |also |now |so )?(?:they|he|she|the caller|the guy|the woman|the man|someone|the scammer) (?:also |then |just )?(?:sent|texted|emailed|gave|messaged) (?:me |him |her |us |my \w+ )?(?:a |the |this |an |another )?(?:link|url|website|web address)\b|^(?:然后|又|还)?(?:他|她|对方|他们|她们|那个人)(?:又|还|就)?(?:发了|发来|给了|发给我)(?:一个|个|一条)?(?:链接|网址)`)

// toldToRe finds someone telling the person what to do ("他让我…",
// "对方叫我…", "he wants me to…"): with "not yet", what follows is the ask,
// not something done (round seventeen).
var toldToRe = regexp.MustCompile(`(?:他|她|对方|他们|她们|警察|那边|客服|那个人)(?:现在|又|还|刚才|刚)?(?:一直)?(?:让|叫|要|问)我|(?:让|叫|要)我(?:带|拿|转|交|汇|投)(?:现金|钱|款|账)|\b(?:he|she|they) (?:wants|want|told|tells|asked|asks) me to\b`)

// ongoingRe finds a scam said to be going on as the person types
// ("是正在发生的 还没转") or with a deadline still ahead ("钱还没转 他们说今晚
// 十点前"): nothing lost yet, nothing over either.
var ongoingRe = regexp.MustCompile(`正在发生|正在进行|还在继续|今晚|今天之内|今天内|[0-9一二三四五六七八九十]+点(?:之)?前|明天(?:之)?前|\b(?:by tonight|before tonight|by tomorrow|by today|deadline|by [0-9]+ ?(?:pm|am))\b|\b(?:happening now|happening right now|still happening|its happening|it is happening|going on now|going on right now)\b`)

// kidnapTellRe finds the signs of a virtual kidnapping told: a relative
// shown blindfolded or tied, a ransom, a student told to hide alone, to
// "assist an investigation" on video, to record themselves, or to send
// or share their location every hour.
var kidnapTellRe = regexp.MustCompile(`蒙着眼|被蒙着|眼睛被蒙|被绑(?:着|了|架)|绑架|撕票|赎金|\bblindfold|\btied up\b|\bkidnap|\bransom\b|\bsomewhere private\b|\bgo somewhere alone\b|\b(?:hotel|room)(?: room)? (?:alone|by myself|by herself|by himself)\b|\bassist(?:ing)? (?:an|the|with an|with the|in an|in the) investigation\b|\bsupervise (?:me|her|him)\b|\b(?:send|share|report)(?:s|ing)? (?:her |his |my |their )?(?:live )?location (?:every|each)\b|(?:每小时|每隔[^，。]{1,4})(?:都)?(?:发|报|汇报|共享)(?:一次)?(?:位置|定位)|\brecord (?:a )?video of (?:herself|himself|myself)\b|\bshar(?:e|ed|ing) my (?:live |real-time )?location\b|(?:位置|定位)共享给|共享(?:了)?(?:我的)?(?:实时)?(?:位置|定位)给|找个没人的地方|(?:去|到|找)(?:一个)?没人的(?:房间|屋子|地方)|单独(?:待|呆)在|一个人(?:待|呆)在|配合(?:办案|调查)[^。]{0,6}(?:不能说|不能告诉|不能讲|要保密)|(?:让|要求|要|叫)(?:我|她|他)每天[^，。]{0,6}视频(?:报平安|报备|汇报)|视频报备|案件(?:需要|要)?保密|\bthey (?:will|are going to|are gonna|gonna|would) (?:call|contact|phone) (?:her|his|my|their) parents\b|(?:他们|对方)(?:要|会|说要)(?:给|联系)(?:她|他|我)(?:的)?(?:爸妈|父母|家里|家人)|\b(?:watching|monitoring|watch|monitor)(?:ing)? (?:her|him|me|them) on (?:video|camera|cam)\b|\bon video with (?:the )?(?:scammers?|police|officers?) (?:all|the whole)\b`)

// moneyGoneRe finds money said gone: a card or an account emptied, or
// an amount that left it ("1,200 dollars left my account", "卡里少了五万二").
var moneyGoneRe = regexp.MustCompile(`卡里(?:的钱)?(?:什么都|一分钱都|全都|都|全)?没(?:有)?了|钱(?:全|都|全都)没了|余额(?:变成|成了|只剩)?(?:0|零)(?:了)?|账户(?:被)?清空|\bmy (?:account|card|bank account) (?:is|was|got|has been) (?:empty|emptied|drained|cleared|wiped)\b|\b(?:all )?(?:my|her|his) (?:money|savings) (?:is |are |was )?(?:gone|vanished)\b|\b(?:dollars|pounds|euros|bucks|money|aud|usd|cad|gbp|eur|rmb|yuan|[0-9][0-9,.]*k?)\s+(?:left|went out of|was taken from|were taken from|got taken from|disappeared from|taken out of)\s+(?:my|her|his|our) (?:account|card|bank)|(?:卡里|账户里|账上|卡上)(?:少了|被扣了|被转走了)|(?:钱|存款|积蓄)(?:已经|都|全)?被转走了`)

// linkKeptRe finds a link not opened: "没点", "didn't click".
var linkKeptRe = regexp.MustCompile(`没(?:有)?(?:点|打开|点开)|\b(?:didnt|did not|never|havent|have not|dont) (?:click|tap|open|press)`)

// noCallExcuseRe finds someone who will not talk, only type: "不方便接电话
// 只能打字", "says he can't talk, only text".
var noCallExcuseRe = regexp.MustCompile(`不方便(?:接|打)(?:电话|语音|视频)|不能(?:接|打)(?:电话|语音|视频)|只能打字|只能发消息|只能发信息|\b(?:cant|can not|cannot|unable to) (?:talk|take (?:a |the )?call|call|answer|video ?call)\b[^.?!]{0,30}\b(?:only|just) (?:text|type|message|chat)\b|\bcan only (?:text|type|message|chat)\b`)

// notOrderedRe finds "I ordered nothing": said of a parcel or a bill, it
// doubts the message, it does not say nothing was done.
var notOrderedRe = regexp.MustCompile(`\b(?:didnt|did not|never|havent|have not) (?:order|ordered|buy|bought|purchase|purchased|expect|expected)\b|没(?:有)?(?:买过?|下单|网购|订过?)(?:任何|什么)?(?:东西)?`)

// clickedAloneRe finds "I clicked" said alone: "我点了", "i clicked it".
var clickedAloneRe = regexp.MustCompile(`^(?:我)?(?:已经|刚|刚刚)?点(?:了|开了|进去了)(?:一下)?$|^i (?:already |just )?(?:clicked|tapped|opened) (?:it|the link|that link)$`)

// officialChatRe finds an officer to add on a chat app: "加一个检察官的
// 微信", "add the officer on whatsapp".
var officialChatRe = regexp.MustCompile(`(?:检察官|警官|警察|公安|法官|民警|检察院|法院)(?:的)?(?:微信|QQ|qq|WhatsApp|whatsapp|飞机|telegram)|\badd (?:the |an |a )?(?:officer|prosecutor|detective|policeman|judge)\b[^.?!]{0,20}\b(?:on )?(?:wechat|whatsapp|telegram|qq)\b|\b(?:officer|prosecutor|detective|policeman|police|judge)\b[^.?!]{0,40}\badded (?:me|her|him|us) on (?:wechat|whatsapp|telegram|qq|line|signal|skype)\b`)

// ringingNowRe finds a call still ringing: "视频请求现在一直在响", "it's
// ringing again".
var ringingNowRe = regexp.MustCompile(`(?:一直|还|正|又)在响|响个不停|\b(?:still|keeps|keep|is|its) ringing\b`)

// secrecyToldRe finds secrecy promised or demanded: "i won't tell my
// children", "不告诉家里人".
var secrecyToldRe = regexp.MustCompile(`\b(?:wont|will not|not to|never|cant|can not|cannot) tell (?:my|our|anyone|anybody|her|his|the family|family)\b|\b(?:dont|do not|not to|never|cant|cannot) (?:contact|call|tell|text) (?:my|her|his|your) (?:parents|family|mum|mom|dad|school|university|uni)\b|\bkeep (?:it|this) (?:a )?secret\b|不(?:能|要|会|许|准)?(?:告诉|跟)(?:家人|孩子|子女|任何人|别人|家里|儿女)`)

// relativeSaysRe finds a relative or friend named as the one who says:
// "my brother in Paris says", "我妈说".
var relativeSaysRe = regexp.MustCompile(`\bmy (?:mum|mom|mother|dad|father|brother|sister|son|daughter|grandma|grandpa|grandmother|grandfather|aunt|uncle|cousin|friend|roommate|flatmate|wife|husband|boyfriend|girlfriend)\b[^.?!]{0,25}\b(?:says|said|told me|tells me)\b|我(?:妈|爸|哥|姐|弟|妹|儿子|女儿|奶奶|爷爷|外婆|外公|朋友|室友|老公|老婆)[^，。]{0,10}说`)

// someoneElseRe finds the one a text is about when it is not the person
// nor family: a classmate, a roommate, a student, a friend.
var someoneElseRe = regexp.MustCompile(`学弟|学妹|学长|学姐|同学|室友|舍友|朋友|学生|同事|\b(?:classmate|roommate|flatmate|housemate|friend|student|colleague|tenant)s?\b`)

// faceScanRe finds a face scan asked on a call: blink, open the mouth,
// turn the head ("眨眼睛张嘴巴", "turn my head left and right and blink").
var faceScanRe = regexp.MustCompile(`眨眼|张嘴|摇摇头|点点头|转转头|刷脸|人脸识别|人脸认证|\bblink(?:ing)?\b|\bturn (?:my|your|her|his) head\b|\bface (?:scan|verification|recognition)\b|\bfacial (?:scan|verification|recognition)\b`)

// bailRe finds a bail or a guarantee for someone held: 取保, 担保书, "bail".
var bailRe = regexp.MustCompile(`取保|担保书|保释|\bbail\b`)

// investPitchToldRe finds an investment scam's pitch told: a stock or
// trading group with its "teachers", free stock lessons, an "inside"
// channel that will make someone money.
var investPitchToldRe = regexp.MustCompile(`\b(?:stock|trading|investment|crypto) (?:group|class|lessons?)\b[^.?!]{0,60}\b(?:lecturers?|teachers?|mentors?|analysts?|picks?|made|profit)|\bfree (?:stock|trading) (?:lessons?|picks|tips|class)\b|(?:炒股|股票|荐股|投资)群[^。]{0,20}(?:老师|讲课|直播|荐股|赚了)|内部(?:投资)?渠道|带(?:她|他|我|你|大家)(?:一起)?赚钱|免费荐股|免费教炒股|带着?(?:她|他|我|我们)(?:一起)?(?:操作|炒币|炒股|做单|投资|理财)|内部数据|内幕消息|(?:群里|大家)[^。！？]{0,12}(?:晒收益|晒单|晒盈利)|谢谢?老师带`)

// kidnapLeftRe finds a student said to have left with a bag, told by
// someone looking for them.
var kidnapLeftRe = regexp.MustCompile(`(?:拿着|带着|拖着|收拾了?)行李(?:箱)?(?:出去|走|离开)|\b(?:left|went off|took off) with (?:a |her |his )?(?:bag|suitcase|luggage)\b`)

// accusationToldRe finds the person told they are suspected of a crime:
// "they said i was involved in…", "a case file", "说我涉嫌洗钱".
var accusationToldRe = regexp.MustCompile(`\b(?:said|says|told me|claimed|claims|accused me)\b(?: that)? i (?:was|am|have been|had been|m) (?:involved|implicated|suspected|wanted|under investigation)\b|\bcase file\b|\barrest warrant\b|\bwanted (?:status|notice|list|person)\b|通缉令|通缉名单|说我(?:涉嫌|涉及|参与了?|牵涉)|说我的(?:身份证|护照|银行卡|账户)(?:涉嫌|涉及|被人?用)`)

// codeGivenRe finds a code or a card's number told as read out or sent:
// "我就念了" after "验证码", "要我报银行卡号 我报了", "i read him the code".
var codeGivenRe = regexp.MustCompile(`念了(?:一个)?[^。！？]{0,4}(?:\d|六|四)位数|(?:验证码|动态码|密码|卡号).{0,20}(?:我|就)(?:就|都|也)?(?:念|读|报|说|告诉|发|给)(?:给|过去)?(?:了)?(?:他|她|对方)?(?:听)?了|(?:念|读|报|告诉)了?(?:他|她|对方)?(?:那个|个)?(?:验证码|动态码)|\bi (?:read|gave|told|sent) (?:him|her|them) (?:the |my )?(?:code|pin|passcode|otp)\b|\bi (?:read|gave|told|sent)(?: out)? (?:the|my|a|that|this)(?: [0-9]+ ?-?digit)? (?:code|pin|passcode|otp)\b|\b(?:code|pin|passcode|otp)\b.{0,30}\bi (?:read|gave|told|sent) (?:it|him|her|them)\b`)

// codeKeptRe finds the code kept: "没念", "didnt give it".
var codeKeptRe = regexp.MustCompile(`没(?:有)?(?:念|读|报|说|告诉|给|发)|\b(?:didnt|did not|never|wont|will not|dont) (?:read|give|tell|send)\b`)

// unknownChargeRe finds the person saying a card payment was not theirs.
// Not "i didnt make any payment" (a refusal) nor "我没买过东西" (a parcel
// never ordered); nor 盗刷 alone, which fake relatives, fake customer
// service and callers posing as police all say ("说我的医保卡被盗刷了"), nor
// a question's "是不是(我)本人操作".
var unknownChargeRe = regexp.MustCompile(`\bi (?:didnt|did not|never|havent|have not) (?:make|made|authori[sz]e|authori[sz]ed|buy|bought|order|ordered) (?:that|this|these|those)(?: \w+){0,3} (?:payment|purchase|transaction|charge|order|withdrawal|debit)s?\b|` +
	`\b(?:payment|purchase|transaction|charge|withdrawal|debit)s? (?:on my (?:card|account|statement) )?(?:that |which )?i (?:didnt|did not|never) (?:make|made|authori[sz]e)\b|` +
	`\bi (?:dont|do not) recogni[sz]e (?:this|that|these|those|a|an|the)(?: \w+){0,3} (?:payment|purchase|transaction|charge|withdrawal|debit)|\b(?:payment|purchase|transaction|charge|withdrawal|debit)s? i (?:dont|do not) recogni[sz]e\b|` +
	`\bunauthori[sz]ed (?:payment|purchase|transaction|charge|withdrawal|debit)|\bsomeone (?:has )?(?:used|is using) my (?:bank |credit |debit )?card\b|` +
	`\bmy (?:bank |credit |debit )?card (?:was|has been|got) used (?:at|in|for|on)\b[^.?!]{0,40}\bi (?:never|didnt|did not|havent)\b|我(?:从)?没去过的(?:店|商店|商场|超市|餐厅|饭店|酒店|地方|网站|城市|国家)|` +
	`(?:^|[^是])不是我(?:本人)?(?:刷|消费|付|花|操作)的|(?:^|[^是])不是本人(?:消费|交易|操作)|(?:我|根本|从来)没(?:有)?(?:刷过卡|刷卡|消费过|在那(?:里|边)?消费)`)

// metOnlineRe finds someone met through an app or a site: "matched with
// a guy on tinder", "started talking to someone on instagram".
var metOnlineRe = regexp.MustCompile(`^(?:so |ok |hi |hey |i |ive |i have |i just )?(?:met|matched(?: with)?|started (?:talking|chatting) (?:to|with)|been (?:talking|chatting) (?:to|with))(?: up with)? (?:a|an|this|some|someone|somebody)\b[^.,]{0,30}\b(?:on|through|via|from) (?:tinder|hinge|bumble|instagram|ins|facebook|whatsapp|wechat|linkedin|telegram|a dating (?:app|site)|an app|a game|online)\b`)

// onlinePartnerRe finds a partner met online: "online bf", "网恋对象".
var onlinePartnerRe = regexp.MustCompile(`\bonline (?:bf|gf|boyfriend|girlfriend|partner|lover)\b|网恋(?:对象|男友|女友|的)?|网上(?:认识的)?(?:男朋友|女朋友|男友|女友|对象)`)

// romanceTellRe finds the usual story of someone met online who never
// shows their face: an oil rig or an army posting, a camera that never
// works, leave papers to pay for, never met (round seventeen: "she says
// the camera on the rig doesn't work").
var romanceTellRe = regexp.MustCompile(`works in finance|does finance|做金融|搞金融|oil rig|army surgeon|us army|never met|havent met (?:yet|in person|irl)|have not met (?:yet|in person)|leave papers|peacekeep|on the rig|offshore|never video ?called|camera (?:doesnt|does not|never) work|camera is broken|石油钻井|钻井平台|从不视频|不肯视频|摄像头坏|还没见过面|从没见过面`)

// hungUpRe finds a call the person ended ("i hung up", "我已经挂了电话").
// The person, not the caller: "他就挂了" is the caller giving up.
// hungUpToldRe finds the person's hang-up told after what the call was:
// "…press 1. I hung up.", "I told him I'd call the embassy myself and
// hung up".
var hungUpToldRe = regexp.MustCompile(`(?:[.!,;"”]\s*|\b(?:so|and|then)\s+)(?:(?:i|we)\s+)?(?:just\s+|immediately\s+|quickly\s+|simply\s+|promptly\s+|instantly\s+)?(?:hung up|hang up|declined|blocked)\b|\bi (?:told|said|asked)\b[^.!?]{0,60}\band (?:then |just )?hung up\b|我[^，。他她]{0,8}(?:就|直接|马上|赶紧)挂了|(?:他|她)(?:就|直接|马上)?挂了[^。！？]{0,8}我?(?:没上当|没有上当|没转|没给|没被骗)`)

// filmedDoneRe finds a video or photo of the person asked for and then
// done: '"film yourself alone in a room…" i did that', "拍了视频发过去了".
var filmedDoneRe = regexp.MustCompile(`\b(?:film|record|video|selfie)\b[^!?]{0,120}\bi did (?:that|it|this)\b|(?:视频|照片|自拍)[^。！？]{0,10}(?:拍了|录了|发过去了|发给他了|发给他们了)`)

// toldBesideNothing are what a "nothing" may tell beside it that is not
// nothing (round twenty), in order; the first found places the text.
// unlessCallEnded: a hang-up told decides instead ("asked me to do face
// verification… i said no and hung up").
var toldBesideNothing = []struct {
	re              *regexp.Regexp
	p               Placement
	unlessCallEnded bool
}{
	// "一个叫"李警官"的加我qq 头像是穿警服的 还没说话": an officer who adds
	// the person on a chat app is the fake police's first step; its rule,
	// not "Good. Forward a message".
	{officerAddedRe, Placement{Intent: IntentThreatened, Story: true}, false},
	// '"…you must film yourself alone in a room for identity
	// verification" ... i did that :( … no money paid': a video or photo
	// of themselves handed over; the steps for papers.
	{filmedDoneRe, Placement{Intent: IntentPaid, Story: true, Topic: "id"}, false},
	// "she only did a face scan and recorded short video for the
	// 'procuratorate'. she insists no money sent": a face scan opens
	// accounts and loans in her name; the steps for papers.
	{faceScanRe, Placement{Intent: IntentPaid, Story: true, Topic: "id"}, true},
	// "闲鱼上一个买家说要我扫他发的二维码“收款” … 还没扫": a code to scan to
	// be paid is the trick; don't scan it.
	{qrToReceiveRe, Placement{Intent: IntentQuestion, Topic: "qr_refund"}, false},
	// "stranger on linkedin calls himself a 'retirement wealth advisor'…
	// wants to move to whatsapp. haven't replied": the long con's opening.
	{moneyCoachRe, Placement{Intent: IntentQuestion, Topic: "explain_pig"}, false},
	// "no money sent!! but im on step 3 of their verification… page is
	// open in front of me": nothing gone yet, and the scam's steps still
	// being followed; the warning about asks.
	{midStepsRe, Placement{Intent: IntentUnclear, Asks: true}, false},
	// "手机银行我都填好了 还没按确认": a transfer one tap away; stop before
	// it goes.
	{aboutToConfirmRe, Placement{Intent: IntentQuestion, Topic: "at_bank"}, false},
	// "钱我是一分没转 就是把家里几个金镯子交给上门的警察": gold, cash or a
	// card handed to someone in person is a loss; its steps begin with the
	// police, while the trail is fresh.
	{valuablesGivenRe, Placement{Intent: IntentQuestion, Topic: "valuables"}, false},
	// "但是钱还没出去 柜员说要24小时": a transfer made and not yet gone is
	// the moment the bank can still stop it; the steps after a payment.
	{pendingTransferRe, Placement{Intent: IntentPaid, Story: true}, false},
}

// qrToReceiveRe finds a QR code to scan to be paid or refunded: "扫他发的二
// 维码收款", "scan their qr code to receive the payment".
var qrToReceiveRe = regexp.MustCompile(`扫[^。！？]{0,10}二维码[^。！？]{0,6}(?:收款|收钱|退款|领取)|\bscan (?:his|her|their|a|the) qr ?code to (?:receive|get|claim) (?:the |my |your )?(?:payment|money|refund)\b`)

// moneyCoachRe finds a stranger who offers to guide the person's money: "a
// wealth advisor", "stock researcher", "理财顾问", "炒股老师".
var moneyCoachRe = regexp.MustCompile(`\b(?:wealth|investment|investing|financial|finance|crypto|trading|stock|forex|retirement)\s+(?:wealth\s+)?(?:advisor|adviser|mentor|coach|teacher|analyst|manager|researcher|expert|guru)\b|(?:理财|投资|炒股|炒币|股票|财富)(?:顾问|老师|导师|专家|经理|助理)`)

// midStepsRe finds the person part-way through a scammer's steps: "im on
// step 3 of their verification", "page is open in front of me", "做到第三
// 步了".
var midStepsRe = regexp.MustCompile(`\b(?:on|at|doing) step (?:[0-9]|one|two|three|four|five)\b|\bpage is (?:still )?open\b|(?:做到|到了|在)第[一二三四五六七八九0-9]步|页面(?:还)?开着`)

// aboutToConfirmRe finds a payment filled in and not yet sent: "都填好了
// 还没按确认", "typed it all in but haven't hit send".
var aboutToConfirmRe = regexp.MustCompile(`(?:填好了|输好了|都填了|准备好了)[^。！？]{0,10}(?:还没|没)(?:按|点)(?:确认|确定|提交|发送|转账)|\b(?:filled|typed|entered|put) (?:it |everything |all )?(?:all )?in\b[^.!?]{0,30}\b(?:havent|haven't|have not|not yet|didnt|didn't) (?:hit|pressed|press|clicked|click|tapped|tap) (?:send|confirm|submit|pay)\b`)

// officerAddedRe finds an officer adding the person on a chat app: "李警官
// 加我qq", "a police officer added me on wechat".
var officerAddedRe = regexp.MustCompile(`(?:警官|警察|检察官|公安|民警|法官)[^。！？]{0,12}(?:加我|加了我|添加我|申请加|好友申请|要加我)|\b(?:officer|police|policeman|detective|prosecutor)\b[^.!?]{0,30}\b(?:added me|sent me a friend request|friend requested me|wants to add me)\b`)

// valuablesGivenRe finds gold, cash, a bank card or a passbook handed to
// someone: "把金镯子交给上门的警察", "handed my bank card to the courier".
var valuablesGivenRe = regexp.MustCompile(`(?:金镯子|金手镯|金项链|金条|金饰|首饰|黄金|现金|存折|银行卡|信用卡)[^。！？]{0,12}(?:交给|给了|拿给|送给|递给|寄给|交了|被拿走|让他拿走|让她拿走)|(?:交给|给了|拿给|递给|寄给)(?:了)?(?:他|她|对方|上门的人|快递员|警察)?[^。！？]{0,4}(?:金镯子|金手镯|金项链|金条|金饰|首饰|黄金|现金|存折|银行卡)|\b(?:handed|gave|posted|mailed|sent) (?:over )?(?:my |her |his |our |the )?(?:gold|jewell?ery|cash|bank ?card|debit card|credit card|card and pin)\b[^.!?]{0,30}\b(?:to|for) (?:a |the )?(?:courier|man|woman|officer|police|someone|him|her|them)\b`)

// valuablesHandedRe is valuablesGivenRe told as done: "交给了", "handed"; a
// script that asks for them ("请把现金交给上门的工作人员") is not.
var valuablesHandedRe = regexp.MustCompile(`(?:金镯子|金手镯|金项链|金条|金饰|首饰|黄金|现金|存折|银行卡|信用卡)[^。！？]{0,12}(?:交给了|给了|拿给了|送给了|递给了|寄给了|被拿走了)|\b(?:handed|gave|posted|mailed) (?:over )?(?:my |her |his |our |the )?(?:gold|jewell?ery|cash|bank ?card|debit card|credit card)\b[^.!?]{0,40}\b(?:to|for) (?:a |the )?(?:courier|man|woman|officer|officers|police|policeman|policewoman|detective|someone|him|her|them)\b`)

// pendingTransferRe finds a transfer made and still pending: "钱还没出去",
// "还在处理中", "the transfer is still pending", "hasn't gone through".
var pendingTransferRe = regexp.MustCompile(`钱还没(?:出去|转出去|到账|划走)|(?:转账|汇款|这笔)(?:还)?在(?:处理|审核)|\b(?:transfer|payment|wire) (?:is |was )?(?:still )?(?:pending|processing|being processed)\b|\b(?:hasnt|has not|hasn't) (?:gone through|left|cleared)(?: yet)?\b`)

// scamAskedRe finds the person asking whether something is a scam: "is
// this a scam", "is this a thing or a scam", "是不是骗子", "靠谱吗".
var scamAskedRe = regexp.MustCompile(`\b(?:is (?:this|it|that) (?:a thing or )?(?:a )?(?:scam|real|legit|genuine|fake)|scam or (?:not|real|legit)|legit or (?:not|scam))\b|是不是(?:骗|诈骗|真的)|是骗子吗|是诈骗吗|靠谱吗|是真的吗`)

// payWordRe finds money to be paid in an offer told: "if I pay through
// their agent account", "交押金", "转账".
var payWordRe = regexp.MustCompile(`\b(?:pay|paying|payment|transfer|deposit|send money|fee|fees|invest)\b|付款|付钱|转账|转钱|交钱|汇款|押金|定金|保证金|手续费`)

// hungUpTold reports whether n tells the person's own hang-up after what
// the call was (hungUpToldRe); "我说我要报警 对方就挂了" is the caller's.
func hungUpTold(n string) bool {
	loc := hungUpToldRe.FindStringIndex(n)
	if loc == nil {
		return false
	}
	m, after := n[loc[0]:loc[1]], n[loc[1]:]
	return !strings.Contains(m, "对方") && !strings.HasPrefix(after, " on me") && !strings.HasPrefix(after, " on us")
}

// promisedPayRe finds a payment the person promised to a caller: "I told
// them I'd pay tomorrow", "我答应他明天转", "said i would send it tonight".
var promisedPayRe = regexp.MustCompile(`\b(?:told|promised|said to|agreed with)\s+(?:them|him|her|the \w+)\s+(?:that\s+)?(?:i'?d|i would|i will|i'?ll|we'?d|we would|we will)\s+(?:pay|send|transfer|wire|bring)\b|\b(?:i|we)\s+(?:said|promised|agreed)\s+(?:that\s+)?(?:i'?d|i would|i will|i'?ll|we'?d|we would|to)\s+(?:pay|send|transfer|wire)\b|(?:答应|说好|约好|保证)(?:了)?(?:他|她|对方|他们|警察)?[^，。]{0,10}(?:转|付|交|汇|打款|打钱)`)

var hungUpRe = regexp.MustCompile(`^(?:(?:ok|okay|yes|ya|yeah|so|now|and)\s+)?(?:i|ive|i have|i just|i already|just|already)\s+(?:just\s+|already\s+)?(?:hung up|hanged up|hang up on|hang up(?:[.!,]|$))|^(?:wo|wo gang|wo yi jing|wo yijing)\s+gua le\b|^(?:我|我已经|我刚|我刚刚|我直接|已经|刚|刚刚)?(?:把电话)?(?:挂了|挂断了|挂掉了|已挂)` +
	// Or said last, after what the caller said (round fifteen): "someone
	// from 'China Telecom' said my number sent fraud texts… hung up.",
	// "…说要转接公安 我直接挂了".
	`|(?:^|[.,!;，。！；]\s*)(?:(?:so|then|and)\s+)?(?:i\s+)?(?:just\s+)?(?:hung up|hang up)[.!\s]*$` +
	// "ok hanging up": the call being ended as the person types (round
	// seventeen).
	`|^(?:(?:ok|okay|yes|ok im|okay im|im|i am)\s+)?hanging up(?:\s+now)?[.!\s]*$|(?:我|我就|我直接|然后我)(?:把电话)?(?:挂了|挂断了|挂掉了)[。！!\s]*$`)

// cardSharedRe finds a gift card's numbers given away, or a payment made
// with the cards: "sent them the codes", "paid with", "念给他了".
var cardSharedRe = regexp.MustCompile(`\b(?:gave|given|sent|send|read|told|shared|paid with|paid in|paid by|photo|photos|picture|pictures|numbers|codes?|pins?)\b|发给|给了|给他|给她|念|拍|卡号|卡密|付了|付款|转了`)

// giftCardRe finds gift or shopping cards to buy: the impostor's payment,
// whoever they claim to be.
var giftCardRe = regexp.MustCompile(`gift ?cards?|itunes|steam cards?|google play cards?|apple cards?|target cards?|amazon cards?|ebay cards?|razer gold|vouchers?|购物卡|礼品卡|充值卡|苹果卡|京东卡|游戏卡|点卡`)

// itWasRe finds who a caller was said to be, said alone: "it was uk
// police", "they said they were from the embassy", "说是警察".
var itWasRe = regexp.MustCompile(`^(?:it was|its|it is|they were|he was|she was|they said they were|he said he was|she said she was|claimed to be|said to be)\s+(?:from\s+)?(?:the\s+|a\s+)?(?:\w+\s+)?(?:police|policeman|police officer|embassy|consulate|bank|hmrc|immigration)(?:\s+in\s+the\s+\w+)?$|^(?:说是|自称是?|是)(?:\S{0,4})?(?:警察|公安|大使馆|领事馆|使馆|银行)(?:的|的人|打来的)?$`)

// gaveRe finds the person telling they gave something away: "gave",
// "sent", "told him", 给了, 发了: with it, "my passport number" was handed
// over, not only known to the caller.
var gaveRe = regexp.MustCompile(`\b(?:gave|given|sent|told (?:him|her|them)|showed|uploaded|typed|entered)\b|给了|发了|告诉了|报了|拍了`)

// calledMeRe finds the person typing as the one called ("called me",
// "给我打电话").
var calledMeRe = regexp.MustCompile(`\b(?:called|rang|phoned|calling|texted) me\b|给我打|打给我|给我来电`)

// callToldRe finds a call told beside a message ("收到短信…然后又打来电话"):
// then there is a call to hang up on as well.
var callToldRe = regexp.MustCompile(`电话|打来|来电|视频|\bcall(?:ed|ing|s)?\b|\brang\b|\bphoned?\b|video`)

// refusedToldRe finds a contact told as already refused or reported by
// the one who got it: hung up, ignored, blocked, deleted, reported ("他没
// 理", "she hung up and called the bank").
var refusedToldRe = regexp.MustCompile(`挂了|挂掉了|挂断了|已挂|没理|不理他|拉黑了|删了|删掉了|报警了|报案了|识破了|没上当|没有上当|\bhung up\b|\bblocked (?:him|her|them|it|the)|\bignored (?:it|him|her|them)|\bdeleted (?:it|the)|\breported (?:it|them|him|her)\b|didnt fall for`)

// tellsOfSomeone reports whether a typed text opens by telling of someone
// else, in the person's words ("someone on wechat is selling…", "a guy
// from the bank said…", "有人在抖音上…", "对方说…", "奶奶参加了一个讲座…",
// "my nan bought…"), with no link, number or handle of its own.
func tellsOfSomeone(text string) bool {
	n, ok := typedWithoutMessage(text)
	return ok && tellsOfSomeoneRe.MatchString(n)
}

// typedWithoutMessage returns text normalised, and whether it holds
// nothing a message would bring with it: no quoted message ("我室友收到这个
// 「…」": the message is there to check), no link, number or handle of its
// own.
func typedWithoutMessage(text string) (string, bool) {
	n := understanding.normalize(text)
	if _, _, quoted := quotedMessage(text); quoted {
		return n, false
	}
	return n, !linkRe.MatchString(text) && !phoneRe.MatchString(text) && !handleRe.MatchString(n)
}

var tellsOfSomeoneRe = regexp.MustCompile(`^(?:(?:so|and|but|ok|hi|hey)\s+)?(?:someone|somebody|a (?:guy|man|woman|girl|lady|person|stranger|seller|buyer|recruiter)|this (?:guy|man|woman|girl|person)|some (?:guy|man|woman|girl|person)|they|he|she)\b|^(?:刚才|刚刚|今天|昨天)?(?:有人|有个人|有一个人|一个人|对方|那个人|一个陌生人|陌生人)` +
	// A relative or someone close named first, then what they did (round
	// thirteen: "奶奶参加了一个讲座买了好多保健品" was checked as a message
	// and told "no known warning signs"). A greeting to them has a comma
	// or a question after the name, and at worst is asked for again.
	`|^(?:(?:so|and|but|ok|hi|hey)\s+)?(?:my|our) (?:mum|mom|mother|dad|father|parents|grandma|grandmother|granny|nan|nana|grandpa|grandfather|grandad|granddad|son|daughter|wife|husband|friend|brother|sister|aunt|uncle|cousin|roommate|flatmate|neighbou?r|landlord|boss)\b` +
	`|^(?:我|我们)?(?:妈|爸|妈妈|爸爸|老妈|老爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老公|老婆|儿子|女儿|朋友|同学|室友|邻居|房东)(?:刚|刚才|今天|昨天|前几天|上周|参加|买|去|被|收到|接到|说|给|把|跟|和|让)`)

// speaksAsPerson reports whether a typed text is in the person's own
// voice: "I", "me", "my" or 我 (or "idk", "thanks", 谢谢 to open), no link,
// number or handle of its own and no message quoted in it. Pasted messages
// say "I" too; for them the cost is one question more, never a warning
// missed, since it is asked only when the rules found nothing.
func speaksAsPerson(text string) bool {
	n, ok := typedWithoutMessage(text)
	return ok && (firstPersonRe.MatchString(n) || personOpenRe.MatchString(n))
}

// personOpenRe finds a text that opens the way a person talks to the bot.
var personOpenRe = regexp.MustCompile(`^(?:idk|thanks|thank you|thank u|thx|ty|ok|okay|hello|hi|hey|谢谢|好的|你好|请问)\b|^(?:谢谢|好的|你好|请问)`)

// describesMessage reports whether text opens by telling of a message
// received (describedMessageRe).
func describesMessage(text string) bool {
	return describedMessageRe.MatchString(understanding.normalize(text))
}

// iSentRe finds the person telling that they sent money themselves: with
// it, a "mistaken transfer" story is one where money already went out.
var iSentRe = regexp.MustCompile(`\bi (?:already |just |have |ve )?(?:paid|sent|transferred|wired|returned|gave)|\bive (?:paid|sent|transferred|returned)|我(?:已经|刚|都)?(?:转|付|汇|打|退)(?:了|过去|回去)|我(?:已经)?把钱(?:转|退|打)`)

// amountRe finds an amount's digits or a Chinese numeral of one
// ("五千", "两万"): with it, "打过去" is money, not a call.
var amountRe = regexp.MustCompile(`[0-9]|[十百千万]`)

// thirdOpenRe finds a text that opens with a third person as its subject:
// "she already paid", "he is still on the phone", "她已经转了".
var thirdOpenRe = regexp.MustCompile(`^(?:and |but |now |so |ok |oh )?(?:she|he)\b|^(?:她|他)(?:已经|还|刚|刚刚|都|也|把|在|说|给|转|付|打|被)`)

// bareRelativeRe finds a text that opens with a relative named bare, then
// what they are doing: typed in a hurry, without "my" or 我.
var bareRelativeRe = regexp.MustCompile(`^(?:dad|mum|mom|mother|father|grandma|grandpa|granny|nan|nana|grandad|granddad|grandmother|grandfather|son|daughter|husband|wife|aunt|uncle) (?:is |was |has |just |already |now )*(?:paying|sending|transferring|buying|going|went|gone|at|in|on|talking|sent|paid|transferred|gave|clicked|installed|got|still)\b|^(?:爸|妈|爸爸|妈妈|老爸|老妈|奶奶|爷爷|外婆|外公|姥姥|姥爷|儿子|女儿)(?:现在|已经|刚|刚刚|正在|正|在)*(?:去|在|转|汇|打|给|付|点|装|下|接)`)

// onWayToPayRe finds someone on the way to the bank to pay, not there yet.
var onWayToPayRe = regexp.MustCompile(`\b(?:driving|heading|going|walking) to the bank\b|\bon (?:his|her|their|the) way to the bank\b|开车去银行|正去银行|去银行的路上|正在去银行`)

// harmThreatRe finds harm threatened to someone else if the police are
// called: the kidnapper's line.
var harmThreatRe = regexp.MustCompile(`\bif (?:we|i|you) (?:call|tell|go to) (?:the )?(?:police|cops)\b|\b(?:she|he) (?:dies|will die)\b|\b(?:kill|hurt) (?:her|him)\b|撕票|报警就(?:杀|撕|弄死|伤害)`)

// withCallerRe finds the caller named as the other party of a call.
var withCallerRe = regexp.MustCompile(`\bwith (?:them|the caller|the scammer|the police|the bank|that man|that woman|a man|a woman|someone)\b|(?:跟|和|与)(?:对方|他们|骗子|那个人|警察|银行)`)

// myRe finds the person typing in a family phrase: "my" or 我.
var myRe = regexp.MustCompile(`\bmy\b|我`)

// mineRe finds the person typing as an owner: "my".
var mineRe = regexp.MustCompile(`\bmy\b`)

// secondPersonRe finds a reader addressed: "you", "your" and their
// shortenings, 你 or 您.
var secondPersonRe = regexp.MustCompile(`\b(you|your|yours|youre|youve|youll|yourself|u|ur)\b|你|您`)

// flagFeatures finds the flag phrases in n, and whether the person typing
// is in the rest of it, and a reader spoken to.
func (u *understander) flagFeatures(n string, f *features) {
	var spans []match
	for i := range u.flags {
		spans = u.flags[i].find(n, spans)
	}
	masked := []byte(n)
	familyMasked := []byte(n)
	var recipients, posing []match
	for _, m := range spans {
		switch u.groups[m.group].Kind {
		case "recipient":
			// Masked apart: only firstPersonBeforeOwn skips them.
			recipients = append(recipients, m)
			continue
		case "app_ask":
			// Not masked: "他让我下载" still has the person in it.
			if !f.appAsk && f.intents[IntentApp] == 0 {
				// "they want me to join a meeting" names no app
				// phrase: the ask is the app story.
				f.intents[IntentApp]++
				if f.tellAt < 0 || m.start < f.tellAt {
					f.tellAt, f.tellEnd = m.start, m.end
				}
			}
			f.appAsk = true
			continue
		case "app_done":
			f.appDone = true
			continue
		case "app_not_done":
			f.appNotDone = true
			continue
		case "romance":
			f.romance = true
			continue
		case "posing":
			// Masked below, and only beside a relative: "奶奶收到我发的
			// 短信" names the person as the one posed as, "he took 500
			// from me" is their own story. A 我 that opens a relative
			// is that relative posed as or named ("说是我儿子的老师",
			// "冒充我妈"), not the person typing.
			if overlapsKind(u, spans, m, "family") {
				continue
			}
			f.posing = true
			posing = append(posing, m)
			continue
		}
		if u.groups[m.group].Kind == "family" && readersRelative(n[:m.start]) {
			// "你儿子在我们手上": the reader's son, in a message to the
			// reader, not a relative of the person typing.
			continue
		}
		if u.groups[m.group].Kind == "family" {
			for i := m.start; i < m.end; i++ {
				familyMasked[i] = ' '
			}
		}
		switch u.groups[m.group].Kind {
		case "family":
			if f.family < 0 || m.start < f.family {
				f.family = m.start
			}
			// Only a relative who opens the text is its subject ("my
			// grandmother keeps…"); "keys will be passed by my cousin"
			// is a message's.
			f.myFamily = f.myFamily || m.start == 0 && myRe.MatchString(n[m.start:m.end])
		case "me":
			// "说我弟出事了" is about a brother: a "me" phrase whose 我 opens
			// a family phrase is not about the person typing.
			f.me = f.me || !overlapsKind(u, spans, m, "family")
		case "trouble":
			f.trouble = true
		}
		for i := m.start; i < m.end; i++ {
			masked[i] = ' '
		}
	}
	if f.family >= 0 {
		for _, m := range posing {
			for i := m.start; i < m.end; i++ {
				masked[i] = ' '
			}
		}
	}
	f.firstPerson = firstPersonRe.Match(masked)
	f.firstPersonAny = firstPersonRe.Match(familyMasked)
	// "dad sent 5000 to them already": a relative named bare opens the
	// text as "she" does (round seventeen).
	f.thirdOpen = thirdOpenRe.MatchString(n) || bareRelativeRe.MatchString(n)
	f.withCaller = withCallerRe.MatchString(n)
	// "matched with a guy on tinder", "met someone on hinge": someone met
	// online, told with the subject dropped, the way a phone types it
	// (round nineteen).
	f.romance = f.romance || metOnlineRe.MatchString(n) || onlinePartnerRe.MatchString(n)
	f.secondPerson = secondPersonRe.Match(masked)
	f.mine = mineRe.Match(masked)
	if f.tellEnd >= 0 {
		f.firstPersonBefore = firstPersonRe.Match(masked[:f.tellEnd])
		own := append([]byte(nil), masked...)
		for _, m := range recipients {
			for i := m.start; i < m.end; i++ {
				own[i] = ' '
			}
		}
		f.firstPersonBeforeOwn = firstPersonRe.Match(own[:f.tellEnd])
	}
}

// familyEnd is where the longest family phrase at the start of n ends
// (0 when none starts there): "mom got", "grandma on", which make a
// leading "mom" the subject, not a vocative.
func (u *understander) familyEnd(n string) int {
	end := 0
	for i := range u.flags {
		if u.groups[u.flags[i].group].Kind != "family" {
			continue
		}
		for _, m := range u.flags[i].find(n, nil) {
			if m.start == 0 {
				end = max(end, m.end)
			}
		}
	}
	return end
}

// readersRelative reports whether the text before a family phrase ends
// in "your" or 你: "你儿子", "你的孙子", "your son".
func readersRelative(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, p := range []string{"你", "您", "你的", "您的", "your", "ur"} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// overlapsKind reports whether m shares a byte with a span of a group of
// the kind.
func overlapsKind(u *understander, spans []match, m match, kind string) bool {
	for _, o := range spans {
		if u.groups[o.group].Kind == kind && o.start < m.end && m.start < o.end {
			return true
		}
	}
	return false
}

func isTelling(in Intent) bool {
	for _, t := range telling {
		if t == in {
			return true
		}
	}
	return false
}

// units splits a core text into the units small talk is read in: a word
// of letters or digits, or one Chinese character ("ok谢谢" is "ok", "谢",
// "谢").
func (u *understander) units(core string) []string {
	var out []string
	start := -1
	for i, r := range core {
		han := unicode.Is(unicode.Han, r)
		if r == ' ' || han {
			if start >= 0 {
				out = append(out, core[start:i])
				start = -1
			}
			if han {
				out = append(out, string(r))
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, core[start:])
	}
	return out
}

func unitKey(units []string) string { return strings.Join(units, "\x00") }

// smalltalkRun reports whether a core text is several small-talk phrases
// in a row ("ok thanks bye", "明白了，谢谢"), with their topic.
func (u *understander) smalltalkRun(state, core string) (string, bool) {
	units := u.units(core)
	if len(units) < 2 {
		return "", false
	}
	// from[i] is where the last phrase ending at unit i starts (-1: no
	// way to read units[:i] as phrases); group[i] is its group.
	from := make([]int, len(units)+1)
	group := make([]int, len(units)+1)
	for i := 1; i <= len(units); i++ {
		from[i] = -1
		for j := max(0, i-u.maxUnits); j < i && from[i] < 0; j++ {
			if j > 0 && from[j] < 0 {
				continue
			}
			for _, gi := range u.wholeUnits[unitKey(units[j:i])] {
				if inStates(u.groups[gi], state) {
					from[i], group[i] = j, gi
					break
				}
			}
		}
	}
	if from[len(units)] < 0 {
		return "", false
	}
	var topics []string
	for i := len(units); i > 0; i = from[i] {
		topics = append([]string{u.groups[group[i]].Topic}, topics...)
	}
	return pickTopic(topics), true
}

// pickTopic chooses the topic of several pieces of small talk: a goodbye
// ends the conversation, thanks come next, else the first piece's.
func pickTopic(topics []string) string {
	for _, want := range []string{"bye", "thanks"} {
		for _, t := range topics {
			if t == want {
				return want
			}
		}
	}
	for _, t := range topics {
		if t != "" {
			return t
		}
	}
	return "ok"
}

func inStates(g phraseGroup, state string) bool {
	if len(g.States) == 0 {
		return true
	}
	for _, s := range g.States {
		if s == state {
			return true
		}
	}
	return false
}

// smalltalkLines reports whether a text of several lines is small talk on
// every line (a greeting, thanks, ok, emoji), with the topic of its first
// worded line.
func (u *understander) smalltalkLines(s State, text string) (string, bool) {
	if nonEmptyLines(text) < 2 {
		return "", false
	}
	var topics []string
	for _, l := range strings.Split(text, "\n") {
		c := u.core(l)
		if c == "" {
			continue
		}
		f := u.features(s, l)
		t, ok := f.whole[IntentSmalltalk]
		if !ok {
			if t, ok = u.smalltalkRun(tableState(s), c); !ok {
				return "", false
			}
		}
		topics = append(topics, t)
	}
	return pickTopic(topics), true
}

func nonEmptyLines(text string) int {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// tableState names the node as the phrase data and the intent table do.
func tableState(s State) string {
	switch s.Node {
	case NodeVerdict:
		return "verdict"
	case NodeQuiz:
		return "quiz"
	case NodeCountry:
		return "country"
	case NodeSteps, NodeCall:
		return "steps"
	}
	return "start"
}

// asks reports whether text asks its reader for money, a code or secrecy.
func (u *understander) asks(text string) bool {
	return u.features(State{}, headOf(text)).ask > 0
}

// minQuoteRunes is the length from which a quoted part of a text is
// taken for a message the person received, not a word they stress.
const minQuoteRunes = 20

// quotePairs are the quotation marks a paste is wrapped in.
var quotePairs = [][2]string{{"\"", "\""}, {"“", "”"}, {"「", "」"}, {"『", "』"}, {"«", "»"}}

// quotedMessage finds the longest quoted part of a text, of at least
// minQuoteRunes and no shorter than the rest of the text, and the text
// without it.
func quotedMessage(text string) (quote, rest string, ok bool) {
	best, bestStart, bestEnd := "", 0, 0
	for _, q := range quotePairs {
		i := strings.Index(text, q[0])
		if i < 0 {
			continue
		}
		j := strings.Index(text[i+len(q[0]):], q[1])
		if j < 0 {
			continue
		}
		inner := text[i+len(q[0]) : i+len(q[0])+j]
		if utf8.RuneCountInString(inner) > utf8.RuneCountInString(best) {
			best, bestStart, bestEnd = inner, i, i+len(q[0])+j+len(q[1])
		}
	}
	rest = text[:bestStart] + " " + text[bestEnd:]
	n := utf8.RuneCountInString(strings.TrimSpace(best))
	if n < minQuoteRunes || utf8.RuneCountInString(strings.TrimSpace(rest)) > n {
		// A short quote, or one inside a longer story ("got one of
		// those \"your parcel has illegal passports\" calls…"), is the
		// person's words quoting something.
		return "", "", false
	}
	return best, rest, true
}

// quoteTold reports a quote that is a piece of the person's telling, not
// a message they received (round eighteen): a student's words quoted by a
// volunteer that are the hiding itself ("she said \"cant talk its a police
// matter in china, i signed confidentiality\""); a short quote naming what
// the person asks about, a job, a practice or an office's way ("is \"like
// videos and earn\" job real?"); a short quote of what a page or a caller
// said, mid-conversation ("then it said \"verification complete\""), or
// at the start when a call is told with it ("\"you will be arrested\"
// thats what they keep saying on the phone": a caller's threat, judged
// alone as a message it had no sign, and the person got "no known
// warning signs" mid-call; round nineteen), or said to be what someone
// keeps saying ("that's what he keeps telling me").
func quoteTold(state string, f features, quote, rest string) bool {
	short := utf8.RuneCountInString(quote) < 40
	t := f.topic[IntentQuestion]
	return t == "explain_kidnap" ||
		short && f.intents[IntentQuestion] > 0 && (storyTopics[t] || t == "officials") ||
		short && narratedQuoteRe.MatchString(rest) && (state != "start" || callToldRe.MatchString(rest)) ||
		short && callerWordsRe.MatchString(understanding.normalize(rest))
}

// relativeQuoted reports a relative's own words quoted by the person:
// "我爸刚跟我说“我又没给他钱，就告诉了他卡号和有效期，怕啥”", "My mom
// says: \"I got the call… I didn't press anything\"". A relative named
// (or "she"/"he" mid-story), a said-frame right before the quote, and a
// quote in the first person that speaks to no reader: a message a
// relative passed on says "you".
// Round nineteen: such quotes were checked alone and got "no known
// warning signs", the card number given in them unread.
func relativeQuoted(f features, before, quote string) bool {
	b := understanding.normalize(before)
	if !(f.family >= 0 && saidBeforeQuoteRe.MatchString(b) || thirdSaidBeforeQuoteRe.MatchString(b)) {
		return false
	}
	q := understanding.normalize(quote)
	switch mine := len(firstPersonRe.FindAllStringIndex(q, 3)); {
	case mine >= 2:
		// "I got the call…, I didn't press anything and I called you
		// instead": a "you" in a story told is the one it is told to;
		// a message's is formal or owns something (您, "your account").
		return !formalYouRe.MatchString(q)
	case mine == 1:
		return !secondPersonRe.MatchString(q)
	}
	return false
}

// saidBeforeQuoteRe finds a said-frame ending right before a quote (its
// opening mark still there).
var saidBeforeQuoteRe = regexp.MustCompile(`(?:说|讲|告诉我|问我)[\s:：“「『"]*$|\b(?:says|said|told me|tells me|goes|went)[\s:"“]*$`)

// thirdSaidBeforeQuoteRe finds "she just said" right before a quote, the
// one the story is about speaking: 'ok she just said "I won't tell my
// children"' (round nineteen: checked alone, "no known warning signs",
// while a mother promised a caller her secrecy).
var thirdSaidBeforeQuoteRe = regexp.MustCompile(`\b(?:she|he)\s+(?:just\s+|now\s+|then\s+)?(?:said|says|told (?:me|them|him|her)|goes|went)[\s:"“]*$|(?:她|他)(?:刚|刚才|刚刚|又|就)?(?:说|讲|跟他们说|跟对方说)[\s:：“"「]*$`)

// formalYouRe finds the "you" of a message: 您, "your".
var formalYouRe = regexp.MustCompile(`您|\byour\b`)

// narratedQuoteRe finds the person telling what a page, an app or a
// caller showed or said ("then it said", "屏幕上显示").
var narratedQuoteRe = regexp.MustCompile(`(?i)\b(?:it|he|she|they|the page|the site|the website|the app|the screen|the caller|the officer|the guy|the man|the woman)\s+(?:keeps?\s+|kept\s+)?(?:said|says|saying|showed|shows|displayed)\b|(?:它|他|她|页面|网页|屏幕|app)(?:上)?(?:说|显示|写着)`)

// paragraphBreakRe is a blank line: what separates a pasted message from
// the person's own line above or below it.
var paragraphBreakRe = regexp.MustCompile(`\n[ \t\x{3000}]*\n`)

// pastedBlock finds a message pasted as its own paragraph: of two or more
// paragraphs, the longest, when it is at least minQuoteRunes long and
// longer than the rest together (the person's "is this real?", "我妈收到
// 的"). rest is the other paragraphs.
func pastedBlock(text string) (block, rest string, ok bool) {
	paras := paragraphBreakRe.Split(strings.TrimSpace(text), -1)
	if len(paras) < 2 {
		return "", "", false
	}
	best, total := 0, 0
	runes := make([]int, len(paras))
	for i, p := range paras {
		runes[i] = utf8.RuneCountInString(strings.TrimSpace(p))
		total += runes[i]
		if runes[i] > runes[best] {
			best = i
		}
	}
	if runes[best] < minQuoteRunes || total-runes[best] > runes[best] {
		return "", "", false
	}
	others := append(append([]string{}, paras[:best]...), paras[best+1:]...)
	return strings.TrimSpace(paras[best]), strings.Join(others, " "), true
}

// tells reports whether text tells what happened to the person: a
// phrase of a telling intent.
func (u *understander) tells(s State, text string) bool {
	f := u.features(s, text)
	for _, in := range telling {
		if f.intents[in] > 0 {
			return true
		}
	}
	return false
}

// headOf is the part of a text that is read for intent.
func headOf(text string) string {
	if len(text) <= maxUnderstandBytes {
		return text
	}
	cut := maxUnderstandBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

// telling are the intents of a person telling what happened to them, in
// the order they are answered when several are told at once: a call that
// is still going is ended first; money given outweighs an app; an app
// outweighs a threat, whose advice the other steps repeat.
//
// An account taken over comes after an app (which may be how it was
// taken) and before a threat.
var telling = []Intent{IntentOnCall, IntentPaid, IntentApp, IntentAccount, IntentThreatened}

// Understand places a typed text in the conversation's context, before
// anything is classified. forwarded is true for a message the channel says
// was forwarded: that is always a message to check.
//
// In order: a whole-text answer (yes or no in the questionnaire, thanks,
// ok, nothing, a request such as "menu", a question such as "what can you
// do"); a button's label typed; small talk in several pieces ("ok thanks
// bye"); then a text that addresses its reader more than it tells
// a story is a message to check; then the person telling what happened
// (paid, still on the call, an app, a threat; Family when it happened to
// a relative or friend), nothing happened, a request, a question; at the
// place question, a place; a story of nothing the steps
// are for is unclear; a long text or one with a link, a number or a handle
// is a message to check; anything else is unclear.
func Understand(s State, text string, forwarded bool) Placement {
	p, _ := understandRead(s, text, forwarded)
	return p
}

// understandRead is Understand, and the text as it was read: a pinyin
// text with the Chinese phrases found in it added after it, so that the
// answers read what Understand read.
func understandRead(s State, text string, forwarded bool) (Placement, string) {
	if forwarded {
		return understand(s, text, forwarded), text
	}
	if hanzi, isPinyin, ok := understanding.pinyin.read(headOf(text)); isPinyin {
		// Pinyin is the person's own words, not a message: banks and
		// scammers write in characters. The pinyin phrases of the
		// English lists ("wo bei pian le") read it as typed, and the
		// Chinese phrases found in it are added after it; what is left
		// a message to check is asked about instead, never given the
		// all-clear.
		if ok {
			text += "\n" + hanzi
		}
		p := understand(s, text, forwarded)
		if p.Intent == IntentCheck {
			p = Placement{Intent: IntentUnclear, Asks: p.Asks}
		}
		return p, text
	}
	return understand(s, text, forwarded), text
}

// understand is Understand for a text in characters or English.
func understand(s State, text string, forwarded bool) Placement {
	var read readText
	p := placeText(s, text, forwarded, &read)
	n := understanding.normalize(headOf(text))
	switch {
	case (p.Intent == IntentUnclear || p.Intent == IntentCheck && p.Quote != "") && !forwarded && realThingRe.MatchString(n) && !linkRe.MatchString(text):
		// "is 'Global Police Liaison Office' a real thing?": a name asked
		// about, quoted or not, is no message to judge ("no known warning
		// signs" on the name alone) and no question to ask back; what
		// real offices never do, or what the bot needs (round
		// twenty-one).
		if officialsRe.MatchString(n) {
			return Placement{Intent: IntentQuestion, Topic: "officials"}
		}
		return Placement{Intent: IntentQuestion, Topic: "start"}
	case (p.Intent == IntentUnclear || p.Intent == IntentApp) && moneyPutInRe.MatchString(n):
		// "now im about 16k in", "ive recharged maybe 1900 total", "shes
		// moved about 38k into their app": money put into a platform,
		// told in its own words, is a loss; the bank first (round
		// twenty-one: "is this a message?", or the app's steps).
		// Someone else's money ("shes moved…", "my friend is 20k in")
		// gets their bank's steps, as "she sent 38k".
		loc := moneyPutInRe.FindStringIndex(n)
		own := ownLossStartRe.MatchString(n[loc[0]:loc[1]])
		return Placement{Intent: IntentPaid, Story: true, Family: !own && (thirdPersonLossRe.MatchString(n[:loc[1]]) || tellsOfSomeone(text))}
	case p.Intent == IntentUnclear && goldForCollectionRe.MatchString(n):
		// 'The "officer" has asked me to convert my savings into gold
		// bars and keep them at home until someone collects them': the
		// cash pickup's next step, about to be done; stop first (round
		// twenty-one: "is this a message?"). Quoted words or not.
		return Placement{Intent: IntentQuestion, Topic: "at_bank"}
	case p.Intent == IntentUnclear && openedInMyNameRe.MatchString(n):
		// "今天我收到Monzo的email说欢迎开户 可是我根本没申请过Monzo": an
		// account opened in the person's name; the steps for papers given
		// (identity fraud reported, credit checked), not "is this a
		// message?" (round twenty-one).
		return Placement{Intent: IntentPaid, Story: true, Topic: "id"}
	case (p.Intent == IntentUnclear || p.Intent == IntentThreatened) && toldAfterAskRe.MatchString(n):
		// "she asked for my passport number and home address and i told
		// her": the ask told, then answered; what was given decides, as
		// beside a "nothing" (round twenty-one: the warning about asks).
		if secretGivenRe.MatchString(n) {
			return Placement{Intent: IntentPaid, Story: true}
		}
		if identityRe.MatchString(n) {
			return Placement{Intent: IntentPaid, Story: true, Topic: "id"}
		}
		return Placement{Intent: IntentQuestion, Topic: "address_only"}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear || p.Intent == IntentThreatened) && givenAwayRe.MatchString(n) && !passwordKeptRe.MatchString(n):
		// "没转给别人啊 警官让我把存款挪到自己新开的一张卡上 然后把那张卡和
		// 密码寄给他们保管", "the inspector told me to post my debit card
		// to an address", "我没点链接啊 我是复制到浏览器里打开的 输了网银
		// 账号密码", "他教我开了个亲情付 绑的是他给的手机号": a card, its
		// PIN, a bank login or a linked payment given, whatever "nothing"
		// came before; the bank's steps (round twenty-one: "Good. Forward
		// a message").
		return Placement{Intent: IntentPaid, Story: true}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear) && assistVerifyRe.MatchString(n):
		// "用我微信扫了下他发的二维码 说帮他辅助验证 然后我微信就掉线了": the
		// account's login handed over by a scan; the steps for an account
		// taken over.
		return Placement{Intent: IntentAccount, Story: true}
	case p.Intent == IntentUnclear && releaseFeeRe.MatchString(n):
		// "the site shows my balance at 18k. just have to pay a
		// verification deposit before they release it": money in a
		// platform that wants more to let it out; pay nothing to
		// withdraw, the steps after a payment.
		return Placement{Intent: IntentPaid, Story: true, Topic: "withdraw"}
	case p.Intent == IntentUnclear && filmedForOfficerRe.MatchString(n):
		// "officer said they had to check i had no tattoos… so i filmed
		// myself": a video made for a "check" is the sextortion's
		// material.
		return Placement{Intent: IntentQuestion, Topic: "sextortion"}
	case (p.Intent == IntentUnclear || p.Intent == IntentThreatened) && didThatAfterAskRe.MatchString(n) && (secretGivenRe.MatchString(n) || loginWordRe.MatchString(n)):
		// "the ato email asked me to confirm my tax file number and mygov
		// login for the refund. did that": a login given; the bank's steps.
		return Placement{Intent: IntentPaid, Story: true}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear) && cardPhotoGivenRe.MatchString(n) && !secondPersonRe.MatchString(n) && !strings.Contains(n, "请"):
		// "就是把我银行卡拍照给房东核实了一下身份 正反面都拍了": both sides
		// of a card photographed for someone is its number, expiry and
		// security code given; the bank's steps. A message that asks its
		// reader for the photo ("请把银行卡正反面拍照发给我们") is no
		// telling.
		return Placement{Intent: IntentPaid, Story: true}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear) && debitsSeenRe.MatchString(n):
		// "我婆婆说她只是用微信扫了个码领养老补贴 然后手机收到好几条扣款短信":
		// money leaving after a scan or a call, told as a "process"; a
		// loss, the bank first.
		return Placement{Intent: IntentPaid, Story: true, Family: someoneElsesRe.MatchString(n)}
	case p.Intent == IntentCheck && p.Quote == "" && !forwarded && moneyPutInRe.MatchString(n) && someoneElsesRe.MatchString(n):
		// "just curious if this platform is real, my friend has been on it
		// 3 weeks, put in around 20k aud": someone else's money put in,
		// told; their bank's steps, not "no known warning signs" on the
		// telling.
		return Placement{Intent: IntentPaid, Story: true, Family: true}
	case (p.Intent == IntentCheck && p.Quote == "" && !forwarded || p.Intent == IntentUnclear) && linkOnlyRe.MatchString(n) && linkClosedRe.MatchString(n):
		// "accidentally tapped the link in a hmrc text but closed it
		// straight away, didnt type anything": the answer for a link
		// opened, not a verdict on the telling.
		return Placement{Intent: IntentApp, Story: true, Topic: "link"}
	case p.Intent != IntentPaid && giftCodesReadRe.MatchString(n) && (giftCardRe.MatchString(n) || s.Node == NodeVerdict && s.Last != nil && s.Last.Type == classifier.TypeImpersonateOfficial):
		// "read 2. ok the home office doesnt take apple cards right":
		// gift card codes read out are money gone; the card's issuer
		// first (round twenty-one: "Good, nothing is lost" after the
		// hang-up that followed).
		return Placement{Intent: IntentPaid, Story: true, Topic: "giftcard"}
	case (p.Intent == IntentUnclear || p.Intent == IntentNone && stillTextingRe.MatchString(n)) && (shortToldRe.MatchString(n) || muleToldRe.MatchString(n) && !recruitCueRe.MatchString(n)):
		// Short first lines that tell one step (round twenty-one,
		// fresh98), each asked "is this a message?": the answer for it.
		return shortTold(n)
	case p.Intent == IntentApp && appDeniedRe.MatchString(n):
		// "没装app 但是我把验证码念了": the app denied, a code given after
		// it; what was given decides (round twenty-one: the steps for an
		// app asked for).
		if gave, ok := gaveBesideNothing(n); ok && gave.Intent == IntentPaid {
			return gave
		}
	case (p.Intent == IntentThreatened || p.Intent == IntentUnclear) && papersToldRe.MatchString(n):
		// "不知道算不算 我告诉他我护照号了": papers given to a caller; their
		// steps, not the rule for callers.
		return Placement{Intent: IntentPaid, Story: true, Topic: "id"}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear) && visaAgentToldRe.MatchString(n):
		// "我签证一直没下来 有个中介加我微信说能加急 有内部渠道": the visa
		// agent's promise told; its "没下来" is no nothing (round
		// twenty-one: "Good. Forward a message").
		return Placement{Intent: IntentQuestion, Topic: "visa_agent"}
	case (p.Intent == IntentNone || p.Intent == IntentUnclear || p.Intent == IntentApp || p.Intent == IntentThreatened) && paidThenToldRe.MatchString(n):
		// Cantonese and Hong Kong words for money gone (round twenty-one,
		// fresh99): "佢已經過咗六萬港紙，但我根本冇事" (the mother paid; the
		// son is fine), "俾咗之後佢block晒我", "我已經入咗1500蚊". A loss,
		// whatever "冇事" follows.
		return Placement{Intent: IntentPaid, Story: true, Family: someoneElsesRe.MatchString(n) || strings.Contains(n, "阿妈") || strings.Contains(n, "阿爸")}
	case p.Intent == IntentUnclear && qrLoginDoneRe.MatchString(n):
		// "The guy ask me scan QR code to log in Singpass for
		// verification, i did it leh": an identity login handed over;
		// the steps for papers (loans in the person's name).
		return Placement{Intent: IntentPaid, Story: true, Topic: "id"}
	case (p.Intent == IntentCheck && p.Quote == "" && !forwarded || p.Intent == IntentUnclear) && paidViaRe.MatchString(n):
		// "used wise to pay a fake student housing agent. wise got back
		// 300 of the 1900": a payment told with the service it went
		// through; a loss (round twenty-one: "no known warning signs").
		return Placement{Intent: IntentPaid, Story: true}
	case p.Intent != IntentPaid && p.Intent != IntentOnCall && (stillListeningRe.MatchString(n) || shouldHangUpRe.MatchString(n)):
		// "那个人还在她另一个手机上开着免提听着 怎么办 我让她挂了行吗", "我要
		// 不要直接把电话抢过来挂了": the caller still on the line; hang up
		// first (round twenty-one: "Good, nothing is lost", "what do you
		// need?").
		return Placement{Intent: IntentOnCall, Story: true}
	case p.Intent == IntentUnclear && p.Topic == "" && read.ok:
		if told, ok := unclearTold(s, read.text, read.f); ok {
			return told
		}
	case p.Intent == IntentApp && (onlinePartnerRe.MatchString(n) || metOnlineRe.MatchString(n)) &&
		investRe.MatchString(n) && (notYetRe.MatchString(n) || deniedValuablesRe.MatchString(n) || declinedRe.MatchString(n)):
		// "my online gf keeps pushing me to put money in her crypto app,
		// i refused, sent nothing": an app named in a partner's pitch,
		// not one installed; the romance answer (round nineteen: the
		// steps after an app installed).
		return Placement{Intent: IntentQuestion, Topic: "romance"}
	case (p.Intent == IntentThreatened || p.Intent == IntentQuestion && p.Topic == "doorstep") && valuablesHandedRe.MatchString(n) &&
		!muleToldRe.MatchString(n):
		// "钱我没转 就是把两个金手镯交给了上门的警察", "i just handed my
		// gold necklace and bank card to the officer who came to the
		// door": handed over already, so the steps after it, police
		// first, not the rule for callers or "don't open the door"
		// (round twenty). A card sent to be used for someone's payments
		// is the mule's work, whose answer stays.
		return Placement{Intent: IntentQuestion, Topic: "valuables"}
	case p.Intent == IntentNone && readToThemRe.MatchString(n) && secretGivenRe.MatchString(n):
		// "He asked me to confirm my card number… I read it to him. Then
		// he hung up.": a card's number or a code read out, whatever
		// the call's end; the bank's steps (round twenty-one: "Good.
		// Forward a message").
		return Placement{Intent: IntentPaid, Story: true}
	case p.Intent == IntentNone || p.Intent == IntentPaid && moneyDeniedFirstRe.MatchString(n):
		if gave, ok := gaveBesideNothing(n); ok {
			return gave
		}
		if p.Intent == IntentNone {
			if told, ok := nothingTold(text, n); ok {
				return told
			}
		}
	}
	return p
}

// nothingTold places a "nothing" that tells something else (round
// nineteen: each got "Good, nothing is lost" or "Good. Forward a
// message"); n is text's head normalised.
func nothingTold(text, n string) (Placement, bool) {
	switch {
	case moneyGoneRe.MatchString(n):
		// "太好了，什么事都没有，就是卡里什么都没有了而已": the card emptied,
		// said with a bitter "nothing happened"; a loss.
		return Placement{Intent: IntentPaid, Story: true}, true
	case linkOnlyRe.MatchString(n) && !linkKeptRe.MatchString(n):
		// "那个链接我点了，但是什么都没填": the link opened, nothing typed
		// in it; the answer for a link opened (what to do if more was
		// done).
		return Placement{Intent: IntentApp, Story: true, Topic: "link"}, true
	case noCallExcuseRe.MatchString(n):
		// "我给他打微信语音他挂了 说在海关这边不方便接电话 只能打字": the
		// other side hung up on a call to check and will only type, the
		// mark of a friend's account taken over or a fake relative; the
		// warning about asks.
		return Placement{Intent: IntentUnclear, Asks: true}, true
	case describesMessage(text) && notOrderedRe.MatchString(n):
		// "text says my package is held and i need to pay a customs fee
		// through the link. i didnt order anything tho": a message told,
		// whose "didn't order anything" is a reason to doubt it, not
		// "nothing happened"; its words are checked. "I didn't click
		// anything" stays nothing done.
		return Placement{Intent: IntentCheck, Asks: understanding.asks(text)}, true
	}
	return Placement{}, false
}

// passwordFilledRe finds a password typed into a form or given: "邮箱
// 密码 我都填了", "i typed my uni password into it".
var passwordFilledRe = regexp.MustCompile(`密码[^。！？]{0,10}(?:填|输|给|告诉)(?:好|完|上)?(?:了|进去)|(?:填|输)(?:了|进去了?)[^。！？]{0,12}密码|\b(?:typed|entered|put|gave|filled in)\b[^.!?]{0,30}\bpassword\b|\bpassword\b[^.!?]{0,20}\b(?:typed|entered|put) (?:it )?in\b`)

// passwordKeptRe finds a password not given: "密码没填", "didnt type my
// password".
var passwordKeptRe = regexp.MustCompile(`没(?:有)?(?:填|输|给)|\b(?:didnt|did not|never|havent|have not|dont|don't) (?:type|enter|put|give|fill)`)

// readToThemRe finds something read out or given to the caller: "I read
// it to him", "i gave them the numbers".
var readToThemRe = regexp.MustCompile(`\b(?:i|she|he|my \w+) (?:read|gave|told|confirmed|said|typed) (?:it|them|the (?:code|number|numbers|digits)|(?:my|her|his|the) (?:card|pin|code|password|security)\b[^.!?]{0,20}?) (?:out )?(?:to|for) (?:him|her|them|the (?:man|woman|caller|officer|lady|guy))\b|\bi read (?:it|them) out\b`)

// goldForCollectionRe finds gold to be bought and kept for a collector:
// "convert my savings into gold bars and keep them at home until someone
// collects them", "买金条放家里 他们会派人来取".
var goldForCollectionRe = regexp.MustCompile(`\b(?:gold (?:bars?|bullion|coins?)|bullion)\b[^.!?]{0,80}\b(?:collects?|collected|collecting|pick(?:s|ed)? (?:it |them )?up|keep (?:it|them) at home|for (?:verification|safekeeping))\b|(?:买|换成|换)(?:了)?(?:金条|黄金)[^。！？]{0,24}(?:上门|来拿|来取|派人|保管|核查|放家里)`)

// moneyPutInRe finds money put into a platform, told as a total: "im
// about 16k in", "ive recharged maybe 1900", "moved about 38k into their
// app", "投进去快二十万了".
var moneyPutInRe = regexp.MustCompile(`\bput in (?:about |like |maybe |around |roughly |nearly |almost |over )?[$£€¥]?\d[\d,.]*\s?k?\b|\b(?:i'?ve|ive|we'?ve|weve|has|have|had)\s+(?:already\s+)?put in\s+(?:about |like |maybe |around |roughly |nearly |almost |over )?[$£€¥]?\d[\d,.]*\s?k?\b|\b(?:i'?m|im|i am|we'?re|we are|she'?s|shes|he'?s|hes|they'?re|theyre|(?:my \w+|she|he) is|they are) (?:already |now )?(?:about |like |maybe |around |roughly |nearly |almost |over )?(?:[$£€¥]\d[\d,.]*\s?k?|\d[\d,.]*\s?k|\d{3,}[\d,.]*) (?:in|deep)(?:\s*(?:[,.!?]|$)|\s+(?:total|so far|now|already|with (?:them|him|her|it)|on (?:it|this|that|the)))|\brecharged\b[^.!?]{0,24}\d|\b(?:moved|put|sunk|poured|deposited)\b (?:(?:about|like|maybe|around|roughly|nearly|almost|over|another)\s)*[$£€¥]?\d[\d,.]*\s?k?\b(?: \w+)? into\b|(?:投|充|转|打|存)进去(?:了)?[^，。！？]{0,4}[0-9一二两三四五六七八九十百千万]+`)

// ownLossStartRe finds moneyPutInRe's match told of the person: "im
// about 2000 in".
var ownLossStartRe = regexp.MustCompile(`^(?:i'?m|im|i am|we'?re|we are)\b`)

// thirdPersonLossRe finds, up to the end of moneyPutInRe's match, money
// put in told of someone else: "shes moved about 38k into", "my friend is
// about 20k in".
var thirdPersonLossRe = regexp.MustCompile(`(?:^|\s)(?:she|he|they|she'?s|shes|he'?s|hes|they'?re|theyre|my (?:friend|mum|mom|dad|mother|father|sister|brother|roommate|flatmate|aunt|uncle|grandma|grandpa|cousin|son|daughter|wife|husband|gf|bf))\b[^.!?]{0,40}$`)

// openedInMyNameRe finds an account, card or loan the person never asked
// for: "欢迎开户 可是我根本没申请过", "got a welcome email for a credit card
// i never applied for".
var openedInMyNameRe = regexp.MustCompile(`(?:开户|账户|信用卡|贷款|卡)[^。！？]{0,20}(?:我)?(?:根本)?(?:没|没有|从来没)(?:申请|开|办)过|(?:没|没有|从来没)(?:申请|开|办)过[^。！？]{0,12}(?:却|但|可是)?[^。！？]{0,12}(?:开户|账户|信用卡|贷款)|\b(?:account|card|loan|credit card)\b[^.!?]{0,40}\bi (?:never|didn'?t|did not) (?:apply|applied|open|opened|sign(?:ed)? up|ask(?:ed)?)(?: for)?\b|\bi (?:never|didn'?t|did not) (?:apply|applied|open|opened|sign(?:ed)? up)(?: for)?\b[^.!?]{0,30}\b(?:account|card|loan)\b[^.!?]{0,40}\b(?:opened|approved|welcome|in my name)\b`)

// givenAwayRe finds a card with its PIN, a bank login or a linked payment
// handed to someone: "把那张卡和密码寄给他们", "post my debit card to an
// address", "输了网银账号密码", "开了个亲情付 绑的是他给的手机号".
var givenAwayRe = regexp.MustCompile(`(?:卡|银行卡)(?:和|跟|连同)(?:密码)[^。！？]{0,8}(?:寄|给|交)|(?:寄|交|给)(?:给)?(?:他们|他|对方|警官|警察)(?:保管)?[^。！？]{0,4}(?:银行卡|卡和密码)|(?:输|填)(?:了|入了?)(?:网银|银行)(?:的)?(?:账号|帐号)?(?:和)?密码|(?:开|开通)(?:了)?(?:个|一个)?(?:亲情付|亲密付|亲属卡)[^。！？]{0,12}(?:绑|给|他)|\b(?:post|mail|send|sent|posted|mailed|courier(?:ed)?)\b (?:my|her|his|the) (?:debit |credit |bank )?card\b[^.!?]{0,40}\b(?:to (?:an|the|their|his|her) (?:address|officer|inspector|courier)|to be checked|for (?:checking|inspection|verification))|\b(?:typed|entered|put) (?:in )?my (?:online banking|bank|banking) (?:login|password|details)\b|\b(?:typed|entered|put|gave|read out)\b[^.!?]{0,30}\b(?:card number|card details|cvv|cvc|security code)\b`)

// assistVerifyRe finds a chat login handed over by scanning a stranger's
// code "to help verify": "扫了下他发的二维码 说帮他辅助验证".
var assistVerifyRe = regexp.MustCompile(`辅助验证|(?:微信|wechat)[^。！？]{0,8}(?:掉线|被登出|被挤下线)|\b(?:help(?:ed)? (?:him|her|them) verify|scanned (?:his|her|their) qr code to (?:help|verify))\b`)

// releaseFeeRe finds a payment asked before a balance is released: "pay a
// verification deposit before they release it", "交保证金才能提现".
var releaseFeeRe = regexp.MustCompile(`\b(?:pay|deposit|top up)\b[^.!?]{0,40}\b(?:before|to|so) (?:they|it|i can|we can)? ?(?:release|unlock|withdraw|unfreeze)\b|(?:交|付|充)(?:了)?[^。！？]{0,10}(?:才能|才可以|就能)(?:提现|出金|解冻|提出来)`)

// filmedForOfficerRe finds a video of oneself made for an officer's check:
// "had to check i had no tattoos… so i filmed myself", "让我脱衣服拍视频".
var filmedForOfficerRe = regexp.MustCompile(`\b(?:tattoos?|birthmarks?|undress|naked|nude|strip)\b[^!?]{0,80}\bi (?:filmed|recorded|sent|took) (?:myself|a video|photos)\b|\bi (?:filmed|recorded) myself\b[^!?]{0,80}\b(?:tattoos?|birthmarks?|naked|nude|body)\b|(?:脱衣服|脱了|裸)[^。！？]{0,12}(?:拍了|录了|视频了|发了)`)

// loginWordRe finds an account's login named: "mygov login", "网银登录".
var loginWordRe = regexp.MustCompile(`\blog ?in\b|\bsign ?in details\b|\busername\b|登录名|登录信息|账号和密码`)

// someoneElsesRe finds a relative or friend whose story it is: "my friend
// has been on it", "我婆婆说她".
var someoneElsesRe = regexp.MustCompile(`\bmy (?:friend|mum|mom|dad|mother|father|sister|brother|roommate|flatmate|aunt|uncle|grandma|grandpa|grandmother|grandfather|cousin|son|daughter|wife|husband|gf|bf|girlfriend|boyfriend|parents)\b|我(?:妈|爸|婆婆|公公|奶奶|爷爷|外婆|外公|姥姥|姥爷|老公|老婆|朋友|同学|室友|姐|哥|弟|妹|儿子|女儿|父母|爸妈)`)

// cardPhotoGivenRe finds a card photographed for someone: "银行卡拍照给房东",
// "正反面都拍了", "sent a photo of both sides of my card".
var cardPhotoGivenRe = regexp.MustCompile(`(?:银行卡|信用卡|卡)[^。！？]{0,4}拍(?:了)?(?:照)?(?:给|发给)|(?:卡|银行卡)?正反面都(?:拍|发)了|\b(?:sent|gave|showed) (?:him|her|them|the \w+ )?(?:a )?(?:photo|picture|pic)s? of (?:both sides of )?my (?:bank |debit |credit )?card\b`)

// debitsSeenRe finds money leaving told as debit alerts: "收到好几条扣款
// 短信", "several debits i didnt make".
var debitsSeenRe = regexp.MustCompile(`(?:好几|几|很多|多)条扣款|扣款短信|被扣(?:了)?(?:好几|几)(?:笔|次)|\b(?:several|a few|multiple|lots of) (?:debits|charges|payments|withdrawals)\b[^.!?]{0,30}\b(?:i|she|he|we) (?:didnt|did not|never) (?:make|made|authori[sz]e)`)

// linkClosedRe finds a link closed with nothing typed: "closed it straight
// away", "didnt type anything", "马上关了 什么都没填".
var linkClosedRe = regexp.MustCompile(`\bclosed it\b|\b(?:didnt|did not|never) (?:type|enter|fill)\b|(?:马上|立刻|直接)?关(?:掉)?了|(?:什么|啥)都没(?:填|输)`)

// giftCodesReadRe finds gift card codes read out: "read 2", "read out two
// of the codes", "念了两张".
var giftCodesReadRe = regexp.MustCompile(`^read (?:out )?(?:\d|one|two|three|four|five|both|all|some)\b|\bread (?:out )?(?:\d|one|two|three|four|five|both|all|some)(?: of (?:them|the codes|the cards)| codes?| cards?)\b|\bread (?:out )?(?:the )?codes? (?:to|for) (?:him|her|them)\b|(?:念|读|报)了(?:\d|一|两|二|三|四|五)张|(?:卡密|卡号)(?:都)?(?:念|读|报|发)(?:给他)?了`)

// The short first lines shortTold reads, in its order.
var (
	// consulateCalledRe: "someone from the chinese consulate just called
	// me".
	consulateCalledRe = regexp.MustCompile(`\b(?:consulate|embassy|chinese police|immigration|home office|customs|interpol)\b[^.!?]{0,30}\b(?:just )?(?:called|rang|phoned|video ?called|facetimed) (?:me|my \w+)\b|(?:大使馆|领事馆|使馆|公安|警察|海关)[^。！？]{0,8}(?:刚才|刚刚)?(?:给我)?(?:打电话|来电话|打来电话|视频)`)
	// recordedWantsRe: "girl on insta recorded me and wants 2000".
	recordedWantsRe = regexp.MustCompile(`\brecorded (?:me|him|her|us)\b[^.!?]{0,40}\b(?:wants?|asking for|demands?|threatens?)\b|录(?:了)?(?:我的)?(?:视频|屏)[^。！？]{0,12}(?:要钱|要我给|威胁)`)
	// stuckNeedsMoneyRe: "she says shes stuck at customs and needs money".
	stuckNeedsMoneyRe = regexp.MustCompile(`\b(?:stuck|held|detained|stopped) at (?:customs|the airport|immigration|the border)\b[^.!?]{0,40}\b(?:needs?|wants?|asks? for|asking for) (?:money|cash|\$|£|\d)|(?:被扣在|卡在)(?:海关|机场)[^。！？]{0,12}(?:要钱|要我转|需要钱)`)
	// stillTextingRe: "scammer still texting me what do i say".
	stillTextingRe = regexp.MustCompile(`\b(?:scammer|he|she|they|the guy|this guy)\b[^.!?]{0,12}\b(?:still|keeps?) (?:texting|messaging|calling|dming)\b[^.!?]{0,30}\bwhat (?:do|should) i (?:say|reply|do)\b|(?:骗子|他|她|对方)(?:还在|一直|还)(?:给我)?(?:发消息|发信息|打电话)[^。！？]{0,12}(?:怎么回|回什么|说什么)`)
	// tuitionAgentRe: "agent says 15% off tuition if i pay through him".
	tuitionAgentRe = regexp.MustCompile(`\b(?:agent|someone|he|she|they|a senior|this guy)\b[^.!?]{0,40}(?:\b(?:off|discount)\b[^.!?]{0,20}\btuition\b|\btuition\b[^.!?]{0,30}\b(?:off|discount|cheaper)\b)|(?:中介|代理|学长|学姐|有人|他|她)[^。！？]{0,12}学费[^。！？]{0,12}(?:打折|折扣|便宜)|代缴学费|学费代缴`)
	// platformLegitRe: "is this usdt platform legit".
	platformLegitRe = regexp.MustCompile(`^(?:is|are) (?:this|that|these|the) [^?]{0,40}\b(?:platform|app|exchange|site|website|broker)s? (?:legit|real|safe|a scam)\b|(?:这个|这种)[^。！？]{0,12}(?:平台|app|交易所)(?:是)?(?:正规|真的|靠谱)(?:的)?(?:吗|么|不)`)
	shortToldRe     = regexp.MustCompile(consulateCalledRe.String() + `|` + recordedWantsRe.String() + `|` + stuckNeedsMoneyRe.String() + `|` + stillTextingRe.String() + `|` + tuitionAgentRe.String() + `|` + platformLegitRe.String())
)

// shortTold places the short first lines shortToldRe finds, and the
// mule's work told (muleToldRe, not a recruiter's ad): a call from an
// office (its rule), a recording used to demand money (sextortion),
// someone stuck at customs who needs money (the online partner's
// story), a scammer still writing (what to say, which is nothing), a
// tuition discount through an agent, a platform asked about (how the
// investment platforms work).
func shortTold(n string) Placement {
	switch {
	case muleToldRe.MatchString(n) && !recruitCueRe.MatchString(n):
		// "帮人收了一笔钱 现在卡被冻了": the mule's work told.
		return Placement{Intent: IntentQuestion, Topic: "mule"}
	case recordedWantsRe.MatchString(n):
		return Placement{Intent: IntentQuestion, Topic: "sextortion"}
	case stuckNeedsMoneyRe.MatchString(n):
		return Placement{Intent: IntentQuestion, Topic: "romance"}
	case stillTextingRe.MatchString(n):
		return Placement{Intent: IntentQuestion, Topic: "reply_q"}
	case tuitionAgentRe.MatchString(n):
		return Placement{Intent: IntentQuestion, Topic: "tuition"}
	case platformLegitRe.MatchString(n) && investRe.MatchString(n):
		return Placement{Intent: IntentQuestion, Topic: "explain_pig"}
	case consulateCalledRe.MatchString(n):
		return Placement{Intent: IntentThreatened, Story: true, Topic: posedAs(n)}
	}
	return Placement{Intent: IntentUnclear}
}

// appDeniedRe finds an app denied: "没装app", "didnt install anything".
var appDeniedRe = regexp.MustCompile(`没(?:有)?(?:装|下载|下)(?:app|软件|应用)?|\b(?:didnt|did not|never|havent|have not) (?:install|download)\b`)

// papersToldRe finds papers' numbers told to someone: "我告诉他我护照号了",
// "i told him my passport number".
var papersToldRe = regexp.MustCompile(`(?:告诉|给|发给|报给)(?:了)?(?:他|她|对方|他们)(?:了)?(?:我的?)?(?:护照号|身份证号|护照号码|身份证号码)|\bi (?:told|gave|sent) (?:him|her|them) my (?:passport|id) number\b`)

// visaAgentToldRe finds a visa agent's promise told: "有个中介说能加急
// 有内部渠道", "an agent says he can guarantee my visa".
var visaAgentToldRe = regexp.MustCompile(`(?:中介|代理|agent)[^。！？]{0,20}(?:加急|保签|包过|内部渠道|一周出签|快速出签)|\bagent\b[^.!?]{0,40}\b(?:guarantee|speed up|fast[- ]track|expedite)\b[^.!?]{0,20}\bvisa\b|\bvisa\b[^.!?]{0,40}\bagent\b[^.!?]{0,40}\b(?:guarantee|speed up|fast[- ]track|expedite)`)

// paidThenToldRe finds money gone told in Cantonese or Hong Kong words,
// folded: "过了六万港纸" (过数, transferred), "给了之后他拉黑晒我" (paid,
// then blocked), "入了1500蚊" (put in).
var paidThenToldRe = regexp.MustCompile(`(?:已经)?过了[0-9一二两三四五六七八九十百千万]+(?:万)?(?:港纸|港币|蚊|块|元|纸)|(?:给|付|交|转)了(?:之后|以后|后)[^。！？]{0,6}(?:拉黑|block|删)(?:了|晒)?(?:我)|(?:已经)入了[0-9一二两三四五六七八九十百千万]+(?:蚊|块|元|镑|刀)`)

// qrLoginDoneRe finds an identity login handed over by a scan: "scan QR
// code to log in Singpass for verification, i did it".
var qrLoginDoneRe = regexp.MustCompile(`\bscan(?:ned)? (?:a |the |his |her |their )?qr(?: code)? to log ?in\b[^!?]{0,80}\b(?:i did|did it|done)\b|\b(?:singpass|mygov|id\.me)\b[^!?]{0,60}\b(?:i did it|i did that|i scanned|i logged in)\b`)

// paidViaRe finds a payment told with the service it went through: "used
// wise to pay a fake housing agent", "用wise付给了一个假中介".
var paidViaRe = regexp.MustCompile(`\b(?:i |we |she |he )?(?:used|via|through) (?:wise|paypal|revolut|zelle|venmo|western union|remitly|a bank transfer) to pay (?:a|the|some|this|that|an|him|her|them)\b|用(?:wise|paypal|西联|支付宝|微信)(?:付|转|汇)(?:给)?了`)

// didThatAfterAskRe finds an ask told, then done: "asked me to confirm my
// tax file number and mygov login for the refund. did that".
var didThatAfterAskRe = regexp.MustCompile(`\basked (?:me )?to (?:confirm|give|send|enter|provide|update|verify)\b[^!?]{0,100}\b(?:i )?did (?:that|it|so)\b`)

// toldAfterAskRe finds an ask told, then answered: "asked for my passport
// number and home address and i told her", "so i gave it to them", "她问
// 我护照号和住址我都说了".
// "i told him no" and "told her i'd call back" are not answers.
var toldAfterAskRe = regexp.MustCompile(`(?:问我|跟我要|找我要|要我)(?:要)?(?:的)?[^。！？]{0,16}(?:护照|身份证|卡号|验证码|密码|地址|住址)[^。！？]{0,10}(?:我|都)(?:都|就|也)?(?:说了|告诉(?:她|他|对方)了|给(?:她|他|对方)?了|报(?:给她|给他)?了)|\basked (?:me )?(?:for|what)\b[^.!?]{0,80}\b(?:and|so|then) i (?:just )?(?:told|gave|sent|read out)(?: it| them| all| everything)?(?: to)? (?:her|him|them)\b\s*(?:[.!,]|$|\b(?:what|now|because|cos|coz|bc|is|was|should|did)\b)`)

// declinedRe finds a pitch declined: "i refused", "said no", "拒绝了",
// "sent nothing".
var declinedRe = regexp.MustCompile(`\brefused\b|\bsaid no\b|\bsent nothing\b|\bnothing sent\b|拒绝了|没答应|一分没投|没投`)

// moneyDeniedFirstRe finds a text that opens by saying no money went:
// "没给钱 就是把我爸妈的电话告诉他了" read its "告诉他了" as the parents'
// payment; what was given decides (gaveBesideNothing).
var moneyDeniedFirstRe = regexp.MustCompile(`^(?:我|俺)?(?:一分钱)?(?:没|没有)(?:给|转|付|汇|打)(?:钱|过钱)?|^(?:i )?(?:didnt|did not|never|havent) (?:pay|send|transfer|give)(?: (?:any|anything|money|a penny))*\b|^no money\b`)

// gaveBesideNothing places "no money, but I gave…": "I didn't send any
// money, I just read out the 6-digit code", "我没给钱，但我把我爸妈的电话
// 号码告诉了那个办案人员". Round nineteen: each got "Good, nothing is
// lost" or "Good. Forward a message". What was given decides: a code, a
// card's number or a password is a loss (the bank's steps), papers get
// their own steps, an app or a shared screen the app's, anything else
// (a phone number, an address, a name) what it can and cannot do. n is
// the text's head normalised.
func gaveBesideNothing(n string) (Placement, bool) {
	loc := butGaveRe.FindStringIndex(n)
	given := ""
	if loc != nil {
		given = n[loc[0]:]
	} else if loc = gaveButNoneRe.FindStringIndex(n); loc != nil {
		// "she sent a photo of her passport and her home address but no
		// money": what was given told before the money denied.
		given = n[loc[0]:loc[1]]
	}
	if loc == nil || almostRe.MatchString(n[:loc[1]]) {
		// "好险 差点就转给他了": almost given is not given.
		return Placement{}, false
	}
	switch {
	case secretGivenRe.MatchString(given):
		return Placement{Intent: IntentPaid, Story: true}, true
	case identityRe.MatchString(given):
		return Placement{Intent: IntentPaid, Story: true, Topic: "id"}, true
	case remoteAppRe.MatchString(given):
		return Placement{Intent: IntentApp, Story: true}, true
	case repliedRe.MatchString(given):
		// "我没点链接，但手欠回了个“好”": a reply, which loses nothing
		// but brings more.
		return Placement{Intent: IntentQuestion, Topic: "replied"}, true
	}
	return Placement{Intent: IntentQuestion, Topic: "address_only"}, true
}

// butGaveRe finds something given told after a "nothing": "但我把…告诉了",
// "就告诉了他卡号", "他就要了个验证码" (he only took a code), "I just read
// out the code", "but I gave them…".
var butGaveRe = regexp.MustCompile(`(?:但|但是|不过|可是|就|只)(?:是)?(?:我)?(?:把)?[^，。,.!?！？]{0,20}?(?:告诉|给|发给|发|念|读|报|填|输|装|下载|回|回复)(?:了)?(?:他|她|对方)?了|(?:他|她|对方)(?:就|只)(?:是)?(?:要了|拿了)|\b(?:but|just|only)\b(?: i)?(?: \w+)? (?:gave|read|told|sent|typed|entered|shared|showed|installed|downloaded|replied|filled(?: out| in)?)\b`)

// recruitCueRe finds an ad's call to contact its writer: "有兴趣私聊",
// "dm me", "联系我".
var recruitCueRe = regexp.MustCompile(`有兴趣|私聊|私信我|加我|联系我|\b(?:dm me|message me|contact me|text me|pm me|interested\?)`)

// cashInHandRe finds cash taken out to hand over: "拿了两万出来在手里",
// "现金取好了", "i took the cash out, he's waiting outside".
var cashInHandRe = regexp.MustCompile(`(?:已经)?取了[0-9一二两三四五六七八九十百千万]+(?:块|元|刀|镑|美元|加币|澳元)?(?:的)?现金|\b(?:i )?(?:already )?(?:withdrew|took out|pulled out) (?:\$|£|€)?\d[\d,]*k? (?:in )?cash\b|(?:拿|取)(?:了)?[^，。！？]{0,6}(?:出来|现金)[^，。！？]{0,4}(?:在手里|准备|给他)|现金(?:已经)?(?:准备好|取好|拿好|取出来)了|\b(?:took|got|withdrew|taken) (?:the |out the )?(?:cash|money) (?:out|ready)\b[^.!?]{0,40}\b(?:waiting|outside|at the door|give (?:it|him|her))\b`)

// keptOnCallRe finds a caller who forbids hanging up, or the person
// typing during the call: "if i hang up it counts as obstruction", "told
// me not to hang up", "typing w one hand", "不让我挂电话".
var keptOnCallRe = regexp.MustCompile(`\b(?:keep|kept|leave|left|have|had) (?:the |my )?(?:skype|video|camera|zoom|facetime|wechat|whatsapp)(?: video| call| camera)? on (?:all day|all night|the whole time|24/7|so (?:they|he|she) can (?:monitor|watch|see))|\bif i hang up\b|\b(?:told|tell|tells|telling) me not to hang up\b|\b(?:i )?(?:cant|can't|cannot|must not|mustn't|not allowed to) hang up\b|\btyping (?:with |w |w/ )?one hand\b|不(?:能|让我|准|许|让)挂(?:电话)?|挂了(?:电话)?就(?:算|是|会)`)

// deniedRetractedRe finds "no money went" taken back: "我说我妈没给钱 我搞
// 错了", "i said i didnt pay but i was wrong", "actually she did pay".
var deniedRetractedRe = regexp.MustCompile(`没(?:有)?(?:给|转|付|汇)(?:钱|账)?[^。！？]{0,8}(?:我)?(?:搞错了|说错了|记错了)|\b(?:didnt|did not|never|havent) (?:pay|send|transfer)\b[^.!?]{0,30}\b(?:i was wrong|my mistake|i got (?:it|that) wrong)\b|\bactually (?:she|he|they|i|we|my \w+) did (?:pay|send|transfer)\b`)

// gaveButNoneRe finds something given told before "but no money": "she
// sent a photo of her passport… but no money", "发了护照照片 但是没转钱".
var gaveButNoneRe = regexp.MustCompile(`\b(?:recorded|filmed|sent|gave|showed|uploaded|took)\b[^.!?]{0,120}\b(?:passport|id card|selfie)\b[^!?]{0,80}\b(?:didnt|did not|never|havent|have not) (?:pay|send|transfer)\b|\b(?:i|she|he|they|we|my \w+|an? (?:old |older |elderly )?(?:person|man|woman|lady|relative|student|friend|parent|grandparent))\s+(?:sent|gave|told|read|shared|showed|typed|entered)\b[^.!?]{0,80}\bbut (?:no money|not any money|nothing else|didnt pay|did not pay|never paid|didnt send money|no payment)\b|\b(?:passport|id card|selfie)\b[^!?]{0,120}\bno money (?:involved|sent|paid|lost|taken)\b|(?:发了|给了|告诉了|念了|报了)[^。！？]{0,24}(?:但是?|不过|可是)(?:钱)?(?:没|没有)(?:给|转|付|汇)`)

// almostRe finds "almost": 差点, "nearly".
var almostRe = regexp.MustCompile(`差点|差一点|险些|\balmost\b|\bnearly\b`)

// repliedRe finds a reply sent: "回了个好", "but i replied".
var repliedRe = regexp.MustCompile(`回了|回复了|\breplied\b`)

// secretGivenRe finds what opens an account or a card: a code (验证吗, a
// voice typing's 验证码), a card's number, a password.
var secretGivenRe = regexp.MustCompile(`验证码|验证吗|动态码|密码|卡号|有效期|安全码|\bcvv\b|\bcodes?\b|\bpins?\b|password|passcode|card (?:number|details)|expiry|\botp\b|\b[0-9]-digit\b`)

// unclearTold places what the phrase lists left unclear ("is this a
// message, or something that happened?") by the signs of a scam going on
// told in it (round nineteen): the person would otherwise be asked a
// question mid-crisis.
func unclearTold(s State, text string, f features) (Placement, bool) {
	u := understanding
	n := u.normalize(text)
	if f.secondPerson || !f.firstPersonAny && !f.mine && f.family < 0 && tableState(s) == "start" && !someoneElseRe.MatchString(n) {
		// Mid-conversation, a piece with no I ("her phone is off",
		// "视频请求现在一直在响") is still the person's telling; so is a
		// text about a classmate or a student ("一个学弟说接到…").
		return Placement{}, false
	}
	if topic := toldTopic(n, false); topic != "" {
		// "我女儿在英国读书 刚才微信收到陌生人发的视频 我女儿眼睛被蒙着在哭",
		// "The number on my screen was literally the Chinese embassy's
		// number", "he sent me a picture of his police id": a scam's
		// step told, with one answer (toldTopics).
		return Placement{Intent: IntentQuestion, Topic: topic}, true
	}
	switch {
	case valuablesHandedRe.MatchString(n) && !muleToldRe.MatchString(n):
		// "my grandma handed her gold bracelet to the policeman at the
		// door": the steps after valuables handed over, police first, as
		// for the same told with a threat or at a door.
		return Placement{Intent: IntentQuestion, Topic: "valuables"}, true
	case muleToldRe.MatchString(n) && !recruitCueRe.MatchString(n):
		// "my roommate gets phones delivered to our flat and re-posts
		// them to shenzhen for some guy, is that legal": the mule's work
		// told of someone; a recruiter's ad that asks to be contacted is a
		// message (round twenty).
		return Placement{Intent: IntentQuestion, Topic: "mule"}, true
	case cashInHandRe.MatchString(n):
		// "我已经拿了两万出来在手里" with a courier at the door: money
		// about to be handed over; stop first (round twenty).
		return Placement{Intent: IntentQuestion, Topic: "at_bank"}, true
	case keptOnCallRe.MatchString(n):
		// "they said if i hang up it counts as obstruction. typing w one
		// hand": a caller who forbids hanging up is still on the line;
		// hang up first (round twenty).
		return Placement{Intent: IntentOnCall, Story: true}, true
	case deniedRetractedRe.MatchString(n):
		// "刚才我说我妈没给钱 我搞错了": a "no money went" taken back is
		// money gone; the steps after a payment (round twenty).
		return Placement{Intent: IntentPaid, Story: true}, true
	case passwordFilledRe.MatchString(n) && !passwordKeptRe.MatchString(n):
		// "让我填学号还有学校邮箱密码 我都填了": a password typed into
		// someone's form; change it now, from a device they never
		// touched (round twenty-one: "is this a message?").
		return Placement{Intent: IntentQuestion, Topic: "change_password"}, true
	case codeGivenRe.MatchString(n) && !codeKeptRe.MatchString(n):
		// "他说会发个验证码 念给他就行 我就念了": a code read out is a
		// loss told; the bank's steps.
		return Placement{Intent: IntentPaid, Story: true}, true
	case clickedAloneRe.MatchString(n):
		// "我点了" after a message was discussed: the link opened.
		return Placement{Intent: IntentApp, Story: true, Topic: "link"}, true
	case officialChatRe.MatchString(n):
		// "他让我加一个检察官的微信": an officer met on a chat app is the
		// fake police's next step.
		return Placement{Intent: IntentThreatened, Story: true}, true
	case ringingNowRe.MatchString(n):
		// "视频请求现在一直在响": a call still coming in; not answering
		// it, as hanging up, is the step.
		return Placement{Intent: IntentOnCall, Story: true}, true
	case (f.family >= 0 || thirdPersonRe.MatchString(n)) && unreachableRe.MatchString(n):
		// "我打我女儿电话关机 微信也不回": a relative not reached, told
		// alone; reaching them comes first.
		return Placement{Intent: IntentThreatened, Story: true, Topic: "relative"}, true
	case someoneElseRe.MatchString(n) && callerClaimRe.MatchString(n):
		// "一个学弟说接到“领事馆”电话 要先核对银行卡才能领文件": a call
		// from someone posing as an office, told of someone else (not
		// "we've called the bank", the person's own step).
		return Placement{Intent: IntentThreatened, Story: true, Topic: posedAs(n)}, true
	case noCallExcuseRe.MatchString(n):
		// "我打他微信视频 他秒挂 说在开会不方便接电话 只能打字": the
		// mark of an account taken over; the warning about asks.
		return Placement{Intent: IntentUnclear, Asks: true}, true
	case secrecyToldRe.MatchString(n):
		// 'ok she just said "I won't tell my children"': secrecy promised
		// to a caller is the scam's own demand; the warning about asks
		// (round nineteen: "is this a message?").
		return Placement{Intent: IntentUnclear, Asks: true}, true
	case faceScanRe.MatchString(n):
		// "一个小伙子打时频来叫我对到手机眨眼睛张嘴巴说是养老金年审认证",
		// "asked me to turn my head left and right and blink for identity
		// verification": a face scan taken on a call opens accounts and
		// loans in the person's name; the steps for papers given.
		return Placement{Intent: IntentPaid, Story: true, Topic: "id"}, true
	case f.family >= 0 && bailRe.MatchString(n):
		// "叫我在一张担保书上签名…他说这样我孙子就能取保了": a relative
		// said to be held, and a bail asked; reaching them comes first.
		return Placement{Intent: IntentThreatened, Story: true, Topic: "relative"}, true
	case investPitchToldRe.MatchString(n):
		// "家族群里一个不认识的人加了我奶奶…最近开始说他有个内部投资渠道能带
		// 她赚钱", "my dad joined a whatsapp stock group… two lecturers do
		// live sessions": the investment scam's pitch, told.
		return Placement{Intent: IntentQuestion, Topic: "invest_offer"}, true
	case kidnapLeftRe.MatchString(n):
		// "室友说他前天拿着行李出去了 说是要去处理什么事": a student gone
		// with a bag, told by whoever is looking for them.
		return Placement{Intent: IntentQuestion, Topic: "explain_kidnap"}, true
	case accusationToldRe.MatchString(n):
		// "They said I was involved in illegally buying and mailing
		// anti-epidemic materials and they have a case file": the fake
		// police's accusation, told with no office named.
		return Placement{Intent: IntentThreatened, Story: true}, true
	}
	if !thirdSaysRe.MatchString(n) && !relativeSaysRe.MatchString(n) {
		return Placement{}, false
	}
	for _, m := range u.matches(u.core(text), tableState(s)) {
		// "he says … i opened a \"student loan\" account on JD and now
		// regulations say students abroad must close it or it hurts my
		// personal credit record": a scam's pitch told as what someone
		// says; its warning answers it, as does the one-text answer to a
		// question inside it ("my brother… says Chinese police told him…
		// He won't listen to me"). Only told ("he says", "my brother
		// says", "他说"): a message left unclear may be the scam itself,
		// to be checked.
		if g := u.groups[m.group]; g.Intent == IntentQuestion && (warningTopics[g.Topic] || stepAnswers[g.Topic] != nil) {
			return Placement{Intent: IntentQuestion, Topic: g.Topic}, true
		}
	}
	return Placement{}, false
}

// readText keeps what placeText read of a text, for the cases after it:
// features cost as much as the rest of the placing.
type readText struct {
	text string // the head placeText read
	f    features
	ok   bool // set once f is computed
}

// placeText is understand before unclearTold; read gets the features it
// computed, if it got that far.
func placeText(s State, text string, forwarded bool, read *readText) Placement {
	if forwarded {
		return Placement{Intent: IntentCheck, Asks: understanding.asks(text)}
	}
	text = headOf(text)
	u := understanding
	if crisisRe.MatchString(u.normalize(text)) {
		// "i lost everything, i want to die", "我朋友被骗了30万 她想不开":
		// a life at risk comes before any money.
		return Placement{Intent: IntentQuestion, Topic: "crisis"}
	}
	if bareNumberRe.MatchString(strings.TrimSpace(text)) {
		// "+86 10 12308", "+44 7700 900214" sent alone: whose number is
		// it? A verdict on digits would seem to vouch for them.
		return Placement{Intent: IntentQuestion, Topic: "number"}
	}
	core := u.core(text)
	if core == "" {
		if strings.ContainsAny(text, "?？") {
			return Placement{Intent: IntentQuestion, Topic: "what"}
		}
		return Placement{Intent: IntentSmalltalk, Topic: "ok"} // emoji, "…"
	}
	f := u.features(s, text)
	*read = readText{text: text, f: f, ok: true}
	state := tableState(s)
	if topic, ok := u.smalltalkLines(s, text); ok {
		// "hi", "thanks", "👍" typed on separate lines and sent as one
		// message: still small talk, never a message to check.
		return Placement{Intent: IntentSmalltalk, Topic: topic}
	}
	for _, in := range []Intent{IntentYes, IntentNo, IntentNone, IntentUnclear, IntentSmalltalk, IntentRequest, IntentQuestion} {
		if topic, ok := f.whole[in]; ok {
			return Placement{Intent: in, Topic: topic}
		}
	}
	if p, ok := typedLabel(core); ok {
		// A button's words typed (or pasted back): what the press does.
		return p
	}
	if topic, ok := u.smalltalkRun(state, core); ok {
		return Placement{Intent: IntentSmalltalk, Topic: topic}
	}
	if state == "quiz" {
		// A yes or no that says more ("yes, he said not to tell anyone").
		y, n := f.intents[IntentYes], f.intents[IntentNo]
		switch {
		case n > 0 && n >= y:
			return Placement{Intent: IntentNo}
		case y > 0:
			return Placement{Intent: IntentYes}
		}
	}
	if quote, rest, ok := quotedMessage(text); ok && state != "quiz" && !u.tells(s, rest) && !quoteTold(state, f, quote, rest) &&
		!relativeQuoted(f, text[:max(strings.Index(text, quote), 0)], quote) {
		// `my landlord sent this, is it legit? "Please pay the deposit
		// …"`: the quoted words are a message, whatever the person
		// says of it, unless they also tell what happened ("…" and I
		// paid) or the quote is a piece of their telling (quoteTold).
		return Placement{Intent: IntentCheck, Asks: u.asks(quote), Quote: quote}
	}
	if block, rest, ok := pastedBlock(text); ok && state != "quiz" && !u.tells(s, rest) {
		// "这是真的银行短信吗 我确实刚交了房租\n\n【江海银行】您尾号3306…": a
		// message pasted as its own paragraph, with the person's
		// question above or below it, is a message to check, alone.
		return Placement{Intent: IntentCheck, Asks: u.asks(block), Quote: block}
	}
	// The normalised text, for the regexps of the cases below.
	n := u.normalize(text)
	if unknownChargeRe.MatchString(n) && (f.firstPerson || !f.secondPerson) {
		// "i never made that purchase on my card", "我那个时间在睡觉，根本
		// 没刷过卡": a payment the person did not make, whether a real
		// alert told them or a fake one; either way the bank, on the
		// card's own number (round nineteen: before, "is this a
		// message?", or the steps after a loss for the money of a
		// charge that may not exist). A message saying "if you did not
		// make this payment" speaks to its reader, not as the person.
		return Placement{Intent: IntentQuestion, Topic: "unknown_charge"}
	}
	tell := 0
	for _, in := range telling {
		tell += f.intents[in]
	}
	if f.recovery && f.intents[IntentPaid] == 0 && f.intents[IntentOnCall] == 0 && f.intents[IntentApp] == 0 && !f.speaksToReaderOnly() {
		// "a lawyer says he can get my money back for 10% upfront",
		// "银行客服说追不回来了 但是可以帮我走保险理赔 要先交手续费": an
		// offer to recover money for a fee is a second scam, whoever
		// makes it; said so before anything else it holds.
		return Placement{Intent: IntentQuestion, Topic: "recovery"}
	}
	// The person's own story: I, my or a relative named, and no reader
	// spoken to anywhere (a pasted threat says "你的裸聊视频", "I recorded
	// you"; masked phrases could hide its "you").
	// A number or a link of its own makes it a message ("…加扣扣 2938840115
	// 处理"): a story tells of them, seldom quotes them.
	unaddressed := !f.secondPerson && !secondPersonRe.MatchString(n) && !phoneRe.MatchString(text) && !linkRe.MatchString(text)
	if f.topic[IntentQuestion] == "fee_to_release" && (f.intents[IntentPaid] == 0 || conditionalPaidRe.MatchString(n) && !paidAlreadyRe.MatchString(n)) &&
		unaddressed && !handleRe.MatchString(n) {
		// "我准备在一个app上贷款 他说我银行卡号填错了要交2000解冻金才能放款
		// 交了就能到账吧": a fee asked before a loan or funds are released,
		// told before paying; its 交了 and "app" read as a payment made and
		// an app installed (round seventeen). A notice that speaks to its
		// reader is checked.
		return Placement{Intent: IntentQuestion, Topic: "fee_to_release"}
	}
	if f.topic[IntentQuestion] == "credit_repair" && f.intents[IntentPaid] == 0 && questionAskedRe.MatchString(n) &&
		unaddressed && !handleRe.MatchString(n) && !adContactRe.MatchString(n) {
		// "征信能找人花钱删掉逾期记录吗 有人说他内部有关系": an offer to
		// clean a credit record for money, asked about; its "逾期" reads
		// like a lender's message, and "no known warning signs" was the
		// answer (round seventeen). Only asked, and to no reader: the ad
		// itself ("我们可以帮你修复征信", "先付定金") is checked.
		return Placement{Intent: IntentQuestion, Topic: "credit_repair"}
	}
	ownStory := (f.firstPerson || f.mine || f.family >= 0) && unaddressed
	// "i got a missed call from +44 7700 900123 should i call back": the
	// number is the one that called, told by the person; a pasted "You
	// have a missed call, call back on …" speaks to its reader and is
	// checked.
	ownCallerNumber := f.topic[IntentQuestion] == "unknown_calls" && (f.firstPerson || !f.addressed && f.phraseCheck == 0) && !f.secondPerson &&
		!secondPersonRe.MatchString(n) && !linkRe.MatchString(text)
	// "is it legit if a job pays u to like youtube videos", "i took out
	// 500 in profit so it can't be fake, right?": a question or a doubt
	// about an offer, whose "u" is anyone; a paste that holds a link, a
	// number or a handle is checked.
	asksAboutOffer := (f.asksReal || howToTellRe.MatchString(n)) && storyTopics[f.topic[IntentQuestion]] && !phoneRe.MatchString(text) &&
		!linkRe.MatchString(text) && !handleRe.MatchString(n)
	// "外婆去银行了", "dad paying now stop him": a relative named first,
	// then what they do (tellsOfSomeone), is the person's own story too.
	relativeTold := unaddressed && bareRelativeRe.MatchString(n)
	// "about to wire 40k from the branch, teller went to get a manager":
	// money about to leave, told without an I; a message does not say
	// where its reader stands.
	ownStory = ownStory || ownCallerNumber || asksAboutOffer || relativeTold || f.atBank && unaddressed
	if (state == "verdict" || state == "steps") && unaddressed && (utf8.RuneCountInString(core) <= longRunes ||
		f.intents[IntentQuestion] > 0 && storyTopics[f.topic[IntentQuestion]]) {
		// A short follow-up to a verdict ("可以不理吗", "what should i
		// reply") is the person's own question, with or without an I;
		// so is a longer one that tells what the answer is about ("She
		// already took the cash out of the bank and it's in an envelope
		// by the door. The 'lawyer' comes at 5"), which speaks to no
		// reader.
		ownStory = true
	}
	if f.sextortion && f.intents[IntentPaid] == 0 && ownStory {
		// "im being blackmailed with my photos", "裸聊被录了视频 说要发给我
		// 通讯录": what to do about blackmail (pay nothing, keep the
		// evidence, report), before anything its words also tell: a
		// hacked account, a threat. Paid already: the bank's steps.
		return Placement{Intent: IntentQuestion, Topic: "sextortion"}
	}
	if f.intervention && f.intents[IntentPaid] == 0 && ownStory {
		// "我在银行 工作人员说我可能被骗了", "the bank stopped my payment
		// and says it might be a scam but the guy says it's fine", "警察
		// 来我家了 说我被骗了 我不信": the bank or the police stepping in
		// is the help, not the threat; listen to them, tell them
		// everything, send nothing.
		return Placement{Intent: IntentQuestion, Topic: "intervention"}
	}
	if f.atBank && f.intents[IntentPaid] > 0 && futurePayRe.MatchString(n) && !paidAlreadyRe.MatchString(n) && f.family < 0 {
		// "他说今晚12点之前必须把保证金转过去 我等下就去转了": the money is
		// about to go, not gone; stop comes first, not the bank's steps
		// after a loss (round seventeen).
		return Placement{Intent: IntentQuestion, Topic: "at_bank"}
	}
	gathering := gatheringMoneyRe.MatchString(n) && notYetRe.MatchString(n)
	if !f.atBank && (aboutToPayRe.MatchString(n) || gathering) && !paidAlreadyRe.MatchString(n) && unaddressed && f.check == f.phraseCheck &&
		(f.intents[IntentNone] == 0 || gathering) && !notPayingRe.MatchString(n) {
		// "was going to send it by bank transfer in like 10 mins, my mum
		// says just do it", "我一会儿就转过去": money about to go, typed
		// in the person's own words away from any counter; wait and
		// check first, not a verdict on the words (round eighteen).
		return Placement{Intent: IntentQuestion, Topic: "about_to_pay"}
	}
	if loc := sentLinkRe.FindStringIndex(n); loc != nil && loc[0] == 0 && !f.secondPerson && f.intents[IntentPaid] == 0 {
		// "they sent a link visa-au-fine.check-top.cc and a \"notice\" PDF
		// with a red stamp": a link told, not the message it came in; a
		// verdict on the person's words about it said "no known warning
		// signs" right after a visa-fine threat (round eighteen).
		return Placement{Intent: IntentQuestion, Topic: "link_alone"}
	}
	if f.atBank && f.intents[IntentPaid] == 0 && ownStory && tell > 0 && f.family < 0 {
		// "我在银行柜台 准备汇款给一个领事馆的人": about to pay, at the
		// counter: stop, and tell the staff.
		return Placement{Intent: IntentQuestion, Topic: "at_bank"}
	}
	if f.prizeFee && f.intents[IntentPaid] == 0 && !describesMessage(text) && unaddressed {
		// "有人打电话说我中了大奖 要先交个人所得税": the prize told, and its
		// fee; said before the police rule its "说我" would bring. Its "我"
		// is the one spoken of ("说我"), so no own-story test: a pasted
		// prize speaks to its reader ("恭喜您"), and a message described
		// ("i got a text saying i won") is asked for.
		return Placement{Intent: IntentQuestion, Topic: "prize_fee"}
	}
	if f.violent && f.intents[IntentPaid] == 0 && ownStory {
		// "he said he would kill my family if i dont pay": safety first
		// (the emergency number), then pay nothing and report.
		return Placement{Intent: IntentQuestion, Topic: "violent_threat"}
	}
	if f.topic[IntentQuestion] == "job_abroad" && f.intents[IntentPaid] == 0 && ownStory && !handleRe.MatchString(n) &&
		!adContactRe.MatchString(n) {
		// "got offered a job in Cambodia, they paid my flight, someone
		// picks me up at the border", "朋友介绍去缅甸做客服 包机票": the
		// road into a scam compound, told; don't go, whatever the
		// customer-service words of the offer read like (round
		// seventeen). The ad itself, with its WeChat or Telegram handle,
		// is a message to check.
		return Placement{Intent: IntentQuestion, Topic: "job_abroad"}
	}
	if f.romance && f.family < 0 && !f.secondPerson && f.intents[IntentPaid] == 0 && investRe.MatchString(n) && handleRe.MatchString(n) {
		// "met a girl on instagram @mei.invests.daily, she's in dubai…
		// she trades crypto and gold": someone met online who talks of
		// trading, with her handle told; the handle read as a message's
		// contact and got "no known warning signs" (round eighteen).
		return Placement{Intent: IntentQuestion, Topic: "romance"}
	}
	if topic, ok := practiceTopic(n); ok && f.intents[IntentPaid] == 0 && f.intents[IntentOnCall] == 0 &&
		!f.secondPerson && !linkRe.MatchString(text) && !phoneRe.MatchString(text) {
		// "does the bank ever ask for my pin over the phone", "is it
		// normal that a job asks me to pay for training first", "公安会
		// 不会让人转账": a question about what an office, an employer or a
		// landlord does, told by who and what, not by a phrase list
		// (round eighteen: these were asked "is this a message?").
		return Placement{Intent: IntentQuestion, Topic: topic}
	}
	if practiceTopics[f.topic[IntentQuestion]] && isItNormalRe.MatchString(n) && f.intents[IntentPaid] == 0 &&
		f.intents[IntentOnCall] == 0 && f.ask == 0 {
		// "is it normal for a recruiter to ask for my passport and bank
		// details before an interview": a question about what a
		// recruiter, landlord or seller does, whose "my passport" reads
		// like a threat told (round seventeen).
		return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
	}
	// "给商家视频点赞关注，一单3-5元…感兴趣加我V：lanlan_jz0821": a task
	// job's own ad, with its handle and no one telling of it, is a message
	// to check (round sixteen, set xx).
	adWithHandle := f.taskJob && handleRe.MatchString(n) && !toldFrameRe.MatchString(n)
	if (f.marketplace || f.taskJob) && f.intents[IntentPaid] == 0 && f.intents[IntentOnCall] == 0 && ownStory && !adWithHandle {
		// "卖家让我加微信付款", "闲鱼买家说我没开通保证金 要我先交两千",
		// "我同学在群里发了一个兼职 说点赞就能赚钱": what the ask is,
		// before anything is paid; paid already, the bank's steps.
		topic := "marketplace"
		if !f.marketplace {
			topic = "task_job"
		}
		return Placement{Intent: IntentQuestion, Topic: topic}
	}
	if (f.overpaid || f.mistaken) && tell > 0 && tell == f.intents[IntentPaid] && !iSentRe.MatchString(n) && !f.secondPerson {
		// "someone sent money to my account by mistake and asked me to
		// send it back": the money told is theirs, coming in; nothing
		// of the person's has gone yet.
		tell = 0
	}
	if f.atBank && tell == 0 && !f.secondPerson {
		// "现在在比特币机器前面 他让我扫码 我还没扫": at a cash or crypto
		// machine or a counter, about to pay: stop comes first, whatever
		// else the text names (a QR code, a refund).
		return Placement{Intent: IntentQuestion, Topic: "at_bank"}
	}
	if (f.mule || f.overpaid || f.mistaken || f.rental || f.qrRefund) && tell == 0 && (f.firstPerson || f.mine || f.family >= 0) && !f.secondPerson {
		// "我朋友让我帮他收一笔钱再转出去 给我好处费", "the buyer
		// overpaid and wants the difference back": told before anything
		// was sent, the one thing to know is what the ask is (money
		// laundering; a payment that will bounce), not "is this a
		// message?". Once money went, the telling intents answer; an ad
		// that names no one ("帮忙收款转账 日结") or one that speaks to
		// its reader ("I overpaid you, send back the difference") is a
		// message to check.
		topic := "mule"
		switch {
		case f.mule:
		case f.overpaid:
			topic = "overpaid"
		case f.mistaken:
			topic = "mistaken"
		case f.rental:
			topic = "rental"
		default:
			topic = "qr_refund"
		}
		return Placement{Intent: IntentQuestion, Topic: topic}
	}
	if f.topic[IntentQuestion] == "frozen" && tell == f.intents[IntentThreatened] && f.ask == 0 && !f.speaksToReaderOnly() &&
		unaddressed {
		// "我的银行卡被冻结了 说是收到了涉案资金": an account the person
		// says is frozen may really be (money from a fraud passed
		// through it); how to check that with the bank, and that no
		// one unfreezes it for a fee, not the rule for a threat. Not
		// "can I use your bank account … my account got frozen": a
		// mule's ask pasted, which speaks to its reader.
		return Placement{Intent: IntentQuestion, Topic: "frozen"}
	}
	if lt := f.topic[IntentQuestion]; (lt == "leaked" || lt == "leaked_knows") &&
		(tell == f.intents[IntentThreatened] || lt == "leaked_knows" && tell == f.intents[IntentThreatened]+f.paidID && !gaveRe.MatchString(n)) {
		// "他怎么知道我的护照号的", "but he knows my passport number":
		// asking how a caller knew them, or doubting because they did,
		// whose 护照 reads like a threat told; leaked data answers it, after
		// the rule that unmasks the call when more of a threat is told
		// ("…they said it was used for money laundering").
		if tell > 1 || tell == 1 && !leakedOnlyRe.MatchString(n) {
			return Placement{Intent: IntentQuestion, Topic: "leaked_threat"}
		}
		return Placement{Intent: IntentQuestion, Topic: lt}
	}
	if f.topic[IntentQuestion] == "lost" && tell == f.intents[IntentThreatened] && tell <= 1 &&
		policeSaidRe.MatchString(n) && !lostAskRe.MatchString(n) {
		// "警察说这种案子很多 基本追不回来": the police the person
		// reported to, whose "警察说" reads like a threat's start.
		return Placement{Intent: IntentQuestion, Topic: "lost"}
	}
	if tell == 0 && f.posing && f.family >= 0 && !f.firstPerson {
		// "my grandma got a text from me saying i need money but it
		// wasnt me": someone posing as the person typing asked a
		// relative, and nothing else is told; they call the relative.
		return Placement{Intent: IntentAccount, Topic: "friend", Story: true, Family: true, AboutMe: true}
	}
	story := tell + f.story + f.intents[IntentNone]
	runes := utf8.RuneCountInString(core)
	if tell == 0 && f.ask == 0 && f.phraseCheck == 0 && runes <= 2*longRunes &&
		(f.asksNumber || f.asksReal && phoneRe.MatchString(text)) {
		// "The consulate number is +44 …, is it real?" asks about a
		// number: its digits make it look like a message, but a verdict
		// on it would seem to vouch for the number. A text that speaks
		// to a reader ("请拨打官方电话 …") is a message to check.
		return Placement{Intent: IntentQuestion, Topic: "number"}
	}
	if f.check > story || tell > 0 && f.speaksToReaderOnly() {
		switch {
		case tell == 0 && f.intents[IntentRequest] > 0 && f.ask == 0 && f.check == f.phraseCheck:
			// "I'm the president of our CSSA, can you give us a
			// warning to post?": a request for the warning, whose
			// "our" and "you" read like a message's; one with a link,
			// a number or a handle stays a message.
			return Placement{Intent: IntentRequest, Topic: f.topic[IntentRequest]}
		case tell == 0 && (f.topic[IntentQuestion] == "lookalike_link" || f.topic[IntentQuestion] == "officials"):
			// "说是京东退款 但是网址很奇怪", "请问真的警察会让你对家人保密吗":
			// the person's own doubt about an address, or a question about
			// what real officials do, whose "you" is anyone; never a
			// verdict on their words.
			return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
		case tell == 0 && relativeTold && f.topic[IntentQuestion] != "" && f.topic[IntentQuestion] != "what":
			// "dad paying now stop him": a relative named bare and what
			// they do, whose "stop him" reads like a message's.
			return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion], Family: true}
		case tell == 0 && f.ask == 0 && strings.HasPrefix(n, "if ") && describedMessageRe.MatchString(n):
			// "If a text says its from DBS and has a link to verify my
			// account, is that real?": a message described, asked about;
			// the message itself is what can be checked (round
			// seventeen).
			return Placement{Intent: IntentQuestion, Topic: "real"}
		case tell == 0 && f.ask == 0 && f.check == f.phraseCheck && f.topic[IntentQuestion] == "rental" && !f.secondPerson:
			// "found a studio in london zone 2 for £900 a month which is
			// insanely cheap": the person's own words about a flat, whose
			// "a month" reads like an ad's; no link, number or handle to
			// check (round eighteen: it got "no known warning signs").
			return Placement{Intent: IntentQuestion, Topic: "rental"}
		case (state != "start" || s.Pieces > 0) && tell == 0 && f.phraseCheck == 0 && f.story == 0 && unaddressed &&
			!f.addressed && saidRe.MatchString(n):
			// "the mentor @liuyun_taskteam say everybody is like this",
			// mid-story: someone's words told with their handle, whose
			// handle read as a message's contact (round eighteen: it got
			// "no known warning signs").
			return Placement{Intent: IntentUnclear}
		case tell == 0 && ownCallerNumber && !f.firstPerson:
			// "weird call just now from 020 7946 0321": a call told with
			// its number and no I; the number is the caller's, not a
			// message's (round eighteen: it got "no known warning signs").
			return Placement{Intent: IntentQuestion, Topic: "unknown_calls"}
		case tell == 0 && unaddressed && metOnlineRe.MatchString(n):
			// "matched with a guy on tinder, we have not met yet, he is
			// an engineer on a ship": the person's own story with its I
			// dropped, whose "we have" reads like a message's (round
			// nineteen: it got "no known warning signs").
			if f.ask > 0 || investRe.MatchString(n) || romanceTellRe.MatchString(n) {
				return Placement{Intent: IntentQuestion, Topic: "romance"}
			}
			return Placement{Intent: IntentUnclear}
		case !f.ownWords():
			return Placement{Intent: IntentCheck, Asks: f.ask > 0}
		case tell == 0 && (ownCallerNumber || asksAboutOffer):
			return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
		case tell == 0 && f.topic[IntentQuestion] == "tuition":
			// "a senior in our group offers to pay my fees at a
			// discount": the person's words about tuition, whose "our"
			// reads like a message's.
			return Placement{Intent: IntentQuestion, Topic: "tuition"}
		case tell == 0 && f.intents[IntentQuestion] > 0 && ownStory && f.check == f.phraseCheck && (state == "verdict" || state == "steps"):
			// "it says my account will be closed in 24 hours what
			// happens if i ignore", after a verdict: the person retells
			// the message just checked and asks about it; its "account
			// will" reads like a message's.
			return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
		case tell == 0 && askedAfterNothingLost[f.topic[IntentQuestion]] && f.check == f.phraseCheck && questionAskedRe.MatchString(n):
			// "I posted a warning in our group and filed a report, do I
			// also contact the consulate?", "is this chat private?": the
			// person's own question, whose "a warning" or "our" reads
			// like a message's; no link, number or handle in it.
			return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
		case tell == 0 && f.intents[IntentRequest] == 0:
			return Placement{Intent: IntentUnclear, Asks: f.ask > 0, Topic: f.topic[IntentUnclear]}
		}
		// The person's own words telling what happened: the steps below;
		// or asking for what a button gives ("我是领事馆的工作人员，怎么
		// 提醒同学们"), whose 我是 reads like a message's.
	}
	if f.intents[IntentNone] > 0 && f.intents[IntentPaid] > 0 && f.intents[IntentPaid] == tell &&
		notYetDoneRe.MatchString(n) && toldToRe.MatchString(n) && !paidAlreadyRe.MatchString(n) {
		// "还没转 他让我今天之内转过去": the paid word is what the caller
		// asks for, not what was done; the warning about asks, not the
		// steps after a loss.
		return Placement{Intent: IntentUnclear, Asks: true}
	}
	for _, in := range telling {
		if f.intents[in] > 0 {
			if in == IntentPaid && f.intents[IntentApp] > 0 && f.paidTyped == f.intents[in] && remoteAppRe.MatchString(n) {
				// "i installed it and typed my password while he
				// watched": a password typed under a remote-control
				// app; the app's steps (stop sharing, go offline)
				// come first, and they end with the bank.
				continue
			}
			family := f.familyStory()
			if in == IntentPaid && f.paidDial == f.intents[in] && !family {
				if f.topic[IntentUnclear] == "called" {
					// "上面有个电话叫我打过去 我打过去了": the number they
					// were told to ring, rung; no money in it.
					return Placement{Intent: IntentUnclear, Topic: "called"}
				}
				if !valuablesRe.MatchString(n) && !amountRe.MatchString(n) {
					// "我已经打过去了" is a call made as well as money
					// sent: ask which rather than send a person who
					// only called back to their bank.
					return Placement{Intent: IntentUnclear, Topic: "called_or_paid"}
				}
			}
			p := Placement{Intent: in, Story: true, Family: family, AboutMe: family && (f.me || f.posing), OtherInTrouble: family && f.trouble}
			if family && in != IntentOnCall {
				p.ByText = describesMessage(text) && !callToldRe.MatchString(n)
				p.Refused = refusedToldRe.MatchString(n) && f.intents[IntentPaid] == 0
			}
			switch {
			case family && f.intents[IntentPaid] == 0 && onWayToPayRe.MatchString(n):
				// "my dad is driving to the bank right now, someone told
				// him he owes tax", "我爸现在正开车去银行…我拦不住他": a
				// relative on the way to pay; how to stop them (wait an
				// hour, call their bank together, go to them), not who to
				// call about a relative in trouble.
				return Placement{Intent: IntentQuestion, Topic: "wont_listen", Family: true}
			case in == IntentApp && appQuestionTopics[f.topic[IntentQuestion]] && !appActionRe.MatchString(n):
				// "这条是真的吗？我上周确实在APP里申请过换护照": an app
				// named, nothing installed, shared or typed into; the
				// question asked, not the steps after a remote app.
				return Placement{Intent: IntentQuestion, Topic: f.topic[IntentQuestion]}
			case in == IntentApp && f.topic[IntentQuestion] == "antifraud_app":
				// "how do i install the anti-fraud app for my mum": the
				// state's own app asked about, not one a scammer had
				// installed.
				return Placement{Intent: IntentQuestion, Topic: "antifraud_app"}
			case in == IntentPaid && f.atBank && paidNowRe.MatchString(n):
				// "他让我把钱转到他给的卡 说是安全账户 我正在转": paying
				// now, not paid; stopping it comes first.
				return Placement{Intent: IntentQuestion, Topic: "at_bank", Family: family}
			case in == IntentPaid && f.topic[IntentQuestion] == "recovery" && !family:
				// "我之前被骗了3万，现在有人说是反诈中心的，可以帮我追回，
				// 要先交手续费": the old loss is told, the new ask is the
				// second scam; its warning first (the bank a button away).
				return Placement{Intent: IntentQuestion, Topic: "recovery"}
			case in == IntentPaid && f.withdraw && !family:
				// "平台提现不了 要交保证金": the fee to withdraw is the
				// scam's next ask; said first, then the bank's steps.
				p.Topic = "withdraw"
			case in == IntentPaid && family && f.romance:
				// "我爸网上认识的女的…已经投了五万 现在提现要交税": a
				// relative's money in a scam begun online; the steps
				// after a loss warn of the fee to withdraw.
				p.Topic = "romance"
			case in == IntentAccount && f.topic[IntentQuestion] == "photos_used":
				// "someone is using my photos on a dating site": a
				// profile copying the person, not their account taken.
				return Placement{Intent: IntentQuestion, Topic: "photos_used"}
			case in == IntentAccount:
				p.Topic = f.topic[in]
			case in == IntentAccount && f.mule:
				// "my classmate wants to borrow my bank card for a week":
				// the person's own account asked for, not a friend's
				// account taken over.
				return Placement{Intent: IntentQuestion, Topic: "mule"}
			case in == IntentThreatened && f.mule && !family:
				// "i let someone use my bank account and now it's
				// frozen": the person's own account lent; the answer
				// about lending it, not the rule for a caller posing
				// as the bank.
				return Placement{Intent: IntentQuestion, Topic: "mule"}
			case in == IntentThreatened && !family && !f.trouble && f.intents[IntentOnCall] == 0 && f.intents[IntentPaid] == 0 &&
				writtenNoticeRe.MatchString(n) && !callToldRe.MatchString(noCallRe.ReplaceAllString(n, "")) &&
				(noMoneyAskedRe.MatchString(n) || ownChannelToldRe.MatchString(n)) && (f.asksReal || strings.ContainsAny(text, "?？") || realAskedRe.MatchString(n)):
				// "consulate emailed me that my renewal is missing a photo,
				// upload it in the online system, no payment asked. real?",
				// "HMRC letter says I owe £86, pay through gov.uk. probably
				// fine?": a notice told with no money asked, or with the
				// office's own channel, in writing, and a question whether
				// it is real.
				// "This is how a well-known scam starts" would call a
				// genuine notice a scam; how to check it is the answer.
				return Placement{Intent: IntentQuestion, Topic: "real"}
			case in == IntentThreatened && !f.trouble && giftCardRe.MatchString(n):
				// "有个人说他是我大学的老师 让我帮他买购物卡": an impostor's
				// gift cards, whoever they claim to be; the warning about
				// asks answers it, not an office's rule.
				return Placement{Intent: IntentUnclear, Asks: true}
			case in == IntentThreatened && !family && f.trouble && f.family >= 0:
				// "they said i have to pay 3000 pounds bail for my
				// brother": the person's own call, about a relative said
				// to be in trouble; calling that relative unmasks it, not
				// the rule about calls that accuse the person.
				p.Topic = "relative"
			case in == IntentThreatened && !family && f.family < 0 && !f.firstPersonAny && harmThreatRe.MatchString(n):
				// "the guy says if we call police she dies", typed after
				// a video of a daughter tied up: someone said to be held
				// and threatened; reaching her comes first, not the rule
				// about calls that accuse the person.
				p.Topic = "relative"
			case in == IntentThreatened:
				// Who the caller claimed to be picks the rule that
				// unmasks them: a bank's or a shop's customer service
				// is checked on a different number than the police.
				p.Topic = posedAs(n)
			case in == IntentApp && (f.appAsk || f.appNotDone) && !f.appDone:
				// Asked to install an app, and not (yet) done: "asked".
				p.Topic = "asked"
			case in == IntentApp && linkOnlyRe.MatchString(n) && !appBeyondLinkRe.MatchString(loginPageRe.ReplaceAllString(n, "")):
				// A link opened, and nothing installed, shared or typed
				// into it: "link", not the steps after an app.
				p.Topic = "link"
			case in == IntentPaid && giftCardRe.MatchString(n) && !family && !cardSharedRe.MatchString(n):
				// "i bought the gift cards what do i do with them now":
				// bought, the numbers not given; whoever has them has
				// the money, so nothing is lost yet.
				return Placement{Intent: IntentQuestion, Topic: "giftcard_bought"}
			case in == IntentPaid && giftCardRe.MatchString(n):
				// "i paid with apple gift cards": the card's issuer can
				// freeze what is left, if told first.
				p.Topic = "giftcard"
			case in == IntentPaid && (f.paidID > 0 || identityRe.MatchString(n)) && !valuablesRe.MatchString(deniedValuablesRe.ReplaceAllString(n, "")):
				// A passport or ID given, and no money, card or code
				// named: the steps for papers, not the bank's.
				p.Topic = "id"
			}
			return p
		}
	}
	if f.romance && (f.family < 0 || f.firstPerson && partnerRe.MatchString(n)) &&
		(f.ask > 0 || investRe.MatchString(n) || romanceTellRe.MatchString(n) && unaddressed) {
		// "我在网上认识了一个女生 她让我一起投资": someone met online who
		// talks of investing is the scam; say so, not "is this a message?".
		return Placement{Intent: IntentQuestion, Topic: "romance"}
	}
	if f.romance && f.family >= 0 && (!f.firstPerson || f.myFamily) && romanceScamRe.MatchString(n) {
		// "我爸在网上认识了一个女的 天天让他投资": a relative drawn in by
		// someone met online, nothing paid said yet. How to help them
		// face it, not "is this a message?". The person may be in it
		// when the relative opens the text ("我爸… 我很着急").
		return Placement{Intent: IntentQuestion, Topic: "romance_family", Family: true}
	}
	if q := f.topic[IntentQuestion]; f.intents[IntentNone] > 0 && (q == "reply_q" || q == "ignore_ok" || q == "refund" || q == "change_password" ||
		q == "officials" || q == "at_bank" || q == "giftcard_bought" || warningTopics[q] || askedAfterNothingLost[q] && (q != "report" || questionAskedRe.MatchString(n))) {
		// "he is still texting me what should i reply", "我拉黑他了 钱还能
		// 要回来吗", "现在在比特币机器前面…我还没扫": the question asked, or
		// the payment about to happen, not "nothing happened"; nor "I
		// haven't paid yet, but the job wants a training fee first", whose
		// warning is the answer (warningTopics).
		return Placement{Intent: IntentQuestion, Topic: q}
	}
	if f.intents[IntentNone] > 0 && f.intents[IntentPaid] == 0 && describedMessageRe.MatchString(n) && runes > longRunes &&
		describedRealRe.MatchString(n) {
		// "HMRC text says I'm owed a tax refund of £387.20. Link is
		// something like hmrc-refund-claim dot com. Didn't click. Is
		// this a thing?": the message told in enough words to judge,
		// with nothing done, and asked whether it is real; its verdict
		// answers, not "Good. Forward a message" (round seventeen). "I
		// didn't click, anything else I should do?" keeps nothing lost.
		return Placement{Intent: IntentCheck, Asks: f.ask > 0}
	}
	if f.intents[IntentNone] > 0 && f.intents[IntentPaid] == 0 && (f.topic[IntentQuestion] == "unknown_calls" || f.mule) && !f.secondPerson {
		// "i blocked the fake consulate number but now theyre calling
		// from different numbers every hour": nothing lost, and the calls
		// go on; what to do about them, not "Good. Forward a message"
		// (round eighteen). So with an account lent: "i didnt do
		// anything bad i just lend it" is the mule's answer.
		topic := "unknown_calls"
		if f.mule {
			topic = "mule"
		}
		return Placement{Intent: IntentQuestion, Topic: topic}
	}
	if f.intents[IntentNone] > 0 {
		if ((f.ask > 0 || toldToRe.MatchString(n)) && notYetRe.MatchString(n) || (questionAskedRe.MatchString(n) || ongoingRe.MatchString(n)) && notYetDoneRe.MatchString(n)) &&
			!hungUpRe.MatchString(n) {
			// "haven't paid yet but he wants me to go to the bank now",
			// "nothing yet, he keeps asking for the code": nothing lost
			// so far, and the ask still open; or not yet paid, scanned or
			// clicked, with a question, a deadline or "happening now"
			// ("还没扫 这正常吗", "钱还没转 他们说今晚十点前"). The warning
			// about asks answers it, never "good, nothing is lost" (round
			// seventeen).
			if f.topic[IntentQuestion] == "explain_kidnap" {
				// "我还没转钱 他现在让我找个没人的房间开视频": told to
				// hide alone is the virtual kidnapping itself (round
				// eighteen).
				return Placement{Intent: IntentQuestion, Topic: "explain_kidnap"}
			}
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if romanceDoubtRe.MatchString(n) && !hungUpRe.MatchString(n) || (f.romance && investRe.MatchString(n) || taughtPlatformRe.MatchString(n)) && (notYetRe.MatchString(n) || deniedValuablesRe.MatchString(n)) {
			// "i havent sent anything. hes been so kind to me though, i
			// dont want to accuse him": nothing sent yet, and the person
			// defends him; how the long con works, not "Good, nothing is
			// lost" (round eighteen). So with someone met online pushing a
			// platform: "…推荐我上一个叫 BTCX-Pro 的平台，说带我赚钱，我还没投";
			// and with someone teaching the person a platform, whoever
			// they are: "他教我在一个平台上买数字货币 我没转钱 就是看看"
			// (round twenty).
			return Placement{Intent: IntentQuestion, Topic: "romance"}
		}
		for _, t := range toldBesideNothing {
			if t.re.MatchString(n) && !(t.unlessCallEnded && (hungUpRe.MatchString(n) || hungUpTold(n))) {
				return t.p
			}
		}
		if scamAskedRe.MatchString(n) && payWordRe.MatchString(n) && !hungUpRe.MatchString(n) && !hungUpTold(n) {
			// "…a 'student discount' on tuition if I pay through their
			// agent account… I havent replied yet. is this a thing or a
			// scam?": an offer to pay, asked about; the warning about
			// asks, not "Good. Forward a message" (round twenty).
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if promisedPayRe.MatchString(n) && !hungUpRe.MatchString(n) {
			// "I told them I'd pay tomorrow when the bank opens… I havent
			// paid anything yet": a payment promised is a scam under way;
			// the warning about asks, not "Good, nothing is lost" (round
			// twenty).
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if topic := toldTopic(n, true); topic != "" && !hungUpRe.MatchString(n) {
			// "没给钱没给钱 就是他让我每天早晚视频报平安 说案件保密": what
			// was done instead of paying is the scam's own step
			// (toldTopics, all of them: a "nothing" is the person's
			// words, never a pasted message); its answer, not "nothing
			// is lost" (round twenty).
			return Placement{Intent: IntentQuestion, Topic: topic}
		}
		if callbackRe.MatchString(n) && !hungUpRe.MatchString(n) {
			// "所以我是不是已经没事了 就等明天那个电话?": a caller who will
			// ring again is a scam not over; the warning about asks, not
			// "Good, nothing is lost" (round eighteen).
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if pressedToPayRe.MatchString(n) && !hungUpRe.MatchString(n) {
			// "在线等 对方一直催我转账": pressed to pay right now; its "一直催我"
			// read as harassment after the fact, "nothing lost" (round
			// eighteen).
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if hungUpRe.MatchString(n) || hungUpTold(n) {
			// "i hung up what now": the call is over; what it cost, and
			// what to do when they call again. So told after the call:
			// "got a robocall… press 1. I hung up. is the consulate
			// trying to reach me??" (round twenty).
			return Placement{Intent: IntentNone, Topic: "hung_up"}
		}
		return Placement{Intent: IntentNone}
	}
	if f.topic[IntentQuestion] == "lost" {
		if lostAskRe.MatchString(n) {
			// "my bank called and said they cant stop the transfer
			// unless i give them the code": an ask told, the scam
			// itself; never "what still helps after a loss".
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		// "报警了 警察说很难追回": a step done, and told it did not get
		// the money back; what still helps answers it.
		return Placement{Intent: IntentQuestion, Topic: "lost"}
	}
	if t := f.topic[IntentQuestion]; f.topic[IntentSmalltalk] == "done" && (t == "unknown_calls" || t == "refund") && f.intents[IntentPaid] == 0 {
		// "blocked the number but now they keep calling from different
		// numbers", "we reported it to the police in both countries…
		// can it be recovered?": a step done, and a question that goes
		// on from it (round eighteen).
		return Placement{Intent: IntentQuestion, Topic: t}
	}
	if f.topic[IntentSmalltalk] == "done" {
		// "I called my bank", "已经报警了": a step done, told; an
		// answer that says it was right, not a question back.
		return Placement{Intent: IntentSmalltalk, Topic: "done"}
	}
	if f.topic[IntentUnclear] == "called" {
		// "I called the number back": nothing the steps are for yet,
		// but something to answer: calling alone loses nothing, and
		// what else happened is asked.
		return Placement{Intent: IntentUnclear, Topic: "called"}
	}
	if f.intents[IntentRequest] > 0 && (f.check == 0 || f.ownWords()) && !(f.atBank && f.topic[IntentRequest] == "where") {
		// "how can I warn my parents": what the button gives; but not
		// the numbers for someone on the way to a cash machine now
		// ("caller id shows the real police number and he wants me to
		// go to the atm now"), who is stopped first.
		return Placement{Intent: IntentRequest, Topic: f.topic[IntentRequest]}
	}
	if f.topic[IntentQuestion] == "payee_change" && unaddressed && toldFrameRe.MatchString(n) {
		// "房东说换了收款账户": told of someone else, with no reader
		// spoken to and no account given; a pasted notice of "new bank
		// details" speaks to its reader and is checked.
		ownStory = true
	}
	if f.topic[IntentQuestion] == "invest_offer" && unaddressed && (thirdSaysRe.MatchString(n) || howToTellRe.MatchString(n)) {
		// "she says her uncle works at a trading platform", "怎么知道一个
		// 投资群是不是真的": a pitch told, or asked about, with no reader
		// spoken to: the person's own question.
		ownStory = true
	}
	if f.topic[IntentQuestion] == "invest_offer" && !toldFrameRe.MatchString(n) && !howToTellRe.MatchString(n) {
		// "老师今天带大家上车的那只票已经涨停了…私我": an ad's own pitch, with
		// no one telling of it; checked as a message.
		ownStory = false
	}
	if f.topic[IntentQuestion] == "what" && f.secondPerson && inviteRe.MatchString(n) {
		// "…你要不要先放500试试水？…平台链接我发你": a question put to the
		// message's reader, an invitation, not the person asking the bot
		// what to do (round eighteen, set af).
		return Placement{Intent: IntentCheck, Asks: f.ask > 0}
	}
	if f.intents[IntentQuestion] > 0 && (ownStory || !storyTopics[f.topic[IntentQuestion]]) {
		if f.topic[IntentQuestion] == "visa" && f.story > 0 {
			// "someone called about my visa" tells of a call, not a
			// question about one's own papers.
			return Placement{Intent: IntentThreatened, Story: true}
		}
		topic := f.topic[IntentQuestion]
		if topic == "safe_now" && state == "steps" {
			// "要不要拉黑" after the steps: the steps may follow a loss,
			// where "you have lost nothing" must never be said; the
			// question about the steps answers it.
			return Placement{Intent: IntentQuestion}
		}
		if topic == "what" && f.ask > 0 && f.check == f.phraseCheck && f.ownWords() {
			// "中介说可以帮我办签证 要先交钱": an ask told, and "帮我" or
			// "what do I do" beside it; the warning about asks answers
			// it, not "tell me what happened".
			return Placement{Intent: IntentUnclear, Asks: true}
		}
		if topic == "what" && f.scammed {
			// "我被骗了怎么办": what to do depends on what happened, so
			// that is what the answer asks.
			topic = f.scammedTopic()
		}
		return Placement{Intent: IntentQuestion, Topic: topic}
	}
	if state == "country" && f.check == 0 && runes <= longRunes && !f.scammed {
		return Placement{Intent: IntentPlace}
	}
	if tell == 0 && f.check == 0 && itWasRe.MatchString(n) {
		// "it was uk police", "they said they were from the embassy":
		// who the caller claimed to be, said alone; its rule answers.
		return Placement{Intent: IntentThreatened, Story: true, Topic: posedAs(n)}
	}
	if loc := callerClaimRe.FindStringIndex(n); (f.story > f.check || f.check == 0 && (f.family >= 0 || f.firstPerson) && ownStory) && loc != nil {
		// "my daughter got a call from the chinese embassy", "a guy said
		// he is from the bank and asked me to confirm my details", "有个
		// 自称警察的人给我打电话": a call from someone posing as an office,
		// and nothing more told yet. The rule that unmasks who they posed
		// as answers it, with what may have happened a button away; not
		// "is this a message?".
		// A relative named before the call, who was called ("my daughter
		// got a call…"), not the person ("…called me about my son").
		family := f.family >= 0 && f.family < loc[0] && !calledMeRe.MatchString(n)
		return Placement{Intent: IntentThreatened, Story: true, Family: family, Topic: posedAs(n), Asks: f.ask > 0}
	}
	if f.story > f.check {
		// Telling something, but nothing the steps are for: ask. Asks
		// keeps "he asked me to pay a fee" from ever being answered as
		// if nothing in it mattered. "I got scammed" has said something
		// happened: what is asked is what (Topic "scammed"), not
		// whether it is a message.
		p := Placement{Intent: IntentUnclear, Asks: f.ask > 0}
		if f.scammed {
			p.Topic = f.scammedTopic()
		}
		return p
	}
	if (state != "start" || s.Pieces > 0) && f.check == 0 && tell == 0 && f.story == 0 && unaddressed && thirdPersonRe.MatchString(n) {
		// "wait… his whatsapp name is \"David Kerr\" but his real surname
		// is Kerrigan", in the middle of a story: a remark about "him",
		// long enough to read as a message, that speaks to no reader.
		// It got "no known warning signs" (round eighteen); it is a
		// piece of the story.
		return Placement{Intent: IntentUnclear}
	}
	if f.check == 0 && typingForRe.MatchString(n) {
		// "typing for my father, he's 80 and lives in Changchun. my
		// sister is a student in Germany": someone opening a relative's
		// story, long enough to read as a message (round eighteen: it
		// got "no known warning signs").
		return Placement{Intent: IntentUnclear}
	}
	if (f.check > 0 || runes > longRunes) && !f.ownWords() {
		return Placement{Intent: IntentCheck, Asks: f.ask > 0}
	}
	return Placement{Intent: IntentUnclear, Asks: f.ask > 0}
}

// typingForRe finds someone typing for a relative ("typing for my father",
// "asking on behalf of my mum", "帮我妈问一下").
var typingForRe = regexp.MustCompile(`^(?:hi |hello |hey )?(?:i am |im )?(?:typing|writing|asking|texting|messaging)(?: this| here)? (?:for|on behalf of) (?:my|our)\b|^(?:你好 ?)?(?:我)?(?:帮|替|代)(?:我)?(?:妈|爸|妈妈|爸爸|爷爷|奶奶|外公|外婆|姥姥|姥爷|父亲|母亲|老人|家里老人)`)

// callbackRe finds a caller who will ring again ("就等明天那个电话", "他说
// 明天再打来", "they'll call back tomorrow").
var callbackRe = regexp.MustCompile(`等明天(?:那个|的)?电话|明天再打|明天还会打|明天(?:早上|上午|下午|晚上)?(?:会)?再(?:打|联系)|\b(?:theyll|hell|shell|will|gonna|going to) (?:call|ring) (?:me |us |her |him )?(?:back|again) (?:tomorrow|tonight|later|at)\b|\bwaiting for (?:their|his|her|the) call\b`)

// pressedToPayRe finds someone pressing the person to pay now ("一直催我转账",
// "he keeps pushing me to send it").
var pressedToPayRe = regexp.MustCompile(`催我(?:转|汇|付|交|打钱|买)|(?:一直|还在|不停地?)(?:在)?[^。！？]{0,6}催(?:我)?[^。！？]{0,20}(?:还没|没)(?:转|汇|付|交)|\bkeeps? (?:pushing|rushing|pressuring|hurrying) me to (?:pay|send|transfer|buy)\b`)

// inviteRe finds an invitation put to a message's reader ("你要不要先放500
// 试试", "do you want to try it with me").
var inviteRe = regexp.MustCompile(`你要不要|你想不想|要不要一起|\bdo you want to (?:try|join|start|invest)\b|\bwant to try it with me\b`)

// romanceDoubtRe finds the person defending someone met online against
// their own doubt ("i dont want to accuse him", "他对我很好").
// taughtPlatformRe finds someone teaching or bringing the person to a
// platform, an app or crypto: the long con's middle, whoever they are.
var taughtPlatformRe = regexp.MustCompile(`带我(?:投资|投|炒币|炒股|炒|买币|玩币|理财|赚钱)|(?:他|她|对方|老师|导师|助理|助教)(?:一直)?(?:教|带|拉|推荐|叫|让|指导)我.{0,15}(?:平台|app|软件|币|炒|投资|理财|交易|群)|\b(?:he|she|they|the teacher|the mentor|the professor|the guy|this guy|a guy|the girl|this girl|the lady|this lady|someone|my match)\s+(?:showed|taught|teaches|shows|introduced|is teaching|was teaching|got)\s+me\b.{0,40}\b(?:platform|crypto|trading|invest|investing|exchange|stocks?)\b`)

var romanceDoubtRe = regexp.MustCompile(`\b(?:dont|do not) want to (?:accuse|upset|lose) (?:him|her)\b|\b(?:hes|shes|he s|she s|he has|she has) (?:been )?(?:so|really|very) (?:kind|nice|sweet|caring) to me\b|不想冤枉(?:他|她)|(?:他|她)对我(?:很|特别|那么|真的很)好`)

// partnerDefenceRe finds the person defending a partner whose words they
// quote: "我真的很爱他，我觉得他不是那种人", "he's not like that".
var partnerDefenceRe = regexp.MustCompile(`我(?:真的)?(?:很|好|特别)?爱(?:他|她)|(?:他|她)不是那种人|\b(?:he|she)s? (?:is )?not (?:like that|that kind of (?:person|man|woman|guy))\b|\bi (?:really )?love (?:him|her)\b`)

// saidRe finds someone's words told ("the mentor @liuyun_taskteam say
// everybody is like this"): mid-story, with only a handle to check, still
// the person's telling, not a message.
var saidRe = regexp.MustCompile(`\b(?:say|says|said|told)\b|说`)

// thirdPersonRe finds someone spoken of: he, she, they, 他, 她.
var thirdPersonRe = regexp.MustCompile(`\b(?:he|hes|his|him|she|shes|her|they|theyre|their|them)\b|他|她`)
