package classifier

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZGC(t *testing.T) {
	glob := os.Getenv("ZZ_GLOB")
	if glob == "" {
		return
	}
	c, _ := New()
	var files []string
	for _, g := range strings.Fields(glob) {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	cnt := map[string]int{}
	for _, f := range files {
		readJSONLines(t, f, func(_ int, line []byte) {
			var r struct{ Text, Label string }
			if json.Unmarshal(line, &r) != nil || r.Label == "spam" {
				return
			}
			v := c.Classify(r.Text)
			gc := false
			for _, s := range v.Signals {
				if s.ID == "genuine_context" || s.ID == "genuine_context_strong" {
					gc = true
				}
			}
			if !gc || v.Level < LevelMedium {
				return
			}
			e := v.Entities
			ch := e != nil && len(e.URLs)+len(e.Phones)+len(e.Handles)+len(e.Crypto)+len(e.Apps) > 0
			key := r.Label + " " + v.Level.String()
			if ch {
				key += " channel"
			}
			cnt[key]++
			if os.Getenv("ZZ_SHOW") != "" && strings.HasPrefix(key, os.Getenv("ZZ_SHOW")) {
				t.Logf("%s %.1f | %.200s", key, v.Score, r.Text)
			}
		})
	}
	t.Logf("%v", cnt)
}
