package classifier

import (
	"bytes"
	"math"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// anchoredRegexp is a rule's regexp with a cheap pre-scan. Go's regexp
// tries every start position, so a regexp that rarely matches cost as much
// as the whole automaton pass on the messages whose gate it passed. Most
// rule regexps contain a run that ordinary text seldom has ("\d{4,5}" in a
// premium short code) or a literal ("%", "拨打|致电|回电"): when none is in
// the text there is no match, and when there is one, no match can start
// more than maxBefore bytes before the first, so the search starts there.
type anchoredRegexp struct {
	re *regexp.Regexp
	// A match contains runLen consecutive bytes of runSet that start at
	// most maxBefore bytes after the match does. runLen 0: no anchor.
	runSet    [256]bool
	runLen    int
	maxBefore int
	// lits, when set instead of a run, are literals one of which every
	// match contains maxBefore bytes at most after it starts ("day", "折",
	// or one of "拨打", "致电", "回电").
	lits [][]byte
	// width, when not 0, is the most bytes a match can take: then each
	// anchor bounds a window that holds every match through it, and
	// findIndex searches those windows instead of all the text after the
	// first anchor (a search costs in proportion to the text it is given,
	// and a long message's first "%" is seldom a match).
	width int
	// wordAssert: the regexp has \b or \B. A window then starts after a
	// byte that is no ASCII word byte (or at the text's start), so an
	// assertion at its first byte sees what it would see in the text.
	wordAssert bool
	// lead, when set, are literals one of which every match starts with
	// (after a \b when leadWord): a search then tries only the places
	// where one of them is, each with leadRe, the regexp anchored at the
	// start of what it is given. The unanchored search tries every byte
	// of its window, and a window after a common anchor ("call", "电话")
	// is a hundred bytes or more.
	lead     [][]byte
	leadWord bool
	leadRe   *regexp.Regexp
}

// maxWindowWidth bounds the width of a windowed regexp: a wider window
// saves little over searching the rest of the text.
const maxWindowWidth = 512

// maxWindows is how many anchors findIndex tries by windows before it
// searches the rest of the text at once.
const maxWindows = 16

// minAnchorBits is how unlikely (in bits, for random bytes) an anchor run
// must be to be worth a pre-scan.
const minAnchorBits = 8

func compileAnchored(expr string) (*anchoredRegexp, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	a := &anchoredRegexp{re: re}
	// The same flags as regexp.Compile.
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || !sliceSafe(tree) {
		return a, nil
	}
	a.wordAssert = hasWordAssert(tree)
	elems := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		elems = tree.Sub
	}
	if err := a.setLead(expr, elems); err != nil {
		return nil, err
	}
	best := 0.0
	before := 0
	for _, e := range elems {
		if lits := literals(e); lits != nil {
			// One of k literals: the bits of the least rare, less what
			// the choice among them costs.
			short := literalBits(lits[0])
			for _, l := range lits {
				short = min(short, literalBits(l))
			}
			if bits := short - math.Log2(float64(len(lits))); bits >= minAnchorBits && bits > best {
				best, a.lits, a.runLen, a.maxBefore = bits, lits, 0, before
			}
		}
		if set, k, ok := classRun(e); ok {
			n := 0
			for _, in := range set {
				if in {
					n++
				}
			}
			if bits := float64(k) * math.Log2(256/float64(n)); bits >= minAnchorBits && bits > best {
				best, a.runSet, a.runLen, a.maxBefore, a.lits = bits, set, k, before, nil
			}
		}
		w, ok := maxWidth(e)
		if !ok {
			break // later elements can start anywhere
		}
		before += w
	}
	if w, ok := maxWidth(tree); ok && w <= maxWindowWidth {
		a.width = w
	}
	return a, nil
}

