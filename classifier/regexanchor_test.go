package classifier

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"path/filepath"
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
		{`\b\d{5}`, 5, 0},    // \b: windows start after a non-word byte
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
		// A lower-case letter is 4 bits: English words are far likelier
		// than random bytes, and "call" lost to a run of digits after it.
		{`ab\d{3}`, "", 0},
		{`abcd\d{3}`, "abcd", 0},
		{`\b(?:call|text)\b[^0-9]{0,25}[0-9]{6}`, "", 0},
		{`[a-z]{2}%`, "%", 2}, // one byte is as unlikely as a one-byte class
		// One of several literals: each place any of them is.
		{`(?:拨打|致电|回电)[^0-9]{0,6}\d{3}`, "拨打|致电|回电", 0},
		{`(?:abcd|efgh)x`, "abcd|efgh", 0}, // one of two words (15 bits) beats x (4)
		// A Chinese word is about 10 bits a character, not 24: common call
		// words lose to the run of digits after them (own_line_zh).
		{`(?:联系|电话)[^0-9]{0,8}[0-9][0-9 -]{6,14}[0-9]`, "", 0},
	} {
		a, err := compileAnchored(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if lits := string(bytes.Join(a.lits, []byte("|"))); lits != tc.lit || tc.lit != "" && a.maxBefore != tc.maxBefore {
			t.Errorf("%s: got literals %q before %d, want %q before %d", tc.expr, lits, a.maxBefore, tc.lit, tc.maxBefore)
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
		// Windowed: bounded width, $ included.
		`(?:拨打|致电|回电)[^0-9。]{0,6}(?:1[3-9]\d{2,3}|0\d{3})`, `(?:up|rose|涨了)\s?(?:about\s)?\d{1,3}(?:[.\s]\d{1,2})?\s?[%]`,
		`[^0-9]{0,4}\d{4}x?`, `.{0,3}ab.{0,2}`, `(?:ab|安€)[a-z0-9]{0,3}\d{4}`,
		`(?m)ab\d{0,3}(?:$|x)`, `%\d{0,2}$`, `ab.{0,2}$`,
		// Word assertions: a window starts after a non-word byte.
		`\b\d{4}`, `\Bab\d{3}`, `\b(?:text|day)\b[^0-9.]{0,5}\d{4}`, `ab\d{3}\b`, `x\b.{0,3}\d{4}`,
		// Lead literals, with and without a \b before them and an anchor.
		`\b(?:text|to|day)\b[^0-9.]{0,9}\d{4}`, `(?:text|to|day)[^0-9.]{0,9}\d{4}`, `\b(?:text|to)x?\d+`,
		`(?:拨打|致电|回电)[^0-9。]{0,6}\d{3}`, `(?:ab|to)`, `\b(?:ab|to)\b.{0,2}$`,
	}
	pieces := []string{"txt", "text", " ", "win", "_", "q", "context", "to", "2", "no", "8", "87066", "1234", "ab", "K", "K", "k", "x", "y", "安", "€", "\xff", "12", "day", "a ", "per ", "折",
		"拨打", "致电", "回电", "。", "138", "0", "%", "up", "rose", "涨了", "about ", ".", "\xe4\xb8", "\n"}
	r := rand.New(rand.NewSource(7))
	for _, expr := range exprs {
		a, err := compileAnchored(expr)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < 3000; n++ {
			var b []byte
			for k := r.Intn(40); k > 0; k-- {
				b = append(b, pieces[r.Intn(len(pieces))]...)
			}
			got, want := a.findIndex(b), a.re.FindIndex(b)
			if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
				t.Fatalf("%s on %q: got %v, want %v", expr, b, got, want)
			}
		}
	}
}

// The windows apply only where a slice's ends cannot change a match.
func TestAnchorWindow(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		width int
	}{
		{`(?:拨打|致电)[^0-9]{0,2}\d{3}`, 6 + 2*4 + 3},
		{`ab\d{3}%`, 6},
		{`ab\d{3}(?:$|x)`, 6},  // no match reaches a window's end, so $ is safe
		{`ab\d{3}\b`, 5},       // \b: windows start after a non-word byte
		{`ab\d+`, 0},           // unbounded
		{`ab\d{3}.{0,200}`, 0}, // a window wider than maxWindowWidth
	} {
		a, err := compileAnchored(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if a.width != tc.width {
			t.Errorf("%s: got width %d, want %d", tc.expr, a.width, tc.width)
		}
	}
}

