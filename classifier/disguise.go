package classifier

import "strconv"

// Lures on Chinese social platforms are written to slip past keyword
// filters. Most disguises fold away in fold (full-width letters, circled
// and keycap digits, 🈶 and other squared ideographs through NFKC; symbols
// and spaces between Chinese characters; 伽/佳/+/➕ for 加 before a contact
// handle); the near-form words (兼只, 赚米, 威信) are aliases in the rule
// files. What is here are the two kinds fold needs told about: QQ-zone
// emoji codes, and emoji written in place of a character.

// emojiCodeEnd returns the end of the QQ-zone emoji code that starts at
// s[i] ("[em]e400655[/em]", the way a QQ space post stores an emoji when it
// is copied as text), or i when there is none. Such a code sits between the
// characters of a word (兼[em]e400655[/em]职) and folds to a separator, so
// the word reads whole again.
func emojiCodeEnd(s string, i int) int {
	const open, close = "[em]", "[/em]"
	if len(s)-i < len(open)+2+len(close) || s[i:i+len(open)] != open {
		return i
	}
	j := i + len(open)
	if s[j] != 'e' && s[j] != 'E' {
		return i
	}
	j++
	k := j
	for k < len(s) && k-j < 12 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j || len(s)-k < len(close) || s[k:k+len(close)] != close {
		return i
	}
	return k + len(close)
}

// emojiChars are emoji written in place of a character or a letter: 赚💰
// for 赚钱, 加✌ for 加V (the victory hand reads as a V), 📱号 for 手机号;
// and the dingbat digits ❶–❿, ➀–➉ and ➊–➓ that QQ numbers are written
// in, which (unlike ①–⑩) have no compatibility decomposition.
var emojiChars = func() map[rune]string {
	m := map[rune]string{
		'💰': "钱", '💵': "钱", '💴': "钱", '💸': "钱", '🧧': "红包", '📱': "手机", '☎': "电话", '📞': "电话",
		'✌': "v", '💲': "$",
	}
	for _, first := range []rune{'❶', '➀', '➊'} {
		for k := rune(0); k < 10; k++ {
			m[first+k] = strconv.Itoa(int(k) + 1)
		}
	}
	return m
}()

// withDisguises adds emojiChars to the look-alike table m.
func withDisguises(m map[rune]string) map[rune]string {
	for r, s := range emojiChars {
		m[r] = s
	}
	return m
}
