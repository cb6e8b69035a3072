package dialogs

import (
	"github.com/scamcheck/scamcheck/classifier"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/locales"
	"golang.org/x/text/width"
)

// The place question and the numbers for a place.
//
// A place's first screen holds what matters now, in this order: the
// emergency number with the non-emergency police line beside it, one
// fraud-report route, the Chinese mission and the consular hotline (outside
// mainland China, Hong Kong and Macao), and fits maxTopLines lines. Every
// other number of the place is one press away ("more numbers"), and no
// number is shown twice.

// maxCountryButtons keeps the country keyboard within 7 rows of 3, plus a
// row for "other": Telegram shows 8 rows comfortably on a phone. Places
// past it are found by typing their name or a city.
const maxCountryButtons = 21

// maxTopLines bounds a place's first screen, so that someone on the phone
// with a scammer sees the numbers without scrolling.
const maxTopLines = 12

func askCountry(s State, key string) (State, []Reply) {
	s.Node = NodeCountry
	s.Seq++
	var rows [][]Choice
	var row []Choice
	countries := directory().Countries
	for i, c := range countries {
		if i == maxCountryButtons {
			break
		}
		row = append(row, choice(&s, "cc:"+c.Code, "country."+c.Code))
		if len(row) == 3 {
			rows = append(rows, row)
			row = nil
		}
	}
	if row != nil {
		rows = append(rows, row)
	}
	rows = append(rows, []Choice{choice(&s, "cc:"+CountryOther, "btn.country_other")})
	texts := []Text{{Key: key}}
	if len(countries) > maxCountryButtons {
		texts = append(texts, Text{Key: "where.type_city"})
	}
	return s, []Reply{{Texts: texts, Choices: rows}}
}

func showContacts(s State) (State, []Reply) {
	s.Node = NodeSteps
	texts := contactsTexts(s)
	return s, []Reply{{Texts: texts, Choices: keyboard(&s, placeChoices(s)...)}}
}

// placeChoices are the buttons under a place's numbers: the rest of its
// numbers first when there are any.
func placeChoices(s State) []string {
	var pairs []string
	if len(placeNumbers(s).more) > 0 {
		pairs = append(pairs, "more", "btn.more_numbers")
	}
	return append(pairs,
		"where", "btn.where_else",
		"share", "btn.share",
		"menu", "btn.menu",
	)
}

// moreNumbers shows the numbers of s.Country that its first screen left
// out. A press without any (a forged or an old button) changes nothing.
func moreNumbers(s State) (State, []Reply) {
	c := directory().Country(s.Country)
	n := placeNumbers(s)
	if c == nil || len(n.more) == 0 {
		return s, []Reply{say("choice.stale")}
	}
	s.Node = NodeSteps
	texts := []Text{{Key: "where.more", Refs: map[string]string{"country": "country." + c.Code}}}
	for _, k := range n.more {
		texts = append(texts, contactLines(k)...)
	}
	texts = append(texts, Text{Key: "where.verify"})
	return s, []Reply{{Texts: texts, Choices: keyboard(&s,
		"where", "btn.where_else",
		"share", "btn.share",
		"menu", "btn.menu",
	)}}
}

// numbers is a place's contacts split into the first screen and the rest.
type numbers struct {
	org  []*locales.Contact // the organisation's own, shown first
	top  []*locales.Contact // in the order shown
	more []*locales.Contact
}

// consularPlace reports whether Chinese consular protection is the route
// for someone in country: for Chinese citizens outside China; in Hong Kong
// and Macao the local police are.
func consularPlace(country string) bool {
	return country != "CN" && country != "HK" && country != "MO"
}

