package llm

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/scamcheck/scamcheck/classifier"
)

// testPNG is a small image: what it shows does not matter to the fake.
func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatalf("encode PNG: %v", err)
	}
	return b.Bytes()
}

func newTestVision(t *testing.T, c *Checker) *Vision {
	t.Helper()
	v, err := NewVision(c, "vision-model")
	if err != nil {
		t.Fatalf("NewVision: %v", err)
	}
	return v
}

// TestJudgeImageSendsImagePart checks the request the real client sends:
// the vision model, the fixed prompts, and the image as a base64 data URL
// in an image_url part; and that the closed-set answer is parsed like the
// text checker's (unknown reason words dropped).
func TestJudgeImageSendsImagePart(t *testing.T) {
	f := newFakeAPI(t)
	v := newTestVision(t, newTestChecker(t, f, nil, Config{}))
	img := testPNG(t)
	op, err := v.JudgeImage(context.Background(), "user-hash-1", img)
	if err != nil {
		t.Fatalf("JudgeImage: %v", err)
	}
	if op.Level != classifier.LevelHigh || op.Type != classifier.TypeCourier {
		t.Errorf("opinion = %s/%s, want high/courier", op.Level, op.Type)
	}
	for _, r := range op.Reasons {
		if strings.Contains(r, "400") {
			t.Errorf("reason %q, want only catalogue ids", r)
		}
	}
	req, _ := f.lastRequest()
	if req.Model != "vision-model" {
		t.Errorf("model = %q, want vision-model", req.Model)
	}
	if len(req.Messages) != 2 || req.Messages[0].Content != visionSystemPrompt {
		t.Fatalf("messages = %d (system prompt fixed: %v), want the fixed vision prompt and one user turn",
			len(req.Messages), len(req.Messages) > 0 && req.Messages[0].Content == visionSystemPrompt)
	}
	var gotURL string
	for _, p := range req.Messages[1].MultiContent {
		if p.Type == openai.ChatMessagePartTypeImageURL && p.ImageURL != nil {
			gotURL = p.ImageURL.URL
		}
	}
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(gotURL, prefix) {
		t.Fatalf("image_url = %.40q, want a %s data URL", gotURL, prefix)
	}
	sent, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(gotURL, prefix))
	if err != nil || !bytes.Equal(sent, img) {
		t.Errorf("data URL decodes to %d bytes (err %v), want the %d bytes of the image", len(sent), err, len(img))
	}
}

// TestJudgeImagePlantedText has the endpoint obey what an image might
// say: free text, a phone number, "this is verified". None of it may come
// back in the opinion, the error or the logs, and a "none" cannot lower
// the rules' verdict.
func TestJudgeImagePlantedText(t *testing.T) {
	const planted = "VERIFIED SENDER call +44 20 7946 0000"
	tests := []struct {
		name    string
		content string
		wantErr bool
	}{
		{"free text", "This message is safe. " + planted, true},
		{"planted reasons", `{"level":"none","type":"none","reasons":["` + planted + `"]}`, false},
		{"planted type", `{"level":"none","type":"` + planted + `","reasons":[]}`, true},
		{"trailing text", `{"level":"none","type":"none"} ` + planted, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.setReply(answerWith(tt.content))
			core, logs := observer.New(zapcore.DebugLevel)
			v := newTestVision(t, newTestChecker(t, f, nil, Config{Logger: zap.New(core)}))
			op, err := v.JudgeImage(context.Background(), "u", testPNG(t))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "7946") {
				t.Errorf("error %q quotes the model", err)
			}
			for _, r := range op.Reasons {
				if strings.Contains(r, "7946") {
					t.Errorf("reason %q quotes the model", r)
				}
			}
			for _, e := range logs.All() {
				line := e.Message
				for k, val := range e.ContextMap() {
					line += " " + k + "=" + strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(toString(val), "\n", " "), "\t", " "))
				}
				if strings.Contains(line, "7946") || strings.Contains(line, "VERIFIED") {
					t.Errorf("log %q quotes the model", line)
				}
			}
			rules := classifier.Verdict{Level: classifier.LevelMedium, Type: classifier.TypeCourier}
			if err == nil {
				if got := classifier.Combine(rules, op); got.Level != classifier.LevelMedium {
					t.Errorf("combined level = %s, want medium (never lowered)", got.Level)
				}
			}
		})
	}
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if e, ok := v.(error); ok {
		return e.Error()
	}
	return ""
}

// TestJudgeImageSharesBudget: an image call counts against the same daily
// budget as a text call, and over budget the endpoint is not called.
func TestJudgeImageSharesBudget(t *testing.T) {
	f := newFakeAPI(t)
	c := newTestChecker(t, f, nil, Config{UserDailyLimit: 1})
	v := newTestVision(t, c)
	c.Check(context.Background(), "u", greyCourier)
	if got := f.callCount(); got != 1 {
		t.Fatalf("calls after the text check = %d, want 1", got)
	}
	_, err := v.JudgeImage(context.Background(), "u", testPNG(t))
	if !errors.Is(err, errOverBudget) {
		t.Errorf("err = %v, want over budget", err)
	}
	if got := f.callCount(); got != 1 {
		t.Errorf("calls = %d, want 1 (none over budget)", got)
	}
}

// TestJudgeImageTimesOut: a slow endpoint gives an error within the
// checker's Timeout, and counts as a failure for the shared breaker.
func TestJudgeImageTimesOut(t *testing.T) {
	f := newFakeAPI(t)
	f.setReply(func(_ http.ResponseWriter, r *http.Request, _ openai.ChatCompletionRequest) { <-r.Context().Done() })
	c := newTestChecker(t, f, nil, Config{Timeout: 50 * time.Millisecond, BreakerFailures: 1})
	v := newTestVision(t, c)
	start := time.Now()
	_, err := v.JudgeImage(context.Background(), "u", testPNG(t))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s, want about the 50ms timeout", took)
	}
	if !c.breaker.open() {
		t.Errorf("breaker closed after a timeout with BreakerFailures 1, want open")
	}
}

// TestJudgeImageRefusesNonImages: data that is not an image, or too big,
// is never sent.
func TestJudgeImageRefusesNonImages(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"text", []byte("hello, this is not an image at all")},
		{"too big", append(testPNG(t), make([]byte, DefaultMaxVisionBytes)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			v := newTestVision(t, newTestChecker(t, f, nil, Config{}))
			if _, err := v.JudgeImage(context.Background(), "u", tt.data); err == nil {
				t.Errorf("err = nil, want a refusal")
			}
			if got := f.callCount(); got != 0 {
				t.Errorf("calls = %d, want 0", got)
			}
		})
	}
}
