package classifier

import (
	"bytes"
	"crypto/sha256"
	"net/netip"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/net/publicsuffix"
)

// Entities are the things in a message a person may want to check before
// acting on it: links, phone numbers, amounts, wallet addresses and the
// remote-control or meeting apps a caller asks them to install, and the
// chat accounts it gives to write to.
type Entities struct {
	URLs   []URL    `json:"urls,omitempty"`
	Phones []Phone  `json:"phones,omitempty"`
	Money  []Money  `json:"money,omitempty"`
	Crypto []Crypto `json:"crypto,omitempty"`
	Apps   []App    `json:"apps,omitempty"`
	// Handles are chat accounts given as a way to reach someone.
	Handles []Handle `json:"handles,omitempty"`

	// brandBuf is scratch for markBrandLinks, reused across messages.
	brandBuf []acMatch
}

// URL is a link found in the message.
type URL struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Host is the link's host name, lower-case; Domain its registrable
	// domain (example.co.uk), empty for raw IP addresses.
	Host   string `json:"host"`
	Domain string `json:"domain,omitempty"`
	// IP, Shortener and Punycode flag hosts that hide where a link goes.
	IP        bool `json:"ip,omitempty"`
	Shortener bool `json:"shortener,omitempty"`
	Punycode  bool `json:"punycode,omitempty"`
	// LookalikeOf names the official or brand domain this one imitates.
	LookalikeOf string `json:"lookalike_of,omitempty"`
	// Official marks a brand's own domain (royalmail.com, dhl.com) or a
	// government or university one (.gov.uk, .ac.uk): the link a genuine
	// notice carries and a phishing text cannot.
	Official bool `json:"official,omitempty"`
	// CheapTLD marks a top-level domain that costs next to nothing and
	// carries much of the phishing sent by text (.top, .vip, .xyz …).
	CheapTLD bool `json:"cheap_tld,omitempty"`
	// NotBrandOf names a brand or institution the message names whose own
	// site this link is not (see markBrandLinks).
	NotBrandOf string `json:"not_brand_of,omitempty"`
}

// Phone is a phone number found in the message.
type Phone struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// E164 is the number in international form, set only when the number
	// itself says its country (+44 …, 0044 …), so it is never a guess.
	E164 string `json:"e164,omitempty"`
	// Country is the ISO 3166 region of E164.
	Country string `json:"country,omitempty"`
	// Premium marks costly numbers used by "call now" scams: UK
	// premium-rate 09…, 087… and 070 personal numbers.
	Premium bool `json:"premium,omitempty"`
}

// Money is an amount of money.
type Money struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Crypto is a cryptocurrency wallet address.
type Crypto struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Kind is "btc", "eth" or "trx".
	Kind string `json:"kind"`
}

