package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/classifier"
)

// loadImageConfig reads the OCR settings: OCR_WORKERS, OCR_QUEUE,
// OCR_TIMEOUT, OCR_LANGUAGES and TESSERACT.
func loadImageConfig(sio stdio) (imagetext.Options, error) {
	env := func(name string) string { return strings.TrimSpace(sio.getenv(name)) }
	o := imagetext.Options{Tesseract: env("TESSERACT"), Languages: env("OCR_LANGUAGES")}
	for _, s := range []struct {
		name     string
		dst      *int
		min, max int
	}{{"OCR_WORKERS", &o.Workers, 1, 64}, {"OCR_QUEUE", &o.Queue, 0, 1000}} {
		v := env(s.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < s.min || n > s.max {
			return o, fmt.Errorf("%s=%q: want a whole number from %d to %d", s.name, v, s.min, s.max)
		}
		*s.dst = n
		if s.name == "OCR_QUEUE" && n == 0 {
			o.Queue = -1 // no queue: only the workers' images
		}
	}
	if v := env("OCR_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second || d > 2*time.Minute {
			return o, fmt.Errorf("OCR_TIMEOUT=%q: want a duration from 1s to 2m, e.g. 8s", v)
		}
		o.Budget = d
	}
	return o, nil
}

// newImageReader starts the OCR, or warns and returns nil when Tesseract
// or its languages are missing: the bot then answers photos with a
// request for the text.
func newImageReader(ctx context.Context, o imagetext.Options, log *zap.Logger) bot.ImageReader {
	r, err := imagetext.New(ctx, o)
	if err != nil {
		log.Warn("screenshots and photos cannot be read; they will be answered with a request for the text. Install tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-chi-tra and tesseract-ocr-eng", zap.Error(err))
		return nil
	}
	return r
}

// newTranscriber makes the voice-note transcriber when
// LLM_TRANSCRIBE_MODEL is set: the endpoint of LLM_BASE_URL (and
// LLM_API_KEY) is asked through its audio transcription API. Unset gives
// nil: voice notes are answered with a request for the text.
func newTranscriber(sio stdio) (bot.Transcriber, error) {
	model := strings.TrimSpace(sio.getenv("LLM_TRANSCRIBE_MODEL"))
	if model == "" {
		return nil, nil
	}
	baseURL := strings.TrimSpace(sio.getenv("LLM_BASE_URL"))
	u, err := url.Parse(baseURL)
	if baseURL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, errors.New("LLM_TRANSCRIBE_MODEL needs LLM_BASE_URL, an http(s) URL without credentials")
	}
	oc := openai.DefaultConfig(sio.getenv("LLM_API_KEY"))
	oc.BaseURL = strings.TrimRight(baseURL, "/")
	// A backstop above the transcriber's own deadline.
	oc.HTTPClient = &http.Client{Timeout: llm.DefaultTranscribeTimeout + time.Second}
	t, err := llm.NewTranscriber(openai.NewClientWithConfig(oc), model, 0)
	if err != nil {
		return nil, fmt.Errorf("LLM_TRANSCRIBE_MODEL: %w", err)
	}
	return t, nil
}

// imageReport is check --image --json's output.
type imageReport struct {
	// Read is the text read; Links the QR codes' contents.
	Read  string   `json:"read"`
	Links []string `json:"links"`
	Chars int      `json:"chars"`
	// Unreadable is set when too little was read to check: Verdict is
	// then null, never a "none" the bot did not decide.
	Unreadable bool                `json:"unreadable"`
	Verdict    *classifier.Verdict `json:"verdict"`
}

// checkImage reads one image file and prints what was read and the
// verdict, as the bot would decide it.
func checkImage(ctx context.Context, path string, asJSON bool, sio stdio) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("--image: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(f, bot.DefaultMaxImageBytes+1))
	f.Close()
	if err != nil {
		return fmt.Errorf("--image %s: %w", path, err)
	}
	if len(data) > bot.DefaultMaxImageBytes {
		return fmt.Errorf("--image %s: larger than %d MB, which the bot does not read", path, bot.DefaultMaxImageBytes>>20)
	}
	o, err := loadImageConfig(sio)
	if err != nil {
		return err
	}
	o.Workers, o.Queue = 1, -1
	if o.Budget == 0 {
		// Nobody is waiting on a chat here: a slow machine still gets its
		// answer.
		o.Budget = time.Minute
	}
	r, err := imagetext.New(ctx, o)
	if err != nil {
		return err
	}
	res, err := r.Read(ctx, data)
	if err != nil {
		if errors.Is(err, imagetext.ErrNotImage) || errors.Is(err, imagetext.ErrTooLarge) {
			return fmt.Errorf("--image %s: %w", path, err)
		}
		return fmt.Errorf("read %s: %w", path, err)
	}
	rep := imageReport{Read: res.Text, Links: res.Links, Chars: res.Chars, Unreadable: res.Chars < bot.MinImageChars}
	if rep.Links == nil {
		rep.Links = []string{}
	}
	if !rep.Unreadable {
		c, err := classifier.New()
		if err != nil {
			return fmt.Errorf("load rules: %w", err)
		}
		ck, err := newChecker(sio, c, nil)
		if err != nil {
			return fmt.Errorf("set up checker: %w", err)
		}
		v := ck.Check(ctx, "cli", strings.Join(append([]string{res.Text}, res.Links...), "\n"))
		if v.Signals == nil {
			v.Signals = []classifier.Signal{}
		}
		rep.Verdict = &v
	}
	if asJSON {
		enc := json.NewEncoder(sio.out)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	fmt.Fprintf(sio.out, "read (%d letters and digits, %s):\n", res.Chars, res.Took.Round(time.Millisecond))
	for _, l := range strings.Split(res.Text, "\n") {
		fmt.Fprintf(sio.out, "  | %s\n", l)
	}
	for _, l := range res.Links {
		fmt.Fprintf(sio.out, "qr: %s\n", l)
	}
	if rep.Unreadable {
		fmt.Fprintf(sio.out, "too little text read to check (fewer than %d letters and digits): no verdict\n", bot.MinImageChars)
		return nil
	}
	v := rep.Verdict
	fmt.Fprintf(sio.out, "level: %s\ntype: %s\nscore: %.2f\nlang: %s\n", v.Level, v.Type, v.Score, v.Lang)
	for _, s := range v.Signals {
		fmt.Fprintf(sio.out, "  %s (%s): %q\n", s.ID, s.Type, s.Evidence)
	}
	return nil
}
