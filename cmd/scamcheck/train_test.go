package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/classifier/model"
)

// Retraining from the recorded files reproduces the shipped weights bit for
// bit (same platform: Go does not fuse floating-point operations on amd64,
// and training runs in one goroutine in a seeded order). It skips, saying
// why, when a training set is absent or changed since, or when the
// classifier now folds the same texts differently: the public sets live
// outside the repository (SCAMCHECK_DEV_DATA, SCAMCHECK_TELEANTIFRAUD;
// SCAMCHECK_TRAIN_ALSO names more roots for written sets not merged yet).
func TestRetrainReproducesWeights(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes seconds; skipped with -short")
	}
	root := filepath.Join("..", "..")
	var rec trainRecord
	b, err := os.ReadFile(filepath.Join(root, defaultRecord))
	if err != nil {
		t.Fatal(err)
	}
	if err := decodeStrictJSON(b, &rec); err != nil {
		t.Fatalf("decode %s: %v", defaultRecord, err)
	}
	p := trainPaths{root: root, dev: os.Getenv("SCAMCHECK_DEV_DATA"), teleAntiFraud: os.Getenv("SCAMCHECK_TELEANTIFRAUD")}
	if p.dev == "" {
		p.dev = filepath.Join(root, "..", "shared", "datasets", "dev")
	}
	// $DEV and $TELEANTIFRAUD are not under the root: resolve would join
	// a relative directory to the root a second time.
	for _, dir := range []*string{&p.dev, &p.teleAntiFraud} {
		if *dir != "" {
			if abs, err := filepath.Abs(*dir); err == nil {
				*dir = abs
			}
		}
	}
	if also := os.Getenv("SCAMCHECK_TRAIN_ALSO"); also != "" {
		p.also = strings.Split(also, ",")
	}
	man, err := readManifest(filepath.Join(root, defaultManifest))
	if err != nil {
		t.Fatal(err)
	}
	recorded := map[string]trainRecordSource{}
	for _, s := range rec.Sources {
		recorded[s.Name] = s
	}
	var used trainManifest
	for _, s := range man.Sources {
		if _, ok := recorded[s.Name]; ok {
			used.Sources = append(used.Sources, s)
		}
	}
	if len(used.Sources) != len(rec.Sources) {
		t.Fatalf("the record names %d sources, the manifest %d of them", len(rec.Sources), len(used.Sources))
	}
	for _, s := range rec.Sources {
		for _, f := range s.Files {
			path, ok := p.resolve(f.Path)
			if !ok {
				t.Skipf("training set %s is absent here (%s): cannot retrain", s.Name, path)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != f.SHA256 {
				t.Skipf("%s changed since the weights were trained: run `scamcheck train` and commit the new weights", path)
			}
		}
	}
	srcs, missing, err := loadSources(&used, p)
	if err != nil || len(missing) > 0 {
		t.Fatalf("load: %v, missing %v", err, missing)
	}
	rules, err := classifier.NewWithModel(nil)
	if err != nil {
		t.Fatal(err)
	}
	m, got, err := trainOn(context.Background(), rules, srcs, "", rec.Config)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := model.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if got.Report.Texts != rec.Report.Texts {
		t.Skipf("same files, other training texts: the classifier's folding changed since the weights were trained; run `scamcheck train` and commit the new weights")
	}
	if m.Features != shipped.Features || m.Bits != shipped.Bits || m.Bias != shipped.Bias || m.Scale != shipped.Scale || !bytes.Equal(int8Bytes(m.Weights), int8Bytes(shipped.Weights)) {
		diff := 0
		for i := range min(len(m.Weights), len(shipped.Weights)) {
			if m.Weights[i] != shipped.Weights[i] {
				diff++
			}
		}
		t.Fatalf("retrained weights differ from the shipped ones: %d of %d buckets, bias %v vs %v, scale %v vs %v", diff, len(m.Weights), m.Bias, shipped.Bias, m.Scale, shipped.Scale)
	}
	// The threshold depends on which messages the rules leave open too: if
	// the rules changed since, it moves, and the weights must be retrained
	// to follow.
	if got.Report.HardOpen != rec.Report.HardOpen || got.Report.ScamOpen != rec.Report.ScamOpen {
		t.Skipf("the rules changed since training (open hard genuine %d, was %d; open scams %d, was %d): weights reproduced, threshold not comparable; retrain",
			got.Report.HardOpen, rec.Report.HardOpen, got.Report.ScamOpen, rec.Report.ScamOpen)
	}
	if m.Threshold != shipped.Threshold || m.ThresholdZH != shipped.ThresholdZH {
		t.Errorf("thresholds: got %v, %v, want the shipped %v, %v", m.Threshold, m.ThresholdZH, shipped.Threshold, shipped.ThresholdZH)
	}
}

func int8Bytes(w []int8) []byte {
	b := make([]byte, len(w))
	for i, x := range w {
		b[i] = byte(x)
	}
	return b
}

