package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

func TestVisionSetting(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		env        map[string]string
		wantVision bool
		wantErr    string
	}{
		{"unset: no vision", map[string]string{"LLM_BASE_URL": "http://127.0.0.1:1/v1", "LLM_MODEL": "m"}, false, ""},
		{"blank: no vision", map[string]string{"LLM_VISION_MODEL": "  "}, false, ""},
		{"with the LLM", map[string]string{"LLM_BASE_URL": "http://127.0.0.1:1/v1", "LLM_MODEL": "m", "LLM_VISION_MODEL": "gpt-4o-mini"}, true, ""},
		{"without the LLM", map[string]string{"LLM_VISION_MODEL": "gpt-4o-mini"}, false, "LLM_VISION_MODEL needs LLM_BASE_URL and LLM_MODEL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sio := stdio{out: io.Discard, err: io.Discard, getenv: envMap(tt.env)}
			c, err := newChecker(sio, rules, nil)
			if err != nil {
				t.Fatalf("newChecker: %v", err)
			}
			v, err := newVision(sio, c)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("newVision: %v", err)
			}
			_, got := v.(*llm.Vision)
			if got != tt.wantVision {
				t.Errorf("vision configured = %v, want %v", got, tt.wantVision)
			}
			if !tt.wantVision && v != nil {
				t.Errorf("newVision = %v, want a nil interface", v)
			}
		})
	}
}

// visionModel is an OpenAI-compatible endpoint that answers an image
// "high", with words a screenshot might have planted among its reasons,
// and any text "none". It counts the images it was sent.
func visionModel(t *testing.T, images *atomic.Int32) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		answer := `{"level":"none","type":"none","reasons":[]}`
		if strings.Contains(string(body), `"image_url"`) && strings.Contains(string(body), "data:image/png;base64,") {
			images.Add(1)
			answer = `{"level":"high","type":"phishing","reasons":["safe_account","` + visionPlanted + `"]}`
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion", "model": "m",
			"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
				"message": map[string]string{"role": "assistant", "content": answer}}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

const visionPlanted = "VERIFIED-SENDER-PLANTED"

// blankPNG is a photo with no text in it.
func blankPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 600, 900))
	for i := range img.Pix {
		img.Pix[i] = 0xC0
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestE2EVisionModelSeesWhatTheOCRCannot runs `scamcheck run` with
// LLM_VISION_MODEL: a photo Tesseract reads nothing in is sent to the
// model as an image, its high answer is the verdict, and nothing it wrote
// reaches the person, the logs or Redis.
func TestE2EVisionModelSeesWhatTheOCRCannot(t *testing.T) {
	imagetexttest.Reader(t, imagetext.Options{}) // skips without Tesseract
	var images atomic.Int32
	h := newHarness(t, true)
	srv := visionModel(t, &images)
	h.env["LLM_BASE_URL"] = srv.URL + "/v1"
	h.env["LLM_MODEL"] = "text-model"
	h.env["LLM_VISION_MODEL"] = "vision-model"
	h.env["CHECKS_PER_MINUTE"] = "0"
	stop := h.start()
	defer stop()
	u := h.tg.Photo(enUser, "", telegramtest.PhotoSize{Width: 600, Height: 900, Data: blankPNG(t)})
	h.waitHandled(u.UpdateID)
	msgs := h.tg.WaitSent(t, enUser.ID, 1)
	want, err := locales.MustLoad().Render("en", "verdict.high", nil)
	if err != nil || want == "" {
		t.Fatalf("verdict.high renders %q (err %v), want a sentence", want, err)
	}
	if got := msgs[len(msgs)-1].Text; !strings.HasPrefix(got, want) || strings.Contains(got, "PLANTED") {
		t.Errorf("reply %q, want the high verdict without the model's words", got)
	}
	if got := images.Load(); got != 1 {
		t.Errorf("images sent to the model = %d, want 1", got)
	}
	if logs := h.logs.String(); strings.Contains(logs, "PLANTED") || strings.Contains(logs, "base64") {
		t.Errorf("the logs carry the model's words or the image:\n%s", logs)
	}
	keys, err := h.rd.Client().Keys(context.Background(), "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if strings.Contains(k, "llm:cache") {
			t.Errorf("Redis key %q: a vision answer was cached", k)
		}
	}
}
