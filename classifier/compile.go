package classifier

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/scamcheck/scamcheck/classifier/rules"
)

// The rule files (package rules decodes and checks them; rules/README.md
// is their manual) are compiled here, once, into one Aho-Corasick
// automaton over every phrase and a list of rules whose conditions are
// lists of term indexes.
//
// Phrases are folded like messages (see fold), so they are written in
// lower-case simplified Chinese and plain ASCII. A phrase that starts or
// ends with a Latin letter matches only at a word boundary on that side; a
// trailing "*" lets the word go on (verif* matches verify and verified).

// compiled runtime structures.
type (
	// term is the unit of matching: the phrases of one set (or its
	// regexes, or an entity) and where they were found.
	term struct {
		id    string
		regex []*anchoredRegexp
		gate  int32 // term whose match lets the regexes run
		// not is the companion that negated matches count for, -1 if
		// the term is not negatable.
		not int32
		// bare is the companion that unaddressed matches count for, -1
		// if the term needs no address.
		bare int32
	}
	// pattern is one folded phrase in the automaton.
	pattern struct {
		term                int32
		leftWord, rightWord bool // require a word boundary on that side
		// rightNumber: the phrase ends in a price with its decimals
		// ("£3.00"), so the number must end with it: "£3,000" is not
		// that price. Other phrases that end in a digit ("转8") stand
		// for the start of any amount.
		rightNumber bool
		neg         negRole
		addr        addrRole
		// mask hides the shorter matches that start where it starts
		// (rules/README.md, "mask").
		mask bool
	}
	// cond is a set as the rules see it: it holds when any of its terms
	// matched.
	cond []int32
	rule struct {
		id      string
		typ     Type
		typIdx  int // index of typ in Types, -1 if none
		weight  float64
		scale   float64
		explain string
		langZH  bool
		langEN  bool
		all     []cond
		any     []cond
		min     int
		unless  []cond
		// outsideQuote: unless reads only words outside the quotation
		// (rules.Rule.UnlessOutsideQuote).
		outsideQuote bool
	}
)

// negRole is a pattern's part in negation.
type negRole uint8

const (
	negNone         negRole = iota
	negClause               // opens a scope to the end of the clause
	negSentence             // opens a scope to the end of the sentence
	negCancel               // takes away a scope it overlaps the start of
	negTarget               // does not count inside a scope
	negBackClause           // closes a scope begun at the start of its clause
	negBackSentence         // closes a scope begun at the start of its sentence
	negEnds                 // ends the scope open before it: the sentence turns
)

// addrRole is a pattern's part in telling an ask to the reader from a
// word that names money (rules/README.md, "address").
type addrRole uint8

const (
	addrNone     addrRole = iota
	addrCue               // addresses the reader: 请, 麻烦, 你先, 把
	addrNeeded            // counts in Chinese only with a cue in its sentence
	addrNoun              // makes a needed match it overlaps a noun: cue in its clause
	addrCueEn             // addresses the reader in English: please, you must, to avoid
	addrNeededEn          // counts in English only with an English cue in its sentence
	addrPayoutEn          // money coming to the reader: a needed_en word in its sentence is bare
)

var negatorKinds = map[string]negRole{"clause": negClause, "sentence": negSentence, "cancel": negCancel,
	"closes_clause": negBackClause, "closes_sentence": negBackSentence, "ends": negEnds}

