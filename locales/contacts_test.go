package locales

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestContactFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "contacts", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			r, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			_, err = DecodeContacts(r)
			wantErr := strings.HasPrefix(name, "bad_")
			if (err != nil) != wantErr {
				t.Errorf("DecodeContacts(%s) error = %v, want error %v", name, err, wantErr)
			}
		})
	}
}

func TestCheckPhone(t *testing.T) {
	tests := []struct {
		phone, country string
		ok             bool
	}{
		{"110", "CN", true},
		{"96110", "CN", true},
		{"#9110", "JP", true},
		{"131 444", "AU", true},
		{"000", "AU", true},
		{"+86-10-12308", "CN", true},
		{"+1-213-8078052", "US", true},
		{"+44 300 123 2040", "GB", true},
		{"1800 595 160", "AU", true},
		{"+86 110", "CN", false},         // a short code is never dialled with +
		{"+1 800 123", "US", false},      // too short for the plan
		{"+1-213-80780520", "US", false}, // one digit too many
		{"1", "CN", false},
		{"12345678", "US", false}, // neither a short code nor a US number
		{"call 110", "CN", false},
		{"+86--10-12308", "CN", false},
		{"", "CN", false},
		{"110#", "CN", false},
	}
	for _, tt := range tests {
		err := CheckPhone(tt.phone, tt.country)
		if (err == nil) != tt.ok {
			t.Errorf("CheckPhone(%q, %s) = %v, want ok %v", tt.phone, tt.country, err, tt.ok)
		}
	}
}

// The countries issue 4 asks for: where most Chinese students live.
var requiredCountries = []string{"CN", "HK", "MO", "US", "GB", "CA", "AU", "FR", "DE", "JP", "SG", "MY", "KR", "NZ"}

func TestEmbeddedDirectory(t *testing.T) {
	d, err := LoadDirectory()
	if err != nil {
		t.Fatalf("LoadDirectory: %v", err)
	}
	var codes []string
	for _, c := range d.Countries {
		codes = append(codes, c.Code)
	}
	t.Logf("countries in contacts.json (%d): %s", len(codes), strings.Join(codes, " "))
	for _, code := range requiredCountries {
		if d.Country(code) == nil {
			t.Errorf("contacts.json has no %s", code)
		}
	}
	// Mainland China's numbers are the ones the dialogs name in every
	// "already paid" path; they must come from the data.
	if k := d.FirstOfKind("CN", KindEmergency); k == nil || k.Phone != "110" {
		t.Errorf("CN emergency contact = %+v, want phone 110", k)
	}
	if k := d.FirstOfKind("CN", KindAntiFraudHotline); k == nil || k.Phone != "96110" {
		t.Errorf("CN anti-fraud hotline = %+v, want phone 96110", k)
	}
	if k := d.Consular(); k == nil || k.Phone != ConsularHotline {
		t.Errorf("consular hotline = %+v, want phone %s", k, ConsularHotline)
	}
	if Dir() != nil && len(Dir().Countries) != len(d.Countries) {
		t.Errorf("Dir() has %d countries, LoadDirectory %d", len(Dir().Countries), len(d.Countries))
	}
}

func TestOrgsValidate(t *testing.T) {
	contacts := &ContactsFile{Countries: []Country{{
		Code: "US", Name: Names{ZH: "美国", EN: "United States"},
		Contacts: []Contact{{ID: "us-x", Kind: KindConsulate, Name: Names{ZH: "领馆", EN: "Consulate"},
			Phone: "+1-213-8078052", Source: "https://example.gov/x", Tier: TierGov, Published: "2026-01", Checked: "2026-11-22"}},
	}}}
	good := Org{Code: "la-union", Name: Names{ZH: "学联", EN: "Union"}, Country: "US",
		City: Names{ZH: "洛杉矶", EN: "Los Angeles"}, Contacts: []string{"us-x"}}
	tests := []struct {
		name string
		edit func(o *Org)
		ok   bool
	}{
		{"good", func(*Org) {}, true},
		{"unknown contact", func(o *Org) { o.Contacts = []string{"us-y"} }, false},
		{"no contacts", func(o *Org) { o.Contacts = nil }, false},
		{"unknown country", func(o *Org) { o.Country = "XX" }, false},
		{"code with space", func(o *Org) { o.Code = "la union" }, false},
		{"code too long", func(o *Org) { o.Code = strings.Repeat("a", 65) }, false},
		{"name in one language", func(o *Org) { o.Name.EN = "" }, false},
	}
	for _, tt := range tests {
		o := good
		tt.edit(&o)
		d, err := NewDirectory(contacts, &OrgsFile{Orgs: []Org{o}})
		if (err == nil) != tt.ok {
			t.Errorf("%s: NewDirectory error = %v, want ok %v", tt.name, err, tt.ok)
			continue
		}
		if tt.ok && d.Org("LA-UNION") == nil {
			t.Errorf("%s: Org(LA-UNION) = nil, want the org (codes match without case)", tt.name)
		}
	}
	if _, err := NewDirectory(contacts, &OrgsFile{Orgs: []Org{good, good}}); err == nil {
		t.Errorf("duplicate org code: NewDirectory error = nil, want an error")
	}
}

