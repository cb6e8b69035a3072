package classifier

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestZZSets prints the sets matched in ZZ_TEXT and the verdict.
func TestZZSets(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := os.Getenv("ZZ_TEXT")
	v := c.Classify(text)
	sc := c.pool.Get().(*scratch)
	fold(&sc.f, text)
	c.rs.rulesVerdict(sc, text, langOf(&sc.f) == "zh", &Verdict{})
	var names []string
	for i, h := range sc.hits {
		if h.ok {
			names = append(names, c.rs.terms[i].id)
		}
	}
	sort.Strings(names)
	fmt.Println("SETS", names)
	var out []string
	if len(sc.quotes) > 0 {
		for i, h := range c.rs.outsideHits(sc) {
			if h.ok {
				out = append(out, c.rs.terms[i].id)
			}
		}
	}
	sort.Strings(out)
	fmt.Println("QUOTES", len(sc.quotes), "OUTSIDE", out)
	var sigs []string
	for _, s := range v.Signals {
		sigs = append(sigs, fmt.Sprintf("%s(%.1f)", s.ID, s.Weight))
	}
	fmt.Println("VERDICT", v.Level, v.Score, sigs)
}
