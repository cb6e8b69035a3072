package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
	"github.com/scamcheck/scamcheck/classifier"
)

func TestCheckImagePrintsWhatWasReadAndTheVerdict(t *testing.T) {
	imagetexttest.Reader(t, imagetext.Options{}) // skips without Tesseract
	dir := t.TempDir()
	scam := filepath.Join(dir, "scam.png")
	if err := os.WriteFile(scam, imagetexttest.MustRender(t, imagetexttest.SMS, imagetexttest.Samples[0].Chat), 0o600); err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(dir, "blank.png")
	img := image.NewRGBA(image.Rect(0, 0, 600, 900))
	for i := range img.Pix {
		img.Pix[i] = 0xE0
	}
	img.Set(10, 10, color.Black)
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	if err := os.WriteFile(blank, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(string) string { return "" }

	var out, errOut bytes.Buffer
	if code := realMain(context.Background(), []string{"check", "--image", scam}, stdio{in: strings.NewReader(""), out: &out, err: &errOut, getenv: env}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "安全账户") || !strings.Contains(out.String(), "level: high") {
		t.Errorf("check --image: want the text read and level high, got:\n%s", out.String())
	}

	for _, tc := range []struct {
		file       string
		level      classifier.Level
		unreadable bool
	}{{scam, classifier.LevelHigh, false}, {blank, 0, true}} {
		out.Reset()
		if code := realMain(context.Background(), []string{"check", "--json", "--image", tc.file}, stdio{in: strings.NewReader(""), out: &out, err: &errOut, getenv: env}); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var rep imageReport
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("JSON: %v in %s", err, out.String())
		}
		switch {
		case rep.Unreadable != tc.unreadable:
			t.Errorf("%s: unreadable %v, want %v", filepath.Base(tc.file), rep.Unreadable, tc.unreadable)
		case tc.unreadable && rep.Verdict != nil:
			t.Errorf("%s: a verdict (%v) on an image that was not read", filepath.Base(tc.file), rep.Verdict.Level)
		case !tc.unreadable && (rep.Verdict == nil || rep.Verdict.Level != tc.level):
			t.Errorf("%s: verdict %+v, want level %v", filepath.Base(tc.file), rep.Verdict, tc.level)
		}
	}
}

func TestCheckImageRefusesWhatIsNoImage(t *testing.T) {
	imagetexttest.Reader(t, imagetext.Options{})
	f := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(f, []byte("not an image"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := realMain(context.Background(), []string{"check", "--image", f}, stdio{in: strings.NewReader(""), out: &out, err: &errOut, getenv: func(string) string { return "" }})
	if code != 1 || !strings.Contains(errOut.String(), "not a readable PNG, JPEG or WebP") {
		t.Errorf("exit %d, stderr %q: want 1 and the reason", code, errOut.String())
	}
}

func TestImageSettings(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		wantErr string
		check   func(imagetext.Options) bool
	}{
		{map[string]string{}, "", func(o imagetext.Options) bool { return o.Workers == 0 && o.Budget == 0 }},
		{map[string]string{"OCR_WORKERS": "3", "OCR_TIMEOUT": "5s", "OCR_QUEUE": "0"}, "", func(o imagetext.Options) bool {
			return o.Workers == 3 && o.Budget == 5*time.Second && o.Queue == -1
		}},
		{map[string]string{"OCR_WORKERS": "0"}, "OCR_WORKERS", nil},
		{map[string]string{"OCR_QUEUE": "x"}, "OCR_QUEUE", nil},
		{map[string]string{"OCR_TIMEOUT": "10ms"}, "OCR_TIMEOUT", nil},
	} {
		o, err := loadImageConfig(stdio{getenv: func(k string) string { return tc.env[k] }})
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%v: got error %v, want one naming %s", tc.env, err, tc.wantErr)
		case tc.wantErr == "" && err != nil:
			t.Errorf("%v: got error %v, want none", tc.env, err)
		case tc.check != nil && !tc.check(o):
			t.Errorf("%v: got options %+v", tc.env, o)
		}
	}
}

func TestWithoutTesseractTheBotWarnsAndReadsNoImages(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	r := newImageReader(context.Background(), imagetext.Options{Tesseract: filepath.Join(t.TempDir(), "no-tesseract")}, zap.New(core))
	if r != nil {
		t.Errorf("reader without Tesseract: got %v, want nil (photos then get the request for text)", r)
	}
	w := logs.FilterLevelExact(zapcore.WarnLevel).All()
	if len(w) != 1 || !strings.Contains(w[0].Message, "tesseract-ocr") {
		t.Errorf("warnings: got %v, want one saying what to install", w)
	}
}
