package classifier

//go:generate go run ./internal/gents -o tstable.go

import (
	"slices"
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
	// segs map text back to the original, in order of text; a segment
	// covers a run of bytes that map alike (see seg), so a sentence costs a
	// few entries rather than two offsets per byte.
	segs []seg
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

// seg maps text[f:] (up to the next segment) to the original, which starts
// at o. With width 1 or 3, folded and original advance together one or
// three bytes per character: byte f+k came from the width-byte character
// at o+k/width*width (letters, digits, Chinese characters). With width 0
// every byte of the segment came from the original range [o, e): a
// collapsed separator, or a character that folds to something of another
// length.
type seg struct {
	f, o, e int32
	width   int32
}

// offsets returns the original byte range of the character that produced
// text[i].
func (f *folded) offsets(i int) (start, end int32) {
	// The last segment starting at or before i.
	lo, hi := 0, len(f.segs)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(f.segs[m].f) <= i {
			lo = m
		} else {
			hi = m
		}
	}
	sg := f.segs[lo]
	if sg.width == 0 {
		return sg.o, sg.e
	}
	k := (int32(i) - sg.f) / sg.width * sg.width
	return sg.o + k, sg.o + k + sg.width
}

// span maps the folded range [i, j) back to the original text.
func (f *folded) span(i, j int) Span {
	start, _ := f.offsets(i)
	if j <= i {
		return Span{int(start), int(start)}
	}
	_, end := f.offsets(j - 1)
	return Span{int(start), int(end)}
}

// mapped records that the bytes just appended to text from len n on came
// from the original [os, oe), extending the last segment when they
// continue it.
func (f *folded) mapped(n, os, oe int) {
	w := 0
	if width := oe - os; width == len(f.text)-n && (width == 1 || width == 3) {
		w = width
	}
	f.mappedAs(n, os, oe, w)
}

// mappedAs is mapped for bytes known to map with width w (0, 1 or 3).
func (f *folded) mappedAs(n, os, oe, width int) {
	w := int32(width)
	if k := len(f.segs) - 1; k >= 0 {
		last := &f.segs[k]
		if w != 0 && last.width == w && last.o+int32(n)-last.f == int32(os) ||
			w == 0 && last.width == 0 && last.o == int32(os) && last.e == int32(oe) {
			return
		}
	}
	f.segs = append(f.segs, seg{f: int32(n), o: int32(os), e: int32(oe), width: w})
}

// tsDense is tsTable for the common CJK block, as an array: a map lookup
// per Chinese character was a tenth of the folding time. Entries are the
// simplified character, 0 for none, tsAdd for the characters written for
// 加 (isAddHomophone), and tsFar for a simplified form outside the BMP
// (then in tsTable). 16 bits keep it at 42 KB, near the L1 cache's size.
var tsDense = func() *[0xA000 - 0x4E00]uint16 {
	var d [0xA000 - 0x4E00]uint16
	for t, s := range tsTable {
		if t >= 0x4E00 && t < 0xA000 {
			if s < 0x10000 && s > tsFar {
				d[t-0x4E00] = uint16(s)
			} else {
				d[t-0x4E00] = tsFar
			}
		}
	}
	for t, s := range yueTable {
		d[t-0x4E00] = uint16(s)
	}
	for r := rune(0x4E00); r < 0xA000; r++ {
		if isAddHomophone(r) {
			d[r-0x4E00] = tsAdd
		}
	}
	return &d
}()

const (
	tsAdd = 1
	tsFar = 2
)

// separates has a bit set for each rune of the Basic Multilingual Plane,
// outside the common CJK block, that folds to a separator and nothing else:
// punctuation such as ，。、！：“” and spaces. Folding those runes takes
// NFKC and Unicode category lookups, and Chinese text has many of them.
var separates = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for r := rune(utf8.RuneSelf); r < 0x10000; r++ {
		if foldsToSeparator(r) {
			b[r>>6] |= 1 << (r & 63)
		}
	}
	return &b
}()

