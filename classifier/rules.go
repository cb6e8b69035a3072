package classifier

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The rules are data: YAML files under rules/, embedded in the binary,
// decoded strictly (an unknown key, an unknown term, a bad pattern or a
// missing explanation fails New and the package tests) and compiled once
// into one Aho-Corasick automaton plus a list of conditions.
//
// A file may hold:
//
//	levels:   score thresholds of the levels (exactly one file has them)
//	aliases:  evasion spellings; every phrase containing a key is also
//	          matched with each alias in its place (微信 → 威信, vx …)
//	terms:    named phrase sets, each in a category ("cat") that rules may
//	          name as "@cat" to mean "any term of the category"
//	rules:    what adds to (or, with a negative weight, takes from) the score
//
// Negation: a term with "negator" (clause or sentence) opens a scope — 不会,
// never, 请勿, do not — that runs to the end of its clause (a comma or a
// full stop in the original) or its sentence (a full stop), and at most a
// few words. A "negatable" term (an ask: transfer, fee, code …) found
// inside such a scope is not a hit of its own: it is a hit of its
// companion "not.<id>", in the categories "not_<cat>" and "negated", so
// "we will never ask you to transfer" neither asks nor hides that it
// quotes an ask. A "cancel" negator (如果不, if you don't, 要不要)
// overlapping a negator's start takes its scope away: a condition or a
// question is no denial.
//
// Phrases are folded like messages (see fold), so they are written in
// lower-case simplified Chinese and plain ASCII. A phrase that starts or
// ends with a Latin letter matches only at a word boundary on that side; a
// trailing "*" lets the word go on (verif* matches verify and verified).
//
//go:embed rules/*.yaml
var rulesFS embed.FS

// levelsSpec holds the score thresholds of the levels.
type levelsSpec struct {
	Low    float64 `yaml:"low"`
	Medium float64 `yaml:"medium"`
	High   float64 `yaml:"high"`
}

type ruleFile struct {
	Levels *levelsSpec `yaml:"levels"`
	// Precedence lists scam types that name the verdict whenever their
	// own rules add up to MinWeight, even if a more general type (the
	// "police" in a body-check or kidnapping script) weighs more.
	Precedence *precedenceSpec     `yaml:"precedence"`
	Aliases    map[string][]string `yaml:"aliases"`
	Terms      []termSpec          `yaml:"terms"`
	Rules      []ruleSpec          `yaml:"rules"`
}

type precedenceSpec struct {
	Types     []Type  `yaml:"types"`
	MinWeight float64 `yaml:"min_weight"`
}

type termSpec struct {
	ID      string   `yaml:"id"`
	Cat     string   `yaml:"cat"`
	Phrases []string `yaml:"phrases"`
	// Regex patterns run on the folded text; keep them few, they cost
	// more than phrases. Gate lists phrases of which one must be present
	// for the regexes to run at all (required with regex).
	Regex []string `yaml:"regex"`
	Gate  []string `yaml:"gate"`
	// Negator makes the term's phrases open a negation scope ("clause" or
	// "sentence") or cancel one ("cancel"); Negatable makes its matches
	// inside a scope count for "not.<id>" instead.
	Negator   string `yaml:"negator"`
	Negatable bool   `yaml:"negatable"`
}

type ruleSpec struct {
	ID     string  `yaml:"id"`
	Type   Type    `yaml:"type"`
	Weight float64 `yaml:"weight"`
	// Scale, between 0 and 1, multiplies the final score instead of
	// adding a weight: for context that changes what the whole message
	// is (an anti-fraud warning quoting the scam).
	Scale   float64  `yaml:"scale"`
	Lang    []string `yaml:"lang"`
	Explain string   `yaml:"explain"`
	// Phrases is shorthand for a term of the rule's own, required like
	// the first entry of All.
	Phrases []string `yaml:"phrases"`
	// All: every entry must match. Any: at least Min (default 1) must.
	// Unless: none may. Entries are term ids, "@category", or entity
	// terms ("entity.url" …).
	All    []string `yaml:"all"`
	Any    []string `yaml:"any"`
	Min    int      `yaml:"min"`
	Unless []string `yaml:"unless"`
}

// Entity terms are set by the entity extractor, not by phrases.
var entityTerms = []string{
	"entity.url", "entity.url_ip", "entity.url_shortener", "entity.url_punycode",
	"entity.url_lookalike", "entity.url_official", "entity.url_unofficial", "entity.url_cheap_tld", "entity.url_not_brand", "entity.phone", "entity.phone_premium", "entity.money",
	"entity.crypto_address", "entity.remote_app",
}

