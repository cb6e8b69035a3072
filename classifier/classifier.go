package classifier

import (
	"cmp"
	"fmt"
	"io/fs"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/classifier/model"
)

// Classifier holds the compiled rules. It is safe for concurrent use: after
// New it is only read, and per-message scratch space comes from a pool.
type Classifier struct {
	rs   *ruleSet
	pool sync.Pool
	// model is the learned second opinion; nil for rules only.
	model *model.Model
}

// scratch is the per-message working memory, reused across messages.
type scratch struct {
	f       folded
	matches []acMatch
	hits    []hit
	hitList []int32 // terms with a hit, in no order
	// ruleBits marks candidate rules, one bit each: read in order, they
	// come out sorted and once each.
	ruleBits []uint64
	cands    []int32
	order    []int32   // signals by falling weight
	typeW    []float64 // weight per type, indexed like Types
	sigs     []Signal
	// scaleSigs are the signals of scaling rules, with their factors.
	scaleSigs []scaled
	ents      Entities
	// backs are the closing negators of the message ("…都是诈骗"), found
	// before the scopes are made because they reach back.
	backs []backScope
	// cues are the original ranges of the phrases that address the
	// reader (请, 你先, 把…), found first because they may stand after
	// the ask they address ("转到这个账户, 麻烦了"); nouns are the ranges
	// of the phrases that make an ask word a noun ("一笔转账").
	cues, nouns []Span
	// masks are the matches of mask phrases ("日结束", "申请"), found
	// first because they end after the shorter words they hide.
	masks []acMatch
	// quotes are the quotations entity.debunked_quote and entity.cited
	// found, in text order, nil when they found none; outHits are the
	// hits as seen outside them, made when a rule first asks
	// (outsideHits).
	quotes  []Span
	outHits []hit
	outMade bool
	// scoped says, for each of matches, which term scopeNegations counted
	// it for (scopedBase, scopedNot, scopedBare; 0 when it did not look):
	// outside the quotations, "使领馆不会要求转账" counts for not.转账, as it
	// did in the whole text.
	scoped []uint8
	// debunked is set when a rule that reads outside the quotation
	// scaled the score: the writer judged the quoted message false.
	debunked bool
}

// scaled is a signal whose rule multiplies the score.
type scaled struct {
	sig   int32
	scale float64
}

// hit is the first occurrence of a term in the folded text.
type hit struct {
	ok         bool
	start, end int32
	// entity marks a span in the original text rather than the folded.
	entity bool
}

// New compiles the embedded rules and loads the embedded model.
func New() (*Classifier, error) {
	m, err := model.Shipped()
	if err != nil {
		return nil, modelError(err)
	}
	return NewWithModel(m)
}

// newFromFS compiles the rule files of dir in fsys (tests use fixtures).
func newFromFS(fsys fs.FS, dir string) (*Classifier, error) {
	if dataErr != nil {
		return nil, fmt.Errorf("classifier data: %w", dataErr)
	}
	if brandsErr != nil {
		return nil, fmt.Errorf("classifier brands: %w", brandsErr)
	}
	rs, err := loadRules(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("classifier rules: %w", err)
	}
	c := &Classifier{rs: rs}
	c.pool.New = func() any {
		return &scratch{hits: make([]hit, len(rs.terms)), ruleBits: make([]uint64, (len(rs.rules)+63)/64), typeW: make([]float64, len(Types))}
	}
	return c, nil
}

// Classify returns the verdict for one message. It runs the stages in
// order, each on the message's scratch: fold, match, scope negations,
// entities, rules, combine, level, and the model's second opinion.
func (c *Classifier) Classify(text string) Verdict {
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	rs := c.rs
	fold(&sc.f, text)
	v := Verdict{Lang: langOf(&sc.f), Source: SourceRules}
	zh := v.Lang == "zh"
	v.Entities = rs.rulesVerdict(sc, text, zh, &v)
	// A message quoted whole and judged false by the writer: the model
	// reads the writer's own words, not the script it would recognise.
	debunked, ownWords := sc.debunked, ""
	if debunked {
		ownWords = outsideSpans(text, sc.quotes)
	}
	if v.Level < LevelHigh {
		if from, to, kind := rs.costumeRest(sc, text); kind != noCostume {
			// A warning's words in the first sentence only, and a
			// message after them that speaks to the reader or asks for
			// itself: judge the message without its costume (the model
			// too, which the warning words would sway), and keep
			// whichever verdict warns more.
			w := Verdict{Lang: v.Lang, Source: SourceRules}
			fold(&sc.f, text[from:to])
			rs.rulesVerdict(sc, text[from:to], zh, &w)
			asks := rs.asksOwn(sc) || addressesReader(text[from:to])
			if kind == closingDenial {
				asks = len(rs.closingAsk) > 0 && rs.closingAsk.matched(sc.hits)
			}
			if asks && !damped(w) && !rs.talksOfScams(sc) {
				c.applyModel(&w, sc.f.text)
				if w.Level > v.Level {
					v = rs.costumed(v, w, from)
				}
			}
			fold(&sc.f, text)
		}
	}
	if debunked {
		fold(&sc.f, ownWords)
	}
	c.applyModel(&v, sc.f.text)
	return v
}

