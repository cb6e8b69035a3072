package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/classifier/model"
)

// Where the learned model's training is described and recorded, relative to
// the repository root.
const (
	defaultManifest = "classifier/model/training.json"
	defaultWeights  = "classifier/model/weights.bin"
	defaultRecord   = "classifier/model/trained.json"
)

// trainManifest lists the sets the shipped model may learn from: only sets
// whose licence allows shipping weights derived from them (DATA.md).
type trainManifest struct {
	Comment string        `json:"_comment"`
	Sources []trainSource `json:"sources"`
}

// trainSource is one set. Files are relative to the repository root; $DEV
// and $TELEANTIFRAUD stand for the dev data and a TeleAntiFraud checkout.
type trainSource struct {
	Name    string `json:"name"`
	Licence string `json:"licence"`
	Credit  string `json:"credit,omitempty"`
	// Format is "jsonl" ({"text","label"} rows) or "teleantifraud" (its
	// dialogue files: the caller's opening turns make one message).
	Format string   `json:"format"`
	Files  []string `json:"files"`
	// Hard marks the set's genuine rows as look-alikes of scams (notices,
	// codes, warnings): the threshold is set on them.
	Hard bool `json:"hard_genuine"`
	// SpamAsGenuine trains on the set's spam rows (advertising) as
	// genuine messages: marketing is not fraud, and the model must learn
	// that a shop's offer is not a scam's lure.
	SpamAsGenuine bool `json:"spam_as_genuine,omitempty"`
	// Weight multiplies each row's weight (1 if zero): the project's own
	// sets are written in the voice of the bot's users and count more.
	Weight float64 `json:"weight,omitempty"`
	// MaxWeight caps the total weight of each label of the set, so one big
	// synthetic set does not drown the others; 0 is no cap.
	MaxWeight float64 `json:"max_weight,omitempty"`
}

// trainRecord is what a training run used and set, kept beside the
// weights so a test can retrain from the same data and compare.
type trainRecord struct {
	Comment string              `json:"_comment"`
	Sources []trainRecordSource `json:"sources"`
	Config  model.Config        `json:"config"`
	Report  model.Report        `json:"report"`
	Weights string              `json:"weights_sha256"`
}

type trainRecordSource struct {
	Name  string            `json:"name"`
	Files []trainRecordFile `json:"files"`
}

type trainRecordFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// trainPaths say where the sets are: the repository root, where the dev
// data and TeleAntiFraud are, and more roots to look in for files the
// repository does not have (a branch where new sets are being written).
type trainPaths struct {
	root, dev, teleAntiFraud string
	also                     []string
}

// resolve finds file: the path it names and whether it is there. A file
// under a directory that was not given ($TELEANTIFRAUD without
// -teleantifraud) is not there.
func (p trainPaths) resolve(file string) (string, bool) {
	unset := false
	expanded := os.Expand(file, func(k string) string {
		v := "$" + k
		switch k {
		case "DEV":
			v = p.dev
		case "TELEANTIFRAUD":
			v = p.teleAntiFraud
		}
		unset = unset || v == ""
		return v
	})
	if unset {
		return expanded, false
	}
	if filepath.IsAbs(expanded) {
		_, err := os.Stat(expanded)
		return expanded, err == nil
	}
	for _, r := range append([]string{p.root}, p.also...) {
		full := filepath.Join(r, expanded)
		if _, err := os.Stat(full); err == nil {
			return full, true
		}
	}
	return filepath.Join(p.root, expanded), false
}

// labelled is one training or measuring row.
type labelled struct {
	text string
	// label is the set's: scam, benign or spam (measured apart).
	label string
	// genuine marks a row trained on as genuine: benign, or spam where
	// the source says so.
	genuine bool
	hard    bool
}

// loadedSource is a set as read: its rows and the files they came from.
type loadedSource struct {
	trainSource
	rows  []labelled
	files []trainRecordFile
}

// loadSources reads every source of m whose files are present; a source
// with a missing file is left out and named in missing, with that file.
func loadSources(m *trainManifest, p trainPaths) (got []loadedSource, missing []string, err error) {
	for _, s := range m.Sources {
		ls := loadedSource{trainSource: s}
		seen := map[string]bool{}
		absent := ""
		for _, f := range s.Files {
			path, ok := p.resolve(f)
			if !ok {
				absent = f
				break
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, nil, fmt.Errorf("source %s: %w", s.Name, err)
			}
			sum := sha256.Sum256(b)
			n := 0
			add := func(text, label string) {
				n++
				if text == "" || seen[text] {
					return
				}
				seen[text] = true
				genuine := label == "benign" || label == "spam" && s.SpamAsGenuine
				ls.rows = append(ls.rows, labelled{text: text, label: label, genuine: genuine, hard: s.Hard && label == "benign"})
			}
			if err := parseTrainFile(s.Format, filepath.Base(path), b, add); err != nil {
				return nil, nil, fmt.Errorf("source %s, %s: %w", s.Name, f, err)
			}
			ls.files = append(ls.files, trainRecordFile{Path: f, SHA256: hex.EncodeToString(sum[:]), Rows: n})
		}
		if absent != "" {
			missing = append(missing, fmt.Sprintf("%s (%s)", s.Name, absent))
			continue
		}
		got = append(got, ls)
	}
	return got, missing, nil
}

