package classifier

//go:generate go run ./internal/gents -o tstable.go

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a message folded for matching: compatibility forms, case,
// traditional characters, look-alikes and inserted separators are gone, and
// every byte of text still knows which bytes of the original produced it, so
// evidence can point into the original message.
type folded struct {
	text []byte
	// start[i] and end[i] are the original byte range of the rune that
	// produced text[i].
	start, end []int32
	// han and latin count Chinese characters and Latin letters, for the
	// language guess.
	han, latin int
	// mixed is set when a digit touches a Latin letter, the only case in
	// which digit look-alikes (amaz0n) need folding.
	mixed bool
	// digit is the index of the first ASCII digit of the original, -1 if
	// none: numbers, amounts and premium short codes all need one, so
	// their scans start there or not at all.
	digit int
}

// span maps the folded range [i, j) back to the original text.
func (f *folded) span(i, j int) Span {
	if j <= i {
		return Span{int(f.start[i]), int(f.start[i])}
	}
	return Span{int(f.start[i]), int(f.end[j-1])}
}

// tsDense is tsTable for the common CJK block, as an array: a map lookup
// per Chinese character was a tenth of the folding time.
var tsDense = func() *[0xA000 - 0x4E00]rune {
	var d [0xA000 - 0x4E00]rune
	for t, s := range tsTable {
		if t >= 0x4E00 && t < 0xA000 {
			d[t-0x4E00] = s
		}
	}
	return &d
}()

// lookalikes maps letters from other scripts that look like Latin letters
// (and a few symbols used in place of characters) to what they imitate.
// NFKC already folds full-width forms, circled letters, mathematical
// alphabets and squared ideographs such as 🈶 → 有.
var lookalikes = map[rune]string{
	// Cyrillic
	'а': "a", 'в': "b", 'е': "e", 'ё': "e", 'к': "k", 'м': "m", 'н': "h", 'о': "o",
	'р': "p", 'с': "c", 'т': "t", 'у': "y", 'х': "x", 'ѕ': "s", 'і': "i", 'ї': "i",
	'ј': "j", 'ԁ': "d", 'ԛ': "q", 'ԝ': "w", 'ɡ': "g", 'һ': "h", 'ӏ': "l",
	// Greek
	'α': "a", 'β': "b", 'ε': "e", 'ι': "i", 'κ': "k", 'ν': "v", 'ο': "o", 'ρ': "p",
	'τ': "t", 'υ': "u", 'χ': "x", 'ϲ': "c",
	// Symbols written in place of a platform name or of "add".
	'🐧': "qq", '➕': "+", '✚': "+",
}

// isAddHomophone reports runes written instead of 加 ("add me on ...") to
// slip past filters; they count as 加 only before a contact handle, so 最佳
// stays.
func isAddHomophone(r rune) bool {
	switch r {
	case '伽', '佳', '+', '嘉', '咖':
		return true
	}
	return false
}

// contactStarts are the first runes of what usually follows 加 in
// "add me on WeChat/QQ/LINE": v, vx, 微信, 扣扣, 好友, 群 …
var contactStarts = map[rune]bool{
	'v': true, 'w': true, 'q': true, 'l': true, 'V': true, 'W': true, 'Q': true, 'L': true,
	'微': true, '薇': true, '威': true, '扣': true, '企': true, '我': true, '群': true,
	'好': true, '赖': true, '賴': true, '瀨': true, '濑': true, '➕': true,
}

// keptSymbols are symbols that carry meaning for the rules (money, "+v").
func keptSymbol(r rune) bool {
	switch r {
	case '+', '$', '£', '€', '¥', '%', '￥':
		return true
	}
	return false
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// folder carries the state of one fold.
type folder struct {
	f         *folded
	src       string
	pending   bool // a separator waits to be written
	pendStart int32
	pendEnd   int32
	prevHan   bool
	any       bool // something was written
}

// fold normalises s into f, reusing f's buffers.
func fold(f *folded, s string) {
	f.text = f.text[:0]
	f.start = f.start[:0]
	f.end = f.end[:0]
	f.han, f.latin, f.mixed, f.digit = 0, 0, false, -1
	st := folder{f: f, src: s}
	var scratch [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			st.ascii(i)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			st.separator(i, i+1)
			i++
			continue
		}
		st.rune(r, i, i+n, &scratch)
		i += n
	}
	if f.mixed {
		foldDigitLookalikes(f.text)
	}
}

