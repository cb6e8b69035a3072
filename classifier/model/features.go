// Package model is the classifier's learned second opinion: a logistic
// regression over hashed word and character n-grams of the folded text.
//
// It knows nothing of rules: it scores bytes the classifier has already
// folded (lower case, simplified characters, disguises undone), so a
// traditional and a simplified message, or "V信" and "微信", look alike to
// it. Scoring allocates nothing and reads the text once.
package model

import "unicode/utf8"

// Features selects the n-gram families a model hashes. A model records its
// set, so scores are computed the way its weights were trained.
type Features uint32

// Feature families.
const (
	// WordUni is each Latin word or digit run (digits written as 0, runs
	// longer than maxDigitRun cut there, so a phone number and a code differ
	// by length only).
	WordUni Features = 1 << iota
	// TokenBi is each pair of neighbouring tokens (words and Chinese
	// characters), across spaces and punctuation: "click here", "加v".
	TokenBi
	// HanUni is each Chinese character.
	HanUni
	// HanBi is each pair of Chinese characters next to each other.
	HanBi
	// HanTri is each run of three Chinese characters.
	HanTri
	// Char4 is each four bytes of a Latin word with its boundaries, for
	// words a disguise or a typo changed ("verifcation", "acc0unt").
	Char4
	// Shape counts tokens of a kind: a link, an e-mail or handle sign, a
	// long digit run.
	Shape

	allFeatures = WordUni | TokenBi | HanUni | HanBi | HanTri | Char4 | Shape
)

// DefaultFeatures is the set the shipped model uses.
const DefaultFeatures = WordUni | TokenBi | HanUni | HanBi | HanTri | Shape

// maxDigitRun caps the length a digit run is hashed with.
const maxDigitRun = 12

// maxScanBytes bounds how much of a message is scored: the opening of a
// message carries its kind, and a 16 KB paste must not cost sixteen times a
// short one.
const maxScanBytes = 4096

// Hash seeds of the families, so "ab" as a word and as a bigram differ.
const (
	seedWord  uint64 = 0x9e3779b97f4a7c15
	seedBi    uint64 = 0x3c6ef372fe94f82a
	seedHan1  uint64 = 0xdaa66d2c7ddf743f
	seedHan2  uint64 = 0x78dde6e5fd29f054
	seedHan3  uint64 = 0x1715609d7c746c69
	seedChar4 uint64 = 0xb54cda56fbbee87e
	seedShape uint64 = 0x538453d1d9f95c23
)

// mix is the finaliser of MurmurHash3: every bit of x moves every bit of
// the result, so the top bits index buckets evenly.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// sink receives the buckets (the top bits of a feature's hash, shifted
// right by shift) of a text's features. Scoring sums the weights of the
// buckets as they come (w set), with no list to fill and read back;
// training collects them in out (w nil). Both go through the same scan,
// so a text is scored on exactly the features it was trained on.
type sink struct {
	shift uint
	w     []int8 // the weights to sum; nil to collect the buckets in out
	sum   int32  // the weights summed (int8 weights: no overflow in 4 KB of text)
	n     int    // features seen
	out   []uint32
}

// add takes the feature whose unmixed hash is h.
func (s *sink) add(h uint64) {
	b := uint32(mix(h) >> s.shift)
	if s.w != nil {
		s.sum += int32(s.w[b])
		s.n++
		return
	}
	s.out = append(s.out, b)
}

// each passes the bucket of every feature of folded text in set to s.
func each(text []byte, set Features, s *sink) {
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
				s.add(w ^ seedWord)
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
						s.add(uint64(x) ^ seedChar4)
					}
				}
			}
			if set&TokenBi != 0 && prev != 0 {
				s.add(prev*31 ^ w ^ seedBi)
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
				s.add(w ^ seedWord)
			}
			if set&Shape != 0 && j-i >= 7 {
				s.add(1 ^ seedShape) // a phone-number-long run
			}
			if set&TokenBi != 0 && prev != 0 {
				s.add(prev*31 ^ w ^ seedBi)
			}
			prev, h1, h2 = w, 0, 0
			i = j
		case c < utf8.RuneSelf:
			if set&Shape != 0 && (c == '@' || c == '/' && i+1 < len(text) && text[i+1] == '/') {
				s.add(uint64(c) ^ seedShape) // an address, a handle or a link
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
					s.add(prev*31 ^ w ^ seedBi)
				}
				if set&WordUni != 0 {
					s.add(w ^ seedWord)
				}
				prev, h1, h2 = w, 0, 0
				continue
			}
			w := uint64(r) * 0x2545f4914f6cdd1d
			if set&HanUni != 0 {
				s.add(w ^ seedHan1)
			}
			if set&HanBi != 0 && h2 != 0 {
				s.add(uint64(h2)<<21 ^ uint64(r) ^ seedHan2)
			}
			if set&HanTri != 0 && h1 != 0 && h2 != 0 {
				s.add(uint64(h1)<<42 ^ uint64(h2)<<21 ^ uint64(r) ^ seedHan3)
			}
			if set&TokenBi != 0 && prev != 0 && h2 == 0 {
				// A Chinese run after a word or a number ("加v", "v信"):
				// inside a run the Han bigrams already pair neighbours.
				s.add(prev*31 ^ w ^ seedBi)
			}
			prev, h1, h2 = w, h2, r
		}
	}
}

// isHan reports whether r is a CJK ideograph (the common block and
// extension A; folding maps traditional forms into these).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// fnv is FNV-1a over b.
func fnv(b []byte) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, c := range b {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	return h
}