func TestOrgsFileStrict(t *testing.T) {
	if _, err := DecodeOrgs(strings.NewReader(`{"orgs":[{"code":"a","phone":"110"}]}`)); err == nil {
		t.Errorf("DecodeOrgs with an unknown key: error = nil, want an error")
	}
	b, err := dataFS.ReadFile("orgs.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeOrgs(strings.NewReader(string(b))); err != nil {
		t.Errorf("orgs.json: %v", err)
	}
}

func TestCatalogsMatch(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	zh, en := c.Keys(ZH), c.Keys(EN)
	for _, k := range en {
		if !c.Has(ZH, k) {
			t.Errorf("key %q is in en only", k)
		}
	}
	for _, k := range zh {
		if !c.Has(EN, k) {
			t.Errorf("key %q is in zh only", k)
		}
	}
	for _, k := range en {
		pz, pe := sorted(c.Params(ZH, k)), sorted(c.Params(EN, k))
		if strings.Join(pz, ",") != strings.Join(pe, ",") {
			t.Errorf("key %q: params zh %v, en %v, want the same", k, pz, pe)
		}
		for _, lang := range Langs {
			params := map[string]string{}
			for _, p := range c.Params(lang, k) {
				params[p] = "x"
			}
			s, err := c.Render(lang, k, params)
			if err != nil {
				t.Errorf("render %s %q: %v", lang, k, err)
			}
			if strings.TrimSpace(s) == "" && !strings.HasPrefix(k, "contact.") {
				t.Errorf("render %s %q: empty", lang, k)
			}
		}
	}
}

// No phone number may be written into the conversation's messages:
// numbers come from contacts.json only, where each carries its source.
func TestMessagesHoldNoNumbers(t *testing.T) {
	number := regexp.MustCompile(`[0-9][0-9 -]*[0-9]`)
	for _, lang := range Langs {
		f := "catalog/" + lang + "/dialogs.json"
		b, err := catalogFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range number.FindAllString(string(b), -1) {
			if n := len(strings.Map(keepDigits, m)); n >= 3 {
				t.Errorf("%s holds %q: put numbers in contacts.json with a source", f, m)
			}
		}
	}
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// TestSourceAge lists, without failing, the entries whose source is older
// than three years or shows no date: the ones to re-check first (see the
// README's help-contacts section). Ages are counted to the newest
// "checked" day in the file, so the list does not change with the clock.
func TestSourceAge(t *testing.T) {
	d, err := LoadDirectory()
	if err != nil {
		t.Fatal(err)
	}
	var asOf time.Time
	for _, c := range d.Countries {
		for _, k := range c.Contacts {
			if checked, _ := time.Parse(time.DateOnly, k.Checked); checked.After(asOf) {
				asOf = checked
			}
		}
	}
	limit := asOf.AddDate(-3, 0, 0)
	var old []string
	for _, c := range d.Countries {
		for _, k := range c.Contacts {
			published, err := ParsePublished(k.Published)
			if err != nil {
				t.Fatalf("%s: %v", k.ID, err)
			}
			// A month or a year counts from its last day: "2023-12" is
			// not older than 2023-12-04.
			switch len(k.Published) {
			case len("2006-01"):
				published = published.AddDate(0, 1, -1)
			case len("2006"):
				published = published.AddDate(1, 0, -1)
			}
			if published.Before(limit) {
				old = append(old, fmt.Sprintf("%s (%s, %s)", k.ID, k.Published, k.Source))
			}
		}
	}
	t.Logf("as of %s: %d entries with a source older than three years:\n  %s", asOf.Format(time.DateOnly), len(old), strings.Join(old, "\n  "))
}

// sourcesRow is a row of the audit table in CONTACTS_SOURCES.md:
// | region | `id` | number or URL | tier | published | checked | ...
var sourcesRow = regexp.MustCompile("^\\| ([A-Z]{2}) \\| `([a-z0-9-]+)` \\| `([^`]+)` \\| ([a-z-]+) \\| ([0-9-]+) \\| ([0-9-]+) \\|")

// TestSourcesDocumented keeps CONTACTS_SOURCES.md true: one row per entry
// with its number, tier and dates as contacts.json has them, and a header
// that counts them.
func TestSourcesDocumented(t *testing.T) {
	d, err := LoadDirectory()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("CONTACTS_SOURCES.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if m := sourcesRow.FindStringSubmatch(line); m != nil {
			if rows[m[2]] != nil {
				t.Errorf("CONTACTS_SOURCES.md: %s has two rows", m[2])
			}
			rows[m[2]] = m[1:]
		}
	}
	entries := 0
	for _, c := range d.Countries {
		for _, k := range c.Contacts {
			entries++
			row := rows[k.ID]
			if row == nil {
				t.Errorf("CONTACTS_SOURCES.md has no row for %s", k.ID)
				continue
			}
			delete(rows, k.ID)
			value := k.Phone
			if value == "" {
				value = k.URL
			}
			want := []string{c.Code, k.ID, value, k.Tier, k.Published, k.Checked}
			if strings.Join(row, "|") != strings.Join(want, "|") {
				t.Errorf("CONTACTS_SOURCES.md row for %s = %v, want %v", k.ID, row, want)
			}
		}
	}
	for id := range rows {
		t.Errorf("CONTACTS_SOURCES.md has a row for %s, which contacts.json does not hold", id)
	}
	header := regexp.MustCompile(`\*\*([0-9]+) entries in ([0-9]+) regions\*\*`).FindStringSubmatch(string(b))
	if header == nil || header[1] != fmt.Sprint(entries) || header[2] != fmt.Sprint(len(d.Countries)) {
		t.Errorf("CONTACTS_SOURCES.md header counts %v, want **%d entries in %d regions**", header, entries, len(d.Countries))
	}
}

