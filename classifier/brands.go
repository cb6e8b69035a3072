package classifier

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/scamcheck/scamcheck/classifier/rules"
)

// A message that names a bank, a courier, a tax office or a platform and
// carries a link to some other registrable domain is the commonest shape of
// phishing by text ("Wells Fargo: confirm activity at wf-alerts.top"). The
// brands and institutions, with the domains their own links use, are data
// (rules/data/brands.yaml); markBrandLinks marks each link that is none of the
// named ones' own, and the rules see it as entity.url_not_brand.

// brandTable is the compiled brand file.
type brandTable struct {
	brands []rules.Brand
	// names is an automaton of the folded names; pat maps its patterns
	// to brands, with the word boundaries a Latin name needs.
	names *matcher
	pat   []brandPattern
	// domains maps every listed domain to true: a link to any brand's
	// own domain is not called a stranger's.
	domains map[string]bool
	hosting []string
}

type brandPattern struct {
	brand               int
	leftWord, rightWord bool
}

// brandsTable is compiled once from the data; a name that folds to nothing
// or names two brands fails New and the package tests.
var brandsTable, brandsErr = compileBrands(data.Brands)

// compileBrands builds the automaton of the brands' names; rules.LoadData
// has checked the entries' shape.
func compileBrands(bf rules.Brands) (*brandTable, error) {
	bt := &brandTable{brands: bf.Brands, domains: map[string]bool{}}
	var pats [][]byte
	var f folded
	seen := map[string]int{}
	for i, br := range bf.Brands {
		for _, n := range br.Names {
			fold(&f, n)
			t := bytes.TrimSpace(f.text)
			if len(t) == 0 {
				return nil, fmt.Errorf("rules/data/brands.yaml: name %q folds to nothing", n)
			}
			if j, dup := seen[string(t)]; dup {
				return nil, fmt.Errorf("rules/data/brands.yaml: name %q in entries %d and %d", n, j, i)
			}
			seen[string(t)] = i
			pats = append(pats, append([]byte(nil), t...))
			bt.pat = append(bt.pat, brandPattern{brand: i, leftWord: isAlnum(t[0]), rightWord: isAlnum(t[len(t)-1])})
		}
		for _, d := range br.Domains {
			bt.domains[d] = true
		}
	}
	bt.hosting = bf.Hosting
	bt.names = newMatcher(pats)
	return bt, nil
}

// govSuffixes are government suffixes beyond officialSuffixes (those serve
// the older official-link mark): a link under one is an institution's own.
var govSuffixes = data.Brands.GovSuffixes

// underHost reports whether host is d or a subdomain of d.
func underHost(host, d string) bool {
	return host == d || len(host) > len(d) && strings.HasSuffix(host, d) && host[len(host)-len(d)-1] == '.'
}