// placeNumbers picks, for s.Country, what matters now and what can wait.
func placeNumbers(s State) numbers {
	d := directory()
	var n numbers
	shown := map[string]bool{}
	if o := d.Org(s.Org); o != nil && s.Org != "" && o.Country == s.Country {
		for _, id := range o.Contacts {
			if k := d.Contact(id); k != nil && !shown[id] {
				n.org = append(n.org, k)
				shown[id] = true
			}
		}
	}
	c := d.Country(s.Country)
	if c == nil {
		// Somewhere the directory does not list: the consular hotlines
		// are all there is to show.
		if s.Country == CountryOther {
			for _, other := range d.Countries {
				for i := range other.Contacts {
					if k := &other.Contacts[i]; k.Kind == locales.KindConsularHotline {
						n.top = append(n.top, k)
					}
				}
			}
		}
		return n
	}
	first := func(kinds ...string) *locales.Contact {
		for _, kind := range kinds {
			for i := range c.Contacts {
				if k := &c.Contacts[i]; k.Kind == kind && !shown[k.ID] {
					return k
				}
			}
		}
		return nil
	}
	pick := func(k *locales.Contact) {
		if k != nil {
			n.top = append(n.top, k)
			shown[k.ID] = true
		}
	}
	pick(first(locales.KindEmergency))
	pick(first(locales.KindPolice))
	pick(first(locales.KindFraudReport, locales.KindAntiFraudHotline, locales.KindWebsite))
	consular := consularPlace(s.Country)
	if consular {
		if len(n.org) == 0 {
			if missionIn(s.Country, s.Mission) {
				pick(d.Contact(s.Mission))
			} else {
				pick(first(locales.KindEmbassy, locales.KindConsulate))
			}
		}
		pick(d.Consular())
	}
	for i := range c.Contacts {
		if k := &c.Contacts[i]; !shown[k.ID] && k.Kind != locales.KindConsularHotline {
			n.more = append(n.more, k)
			shown[k.ID] = true
		}
	}
	if consular {
		for _, other := range d.Countries {
			for i := range other.Contacts {
				if k := &other.Contacts[i]; k.Kind == locales.KindConsularHotline && !shown[k.ID] {
					n.more = append(n.more, k)
					shown[k.ID] = true
				}
			}
		}
	}
	return n
}

// contactsTexts is a place's first screen: after a loss it starts with how
// to report it there; then the organisation's numbers, the place's
// numbers that matter now, and the consular hotline outside China. Notes
// are added, most useful first, while the screen stays within maxTopLines.
func contactsTexts(s State) []Text {
	var head, tail []Text
	cn := s.Country == "CN"
	if s.Paid {
		switch {
		case cn:
			head = append(head, Text{Key: "paid.police.cn", Params: cnParams()})
		case s.Country == CountryOther:
			head = append(head, Text{Key: "paid.police.other"})
		default:
			head = append(head, Text{Key: "paid.police.abroad"})
		}
	}
	n := placeNumbers(s)
	if len(n.org) > 0 {
		head = append(head, Text{Key: "where.org", Refs: map[string]string{"org": "org." + s.Org}})
	}
	c := directory().Country(s.Country)
	consular := consularPlace(s.Country)
	if c == nil && !s.Paid {
		// After a loss paid.police.other has said the same.
		head = append(head, Text{Key: "where.other"})
	}
	if consular && directory().Consular() == nil {
		tail = append(tail, Text{Key: "contact.consular_fallback", Params: map[string]string{"phone": locales.ConsularHotline}, Line: true})
	}
	if s.Paid && !cn {
		tail = append(tail, Text{Key: "paid.family", Params: cnParams()})
	}
	tail = append(tail, Text{Key: "where.verify"})

	lines := len(head) + len(tail) + len(n.org) + len(n.top)
	if c != nil {
		lines++ // the place's title
	}
	notes := noteBudget(n, maxTopLines-lines)

	texts := head
	for _, k := range n.org {
		texts = append(texts, contactLine(k, notes[k.ID])...)
	}
	if c != nil {
		texts = append(texts, Text{Key: "where.title", Refs: map[string]string{"country": "country." + c.Code}})
	}
	for _, k := range n.top {
		texts = append(texts, contactLine(k, notes[k.ID])...)
	}
	return append(texts, tail...)
}