// A place name must lead to one place: a city named in two countries
// would show the wrong numbers, so the directory refuses it.
func TestPlaces(t *testing.T) {
	contact := func(id string) Contact {
		return Contact{ID: id, Kind: KindEmergency, Name: Names{ZH: "报警", EN: "Police"}, Phone: "112",
			Source: "https://example.gov/x", Tier: TierGov, Published: "2026-01", Checked: "2026-11-22"}
	}
	country := func(code, en, zh string, cities ...City) Country {
		return Country{Code: code, Name: Names{ZH: zh, EN: en}, Cities: cities, Contacts: []Contact{contact(strings.ToLower(code) + "-112")}}
	}
	good := &ContactsFile{Countries: []Country{
		country("DE", "Germany", "德国", City{EN: "Berlin", ZH: "柏林"}, City{EN: "Munich", ZH: "慕尼黑", Also: []string{"München"}}),
		country("SG", "Singapore", "新加坡", City{EN: "Singapore", ZH: "新加坡"}),
	}}
	d, err := NewDirectory(good, nil)
	if err != nil {
		t.Fatalf("NewDirectory: %v", err)
	}
	tests := []struct {
		name string
		want Place
		ok   bool
	}{
		{"Berlin", Place{Country: "DE", City: "Berlin"}, true},
		{" berlin ", Place{Country: "DE", City: "Berlin"}, true},
		{"ＢＥＲＬＩＮ", Place{Country: "DE", City: "Berlin"}, true},
		{"柏林", Place{Country: "DE", City: "Berlin"}, true},
		{"münchen", Place{Country: "DE", City: "Munich"}, true},
		{"de", Place{Country: "DE"}, true},
		{"Germany", Place{Country: "DE"}, true},
		{"Singapore", Place{Country: "SG"}, true}, // the country, not its city
		{"Hamburg", Place{}, false},
		{"", Place{}, false},
		{"!!!", Place{}, false},
	}
	for _, tt := range tests {
		got, ok := d.FindPlace(tt.name)
		if ok != tt.ok || got != tt.want {
			t.Errorf("FindPlace(%q) = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	twice := &ContactsFile{Countries: []Country{
		country("GB", "United Kingdom", "英国", City{EN: "Hamilton", ZH: "汉密尔顿"}),
		country("NZ", "New Zealand", "新西兰", City{EN: "Hamilton", ZH: "哈密尔顿"}),
	}}
	if _, err := NewDirectory(twice, nil); err == nil {
		t.Errorf("a city named in two countries: NewDirectory error = nil, want an error")
	}
}

// Every city with a Chinese mission in the directory is a place people can
// type, in both languages.
func TestMissionCitiesArePlaces(t *testing.T) {
	d, err := LoadDirectory()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Countries {
		zh := map[string]string{}
		for _, city := range c.Cities {
			zh[city.EN] = city.ZH
		}
		for _, k := range c.Contacts {
			if k.City == "" {
				continue
			}
			if p, ok := d.FindPlace(k.City); !ok || p.Country != c.Code {
				t.Errorf("%s: city %q of %s is not a place of %s (got %+v)", k.ID, k.City, c.Code, c.Code, p)
			}
			if zh[k.City] == "" {
				t.Errorf("%s: city %q has no Chinese name in %s's cities", k.ID, k.City, c.Code)
			}
		}
	}
}

// TestContactByPhone finds a listed number typed in the ways people type
// it, and no listing for a number two listings share or none holds.
func TestContactByPhone(t *testing.T) {
	d, err := LoadDirectory()
	if err != nil {
		t.Fatal(err)
	}
	consular := d.Consular()
	if consular == nil {
		t.Skip("no consular hotline in the directory")
	}
	for _, tt := range []struct {
		typed  string
		wantID string
	}{
		{"+86-10-12308", consular.ID},
		{"+86 10 12308", consular.ID},
		{"0086 10 12308", consular.ID},
		{"010 12308", consular.ID},
		{"12308", consular.ID},
		{"999", ""},              // the UK's and Hong Kong's emergency number
		{"+44 20 7946 0018", ""}, // listed nowhere
		{"12", ""},
	} {
		got := ""
		if k := d.ContactByPhone(tt.typed); k != nil {
			got = k.ID
		}
		if got != tt.wantID {
			t.Errorf("ContactByPhone(%q): got %q, want %q", tt.typed, got, tt.wantID)
		}
	}
}
