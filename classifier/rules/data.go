package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// Data is the domain knowledge the classifier's mechanisms work with:
// which domains are whose, which links hide where they go, how amounts and
// apps are written, which characters stand in for others. It lives in
// data/*.yaml beside the rule files, each file decoded as strictly as
// they are; Go holds only the mechanisms.
type Data struct {
	Brands  Brands
	Links   Links
	Money   Money
	Apps    Apps
	Folding Folding
}

// Brands is data/brands.yaml: the brands and institutions messages name,
// and the domains their own links use.
type Brands struct {
	// Hosting are sites where anyone can publish a page: a link there is
	// never a brand's own.
	Hosting []string `yaml:"hosting"`
	// GovSuffixes are government suffixes beyond Links.OfficialSuffixes.
	GovSuffixes []string `yaml:"gov_suffixes"`
	Brands      []Brand  `yaml:"brands"`
}

// Brand is one brand or institution.
type Brand struct {
	// Names are how messages name it, folded like phrases.
	Names   []string `yaml:"names"`
	Domains []string `yaml:"domains"`
	// Gov: its links sit under a government suffix.
	Gov bool `yaml:"gov"`
}

// Validate checks every brand has names and domains (or gov), and that
// domains are lower-case hosts.
func (b Brands) Validate() error {
	for i, br := range b.Brands {
		field := fmt.Sprintf("brands[%d]", i)
		if len(br.Names) == 0 {
			return &fieldError{field, errors.New("no names")}
		}
		if len(br.Domains) == 0 && !br.Gov {
			return &fieldError{field, fmt.Errorf("%q has neither domains nor gov", br.Names[0])}
		}
		for _, d := range br.Domains {
			if !lowerHost(d) {
				return &fieldError{field, fmt.Errorf("%q: domain %q is not a lower-case host", br.Names[0], d)}
			}
		}
	}
	for _, h := range b.Hosting {
		if !lowerHost(h) {
			return &fieldError{"hosting", fmt.Errorf("%q is not a lower-case host", h)}
		}
	}
	return nil
}

// lowerHost reports whether h looks like a lower-case host name.
func lowerHost(h string) bool {
	return h == strings.ToLower(h) && strings.Count(h, ".") >= 1 && !strings.ContainsAny(h, "/: ")
}

// Links is data/links.yaml.
type Links struct {
	// Imitated are the labels (before the public suffix) of brands and
	// institutions whose domains phishing imitates (paypal, royalmail):
	// a link under one of them is the brand's own; a host that names one
	// elsewhere, or one letter off, imitates it.
	Imitated []string `yaml:"imitated"`
	// OfficialSuffixes are suffixes only governments and universities
	// can register under (.gov.uk, .edu.au).
	OfficialSuffixes []string `yaml:"official_suffixes"`
	// ChatInvites are hosts of invitations to a chat or group: the
	// platform's domain, but the sender's channel.
	ChatInvites []string `yaml:"chat_invites"`
	// Shorteners are link shorteners: the link hides where it goes.
	Shorteners []string `yaml:"shorteners"`
	// CheapTLDs are top-level domains that cost next to nothing.
	CheapTLDs []string `yaml:"cheap_tlds"`
	// LabelDigits and LabelLetters fold a domain label's look-alikes
	// before it is compared with Imitated (paypa1 → paypal, rn → m).
	LabelDigits  map[string]string `yaml:"label_digits"`
	LabelLetters map[string]string `yaml:"label_letters"`
}

// Money is data/money.yaml.
type Money struct {
	// Units follow the digits of an amount (元, 万, " dollars", usd).
	Units []string `yaml:"units"`
	// WordsBeforeNumbers may stand right before a phone number without a
	// space ("call09050000337").
	WordsBeforeNumbers []string `yaml:"words_before_numbers"`
}

// Apps is data/apps.yaml.
type Apps struct {
	// Remote are the remote-control and meeting apps that callers ask a
	// victim to install.
	Remote []App `yaml:"remote"`
	// Chat are the chat apps whose name, written before an account
	// ("TG: name", "微信：abc123", "WhatsApp +44…") or around an @name
	// ("on Telegram @name"), makes that account a contact handle.
	Chat []App `yaml:"chat"`
	// ChatHosts map the hosts of chat links (t.me/name, wa.me/44…) to the
	// app's name: the link is the sender's own account on that app.
	ChatHosts map[string]string `yaml:"chat_hosts"`
}

// App is one way of writing an app's name.
type App struct {
	// Spelling is the name as folded text contains it.
	Spelling string `yaml:"spelling"`
	// Name is the name shown to the person.
	Name string `yaml:"name"`
}

// Folding is data/folding.yaml: the characters that stand in for others.
type Folding struct {
	// Lookalikes are letters of other scripts (and symbols) that imitate
	// Latin letters or a platform: а → a, 🐧 → qq.
	Lookalikes map[string]string `yaml:"lookalikes"`
	// Cantonese maps written Cantonese characters to the everyday
	// Mandarin ones (唔 → 不).
	Cantonese map[string]string `yaml:"cantonese"`
	// AddHomophones are written for 加 ("add me") before a contact handle.
	AddHomophones []string `yaml:"add_homophones"`
	// ContactStarts are the first characters of a contact handle after 加.
	ContactStarts []string `yaml:"contact_starts"`
	// Emoji are emoji written for a character or a letter: 赚💰 for 赚钱,
	// 加✌ for 加V; they fold like look-alikes.
	Emoji map[string]string `yaml:"emoji"`
	// Digits are the dingbat digits (❶, ➀, ➊ …) that QQ numbers are
	// written in; unlike ①–⑩ they have no compatibility decomposition.
	Digits map[string]string `yaml:"digits"`
	// KeptSymbols are the symbols folding keeps because they carry
	// meaning for the rules (money, "+v"); others become separators.
	KeptSymbols []string `yaml:"kept_symbols"`
	// NumberSuffixes follow a number as part of it (5k, 3pm, 24hrs), so
	// the digits before them are no letters in disguise.
	NumberSuffixes []string `yaml:"number_suffixes"`
	// WordDigits are digits written for letters inside a Latin word
	// (amaz0n, acc0unt).
	WordDigits map[string]string `yaml:"word_digits"`
}