// outsideSpans is text without the spans (sorted, not overlapping), each
// replaced by a space.
func outsideSpans(text string, spans []Span) string {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp.Start < last {
			continue
		}
		b.WriteString(text[last:sp.Start])
		b.WriteByte(' ')
		last = sp.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// rulesVerdict runs the rule stages on the folded text in sc (match, scope
// negations, regexes, entities, rules, combine, level) into v, and returns
// the message's entities.
func (rs *ruleSet) rulesVerdict(sc *scratch, text string, zh bool, v *Verdict) *Entities {
	rs.match(sc)
	rs.scopeNegations(sc, text, zh)
	rs.matchRegexes(sc)
	ents := rs.findEntities(sc, text)
	rs.applyRules(sc, text, zh)
	rs.combine(sc, v)
	rs.level(v)
	return ents
}

// costumeSignalID is the signal of a message judged without the warning
// words it wears ("【防骗提醒】谨防电信诈骗，提高警惕。" on top of a script).
const costumeSignalID = "warning_costume"

// costumeAskSet is the rule set whose hit makes the rest of a costumed
// message a script: an ask, a channel or an accusation of its own.
const costumeAskSet = "costume_ask"

// warningTalkSet is the rule set of a warning's and a report's own words;
// a rest that holds one is part of the warning (talksOfScams).
const warningTalkSet = "warning_talk"

// disclaimerSet is the rule set of a notice's own closing advice and
// denials ("切勿泄露", "do not share this code"): a last sentence holding one
// is the notice's, not a costume's (costumeRest).
const disclaimerSet = "disclaimer"

// neverSet is the rule set of a sender's denials ("we will never ask for
// your PIN", "切勿泄露"); closingAskSet what a rest must ask for when the
// only denials close the message: what no notice asks of its reader.
const (
	neverSet      = "genuine_never"
	closingAskSet = "closing_ask"
)

// minCostumeRestRunes is the least a message beside a warning's sentence
// must hold to be judged on its own: a notice's closing line is no script.
const minCostumeRestRunes = 15

// costumeRest finds a warning worn as a costume, after a first pass over
// text: every word of the genuine-context veto's set lies in one sentence
// (usually the first; a 【header】 belongs to the sentence after it, and a
// line before it, "转发：", is the person's), not asked as a question, and
// the rest after it, from and to, holds at least minCostumeRestRunes; or
// every one lies in the last sentence, a slogan without a notice's own
// advice or denial (disclaimerSet: "切勿泄露", "do not share"); or every
// denial of the sender's lies in the last sentence (closingDenial). A real
// warning keeps warning to its end (凡是…都是骗子, "hang up and call 110"),
// and a real notice closes with what the reader must not do; a script
// borrows a slogan before or after its own ask. kind is noCostume when
// there is no such split. The rest is a costume's only when, judged alone,
// it asks for itself or speaks to the reader and nothing in it damps the
// score or talks of scams (Classify).
func (rs *ruleSet) costumeRest(sc *scratch, text string) (from, to int, kind costumeKind) {
	wearsWarning := len(rs.veto) > 0 && rs.veto.matched(sc.hits)
	if !wearsWarning && (len(rs.never) == 0 || !rs.never.matched(sc.hits)) {
		// Most messages wear neither a warning's words nor a denial: no
		// pass over the matches.
		return 0, 0, noCostume
	}
	first, last := len(text), -1 // the original range of the veto set's matches
	disclaimer := -1             // the original end of the disclaimer set's last match
	neverFirst := len(text)      // the original start of the denials' first match
	for _, m := range sc.matches {
		if int(m.pat) >= len(rs.patterns) {
			continue
		}
		p := rs.patterns[m.pat]
		if !rs.wordOK(sc.f.text, p, m) {
			continue
		}
		t := p.term
		if slices.Contains(rs.never, t) {
			neverFirst = min(neverFirst, sc.f.span(int(m.start), int(m.end)).Start)
		}
		switch {
		case slices.Contains(rs.veto, t):
			sp := sc.f.span(int(m.start), int(m.end))
			first, last = min(first, sp.Start), max(last, sp.End)
		case slices.Contains(rs.disclaimer, t):
			disclaimer = max(disclaimer, sc.f.span(int(m.start), int(m.end)).End)
		}
	}
	if last >= 0 {
		// The sentence the warning's first word stands in, usually the
		// first; a line before it ("转发：", "look at this") is the
		// person's.
		if end := endOfSentenceAt(text, first); last <= end && runesAtLeast(text[end:], minCostumeRestRunes) {
			if q, _ := utf8.DecodeLastRuneInString(text[:end]); q != '?' && q != '？' {
				// Not "这个是不是诈骗？…": a person asking about what follows.
				return end, len(text), slogan
			}
		}
	}
	start := closingSentenceStart(text)
	if !runesAtLeast(text[:start], minCostumeRestRunes) || first < start {
		return 0, 0, noCostume
	}
	if last >= 0 && disclaimer <= start {
		return 0, start, slogan
	}
	if neverFirst >= start && neverFirst < len(text) {
		// Every denial in the last sentence ("Never share your code with
		// anyone."): a notice's closing, or one copied under a script.
		return 0, start, closingDenial
	}
	return 0, 0, noCostume
}

// costumeKind is what costumeRest found a message wearing.
type costumeKind uint8

const (
	noCostume costumeKind = iota
	// slogan: a warning's words in the first or the last sentence only.
	slogan
	// closingDenial: a notice's denial ("切勿泄露", "we will never ask")
	// in the last sentence only, which genuine notices close with too: the
	// rest must then ask for something no notice asks (closingAskSet).
	closingDenial
)

// runesAtLeast reports whether s, without its surrounding spaces, holds n
// runes or more.
func runesAtLeast(s string, n int) bool {
	return utf8.RuneCountInString(strings.TrimSpace(s)) >= n
}

// closingSentenceStart returns the byte offset where the text's last
// sentence begins: just past the last sentence end before the text's own
// final mark (0 when the text is one sentence). An opening bracket of a
// closing aside ("…（温馨提示：谨防诈骗）") begins one too.
func closingSentenceStart(text string) int {
	body := strings.TrimRight(text, " \t\n。！？!?.）)")
	for i := len(body) - 1; i >= 0; i-- {
		switch {
		case strings.HasPrefix(body[i:], "。"), strings.HasPrefix(body[i:], "！"), strings.HasPrefix(body[i:], "？"),
			strings.HasPrefix(body[i:], "（"):
			return i
		case body[i] == '!' || body[i] == '?' || body[i] == '\n' || body[i] == '(':
			return i
		case body[i] == '.' && i+1 < len(body) && body[i+1] == ' ':
			return i
		}
	}
	return 0
}

// asksOwn reports whether the text just classified in sc holds a hit of
// the set costumeAskSet: an ask, a channel or an accusation of its own.
func (rs *ruleSet) asksOwn(sc *scratch) bool {
	return len(rs.costumeAsk) > 0 && rs.costumeAsk.matched(sc.hits)
}

// talksOfScams reports whether the text just classified in sc holds a
// hit of the set warningTalkSet: a warning's or a report's own words
// ("callers claim", "police said", 受害人, "hang up and call 911"), which
// make the rest part of the warning however little it damps.
func (rs *ruleSet) talksOfScams(sc *scratch) bool {
	return len(rs.warningTalk) > 0 && rs.warningTalk.matched(sc.hits)
}

// readerRe finds the reader spoken to: a script talks to its target; a
// warning's description of the scam talks about callers and victims.
var readerRe = regexp.MustCompile(`(?i)\b(?:you|your|yours|u|ur)\b|你|您`)

// addressesReader reports whether text speaks to its reader.
func addressesReader(text string) bool { return readerRe.MatchString(text) }

// damped reports whether a verdict holds a signal that lowered its score
// (a warning's markers, a denial, a refusal told): such a rest is part of
// the warning, not a script beside it.
func damped(v Verdict) bool {
	for _, s := range v.Signals {
		if s.Weight < 0 {
			return true
		}
	}
	return false
}

// endOfSentenceAt returns the byte offset just past the sentence that holds
// byte from: the first 。！？!?, newline, or full stop before a space at or
// after it (a 【header】 belongs to the sentence after it).
func endOfSentenceAt(text string, from int) int {
	for i, r := range text[from:] {
		i += from
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			return i + utf8.RuneLen(r)
		case '.':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
				return i + 1
			}
		}
	}
	return len(text)
}