// compiled runtime structures.
type (
	// term is a compiled phrase set.
	term struct {
		id    string
		regex []*anchoredRegexp
		gate  int32 // term whose match lets the regexes run
		// not is the companion that negated matches count for, -1 if
		// the term is not negatable.
		not int32
	}
	// pattern is one folded phrase in the automaton.
	pattern struct {
		term                int32
		leftWord, rightWord bool // require a word boundary on that side
		neg                 negRole
	}
	// cond is a set of terms; it holds when any of them matched.
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
	}
)

// negRole is a pattern's part in negation.
type negRole uint8

const (
	negNone     negRole = iota
	negClause           // opens a scope to the end of the clause
	negSentence         // opens a scope to the end of the sentence
	negCancel           // takes away a scope it overlaps the start of
	negTarget           // does not count inside a scope
)

var negatorKinds = map[string]negRole{"clause": negClause, "sentence": negSentence, "cancel": negCancel}

// ruleSet is everything New compiles.
type ruleSet struct {
	levels   levelsSpec
	prec     []Type
	precIdx  []int // prec as indexes in Types
	precMin  float64
	terms    []term
	termIdx  map[string]int32
	patterns []pattern
	ac       *matcher
	// appOf maps an automaton pattern to its remote app, or -1: the app
	// names ride in the rules' automaton after the phrases.
	appOf    []int16
	regexIdx []int32 // terms that have regexes
	rules    []rule
	// byTerm lists, for each term, the rules whose trigger condition (the
	// first of all, else every any) names it: a rule can fire only when
	// one of these terms matched, so Classify evaluates only those.
	byTerm [][]int32
	entity map[string]int32
}

// loadRules decodes and compiles every *.yaml file of fsys's dir.
func loadRules(fsys fs.FS, dir string) (*ruleSet, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list rules: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no rule files in %s", dir)
	}
	sort.Strings(names)
	var files []namedFile
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read rules: %w", err)
		}
		rf, err := decodeRuleFile(b)
		if err != nil {
			return nil, fmt.Errorf("rules %s: %w", n, err)
		}
		files = append(files, namedFile{n, rf})
	}
	return compileRules(files)
}

type namedFile struct {
	name string
	rf   ruleFile
}

// decodeRuleFile decodes one YAML file, rejecting unknown keys and
// trailing documents.
func decodeRuleFile(b []byte) (ruleFile, error) {
	var rf ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&rf); err != nil {
		if errors.Is(err, io.EOF) {
			return rf, errors.New("empty file")
		}
		return rf, fmt.Errorf("decode: %w", err)
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return rf, errors.New("more than one YAML document")
	}
	return rf, nil
}