// noteBudget chooses which shown contacts keep their note within budget
// lines: the consular hotline's (it never calls first), the mission's,
// the fraud route's, then the rest in the order shown.
func noteBudget(n numbers, budget int) map[string]bool {
	keep := map[string]bool{}
	var order []*locales.Contact
	for _, kind := range []string{locales.KindConsularHotline, locales.KindEmbassy, locales.KindConsulate,
		locales.KindFraudReport, locales.KindAntiFraudHotline, locales.KindWebsite} {
		for _, k := range append(append([]*locales.Contact(nil), n.org...), n.top...) {
			if k.Kind == kind {
				order = append(order, k)
			}
		}
	}
	order = append(order, n.org...)
	order = append(order, n.top...)
	for _, k := range order {
		if budget <= 0 {
			break
		}
		if k.Note != nil && !keep[k.ID] {
			keep[k.ID] = true
			budget--
		}
	}
	return keep
}

// contactLines renders one contact as "name: phone · url" and its note.
func contactLines(k *locales.Contact) []Text {
	return contactLine(k, true)
}

func contactLine(k *locales.Contact, withNote bool) []Text {
	if k == nil {
		return nil
	}
	var vals []string
	if k.Phone != "" {
		vals = append(vals, k.Phone)
	}
	if k.URL != "" {
		vals = append(vals, k.URL)
	}
	out := []Text{{
		Key:    "contact.line",
		Params: map[string]string{"value": strings.Join(vals, " · ")},
		Refs:   map[string]string{"name": "contact." + k.ID},
		Line:   true,
	}}
	if withNote && k.Note != nil {
		out = append(out, Text{Key: "contact.note", Refs: map[string]string{"note": "contact." + k.ID + ".note"}, Line: true, Optional: true})
	}
	return out
}

// maxPlaceAnswer bounds the typed answers read as a place with words
// around it ("I'm in Berlin", "我在多伦多读书"); anything longer is a
// message, whose place names must not be taken for an answer.
const maxPlaceAnswer = 40

// Words people put around a place name, matched on the folded text. Longer
// phrases come first so that "i am in" is cut before "in".
var (
	placePrefixesEN = []string{
		"i am currently studying in", "i am currently in", "i'm currently in", "im currently in",
		"i am studying in", "i'm studying in", "im studying in", "i study in", "i live in",
		"i am living in", "i'm living in", "im living in", "i am now in", "i'm now in", "im now in",
		"i am in", "i'm in", "im in", "i am at", "i'm at", "im at",
		"we are in", "we're in", "were in", "we are at", "we're at", "we are now in", "we're now in",
		"currently in", "right now in", "now in", "living in", "studying in", "based in", "back home in", "home in", "in", "at",
		// Hedges: "not sure, maybe Leeds" names Leeds.
		"not sure", "maybe", "probably", "perhaps", "i think", "i guess",
	}
	placeSuffixesEN = []string{"right now", "at the moment", "currently", "now", "thanks", "thank you", "please",
		"by the way", "btw", "rn", "atm", "lol", "area", "actually"}
	placePrefixesZH = []string{
		"我现在人在", "我目前人在", "我现在在", "我目前在", "我人在", "我住在", "我在", "我们现在在", "我们在", "那我现在在",
		"现在在", "目前在", "人在", "在",
		"不确定", "可能", "也许", "大概", "应该", "好像",
	}
	placeSuffixesZH = []string{"读紧书", "读书", "留学", "上学", "念书", "工作", "生活", "这边", "这里", "那边", "呢", "啊", "呀", "了", "吧"}
)