// ruleSet is everything New compiles.
type ruleSet struct {
	levels   rules.Levels
	prec     []Type
	precIdx  []int // prec as indexes in Types
	precMin  float64
	terms    []term
	patterns []pattern
	ac       *matcher
	// appOf maps an automaton pattern to its remote app, or -1: the app
	// names ride in the rules' automaton after the phrases. From
	// len(remoteApps) on, it is len(remoteApps) plus a chat app's index.
	appOf    []int16
	regexIdx []int32 // terms that have regexes
	// regexGate is the gate term of each of regexIdx, beside it: every
	// message checks every gate, and reading the gate through the term
	// cost two dependent loads, mostly cache misses.
	regexGate []int32
	rules     []rule
	// byTerm lists, for each term, the rules whose trigger condition (the
	// first of all, else every any) names it: a rule can fire only when
	// one of these terms matched, so Classify evaluates only those.
	byTerm [][]int32
	// entity maps each entity kind to the term of the set that names it,
	// -1 when no set does.
	entity [numEntityKinds]int32
	// verdictTerm is the term of the set verdictSet, -1 when there is
	// none (then debunked_quote never matches).
	verdictTerm int32
	// veto is the genuine-context veto's set (its terms), nil if none:
	// the warning words a costume is made of (costumeRest).
	veto cond
	// costumeAsk is the set costumeAskSet (its terms), nil when there is
	// none (then no costume is ever taken off).
	costumeAsk cond
	// warningTalk is the set warningTalkSet (its terms), nil when none.
	warningTalk cond
	// disclaimer is the set disclaimerSet (its terms), nil when none.
	disclaimer cond
	// never and closingAsk are the sets neverSet and closingAskSet.
	never, closingAsk cond
}

// loadRules decodes, checks and compiles the rule files of dir in fsys.
func loadRules(fsys fs.FS, dir string) (*ruleSet, error) {
	files, err := rules.Load(fsys, dir)
	if err != nil {
		return nil, err
	}
	return compileRules(files)
}

// compiler carries the state of one compileRules.
type compiler struct {
	rs *ruleSet
	// sets maps every set declared so far (and each negatable set's
	// "not.<id>") to its condition: a file may name only what it or an
	// earlier file declared.
	sets    map[string]cond
	aliases map[string][]string
	pats    [][]byte
	veto    cond // the genuine-context veto's set, nil if none
	f       folded
	seen    map[patKey]bool // the patterns added so far
}

func compileRules(files []rules.File) (*ruleSet, error) {
	c := &compiler{rs: &ruleSet{}, sets: map[string]cond{}, seen: map[patKey]bool{}}
	for k := range c.rs.entity {
		c.rs.entity[k] = -1
	}
	if err := c.collectAliases(files); err != nil {
		return nil, err
	}
	ruleIDs := map[string]bool{}
	for _, f := range files {
		if err := c.settings(f); err != nil {
			return nil, err
		}
		for _, s := range f.Sets {
			if err := c.set(s); err != nil {
				return nil, rules.ErrorAt(f.Name, "set", s.ID, err)
			}
		}
		if f.Veto != nil {
			v, ok := c.sets[f.Veto.Set]
			if !ok {
				return nil, &rules.Error{File: f.Name, Field: "veto", Err: fmt.Errorf("unknown set %q", f.Veto.Set)}
			}
			c.veto = v
		}
		for _, sp := range f.Rules {
			if ruleIDs[sp.ID] {
				return nil, &rules.Error{File: f.Name, Spec: "rule", ID: sp.ID, Err: errors.New("defined twice")}
			}
			ruleIDs[sp.ID] = true
			r, err := c.rule(sp)
			if err != nil {
				return nil, rules.ErrorAt(f.Name, "rule", sp.ID, err)
			}
			c.rs.rules = append(c.rs.rules, r)
		}
	}
	c.finish()
	c.rs.veto = c.veto
	c.rs.costumeAsk = c.sets[costumeAskSet]
	c.rs.warningTalk = c.sets[warningTalkSet]
	c.rs.disclaimer = c.sets[disclaimerSet]
	c.rs.never = c.sets[neverSet]
	c.rs.closingAsk = c.sets[closingAskSet]
	c.rs.verdictTerm = -1
	for ti, t := range c.rs.terms {
		if t.id == verdictSet {
			c.rs.verdictTerm = int32(ti)
		}
	}
	return c.rs, nil
}

