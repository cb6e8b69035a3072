package classifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
)

// The DFA and the sparse trie report the same matches as a naive search.
func TestMatcherAgainstNaive(t *testing.T) {
	pats := [][]byte{[]byte("he"), []byte("she"), []byte("his"), []byte("hers"), []byte("安全账户"), []byte("账户"), []byte("户"), []byte("a"), []byte("aa")}
	texts := []string{"ushers", "hishe", "请转到安全账户", "aaaa", "", "xyz", "she said hers his 账户"}
	dfa := newMatcher(pats)
	sparse := newMatcher(pats)
	sparse.delta = nil
	if dfa.delta == nil {
		t.Fatal("small automaton did not get a DFA")
	}
	for _, text := range texts {
		want := naiveMatches(pats, []byte(text))
		for name, m := range map[string]*matcher{"dfa": dfa, "sparse": sparse} {
			got := fmt.Sprint(sortMatches(m.findAll([]byte(text), nil)))
			if got != fmt.Sprint(want) {
				t.Errorf("%s %q: got %s, want %v", name, text, got, want)
			}
		}
	}
}

func naiveMatches(pats [][]byte, text []byte) []acMatch {
	var out []acMatch
	for i := range text {
		for p, pat := range pats {
			if bytes.HasPrefix(text[i:], pat) {
				out = append(out, acMatch{int32(p), int32(i), int32(i + len(pat))})
			}
		}
	}
	return sortMatches(out)
}

func sortMatches(ms []acMatch) []acMatch {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].start < ms[j-1].start || ms[j].start == ms[j-1].start && ms[j].pat < ms[j-1].pat); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}

// BenchmarkMatcher runs the rules' automaton alone over the folded dev
// messages: the multi-pattern search itself, without folding or rules.
func BenchmarkMatcher(b *testing.B) {
	msgs := devMessages(b)
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var f folded
	texts := make([][]byte, len(msgs))
	n := 0
	for i, m := range msgs {
		fold(&f, m)
		texts[i] = append([]byte(nil), f.text...)
		n += len(texts[i])
	}
	var dst []acMatch
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			dst = c.rs.ac.findAll(t, dst[:0])
		}
	}
}

// The split scan of long texts reports exactly what the one-chain scan
// does, in the same order.
func TestMatcherSplitAgrees(t *testing.T) {
	pats := [][]byte{[]byte("he"), []byte("she"), []byte("his"), []byte("hers"), []byte("安全账户"), []byte("账户"), []byte("户"), []byte("a"), []byte("aa"),
		[]byte("a long pattern that crosses the middle")}
	pieces := []string{"he", "she", "rs", "hi", "s", "安全", "账户", "a", " ", "x", "a long pattern that crosses the middle", "a long"}
	// The states from 12 on in far, so that the scans step into and
	// out of far states as the shipped rules' deepest do.
	far := newMatcher(pats)
	far.buildDFA(12)
	if far.far.len() == 0 {
		t.Fatal("no far states")
	}
	for _, m := range []*matcher{newMatcher(pats), far} {
		r := rand.New(rand.NewSource(3))
		for n := 0; n < 2000; n++ {
			var text []byte
			for k := r.Intn(60); k > 0; k-- {
				text = append(text, pieces[r.Intn(len(pieces))]...)
			}
			got := m.findAll(text, nil)
			want := m.findDFA(text, nil)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q: got %v, want %v", text, got, want)
			}
			if naive := naiveMatches(pats, text); fmt.Sprint(sortMatches(got)) != fmt.Sprint(naive) {
				t.Fatalf("%q: got %v, naive %v", text, got, naive)
			}
		}
	}
}

// On the shipped automaton, the split scans report on every dev and
// written message exactly what the one-chain scan does, in the same order.
func TestShippedMatcherSplitAgrees(t *testing.T) {
	c, err := NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	m := c.rs.ac
	var f folded
	n := 0
	for _, set := range goldenSets {
		files, _ := filepath.Glob(set.glob)
		for _, name := range files {
			readJSONLines(t, name, func(_ int, line []byte) {
				var row struct{ Text string }
				if json.Unmarshal(line, &row) != nil {
					return
				}
				fold(&f, row.Text)
				// The whole text and three shorter ones, so that halves
				// and quarters fall on every byte of a character.
				for k := len(f.text); k >= 0 && k > len(f.text)-4; k-- {
					text := f.text[:k]
					got, want := m.findAll(text, nil), m.findDFA(text, nil)
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("%q: got %v, want %v", text, got, want)
					}
					n++
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("no messages")
	}
}

// The shipped rules must build the DFA: past maxDFABytes the matcher falls
// back to the sparse automaton, correct but half as fast, and nothing else
// would tell (it happened once, silently, when the rules outgrew 16-bit
// states).
func TestShippedRulesRunAsDFA(t *testing.T) {
	c, err := NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.rs.ac.delta == nil {
		t.Errorf("got the sparse automaton (%d states), want the DFA", len(c.rs.ac.fail))
	}
}