// ownPlace finds where the person (or the one they write for: "she's in
// Paris btw") says they are in a text that says more: "I'm in China but my son is in London", "我在德国 慕尼黑，不好意思
// 刚才没回答你", "ok fine im in boston. but they said…", "在伯明翰。好的我先
// 打银行电话" (round fourteen: each was asked where they were again, or
// told "no known warning signs"). A clause that opens with "I'm in" or 我在
// is read first, from those words on; then a clause that is a place by
// itself. A text that names no place of its own has none.
func ownPlace(text string) (locales.Place, bool) {
	clauses := placeClauseRe.Split(text, -1)
	// The person's own place first: in "他在深圳 我在伦敦" the numbers are
	// London's; someone else's place answers only when the person names
	// none ("她在洛杉矶，我们先陪她去哪").
	var other locales.Place
	otherFound := false
	for _, c := range clauses {
		f := foldPlace(c)
		for _, loc := range ownPlaceOpenRe.FindAllStringIndex(f, -1) {
			// "I'm in Australia not the US": the place, not the one
			// denied after it.
			rest, _, _ := strings.Cut(f[loc[1]:], " not ")
			p, ok := matchPlace(rest)
			if !ok {
				// "他在温哥华 我们先带他去哪": nothing but a space, which
				// folding drops between Chinese characters, ends the
				// place; the longest run of characters after the opener
				// that names one.
				p, ok = hanPlacePrefix(rest)
			}
			if !ok {
				continue
			}
			if !thirdPersonOpenRe.MatchString(f[loc[0]:loc[1]]) {
				return p, true
			}
			if !otherFound {
				other, otherFound = p, true
			}
		}
	}
	if otherFound {
		return other, true
	}
	for _, c := range clauses {
		// "在伯明翰 在家 用的室友wifi": a clause that opens with 在 and a
		// place, typed without 我 (round seventeen).
		if f, ok := strings.CutPrefix(foldPlace(strings.TrimSpace(c)), "在"); ok {
			if p, ok := hanPlacePrefix(f); ok {
				return p, true
			}
		}
	}
	for _, c := range clauses {
		if c = strings.TrimSpace(c); c != "" && looksLikePlace(c) {
			if p, ok := matchPlace(c); ok {
				return p, true
			}
		}
	}
	return locales.Place{}, false
}

// placeOpened reports whether text is a short sentence that opens by
// saying where the person is ("we're in Leicester", "我在加拿大一个小城"),
// whether or not the directory knows the place.
func placeOpened(text string) bool {
	f := foldPlace(strings.TrimSpace(text))
	if utf8.RuneCountInString(f) > maxPlaceOpened {
		return false
	}
	loc := ownPlaceOpenRe.FindStringIndex(f)
	return loc != nil && loc[0] == 0 && loc[1] < len(f) && !onlineVenueRe.MatchString(f[loc[1]:])
}

// onlineVenueRe finds an app or a site where a place would follow "我在":
// "我在交友软件上认识一个女生" tells where they met, not where the person
// is (round seventeen).
var onlineVenueRe = regexp.MustCompile(`^\s*(?:网上|线上|交友|软件|app|微信|群里|抖音|小红书|闲鱼|淘宝|ins|推特|脸书|探探|陌陌|telegram|whatsapp|tinder|hinge|instagram|facebook)`)

// maxPlaceOpened bounds placeOpened: a longer text says more than where.
const maxPlaceOpened = 40

// hanPlacePrefix finds the place that the Chinese text t opens with.
func hanPlacePrefix(t string) (locales.Place, bool) {
	runes := []rune(strings.TrimSpace(t))
	if len(runes) < 2 || !unicode.Is(unicode.Han, runes[0]) {
		return locales.Place{}, false
	}
	p, n := hanPlaceAt(directory(), runes, 0)
	return p, n > 0
}

// hanPlaceAt finds the longest place name, two to maxPlaceRunes
// characters, that starts at runes[i]: the place and its length, 0 when
// none does.
func hanPlaceAt(d *locales.Directory, runes []rune, i int) (locales.Place, int) {
	for n := min(maxPlaceRunes, len(runes)-i); n >= 2; n-- {
		if p, ok := d.FindPlace(string(runes[i : i+n])); ok {
			return p, n
		}
	}
	return locales.Place{}, 0
}

// placeClauseRe splits a text into clauses: at punctuation, and before
// "but", "and", "so", 但是, 可是, 不过.
var placeClauseRe = regexp.MustCompile(`[,，.。!！?？;；、]|\s+(?:but|and|so|though)\s+|但是|可是|不过`)

// ownPlaceOpenRe finds the words that open where the person is, on folded
// text; "我在家 在沈阳" opens with home and then the place.
var ownPlaceOpenRe = regexp.MustCompile(`\b(?:i am|i'm|im|we are|we're|she's|shes|she is|he's|hes|he is)(?: (?:currently|now|still))? (?:in|at)\b|\bi (?:live|study) in\b|(?:我(?:们|哋)?|她|他|佢)(?:现在|目前|而家)?(?:人)?(?:在|喺)(?:(?:家里?|宿舍|学校|公司|单位)(?:呢|啊)?\s*在)?`)