func compileRules(files []namedFile) (*ruleSet, error) {
	rs := &ruleSet{termIdx: map[string]int32{}, entity: map[string]int32{}}
	cats := map[string][]int32{}
	aliases := map[string][]string{}
	var phrasePats [][]byte
	var levelsSeen bool
	var f folded

	addTerm := func(id string) int32 {
		i := int32(len(rs.terms))
		rs.terms = append(rs.terms, term{id: id, not: -1})
		rs.termIdx[id] = i
		return i
	}
	for _, id := range entityTerms {
		rs.entity[id] = addTerm(id)
	}
	// Aliases first: they apply to phrases of every file.
	for _, nf := range files {
		for k, vs := range nf.rf.Aliases {
			if k == "" || len(vs) == 0 {
				return nil, fmt.Errorf("%s: alias %q: empty", nf.name, k)
			}
			fold(&f, k)
			fk := string(f.text)
			if _, dup := aliases[fk]; dup {
				return nil, fmt.Errorf("%s: alias %q defined twice", nf.name, k)
			}
			for _, v := range vs {
				fold(&f, v)
				if len(f.text) == 0 {
					return nil, fmt.Errorf("%s: alias %q of %q folds to nothing", nf.name, v, k)
				}
				aliases[fk] = append(aliases[fk], string(f.text))
			}
		}
	}
	addPhrases := func(where string, ti int32, phrases []string, neg negRole) error {
		for _, p := range phrases {
			prefix := strings.HasSuffix(p, "*")
			suffix := strings.HasPrefix(p, "*")
			raw := strings.TrimSuffix(strings.TrimPrefix(p, "*"), "*")
			fold(&f, raw)
			if len(f.text) == 0 || bytes.TrimSpace(f.text) == nil || len(bytes.TrimSpace(f.text)) == 0 {
				return fmt.Errorf("%s: phrase %q folds to nothing", where, p)
			}
			for _, v := range expandAliases(string(f.text), aliases) {
				rs.patterns = append(rs.patterns, pattern{
					term:      ti,
					leftWord:  !suffix && isASCIILetter(v[0]),
					rightWord: !prefix && isASCIILetter(v[len(v)-1]),
					neg:       neg,
				})
				phrasePats = append(phrasePats, []byte(v))
			}
		}
		return nil
	}
	for _, nf := range files {
		if nf.rf.Levels != nil {
			if levelsSeen {
				return nil, fmt.Errorf("%s: levels defined twice", nf.name)
			}
			l := *nf.rf.Levels
			if !(0 < l.Low && l.Low < l.Medium && l.Medium < l.High) {
				return nil, fmt.Errorf("%s: levels must rise: 0 < low < medium < high", nf.name)
			}
			rs.levels, levelsSeen = l, true
		}
		if p := nf.rf.Precedence; p != nil {
			if rs.prec != nil {
				return nil, fmt.Errorf("%s: precedence defined twice", nf.name)
			}
			if len(p.Types) == 0 || p.MinWeight <= 0 {
				return nil, fmt.Errorf("%s: precedence needs types and a positive min_weight", nf.name)
			}
			for _, ty := range p.Types {
				if !ty.Valid() {
					return nil, fmt.Errorf("%s: precedence: unknown type %q", nf.name, ty)
				}
			}
			rs.prec, rs.precMin = p.Types, p.MinWeight
			for _, ty := range p.Types {
				rs.precIdx = append(rs.precIdx, slices.Index(Types, ty))
			}
		}
		for _, ts := range nf.rf.Terms {
			where := fmt.Sprintf("%s: term %q", nf.name, ts.ID)
			if err := checkID(ts.ID); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			if _, dup := rs.termIdx[ts.ID]; dup {
				return nil, fmt.Errorf("%s: defined twice", where)
			}
			if len(ts.Phrases) == 0 && len(ts.Regex) == 0 {
				return nil, fmt.Errorf("%s: no phrases and no regex", where)
			}
			ti := addTerm(ts.ID)
			if ts.Cat != "" {
				if err := checkID(ts.Cat); err != nil {
					return nil, fmt.Errorf("%s: cat: %w", where, err)
				}
				cats[ts.Cat] = append(cats[ts.Cat], ti)
			}
			neg := negNone
			if ts.Negator != "" {
				k, ok := negatorKinds[ts.Negator]
				if !ok {
					return nil, fmt.Errorf("%s: negator %q: want clause, sentence or cancel", where, ts.Negator)
				}
				if ts.Negatable || len(ts.Regex) > 0 {
					return nil, fmt.Errorf("%s: a negator is neither negatable nor a regex", where)
				}
				neg = k
			}
			if ts.Negatable {
				if len(ts.Regex) > 0 {
					return nil, fmt.Errorf("%s: regex terms cannot be negatable", where)
				}
				neg = negTarget
				ni := addTerm("not." + ts.ID)
				rs.terms[ti].not = ni
				cats["negated"] = append(cats["negated"], ni)
				if ts.Cat != "" {
					cats["not_"+ts.Cat] = append(cats["not_"+ts.Cat], ni)
				}
			}
			if err := addPhrases(where, ti, ts.Phrases, neg); err != nil {
				return nil, err
			}
			for _, re := range ts.Regex {
				c, err := compileAnchored(re)
				if err != nil {
					return nil, fmt.Errorf("%s: regex: %w", where, err)
				}
				if c.re.MatchString("") {
					return nil, fmt.Errorf("%s: regex %q matches the empty string", where, re)
				}
				rs.terms[ti].regex = append(rs.terms[ti].regex, c)
			}
			if len(ts.Regex) > 0 {
				if len(ts.Gate) == 0 {
					return nil, fmt.Errorf("%s: regex without gate phrases", where)
				}
				gi := addTerm("gate." + ts.ID)
				if err := addPhrases(where+" gate", gi, ts.Gate, negNone); err != nil {
					return nil, err
				}
				rs.terms[ti].gate = gi
				rs.regexIdx = append(rs.regexIdx, ti)
			} else if len(ts.Gate) > 0 {
				return nil, fmt.Errorf("%s: gate without regex", where)
			}
		}
	}
	if !levelsSeen {
		return nil, errors.New("no file defines levels")
	}
	ruleIDs := map[string]bool{}
	for _, nf := range files {
		for _, sp := range nf.rf.Rules {
			where := fmt.Sprintf("%s: rule %q", nf.name, sp.ID)
			if err := checkID(sp.ID); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			if ruleIDs[sp.ID] {
				return nil, fmt.Errorf("%s: defined twice", where)
			}
			ruleIDs[sp.ID] = true
			if sp.Type != TypeNone && !sp.Type.Valid() {
				return nil, fmt.Errorf("%s: unknown type %q", where, sp.Type)
			}
			switch {
			case sp.Scale != 0 && (sp.Scale <= 0 || sp.Scale >= 1 || sp.Weight != 0):
				return nil, fmt.Errorf("%s: scale must be between 0 and 1, without a weight", where)
			case sp.Scale == 0 && sp.Weight == 0:
				return nil, fmt.Errorf("%s: weight must not be 0", where)
			}
			if !strings.HasPrefix(sp.Explain, "sig.") {
				return nil, fmt.Errorf("%s: explain must be a sig.* message id, got %q", where, sp.Explain)
			}
			r := rule{id: sp.ID, typ: sp.Type, typIdx: slices.Index(Types, sp.Type), weight: sp.Weight, scale: sp.Scale, explain: sp.Explain, min: sp.Min}
			if len(sp.Lang) == 0 {
				return nil, fmt.Errorf("%s: lang missing (zh, en or both)", where)
			}
			for _, l := range sp.Lang {
				switch l {
				case "zh":
					r.langZH = true
				case "en":
					r.langEN = true
				default:
					return nil, fmt.Errorf("%s: unknown lang %q", where, l)
				}
			}
			if len(sp.Phrases) > 0 {
				ti := addTerm("rule." + sp.ID)
				if err := addPhrases(where, ti, sp.Phrases, negNone); err != nil {
					return nil, err
				}
				r.all = append(r.all, cond{ti})
			}
			resolve := func(names []string) ([]cond, error) {
				var cs []cond
				for _, n := range names {
					if c, ok := strings.CutPrefix(n, "@"); ok {
						ts, ok := cats[c]
						if !ok {
							return nil, fmt.Errorf("unknown category %q", n)
						}
						cs = append(cs, cond(ts))
						continue
					}
					ti, ok := rs.termIdx[n]
					if !ok {
						return nil, fmt.Errorf("unknown term %q", n)
					}
					cs = append(cs, cond{ti})
				}
				return cs, nil
			}
			all, err := resolve(sp.All)
			if err != nil {
				return nil, fmt.Errorf("%s: all: %w", where, err)
			}
			r.all = append(r.all, all...)
			if r.any, err = resolve(sp.Any); err != nil {
				return nil, fmt.Errorf("%s: any: %w", where, err)
			}
			if r.unless, err = resolve(sp.Unless); err != nil {
				return nil, fmt.Errorf("%s: unless: %w", where, err)
			}
			if r.min == 0 && len(r.any) > 0 {
				r.min = 1
			}
			if r.min < 0 || r.min > len(r.any) {
				return nil, fmt.Errorf("%s: min %d with %d any-entries", where, r.min, len(r.any))
			}
			if len(r.all) == 0 && len(r.any) == 0 {
				return nil, fmt.Errorf("%s: matches nothing: no phrases, all or any", where)
			}
			rs.rules = append(rs.rules, r)
		}
	}
	rs.appOf = make([]int16, len(phrasePats), len(phrasePats)+len(remoteApps))
	for i := range rs.appOf {
		rs.appOf[i] = -1
	}
	for i, a := range remoteApps {
		phrasePats = append(phrasePats, []byte(a.folded))
		rs.appOf = append(rs.appOf, int16(i))
	}
	rs.ac = newMatcher(phrasePats)
	rs.byTerm = make([][]int32, len(rs.terms))
	for ri, r := range rs.rules {
		trigger := r.any
		if len(r.all) > 0 {
			trigger = r.all[:1]
		}
		seen := map[int32]bool{}
		for _, c := range trigger {
			for _, ti := range c {
				if !seen[ti] {
					seen[ti] = true
					rs.byTerm[ti] = append(rs.byTerm[ti], int32(ri))
				}
			}
		}
	}
	return rs, nil
}

// checkID accepts ids of lower-case letters, digits, '_' and '.'.
func checkID(id string) error {
	if id == "" {
		return errors.New("id missing")
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return fmt.Errorf("id %q: only a-z, 0-9, _ and . allowed", id)
		}
	}
	return nil
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