// foldsToSeparator reports whether folder.rune turns r into one separator
// whatever its neighbours: the same decisions, in the same order.
func foldsToSeparator(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF || r >= 0xD800 && r <= 0xDFFF || isAddHomophone(r) {
		return false
	}
	if _, ok := lookalikes[r]; ok {
		return false
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	dec := norm.NFKC.Properties(buf[:n]).Decomposition()
	if len(dec) == 0 {
		return contentSeparates(r)
	}
	for len(dec) > 0 {
		c, m := utf8.DecodeRune(dec)
		dec = dec[m:]
		if _, ok := lookalikes[c]; ok || !contentSeparates(c) {
			return false
		}
	}
	return true
}

// contentSeparates reports whether folder.content writes a separator for
// c and nothing else.
func contentSeparates(c rune) bool {
	if c < utf8.RuneSelf {
		b := byte(c)
		return !isASCIILetter(b) && !(b >= '0' && b <= '9') && b != '+' && b != '$' && b != '%'
	}
	if unicode.Is(unicode.Cf, c) || unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Me, c) ||
		unicode.IsLetter(c) || unicode.IsNumber(c) || keptSymbol(c) {
		return false
	}
	return true
}

// isAddHomophone reports runes written instead of 加 ("add me on ...") to
// slip past filters; they count as 加 only before a contact handle, so 最佳
// stays.
func isAddHomophone(r rune) bool {
	return slices.Contains(addHomophones, r)
}

// keptSymbol reports symbols that carry meaning for the rules (money,
// "+v"): data/folding.yaml's kept_symbols.
func keptSymbol(r rune) bool {
	return slices.Contains(keptSymbols, r)
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
	prevDigit bool // the last thing written was an ASCII digit
	prevLatin bool // the last thing written was an ASCII letter
	any       bool // something was written
}

// fold normalises s into f, reusing f's buffers.
func fold(f *folded, s string) {
	f.text = f.text[:0]
	f.segs = f.segs[:0]
	f.han, f.latin, f.mixed, f.digit = 0, 0, false, -1
	st := folder{f: f, src: s}
	var scratch [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIILetter(c):
				i = st.letters(i)
			case c >= '0' && c <= '9':
				i = st.digits(i)
			case c == '[' && emojiCodeEnd(s, i) > i:
				j := emojiCodeEnd(s, i)
				st.separator(i, j)
				i = j
			default:
				st.ascii(i)
				i++
			}
			continue
		}
		// The common CJK block (U+4E00–U+9FFF) is three bytes with a lead
		// byte of E4–E9: decoded here, without the general decoder.
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x4E00 {
				if j := st.hanRun(i); j > i {
					i = j
					continue
				}
				st.hanRune(r, i, i+3)
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			st.separator(i, i+1)
			i++
			continue
		}
		if (r == '\u2019' || r == '\u2018') && st.apostrophe(i, i+n) {
			i += n
			continue
		}
		if r < 0x10000 && separates[r>>6]&(1<<(r&63)) != 0 {
			st.separator(i, i+n)
			i += n
			continue
		}
		st.rune(r, i, i+n, &scratch)
		i += n
	}
	if f.mixed {
		foldDigitLookalikes(f.text)
	}
}

// apostrophe reports whether the apostrophe at src[os:oe] sits inside a
// Latin word (don't, it’s): then it is dropped without a separator, so
// texters who leave it out (dont, its) write the same folded word.
func (st *folder) apostrophe(os, oe int) bool {
	t := st.f.text
	return !st.pending && len(t) > 0 && isASCIILetter(t[len(t)-1]) && oe < len(st.src) && isASCIILetter(st.src[oe])
}

// chainSep reports the one-byte separators that spell a word out letter by
// letter: "s u s p e n d e d", "P.a.y", "T-e-l-e-g-r-a-m".
func chainSep(b byte) bool { return b == ' ' || b == '.' || b == '-' || b == '*' || b == '_' }

// Letter chains shorter than these stay apart: "u r a" is text speak, but
// four spaced letters, or three joined by dots or dashes, spell a word.
const (
	minSpacedChain = 4
	minDottedChain = 3
)

