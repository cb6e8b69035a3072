package classifier

// Lures on Chinese social platforms are written to slip past keyword
// filters. Most disguises fold away in fold (full-width letters, circled
// and keycap digits, 🈶 and other squared ideographs through NFKC; symbols
// and spaces between Chinese characters; 伽/佳/+/➕ for 加 before a contact
// handle); the near-form words (兼只, 赚米, 威信) are aliases in the rule
// files. What is here is the one kind fold needs a mechanism for: QQ-zone
// emoji codes. Emoji written in place of a character (赚💰) are data, in
// rules/data/folding.yaml, and fold like look-alikes.

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