// collectAliases gathers the spellings of every set with aliases: they
// apply to the phrases of every file.
func (c *compiler) collectAliases(files []rules.File) error {
	c.aliases = map[string][]string{}
	for _, f := range files {
		for _, s := range f.Sets {
			if len(s.Aliases) == 0 {
				continue
			}
			fold(&c.f, s.Phrases[0])
			key := string(c.f.text)
			if _, dup := c.aliases[key]; dup {
				return &rules.Error{File: f.Name, Spec: "set", ID: s.ID, Field: "aliases", Err: fmt.Errorf("%q has aliases in another set too", s.Phrases[0])}
			}
			for _, a := range s.Aliases {
				fold(&c.f, a)
				if len(c.f.text) == 0 {
					return &rules.Error{File: f.Name, Spec: "set", ID: s.ID, Field: "aliases", Err: fmt.Errorf("%q folds to nothing", a)}
				}
				c.aliases[key] = append(c.aliases[key], string(c.f.text))
			}
		}
	}
	return nil
}

// settings compiles a file's levels and precedence.
func (c *compiler) settings(f rules.File) error {
	if f.Levels != nil {
		c.rs.levels = *f.Levels
	}
	if p := f.Precedence; p != nil {
		for _, name := range p.Types {
			ty := Type(name)
			if !ty.Valid() {
				return &rules.Error{File: f.Name, Field: "precedence", Err: fmt.Errorf("unknown type %q", name)}
			}
			c.rs.prec = append(c.rs.prec, ty)
			c.rs.precIdx = append(c.rs.precIdx, slices.Index(Types, ty))
		}
		c.rs.precMin = p.MinWeight
	}
	return nil
}

func (c *compiler) addTerm(id string) int32 {
	i := int32(len(c.rs.terms))
	c.rs.terms = append(c.rs.terms, term{id: id, not: -1, bare: -1})
	return i
}

// set compiles one set: its own term (phrases, regexes or an entity),
// then what it includes.
func (c *compiler) set(s rules.Set) error {
	if _, dup := c.sets[s.ID]; dup {
		return errors.New("defined twice")
	}
	var cd cond
	if len(s.Phrases) > 0 || len(s.Regex) > 0 || s.Entity != "" {
		ti := c.addTerm(s.ID)
		cd = cond{ti}
		if err := c.ownTerm(s, ti); err != nil {
			return err
		}
	}
	for _, name := range s.Include {
		inc, ok := c.sets[name]
		if !ok {
			return rules.FieldError("include", fmt.Errorf("unknown set %q (a set includes only sets declared before it)", name))
		}
		cd = append(cd, inc...)
	}
	c.sets[s.ID] = cd
	return nil
}

// ownTerm fills term ti from the set's phrases, regexes or entity.
func (c *compiler) ownTerm(s rules.Set, ti int32) error {
	if s.Entity != "" {
		k, ok := entityKindOf(s.Entity)
		if !ok {
			return rules.FieldError("entity", fmt.Errorf("unknown entity %q", s.Entity))
		}
		c.rs.entity[k] = ti
		return nil
	}
	neg := negNone
	if s.Negator != "" {
		neg = negatorKinds[s.Negator]
	}
	if s.Negatable {
		neg = negTarget
		ni := c.addTerm("not." + s.ID)
		c.rs.terms[ti].not = ni
		c.sets["not."+s.ID] = cond{ni}
	}
	addr := addrNone
	switch s.Address {
	case "cue":
		addr = addrCue
	case "noun":
		addr = addrNoun
	case "cue_en":
		addr = addrCueEn
	case "payout_en":
		addr = addrPayoutEn
	case "needed", "needed_en":
		addr = addrNeeded
		if s.Address == "needed_en" {
			addr = addrNeededEn
		}
		bi := c.addTerm("bare." + s.ID)
		c.rs.terms[ti].bare = bi
		c.sets["bare."+s.ID] = cond{bi}
	}
	first := len(c.rs.patterns)
	if err := c.addPhrases(ti, s.Phrases, neg); err != nil {
		return rules.FieldError("phrases", err)
	}
	for i := first; i < len(c.rs.patterns); i++ {
		c.rs.patterns[i].addr = addr
		c.rs.patterns[i].mask = s.Mask
	}
	for _, re := range s.Regex {
		a, err := compileAnchored(re)
		if err != nil {
			return rules.FieldError("regex", err)
		}
		if a.re.MatchString("") {
			return rules.FieldError("regex", fmt.Errorf("%q matches the empty string", re))
		}
		c.rs.terms[ti].regex = append(c.rs.terms[ti].regex, a)
	}
	if len(s.Regex) > 0 {
		gi := c.addTerm("gate." + s.ID)
		if err := c.addPhrases(gi, s.Gate, negNone); err != nil {
			return rules.FieldError("gate", err)
		}
		c.rs.terms[ti].gate = gi
		c.rs.regexIdx = append(c.rs.regexIdx, ti)
		c.rs.regexGate = append(c.rs.regexGate, gi)
	}
	return nil
}