// costumeWeight is what wearing a warning adds to the script's own
// score: the costume is a sign of its own, a small one.
const costumeWeight = 0.5

// costumed is the verdict w of the message without its costume, its
// signals moved by off to the whole text's offsets, with the costume
// itself named first and weighed in: a script that dresses as a warning
// says so about itself. The whole text's entities stay.
func (rs *ruleSet) costumed(v, w Verdict, off int) Verdict {
	sigs := make([]Signal, 0, len(w.Signals)+1)
	sigs = append(sigs, Signal{ID: costumeSignalID, Explain: "sig.warning_costume", Weight: costumeWeight})
	for _, s := range w.Signals {
		s.Span = Span{s.Span.Start + off, s.Span.End + off}
		sigs = append(sigs, s)
	}
	w.Signals = sigs
	w.Score += costumeWeight
	w.Level = LevelNone
	rs.level(&w)
	w.Entities = v.Entities
	w.Lang = v.Lang
	return w
}

// match runs the automaton over the folded text and forgets the previous
// message's hits.
func (rs *ruleSet) match(sc *scratch) {
	for _, ti := range sc.hitList {
		sc.hits[ti] = hit{}
	}
	sc.hitList = sc.hitList[:0]
	sc.quotes, sc.outMade, sc.debunked = sc.quotes[:0], false, false
	sc.matches = rs.ac.findAll(sc.f.text, sc.matches[:0])
}

