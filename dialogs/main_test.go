package dialogs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// Transcripts and property tests run against a fixed help directory (a
// snapshot of sourced entries from contacts.json) and fixed wording for
// the classifier's messages, so they change only when this package or its
// own catalog does. TestRealData checks the embedded directory.
var (
	fixtureDir *locales.Directory
	catalog    *locales.Catalog // fixture directory and signal wording
	realCat    *locales.Catalog // what the program ships
)

func TestMain(m *testing.M) {
	if err := loadFixtures(); err != nil {
		fmt.Fprintln(os.Stderr, "dialogs tests:", err)
		os.Exit(1)
	}
	directory = func() *locales.Directory { return fixtureDir }
	os.Exit(m.Run())
}

func loadFixtures() error {
	dir := filepath.Join("testdata", "directory")
	cf, err := os.Open(filepath.Join(dir, "contacts.json"))
	if err != nil {
		return err
	}
	defer cf.Close()
	contacts, err := locales.DecodeContacts(cf)
	if err != nil {
		return fmt.Errorf("fixture contacts: %w", err)
	}
	of, err := os.Open(filepath.Join(dir, "orgs.json"))
	if err != nil {
		return err
	}
	defer of.Close()
	orgs, err := locales.DecodeOrgs(of)
	if err != nil {
		return fmt.Errorf("fixture orgs: %w", err)
	}
	if fixtureDir, err = locales.NewDirectory(contacts, orgs); err != nil {
		return fmt.Errorf("fixture directory: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "signals.json"))
	if err != nil {
		return err
	}
	var signals map[string]map[string]string
	if err := json.Unmarshal(b, &signals); err != nil {
		return fmt.Errorf("fixture signals: %w", err)
	}
	base, err := locales.LoadWith(fixtureDir)
	if err != nil {
		return err
	}
	catalog = base.WithMessages(signals)
	if realCat, err = locales.Load(); err != nil {
		return err
	}
	return nil
}
