package classifier

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZScoreTmp(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		t.Skip()
	}
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	out, _ := os.Create(os.Getenv("ZZ_OUT"))
	defer out.Close()
	for sc.Scan() {
		var r struct{ Text, Label, Lang string }
		json.Unmarshal(sc.Bytes(), &r)
		var fd folded
		fold(&fd, r.Text)
		v := c.Classify(r.Text)
		rl := "none"
		// rules level: recompute without model
		s := c.model.Score(fd.text)
		ruleMed := v.Level >= LevelMedium && (len(v.Signals) == 0 || v.Signals[0].ID != ModelSignalID)
		fmt.Fprintf(out, "%s\t%s\t%.3f\t%v\t%s\t%s\n", r.Label, v.Lang, s, ruleMed, rl, r.Text)
	}
}
