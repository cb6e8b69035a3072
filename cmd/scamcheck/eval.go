package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/scamcheck/scamcheck/classifier"
)

// evalCounts are the figures of one file or of all files. Positive means
// the verdict is flagged (level medium or high). Spam rows are counted
// apart: flagging spam is neither a hit nor a false alarm.
type evalCounts struct {
	N         int      `json:"n"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	TN        int      `json:"tn"`
	FN        int      `json:"fn"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	// FPR is the false-positive rate on benign rows.
	FPR         *float64 `json:"fpr"`
	Spam        int      `json:"spam"`
	SpamFlagged int      `json:"spam_flagged"`
	// SpamFlaggedShare is the share of spam rows flagged.
	SpamFlaggedShare *float64 `json:"spam_flagged_share"`
}

func (c *evalCounts) add(label string, flagged bool) {
	c.N++
	switch {
	case label == "scam" && flagged:
		c.TP++
	case label == "scam":
		c.FN++
	case label == "benign" && flagged:
		c.FP++
	case label == "benign":
		c.TN++
	case label == "spam":
		c.Spam++
		if flagged {
			c.SpamFlagged++
		}
	}
}

func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	r := float64(a) / float64(b)
	return &r
}

func (c *evalCounts) finish() {
	c.Precision = ratio(c.TP, c.TP+c.FP)
	c.Recall = ratio(c.TP, c.TP+c.FN)
	c.FPR = ratio(c.FP, c.FP+c.TN)
	c.SpamFlaggedShare = ratio(c.SpamFlagged, c.Spam)
}

// evalTargets are the per-file goals (classifier/targets.json).
type evalTargets struct {
	Comment string                `json:"_comment"`
	Files   map[string]fileTarget `json:"files"`
	// HeldOut are the targets of `scamcheck loso`, per training source: the
	// rules with a model trained without that source, measured on it.
	HeldOut map[string]fileTarget `json:"held_out,omitempty"`
}

type fileTarget struct {
	MinRecall *float64 `json:"min_recall"`
	MaxFPR    *float64 `json:"max_fpr"`
}

type evalRow struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	// Type is the kind of scam or of genuine message, where the set says.
	Type string `json:"type"`
	// Source is the upstream set; the file's name where the row has none.
	Source string `json:"source"`
}

// evalError is one misclassified row, for whoever maintains the rules.
type evalError struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Label   string   `json:"label"`
	Level   string   `json:"level"`
	Score   float64  `json:"score"`
	Signals []string `json:"signals"`
	Text    string   `json:"text"`
}