// setLead sets lead when the regexp's first element, after an optional
// \b, is one literal or an alternation of them. After a \b each literal
// must start with a word byte: then the \b holds in the text exactly
// where the byte before is no word byte, which findLead checks, since at
// the start of what leadRe is given it always holds.
func (a *anchoredRegexp) setLead(expr string, elems []*syntax.Regexp) error {
	i := 0
	if len(elems) > 1 && elems[0].Op == syntax.OpWordBoundary {
		i = 1
	}
	lits, ok := finiteStrings(elems[i], maxLead)
	if !ok {
		return nil
	}
	// The literals after it: 你是 and 您是 are rarer than 你 and 您.
	for _, e := range elems[i+1:] {
		more, ok := finiteStrings(e, 1)
		if !ok {
			break
		}
		lits = cross(lits, more)
	}
	for _, l := range lits {
		if len(l) == 0 || i == 1 && !isWordByte(l[0]) {
			return nil
		}
	}
	re, err := regexp.Compile(`^(?:` + expr + `)`)
	if err != nil {
		return err
	}
	a.lead, a.leadWord, a.leadRe = lits, i == 1, re
	return nil
}

// maxLead bounds the lead literals: each is searched for in turn.
const maxLead = 32

// maxLeadClass bounds the characters of a class read as literals: a lead
// of [a-z] is no rarer than what follows it.
const maxLeadClass = 4

// finiteStrings returns the strings re matches when they are at most
// limit and re has no assertion: the parser factors
// "txt|text|send" into t(?:xt|ext)|send, which literals does not read.
func finiteStrings(re *syntax.Regexp, limit int) ([][]byte, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		var lit []byte
		for _, r := range re.Rune {
			lit = utf8.AppendRune(lit, r)
		}
		return [][]byte{lit}, true
	case syntax.OpEmptyMatch:
		return [][]byte{nil}, true
	case syntax.OpQuest:
		ss, ok := finiteStrings(re.Sub[0], limit-1)
		return append(ss, nil), ok
	case syntax.OpCharClass:
		var out [][]byte
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == min(limit, maxLeadClass) {
					return nil, false
				}
				out = append(out, utf8.AppendRune(nil, r))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return finiteStrings(re.Sub[0], limit)
	case syntax.OpAlternate:
		var out [][]byte
		for _, sub := range re.Sub {
			ss, ok := finiteStrings(sub, limit-len(out))
			if !ok {
				return nil, false
			}
			out = append(out, ss...)
		}
		return out, true
	case syntax.OpConcat:
		out := [][]byte{nil}
		for _, sub := range re.Sub {
			ss, ok := finiteStrings(sub, limit)
			if !ok || len(out)*len(ss) > limit {
				return nil, false
			}
			out = cross(out, ss)
		}
		return out, true
	}
	return nil, false
}

// cross returns every string of as followed by one of bs.
func cross(as, bs [][]byte) [][]byte {
	out := make([][]byte, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, append(append([]byte(nil), a...), b...))
		}
	}
	return out
}

// findLead is findIndex by the lead literals: the leftmost place where
// one of them starts and leadRe matches is where the leftmost match of
// re starts, and leadRe prefers there what re prefers, since nothing in
// the regexp looks before its start but the \b that findLead checks.
func (a *anchoredRegexp) findLead(t []byte) []int {
	// next[i] is where lead i next starts at or after pos, -1 when it
	// does not: each literal is searched for once past each of its places,
	// not again from every place another one starts.
	var next [maxLead]int
	for i, l := range a.lead {
		next[i] = bytes.Index(t, l)
	}
	for pos := 0; ; {
		p := -1
		for _, at := range next[:len(a.lead)] {
			if at >= 0 && (p < 0 || at < p) {
				p = at
			}
		}
		if p < 0 {
			return nil
		}
		pos = p + 1
		for i, at := range next[:len(a.lead)] {
			if at == p {
				if k := bytes.Index(t[pos:], a.lead[i]); k >= 0 {
					next[i] = pos + k
				} else {
					next[i] = -1
				}
			}
		}
		if a.leadWord && p > 0 && isWordByte(t[p-1]) {
			continue
		}
		hi := len(t)
		if a.width > 0 {
			hi = windowEnd(t, p+a.width)
		}
		if loc := a.leadRe.FindIndex(t[p:hi]); loc != nil {
			return []int{p + loc[0], p + loc[1]}
		}
	}
}

