package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/classifier"
)

// fakeChatAPI is an OpenAI-compatible endpoint answering every chat
// completion with content, counting calls.
func fakeChatAPI(t *testing.T, content string) (*httptest.Server, func() int) {
	t.Helper()
	var mu sync.Mutex
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		calls++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion", "model": "test-model",
			"choices": []map[string]any{{
				"index":         0,
				"message":       map[string]string{"role": "assistant", "content": content},
				"finish_reason": "stop",
			}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return calls }
}

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// greyText returns a test sentence the current rules send to the model, so
// this test survives changes to the rule set.
func greyText(t *testing.T) string {
	t.Helper()
	return greyWith(t, func(text string) string { return text })
}

// greyCandidates are sentences of the kinds the rules leave to the model.
var greyCandidates = []string{
	"Your parcel is waiting at the depot. Confirm your delivery address at https://parcel-depot.example/track before Friday.",
	"Hello, I am the new tutor your school assigned. Please add me on my other number 07700 900123 so we can talk.",
	"您好，您的包裹地址不详，请在今天之内登录 https://kuaidi.example/cn 补充信息。",
	"Please transfer the deposit for the flat today so I can hold it for you.",
	"Hi, is this still your number? We met at the conference last spring.",
}

// greyWith returns wrap(c) for the first candidate c that the current
// rules send to the model once wrapped (a test may add words that change
// the rules' verdict, such as an instruction planted for the model).
func greyWith(t *testing.T, wrap func(string) string) string {
	t.Helper()
	c, err := classifier.New()
	if err != nil {
		t.Fatalf("classifier.New: %v", err)
	}
	for _, candidate := range greyCandidates {
		text := wrap(candidate)
		if classifier.NeedsSecondOpinion(c.Classify(text), text) {
			return text
		}
	}
	t.Fatalf("none of the candidate sentences is in the grey band of the current rules; add one")
	return ""
}

func TestCheckJSONWithLLM(t *testing.T) {
	srv, calls := fakeChatAPI(t, `{"level":"high","type":"courier","reasons":["courier_fee"]}`)
	text := greyText(t)
	var out, errb bytes.Buffer
	sio := stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: envMap(map[string]string{
		"LLM_BASE_URL": srv.URL + "/v1",
		"LLM_MODEL":    "test-model",
		"LLM_API_KEY":  "test-key",
	})}
	if code := realMain(context.Background(), []string{"check", "--json", text}, sio); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errb.String())
	}
	var v struct {
		Level        string   `json:"level"`
		Type         string   `json:"type"`
		Source       string   `json:"source"`
		ModelReasons []string `json:"model_reasons"`
		ModelStatus  string   `json:"model_status"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("output %q is not JSON: %v", out.String(), err)
	}
	if v.Source != classifier.SourceRulesLLM || v.Level != "high" || v.Type != "courier" || v.ModelStatus != classifier.ModelAnswered {
		t.Errorf("got source %q, level %q, type %q, status %q; want rules+llm, high, courier, answered (output %s)",
			v.Source, v.Level, v.Type, v.ModelStatus, out.String())
	}
	if want := "sig.courier_fee"; strings.Join(v.ModelReasons, ",") != want {
		t.Errorf("model_reasons = %q, want %q", v.ModelReasons, want)
	}
	if n := calls(); n != 1 {
		t.Errorf("model calls = %d, want 1", n)
	}
}

func TestCheckJSONModelDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error":{"message":"overloaded"}}`, http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	text := greyText(t)
	var out, errb bytes.Buffer
	sio := stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: envMap(map[string]string{
		"LLM_BASE_URL": srv.URL + "/v1", "LLM_MODEL": "test-model", "LLM_API_KEY": "sk-do-not-print",
	})}
	if code := realMain(context.Background(), []string{"check", "--json", text}, sio); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errb.String())
	}
	var v struct {
		Source      string `json:"source"`
		ModelStatus string `json:"model_status"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("output %q is not JSON: %v", out.String(), err)
	}
	if v.Source != classifier.SourceRules || v.ModelStatus != classifier.ModelUnavailable {
		t.Errorf("got source %q, status %q; want rules, unavailable", v.Source, v.ModelStatus)
	}
	if strings.Contains(errb.String(), "sk-do-not-print") || strings.Contains(errb.String(), text) {
		t.Errorf("stderr carries the API key or the message: %s", errb.String())
	}
}

func TestNewChecker(t *testing.T) {
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	base := map[string]string{"LLM_BASE_URL": "http://127.0.0.1:1/v1", "LLM_MODEL": "m"}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for key, val := range base {
			m[key] = val
		}
		m[k] = v
		return m
	}
	tests := []struct {
		name    string
		env     map[string]string
		wantLLM bool
		wantErr string
	}{
		{"unset: rules only", map[string]string{}, false, ""},
		{"only a key: rules only", map[string]string{"LLM_API_KEY": "k"}, false, ""},
		{"configured", base, true, ""},
		{"all settings", map[string]string{
			"LLM_BASE_URL": "https://api.example/v1", "LLM_MODEL": "m", "LLM_API_KEY": "k", "LLM_TIMEOUT": "2s",
			"LLM_USER_DAILY_LIMIT": "5", "LLM_DAILY_LIMIT": "100", "LLM_CACHE_TTL": "24h", "LLM_MAX_INPUT_CHARS": "1000",
			"LLM_MAX_OUTPUT_TOKENS": "150", "LLM_BREAKER_FAILURES": "3", "LLM_BREAKER_COOLDOWN": "30s",
			"LLM_RESPONSE_FORMAT": "json_schema", "LLM_CACHE_SECRET": "s3cret",
		}, true, ""},
		{"model without URL", map[string]string{"LLM_MODEL": "m"}, false, "set together"},
		{"URL without model", map[string]string{"LLM_BASE_URL": "http://x/v1"}, false, "set together"},
		{"URL not http", with("LLM_BASE_URL", "ftp://x/v1"), false, "http(s) URL"},
		{"URL with credentials", with("LLM_BASE_URL", "https://u:p@x/v1"), false, "without credentials"},
		{"bad timeout", with("LLM_TIMEOUT", "soon"), false, "LLM_TIMEOUT"},
		{"timeout too long", with("LLM_TIMEOUT", "5m"), false, "cap"},
		{"zero budget", with("LLM_DAILY_LIMIT", "0"), false, "LLM_DAILY_LIMIT"},
		{"negative user budget", with("LLM_USER_DAILY_LIMIT", "-1"), false, "LLM_USER_DAILY_LIMIT"},
		{"unknown format", with("LLM_RESPONSE_FORMAT", "xml"), false, "response format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errb bytes.Buffer
			sio := stdio{out: io.Discard, err: &errb, getenv: envMap(tt.env)}
			c, err := newChecker(sio, rules, nil)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "u:p@") {
					t.Errorf("error repeats the credentials: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			_, isLLM := c.(*llm.Checker)
			_, isRules := c.(bot.RulesChecker)
			if isLLM != tt.wantLLM || isRules == tt.wantLLM {
				t.Errorf("checker is %T, want LLM %v", c, tt.wantLLM)
			}
		})
	}
}