// App is a remote-control or meeting app named in the message.
type App struct {
	Name string `json:"name"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// empty reports whether no entity was found.
func (e *Entities) empty() bool {
	return len(e.URLs) == 0 && len(e.Phones) == 0 && len(e.Money) == 0 && len(e.Crypto) == 0 && len(e.Apps) == 0 &&
		len(e.Handles) == 0
}

func (e *Entities) reset() {
	e.URLs, e.Phones, e.Money, e.Crypto, e.Apps = e.URLs[:0], e.Phones[:0], e.Money[:0], e.Crypto[:0], e.Apps[:0]
	e.Handles = e.Handles[:0]
}

// copyOut returns a copy the verdict can keep, or nil when empty.
func (e *Entities) copyOut() *Entities {
	if e.empty() {
		return nil
	}
	return &Entities{
		URLs:    append([]URL(nil), e.URLs...),
		Phones:  append([]Phone(nil), e.Phones...),
		Money:   append([]Money(nil), e.Money...),
		Crypto:  append([]Crypto(nil), e.Crypto...),
		Apps:    append([]App(nil), e.Apps...),
		Handles: append([]Handle(nil), e.Handles...),
	}
}

// entityKind is one kind of thing the entity stage finds that rule sets
// can name (sets with "entity: <name>").
type entityKind uint8

const (
	entURL entityKind = iota
	entURLIP
	entURLShortener
	entURLPunycode
	entURLLookalike
	entURLOfficial
	entURLUnofficial
	entURLCheapTLD
	entURLNotBrand
	entPhone
	entPhonePremium
	entMoney
	entCryptoAddress
	entRemoteApp
	entCited
	entHeader
	entHeaderColon
	entHandle
	entDebunkedQuote
	numEntityKinds
)

// entityKindNames are the names rule sets use for the entity kinds.
var entityKindNames = [numEntityKinds]string{
	"url", "url_ip", "url_shortener", "url_punycode", "url_lookalike", "url_official", "url_unofficial",
	"url_cheap_tld", "url_not_brand", "phone", "phone_premium", "money", "crypto_address", "remote_app",
	"cited", "header", "header_colon", "handle", "debunked_quote",
}

// webmailAddress reports whether u is a person's mailbox at a webmail
// provider ("y.chen2001@gmail.com" in an account alert): an address to
// write to, not a link to click, so no unofficial link.
func webmailAddress(u URL) bool {
	return strings.Contains(u.Text, "@") && !strings.Contains(u.Text, "://") && webmailDomains[u.Domain]
}

// webmailDomains are the large webmail providers.
var webmailDomains = map[string]bool{"gmail.com": true, "outlook.com": true, "hotmail.com": true, "live.com": true,
	"yahoo.com": true, "icloud.com": true, "qq.com": true, "163.com": true, "126.com": true, "sina.com": true,
	"foxmail.com": true, "proton.me": true, "protonmail.com": true}

// entityKindOf returns the kind a rule set names.
func entityKindOf(name string) (entityKind, bool) {
	for k, n := range entityKindNames {
		if n == name {
			return entityKind(k), true
		}
	}
	return 0, false
}

// eachKind calls fn with the kind and original span of each entity
// found, first occurrences first.
func (e *Entities) eachKind(fn func(k entityKind, h hit)) {
	set := func(k entityKind, s Span) {
		fn(k, hit{ok: true, start: int32(s.Start), end: int32(s.End), entity: true})
	}
	for _, u := range e.URLs {
		set(entURL, u.Span)
		if u.IP {
			set(entURLIP, u.Span)
		}
		if u.Shortener {
			set(entURLShortener, u.Span)
		}
		if u.Punycode {
			set(entURLPunycode, u.Span)
		}
		if u.LookalikeOf != "" {
			set(entURLLookalike, u.Span)
		}
		if u.Official {
			set(entURLOfficial, u.Span)
		} else if !webmailAddress(u) {
			set(entURLUnofficial, u.Span)
		}
		if u.CheapTLD {
			set(entURLCheapTLD, u.Span)
		}
		if u.NotBrandOf != "" {
			set(entURLNotBrand, u.Span)
		}
	}
	for _, p := range e.Phones {
		set(entPhone, p.Span)
		if p.Premium {
			set(entPhonePremium, p.Span)
		}
	}
	for _, x := range e.Money {
		set(entMoney, x.Span)
	}
	for _, x := range e.Crypto {
		set(entCryptoAddress, x.Span)
	}
	for _, x := range e.Apps {
		set(entRemoteApp, x.Span)
	}
	for _, x := range e.Handles {
		set(entHandle, x.Span)
	}
}

// extractEntities finds the entities of text; f is its folded form and
// matches the rules' automaton matches in it.
func extractEntities(text string, f *folded, matches []acMatch, appOf []int16, e *Entities) {
	e.reset()
	findURLs(text, e)
	if f.digit >= 0 {
		// Numbers and amounts (after a currency sign too) need an ASCII
		// digit; most messages have none.
		findNumbers(text, f.digit, e)
	}
	if hasWideDigit(text) {
		findWideNumbers(text, e)
	}
	findCrypto(text, e)
	findApps(text, f, matches, appOf, e)
	findHandles(text, f, matches, appOf, e)
	e.brandBuf = markBrandLinks(text, f, e, e.brandBuf)
	markSenderLinks(text, e)
}

// urlTokens calls fn with each run of printable ASCII around a place where
// a link may be: "://" or a dot followed by two letters. The candidate
// marks are found with strings.IndexByte, which skips the text between
// them many bytes at a time.
func urlTokens(s string, fn func(start, end, mark int)) {
	last := -1
	dot, colon := -1, -1
	for i := 0; ; {
		if dot < i {
			dot = nextByte(s, i, '.')
		}
		if colon < i {
			colon = nextByte(s, i, ':')
		}
		i = min(dot, colon)
		if i+2 >= len(s) {
			return
		}
		if !(s[i] == '.' && isASCIILetter(s[i+1]) && isASCIILetter(s[i+2]) || s[i] == ':' && s[i+1] == '/' && s[i+2] == '/') || i < last {
			i++
			continue
		}
		// Links are short; a window of maxURLLen around the mark bounds
		// the regexp's work on pathological input.
		start, end := i, i
		for start > 0 && i-start < maxURLLen/2 && urlByte(s[start-1]) {
			start--
		}
		for end < len(s) && end-i < maxURLLen/2 && urlByte(s[end]) {
			end++
		}
		fn(start, end, i)
		last = end
		i = end + 1
	}
}

// nextByte returns the index of the first b in s at or after from, or
// len(s).
func nextByte(s string, from int, b byte) int {
	if from >= len(s) {
		return len(s)
	}
	if j := strings.IndexByte(s[from:], b); j >= 0 {
		return from + j
	}
	return len(s)
}

// maxURLLen bounds the text examined around one link.
const maxURLLen = 512

// maxEntities bounds each kind of entity per message: a person checks a
// handful, and a flood of numbers must not make the work quadratic.
const maxEntities = 16

// urlByte reports whether b may be part of a link as people write them.
func urlByte(b byte) bool {
	return b > ' ' && b < 0x7f && b != '"' && b != '<' && b != '>' && b != '`'
}

// namesBrand returns the first long brand that host names as a label or
// a hyphenated part ("paypal.", "paypal-" or "-paypal"), or "".
func namesBrand(host string) string {
	for _, b := range longBrands {
		for k := 0; ; {
			j := strings.Index(host[k:], b)
			if j < 0 {
				break
			}
			j += k
			if e := j + len(b); e < len(host) && (host[e] == '.' || host[e] == '-') || j > 0 && host[j-1] == '-' {
				return b
			}
			k = j + 1
		}
	}
	return ""
}

func findURLs(text string, e *Entities) {
	urlTokens(text, func(start, end, mark int) {
		if len(e.URLs) >= 8 {
			return
		}
		if from, to, ok := linkIn(text, start, end, mark); ok && !merchantName(text, from, to) {
			addURL(text, from, to, e)
		}
	})
}

// merchantName reports whether the link text[from:to] is a card
// statement's merchant name, not a link to follow: written in capitals
// with no scheme ("BESTBUY.COM", "APPLE.COM/BILL"), after a lower-case
// "at", "from" or "to", in a sentence that names an amount and a
// payment ("We've declined a transaction of $899.00 at BESTBUY.COM").
// Banks print the merchant as the card network sends it; a link a text
// wants followed is written to be typed or tapped.
func merchantName(text string, from, to int) bool {
	raw := text[from:to]
	if strings.Contains(raw, "://") || strings.ContainsAny(raw, "@") || strings.ToUpper(raw) != raw ||
		strings.ToLower(raw) == raw {
		return false
	}
	before := strings.TrimRight(text[:from], " ")
	if !(strings.HasSuffix(before, " at") || strings.HasSuffix(before, " from") || strings.HasSuffix(before, " to")) {
		return false
	}
	start, stop := from, to
	for start > 0 && !sentenceEnd(text, start-1) {
		start--
	}
	for stop < len(text) && !sentenceEnd(text, stop) {
		stop++
	}
	sentence := strings.ToLower(text[start:stop])
	if !strings.ContainsAny(sentence, "$£€") {
		return false
	}
	for _, w := range merchantPayWords {
		if strings.Contains(sentence, w) {
			return true
		}
	}
	return false
}

