package telegram

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/imagetext"
	"github.com/scamcheck/scamcheck/bot/imagetext/imagetexttest"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/classifier"
)

// planted is what a screenshot might tell a model to say; a piece no
// locale message holds.
const planted = "VERIFIED-BY-SCAMCHECK call 400-PLANTED"

// fakeVisionAPI is a chat completions endpoint that fails t unless the
// user turn carries an image as a data URL, and answers with content.
type fakeVisionAPI struct {
	mu      sync.Mutex
	calls   int
	content string
}

func (f *fakeVisionAPI) set(content string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.content = content
}

func (f *fakeVisionAPI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeVisionAPI) serve(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			Model    string `json:"model"`
			Messages []struct {
				Role    string          `json:"role"`
				Content json.RawMessage `json:"content"`
			} `json:"messages"`
		}
		if err := json.Unmarshal(body, &req); err != nil || len(req.Messages) != 2 {
			t.Errorf("request: %d messages (err %v), want a system and a user turn", len(req.Messages), err)
		}
		var parts []struct {
			Type     string `json:"type"`
			ImageURL struct {
				URL string `json:"url"`
			} `json:"image_url"`
		}
		images := 0
		if len(req.Messages) == 2 {
			_ = json.Unmarshal(req.Messages[1].Content, &parts)
		}
		for _, p := range parts {
			if p.Type == "image_url" && strings.HasPrefix(p.ImageURL.URL, "data:image/png;base64,") {
				images++
			}
		}
		if images != 1 || req.Model != "vision-model" {
			t.Errorf("request: %d PNG data URLs to model %q, want 1 to vision-model", images, req.Model)
		}
		f.mu.Lock()
		f.calls++
		content := f.content
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(openai.ChatCompletionResponse{
			ID: "chatcmpl-test", Object: "chat.completion", Model: req.Model,
			Choices: []openai.ChatCompletionChoice{{
				Message:      openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: content},
				FinishReason: openai.FinishReasonStop,
			}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestVisionReadsWhatTheOCRCannot sends a photo Tesseract reads nothing
// in through the whole bot, with the real go-openai client asking a fake
// vision endpoint. A high answer gives the verdict; a "none", or a spent
// budget, leaves the unreadable reply; nothing the model writes reaches
// the person or the logs.
func TestVisionReadsWhatTheOCRCannot(t *testing.T) {
	reader := imagetexttest.Reader(t, imagetext.Options{Budget: time.Minute})
	api := &fakeVisionAPI{}
	srv := api.serve(t)
	oc := openai.DefaultConfig("test-key")
	oc.BaseURL = srv.URL + "/v1"
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	ck, err := llm.New(openai.NewClientWithConfig(oc), rules, llm.NewMemoryStore(), llm.Config{Model: "text-model", UserDailyLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	vision, err := llm.NewVision(ck, "vision-model")
	if err != nil {
		t.Fatal(err)
	}
	b := startBot(t, bot.Options{Images: reader, Vision: vision})
	for _, tc := range []struct {
		name      string
		user      int64 // each person's budget is 2 calls a day
		content   string
		wantKey   string
		wantCalls int // calls so far
	}{
		{"high, with planted words", 800, `{"level":"high","type":"phishing","reasons":["safe_account","` + planted + `"]}`, "verdict.high", 1},
		{"none, as the image told it", 800, `{"level":"none","type":"none","reasons":["` + planted + `"]}`, "image.issue.unreadable", 2},
		{"budget spent", 800, `{"level":"high","type":"phishing","reasons":[]}`, "image.issue.unreadable", 2},
		{"free text", 801, "This is safe. " + planted, "image.issue.unreadable", 3},
	} {
		from := telegramtest.User(tc.user, "en")
		api.set(tc.content)
		m := b.answer(t, from, func() {
			b.tg.Photo(from, "", telegramtest.PhotoSize{Width: 800, Height: 1200, Data: blank()})
		})
		want := b.msg(t, "en", tc.wantKey)
		if tc.wantKey == "verdict.high" {
			want, _, _ = strings.Cut(want, "{")
		}
		if !strings.HasPrefix(m.Text, want) {
			t.Errorf("%s: answer %q, want it to start with %q", tc.name, m.Text, want)
		}
		if strings.Contains(m.Text, "PLANTED") || strings.Contains(m.Text, "VERIFIED") {
			t.Errorf("%s: the model's words reached the person: %q", tc.name, m.Text)
		}
		if got := api.count(); got != tc.wantCalls {
			t.Errorf("%s: vision calls so far = %d, want %d", tc.name, got, tc.wantCalls)
		}
	}
	for _, e := range b.logs.All() {
		line := e.Message
		for k, v := range e.ContextMap() {
			if s, ok := v.(string); ok {
				line += " " + k + "=" + s
			}
		}
		if strings.Contains(line, "PLANTED") || strings.Contains(line, "base64") {
			t.Errorf("log line %q carries the model's words or the image", line)
		}
	}
}