// ascii folds the ASCII byte at s[i].
func (st *folder) ascii(i int) {
	s := st.src
	c := s[i]
	switch {
	case c >= 'A' && c <= 'Z':
		st.noteLetter()
		st.emitByte(c+0x20, i, i+1, false)
		st.f.latin++
	case c >= 'a' && c <= 'z':
		st.noteLetter()
		st.emitByte(c, i, i+1, false)
		st.f.latin++
	case c >= '0' && c <= '9':
		if st.f.digit < 0 {
			st.f.digit = i
		}
		st.noteDigit()
		st.emitByte(c, i, i+1, false)
	case c == '+':
		if st.addBefore(i + 1) {
			st.emitRune('加', i, i+1)
			return
		}
		st.emitByte(c, i, i+1, false)
	case c == '$' || c == '%':
		st.emitByte(c, i, i+1, false)
	case (c == '@' || c == '!' || c == '|') && i > 0 && i+1 < len(s) && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1]):
		// p@ypal, ver!fy, pay|pal: a symbol standing for a letter.
		l := byte('a')
		if c == '!' {
			l = 'i'
		} else if c == '|' {
			l = 'l'
		}
		st.emitByte(l, i, i+1, false)
	default:
		st.separator(i, i+1)
	}
}

// rune folds one non-ASCII rune r at original range [os, oe).
func (st *folder) rune(r rune, os, oe int, scratch *[utf8.UTFMax]byte) {
	if r >= 0x4E00 && r <= 0x9FFF {
		// Fast path for the common CJK block: NFKC-normal, no case.
		if isAddHomophone(r) && st.addBefore(oe) {
			r = '加'
		} else if s := tsDense[r-0x4E00]; s != 0 {
			r = s
		}
		st.f.han++
		st.emitRune(r, os, oe)
		return
	}
	if l, ok := lookalikes[r]; ok {
		for _, c := range l {
			st.content(c, os, oe)
		}
		return
	}
	if isAddHomophone(r) && st.addBefore(oe) {
		st.emitRune('加', os, oe)
		return
	}
	n := utf8.EncodeRune(scratch[:], r)
	// The rune's compatibility decomposition (NFKD) folds full-width
	// forms, ligatures, circled letters and accents; combining marks in it
	// are then dropped by content. Properties does not allocate, unlike
	// the Form's string and slice methods.
	dec := norm.NFKC.Properties(scratch[:n]).Decomposition()
	if len(dec) == 0 {
		st.content(r, os, oe)
		return
	}
	for len(dec) > 0 {
		c, m := utf8.DecodeRune(dec)
		dec = dec[m:]
		if l, ok := lookalikes[c]; ok {
			for _, x := range l {
				st.content(x, os, oe)
			}
			continue
		}
		st.content(c, os, oe)
	}
}

// content folds an NFKC-normal rune c produced by the original [os, oe).
func (st *folder) content(c rune, os, oe int) {
	switch {
	case c < utf8.RuneSelf:
		b := byte(c)
		switch {
		case b >= 'A' && b <= 'Z':
			st.noteLetter()
			st.emitByte(b+0x20, os, oe, false)
			st.f.latin++
		case b >= 'a' && b <= 'z':
			st.noteLetter()
			st.emitByte(b, os, oe, false)
			st.f.latin++
		case b >= '0' && b <= '9' || b == '+' || b == '$' || b == '%':
			if b <= '9' && b >= '0' {
				st.noteDigit()
			}
			if b == '+' && st.addBefore(oe) {
				st.emitRune('加', os, oe)
				return
			}
			st.emitByte(b, os, oe, false)
		default:
			st.separator(os, oe)
		}
		return
	case unicode.Is(unicode.Cf, c) || unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Me, c):
		// Zero-width and format characters, variation selectors and
		// combining marks are dropped without a trace.
		return
	case unicode.IsLetter(c) || unicode.IsNumber(c):
		c = unicode.ToLower(c)
		if s, ok := tsTable[c]; ok {
			c = s
		}
		if l, ok := lookalikes[c]; ok && len(l) == 1 {
			c = rune(l[0])
		}
		if isHan(c) {
			st.f.han++
		} else {
			st.f.latin++
		}
		st.emitRune(c, os, oe)
	case keptSymbol(c):
		st.emitRune(c, os, oe)
	default:
		st.separator(os, oe)
	}
}