// sentenceEnd reports whether text[i] ends a sentence: a line break, "!",
// "?", or a full stop not between digits ("$899.00").
func sentenceEnd(text string, i int) bool {
	switch text[i] {
	case '\n', '!', '?':
		return true
	case '.':
		return i == 0 || i+1 >= len(text) || !isDigit(text[i-1]) || !isDigit(text[i+1])
	}
	return false
}

// merchantPayWords are the words of a card alert around a merchant name.
var merchantPayWords = []string{"transaction", "purchase", "payment", "charge", "spend", "used at", "card"}

// linkIn finds the link in text[start:end], a run without spaces: an
// http(s) or ftp link, or a bare host whose top-level domain ICANN
// delegates (checked against the public suffix list of
// golang.org/x/net/publicsuffix), or an IP address. A hand-written scanner
// replaced mvdan.cc/xurls here: its relaxed regexp cost ~40 µs per token
// (a 1,500-way alternation of TLDs), a third of all classification time.
func linkIn(text string, start, end, mark int) (from, to int, ok bool) {
	tok := text[start:end]
	hostStart := 0
	schemed := false
	if i := strings.Index(tok, "://"); i >= 0 {
		j := i
		for j > 0 && isASCIILetter(tok[j-1]) {
			j--
		}
		switch strings.ToLower(tok[j:i]) {
		case "http", "https", "ftp", "hxxp", "hxxps":
		default:
			return 0, 0, false
		}
		from, hostStart, schemed = start+j, i+3, true
	} else {
		// The host ends at the dot that marked the token; walk back over
		// host characters to its start ("http:/bit.do/x" → bit.do).
		hostStart = mark - start
		for hostStart > 0 && (isAlnum(tok[hostStart-1]) || tok[hostStart-1] == '-' || tok[hostStart-1] == '.') {
			hostStart--
		}
		for hostStart < len(tok) && !isAlnum(tok[hostStart]) {
			hostStart++
		}
		from = start + hostStart
	}
	// Trailing punctuation belongs to the sentence, not the link.
	stop := len(tok)
	for stop > hostStart && strings.IndexByte(".,;:!?)]}'\"*", tok[stop-1]) >= 0 {
		stop--
	}
	rest := tok[hostStart:stop]
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasPrefix(host, "[") {
		host = host[:i]
	}
	if schemed && host != "" && strings.Trim(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.[]:") == "" {
		// After a scheme any host-shaped name counts (placeholders too).
	} else if !validHost(host) {
		return 0, 0, false
	}
	return from, start + stop, true
}

// validHost accepts dotted hosts with a delegated top-level domain, and
// IP addresses.
func validHost(host string) bool {
	if a, ok := parseIP(host); ok && a.IsValid() {
		return strings.Count(host, ".") == 3 || strings.HasPrefix(host, "[")
	}
	labels, last := 0, ""
	for rest, more := host, true; more; labels++ {
		var l string
		l, rest, more = strings.Cut(rest, ".")
		if l == "" || len(l) > 63 {
			return false
		}
		for k := 0; k < len(l); k++ {
			if !isAlnum(l[k]) && l[k] != '-' {
				return false
			}
		}
		last = l
	}
	if labels < 2 {
		return false
	}
	tld := strings.ToLower(last)
	if strings.HasPrefix(tld, "xn--") {
		return true
	}
	for k := 0; k < len(tld); k++ {
		if !isASCIILetter(tld[k]) {
			return false
		}
	}
	_, icann := publicsuffix.PublicSuffix(tld)
	return icann && len(tld) >= 2
}

func addURL(text string, from, to int, e *Entities) {
	{
		raw := text[from:to]
		u := URL{Text: raw, Span: Span{from, to}, Host: urlHost(raw)}
		if u.Host == "" {
			return
		}
		if a, ok := parseIP(u.Host); ok && a.IsValid() {
			u.IP = true
		} else {
			if d, err := publicsuffix.EffectiveTLDPlusOne(u.Host); err == nil {
				u.Domain = d
			}
			u.Shortener = shorteners[u.Domain] || shorteners[u.Host]
			u.Punycode = strings.HasPrefix(u.Host, "xn--") || strings.Contains(u.Host, ".xn--")
			u.LookalikeOf = lookalikeOf(u.Host, u.Domain)
			email := strings.Contains(raw, "@") || from > 0 && text[from-1] == '@'
			// An e-mail address is official only under a government or
			// university suffix and written bare ("noreply@homeaffairs.gov.au"):
			// with a scheme, the @ may hide the real host
			// ("https://gov.uk@phish.top").
			officialEmail := email && !strings.Contains(raw, "://") && suffixHost(u.Host)
			u.Official = u.LookalikeOf == "" && !chatInvites[u.Host] &&
				(!email && (officialDomain(u.Host, u.Domain) || bareSuffix(u.Host)) || officialEmail)
			u.CheapTLD = cheapTLDs[tldOf(u.Domain)]
		}
		e.URLs = append(e.URLs, u)
	}
}

// parseIP is netip.ParseAddr of host without brackets. Most hosts are
// names, and ParseAddr builds an error for each; only a string with a colon
// (IPv6) or of digits and dots (IPv4) can parse, so others skip it.
func parseIP(host string) (netip.Addr, bool) {
	h := strings.Trim(host, "[]")
	if strings.IndexByte(h, ':') < 0 {
		for k := 0; k < len(h); k++ {
			if (h[k] < '0' || h[k] > '9') && h[k] != '.' {
				return netip.Addr{}, false
			}
		}
	}
	a, err := netip.ParseAddr(h)
	return a, err == nil
}