// literalBits is how unlikely a literal is in a message: 8 bits an ASCII
// byte, as for random bytes, but 10 a Chinese character, not the 24 of its
// three bytes. 电话 or 联系 is in one Chinese message in a few, and a run of
// digits after it ("[0-9 -]{6,}", 26 bits) is the rarer anchor.
func literalBits(lit []byte) float64 {
	bits := 0.0
	for _, r := range string(lit) {
		switch {
		case 'a' <= r && r <= 'z':
			bits += 4
		case r < utf8.RuneSelf:
			bits += 8
		default:
			bits += 10
		}
	}
	return bits
}

// literals returns the literals of re when it is one (a case-sensitive
// literal) or an alternation of them, nil otherwise.
func literals(re *syntax.Regexp) [][]byte {
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		subs = re.Sub
	}
	var lits [][]byte
	for _, s := range subs {
		if s.Op != syntax.OpLiteral || s.Flags&syntax.FoldCase != 0 {
			return nil
		}
		var lit []byte
		for _, r := range s.Rune {
			lit = utf8.AppendRune(lit, r)
		}
		lits = append(lits, lit)
	}
	return lits
}

// findIndex is regexp.FindIndex.
//
// Windows: the anchors at or after pos that are not yet searched start
// in [pa, pb]. A match through one of them starts at or after
// lo = pa-maxBefore and ends by pb+width, so the leftmost match in
// t[lo:pb+width] that starts by pb is the leftmost of t: one that starts
// before it would lie in that window too, or, through an earlier anchor,
// in an earlier window, which found nothing that starts by its pb. Every
// match that starts there ends in the window, so the regexp prefers the
// same one as in all of t. The window starts and ends on whole
// characters, and reaches one character past pb+width: a match that
// starts by pb cannot reach the window's end, so an end assertion ($)
// holds at no place it does not hold in t (the regexp has no assertion
// about what comes before, see sliceSafe). A match found that starts after
// pb may be cut by the window: the next anchor's window decides.
func (a *anchoredRegexp) findIndex(t []byte) []int {
	if a.lead != nil {
		// The anchor, when there is one, only says whether to search.
		if (a.lits != nil || a.runLen > 0) && !a.hasAnchor(t) {
			return nil
		}
		return a.findLead(t)
	}
	if a.lits == nil && a.runLen == 0 {
		return a.re.FindIndex(t)
	}
	for pos, windows := 0, 0; ; windows++ {
		pa, pb, ok := a.anchor(t, pos)
		if !ok {
			return nil
		}
		lo := max(pa-a.maxBefore, 0)
		for lo > 0 && !utf8.RuneStart(t[lo]) {
			lo-- // start on a character, as the full search does
		}
		for a.wordAssert && lo > 0 && isWordByte(t[lo-1]) {
			// Start after a non-word byte: \b or \B at the window's
			// first byte then holds where it holds in t. A match that
			// starts in the stretch added is still one of t's, and the
			// leftmost (the windows' argument holds for any lo at or
			// before pa-maxBefore).
			lo--
		}
		hi := len(t)
		if a.width > 0 && windows < maxWindows {
			hi = windowEnd(t, pb+a.width)
		}
		loc := a.re.FindIndex(t[lo:hi])
		if hi == len(t) || loc != nil && lo+loc[0] <= pb {
			if loc != nil {
				loc[0] += lo
				loc[1] += lo
			}
			return loc
		}
		pos = pb + 1
	}
}

