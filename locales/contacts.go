package locales

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/width"
)

// The help directory: contacts.json (numbers and sites per country, each
// with its source) and orgs.json (organisations that share the bot with a
// start code). Both are embedded; a missing contacts.json leaves an empty
// directory, so people still get the global consular hotline.
//
//go:embed *.json
var dataFS embed.FS

// ConsularHotline is the Chinese Ministry of Foreign Affairs' global consular
// protection hotline, named by the issue that asked for this directory. It is
// used only when contacts.json has no consular_hotline entry.
const ConsularHotline = "+86-10-12308"

// Names is a text in both languages.
type Names struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the text in lang (English for anything but zh).
func (n Names) In(lang string) string {
	if lang == ZH {
		return n.ZH
	}
	return n.EN
}

// Contact kinds, in the order a frightened person needs them.
const (
	KindEmergency        = "emergency"
	KindPolice           = "police"
	KindFraudReport      = "fraud_report"
	KindAntiFraudHotline = "anti_fraud_hotline"
	KindConsularHotline  = "consular_hotline"
	KindEmbassy          = "embassy"
	KindConsulate        = "consulate"
	KindWebsite          = "website"
)

var kindOrder = map[string]int{
	KindEmergency: 0, KindPolice: 1, KindFraudReport: 2, KindAntiFraudHotline: 3,
	KindConsularHotline: 4, KindEmbassy: 5, KindConsulate: 6, KindWebsite: 7,
}

// Contact is one number or site to call or visit.
type Contact struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Name  Names  `json:"name"`
	Phone string `json:"phone,omitempty"`
	URL   string `json:"url,omitempty"`
	City  string `json:"city,omitempty"`
	Note  *Names `json:"note,omitempty"`
	// Source is the URL of the page the number or site was read on.
	Source string `json:"source"`
	// Tier says what kind of page Source is (TierGov, TierMission, …):
	// a number read on a government page weighs more than one in the news.
	Tier string `json:"tier"`
	// Published is when the source was issued or last updated, as precise
	// as the page says (YYYY-MM-DD, YYYY-MM or YYYY). It is required: a
	// number whose source has no date cannot be shown with its age, so an
	// entry is re-sourced to a dated page or left out.
	Published string `json:"published"`
	// Checked is the day (YYYY-MM-DD) the source was last read.
	Checked string `json:"checked"`
}

// Source tiers, strongest first.
const (
	TierGov     = "gov"     // a government, police or public agency page
	TierMission = "mission" // a Chinese embassy's or consulate's own site
	TierCNGov   = "cn-gov"  // a Chinese government page quoting the MFA or a mission
	TierNews    = "news"    // a news outlet reporting an official notice
	TierReprint = "reprint" // an official release republished by an aggregator
)

var tiers = map[string]bool{TierGov: true, TierMission: true, TierCNGov: true, TierNews: true, TierReprint: true}

// City is a place people name when asked where they are.
type City struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
	// Also are other spellings people type (München, Montréal, 蒙特利尔).
	Also []string `json:"also,omitempty"`
}

// Country is a country or region with its contacts.
type Country struct {
	Code string `json:"code"`
	Name Names  `json:"name"`
	// Aliases are other names of the place people type (UK, 英国, USA).
	Aliases []string `json:"aliases,omitempty"`
	// Cities are the student cities and every city with a Chinese
	// consulate, so "Berlin" or "我在多伦多" finds the country.
	Cities   []City    `json:"cities,omitempty"`
	Contacts []Contact `json:"contacts"`
}

// ContactsFile is the schema of contacts.json.
type ContactsFile struct {
	Countries []Country `json:"countries"`
}

// Org is an organisation (a consulate, a student union) whose start code
// gives its community their own greeting and its numbers first.
type Org struct {
	// Code is the start code: t.me/<bot>?start=<code>. Matched without case.
	Code    string `json:"code"`
	Name    Names  `json:"name"`
	Country string `json:"country"`
	City    Names  `json:"city"`
	// Contacts are ids of contacts.json entries, shown first.
	Contacts []string `json:"contacts"`
}