// urlHost returns the lower-case host of a link found in text.
func urlHost(raw string) string {
	h := raw
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	} else if i := strings.IndexByte(h, ':'); i >= 0 && !strings.Contains(h[:i], ".") {
		h = h[i+1:] // mailto:, sms: and the like
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if !strings.HasPrefix(h, "[") {
		if i := strings.LastIndexByte(h, ':'); i >= 0 {
			h = h[:i]
		}
	}
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// officialDomain reports whether host is a brand's own domain or sits
// under a government or university suffix.
func officialDomain(host, domain string) bool {
	if suffixHost(host) {
		return true
	}
	label := domain
	if i := strings.IndexByte(label, '.'); i >= 0 {
		label = label[:i]
	}
	return label != "" && brandSet[label]
}

// suffixHost reports whether host sits under a government or university
// suffix (officialSuffixes).
func suffixHost(host string) bool {
	for _, s := range officialSuffixes {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// bareSuffix reports whether host is an official suffix itself, as
// notices write the site ("sign in at gov.uk", "tax online at
// gov.uk/vehicle-tax"): the government's own, like www.gov.uk.
func bareSuffix(host string) bool {
	for _, s := range officialSuffixes {
		if host == s[1:] {
			return true
		}
	}
	return false
}

// tldOf returns the last label of domain.
func tldOf(domain string) string {
	if i := strings.LastIndexByte(domain, '.'); i >= 0 {
		return domain[i+1:]
	}
	return ""
}

// lookalikeOf names the brand that host imitates, or "".
func lookalikeOf(host, domain string) string {
	if domain == "" {
		return ""
	}
	label := domain
	if i := strings.IndexByte(label, '.'); i >= 0 {
		label = label[:i]
	}
	listed := brandsTable != nil && brandsTable.domains[domain]
	if brandSet[label] && !listed && cheapTLDs[tldOf(domain)] {
		// A brand's name bought under a cheap ending (evri.top,
		// paypal.xyz) is not the brand's site: brands do not live there
		// unless data/brands.yaml lists it.
		return label
	}
	if brandSet[label] || listed {
		return "" // the brand's own domain (trip.com is Ctrip's, not one letter off it)
	}
	// A brand named in the subdomains or glued to another word:
	// apple.com.verify-id.net, paypal-secure.com, royalmail-redelivery.com.
	if b := namesBrand(host); b != "" {
		return b
	}
	// A short brand as a hyphenated part of the registered name:
	// nab-secure.com, boc-safe.cc, irs-gov-refund.com.
	if i := strings.IndexByte(label, '-'); i > 0 {
		if first := label[:i]; len(first) < 4 && brandSet[first] {
			return first
		}
		if last := label[strings.LastIndexByte(label, '-')+1:]; len(last) < 4 && brandSet[last] {
			return last
		}
	}
	// One letter off, or digits for letters: paypa1, arnazon, micros0ft.
	fl := foldDigitsInLabel(label)
	if fh := foldDigitsInLabel(host); fh != host {
		if b := namesBrand(fh); len(b) >= 5 {
			return b
		}
	}
	for _, b := range brands {
		if len(b) >= 5 && (fl == b || editDistanceAtMost1(fl, b)) {
			return b
		}
	}
	// Government sites live under government suffixes: "gov" as a word
	// of any other host is dressed up as one (irs-gov-refund.com,
	// gov-cn-police.com, www.gov.cn.police-check.top, govuk-tax.com).
	if loc := govWordRe.FindStringSubmatchIndex(host); loc != nil && !govHost(host) && !underHost(host, "gov.wales") &&
		!underHost(host, "gov.scot") {
		if loc[2] >= 0 {
			return "gov." + host[loc[2]:loc[3]]
		}
		return "gov"
	}
	return ""
}

// govWordRe finds "gov" as a word of a host, and a country code glued to
// it or after it (govuk, gov-cn, gov.au.).
var govWordRe = regexp.MustCompile(`(?:^|[.-])govt?(?:[.-]?(uk|cn|au|hk|sg|nz|ca|us))?(?:[.-]|$)`)

// foldDigitsInLabel folds the look-alikes of a domain label
// (data/links.yaml): paypa1 → paypal, arnazon → amazon.
func foldDigitsInLabel(s string) string {
	b := []byte(s)
	for i, c := range b {
		if l := labelDigits[c]; l != 0 {
			b[i] = l
		}
	}
	r := string(b)
	for _, pair := range labelLetters {
		r = strings.ReplaceAll(r, pair[0], pair[1])
	}
	return r
}

// editDistanceAtMost1 reports whether a and b differ by at most one
// insertion, deletion or substitution (and are not equal).
func editDistanceAtMost1(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// findNumbers finds phone numbers and amounts of money in the original
// text, where digits and separators have not been folded; digit is the
// index of its first ASCII digit (a number starts there or at a '+' just
// before).
func findNumbers(text string, digit int, e *Entities) {
	for i := max(digit-1, 0); i < len(text); {
		c := text[i]
		if !numberStart[c] {
			i++
			continue
		}
		startsNumber := c >= '0' && c <= '9' || c == '+' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9'
		if !startsNumber || i > 0 && (isASCIILetter(text[i-1]) && c != '+' && !precededByWord(text, i) || text[i-1] >= '0' && text[i-1] <= '9') {
			i++
			continue
		}
		end, digits := scanNumber(text, i)
		if inURL(e, i) {
			i = end
			continue
		}
		if m, ok := moneyAt(text, i, end); ok {
			if len(e.Money) < maxEntities {
				e.Money = append(e.Money, m)
			}
			i = m.Span.End
			continue
		}
		if digits >= 7 && digits <= 15 && len(e.Phones) < maxEntities && !afterReference(text, i) {
			e.Phones = append(e.Phones, phoneOf(text[i:end], Span{i, end}))
		}
		i = end
	}
	// Amounts after a currency sign, found in one pass: $ (also US$,
	// HK$, NT$), £, €, ¥ and the full-width ￥.
	for j := 0; j < len(text) && len(e.Money) < maxEntities; j++ {
		if !currencyStart[text[j]] {
			continue
		}
		n := currencySign(text[j:])
		if n == 0 {
			continue
		}
		k := j + n
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k < len(text) && text[k] >= '0' && text[k] <= '9' {
			from := j
			if text[j] == '$' && j >= 2 && (text[j-2:j] == "US" || text[j-2:j] == "HK" || text[j-2:j] == "NT") {
				from = j - 2
			}
			end, _ := scanAmount(text, k)
			if !overlapsMoney(e, from) {
				e.Money = append(e.Money, Money{Text: text[from:end], Span: Span{from, end}})
			}
			j = end - 1
		}
	}
}

// referenceLabels name a number as an order, a parcel, a booking or a
// support case: "for order 203-5518840-2211" and "your case number is
// 10284471" are not numbers to call.
var referenceLabels = []string{"order", "ref", "reference", "invoice", "tracking", "waybill", "booking",
	"policy", "claim", "case", "ticket"}

// afterReference reports whether the number at i follows one of the
// referenceLabels, with at most "no.", "number", "#", ":" or "is" between.
func afterReference(text string, i int) bool {
	// Compared without folding case into a new string: no allocation per
	// number.
	w := strings.TrimRight(text[max(i-24, 0):i], " :#.\t")
	if hasSuffixFold(w, " is") {
		w = strings.TrimRight(w[:len(w)-3], " :#.")
	}
	for _, filler := range []string{"number", "no", "id"} {
		if hasSuffixFold(w, filler) {
			w = strings.TrimRight(w[:len(w)-len(filler)], " :#.")
			break
		}
	}
	for _, l := range referenceLabels {
		if hasSuffixFold(w, l) && (len(w) == len(l) || !isASCIILetter(w[len(w)-len(l)-1])) {
			return true
		}
	}
	// The Chinese labels, after a full-width colon or 为/是 ("订单号：2877…",
	// "运单号为SF…"): a shop's, courier's or office's own reference.
	for _, sep := range []string{"：", "为", "是", "（", "("} {
		if strings.HasSuffix(w, sep) {
			w = strings.TrimRight(w[:len(w)-len(sep)], " ")
			break
		}
	}
	for _, l := range referenceLabelsZh {
		if strings.HasSuffix(w, l) {
			return true
		}
	}
	// Any other label that ends in 号 names a reference too ("票号781-2456
	// 679103" in an airline's refund notice, "车次号", "房间号"), except the
	// labels of a phone or a chat handle, which are numbers to call.
	if strings.HasSuffix(w, "号") {
		for _, l := range phoneLabelsZh {
			if strings.HasSuffix(w, l) {
				return false
			}
		}
		return true
	}
	return false
}

// phoneLabelsZh end in 号 and name a number to call or to add: "客服号",
// "微信号" (often the phone number itself).
var phoneLabelsZh = []string{"手机号", "电话号", "微信号", "QQ号", "qq号", "联系号", "客服号", "热线号", "座机号", "短号", "小号",
	"大号", "新号", "这个号", "那个号", "此号", "本号", "该号"}

// referenceLabelsZh name a number as an order, a waybill, a pickup code or
// a case a shop, courier or office gave (issue #12, sixth round): "订单号
// 287731904512" in a refund notice is not a number to call.
var referenceLabelsZh = []string{"订单号", "订单编号", "订单", "运单号", "快递单号", "物流单号", "单号", "取件码", "提货码", "编号",
	"流水号", "工单号", "受理号", "保单号", "合同号", "发票号", "交易号", "业务号", "预约号", "学号", "工号", "会员号"}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// numberStart and currencyStart are the bytes that can begin a number or a
// currency sign; the scans skip every other byte with one table lookup.
var numberStart, currencyStart = func() (n, c [256]bool) {
	for b := '0'; b <= '9'; b++ {
		n[b] = true
	}
	n['+'] = true
	for _, b := range []byte{'$', 0xC2, 0xE2, 0xEF} {
		c[b] = true
	}
	return n, c
}()

// currencySign returns the byte length of a currency sign at the start of
// s, or 0.
func currencySign(s string) int {
	switch {
	case s[0] == '$':
		return 1
	case len(s) >= 2 && s[0] == 0xC2 && (s[1] == 0xA3 || s[1] == 0xA5): // £ ¥
		return 2
	case len(s) >= 3 && (s[:3] == "€" || s[:3] == "￥"):
		return 3
	}
	return 0
}

// precededByWord lets "call09050000337" count as a number after a word
// (data/money.yaml's words_before_numbers).
func precededByWord(text string, i int) bool {
	for _, w := range wordsBeforeNumbers {
		if i >= len(w) && strings.EqualFold(text[i-len(w):i], w) {
			return true
		}
	}
	return false
}

// scanNumber reads digits with single separators (space, -, ., brackets).
func scanNumber(text string, i int) (end, digits int) {
	end = i
	if text[i] == '+' {
		i++
	}
	sep := false
	for ; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			sep = false
			end = i + 1
		case (c == '(' || c == ')') && (digits > 0 || end > i-2):
			// Brackets around an area code do not count as separators.
		case (c == ' ' || c == '-' || c == '.') && !sep && digits > 0:
			sep = true
		default:
			return end, digits
		}
	}
	return end, digits
}

// scanAmount reads 1,000.50 style amounts.
func scanAmount(text string, i int) (end int, ok bool) {
	end = i
	for ; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' {
			end = i + 1
			continue
		}
		if (c == ',' || c == '.') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			continue
		}
		break
	}
	return end, end > 0
}