// LoadData decodes the data files of dir in fsys.
func LoadData(fsys fs.FS, dir string) (Data, error) {
	var d Data
	var err error
	if d.Brands, err = decodeFile[Brands](fsys, path.Join(dir, "brands.yaml")); err != nil {
		return d, err
	}
	if d.Links, err = decodeFile[Links](fsys, path.Join(dir, "links.yaml")); err != nil {
		return d, err
	}
	if d.Money, err = decodeFile[Money](fsys, path.Join(dir, "money.yaml")); err != nil {
		return d, err
	}
	if d.Apps, err = decodeFile[Apps](fsys, path.Join(dir, "apps.yaml")); err != nil {
		return d, err
	}
	if d.Folding, err = decodeFile[Folding](fsys, path.Join(dir, "folding.yaml")); err != nil {
		return d, err
	}
	return d, d.Validate(dir)
}

// Validate checks the data files' entries; dir names them in errors.
func (d Data) Validate(dir string) error {
	if err := d.Brands.Validate(); err != nil {
		return at(path.Join(dir, "brands.yaml"), "", "", err)
	}
	links := path.Join(dir, "links.yaml")
	folding := path.Join(dir, "folding.yaml")
	for field, list := range map[string][]string{"imitated": d.Links.Imitated, "official_suffixes": d.Links.OfficialSuffixes,
		"chat_invites": d.Links.ChatInvites, "shorteners": d.Links.Shorteners, "cheap_tlds": d.Links.CheapTLDs} {
		if err := nonEmpty(list); err != nil {
			return &Error{File: links, Field: field, Err: err}
		}
	}
	if err := oneByteKeys(d.Links.LabelDigits, true); err != nil {
		return &Error{File: links, Field: "label_digits", Err: err}
	}
	for field, list := range map[string][]string{"units": d.Money.Units, "words_before_numbers": d.Money.WordsBeforeNumbers} {
		if err := nonEmpty(list); err != nil {
			return &Error{File: path.Join(dir, "money.yaml"), Field: field, Err: err}
		}
	}
	if err := nonEmpty(d.Folding.NumberSuffixes); err != nil {
		return &Error{File: folding, Field: "number_suffixes", Err: err}
	}
	if len(d.Apps.Remote) > 64 {
		// findApps marks the apps seen in one 64-bit word.
		return &Error{File: path.Join(dir, "apps.yaml"), Field: "remote", Err: fmt.Errorf("%d apps, at most 64", len(d.Apps.Remote))}
	}
	for i, a := range d.Apps.Chat {
		if a.Spelling == "" || a.Name == "" {
			return &Error{File: path.Join(dir, "apps.yaml"), Field: fmt.Sprintf("chat[%d]", i), Err: errors.New("spelling and name are required")}
		}
	}
	for i, a := range d.Apps.Remote {
		if a.Spelling == "" || a.Name == "" {
			return &Error{File: path.Join(dir, "apps.yaml"), Field: fmt.Sprintf("remote[%d]", i), Err: errors.New("spelling and name are required")}
		}
	}
	for field, m := range map[string]map[string]string{"lookalikes": d.Folding.Lookalikes, "emoji": d.Folding.Emoji, "digits": d.Folding.Digits, "cantonese": d.Folding.Cantonese} {
		if err := oneRuneKeys(m, field == "cantonese"); err != nil {
			return &Error{File: folding, Field: field, Err: err}
		}
	}
	if err := oneByteKeys(d.Folding.WordDigits, true); err != nil {
		return &Error{File: folding, Field: "word_digits", Err: err}
	}
	for field, list := range map[string][]string{"add_homophones": d.Folding.AddHomophones, "contact_starts": d.Folding.ContactStarts, "kept_symbols": d.Folding.KeptSymbols} {
		for _, s := range list {
			if utf8.RuneCountInString(s) != 1 {
				return &Error{File: folding, Field: field, Err: fmt.Errorf("%q: want one character", s)}
			}
		}
	}
	return nil
}

func nonEmpty(list []string) error {
	for i, s := range list {
		if s == "" {
			return fmt.Errorf("entry %d is empty", i)
		}
	}
	return nil
}

// oneRuneKeys checks that every key is one character, and with oneRune
// every value too.
func oneRuneKeys(m map[string]string, oneRune bool) error {
	for k, v := range m {
		if utf8.RuneCountInString(k) != 1 {
			return fmt.Errorf("key %q: want one character", k)
		}
		if v == "" || oneRune && utf8.RuneCountInString(v) != 1 {
			return fmt.Errorf("%q: value %q: want one character", k, v)
		}
	}
	return nil
}

// oneByteKeys checks that every key and value is one ASCII byte.
func oneByteKeys(m map[string]string, _ bool) error {
	for k, v := range m {
		if len(k) != 1 || len(v) != 1 || k[0] >= utf8.RuneSelf || v[0] >= utf8.RuneSelf {
			return fmt.Errorf("%q: %q: want one ASCII character each", k, v)
		}
	}
	return nil
}