// thirdPersonOpenRe finds, in an opener of ownPlaceOpenRe, someone else's
// place rather than the person's.
var thirdPersonOpenRe = regexp.MustCompile(`^(?:she|he|她|他|佢)`)

// matchCountry reads a typed place: a country's code, name or alias, or a
// city, in either language, alone or with a few words around it ("I'm in
// Berlin", "我在多伦多", "Toronto, Canada"). Names that lead to two
// countries are not a match.
func matchCountry(text string) (string, bool) {
	p, ok := matchPlace(text)
	return p.Country, ok
}

// matchPlace is matchCountry with the city, when exactly one was named.
func matchPlace(text string) (locales.Place, bool) {
	t := strings.TrimSpace(text)
	switch strings.ToLower(strings.Trim(t, ".。 ")) {
	case "":
		return locales.Place{}, false
	case "other", "somewhere else", "elsewhere", "another place", "other place", "其他", "其他地方", "别的地方":
		return locales.Place{Country: CountryOther}, true
	}
	d := directory()
	if p, ok := d.FindPlace(t); ok {
		return p, true
	}
	if utf8.RuneCountInString(t) > maxPlaceAnswer {
		return locales.Place{}, false
	}
	rest := stripPlaceWords(foldPlace(t))
	if p, ok := d.FindPlace(rest); ok {
		return p, true
	}
	return scanPlaces(d, rest)
}

// setPlace records a typed place: the country, and the Chinese mission in
// the city the person named, which then comes first among the place's
// numbers (someone in Toronto needs the Toronto consulate, not Ottawa's
// embassy). A place chosen by button names no city.
func setPlace(s State, p locales.Place) State {
	s.Country, s.Mission = p.Country, ""
	if p.City == "" {
		return s
	}
	if c := directory().Country(p.Country); c != nil {
		for i := range c.Contacts {
			k := &c.Contacts[i]
			if (k.Kind == locales.KindEmbassy || k.Kind == locales.KindConsulate) && k.City == p.City {
				s.Mission = k.ID
				break
			}
		}
	}
	return s
}

// missionIn reports whether contact id is a Chinese mission listed for
// country code.
func missionIn(code, id string) bool {
	c := directory().Country(code)
	if c == nil || id == "" {
		return false
	}
	for i := range c.Contacts {
		if k := &c.Contacts[i]; k.ID == id {
			return k.Kind == locales.KindEmbassy || k.Kind == locales.KindConsulate
		}
	}
	return false
}

// foldPlace lower-cases and folds full-width forms, and turns punctuation
// into spaces, so that fillers and names can be cut as words.
func foldPlace(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	// Phones type curly apostrophes: "I’m in Berlin".
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	return strings.Map(func(r rune) rune {
		if r >= 0x3400 {
			// "我喺倫敦": traditional characters read as the directory's
			// simplified names.
			return classifier.SimplifiedRune(r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return r
		}
		return ' '
	}, s)
}

// stripPlaceWords cuts the fillers of placePrefixes and placeSuffixes
// until none is left.
func stripPlaceWords(s string) string {
	for {
		s = strings.Join(strings.Fields(s), " ")
		before := s
		for _, p := range placePrefixesEN {
			if rest, ok := strings.CutPrefix(s, p+" "); ok {
				s = rest
				break
			}
		}
		for _, p := range placePrefixesZH {
			if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
				s = rest
				break
			}
		}
		for _, x := range placeSuffixesEN {
			if rest, ok := strings.CutSuffix(s, " "+x); ok {
				s = rest
				break
			}
		}
		for _, x := range placeSuffixesZH {
			if rest, ok := strings.CutSuffix(s, x); ok && rest != "" {
				s = rest
				break
			}
		}
		if s == before {
			return strings.TrimSpace(s)
		}
	}
}

