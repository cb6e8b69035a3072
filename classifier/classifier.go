package classifier

import (
	"sort"
	"strings"
	"unicode"
)

// Classifier holds compiled rules. It is safe for concurrent use.
type Classifier struct {
	rules []rule
}

// rule is a placeholder rule set: every group of phrases must match for the
// rule to fire. The rule data format of issue #3 replaces it.
type rule struct {
	id      string
	typ     Type
	weight  float64
	explain string
	groups  [][]string
}

// New compiles the embedded rules.
func New() (*Classifier, error) {
	return &Classifier{rules: []rule{
		{"official_safe_account", TypeImpersonateOfficial, 3, "sig.safe_account",
			[][]string{{"安全账户", "safe account"}}},
		{"official_authority", TypeImpersonateOfficial, 1, "sig.authority",
			[][]string{{"公安", "警察", "检察院", "法院", "大使馆", "领事馆", "police", "embassy", "consulate"}}},
		{"ask_transfer", TypeNone, 1.5, "sig.transfer",
			[][]string{{"转账", "汇款", "transfer", "wire"}}},
		{"secrecy", TypeNone, 1, "sig.secrecy",
			[][]string{{"保密", "不要告诉", "don't tell", "do not tell", "keep this secret"}}},
	}}, nil
}

// Classify returns the verdict for one message.
func (c *Classifier) Classify(text string) Verdict {
	v := Verdict{Lang: detectLang(text), Source: SourceRules}
	lower := strings.ToLower(text)
	typeScore := map[Type]float64{}
	for _, r := range c.rules {
		var first *Signal
		for _, g := range r.groups {
			var hit *Signal
			for _, p := range g {
				if i := strings.Index(lower, p); i >= 0 && len(lower) == len(text) {
					hit = &Signal{ID: r.id, Type: r.typ, Evidence: text[i : i+len(p)], Span: Span{i, i + len(p)}, Explain: r.explain, Weight: r.weight}
					break
				}
			}
			if hit == nil {
				first = nil
				break
			}
			if first == nil {
				first = hit
			}
		}
		if first != nil {
			v.Signals = append(v.Signals, *first)
			v.Score += r.weight
			if r.typ != TypeNone {
				typeScore[r.typ] += r.weight
			}
		}
	}
	sort.SliceStable(v.Signals, func(i, j int) bool { return v.Signals[i].Weight > v.Signals[j].Weight })
	best := 0.0
	for _, t := range Types {
		if typeScore[t] > best {
			best, v.Type = typeScore[t], t
		}
	}
	switch {
	case v.Score >= 4:
		v.Level = LevelHigh
	case v.Score >= 2.5:
		v.Level = LevelMedium
	case v.Score > 0:
		v.Level = LevelLow
	}
	return v
}

// detectLang calls a text Chinese when it has any Han characters.
func detectLang(text string) string {
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			return "zh"
		}
	}
	return "en"
}