// hasWideDigit reports whether text holds a full-width digit (０–９, UTF-8
// EF BC 90–99): the disguise that hides "４００-８８８-１２３４" and
// "３８０元" from a filter that reads ASCII digits.
func hasWideDigit(text string) bool {
	for i := strings.IndexByte(text, 0xEF); i >= 0 && i+2 < len(text); {
		if text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99 {
			return true
		}
		next := strings.IndexByte(text[i+1:], 0xEF)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// findWideNumbers finds the phones and amounts of a text written with
// full-width forms (U+FF01–FF5E: ０–９, ＋, －, ．, ＄): it reads a narrowed copy
// with findNumbers, in place of the ASCII pass, and maps every span back
// to the original. The texts are the original's, as the evidence is.
func findWideNumbers(text string, e *Entities) {
	narrow := make([]byte, 0, len(text))
	orig := make([]int, 0, len(text)+1) // orig[i]: where narrow[i] starts in text
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r >= 0xFF01 && r <= 0xFF5E {
			narrow = append(narrow, byte(r-0xFEE0))
			orig = append(orig, i)
		} else {
			for k := 0; k < n; k++ {
				narrow = append(narrow, text[i+k])
				orig = append(orig, i+k)
			}
		}
		i += n
	}
	orig = append(orig, len(text))
	at := func(narrowIndex int) int { return orig[narrowIndex] }
	// The links were found in the original; findNumbers skips numbers
	// inside them, so it needs their spans in the narrowed copy.
	var found Entities
	for _, u := range e.URLs {
		start, end := sort.SearchInts(orig, u.Span.Start), sort.SearchInts(orig, u.Span.End)
		found.URLs = append(found.URLs, URL{Span: Span{start, end}})
	}
	digit := bytes.IndexAny(narrow, "0123456789")
	if digit < 0 {
		return
	}
	findNumbers(string(narrow), digit, &found)
	e.Phones, e.Money = e.Phones[:0], e.Money[:0]
	for _, p := range found.Phones {
		p.Span = Span{at(p.Span.Start), at(p.Span.End)}
		p.Text = text[p.Span.Start:p.Span.End]
		e.Phones = append(e.Phones, p)
	}
	for _, m := range found.Money {
		m.Span = Span{at(m.Span.Start), at(m.Span.End)}
		m.Text = text[m.Span.Start:m.Span.End]
		e.Money = append(e.Money, m)
	}
}

// moneyAt reports an amount starting at i: digits then a currency unit.
func moneyAt(text string, i, _ int) (Money, bool) {
	end, _ := scanAmount(text, i)
	rest := text[end:]
	if len(rest) == 0 {
		return Money{}, false
	}
	for _, ui := range moneyUnitsBy[rest[0]] {
		u := moneyUnits[ui]
		if len(rest) >= len(u) && strings.EqualFold(rest[:len(u)], u) {
			stop := end + len(u)
			if stop < len(text) && isASCIILetter(text[stop]) && isASCIILetter(u[len(u)-1]) {
				continue
			}
			return Money{Text: text[i:stop], Span: Span{i, stop}}, true
		}
	}
	return Money{}, false
}

func inURL(e *Entities, at int) bool {
	for _, u := range e.URLs {
		if at >= u.Span.Start && at < u.Span.End {
			return true
		}
	}
	return false
}

func overlapsMoney(e *Entities, at int) bool {
	for _, m := range e.Money {
		if at >= m.Span.Start && at < m.Span.End {
			return true
		}
	}
	return false
}

// phoneOf describes a number. The country is stated only when the number
// says it (+44, 0044): a number without one is never given a guessed
// country, because a wrong country sends a person to the wrong help.
func phoneOf(raw string, sp Span) Phone {
	p := Phone{Text: raw, Span: sp}
	digits := make([]byte, 0, 16)
	for i := 0; i < len(raw); i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			digits = append(digits, raw[i])
		}
	}
	intl := strings.HasPrefix(raw, "+") || bytes.HasPrefix(digits, []byte("00"))
	if intl {
		s := "+" + strings.TrimPrefix(string(digits), "00")
		if num, err := phonenumbers.Parse(s, "ZZ"); err == nil && phonenumbers.IsValidNumber(num) {
			p.E164 = phonenumbers.Format(num, phonenumbers.E164)
			p.Country = phonenumbers.GetRegionCodeForNumber(num)
			p.Premium = phonenumbers.GetNumberType(num) == phonenumbers.PREMIUM_RATE
		}
		return p
	}
	// UK premium-rate (09…), 087x service and 070 "personal" numbers are
	// the classic "call now to claim" trap; only these are checked, as a
	// sign, and no country is reported for them.
	if len(digits) < 10 || len(digits) > 11 {
		return p
	}
	switch {
	case bytes.HasPrefix(digits, []byte("09")) || bytes.HasPrefix(digits, []byte("087")):
		// Premium by their prefix alone. (phonenumbers.Parse, a tenth of
		// all classification time here, cannot refuse 10 or 11 digits
		// without an international prefix, so it decided nothing.)
		p.Premium = true
	case bytes.HasPrefix(digits, []byte("070")):
		if num, err := phonenumbers.Parse(string(digits), "GB"); err == nil {
			t := phonenumbers.GetNumberType(num)
			p.Premium = t == phonenumbers.PREMIUM_RATE || t == phonenumbers.SHARED_COST || t == phonenumbers.PERSONAL_NUMBER
		}
	}
	return p
}