// windowEnd is where a window whose matches end by end stops: one
// character more, so no match reaches the window's end (an end assertion
// holds nowhere it does not hold in t), and after a whole character, as
// in t; len(t) at most.
func windowEnd(t []byte, end int) int {
	hi := min(end, len(t))
	if hi < len(t) {
		hi++
	}
	for hi < len(t) && !utf8.RuneStart(t[hi]) {
		hi++
	}
	return hi
}

// hasAnchor reports whether t has an anchor.
func (a *anchoredRegexp) hasAnchor(t []byte) bool {
	_, _, ok := a.anchor(t, 0)
	return ok
}

// anchor finds the first anchor in t at or after pos: a match through it
// has its anchor start in [pa, pb] (a literal: one place; a run: any place
// in it that leaves runLen bytes).
func (a *anchoredRegexp) anchor(t []byte, pos int) (pa, pb int, ok bool) {
	if a.lits != nil {
		pa = -1
		for _, l := range a.lits {
			end := len(t)
			if pa >= 0 {
				end = min(pa+len(l), len(t)) // only an earlier one matters
			}
			if i := bytes.Index(t[pos:end], l); i >= 0 {
				pa = pos + i
			}
		}
		return pa, pa, pa >= 0
	}
	run := 0
	for i := pos; i < len(t); i++ {
		if !a.runSet[t[i]] {
			run = 0
			continue
		}
		if run++; run == a.runLen {
			end := i + 1
			for end < len(t) && a.runSet[t[end]] {
				end++
			}
			return i + 1 - run, end - a.runLen, true
		}
	}
	return 0, 0, false
}

// sliceSafe reports whether matching re in t[from:] finds what matching
// in t finds at or after from: no assertion looks at what comes before
// (^, \A), or only at whether the byte before is a word byte (\b, \B),
// which findIndex keeps true by where its windows start (wordAssert).
func sliceSafe(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText:
		return false
	}
	for _, s := range re.Sub {
		if !sliceSafe(s) {
			return false
		}
	}
	return true
}

// hasWordAssert reports whether re has \b or \B.
func hasWordAssert(re *syntax.Regexp) bool {
	if re.Op == syntax.OpWordBoundary || re.Op == syntax.OpNoWordBoundary {
		return true
	}
	for _, s := range re.Sub {
		if hasWordAssert(s) {
			return true
		}
	}
	return false
}

// isWordByte reports whether b is an ASCII word byte, as \b reads it.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// classRun reports whether every match of re is at least k bytes of an
// ASCII set (x{k,}, x+ or x for a class x).
func classRun(re *syntax.Regexp) (set [256]bool, k int, ok bool) {
	cls := re
	switch re.Op {
	case syntax.OpRepeat:
		cls, k = re.Sub[0], re.Min
	case syntax.OpPlus:
		cls, k = re.Sub[0], 1
	case syntax.OpCharClass:
		k = 1
	default:
		return set, 0, false
	}
	if cls.Op != syntax.OpCharClass || k < 1 {
		return set, 0, false
	}
	for i := 0; i+1 < len(cls.Rune); i += 2 {
		lo, hi := cls.Rune[i], cls.Rune[i+1]
		if hi >= utf8.RuneSelf {
			return set, 0, false
		}
		for r := lo; r <= hi; r++ {
			set[r] = true
		}
	}
	return set, k, true
}

// maxWidth returns the most bytes a match of re can take, ok false when
// unbounded.
func maxWidth(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return len(re.Rune) * utf8.UTFMax, true // K matches the 3-byte Kelvin sign
		}
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n, true
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0, true
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], utf8.MaxRune)), true
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax, true
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpRepeat:
		w, ok := maxWidth(re.Sub[0])
		if !ok || re.Max < 0 {
			return 0, false
		}
		return re.Max * w, true
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, s := range re.Sub {
			w, ok := maxWidth(s)
			if !ok {
				return 0, false
			}
			if re.Op == syntax.OpConcat {
				total += w
			} else {
				total = max(total, w)
			}
		}
		return total, true
	}
	return 0, false // star, plus
}
