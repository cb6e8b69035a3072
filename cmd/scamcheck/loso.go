package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/scamcheck/scamcheck/classifier"
)

// losoLine is the figures of one held-out source: the rules alone, and the
// rules with a model that never saw the source.
type losoLine struct {
	Source string `json:"source"`
	Rules  evalCounts
	Model  evalCounts
	// Hard counts the source's genuine look-alikes alone (model included).
	Hard evalCounts
	// Measure are the measuring-only files, classified with this model.
	Measure map[string]*evalCounts `json:"measure,omitempty"`
}

// runLOSO trains the model once without each source of the manifest and
// measures the rules with that model on the source left out: how the model
// does on data it has never seen. Files named after the flags (telecom_zh,
// nus_zh, nus_en, blind written sets: never trained on) are measured with
// each of those models too.
func runLOSO(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("loso", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	tf := addTrainFlags(fs)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	targetsPath := fs.String("targets", "", "JSON `file` with held_out targets per source; exit non-zero when one is missed")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck loso [flags] [MEASURE.jsonl...]   (from the repository root)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	cfg, err := tf.config()
	if err != nil {
		return err
	}
	targets, err := readTargets(*targetsPath)
	if err != nil {
		return err
	}
	man, err := tf.readManifest()
	if err != nil {
		return err
	}
	srcs, missing, err := loadSources(man, tf.paths())
	if err != nil {
		return err
	}
	for _, n := range missing {
		fmt.Fprintf(sio.err, "loso: source %s left out: the file is missing\n", n)
	}
	measure := map[string][]labelled{}
	var measureOrder []string
	for _, path := range fs.Args() {
		name := filepath.Base(path)
		err := readRows(path, func(line int, r evalRow) error {
			measure[name] = append(measure[name], labelled{text: r.Text, label: r.Label})
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		measureOrder = append(measureOrder, name)
	}
	rules, err := classifier.NewWithModel(nil)
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	var lines []losoLine
	for _, held := range srcs {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, _, err := trainOn(ctx, rules, srcs, held.Name, cfg)
		if err != nil {
			return fmt.Errorf("without %s: %w", held.Name, err)
		}
		withModel, err := classifier.NewWithModel(m)
		if err != nil {
			return fmt.Errorf("load rules: %w", err)
		}
		ln := losoLine{Source: held.Name, Measure: map[string]*evalCounts{}}
		for _, r := range held.rows {
			flagged := withModel.Classify(r.text).Level.Flagged()
			ln.Rules.add(r.label, rules.Classify(r.text).Level.Flagged())
			ln.Model.add(r.label, flagged)
			if r.hard {
				ln.Hard.add(r.label, flagged)
			}
		}
		for _, name := range measureOrder {
			c := &evalCounts{}
			for _, r := range measure[name] {
				c.add(r.label, withModel.Classify(r.text).Level.Flagged())
			}
			c.finish()
			ln.Measure[name] = c
		}
		ln.Rules.finish()
		ln.Model.finish()
		ln.Hard.finish()
		lines = append(lines, ln)
	}
	if *asJSON {
		enc := json.NewEncoder(sio.out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(lines); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	} else {
		printLOSO(sio.out, lines, measureOrder)
	}
	if targets != nil {
		var missed []string
		for _, ln := range lines {
			t, ok := targets.HeldOut[ln.Source]
			if !ok {
				continue
			}
			if t.MinRecall != nil && (ln.Model.Recall == nil || *ln.Model.Recall < *t.MinRecall) {
				missed = append(missed, fmt.Sprintf("held-out %s recall %s < %.3f", ln.Source, fmtRatio(ln.Model.Recall), *t.MinRecall))
			}
			if t.MaxFPR != nil && ln.Model.FPR != nil && *ln.Model.FPR > *t.MaxFPR {
				missed = append(missed, fmt.Sprintf("held-out %s fpr %s > %.3f", ln.Source, fmtRatio(ln.Model.FPR), *t.MaxFPR))
			}
		}
		for _, m := range missed {
			fmt.Fprintln(sio.err, "target missed:", m)
		}
		if len(missed) > 0 {
			return fmt.Errorf("%d target(s) missed", len(missed))
		}
		fmt.Fprintln(sio.err, "loso: all held-out targets met")
	}
	return nil
}

func printLOSO(w io.Writer, lines []losoLine, measure []string) {
	fmt.Fprintf(w, "%-14s %5s %12s %12s %6s %9s %9s %9s", "held out", "scams", "recall rules", "recall +model", "genuine", "fpr rules", "fpr +model", "fpr hard")
	for _, m := range measure {
		fmt.Fprintf(w, " %18s", m)
	}
	fmt.Fprintln(w)
	for _, ln := range lines {
		fmt.Fprintf(w, "%-14s %5d %12s %13s %7d %9s %10s %9s", ln.Source, ln.Model.TP+ln.Model.FN,
			fmtRatio(ln.Rules.Recall), fmtRatio(ln.Model.Recall), ln.Model.FP+ln.Model.TN,
			fmtRatio(ln.Rules.FPR), fmtRatio(ln.Model.FPR), fmtRatio(ln.Hard.FPR))
		for _, m := range measure {
			c := ln.Measure[m]
			fmt.Fprintf(w, " %18s", "r "+fmtRatio(c.Recall)+" f "+fmtRatio(c.FPR))
		}
		fmt.Fprintln(w)
	}
}

// readTargets decodes a targets file strictly; no path, no targets.
func readTargets(path string) (*evalTargets, error) {
	if path == "" {
		return nil, nil
	}
	var t evalTargets
	if err := readStrictJSON(path, "targets", &t); err != nil {
		return nil, err
	}
	return &t, nil
}