// letterChain returns the end of the chain of single letters, one
// separator byte apart, that starts at the single letter src[i], and its
// length; 1 when there is no chain.
func letterChain(s string, i int) (end, n int) {
	end, n = i+1, 1
	sep := s[end] // one separator throughout the chain
	for q := end; q+1 < len(s) && s[q] == sep && isASCIILetter(s[q+1]) && (q+2 == len(s) || !isASCIILetter(s[q+2])); q = end {
		end, n = q+2, n+1
	}
	if sep == ' ' && n < minSpacedChain || n < minDottedChain {
		return i + 1, 1
	}
	return end, n
}

// chain folds the word spelt out letter by letter from src[i] and returns
// where it ends, or 0 when there is no such chain (see letterChain).
func (st *folder) chain(i int) int {
	s, f := st.src, st.f
	end, n := letterChain(s, i)
	if n < 2 {
		return 0
	}
	st.noteLetter()
	st.flushSeparatorLatin()
	for k := i; k < end; k += 2 {
		m := len(f.text)
		f.text = append(f.text, s[k]|0x20)
		f.mappedAs(m, k, k+1, 1)
	}
	f.latin += n
	st.prevHan, st.prevDigit, st.prevLatin = false, false, true
	st.any = true
	return end
}

// letters folds the run of ASCII letters starting at src[i] to lower case
// and returns where it ends. A word spelt out letter by letter is joined.
func (st *folder) letters(i int) int {
	s, f := st.src, st.f
	j := i + 1
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j == i+1 && j+1 < len(s) && chainSep(s[j]) && isASCIILetter(s[j+1]) {
		if end := st.chain(i); end > 0 {
			return end
		}
	}
	st.noteLetter() // only the first letter can touch a digit
	st.flushSeparatorLatin()
	n := len(f.text)
	f.text = append(f.text, s[i:j]...)
	for k := n; k < len(f.text); k++ {
		f.text[k] |= 0x20
	}
	f.latin += j - i
	f.mappedAs(n, i, j, 1)
	st.prevHan, st.prevDigit, st.prevLatin = false, false, true
	st.any = true
	return j
}

// digits copies the run of ASCII digits starting at src[i] and returns
// where it ends.
func (st *folder) digits(i int) int {
	s, f := st.src, st.f
	j := i + 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if f.digit < 0 {
		f.digit = i
	}
	st.noteDigit() // only the first digit can touch a letter
	st.flushSeparatorDigit()
	n := len(f.text)
	f.text = append(f.text, s[i:j]...)
	f.mappedAs(n, i, j, 1)
	st.prevHan, st.prevDigit, st.prevLatin = false, true, false
	st.any = true
	return j
}