// maxTrainText bounds a training message, as the bot bounds a checked one.
const maxTrainText = 16 << 10

// parseTrainFile calls add for each labelled message of b.
func parseTrainFile(format, name string, b []byte, add func(text, label string)) error {
	for i, line := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		switch format {
		case "jsonl":
			var r evalRow
			if err := json.Unmarshal(line, &r); err != nil {
				return fmt.Errorf("line %d: %w", i+1, err)
			}
			switch r.Label {
			case "scam", "benign", "spam":
				add(clipText(r.Text), r.Label)
			default:
				return fmt.Errorf("line %d: unknown label %q", i+1, r.Label)
			}
		case "teleantifraud":
			var d struct {
				Left  []string `json:"left"`
				Right []string `json:"right"`
			}
			if err := json.Unmarshal(line, &d); err != nil {
				return fmt.Errorf("line %d: %w", i+1, err)
			}
			// The caller speaks on the left; their first two turns are
			// what a person would retell or forward. Every id starts
			// tts_fraud_, so the file's name tells the normal dialogues.
			if len(d.Left) == 0 {
				continue
			}
			text := strings.Join(d.Left[:min(2, len(d.Left))], " ")
			if !strings.HasPrefix(name, "normal_dialogues") {
				add(clipText(text), "scam")
				continue
			}
			add(clipText(text), "benign")
			if len(d.Right) > 0 {
				// The customer's side of an ordinary call: everyday
				// spoken Chinese, which the sets otherwise lack.
				add(clipText(strings.Join(d.Right[:min(2, len(d.Right))], " ")), "benign")
			}
		default:
			return fmt.Errorf("unknown format %q", format)
		}
	}
	return nil
}

func clipText(s string) string {
	if len(s) <= maxTrainText {
		return s
	}
	return strings.ToValidUTF8(s[:maxTrainText], "")
}

// trainExamples folds the rows and marks those the rules leave open.
func trainExamples(rules *classifier.Classifier, srcs []loadedSource) []model.Example {
	var ex []model.Example
	for _, s := range srcs {
		var scam, genuine int
		for _, r := range s.rows {
			if r.label == "scam" {
				scam++
			} else if r.genuine {
				genuine++
			}
		}
		for _, r := range s.rows {
			isScam := r.label == "scam"
			if !isScam && !r.genuine {
				continue
			}
			n := float64(genuine)
			if isScam {
				n = float64(scam)
			}
			w := 1.0
			if s.MaxWeight > 0 && n > s.MaxWeight {
				w = s.MaxWeight / n
			}
			if s.Weight > 0 {
				w *= s.Weight
			}
			v := rules.Classify(r.text)
			ex = append(ex, model.Example{
				Text: classifier.Fold(r.text), Scam: isScam, Weight: w, Hard: r.hard,
				Open: !v.Level.Flagged(), ZH: v.Lang == "zh",
			})
		}
	}
	return ex
}