// noteLetter and noteDigit set mixed when a letter and a digit touch
// (only when no separator is pending between them).
func (st *folder) noteLetter() {
	if !st.pending && len(st.f.text) > 0 {
		if b := st.f.text[len(st.f.text)-1]; b >= '0' && b <= '9' {
			st.f.mixed = true
		}
	}
}

func (st *folder) noteDigit() {
	if !st.pending && len(st.f.text) > 0 && isASCIILetter(st.f.text[len(st.f.text)-1]) {
		st.f.mixed = true
	}
}

// addBefore reports whether the next content after src[from:] starts a
// contact handle (v, 微信, 扣扣 …), looking at most a few bytes ahead.
func (st *folder) addBefore(from int) bool {
	s := st.src
	for j, k := from, 0; j < len(s) && k < 4; k++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		if contactStarts[r] {
			return true
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsPunct(r) || r == '*' || r == '~' {
			j += n
			continue
		}
		return false
	}
	return false
}

// separator records whitespace, punctuation or a symbol at [os, oe). Runs
// collapse to one space, and none is written between two Chinese
// characters, so 兼 职 and 赚*钱 match 兼职 and 赚钱.
func (st *folder) separator(os, oe int) {
	if !st.any {
		return
	}
	if !st.pending {
		st.pending = true
		st.pendStart = int32(os)
	}
	st.pendEnd = int32(oe)
}

func (st *folder) flushSeparator(nextHan bool) {
	if !st.pending {
		return
	}
	st.pending = false
	if st.prevHan && nextHan {
		return
	}
	f := st.f
	f.text = append(f.text, ' ')
	f.start = append(f.start, st.pendStart)
	f.end = append(f.end, st.pendEnd)
}

func (st *folder) emitByte(b byte, os, oe int, han bool) {
	st.flushSeparator(han)
	f := st.f
	f.text = append(f.text, b)
	f.start = append(f.start, int32(os))
	f.end = append(f.end, int32(oe))
	st.prevHan = han
	st.any = true
}

func (st *folder) emitRune(r rune, os, oe int) {
	if r < utf8.RuneSelf {
		st.emitByte(byte(r), os, oe, false)
		return
	}
	han := isHan(r)
	st.flushSeparator(han)
	f := st.f
	n := len(f.text)
	f.text = utf8.AppendRune(f.text, r)
	for k := n; k < len(f.text); k++ {
		f.start = append(f.start, int32(os))
		f.end = append(f.end, int32(oe))
	}
	st.prevHan = han
	st.any = true
}

// digitLookalike maps digits written in place of letters inside a Latin word
// (amaz0n, paypa1, acc0unt) to those letters.
func digitLookalike(b byte) byte {
	switch b {
	case '0':
		return 'o'
	case '1':
		return 'l'
	case '3':
		return 'e'
	case '4':
		return 'a'
	case '5':
		return 's'
	}
	return 0
}

// foldDigitLookalikes rewrites, in place, runs of look-alike digits that sit
// inside a Latin word: a letter before, and a letter after or a word end
// after a short run. Numbers such as 09061743389 or "win 1000" stay.
func foldDigitLookalikes(t []byte) {
	for i := 0; i < len(t); i++ {
		if digitLookalike(t[i]) == 0 {
			continue
		}
		// A run at a word start counts only when letters follow (ap 1d).
		wordStart := i == 0 || t[i-1] == ' '
		if !wordStart && !isASCIILetter(t[i-1]) {
			continue
		}
		j := i
		for j < len(t) && digitLookalike(t[j]) != 0 {
			j++
		}
		inWord := j < len(t) && isASCIILetter(t[j])
		atEnd := !wordStart && (j == len(t) || t[j] == ' ') && j-i <= 2 && i >= 3 && isASCIILetter(t[i-2]) && isASCIILetter(t[i-3])
		if inWord || atEnd {
			for k := i; k < j; k++ {
				t[k] = digitLookalike(t[k])
			}
		}
		i = j
	}
}