// scopeNegations turns the automaton's matches into hits, the first of
// each term: a match at a word boundary its phrase does not allow is
// none, and a negatable term's match inside a negation scope is a hit of
// its companion "not.<id>" instead (see rules/README.md). Matches come in
// order of their end, so one open scope at a time is enough.
func (rs *ruleSet) scopeNegations(sc *scratch, text string, zh bool) {
	t := sc.f.text
	// A closing negator comes after the words it takes back, and a mask
	// after the shorter words it hides, so both are gathered first.
	sc.backs, sc.masks = sc.backs[:0], sc.masks[:0]
	for _, m := range sc.matches {
		if int(m.pat) >= len(rs.patterns) {
			continue
		}
		p := rs.patterns[m.pat]
		if (p.neg == negBackClause || p.neg == negBackSentence) && rs.wordOK(t, p, m) {
			sc.backs = append(sc.backs, backScope{m.start, m.end, p.neg})
		}
		if p.mask {
			sc.masks = append(sc.masks, m)
		}
	}
	sc.cues, sc.nouns = sc.cues[:0], sc.nouns[:0]
	// The cues of the message's own language: an English "please" does
	// not address a Chinese ask, nor 请 an English one.
	cue := addrCueEn
	if zh {
		cue = addrCue
	}
	for _, m := range sc.matches {
		if int(m.pat) >= len(rs.patterns) {
			continue
		}
		p := rs.patterns[m.pat]
		// The nouns: in Chinese the words that make a money word a noun,
		// in English the payouts that make one money coming in.
		noun := zh && p.addr == addrNoun || !zh && p.addr == addrPayoutEn
		if p.addr != cue && !noun || !rs.wordOK(t, p, m) || len(sc.masks) > 0 && masked(sc.masks, m) {
			continue
		}
		from, _ := sc.f.offsets(int(m.start))
		_, to := sc.f.offsets(int(m.end) - 1)
		if p.addr == cue {
			sc.cues = append(sc.cues, Span{int(from), int(to)})
		} else {
			sc.nouns = append(sc.nouns, Span{int(from), int(to)})
		}
	}
	var scope negScope
	sc.scoped = slices.Grow(sc.scoped[:0], len(sc.matches))[:len(sc.matches)]
	clear(sc.scoped)
	for mi, m := range sc.matches {
		if int(m.pat) >= len(rs.patterns) {
			continue // an app name, for the entities
		}
		p := rs.patterns[m.pat]
		h := &sc.hits[p.term]
		if h.ok && p.neg == negNone {
			continue
		}
		if !rs.wordOK(t, p, m) || len(sc.masks) > 0 && masked(sc.masks, m) {
			continue
		}
		switch p.neg {
		case negClause, negSentence:
			scope.open(m, p.neg)
		case negCancel:
			scope.cancel(m)
		case negEnds:
			scope.kind = negNone
		case negTarget:
			if scope.covers(&sc.f, text, zh, m) || backCovers(sc.backs, &sc.f, text, m) {
				sc.hit(rs.terms[p.term].not, hit{ok: true, start: m.start, end: m.end})
				sc.scoped[mi] = scopedNot
				continue
			}
		}
		if p.addr == addrNeeded && zh && !addressed(sc.cues, sc.nouns, &sc.f, text, m) ||
			p.addr == addrNeededEn && !zh && !addressedEn(sc.cues, sc.nouns, &sc.f, text, m) {
			sc.hit(rs.terms[p.term].bare, hit{ok: true, start: m.start, end: m.end})
			sc.scoped[mi] = scopedBare
			continue
		}
		sc.hit(p.term, hit{ok: true, start: m.start, end: m.end})
		sc.scoped[mi] = scopedBase
	}
}

// What scopeNegations counted a match for (scratch.scoped).
const (
	scopedBase uint8 = 1 + iota
	scopedNot
	scopedBare
)