func readManifest(path string) (*trainManifest, error) {
	var m trainManifest
	if err := readStrictJSON(path, "manifest", &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// readManifest reads -manifest, relative to -root.
func (f trainFlags) readManifest() (*trainManifest, error) {
	return readManifest(filepath.Join(*f.root, *f.manifest))
}

// trainFlags are the flags train and loso share.
type trainFlags struct {
	manifest, root, dev, teleAntiFraud, also, features *string
	bits, epochs                                       *int
	maxHard, l2, rate                                  *float64
	bayes                                              *bool
}

// config is model.DefaultConfig changed by the flags (to measure
// alternatives; the shipped weights use the default).
func (f trainFlags) config() (model.Config, error) {
	cfg := model.DefaultConfig
	cfg.Bits, cfg.MaxHardFPR, cfg.Epochs, cfg.L2, cfg.Rate = uint8(*f.bits), *f.maxHard, *f.epochs, *f.l2, *f.rate
	cfg.NaiveBayes = *f.bayes
	if *f.features != "" {
		set, err := parseFeatures(*f.features)
		if err != nil {
			return cfg, err
		}
		cfg.Features = set
	}
	return cfg, nil
}

func addTrainFlags(fs *flag.FlagSet) trainFlags {
	return trainFlags{
		manifest:      fs.String("manifest", defaultManifest, "training sets and their licences (`file`)"),
		root:          fs.String("root", ".", "the repository root (`dir`)"),
		dev:           fs.String("dev", "../shared/datasets/dev", "the public dev sets (`dir`, $DEV in the manifest)"),
		teleAntiFraud: fs.String("teleantifraud", "", "a checkout of JimmyMa99/TeleAntiFraud (`dir`, $TELEANTIFRAUD)"),
		also:          fs.String("also", "", "more roots, comma-separated, to find files the repository lacks (`dirs`)"),
		features:      fs.String("features", "", "n-gram families to hash instead of the default (`list`: word,bi,han1,han2,han3,char4,shape)"),
		bits:          fs.Int("bits", int(model.DefaultConfig.Bits), "log2 of the number of weight buckets"),
		epochs:        fs.Int("epochs", model.DefaultConfig.Epochs, "passes over the examples"),
		maxHard:       fs.Float64("max-hard-fpr", model.DefaultConfig.MaxHardFPR, "share of hard genuine messages the model may raise alone (sets the threshold)"),
		l2:            fs.Float64("l2", model.DefaultConfig.L2, "L2 shrinkage per step"),
		rate:          fs.Float64("rate", model.DefaultConfig.Rate, "AdaGrad's learning rate"),
		bayes:         fs.Bool("naive-bayes", false, "fit naive Bayes instead of the logistic regression (to compare)"),
	}
}

func (f trainFlags) paths() trainPaths {
	p := trainPaths{root: *f.root, dev: *f.dev, teleAntiFraud: *f.teleAntiFraud}
	if *f.also != "" {
		p.also = strings.Split(*f.also, ",")
	}
	return p
}

// runTrain trains the learned model on the manifest's sets and writes the
// weights and the record of what they were trained on.
func runTrain(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	tf := addTrainFlags(fs)
	out := fs.String("o", defaultWeights, "where to write the weights (`file`)")
	record := fs.String("record", defaultRecord, "where to write what was trained on (`file`; empty: nowhere)")
	without := fs.String("without", "", "leave the named `source` out")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck train [flags]   (from the repository root)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	cfg, err := tf.config()
	if err != nil {
		return err
	}
	m, rec, err := trainFromManifest(ctx, tf, *without, cfg, sio)
	if err != nil {
		return err
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return fmt.Errorf("encode weights: %w", err)
	}
	sum := sha256.Sum256(b)
	rec.Weights = hex.EncodeToString(sum[:])
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	r := rec.Report
	fmt.Fprintf(sio.out, "weights: %s (%d bytes, %d non-zero)\nthreshold: %.4f (en), %.4f (zh)\nhard genuine: %d (%d below medium by the rules; model fires on %d out of fold)\nscams below medium by the rules: %d (model catches %d out of fold)\n",
		*out, len(b), r.NonZero, r.Threshold, r.ThresholdZH, r.Hard, r.HardOpen, r.HardFired, r.ScamOpen, r.ScamFired)
	if *record == "" {
		return nil
	}
	j, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	if err := os.WriteFile(*record, append(j, '\n'), 0o644); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	return nil
}

// trainFromManifest loads the sets present (all but without) and trains.
func trainFromManifest(ctx context.Context, tf trainFlags, without string, cfg model.Config, sio stdio) (*model.Model, *trainRecord, error) {
	man, err := tf.readManifest()
	if err != nil {
		return nil, nil, err
	}
	srcs, missing, err := loadSources(man, tf.paths())
	if err != nil {
		return nil, nil, err
	}
	for _, n := range missing {
		fmt.Fprintf(sio.err, "train: source %s left out: the file is missing (-dev, -teleantifraud, -also say where to look)\n", n)
	}
	rules, err := classifier.NewWithModel(nil)
	if err != nil {
		return nil, nil, fmt.Errorf("load rules: %w", err)
	}
	return trainOn(ctx, rules, srcs, without, cfg)
}

func trainOn(ctx context.Context, rules *classifier.Classifier, srcs []loadedSource, without string, cfg model.Config) (*model.Model, *trainRecord, error) {
	rec := &trainRecord{
		Comment: "Written by `scamcheck train`: the files the shipped weights were trained on (by checksum), the config, and how the threshold was set. TestRetrainReproducesWeights retrains from these files when they are all present.",
		Config:  cfg,
	}
	var use []loadedSource
	for _, s := range srcs {
		if s.Name == without {
			continue
		}
		use = append(use, s)
		rec.Sources = append(rec.Sources, trainRecordSource{Name: s.Name, Files: s.files})
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	m, rep, err := model.Train(trainExamples(rules, use), cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("train: %w", err)
	}
	rec.Report = rep
	return m, rec, nil
}

// featureNames name the families for -features.
var featureNames = map[string]model.Features{
	"word": model.WordUni, "bi": model.TokenBi, "han1": model.HanUni, "han2": model.HanBi,
	"han3": model.HanTri, "char4": model.Char4, "shape": model.Shape,
}

func parseFeatures(list string) (model.Features, error) {
	var set model.Features
	for _, n := range strings.Split(list, ",") {
		f, ok := featureNames[strings.TrimSpace(n)]
		if !ok {
			return 0, fmt.Errorf("unknown feature family %q", n)
		}
		set |= f
	}
	return set, nil
}
