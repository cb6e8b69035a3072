package main

import (
	"bufio"
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
}

type fileTarget struct {
	MinRecall *float64 `json:"min_recall"`
	MaxFPR    *float64 `json:"max_fpr"`
}

type evalRow struct {
	Text  string `json:"text"`
	Label string `json:"label"`
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
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck eval [--json] [--errors N] [--targets FILE] FILE.jsonl...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var targets *evalTargets
	if *targetsPath != "" {
		b, err := os.ReadFile(*targetsPath)
		if err != nil {
			return fmt.Errorf("read targets: %w", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		targets = &evalTargets{}
		if err := dec.Decode(targets); err != nil {
			return fmt.Errorf("decode targets %s: %w", *targetsPath, err)
		}
	}
	c, err := classifier.New()
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	total := &evalCounts{}
	files := map[string]*evalCounts{}
	var order []string
	var errs []evalError
	for _, path := range fs.Args() {
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
			wrong := r.Label == "scam" && !flagged || r.Label == "benign" && flagged
			if wrong && len(errs) < *nErrors {
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

	if *asJSON {
		enc := json.NewEncoder(sio.out)
		enc.SetEscapeHTML(false)
		out := struct {
			Total  *evalCounts            `json:"total"`
			Files  map[string]*evalCounts `json:"files"`
			Errors []evalError            `json:"errors,omitempty"`
		}{total, files, errs}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	} else {
		printEvalTable(sio.out, order, files, total)
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

func printEvalTable(w io.Writer, order []string, files map[string]*evalCounts, total *evalCounts) {
	fmt.Fprintf(w, "%-20s %6s %5s %5s %5s %5s %9s %7s %7s %6s %11s\n",
		"file", "n", "tp", "fp", "tn", "fn", "precision", "recall", "fpr", "spam", "spam_flag")
	line := func(name string, c *evalCounts) {
		fmt.Fprintf(w, "%-20s %6d %5d %5d %5d %5d %9s %7s %7s %6d %11s\n",
			name, c.N, c.TP, c.FP, c.TN, c.FN, fmtRatio(c.Precision), fmtRatio(c.Recall), fmtRatio(c.FPR), c.Spam, fmtRatio(c.SpamFlaggedShare))
	}
	for _, n := range order {
		line(n, files[n])
	}
	line("total", total)
}
