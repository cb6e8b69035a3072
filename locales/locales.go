// Package locales holds every user-facing string of ScamCheck in Chinese
// (simplified) and English, embedded in the binary.
//
// Messages are flat: a key maps to a template in which {name} is replaced by
// a parameter. A template that names a parameter the caller did not pass is
// an error, so a half-rendered sentence never reaches a person.
//
// It also holds the help directory (contacts.json: emergency, police,
// fraud-report and consular numbers per place, each with its source;
// orgs.json: organisations' start codes). Its names become messages
// (country.<CODE>, contact.<id>, contact.<id>.note, org.<code>), and every
// number is validated at load, so a malformed one stops the program at
// start-up instead of reaching a frightened person.
package locales

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Languages ScamCheck speaks. The first is the fallback.
const (
	EN = "en"
	ZH = "zh"
)

// Langs lists the supported languages.
var Langs = []string{EN, ZH}

// Each language is a folder of JSON files, merged at load: dialogs.json for
// the conversation, signals.json for the classifier's explanations and type
// names. A key defined twice is an error.
//
//go:embed catalog
var catalogFS embed.FS

// Catalog maps language → key → template.
type Catalog struct {
	msgs map[string]map[string]string
}

// Load decodes the embedded catalogs and the help directory, whose names
// (countries, contacts, organisations) become messages too.
func Load() (*Catalog, error) {
	// Dir decodes the directory once for the catalog and the dialogs
	// alike; its error is kept so that start-up stops on invalid files.
	d := Dir()
	if dirErr != nil {
		return nil, dirErr
	}
	return LoadWith(d)
}

// LoadWith decodes the embedded catalogs with the names of directory d
// (tests pass a fixed directory, so their transcripts do not change when
// contacts.json does).
func LoadWith(d *Directory) (*Catalog, error) {
	c := &Catalog{msgs: map[string]map[string]string{}}
	for _, lang := range Langs {
		files, err := fs.Glob(catalogFS, "catalog/"+lang+"/*.json")
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("no %s catalog files: %v", lang, err)
		}
		merged := map[string]string{}
		for _, f := range files {
			b, err := catalogFS.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", f, err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("decode %s: %w", f, err)
			}
			for k, v := range m {
				if _, dup := merged[k]; dup {
					return nil, fmt.Errorf("%s: key %q defined twice", f, k)
				}
				merged[k] = v
			}
		}
		for k, v := range directoryKeys(d, lang) {
			if _, dup := merged[k]; dup {
				return nil, fmt.Errorf("help directory: key %q also defined in a catalog file", k)
			}
			merged[k] = v
		}
		c.msgs[lang] = merged
	}
	return c, nil
}

// MustLoad is Load for package-level initialisation; the catalogs are
// embedded, so a failure is a build defect caught by the package tests.
func MustLoad() *Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// Normalize maps a Telegram language_code (or any BCP 47 tag) to a
// supported language: zh* → zh, anything else → en.
func Normalize(code string) string {
	if strings.HasPrefix(strings.ToLower(code), "zh") {
		return ZH
	}
	return EN
}

// WithMessages returns a copy of c in which msgs (language → key →
// template) are added or replace existing ones. Tests use it to pin
// wording owned elsewhere; the program never needs it.
func (c *Catalog) WithMessages(msgs map[string]map[string]string) *Catalog {
	out := &Catalog{msgs: map[string]map[string]string{}}
	for lang, m := range c.msgs {
		cp := make(map[string]string, len(m))
		for k, v := range m {
			cp[k] = v
		}
		for k, v := range msgs[lang] {
			cp[k] = v
		}
		out.msgs[lang] = cp
	}
	return out
}

// Has reports whether key exists in lang.
func (c *Catalog) Has(lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// Keys returns the sorted keys of lang.
func (c *Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c.msgs[lang]))
	for k := range c.msgs[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Render fills the template of key in lang with params.
func (c *Catalog) Render(lang, key string, params map[string]string) (string, error) {
	tmpl, ok := c.msgs[lang][key]
	if !ok {
		return "", fmt.Errorf("message %q missing in %s", key, lang)
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String(), nil
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("message %q in %s: unclosed {", key, lang)
		}
		name := tmpl[i+1 : i+j]
		val, ok := params[name]
		if !ok {
			return "", fmt.Errorf("message %q in %s: parameter %q not given", key, lang, name)
		}
		b.WriteString(tmpl[:i])
		b.WriteString(val)
		tmpl = tmpl[i+j+1:]
	}
}

// Params returns the parameter names a template of key in lang uses.
func (c *Catalog) Params(lang, key string) []string {
	tmpl := c.msgs[lang][key]
	var names []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, tmpl[i+1:i+j])
		tmpl = tmpl[i+j+1:]
	}
}
