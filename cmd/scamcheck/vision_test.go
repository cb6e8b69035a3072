package main

import (
	"io"
	"strings"
	"testing"

	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/classifier"
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