// masked reports whether a mask match covers m and is longer: m is then
// part of a longer word ("日结" in "日结束", "请" in "申请").
func masked(masks []acMatch, m acMatch) bool {
	for _, k := range masks {
		if k.start <= m.start && m.end <= k.end && k.end-k.start > m.end-m.start {
			return true
		}
	}
	return false
}

// wordOK reports whether match m of pattern p stands at the word
// boundaries its phrase asks for.
func (rs *ruleSet) wordOK(t []byte, p pattern, m acMatch) bool {
	if p.leftWord && m.start > 0 && isASCIILetter(t[m.start-1]) {
		return false
	}
	if int(m.end) >= len(t) {
		return true
	}
	return (!p.rightWord || !isASCIILetter(t[m.end])) && (!p.rightNumber || !isDigit(t[m.end]))
}

// hit records h as term ti's hit unless the term has one already.
func (sc *scratch) hit(ti int32, h hit) {
	if !sc.hits[ti].ok {
		sc.hits[ti] = h
		sc.hitList = append(sc.hitList, ti)
	}
}

// matchRegexes runs the regexes of the terms whose gate phrase matched.
func (rs *ruleSet) matchRegexes(sc *scratch) {
	for k, gi := range rs.regexGate {
		if !sc.hits[gi].ok {
			continue
		}
		ti := rs.regexIdx[k]
		for _, re := range rs.terms[ti].regex {
			if loc := re.findIndex(sc.f.text); loc != nil {
				if !sc.hits[ti].ok {
					sc.hitList = append(sc.hitList, ti)
				}
				sc.hits[ti] = hit{ok: true, start: int32(loc[0]), end: int32(loc[1])}
				break
			}
		}
	}
}

// findEntities finds the links, numbers, amounts, wallets and apps of the
// message, makes them hits of the entity sets, and returns a copy the
// verdict keeps (nil when there are none).
func (rs *ruleSet) findEntities(sc *scratch, text string) *Entities {
	extractEntities(text, &sc.f, sc.matches, rs.appOf, &sc.ents)
	sc.ents.eachKind(func(k entityKind, h hit) {
		if ti := rs.entity[k]; ti >= 0 {
			sc.hit(ti, h)
		}
	})
	if ti := rs.entity[entCited]; ti >= 0 {
		if q := citedSpans(text, sc.quotes); len(q) >= 2 {
			// The cited terms are quotations too: a rule reading its
			// unless sets outside them (cited_warning) sees the writer's
			// own words, not the scam's lines the warning lists.
			sc.quotes = q
			sc.hit(ti, hit{ok: true, start: int32(q[0].Start), end: int32(q[0].End), entity: true})
		}
	}
	if ti := rs.entity[entDebunkedQuote]; ti >= 0 && rs.verdictTerm >= 0 && sc.hits[rs.verdictTerm].ok {
		// Only a text with a verdict somewhere is searched for quotations.
		if quotes, ok := quotations(text, &sc.ents); ok {
			// The writer's verdict must be their own words, outside the
			// quotation: a script quoted whole says 诈骗 too.
			for _, m := range sc.matches {
				if int(m.pat) >= len(rs.patterns) || rs.patterns[m.pat].term != rs.verdictTerm ||
					!rs.wordOK(sc.f.text, rs.patterns[m.pat], m) {
					continue
				}
				if sp := sc.f.span(int(m.start), int(m.end)); !insideAny(quotes, sp) {
					sc.hit(ti, hit{ok: true, start: int32(quotes[0].Start), end: int32(quotes[0].End), entity: true})
					sc.quotes = append(sc.quotes, quotes...)
					break
				}
			}
		}
	}
	if len(sc.quotes) > 1 {
		// Cited terms and a quoted message, each in text order: own
		// words are read between them (outsideSpans).
		slices.SortFunc(sc.quotes, func(a, b Span) int { return a.Start - b.Start })
	}
	if ti := rs.entity[entHeader]; ti >= 0 {
		if sp, ok := senderHeader(text); ok {
			sc.hit(ti, hit{ok: true, start: int32(sp.Start), end: int32(sp.End), entity: true})
		}
	}
	if ti := rs.entity[entHeaderColon]; ti >= 0 {
		if sp, ok := colonHeader(text); ok {
			sc.hit(ti, hit{ok: true, start: int32(sp.Start), end: int32(sp.End), entity: true})
		}
	}
	return sc.ents.copyOut()
}