// hanRun folds the run of characters of the common CJK block from src[i]
// that fold to a character of that block by the table alone (no 加
// homophones), and returns where it ends: i when the first one needs
// hanRune.
func (st *folder) hanRun(i int) int {
	s, f := st.src, st.f
	start, n := i, 0
	for i+2 < len(s) {
		c := s[i]
		if c < 0xE4 || c > 0xE9 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r < 0x4E00 {
			break
		}
		if t := tsDense[r-0x4E00]; t != 0 {
			if t < 0x4E00 || t > 0x9FFF {
				break // tsAdd, tsFar, or outside the block
			}
			r = rune(t)
		}
		if i == start {
			st.flushSeparator(true)
			n = len(f.text)
		}
		f.text = append(f.text, byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
		i += 3
	}
	if i == start {
		return i
	}
	f.han += (i - start) / 3
	f.mappedAs(n, start, i, 3)
	st.prevHan, st.prevDigit, st.prevLatin = true, false, false
	st.any = true
	return i
}

// hanRune folds r, a character of the common CJK block at original range
// [os, oe): NFKC-normal and without case, so only look-alikes of 加 and
// traditional characters change.
func (st *folder) hanRune(r rune, os, oe int) {
	switch s := tsDense[r-0x4E00]; s {
	case 0:
	case tsAdd:
		if st.addBefore(oe) {
			r = '加'
		} else if t, ok := tsTable[r]; ok {
			r = t
		}
	case tsFar:
		r = tsTable[r]
	default:
		r = rune(s)
	}
	st.f.han++
	st.emitRune(r, os, oe)
}

// ascii folds the ASCII byte at s[i], which is neither a letter nor a
// digit.
func (st *folder) ascii(i int) {
	s := st.src
	c := s[i]
	// Letters and digits are folded by letters and digits.
	switch {
	case c == '\'' && st.apostrophe(i, i+1):
		// don't, it's: dropped, so "dont" and "don't" fold alike.
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
		st.hanRune(r, os, oe)
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
		} else if s, ok := yueTable[c]; ok {
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
// characters, so 兼 职 and 赚*钱 match 兼职 and 赚钱, nor between a Chinese
// character and a number or a Latin word (转 5000, 3 万, ETC 卡).
//
// Sentence punctuation (，。！？；：、 and line breaks) is dropped too, though
// it lets a phrase span two clauses ("看房，押金" matches 看房押金). Keeping it
// as a boundary was measured on the dev and tuned written sets and on m
// (folding round): 601 automaton matches span such a mark (413 in scams,
// 188 in genuine rows), yet as a boundary no genuine row stops being
// flagged, while damping lists written with 、 (出租、出借、出售) and a
// retold "他说，…" stop matching: three genuine rows become flagged and
// scams lose 20 signals (no flag); without 、 one genuine row is still
// lost. No scam of the dev sets splits a word with it (兼，职), so it stays
// dropped, as the rules are written to it.
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
	if nextHan && (st.prevHan || st.prevDigit || st.prevLatin) {
		return
	}
	f := st.f
	f.segs = append(f.segs, seg{f: int32(len(f.text)), o: st.pendStart, e: st.pendEnd})
	f.text = append(f.text, ' ')
}

// flushSeparatorDigit is flushSeparator before an ASCII digit: none is
// written after a Chinese character either, so 转 5000 and 月薪 3 万 match
// 转5000 and 月薪3万.
func (st *folder) flushSeparatorDigit() {
	if st.pending && st.prevHan {
		st.pending = false
		return
	}
	st.flushSeparator(false)
}

// flushSeparatorLatin is flushSeparator before an ASCII letter: none is
// written after a Chinese character either, so ETC 卡 and 加 V 信 match
// ETC卡 and 加V信.
func (st *folder) flushSeparatorLatin() {
	if st.pending && st.prevHan {
		st.pending = false
		return
	}
	st.flushSeparator(false)
}

func (st *folder) emitByte(b byte, os, oe int, han bool) {
	st.flushSeparator(han)
	f := st.f
	f.text = append(f.text, b)
	f.mapped(len(f.text)-1, os, oe)
	st.prevHan, st.prevDigit, st.prevLatin = han, false, false
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
	if r >= 0x800 && r < 0xD800 {
		// Three bytes, as every character of the common CJK block.
		f.text = append(f.text, byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
	} else {
		f.text = utf8.AppendRune(f.text, r)
	}
	f.mapped(n, os, oe)
	st.prevHan, st.prevDigit, st.prevLatin = han, false, false
	st.any = true
}

// digitLookalike maps digits written in place of letters inside a Latin word
// (amaz0n, paypa1, acc0unt) to those letters.
func digitLookalike(b byte) byte {
	return wordDigits[b]
}

// unitSuffix reports whether the letters starting t are a unit suffix and
// the whole word (a number written 5k or 3pm, not a word written 5ecure).
func unitSuffix(t []byte) bool {
	n := 0
	for n < len(t) && isASCIILetter(t[n]) {
		n++
	}
	for _, u := range unitSuffixes {
		if string(t[:n]) == u {
			return true
		}
	}
	return false
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
		inWord := j < len(t) && isASCIILetter(t[j]) && !(wordStart && unitSuffix(t[j:]))
		atEnd := !wordStart && (j == len(t) || t[j] == ' ') && j-i <= 2 && i >= 3 && isASCIILetter(t[i-2]) && isASCIILetter(t[i-3])
		if inWord || atEnd {
			for k := i; k < j; k++ {
				t[k] = digitLookalike(t[k])
			}
		}
		i = j
	}
}

// SimplifiedRune returns the default simplified form of a traditional
// Chinese character (OpenCC's table, as the rules fold it), or r itself.
// The dialogs read the person's own words with it, so "帳戶", "匯款" and
// "簡訊" meet the phrases written in simplified characters.
func SimplifiedRune(r rune) rune {
	if s, ok := tsTable[r]; ok {
		return s
	}
	return r
}
