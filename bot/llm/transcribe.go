package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// DefaultTranscribeTimeout bounds one transcription: a voice note of a
// minute or two, sent while the person may still be on the phone.
const DefaultTranscribeTimeout = 20 * time.Second

// Transcriber turns a voice note into text through the endpoint's audio
// transcription API (/audio/transcriptions). The audio is sent to the
// provider and kept nowhere; the transcript is returned, never logged.
type Transcriber struct {
	c       *openai.Client
	model   string
	timeout time.Duration
}

// NewTranscriber returns a transcriber using model on c; timeout 0 means
// DefaultTranscribeTimeout.
func NewTranscriber(c *openai.Client, model string, timeout time.Duration) (*Transcriber, error) {
	if c == nil || strings.TrimSpace(model) == "" {
		return nil, errors.New("llm: a transcriber needs a client and a model")
	}
	if timeout <= 0 {
		timeout = DefaultTranscribeTimeout
	}
	return &Transcriber{c: c, model: model, timeout: timeout}, nil
}

// Transcribe returns what is said in audio; name is the file's name with
// the extension that tells the provider its format ("voice.ogg"). Errors
// carry the status, never the audio or the text.
func (t *Transcriber) Transcribe(ctx context.Context, audio []byte, name string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	resp, err := t.c.CreateTranscription(ctx, openai.AudioRequest{
		Model:    t.model,
		FilePath: name,
		Reader:   bytes.NewReader(audio),
		Format:   openai.AudioResponseFormatJSON,
	})
	if err != nil {
		// callError keeps the status and drops what the provider wrote:
		// the doc comment's promise holds only without the error body.
		return "", fmt.Errorf("transcribe %d bytes: %w", len(audio), callError(err))
	}
	return strings.TrimSpace(resp.Text), nil
}