// runEval measures the classifier on labelled JSONL files.
func runEval(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	nErrors := fs.Int("errors", 0, "list the first `N` misclassified texts")
	targetsPath := fs.String("targets", "", "JSON `file` of per-file targets; exit non-zero when one is missed")
	rulesOnly := fs.Bool("rules-only", false, "measure the rules without the learned model")
	devDir := fs.String("dev", "", "where the public dev sets are, when no FILE is named (`dir`; default ../shared/datasets/dev or $SCAMCHECK_DEV_DATA)")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck eval [--json] [--errors N] [--targets FILE] [--rules-only] [FILE.jsonl...]")
		fmt.Fprintln(sio.err, "Without FILE: the public dev sets, if present, and the project's written sets (run from the repository root).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		var err error
		if paths, err = defaultEvalFiles(*devDir, sio); err != nil {
			return err
		}
	}
	targets, err := readTargets(*targetsPath)
	if err != nil {
		return err
	}
	c, err := classifier.New()
	if *rulesOnly {
		c, err = classifier.NewWithModel(nil)
	}
	if err != nil {
		return fmt.Errorf("load classifier: %w", err)
	}
	total := &evalCounts{}
	// By upstream source, and by label and type ("scam/phishing",
	// "benign/bank_alert"): a total hides which kinds are missed.
	bySource, byType := map[string]*evalCounts{}, map[string]*evalCounts{}
	files := map[string]*evalCounts{}
	var order []string
	var errs []evalError
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := filepath.Base(path)
		if _, dup := files[name]; dup {
			return fmt.Errorf("%s: two files named %s", path, name)
		}
		counts := &evalCounts{}
		files[name] = counts
		order = append(order, name)
		// A blind set is worth something only while nobody tuning the
		// rules has seen its errors: its figures count, its rows are
		// never listed.
		blind := filepath.Base(filepath.Dir(path)) == "blind"
		if blind && *nErrors > 0 {
			fmt.Fprintf(sio.err, "eval: %s is a blind set: its errors are not listed\n", name)
		}
		err := readRows(path, func(line int, r evalRow) error {
			switch r.Label {
			case "scam", "benign", "spam":
			default:
				return fmt.Errorf("line %d: unknown label %q", line, r.Label)
			}
			v := c.Classify(r.Text)
			flagged := v.Level.Flagged()
			counts.add(r.Label, flagged)
			total.add(r.Label, flagged)
			src := r.Source
			if src == "" {
				src = strings.TrimSuffix(name, ".jsonl")
			}
			countIn(bySource, src, r.Label, flagged)
			typ := r.Type
			if typ == "" {
				typ = "-"
			}
			countIn(byType, r.Label+"/"+typ, r.Label, flagged)
			wrong := r.Label == "scam" && !flagged || r.Label == "benign" && flagged
			if wrong && !blind && len(errs) < *nErrors {
				ids := make([]string, len(v.Signals))
				for i, s := range v.Signals {
					ids[i] = s.ID
				}
				errs = append(errs, evalError{name, line, r.Label, v.Level.String(), v.Score, ids, r.Text})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		counts.finish()
	}
	total.finish()
	for _, m := range []map[string]*evalCounts{bySource, byType} {
		for _, c := range m {
			c.finish()
		}
	}

	if *asJSON {
		enc := json.NewEncoder(sio.out)
		enc.SetEscapeHTML(false)
		out := struct {
			Total   *evalCounts            `json:"total"`
			Files   map[string]*evalCounts `json:"files"`
			Sources map[string]*evalCounts `json:"sources"`
			Types   map[string]*evalCounts `json:"types"`
			Errors  []evalError            `json:"errors,omitempty"`
		}{total, files, bySource, byType, errs}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	} else {
		printEvalTable(sio.out, "file", order, files, total)
		fmt.Fprintln(sio.out)
		printEvalTable(sio.out, "source", sortedKeys(bySource), bySource, nil)
		fmt.Fprintln(sio.out)
		printEvalTable(sio.out, "label/type", sortedKeys(byType), byType, nil)
		for _, e := range errs {
			fmt.Fprintf(sio.out, "\n%s:%d %s → %s (%.2f) %v\n  %s\n", e.File, e.Line, e.Label, e.Level, e.Score, e.Signals, e.Text)
		}
	}
	if targets != nil {
		if missed := checkTargets(targets, order, files); len(missed) > 0 {
			for _, m := range missed {
				fmt.Fprintln(sio.err, "target missed:", m)
			}
			return fmt.Errorf("%d target(s) missed", len(missed))
		}
		fmt.Fprintln(sio.err, "eval: all targets met")
	}
	return nil
}

// decodeStrictJSON decodes one JSON value, refusing unknown keys.
func decodeStrictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// readStrictJSON decodes the JSON file at path into v, refusing unknown
// keys; what names the file in errors.
func readStrictJSON(path, what string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	if err := decodeStrictJSON(b, v); err != nil {
		return fmt.Errorf("decode %s %s: %w", what, path, err)
	}
	return nil
}

// readRows calls fn for each JSONL row of path.
func readRows(path string, fn func(line int, r evalRow) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			var r evalRow
			if jerr := json.Unmarshal(b, &r); jerr != nil {
				return fmt.Errorf("line %d: %w", line, jerr)
			}
			if ferr := fn(line, r); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// checkTargets lists each target a file misses; a target for a file that
// was not evaluated is not checked.
func checkTargets(t *evalTargets, order []string, files map[string]*evalCounts) []string {
	var missed []string
	names := make([]string, 0, len(t.Files))
	for n := range t.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c, ok := files[n]
		if !ok {
			continue
		}
		ft := t.Files[n]
		if ft.MinRecall != nil && (c.Recall == nil || *c.Recall < *ft.MinRecall) {
			missed = append(missed, fmt.Sprintf("%s recall %s < %.3f", n, fmtRatio(c.Recall), *ft.MinRecall))
		}
		if ft.MaxFPR != nil && (c.FPR == nil || *c.FPR > *ft.MaxFPR) {
			missed = append(missed, fmt.Sprintf("%s fpr %s > %.3f", n, fmtRatio(c.FPR), *ft.MaxFPR))
		}
	}
	return missed
}

func fmtRatio(r *float64) string {
	if r == nil || math.IsNaN(*r) {
		return "-"
	}
	return fmt.Sprintf("%.3f", *r)
}

// printEvalTable prints one line per name in order, and total unless nil.
func printEvalTable(w io.Writer, head string, order []string, files map[string]*evalCounts, total *evalCounts) {
	fmt.Fprintf(w, "%-32s %6s %5s %5s %5s %5s %9s %7s %7s %6s %11s\n",
		head, "n", "tp", "fp", "tn", "fn", "precision", "recall", "fpr", "spam", "spam_flag")
	line := func(name string, c *evalCounts) {
		fmt.Fprintf(w, "%-32s %6d %5d %5d %5d %5d %9s %7s %7s %6d %11s\n",
			name, c.N, c.TP, c.FP, c.TN, c.FN, fmtRatio(c.Precision), fmtRatio(c.Recall), fmtRatio(c.FPR), c.Spam, fmtRatio(c.SpamFlaggedShare))
	}
	for _, n := range order {
		line(n, files[n])
	}
	if total != nil {
		line("total", total)
	}
}

// countIn counts a row under key of m.
func countIn(m map[string]*evalCounts, key, label string, flagged bool) {
	c := m[key]
	if c == nil {
		c = &evalCounts{}
		m[key] = c
	}
	c.add(label, flagged)
}

func sortedKeys(m map[string]*evalCounts) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// The project's own labelled messages, relative to the repository root.
const (
	writtenGlob      = "classifier/testdata/messages/*.jsonl"
	writtenBlindGlob = "classifier/testdata/messages/blind/*.jsonl"
)

// defaultEvalFiles lists what eval measures when no file is named: the
// public dev sets (see ../shared/datasets/README.md for where each comes
// from) when they are present, and always the project's written sets.
func defaultEvalFiles(devDir string, sio stdio) ([]string, error) {
	if devDir == "" {
		devDir = sio.getenv("SCAMCHECK_DEV_DATA")
	}
	if devDir == "" {
		devDir = filepath.Join("..", "shared", "datasets", "dev")
	}
	dev, _ := filepath.Glob(filepath.Join(devDir, "*.jsonl"))
	if len(dev) == 0 {
		fmt.Fprintf(sio.err, "eval: no public dev sets in %s (see the README for where they come from); measuring the project's written sets only\n", devDir)
	}
	written, _ := filepath.Glob(writtenGlob)
	blind, _ := filepath.Glob(writtenBlindGlob)
	files := append(append(dev, written...), blind...)
	if len(written) == 0 {
		return nil, fmt.Errorf("no labelled sets found: run from the repository root, or name the files (%s)", writtenGlob)
	}
	return files, nil
}
