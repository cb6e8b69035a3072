package dialogs

import (
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// People on a device without a Chinese keyboard type their story in
// pinyin ("wo3 xian4 zai4 zai4 yin2 hang2 li3 pai2 dui4, ta1 rang4 wo3 ba3
// qian2 zhuan3 dao4 an1 quan2 zhang4 hu4"). The rules find nothing in it,
// and the phrase lists are in characters. A pinyin text is read through
// the Chinese phrase lists spelt in pinyin: each phrase of two or more
// characters, in every reading of its characters (银行 is yinhang as well
// as yinxing; a character's two commonest readings), without tones or
// spaces, from one syllable boundary to another. The phrases found, in order, stand
// for the text: "我在银行，安全账户".

// pinyinMinLetters is the shortest phrase spelling read in a pinyin text:
// shorter ones ("wole") turn up inside other syllables too often.
const pinyinMinLetters = 4

// pinyinReadingsPerChar is how many readings of a character are spelt.
const pinyinReadingsPerChar = 2

// pinyinMaxReadings bounds the readings spelt for one phrase; a phrase
// with more (many characters with several readings each) keeps its first.
const pinyinMaxReadings = 32

// pinyinReader holds the phrase lists spelt in pinyin.
type pinyinReader struct {
	// byPrefix maps the first three letters of a spelling to its
	// entries, for the scan.
	byPrefix map[string][]pinyinEntry
	// syllables are every syllable of the characters, without tone.
	syllables   map[string]bool
	maxSyllable int
}

// pinyinEntry is one spelling of a phrase and the phrase in characters.
type pinyinEntry struct {
	spelling, phrase string
}

// newPinyinReader spells phrases in pinyin.
func newPinyinReader(phrases []string) *pinyinReader {
	args := pinyin.NewArgs()
	args.Heteronym = true
	r := &pinyinReader{byPrefix: map[string][]pinyinEntry{}, syllables: map[string]bool{}}
	for c := rune(0x4E00); c <= 0x9FFF; c++ {
		for _, s := range pinyin.SinglePinyin(c, args) {
			r.syllables[s] = true
			r.maxSyllable = max(r.maxSyllable, len(s))
		}
	}
	seen := map[string]bool{}
	for _, ph := range phrases {
		if utf8.RuneCountInString(ph) < 2 || !allHan(ph) {
			continue
		}
		readings := pinyin.Pinyin(ph, args)
		for i, rs := range readings {
			// The two commonest readings of a character (行 xing and
			// hang, 还 hai and huan): the rarer ones (哈 as "ta" or
			// "sha") turn ordinary syllables into phrases.
			readings[i] = rs[:min(len(rs), pinyinReadingsPerChar)]
		}
		for _, sp := range spellings(readings) {
			if len(sp) < pinyinMinLetters || seen[sp+"\x00"+ph] {
				continue
			}
			seen[sp+"\x00"+ph] = true
			r.byPrefix[sp[:3]] = append(r.byPrefix[sp[:3]], pinyinEntry{sp, ph})
		}
	}
	return r
}

// spellings joins every combination of the readings of each character,
// or only the first readings past pinyinMaxReadings.
func spellings(readings [][]string) []string {
	n := 1
	for _, rs := range readings {
		if len(rs) == 0 {
			return nil
		}
		n *= len(rs)
	}
	if n > pinyinMaxReadings {
		var b strings.Builder
		for _, rs := range readings {
			b.WriteString(rs[0])
		}
		return []string{b.String()}
	}
	out := []string{""}
	for _, rs := range readings {
		next := make([]string, 0, len(out)*len(rs))
		for _, o := range out {
			for _, r := range rs {
				next = append(next, o+r)
			}
		}
		out = next
	}
	return out
}

func allHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !isHanRune(r) }) < 0
}

// pinyinWords are the words of a text that could be pinyin: lower-case
// ASCII letters, tone digits dropped ("zhuan3" is "zhuan"). ok is false
// when the text holds a Chinese character.
func pinyinWords(text string) (words []string, ok bool) {
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, c := range text {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			b.WriteRune(c + 'a' - 'A')
		case c == 'ü' || c == 'Ü':
			b.WriteByte('v')
		case c >= '1' && c <= '5' && b.Len() > 0:
			// A tone mark typed as a digit ends its syllable.
		case isHanRune(c):
			return nil, false
		default:
			flush()
		}
	}
	flush()
	return words, true
}

// syllabic reports whether word is a run of pinyin syllables ("zhuanle",
// "woxianzai").
func (r *pinyinReader) syllabic(word string) bool {
	// can[i]: word[:i] splits into syllables.
	can := make([]bool, len(word)+1)
	can[0] = true
	for i := 0; i < len(word); i++ {
		if !can[i] {
			continue
		}
		for j := i + 1; j <= min(len(word), i+r.maxSyllable); j++ {
			if r.syllables[word[i:j]] {
				can[j] = true
			}
		}
	}
	return can[len(word)]
}

// segment returns the ends of the syllables of word in its split into the
// fewest syllables ("xian" is one, not "xi an"); nil when it does not split.
func (r *pinyinReader) segment(word string) []int {
	const none = 1 << 30
	best := make([]int, len(word)+1) // fewest syllables for word[:i]
	from := make([]int, len(word)+1)
	for i := 1; i <= len(word); i++ {
		best[i] = none
	}
	for i := 0; i < len(word); i++ {
		if best[i] == none {
			continue
		}
		for j := i + 1; j <= min(len(word), i+r.maxSyllable); j++ {
			if r.syllables[word[i:j]] && best[i]+1 < best[j] {
				best[j], from[j] = best[i]+1, i
			}
		}
	}
	if best[len(word)] == none {
		return nil
	}
	var cuts []int
	for j := len(word); j > 0; j = from[j] {
		cuts = append(cuts, j)
	}
	return cuts
}

// read returns the Chinese phrases found in a pinyin text, in order and
// without overlaps, joined by "，"; ok is false when the text is not
// pinyin (fewer than three words, or fewer than four in five of them runs
// of syllables: an English sentence has many words that are not) or no
// phrase is found.
func (r *pinyinReader) read(text string) (hanzi string, isPinyin, ok bool) {
	words, maybe := pinyinWords(text)
	if !maybe || len(words) < 3 {
		return "", false, false
	}
	syllabic := 0
	for _, w := range words {
		if r.syllabic(w) {
			syllabic++
		}
	}
	if syllabic*5 < len(words)*4 {
		return "", false, false
	}
	// The syllable boundaries: a phrase is read only from one to another,
	// so "ta yao" is never read as "tay ao".
	joined := strings.Join(words, "")
	boundary := make([]bool, len(joined)+1)
	at := 0
	for _, w := range words {
		for _, cut := range r.segment(w) {
			boundary[at+cut] = true
		}
		boundary[at] = true
		at += len(w)
	}
	boundary[len(joined)] = true
	var found []string
	for i := 0; i+3 <= len(joined); {
		if !boundary[i] {
			i++
			continue
		}
		best := ""
		bestLen := 0
		for _, e := range r.byPrefix[joined[i:i+3]] {
			if len(e.spelling) > bestLen && strings.HasPrefix(joined[i:], e.spelling) && boundary[i+len(e.spelling)] {
				best, bestLen = e.phrase, len(e.spelling)
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		found = append(found, best)
		i += bestLen
	}
	if len(found) == 0 {
		return "", true, false
	}
	return strings.Join(found, "，"), true, true
}