// applyRules evaluates the rules that a hit can trigger, in rule order, and
// gathers the signals of those that hold in sc.sigs, with their scale
// factors in sc.scaleSigs and the weight per scam type in sc.typeW.
func (rs *ruleSet) applyRules(sc *scratch, text string, zh bool) {
	for _, ti := range sc.hitList {
		for _, ri := range rs.byTerm[ti] {
			sc.ruleBits[ri>>6] |= 1 << (ri & 63)
		}
	}
	// Candidates read from the bits come out sorted and once each.
	sc.cands = sc.cands[:0]
	for w, word := range sc.ruleBits {
		for ; word != 0; word &= word - 1 {
			sc.cands = append(sc.cands, int32(w*64+bits.TrailingZeros64(word)))
		}
		sc.ruleBits[w] = 0
	}
	clear(sc.typeW)
	sc.sigs, sc.scaleSigs = sc.sigs[:0], sc.scaleSigs[:0]
	for _, ri := range sc.cands {
		r := &rs.rules[ri]
		if zh && !r.langZH || !zh && !r.langEN {
			continue
		}
		hits := sc.hits
		if r.outsideQuote && len(sc.quotes) > 0 {
			hits = rs.outsideHits(sc)
		}
		ev, ok := r.eval(hits)
		if !ok {
			continue
		}
		sp := Span{int(ev.start), int(ev.end)}
		if !ev.entity {
			sp = sc.f.span(int(ev.start), int(ev.end))
		}
		if r.scale > 0 {
			sc.scaleSigs = append(sc.scaleSigs, scaled{int32(len(sc.sigs)), r.scale})
			sc.debunked = sc.debunked || r.outsideQuote && len(sc.quotes) > 0
		}
		sc.sigs = append(sc.sigs, Signal{
			ID: r.id, Type: r.typ, Evidence: text[sp.Start:sp.End], Span: sp,
			Explain: r.explain, Weight: r.weight,
		})
		if r.typIdx >= 0 && r.weight > 0 {
			sc.typeW[r.typIdx] += r.weight
		}
	}
}

// combine makes the score, the signals and the type of the verdict from
// the rules' signals: weights add up (never below zero); then each
// scaling signal takes its share of what is left and reports the cut as
// its weight; signals are ordered by falling weight, ties in rule order;
// the type is the one with the most weight, unless a precedence type has
// at least its minimum.
func (rs *ruleSet) combine(sc *scratch, v *Verdict) {
	sigs := sc.sigs
	score := 0.0
	for _, s := range sigs {
		score += s.Weight
	}
	score = max(score, 0)
	for _, x := range sc.scaleSigs {
		cut := score * (1 - x.scale)
		sigs[x.sig].Weight = -cut
		score -= cut
	}
	v.Score = score
	if len(sigs) > 0 {
		// The order is sorted, not the ~100-byte signals.
		order := sc.order[:0]
		for i := range sigs {
			order = append(order, int32(i))
		}
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(sigs[b].Weight, sigs[a].Weight) })
		v.Signals = make([]Signal, len(sigs))
		for k, i := range order {
			v.Signals[k] = sigs[i]
		}
		sc.order = order
	}
	clear(sigs) // no strings of this message kept in the pool
	best := 0.0
	for i, w := range sc.typeW {
		if w > best {
			best, v.Type = w, Types[i]
		}
	}
	for k, ti := range rs.precIdx {
		if sc.typeW[ti] >= rs.precMin {
			v.Type = rs.prec[k]
			break
		}
	}
}

// level places the score among the levels' thresholds; a verdict without
// a level has no type.
func (rs *ruleSet) level(v *Verdict) {
	l := rs.levels
	switch {
	case v.Score >= l.High:
		v.Level = LevelHigh
	case v.Score >= l.Medium:
		v.Level = LevelMedium
	case v.Score >= l.Low:
		v.Level = LevelLow
	}
	if v.Level == LevelNone {
		v.Type = TypeNone
	}
}

// Negation scopes reach this far past the negator, in folded bytes (a
// Chinese character is three): a clause scope about twenty characters, a
// sentence scope about forty or a dozen English words.
// Chinese runs clauses together with commas where English would stop, so
// in a Chinese message a comma ends every scope and a sentence scope is
// shorter.
const (
	maxClauseScope     = 60
	maxSentenceScope   = 120
	maxSentenceScopeZH = 75
)

// negScope is the last negation scope opened in a message.
type negScope struct {
	kind       negRole // negNone when no scope is open
	start, end int32   // the negator's folded range
	// The last cancel seen, for a negator that ends after it.
	cancelStart, cancelEnd int32
	cancelSeen             bool
}

// open starts a scope at negator m, unless a cancel seen before overlaps
// its start ("if you don't": the cancel ends with it).
func (s *negScope) open(m acMatch, kind negRole) {
	if s.cancelSeen && s.cancelStart <= m.start && s.cancelEnd > m.start {
		return
	}
	s.kind, s.start, s.end = kind, m.start, m.end
}

// cancel takes away the open scope when cancel m overlaps its negator's
// start, and remembers m for negators still to come.
func (s *negScope) cancel(m acMatch) {
	if s.kind != negNone && m.start <= s.start && m.end > s.start {
		s.kind = negNone
	}
	s.cancelStart, s.cancelEnd, s.cancelSeen = m.start, m.end, true
}

