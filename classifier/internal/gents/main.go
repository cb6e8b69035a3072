// Command gents generates the classifier's traditional → simplified Chinese
// character table from OpenCC's TSCharacters dictionary as installed by
// Debian's opencc packages (`apt-get install opencc`: libopencc1.1 ships
// /usr/share/opencc/TSCharacters.ocd2, opencc ships the opencc_dict tool that
// dumps it as text). OpenCC is Apache-2.0, by the OpenCC authors
// (https://github.com/BYVoid/OpenCC).
//
// The dictionary maps one traditional character to one or more simplified
// candidates; the first candidate is OpenCC's default and the one we keep.
// Only one-character keys and values are kept: the classifier folds
// characters one by one so that every byte of the folded text still maps back
// to the original message.
//
// Run it through `go generate ./classifier`. With -src it reads an already
// dumped text dictionary instead of running opencc_dict.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// debianOCD2 is where Debian's libopencc1.1 installs the dictionary.
const debianOCD2 = "/usr/share/opencc/TSCharacters.ocd2"

// minPairs guards against generating from the wrong dictionary: OpenCC's
// TSCharacters has a few thousand one-character mappings.
const minPairs = 1000

func main() {
	ocd2 := flag.String("ocd2", debianOCD2, "OpenCC TSCharacters.ocd2 to dump with opencc_dict")
	src := flag.String("src", "", "an already dumped TSCharacters text file (skips opencc_dict)")
	version := flag.String("version", "1.1.6", "Debian opencc package version the dictionary comes from, for the header")
	out := flag.String("o", "tstable.go", "generated Go file")
	pkg := flag.String("pkg", "classifier", "package name of the generated file")
	flag.Parse()

	text := *src
	if text == "" {
		dumped, cleanup, err := dump(*ocd2)
		if err != nil {
			log.Fatalf("gents: %v", err)
		}
		defer cleanup()
		text = dumped
	}
	f, err := os.Open(text)
	if err != nil {
		log.Fatalf("gents: %v", err)
	}
	defer f.Close()
	pairs, err := parse(f)
	if err != nil {
		log.Fatalf("gents: %s: %v", text, err)
	}
	if len(pairs) < minPairs {
		log.Fatalf("gents: %s: only %d mappings; wrong file?", text, len(pairs))
	}
	code, err := render(*pkg, *version, pairs)
	if err != nil {
		log.Fatalf("gents: %v", err)
	}
	if err := os.WriteFile(*out, code, 0o644); err != nil {
		log.Fatalf("gents: %v", err)
	}
}

// dump runs `opencc_dict -f ocd2 -t text` on ocd2 into a temporary file and
// returns its path and a function removing it.
func dump(ocd2 string) (string, func(), error) {
	const hint = "install Debian's opencc package (apt-get install opencc), or pass -src with a dumped TSCharacters.txt"
	if _, err := os.Stat(ocd2); err != nil {
		return "", nil, fmt.Errorf("dictionary %s: %w; %s", ocd2, err, hint)
	}
	tool, err := exec.LookPath("opencc_dict")
	if err != nil {
		return "", nil, fmt.Errorf("opencc_dict: %w; %s", err, hint)
	}
	dir, err := os.MkdirTemp("", "gents")
	if err != nil {
		return "", nil, fmt.Errorf("temporary directory: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	txt := filepath.Join(dir, "TSCharacters.txt")
	cmd := exec.Command(tool, "-i", ocd2, "-o", txt, "-f", "ocd2", "-t", "text")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("%s: %w: %s", strings.Join(cmd.Args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return txt, cleanup, nil
}

// pair is one traditional character and its default simplified form.
type pair struct{ trad, simp rune }

// parse reads OpenCC's "key<TAB>value value..." lines; '#' starts a comment.
// The result is sorted by traditional character; a key seen twice keeps its
// first line.
func parse(r io.Reader) ([]pair, error) {
	var pairs []pair
	seen := map[rune]bool{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		key, vals, ok := strings.Cut(text, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: no tab", line)
		}
		cands := strings.Fields(vals)
		if len(cands) == 0 {
			return nil, fmt.Errorf("line %d: no value", line)
		}
		if !utf8.ValidString(key) || !utf8.ValidString(cands[0]) {
			return nil, fmt.Errorf("line %d: not UTF-8", line)
		}
		if utf8.RuneCountInString(key) != 1 || utf8.RuneCountInString(cands[0]) != 1 {
			continue
		}
		t, _ := utf8.DecodeRuneInString(key)
		s, _ := utf8.DecodeRuneInString(cands[0])
		if t == s || seen[t] {
			continue
		}
		seen[t] = true
		pairs = append(pairs, pair{t, s})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	if len(pairs) == 0 {
		return nil, errors.New("no mappings")
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].trad < pairs[j].trad })
	return pairs, nil
}

// render writes the table as Go source.
func render(pkg, version string, pairs []pair) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by classifier/internal/gents from OpenCC's TSCharacters dictionary; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "// The data comes from Debian's opencc package %s (/usr/share/opencc/TSCharacters.ocd2),\n", version)
	fmt.Fprintf(&b, "// by the OpenCC authors (https://github.com/BYVoid/OpenCC), Apache License 2.0.\n\n")
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	fmt.Fprintf(&b, "// tsTable maps a traditional Chinese character to its default simplified\n// form (%d characters).\n", len(pairs))
	fmt.Fprintf(&b, "var tsTable = map[rune]rune{\n")
	for i, p := range pairs {
		fmt.Fprintf(&b, "0x%X: 0x%X,", p.trad, p.simp)
		if i%6 == 5 {
			b.WriteByte('\n')
		}
	}
	b.WriteString("\n}\n")
	return format.Source(b.Bytes())
}
