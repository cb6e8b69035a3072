package llm

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

// TestTranscribeErrorsCarryNoProviderText: a provider's error body may
// quote what it was given; the error a transcription returns (which the
// bot logs) keeps the status and nothing the provider wrote.
func TestTranscribeErrorsCarryNoProviderText(t *testing.T) {
	const canary = "CANARY-transcript-7731"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"cannot read: ` + canary + `","type":"invalid_request_error","param":"` + canary + `"}}`))
	}))
	t.Cleanup(srv.Close)
	oc := openai.DefaultConfig("test-key")
	oc.BaseURL = srv.URL + "/v1"
	tr, err := NewTranscriber(openai.NewClientWithConfig(oc), "whisper-test", 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tr.Transcribe(context.Background(), []byte("OggS"), "voice.ogg")
	if err == nil {
		t.Fatal("got no error from a provider answering 400")
	}
	if strings.Contains(err.Error(), canary) {
		t.Errorf("got error %q, want it without the provider's words", err)
	}
	if !strings.Contains(err.Error(), "400") {
		t.Errorf("got error %q, want the HTTP status", err)
	}
}