// covers reports whether match m lies in the open scope: it starts after
// the negator does, within reach, and no boundary of the scope's kind
// stands between them in the original text.
func (s *negScope) covers(f *folded, text string, zh bool, m acMatch) bool {
	if s.kind == negNone || m.start <= s.start {
		return false
	}
	reach := int32(maxClauseScope)
	switch {
	case s.kind == negClause:
	case zh:
		reach = maxSentenceScopeZH
	default:
		reach = maxSentenceScope
	}
	if m.start-s.end > reach {
		return false
	}
	if m.start <= s.end {
		return true // 别转 / 转账: the negator runs into the term
	}
	_, from := f.offsets(int(s.end) - 1)
	to, _ := f.offsets(int(m.start))
	if from >= to {
		return true
	}
	for i, r := range text[from:to] {
		switch r {
		case '.':
			if !decimalPoint(text[from:to], i) {
				return false
			}
		case '!', '?', ';', '\n', '\r', '。', '！', '？', '；':
			return false
		case '，', '：':
			return false
		case ',', ':':
			if s.kind == negClause || zh {
				return false
			}
		}
	}
	return true
}

// backScope is a closing negator: it takes back what came before it in
// its clause or sentence ("刷单返利都是诈骗", "房租我提前转给您了").
type backScope struct {
	start, end int32 // the negator's folded range
	kind       negRole
}

// backCovers reports whether match m lies in the scope of a closing
// negator: it starts before the negator ends, within a sentence scope's
// reach, and no boundary of the scope's kind stands between them. A
// closing clause stops at a comma; a closing sentence does not, since a
// verdict sums up the list before it ("出租出借银行卡、电话卡，都是违法行为").
func backCovers(backs []backScope, f *folded, text string, m acMatch) bool {
	for _, b := range backs {
		if m.start >= b.end || b.start-m.start > maxSentenceScope {
			continue
		}
		if m.end >= b.start {
			return true // 先转了, 直接打到你: the term runs into the negator
		}
		_, from := f.offsets(int(m.end) - 1)
		to, _ := f.offsets(int(b.start))
		if from >= to || !hasBoundary(text[from:to], b.kind == negBackClause) {
			return true
		}
	}
	return false
}

// addressed reports whether match m is an ask to the reader: a cue that
// addresses the reader (请, 麻烦, 你先, 把…, 给我) stands in its sentence,
// or in its clause when a noun phrase overlaps it ("一笔转账", "转账记录").
// Without one, the words name money or a transfer — a record, a notice, a
// report — and ask nothing ("本次转账已延迟", "工资打到英国银行卡上").
func addressed(cues, nouns []Span, f *folded, text string, m acMatch) bool {
	if len(cues) == 0 {
		return false
	}
	from, _ := f.offsets(int(m.start))
	_, to := f.offsets(int(m.end) - 1)
	clause := false
	for _, n := range nouns {
		if n.Start < int(to) && n.End > int(from) {
			clause = true
			break
		}
	}
	start, end := sentenceOf(text, int(from), int(to), clause)
	for _, c := range cues {
		if c.Start >= start && c.End <= end {
			return true
		}
	}
	return false
}

// addressedEn is addressed for an English money word: a cue in its
// sentence counts, and so does one that opens the next sentence, since
// English smishing often states the fee and then commands ("A £1.99 fee
// applies. Pay here: …"); a cue inside the next sentence does not ("…
// your tuition fees. No action or payment is required").
//
// A payout in its sentence makes it money coming in, whatever follows
// ("Your loan payment of £3,354.67 will be paid into your bank account on
// 6 January. Sign in to … check your payment schedule").
func addressedEn(cues, payouts []Span, f *folded, text string, m acMatch) bool {
	if len(cues) == 0 {
		return false
	}
	from, _ := f.offsets(int(m.start))
	_, to := f.offsets(int(m.end) - 1)
	start, end := sentenceOf(text, int(from), int(to), false)
	for _, p := range payouts {
		if p.Start >= start && p.End <= end {
			return false
		}
	}
	next := -1
	if end < len(text) {
		_, n := utf8.DecodeRuneInString(text[end:])
		next = end + n
		for next < len(text) && (text[next] == ' ' || text[next] == '\n' || text[next] == '\r' || text[next] == '\t') {
			next++
		}
	}
	for _, c := range cues {
		if c.Start >= start && c.End <= end || c.Start == next {
			return true
		}
	}
	return false
}

// sentenceOf returns the range of the sentence of text that holds
// [from, to), or of its clause: from the boundary before it to the
// boundary after it.
func sentenceOf(text string, from, to int, clause bool) (start, end int) {
	start, end = 0, len(text)
	for i := from; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isSentenceEnd(text, i-n, r) || clause && isClauseMark(r) {
			start = i
			break
		}
		i -= n
	}
	for i := to; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isSentenceEnd(text, i, r) || clause && isClauseMark(r) {
			end = i
			break
		}
		i += n
	}
	return start, end
}