// OrgsFile is the schema of orgs.json.
type OrgsFile struct {
	Orgs []Org `json:"orgs"`
}

// Directory is the validated help directory.
type Directory struct {
	Countries []Country
	Orgs      []Org
	country   map[string]*Country
	contact   map[string]*Contact
	org       map[string]*Org
	place     map[string]Place
}

// Place is what a typed place name stands for: a country, and the city
// when the name was a city's.
type Place struct {
	Country string // the directory's country code
	City    string // the city's English name, or empty
}

// FindPlace looks a typed place name up: a country code, a country's name
// or alias, or a city, in either language. Case, spaces and punctuation do
// not matter ("new york", "NewYork", "多伦多").
func (d *Directory) FindPlace(name string) (Place, bool) {
	p, ok := d.place[PlaceKey(name)]
	return p, ok
}

// PlaceKey folds a place name for lookup: lower case, full-width forms to
// ASCII, and nothing but letters and digits, so "New York", "new-york" and
// "ＮＥＷ　ＹＯＲＫ" meet.
func PlaceKey(name string) string {
	var b strings.Builder
	for _, r := range width.Fold.String(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Country returns the country with code (upper case), or nil.
func (d *Directory) Country(code string) *Country { return d.country[code] }

// Contact returns the contact with id, or nil.
func (d *Directory) Contact(id string) *Contact { return d.contact[id] }

// Org returns the organisation whose start code is code (any case), or nil.
func (d *Directory) Org(code string) *Org { return d.org[strings.ToLower(code)] }

// FirstOfKind returns the first contact of kind in country code, or nil.
func (d *Directory) FirstOfKind(code, kind string) *Contact {
	c := d.country[code]
	if c == nil {
		return nil
	}
	for i := range c.Contacts {
		if c.Contacts[i].Kind == kind {
			return &c.Contacts[i]
		}
	}
	return nil
}

// ContactByPhone returns the contact whose phone number is the one typed,
// or nil: the same digits, or a typed national number of five digits or
// more whose country and area code (four digits at most) the listing adds
// ("12308" or "010 12308" for +86-10-12308; a leading trunk 0 is
// dropped). A number
// that two different listings hold is no answer.
func (d *Directory) ContactByPhone(typed string) *Contact {
	t := phoneDigits(typed)
	if len(t) < 3 {
		return nil
	}
	national := strings.TrimPrefix(t, "0")
	var found *Contact
	for ci := range d.Countries {
		for i := range d.Countries[ci].Contacts {
			k := &d.Countries[ci].Contacts[i]
			p := phoneDigits(k.Phone)
			if p == "" {
				continue
			}
			if p != t && !(len(national) >= 5 && strings.HasSuffix(p, national) && len(p)-len(national) <= 4) {
				continue
			}
			if found != nil && found.ID != k.ID {
				// 999 is the UK's and Hong Kong's: which one is meant
				// is not known.
				return nil
			}
			if found == nil {
				found = k
			}
		}
	}
	return found
}

// phoneDigits is a phone number's digits, with "00" before a country code
// read as "+".
func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return strings.TrimPrefix(b.String(), "00")
}

// Consular returns the global consular hotline entry, or nil when the
// directory has none (callers then use ConsularHotline).
func (d *Directory) Consular() *Contact {
	for _, c := range d.Countries {
		for i := range c.Contacts {
			if c.Contacts[i].Kind == KindConsularHotline {
				return &c.Contacts[i]
			}
		}
	}
	return nil
}

// DecodeContacts decodes contacts.json strictly (unknown keys and trailing
// data fail) and validates every entry.
func DecodeContacts(r io.Reader) (*ContactsFile, error) {
	var f ContactsFile
	if err := decodeStrict(r, &f); err != nil {
		return nil, fmt.Errorf("decode contacts: %w", err)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return &f, nil
}

// DecodeOrgs decodes orgs.json strictly; Validate against the contacts
// checks its references.
func DecodeOrgs(r io.Reader) (*OrgsFile, error) {
	var f OrgsFile
	if err := decodeStrict(r, &f); err != nil {
		return nil, fmt.Errorf("decode orgs: %w", err)
	}
	return &f, nil
}

func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

var (
	countryCodeRe = regexp.MustCompile(`^[A-Z]{2}$`)
	contactIDRe   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// A short code is dialled as is inside its country: 110, 999, 000,
	// 131 444, #9110. Anything longer must be a full number.
	shortCodeRe = regexp.MustCompile(`^[#*]?[0-9]{2,6}$`)
	phoneCharRe = regexp.MustCompile(`^[+#*]?[0-9][0-9 -]*[0-9]$`)
	orgCodeRe   = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
)

// Validate checks every country and contact: codes, ids unique, kinds
// known, names in both languages, a phone or a URL, phones that parse,
// URLs that are absolute http(s), a source with its tier, the date it was
// published and the day it was checked; cities named in both languages.
func (f *ContactsFile) Validate() error {
	seenCountry := map[string]bool{}
	seenID := map[string]bool{}
	for _, c := range f.Countries {
		if !countryCodeRe.MatchString(c.Code) {
			return fmt.Errorf("country %q: code must be two capital letters (ISO 3166)", c.Code)
		}
		if seenCountry[c.Code] {
			return fmt.Errorf("country %s listed twice", c.Code)
		}
		seenCountry[c.Code] = true
		if err := checkNames(c.Name); err != nil {
			return fmt.Errorf("country %s name: %w", c.Code, err)
		}
		if len(c.Contacts) == 0 {
			return fmt.Errorf("country %s has no contacts", c.Code)
		}
		for _, a := range c.Aliases {
			if strings.TrimSpace(a) == "" {
				return fmt.Errorf("country %s: empty alias", c.Code)
			}
		}
		for _, city := range c.Cities {
			if strings.TrimSpace(city.EN) == "" || strings.TrimSpace(city.ZH) == "" {
				return fmt.Errorf("country %s: city %q/%q needs both zh and en", c.Code, city.ZH, city.EN)
			}
		}
		for _, k := range c.Contacts {
			if err := k.validate(c.Code); err != nil {
				return fmt.Errorf("country %s: contact %q: %w", c.Code, k.ID, err)
			}
			if seenID[k.ID] {
				return fmt.Errorf("country %s: contact id %q used twice", c.Code, k.ID)
			}
			seenID[k.ID] = true
		}
	}
	return nil
}

func (k Contact) validate(country string) error {
	if !contactIDRe.MatchString(k.ID) {
		return errors.New("id must be lower-case words joined by hyphens")
	}
	if _, ok := kindOrder[k.Kind]; !ok {
		return fmt.Errorf("unknown kind %q", k.Kind)
	}
	if err := checkNames(k.Name); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if k.Note != nil {
		if err := checkNames(*k.Note); err != nil {
			return fmt.Errorf("note: %w", err)
		}
	}
	if k.Phone == "" && k.URL == "" {
		return errors.New("neither phone nor url")
	}
	if k.Phone != "" {
		if err := CheckPhone(k.Phone, country); err != nil {
			return err
		}
	}
	if k.URL != "" {
		if err := checkURL(k.URL); err != nil {
			return fmt.Errorf("url: %w", err)
		}
	}
	if k.Source == "" {
		return errors.New("no source")
	}
	if err := checkURL(k.Source); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	if !tiers[k.Tier] {
		return fmt.Errorf("tier %q: want gov, mission, cn-gov, news or reprint", k.Tier)
	}
	checked, err := time.Parse(time.DateOnly, k.Checked)
	if err != nil {
		return fmt.Errorf("checked %q is not a YYYY-MM-DD date", k.Checked)
	}
	if k.Published == "" {
		return errors.New("no published date (YYYY-MM-DD, YYYY-MM or YYYY)")
	}
	published, err := ParsePublished(k.Published)
	if err != nil {
		return err
	}
	if published.After(checked) {
		return fmt.Errorf("published %s after checked %s", k.Published, k.Checked)
	}
	return nil
}

// ParsePublished reads a Contact.Published date at the precision the page
// gives: YYYY-MM-DD, YYYY-MM or YYYY (the first day of the month or year).
func ParsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// CheckPhone validates a number as written in contacts.json: a full number
// with its country code (+44 20 …) must be valid for libphonenumber; a
// number without + is either a short code (110, 999, 131 444) or a national
// number that must be valid in country.
func CheckPhone(phone, country string) error {
	if !phoneCharRe.MatchString(phone) || strings.Contains(phone, "  ") || strings.Contains(phone, "--") {
		return fmt.Errorf("phone %q: only digits, single spaces or hyphens, and a leading +, # or *", phone)
	}
	if strings.HasPrefix(phone, "+") {
		n, err := phonenumbers.Parse(phone, "")
		if err != nil {
			return fmt.Errorf("phone %q: %w", phone, err)
		}
		if !phonenumbers.IsValidNumber(n) {
			return fmt.Errorf("phone %q is not a valid number", phone)
		}
		return nil
	}
	compact := strings.NewReplacer(" ", "", "-", "").Replace(phone)
	if shortCodeRe.MatchString(compact) {
		return nil
	}
	n, err := phonenumbers.Parse(phone, country)
	if err != nil {
		return fmt.Errorf("phone %q in %s: %w", phone, country, err)
	}
	if !phonenumbers.IsValidNumberForRegion(n, country) {
		return fmt.Errorf("phone %q is neither a short code nor a valid number in %s", phone, country)
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q: %w", s, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return fmt.Errorf("%q: want an http or https URL", s)
	}
	if u.Host == "" || !strings.Contains(u.Hostname(), ".") || u.User != nil || strings.ContainsAny(s, " \t\n") {
		return fmt.Errorf("%q: want a plain URL with a host name", s)
	}
	return nil
}

func checkNames(n Names) error {
	if strings.TrimSpace(n.ZH) == "" || strings.TrimSpace(n.EN) == "" {
		return errors.New("needs both zh and en")
	}
	if strings.ContainsAny(n.ZH+n.EN, "{}") {
		return errors.New("braces are reserved for message parameters")
	}
	return nil
}

// NewDirectory validates orgs against contacts and indexes both.
func NewDirectory(contacts *ContactsFile, orgs *OrgsFile) (*Directory, error) {
	if err := contacts.Validate(); err != nil {
		return nil, err
	}
	d := &Directory{
		Countries: contacts.Countries,
		country:   map[string]*Country{},
		contact:   map[string]*Contact{},
		org:       map[string]*Org{},
		place:     map[string]Place{},
	}
	for i := range d.Countries {
		c := &d.Countries[i]
		d.country[c.Code] = c
		for j := range c.Contacts {
			d.contact[c.Contacts[j].ID] = &c.Contacts[j]
		}
	}
	if err := d.indexPlaces(); err != nil {
		return nil, err
	}
	if orgs != nil {
		d.Orgs = orgs.Orgs
	}
	for i := range d.Orgs {
		o := &d.Orgs[i]
		if !orgCodeRe.MatchString(o.Code) {
			return nil, fmt.Errorf("org %q: code must be 1-64 letters, digits, _ or - (Telegram start parameter)", o.Code)
		}
		key := strings.ToLower(o.Code)
		if d.org[key] != nil {
			return nil, fmt.Errorf("org code %q used twice", o.Code)
		}
		if err := checkNames(o.Name); err != nil {
			return nil, fmt.Errorf("org %s name: %w", o.Code, err)
		}
		if err := checkNames(o.City); err != nil {
			return nil, fmt.Errorf("org %s city: %w", o.Code, err)
		}
		if d.country[o.Country] == nil {
			return nil, fmt.Errorf("org %s: country %q not in contacts.json", o.Code, o.Country)
		}
		if len(o.Contacts) == 0 {
			return nil, fmt.Errorf("org %s: no contacts", o.Code)
		}
		for _, id := range o.Contacts {
			if d.contact[id] == nil {
				return nil, fmt.Errorf("org %s: contact %q not in contacts.json", o.Code, id)
			}
		}
		d.org[key] = o
	}
	return d, nil
}

// indexPlaces maps every country's code, names and aliases and every
// city's names to the place; a name that would lead to two places is an
// error, since the person would be shown the wrong numbers.
func (d *Directory) indexPlaces() error {
	add := func(name string, p Place) error {
		k := PlaceKey(name)
		if k == "" {
			return fmt.Errorf("country %s: place name %q has no letters", p.Country, name)
		}
		if old, ok := d.place[k]; ok {
			if old.Country != p.Country || old.City != "" && old.City != p.City {
				return fmt.Errorf("place name %q leads to both %s %s and %s %s", name, old.Country, old.City, p.Country, p.City)
			}
			// The same name twice, or a city named like its country
			// (Singapore): the country's entry stays.
			return nil
		}
		d.place[k] = p
		return nil
	}
	for _, c := range d.Countries {
		country := Place{Country: c.Code}
		names := append([]string{c.Code, c.Name.EN, c.Name.ZH}, c.Aliases...)
		for _, n := range names {
			if err := add(n, country); err != nil {
				return err
			}
		}
	}
	for _, c := range d.Countries {
		for _, city := range c.Cities {
			p := Place{Country: c.Code, City: city.EN}
			for _, n := range append([]string{city.EN, city.ZH}, city.Also...) {
				if err := add(n, p); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// LoadDirectory decodes and validates the embedded contacts.json and
// orgs.json.
func LoadDirectory() (*Directory, error) {
	return loadDirectory(dataFS)
}

func loadDirectory(fsys fs.FS) (*Directory, error) {
	contacts := &ContactsFile{}
	if b, err := fs.ReadFile(fsys, "contacts.json"); err == nil {
		if contacts, err = DecodeContacts(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("contacts.json: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read contacts.json: %w", err)
	}
	orgs := &OrgsFile{}
	if b, err := fs.ReadFile(fsys, "orgs.json"); err == nil {
		if orgs, err = DecodeOrgs(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("orgs.json: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read orgs.json: %w", err)
	}
	d, err := NewDirectory(contacts, orgs)
	if err != nil {
		return nil, fmt.Errorf("help directory: %w", err)
	}
	return d, nil
}

var (
	dirOnce sync.Once
	dir     *Directory
	dirErr  error
)

// Dir returns the embedded help directory, decoded once. If the embedded
// files are invalid it returns an empty directory (so the conversation
// still offers the global consular hotline) and Load reports the error,
// which stops the program at start-up; the package tests catch it first.
func Dir() *Directory {
	dirOnce.Do(func() {
		dir, dirErr = LoadDirectory()
		if dirErr != nil {
			dir, _ = NewDirectory(&ContactsFile{}, nil)
		}
	})
	return dir
}

// directoryKeys returns the catalog messages the directory adds in lang:
// country.<CODE>, contact.<id>, contact.<id>.note, org.<code> and
// org.<code>.city, so dialogs name them like any other message.
func directoryKeys(d *Directory, lang string) map[string]string {
	m := map[string]string{}
	for _, c := range d.Countries {
		m["country."+c.Code] = c.Name.In(lang)
		for _, k := range c.Contacts {
			m["contact."+k.ID] = k.Name.In(lang)
			if k.Note != nil {
				m["contact."+k.ID+".note"] = k.Note.In(lang)
			}
		}
	}
	for _, o := range d.Orgs {
		m["org."+strings.ToLower(o.Code)] = o.Name.In(lang)
		m["org."+strings.ToLower(o.Code)+".city"] = o.City.In(lang)
	}
	return m
}
