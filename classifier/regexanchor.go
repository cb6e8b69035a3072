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
// premium short code): when none is in the text there is no match, and
// when there is one, no match can start more than maxBefore bytes before
// the first, so the search starts there.
type anchoredRegexp struct {
	re *regexp.Regexp
	// A match contains runLen consecutive bytes of runSet that start at
	// most maxBefore bytes after the match does. runLen 0: no anchor.
	runSet    [256]bool
	runLen    int
	maxBefore int
	// lit, when set instead of a run, is a literal every match contains
	// maxBefore bytes at most after it starts ("day", "折").
	lit []byte
}

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
	elems := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		elems = tree.Sub
	}
	best := 0.0
	before := 0
	for _, e := range elems {
		if e.Op == syntax.OpLiteral && e.Flags&syntax.FoldCase == 0 {
			var lit []byte
			for _, r := range e.Rune {
				lit = utf8.AppendRune(lit, r)
			}
			if bits := 8 * float64(len(lit)); bits >= minAnchorBits && bits > best {
				best, a.lit, a.runLen, a.maxBefore = bits, lit, 0, before
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
				best, a.runSet, a.runLen, a.maxBefore, a.lit = bits, set, k, before, nil
			}
		}
		w, ok := maxWidth(e)
		if !ok {
			break // later elements can start anywhere
		}
		before += w
	}
	return a, nil
}

// findIndex is regexp.FindIndex.
func (a *anchoredRegexp) findIndex(t []byte) []int {
	q := -1
	switch {
	case a.lit != nil:
		q = bytes.Index(t, a.lit)
	case a.runLen == 0:
		return a.re.FindIndex(t)
	default:
		run := 0
		for i, b := range t {
			if !a.runSet[b] {
				run = 0
				continue
			}
			if run++; run == a.runLen {
				q = i + 1 - run
				break
			}
		}
	}
	if q < 0 {
		return nil
	}
	from := max(q-a.maxBefore, 0)
	for from > 0 && !utf8.RuneStart(t[from]) {
		from-- // start on a character, as the full search does
	}
	loc := a.re.FindIndex(t[from:])
	if loc != nil {
		loc[0] += from
		loc[1] += from
	}
	return loc
}

// sliceSafe reports whether matching re in t[from:] finds what matching
// in t finds at or after from: no assertion looks at what comes before
// (^, \A, \b, \B).
func sliceSafe(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	}
	for _, s := range re.Sub {
		if !sliceSafe(s) {
			return false
		}
	}
	return true
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
