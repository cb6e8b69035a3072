package classifier

import (
	"math/rand"
	"testing"
)

func TestAnchorChoice(t *testing.T) {
	cases := []struct {
		expr              string
		runLen, maxBefore int
	}{
		{`(?:txt|text|send|reply|xt)\s?[a-z0-9]{2,10}\s?(?:to|2)\s?(?:no\s?)?\d{4,5}(?:$|[^0-9])`, 4, 23},
		{`\d{6}`, 6, 0},
		{`a\d{3}`, 3, 1},
		{`a+\d{5}`, 0, 0},    // unbounded before the run
		{`\b\d{5}`, 0, 0},    // \b looks behind
		{`^\d{5}`, 0, 0},     // so does ^
		{`[a-z]{2}`, 0, 0},   // too likely to be worth it
		{`(?i)k\d{4}`, 4, 4}, // k may be the 3-byte Kelvin sign
	}
	// Literals anchor too, when they say more than the runs.
	for _, tc := range []struct {
		expr, lit string
		maxBefore int
	}{
		{`\d{2,6} ?(?:a |per )?day(?:$|[^a-z])`, "day", 11},
		{`\d折`, "折", 1},
		{`\d{6}ab`, "", 0}, // six digits (28 bits) beat two letters
		{`ab\d{3}`, "ab", 0},
		{`[a-z]{2}x`, "x", 2}, // one byte is as unlikely as a one-byte class
	} {
		a, err := compileAnchored(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if string(a.lit) != tc.lit || tc.lit != "" && a.maxBefore != tc.maxBefore {
			t.Errorf("%s: got literal %q before %d, want %q before %d", tc.expr, a.lit, a.maxBefore, tc.lit, tc.maxBefore)
		}
	}
	for _, tc := range cases {
		a, err := compileAnchored(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if a.runLen != tc.runLen || a.maxBefore != tc.maxBefore {
			t.Errorf("%s: got run %d before %d, want run %d before %d", tc.expr, a.runLen, a.maxBefore, tc.runLen, tc.maxBefore)
		}
	}
}

// findIndex must agree with regexp.FindIndex everywhere.
func TestAnchoredFindIndexAgrees(t *testing.T) {
	exprs := []string{
		`(?:txt|text|send|reply|xt)\s?[a-z0-9]{2,10}\s?(?:to|2)\s?(?:no\s?)?\d{4,5}(?:$|[^0-9])`,
		`ab\d{3}`, `.{0,3}\d{4}`, `[^0-9]{1,2}\d{4}`, `(?i)k\d{4}$`, `x?\d{4,}y`,
		`\d{2,6} ?(?:a |per )?day(?:$|[^a-z])`, `\d折`, `安?€`,
	}
	pieces := []string{"txt", "text", " ", "win", "to", "2", "no", "8", "87066", "1234", "ab", "K", "K", "k", "x", "y", "安", "€", "\xff", "12", "day", "a ", "per ", "折"}
	r := rand.New(rand.NewSource(7))
	for _, expr := range exprs {
		a, err := compileAnchored(expr)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < 3000; n++ {
			var b []byte
			for k := r.Intn(12); k > 0; k-- {
				b = append(b, pieces[r.Intn(len(pieces))]...)
			}
			got, want := a.findIndex(b), a.re.FindIndex(b)
			if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
				t.Fatalf("%s on %q: got %v, want %v", expr, b, got, want)
			}
		}
	}
}