// The shipped model learns only from sets whose licence allows it: no
// measuring-only set is in the manifest, every source names its licence,
// and DATA.md lists each.
func TestTrainingManifestOnlyLicensedSets(t *testing.T) {
	root := filepath.Join("..", "..")
	man, err := readManifest(filepath.Join(root, defaultManifest))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "classifier", "model", "DATA.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range man.Sources {
		if s.Licence == "" {
			t.Errorf("source %s: no licence", s.Name)
		}
		if !strings.Contains(string(data), "`"+s.Name+"`") {
			t.Errorf("source %s is not listed in DATA.md", s.Name)
		}
		for _, f := range s.Files {
			for _, banned := range []string{"telecom_zh", "nus_", "/blind/", "_blind"} {
				if strings.Contains(f, banned) {
					t.Errorf("source %s trains on %s, a set for measuring only", s.Name, f)
				}
			}
		}
	}
}

// train writes weights that load and a record of its sets, the same bytes
// twice; loso prints a line per source.
func TestTrainAndLOSOCommands(t *testing.T) {
	dir := t.TempDir()
	writeJSONL(t, dir, "zh.jsonl",
		`{"text":"您的账户涉嫌洗钱，请把钱转到安全账户配合调查，不要告诉家人。","label":"scam"}`,
		`{"text":"兼职刷单，日结三百，加微信详聊。","label":"scam"}`,
		`{"text":"晚上一起吃饭吗？老地方见。","label":"benign"}`,
		`{"text":"【银行】您尾号1234的卡消费58元。","label":"benign"}`,
	)
	writeJSONL(t, dir, "en.jsonl",
		`{"text":"Your parcel is on hold, pay the customs fee at this link today.","label":"scam"}`,
		`{"text":"Verify your account now or it will be suspended.","label":"scam"}`,
		`{"text":"Running late, see you at the station.","label":"benign"}`,
		`{"text":"Win a free ringtone, text TONE now.","label":"spam"}`,
		`{"text":"Your order has shipped and arrives Tuesday.","label":"benign"}`,
	)
	os.WriteFile(filepath.Join(dir, "m.json"), []byte(`{"sources":[
		{"name":"zh","licence":"ours","format":"jsonl","files":["zh.jsonl"],"hard_genuine":true},
		{"name":"en","licence":"ours","format":"jsonl","files":["en.jsonl"],"spam_as_genuine":true},
		{"name":"gone","licence":"ours","format":"jsonl","files":["absent.jsonl"]}]}`), 0o644)
	var first []byte
	for i := range 2 {
		w := filepath.Join(dir, "w.bin")
		code, out, errOut := runMain(t, "", "train", "-root", dir, "-manifest", "m.json", "-o", w, "-record", filepath.Join(dir, "r.json"), "-bits", "12")
		if code != 0 {
			t.Fatalf("train: exit %d, stderr %s", code, errOut)
		}
		if !strings.Contains(out, "threshold:") || !strings.Contains(errOut, "source gone (absent.jsonl) left out") {
			t.Errorf("train: stdout %q stderr %q, want the threshold and the missing source named", out, errOut)
		}
		b, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := model.Load(b); err != nil {
			t.Fatalf("written weights do not load: %v", err)
		}
		if i == 0 {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Error("two runs of train wrote different weights")
		}
	}
	rec, err := os.ReadFile(filepath.Join(dir, "r.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name": "zh"`, `"name": "en"`, `"sha256"`, `"weights_sha256"`} {
		if !strings.Contains(string(rec), want) {
			t.Errorf("record lacks %s:\n%s", want, rec)
		}
	}
	code, out, errOut := runMain(t, "", "loso", "-root", dir, "-manifest", "m.json", "-bits", "12", filepath.Join(dir, "en.jsonl"))
	if code != 0 {
		t.Fatalf("loso: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"held out", "\nzh ", "\nen ", "en.jsonl"} {
		if !strings.Contains(out, want) {
			t.Errorf("loso output lacks %q:\n%s", want, out)
		}
	}
	targets := filepath.Join(dir, "targets.json")
	os.WriteFile(targets, []byte(`{"files":{},"held_out":{"zh":{"min_recall":1.01},"en":{"max_fpr":1}}}`), 0o644)
	code, _, errOut = runMain(t, "", "loso", "-root", dir, "-manifest", "m.json", "-bits", "12", "-targets", targets)
	if code != 1 || !strings.Contains(errOut, "target missed: held-out zh recall") || strings.Contains(errOut, "held-out en") {
		t.Errorf("loso with an unmeetable target: exit %d, stderr %q, want 1 and only zh's recall missed", code, errOut)
	}
}

// Any file content parses without panic, and every message it yields is
// labelled scam, benign or spam.
func FuzzParseTrainFile(f *testing.F) {
	f.Add("jsonl", "a.jsonl", []byte(`{"text":"转账","label":"scam"}`+"\n"+`{"text":"hi","label":"spam"}`))
	f.Add("teleantifraud", "normal_dialogues-1.jsonl", []byte(`{"left":["您好","请问"],"right":["好的"]}`))
	f.Add("teleantifraud", "fraud_dialogues-1.jsonl", []byte(`{"left":[]}`+"\n\xff"))
	f.Add("csv", "x", []byte("a,b"))
	f.Fuzz(func(t *testing.T, format, name string, b []byte) {
		_ = parseTrainFile(format, name, b, func(text, label string) {
			if label != "scam" && label != "benign" && label != "spam" {
				t.Errorf("label %q from %q", label, b)
			}
			if len(text) > maxTrainText {
				t.Errorf("text of %d bytes, want at most %d", len(text), maxTrainText)
			}
		})
	})
}
