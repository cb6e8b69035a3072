// Package rules is the classifier's rule language as written: the schema of
// the rule files beside this file and of the domain data under data/,
// decoded strictly and checked one spec at a time. It knows nothing of
// matching; package classifier compiles what Load returns into its
// automaton and conditions, as alertmanager's dispatch compiles its
// config. README.md beside this file is the language's manual.
package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// File is one rule file. Files are read in the order of their names, and
// each may refer only to sets that it or an earlier file declared, so a
// reader can start at the top.
type File struct {
	// Name is the file's path, for errors; it is not in the YAML.
	Name string `yaml:"-"`
	// Levels are the score thresholds of the verdict's levels; exactly
	// one file has them.
	Levels *Levels `yaml:"levels"`
	// Precedence names the scam types that win over heavier ones.
	Precedence *Precedence `yaml:"precedence"`
	// Veto is the genuine-context policy.
	Veto  *Veto  `yaml:"veto"`
	Sets  []Set  `yaml:"sets"`
	Rules []Rule `yaml:"rules"`
}

// Levels are the scores from which a verdict is low, medium and high.
type Levels struct {
	Low    float64 `yaml:"low"`
	Medium float64 `yaml:"medium"`
	High   float64 `yaml:"high"`
}

// Precedence lists scam types that name the verdict whenever their own
// rules add up to MinWeight, even if a more general type weighs more.
type Precedence struct {
	Types     []string `yaml:"types"`
	MinWeight float64  `yaml:"min_weight"`
}

// Veto is the one genuine-context policy: a rule with a positive weight
// does not fire when Set matched (the message reads as a genuine warning
// or notice), unless the rule says veto: false. A rule with a negative
// weight or a scale is not vetoed unless it says veto: true.
type Veto struct {
	Set string `yaml:"set"`
}

// Set is a named set of phrases: the one way to say what text to look for.
type Set struct {
	ID string `yaml:"id"`
	// Phrases are matched in the folded text.
	Phrases []string `yaml:"phrases"`
	// Include makes the set also match when one of these earlier sets
	// does.
	Include []string `yaml:"include"`
	// Aliases are other spellings of the set's one phrase (微信 → vx);
	// every phrase of every set that contains that phrase is matched with
	// each alias in its place too.
	Aliases []string `yaml:"aliases"`
	// Regex patterns run on the folded text, only when one of the Gate
	// phrases is present (regexes cost more than phrases).
	Regex []string `yaml:"regex"`
	Gate  []string `yaml:"gate"`
	// Negator makes the phrases open a negation scope ("clause" or
	// "sentence"), take one away ("cancel"), or close a scope that began
	// at the start of their clause or sentence ("closes_clause",
	// "closes_sentence": "…都是诈骗", "转给您了", where the verdict or the
	// completed transfer comes after the words it takes back), or end the
	// scope open before them ("ends": the sentence turns, "…except me, so
	// read me the code").
	Negator string `yaml:"negator"`
	// Negatable phrases found inside a negation scope do not match the
	// set; they match its companion "not.<id>" instead (what the set
	// includes is not affected).
	Negatable bool `yaml:"negatable"`
	// Address is the set's part in telling an ask to the reader from a
	// word (issue #12): "cue" phrases address the reader (请, 麻烦, 你先,
	// 把…, 给我); the phrases of a "needed" set count in a Chinese
	// message only when a cue stands in their clause, and otherwise match
	// the set's companion "bare.<id>" ("本次转账已延迟", "工资打到卡上");
	// a "noun" phrase marks a needed phrase it overlaps as a noun ("一笔
	// 转账", "转账记录"), which then needs its cue in its own clause.
	// "cue_en" and "needed_en" are the same test for English messages:
	// a fee or payment word counts only when its sentence addresses the
	// reader ("please", "you must", "to avoid", "pay"), otherwise it is a
	// receipt or a statement ("your payment was received", "the fee is
	// included") and matches "bare.<id>".
	Address string `yaml:"address"`
	// Entity names what the entity stage found (url_shortener, phone, …)
	// as the set's matches, instead of phrases.
	Entity string `yaml:"entity"`
	// Mask makes the phrases hide every shorter match inside them: a
	// word inside a longer word is not that word ("日结束", a deadline,
	// hides the part-time pay word 日结). The set still matches as itself.
	Mask bool `yaml:"mask"`
}