// addPhrases puts the folded phrases, with every alias spelling, into the
// automaton as patterns of term ti.
func (c *compiler) addPhrases(ti int32, phrases []string, neg negRole) error {
	for _, p := range phrases {
		price := endsInDecimals(p)
		prefix := strings.HasSuffix(p, "*")
		suffix := strings.HasPrefix(p, "*")
		fold(&c.f, strings.TrimSuffix(strings.TrimPrefix(p, "*"), "*"))
		if len(bytes.TrimSpace(c.f.text)) == 0 {
			return fmt.Errorf("%q folds to nothing", p)
		}
		for _, v := range expandAliases(string(c.f.text), c.aliases) {
			c.addPattern(ti, v, prefix, suffix, price, neg)
			// The fold maps 帳 to 帐, and the rules spell 账 (賬 folds to
			// it): so that "帳戶", "帐号" reach the account rules, a phrase
			// with 账 is also matched spelt with 帐. Done here, not in the
			// fold, because the model reads the folded text.
			if strings.Contains(v, "账") {
				c.addPattern(ti, strings.ReplaceAll(v, "账", "帐"), prefix, suffix, price, neg)
			}
		}
	}
	return nil
}

// addPattern puts the folded phrase v into the automaton as a pattern of
// term ti, unless the term has it already (a set may list both
// spellings, "转账" and "转帐").
func (c *compiler) addPattern(ti int32, v string, prefix, suffix, price bool, neg negRole) {
	key := patKey{ti, v, prefix, suffix, price}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.rs.patterns = append(c.rs.patterns, pattern{
		term:        ti,
		leftWord:    !suffix && isASCIILetter(v[0]),
		rightWord:   !prefix && isASCIILetter(v[len(v)-1]),
		rightNumber: price,
		neg:         neg,
	})
	c.pats = append(c.pats, []byte(v))
}

// patKey is a term's phrase and its word-boundary marks, to put each
// into the automaton once.
type patKey struct {
	term                  int32
	text                  string
	prefix, suffix, price bool
}

// endsInDecimals reports whether phrase v, as written, ends in a decimal
// point and digits ("£1.50"; folding makes the point a space).
func endsInDecimals(v string) bool {
	i := len(v)
	for i > 0 && isDigit(v[i-1]) {
		i--
	}
	return i < len(v) && i > 1 && v[i-1] == '.' && isDigit(v[i-2])
}

// rule compiles one rule; the sets it names must be declared already.
func (c *compiler) rule(sp rules.Rule) (rule, error) {
	ty := Type(sp.Type)
	if ty != TypeNone && !ty.Valid() {
		return rule{}, rules.FieldError("type", fmt.Errorf("unknown type %q", sp.Type))
	}
	r := rule{id: sp.ID, typ: ty, typIdx: slices.Index(Types, ty), weight: sp.Weight, scale: sp.Scale,
		explain: sp.Explain, min: sp.Min, langZH: slices.Contains(sp.Lang, "zh"), langEN: slices.Contains(sp.Lang, "en"),
		outsideQuote: sp.UnlessOutsideQuote}
	var err error
	if r.all, err = c.resolve("all", sp.All); err != nil {
		return r, err
	}
	if r.any, err = c.resolve("any", sp.Any); err != nil {
		return r, err
	}
	if r.unless, err = c.resolve("unless", sp.Unless); err != nil {
		return r, err
	}
	if vetoed(sp) && c.veto != nil {
		r.unless = append([]cond{c.veto}, r.unless...)
	}
	if r.min == 0 && len(r.any) > 0 {
		r.min = 1
	}
	return r, nil
}