// Most words a place answer may hold that are not part of a place name.
const (
	maxUnknownWords = 1 // "Toronto ON", "Berlin Mitte"
	maxUnknownRunes = 2 // "的", "市"
	maxPlaceWords   = 4 // "Washington DC", "Louvain la Neuve"
	maxPlaceRunes   = 8 // "克赖斯特彻奇"
)

// scanPlaces covers s with place names, longest first: Latin words by
// words, Chinese by characters. It matches when every name found is in
// one country and little else is left.
func scanPlaces(d *locales.Directory, s string) (locales.Place, bool) {
	country, city, cities := "", "", 0
	unknownWords, unknownRunes := 0, 0
	found := func(p locales.Place) bool {
		if country != "" && country != p.Country {
			return false
		}
		country = p.Country
		if p.City != "" && p.City != city {
			city = p.City
			cities++
		}
		return true
	}
	for _, word := range strings.Fields(s) {
		if isLatin(word) {
			// Latin words are scanned as a sequence below.
			continue
		}
		runes := []rune(word)
		for i := 0; i < len(runes); {
			p, n := hanPlaceAt(d, runes, i)
			if n == 0 {
				unknownRunes++
				i++
				continue
			}
			if !found(p) {
				return locales.Place{}, false
			}
			i += n
		}
	}
	var latin []string
	for _, word := range strings.Fields(s) {
		if isLatin(word) {
			latin = append(latin, word)
		}
	}
	for i := 0; i < len(latin); {
		j := min(len(latin), i+maxPlaceWords)
		for ; j > i; j-- {
			name := strings.Join(latin[i:j], " ")
			// A lone two-letter word that is also an English word ("be",
			// "at", "us") is a country code only when it is the whole
			// answer; "uk" or "nz" beside "police" is the place.
			if j == i+1 && len(name) < 3 && shortWords[name] {
				continue
			}
			if p, ok := d.FindPlace(name); ok {
				if !found(p) {
					return locales.Place{}, false
				}
				break
			}
		}
		if j == i {
			unknownWords++
			j = i + 1
		}
		i = j
	}
	if country == "" || unknownWords > maxUnknownWords || unknownRunes > maxUnknownRunes {
		return locales.Place{}, false
	}
	if cities != 1 {
		// "Toronto or Vancouver": the country is sure, the city is not.
		city = ""
	}
	return locales.Place{Country: country, City: city}, true
}

