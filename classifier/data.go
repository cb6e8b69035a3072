package classifier

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/classifier/rules"
)

// The domain data the mechanisms of folding and entities work with, from
// rules/data/*.yaml (embedded; see that package). Folding needs it before
// any Classifier exists (rule phrases are folded too), so it is loaded
// once with the package; New reports dataErr if the files are broken.
var (
	data, dataErr = rules.LoadData(rules.FS, "data")

	// data/links.yaml
	brands           = data.Links.Imitated
	brandSet         = setOf(brands)
	officialSuffixes = data.Links.OfficialSuffixes
	chatInvites      = setOf(data.Links.ChatInvites)
	shorteners       = setOf(data.Links.Shorteners)
	cheapTLDs        = setOf(data.Links.CheapTLDs)
	labelDigits      = byteTable(data.Links.LabelDigits)
	labelLetters     = pairsOf(data.Links.LabelLetters)

	// data/money.yaml and data/apps.yaml
	moneyUnits         = data.Money.Units
	wordsBeforeNumbers = data.Money.WordsBeforeNumbers
	remoteApps         = data.Apps.Remote
	chatApps           = data.Apps.Chat
	chatHosts          = data.Apps.ChatHosts

	// data/folding.yaml
	lookalikes    = runeKeys(data.Folding.Lookalikes, data.Folding.Emoji, data.Folding.Digits)
	yueTable      = runeMap(data.Folding.Cantonese)
	addHomophones = runesOf(data.Folding.AddHomophones)
	contactStarts = setOf(runesOf(data.Folding.ContactStarts))
	wordDigits    = byteTable(data.Folding.WordDigits)
	unitSuffixes  = data.Folding.NumberSuffixes
	keptSymbols   = runesOf(data.Folding.KeptSymbols)
)

// longBrands are the brands of four letters or more, which namesBrand
// looks for inside other names.
var longBrands = func() []string {
	var l []string
	for _, b := range brands {
		if len(b) >= 4 {
			l = append(l, b)
		}
	}
	return l
}()

// moneyUnitsBy lists, for each byte, the units of moneyUnits (in their
// order) that can start with it in any case: strings.EqualFold also matches
// K for k and ſ for s, so whole SimpleFold orbits count. A number is then
// compared with the few units its next byte allows, most often none.
var moneyUnitsBy = func() (by [256][]int) {
	for i, u := range moneyUnits {
		r, _ := utf8.DecodeRuneInString(u)
		f := r
		for {
			var enc [utf8.UTFMax]byte
			utf8.EncodeRune(enc[:], f)
			if l := by[enc[0]]; len(l) == 0 || l[len(l)-1] != i {
				by[enc[0]] = append(l, i)
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return by
}()

func setOf[T comparable](list []T) map[T]bool {
	m := make(map[T]bool, len(list))
	for _, x := range list {
		m[x] = true
	}
	return m
}

func runesOf(list []string) []rune {
	rs := make([]rune, 0, len(list))
	for _, s := range list {
		r, _ := utf8.DecodeRuneInString(s)
		rs = append(rs, r)
	}
	return rs
}

// runeKeys merges maps keyed by one character; a later map wins.
func runeKeys(ms ...map[string]string) map[rune]string {
	out := map[rune]string{}
	for _, m := range ms {
		for k, v := range m {
			r, _ := utf8.DecodeRuneInString(k)
			out[r] = v
		}
	}
	return out
}

func runeMap(m map[string]string) map[rune]rune {
	out := make(map[rune]rune, len(m))
	for k, v := range m {
		r, _ := utf8.DecodeRuneInString(k)
		out[r], _ = utf8.DecodeRuneInString(v)
	}
	return out
}

// byteTable turns one-byte keys and values into a lookup table (0: none).
func byteTable(m map[string]string) (t [256]byte) {
	for k, v := range m {
		t[k[0]] = v[0]
	}
	return t
}

// pairsOf returns m's pairs in the order of their keys, so replacements
// run in a fixed order.
func pairsOf(m map[string]string) [][2]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([][2]string, 0, len(keys))
	for _, k := range keys {
		pairs = append(pairs, [2]string{k, m[k]})
	}
	return pairs
}