// govHost reports whether host sits under a government suffix.
func govHost(host string) bool {
	for _, s := range officialSuffixes {
		if strings.HasSuffix(host, s) && !strings.HasPrefix(s, ".ac.") && s != ".edu" && !strings.HasPrefix(s, ".edu.") {
			return true
		}
	}
	for _, s := range govSuffixes {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// owns reports whether link u is brand br's own.
func (bt *brandTable) owns(br *rules.Brand, u *URL) bool {
	if br.Gov && govHost(u.Host) {
		return true
	}
	for _, d := range br.Domains {
		if underHost(u.Host, d) {
			return true
		}
	}
	return false
}

// hosted reports whether u is on a site where anyone can publish a page.
func (bt *brandTable) hosted(u *URL) bool {
	for _, h := range bt.hosting {
		if underHost(u.Host, h) {
			return true
		}
	}
	return false
}

// maxBrandsNamed bounds the brands one message is checked against.
const maxBrandsNamed = 8

// markBrandLinks sets NotBrandOf on each link of e that is not the own
// site of a brand or institution the text names (outside its links). A
// look-alike, a cheap top-level domain or a page on a free hosting site is
// never a brand's own; a link to any listed brand's own domain, or under a
// government suffix when a government body is named, is never marked, nor
// is a link shortener (it hides the domain: entity.url_shortener says so).
func markBrandLinks(text string, f *folded, e *Entities, buf []acMatch) []acMatch {
	bt := brandsTable
	if bt == nil || len(e.URLs) == 0 {
		return buf
	}
	buf = bt.names.findAll(f.text, buf[:0])
	var named [maxBrandsNamed]int
	n := 0
	t := f.text
	for _, m := range buf {
		p := bt.pat[m.pat]
		if p.leftWord && m.start > 0 && isAlnum(t[m.start-1]) || p.rightWord && int(m.end) < len(t) && isAlnum(t[m.end]) {
			continue
		}
		if o, _ := f.offsets(int(m.start)); inURL(e, int(o)) {
			continue // the name inside the link itself
		}
		dup := false
		for _, b := range named[:n] {
			dup = dup || b == p.brand
		}
		if !dup && n < maxBrandsNamed {
			named[n] = p.brand
			n++
		}
	}
	if n == 0 {
		return buf
	}
	for i := range e.URLs {
		u := &e.URLs[i]
		if emailAddress(text, u) {
			continue // an e-mail address: no page to land on
		}
		if u.Official && bareSuffix(u.Host) {
			continue // the government's site named alone ("sign in at gov.uk")
		}
		if u.IP || u.Host == "" {
			u.NotBrandOf = bt.brands[named[0]].Names[0]
			continue
		}
		strange := u.LookalikeOf != "" || u.CheapTLD || u.Punycode || bt.hosted(u)
		if !strange {
			own := false
			for _, b := range named[:n] {
				own = own || bt.owns(&bt.brands[b], u)
			}
			if own {
				// The named brand's own site ("An Post: … pay at
				// anpost.com/customs") is as official as a link
				// data/links.yaml knows; a brand's domain that only the
				// link itself names ("rating hotels on Booking.com") is
				// not, nor is a chat invitation (the sender's channel).
				u.Official = u.Official || !u.Shortener && !chatInvites[u.Host]
				continue
			}
			if u.Shortener || bt.domains[u.Domain] || bt.domains[u.Host] || govHost(u.Host) {
				continue
			}
		}
		u.NotBrandOf = bt.brands[named[0]].Names[0]
	}
	return buf
}

// emailAddress reports whether the link u found in text is the domain of
// an e-mail address: no page to land on, and no site of the brand's.
func emailAddress(text string, u *URL) bool {
	return strings.Contains(u.Text, "@") || u.Span.Start > 0 && text[u.Span.Start-1] == '@'
}

// maxSenderLabel bounds the sender label a notice opens with ("Uber
// Eats:", "[Currys]"): a brand's name, not a sentence.
const maxSenderLabel = 24

// markSenderLinks marks as official a link whose registrable name spells
// the sender label the message opens with, letter for letter ("Currys: …
// see currys.co.uk/account", "Uber Eats: … ubereats.com/orders"): a
// brand that data/brands.yaml does not list still owns the domain of its
// own name (issue #12, fifth look-alike round). Phishing adds words to
// the name ("royalmail-redelivery.com") or takes a cheap or look-alike
// domain, a hosting site, a shortener or a chat invitation; none of those
// is marked. A link another brand's check already marked is left alone.
func markSenderLinks(text string, e *Entities) {
	if len(e.URLs) == 0 {
		return
	}
	var buf [maxSenderLabel]byte
	label := senderLabel(text, buf[:0])
	if len(label) < 3 {
		return
	}
	for i := range e.URLs {
		u := &e.URLs[i]
		if u.Official || u.NotBrandOf != "" || u.IP || u.Domain == "" || u.LookalikeOf != "" || u.CheapTLD ||
			u.Punycode || u.Shortener || chatInvites[u.Host] || brandsTable != nil && brandsTable.hosted(u) ||
			emailAddress(text, u) {
			continue
		}
		name, _, _ := strings.Cut(u.Domain, ".")
		if lettersEqual(name, label) {
			u.Official = true
		}
	}
}

// senderLabel returns, lower case and letters and digits only, the label
// text opens with: the words before a colon ("Uber Eats: …") or inside
// opening brackets ("[Currys] …", "【Shein】"), when short enough to be a
// name; nil otherwise.
func senderLabel(text string, out []byte) []byte {
	t := strings.TrimLeft(text, " \t")
	end := -1
	switch {
	case strings.HasPrefix(t, "["):
		t = t[1:]
		end = strings.IndexByte(t, ']')
	case strings.HasPrefix(t, "【"):
		t = t[len("【"):]
		end = strings.Index(t, "】")
	default:
		end = strings.IndexByte(t, ':')
	}
	if end <= 0 || end > maxSenderLabel*2 {
		return nil
	}
	for k := 0; k < end; k++ {
		c := t[k]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' || c == '-' || c == '.' || c == '&' || c == '\'':
			continue
		default:
			return nil // not a plain Latin name
		}
		if len(out) == cap(out) {
			return nil
		}
		out = append(out, c)
	}
	return out
}

// lettersEqual reports whether domain name spells label, ignoring case
// (label holds lower-case letters and digits only); a hyphen in the name
// means words were added to it.
func lettersEqual(name string, label []byte) bool {
	j := 0
	for k := 0; k < len(name); k++ {
		c := name[k]
		if c == '-' {
			return false // words added to the name: "royalmail-redelivery"
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if j >= len(label) || label[j] != c {
			return false
		}
		j++
	}
	return j == len(label)
}