func isLatin(word string) bool {
	for _, r := range word {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// maxEdgePlaceWords bounds the questions whose first or last words are
// read as a place: "police number uk", not a long message that ends in a
// name.
const maxEdgePlaceWords = 6

// shortWords are English words that are also two-letter codes or short
// names of a place ("us", "in", "at"): alone at either end of a question
// they are the words, not the place.
var shortWords = map[string]bool{
	"us": true, "in": true, "at": true, "be": true, "it": true, "me": true, "my": true, "no": true,
	"so": true, "to": true, "do": true, "go": true, "he": true, "we": true, "or": true, "an": true,
	"as": true, "is": true, "of": true, "on": true, "up": true, "hi": true, "ok": true, "am": true,
}

// placeNamed finds the one place a question names in passing ("how do I
// report it in the UK", "police number in australia", "在英国怎么报警",
// "澳洲报警电话多少"), which matchPlace, reading short answers, leaves. In
// English after "in" or "from", or as the first or last words of a
// question that names none so ("police number uk", "australia police
// number"), so that "us" in "they told us to pay" is no country; in
// Chinese any place name, whose characters are not words of their own.
// Two countries named are no answer.
// chinaMissionRe finds 中国 named as the owner of an embassy or a
// consulate ("中国驻英国大使馆", "中国领事馆"): asked for its number, the
// place is where the mission is, not China.
var chinaMissionRe = regexp.MustCompile(`(?:中国|中華人民共和國|中华人民共和国)(驻|駐|大使馆|大使館|领事馆|領事館|使馆|使館|领馆|領館|总领馆|總領館)`)

func placeNamed(text string) (locales.Place, bool) {
	d := directory()
	var found []locales.Place
	words := strings.Fields(foldPlace(text))
	for i, w := range words {
		if w != "in" && w != "from" {
			continue
		}
		j := i + 1
		if j < len(words) && words[j] == "the" {
			j++
		}
		for k := min(3, len(words)-j); k >= 1; k-- {
			if p, ok := d.FindPlace(strings.Join(words[j:j+k], " ")); ok {
				found = append(found, p)
				break
			}
		}
	}
	if len(found) == 0 && len(words) <= maxEdgePlaceWords {
		for _, edge := range []func(k int) []string{
			func(k int) []string { return words[:k] },
			func(k int) []string { return words[len(words)-k:] },
		} {
			for k := min(3, len(words)); k >= 1; k-- {
				w := edge(k)
				if k == 1 && shortWords[w[0]] {
					continue
				}
				if p, ok := d.FindPlace(strings.Join(w, " ")); ok {
					found = append(found, p)
					break
				}
			}
		}
	}
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		if !unicode.Is(unicode.Han, runes[i]) {
			continue
		}
		if p, n := hanPlaceAt(d, runes, i); n > 0 {
			found = append(found, p)
			i += n - 1
		}
	}
	if len(found) == 0 {
		return locales.Place{}, false
	}
	best := found[0]
	for _, p := range found {
		if p.Country != best.Country || p.Country == CountryOther {
			return locales.Place{}, false
		}
		if best.City == "" {
			best = p
		}
	}
	return best, true
}

// looksLikePlace reports whether a typed answer to the place question could
// be a place's name the directory lacks ("Reykjavik", "冰岛"): a few words
// or characters, without a question, a pronoun or a verb of a story.
func looksLikePlace(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	if strings.ContainsAny(t, "?？") || sentenceWordRe.MatchString(stripPlaceWords(foldPlace(t))) {
		return false
	}
	return len(strings.Fields(t)) <= maxPlaceWords && utf8.RuneCountInString(t) <= 40
}

// sentenceWordRe finds what a place's name never holds: a pronoun, an
// auxiliary or a story's verb, in English or Chinese.
var sentenceWordRe = regexp.MustCompile(`\b(?:i|im|i'm|my|me|you|your|they|them|he|she|we|will|would|should|can|cant|do|does|did|is|are|was|what|why|how|if|the bank|police)\b|我|你|他|她|什么|怎么|吗|了|告诉|还|是|看|说|也|就|那个|这个|没有`)

// typedPhoneRe finds a phone number typed in a question: digits with the
// spaces, dashes, dots and brackets people put between them.
var typedPhoneRe = regexp.MustCompile(`\+?[0-9][0-9 ().-]{1,18}[0-9]`)

// callerIDRe finds a number told as the one a call or message came from
// ("来电显示是110", "the caller id said 999"): forged caller ID is the
// point then, not whose number it is.
var callerIDRe = regexp.MustCompile(`(?i)来电显示|打不回来|回拨(?:不了|不通)|\bcan'?t (?:call|ring) (?:it|them|that number) back\b|显示的?是|显示号码|打来的|caller ?id|called (?:me )?from|call(?:ed)? came from|showed up as|came up as|showing as|shows as|shows up as|it showed|the number showed`)

// helpWordRe finds what a person asking for a help number names: the
// police, an emergency line, a hotline, an embassy or consulate.
var helpWordRe = regexp.MustCompile(`(?i)\b(?:police|emergency|hotline|embassy|consulate)\b|报警|警察|急救|使馆|领馆|领事馆`)

// usHelpRe is "US police" and its kin: "us" first, then the police or the
// emergency line, where it cannot be the pronoun.
var usHelpRe = regexp.MustCompile(`(?i)^\s*(?:the\s+)?u\.?s\.?\s+(?:police|emergency)\b`)

// helpPlace reads a short text that names a help number and a place
// ("police in the uk", "us police", "police in america"): the place, so
// that its numbers are shown rather than a question about a message.
func helpPlace(text string) (locales.Place, bool) {
	if len(strings.Fields(text)) > maxEdgePlaceWords || !helpWordRe.MatchString(text) {
		return locales.Place{}, false
	}
	if usHelpRe.MatchString(text) {
		if p, ok := directory().FindPlace("usa"); ok {
			return p, true
		}
	}
	return placeNamed(text)
}