// isClauseMark reports whether r ends a clause inside a sentence.
func isClauseMark(r rune) bool {
	switch r {
	case '，', '：', ',', ':':
		return true
	}
	return false
}

// isSentenceEnd reports whether r, at byte i of text, ends a sentence of a
// Chinese message. A full stop with a letter or digit right after it is a
// decimal point or part of a link ("打8.5折", "etc-renew.example").
func isSentenceEnd(text string, i int, r rune) bool {
	switch r {
	case '.':
		if i+1 < len(text) {
			c := text[i+1]
			return !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
		}
		return true
	case '!', '?', ';', '\n', '\r', '。', '！', '？', '；':
		return true
	}
	return false
}

// hasBoundary reports whether s holds the end of a sentence, or with
// clause set the end of a clause too.
func hasBoundary(s string, clause bool) bool {
	for i, r := range s {
		switch r {
		case '.':
			if !decimalPoint(s, i) {
				return true
			}
		case '!', '?', ';', '\n', '\r', '。', '！', '？', '；':
			return true
		case '，', '：', ',', ':':
			if clause {
				return true
			}
		}
	}
	return false
}

// decimalPoint reports whether the full stop at s[i] stands between two
// digits: "£1.45" is an amount, not the end of a sentence, so a negation
// or a verdict reaches across it ('texts saying "pay £1.45 …" are fake').
func decimalPoint(s string, i int) bool {
	return i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9'
}

// evidence is where a rule's first condition matched: a folded range, or an
// original range for entities.
type evidence struct {
	start, end int32
	entity     bool
}

// eval reports whether r holds for hits, and its evidence: the earliest
// match of its first condition.
func (r *rule) eval(hits []hit) (evidence, bool) {
	var ev evidence
	found := false
	take := func(c cond) bool {
		best := int32(-1)
		var h hit
		for _, ti := range c {
			if hits[ti].ok && (best < 0 || hits[ti].start < best) {
				best, h = hits[ti].start, hits[ti]
			}
		}
		if best < 0 {
			return false
		}
		if !found {
			ev, found = evidence{h.start, h.end, h.entity}, true
		}
		return true
	}
	for _, c := range r.unless {
		if c.matched(hits) {
			return ev, false
		}
	}
	for _, c := range r.all {
		if !take(c) {
			return ev, false
		}
	}
	if r.min > 0 {
		n := 0
		for _, c := range r.any {
			if take(c) {
				n++
			}
		}
		if n < r.min {
			return ev, false
		}
	}
	return ev, found
}

// outsideHits returns the hits as the writer's own words hold them: a
// term whose first hit and every phrase match lie inside the quotations is
// taken off. Entities and a hit with a match outside stay, as does any
// hit this cannot place (a regexp's later match), so that a doubt is
// never lost.
func (rs *ruleSet) outsideHits(sc *scratch) []hit {
	if sc.outMade {
		return sc.outHits
	}
	sc.outHits = append(sc.outHits[:0], sc.hits...)
	inside := func(start, end int32) bool { return insideAny(sc.quotes, sc.f.span(int(start), int(end))) }
	for _, ti := range sc.hitList {
		if h := sc.outHits[ti]; h.ok && !h.entity && inside(h.start, h.end) {
			sc.outHits[ti].ok = false
		}
	}
	for mi, m := range sc.matches {
		if int(m.pat) >= len(rs.patterns) || inside(m.start, m.end) ||
			!rs.wordOK(sc.f.text, rs.patterns[m.pat], m) || len(sc.masks) > 0 && masked(sc.masks, m) {
			continue
		}
		t := rs.terms[rs.patterns[m.pat].term]
		terms := [3]int32{rs.patterns[m.pat].term, t.not, t.bare}
		switch sc.scoped[mi] {
		case scopedNot:
			// A negated match outside counts as negated, not as the ask
			// a match inside made of its term.
			terms = [3]int32{t.not, -1, -1}
		case scopedBare:
			terms = [3]int32{t.bare, -1, -1}
		}
		for _, ti := range terms {
			if ti >= 0 && sc.hits[ti].ok {
				sc.outHits[ti].ok = true
			}
		}
	}
	sc.outMade = true
	return sc.outHits
}

func (c cond) matched(hits []hit) bool {
	for _, ti := range c {
		if hits[ti].ok {
			return true
		}
	}
	return false
}

// langOf calls a message Chinese when Chinese characters are a fair part of
// its letters.
func langOf(f *folded) string {
	if f.han > 0 && f.han*4 >= f.latin {
		return "zh"
	}
	if f.han >= 4 {
		return "zh"
	}
	return "en"
}