// Rule adds its weight to the score (or scales it) when its conditions
// hold.
type Rule struct {
	ID      string   `yaml:"id"`
	Type    string   `yaml:"type"`
	Weight  float64  `yaml:"weight"`
	Scale   float64  `yaml:"scale"`
	Lang    []string `yaml:"lang"`
	Explain string   `yaml:"explain"`
	// All: every set must match. Any: at least Min (default 1) must.
	// Unless: none may.
	All    []string `yaml:"all"`
	Any    []string `yaml:"any"`
	Min    int      `yaml:"min"`
	Unless []string `yaml:"unless"`
	// UnlessOutsideQuote reads the unless sets outside the quotations that
	// entity.debunked_quote or entity.cited found (the rule's all must
	// name one): the script quoted says "send me" and "I need you to"
	// too, and only the writer's own words tell whether they still ask or
	// doubt.
	UnlessOutsideQuote bool `yaml:"unless_outside_quote"`
	// Veto overrides the default of the genuine-context policy.
	Veto *bool `yaml:"veto"`
}

// Error is a problem in a rule or data file, naming where it is: the file,
// the spec ("rule", "set", …) and its id, and the field.
type Error struct {
	File  string
	Spec  string
	ID    string
	Field string
	Err   error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Spec != "" {
		fmt.Fprintf(&b, ": %s %q", e.Spec, e.ID)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// fieldError is a problem with one field of a spec, before the spec's
// file and id are known.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

func errField(field, format string, args ...any) error {
	return &fieldError{field, fmt.Errorf(format, args...)}
}

// FieldError is a problem with one field of a spec, for a compile step
// that finds it; ErrorAt then names the file and the spec.
func FieldError(field string, err error) error { return &fieldError{field, err} }

// ErrorAt names the file, the spec and its id of err, keeping the field of
// a FieldError apart.
func ErrorAt(file, spec, id string, err error) error { return at(file, spec, id, err) }

// at names the file, spec and id of err (a fieldError keeps its field).
func at(file, spec, id string, err error) error {
	e := &Error{File: file, Spec: spec, ID: id, Err: err}
	var fe *fieldError
	if errors.As(err, &fe) {
		e.Field, e.Err = fe.field, fe.err
	}
	return e
}

// AddressKinds are the values of Set.Address.
var AddressKinds = []string{"cue", "needed", "noun", "cue_en", "needed_en", "payout_en"}

// NegatorKinds are the values of Set.Negator.
var NegatorKinds = []string{"clause", "sentence", "cancel", "closes_clause", "closes_sentence", "ends"}

// Validate checks the levels rise.
func (l Levels) Validate() error {
	if !(0 < l.Low && l.Low < l.Medium && l.Medium < l.High) {
		return errors.New("must rise: 0 < low < medium < high")
	}
	return nil
}

// Validate checks the precedence names types and a weight.
func (p Precedence) Validate() error {
	if len(p.Types) == 0 {
		return errField("types", "missing")
	}
	if p.MinWeight <= 0 {
		return errField("min_weight", "must be positive, got %v", p.MinWeight)
	}
	return nil
}

// Validate checks the veto names a set.
func (v Veto) Validate() error {
	if err := CheckID(v.Set); err != nil {
		return errField("set", "%w", err)
	}
	return nil
}

// Validate checks a set on its own; references are checked when the
// files are compiled.
func (s Set) Validate() error {
	if err := CheckID(s.ID); err != nil {
		return errField("id", "%w", err)
	}
	sources := 0
	for _, n := range []int{len(s.Phrases), len(s.Include), len(s.Regex)} {
		if n > 0 {
			sources++
		}
	}
	switch {
	case s.Entity != "" && sources > 0:
		return errField("entity", "an entity set has no phrases, include or regex")
	case s.Entity == "" && sources == 0:
		return errField("phrases", "a set needs phrases, include, regex or entity")
	case len(s.Aliases) > 0 && (len(s.Phrases) != 1 || sources != 1 || s.Negator != "" || s.Negatable):
		return errField("aliases", "aliases are the spellings of a set of exactly one phrase and nothing else")
	case len(s.Regex) > 0 && len(s.Gate) == 0:
		return errField("regex", "needs gate phrases")
	case len(s.Regex) == 0 && len(s.Gate) > 0:
		return errField("gate", "without regex")
	case s.Negatable && len(s.Phrases) == 0 || s.Negatable && len(s.Regex) > 0:
		return errField("negatable", "only phrases can be negatable, not regexes")
	case s.Address != "" && !slices.Contains(AddressKinds, s.Address):
		return errField("address", "%q: want cue, needed, noun, cue_en, needed_en or payout_en", s.Address)
	case s.Address != "" && (len(s.Phrases) == 0 || len(s.Regex) > 0 || len(s.Aliases) > 0):
		return errField("address", "only a set of phrases takes part in addressing")
	case (s.Address == "cue" || s.Address == "noun" || s.Address == "cue_en" || s.Address == "payout_en") && (s.Negator != "" || s.Negatable):
		return errField("address", "a cue or a noun is neither a negator nor negatable")
	case s.Mask && (len(s.Phrases) == 0 || sources != 1 || s.Negator != "" || s.Negatable || s.Address != "" || len(s.Aliases) > 0):
		return errField("mask", "a mask is a set of phrases only: no include, regex, aliases, negator or address")
	}
	if s.Negator != "" {
		if !slices.Contains(NegatorKinds, s.Negator) {
			return errField("negator", "%q: want clause, sentence, cancel, closes_clause, closes_sentence or ends", s.Negator)
		}
		if s.Negatable || len(s.Regex) > 0 || len(s.Include) > 0 {
			return errField("negator", "a negator is a set of phrases, and not negatable")
		}
	}
	for i, p := range s.Phrases {
		if strings.Trim(p, "* ") == "" {
			return errField(fmt.Sprintf("phrases[%d]", i), "empty phrase %q", p)
		}
	}
	return nil
}

// Validate checks a rule on its own; its type and references are checked
// when the files are compiled.
func (r Rule) Validate() error {
	if err := CheckID(r.ID); err != nil {
		return errField("id", "%w", err)
	}
	switch {
	case r.Scale != 0 && (r.Scale <= 0 || r.Scale >= 1):
		return errField("scale", "must be between 0 and 1, got %v", r.Scale)
	case r.Scale != 0 && r.Weight != 0:
		return errField("scale", "a rule has a weight or a scale, not both")
	case r.Scale == 0 && r.Weight == 0:
		return errField("weight", "must not be 0")
	}
	if !strings.HasPrefix(r.Explain, "sig.") {
		return errField("explain", "must be a sig.* message id, got %q", r.Explain)
	}
	if len(r.Lang) == 0 {
		return errField("lang", "missing (zh, en or both)")
	}
	for _, l := range r.Lang {
		if l != "zh" && l != "en" {
			return errField("lang", "unknown language %q", l)
		}
	}
	if len(r.All) == 0 && len(r.Any) == 0 {
		return errField("all", "the rule matches nothing: no all and no any")
	}
	if r.Min < 0 || r.Min > len(r.Any) {
		return errField("min", "%d with %d any-entries", r.Min, len(r.Any))
	}
	if r.UnlessOutsideQuote && !slices.Contains(r.All, "entity.debunked_quote") && !slices.Contains(r.All, "entity.cited") {
		return errField("unless_outside_quote", "needs entity.debunked_quote or entity.cited in all")
	}
	return nil
}

// CheckID accepts ids of lower-case letters, digits, '_' and '.'.
func CheckID(id string) error {
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