// gateNarrowerOK are the regexp sets whose gate may miss a text their
// regexps match: the gate is then a condition of its own ("$300 per
// hour" gated, a bare "$300 hour" not; "it is" not among the openers'
// gate words; "put in $300 and u get 8%" is no "get $"). Any other set's gate must hit wherever its regexps match,
// so that narrowing a gate to a rarer phrase every match holds never
// changes a verdict.
var gateNarrowerOK = map[string]bool{"pay_back": true, "pay_rate_en": true, "stranger_named": true}

// Every shipped regexp finds with findIndex what regexp.FindIndex finds,
// on the folded text of every message the golden files pin; and on each
// of them, a set's gate hits wherever one of its regexps matches (see
// gateNarrowerOK).
func TestShippedRegexpsAgree(t *testing.T) {
	c := classifier(t)
	var res []*anchoredRegexp
	for _, ti := range c.rs.regexIdx {
		res = append(res, c.rs.terms[ti].regex...)
	}
	var raw []string
	for _, set := range goldenSets {
		files, _ := filepath.Glob(set.glob)
		for _, name := range files {
			readJSONLines(t, name, func(_ int, line []byte) {
				var row struct{ Text string }
				if json.Unmarshal(line, &row) == nil {
					raw = append(raw, row.Text)
				}
			})
		}
	}
	if len(raw) == 0 {
		t.Fatal("no messages")
	}
	texts := make([][]byte, len(raw))
	for i, r := range raw {
		texts[i] = Fold(r)
	}
	windowed := 0
	for _, a := range res {
		if a.width > 0 {
			windowed++
		}
		for _, text := range texts {
			got, want := a.findIndex(text), a.re.FindIndex(text)
			if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
				t.Fatalf("%s on %q: got %v, want %v", a.re, text, got, want)
			}
		}
	}
	t.Logf("%d regexps (%d windowed), %d texts", len(res), windowed, len(texts))
	// The gates, as Classify sees them: after the matches' word
	// boundaries, masks and negations.
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	for _, text := range raw {
		fold(&sc.f, text)
		c.rs.match(sc)
		c.rs.scopeNegations(sc, text, langOf(&sc.f) == "zh")
		for _, ti := range c.rs.regexIdx {
			term := &c.rs.terms[ti]
			if sc.hits[term.gate].ok || gateNarrowerOK[term.id] {
				continue
			}
			for _, a := range term.regex {
				if a.re.Match(sc.f.text) {
					t.Errorf("%s: %s matches %q, but the gate does not", term.id, a.re, sc.f.text)
				}
			}
		}
	}
}

// FuzzShippedRegexpsAgree: on any text, folded or not, every shipped
// regexp's findIndex finds what regexp.FindIndex finds.
func FuzzShippedRegexpsAgree(f *testing.F) {
	for _, s := range []string{
		"本月平均收益达12.5%，收益高达 30 %", "请拨打 138 1234 5678 或致电020-12345678", "txt WIN to 87066 now", "reply stop 2 80082",
		"先付100返150元", "daily income of $300", "\xff拨打\xe4\xb8", "earned 12%\n涨了 5 %",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	var res []*anchoredRegexp
	for _, ti := range c.rs.regexIdx {
		res = append(res, c.rs.terms[ti].regex...)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, b := range [][]byte{[]byte(text), Fold(text)} {
			for _, a := range res {
				got, want := a.findIndex(b), a.re.FindIndex(b)
				if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
					t.Fatalf("%s on %q: got %v, want %v", a.re, b, got, want)
				}
			}
		}
	})
}

// The lead literals are set where every match starts with one of them.
func TestLeadLiterals(t *testing.T) {
	for _, tc := range []struct {
		expr, lead string
		word       bool
	}{
		{`\b(?:call|text)\b[^0-9]{0,25}[0-9]{6}`, "call|text", true},
		{`(?:拨打|致电)[^0-9]{0,6}\d{3}`, "拨打|致电", false},
		{`\b(?:%|call)\d`, "", false},                      // after \b, % would need a word byte before it
		{`(?:txt|text|send)\s?\d`, "txt|text|send", false}, // factored by the parser
		{`(?:你|您)是\p{Han}`, "你是|您是", false},                // the finite elements after it too
		{`(?:earned|up)(?:\s(?:us|them))?\d`, "earned|up", false},
		{`(?:ab?|cd)x\d`, "abx|ax|cdx", false},
		{`[a-z]call`, "", false},
		{`^call\d`, "", false}, // ^ looks before the start
	} {
		a, err := compileAnchored(tc.expr)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if lead := string(bytes.Join(a.lead, []byte("|"))); lead != tc.lead || a.leadWord != tc.word {
			t.Errorf("%s: got lead %q (after \\b %v), want %q (%v)", tc.expr, lead, a.leadWord, tc.lead, tc.word)
		}
	}
}