// findCrypto finds wallet addresses: Bitcoin and Tron (Base58Check, the
// checksum verified), Bitcoin bech32 and Ethereum hex addresses. Every
// address is a run of at least minCryptoLen ASCII letters and digits, and
// such a run covers one of every minCryptoLen-th byte, so only those bytes
// are looked at until one is alphanumeric.
func findCrypto(text string, e *Entities) {
	for k := minCryptoLen - 1; k < len(text); {
		if !isAlnum(text[k]) {
			k += minCryptoLen
			continue
		}
		i, j := k, k+1
		for i > 0 && isAlnum(text[i-1]) {
			i--
		}
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		if j-i >= minCryptoLen {
			tok := text[i:j]
			if kind := cryptoKind(tok); kind != "" && len(e.Crypto) < maxEntities {
				e.Crypto = append(e.Crypto, Crypto{Text: tok, Span: Span{i, j}, Kind: kind})
			}
		}
		// text[j] ends the run; the next run starts after it.
		k = j + minCryptoLen
	}
}

// minCryptoLen is the length of the shortest address cryptoKind accepts.
const minCryptoLen = 26

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || isASCIILetter(c) }

// isDigit reports an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func cryptoKind(tok string) string {
	switch {
	case len(tok) == 42 && (strings.HasPrefix(tok, "0x") || strings.HasPrefix(tok, "0X")) && isHex(tok[2:]):
		return "eth"
	case len(tok) >= 42 && len(tok) <= 62 && strings.HasPrefix(strings.ToLower(tok), "bc1") && isBech32(strings.ToLower(tok[3:])):
		return "btc"
	case len(tok) == 34 && tok[0] == 'T' && base58Check(tok, 0x41):
		return "trx"
	case len(tok) >= 26 && len(tok) <= 35 && (tok[0] == '1' || tok[0] == '3') && (base58Check(tok, 0x00) || base58Check(tok, 0x05)):
		return "btc"
	}
	return ""
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if !(s[i] >= '0' && s[i] <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func isBech32(s string) bool {
	const set = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Check decodes s and verifies its version byte and checksum.
func base58Check(s string, version byte) bool {
	var num [32]byte // 25 bytes needed; big-endian accumulator
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(base58Alphabet, s[i])
		if d < 0 {
			return false
		}
		carry := d
		for k := len(num) - 1; k >= 0; k-- {
			carry += 58 * int(num[k])
			num[k] = byte(carry)
			carry >>= 8
		}
		if carry != 0 {
			return false
		}
	}
	b := num[len(num)-25:]
	for k := 0; k < len(num)-25; k++ {
		if num[k] != 0 {
			return false
		}
	}
	if b[0] != version {
		return false
	}
	h1 := sha256.Sum256(b[:21])
	h2 := sha256.Sum256(h1[:])
	return bytes.Equal(h2[:4], b[21:])
}

// findApps reports the app names among the automaton's matches (the rules'
// automaton also holds the app names, so the text is searched once);
// appOf maps a pattern to its index in remoteApps, or -1.
func findApps(text string, f *folded, matches []acMatch, appOf []int16, e *Entities) {
	seen := uint64(0)
	for _, m := range matches {
		ai := appOf[m.pat]
		if ai < 0 || int(ai) >= len(remoteApps) || seen&(1<<ai) != 0 {
			continue
		}
		a := remoteApps[ai]
		i, j := int(m.start), int(m.end)
		if isASCIILetter(a.Spelling[0]) && (i > 0 && isASCIILetter(f.text[i-1]) || j < len(f.text) && isASCIILetter(f.text[j])) {
			continue
		}
		seen |= 1 << ai
		sp := f.span(i, j)
		e.Apps = append(e.Apps, App{Name: a.Name, Text: text[sp.Start:sp.End], Span: sp})
	}
}

// maxCitedRunes is the longest quotation that counts as a cited term
// ("安全账户", "stock teacher") rather than quoted speech.
const maxCitedRunes = 20

// twoOpeningMarks reports whether text holds at least two of ", “, 「 and
// 『 in all. It stops at the second, and finds 「 and 『 in one scan for
// their shared first bytes (E3 80), where counting each mark was a pass
// over the text of its own.
func twoOpeningMarks(text string) bool {
	n := strings.Count(text, `"`) + strings.Count(text, "“")
	for i := 0; n < 2; {
		j := strings.IndexByte(text[i:], 0xE3)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x8C || text[i+2] == 0x8E) {
			n++ // 「 (E3 80 8C) or 『 (E3 80 8E)
		}
		i++
	}
	return true
}

