package model

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// eachReference is each as it was before scoring summed the weights in the
// scan (one list of buckets, then a loop over it), kept to show that the
// fused scan finds the same features in the same order.
func eachReference(text []byte, set Features, shift uint, out []uint32) []uint32 {
	if len(text) > maxScanBytes {
		// Cut before the character that straddles the limit.
		cut := maxScanBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var prev uint64 // hash of the previous token, 0 at the start
	var h1, h2 rune // the last two Chinese characters of the current run
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
			j := i + 1
			for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
				j++
			}
			w := fnv(text[i:j])
			if set&WordUni != 0 {
				out = append(out, uint32(mix(w^seedWord)>>shift))
			}
			if set&Char4 != 0 && j-i >= 3 {
				// " ab" … "yz ": the word with its boundaries.
				var x uint32 = ' '
				for k := i; k <= j; k++ {
					b := byte(' ')
					if k < j {
						b = text[k]
					}
					x = x<<8 | uint32(b)
					if k-i >= 3 || k == j {
						out = append(out, uint32(mix(uint64(x)^seedChar4)>>shift))
					}
				}
			}
			if set&TokenBi != 0 && prev != 0 {
				out = append(out, uint32(mix(prev*31^w^seedBi)>>shift))
			}
			prev, h1, h2 = w, 0, 0
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			run := min(j-i, maxDigitRun)
			w := uint64(run)*0x100000001b3 ^ 0xd1b54a32d192ed03
			if set&WordUni != 0 {
				out = append(out, uint32(mix(w^seedWord)>>shift))
			}
			if set&Shape != 0 && j-i >= 7 {
				out = append(out, uint32(mix(1^seedShape)>>shift)) // a phone-number-long run
			}
			if set&TokenBi != 0 && prev != 0 {
				out = append(out, uint32(mix(prev*31^w^seedBi)>>shift))
			}
			prev, h1, h2 = w, 0, 0
			i = j
		case c < utf8.RuneSelf:
			if set&Shape != 0 && (c == '@' || c == '/' && i+1 < len(text) && text[i+1] == '/') {
				out = append(out, uint32(mix(uint64(c)^seedShape)>>shift)) // an address, a handle or a link
			}
			i++
		default:
			var r rune
			if c >= 0xE3 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				// Three bytes, as Chinese characters are: decoded here.
				r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
				i += 3
			} else {
				var size int
				r, size = utf8.DecodeRune(text[i:])
				i += size
			}
			if !isHan(r) {
				// An emoji or a symbol is a token of its own.
				w := uint64(r)*0x9e3779b1 ^ 0x94d049bb133111eb
				if set&TokenBi != 0 && prev != 0 {
					out = append(out, uint32(mix(prev*31^w^seedBi)>>shift))
				}
				if set&WordUni != 0 {
					out = append(out, uint32(mix(w^seedWord)>>shift))
				}
				prev, h1, h2 = w, 0, 0
				continue
			}
			w := uint64(r) * 0x2545f4914f6cdd1d
			if set&HanUni != 0 {
				out = append(out, uint32(mix(w^seedHan1)>>shift))
			}
			if set&HanBi != 0 && h2 != 0 {
				out = append(out, uint32(mix(uint64(h2)<<21^uint64(r)^seedHan2)>>shift))
			}
			if set&HanTri != 0 && h1 != 0 && h2 != 0 {
				out = append(out, uint32(mix(uint64(h1)<<42^uint64(h2)<<21^uint64(r)^seedHan3)>>shift))
			}
			if set&TokenBi != 0 && prev != 0 && h2 == 0 {
				// A Chinese run after a word or a number ("加v", "v信"):
				// inside a run the Han bigrams already pair neighbours.
				out = append(out, uint32(mix(prev*31^w^seedBi)>>shift))
			}
			prev, h1, h2 = w, h2, r
		}
	}
	return out
}

// scoreReference is Score as it was: collect the buckets, then sum.
func scoreReference(m *Model, folded []byte) float64 {
	idx := eachReference(folded, m.Features, 64-uint(m.Bits), nil)
	var sum int32
	for _, j := range idx {
		sum += int32(m.Weights[j])
	}
	return float64(m.Bias) + float64(m.Scale)*float64(sum)*norm(len(idx))
}

// referenceTexts are the tuned written sets' texts (not blind/), as written
// and lower-cased, and a few edge cases: broken UTF-8, long digit runs,
// symbols, a text past maxScanBytes.
func referenceTexts(t testing.TB) [][]byte {
	t.Helper()
	texts := [][]byte{
		nil, []byte("a"), []byte("\xff\xfe\xe4\xb8"), []byte("\xe4\xb8"), []byte("07700 900123 http://x.example @handle 😀加v信"),
		[]byte(strings.Repeat("兼职刷单日结 abc 123456789012345 ", 300)),
	}
	files, _ := filepath.Glob("../testdata/messages/*.jsonl")
	if len(files) == 0 {
		t.Fatal("no written sets in ../testdata/messages")
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var row struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &row) == nil {
				texts = append(texts, []byte(row.Text), []byte(strings.ToLower(row.Text)))
			}
		}
		f.Close()
	}
	return texts
}

// The scan that sums as it goes finds the features the list did, and the
// shipped model's scores are bit for bit the same.
func TestEachMatchesReference(t *testing.T) {
	m, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range referenceTexts(t) {
		for _, set := range []Features{DefaultFeatures, allFeatures} {
			s := sink{shift: 64 - 18}
			each(text, set, &s)
			if want := eachReference(text, set, 64-18, nil); !slices.Equal(s.out, want) {
				t.Fatalf("%q, features %#x: got %d buckets, want %d (or they differ)", text, set, len(s.out), len(want))
			}
		}
		if got, want := m.Score(text), scoreReference(m, text); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: got score %v, want %v", text, got, want)
		}
	}
}

func FuzzEachMatchesReference(f *testing.F) {
	for _, tc := range tiny {
		f.Add([]byte(tc.text))
	}
	f.Add([]byte("\xff\xfe\xe4\xb8 1234567 @ // 😀"))
	m, err := Shipped()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		s := sink{shift: 64 - 18}
		each(text, allFeatures, &s)
		if want := eachReference(text, allFeatures, 64-18, nil); !slices.Equal(s.out, want) {
			t.Errorf("%q: got buckets %v, want %v", text, s.out, want)
		}
		if got, want := m.Score(text), scoreReference(m, text); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%q: got score %v, want %v", text, got, want)
		}
	})
}