// vetoed reports whether the genuine-context veto applies to a rule: by
// default to a rule that adds weight, not to one that takes it away or
// scales the score.
func vetoed(sp rules.Rule) bool {
	if sp.Veto != nil {
		return *sp.Veto
	}
	return sp.Weight > 0
}

// resolve turns set names into conditions.
func (c *compiler) resolve(field string, names []string) ([]cond, error) {
	cs := make([]cond, 0, len(names))
	for _, n := range names {
		cd, ok := c.sets[n]
		if !ok {
			return nil, rules.FieldError(field, fmt.Errorf("unknown set %q (a rule names only sets declared in its file or an earlier one)", n))
		}
		cs = append(cs, cd)
	}
	return cs, nil
}

// finish builds the automaton (phrases, then the remote apps and the chat
// apps the entity stage looks for) and the index from terms to the rules
// they trigger.
func (c *compiler) finish() {
	rs := c.rs
	rs.appOf = make([]int16, len(c.pats), len(c.pats)+len(remoteApps)+len(chatApps))
	for i := range rs.appOf {
		rs.appOf[i] = -1
	}
	for i, a := range remoteApps {
		c.pats = append(c.pats, []byte(a.Spelling))
		rs.appOf = append(rs.appOf, int16(i))
	}
	for i, a := range chatApps {
		c.pats = append(c.pats, []byte(a.Spelling))
		rs.appOf = append(rs.appOf, int16(len(remoteApps)+i))
	}
	rs.ac = newMatcher(c.pats)
	rs.byTerm = make([][]int32, len(rs.terms))
	for ri, r := range rs.rules {
		trigger := r.any
		if len(r.all) > 0 {
			trigger = r.all[:1]
		}
		seen := map[int32]bool{}
		for _, cd := range trigger {
			for _, ti := range cd {
				if !seen[ti] {
					seen[ti] = true
					rs.byTerm[ti] = append(rs.byTerm[ti], int32(ri))
				}
			}
		}
	}
}

// expandAliases returns p and every spelling of p with alias keys replaced
// by their aliases (all combinations, capped to keep the automaton small).
func expandAliases(p string, aliases map[string][]string) []string {
	out := []string{p}
	keys := make([]string, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		n := len(out)
		for i := 0; i < n && len(out) < 256; i++ {
			if !containsAlias(out[i], k) {
				continue
			}
			for _, a := range aliases[k] {
				out = append(out, replaceAlias(out[i], k, a))
			}
		}
	}
	return out
}

// aliasAt reports whether key k occurs in p at i as an alias key: a Latin
// key (line, qq) only as a whole word, so online and deadline stay.
func aliasAt(p string, i int, k string) bool {
	if !strings.HasPrefix(p[i:], k) {
		return false
	}
	if isASCIILetter(k[0]) && i > 0 && isASCIILetter(p[i-1]) {
		return false
	}
	j := i + len(k)
	return !(isASCIILetter(k[len(k)-1]) && j < len(p) && isASCIILetter(p[j]))
}

func containsAlias(p, k string) bool {
	for i := 0; i+len(k) <= len(p); i++ {
		if aliasAt(p, i, k) {
			return true
		}
	}
	return false
}

// replaceAlias replaces every occurrence of key k in p that aliasAt accepts.
func replaceAlias(p, k, a string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		if aliasAt(p, i, k) {
			b.WriteString(a)
			i += len(k)
			continue
		}
		b.WriteByte(p[i])
		i++
	}
	return b.String()
}