// citedTerms returns the span of the first of at least two short
// quotations in text ("“注销校园贷”“消除不良记录”"): a warning lists the
// scam's words in quotation marks; a script says them. ok is false when
// there are fewer than two.
func citedTerms(text string) (first Span, ok bool) {
	spans := citedSpans(text, nil)
	if len(spans) < 2 {
		return Span{}, false
	}
	return spans[0], true
}

// citedSpans appends to out the spans of the short quotations in text
// (see citedTerms) when there are at least two opening marks, and returns
// it.
func citedSpans(text string, out []Span) []Span {
	// Two quotations need two opening marks: most texts have fewer, and
	// counting bytes is much cheaper than decoding every character.
	if !twoOpeningMarks(text) {
		return out
	}
	open, openQ, runes := -1, rune(0), 0
	for i, r := range text {
		if open >= 0 {
			closes := r == '”' && openQ == '“' || r == '」' && openQ == '「' || r == '』' && openQ == '『' ||
				r == '"' && openQ == '"'
			if closes {
				if runes >= 1 && runes <= maxCitedRunes {
					out = append(out, Span{open, i + utf8.RuneLen(r)})
				}
				open = -1
				continue
			}
			runes++
			if runes > maxCitedRunes || r == '\n' {
				open = -1
			}
			continue
		}
		switch r {
		case '“', '「', '『', '"':
			open, openQ, runes = i, r, 0
		}
	}
	return out
}

// minQuotedRunes is the shortest quotation that counts as a message
// quoted whole ("'Dear customer, your parcel is on hold, visit …'") rather
// than a term or a title.
const minQuotedRunes = 12

// verdictSet is the rule set whose phrases are the writer's verdict on a
// message they quote ("NOT real", "是骗子"): the entity debunked_quote
// needs one outside every quotation.
const verdictSet = "writer_verdict"

// quotations returns the quotations of at least minQuotedRunes in text
// when every link (but an official one), phone number and chat handle the
// text holds lies inside one and no question mark stands outside them:
// someone passing on a message they received, whose own words point
// nowhere and ask nothing. ok is false otherwise. Straight single quotes
// count only as a pair that opens after a space, a colon or the start and
// closes before a space, punctuation or the end: "it's" and "don't" are
// no quotation.
func quotations(text string, e *Entities) (quotes []Span, ok bool) {
	// Byte searches, not ContainsAny, which decodes every rune of the text
	// against each non-ASCII mark.
	if strings.IndexByte(text, '"') < 0 && strings.IndexByte(text, '\'') < 0 && !strings.Contains(text, "“") &&
		!strings.Contains(text, "‘") && !strings.Contains(text, "「") && !strings.Contains(text, "『") {
		return nil, false
	}
	open, openQ, runes := -1, rune(0), 0
	prev := ' '
	for i, r := range text {
		if open >= 0 {
			closes := r == '”' && openQ == '“' || r == '’' && openQ == '‘' || r == '」' && openQ == '「' ||
				r == '』' && openQ == '『' || r == '"' && openQ == '"'
			if r == '\'' && openQ == '\'' {
				next, _ := utf8.DecodeRuneInString(text[i+1:])
				closes = !unicode.IsLetter(next) && !unicode.IsDigit(next) && !unicode.IsSpace(prev)
			}
			if closes {
				if runes >= minQuotedRunes {
					quotes = append(quotes, Span{open, i + utf8.RuneLen(r)})
				}
				open = -1
			} else {
				runes++
			}
			prev = r
			continue
		}
		switch r {
		case '“', '‘', '「', '『', '"':
			open, openQ, runes = i, r, 0
		case '\'':
			if unicode.IsSpace(prev) || prev == ':' || prev == '：' || i == 0 {
				open, openQ, runes = i, r, 0
			}
		}
		prev = r
	}
	if len(quotes) == 0 {
		return nil, false
	}
	inside := func(sp Span) bool { return insideAny(quotes, sp) }
	for i, r := range text {
		if (r == '?' || r == '？') && !inside(Span{i, i + 1}) {
			return nil, false
		}
	}
	for _, u := range e.URLs {
		// The writer may point to the real site ("Royal Mail's site is
		// royalmail.com").
		if !u.Official && !inside(u.Span) {
			return nil, false
		}
	}
	for _, p := range e.Phones {
		if !inside(p.Span) {
			return nil, false
		}
	}
	for _, h := range e.Handles {
		if !inside(h.Span) {
			return nil, false
		}
	}
	return quotes, true
}

// insideAny reports whether sp lies inside one of spans.
func insideAny(spans []Span, sp Span) bool {
	for _, q := range spans {
		if sp.Start >= q.Start && sp.End <= q.End {
			return true
		}
	}
	return false
}

// maxHeaderRunes is the longest sender's name that counts as a header
// ("【中国驻英国大使馆】", "【XX大学学生会】").
const maxHeaderRunes = 16

// maxForwardLineRunes is the longest line above a forwarded notice that
// still leaves its header a header: a question or a note about it ("这个
// 是真的吗？我在中国领事APP上预约的"), not a message of its own.
const maxForwardLineRunes = 24

// senderHeader returns the span of a sender's header in brackets at the
// start or the end of text ("【农业银行】您的账户…", "…请查收。[建设银行]"): the
// way an institution signs its text messages (issue #12). The folded text
// has lost the brackets, so this reads the original.
func senderHeader(text string) (Span, bool) {
	off := leadingSpace(text)
	t := text[off:]
	// Square brackets only at the end: at the start they label where a
	// forwarded text came from ("[QQ]", "[群聊]", "[截图]").
	if strings.HasPrefix(t, "【") {
		if sp, ok := bracketAt(t, off); ok {
			return sp, true
		}
	}
	// A notice forwarded under a short line of the sender's own ("这个是真
	// 的吗？\n【中国领事】…"): the header opens the second line.
	if nl := strings.IndexByte(t, '\n'); nl > 0 && utf8.RuneCountInString(t[:nl]) <= maxForwardLineRunes {
		second := off + nl + 1
		second += leadingSpace(text[second:])
		if strings.HasPrefix(text[second:], "【") {
			if sp, ok := bracketAt(text[second:], second); ok {
				return sp, true
			}
		}
	}
	// At the end: look back from a closing bracket only, over at most
	// the bytes a name can take, so a text without one costs a few
	// byte comparisons.
	t = text[:trailingSpaceStop(text)]
	var opener string
	for _, b := range headerBrackets {
		if strings.HasSuffix(t, string(b.close)) {
			opener = b.open
		}
	}
	if opener == "" {
		return Span{}, false
	}
	from := max(len(t)-(maxHeaderRunes+2)*utf8.UTFMax, 0)
	if i := strings.LastIndex(t[from:], opener); i >= 0 {
		i += from
		if sp, ok := bracketAt(t[i:], i); ok && sp.End == len(t) {
			return sp, true
		}
	}
	return Span{}, false
}

// headerBrackets are the brackets a sender's name stands in.
var headerBrackets = [...]struct {
	open  string
	close rune
}{{"【", '】'}, {"[", ']'}}

// bracketAt reads a bracketed name of 2 to maxHeaderRunes runes, with no
// line break, at the start of s (off is where s starts in the text).
func bracketAt(s string, off int) (Span, bool) {
	var closer rune
	for _, b := range headerBrackets {
		if strings.HasPrefix(s, b.open) {
			closer = b.close
		}
	}
	if closer == 0 {
		return Span{}, false
	}
	runes := 0
	for i, r := range s {
		if i == 0 {
			continue
		}
		if r == closer {
			if runes >= 2 {
				return Span{off, off + i + utf8.RuneLen(r)}, true
			}
			return Span{}, false
		}
		runes++
		if runes > maxHeaderRunes || r == '\n' {
			return Span{}, false
		}
	}
	return Span{}, false
}

// maxColonNameRunes is the longest name before a colon that opens a text
// as its sender ("支付宝：", "中国领事提醒：").
const maxColonNameRunes = 12

// colonHeader returns the span of a short Chinese name and a colon that
// open text ("支付宝：你的实名认证…"): a sender naming itself. The rule that
// names it also needs an institution's word, since a person writes "妈：" too.
func colonHeader(text string) (Span, bool) {
	off := leadingSpace(text)
	t := text[off:]
	// A colon near the start first: most texts have none, and then no
	// rune needs a table lookup.
	head := t[:min(len(t), maxColonNameRunes*utf8.UTFMax+len("："))]
	if !strings.Contains(head, "：") && !strings.Contains(head, ":") {
		return Span{}, false
	}
	runes := 0
	for i, r := range t {
		if r == '：' || r == ':' {
			if runes >= 2 {
				return Span{off, off + i + utf8.RuneLen(r)}, true
			}
			return Span{}, false
		}
		if !unicode.Is(unicode.Han, r) {
			return Span{}, false
		}
		runes++
		if runes > maxColonNameRunes {
			return Span{}, false
		}
	}
	return Span{}, false
}

// leadingSpace returns how many bytes of ASCII white space open text
// (strings.TrimLeft builds its byte set on every call).
func leadingSpace(text string) int {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
		i++
	}
	return i
}

// trailingSpaceStop returns where text ends without its trailing ASCII
// white space and full stops ("。" or ".").
func trailingSpaceStop(text string) int {
	j := len(text)
	for j > 0 {
		switch {
		case text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\r' || text[j-1] == '\n' || text[j-1] == '.':
			j--
		case strings.HasSuffix(text[:j], "。"):
			j -= len("。")
		default:
			return j
		}
	}
	return j
}
